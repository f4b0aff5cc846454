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
# SARIF: each result's ruleIndex names the rule with its ruleId, and only used rules are listed.
python3 - "$work"/sarif/*.json <<'PY'
import json, sys
for path in sys.argv[1:]:
    run = json.load(open(path))["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    used = sorted({r["ruleId"] for r in run["results"]})
    if rules != used:
        sys.exit(f"FAIL: {path}: rules {rules} are not the codes the results use {used}")
    for r in run["results"]:
        if rules[r["ruleIndex"]] != r["ruleId"]:
            sys.exit(f"FAIL: {path}: ruleIndex {r['ruleIndex']} does not name {r['ruleId']}")
print(f"SARIF rule indexes consistent in {len(sys.argv) - 1} files")
PY
