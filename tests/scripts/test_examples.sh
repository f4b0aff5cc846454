#!/usr/bin/env bash
# `nomos test` on every bundled example: each must end with `N passed, 0 failed`. An example
# folder without rule files of its own (the tutorial) is a series of repositories, one per
# subfolder.
# Usage: test_examples.sh NOMOS_BINARY SOURCE_DIR
set -euo pipefail
nomos=$1 src=$2
cd "$src"
repositories=()
for dir in examples/*/; do
  dir=${dir%/}
  if compgen -G "$dir/*.nomos" > /dev/null; then
    repositories+=("$dir")
  else
    for sub in "$dir"/*/; do repositories+=("${sub%/}"); done
  fi
done
passed=0 failed=0
for repo in "${repositories[@]}"; do
  status=0
  out=$("$nomos" test "$repo" --today 2026-01-01 2>&1) || status=$?
  last=$(printf '%s\n' "$out" | tail -n 1)
  if [ "$status" -eq 0 ] && [[ "$last" =~ ^[0-9]+\ passed,\ 0\ failed$ ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL nomos test $repo (exit $status):"
    printf '%s\n' "$out" | sed 's/^/  /'
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
