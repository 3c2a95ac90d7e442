#!/usr/bin/env bash
# Builds the core test suite with ASan+UBSan and runs it; then the fuzzers for a bounded time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${MIGDESK_ASAN_BUILD_DIR:-$root/build-asan}"
"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=Debug -DMIGDESK_SANITIZERS=ON \
  -DMIGDESK_BUILD_UI=OFF -DMIGDESK_BUILD_BENCH=OFF >/dev/null
cmake --build "$build_dir" -j"${MIGDESK_JOBS:-2}" --target migdesk_core_tests
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
"$build_dir/tests/migdesk_core_tests" --gtest_brief=1
if [[ -x "$root/scripts/fuzz.sh" ]]; then
  "$root/scripts/fuzz.sh"
fi
