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
