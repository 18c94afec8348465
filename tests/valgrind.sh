#!/bin/sh
# tests/valgrind.sh: the batch commands a day brings, under valgrind ($DUBAN includes it):
# any memory error or definite leak fails (exit 99 from valgrind). Each command counts as a
# test; the summary is "valgrind-cli: N passed, N failed, N skipped" (appended to TEST_COUNTS
# as "valgrind-cli passed failed skipped" when that is set). Temp files under TMPDIR.
set -eu
: "${DUBAN:?}"
w=$(mktemp -d "${TMPDIR:-/tmp}/duban-vg.XXXXXX")
trap 'rm -rf "$w"' EXIT
trap 'exit 130' INT TERM
export LANG=C.UTF-8
pass=0
failed=0
run() {
	rc=0
	# shellcheck disable=SC2086 # DUBAN is valgrind with its options and the binary
	$DUBAN --db "$w/db" --today 2025-06-30 --lang en "$@" >/dev/null 2>"$w/err" || rc=$?
	# Exit statuses 1-4 are duban's own answers; 99 is valgrind's finding.
	if [ $rc = 99 ] || [ $rc -gt 4 ]; then
		failed=$((failed + 1))
		echo "FAIL $* (status $rc)"
		sed 's/^/  /' "$w/err"
	else
		pass=$((pass + 1))
	fi
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
[ -n "${TEST_COUNTS:-}" ] && echo "valgrind-cli $pass $failed 0" >>"$TEST_COUNTS"
echo "valgrind-cli: $pass passed, $failed failed, 0 skipped"
[ "$failed" = 0 ]
