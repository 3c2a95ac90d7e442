#!/usr/bin/env bash
# Configures and builds MigDesk into ${MIGDESK_BUILD_DIR:-build}. Arguments go to the cmake
# configure step; MIGDESK_TARGET limits the build to one target.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${MIGDESK_BUILD_DIR:-$root/build}"
jobs="${MIGDESK_JOBS:-2}"
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" "$@" >/dev/null
if [[ -n "${MIGDESK_TARGET:-}" ]]; then
  cmake --build "$build_dir" -j"$jobs" --target "$MIGDESK_TARGET"
else
  cmake --build "$build_dir" -j"$jobs"
fi
