# tests/cli/test_today.sh: what "today" is: --today, else $DUBAN_TODAY, else the clock.
# init records the day the database was created, which shows the date duban took.

test_today_from_option() {
	run_raw --lang en --db db --today 2024-06-01 init
	expect_status 0
	expect_stdout
	expect_sql db "SELECT value FROM meta WHERE key = 'created_on'" 2024-06-01
}

test_today_from_environment() {
	DUBAN_TODAY=2025-03-05
	export DUBAN_TODAY
	run_raw --lang en --db db init
	expect_status 0
	expect_stdout
	expect_sql db "SELECT value FROM meta WHERE key = 'created_on'" 2025-03-05
}

test_today_option_beats_environment() {
	DUBAN_TODAY=2025-03-05
	export DUBAN_TODAY
	run_raw --lang en --db db --today 2024-06-01 init
	expect_status 0
	expect_stdout
	expect_sql db "SELECT value FROM meta WHERE key = 'created_on'" 2024-06-01
	# A bad $DUBAN_TODAY does not matter when --today is given.
	DUBAN_TODAY=garbage
	run_raw --lang en --today 2025-03-05 deadline litigation-defence 2025-09-16
	expect_status 0
	expect_stdout 2025-10-09
}

# check warns when today's year or the next is not in the calendar: today is what decides.
test_today_decides_check_coverage_warning() {
	make_db
	run check
	expect_status 0
	expect_stderr
	DUBAN_TODAY=2026-06-01
	export DUBAN_TODAY
	run_raw --lang en --db db check
	expect_status 0
	expect_stderr_contains 2027 warning
	run_raw --lang en --db db --today 2025-03-05 check
	expect_status 0
	expect_stderr
}

test_today_garbage_option_rejected() {
	run --today garbage deadline litigation-defence 2025-09-16
	expect_status_in "1 2"
	expect_stdout
	expect_stderr_contains garbage
	run --today 2025-02-30 deadline litigation-defence 2025-09-16
	expect_status_in "1 2"
	expect_stdout
	expect_stderr_contains 2025-02-30
}

test_today_garbage_environment_rejected() {
	DUBAN_TODAY=garbage
	export DUBAN_TODAY
	run_raw --lang en deadline litigation-defence 2025-09-16
	expect_status_in "1 2"
	expect_stdout
	expect_stderr_contains garbage DUBAN_TODAY
}

test_today_option_without_value_is_usage() {
	run_raw --lang en deadline litigation-defence 2025-09-16 --today
	expect_status 1
	expect_stdout
	expect_stderr_contains --today
}
