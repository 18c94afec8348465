#!/bin/sh
# tests/tui/run.sh: the screen tests. Runs every tests/tui/test_*.sh against $DUBAN in tmux,
# several at once (each script makes its own temp dir and tmux server through lib.sh).
# Prints one line per script as it ends ("ok", "FAIL" or "skip" and why), then each failing
# script's output and a summary "tui: N passed, N failed, N skipped"; exits non-zero if any
# failed. A script that cannot run here calls tui_skip (lib.sh): counted, not passed.
#
#	DUBAN=$PWD/build/asan/duban sh tests/tui/run.sh		(what `make tui-test` does)
#	DUBAN=... sh tests/tui/run.sh desk			(only scripts whose name has "desk")
#	UPDATE_SCREENS=1 DUBAN=... sh tests/tui/run.sh		(rewrite tests/tui/screens/)
#	TEST_JOBS=1 DUBAN=... sh tests/tui/run.sh		(one at a time; default 3 per CPU)
#
# TEST_COUNTS: a file to which the summary is appended as "tui passed failed skipped".
set -eu

TUI_DIR=$(cd "$(dirname "$0")" && pwd)

# One script (run.sh calls itself through xargs): --one OUTDIR NAME.
if [ "${1:-}" = --one ]; then
	out=$2 name=$3
	set +e
	sh "$TUI_DIR/$name.sh" >"$out/$name.log" 2>&1 </dev/null
	rc=$?
	set -e
	echo "$rc" >"$out/$name.rc"
	case $rc in
	0) line="ok   $name$(grep -e '^tui: .*wrote' -e 'TODO' "$out/$name.log" |
	    sed 's/^/\n  /' || true)" ;;
	77) line="skip $name ($(sed -n 's/^tui: [^:]*: SKIP: //p' "$out/$name.log" | head -n 1))" ;;
	*) line="FAIL $name" ;;
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
	echo "tui: $DUBAN is not an executable; build it first (make asan)" >&2
	exit 1
fi
for tool in tmux xargs; do
	command -v "$tool" >/dev/null 2>&1 || { echo "tui: $tool is missing (make deps)" >&2; exit 1; }
done
export DUBAN TUI_DIR
unset DUBAN_CONFIG DUBAN_TODAY DUBAN_DATA

filter=${1:-}
# The scripts mostly wait for the screen: more of them than CPUs keeps the CPUs busy.
jobs=${TEST_JOBS:-$(($(nproc 2>/dev/null || echo 2) * 3))}
out=$(mktemp -d "${TMPDIR:-/tmp}/duban-tui-run.XXXXXX")
trap 'rm -rf "$out"' EXIT
trap 'exit 130' INT TERM

for file in "$TUI_DIR"/test_*.sh; do
	name=$(basename "$file" .sh)
	case $name in
	*"$filter"*) echo "$name" ;;
	esac
done >"$out/list"
if [ ! -s "$out/list" ]; then
	echo "tui: no test matched \"$filter\"" >&2
	exit 1
fi

xargs -P "$jobs" -L 1 sh "$TUI_DIR/run.sh" --one "$out" <"$out/list" 2>&1 || true

pass=0
failed=0
skipped=0
failures=
while read -r name; do
	rc=$(cat "$out/$name.rc" 2>/dev/null || echo 1)
	case $rc in
	0) pass=$((pass + 1)) ;;
	77) skipped=$((skipped + 1)) ;;
	*)
		failed=$((failed + 1))
		failures="$failures $name"
		echo "--- FAIL $name ---"
		sed 's/^/  /' "$out/$name.log"
		;;
	esac
done <"$out/list"

summary="$pass passed, $failed failed, $skipped skipped"
[ -n "${TEST_COUNTS:-}" ] && echo "tui $pass $failed $skipped" >>"$TEST_COUNTS"
if [ "$failed" != 0 ]; then
	echo "tui: $summary; FAILED:$failures"
	exit 1
fi
echo "tui: $summary"
