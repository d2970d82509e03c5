#!/usr/bin/env bash
# caseboard-cli payroll end to end: a small demo practice, then one pay period as text and
# as the payroll provider's CSV. The CSV's gross pay adds up to the text's total.
#
#   payroll_smoke_test.sh CASEBOARD_CLI
set -euo pipefail

cli="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data"

fail() { echo "FAIL: $*" >&2; exit 1; }

"$cli" demo --db "$work/demo.db" --clinicians 4 --clients 80 --years 1 --end 2025-06-29 >/dev/null \
  || fail "demo exited $?"

"$cli" payroll --db "$work/demo.db" --period-containing 2025-06-20 --as-of 2025-06-30 >"$work/payroll.txt" \
  || fail "payroll --format text exited $?"
grep -q "Payroll 2025-06-16 to 2025-06-30 (15 days)" "$work/payroll.txt" || fail "text lacks the period"
grep -q "Semi-monthly" "$work/payroll.txt" || fail "text lacks the rule"

"$cli" payroll --db "$work/demo.db" --period-containing 2025-06-20 --as-of 2025-06-30 --format csv \
  >"$work/payroll.csv" || fail "payroll --format csv exited $?"
head -n 1 "$work/payroll.csv" | grep -q '^Employee,Role,Period Start,Period End,Counted Sessions,' \
  || fail "CSV header"
[ "$(wc -l <"$work/payroll.csv")" -ge 5 ] || fail "CSV has fewer than 4 people"
sed -n 2p "$work/payroll.csv" | grep -q ',2025-06-16,2025-06-30,' || fail "CSV period columns"

# The demo's names hold no commas or quotes, so the last field is the gross pay.
csv_total="$(tail -n +2 "$work/payroll.csv" | awk -F, '{ cents += int($NF * 100 + 0.5) } END { printf "%.2f", cents / 100 }')"
text_total="$(grep -E '^  Total ' "$work/payroll.txt" | awk '{ print $NF }' | tr -d '$,')"
[ "$csv_total" = "$text_total" ] || fail "CSV gross pay adds up to $csv_total, the text says $text_total"

# A bad date is a clear error and exit 1.
set +e
"$cli" payroll --db "$work/demo.db" --period-containing 2025-02-30 >"$work/bad.out" 2>"$work/bad.err"
status=$?
set -e
[ "$status" -eq 1 ] || fail "bad --period-containing exited $status, expected 1"
grep -q -- "--period-containing expects a date" "$work/bad.err" || fail "bad date message"
[ ! -s "$work/bad.out" ] || fail "bad date still printed a payroll"

echo "payroll smoke test passed"
