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
