#!/usr/bin/env bash
# gh-annotations.sh GITHUB.txt [REPORT.json [CWD]]: every `::error|warning|notice ...::`
# line must be exactly what @actions/core's issueCommand writes for the same values
# (escapeData for the message, escapeProperty for file/line/col/title); with the JSON
# report of the same run (made in CWD), the annotations must carry its findings and
# errors. See gh-command.mjs, which also prints the expected line for given values:
#   node gh-command.mjs line error 'msg with % and \n' 'file=a,b:c.toml' line=3
set -uo pipefail
. "$(dirname "$0")/lib.sh"
[ $# -ge 1 ] || { echo "usage: gh-annotations.sh GITHUB.txt [REPORT.json [CWD]]" >&2; exit 2; }
need_npm @actions/core@3.0.1 @actions/core/lib/command.js
node "$CLIENTS/gh-command.mjs" check "$@"
