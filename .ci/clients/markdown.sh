#!/usr/bin/env bash
# markdown.sh REPORT.md [REPORT.json]: render with cmark-gfm (Debian; GitHub's own C
# renderer, with its table/autolink/strikethrough extensions, raw HTML such as <br> kept)
# into REPORT.md.html, and check with marked (npm, GFM) that every table row has the
# header's cell count and, given the JSON report of the same run, that team names,
# paths, people and messages render as written (md-check.mjs). Exit 1 on a problem.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
[ $# -ge 1 ] || { echo "usage: markdown.sh REPORT.md [REPORT.json]" >&2; exit 2; }
need_apt cmark-gfm cmark-gfm
need_npm marked@18.2.1 marked/package.json
cmark-gfm --unsafe -e table -e autolink -e strikethrough -e tagfilter "$1" > "$1.html" || exit 1
node "$CLIENTS/md-check.mjs" "$@"
