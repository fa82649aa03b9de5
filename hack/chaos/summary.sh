#!/usr/bin/env bash
# make chaos's last step: the rows each fault test appended to $CHAOS_SUMMARY, as one table. Fails when a test left
# no row (it did not finish) or when any row counts a wrong or lost entry.
set -euo pipefail
file=${CHAOS_SUMMARY:?CHAOS_SUMMARY names the rows file}
expected=${1:-0}
printf '\n| fault test | runs | faults injected | recoveries | worst recovery | wrong entries seen | lost correct entries |\n'
printf '|---|---|---|---|---|---|---|\n'
cat "$file"
rows=$(grep -c '^|' "$file" || true)
[ "$rows" -ge "$expected" ] || { echo "[chaos] only $rows of $expected fault tests reported" >&2; exit 1; }
awk -F'|' '$7 + 0 != 0 || $8 + 0 != 0 { bad = 1 } END { exit bad }' "$file" \
  || { echo "[chaos] a fault test saw wrong or lost entries" >&2; exit 1; }
echo "[chaos] PASSED: $rows fault tests, no wrong entry, no lost entry" >&2
