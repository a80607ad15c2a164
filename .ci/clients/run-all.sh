#!/usr/bin/env bash
# run-all.sh [OUTDIR]: make charterlint's reports on four inputs (examples, the org
# fixtures, a charter copied under /tmp so its paths are absolute, a folder holding a
# broken charter) in every format, then run each client on them. Prints one verdict per
# client; exit 1 if any client failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
cl=$CHARTERLINT_BIN
main=$REPO
out=${1:-$(mktemp -d)}
mkdir -p "$out/abs" && cp "$main/examples/01-startup.charter.toml" "$main/examples/06-json-team.charter.json" "$out/abs/"
# Names that every format must escape: % \r \n : , < & " ' U+0001 in file, team and
# person names (make-tricky.py), and a file name with | and a backtick.
python3 "$here/make-tricky.py" "$out/tricky"
declare -A input=([examples]=examples [org]=tests/fixtures/org [abs]="$out/abs" [broken]=tests/fixtures/org-with-broken
  [escapes]="$out/tricky/escapes" [names]="$out/tricky/markdown")
for name in "${!input[@]}"; do
  for fmt in json sarif junit github markdown html; do
    (cd "$main" && "$cl" check "${input[$name]}" --format "$fmt" --fail-on never > "$out/$name.$fmt" 2>/dev/null)
  done
done
names=(examples org abs broken escapes names)
files() { for n in "${names[@]}"; do echo "$out/$n.$1"; done; }
rc=0 runs=0
verdict() {
  runs=$((runs + 1)); log=$out/log.$runs.$(basename "$1" .sh)
  local t=$SECONDS
  if "$@" > "$log" 2>&1; then
    echo "PASS $(( SECONDS - t ))s $*"
  else
    echo "FAIL $(( SECONDS - t ))s $* (log: $log)"; tail -n 40 "$log" | sed 's/^/    /'; rc=1
  fi
}
cd "$here" || exit 2
mapfile -t sarif < <(files sarif); mapfile -t json < <(files json); mapfile -t junit < <(files junit)
verdict ./sarif.sh "${sarif[@]}"
verdict ./jsonschema.sh "$main/schemas/report.schema.json" "${json[@]}"
verdict ./jsonschema.sh "$main/schemas/charter.schema.json" "$main"/examples/*.charter.*
verdict ./junit.sh "${junit[@]}"
for n in "${names[@]}"; do verdict ./gh-annotations.sh "$out/$n.github" "$out/$n.json" "$main"; done
for n in "${names[@]}"; do verdict ./markdown.sh "$out/$n.markdown" "$out/$n.json"; done
# The HTML report in headless Chromium: every example team, a person's filter, one team
# without JavaScript; screenshots land in target/ for a person to look at.
mkdir -p "$main/target/screenshots"
export SCREENSHOT_DIR="$main/target/screenshots"
verdict ./html.sh "$out/examples.html" 9 "Hana Sato"
(cd "$main" && "$cl" check examples/09-acceptance-fell-through.charter.toml --format html --fail-on never > "$out/one-team.html" 2>/dev/null)
verdict ./html.sh "$out/one-team.html" 1
verdict ./html.sh "$out/broken.html" 2
verdict ./actions-lint.sh "$main/action.yml"
verdict ./action-steps.sh
verdict ./precommit.sh "$main"
verdict ./readme-recipes.sh "$main/README.md"
echo "reports and logs in $out"
exit $rc
