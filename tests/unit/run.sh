#!/bin/sh
# tests/unit/run.sh: run cmocka test binaries, several at once (each makes its own temp dir),
# and count their tests: one line per binary, a failing binary's whole output, and a summary
# "STAGE: N passed, N failed, N skipped". Exits non-zero if a test failed or a binary crashed.
#
#	sh tests/unit/run.sh unit build/t/test_*		(what `make unit` does)
#	UNIT_WRAP="valgrind -q --error-exitcode=99" sh tests/unit/run.sh valgrind build/t/test_db
#
# With UNIT_WRAP set, DUBAN_TEST_SMALL=1 asks volume tests for fewer rows (test_tmp.h).
# DUBAN_DATA defaults to the tree's data/. TEST_JOBS: binaries at once (default: 2 per CPU).
# TEST_COUNTS: a file to which the summary is appended as "STAGE passed failed skipped".
set -eu

if [ "${1:-}" = --one ]; then
	# One binary (called through xargs): TAP output into OUT/NAME.log, status into .rc.
	out=$2
	bin=$3
	name=$(basename "$bin")
	set +e
	# shellcheck disable=SC2086 # UNIT_WRAP is a command with its options
	CMOCKA_MESSAGE_OUTPUT=TAP ${UNIT_WRAP:-} "$bin" >"$out/$name.log" 2>&1 </dev/null
	echo $? >"$out/$name.rc"
	exit 0
fi

stage=${1:?usage: run.sh STAGE BINARY...}
shift
[ $# -gt 0 ] || { echo "$stage: no test binaries given" >&2; exit 1; }
UNIT_DIR=$(cd "$(dirname "$0")" && pwd)
: "${DUBAN_DATA:=$(cd "$UNIT_DIR/../../data" && pwd)}"
export DUBAN_DATA UNIT_WRAP="${UNIT_WRAP:-}"
[ -n "$UNIT_WRAP" ] && export DUBAN_TEST_SMALL=1
jobs=${TEST_JOBS:-$(($(nproc 2>/dev/null || echo 2) * 2))}

out=$(mktemp -d "${TMPDIR:-/tmp}/duban-unit.XXXXXX")
trap 'rm -rf "$out"' EXIT
trap 'exit 130' INT TERM

for bin in "$@"; do
	case $bin in
	/*) printf '%s\n' "$bin" ;;
	*) printf '%s\n' "$(pwd)/$bin" ;;
	esac
done | xargs -P "$jobs" -I{} sh "$UNIT_DIR/run.sh" --one "$out" {}

pass=0
failed=0
skipped=0
failures=
for bin in "$@"; do
	name=$(basename "$bin")
	log=$out/$name.log
	rc=$(cat "$out/$name.rc" 2>/dev/null || echo 1)
	p=$(grep -c '^ok ' "$log" || true)
	s=$(grep -c '^not ok [0-9]* # SKIP' "$log" || true)
	f=$(grep '^not ok ' "$log" | grep -vc '^not ok [0-9]* # SKIP' || true)
	planned=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$log" | head -n 1)
	# A crash, a sanitizer's or valgrind's finding, or tests that never reported: a
	# failure of the binary itself, counted once.
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		f=1
	elif [ -n "$planned" ] && [ $((p + s + f)) -lt "$planned" ]; then
		f=$((f + 1))
	fi
	pass=$((pass + p))
	skipped=$((skipped + s))
	failed=$((failed + f))
	if [ "$f" = 0 ]; then
		line="ok   $name: $p passed"
		[ "$s" != 0 ] && line="$line, $s skipped: $(sed -n 's/^not ok [0-9]* # SKIP *//p' "$log" |
		    tr '\n' ' ')"
		echo "$line"
	else
		failures="$failures $name"
		echo "FAIL $name (exit status $rc)"
		sed 's/^/  /' "$log"
	fi
done

summary="$pass passed, $failed failed, $skipped skipped"
[ -n "${TEST_COUNTS:-}" ] && echo "$stage $pass $failed $skipped" >>"$TEST_COUNTS"
if [ "$failed" != 0 ]; then
	echo "$stage: $summary; FAILED:$failures"
	exit 1
fi
echo "$stage: $summary"
