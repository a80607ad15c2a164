#!/usr/bin/env bash
# action-steps.sh: runs the GitHub Action's steps (action/run.sh, as action.yml calls
# them) outside a runner, with a fake GITHUB_* environment and the built binary in
# place of the install step: multi-line paths (one holding a space), a failing
# charter, a missing policy file, a baseline and a diff against the base commit.
# Exit 1 when a step does not behave as the action's README promises.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
run="$REPO/action/run.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rc=0
fail() { echo "action-steps.sh: $*"; rc=1; }

# A runner's environment, fresh for each scenario.
runner() {
  export RUNNER_TEMP="$tmp/runner-$1" RUNNER_OS=Linux GITHUB_ACTION_PATH="$REPO"
  export GITHUB_OUTPUT="$RUNNER_TEMP/output" GITHUB_STEP_SUMMARY="$RUNNER_TEMP/summary" GITHUB_PATH="$RUNNER_TEMP/path"
  mkdir -p "$RUNNER_TEMP/charterlint/bin"
  ln -sf "$CHARTERLINT_BIN" "$RUNNER_TEMP/charterlint/bin/charterlint"
  : > "$GITHUB_OUTPUT"; : > "$GITHUB_STEP_SUMMARY"; : > "$GITHUB_PATH"
  unset CHARTERLINT_CONFIG CHARTERLINT_BASELINE CHARTERLINT_DIFF_AGAINST
  export CHARTERLINT_FAIL_ON=error
}

# The workspace: a git repository of charters, one in a folder with a space.
work="$tmp/work"
mkdir -p "$work/teams/web app"
cp "$REPO/examples/01-startup.charter.toml" "$work/teams/web app/lumen.charter.toml"
cp "$REPO/examples/02-scaled-program.charter.toml" "$work/teams/payments.charter.toml"
cp "$REPO/examples/03-visionary-no-backlog.charter.toml" "$work/teams/atlas.charter.toml"
git -C "$work" init --quiet
git -C "$work" add -A
git -C "$work" -c user.name=t -c user.email=t@t commit --quiet -m base
cd "$work" || exit 2

# 1. Multi-line paths: every line is checked, the one holding a space too.
runner multi
export CHARTERLINT_PATHS=$'teams/web app/lumen.charter.toml\n  teams/payments.charter.toml\n\n'
out=$(bash "$run" check 2>&1); code=$?
[ "$code" -eq 0 ] || fail "multi-line paths: check exited $code: $out"
grep -q "checked 2 charters" <<<"$out" || fail "multi-line paths: not both charters checked: $out"
bash "$run" summary >/dev/null 2>&1 || fail "multi-line paths: the summary step failed"
grep -q "# charterlint gap report" "$GITHUB_STEP_SUMMARY" || fail "the job summary holds no gap report"

# 2. A failing charter fails the check and annotates it; space-separated paths work.
runner failing
export CHARTERLINT_PATHS="teams/payments.charter.toml teams/atlas.charter.toml"
out=$(bash "$run" check 2>&1); code=$?
[ "$code" -eq 1 ] || fail "a failing charter: check exited $code"
grep -q "^::error file=teams/atlas.charter.toml" <<<"$out" || fail "a failing charter: no annotation: $out"

# 3. A missing policy file: the SARIF step fails with exit 2, but writes the report.
runner config
export CHARTERLINT_PATHS=teams CHARTERLINT_CONFIG=org-policy.toml
bash "$run" sarif >/dev/null 2>&1; code=$?
[ "$code" -eq 2 ] || fail "a missing config: the SARIF step exited $code"
grep -q "file=$RUNNER_TEMP/charterlint.sarif" "$GITHUB_OUTPUT" || fail "a missing config: no SARIF file in the step's outputs"
grep -q '"ruleId": "input-error"' "$RUNNER_TEMP/charterlint.sarif" || fail "a missing config: the SARIF report does not show the error"
bash "$run" check >/dev/null 2>&1; code=$?
[ "$code" -eq 2 ] || fail "a missing config: check exited $code"

# 4. A baseline: the known failure no longer fails the check.
runner baseline
export CHARTERLINT_PATHS=teams
"$CHARTERLINT_BIN" check teams --write-baseline baseline.toml --quiet >/dev/null 2>&1
export CHARTERLINT_BASELINE=baseline.toml
out=$(bash "$run" check 2>&1); code=$?
[ "$code" -eq 0 ] || fail "with a baseline: check exited $code: $out"

# 5. The diff against the base: written to the summary and named in the outputs.
runner diff
export CHARTERLINT_PATHS=teams CHARTERLINT_DIFF_AGAINST=HEAD
sed -i 's/holders = \["Noor Haddad"\]/holders = ["Noor Haddad", "Sam Okafor"]/' teams/atlas.charter.toml
bash "$run" diff >/dev/null 2>&1 || fail "the diff step failed"
grep -q "^file=" "$GITHUB_OUTPUT" || fail "the diff step names no file"
grep -q "what this change does to ownership" "$GITHUB_STEP_SUMMARY" || fail "the job summary holds no diff"

[ "$rc" -eq 0 ] && echo "action-steps.sh: 5 scenarios behave as documented"
exit $rc
