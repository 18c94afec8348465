# tests/cli/test_provisional.sh: the provisional calendar for a year without an official schedule
# (issue 14 item 5): opt-in per configuration, statutory holidays with the lunar dates computed,
# due dates counted through such a year marked provisional wherever they are shown, and the
# official schedule replacing it through recompute's impact report.

# P1: complaint received Friday 2027-01-22, + 15 days = Saturday 02-06. Weekends only: due
# Monday 02-08. Provisional 2027: 春节 is 除夕 02-05 to 初三 02-08, so due Tuesday 02-09.
prov_db() {
	TODAY=2027-01-25
	make_db
	run_ok add agency name=县公安局 kind=部门
	mkdir local
	printf '[calendar]\nprovisional = yes\ndirectories = calendar:%s/local\n' "$T" >prov.ini
}

test_provisional_off_by_default_weekends_only() {
	TODAY=2026-12-08
	run deadline litigation-defence 2027-01-22
	expect_status 0
	expect_stdout "2027-02-08"
	expect_stderr_contains "counted with weekends only"
	expect_stderr_lacks "PROVISIONAL"
	run calendar 2027
	expect_status 2
	expect_stdout
}

test_provisional_deadline_and_explain() {
	TODAY=2026-12-08
	printf '[calendar]\nprovisional = yes\n' >prov.ini
	run --config prov.ini deadline litigation-defence 2027-01-22
	expect_status 0
	expect_stdout "2027-02-09"
	expect_stderr_contains "due dates counted into 2027 are PROVISIONAL" \
	    "make-up working days are unknown"
	expect_stderr_lacks "weekends only"
	run --config prov.ini deadline litigation-defence 2027-01-22 --explain
	expect_status 0
	expect_stdout_contains "PROVISIONAL: 2027 has no official holiday schedule yet" \
	    "2027-02-08  Mon      -  official rest day (春节); rolled over: the last day fell on a rest day; a statutory holiday of the provisional calendar" \
	    "2027-02-09  Tue      -  working day; the period rolled to this day, the next working day; provisional: the year's make-up working days are unknown; DUE DATE"
	# A covered year is never provisional.
	run --config prov.ini deadline litigation-defence 2026-02-01 --explain
	expect_status 0
	expect_stdout_lacks "PROVISIONAL" "provisional"
	expect_stderr
}

test_provisional_calendar_lists_the_statutory_days() {
	printf '[calendar]\nprovisional = yes\n' >prov.ini
	TODAY=2026-12-08
	run --config prov.ini --lang zh calendar 2027
	expect_status 0
	expect_stdout "2027-01-01  周五  休  元旦
2027-02-05  周五  休  春节
2027-02-06  周六  休  春节
2027-02-07  周日  休  春节
2027-02-08  周一  休  春节
2027-04-05  周一  休  清明节
2027-05-01  周六  休  劳动节
2027-05-02  周日  休  劳动节
2027-06-09  周三  休  端午节
2027-09-15  周三  休  中秋节
2027-10-01  周五  休  国庆节
2027-10-02  周六  休  国庆节
2027-10-03  周日  休  国庆节"
	expect_stderr_contains "暂定"
}

test_provisional_marked_in_list_show_dashboard() {
	prov_db
	run --config prov.ini add litigation case_no=P1 agency=县公安局 complaint_received_on=2027-01-22
	expect_status 0
	expect_stderr_contains "PROVISIONAL"
	expect_sql db "SELECT defence_due_on FROM litigation_cases" 2027-02-09
	run --config prov.ini list litigation
	expect_status 0
	expect_stdout_contains "2027-02-09 pending      9 working days left (provisional)"
	run --config prov.ini show litigation 1
	expect_status 0
	expect_stdout_contains "Defence due on              2027-02-09 (provisional)"
	run --config prov.ini dashboard --within 10
	expect_status 0
	expect_stdout_contains "(provisional)"
	expect_stderr_contains "PROVISIONAL"
	# Without the setting: weekends only, no mark, after the recompute of the changed calendar.
	run list litigation
	expect_status 0
	expect_stdout_contains "2027-02-08 "
	expect_stdout_lacks "provisional"
}

# The official schedule replaces the provisional one through the impact report (item 4).
test_provisional_replaced_by_official_schedule() {
	prov_db
	run_ok --config prov.ini add litigation case_no=P1 agency=县公安局 complaint_received_on=2027-01-22
	# A (made-up) official schedule: 春节 from 02-05 to 02-12.
	{
		echo "year 2027"
		for d in 05 06 07 08 09 10 11 12; do echo "2027-02-$d  rest  春节"; done
	} >local/cn-2027.txt
	run --config prov.ini recompute --dry-run
	expect_status 0
	expect_stdout_contains "Defence         1       P1 " "2027-02-09  2027-02-15  pending         pending"
	expect_stderr_contains "1 due date moves"
	expect_sql db "SELECT defence_due_on FROM litigation_cases" 2027-02-09
	run_ok --config prov.ini recompute --yes
	expect_sql db "SELECT defence_due_on FROM litigation_cases" 2027-02-15
	run --config prov.ini show litigation 1
	expect_status 0
	expect_stdout_contains "Defence due on              2027-02-15"
	expect_stdout_lacks "provisional"
	expect_stderr
}
