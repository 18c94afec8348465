# tests/cli/test_due.sh: due dates duban derives when a record is saved: stated periods are
# capped and a due date past 2999-12-31 is refused (exit 2); a due date reaching into a year
# the calendar does not cover is stored with a warning from add, edit and import, as
# `duban deadline` warns; the reconsideration decision's extension (行政复议法 第62条).

due_db() {
	make_db
	run_ok add agency name=县公安局 kind=部门
}

# Stated periods are capped like a rule's length (1-3650): 5000 working days used to stop
# counting early, 100000 months printed "0358-06-02"; nothing is stored.
test_due_stated_period_capped() {
	due_db
	run add suggestion doc_no=S1 kind=司法建议 agency=县公安局 received_on=2025-03-03 \
	    period_length=5000 period_unit=workdays
	expect_status 2
	expect_stderr_contains "period_length" "from 1 to 3650"
	run add suggestion doc_no=S1 kind=司法建议 agency=县公安局 received_on=2025-03-03 \
	    period_length=100000 period_unit=months
	expect_status 2
	expect_stderr_contains "period_length" "from 1 to 3650"
	run add suggestion doc_no=S1 kind=司法建议 agency=县公安局 received_on=2025-03-03 \
	    period_length=0 period_unit=days
	expect_status 2
	expect_sql db "SELECT count(*) FROM suggestions" 0
	run add suggestion doc_no=S1 kind=司法建议 agency=县公安局 received_on=2025-03-03 \
	    period_length=3650 period_unit=days
	expect_status 0
	expect_sql db "SELECT due_on FROM suggestions" 2035-03-01
}

# A due date the calendar cannot represent (after 2999-12-31) is refused, not stored as
# nothing (it showed "-" and dropped out of every count).
test_due_past_last_representable_day_refused() {
	due_db
	run --today 2995-06-01 add suggestion doc_no=S1 kind=司法建议 agency=县公安局 \
	    received_on=2995-01-02 period_length=3650 period_unit=days
	expect_status 2
	expect_stderr_contains "due_on" "2999-12-31"
	expect_sql db "SELECT count(*) FROM suggestions" 0
	run --today 2999-12-30 add litigation case_no=X1 agency=县公安局 \
	    complaint_received_on=2999-12-30
	expect_status 2
	expect_stderr_contains "2999-12-31"
	expect_sql db "SELECT count(*) FROM litigation_cases" 0
}

# add and edit warn, as deadline does, when a due date reaches into a year without an
# official schedule (2027 here: 2026-12-20 + 15 days = 2027-01-04); the record is stored.
test_due_uncovered_year_warned_by_add_and_edit() {
	due_db
	run --today 2026-12-30 add litigation case_no=X1 agency=县公安局 \
	    complaint_received_on=2026-12-20
	expect_status 0
	expect_stderr_contains "warning" "no official holiday schedule for 2027"
	expect_sql db "SELECT defence_due_on FROM litigation_cases" 2027-01-04
	run --today 2026-12-30 add litigation case_no=X2 agency=县公安局 \
	    complaint_received_on=2026-12-01
	expect_status 0
	expect_stderr_lacks "warning"
	run --today 2026-12-30 edit litigation 2 complaint_received_on=2026-12-21
	expect_status 0
	expect_stderr_contains "warning" "2027"
}

# import warns too, with the number of rows, and in a dry run as well.
test_due_uncovered_year_warned_by_import() {
	due_db
	printf 'case_no,agency,complaint_received_on\nX1,县公安局,2026-12-20\nX2,县公安局,2026-12-21\nX3,县公安局,2026-11-02\n' >cases.csv
	run --today 2026-12-30 import cases.csv --kind litigation --dry-run
	expect_status 0
	expect_stderr_contains "2 rows have due dates reaching into 2027"
	run --today 2026-12-30 import cases.csv --kind litigation
	expect_status 0
	expect_stderr_contains "warning" "2 rows have due dates reaching into 2027"
	expect_sql db "SELECT count(*) FROM litigation_cases" 3
}
