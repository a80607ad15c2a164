#!/usr/bin/env bash
# jsonschema.sh SCHEMA.json FILE...: validate JSON (or TOML, converted with tomllib) files
# with check-jsonschema and with ajv-cli in strict mode, draft 2020-12, with the
# standard formats of ajv-formats only: what a consumer running
# `ajv --strict=true -c ajv-formats` sees. Exit 1 if either fails.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
[ $# -ge 2 ] || { echo "usage: jsonschema.sh SCHEMA.json FILE..." >&2; exit 2; }
need_pip check-jsonschema==0.39.0 check_jsonschema
need_npm ajv-cli@5.0.0 ajv-cli/package.json
need_npm ajv-formats@3.0.1 ajv-formats/package.json
schema=$(realpath "$1"); shift
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
files=()
for f in "$@"; do
  case $f in
    *.toml) j=$tmp/$(basename "$f" .toml).json; python3 "$CLIENTS/toml2json.py" "$f" "$j" || exit 2; files+=("$j") ;;
    *) files+=("$f") ;;
  esac
done
rc=0
echo "== check-jsonschema"
python3 -m check_jsonschema --schemafile "$schema" "${files[@]}" || rc=1
echo "== ajv --spec=draft2020 --strict=true"
for f in "${files[@]}"; do
  (cd "$CLIENTS" && ajv validate --spec=draft2020 --strict=true \
    --all-errors --errors=text -c ajv-formats -s "$(realpath "$schema")" -d "$(realpath "$f")") || rc=1
done
exit $rc
