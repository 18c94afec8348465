# tests/cli/test_calendar.sh: duban calendar YEAR.

# expected/calendar-2025.out was written from data/calendar/cn-2025.txt, the weekday of each
# date taken from date(1), not from duban.
test_calendar_2025_exact() {
	run calendar 2025
	expect_status 0
	expect_stdout_file "$CLI_DIR/expected/calendar-2025.out"
	expect_stderr
}

# A make-up working day on a Sunday (2024 Spring Festival) and a leap-year date.
test_calendar_2024_makeup_sunday() {
	run calendar 2024
	expect_status 0
	expect_stdout_contains "2024-02-18  Sun  work  春节" "2024-02-10  Sat  rest  春节"
	expect_stderr
}

test_calendar_uncovered_year_warns() {
	run calendar 2027
	expect_status 2
	expect_stdout
	expect_stderr_contains 2027 warning
}

test_calendar_not_a_year() {
	run calendar abc
	expect_status 2
	expect_stdout
	expect_stderr_contains abc
	run calendar 2025x
	expect_status 2
	expect_stdout
	expect_stderr_contains 2025x
}

test_calendar_needs_one_year() {
	run calendar
	expect_status 1
	expect_stdout
	expect_stderr_nonempty
	run calendar 2025 2026
	expect_status 1
	expect_stdout
}
