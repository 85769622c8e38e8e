#!/usr/bin/env bash
# Sets up and runs every Ember test: one `swift test` at the root runs every sub-package's
# tests (the umbrella manifest re-hosts them), then the benchmark executable is built in
# release so that it never rots.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash Tools/Scripts/setup.sh
# Pillow, the independent decoder EmberImage's tests check our PNG and GIF files with
# (without it those checks are skipped, with a note in the test log).
if [ ! -x .venv-test/bin/python ] || ! .venv-test/bin/python -c "import PIL" >/dev/null 2>&1; then
    python3 -m venv .venv-test && .venv-test/bin/pip install -q pillow \
        || echo "test: could not set up .venv-test with Pillow" >&2
fi
if .venv-test/bin/python -c "import PIL" >/dev/null 2>&1; then
    export EMBER_PYTHON="$PWD/.venv-test/bin/python"
fi
swift build --build-tests
swift test
swift build -c release --package-path Benchmarks
