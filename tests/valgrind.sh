#!/bin/sh
# tests/valgrind.sh: the batch commands a day brings, under valgrind ($DUBAN includes it):
# any memory error or definite leak fails (exit 99 from valgrind).
set -eu
: "${DUBAN:?}"
w=$(mktemp -d /tmp/duban-vg.XXXXXX)
trap 'rm -rf "$w"' EXIT
export LANG=C.UTF-8
run() {
	$DUBAN --db "$w/db" --today 2025-06-30 --lang en "$@" >/dev/null 2>"$w/err" || {
		rc=$?
		# Exit statuses 1-4 are duban's own answers; 99 is valgrind's finding.
		if [ $rc = 99 ] || [ $rc -gt 4 ]; then cat "$w/err"; echo "valgrind: $*"; exit 1; fi
	}
}
run init --demo
run dashboard
run dashboard --format json
run list litigation --status overdue
run list reconsideration --format csv
run show litigation 1
run history litigation 1
run add litigation case_no=VG1 agency=县公安局 complaint_received_on=2025/6/20
run edit litigation VG1 defence_submitted_on=2025-06-25
run add litigation case_no=VG2 agency=nowhere
run delete litigation VG1
run deadline reconsideration-reply 2024-09-27 --explain
run calendar 2025
run assess 2024
run assess 2024 --report
run export litigation -o "$w/l.csv"
run import "$w/l.csv" --dry-run
run export litigation hearing --format xlsx -o "$w/l.xlsx"
run import "$w/l.xlsx" --dry-run
run import "$w/l.xlsx" --sheet Hearing --dry-run
run backup "$w/b.db"
run check
echo "valgrind: no errors, no leaks"
