#!/usr/bin/env bash
# Installs the Debian 12 packages nomos needs to build and test, if any is missing.
# Usage: tools/deps.sh [extra-package...]
set -euo pipefail

packages=(g++ cmake ninja-build antlr4 libantlr4-runtime-dev libfmt-dev libcli11-dev doctest-dev
          nlohmann-json3-dev libz3-dev libjemalloc-dev python3 python3-jsonschema "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0

echo "nomos: installing missing packages: ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "nomos: run as root or install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
