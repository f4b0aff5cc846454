#!/usr/bin/env bash
# The Debian package as a user gets it: build it with CPack, unpack it into a scratch root
# with `dpkg -x` (no root needed), and run the unpacked `nomos` on a rule repository that
# does `import std`. The binary must find the standard library installed beside it
# (usr/share/nomos/stdlib), never the source tree: NOMOS_STDLIB is unset, the repository is
# copied out of the source tree, and removing the unpacked stdlib must make `import std` fail.
# Skips (77) when dpkg-deb or cpack is missing.
# Usage: deb_test.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build=$(realpath "$1") src=$(realpath "$2") work=$3
for tool in cpack dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
rm -rf "$work" && mkdir -p "$work" && work=$(realpath "$work")
fail() { echo "FAIL: $*"; exit 1; }

# ---- build the package
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/pkg") > "$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack could not build the package"; }
debs=("$work"/pkg/nomos_*.deb)
[ -f "${debs[0]}" ] || fail "cpack wrote no nomos_*.deb into $work/pkg"
deb=${debs[0]}
echo "built $(basename "$deb")"

# ---- its control fields
[ "$(dpkg-deb -f "$deb" Package)" = nomos ] || fail "the package is not called nomos"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libantlr4-runtime4.9 libfmt9 libstdc++6 libc6; do
  [[ ", $depends," == *", $lib"[\ ,]* ]] || fail "Depends lacks $lib: $depends"
done

# ---- what it installs
root="$work/root"
dpkg -x "$deb" "$root" 2>/dev/null || dpkg-deb -x "$deb" "$root"
for f in usr/bin/nomos usr/share/nomos/stdlib/std.nomos usr/share/nomos/stdlib/std/jurisdictions.nomos \
         usr/share/man/man1/nomos.1; do
  [ -f "$root/$f" ] || fail "the package does not install /$f"
done
[ -x "$root/usr/bin/nomos" ] || fail "/usr/bin/nomos is not executable"
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$root/usr/share/man/man1/nomos.1" 2>&1)
  [ -z "$warnings" ] || fail "the man page has roff warnings: $warnings"
fi
nomos="$root/usr/bin/nomos"
unset NOMOS_STDLIB
"$nomos" --version | grep -q '^nomos [0-9]' || fail "the installed nomos does not print its version"

# ---- run it on a repository that imports std, copied out of the source tree
repo="$work/rules"
cp -r "$src/examples/tutorial/step3" "$repo"
cd "$work"
status=0
"$nomos" check rules --today 2026-01-01 > "$work/check.txt" 2>&1 || status=$?
cat "$work/check.txt"
[ "$status" -eq 1 ] || fail "nomos check rules exited $status, expected 1 (one conflict)"
grep -q '^rules/us.nomos:14:6: error\[N3001\]: conflict: `copo_1` obliges what `sca_2702` forbids$' "$work/check.txt" ||
  fail "the conflict between copo_1 and sca_2702 was not reported"
grep -q '^note: agreement `us_uk_data` settles only part of it' "$work/check.txt" ||
  fail "the agreement was not taken into account"
grep -q '^witness: a ServiceProvider discloses content data; ' "$work/check.txt" ||
  fail "the conflict has no witness"
files=$(sed -n 's/^checked: 1 error in \([0-9]*\) files$/\1/p' "$work/check.txt")
[ -n "$files" ] && [ "$files" -gt 3 ] ||
  fail "expected the 3 files of the repository and those of the standard library to be read"

# ---- the installed nomos runs the test blocks of a repository
cp -r "$src/examples/tutorial/step6" "$work/tested"
status=0
"$nomos" test tested --today 2026-01-01 > "$work/test.txt" 2>&1 || status=$?
[ "$status" -eq 0 ] && grep -q '^3 passed, 0 failed$' "$work/test.txt" ||
  { cat "$work/test.txt"; fail "nomos test on the tutorial's step 6 did not pass its 3 tests"; }

# ---- and it was the installed stdlib that it read: take it away and `import std` fails
mv "$root/usr/share/nomos/stdlib" "$root/usr/share/nomos/stdlib.away"
status=0
"$nomos" check rules --today 2026-01-01 > "$work/check-nostdlib.txt" 2>&1 || status=$?
mv "$root/usr/share/nomos/stdlib.away" "$root/usr/share/nomos/stdlib"
if [ "$status" -eq 0 ] || ! grep -q 'N2007' "$work/check-nostdlib.txt"; then
  # Its last resort is the stdlib of the prefix it was configured for; a nomos installed
  # there on this machine would answer. Anything else means it read the source tree.
  if [ -d /usr/local/share/nomos/stdlib ] || [ -d /usr/share/nomos/stdlib ]; then
    echo "note: another nomos stdlib is installed on this machine; the check without one is skipped"
  else
    cat "$work/check-nostdlib.txt"
    fail "without the installed stdlib, expected N2007 (module not found): it read another stdlib"
  fi
fi

# ---- a moved installation still finds its stdlib (it looks relative to the binary)
mv "$root/usr" "$work/elsewhere"
status=0
"$work/elsewhere/bin/nomos" check rules --today 2026-01-01 > "$work/check-moved.txt" 2>&1 || status=$?
[ "$status" -eq 1 ] && grep -q "^checked: 1 error in $files files\$" "$work/check-moved.txt" ||
  { cat "$work/check-moved.txt"; fail "the installation moved to another prefix does not find its stdlib"; }

echo "ok: the package installs nomos, its stdlib and its man page, and the installed nomos uses its own stdlib"
