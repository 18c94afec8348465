#!/bin/sh
# tests/bench/run.sh: the import benchmark (`make bench`). Generates a litigation CSV of
# BENCH_ROWS rows (default 1000000) with one hearing each, imports it with duban into a fresh
# database (every check, index and audit row included), then loads the same file with the
# sqlite3 shell's `.import` into a plain table, and prints both wall times, their ratio and
# duban's peak memory. Timings are printed, never asserted.
#
#	make bench				(one million rows)
#	BENCH_ROWS=100000 make bench		(quicker)
#	BENCH_DIR=/var/tmp/b make bench		(where the files go; kept if set)
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DUBAN=${DUBAN:-$ROOT/build/duban}
ROWS=${BENCH_ROWS:-1000000}
TODAY=2025-06-30

for tool in cc sqlite3; do
	command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is missing (make deps)" >&2; exit 1; }
done
[ -x "$DUBAN" ] || { echo "bench: build $DUBAN first (make)" >&2; exit 1; }

if [ -n "${BENCH_DIR:-}" ]; then
	DIR=$BENCH_DIR
	mkdir -p "$DIR"
	rm -f "$DIR"/bench.db* "$DIR"/plain.db* "$DIR"/time.out
else
	DIR=$(mktemp -d "${TMPDIR:-/tmp}/duban-bench.XXXXXX")
	trap 'rm -rf "$DIR"' EXIT
fi
trap 'exit 130' INT TERM

# Seconds since the epoch with fractions (GNU date), else whole seconds.
now() {
	date +%s.%N 2>/dev/null | sed 's/N$/0/'
}

elapsed() {	# start end
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'
}

cc -O2 -o "$DIR/gencsv" "$ROOT/tests/bench/gencsv.c"
"$DIR/gencsv" agencies "$DIR/agencies.csv"
"$DIR/gencsv" litigation "$ROWS" "$DIR/litigation.csv"
size=$(wc -c <"$DIR/litigation.csv")
echo "bench: $ROWS litigation rows with hearings, $((size / 1048576)) MB of CSV in $DIR"

export DUBAN_TODAY=$TODAY
unset DUBAN_CONFIG
"$DUBAN" --lang en --db "$DIR/bench.db" init 2>/dev/null
"$DUBAN" --lang en --db "$DIR/bench.db" import "$DIR/agencies.csv" 2>/dev/null

# duban, under /usr/bin/time -v when there is one (for the peak RSS).
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
	t0=$(now)
	/usr/bin/time -v -o "$DIR/time.out" "$DUBAN" --lang en --db "$DIR/bench.db" \
	    import "$DIR/litigation.csv" 2>"$DIR/import.err" || { cat "$DIR/import.err" >&2; exit 1; }
	t1=$(now)
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$DIR/time.out")
else
	t0=$(now)
	"$DUBAN" --lang en --db "$DIR/bench.db" import "$DIR/litigation.csv" \
	    2>"$DIR/import.err" &
	pid=$!
	rss=0
	while kill -0 "$pid" 2>/dev/null; do
		r=$(sed -n 's/^VmHWM: *\([0-9]*\).*/\1/p' "/proc/$pid/status" 2>/dev/null || true)
		[ -n "$r" ] && rss=$r
		sleep 0.2
	done
	wait "$pid" || { cat "$DIR/import.err" >&2; exit 1; }
	t1=$(now)
fi
duban_s=$(elapsed "$t0" "$t1")
sed 's/^/  /' "$DIR/import.err"

t0=$(now)
sqlite3 "$DIR/plain.db" ".mode csv" ".import '$DIR/litigation.csv' t"
t1=$(now)
sqlite_s=$(elapsed "$t0" "$t1")
loaded=$(sqlite3 "$DIR/plain.db" "SELECT count(*) FROM t")

echo "bench: duban import      $duban_s s  (peak RSS $((rss / 1024)) MB)"
echo "bench: sqlite3 .import   $sqlite_s s  ($loaded rows into a plain table)"
awk -v a="$duban_s" -v b="$sqlite_s" 'BEGIN {
	if (b > 0) printf "bench: ratio duban/sqlite3 = %.2f (goal: 1.00 or less)\n", a / b }'
