#!/usr/bin/env bash
# The steps of the charterlint GitHub Action (action.yml), one subcommand each, so that
# they can be run and tested outside a runner (.ci/clients/action-steps.sh).
#
# Inputs arrive as CHARTERLINT_* environment variables; the runner's GITHUB_*,
# RUNNER_TEMP and RUNNER_OS variables say where to write.
#   install   build charterlint into $RUNNER_TEMP/charterlint and put it on GITHUB_PATH
#   sarif     write the SARIF report (exit 2 when a charter cannot be read; the report
#             is written anyway, input errors included)
#   summary   append the Markdown gap report to the job summary
#   diff      write the ownership diff against CHARTERLINT_DIFF_AGAINST as Markdown,
#             append it to the job summary and name the file in the step's outputs
#   check     annotate the pull request; the exit code is the action's verdict
set -uo pipefail

charterlint() {
  if [ -x "$RUNNER_TEMP/charterlint/bin/charterlint" ]; then
    "$RUNNER_TEMP/charterlint/bin/charterlint" "$@"
  else
    command charterlint "$@"
  fi
}

# The `paths` input: one path a line when it spans several lines (a path may then
# hold spaces), else separated by spaces. Nothing given means the repository.
PATHS=()
if [[ "${CHARTERLINT_PATHS:-}" == *$'\n'* ]]; then
  while IFS= read -r line; do
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    if [ -n "$line" ]; then PATHS+=("$line"); fi
  done <<< "$CHARTERLINT_PATHS"
else
  read -r -a PATHS <<< "${CHARTERLINT_PATHS:-}"
fi
if [ ${#PATHS[@]} -eq 0 ]; then PATHS=(.); fi

OPTIONS=()
if [ -n "${CHARTERLINT_CONFIG:-}" ]; then OPTIONS+=(--config "$CHARTERLINT_CONFIG"); fi
if [ -n "${CHARTERLINT_BASELINE:-}" ]; then OPTIONS+=(--baseline "$CHARTERLINT_BASELINE"); fi

case "${1:-}" in
  install)
    cargo install --locked --quiet --path "$GITHUB_ACTION_PATH" --root "$RUNNER_TEMP/charterlint" || exit
    echo "$RUNNER_TEMP/charterlint/bin" >> "$GITHUB_PATH"
    ;;
  sarif)
    report="$RUNNER_TEMP/charterlint.sarif"
    charterlint check --format sarif --fail-on never --output "$report" "${OPTIONS[@]}" "${PATHS[@]}"
    code=$?
    if [ -s "$report" ]; then echo "file=$report" >> "$GITHUB_OUTPUT"; fi
    if [ "$code" -eq 2 ]; then
      echo "::error title=charterlint::a charter or the policy file could not be read; the errors are above and in the SARIF report"
    fi
    exit "$code"
    ;;
  summary)
    # The report of a run with unreadable charters is still this run's report.
    charterlint check --format markdown --fail-on never "${OPTIONS[@]}" "${PATHS[@]}" >> "$GITHUB_STEP_SUMMARY"
    code=$?
    if [ "$code" -eq 2 ]; then exit 2; fi
    ;;
  diff)
    report="$RUNNER_TEMP/charterlint-diff.md"
    charterlint diff --against "$CHARTERLINT_DIFF_AGAINST" --format markdown --fail-on never "${OPTIONS[@]}" "${PATHS[@]}" > "$report"
    code=$?
    if [ -s "$report" ]; then
      cat "$report" >> "$GITHUB_STEP_SUMMARY"
      echo "file=$report" >> "$GITHUB_OUTPUT"
    fi
    if [ "$code" -eq 2 ]; then exit 2; fi
    ;;
  check)
    charterlint check --format github --fail-on "${CHARTERLINT_FAIL_ON:-error}" "${OPTIONS[@]}" "${PATHS[@]}"
    ;;
  *)
    echo "usage: run.sh install|sarif|summary|diff|check" >&2
    exit 2
    ;;
esac
