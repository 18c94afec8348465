#!/bin/sh
# tests/stress/run.sh: many people at once, crashes, hangups, storage faults, backups.
# Proves that duban loses nothing: every committed change is there exactly once, with its
# audit row, and the database always passes PRAGMA integrity_check. Bounded to about a minute.
# Prints "stress: N passed, N failed, N skipped" at the end; a test that cannot run here
# (it needs root, tmux...) says why and is counted as skipped. TEST_COUNTS: a file to which
# the summary is appended as "stress passed failed skipped". Temp files go under TMPDIR.
# Usage: DUBAN=/path/to/duban sh tests/stress/run.sh [test-name...]
set -u
: "${DUBAN:?set DUBAN to the duban binary}"
STRESS_DIR=$(cd "$(dirname "$0")" && pwd)
DATA_DIR=$(cd "$STRESS_DIR/../../data" && pwd)
. "$STRESS_DIR/../other_user.sh"
TODAY=2025-06-30
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
unset DUBAN_TODAY DUBAN_CONFIG DUBAN_DATA XDG_CONFIG_HOME
fails=0
passes=0
skips=0
top=$(mktemp -d "${TMPDIR:-/tmp}/duban-stress.XXXXXX")
trap 'rm -rf "$top"; other_user_cleanup' EXIT
trap 'exit 130' INT TERM

# The test cannot run here: say why; the caller returns.
skip() {
	echo "stress: $T: skipped ($*)"
	skipped_this=1
}

fail() {
	echo "stress: $T: FAIL: $*"
	ok_this=0
}

d() {
	"$DUBAN" --db "$W/db" --today "$TODAY" --lang en "$@"
}

sql() {
	sqlite3 -batch "$W/db" "$1"
}

integrity() {
	r=$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)
	[ "$r" = ok ] || fail "integrity_check of $1: $r"
}

new_db() {
	d init >/dev/null 2>&1 || fail "init"
	d add agency name=县公安局 kind=部门 >/dev/null 2>&1 || fail "add agency"
}

# kill -9 at random moments of export -o and backup: the file at the name is always a whole
# one (the previous or the new), never a part. Only the temporary file beside it can stay
# (kill -9 cannot be caught); it is counted. KILLS rounds each (default 10).
test_kill_during_export() {
	new_db
	sqlite3 "$W/db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
	    INSERT INTO litigation_cases (case_no, agency_id, plaintiff, cause)
	    SELECT 'KX-' || i, (SELECT min(id) FROM agencies), '原告' || i, '行政处罚' FROM n"
	d export litigation -o "$W/ref.csv" >/dev/null 2>&1 || fail "reference export"
	cp "$W/ref.csv" "$W/out.csv"
	d backup "$W/b.db" >/dev/null 2>&1 || fail "first backup"
	kills=${KILLS:-10}
	round=0
	left=0
	while [ $round -lt "$kills" ]; do
		ms=$(awk -v s=$round 'BEGIN{srand(s); printf "%03d", 5 + int(rand()*400)}')
		d export litigation -o "$W/out.csv" >/dev/null 2>&1 &
		pid=$!
		sleep "0.$ms"
		kill -9 $pid 2>/dev/null
		wait $pid 2>/dev/null
		cmp -s "$W/out.csv" "$W/ref.csv" || fail "export killed after ${ms} ms left a partial out.csv"
		d backup "$W/b.db" >/dev/null 2>&1 &
		pid=$!
		sleep "0.$ms"
		kill -9 $pid 2>/dev/null
		wait $pid 2>/dev/null
		integrity "$W/b.db"
		[ "$(sqlite3 "$W/b.db" "SELECT count(*) FROM litigation_cases")" = 50000 ] ||
		    fail "backup killed after ${ms} ms is not whole"
		n=$(ls "$W" | grep -c -e '^out\.csv\.' -e '^b\.db\.')
		left=$((left + n))
		rm -f "$W"/out.csv.* "$W"/b.db.*
		round=$((round + 1))
	done
	echo "stress: kill -9 during export and backup: $((kills * 2)) kills, the files always whole; $left temporary files left by kill -9 (removed)"
}

# Several writers and readers at once; every change lands exactly once with its audit row.
test_concurrent_writers() {
	new_db
	writers=4
	per=20
	i=1
	while [ $i -le $writers ]; do
		(
			n=1
			while [ $n -le $per ]; do
				d add litigation "case_no=W$i-$n" agency=县公安局 \
				    complaint_received_on=2025-06-0$((n % 9 + 1)) >/dev/null 2>>"$W/err$i" ||
				    echo "add W$i-$n failed" >>"$W/err$i"
				d edit litigation "W$i-$n" plaintiff="原告$i-$n" >/dev/null 2>>"$W/err$i" ||
				    echo "edit W$i-$n failed" >>"$W/err$i"
				n=$((n + 1))
			done
		) &
		i=$((i + 1))
	done
	( k=0; while [ $k -lt 15 ]; do d dashboard >/dev/null 2>>"$W/errr" || echo "dashboard failed" >>"$W/errr"; k=$((k + 1)); done ) &
	( k=0; while [ $k -lt 15 ]; do d list litigation >/dev/null 2>>"$W/errr" || echo "list failed" >>"$W/errr"; k=$((k + 1)); done ) &
	wait
	if grep -l failed "$W"/err* >/dev/null 2>&1; then
		fail "some operations failed: $(cat "$W"/err* | head -5)"
	fi
	want=$((writers * per))
	[ "$(sql 'SELECT count(*) FROM litigation_cases')" = "$want" ] || fail "cases: $(sql 'SELECT count(*) FROM litigation_cases') of $want"
	[ "$(sql "SELECT count(*) FROM audit_log WHERE kind='litigation' AND action='create'")" = "$want" ] || fail "create audit rows"
	[ "$(sql "SELECT count(*) FROM audit_log WHERE kind='litigation' AND action='update'")" = "$want" ] || fail "update audit rows"
	[ "$(sql "SELECT count(*) FROM litigation_cases WHERE version <> 2 OR plaintiff NOT LIKE '原告%'")" = 0 ] || fail "a record lost its edit"
	# The audit trail matches the records: the last after of each case is what is stored.
	[ "$(sql "SELECT count(*) FROM litigation_cases c WHERE json_extract((SELECT after FROM audit_log a WHERE a.kind='litigation' AND a.record_id=c.id ORDER BY a.id DESC LIMIT 1), '\$.plaintiff') IS NOT c.plaintiff")" = 0 ] || fail "audit trail and records disagree"
	integrity "$W/db"
	echo "stress: concurrent: $writers writers x $per cases (add+edit) and 2 readers: $((writers * per * 2 + 30)) operations, nothing lost"
}

# kill -9 at random moments while records are written: never half a transaction.
test_kill_during_writes() {
	new_db
	kills=0
	round=0
	while [ $round -lt 25 ]; do
		( n=0; while [ $n -lt 1000 ]; do d add litigation "case_no=K$round-$n" agency=县公安局 >/dev/null 2>&1; n=$((n + 1)); done ) &
		pid=$!
		# 20 to 300 ms into the writing
		sleep "0.$(awk -v s=$round 'BEGIN{srand(s); printf "%03d", 20 + int(rand()*280)}')"
		pkill -9 -P $pid 2>/dev/null
		kill -9 $pid 2>/dev/null
		wait $pid 2>/dev/null
		kills=$((kills + 1))
		round=$((round + 1))
	done
	integrity "$W/db"
	# Every case has exactly one create audit row, every create row has its case.
	[ "$(sql "SELECT count(*) FROM litigation_cases c WHERE (SELECT count(*) FROM audit_log a WHERE a.kind='litigation' AND a.action='create' AND a.record_id=c.id) <> 1")" = 0 ] || fail "a case without its audit row"
	[ "$(sql "SELECT count(*) FROM audit_log a WHERE a.kind='litigation' AND NOT EXISTS (SELECT 1 FROM litigation_cases c WHERE c.id=a.record_id)")" = 0 ] || fail "an audit row without its case"
	d check >/dev/null 2>&1 || fail "check after kills"
	echo "stress: kill -9 during writes: $kills kills survived, $(sql 'SELECT count(*) FROM litigation_cases') cases all complete"
}

# A hangup while a form is open loses the form only and leaves no lock behind.
test_hangup_in_form() {
	command -v tmux >/dev/null || { skip "no tmux"; return; }
	new_db
	before=$(sql 'SELECT count(*) FROM audit_log')
	sock="duban-stress-$$"
	tmux -L "$sock" -f /dev/null new-session -d -s s -x 80 -y 24 \
	    "cd '$W' && LANG=C.UTF-8 '$DUBAN' --db db --today $TODAY --lang en"
	i=0
	while [ $i -lt 50 ] && ! tmux -L "$sock" capture-pane -p -t s 2>/dev/null | grep -q 'dashboard'; do
		sleep 0.1; i=$((i + 1))
	done
	tmux -L "$sock" send-keys -t s 2 a
	tmux -L "$sock" send-keys -t s -l 'HUP-1'
	sleep 0.3
	pid=$(tmux -L "$sock" list-panes -t s -F '#{pane_pid}' 2>/dev/null)
	tmux -L "$sock" kill-server 2>/dev/null	# the terminal goes away: SIGHUP
	i=0
	while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && fail "duban still running after the hangup"
	[ -e "$W/db-writer" ] && fail "a writer note was left behind"
	[ "$(sql 'SELECT count(*) FROM audit_log')" = "$before" ] || fail "something was written"
	[ "$(sql "SELECT count(*) FROM litigation_cases WHERE case_no='HUP-1'")" = 0 ] || fail "the half-typed form was saved"
	d add agency name=县民政局 kind=部门 >/dev/null 2>&1 || fail "the database is still locked"
	integrity "$W/db"
}

# Storage faults: each a clear message and exit 3, never a crash.
test_storage_faults() {
	new_db
	d add litigation case_no=F1 agency=县公安局 >/dev/null 2>&1
	# a corrupt file
	cp "$W/db" "$W/bad.db"
	rm -f "$W/db-wal" "$W/db-shm"
	dd if=/dev/urandom of="$W/bad.db" bs=1 seek=100 count=3000 conv=notrunc 2>/dev/null
	"$DUBAN" --db "$W/bad.db" --lang en list litigation >/dev/null 2>"$W/e"; rc=$?
	[ $rc = 3 ] || fail "corrupt file: exit $rc, expected 3 ($(cat "$W/e"))"
	grep -qi 'damaged\|not a duban\|corrupt\|malformed' "$W/e" || fail "corrupt file: message: $(cat "$W/e")"
	# a missing directory
	"$DUBAN" --db "$W/no/such/dir/db" --lang en list litigation >/dev/null 2>"$W/e"; rc=$?
	[ $rc = 3 ] || fail "missing directory: exit $rc"
	# a database from a newer duban
	cp "$W/db" "$W/new.db"
	sqlite3 "$W/new.db" 'PRAGMA user_version = 99'
	"$DUBAN" --db "$W/new.db" --lang en list litigation >/dev/null 2>"$W/e"; rc=$?
	[ $rc = 3 ] || fail "newer database: exit $rc"
	grep -q 'newer duban' "$W/e" || fail "newer database: message: $(cat "$W/e")"
	# a read-only file, for a user who cannot write it (a copy of duban and of the database
	# where nobody can reach them, wherever this clone is)
	if other_user_prepare "$DUBAN" "$DATA_DIR"; then
		R=$OTHER_DIR/work
		chmod 755 "$R"
		for f in db db-wal db-shm; do
			[ -e "$W/$f" ] && cp "$W/$f" "$R/$f" && chmod 644 "$R/$f"
		done
		as_nobody "$OTHER_DUBAN" --db "$R/db" --lang en add agency name=X kind=部门 \
		    >/dev/null 2>"$W/e"; rc=$?
		[ $rc = 3 ] || fail "read-only file: exit $rc ($(cat "$W/e"))"
		grep -q 'read-only' "$W/e" || fail "read-only file: message: $(cat "$W/e")"
		other_user_cleanup
	else
		echo "stress: $T: the read-only file for another user not tested here ($other_user_why)"
	fi
	# a full disk: a tiny filesystem, when this machine lets us mount one; the database
	# fits with 300 KiB to spare (it grows with every kind's table)
	mkdir -p "$W/small"
	if mount -t tmpfs -o size=$(($(wc -c <"$W/db") / 1024 + 300))k tmpfs "$W/small" \
	    2>/dev/null; then
		cp "$W/db" "$W/small/db" || fail "full disk: the database does not fit to begin with"
		n=0
		rc=0
		while [ $n -lt 400 ] && [ $rc = 0 ]; do
			"$DUBAN" --db "$W/small/db" --today $TODAY --lang en add litigation "case_no=FULL-$n" \
			    agency=县公安局 "note=$(head -c 1900 /dev/zero | tr '\0' x)" >/dev/null 2>"$W/e"
			rc=$?
			n=$((n + 1))
		done
		[ $rc = 3 ] || fail "full disk: exit $rc after $n records"
		grep -qi 'full' "$W/e" || fail "full disk: message: $(cat "$W/e")"
		umount "$W/small"
	else
		echo "stress: $T: full disk not tested here (cannot mount a small tmpfs); test_db covers it with max_page_count"
	fi
	integrity "$W/db"
}

# A backup taken while others write is consistent, and restoring it finds every record.
test_backup_restore() {
	new_db
	n=0
	while [ $n -lt 30 ]; do d add litigation "case_no=B$n" agency=县公安局 >/dev/null 2>&1; n=$((n + 1)); done
	( m=0; while [ $m -lt 30 ]; do d add litigation "case_no=L$m" agency=县公安局 >/dev/null 2>&1; m=$((m + 1)); done ) &
	d backup "$W/backup.db" 2>"$W/e" || fail "backup: $(cat "$W/e")"
	wait
	"$DUBAN" --db "$W/backup.db" --lang en check >/dev/null 2>&1 || fail "check of the backup"
	# restore: copy over a fresh path and open it
	cp "$W/backup.db" "$W/restored.db"
	got=$(sqlite3 "$W/restored.db" "SELECT count(*) FROM litigation_cases WHERE case_no LIKE 'B%'")
	[ "$got" = 30 ] || fail "restored backup has $got of the 30 records written before it"
	[ "$(sqlite3 "$W/restored.db" "SELECT count(*) FROM litigation_cases c WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.record_id=c.id AND a.kind='litigation')")" = 0 ] || fail "restored records without audit rows"
	"$DUBAN" --db "$W/restored.db" --today $TODAY --lang en list litigation >/dev/null 2>&1 || fail "restored database does not open"
	integrity "$W/restored.db"
}

# Files of the database are for the group, never for the world.
test_file_modes() {
	new_db
	for f in db db-wal db-shm; do
		[ -e "$W/$f" ] || continue
		m=$(stat -c %a "$W/$f")
		case "$m" in
		660) ;;
		*) fail "$f has mode $m, expected 660" ;;
		esac
	done
}

# The deployment of doc/operations.md: a setgid binary is the only way in.
test_setgid_deployment() {
	if ! command -v groupadd >/dev/null; then
		skip "needs groupadd"
		return
	fi
	# Sanitizers cannot watch a setgid process (LeakSanitizer stops it): the plain build,
	# installed as make install lays it out where nobody can reach it: bin/duban finds
	# ../share/duban (a setgid duban ignores DUBAN_DATA, the caller's own data).
	if ! OTHER_NEED_SETID=1 other_user_prepare "${DUBAN_PLAIN:-$DUBAN}" "$DATA_DIR"; then
		skip "$other_user_why"
		return
	fi
	getent group dubantest >/dev/null || groupadd -r dubantest || { skip "groupadd failed"; return; }
	W=$OTHER_DIR
	data=$DATA_DIR
	mkdir -p "$W/var"
	chown root:dubantest "$W/bin/duban" "$W/var"
	chmod 2755 "$W/bin/duban"
	chmod 2770 "$W/var"
	DUBAN_DATA="$data" "$W/bin/duban" --db "$W/var/db" --today $TODAY --lang en init >/dev/null 2>&1 || fail "init"
	DUBAN_DATA="$data" "$W/bin/duban" --db "$W/var/db" --lang en user add nobody staff >/dev/null 2>&1 || fail "user add nobody"
	DUBAN_DATA="$data" "$W/bin/duban" --db "$W/var/db" --lang en add agency name=县公安局 kind=部门 >/dev/null 2>&1
	[ "$(stat -c %G "$W/var/db")" = dubantest ] || fail "the database is not in the group"
	# nobody, not in the group: through duban yes, around it no.
	as_nobody env DUBAN_DATA="$data" \
	    "$W/bin/duban" --db "$W/var/db" --today $TODAY --lang en add litigation case_no=SG1 agency=县公安局 >/dev/null 2>"$W/e" ||
	    fail "nobody could not write through the setgid duban: $(cat "$W/e")"
	as_nobody sqlite3 "$W/var/db" "DELETE FROM litigation_cases" >/dev/null 2>&1 &&
	    fail "nobody could write the database around duban"
	as_nobody env DUBAN_DATA="$data" \
	    "$W/bin/duban" --db "$W/var/db" --lang en export litigation -o "$W/var/stolen.csv" >/dev/null 2>&1 &&
	    [ -e "$W/var/stolen.csv" ] && fail "an export was written with the group's rights"
	[ "$(sqlite3 "$W/var/db" "SELECT count(*) FROM litigation_cases WHERE case_no='SG1'")" = 1 ] || fail "the record is not there"
	# The caller's own rules must not decide the stored due dates of everyone.
	printf '[rule litigation-defence]\nlength = 99\nunit = days\n' >"$W/mine.ini"
	chmod 644 "$W/mine.ini"
	as_nobody env DUBAN_DATA="$data" \
	    "$W/bin/duban" --db "$W/var/db" --lang en --config "$W/mine.ini" list litigation >/dev/null 2>"$W/e" &&
	    fail "--config was accepted by the setgid duban"
	as_nobody env DUBAN_DATA="$data" DUBAN_CONFIG="$W/mine.ini" \
	    "$W/bin/duban" --db "$W/var/db" --today $TODAY --lang en list litigation >/dev/null 2>&1
	[ "$(sqlite3 "$W/var/db" "SELECT count(*) FROM audit_log WHERE action='recompute'")" = 0 ] ||
	    fail "DUBAN_CONFIG of the caller recomputed the due dates"
}

# The gaps the hardening pass found in that deployment (issue 10, finding 5).
test_setgid_gaps() {
	if ! command -v groupadd >/dev/null; then
		skip "needs groupadd"
		return
	fi
	getent passwd daemon >/dev/null || { skip "no user daemon"; return; }
	# The plain build installed where nobody and daemon can reach it, wherever this clone is.
	if ! OTHER_NEED_SETID=1 other_user_prepare "${DUBAN_PLAIN:-$DUBAN}" "$DATA_DIR"; then
		skip "$other_user_why"
		return
	fi
	getent group dubantest >/dev/null || groupadd -r dubantest || { skip "groupadd failed"; return; }
	W=$OTHER_DIR
	mkdir -p "$W/var"
	chown root:dubantest "$W/bin/duban" "$W/var"
	chmod 2755 "$W/bin/duban"
	chmod 2770 "$W/var"
	sg() {	# as nobody, outside the group
		as_nobody "$W/bin/duban" --today $TODAY --lang en "$@"
	}
	"$W/bin/duban" --db "$W/var/db" --today $TODAY --lang en init >/dev/null 2>&1 || fail "init"
	"$W/bin/duban" --db "$W/var/db" --lang en user add nobody staff >/dev/null 2>&1 || fail "user add nobody"
	"$W/bin/duban" --db "$W/var/db" --lang en add agency name=县公安局 kind=部门 >/dev/null 2>&1
	# A non-member cannot leave a database of its own in the protected directory.
	sg --db "$W/var/evil.db" init --demo >/dev/null 2>"$W/e" && fail "nobody created a database in the protected directory"
	[ -z "$(ls "$W/var" | grep evil)" ] || fail "files were left in the protected directory: $(ls "$W/var")"
	# The last to close removes -wal and -shm, whoever it is.
	sg --db "$W/var/db" add litigation case_no=SG1 agency=县公安局 >/dev/null 2>"$W/e" ||
	    fail "nobody could not write: $(cat "$W/e")"
	[ -e "$W/var/db-wal" ] && fail "-wal left behind by nobody: $(ls -l "$W/var")"
	[ -e "$W/var/db-shm" ] && fail "-shm left behind by nobody: $(ls -l "$W/var")"
	# Restoring as doc/operations.md §6.3 says, then the first ordinary command works.
	"$W/bin/duban" --db "$W/var/db" --lang en backup "$W/backup.db" >/dev/null 2>"$W/e" || fail "backup: $(cat "$W/e")"
	sg --db "$W/var/db" add litigation case_no=SG2 agency=县公安局 >/dev/null 2>&1
	chmod 0700 "$W/var"
	cp "$W/backup.db" "$W/var/db"
	rm -f "$W/var/db-wal" "$W/var/db-shm" "$W/var/db-writer"
	"$W/bin/duban" --db "$W/var/db" --lang en check >/dev/null 2>"$W/e" || fail "check after restoring: $(cat "$W/e")"
	chmod 2770 "$W/var"
	sg --db "$W/var/db" add litigation case_no=SG3 agency=县公安局 >/dev/null 2>"$W/e" ||
	    fail "the first command after restoring failed: $(cat "$W/e")"
	sg --db "$W/var/db" list litigation >"$W/o" 2>"$W/e" || fail "list after restoring: $(cat "$W/e")"
	grep -q SG3 "$W/o" || fail "the record added after restoring is not listed"
	[ "$(sqlite3 "$W/var/db" 'PRAGMA journal_mode')" = wal ] || fail "the restored database is not back in WAL"
	# One who may only read leaves a backup exactly as it was (daemon: an unknown login,
	# read-only by default).
	cp "$W/backup.db" "$W/var/ro.db"
	chgrp dubantest "$W/var/ro.db"
	chmod 660 "$W/var/ro.db"
	before=$(sha256sum <"$W/var/ro.db")
	as_user daemon "$W/bin/duban" --db "$W/var/ro.db" --today $TODAY --lang en \
	    list litigation >/dev/null 2>"$W/e" || fail "daemon could not read the backup: $(cat "$W/e")"
	[ "$(sha256sum <"$W/var/ro.db")" = "$before" ] || fail "reading the backup changed it"
	# A terminal description of the caller's own is not read by the setgid desk.
	if command -v tic >/dev/null; then
		mkdir -p "$W/ti"
		printf 'dubantest|x,\n\tam, cols#80, lines#24, clear=\\E[H\\E[2J, cup=\\E[%%i%%p1%%d;%%p2%%dH,\n' >"$W/ti.src"
		tic -o "$W/ti" "$W/ti.src" 2>/dev/null
		chmod -R a+rX "$W/ti"
		as_nobody env TERM=dubantest TERMINFO="$W/ti" \
		    timeout 5 "$W/bin/duban" --db "$W/var/db" --today $TODAY --lang en </dev/null >"$W/o" 2>&1
		grep -q dubantest "$W/o" || fail "the setgid desk read the caller's TERMINFO: $(head -c 200 "$W/o")"
		[ -e "$W/var/db-wal" ] && [ "$(stat -c %G "$W/var/db-wal")" != dubantest ] && fail "-wal not in the group"
	else
		echo "stress: $T: TERMINFO not tested (no tic)"
	fi
	integrity "$W/var/db"
}

tests="${*:-test_concurrent_writers test_kill_during_writes test_kill_during_export test_hangup_in_form test_storage_faults test_backup_restore test_file_modes test_setgid_deployment test_setgid_gaps}"
for T in $tests; do
	W="$top/$T"
	mkdir -p "$W"
	ok_this=1
	skipped_this=0
	$T
	other_user_cleanup
	if [ $ok_this = 0 ]; then
		fails=$((fails + 1))
	elif [ $skipped_this = 1 ]; then
		skips=$((skips + 1))
	else
		passes=$((passes + 1))
	fi
done
summary="$passes passed, $fails failed, $skips skipped"
[ -n "${TEST_COUNTS:-}" ] && echo "stress $passes $fails $skips" >>"$TEST_COUNTS"
if [ $fails -gt 0 ]; then
	echo "stress: $summary"
	exit 1
fi
echo "stress: $summary"
