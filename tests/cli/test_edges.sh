# tests/cli/test_edges.sh: the smaller hardening findings (issue 10, finding 17): a named pipe
# nobody writes to, check in a read-only directory, imports that change nothing, user add of
# a login the system does not have.

# Importing a named pipe nobody writes to says so within seconds instead of waiting forever.
test_edges_import_pipe_without_writer_returns() {
	make_db
	mkfifo p
	set +e
	timeout 30 "$DUBAN" --lang en --db "$T/db" --today "$TODAY" import p --kind agency \
	    >"$T/.stdout" 2>"$T/.stderr"
	status=$?
	set -e
	expect_status 2
	expect_stderr_contains "nothing is writing to the pipe p"
	# A writer that comes a moment later is waited for.
	(sleep 1; printf 'name,kind\n县公安局,部门\n' >p) &
	run import p --kind agency
	expect_status 0
	wait
	expect_sql db "SELECT count(*) FROM agencies WHERE name = '县公安局'" 1
	# Standard input from a pipe is read as before.
	printf 'name,kind\n县民政局,部门\n' >in.csv
	set +e
	"$DUBAN" --lang en --db "$T/db" --today "$TODAY" import - --kind agency <in.csv >/dev/null 2>&1
	status=$?
	set -e
	expect_status 0
}

# doc/operations.md §8: check works on a database in a directory one may not write (a WAL file
# with no -wal or -shm beside it). Root writes anywhere, so root runs it as nobody.
test_edges_check_in_read_only_directory() {
	[ "$(id -u)" = 0 ] && need_nobody
	make_db
	run_ok add agency name=县公安局 kind=部门
	mkdir ro
	cp db ro/db
	chmod 555 ro
	if [ "$(id -u)" = 0 ]; then
		chmod 644 ro/db
		run_as_nobody --db "$T/ro/db" check
	else
		run --db "$T/ro/db" check
	fi
	chmod 755 ro
	expect_status 0
	expect_stdout_contains "integrity: sound"
	expect_true "check left files beside the database: $(ls ro)" test "$(ls ro)" = db
}

# An import that changes nothing (a header alone, every row unchanged) records no batch.
test_edges_import_changing_nothing_records_no_batch() {
	make_db
	printf 'name,kind\n' >header.csv
	run import header.csv --kind agency
	expect_status 0
	expect_stderr_contains "no import batch was recorded"
	expect_sql db "SELECT count(*) FROM import_batches" 0
	printf 'name,kind\n县公安局,部门\n' >one.csv
	run_ok import one.csv --kind agency
	expect_sql db "SELECT count(*) FROM import_batches" 1
	run import one.csv --kind agency
	expect_status 0
	expect_stderr_contains "1 unchanged"
	expect_sql db "SELECT count(*) FROM import_batches" 1
}

# A role for a login this machine does not have: done, with a warning.
test_edges_user_add_unknown_login_warns() {
	make_db
	run user add no-such-login-x7 staff
	expect_status 0
	expect_stderr_contains "no account \"no-such-login-x7\" on this system"
	expect_sql db "SELECT role FROM users WHERE login = 'no-such-login-x7'" staff
	run user add nobody analyst
	expect_status 0
	expect_stderr_lacks "no account"
}
