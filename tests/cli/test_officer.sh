# tests/cli/test_officer.sh: enforcement officers and their certificates: a valid
# certificate's expiry is a due item (overdue once expired, due soon just before); the ID-card
# number is shown in full to an admin only, and a masked value typed back changes nothing.

test_officer_certificate_expiry_status() {
	TODAY=2025-06-30
	make_db
	run_ok add agency "name=县市场监督管理局" kind=department
	run_ok add officer "agency=县市场监督管理局" name=王伟 on_establishment=是 \
	    cert_no=浙D100231 state=有效 issued_on=2022-07-03 valid_until=2025-07-03
	run_ok add officer "agency=县市场监督管理局" name=李娜 on_establishment=是 \
	    cert_no=浙D100232 state=valid issued_on=2022-06-25 valid_until=2025-06-25
	run_ok add officer "agency=县市场监督管理局" name=张磊 cert_no=浙D100233 state=暂扣 \
	    valid_until=2025-06-01
	run list officer --status due-soon
	expect_status 0
	expect_stdout_contains "王伟" "2025-07-03" "3 working days left"
	run list officer --status overdue
	expect_status 0
	expect_stdout_contains "李娜" "5 days late"
	# A suspended certificate is not watched for expiry.
	expect_stdout_lacks "张磊"
	run dashboard
	expect_status 0
	expect_stdout_contains "Certificates: expiry"
	# A certificate number needs its state; a valid one its end date.
	run add officer "agency=县市场监督管理局" name=刘洋 cert_no=浙D1
	expect_status 2
	run add officer "agency=县市场监督管理局" name=刘洋 cert_no=浙D1 state=有效
	expect_status 2
	expect_stderr_contains "valid until"
	# The same name in the same agency is one officer.
	run add officer "agency=县市场监督管理局" name=王伟
	expect_status 2
}

test_officer_id_number_masked_except_to_admin() {
	TODAY=2025-06-30
	make_db
	run_ok add agency "name=县市场监督管理局" kind=department
	run_ok add officer "agency=县市场监督管理局" name=王伟 id_no=330521198801011234 \
	    cert_no=浙D100231 state=有效 valid_until=2027-07-03
	run show officer "县市场监督管理局 王伟"
	expect_status 0
	expect_stdout_contains "330521198801011234"
	me=$(id -un)
	sqlite3 "$T/db" "UPDATE users SET role = 'staff' WHERE login = '$me'"
	run show officer "县市场监督管理局 王伟"
	expect_status 0
	expect_stdout_contains "330***********1234"
	expect_stdout_lacks "330521198801011234"
	run list officer --format json
	expect_status 0
	expect_stdout_contains '"id_no":"330***********1234"'
	expect_stdout_lacks "330521198801011234"
	run history officer 1
	expect_status 0
	expect_stdout_lacks "330521198801011234"
	# The masked value typed back (as a form shows it) keeps the number.
	run_ok edit officer 1 'id_no=330***********1234' post=科员
	expect_sql "$T/db" "SELECT id_no || ' ' || post FROM officers" "330521198801011234 科员"
	sqlite3 "$T/db" "UPDATE users SET role = 'analyst' WHERE login = '$me'"
	run_ok export officer -o officers.csv
	grep -q '330\*\*\*\*\*\*\*\*\*\*\*1234' officers.csv || fail "the analyst's export is not masked"
	grep -q 330521198801011234 officers.csv && fail "the analyst's export holds the ID number"
	true
}

test_officer_csv_round_trip() {
	TODAY=2025-06-30
	make_db
	run_ok add agency "name=县市场监督管理局" kind=department
	run_ok add officer "agency=县市场监督管理局" name=王伟 post=执法队员 on_establishment=是 \
	    id_no=330521198801011234 cert_no=浙D100231 category=市场监管 area=全县 \
	    issued_on=2022-07-03 valid_until=2025-07-03 state=有效 note=审验中
	run_ok export agency -o agencies.csv
	run_ok export officer -o officers.csv
	rm -f "$T/db"
	make_db
	run_ok import agencies.csv
	run_ok import officers.csv
	run_ok export officer -o again.csv
	cmp -s officers.csv again.csv || fail "the officers exported again differ from the first export"
	printf '所在机关,姓名,是否在编在岗,执法证号,证件状态,有效期至\n县市场监督管理局,李娜,是,浙D100232,有效,2026-01-01\n' >zh.csv
	run_ok import zh.csv
	expect_sql "$T/db" "SELECT state || ' ' || on_establishment FROM officers WHERE name = '李娜'" "valid 1"
}
