#!/usr/bin/env bash
# html.sh REPORT.html [EXPECTED_TEAMS] [PERSON]: open charterlint's HTML report in
# headless Debian Chromium through playwright-core and check it (html-check.mjs): no
# console error and no network request, the heatmap count "M of M teams", the person
# filter, the team detail, and the server-rendered page without JavaScript. Prints the
# load time and writes screenshots beside the report (or into $SCREENSHOT_DIR).
# Exit 1 on a failed check, 2 on a setup problem.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
[ $# -ge 1 ] || { echo "usage: html.sh REPORT.html [EXPECTED_TEAMS] [PERSON]" >&2; exit 2; }
need_apt chromium chromium || exit 2
need_npm playwright-core@1.65.1 playwright-core/package.json || exit 2
node "$CLIENTS/html-check.mjs" "$@"
