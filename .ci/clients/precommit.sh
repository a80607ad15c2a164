#!/usr/bin/env bash
# precommit.sh [HOOK_REPO] [CHARTER_DIR...]: `pre-commit validate-manifest` on the hook
# repo's .pre-commit-hooks.yaml, then, for each CHARTER_DIR, `pre-commit try-repo
# HOOK_REPO charterlint --all-files --verbose` in a throwaway git repo holding a copy of
# it. try-repo would `cargo install` the hook; cargo-shim/cargo, first on PATH, links
# the prebuilt $CHARTERLINT_BIN instead, so nothing is built. The hook repo is cloned
# first (its committed HEAD), so try-repo never touches the original. Exit 1 if the
# manifest is invalid or a hook run passes/fails differently from charterlint itself.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
hook_repo=$(realpath "${1:-$REPO}"); shift || true
[ $# -gt 0 ] || set -- "$REPO/tests/fixtures/org" "$REPO/tests/fixtures/org-with-broken" "$REPO/examples"
need_pip pre-commit==4.7.0 pre_commit
rc=0
python3 -m pre_commit validate-manifest "$hook_repo/.pre-commit-hooks.yaml" && echo "validate-manifest: ok" || rc=1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
git clone --quiet "$hook_repo" "$tmp/hooks"
for dir in "$@"; do
  work=$tmp/work-$(basename "$dir")
  mkdir -p "$work" && cp -r "$dir"/. "$work" && git -C "$work" init --quiet && git -C "$work" add -A
  "$CHARTERLINT_BIN" check "$work" --quiet >/dev/null 2>&1; want=$?
  (cd "$work" && PATH="$CLIENTS/cargo-shim:$PATH" python3 -m pre_commit try-repo "$tmp/hooks" charterlint --all-files --verbose --color never) > "$tmp/out" 2>&1
  got=$?
  awk 'n >= 3; /^=====+$/ { n++ }' "$tmp/out" # the output after try-repo's config block
  echo "precommit.sh: $dir: hook exit $got, charterlint exit $want"
  if [ $((got == 0)) -ne $((want == 0)) ]; then echo "precommit.sh: $dir: MISMATCH"; rc=1; fi
  # An ordinary commit that changes one charter: pre-commit passes only that file.
  git -C "$work" -c user.name=t -c user.email=t@t commit --quiet -m all
  one=$(git -C "$work" ls-files | grep -E '\.charter\.(toml|json)$' | head -1)
  echo " " >> "$work/$one" && git -C "$work" add "$one"
  (cd "$work" && PATH="$CLIENTS/cargo-shim:$PATH" python3 -m pre_commit try-repo "$tmp/hooks" charterlint --verbose --color never) 2>&1 |
    grep -E '^checked ' | sed "s|^|precommit.sh: $dir: commit changing only $one: |"
  # The whole-repository hook checks every charter, whatever the commit changed.
  all=$(git -C "$work" ls-files | grep -cE '\.charter\.(toml|json)$')
  summary=$( (cd "$work" && PATH="$CLIENTS/cargo-shim:$PATH" python3 -m pre_commit try-repo "$tmp/hooks" charterlint-all --verbose --color never) 2>&1 |
    grep -E '^checked ')
  checked=$(grep -oE '^checked [0-9]+' <<<"$summary" | grep -oE '[0-9]+')
  unreadable=$(grep -oE '[0-9]+ files? could not be checked' <<<"$summary" | grep -oE '^[0-9]+')
  read_all=$(( ${checked:-0} + ${unreadable:-0} ))
  echo "precommit.sh: $dir: charterlint-all read $read_all of $all charters"
  if [ "$read_all" -ne "$all" ]; then echo "precommit.sh: $dir: charterlint-all did not read every charter"; rc=1; fi
done
exit $rc
