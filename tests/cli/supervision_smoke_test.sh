#!/usr/bin/env bash
# caseboard-cli supervision end to end: a small demo practice, then one clinician's
# month as text and JSON, with and without initials, and the clear errors.
#
#   supervision_smoke_test.sh CASEBOARD_CLI
set -euo pipefail

cli="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data"

fail() { echo "FAIL: $*" >&2; exit 1; }

"$cli" demo --db "$work/demo.db" --clinicians 3 --clients 120 --years 2 --end 2025-06-29 >/dev/null \
  || fail "demo exited $?"
# A clinician's name, from the practice report.
clinician="$("$cli" report --db "$work/demo.db" --as-of 2025-06-29 --format csv | sed -n 3p | cut -d, -f1)"
[ -n "$clinician" ] || fail "no clinician in the report"

"$cli" supervision --db "$work/demo.db" --clinician "$clinician" --month 2025-05 --as-of 2025-06-29 \
  --format json >"$work/month.json" || fail "supervision --format json exited $?"
for key in '"month": "2025-05"' '"previous_month"' '"same_month_last_year"' '"counted_sessions"' \
           '"retention_rate_12m"' '"at_risk_clients"' '"overdue_notes"' '"trend"'; do
  grep -q -- "$key" "$work/month.json" || fail "JSON lacks $key"
done
grep -q '"month": "2025-04"' "$work/month.json" || fail "JSON lacks the previous month"
grep -q '"month": "2024-05"' "$work/month.json" || fail "JSON lacks the same month last year"

"$cli" supervision --db "$work/demo.db" --clinician "$clinician" --month 2025-05 --as-of 2025-06-29 \
  >"$work/month.txt" || fail "supervision --format text exited $?"
grep -q "Counted sessions / goal" "$work/month.txt" || fail "text lacks the numbers"
grep -q "Goals set at the last 1:1" "$work/month.txt" || fail "text lacks the goals"

# Initials: no full client name of the JSON survives in the masked one.
"$cli" supervision --db "$work/demo.db" --clinician "$clinician" --month 2025-05 --as-of 2025-06-29 \
  --format json --initials >"$work/masked.json" || fail "supervision --initials exited $?"
grep -o '"client": "[^"]*"' "$work/month.json" | sort -u | grep -v '"client": "[^ ]*"$' >"$work/names.txt" || true
while IFS= read -r name; do
  grep -qF -- "$name" "$work/masked.json" && fail "a client name survived --initials"
done <"$work/names.txt"

set +e
"$cli" supervision --db "$work/demo.db" --clinician "Nobody At All" --month 2025-05 2>"$work/err1"
s1=$?
"$cli" supervision --db "$work/demo.db" --clinician "$clinician" --month 2025-13 2>"$work/err2"
s2=$?
set -e
[ "$s1" -eq 1 ] && grep -q "no clinician named" "$work/err1" || fail "unknown clinician"
[ "$s2" -eq 1 ] && grep -q "expects YYYY-MM" "$work/err2" || fail "bad month"

echo "supervision smoke test passed"
