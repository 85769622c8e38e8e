#!/usr/bin/env bash
# Ember's main job (for now, until the seed programs land): sets up, builds the `ember` CLI
# and tours the operator registry — lists operators, runs a few on .npy files, inspects
# the results. Writes its files to ${EMBER_TOUR_DIR:-./ember-tour}.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash Tools/Scripts/setup.sh
swift build --product ember
ember=".build/debug/ember"
out="${EMBER_TOUR_DIR:-ember-tour}"
mkdir -p "$out"

step() { printf '\n$ ember %s\n' "$*"; "$ember" "$@"; }

echo "== $("$ember" ops list --json | grep -o '"name"' | wc -l) operators registered; a few of them:"
"$ember" ops list | grep -E '^(add|matmul|softmax|randn|distance::cdist)\(' || true
step ops run arange --arg start=0 --arg end=6 --arg dtype=float32 -o "$out/a.npy"
step ops run view "$out/a.npy" --arg 'size=[2,3]' -o "$out/m.npy"
step ops run randn --arg "size=[3,4]" -o "$out/r.npy"
step ops run matmul "$out/m.npy" "$out/r.npy" -o "$out/p.npy"
step ops run softmax "$out/p.npy" --arg dim=1 -o "$out/s.npy"
step ops run max.dim "$out/s.npy" --arg dim=1 -o "$out/values.npy" -o "$out/indices.npy"
step inspect "$out/s.npy"
step inspect "$out/indices.npy"
step convert "$out/s.npy" "$out/s.safetensors" --metadata format=pt
step inspect "$out/s.safetensors"
step ops run add "$out/m.npy" "$out/a.npy" -o "$out/bad.npy" || echo "(a shape mismatch is reported, not a crash)"
echo
echo "Tour files are in $out/"
