# tests/cli/test_ical.sh: open deadlines as iCalendar (issue 14 item 6), read back with a real
# RFC 5545 parser (Debian's python3-icalendar, in DEB_PKGS: `make deps`).

ical_db() {
	TODAY=2025-06-30
	make_db
	run_ok add agency name=县公安局 kind=部门
	run_ok add agency name=县信访局 kind=部门
	# 06-20 + 15 = 07-05 (Sat) -> Mon 07-07: open. The key holds TEXT's special characters.
	run_ok add litigation "case_no=(2025)浙0521行初1号;补,正" agency=县公安局 plaintiff=张三 \
	    complaint_received_on=2025-06-20
	# 06-02 + 15 = 06-17: overdue, still open.
	run_ok add litigation case_no=L2 agency=县信访局 complaint_received_on=2025-06-02
	# Done: not exported.
	run_ok add litigation case_no=L3 agency=县公安局 complaint_received_on=2025-06-02 \
	    defence_submitted_on=2025-06-10
	run_ok add suggestion doc_no=S1 kind=司法建议 agency=县信访局 received_on=2025-06-10
	run deadline judicial-suggestion 2025-06-10
	S1_DUE=$(cat "$T/.stdout")
}

# The Debian interpreter, where python3-icalendar is installed.
ical_python() {
	for py in /usr/bin/python3 python3; do
		if "$py" -c 'import icalendar' 2>/dev/null; then
			PY=$py
			return 0
		fi
	done
	fail "python3-icalendar is missing: run make deps (the iCalendar tests need a real parser)"
	return 1
}

# Raw form: CRLF on every line, no line over 75 octets.
ical_check_raw() {
	if LC_ALL=C awk '!/\r$/ { bad = 1 } { sub(/\r$/, ""); if (length($0) > 75) bad = 1 }
	    END { exit bad }' "$1"; then :; else
		fail "$1: a line without CRLF or longer than 75 octets"
		show file "$1"
	fi
}

test_ical_export_parses_with_alarm_and_stable_uids() {
	ical_db
	ical_python || return 0
	run export deadlines --format ical
	expect_status 0
	expect_stderr
	cp "$T/.stdout" first.ics
	ical_check_raw first.ics
	got=$("$PY" - first.ics "$S1_DUE" <<'PY' 2>&1
import sys, datetime, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
assert cal['VERSION'] == '2.0' and cal['PRODID']
ev = {str(e['UID']): e for e in cal.walk('VEVENT')}
assert sorted(ev) == ['litigation-defence-1@duban', 'litigation-defence-2@duban',
                      'suggestion-reply-1@duban'], sorted(ev)
d = datetime.date
e = ev['litigation-defence-1@duban']
assert e['DTSTART'].dt == d(2025, 7, 7) and e['DTEND'].dt == d(2025, 7, 8), e['DTSTART'].dt
assert e['DTSTART'].params.get('VALUE') == 'DATE'
assert '(2025)浙0521行初1号;补,正' in str(e['SUMMARY']), str(e['SUMMARY'])
assert '县公安局' in str(e['SUMMARY'])
assert 'Plaintiff' not in str(e['DESCRIPTION']) and '张三' in str(e['DESCRIPTION'])
assert e['DTSTAMP'].dt == datetime.datetime(2025, 6, 30, tzinfo=e['DTSTAMP'].dt.tzinfo)
assert str(e['TRANSP']) == 'TRANSPARENT'
alarms = e.walk('VALARM')
assert len(alarms) == 1 and str(alarms[0]['ACTION']) == 'DISPLAY'
assert alarms[0]['TRIGGER'].dt == -datetime.timedelta(hours=15), alarms[0]['TRIGGER'].dt
assert ev['litigation-defence-2@duban']['DTSTART'].dt == d(2025, 6, 17)
y, m, dd = map(int, sys.argv[2].split('-'))
assert ev['suggestion-reply-1@duban']['DTSTART'].dt == d(y, m, dd)
print('ok')
PY
)
	[ "$got" = ok ] || fail "parsed calendar: $got"
	# The same records give the same bytes: UIDs are stable, re-importing updates.
	run export deadlines --format ical
	cmp -s first.ics "$T/.stdout" || fail "a second export differs from the first"
	# Completing a deadline removes its event.
	run_ok edit litigation L2 defence_submitted_on=2025-06-30
	run export deadlines --format ical
	expect_status 0
	expect_stdout_lacks "litigation-defence-2@duban"
	expect_stdout_contains "litigation-defence-1@duban"
}

test_ical_alarm_days_and_filters() {
	ical_db
	ical_python || return 0
	run export litigation --format ical --alarm-days 0 -o lit.ics
	expect_status 0
	expect_stderr_contains "2 open deadlines written to lit.ics"
	got=$("$PY" - lit.ics <<'PY' 2>&1
import sys, datetime, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
evs = cal.walk('VEVENT')
assert len(evs) == 2, len(evs)
for e in evs:
    assert e.walk('VALARM')[0]['TRIGGER'].dt == datetime.timedelta(hours=9)
print('ok')
PY
)
	[ "$got" = ok ] || fail "parsed calendar: $got"
	run export deadlines --format ical --duty suggestion-reply
	expect_status 0
	expect_stdout_contains "suggestion-reply-1@duban"
	expect_stdout_lacks "litigation-defence"
	run export deadlines --format ical --alarm-days 61
	expect_status 1
	run export deadlines --format ical --split agency
	expect_status 1
	expect_stderr_contains "-o DIR"
}

test_ical_split_per_agency_and_duty() {
	ical_db
	ical_python || return 0
	run export deadlines --format ical --split agency -o cal
	expect_status 0
	expect_stderr_contains "3 open deadlines written to cal (2 files)"
	[ -f cal/县公安局.ics ] && [ -f cal/县信访局.ics ] || fail "not one file per agency: $(ls cal)"
	for f in cal/*.ics; do
		ical_check_raw "$f"
	done
	got=$("$PY" - cal/县公安局.ics cal/县信访局.ics <<'PY' 2>&1
import sys, icalendar
n = [len(icalendar.Calendar.from_ical(open(p, 'rb').read()).walk('VEVENT')) for p in sys.argv[1:]]
assert n == [1, 2], n
c = icalendar.Calendar.from_ical(open(sys.argv[2], 'rb').read())
assert '县信访局' in str(c['X-WR-CALNAME'])
print('ok')
PY
)
	[ "$got" = ok ] || fail "parsed calendars: $got"
	run --lang zh export deadlines --format ical --split duty -o duty
	expect_status 0
	[ -f duty/litigation-defence.ics ] && [ -f duty/suggestion-reply.ics ] ||
	    fail "not one file per duty: $(ls duty)"
	grep -q "SUMMARY:答辩到期" duty/litigation-defence.ics || fail "no Chinese summary"
}

# Agency names that become the same file name ("/" is replaced) still get a file each.
test_ical_split_names_never_collide() {
	ical_db
	ical_python || return 0
	run_ok add agency name=甲/乙 kind=其他
	run_ok add agency name=甲_乙 kind=其他
	run_ok add litigation case_no=L4 agency=甲/乙 complaint_received_on=2025-06-20
	run_ok add litigation case_no=L5 agency=甲_乙 complaint_received_on=2025-06-20
	run export deadlines --format ical --split agency -o cal
	expect_status 0
	expect_stderr_contains "5 open deadlines written to cal (4 files)"
	[ "$(ls cal | wc -l)" = 4 ] || fail "files: $(ls cal)"
	[ "$(cat cal/*.ics | grep -c 'BEGIN:VEVENT')" = 5 ] || fail "events lost: $(ls cal)"
}
