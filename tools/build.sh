#!/usr/bin/env bash
# Configures and builds nomos into build/ (or $NOMOS_BUILD_DIR), installing what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
build=${NOMOS_BUILD_DIR:-build}
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
fi
cmake --build "$build" -j2
