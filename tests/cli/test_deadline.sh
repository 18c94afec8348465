# tests/cli/test_deadline.sh: duban deadline RULE DATE [--explain].
# The due dates are the issue's worked examples; each comment says why the date is what it is.

# 行政复议法(2023) 第48条: 10 working days. 2024 National Day: 10-01..10-07 rest, 09-29 (Sun)
# and 10-12 (Sat) make-up working days. Counted: 9/29, 9/30, 10/8..10/12, 10/14..10/16.
test_deadline_reply_spans_national_day_2024() {
	run deadline reconsideration-reply 2024-09-27
	expect_status 0
	expect_stdout 2024-10-16
	# The other reading (make-up days are rest days) is shown beside it, on stderr.
	expect_stderr_contains 2024-10-18
}

# 30 days from 2024-01-11 end on 02-10, inside the Spring Festival break (02-10..02-17);
# the next working day is the make-up Sunday 02-18.
test_deadline_judicial_suggestion_spring_festival_2024() {
	run deadline judicial-suggestion 2024-01-11
	expect_status 0
	expect_stdout 2024-02-18
	expect_stderr_contains 2024-02-19
}

# 2 months from 12-31: February has no 31st, so its last day (2025-02-28, a Friday).
test_deadline_procuratorial_suggestion_month_end() {
	run deadline procuratorial-suggestion 2024-12-31
	expect_status 0
	expect_stdout 2025-02-28
	expect_stderr
}

# 15 days from 2025-09-16 end on 10-01, inside National Day (10-01..10-08): moved to 10-09.
test_deadline_litigation_defence_national_day_2025() {
	run deadline litigation-defence 2025-09-16
	expect_status 0
	expect_stdout 2025-10-09
	expect_stderr
}

# Before 2024-01-01 the reply period was 10 calendar days (行政复议法 2017 第23条): 2023-10-07 is
# a make-up working Saturday after the 2023 National Day break, so the period ends on it.
test_deadline_reply_before_2024_counts_calendar_days() {
	run deadline reconsideration-reply 2023-09-27
	expect_status 0
	expect_stdout 2023-10-07
	expect_stderr_contains 2023-10-09
}

test_deadline_date_forms_agree() {
	for d in 2024-09-27 2024/9/27 2024年9月27日 20240927 2024.9.27; do
		run deadline reconsideration-reply "$d"
		expect_status 0
		expect_stdout 2024-10-16
	done
}

test_deadline_explain_workdays_rule() {
	run deadline reconsideration-reply 2024-09-27 --explain
	expect_status 0
	# The due date stays the first line, so scripts can take `head -1`.
	if [ "$(head -n 1 "$T/.stdout")" != 2024-10-16 ]; then
		fail "first line of --explain is not the due date 2024-10-16"
		show stdout "$T/.stdout"
	fi
	expect_stdout_contains \
	    "rule: reconsideration-reply" \
	    "被申请人书面答复" \
	    "period: 10 working days" \
	    "in force for triggers from: 2024-01-01" \
	    "legal basis: 行政复议法(2023) 第48条" \
	    "make-up working days: count as working days" \
	    "under the other reading of make-up working days: 2024-10-18"
	# The alternate date is in the explanation; no separate note on stderr.
	expect_stderr
}

test_deadline_explain_days_rule_without_alternate() {
	run deadline litigation-defence 2025-09-16 --explain
	expect_status 0
	if [ "$(head -n 1 "$T/.stdout")" != 2025-10-09 ]; then
		fail "first line of --explain is not the due date 2025-10-09"
		show stdout "$T/.stdout"
	fi
	expect_stdout_contains \
	    "rule: litigation-defence" \
	    "period: 15 days" \
	    "legal basis: 行政诉讼法 第67条"
	# Both readings agree here: no alternate line.
	expect_stdout_lacks "other reading"
	expect_stderr
}

test_deadline_impossible_date_rejected() {
	run deadline reconsideration-reply 2025-02-30
	expect_status 2
	expect_stdout
	expect_stderr_contains 2025-02-30 "28 days"
}

test_deadline_empty_date_rejected() {
	run deadline reconsideration-reply ""
	expect_status 2
	expect_stdout
	expect_stderr_nonempty
}

test_deadline_unknown_rule_lists_rules() {
	run deadline no-such-rule 2025-03-05
	expect_status 2
	expect_stdout
	expect_stderr_contains no-such-rule \
	    litigation-defence \
	    reconsideration-copy reconsideration-copy-simplified \
	    reconsideration-reply reconsideration-reply-simplified \
	    reconsideration-decision reconsideration-decision-simplified \
	    judicial-suggestion procuratorial-suggestion
}

test_deadline_missing_arguments_is_usage() {
	run deadline
	expect_status 1
	expect_stdout
	expect_stderr_contains "deadline"
	run deadline litigation-defence
	expect_status 1
	expect_stdout
	expect_stderr_nonempty
}

test_deadline_extra_argument_or_option_is_usage() {
	run deadline litigation-defence 2025-09-16 2025-09-17
	expect_status 1
	expect_stdout
	expect_stderr_contains 2025-09-17
	run deadline litigation-defence 2025-09-16 --bogus
	expect_status 1
	expect_stdout
	expect_stderr_contains --bogus
}

# 2026-12-20 + 15 days = 2027-01-04, a year the calendar does not cover: the date is still
# printed, and a warning names the year.
test_deadline_into_uncovered_year_warns() {
	run deadline litigation-defence 2026-12-20
	expect_status 0
	expect_stdout 2027-01-04
	expect_stderr_contains 2027 warning
}

test_deadline_site_config_makeup_days_as_rest() {
	printf '[calendar]\nmakeup_workdays = no\n' >site.ini
	run --config site.ini deadline reconsideration-reply 2024-09-27
	expect_status 0
	expect_stdout 2024-10-18
	# Now the note gives the literal reading's date.
	expect_stderr_contains 2024-10-16
}

test_deadline_site_config_from_environment() {
	printf '[calendar]\nmakeup_workdays = no\n' >site.ini
	DUBAN_CONFIG=$T/site.ini
	export DUBAN_CONFIG
	run deadline reconsideration-reply 2024-09-27
	expect_status 0
	expect_stdout 2024-10-18
}

test_deadline_show_alternate_off_silences_note() {
	printf '[calendar]\nshow_alternate = no\n' >site.ini
	run --config site.ini deadline reconsideration-reply 2024-09-27
	expect_status 0
	expect_stdout 2024-10-16
	expect_stderr
}

test_deadline_missing_config_file_rejected() {
	run --config nonexistent.ini deadline litigation-defence 2025-09-16
	expect_status_in "1 2"
	expect_stdout
	expect_stderr_contains nonexistent.ini
}

# Issue 14 item 1: the whole count, day by day, with the holiday's name, the make-up working
# day and the other reading; the same in Chinese.
test_deadline_explain_day_by_day() {
	run deadline reconsideration-reply 2024-09-27 --explain
	expect_status 0
	expect_stdout_contains \
	    "2024-09-27  Fri         the day of the event: not counted" \
	    "2024-09-28  Sat      -  weekend; not counted" \
	    "2024-09-29  Sun      1  make-up working day 调休 (国庆节); counted; a rest day under the other reading of make-up working days" \
	    "2024-10-07  Mon      -  official rest day (国庆节); not counted" \
	    "2024-10-16  Wed     10  working day; counted; last day of the period; DUE DATE" \
	    "* 2024-01-01  10 working days"
	run --lang zh deadline reconsideration-reply 2024-09-27 --explain
	expect_status 0
	expect_stdout_contains "2024-09-29  周日     1  调休上班日（国庆节）；计入" \
	    "2024-10-01  周二     -  法定节假日（国庆节）；不计入" "期限届满日"
	# A period of days rolled past the break: the day it rolled to is named.
	run deadline reconsideration-decision 2025-08-02 --explain
	expect_status 0
	expect_stdout_contains \
	    "2025-10-01  Wed     60  official rest day (国庆节、中秋节); counted; last day of the period (a rest day: moves to the next working day)" \
	    "2025-10-02  Thu      -  official rest day (国庆节、中秋节); rolled over: the last day fell on a rest day" \
	    "2025-10-09  Thu      -  working day; the period rolled to this day, the next working day; DUE DATE"
}
