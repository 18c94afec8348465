# tests/cli/test_records.sh: the records commands (list, show, history, add, edit, delete,
# user, dashboard, recompute) end to end. The acceptance check of issue 3: on the demo data
# for 2025-06-30, every count of `dashboard --format json` equals the number of rows
# `list KIND --duty DUTY --status STATUS --format json` gives, for all six duties and the
# three urgent statuses. JSON is read back with sqlite3's JSON functions (a real parser).

# The kind of record a duty's rows are.
records_kind_of() {
	case $1 in
	litigation-defence) echo litigation ;;
	hearing-head) echo hearing ;;
	reconsideration-*) echo reconsideration ;;
	suggestion-reply) echo suggestion ;;
	esac
}

# A value from a JSON file: records_json FILE SQL-EXPRESSION-OVER-j (j = the file's text).
records_json() {
	sqlite3 :memory: "SELECT $2 FROM (SELECT readfile('$1') AS j)" 2>&1
}

# A database with one agency, for the record commands.
records_db() {
	TODAY=2025-06-30
	make_db
	run add agency name=县公安局 short_name=公安局 kind=部门
	expect_status 0
}

test_records_dashboard_counts_match_lists() {
	TODAY=2025-06-30
	run init --demo
	expect_status 0
	run dashboard --format json
	expect_status 0
	expect_stderr
	cp "$T/.stdout" dash.json
	expect_true "dashboard --format json is not valid JSON" \
	    test "$(records_json dash.json 'json_valid(j)')" = 1
	nonzero=0
	for duty in litigation-defence hearing-head reconsideration-copy reconsideration-reply \
	    reconsideration-decision suggestion-reply; do
		kind=$(records_kind_of "$duty")
		for st in overdue due-today due-soon; do
			key=$(echo "$st" | tr - _)
			want=$(records_json dash.json "(SELECT json_extract(value, '\$.$key') FROM \
json_each(j, '\$.duties') WHERE json_extract(value, '\$.duty') = '$duty')")
			items=$(records_json dash.json "(SELECT count(*) FROM \
json_each(j, '\$.items') WHERE json_extract(value, '\$.duty') = '$duty' AND \
json_extract(value, '\$.status') = '$st')")
			run list "$kind" --duty "$duty" --status "$st" --format json
			expect_status 0
			cp "$T/.stdout" list.json
			got=$(records_json list.json 'json_array_length(j)')
			case $want in
			'' | *[!0-9]*) fail "dashboard has no $key count for $duty: \"$want\"" ;;
			esac
			if [ "$got" != "$want" ]; then
				fail "$duty $st: dashboard says $want, list gives $got rows"
			fi
			if [ "$items" != "$want" ]; then
				fail "$duty $st: dashboard says $want but lists $items items"
			fi
			# Every listed row is of that duty and status.
			odd=$(records_json list.json "(SELECT count(*) FROM json_each(j) WHERE \
json_extract(value, '\$.deadline.duty') <> '$duty' OR \
json_extract(value, '\$.deadline.status') <> '$st')")
			[ "$odd" = 0 ] ||
			    fail "$duty $st: $odd listed rows have another duty or status"
			[ "$want" = 0 ] || nonzero=$((nonzero + 1))
		done
	done
	# The demo places deadlines around today: several of the 18 counts are not zero.
	expect_true "the demo dashboard shows only $nonzero non-zero counts" test "$nonzero" -ge 4
	# The plain list agrees too: a header and one line per row.
	run list litigation --status overdue
	expect_status 0
	want=$(records_json dash.json "(SELECT json_extract(value, '\$.overdue') FROM \
json_each(j, '\$.duties') WHERE json_extract(value, '\$.duty') = 'litigation-defence')")
	expect_true "plain list of overdue defences has $(($(wc -l <"$T/.stdout") - 1)) rows, \
dashboard says $want" test "$(($(wc -l <"$T/.stdout") - 1))" = "$want"
}

# Items are sorted by urgency: overdue (earliest due first), due today, due soon.
test_records_dashboard_items_by_urgency() {
	TODAY=2025-06-30
	run init --demo
	run dashboard --format json
	expect_status 0
	cp "$T/.stdout" dash.json
	bad=$(records_json dash.json "(SELECT count(*) FROM json_each(j, '\$.items') a JOIN \
json_each(j, '\$.items') b ON b.key = a.key + 1 WHERE \
(CASE json_extract(a.value, '\$.status') WHEN 'overdue' THEN 0 WHEN 'due-today' THEN 1 \
ELSE 2 END) > (CASE json_extract(b.value, '\$.status') WHEN 'overdue' THEN 0 \
WHEN 'due-today' THEN 1 ELSE 2 END) \
OR (json_extract(a.value, '\$.status') = json_extract(b.value, '\$.status') AND \
json_extract(a.value, '\$.due') > json_extract(b.value, '\$.due')))")
	expect_true "dashboard items out of urgency order: $bad pairs" test "$bad" = 0
	n=$(records_json dash.json "json_array_length(j, '\$.items')")
	expect_true "the demo dashboard lists no items" test "$n" -gt 0
	first=$(records_json dash.json "json_extract(j, '\$.items[0].status')")
	expect_true "the first item is $first, not overdue" test "$first" = overdue
	agencies=$(records_json dash.json "json_array_length(j, '\$.agencies')")
	expect_true "the demo has $agencies agencies, expected 40" test "$agencies" = 40
}

test_records_dashboard_plain() {
	TODAY=2025-06-30
	run init --demo
	run dashboard --format plain
	expect_status 0
	expect_stderr
	expect_stdout_contains "Dashboard for 2025-06-30 (due soon: within 3 working days)" \
	    "Litigation: defence and evidence" "Hearings where the head must appear" \
	    "Reconsideration: copy to the respondent" "Reconsideration: agency's reply" \
	    "Reconsideration: decision" "Suggestions: agency's reply" "Most urgent" \
	    "Agencies (head-appearance rate 2025)" "县公安局"
	run dashboard --within 10
	expect_status 0
	expect_stdout_contains "within 10 working days"
	run dashboard --within ten
	expect_status 1
	expect_stderr_contains "--within"
	run dashboard --format csv
	expect_status 1
	expect_stderr_contains "--format"
	run --lang zh dashboard
	expect_status 0
}

# A case with Chinese text through add, show, edit, history and delete.
test_records_litigation_round_trip() {
	records_db
	run add litigation "case_no=(2025)浙0521行初1号" agency=公安局 plaintiff=张三 \
	    cause=政府信息公开 stage=一审 complaint_received_on=2025年6月3日
	expect_status 0
	expect_stdout 1
	expect_stderr_contains "created"
	run show litigation 1
	expect_status 0
	expect_stdout_contains "litigation 1" "(2025)浙0521行初1号" "县公安局" "张三" \
	    "政府信息公开" "first instance" "2025-06-03"
	# 2025-06-03 + 15 days = 2025-06-18 (a Wednesday).
	grep -q '^Defence due on  *2025-06-18$' "$T/.stdout" ||
	    fail "show does not give the defence due on 2025-06-18"
	run show litigation "(2025)浙0521行初1号"
	expect_status 0
	expect_stdout_contains "张三"
	# Moving the trigger moves the due date: 2025-05-16 + 15 = 05-31 (端午) -> 06-03.
	run edit litigation 1 plaintiff=李四 complaint_received_on=2025-05-16
	expect_status 0
	expect_stdout 1
	expect_stderr_contains "changed"
	expect_stderr_lacks "unchanged"
	expect_sql db "SELECT plaintiff || ' ' || defence_due_on FROM litigation_cases" \
	    "李四 2025-06-03"
	run edit litigation 1 plaintiff=李四
	expect_status 0
	expect_stderr_contains "unchanged"
	run history litigation 1
	expect_status 0
	expect_stdout_contains "  $(id -un)  created" "  $(id -un)  changed" \
	    "    Plaintiff: 张三 -> 李四" "    Defence due on: 2025-06-18 -> 2025-06-03" \
	    "    Case number: - -> (2025)浙0521行初1号"
	run delete litigation 1
	expect_status 0
	expect_stderr_contains "deleted" "kept in the audit trail"
	run list litigation --format json
	expect_status 0
	expect_stdout "[]"
	run show litigation 1
	expect_status 0
	expect_stdout_contains "litigation 1 (deleted)" "李四"
	run history litigation 1
	expect_status 0
	expect_stdout_contains "  $(id -un)  deleted"
	expect_sql db "SELECT group_concat(action, ',') FROM (SELECT action FROM audit_log WHERE \
kind = 'litigation' ORDER BY id)" "create,update,delete"
	# The same case number again brings the record back.
	run add litigation "case_no=(2025)浙0521行初1号" agency=县公安局 \
	    complaint_received_on=2025-06-03
	expect_status 0
	expect_stdout 1
	expect_sql db "SELECT deleted || ' ' || defence_due_on FROM litigation_cases WHERE id = 1" \
	    "0 2025-06-18"
	expect_sql db "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1" "restore"
}

# Refused input: exit 2, a message naming the field, nothing written.
test_records_bad_field_exit_2() {
	records_db
	run add litigation case_no=X1 agency=县公安局 complaint_received_on=2025-02-30
	expect_status 2
	expect_stdout
	expect_stderr_contains "complaint_received_on" "2025-02-30"
	run add litigation case_no=X1 agency=县公按局
	expect_status 2
	expect_stderr_contains "agency" "县公按局" "did you mean: 县公安局"
	run add litigation case_no=X1 agency=县公安局 stage=三审
	expect_status 2
	expect_stderr_contains "stage" "三审"
	run add litigation case_no=X1 agency=县公安局 bogus=1
	expect_status 2
	expect_stderr_contains "bogus"
	run add litigation case_no=X1 agency=县公安局 filed_on=2025-06-10 \
	    complaint_received_on=2025-06-05
	expect_status 2
	expect_stderr_contains "complaint_received_on" "is before"
	run add litigation case_no=X1 agency=县公安局 complaint_received_on=2025-07-01
	expect_status 2
	expect_stderr_contains "complaint_received_on" "after today (2025-06-30)"
	run add litigation agency=县公安局
	expect_status 2
	expect_stderr_contains "case_no" "required"
	run add suggestion doc_no=S1 kind=司法建议 agency=县公安局 received_on=2025-06-02 \
	    period_length=1
	expect_status 2
	expect_stderr_contains "period_unit"
	expect_sql db "SELECT (SELECT count(*) FROM litigation_cases) + (SELECT count(*) FROM \
suggestions)" 0
	expect_sql db "SELECT count(*) FROM audit_log WHERE kind IN ('litigation', 'suggestion')" 0
	run add litigation case_no=X1 agency=县公安局
	expect_status 0
	run add litigation case_no=X1 agency=县公安局
	expect_status 2
	expect_stderr_contains "case_no" "already recorded"
	run edit litigation 1 defence_due_on=2025-12-31
	expect_status 2
	expect_stderr_contains "defence_due_on" "computed by duban"
}

test_records_unknown_kind_exit_1() {
	records_db
	run list frobs
	expect_status 1
	expect_stdout
	expect_stderr_contains '"frobs" is not a record kind' "litigation"
	run add frobs name=x
	expect_status 1
	expect_stderr_contains "frobs"
	run show frobs 1
	expect_status 1
	expect_stderr_contains "frobs"
	run list litigation --status bogus
	expect_status 1
	expect_stderr_contains "bogus"
	run list agency --status overdue
	expect_status 1
	run list litigation --duty suggestion-reply
	expect_status 1
	expect_stderr_contains "suggestion-reply"
	run show litigation 99
	expect_status 2
	expect_stderr_contains "99"
}

test_records_user_add_and_list() {
	make_db
	run user add someone staff
	expect_status 0
	expect_stderr_contains "duban: someone is now staff"
	run user list
	expect_status 0
	expect_stderr
	grep -q "^$(id -un)  *admin  *admin  *[0-9]" "$T/.stdout" ||
	    fail "user list lacks the creator as admin"
	grep -q '^someone  *staff  *staff  *[0-9]' "$T/.stdout" || fail "user list lacks someone"
	expect_true "user list has $(wc -l <"$T/.stdout") lines, expected 2" \
	    test "$(wc -l <"$T/.stdout")" = 2
	run user add someone analyst
	expect_status 2
	expect_stderr_contains "someone" "already"
	run user add other wizard
	expect_status 2
	expect_stderr_contains "wizard"
	expect_sql db "SELECT count(*) FROM audit_log WHERE kind = 'user' AND action = 'create'" 2
}

# The role comes from the users table: demoted there, the same login is refused (exit 4) with
# a message naming the role needed, and nothing is written.
test_records_role_refused_exit_4() {
	records_db
	run add litigation case_no=X1 agency=县公安局 complaint_received_on=2025-06-03
	expect_status 0
	sqlite3 db "UPDATE users SET role = 'analyst'"
	run add litigation case_no=X2 agency=县公安局
	expect_status 4
	expect_stdout
	expect_stderr_contains "analyst" "staff or admin"
	run edit litigation 1 plaintiff=李四
	expect_status 4
	run delete litigation 1
	expect_status 4
	sqlite3 db "UPDATE users SET role = 'staff'"
	run add agency name=县教育局 kind=部门
	expect_status 4
	expect_stderr_contains "staff" "admin"
	run user add someone staff
	expect_status 4
	expect_stderr_contains "admin"
	run recompute
	expect_status 4
	sqlite3 db "UPDATE users SET role = 'supervisor'"
	run edit litigation 1 plaintiff=李四
	expect_status 4
	expect_stderr_contains "supervisor" "staff or admin"
	# Reading is every role's.
	run list litigation
	expect_status 0
	run dashboard
	expect_status 0
	expect_sql db "SELECT count(*) FROM litigation_cases" 1
	expect_sql db "SELECT plaintiff FROM litigation_cases" ""
	expect_sql db "SELECT count(*) FROM agencies" 1
	expect_sql db "SELECT count(*) FROM users" 1
}

# The database and its directory open to nobody (the test's own temp dir only).
records_share_with_nobody() {
	chmod 777 "$T"
	for f in db db-wal db-shm; do
		[ -e "$f" ] && chmod 666 "$f"
	done
	return 0
}

# An unknown login (not in the users table) may read, by default, and not write: exit 4.
test_records_other_login_refused_exit_4() {
	need_nobody
	records_db
	run add litigation case_no=X1 agency=县公安局 complaint_received_on=2025-06-03
	expect_status 0
	records_share_with_nobody
	run_as_nobody add litigation case_no=X2 agency=县公安局
	expect_status 4
	expect_stdout
	expect_stderr_contains "nobody is not a user of this database" "staff or admin" \
	    "duban user add nobody"
	run_as_nobody edit litigation 1 plaintiff=李四
	expect_status 4
	run_as_nobody user add nobody admin
	expect_status 4
	run_as_nobody list litigation --format json
	expect_status 0
	expect_stdout_contains "X1"
	run_as_nobody dashboard
	expect_status 0
	expect_sql db "SELECT count(*) FROM litigation_cases" 1
	expect_sql db "SELECT count(*) FROM users" 1
	# Once an admin adds them, they may.
	run user add nobody staff
	expect_status 0
	run_as_nobody add litigation case_no=X2 agency=县公安局
	expect_status 0
	expect_sql db "SELECT login FROM audit_log WHERE kind = 'litigation' ORDER BY id DESC \
LIMIT 1" nobody
}

# With [general] unknown_users = none, an unknown login may not even read: exit 4.
test_records_unknown_users_none_refuses_reading() {
	need_nobody
	records_db
	printf '[general]\nunknown_users = none\n' >none.ini
	chmod 644 none.ini
	records_share_with_nobody
	run_as_nobody --config "$T/none.ini" list litigation
	expect_status 4
	expect_stdout
	expect_stderr_contains "nobody is not a user of this database" "reading"
	run_as_nobody --config "$T/none.ini" dashboard
	expect_status 4
	run_as_nobody --config "$T/none.ini" show agency 1
	expect_status 4
	run_as_nobody --config "$T/none.ini" history agency 1
	expect_status 4
	# The default (read-only) lets them look; a known user reads either way.
	run_as_nobody list agency
	expect_status 0
	run --config none.ini list agency
	expect_status 0
	expect_stdout_contains "县公安局"
}

# Due dates follow the configuration: changing it recomputes them on the next open, audited.
test_records_due_dates_follow_configuration() {
	records_db
	# 2025-04-12 (Sat) + 15 = 04-27 (Sun), an official make-up working day: due that day.
	run add litigation case_no=X1 agency=县公安局 complaint_received_on=2025-04-12
	expect_status 0
	expect_sql db "SELECT defence_due_on FROM litigation_cases" 2025-04-27
	run recompute
	expect_status 0
	expect_stderr "duban: 0 records got new due dates"
	printf '[calendar]\nmakeup_workdays = no\n' >nomakeup.ini
	run --config nomakeup.ini list litigation
	expect_status 0
	expect_stderr_contains "1 records got new due dates"
	expect_sql db "SELECT defence_due_on FROM litigation_cases" 2025-04-28
	run --config nomakeup.ini list litigation
	expect_status 0
	expect_stderr
	run --config nomakeup.ini history litigation 1
	expect_status 0
	expect_stderr
	expect_stdout_contains "due dates recomputed" "Defence due on: 2025-04-27 -> 2025-04-28"
	expect_sql db "SELECT count(*) FROM audit_log WHERE action = 'recompute'" 1
}
