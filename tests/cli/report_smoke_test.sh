#!/usr/bin/env bash
# caseboard-cli report end to end: a small demo practice, then the report in each format.
# Checks exit codes and a few contract keys with grep (no python on every CI image).
#
#   report_smoke_test.sh CASEBOARD_CLI
set -euo pipefail

cli="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The CLI logs to the user's data directory; keep the test's lines out of the real one.
export XDG_DATA_HOME="$work/data"

fail() { echo "FAIL: $*" >&2; exit 1; }

"$cli" demo --db "$work/demo.db" --clinicians 3 --clients 60 --years 1 --end 2025-06-29 >/dev/null \
  || fail "demo exited $?"

"$cli" report --db "$work/demo.db" --as-of 2025-06-29 --format json >"$work/report.json" \
  || fail "report --format json exited $?"
for key in '"as_of": "2025-06-29"' '"retention_rate_12m"' '"clinicians"' '"lists"' '"missing_payments"'; do
  grep -q -- "$key" "$work/report.json" || fail "JSON lacks $key"
done

"$cli" report --db "$work/demo.db" --as-of 2025-06-29 --format text >"$work/report.txt" \
  || fail "report --format text exited $?"
grep -q "as of 2025-06-29" "$work/report.txt" || fail "text lacks the as-of date"
grep -q "CLINICIANS: SESSIONS AND BOOKINGS" "$work/report.txt" || fail "text lacks the clinician table"

"$cli" report --db "$work/demo.db" --as-of 2025-06-29 --format csv >"$work/report.csv" \
  || fail "report --format csv exited $?"
head -n 1 "$work/report.csv" | grep -q '^name,weekly_goal,' || fail "CSV header"
sed -n 2p "$work/report.csv" | grep -q '^Practice,' || fail "CSV Practice row"
[ "$(wc -l <"$work/report.csv")" -eq 5 ] || fail "CSV has $(wc -l <"$work/report.csv") lines, expected 5"

# Initials: no full client name from the JSON may survive in the masked report.
"$cli" report --db "$work/demo.db" --as-of 2025-06-29 --format json --initials >"$work/masked.json" \
  || fail "report --initials exited $?"
grep -q '"client_names": "initials"' "$work/masked.json" || fail "masked report not marked"
grep -o '"client": "[^"]*"' "$work/report.json" | sort -u | grep -v '"client": "[^ ]*"$' >"$work/names.txt" || true
while IFS= read -r name; do
  grep -qF -- "$name" "$work/masked.json" && fail "a client name survived --initials"
done <"$work/names.txt"

# The default as-of date (yesterday) works too.
"$cli" report --db "$work/demo.db" >/dev/null || fail "report without --as-of exited $?"

# A bad date is a clear error and exit 1, not a report.
set +e
"$cli" report --db "$work/demo.db" --as-of 2025-02-30 >"$work/bad.out" 2>"$work/bad.err"
status=$?
set -e
[ "$status" -eq 1 ] || fail "bad --as-of exited $status, expected 1"
grep -q -- "--as-of expects a date" "$work/bad.err" || fail "bad --as-of message"
[ ! -s "$work/bad.out" ] || fail "bad --as-of still printed a report"

echo "report smoke test passed"
