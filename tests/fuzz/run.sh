#!/bin/sh
# tests/fuzz/run.sh: run libFuzzer targets for a while each, several at once, and count them:
# a target passes when it ran its seed corpus and new inputs for SECONDS without a crash, a
# leak, a timeout or a failed check. Prints the executions of each and a summary
# "STAGE: N passed, N failed, N skipped".
#
#	sh tests/fuzz/run.sh fuzz-smoke 3 build/fuzz/fuzz_*	(make fuzz-smoke)
#	FUZZ_CORPUS=build/fuzz/corpus sh tests/fuzz/run.sh fuzz 600 build/fuzz/fuzz_*	(make fuzz)
#
# Seeds come from tests/fuzz/corpus/NAME. New inputs are kept in FUZZ_CORPUS/NAME when it is
# set, else in a temp dir (dropped). Findings are written to FUZZ_ARTIFACTS (build/fuzz/
# artifacts), named after the target. TEST_JOBS: targets at once (default: CPUs);
# TEST_COUNTS: a file to which "STAGE passed failed skipped" is appended.
set -eu

FUZZ_DIR=$(cd "$(dirname "$0")" && pwd)

if [ "${1:-}" = --one ]; then
	out=$2 seconds=$3 bin=$4
	name=$(basename "$bin" | sed 's/^fuzz_//')
	if [ -n "${FUZZ_CORPUS:-}" ]; then
		corpus=$FUZZ_CORPUS/$name
	else
		corpus=$out/corpus-$name
	fi
	mkdir -p "$corpus" "$FUZZ_ARTIFACTS"
	seeds=
	[ -d "$FUZZ_DIR/corpus/$name" ] && seeds=$FUZZ_DIR/corpus/$name
	set +e
	# shellcheck disable=SC2086 # seeds is one directory or nothing
	"$bin" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=1024 -timeout=25 \
	    -print_final_stats=1 -artifact_prefix="$FUZZ_ARTIFACTS/$name-" \
	    "$corpus" $seeds >"$out/$name.log" 2>&1 </dev/null
	rc=$?
	set -e
	echo "$rc" >"$out/$name.rc"
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$name.log" | tail -n 1)
	if [ "$rc" = 0 ]; then
		printf 'ok   %s: %s executions in %s s\n' "$name" "${execs:-?}" "$seconds"
	else
		printf 'FAIL %s (status %s)\n' "$name" "$rc"
	fi
	exit 0
fi

stage=${1:?usage: run.sh STAGE SECONDS TARGET...}
seconds=${2:?usage: run.sh STAGE SECONDS TARGET...}
shift 2
[ $# -gt 0 ] || { echo "$stage: no fuzz targets given" >&2; exit 1; }
: "${DUBAN_DATA:=$(cd "$FUZZ_DIR/../../data" && pwd)}"
: "${FUZZ_ARTIFACTS:=$(cd "$FUZZ_DIR/../.." && pwd)/build/fuzz/artifacts}"
export DUBAN_DATA FUZZ_ARTIFACTS FUZZ_CORPUS="${FUZZ_CORPUS:-}"
jobs=${TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
out=$(mktemp -d "${TMPDIR:-/tmp}/duban-fuzz.XXXXXX")
trap 'rm -rf "$out"' EXIT
trap 'exit 130' INT TERM
# The targets write their scratch files under TMPDIR: the run's own directory.
TMPDIR=$out
export TMPDIR

for bin in "$@"; do
	case $bin in
	/*) printf '%s\n' "$bin" ;;
	*) printf '%s\n' "$(pwd)/$bin" ;;
	esac
done | xargs -P "$jobs" -I{} sh "$FUZZ_DIR/run.sh" --one "$out" "$seconds" {}

pass=0
failed=0
failures=
for bin in "$@"; do
	name=$(basename "$bin" | sed 's/^fuzz_//')
	rc=$(cat "$out/$name.rc" 2>/dev/null || echo 1)
	if [ "$rc" = 0 ]; then
		pass=$((pass + 1))
	else
		failed=$((failed + 1))
		failures="$failures $name"
		echo "--- FAIL $name ---"
		grep -v -e '^#[0-9]' -e '^INFO:' "$out/$name.log" | tail -n 60 | sed 's/^/  /'
	fi
done

summary="$pass passed, $failed failed, 0 skipped"
[ -n "${TEST_COUNTS:-}" ] && echo "$stage $pass $failed 0" >>"$TEST_COUNTS"
if [ "$failed" != 0 ]; then
	echo "$stage: $summary; FAILED:$failures (inputs in $FUZZ_ARTIFACTS)"
	exit 1
fi
echo "$stage: $summary"
