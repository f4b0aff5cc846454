#!/usr/bin/env bash
# `nomos check --format json|sarif` on every golden case and example: each output must be
# valid JSON that validates against its schema (ours for JSON, OASIS's for SARIF).
# Usage: check_formats.sh NOMOS_BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
nomos=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work/json" "$work/sarif"
cd "$src"
n=0
for input in tests/golden/*.nomos tests/golden/*/ examples/*/; do
  [ -e "$input" ] || continue
  name=$(echo "${input%/}" | tr '/' '_')
  for format in json sarif; do
    status=0
    "$nomos" check "${input%/}" --today 2026-01-01 --format "$format" > "$work/$format/$name.json" || status=$?
    if [ "$status" -gt 1 ]; then
      echo "FAIL: nomos check $input --format $format exited $status"; exit 1
    fi
  done
  n=$((n + 1))
done
echo "checked $n inputs"
python3 tests/scripts/validate_json.py docs/schema/diagnostics.schema.json "$work"/json/*.json
python3 tests/scripts/validate_json.py tests/schemas/sarif-2.1.0.json "$work"/sarif/*.json
