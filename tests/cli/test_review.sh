# tests/cli/test_review.sh: case-file reviews (案卷评查): three grades; a notice states when
# the agency's rectification report is due, and that report is a duty with a status;
# listed, shown, exported, imported, counted on the dashboard.

test_review_rectification_status_and_checks() {
	TODAY=2025-10-13
	make_db
	run_ok add agency "name=县市场监督管理局" kind=department
	# Due on a working day right after the National Day holiday: due soon on 10-13.
	run_ok add review "agency=县市场监督管理局" "case_ref=德市监罚〔2025〕12号" \
	    reviewed_on=2025-09-20 grade=不合格 "problems=未告知陈述申辩权利" \
	    "notice_no=德司执监〔2025〕3号" notice_on=2025-09-25 rectify_due_on=2025-10-15 \
	    source=复议撤销变更确认违法
	# Due on the last day of the holiday and reported after it: done late.
	run_ok add review "agency=县市场监督管理局" "case_ref=德市监罚〔2025〕7号" \
	    reviewed_on=2025-09-01 grade=fail "problems=文书送达回证缺失" \
	    notice_on=2025-09-05 rectify_due_on=2025-10-08 reported_on=2025-10-09
	run_ok add review "agency=县市场监督管理局" "case_ref=德市监许〔2025〕2号" \
	    reviewed_on=2025-09-01 grade=优秀
	run list review --status due-soon
	expect_status 0
	expect_stdout_contains "德市监罚〔2025〕12号" "2025-10-15" "2 working days left"
	run list review --status done-late
	expect_status 0
	expect_stdout_contains "德市监罚〔2025〕7号" "done 1 day late"
	run show review "县市场监督管理局 德市监许〔2025〕2号"
	expect_status 0
	expect_stdout_contains "excellent"
	run dashboard
	expect_status 0
	expect_stdout_contains "Case-file reviews: rectification"
	# 不合格 without the problems; a due date without the notice; a report without a due date.
	run add review "agency=县市场监督管理局" case_ref=A1 reviewed_on=2025-09-01 grade=fail
	expect_status 2
	expect_stderr_contains "needs the problems found"
	run add review "agency=县市场监督管理局" case_ref=A2 reviewed_on=2025-09-01 grade=pass \
	    rectify_due_on=2025-10-30
	expect_status 2
	run add review "agency=县市场监督管理局" case_ref=A3 reviewed_on=2025-09-01 grade=pass \
	    notice_on=2025-09-02 reported_on=2025-09-10
	expect_status 2
	# A fourth grade is not one of the document's.
	run add review "agency=县市场监督管理局" case_ref=A4 reviewed_on=2025-09-01 grade=良好
	expect_status 2
}

test_review_csv_round_trip() {
	TODAY=2025-10-13
	make_db
	run_ok add agency "name=县市场监督管理局" kind=department
	run_ok add review "agency=县市场监督管理局" "case_ref=德市监罚〔2025〕12号" \
	    reviewed_on=2025-09-20 grade=不合格 "problems=未告知陈述申辩权利" \
	    "notice_no=德司执监〔2025〕3号" notice_on=2025-09-25 rectify_due_on=2025-10-15 \
	    source=court "note=重点评查"
	run_ok export agency -o agencies.csv
	run_ok export review -o reviews.csv
	rm -f "$T/db"
	make_db
	run_ok import agencies.csv
	run_ok import reviews.csv
	run_ok export review -o again.csv
	cmp -s reviews.csv again.csv || fail "the reviews exported again differ from the first export"
	printf '被评查机关,案卷,评查日期,评查等次\n县市场监督管理局,德市监许〔2025〕2号,2025-09-01,合格\n' >zh.csv
	run_ok import zh.csv
	expect_sql "$T/db" "SELECT grade FROM case_reviews WHERE case_ref = '德市监许〔2025〕2号'" pass
}

# The cases the plan puts first: overturned by a court or on reconsideration in the year and
# not yet reviewed, as a list or as a sheet that, filled in, imports as reviews.
test_review_candidates_from_overturned_cases() {
	TODAY=2025-10-13
	make_db
	run_ok add agency "name=县市场监督管理局" kind=department
	run_ok add litigation "case_no=(2025)浙0521行初7号" "agency=县市场监督管理局" \
	    filed_on=2025-03-01 closed_on=2025-08-01 outcome=撤销
	run_ok add litigation "case_no=(2025)浙0521行初8号" "agency=县市场监督管理局" \
	    filed_on=2025-03-01 closed_on=2025-08-01 outcome=驳回诉讼请求
	run_ok add litigation "case_no=(2024)浙0521行初9号" "agency=县市场监督管理局" \
	    filed_on=2024-03-01 closed_on=2024-08-01 outcome=撤销
	run_ok add reconsideration "case_no=德政复〔2025〕3号" "agency=县市场监督管理局" \
	    received_on=2025-05-06 accepted_on=2025-05-08 decided_on=2025-06-30 decision=确认违法
	run candidates 2025
	expect_status 0
	expect_stdout_contains "(2025)浙0521行初7号" "overturned by a court" \
	    "德政复〔2025〕3号" "overturned on reconsideration"
	expect_stdout_lacks "行初8号" "行初9号"
	run candidates 2025 --format csv
	expect_status 0
	# Filled in and imported: those cases are reviewed, and no longer candidates.
	sed -e 's/,,$/,2025-10-10,合格/' -e 's/,,\r$/,2025-10-10,合格\r/' "$T/.stdout" >sheet.csv
	run_ok import sheet.csv
	expect_sql "$T/db" "SELECT group_concat(source, ',') FROM (SELECT source FROM case_reviews ORDER BY case_ref)" \
	    "court,reconsideration"
	run candidates 2025
	expect_status 0
	expect_stdout
}
