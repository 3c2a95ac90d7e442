#!/usr/bin/env bash
# Checks that every C++ source follows .clang-format. With --fix, rewrites them instead.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
clang_format="$(command -v clang-format || command -v clang-format-14)"
mapfile -t files < <(git ls-files -- '*.cpp' '*.h' '*.h.in' 2>/dev/null || true)
if ((${#files[@]} == 0)); then
  mapfile -t files < <(find app core sandbox ui tests bench -name '*.cpp' -o -name '*.h')
fi
if [[ "${1:-}" == "--fix" ]]; then
  "$clang_format" -i "${files[@]}"
  exit 0
fi
"$clang_format" --dry-run -Werror "${files[@]}"
echo "format-check: ${#files[@]} files conform"
