#!/usr/bin/env bash
# The README's test command: installs dependencies, builds everything and runs every test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
build_dir="${MIGDESK_BUILD_DIR:-$root/build}"
cd "$build_dir"
ctest --output-on-failure -j"${MIGDESK_JOBS:-2}" --timeout 900
