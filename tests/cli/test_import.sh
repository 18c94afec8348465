# tests/cli/test_import.sh: duban import and duban export end to end: the summary and each
# refusal on stderr (FILE:LINE: COLUMN: reason), exit statuses, the write modes, the rejects
# file, GB18030 both ways, JSON, the round trip of every kind of the demo data, usage errors.

# A database with two agencies, as an administrator sets it up.
import_db() {
	TODAY=2025-06-30
	make_db
	printf '机关名称,简称,代码,类别\n县公安局,公安局,GA01,部门\n县教育局,,JY01,部门\n' >ag.csv
	run import ag.csv
	expect_status 0
}

test_import_summary() {
	import_db
	expect_stdout
	expect_stderr "duban: ag.csv: agency records (utf-8, comma separated): 2 rows: 2 new, "\
"0 updated, 0 unchanged, 0 refused" "duban: ag.csv: imported as batch 1"
	printf '\357\273\277案号,被告机关,原告,收到起诉状副本日期,开庭日期,出庭人类别\r\n' >a.csv
	printf '(2025)浙0521行初1号,县公安局,张三,2025/3/5,2025年4月1日,正职\r\n' >>a.csv
	printf '(2025)浙0521行初2号,JY01,李四,20250306,,\r\n' >>a.csv
	run import a.csv
	expect_status 0
	expect_stdout
	expect_stderr "duban: a.csv: litigation records (utf-8, comma separated): 2 rows: 2 new, "\
"0 updated, 0 unchanged, 0 refused" \
	    "duban: a.csv: hearings: 1 new, 0 updated, 0 unchanged" \
	    "duban: a.csv: imported as batch 2"
	expect_sql db "SELECT group_concat(defence_due_on) FROM litigation_cases" \
	    "2025-03-20,2025-03-21"
	expect_sql db "SELECT count(*) FROM audit_log WHERE batch_id = 2" 3
	# The same file again changes nothing and audits nothing.
	run import a.csv
	expect_status 0
	expect_stderr_contains "2 rows: 0 new, 0 updated, 2 unchanged, 0 refused"
	expect_sql db "SELECT count(*) FROM audit_log WHERE batch_id = 3" 0
}

test_import_refusals_name_file_line_column() {
	import_db
	cat >bad.csv <<-'EOF'
	案号,被告机关,立案日期
	B1,县公安局,2025-03-01
	B2,县公按局,2025-03-01
	B3,县公安局,2025-02-29
	B1,县教育局,2025-03-02
	EOF
	run import bad.csv
	expect_status 2
	expect_stdout
	expect_stderr \
	    'duban: bad.csv:3: 被告机关: there is no agency "县公按局"; did you mean: 县公安局?' \
	    'duban: bad.csv:4: 立案日期: "2025-02-29": there is no day 29 in 2025-02 (it has 28 days)' \
	    'duban: bad.csv:5: 案号: the same record as line 2 (a key may appear once in a file)' \
	    "duban: bad.csv: litigation records (utf-8, comma separated): 4 rows: 1 new, "\
"0 updated, 0 unchanged, 3 refused" \
	    "duban: bad.csv: 3 of 4 rows were refused, so nothing was imported; correct them, or "\
"import the others with --skip-invalid"
	expect_sql db "SELECT count(*) FROM litigation_cases" 0
	expect_sql db "SELECT count(*) FROM import_batches" 1
	expect_true "a rejects file was written without --skip-invalid" test ! -e bad.rejects.csv
}

test_import_dry_run_writes_nothing() {
	import_db
	printf '案号,被告机关\nD1,县公安局\nD2,县教育局\n' >d.csv
	cp db db.before
	run import d.csv --dry-run
	expect_status 0
	expect_stderr_contains "2 rows: 2 new, 0 updated, 0 unchanged, 0 refused" \
	    "duban: dry run: nothing was written"
	expect_stderr_lacks "imported as batch"
	expect_sql db "SELECT count(*) FROM litigation_cases" 0
	expect_sql db "SELECT count(*) FROM import_batches" 1
	printf 'D3,无此机关\n' >>d.csv
	run import d.csv --dry-run
	expect_status 2
	expect_stderr_contains "duban: d.csv:4: 被告机关: there is no agency" \
	    "1 of 3 rows would be refused, so nothing would be imported"
}

test_import_skip_invalid_and_reload_rejects() {
	import_db
	printf '案号,被告机关,立案日期\nS1,县公安局,2025-03-01\nS2,县公安局,2025-02-30\n' >s.csv
	printf 'S3,县公按局,2025-03-01\n' >>s.csv
	run import s.csv --skip-invalid
	expect_status 0
	expect_stderr_contains "duban: s.csv:3: 立案日期:" "duban: s.csv:4: 被告机关:" \
	    "3 rows: 1 new, 0 updated, 0 unchanged, 2 refused" \
	    "duban: the refused rows are in s.rejects.csv: correct them there and import that file"
	expect_sql db "SELECT group_concat(case_no) FROM litigation_cases" S1
	expect_true "no rejects file" test -f s.rejects.csv
	expect_true "the rejects file lacks its BOM" \
	    test "$(head -c 3 s.rejects.csv | od -An -tx1 | tr -d ' ')" = efbbbf
	expect_true "the rejects file lacks the refused rows with line and reason" \
	    grep -q '^"S2","县公安局","2025-02-30","3","立案日期: ""2025-02-30"": there is no day 30' \
	    s.rejects.csv
	# Corrected in place, loaded as it is, line and reason columns included.
	sed -e 's/2025-02-30/2025-02-28/' -e 's/县公按局/县公安局/' s.rejects.csv >fixed.csv
	run import fixed.csv
	expect_status 0
	expect_stderr_contains "2 rows: 2 new, 0 updated, 0 unchanged, 0 refused"
	expect_stderr_lacks "warning"
	expect_sql db "SELECT group_concat(case_no) FROM (SELECT case_no FROM litigation_cases
	    ORDER BY case_no)" "S1,S2,S3"
	run import s.csv --skip-invalid --rejects other.csv --dry-run
	expect_status 0
	expect_true "a dry run wrote a rejects file" test ! -e other.csv
}

# Excel on Chinese Windows saves GB18030 without a BOM, with CRLF.
test_import_gb18030() {
	import_db
	printf '案号\t被告机关\t原告\r\nG1\t县公安局\t欧阳秀英\r\n' | iconv -f UTF-8 -t GB18030 >g.tsv
	run import g.tsv
	expect_status 0
	expect_stderr_contains "litigation records (gb18030, tab separated): 1 rows: 1 new"
	expect_sql db "SELECT plaintiff FROM litigation_cases" 欧阳秀英
	printf '案号,被告机关\r\nG2,县公安局\r\n' | iconv -f UTF-8 -t GB18030 >g2.csv
	printf 'G3,\201\040\r\n' >>g2.csv
	run import g2.csv
	expect_status 2
	expect_stderr "duban: g2.csv:3: the bytes 81 20 0D 0A are neither UTF-8 nor GB18030 text; "\
"save the file as UTF-8 or GB18030 (GBK), or give the right --encoding"
}

test_import_broken_files() {
	import_db
	: >empty.csv
	run import empty.csv
	expect_status 2
	expect_stderr "duban: empty.csv is empty: it needs a header row naming the columns, then "\
"a row per record (see doc/csv.md)"
	printf '案号,原告\nX1,甲\n' >m.csv
	run import m.csv
	expect_status 2
	expect_stderr "duban: m.csv: as a litigation file it lacks the required columns: "\
"被告机关 (agency)"
	run import m.csv --kind hearing
	expect_status 2
	expect_stderr_contains "as a hearing file it lacks the required columns: 开庭日期 (hearing_on)"
	printf '案号,被告机关,经办人\nX2,县公安局,"没有收尾\n' >q.csv
	run import q.csv
	expect_status 2
	expect_stderr_contains 'duban: warning: q.csv: column 3 "经办人" is not a field of' \
	    "duban: q.csv:2: a quoted field starting in this row is not closed"
	run import no-such.csv
	expect_status 2
	expect_stderr_contains "no-such.csv cannot be opened"
}

test_import_usage_errors() {
	import_db
	run import
	expect_status 1
	expect_stderr_contains "import takes a FILE"
	run import ag.csv --encoding latin1
	expect_status 1
	expect_stderr_contains '--encoding takes auto, utf-8 or gb18030, not "latin1"'
	run import ag.csv --rejects r.csv
	expect_status 1
	expect_stderr_contains "--rejects goes with --skip-invalid"
	run import ag.csv --kind cases
	expect_status 1
	expect_stderr_contains '"cases" is not a record kind'
	run import ag.csv --frobnicate
	expect_status 1
}

test_import_needs_importing_role() {
	import_db
	sqlite3 db "UPDATE users SET role = 'staff'"
	printf '案号,被告机关\nR1,县公安局\n' >r.csv
	run import r.csv
	expect_status 4
	expect_stderr_contains "importing is not allowed for the role staff"
	sqlite3 db "UPDATE users SET role = 'analyst'"
	run import r.csv
	expect_status 0
	run import ag.csv
	expect_status 4
	expect_stderr_contains "managing agencies"
}

# Every kind of the demo data goes out and comes back unchanged.
test_export_import_round_trip() {
	TODAY=2025-06-30
	run init --demo
	expect_status 0
	for kind in agency litigation hearing reconsideration suggestion assessment-item; do
		run export "$kind" -o "$kind.csv"
		expect_status 0
		expect_stdout
		expect_stderr_contains "records written to $kind.csv"
		run import "$kind.csv"
		expect_status 0
		expect_stderr_contains "$kind records (utf-8, comma separated)" \
		    "0 new, 0 updated" "unchanged, 0 refused"
	done
	expect_sql db "SELECT count(*) FROM audit_log WHERE batch_id IS NOT NULL" 0
	# Into a fresh database: the same files come out again.
	run --db "$T/fresh.db" init
	expect_status 0
	for kind in agency litigation hearing reconsideration suggestion assessment-item; do
		run --db "$T/fresh.db" import "$kind.csv"
		expect_status 0
		expect_stderr_contains "0 updated, 0 unchanged, 0 refused"
		run --db "$T/fresh.db" export "$kind" -o "$kind-fresh.csv"
		expect_status 0
		expect_true "$kind: the fresh database exports another file" cmp -s "$kind.csv" \
		    "$kind-fresh.csv"
	done
}

test_export_formats() {
	import_db
	run export agency
	expect_status 0
	expect_stderr
	# --lang en (as run sets it): English headers; Chinese otherwise.
	expect_stdout "$(printf '\357\273\277"name","short_name","code","kind","parent","head"\r')" \
	    "$(printf '"县公安局","公安局","GA01","部门","",""\r')" \
	    "$(printf '"县教育局","","JY01","部门","",""\r')"
	run --lang zh export agency --encoding gb18030
	expect_status 0
	expect_true "the GB18030 export is not the UTF-8 one converted" \
	    test "$(iconv -f GB18030 -t UTF-8 <"$T/.stdout" | head -1)" = \
	    "$(printf '"机关名称","简称","代码","类别","上级机关","负责人"\r')"
	run export agency --format json
	expect_status 0
	expect_true "the JSON export is not valid JSON" test "$(sqlite3 :memory: \
	    "SELECT json_array_length(readfile('$T/.stdout'))")" = 2
	run export agency --format json --encoding gb18030
	expect_status 1
	run export
	expect_status 1
	expect_stderr_contains "export takes a KIND: agency, litigation"
	run export cases
	expect_status 1
	run export agency -o no/such/dir/a.csv
	expect_status 2
	expect_stderr_contains "no/such/dir/a.csv cannot be written"
}

# Column names of the bureau's own registers, given as [aliases] in the configuration.
test_import_aliases_from_configuration() {
	import_db
	printf '[aliases]\nlitigation.案件编号 = case_no\n被诉机关 = agency\nPlaintiffName = plaintiff\n' >al.ini
	printf '案件编号,被诉机关,plaintiffname\nAL-1,县公安局,甲\n' >al.csv
	run --config al.ini import al.csv
	expect_status 0
	expect_stderr_contains "1 rows: 1 new, 0 updated, 0 unchanged, 0 refused"
	expect_sql db "SELECT plaintiff FROM litigation_cases WHERE case_no = 'AL-1'" 甲
	# An alias naming a field that does not exist is refused at its line.
	printf '[aliases]\n\n案件编号 = nofield\n' >bad.ini
	run --config bad.ini import al.csv
	expect_status 2
	expect_stderr_contains 'bad.ini:3: [aliases] 案件编号: there is no field "nofield"'
}
