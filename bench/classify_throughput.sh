#!/usr/bin/env bash
# `migdesk-cli classify` over N full Alma records (bench_parse_plan --generate-full), the full
# reader and the lean reader run alternately, RUNS times each. Prints every run (wall and
# user+sys CPU seconds), the medians and items/s, and checks that both outputs are the same bytes.
# Usage: bench/classify_throughput.sh [build-dir] ; env COUNT (default 100000), RUNS (default 5).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
count="${COUNT:-100000}"
runs="${RUNS:-5}"
cli="$build/app/migdesk-cli"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$build/bench/bench_parse_plan" --generate-full "$count" >"$work/records.jsonl"
echo "records: $count, $(($(stat -c %s "$work/records.jsonl") / count)) bytes each on average"

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

for ((i = 1; i <= runs; i++)); do
  for reader in full lean; do
    /usr/bin/time -f "%e %U %S" -o "$work/time" \
      "$cli" classify --reader "$reader" <"$work/records.jsonl" >"$work/$reader.out" || true
    read -r wall user sys <"$work/time"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
    echo "run $i $reader: ${wall} s wall, ${cpu} s cpu"
    echo "$wall" >>"$work/$reader.wall"
    echo "$cpu" >>"$work/$reader.cpu"
  done
done

cmp -s "$work/full.out" "$work/lean.out" && echo "outputs: identical" || {
  echo "outputs: DIFFER" >&2
  exit 1
}
for reader in full lean; do
  wall=$(median <"$work/$reader.wall")
  cpu=$(median <"$work/$reader.cpu")
  awk -v r="$reader" -v w="$wall" -v c="$cpu" -v n="$count" 'BEGIN {
    printf "%s reader: median %.2f s wall (%.0f items/s), %.2f s cpu (%.0f items/s)\n", r, w, n / w, c, n / c }'
done
