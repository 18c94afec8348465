# tests/cli/test_files.sh: the files duban creates or replaces (export -o, --rejects, backup,
# the DB-writer note): never through a link, never replacing a device or a pipe, no partial
# file left by a signal, modes from the umask (doc/operations.md §10).

# A member of the group links the note to another file: the next writer must not overwrite it.
test_files_writer_note_not_followed() {
	make_db
	echo "keep me" >victim
	ln -s victim db-writer
	run add agency name=县公安局 kind=部门
	expect_status 0
	expect_true "the DB-writer note was written through a symbolic link" \
	    test "$(cat victim)" = "keep me"
	expect_true "the note is still a link to another file" test ! -L db-writer
	# A pipe at the name must not block the writer either.
	mkfifo db-writer.fifo
	rm -f db-writer
	mv db-writer.fifo db-writer
	set +e
	timeout 20 "$DUBAN" --lang en --db "$T/db" --today "$TODAY" add agency name=县民政局 kind=部门 \
	    >/dev/null 2>&1
	st=$?
	set -e
	expect_true "a pipe at the note's name stopped the writer (status $st)" test $st = 0
}

# -o onto a named pipe writes into it, and the pipe stays a pipe.
test_files_export_onto_fifo_writes_to_it() {
	make_db
	run_ok add agency name=县公安局 kind=部门
	mkfifo p
	(timeout 10 cat p >got) &
	reader=$!
	run export agency -o p
	expect_status 0
	wait $reader || true
	expect_true "the pipe was replaced by a file" test -p p
	expect_true "nothing came through the pipe" grep -q 县公安局 got
}

# /dev/stdout and /dev/null (links to devices, pipes and the shell's redirection) are written
# to, never replaced. Links in the test's directory stand for them: the real ones are shared.
test_files_export_through_link_to_stdout() {
	make_db
	run_ok add agency name=县公安局 kind=部门
	ln -s /dev/stdout out
	ln -s /dev/null null
	run export agency -o out
	expect_status 0
	expect_stdout_contains 县公安局
	expect_true "the link to /dev/stdout was replaced" test -L out
	run export agency -o null
	expect_status 0
	expect_true "the link to /dev/null was replaced" test -L null
	expect_true "/dev/null is no longer a device" test -c /dev/null
}

# A device node itself (root may make one: a private /dev/null) is written to, never replaced.
# (Not on a nodev file system such as a tmpfs TMPDIR: the node cannot be opened there.)
test_files_export_onto_a_device_node() {
	[ "$(id -u)" = 0 ] || skip "a device node of its own needs root (mknod)"
	mknod devnull c 1 3 2>/dev/null && (: >devnull) 2>/dev/null ||
	    skip "a device node cannot be made or opened here (a nodev file system?)"
	make_db
	run_ok add agency name=县公安局 kind=部门
	run export agency -o devnull
	expect_status 0
	expect_true "the device node was replaced by a file" test -c devnull
	run backup devnull
	expect_status 3
	expect_true "backup replaced the device node" test -c devnull
}

# The database itself is never the output of an export or a backup.
test_files_export_backup_refuse_the_database() {
	make_db
	run_ok add agency name=县公安局 kind=部门
	cp db db.before
	ln -s db dblink
	run export agency -o db
	expect_status 1
	expect_stderr_contains "is the database itself"
	run backup dblink
	expect_status 1
	expect_stderr_contains "is the database itself"
	expect_sql db "SELECT count(*) FROM agencies WHERE name = '县公安局'" 1
}

# A link to a file is refused with a message; neither link nor target changes.
test_files_export_backup_rejects_refuse_link_to_file() {
	make_db
	run_ok add agency name=县公安局 kind=部门
	echo old >target
	ln -s target link
	run export agency -o link
	expect_status 2
	expect_stderr_contains "link is a symbolic link"
	run backup link
	expect_status 3
	expect_stderr_contains "link is a symbolic link"
	printf 'name,kind\n县司法局,部门\n,部门\n' >in.csv
	run import in.csv --kind agency --skip-invalid --rejects link
	expect_status_in "2 3"
	expect_stderr_contains "link is a symbolic link"
	expect_true "the link was replaced" test -L link
	expect_true "the target was written" test "$(cat target)" = old
	expect_true "a temporary file was left: $(ls)" test -z "$(ls | grep 'link\.')"
}

# A backup is a database file: a pipe or device at the name is refused, left as it is.
test_files_backup_refuses_pipe() {
	make_db
	mkfifo p
	run backup p
	expect_status 3
	expect_stderr_contains "device or a pipe"
	expect_true "the pipe was replaced" test -p p
}

# Exports and backups follow the person's umask; the database stays shared with the group.
test_files_modes_follow_umask() {
	umask 077
	make_db
	run_ok add agency name=县公安局 kind=部门
	run_ok export agency -o a.csv
	run_ok backup b.db
	expect_true "export has mode $(stat -c %a a.csv) under umask 077" test "$(stat -c %a a.csv)" = 600
	expect_true "backup has mode $(stat -c %a b.db) under umask 077" test "$(stat -c %a b.db)" = 600
	expect_true "the database has mode $(stat -c %a db), expected 660" test "$(stat -c %a db)" = 660
	umask 022
	run_ok export agency -o c.csv
	expect_true "export has mode $(stat -c %a c.csv) under umask 022" test "$(stat -c %a c.csv)" = 644
}

# Killed half-way (kill, a dropped SSH session, Ctrl-C), an export leaves no F.XXXXXX behind.
test_files_signal_during_export_leaves_no_temp() {
	make_db
	run_ok add agency name=县公安局 kind=部门
	sqlite3 db "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
	    INSERT INTO litigation_cases (case_no, agency_id, plaintiff, cause)
	    SELECT 'BIG-' || i, (SELECT min(id) FROM agencies), '原告' || i, '行政处罚' FROM n"
	caught=0
	for sig in TERM HUP INT QUIT PIPE; do
		"$DUBAN" --lang en --db db --today "$TODAY" export litigation -o big.csv \
		    >/dev/null 2>err &
		pid=$!
		i=0
		while [ $i -lt 500 ] && ! ls big.csv.* >/dev/null 2>&1 && kill -0 $pid 2>/dev/null; do
			sleep 0.01
			i=$((i + 1))
		done
		if ls big.csv.* >/dev/null 2>&1; then
			caught=$((caught + 1))
			kill -s $sig $pid
		fi
		wait $pid || true
		expect_true "SIG$sig left $(ls big.csv.* 2>/dev/null)" test -z "$(ls big.csv.* 2>/dev/null)"
		rm -f big.csv big.csv.*
	done
	expect_true "the export was too quick to be interrupted even once" test $caught -gt 0
}
