#!/usr/bin/env bash
# Both executables must report the CMake project version.
set -euo pipefail
cli="$1"; gui="$2"; expected="$3"
cli_out="$("$cli" --version)"
echo "cli: $cli_out"
[[ "$cli_out" == *" $expected" ]] || { echo "FAIL: cli version '$cli_out' != $expected" >&2; exit 1; }
if [[ -n "$gui" ]]; then
  gui_out="$("$gui" --version)"
  echo "gui: $gui_out"
  [[ "$gui_out" == *" $expected" ]] || { echo "FAIL: gui version '$gui_out' != $expected" >&2; exit 1; }
fi
