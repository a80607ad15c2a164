#!/usr/bin/env bash
# readme-recipes.sh [README.md]: every code block of the README checked by the program
# that would read it when a user copies it: workflows against check-jsonschema's GitHub
# workflow schema, their inputs and outputs against action.yml, and their `run:` steps
# with shellcheck; GitLab jobs against its GitLab CI schema; the pre-commit config with
# `pre-commit validate-config` and its hook ids against .pre-commit-hooks.yaml; the
# charter, which must lint clean, and the policy, which must load; the taplo config as
# TOML; shell blocks with shellcheck. Exit 1 on any problem.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
readme=${1:-$REPO/README.md}
need_pip check-jsonschema==0.39.0 check_jsonschema
need_pip pre-commit==4.7.0 pre_commit
need_pip pyyaml yaml
need_apt shellcheck shellcheck
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rc=0
fail() { echo "readme-recipes.sh: $*"; rc=1; }
count=0
while read -r kind path; do
  count=$((count + 1))
  case $kind in
    workflow)
      python3 -m check_jsonschema --builtin-schema vendor.github-workflows "$path" || fail "$path: not a valid workflow"
      mkdir -p "$path.steps"
      mapfile -t steps < <(python3 "$CLIENTS/extract_run.py" "$path" "$path.steps")
      [ ${#steps[@]} -eq 0 ] || shellcheck "${steps[@]}" || fail "$path: shellcheck"
      python3 - "$path" "$REPO/action.yml" <<'PY' || fail "$path: does not match action.yml"
import re, sys, yaml
workflow, action = (yaml.safe_load(open(p)) for p in sys.argv[1:3])
inputs, outputs = set(action["inputs"]), set(action.get("outputs") or {})
ok = True
for job in workflow["jobs"].values():
    ids = set()
    for step in job["steps"]:
        if str(step.get("uses", "")).startswith("charterlint/charterlint@"):
            ids.add(step.get("id"))
            for key in step.get("with") or {}:
                if key not in inputs:
                    print(f"input {key!r} is not one of the action's: {sorted(inputs)}"); ok = False
    for step in job["steps"]:
        for sid, out in re.findall(r"steps\.([\w-]+)\.outputs\.([\w-]+)", yaml.safe_dump(step)):
            if sid in ids and out not in outputs:
                print(f"output {out!r} is not one of the action's: {sorted(outputs)}"); ok = False
sys.exit(0 if ok else 1)
PY
      ;;
    gitlab)
      python3 -m check_jsonschema --builtin-schema vendor.gitlab-ci "$path" || fail "$path: not a valid GitLab CI file" ;;
    precommit)
      python3 -m pre_commit validate-config "$path" || fail "$path: not a valid pre-commit config"
      python3 - "$path" "$REPO/.pre-commit-hooks.yaml" <<'PY' || fail "$path: names a hook the repository does not have"
import sys, yaml
config, manifest = (yaml.safe_load(open(p)) for p in sys.argv[1:3])
known = {hook["id"] for hook in manifest}
used = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
print("hooks used:", sorted(used), "offered:", sorted(known))
sys.exit(0 if used <= known else 1)
PY
      ;;
    charter)
      "$CHARTERLINT_BIN" check "$path" || fail "$path: the README's charter does not lint clean" ;;
    policy)
      "$CHARTERLINT_BIN" check "$REPO/examples/02-scaled-program.charter.toml" --config "$path" --fail-on never ||
        fail "$path: the README's policy does not load" ;;
    taplo)
      python3 -c 'import sys, tomllib; tomllib.load(open(sys.argv[1], "rb"))' "$path" || fail "$path: not TOML" ;;
    shell)
      shellcheck --shell=sh --exclude=SC2211 "$path" || fail "$path: shellcheck" ;;
    other) ;;
  esac
done < <(python3 "$CLIENTS/readme_blocks.py" "$readme" "$tmp")
echo "readme-recipes.sh: $count blocks read"
exit $rc
