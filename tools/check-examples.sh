#!/usr/bin/env bash
# The main job: build nomos, check every bundled example (printing its findings), run its
# test blocks, and write its policy documents (HTML) to out/NAME/.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build.sh
nomos=${NOMOS_BUILD_DIR:-build}/bin/nomos
failed=0
for example in examples/*/; do
  example=${example%/}
  # The tutorial is a sequence of steps (examples/tutorial/stepN), checked by its own test.
  [ "$(basename "$example")" = tutorial ] && continue
  name=$(basename "$example")
  echo "== nomos check $example"
  status=0
  "$nomos" check "$example" --today 2026-01-01 --color never || status=$?
  # The examples show real conflicts on purpose: errors (1) are expected; 2 means a broken run.
  [ "$status" -le 1 ] || failed=1
  if grep -rqs --include='*.nomos' '^test "' "$example"; then
    echo "== nomos test $example"
    "$nomos" test "$example" --today 2026-01-01 --color never || failed=1
  fi
  "$nomos" doc "$example" -o "out/$name" --today 2026-01-01 || failed=1
  echo "   documents: out/$name/index.html"
done
echo "== nomos check stdlib (the standard library, checked as its own source)"
"$nomos" check --stdlib stdlib stdlib --today 2026-01-01 --color never || failed=1
"$nomos" doc --stdlib stdlib stdlib -o out/stdlib --today 2026-01-01 || failed=1
echo "   documents: out/stdlib/index.html"
exit "$failed"
