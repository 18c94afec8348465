#!/bin/sh
# tests/tui/run.sh: the screen tests. Runs every tests/tui/test_*.sh against $DUBAN in tmux
# (each script makes its own temp dir and tmux server through lib.sh), shows a failing
# script's output and exits non-zero if any failed.
#
#	DUBAN=$PWD/build/asan/duban sh tests/tui/run.sh		(what `make tui-test` does)
#	DUBAN=... sh tests/tui/run.sh desk			(only scripts whose name has "desk")
#	UPDATE_SCREENS=1 DUBAN=... sh tests/tui/run.sh		(rewrite tests/tui/screens/)
set -eu

TUI_DIR=$(cd "$(dirname "$0")" && pwd)
: "${DUBAN:?set DUBAN to the duban binary, e.g. DUBAN=\$PWD/build/asan/duban}"
case $DUBAN in
/*) ;;
*) DUBAN=$(pwd)/$DUBAN ;;
esac
if [ ! -x "$DUBAN" ]; then
	echo "tui: $DUBAN is not an executable; build it first (make asan)" >&2
	exit 1
fi
command -v tmux >/dev/null 2>&1 || { echo "tui: tmux is missing (make deps)" >&2; exit 1; }
export DUBAN
unset DUBAN_CONFIG DUBAN_TODAY DUBAN_DATA

filter=${1:-}
log=$(mktemp "${TMPDIR:-/tmp}/duban-tui-log.XXXXXX")
trap 'rm -f "$log"' EXIT
trap 'exit 130' INT TERM

pass=0
failed=0
failures=
for file in "$TUI_DIR"/test_*.sh; do
	name=$(basename "$file" .sh)
	case $name in
	*"$filter"*) ;;
	*) continue ;;
	esac
	set +e
	sh "$file" >"$log" 2>&1 </dev/null
	rc=$?
	set -e
	if [ "$rc" = 0 ]; then
		pass=$((pass + 1))
		echo "ok   $name"
		grep -e '^tui: .*wrote' -e 'TODO' "$log" || true
	else
		failed=$((failed + 1))
		failures="$failures $name"
		echo "FAIL $name"
		sed 's/^/  /' "$log"
	fi
done

total=$((pass + failed))
if [ "$total" = 0 ]; then
	echo "tui: no test matched \"$filter\"" >&2
	exit 1
fi
if [ "$failed" != 0 ]; then
	echo "tui: $failed of $total screen tests FAILED:$failures"
	exit 1
fi
echo "tui: all $total screen tests passed"
