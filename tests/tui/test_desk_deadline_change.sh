# tests/tui/test_desk_deadline_change.sh: after a calendar change moved stored due dates, the
# desk says so when it opens, until a supervisor acknowledges (issue 14 item 4).
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-04-28 init
tui_duban --db db --today 2025-04-28 add agency name=县公安局 kind=部门
tui_duban --db db --today 2025-04-28 add litigation case_no=X1 agency=县公安局 \
    complaint_received_on=2025-04-12
mkdir local
printf 'year 2025\n2025-04-27  rest  劳动节\n' >local/cn-2025-fix.txt
printf '[calendar]\ndirectories = calendar:%s/local\n' "$PWD" >site.ini
tui_duban --db db --today 2025-04-28 --config site.ini recompute --yes

tui_start --db db --today 2025-04-28 --config site.ini --lang en
tui_wait_for 'Most urgent:'
tui_wait_for 'Rules or calendar changed: 1 due date moved (doc/calendar.md 5a)'
tui_keys F10
tui_expect_exit 0

tui_duban --db db --today 2025-04-28 --config site.ini recompute --acknowledge
tui_start --db db --today 2025-04-28 --config site.ini --lang en
tui_wait_for 'Most urgent:'
tui_expect_absent 'due date moved'
tui_expect_absent 'Rules or calendar changed'
tui_keys F10
tui_expect_exit 0
