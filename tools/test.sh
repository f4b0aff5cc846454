#!/usr/bin/env bash
# Builds nomos and runs the whole test suite (ctest), installing what is missing.
# NOMOS_SANITIZE=1 also builds with AddressSanitizer + UndefinedBehaviorSanitizer into
# build-asan/ and runs the suite there (NOMOS_SANITIZE_ONLY=1: only that one).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${NOMOS_SANITIZE_ONLY:-0}" != 1 ]; then
  tools/build.sh
  ctest --test-dir "${NOMOS_BUILD_DIR:-build}" --output-on-failure -j2
fi
if [ "${NOMOS_SANITIZE:-0}" = 1 ]; then
  NOMOS_BUILD_DIR=build-asan tools/build.sh -DNOMOS_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 NOMOS_PROPERTY_ITERATIONS=500 \
    ctest --test-dir build-asan --output-on-failure -j2
fi
