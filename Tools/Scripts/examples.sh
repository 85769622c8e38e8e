#!/usr/bin/env bash
# Ember's main job: sets up, builds `ember-examples` in release and runs the seed guide's four
# programs on the bundled data, writing each training animation (GIF) and final frame (PNG) to
# ${EMBER_EXAMPLES_DIR:-./ember-examples-output}.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash Tools/Scripts/setup.sh
swift build -c release --package-path Examples --product ember-examples
Examples/.build/release/ember-examples all --output-dir "${EMBER_EXAMPLES_DIR:-ember-examples-output}" "$@"
