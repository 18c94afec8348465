#!/bin/sh
# tests/cli/run.sh: the command-line tests. Runs every function test_* of every
# tests/cli/test_*.sh against $DUBAN, each in a subshell with its own temp dir, and prints one
# line per test and a failure's details. Exits non-zero if any test failed.
#
#	DUBAN=$PWD/build/asan/duban sh tests/cli/run.sh		(what `make cli-test` does)
#	DUBAN=... sh tests/cli/run.sh deadline			(only tests whose name has "deadline")
set -eu

CLI_DIR=$(cd "$(dirname "$0")" && pwd)
: "${DUBAN:?set DUBAN to the duban binary, e.g. DUBAN=\$PWD/build/asan/duban}"
case $DUBAN in
/*) ;;
*) DUBAN=$(pwd)/$DUBAN ;;
esac
if [ ! -x "$DUBAN" ]; then
	echo "cli: $DUBAN is not an executable; build it first (make asan)" >&2
	exit 1
fi
for tool in sqlite3 diff mktemp; do
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
log=$(mktemp "${TMPDIR:-/tmp}/duban-cli-log.XXXXXX")
trap 'rm -f "$log"' EXIT
trap 'exit 130' INT TERM

pass=0
failed=0
failures=
for file in "$CLI_DIR"/test_*.sh; do
	for t in $(sed -n 's/^\(test_[A-Za-z0-9_]*\) *().*/\1/p' "$file"); do
		case $t in
		*"$filter"*) ;;
		*) continue ;;
		esac
		set +e
		(
			set -e
			. "$CLI_DIR/lib.sh"
			. "$file"
			cli_begin
			"$t"
			cli_end
		) >"$log" 2>&1 </dev/null
		rc=$?
		set -e
		name="$(basename "$file" .sh): $t"
		if [ "$rc" = 0 ]; then
			pass=$((pass + 1))
			echo "ok   $name"
			grep '^  TODO' "$log" || true
		else
			failed=$((failed + 1))
			failures="$failures
  $name"
			echo "FAIL $name"
			cat "$log"
		fi
	done
done

total=$((pass + failed))
if [ "$total" = 0 ]; then
	echo "cli: no test matched \"$filter\"" >&2
	exit 1
fi
if [ "$failed" != 0 ]; then
	echo "cli: $failed of $total tests FAILED:$failures"
	exit 1
fi
echo "cli: all $total tests passed"
