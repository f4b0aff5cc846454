#!/usr/bin/env bash
# Builds the fuzz targets with clang (libFuzzer + ASan + UBSan) into build-fuzz/ and runs one.
# Usage: fuzz/run.sh fuzz_check|fuzz_programs SECONDS [extra libFuzzer flags...]
# FUZZ_SANITIZERS=undefined builds without ASan into build-fuzz-undefined/ (about 3x the
# executions per second; leaks and memory errors are then not detected).
# Seeds: every .nomos file under tests/ and examples/ (fuzz_check); the corpus grows in
# fuzz/corpus-TARGET/ (ignored by git; FUZZ_CORPUS=DIR picks another, e.g. one for a campaign
# of small inputs). Crashes land in fuzz/artifacts/. Later flags override the defaults below:
# beside other jobs run niced with -timeout=10 (a starved process overruns 1 s on inputs that
# take 50 ms), then check the 1-second limit with fuzz/replay.sh on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh fuzz_check|fuzz_programs SECONDS}
seconds=${2:-60}
shift 2 || true
tools/deps.sh clang libclang-rt-14-dev
sanitizers=${FUZZ_SANITIZERS:-address,undefined}
build=build-fuzz
[ "$sanitizers" = address,undefined ] || build=build-fuzz-${sanitizers//,/-}
if [ ! -f $build/CMakeCache.txt ]; then
  CC=clang CXX=clang++ cmake -S . -B $build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DNOMOS_FUZZ=ON -DNOMOS_FUZZ_SANITIZERS="$sanitizers" -DNOMOS_BUILD_TESTS=OFF >/dev/null
fi
cmake --build $build -j2 --target "$target"
corpus=${FUZZ_CORPUS:-fuzz/corpus-$target}
mkdir -p "$corpus" fuzz/artifacts
seeds=()
if [ "$target" = fuzz_check ]; then
  seeds=(fuzz/seeds)
  mkdir -p fuzz/seeds
  find tests examples stdlib -name '*.nomos' -size -64k -exec cp {} fuzz/seeds/ \; 2>/dev/null || true
fi
exec $build/bin/"$target" "$corpus" "${seeds[@]}" -dict=fuzz/nomos.dict -max_total_time="$seconds" \
  -timeout=1 -rss_limit_mb=2048 -max_len=16384 -artifact_prefix=fuzz/artifacts/ -print_final_stats=1 "$@"
