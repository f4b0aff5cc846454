#!/usr/bin/env bash
# `nomos export` on every golden-docs case and every example: the JSON must validate against
# docs/schema/export.schema.json, and the ODRL must expand as JSON-LD (jsonld.js, offline, the
# ODRL context from an npm package). The npm packages are installed into NODE_DIR (in the
# build tree) when missing; without node/npm the JSON-LD part is skipped (exit 77) after the
# schema part has passed.
# Usage: check_exports.sh NOMOS_BINARY SOURCE_DIR WORK_DIR NODE_DIR
set -euo pipefail
nomos=$1 src=$2 work=$3 node_dir=$4
rm -rf "$work" && mkdir -p "$work/json" "$work/odrl"
cd "$src"

n=0
for input in tests/golden-docs/*.nomos examples/*/; do
  [ -e "$input" ] || continue
  name=$(echo "${input%/}" | tr '/' '_')
  for format in json odrl; do
    ext=$([ "$format" = json ] && echo json || echo jsonld)
    if ! "$nomos" export "${input%/}" --today 2026-01-01 --format "$format" -o "$work/$format/$name.$ext" \
         2>"$work/$format/$name.log"; then
      echo "FAIL: nomos export ${input%/} --format $format"; cat "$work/$format/$name.log"; exit 1
    fi
  done
  n=$((n + 1))
done
echo "exported $n inputs"
python3 tests/scripts/validate_json.py docs/schema/export.schema.json "$work"/json/*.json

packages=(jsonld@9 @digitalbazaar/odrl-context@1)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "SKIP: JSON-LD expansion needs node and npm (apt install nodejs npm)"; exit 77
fi
if [ ! -d "$node_dir/node_modules/jsonld" ] || [ ! -d "$node_dir/node_modules/@digitalbazaar/odrl-context" ]; then
  mkdir -p "$node_dir"
  if ! npm install --prefix "$node_dir" --no-save --no-audit --no-fund --loglevel=error "${packages[@]}" >&2; then
    echo "SKIP: could not install ${packages[*]} from the npm registry"; exit 77
  fi
fi
NODE_PATH="$node_dir/node_modules" node tests/scripts/jsonld_expand.js "$work"/odrl/*.jsonld
