# tests/cli/test_sheet.sh: CSV files that went through a spreadsheet (issue 16): a title row
# above the header, a total row under the data, long numbers in E notation, leading zeros
# dropped from a key, Chinese saved as "?".

sheet_db() {
	TODAY=2025-06-30
	make_db
	printf '机关名称,简称,代码,类别\n县公安局,公安局,GA01,部门\n' >ag.csv
	run import ag.csv
	expect_status 0
}

test_sheet_title_row_and_total_row_are_skipped() {
	sheet_db
	printf '某某县行政应诉案件登记表,,,\n报送单位：县司法局,,,\n案号,被告机关,原告,立案日期\n' >s.csv
	printf '0012345,县公安局,张三,2025-03-01\n(2025)浙0521行初2号,县公安局,李四,2025-03-02\n' >>s.csv
	printf '合计,,,2\n' >>s.csv
	run import --kind litigation s.csv
	expect_status 0
	expect_stderr_contains 'duban: warning: s.csv: the header is on line 3; the 2 rows above it ("某某县行政应诉案件登记表" ...) are taken for titles and skipped'
	expect_stderr_contains 'duban: warning: s.csv:6: a total row, not a record; it is skipped'
	expect_stderr_contains '2 rows: 2 new, 0 updated, 0 unchanged, 0 refused'
	expect_sql db "SELECT group_concat(case_no, ' ') FROM (SELECT case_no FROM litigation_cases ORDER BY id)" \
	    "0012345 (2025)浙0521行初2号"
	# Without --kind the kind is told from the header below the title; a tab-separated file
	# whose title has no tab is read as tab-separated; 总 计： counts as a total.
	printf '某某县行政应诉案件登记表\n案号\t被告机关\t原告\n(2025)浙0521行初3号\t县公安局\t王五\n总 计：\t\t1\n' >t.tsv
	run import t.tsv
	expect_status 0
	expect_stderr_contains 'duban: warning: t.tsv: the header is on line 2; the row above it ("某某县行政应诉案件登记表") is taken for a title and skipped'
	expect_stderr_contains 'duban: warning: t.tsv:4: a total row, not a record; it is skipped'
	expect_stderr_contains 'litigation records (utf-8, tab separated): 1 rows: 1 new'
}

test_sheet_no_header_in_first_rows_still_says_so() {
	sheet_db
	printf '某某县登记表\n一\n二\n' >n.csv
	run import n.csv
	expect_status 2
	expect_stderr_contains 'n.csv: no column of the first row is a field name duban knows'
	printf '某某县登记表\n一,二\n' >k.csv
	run import --kind litigation k.csv
	expect_status 2
	expect_stderr_contains 'k.csv: as a litigation file it lacks the required columns'
}

test_sheet_e_notation_in_text_field_is_refused() {
	sheet_db
	printf '案号,被告机关,原告\n3.3052119900101E+017,县公安局,张三\n(2025)浙0521行初1号,县公安局,1.2E+5\n' >e.csv
	run import e.csv
	expect_status 2
	expect_stderr_contains 'duban: e.csv:2: 案号: a spreadsheet turned this into a number; save the column as text (see doc/csv.md) and export again'
	expect_stderr_contains 'duban: e.csv:3: 原告: a spreadsheet turned this into a number'
	expect_sql db "SELECT count(*) FROM litigation_cases" 0
}

test_sheet_key_without_leading_zeros_is_a_likely_duplicate() {
	sheet_db
	printf '案号,被告机关,原告\n0012345,县公安局,张三\n' >a.csv
	run import a.csv
	expect_status 0
	printf '案号,被告机关,原告\n12345,县公安局,张三\n012345,县公安局,张三\n' >b.csv
	run import b.csv
	expect_status 2
	expect_stderr_contains 'duban: b.csv:2: 案号: "12345" is new, but "0012345" (record 1) differs from it only in leading zeros'
	expect_stderr_contains 'duban: b.csv:3: 案号: "012345" is new, but "0012345" (record 1)'
	expect_sql db "SELECT group_concat(case_no) FROM litigation_cases" 0012345
	# The same key, and a key that is no twin, are imported as ever.
	printf '案号,被告机关,原告\n0012345,县公安局,张三丰\n123450,县公安局,李四\n' >c.csv
	run import c.csv
	expect_status 0
	expect_stderr_contains '2 rows: 1 new, 1 updated'
}

test_sheet_question_marks_get_an_encoding_hint() {
	sheet_db
	printf '??,????,??\n(2025)1,??,??\n' >q.csv
	run import q.csv
	expect_status 2
	expect_stderr_contains 'q.csv: the first rows hold "?" where text should be'
	printf 'case_no,agency,plaintiff\n(2025)1,GA01,???\n' >r.csv
	run import r.csv
	expect_status 2
	expect_stderr_contains 'duban: r.csv:2: plaintiff: this text became "?"'
}
