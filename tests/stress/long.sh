#!/bin/sh
# tests/stress/long.sh: the long crash and concurrency run (make stress-long; minutes, so not
# part of make test). Proves, with numbers, that duban never leaves half a change behind:
#
#   1. kill -9 at STRESS_KILLS (1000) random moments while a command runs, spread over init,
#      add, edit, import (of 3,000 rows) and export. After every kill: PRAGMA
#      integrity_check is ok; every record has exactly as many audit rows as its version,
#      and its last audit row holds what is stored; an import is all or nothing, with its
#      batch row only when whole; an interrupted init leaves no database, a whole one, or an
#      empty file init takes; an export's file, when there, is complete.
#   2. STRESS_WRITERS (8) writers adding and editing records for STRESS_SECONDS (30) each:
#      every change duban reported as saved is there, exactly once, with its audit row;
#      changes refused (the database stayed locked past the busy timeout) are counted.
#
# Prints the figures and "stress-long: N passed, N failed, N skipped"; exits 1 on any
# partial write or lost change. Temp files under TMPDIR.
#	DUBAN=build/duban sh tests/stress/long.sh		(make stress-long)
#	STRESS_KILLS=200 STRESS_SECONDS=10 DUBAN=... sh tests/stress/long.sh
set -u
: "${DUBAN:?set DUBAN to the duban binary}"
KILLS=${STRESS_KILLS:-1000}
WRITERS=${STRESS_WRITERS:-8}
SECONDS_W=${STRESS_SECONDS:-30}
TODAY=2025-06-30
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
unset DUBAN_TODAY DUBAN_CONFIG DUBAN_DATA XDG_CONFIG_HOME
for tool in sqlite3 awk; do
	command -v "$tool" >/dev/null 2>&1 || { echo "stress-long: $tool is missing" >&2; exit 1; }
done
top=$(mktemp -d "${TMPDIR:-/tmp}/duban-stress-long.XXXXXX")
trap 'rm -rf "$top"' EXIT
trap 'exit 130' INT TERM
HOME=$top
export HOME
problems=0
passed=0
failed=0

bad() {
	echo "stress-long: PARTIAL WRITE: $*"
	problems=$((problems + 1))
}

d() {	# db args...
	_db=$1
	shift
	"$DUBAN" --db "$_db" --today "$TODAY" --lang en "$@"
}

# Milliseconds since the epoch.
now_ms() {
	echo $(($(date +%s%N) / 1000000))
}

# A random number in [0, n), from awk's generator seeded by the round.
rnd() {
	awk -v s="$1" -v n="$2" 'BEGIN { srand(s); print int(rand() * n) }'
}

# The invariants of a database that has seen kills.
check_db() {	# db what
	r=$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)
	[ "$r" = ok ] || bad "$2: integrity_check: $r"
	r=$(sqlite3 "$1" "SELECT count(*) FROM litigation_cases c WHERE c.version <>
	    (SELECT count(*) FROM audit_log a WHERE a.kind = 'litigation' AND a.record_id = c.id)
	    OR json_extract((SELECT after FROM audit_log a WHERE a.kind = 'litigation' AND
	    a.record_id = c.id ORDER BY a.id DESC LIMIT 1), '\$.plaintiff') IS NOT c.plaintiff" 2>&1)
	[ "$r" = 0 ] || bad "$2: $r records whose audit rows do not match them"
	r=$(sqlite3 "$1" "SELECT count(*) FROM audit_log a WHERE a.kind = 'litigation' AND NOT
	    EXISTS (SELECT 1 FROM litigation_cases c WHERE c.id = a.record_id)" 2>&1)
	[ "$r" = 0 ] || bad "$2: $r audit rows without their record"
}

# ---------------------------------------------------------------------------------------------
# 1. kill -9

K=$top/kill
mkdir -p "$K"
DB=$K/db
d "$DB" init >/dev/null 2>&1 || { echo "stress-long: init failed" >&2; exit 1; }
d "$DB" add agency name=县公安局 kind=部门 >/dev/null 2>&1

# Imports go to a database of their own, put back to this small copy whenever an import
# has gone through, so that the checks after each kill stay quick.
IDB=$K/imp.db

# One import file: ROWS (or N) new cases, named by a prefix replaced each round.
ROWS=3000
make_csv() {	# file prefix [n]
	{
		echo "case_no,agency,complaint_received_on,plaintiff"
		i=0
		while [ $i -lt "${3:-$ROWS}" ]; do
			echo "$2-$i,县公安局,2025-06-0$((i % 9 + 1)),原告$i"
			i=$((i + 1))
		done
	} >"$1"
}

# 1,000 cases to edit and export (an export then takes long enough to be killed midway);
# the import database starts from the one agency only.
cp "$DB" "$K/template.db"
cp "$K/template.db" "$IDB"
make_csv "$K/e.csv" E 1000
d "$DB" import "$K/e.csv" >/dev/null 2>&1 || { echo "stress-long: import failed" >&2; exit 1; }

# Each operation as the one command to kill: set up first, then $DUBAN itself in the
# background (its pid is $!), so that a kill never leaves a later step of it running.
op_prepare() {	# op round
	case $1 in
	init) rm -f "$K/new.db" "$K/new.db-wal" "$K/new.db-shm" "$K/new.db-writer" ;;
	import) make_csv "$K/in.csv" "I$2" ;;
	export) rm -f "$K/out.csv" ;;
	esac
}

op_start() {	# op round
	case $1 in
	init) set -- --db "$K/new.db" init ;;
	add) set -- --db "$DB" add litigation "case_no=A$2" agency=县公安局 \
	    complaint_received_on=2025-06-03 ;;
	edit) set -- --db "$DB" edit litigation "E-$(($2 % 1000))" "plaintiff=P$2" ;;
	import) set -- --db "$IDB" import "$K/in.csv" ;;
	export) set -- --db "$DB" export litigation -o "$K/out.csv" ;;
	esac
	"$DUBAN" --today "$TODAY" --lang en "$@" >/dev/null 2>&1 </dev/null &
}

# How long each operation takes here (ms), so that kills land inside it. The calibration
# runs are real changes (one import, one add, one edit).
OPS="init add edit import export"
for op in $OPS; do
	op_prepare "$op" 0
	t0=$(now_ms)
	op_start "$op" 0
	wait $!
	t1=$(now_ms)
	eval "ms_$op=$((t1 - t0 + 5))"
done
imports_done=1
rm -f "$IDB" "$IDB-wal" "$IDB-shm"
cp "$K/template.db" "$IDB"
echo "stress-long: one run takes: init ${ms_init} ms, add ${ms_add} ms, edit ${ms_edit} ms," \
    "import of $ROWS rows ${ms_import} ms, export ${ms_export} ms"

kills=0
killed_inside=0
in_init=0 in_add=0 in_edit=0 in_import=0 in_export=0
round=0
export_leftovers=0
start=$(now_ms)
# Until KILLS kills have landed while the command ran (kills after it ended count apart).
while [ $killed_inside -lt "$KILLS" ] && [ $round -lt $((KILLS * 10)) ]; do
	round=$((round + 1))
	set -- $OPS
	i=$((round % 5 + 1))
	eval "op=\${$i}"
	eval "span=\$ms_$op"
	op_prepare "$op" "$round"
	delay=$(rnd "$round" $((span * 3 / 4 + 1)))
	op_start "$op" "$round"
	pid=$!
	sleep "$(awk -v m="$delay" 'BEGIN { printf "%.3f", m / 1000 }')"
	if kill -0 "$pid" 2>/dev/null; then
		killed_inside=$((killed_inside + 1))
		eval "in_$op=\$((in_$op + 1))"
		[ $((killed_inside % 250)) = 0 ] &&
		    echo "stress-long: $killed_inside kills, $problems partial writes so far"
	fi
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	kills=$((kills + 1))
	case $op in
	init)
		if [ -s "$K/new.db" ] && ! d "$K/new.db" check >/dev/null 2>&1; then
			d "$K/new.db" init >/dev/null 2>&1 ||
			    bad "round $round: init killed left $K/new.db neither whole nor usable"
		fi
		;;
	import)
		got=$(sqlite3 "$IDB" "SELECT count(*) FROM litigation_cases WHERE case_no LIKE 'I$round-%'")
		batches=$(sqlite3 "$IDB" "SELECT count(*) FROM import_batches WHERE id IN
		    (SELECT batch_id FROM audit_log WHERE batch_id IS NOT NULL)")
		check_db "$IDB" "round $round (import)"
		case $got in
		0) [ "$batches" = 0 ] || bad "round $round: an import batch without its rows" ;;
		"$ROWS")
			imports_done=$((imports_done + 1))
			[ "$batches" = 1 ] || bad "round $round: $batches import batches for one import"
			rm -f "$IDB" "$IDB-wal" "$IDB-shm" "$IDB-writer"
			cp "$K/template.db" "$IDB"
			;;
		*) bad "round $round: an import killed midway left $got of $ROWS rows" ;;
		esac
		;;
	export)
		if [ -e "$K/out.csv" ]; then
			want=$(($(sqlite3 "$DB" "SELECT count(*) FROM litigation_cases WHERE deleted = 0") + 1))
			lines=$(wc -l <"$K/out.csv")
			[ "$lines" = "$want" ] ||
			    bad "round $round: the export file has $lines lines, $want expected"
		fi
		# kill -9 cannot be caught: its temp file stays (catchable signals clean up).
		for f in "$K"/out.csv.*; do
			[ -e "$f" ] && export_leftovers=$((export_leftovers + 1)) && rm -f "$f"
		done
		;;
	esac
	check_db "$DB" "round $round ($op)"
done
end=$(now_ms)
d "$DB" check >/dev/null 2>&1 || bad "duban check fails after the kills"
[ $killed_inside -ge "$KILLS" ] || bad "only $killed_inside kills landed inside a command"
echo "stress-long: kill -9: $killed_inside kills while the command ran ($kills in all):" \
    "init $in_init, add $in_add, edit $in_edit, import $in_import, export $in_export;" \
    "$(((end - start) / 1000)) s; $problems partial writes;" \
    "$imports_done imports of $ROWS rows complete, the others absent; $(sqlite3 "$DB" \
    'SELECT count(*) FROM litigation_cases') cases, $(sqlite3 "$DB" \
    'SELECT count(*) FROM audit_log') audit rows, integrity ok after every kill;" \
    "$export_leftovers export temp files left by kill -9"
if [ $problems = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

# ---------------------------------------------------------------------------------------------
# 2. writers

problems=0
W=$top/writers
mkdir -p "$W"
WDB=$W/db
d "$WDB" init >/dev/null 2>&1
d "$WDB" add agency name=县公安局 kind=部门 >/dev/null 2>&1
stop=$(($(date +%s) + SECONDS_W))
i=1
while [ $i -le "$WRITERS" ]; do
	(
		n=0
		while [ "$(date +%s)" -lt $stop ]; do
			n=$((n + 1))
			if d "$WDB" add litigation "case_no=W$i-$n" agency=县公安局 \
			    complaint_received_on=2025-06-0$((n % 9 + 1)) >/dev/null 2>>"$W/err$i"; then
				echo "W$i-$n" >>"$W/added$i"
				if d "$WDB" edit litigation "W$i-$n" "plaintiff=原告$i-$n" \
				    >/dev/null 2>>"$W/err$i"; then
					echo "W$i-$n" >>"$W/edited$i"
				else
					echo "W$i-$n" >>"$W/editfail$i"
				fi
			else
				echo "W$i-$n" >>"$W/addfail$i"
			fi
		done
	) &
	i=$((i + 1))
done
wait
cat "$W"/added* 2>/dev/null | sort >"$W/added"
cat "$W"/edited* 2>/dev/null | sort >"$W/edited"
sqlite3 "$WDB" "SELECT case_no FROM litigation_cases WHERE case_no LIKE 'W%'" | sort >"$W/stored"
sqlite3 "$WDB" "SELECT case_no FROM litigation_cases
    WHERE plaintiff = '原告' || substr(case_no, 2)" | sort >"$W/stored_edits"
added=$(wc -l <"$W/added")
edited=$(wc -l <"$W/edited")
addfail=$(cat "$W"/addfail* 2>/dev/null | wc -l)
editfail=$(cat "$W"/editfail* 2>/dev/null | wc -l)
lost_adds=$(comm -23 "$W/added" "$W/stored" | wc -l)
lost_edits=$(comm -23 "$W/edited" "$W/stored_edits" | wc -l)
dup=$(sqlite3 "$WDB" "SELECT count(*) - count(DISTINCT case_no) FROM litigation_cases")
[ "$lost_adds" = 0 ] || bad "writers: $lost_adds records reported saved are missing"
[ "$lost_edits" = 0 ] || bad "writers: $lost_edits edits reported saved are missing"
[ "$dup" = 0 ] || bad "writers: $dup records stored twice"
check_db "$WDB" "writers"
echo "stress-long: $WRITERS writers x $SECONDS_W s: $added adds and $edited edits reported saved," \
    "$lost_adds + $lost_edits lost; $addfail adds and $editfail edits refused as locked" \
    "(reported, nothing written); integrity ok"
if [ $problems = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

[ -n "${TEST_COUNTS:-}" ] && echo "stress-long $passed $failed 0" >>"$TEST_COUNTS"
echo "stress-long: $passed passed, $failed failed, 0 skipped"
[ "$failed" = 0 ]
