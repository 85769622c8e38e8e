#!/usr/bin/env bash
# Sets up and runs every Ember test: one `swift test` at the root runs every sub-package's
# tests (the umbrella manifest re-hosts them), then the benchmark executable is built in
# release so that it never rots.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash Tools/Scripts/setup.sh
swift build --build-tests
swift test
swift build -c release --package-path Benchmarks
