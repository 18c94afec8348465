# tests/cli/lib.sh: helpers for the command-line tests (sourced, POSIX sh).
#
# A test is a function test_NAME in a tests/cli/test_*.sh file. run.sh runs each one in its
# own subshell, in a fresh temp dir $T (also the current directory, removed afterwards), with
# a fixed environment. The test runs duban, then states what stdout, stderr and the exit status
# must be. A failed expectation prints what was expected, what came and a diff, marks the test
# failed and lets it go on, so one run shows every difference.
#
#	test_deadline_spans_national_day() {
#		run deadline reconsideration-reply 2024-09-27
#		expect_status 0
#		expect_stdout 2024-10-16
#	}
#
# A test that cannot run on this machine (it needs root, another user, a tool) calls
# skip "why": run.sh reports and counts it as skipped, never as passed.

TODAY=2025-03-05
CLI_DATA=$(cd "$CLI_DIR/../../data" && pwd)

. "$CLI_DIR/../other_user.sh"

_failed=0
_ended=0
_cmd=
status=

# Called by run.sh before the test: temp dir, fixed environment.
cli_begin() {
	T=$(mktemp -d "${TMPDIR:-/tmp}/duban-cli.XXXXXX")
	_cli_t0=$T
	trap 'cli_cleanup' EXIT
	trap 'exit 130' INT TERM
	cd "$T"
	HOME=$T
	XDG_CONFIG_HOME=$T/.config
	export HOME XDG_CONFIG_HOME
}

cli_cleanup() {
	_rc=$?
	if [ "$_ended" != 1 ]; then
		echo "  the test stopped early (status $_rc): a command in it failed"
		[ -n "$_cmd" ] && echo "  last duban command: $_cmd"
	fi
	cd /
	rm -rf "$_cli_t0"
	other_user_cleanup
}

# Called by run.sh after the test.
cli_end() {
	_ended=1
	exit "$_failed"
}

# The test cannot run here (why): it stops and is reported skipped (status 77) unless an
# expectation already failed.
skip() {
	echo "  SKIP: $*"
	_ended=1
	[ "$_failed" = 0 ] && exit 77
	exit 1
}

fail() {
	_failed=1
	echo "  FAIL: $*"
	echo "    command: duban $_cmd"
}

# Show a file indented, or say it is empty.
show() {
	if [ -s "$2" ]; then
		echo "    $1:"
		sed 's/^/      | /' "$2"
	else
		echo "    $1: (empty)"
	fi
}

# ---------------------------------------------------------------------------------------------
# Running duban. stdout and stderr land in $T/.stdout and $T/.stderr, the status in $status.

# duban with exactly these arguments.
run_raw() {
	_cmd="$*"
	set +e
	"$DUBAN" "$@" >"$T/.stdout" 2>"$T/.stderr" </dev/null
	status=$?
	set -e
	# A sanitizer report fails any test, whatever else it expects.
	if grep -q -e 'AddressSanitizer' -e 'LeakSanitizer' -e 'runtime error:' \
	    -e 'UndefinedBehaviorSanitizer' "$T/.stderr"; then
		fail "sanitizer report"
		show stderr "$T/.stderr"
	fi
}

# The usual call: English messages, the test's database, a fixed today. Later options on the
# line (--lang zh, --today ...) override these.
run() {
	run_raw --lang en --db "$T/db" --today "$TODAY" "$@"
}

# run, and it must succeed.
run_ok() {
	run "$@"
	expect_status 0
}

# The test also runs duban as the user nobody: call it first. The test's directory ($T, the
# current directory) moves to one nobody can reach (mode 777), whatever the clone's or
# TMPDIR's modes, with a copy of $DUBAN and data/ nobody can run (tests/other_user.sh).
# Skips the test where root, setpriv or su, or such a directory are missing.
need_nobody() {
	other_user_prepare "$DUBAN" "$CLI_DATA" || skip "$other_user_why"
	T=$OTHER_DIR/work
	HOME=$T
	XDG_CONFIG_HOME=$T/.config
	cd "$T"
}

# run as nobody (after need_nobody): --lang en --db $T/db --today $TODAY and the arguments.
run_as_nobody() {
	_cmd="(as nobody) --lang en --db $T/db --today $TODAY $*"
	set +e
	as_nobody "$OTHER_DUBAN" --lang en --db "$T/db" --today "$TODAY" "$@" \
	    >"$T/.stdout" 2>"$T/.stderr" </dev/null
	status=$?
	set -e
	if grep -q -e 'AddressSanitizer' -e 'LeakSanitizer' -e 'runtime error:' \
	    -e 'UndefinedBehaviorSanitizer' "$T/.stderr"; then
		fail "sanitizer report"
		show stderr "$T/.stderr"
	fi
}

# A database created the usual way; fails the test if init does.
make_db() {
	run init
	if [ "$status" != 0 ] || [ ! -f "$T/db" ]; then
		fail "duban init could not create the database the test needs"
		show stderr "$T/.stderr"
	fi
}

# ---------------------------------------------------------------------------------------------
# Expectations.

expect_status() {
	if [ "$status" != "$1" ]; then
		fail "exit status $status, expected $1"
		show stdout "$T/.stdout"
		show stderr "$T/.stderr"
	fi
}

# The status is one of the given ones (e.g. "1 2" where either reading is defensible).
expect_status_in() {
	for _s in $1; do
		[ "$status" = "$_s" ] && return 0
	done
	fail "exit status $status, expected one of: $1"
	show stderr "$T/.stderr"
}

_expect_exact() {	# what file [line...]
	_what=$1 _file=$2
	shift 2
	if [ $# -gt 0 ]; then
		printf '%s\n' "$@" >"$T/.expected"
	else
		: >"$T/.expected"
	fi
	if ! cmp -s "$T/.expected" "$_file"; then
		fail "$_what differs (- expected, + actual)"
		diff -u "$T/.expected" "$_file" | sed -e '1,2d' -e 's/^/      /'
	fi
}

# stdout is exactly these lines (none: empty).
expect_stdout() {
	_expect_exact stdout "$T/.stdout" "$@"
}

# stdout is exactly the content of this file.
expect_stdout_file() {
	if ! cmp -s "$1" "$T/.stdout"; then
		fail "stdout differs from $1 (- expected, + actual)"
		diff -u "$1" "$T/.stdout" | sed -e '1,2d' -e 's/^/      /'
	fi
}

# stderr is exactly these lines (none: empty).
expect_stderr() {
	_expect_exact stderr "$T/.stderr" "$@"
}

_expect_contains() {	# what file text
	if ! grep -qF -e "$3" "$2"; then
		fail "$1 does not contain: $3"
		show "$1" "$2"
	fi
}

_expect_lacks() {	# what file text
	if grep -qF -e "$3" "$2"; then
		fail "$1 should not contain: $3"
		show "$1" "$2"
	fi
}

expect_stdout_contains() {
	for _t in "$@"; do
		_expect_contains stdout "$T/.stdout" "$_t"
	done
}

expect_stdout_lacks() {
	for _t in "$@"; do
		_expect_lacks stdout "$T/.stdout" "$_t"
	done
}

expect_stderr_contains() {
	for _t in "$@"; do
		_expect_contains stderr "$T/.stderr" "$_t"
	done
}

expect_stderr_lacks() {
	for _t in "$@"; do
		_expect_lacks stderr "$T/.stderr" "$_t"
	done
}

# stdout matches an extended regular expression, the whole of it one line.
expect_stdout_matches() {
	if [ "$(wc -l <"$T/.stdout")" != 1 ] || ! grep -qxE -e "$1" "$T/.stdout"; then
		fail "stdout is not one line matching /$1/"
		show stdout "$T/.stdout"
	fi
}

# Something was said on stderr (a message naming the problem).
expect_stderr_nonempty() {
	if [ ! -s "$T/.stderr" ]; then
		fail "stderr is empty; expected a message"
	fi
}

# stderr holds a CJK ideograph (U+4E00..U+9FFF: UTF-8 lead byte E4..E9).
expect_stderr_cjk() {
	if ! LC_ALL=C grep -q "$(printf '[\344-\351][\200-\277][\200-\277]')" "$T/.stderr"; then
		fail "stderr holds no Chinese text"
		show stderr "$T/.stderr"
	fi
}

# A condition of the test's own (any command); the message says what it means.
expect_true() {
	_msg=$1
	shift
	if ! "$@"; then
		fail "$_msg"
	fi
}

# The value a SQL query prints against a database, compared with the expected text.
expect_sql() {	# db query expected
	_got=$(sqlite3 "$1" "$2" 2>&1) || true
	if [ "$_got" != "$3" ]; then
		fail "sqlite3 $1 \"$2\" gave \"$_got\", expected \"$3\""
	fi
}
