#!/usr/bin/env bash
# Org-scale benchmark: lints a generated organisation of charters and compares it, in
# the same run on the same machine, with a parse-only floor that reads the same files
# single-threaded with serde and does nothing else. Prints both medians, their ratio
# and the peak memory of the lint.
#
# With --baseline REV it also builds charterlint as it was at the git revision REV and
# times it interleaved with this build, so a change is judged against its own past
# on the same machine in the same run.
#
# Usage: scripts/bench-org.sh [--baseline REV] [TEAMS] [RUNS]
#        (defaults: 10000 teams, 7 runs)
set -euo pipefail
cd "$(dirname "$0")/.."

baseline_rev=""
if [[ "${1:-}" == "--baseline" ]]; then
  baseline_rev="${2:?--baseline needs a git revision}"
  shift 2
fi
teams="${1:-10000}"
runs="${2:-7}"
generator="${CHARTERLINT_GEN_ORG:-../shared/bench/gen_org.py}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --bin charterlint --example parse_floor
lint=target/release/charterlint
floor=target/release/examples/parse_floor

baseline=""
if [[ -n "$baseline_rev" ]]; then
  commit=$(git rev-parse --verify --quiet "$baseline_rev^{commit}") ||
    { echo "bench-org.sh: $baseline_rev is not a commit of this repository" >&2; exit 2; }
  # The exported tree is built in a target folder of its own, kept between runs, so
  # only the first comparison with a revision pays for its build.
  mkdir -p "$work/baseline-src"
  git archive "$commit" | tar -x -C "$work/baseline-src"
  echo "building the baseline ${commit:0:12} ..."
  cargo build --release --quiet --locked --bin charterlint \
    --manifest-path "$work/baseline-src/Cargo.toml" --target-dir "target/bench-baseline"
  baseline="target/bench-baseline/release/charterlint"
fi

python3 "$generator" "$work/org" "$teams" >/dev/null
echo "organisation: $teams charters, $(du -sh "$work/org" | cut -f1) on disk"

# Warm the page cache so both sides read from memory.
"$floor" "$work/org" >/dev/null

median() { sort -n | awk '{ values[NR] = $1 } END { print values[int((NR + 1) / 2)] }'; }
seconds() { # runs a command, prints its wall-clock seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

: >"$work/lint.times"
: >"$work/floor.times"
: >"$work/baseline.times"
for _ in $(seq "$runs"); do
  # Interleaved, so every side sees the same machine state.
  seconds "$floor" "$work/org" >>"$work/floor.times"
  seconds "$lint" check --format json "$work/org" >>"$work/lint.times"
  if [[ -n "$baseline" ]]; then
    seconds "$baseline" check --format json "$work/org" >>"$work/baseline.times"
  fi
done
floor_median=$(median <"$work/floor.times")
lint_median=$(median <"$work/lint.times")
ratio=$(echo "$lint_median / $floor_median" | bc -l)

peak_kb=$( { /usr/bin/time -v "$lint" check --format json "$work/org" >/dev/null || true; } 2>&1 |
  awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }')

# One team end to end, process start included: batches of 50 runs, so the cost of
# timing itself is spread thin; the median batch divided by 50.
one_team="examples/02-scaled-program.charter.toml"
batch() { for _ in $(seq 50); do "$lint" check "$one_team" >/dev/null 2>&1 || true; done; }
: >"$work/one.times"
for _ in $(seq 7); do seconds batch >>"$work/one.times"; done
one_median=$(echo "$(median <"$work/one.times") / 50" | bc -l)

printf 'parse floor (serde, 1 thread)  median %.3f s\n' "$floor_median"
printf 'charterlint check --format json median %.3f s\n' "$lint_median"
printf 'ratio                           %.2fx (target <= 1.5x)\n' "$ratio"
if [[ -n "$baseline" ]]; then
  baseline_median=$(median <"$work/baseline.times")
  printf 'baseline %-12s --format json median %.3f s\n' "${commit:0:12}" "$baseline_median"
  printf 'this build against the baseline %+.1f%%\n' \
    "$(echo "($lint_median / $baseline_median - 1) * 100" | bc -l)"
fi
printf 'peak memory                     %d MB (target <= 64 MB)\n' "$((peak_kb / 1024))"
printf 'one team, end to end            median %.1f ms (target <= 3 ms)\n' "$(echo "$one_median * 1000" | bc -l)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
