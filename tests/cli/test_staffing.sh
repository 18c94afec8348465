# tests/cli/test_staffing.sh: training records (培训学时) and the figures counted from them and
# from the officers: holding rate (持证率) among the staff on the establishment against the
# department (70 %) and township (60 %) targets, and the share with 60 hours in the year.

staffing_db() {
	TODAY=2025-06-30
	make_db
	run_ok add agency "name=县市场监督管理局" kind=department
	run_ok add agency "name=城关镇人民政府" kind=township
	# Department: 4 on the establishment; valid on the day counts (2025-06-30), expired the
	# day before does not, suspended does not; the one not on the establishment is left out.
	run_ok add officer "agency=县市场监督管理局" name=甲 on_establishment=是 cert_no=A1 state=有效 \
	    valid_until=2025-06-30
	run_ok add officer "agency=县市场监督管理局" name=乙 on_establishment=是 cert_no=A2 state=有效 \
	    valid_until=2025-06-29
	run_ok add officer "agency=县市场监督管理局" name=丙 on_establishment=是 cert_no=A3 state=暂扣 \
	    valid_until=2026-01-01
	run_ok add officer "agency=县市场监督管理局" name=丁 on_establishment=是 cert_no=A4 state=有效 \
	    valid_until=2027-01-01
	run_ok add officer "agency=县市场监督管理局" name=戊 on_establishment=否 cert_no=A5 state=有效 \
	    valid_until=2027-01-01
	# Township: 2 on the establishment, 1 holder: 50 %, below its 60 %.
	run_ok add officer "agency=城关镇人民政府" name=己 on_establishment=是 cert_no=B1 state=有效 \
	    valid_until=2027-01-01
	run_ok add officer "agency=城关镇人民政府" name=庚 on_establishment=是
	# Training: 甲 exactly 60 hours this year; 乙 59 (and 8 last year); 己 60.
	printf '所在机关,姓名,培训日期,培训内容,学时\n' >sheet.csv
	for d in 01-06 02-10 03-10 04-14 05-12; do
		printf '县市场监督管理局,甲,2025-%s,行政处罚法 %s,12\n' "$d" "$d" >>sheet.csv
	done
	for d in 01-06 02-10 03-10 04-14; do
		printf '县市场监督管理局,乙,2025-%s,行政处罚法 %s,12\n' "$d" "$d" >>sheet.csv
	done
	printf '县市场监督管理局,乙,2025-05-12,执法技能,11\n' >>sheet.csv
	printf '县市场监督管理局,乙,2024-12-30,执法技能,8\n' >>sheet.csv
	printf '城关镇人民政府,己,2025-03-01,执法技能,24\n城关镇人民政府,己,2025-03-02,执法技能,24\n' >>sheet.csv
	printf '城关镇人民政府,己,2025-03-03,执法技能,12\n' >>sheet.csv
	run_ok import sheet.csv
}

test_staffing_holding_rate_and_training() {
	staffing_db
	run staffing --format json
	expect_status 0
	expect_stdout_contains \
	    '{"agency":"县市场监督管理局","kind":"department","staff":4,"holders":2,"holding_rate":50.0,"target":70,"trained":1,"trained_share":25.0}' \
	    '{"agency":"城关镇人民政府","kind":"township","staff":2,"holders":1,"holding_rate":50.0,"target":60,"trained":1,"trained_share":50.0}'
	run staffing
	expect_status 0
	expect_stdout_contains "below target" "at least 60 hours"
	# 2024: 乙's 8 hours only; certificates as on 2024-12-31 (the suspended one not).
	run staffing 2024 --format json
	expect_status 0
	expect_stdout_contains '"agency":"县市场监督管理局","kind":"department","staff":4,"holders":3'
	expect_stdout_contains '"trained":0'
	# A site file's targets and hours.
	printf '[officers]\nholding_target_township = 50\ntraining_hours = 59\n' >site.ini
	run --config site.ini staffing --format json
	expect_status 0
	expect_stdout_contains '"staff":4,"holders":2,"holding_rate":50.0,"target":70,"trained":2' \
	    '"kind":"township","staff":2,"holders":1,"holding_rate":50.0,"target":50'
}

test_staffing_training_records() {
	staffing_db
	run list training --format csv
	expect_status 0
	expect_stdout_contains "行政处罚法 01-06"
	# Found by its key, the topic with its blank.
	run show training "县市场监督管理局 甲 2025-01-06 行政处罚法 01-06"
	expect_status 0
	expect_stdout_contains "Hours" "12"
	# Only a recorded officer of that agency; 1 to 24 hours.
	run add training "agency=城关镇人民政府" officer=甲 trained_on=2025-06-01 topic=x hours=4
	expect_status 2
	expect_stderr_contains "no officer 甲 is recorded in that agency"
	run add training "agency=县市场监督管理局" officer=甲 trained_on=2025-06-01 topic=x hours=25
	expect_status 2
	run export training -o t.csv
	expect_status 0
	run_ok import t.csv
	expect_stderr_contains "0 new, 0 updated, 14 unchanged"
	run staffing 1999
	expect_status 1
}

# A scheme may score the holding rate, the training share and the case-file review pass rate
# from these records (metrics holding_rate, training_rate, review_pass_rate).
test_staffing_metrics_in_the_assessment() {
	staffing_db
	run_ok add review "agency=县市场监督管理局" case_ref=R1 reviewed_on=2025-03-01 grade=合格
	run_ok add review "agency=县市场监督管理局" case_ref=R2 reviewed_on=2025-03-01 grade=不合格 \
	    problems=缺少送达回证
	run_ok add review "agency=县市场监督管理局" case_ref=R3 reviewed_on=2024-03-01 grade=不合格 \
	    problems=缺少送达回证
	cat >scheme.ini <<'INI'
[scheme]
title = 执法队伍
[indicator holding]
title = 持证率
rule = rate
metric = holding_rate
points = 40
target = 70
none = zero
[indicator training]
title = 培训学时
rule = rate
metric = training_rate
points = 30
target = 100
none = zero
[indicator review]
title = 案卷评查
rule = rate
metric = review_pass_rate
points = 30
target = 100
none = full
[tier 合格]
min = 0
INI
	printf '[assessment]\nscheme = %s/scheme.ini\n' "$T" >site.ini
	run --config site.ini assess 2025 --format json
	expect_status 0
	# 县市场监督管理局: 2 of 4 hold (50 %: 40 x 50 / 70 = 28.57), 1 of 4 trained (25 %: 7.50),
	# 1 of 2 files of 2025 passed (50 %: 15.00).
	expect_stdout_contains '{"title":"持证率","value":"50%","target":">=70%","score":28.57' \
	    '{"title":"培训学时","value":"25%","target":">=100%","score":7.50' \
	    '{"title":"案卷评查","value":"50%","target":">=100%","score":15.00'
	# 城关镇: 1 of 2 holds, 1 of 2 trained, no review: full points.
	expect_stdout_contains '"name":"城关镇人民政府"' \
	    '{"title":"案卷评查","value":"-","target":">=100%","score":30.00'
	printf '[indicator x]\nrule = rate\nmetric = holding_rates\npoints = 1\ntarget = 1\n' >>scheme.ini
	run --config site.ini assess 2025
	expect_status 2
	expect_stderr_contains "review_pass_rate"
}
