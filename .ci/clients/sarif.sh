#!/usr/bin/env bash
# sarif.sh FILE.sarif...: Microsoft's SARIF multitool (`validate`, rule kinds "Sarif;Gh":
# the SARIF spec rules and GitHub code scanning's ingestion rules), then JSON Schema
# validation against the SARIF 2.1.0 schema the multitool ships (its `validate` does not
# check the schema). Exit 1 on any error or warning; SARIF_LEVELS='Error;Warning;Note'
# also prints the notes (which never fail).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
[ $# -gt 0 ] || { echo "usage: sarif.sh FILE.sarif..." >&2; exit 2; }
need_npm @microsoft/sarif-multitool@5.7.0 @microsoft/sarif-multitool-linux/Sarif.Multitool
need_pip check-jsonschema==0.39.0 check_jsonschema
mt=$CLIENTS/node_modules/@microsoft/sarif-multitool-linux
chmod u+x "$mt/Sarif.Multitool" # the package's postinstall, which npm 11 may hold back
rc=0
for f in "$@"; do
  # Call the binary itself: the npm bin.js wrapper runs it through a shell, which splits "Sarif;Gh".
  out=$("$mt/Sarif.Multitool" validate --rule-kind "Sarif;Gh" --level "${SARIF_LEVELS:-Error;Warning}" "$f" 2>&1)
  st=$?
  grep -E ': (error|warning|note) [A-Z]+[0-9]+' <<<"$out"
  if [ $st -ne 0 ] || grep -qE ': (error|warning) [A-Z]+[0-9]+' <<<"$out" \
    || ! grep -q 'Analysis completed successfully' <<<"$out"; then
    echo "sarif.sh: $f: FAILED (multitool exit $st)"; rc=1
  fi
done
python3 -m check_jsonschema --schemafile "$mt/sarif-2.1.0.json" "$@" || rc=1
exit $rc
