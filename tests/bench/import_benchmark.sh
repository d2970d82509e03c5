#!/usr/bin/env bash
# Import benchmark (issue 3): a caseboard-appointments file of N rows (default 1,000,000),
# made by the demo generator's exporter, imported by caseboard-cli and, side by side in
# this one script, by sqlite3's own `.mode csv` / `.import` into a bare table: the
# baseline. Prints the median of several runs of each, the ratios, and peak memory.
#
#   import_benchmark.sh CASEBOARD_CLI [ROWS] [RUNS]
set -euo pipefail

cli="$1"
rows="${2:-1000000}"
runs="${3:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

seconds_now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# Peak resident memory (KiB) and wall time of one command, via GNU time.
measure() { /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null; cat "$work/time.txt"; }

echo "== import benchmark: $rows rows, median of $runs runs"
"$cli" demo --db "$work/demo.db" --appointments "$rows" --end 2026-11-23 >/dev/null
"$cli" export appointments --db "$work/demo.db" --out "$work/appointments.csv" >/dev/null
size_mb=$(du -m "$work/appointments.csv" | cut -f1)
lines=$(($(wc -l <"$work/appointments.csv") - 1))
echo "file: $lines rows, ${size_mb} MB"

baseline=(); first=(); again=(); peak_first=0; peak_again=0
for run in $(seq "$runs"); do
  rm -f "$work/bare.db"
  start=$(seconds_now)
  sqlite3 "$work/bare.db" ".mode csv" ".import $work/appointments.csv appointments"
  baseline+=("$(echo "$(seconds_now) - $start" | bc)")

  rm -f "$work/import.db"*
  read -r t m < <(measure "$cli" import --db "$work/import.db" "$work/appointments.csv")
  first+=("$t"); (( m > peak_first )) && peak_first=$m

  read -r t m < <(measure "$cli" import --db "$work/import.db" "$work/appointments.csv")
  again+=("$t"); (( m > peak_again )) && peak_again=$m
  echo "run $run: sqlite3 .import ${baseline[-1]} s, first import ${first[-1]} s, re-import ${again[-1]} s"
done

b=$(printf '%s\n' "${baseline[@]}" | median)
f=$(printf '%s\n' "${first[@]}" | median)
a=$(printf '%s\n' "${again[@]}" | median)
echo "median sqlite3 .import (baseline): $b s"
echo "median first import:               $f s   ratio $(echo "scale=2; $f / $b" | bc) (target <= 1.00)"
echo "median re-import (all unchanged):  $a s   ratio $(echo "scale=2; $a / $b" | bc) (target <= 1.00)"
echo "peak RSS first import: $((peak_first / 1024)) MB, re-import: $((peak_again / 1024)) MB (target < 64 MB)"
echo "rows/s first import: $(echo "$lines / $f" | bc)"
