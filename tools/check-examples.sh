#!/usr/bin/env bash
# The main job: build nomos, check every bundled example and print its findings.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build.sh
build=${NOMOS_BUILD_DIR:-build}
status=0
for example in examples/*/; do
  echo "== nomos check ${example%/}"
  "$build/bin/nomos" check "${example%/}" --today 2026-01-01 || status=$?
done
# Examples show real conflicts on purpose: errors (status 1) are expected; 2 is a failure.
if [ "$status" -ge 2 ]; then exit "$status"; fi
