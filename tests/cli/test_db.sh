# tests/cli/test_db.sh: duban init and duban check; configuration errors; the Chinese
# interface.

test_init_creates_database_with_caller_as_admin() {
	run init
	expect_status 0
	expect_stdout
	expect_stderr_contains "$(id -un)"
	expect_true "init did not create the database file" test -f db
	expect_sql db "SELECT login || ' ' || role FROM users" "$(id -un) admin"
	expect_sql db "SELECT value FROM meta WHERE key = 'created_by'" "$(id -un)"
	expect_sql db "SELECT value FROM meta WHERE key = 'created_on'" "$TODAY"
}

# The database holds case data: the group may share it, the world may not touch it.
test_init_database_not_world_accessible() {
	make_db
	# check opens it too; the WAL files SQLite may leave must be as private.
	run check
	expect_status 0
	for f in db db-wal db-shm db-journal; do
		[ -e "$f" ] || continue
		mode=$(stat -c %a "$f")
		case $mode in
		*0) ;;
		*) fail "$f has mode $mode: others may access it" ;;
		esac
	done
}

# Even when the caller's umask would let the world read it.
test_init_database_private_under_open_umask() {
	umask 022
	make_db
	mode=$(stat -c %a db)
	case $mode in
	660 | 640 | 600) ;;
	*) fail "db has mode $mode under umask 022; expected 660, 640 or 600" ;;
	esac
}

test_init_twice_refuses_and_keeps_database() {
	make_db
	cp db db.before
	run --today 2026-01-02 init
	expect_status 3
	expect_stdout
	expect_stderr_contains "$T/db"
	expect_true "the second init changed the database file" cmp -s db db.before
	expect_sql db "SELECT value FROM meta WHERE key = 'created_on'" "$TODAY"
	run check
	expect_status 0
}

test_init_in_missing_directory_fails() {
	run --db "$T/no/such/dir/db" init
	expect_status 3
	expect_stdout
	expect_stderr_nonempty
	expect_true "init created a directory" test ! -e no
}

test_check_fresh_database() {
	make_db
	run check
	expect_status 0
	expect_stdout_contains "integrity: sound" "2007-2026" "schema version"
	expect_stdout_lacks "DAMAGED"
	# Today (2025) and next year are in the calendar, and nothing is stale: not a word.
	expect_stderr
}

test_check_missing_database() {
	run check
	expect_status 3
	expect_stdout
	expect_stderr_contains "$T/db" "duban init"
	expect_true "check created a database file" test ! -e db
}

test_check_text_file_is_not_a_database() {
	printf 'hello, this is not a database\n' >db
	cp db db.before
	run check
	expect_status 3
	expect_stdout
	expect_stderr_contains "$T/db"
	expect_true "check changed the file" cmp -s db db.before
}

test_check_empty_file_is_not_a_database() {
	: >db
	run check
	expect_status 3
	expect_stdout
	expect_stderr_contains "$T/db"
}

test_check_database_from_newer_duban() {
	make_db
	sqlite3 db 'PRAGMA user_version = 99'
	run check
	expect_status 3
	expect_stdout
	expect_stderr_contains "newer" "99"
}

test_config_unknown_key_rejected() {
	printf '; site settings\n[general]\nlanguage = en\nbogus_setting = 1\n' >bad.ini
	run --config bad.ini deadline litigation-defence 2025-09-16
	expect_status 2
	expect_stdout
	expect_stderr_contains "bad.ini:4" "bogus_setting"
}

test_config_bad_value_rejected() {
	printf '[calendar]\nmakeup_workdays = perhaps\n' >bad.ini
	run --config bad.ini deadline litigation-defence 2025-09-16
	expect_status 2
	expect_stdout
	expect_stderr_contains "bad.ini:2" "perhaps"
}

# The language setting of the configuration applies when --lang is not given.
test_config_language_en_without_option() {
	printf '[general]\nlanguage = en\n' >site.ini
	run_raw --config site.ini --today "$TODAY" deadline no-such-rule 2025-03-05
	expect_status 2
	expect_stderr_contains 'there is no deadline rule "no-such-rule"'
}

# Where duban looks for the Chinese catalogue beside the binary (see tui/app.c).
zh_catalogue() {
	d=$(dirname "$DUBAN")
	for l in "$d/locale" "$d/../locale" "$d/../share/locale"; do
		for c in zh_CN zh; do
			[ -f "$l/$c/LC_MESSAGES/duban.mo" ] && return 0
		done
	done
	return 1
}

test_lang_zh_error_is_chinese() {
	run --lang zh deadline reconsideration-reply 2025-02-30
	expect_status 2
	expect_stdout
	expect_stderr_contains 2025-02-30
	if zh_catalogue; then
		expect_stderr_cjk
	else
		# TODO: data/po/zh_CN.po is being written; once build/locale/zh_CN/LC_MESSAGES/duban.mo
		# exists this test checks that the message is Chinese.
		echo "  TODO: no zh catalogue beside $DUBAN yet; only the exit status was checked"
	fi
}

test_lang_zh_unknown_command_is_chinese() {
	run --lang zh frobnicate
	expect_status 1
	expect_stdout
	expect_stderr_contains frobnicate
	if zh_catalogue; then
		expect_stderr_cjk
	fi
}
