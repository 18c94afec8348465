# tests/cli/test_impact.sh: calendar and rule changes with an impact report (issue 14 item 4):
# `recompute` shows which stored due dates move before applying, applies only when confirmed,
# and the change and its impact are in the audit trail; the automatic recompute on opening
# reports and records the same.

# X1: complaint received 2025-04-12 (Sat), + 15 days = 04-27 (Sun), an official make-up working
# day, so due that day. X2: 2025-03-03 + 15 = 03-18 (Tue), no holiday near: never moves.
impact_db() {
	TODAY=2025-04-28
	make_db
	run_ok add agency name=县公安局 kind=部门
	run_ok add litigation case_no=X1 agency=县公安局 complaint_received_on=2025-04-12
	run_ok add litigation case_no=X2 agency=县公安局 complaint_received_on=2025-03-03
	mkdir local
	printf '[calendar]\ndirectories = calendar:%s/local\n' "$T" >site.ini
}

# A corrected schedule for a covered year: 2025-04-27 becomes a rest day, so X1 rolls to
# Monday 04-28: on 04-28 it was overdue and is now due today.
changed_schedule() {
	printf '# correction (test)\nyear 2025\n2025-04-27  rest  劳动节\n' >local/cn-2025-fix.txt
}

test_impact_dry_run_shows_moves_and_changes_nothing() {
	impact_db
	changed_schedule
	run --config site.ini recompute --dry-run
	expect_status 0
	expect_stdout_contains "Defence         1       X1 " "2025-04-27  2025-04-28  overdue         due today"
	expect_stdout_lacks "X2"
	expect_stderr_contains "1 due date moves (1 record gets new values)"
	expect_sql db "SELECT defence_due_on FROM litigation_cases ORDER BY id" "2025-04-27
2025-03-18"
	expect_sql db "SELECT count(*) FROM audit_log WHERE action IN ('recompute', 'deadline-change')" 0
}

test_impact_unconfirmed_recompute_applies_nothing() {
	impact_db
	changed_schedule
	# stdin is not a terminal: shown, refused, nothing written.
	run --config site.ini recompute
	expect_status 1
	expect_stdout_contains "2025-04-27  2025-04-28"
	expect_stderr_contains "nothing applied" "recompute --yes"
	expect_sql db "SELECT defence_due_on FROM litigation_cases WHERE case_no = 'X1'" 2025-04-27
}

test_impact_confirmed_recompute_is_audited() {
	impact_db
	changed_schedule
	run --config site.ini recompute --yes
	expect_status 0
	expect_stdout_contains "Defence         1       X1 " "2025-04-27  2025-04-28  overdue         due today"
	expect_stderr "duban: 1 records got new due dates"
	expect_sql db "SELECT defence_due_on FROM litigation_cases ORDER BY id" "2025-04-28
2025-03-18"
	expect_sql db "SELECT count(*) FROM audit_log WHERE action = 'recompute'" 1
	expect_sql db "SELECT json_extract(after, '\$.applied') || ' ' || json_extract(m.value,
	    '\$.key') || ' ' || json_extract(m.value, '\$.old_due') || ' ' ||
	    json_extract(m.value, '\$.new_due') || ' ' || json_extract(m.value, '\$.old_status') ||
	    ' ' || json_extract(m.value, '\$.new_status') FROM audit_log, json_each(after, '\$.moves')
	    AS m WHERE action = 'deadline-change'" "confirmed X1 2025-04-27 2025-04-28 overdue due-today"
	# Current now: no warning, nothing pending.
	run --config site.ini list litigation
	expect_status 0
	expect_stderr
	run --config site.ini recompute --dry-run
	expect_status 0
	expect_stdout
}

# Whoever may write and opens duban first after the change applies it (stored due dates must
# match the calendar everyone counts with); the same report goes to stderr and into the audit
# trail, marked automatic.
test_impact_automatic_recompute_reports_and_records() {
	impact_db
	changed_schedule
	run --config site.ini list litigation
	expect_status 0
	expect_stderr_contains "1 records got new due dates" "Defence         1       X1 " \
	    "2025-04-27  2025-04-28  overdue         due today"
	expect_sql db "SELECT defence_due_on FROM litigation_cases WHERE case_no = 'X1'" 2025-04-28
	expect_sql db "SELECT json_extract(after, '\$.applied') || ' ' || json_array_length(after,
	    '\$.moves') FROM audit_log WHERE action = 'deadline-change'" "automatic 1"
}

# A make-up reading change is a rule change too: every due date on a make-up day moves.
test_impact_makeup_reading_change() {
	impact_db
	printf '[calendar]\nmakeup_workdays = no\n' >nomakeup.ini
	run --config nomakeup.ini recompute --dry-run
	expect_status 0
	expect_stdout_contains "Defence         1       X1 " "2025-04-27  2025-04-28"
	run --config nomakeup.ini --lang zh recompute --dry-run
	expect_status 0
	expect_stdout_contains "原到期日" "新到期日" "逾期            今日到期"
}

test_impact_needs_administrator() {
	impact_db
	changed_schedule
	sqlite3 db "UPDATE users SET role = 'supervisor'"
	run --config site.ini recompute --dry-run
	expect_status 4
	expect_stdout
}

# An applied change that moved due dates waits for a supervisor's acknowledgement (the desk
# says so until then); acknowledging is audited and clears it; staff may not.
test_impact_acknowledged_by_supervisor() {
	impact_db
	run --config site.ini recompute --acknowledge
	expect_status 0
	expect_stderr "duban: no calendar or rule change is waiting to be acknowledged"
	changed_schedule
	run_ok --config site.ini recompute --yes
	expect_sql db "SELECT value FROM meta WHERE key = 'deadline_change_unacknowledged'" \
	    "1 $(sqlite3 db "SELECT at FROM audit_log WHERE action = 'deadline-change'")"
	sqlite3 db "UPDATE users SET role = 'staff'"
	run --config site.ini recompute --acknowledge
	expect_status 4
	expect_stderr_contains "supervisor or admin"
	sqlite3 db "UPDATE users SET role = 'supervisor'"
	run --config site.ini recompute --acknowledge
	expect_status 0
	expect_stderr "duban: acknowledged 1 moved due date"
	expect_sql db "SELECT value FROM meta WHERE key = 'deadline_change_unacknowledged'" ""
	expect_sql db "SELECT json_extract(before, '\$.moves') FROM audit_log
	    WHERE action = 'acknowledge'" 1
}
