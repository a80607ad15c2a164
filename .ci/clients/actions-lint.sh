#!/usr/bin/env bash
# actions-lint.sh [ACTION.yml]: the action's metadata against check-jsonschema's vendored
# github-actions schema, then shellcheck on each `run:` block (extract_run.py writes them
# out, ${{ }} expressions replaced by a word). SHELLCHECK_OPTS='-o all' adds the optional
# checks. Exit 1 on any finding. Default: the repository's action.yml.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
action=${1:-$REPO/action.yml}
need_pip check-jsonschema==0.39.0 check_jsonschema
need_apt shellcheck shellcheck
need_pip pyyaml yaml
rc=0
python3 -m check_jsonschema --builtin-schema vendor.github-actions "$action" || rc=1
# The steps themselves live in action/run.sh.
shellcheck "$REPO/action/run.sh" || rc=1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mapfile -t scripts < <(python3 "$CLIENTS/extract_run.py" "$action" "$tmp")
if [ ${#scripts[@]} -gt 0 ]; then
  # shellcheck disable=SC2086 # SHELLCHECK_OPTS is a list of options
  shellcheck ${SHELLCHECK_OPTS:-} "${scripts[@]}" || rc=1
  echo "shellcheck: ${#scripts[@]} run blocks checked"
fi
exit $rc
