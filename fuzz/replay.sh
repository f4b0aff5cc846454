#!/usr/bin/env bash
# Runs every input of a target's corpora once in the ASan + UBSan build, with LeakSanitizer
# on and the 1-second limit per input: the check that follows a long campaign in the faster
# UBSan-only build (which sees neither leaks nor memory errors) or one run niced with a
# longer timeout. Prints libFuzzer's final statistics (slowest input, peak memory).
# Usage: fuzz/replay.sh fuzz_check|fuzz_programs
# Corpora: fuzz/corpus-TARGET and fuzz/corpus-TARGET-* (e.g. the small-input one).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/replay.sh fuzz_check|fuzz_programs}
tools/deps.sh clang libclang-rt-14-dev
build=build-fuzz
if [ ! -f $build/CMakeCache.txt ]; then
  CC=clang CXX=clang++ cmake -S . -B $build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DNOMOS_FUZZ=ON -DNOMOS_BUILD_TESTS=OFF >/dev/null
fi
cmake --build $build -j2 --target "$target"
shopt -s nullglob
corpora=(fuzz/corpus-"$target" fuzz/corpus-"$target"-*)
[ ${#corpora[@]} -gt 0 ] || { echo "fuzz/replay.sh: no corpus for $target yet (run fuzz/run.sh first)" >&2; exit 2; }
count=$(find "${corpora[@]}" -type f | wc -l)
echo "replaying $count inputs from ${corpora[*]}" >&2
mkdir -p fuzz/artifacts
ASAN_OPTIONS=detect_leaks=1 exec $build/bin/"$target" "${corpora[@]}" -runs=0 -timeout=1 \
  -rss_limit_mb=2048 -max_len=16384 -artifact_prefix=fuzz/artifacts/ -print_final_stats=1
