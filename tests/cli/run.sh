#!/bin/sh
# tests/cli/run.sh: the command-line tests. Runs every function test_* of every
# tests/cli/test_*.sh against $DUBAN, each in a subshell with its own temp dir, several at
# once. Prints one line per test as it ends ("ok", "FAIL" or "skip" and why), then every
# failure's details and a summary "cli: N passed, N failed, N skipped". Exits non-zero if
# any test failed. A test that cannot run here calls skip (lib.sh): it is counted, not passed.
#
#	DUBAN=$PWD/build/asan/duban sh tests/cli/run.sh		(what `make cli-test` does)
#	DUBAN=... sh tests/cli/run.sh deadline			(only tests whose name has "deadline")
#	TEST_JOBS=1 DUBAN=... sh tests/cli/run.sh		(one at a time; default 2 per CPU)
#
# TEST_COUNTS: a file to which the summary is appended as "cli passed failed skipped".
set -eu

CLI_DIR=$(cd "$(dirname "$0")" && pwd)

# One test (run.sh calls itself through xargs): --one OUTDIR INDEX FILE TEST.
if [ "${1:-}" = --one ]; then
	out=$2 idx=$3 file=$4 t=$5
	log=$out/$idx.log
	set +e
	(
		set -e
		. "$CLI_DIR/lib.sh"
		. "$CLI_DIR/$file.sh"
		cli_begin
		"$t"
		cli_end
	) >"$log" 2>&1 </dev/null
	rc=$?
	set -e
	echo "$rc" >"$out/$idx.rc"
	case $rc in
	0) line="ok   $file: $t$(grep '^  TODO' "$log" | sed 's/^ */\n  /' || true)" ;;
	77) line="skip $file: $t ($(sed -n 's/^  SKIP: //p' "$log" | head -n 1))" ;;
	*) line="FAIL $file: $t" ;;
	esac
	printf '%s\n' "$line"
	exit 0
fi

: "${DUBAN:?set DUBAN to the duban binary, e.g. DUBAN=\$PWD/build/asan/duban}"
case $DUBAN in
/*) ;;
*) DUBAN=$(pwd)/$DUBAN ;;
esac
if [ ! -x "$DUBAN" ]; then
	echo "cli: $DUBAN is not an executable; build it first (make asan)" >&2
	exit 1
fi
for tool in sqlite3 diff mktemp xargs; do
	command -v "$tool" >/dev/null 2>&1 || { echo "cli: $tool is missing (make deps)" >&2; exit 1; }
done
export DUBAN CLI_DIR

# A fixed environment: no site configuration, no outside "today", data found beside the binary.
unset DUBAN_CONFIG DUBAN_TODAY DUBAN_DATA LANGUAGE LC_ALL LC_MESSAGES
LANG=C.UTF-8
export LANG
if [ -f /etc/duban/duban.ini ]; then
	echo "cli: warning: /etc/duban/duban.ini exists and is read by every test" >&2
fi

filter=${1:-}
jobs=${TEST_JOBS:-$(($(nproc 2>/dev/null || echo 2) * 2))}
out=$(mktemp -d "${TMPDIR:-/tmp}/duban-cli-run.XXXXXX")
trap 'rm -rf "$out"' EXIT
trap 'exit 130' INT TERM

# The list: "INDEX FILE TEST" per test, in file order.
n=0
for path in "$CLI_DIR"/test_*.sh; do
	file=$(basename "$path" .sh)
	for t in $(sed -n 's/^\(test_[A-Za-z0-9_]*\) *().*/\1/p' "$path"); do
		case $t in
		*"$filter"*) ;;
		*) continue ;;
		esac
		n=$((n + 1))
		echo "$n $file $t"
	done
done >"$out/list"
if [ "$n" = 0 ]; then
	echo "cli: no test matched \"$filter\"" >&2
	exit 1
fi

# Longest first would balance better; file order keeps the output readable.
xargs -P "$jobs" -L 1 sh "$CLI_DIR/run.sh" --one "$out" <"$out/list" 2>&1 || true

pass=0
failed=0
skipped=0
failures=
while read -r idx file t; do
	rc=$(cat "$out/$idx.rc" 2>/dev/null || echo 1)
	case $rc in
	0) pass=$((pass + 1)) ;;
	77) skipped=$((skipped + 1)) ;;
	*)
		failed=$((failed + 1))
		failures="$failures
  $file: $t"
		echo "--- FAIL $file: $t ---"
		cat "$out/$idx.log"
		;;
	esac
done <"$out/list"

summary="$pass passed, $failed failed, $skipped skipped"
[ -n "${TEST_COUNTS:-}" ] && echo "cli $pass $failed $skipped" >>"$TEST_COUNTS"
if [ "$failed" != 0 ]; then
	echo "cli: $summary; FAILED:$failures"
	exit 1
fi
echo "cli: $summary"
