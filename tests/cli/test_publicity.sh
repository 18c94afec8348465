# tests/cli/test_publicity.sh: publicity of enforcement decisions (执法决定公示): licences and
# penalties published within 7 working days of the decision, other decisions within 20;
# make-up working days and holidays on the boundary; listed, shown, exported, imported,
# counted on the dashboard; a take-down needs a publication before it.

# Decided Friday 2025-09-26. 7 working days: 09-28 (a make-up Sunday), 09-29, 09-30, then the
# National Day holiday to 10-08, then 10-09, 10-10, 10-11 (a make-up Saturday), 10-13: due
# 10-13. Without make-up days: 09-29, 09-30, 10-09, 10-10, 10-13, 10-14, 10-15.
test_publicity_deadline_on_boundary_days() {
	run deadline publicity-licence-penalty 2025-09-26
	expect_status 0
	expect_stdout 2025-10-13
	printf '[calendar]\nmakeup_workdays = no\n' >site.ini
	run --config site.ini deadline publicity-licence-penalty 2025-09-26
	expect_status 0
	expect_stdout 2025-10-15
	# 20 working days from the same decision.
	run deadline publicity 2025-09-26
	expect_status 0
	expect_stdout 2025-10-30
	# An ordinary week: Monday 2025-06-02 + 7 working days = Wednesday 06-11.
	run deadline publicity-licence-penalty 2025-06-02
	expect_status 0
	expect_stdout 2025-06-11
}

test_publicity_kinds_statuses_and_checks() {
	TODAY=2025-10-13
	make_db
	run_ok add agency "name=县市场监督管理局" kind=department
	run_ok add publicity "decision_no=德市监罚〔2025〕12号" "agency=县市场监督管理局" kind=处罚 \
	    decided_on=2025-09-26 party=某公司
	run_ok add publicity "decision_no=德市监检〔2025〕3号" "agency=县市场监督管理局" \
	    kind=inspection decided_on=2025-09-26 published_on=2025-10-10
	run_ok add publicity "decision_no=德市监许〔2025〕7号" "agency=县市场监督管理局" \
	    kind=licence decided_on=2025-09-12 published_on=2025-09-30
	expect_sql "$T/db" "SELECT group_concat(due_on, ',') FROM (SELECT due_on FROM publicity_decisions ORDER BY id)" \
	    "2025-10-13,2025-10-30,2025-09-23"
	run list publicity --status due-today
	expect_status 0
	expect_stdout_contains "德市监罚〔2025〕12号" "某公司"
	run list publicity --status done-late
	expect_status 0
	expect_stdout_contains "德市监许〔2025〕7号" "done 7 days late"
	run list publicity --status done-on-time
	expect_status 0
	expect_stdout_contains "德市监检〔2025〕3号"
	run show publicity "德市监罚〔2025〕12号"
	expect_status 0
	expect_stdout_contains "Publication due on" "2025-10-13" "administrative penalty"
	run dashboard
	expect_status 0
	expect_stdout_contains "Enforcement decisions: publicity"
	# A take-down needs the publication; not before it.
	run edit publicity "德市监罚〔2025〕12号" withdrawn_on=2025-10-10
	expect_status 2
	expect_stderr_contains "only a published decision can be taken down"
	run edit publicity "德市监许〔2025〕7号" withdrawn_on=2025-09-29
	expect_status 2
	run_ok edit publicity "德市监许〔2025〕7号" withdrawn_on=2025-10-11
	# Published before the decision: refused.
	run add publicity "decision_no=X1" "agency=县市场监督管理局" kind=other \
	    decided_on=2025-10-01 published_on=2025-09-30
	expect_status 2
}

test_publicity_csv_round_trip() {
	TODAY=2025-10-13
	make_db
	run_ok add agency "name=县市场监督管理局" kind=department
	run_ok add publicity "decision_no=德市监罚〔2025〕12号" "agency=县市场监督管理局" kind=处罚 \
	    decided_on=2025-09-26 party=某公司 published_on=2025-10-09 \
	    "published_where=县政府门户网站" withdrawn_on=2025-10-11 "note=复议撤销"
	run_ok export agency -o agencies.csv
	run_ok export publicity -o publicity.csv
	rm -f "$T/db"
	make_db
	run_ok import agencies.csv
	run_ok import publicity.csv
	run_ok export publicity -o again.csv
	cmp -s publicity.csv again.csv || fail "the decisions exported again differ from the first export"
	printf '决定文号,执法机关,执法类别,决定日期,公示日期\n德市监许〔2025〕8号,县市场监督管理局,许可,2025-09-26,2025-10-09\n' >zh.csv
	run_ok import zh.csv
	expect_sql "$T/db" "SELECT kind || ' ' || due_on FROM publicity_decisions WHERE decision_no = '德市监许〔2025〕8号'" \
	    "licence 2025-10-13"
}
