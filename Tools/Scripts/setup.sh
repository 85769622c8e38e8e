#!/usr/bin/env bash
# Installs what Ember links and builds with, when missing: Debian's -dev packages and
# pkg-config. Needs a Debian machine with Swift on PATH; runs apt-get as root (or via sudo).
set -euo pipefail

packages=(pkg-config zlib1g-dev libpng-dev libopenblas-dev)

if ! command -v swift >/dev/null 2>&1; then
    echo "setup: Swift is not on PATH (Ember needs Swift 6.0 or newer)" >&2
    exit 1
fi

missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
