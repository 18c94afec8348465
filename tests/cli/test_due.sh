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

# 行政复议法(2023) 第六十二条第一款: the decision period "可以适当延长……延长期限最多不得超过三十日".
# Accepted 2025-08-02: 60 days end 2025-10-01 in the National Day break, so the unextended due
# date rolls to 2025-10-09; the 30 days run on from there: 11-08 Sat -> 2025-11-10 Mon. The
# other reading, 90 days from acceptance (what duban computed before), is 2025-10-31; --explain
# shows it.
test_due_decision_extension_deadline_command() {
	run deadline reconsideration-decision 2025-08-02
	expect_status 0
	expect_stdout 2025-10-09
	run deadline reconsideration-decision 2025-08-02 --extended
	expect_status 0
	expect_stdout 2025-11-10
	run deadline reconsideration-decision 2025-08-02 --extended --explain
	expect_status 0
	if [ "$(head -n 1 "$T/.stdout")" != 2025-11-10 ]; then
		fail "first line of --explain is not the due date 2025-11-10"
		show stdout "$T/.stdout"
	fi
	expect_stdout_contains "extension: 30 days counted on from the unextended due date 2025-10-09" \
	    "第六十二条" "under the other reading of the extension" ": 2025-10-31"
	run --lang zh deadline reconsideration-decision 2025-08-02 --extended --explain
	expect_status 0
	expect_stdout_contains "2025-10-09" "2025-10-31"
	# The simplified procedure's period (and every other rule) cannot be extended.
	run deadline reconsideration-decision-simplified 2025-08-02 --extended
	expect_status 1
	expect_stderr_contains "reconsideration-decision only"
}

# A case whose decision period is extended gets the same date; both readings of make-up
# working days agree here.
test_due_decision_extension_record() {
	due_db
	run --today 2025-09-01 add reconsideration case_no=R1 agency=县公安局 applicant=李四 \
	    received_on=2025-07-28 accepted_on=2025-08-02 extended=是
	expect_status 0
	expect_sql db "SELECT decision_due_on FROM reconsideration_cases" 2025-11-10
	run --today 2025-09-01 edit reconsideration 1 extended=否
	expect_status 0
	expect_sql db "SELECT decision_due_on FROM reconsideration_cases" 2025-10-09
	printf '[calendar]\nmakeup_workdays = no\n' >site.ini
	run --config "$T/site.ini" --today 2025-09-01 edit reconsideration 1 extended=是
	expect_status 0
	expect_sql db "SELECT decision_due_on FROM reconsideration_cases" 2025-11-10
}
