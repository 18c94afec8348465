# tests/tui/test_desk_explain.sh: the desk's key for the day-by-day explanation (issue 14 item
# 1). On a record (English, 80x24, demo data of 2025-06-30) w opens its due dates explained day
# by day, the same text as `duban deadline --record`; F2 saves it to a file; the key is on the
# key bar and in help and can be rebound. With a provisional calendar the record's due date and
# its explanation say provisional; in Chinese the key bar says 说明.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
tui_duban --db db --today 2025-06-30 dashboard --format json >dashboard.json
tui_json_objects dashboard.json | grep '"status":"' | sed -n 1p >item.json
kind=$(tui_json_val kind <item.json)
id=$(tui_json_val id <item.json)
due=$(tui_json_val due <item.json)
tui_duban --db db --today 2025-06-30 --lang en deadline --record "$kind" "$id" >cli.txt

tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys Enter
tui_wait_for ' Deadlines'
tui_wait_for 'w Why'
tui_keys '?'
tui_wait_for 'Explain the due dates day by day'
tui_keys Escape
tui_wait_for ' Deadlines'
tui_keys w
tui_wait_for 'Due dates day by day'
tui_wait_for "  $due"
tui_wait_for 'Day by day (no.: the day'
tui_wait_for 'F2 Save'
# Long lines wrap under the day's reason (80 columns): nothing is cut off.
tui_keys G
tui_wait_for 'last day of the period; DUE'
tui_wait_for "$(printf '%26s' '')DATE"
tui_expect_absent 'DUE D~'
tui_keys F2
tui_wait_for "Saved to explanation-$kind-$id.txt"
[ -f "explanation-$kind-$id.txt" ] || tui_fail "F2 wrote no explanation-$kind-$id.txt"
grep -q "last day of the period; DUE DATE" "explanation-$kind-$id.txt" ||
    tui_fail "the saved explanation lacks the due date's line, unbroken"
# The file holds what the command line prints for the same record (after a title line).
sed 1d "explanation-$kind-$id.txt" >desk.txt
sed 1d cli.txt >cli-body.txt
cmp -s desk.txt cli-body.txt || {
	diff -u cli-body.txt desk.txt >&2 || true
	tui_fail "the saved explanation differs from duban deadline --record"
}
tui_keys Escape
tui_wait_for ' Deadlines'
tui_keys F10
tui_expect_exit 0

# Rebound in the configuration: the bar shows the new key and it works.
cat >site.ini <<'INI'
[keys]
record.explain = y
INI
DUBAN_CONFIG=$TUI_TMP/site.ini
export DUBAN_CONFIG
tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys Enter
tui_wait_for 'y Why'
tui_keys y
tui_wait_for 'Due dates day by day'
tui_keys F10
tui_expect_exit 0

# A provisional year: the record's due date and the explanation say so (Chinese desk).
tui_duban --db p.db --today 2027-01-25 init
tui_duban --db p.db --today 2027-01-25 add agency name=县公安局 kind=部门 >/dev/null
cat >site.ini <<'INI'
[calendar]
provisional = yes
INI
tui_duban --db p.db --today 2027-01-25 add litigation case_no=P1 agency=县公安局 \
    complaint_received_on=2027-01-22 >/dev/null
# The list marks the due date with '*' and says what that means on its second line.
tui_start --db p.db --today 2027-01-25 --lang zh
tui_wait_for '紧急事项'
tui_keys 2
tui_wait_for 'P1'
tui_wait_for '2027-02-09*未到期'
tui_wait_for '*：暂定到期日'
tui_keys Enter
tui_wait_for '2027-02-09（暂定）'
tui_wait_for 'w 说明'
tui_keys w
tui_wait_for '到期日逐日说明'
tui_wait_for '暂定：2027 年尚无官方节假日安排'
tui_keys G
tui_wait_for '暂定日历中的法定节假日'
tui_keys F10
tui_expect_exit 0
