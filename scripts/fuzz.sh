#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in their own build dir and runs each
# for a bounded time from a small seed corpus (tests/fixtures, the shipped rules, sample notes).
# Env: MIGDESK_FUZZ_BUILD_DIR, MIGDESK_FUZZ_SECONDS (default 45), MIGDESK_JOBS (default 2).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${MIGDESK_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${MIGDESK_FUZZ_SECONDS:-45}"
instrument="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer"

cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="$instrument" \
  -DMIGDESK_FUZZ=ON -DMIGDESK_BUILD_UI=OFF -DMIGDESK_BUILD_BENCH=OFF -DMIGDESK_BUILD_TESTS=ON \
  >/dev/null
cmake --build "$build_dir" -j"${MIGDESK_JOBS:-2}" \
  --target fuzz_ItemFuzzer fuzz_NoteFuzzer fuzz_RulesFuzzer

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/item" "$work/note" "$work/rules"
cp "$root"/tests/fixtures/alma/*.json "$root"/tests/fixtures/alma/*.xml "$work/item/" 2>/dev/null || true
cp "$root/resources/rules/default.json" "$work/rules/"
i=0
while IFS= read -r note; do
  i=$((i + 1))
  printf '%s' "$note" >"$work/note/seed$i.txt"
done <<'NOTES'
Status: Missing
Lost--Library Applied
STATUS - MISSING IN TRANSIT 2019-03-04 JS
PRICE: $45.00 ; Status: Damaged Billed ; Gift of the Smith family
missing pages noted on receipt
Cat. Review JS
Status: Long Overdue (Lost)
Status: Missing, Damaged; Item status: Claims Returned
NOTES

export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for target in ItemFuzzer:item NoteFuzzer:note RulesFuzzer:rules; do
  name="${target%%:*}"
  corpus="$work/${target##*:}"
  echo "== fuzz_$name for ${seconds}s"
  if ! "$build_dir/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -max_len=16384 \
      -print_final_stats=1 "$corpus" 2>"$work/$name.log"; then
    tail -n 60 "$work/$name.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|Done" "$work/$name.log" || true
  fi
done
exit "$status"
