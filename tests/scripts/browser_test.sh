#!/usr/bin/env bash
# Renders the HTML documents of `nomos doc` in headless Chromium, as a reader would see them:
# every page must load without console errors, every internal link must reach an element of
# the DOM the browser built, and a screenshot (PNG) and a printout (PDF) are kept for people
# to look at. Installs Debian's chromium when it is missing and it can; otherwise skips
# (exit 77) saying why.
# Usage: browser_test.sh NOMOS_BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
nomos=$1 src=$2 work=$3
skip=77

find_browser() {
  local b
  for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then command -v "$b"; return 0; fi
  done
  return 1
}

browser=$(find_browser || true)
if [ -z "$browser" ] && [ "${NOMOS_NO_INSTALL:-0}" != 1 ]; then
  echo "browser test: chromium is missing; installing Debian's package" >&2
  "$src/tools/deps.sh" chromium >&2 || true
  browser=$(find_browser || true)
fi
if [ -z "$browser" ]; then
  echo "SKIP: no chromium, and it could not be installed (run tools/deps.sh chromium as root)"
  exit $skip
fi

rm -rf "$work" && mkdir -p "$work"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
       --disable-sync --no-first-run --hide-scrollbars "--user-data-dir=$profile")

# Loads a page; its console output goes to LOG. Chromium logs every console message as
# "CONSOLE"; our pages have no scripts, so any such line is a failure.
load() {  # load URL DOM_OUT LOG
  timeout 120 "$browser" "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom "$1" >"$2" 2>"$3" || {
    echo "FAIL: chromium could not load $1"; cat "$3"; return 1; }
}
console_errors() { grep -E 'CONSOLE|Uncaught' "$1" || true; }

# The console check must be able to fail: a page with a script error is caught.
printf '<!DOCTYPE html><html><body><script>undefinedFunction()</script></body></html>\n' >"$work/broken.html"
load "file://$work/broken.html" "$work/broken.dom" "$work/broken.log"
if [ -z "$(console_errors "$work/broken.log")" ]; then
  echo "FAIL: the console check did not see the script error of a broken page"; exit 1
fi

cd "$src"
failed=0 pages=0
for input in tests/golden-docs/*.nomos; do
  name=$(basename "$input" .nomos)
  site="$work/$name/site" dom="$work/$name/dom"
  mkdir -p "$dom"
  "$nomos" doc "$input" --today 2026-01-01 -o "$site" 2>"$work/$name/doc.log" || {
    echo "FAIL: nomos doc $input"; cat "$work/$name/doc.log"; exit 1; }
  for page in "$site"/*.html; do
    base=$(basename "$page" .html)
    load "file://$(realpath "$page")" "$dom/$base.dom" "$dom/$base.log"
    errors=$(console_errors "$dom/$base.log")
    if [ -n "$errors" ]; then
      echo "FAIL: console errors on $name/$base.html:"; echo "$errors"; failed=$((failed + 1))
    fi
    pages=$((pages + 1))
  done
  python3 tests/scripts/html_check.py "$site" "$dom" || failed=$((failed + 1))
done

# The bundled examples: their markup and links checked as written, and their index page
# loaded in the browser (every page of the golden cases above already was).
for example in examples/*/; do
  [ -d "$example" ] || continue
  name=example_$(basename "$example")
  site="$work/$name/site"
  mkdir -p "$work/$name"
  "$nomos" doc "${example%/}" --today 2026-01-01 -o "$site" 2>"$work/$name/doc.log" || {
    echo "FAIL: nomos doc $example"; cat "$work/$name/doc.log"; failed=$((failed + 1)); continue; }
  python3 tests/scripts/html_check.py "$site" || failed=$((failed + 1))
  load "file://$(realpath "$site/index.html")" "$work/$name/index.dom" "$work/$name/index.log"
  errors=$(console_errors "$work/$name/index.log")
  if [ -n "$errors" ]; then echo "FAIL: console errors on $name/index.html:"; echo "$errors"; failed=$((failed + 1)); fi
  pages=$((pages + 1))
done

# What a reader sees: a screenshot of a provisions page and of the index, and a printout.
shots="$work/screenshots"
mkdir -p "$shots"
spec="$work/spec_cross_border/site"
for base in pipl index; do
  timeout 120 "$browser" "${flags[@]}" --window-size=1280,1800 "--screenshot=$shots/$base.png" \
    "file://$(realpath "$spec/$base.html")" >/dev/null 2>&1
done
timeout 120 "$browser" "${flags[@]}" --no-pdf-header-footer "--print-to-pdf=$shots/pipl.pdf" \
  "file://$(realpath "$spec/pipl.html")" >/dev/null 2>&1
for f in "$shots/pipl.png" "$shots/index.png"; do
  if [ "$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ] || [ "$(stat -c %s "$f")" -lt 20000 ]; then
    echo "FAIL: $f is not a screenshot of a rendered page"; failed=$((failed + 1))
  fi
done
if [ "$(head -c 5 "$shots/pipl.pdf")" != "%PDF-" ] || [ "$(stat -c %s "$shots/pipl.pdf")" -lt 10000 ]; then
  echo "FAIL: $shots/pipl.pdf is not a printed document"; failed=$((failed + 1))
fi

echo "rendered $pages pages; screenshots and PDF in $shots"
echo "$((pages - failed < 0 ? 0 : pages - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
