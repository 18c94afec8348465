# tests/cli/test_text.sh: text that is not what it looks like (issue 10, findings 6, 13, 14,
# 15, 16; issue 11, findings 4 and 5): formulas in exported CSV, look-alike and control
# characters in keys, case numbers written with other brackets, terminal escapes in
# arguments, mixed encodings, damaged databases.

text_db() {
	TODAY=2025-06-30
	make_db
	run add agency name=县公安局 kind=部门
	expect_status 0
}

# CSV formula injection: exported cells that Excel or WPS would run start with an
# apostrophe; the import takes off exactly that, so export -> import -> export is exact.
test_text_formula_cells_guarded_and_round_trip() {
	text_db
	run add litigation 'case_no=+cmd|'"'"'/C calc'"'"'!A0' agency=县公安局 \
	    'note==HYPERLINK("http://evil","click")' 'plaintiff=@SUM(1+1)'
	expect_status 0
	run add litigation "case_no='=x" agency=县公安局 "note='own apostrophe" 'cause=-2+3'
	expect_status 0
	run export litigation -o out.csv
	expect_status 0
	expect_true "the HYPERLINK formula is not guarded" \
	    grep -qF '"'"'"'=HYPERLINK(""http://evil"",""click"")"' out.csv
	expect_true "+cmd is not guarded" grep -qF '"'"'"'+cmd|' out.csv
	expect_true "@SUM is not guarded" grep -qF '"'"'"'@SUM(1+1)"' out.csv
	expect_true "-2+3 is not guarded" grep -qF '"'"'"'-2+3"' out.csv
	expect_true "a user's apostrophe is not doubled" grep -qF "\"''=x\"" out.csv
	expect_true "a user's apostrophe is not doubled" grep -qF "\"''own apostrophe\"" out.csv
	run list litigation --format csv
	expect_status 0
	expect_stdout_contains "'=HYPERLINK"
	# Into a fresh database and out again: the same bytes.
	mv db db1
	make_db
	run add agency name=县公安局 kind=部门
	run import out.csv
	expect_status 0
	expect_sql db "SELECT note FROM litigation_cases WHERE id = 1" \
	    '=HYPERLINK("http://evil","click")'
	expect_sql db "SELECT case_no || '|' || note FROM litigation_cases WHERE id = 2" \
	    "'=x|'own apostrophe"
	run export litigation -o again.csv
	expect_status 0
	expect_true "export, import, export is not exact" cmp -s out.csv again.csv
}

# （2025） and (2025) are one case number: add, import and lookups compare the normalised
# form, and the refusal names the case as it was recorded.
test_text_fullwidth_case_number_is_a_duplicate() {
	text_db
	run add litigation 'case_no=(2025)浙0521行初361号' agency=县公安局
	expect_status 0
	run add litigation 'case_no=（2025）浙0521行初361号' agency=县公安局
	expect_status 2
	expect_stderr_contains 'already recorded as "(2025)浙0521行初361号" (record 1)'
	run add litigation 'case_no=〔２０２５〕浙0521 行初361号' agency=县公安局
	expect_status 2
	expect_stderr_contains "(record 1)"
	printf '案号,被告机关\n[2025]浙0521行初361号,县公安局\n(2025)浙0521行初362号,县公安局\n' \
	    >in.csv
	# The import finds the recorded case by its normalised number and updates it; it never
	# makes a second one. The number keeps the form it was recorded in.
	run import in.csv
	expect_status 0
	expect_stderr_contains "1 new, 0 updated, 1 unchanged, 0 refused"
	expect_sql db "SELECT count(*) FROM litigation_cases" 2
	run edit litigation '（2025）浙0521行初361号' court=县法院
	expect_status 0
	expect_sql db "SELECT case_no || '|' || court FROM litigation_cases WHERE id = 1" \
	    "(2025)浙0521行初361号|县法院"
	# Two forms of one number in one file are one record twice.
	printf '案号,被告机关\n(2025)浙0521行初363号,县公安局\n（2025）浙0521行初363号,县公安局\n' \
	    >twice.csv
	run import twice.csv
	expect_status 2
	expect_stderr_contains "twice.csv:3" "the same record as line 2"
	# Also when the first of them was refused.
	printf '案号,被告机关\n(2025)浙0521行初364号,无此机关\n〔2025〕浙0521行初364号,县公安局\n' \
	    >twice2.csv
	run import twice2.csv
	expect_status 2
	expect_stderr_contains "twice2.csv:3" "the same record as line 2"
}

# Keys are one line; NBSP and other Unicode spaces are trimmed like ASCII ones; direction
# controls are refused anywhere.
test_text_key_controls_and_lookalikes() {
	text_db
	run add litigation "case_no=$(printf 'N2\rX')" agency=县公安局
	expect_status 2
	expect_stderr_contains "case_no" "control character"
	run add litigation "case_no=$(printf 'N2\tX')" agency=县公安局
	expect_status 2
	run add litigation "case_no=$(printf '\342\200\256X1')" agency=县公安局
	expect_status 2
	expect_stderr_contains "direction control"
	run add litigation "case_no=X1" agency=县公安局 "note=$(printf 'a\342\201\246b')"
	expect_status 2
	expect_stderr_contains "note"
	run add litigation "case_no=$(printf '\302\240X1\302\240')" agency=县公安局
	expect_status 0
	expect_sql db "SELECT hex(case_no) FROM litigation_cases" 5831
	run add litigation case_no=X1 agency=县公安局
	expect_status 2
	expect_stderr_contains "already recorded"
}

# An ESC, a C1 control or U+202E in the user's own arguments comes back escaped, never raw.
test_text_errors_never_echo_controls() {
	text_db
	run edit "$(printf '\033[31mkind')" 1 note=x
	expect_status 1
	expect_stderr_contains '"\x1B[31mkind" is not a record kind'
	run edit litigation "$(printf 'nope\302\233\342\200\256')" note=x
	expect_status 2
	run add litigation case_no=X1 "agency=$(printf '\033]0;pwned\007')"
	expect_status 2
	expect_stderr_contains '\x1B]0;pwned\x07'
	expect_true "stderr holds a raw control character" \
	    sh -c "! LC_ALL=C grep -q \"\$(printf '[\\001-\\010\\016-\\037\\177]')\" .stderr"
	run add litigation case_no=X1 agency=县公安局 "note=$(printf 'a\302\205b')"
	expect_status 2
}

# JSON output escapes C1 controls that are stored (from before they were refused).
test_text_json_escapes_c1() {
	text_db
	run add litigation case_no=X1 agency=县公安局
	sqlite3 db "UPDATE litigation_cases SET note = 'a' || char(155) || '31m' WHERE id = 1"
	run list litigation --format json
	expect_status 0
	expect_stdout_contains 'a\u009b31m'
}

# Who appeared at a hearing that is still to come is refused, from add and from import.
test_text_future_hearing_appearance_refused() {
	text_db
	run add litigation case_no=X1 agency=县公安局
	run add hearing case_no=X1 hearing_on=2025-07-10 appearer_rank=副职 appearer=李副局长 spoke=是
	expect_status 2
	expect_stderr_contains "appearer_rank" "has not taken place yet"
	run add hearing case_no=X1 hearing_on=2025-07-10 head_required=是
	expect_status 0
	printf '案号,被告机关,开庭日期,出庭人类别,出庭人\nX2,县公安局,2025-07-11,正职,王局长\n' >h.csv
	run import h.csv
	expect_status 2
	expect_stderr_contains "h.csv:2" "has not taken place yet"
	expect_sql db "SELECT count(*) FROM hearings WHERE appearer_rank <> ''" 0
}

# A damaged database: every command exits 3 naming the damage; nothing is written, and no
# reference is reported as "does not exist".
test_text_damaged_database_exit_3() {
	TODAY=2025-06-30
	run init --demo
	expect_status 0
	run list litigation
	expect_status 0
	pages=$(sqlite3 db "PRAGMA page_count")
	size=$(sqlite3 db "PRAGMA page_size")
	sqlite3 db "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	dd if=/dev/zero of=db bs="$size" seek=$((pages / 2)) count=$((pages / 4)) \
	    conv=notrunc 2>/dev/null
	run edit litigation 1 note=x
	expect_status 3
	expect_stderr_lacks "does not exist"
	run add litigation case_no=NEW1 agency=县公安局
	expect_status 3
	expect_stderr_lacks "does not exist"
	run list litigation
	expect_status 3
	run check
	expect_status 3
}

# Edits of one record from several processes at once: each waits its turn; none is refused
# as a conflict (the read and the save are one transaction).
test_text_concurrent_edits_not_refused() {
	text_db
	run add litigation case_no=X1 agency=县公安局
	for w in 1 2 3 4; do
		(
			i=0
			while [ $i -lt 8 ]; do
				"$DUBAN" --lang en --db "$T/db" --today 2025-06-30 edit litigation 1 \
				    "note=w$w-$i" >/dev/null 2>>"err.$w" || echo "w$w $i" >>failed
				i=$((i + 1))
			done
		) &
	done
	wait
	expect_true "some edits were refused: $(cat failed err.* 2>/dev/null | head -5)" \
	    test ! -s failed
	expect_sql db "SELECT count(*) FROM audit_log WHERE kind = 'litigation' AND action = 'update'" 32
}

# A GB18030 file with one cell pasted as UTF-8: the row is refused naming line and column;
# nothing of the mojibake is stored.
test_text_gb18030_file_with_utf8_cell_refused() {
	text_db
	{
		printf '案号,被告机关,原告\r\nG1,县公安局,张三\r\nG2,县公安局,' | iconv -f UTF-8 -t GB18030
		printf '王五\r\n'
	} >mixed.csv
	run import mixed.csv
	expect_status 2
	expect_stderr_contains "mixed.csv:3: 原告: this cell is UTF-8 text in a file read as GB18030"
	expect_sql db "SELECT count(*) FROM litigation_cases" 0
}

# Bytes flipped in the middle of the file: whenever `check` calls the file damaged, `add` and
# `edit` refuse with exit 3 and write nothing.
test_text_flipped_bytes_refuse_writes() {
	TODAY=2025-06-30
	run init --demo
	expect_status 0
	sqlite3 db "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	cp db pristine
	damaged=0
	for seed in 1 2 3 4 5 6 7 8; do
		cp pristine db
		rm -f db-wal db-shm
		size=$(wc -c <db)
		i=0
		while [ $i -lt 8 ]; do
			pos=$((size / 4 + (seed * 7919 + i * 104729) % (size / 2)))
			printf '\377\000' | dd of=db bs=1 seek=$pos conv=notrunc 2>/dev/null
			i=$((i + 1))
		done
		if [ "$(sqlite3 db 'PRAGMA integrity_check(1)' 2>&1)" = ok ]; then
			continue
		fi
		damaged=$((damaged + 1))
		run add agency name=新机关$seed kind=部门
		expect_status 3
		run edit litigation 1 note=x$seed
		expect_status 3
		expect_stderr_lacks "does not exist"
	done
	expect_true "no seed damaged the file" test "$damaged" -gt 0
}

# A schema-1 database holding one case twice (full-width and half-width brackets): the upgrade
# keeps both, with everything in them, and `check` names the one to correct.
test_text_upgrade_keeps_duplicate_case_numbers() {
	text_db
	run add litigation 'case_no=(2025)浙0521行初361号' agency=县公安局 note=first
	expect_status 0
	sqlite3 db "DROP INDEX agencies_by_name_key; ALTER TABLE agencies DROP COLUMN name_key;
DROP INDEX litigation_by_case_no_key; ALTER TABLE litigation_cases DROP COLUMN case_no_key;
DROP INDEX reconsideration_by_case_no_key;
ALTER TABLE reconsideration_cases DROP COLUMN case_no_key;
DROP INDEX suggestions_by_doc_no_key; ALTER TABLE suggestions DROP COLUMN doc_no_key;
DROP INDEX assessment_items_by_key; ALTER TABLE assessment_items DROP COLUMN item_key;
DROP TABLE notices;
DROP TABLE rule_filings; DROP TABLE publicity_decisions; DROP TABLE case_reviews; DROP TABLE officers; DROP TABLE trainings;
INSERT INTO litigation_cases (case_no, agency_id, note) VALUES ('（2025）浙0521行初361号', 1, 'second');
DROP TABLE attachments;
PRAGMA user_version = 1;"
	run list litigation
	expect_status 0
	expect_sql db "PRAGMA user_version" 9
	expect_sql db "SELECT group_concat(note, ',') FROM litigation_cases" "first,second"
	run check
	expect_status 0
	expect_stdout_contains "keys:" 'Litigation case 2 "（2025）浙0521行初361号" is the same as another record'
	# Corrected, it saves; the check is clean again.
	run edit litigation 2 'case_no=（2025）浙0521行初362号'
	expect_status 0
	run check
	expect_status 0
	expect_stdout_lacks "keys:"
}
