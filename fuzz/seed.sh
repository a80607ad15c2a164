#!/usr/bin/env bash
# Builds the fuzz corpus from every charter in the repository. The first byte of each
# input picks the format (even: TOML, odd: JSON), as the fuzz target reads it.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p fuzz/corpus/pipeline
count=0
while IFS= read -r -d '' file; do
  count=$((count + 1))
  case "$file" in *.json) printf '\001' ;; *) printf '\000' ;; esac >"fuzz/corpus/pipeline/seed-$count"
  cat "$file" >>"fuzz/corpus/pipeline/seed-$count"
done < <(find examples tests -type f \( -name '*.toml' -o -name '*.json' \) -print0 | sort -z)
echo "seeded fuzz/corpus/pipeline with $count charters"
