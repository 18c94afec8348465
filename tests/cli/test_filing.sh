# tests/cli/test_filing.sh: filings of work rules (制度备案), a record kind of its own: due 15
# days after the rule takes effect, moved past holidays; listed, shown, exported, imported,
# counted on the dashboard; an agency with filings is not deleted.

# 2025-09-20 + 15 days = 2025-10-05, inside the National Day holiday (10-01..10-08): due 10-09.
# 2025-09-12 + 15 days = 2025-09-27, a Saturday; Sunday 09-28 is a make-up working day, the
# due date when make-up days count (the shipped reading), else Monday 09-29.
test_filing_deadline_on_boundary_days() {
	run deadline rule-filing 2025-09-20
	expect_status 0
	expect_stdout 2025-10-09
	run deadline rule-filing 2025-09-12
	expect_status 0
	expect_stdout 2025-09-28
	printf '[calendar]\nmakeup_workdays = no\n' >site.ini
	run --config site.ini deadline rule-filing 2025-09-12
	expect_status 0
	expect_stdout 2025-09-29
	# A rule in effect on a working day whose 15th day is one too: no move.
	run deadline rule-filing 2025-06-02
	expect_status 0
	expect_stdout 2025-06-17
}

test_filing_add_list_show_status() {
	TODAY=2025-09-30
	make_db
	run_ok add agency "name=县司法局" kind=department
	run_ok add filing "agency=县司法局" "title=行政执法公示制度" effective_on=2025-09-20 \
	    "doc_no=司发〔2025〕3号"
	run_ok add filing "agency=县司法局" "title=案卷评查制度" effective_on=2025-09-10 \
	    filed_on=2025-09-29
	expect_sql "$T/db" "SELECT group_concat(due_on, ',') FROM (SELECT due_on FROM rule_filings ORDER BY id)" \
	    "2025-10-09,2025-09-25"
	run list filing --status due-soon
	expect_status 0
	expect_stdout_contains "行政执法公示制度" "2025-10-09" "Title of the rule"
	expect_stdout_lacks "案卷评查制度"
	run list filing --status done-late
	expect_status 0
	expect_stdout_contains "案卷评查制度" "done 4 days late"
	run show filing "县司法局 行政执法公示制度"
	expect_status 0
	expect_stdout_contains "Filing due on" "2025-10-09" "司发〔2025〕3号"
	run dashboard
	expect_status 0
	expect_stdout_contains "Work rules: filing"
	# The same title in the same agency is one rule twice.
	run add filing "agency=县司法局" "title=行政执法公示制度" effective_on=2025-09-21
	expect_status 2
	# A filing may not be dated after today.
	run add filing "agency=县司法局" "title=听证制度" effective_on=2025-09-21 filed_on=2025-10-02
	expect_status 2
	# The agency the filings name cannot be deleted under them.
	run delete agency "县司法局"
	expect_status 2
}

test_filing_csv_round_trip() {
	TODAY=2025-09-30
	make_db
	run_ok add agency "name=县司法局" kind=department
	run_ok add filing "agency=县司法局" "title=行政执法公示制度" effective_on=2025-09-20 \
	    "doc_no=司发〔2025〕3号" "note=第一批"
	run_ok export agency -o agencies.csv
	run_ok export filing -o filings.csv
	cp "$T/db" first.db
	rm -f "$T/db"
	make_db
	run_ok import agencies.csv
	run_ok import filings.csv
	run_ok export filing -o again.csv
	cmp -s filings.csv again.csv || fail "the filings exported again differ from the first export"
	# Chinese headers, the way a clerk's sheet names them.
	printf '制定机关,制度名称,施行日期,报送备案日期\n县司法局,行政处罚裁量基准制度,2025-09-12,2025-09-26\n' >zh.csv
	run_ok import zh.csv
	expect_sql "$T/db" "SELECT due_on FROM rule_filings WHERE title = '行政处罚裁量基准制度'" \
	    2025-09-28
}

# A database of schema 4 (before filings and publicity) gains their tables on the first
# command that opens it, and keeps what it had.
test_filing_upgrade_from_schema_4() {
	TODAY=2025-09-30
	make_db
	run_ok add agency "name=县司法局" kind=department
	sqlite3 "$T/db" "DROP TABLE rule_filings; DROP TABLE publicity_decisions;
DROP TABLE case_reviews; DROP TABLE officers; DROP TABLE trainings;
PRAGMA user_version = 4;"
	run list filing
	expect_status 0
	expect_sql "$T/db" "PRAGMA user_version" 9
	run_ok add filing "agency=县司法局" "title=行政执法公示制度" effective_on=2025-09-20
	expect_sql "$T/db" "SELECT name FROM agencies" "县司法局"
}
