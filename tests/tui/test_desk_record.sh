# tests/tui/test_desk_record.sh: from the dashboard (English, 80x24, demo data of 2025-06-30),
# Enter on the most urgent item opens its record: its number in the title, every field, its
# deadlines with status and days late, and its history further down; Esc goes back to the
# dashboard as it was. Down, Enter opens the second item. The items are the CLI's.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
tui_duban --db db --today 2025-06-30 dashboard --format json >dashboard.json
tui_json_objects dashboard.json | grep '"status":"' >items.json

# What the record screen of item N (1 the first) must show: the kind's name and the number
# in the title, the due date with the duty's name under Deadlines.
item() {
	sed -n "$1p" items.json | tui_json_val "$2"
}
kind_label() {
	case $1 in
	litigation) echo 'Litigation case' ;;
	hearing) echo 'Hearing' ;;
	reconsideration) echo 'Reconsideration case' ;;
	suggestion) echo 'Suggestion' ;;
	esac
}

tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
key=$(item 1 key)
due=$(item 1 due)
label=$(tui_duty_label "$(item 1 duty)")
tui_keys Enter
tui_wait_for "$(kind_label "$(item 1 kind)")  $key"
tui_wait_for ' Deadlines'
tui_wait_for "$label: $due  overdue, $(item 1 days_late) days late"
# The top of the record (the history below carries the time it was written: not stored).
tui_expect_screen record-first-urgent-en-80x24

# The rest: the history, with the record's creation and its number.
tui_keys G
tui_wait_for ' History'
tui_wait_for '  root  created'
tui_wait_for ": - -> $key"
tui_wait_for 'Esc Back'

# Esc: back to the dashboard, unchanged.
tui_keys Escape
tui_wait_for 'Most urgent:'
tui_expect_screen dashboard-en-80x24

# Down, Enter: the second item.
tui_keys Down Enter
tui_wait_for "$(kind_label "$(item 2 kind)")  $(item 2 key)"
tui_wait_for "$(tui_duty_label "$(item 2 duty)"): $(item 2 due)"
tui_keys Escape
tui_wait_for 'Most urgent:'
tui_keys F10
tui_expect_exit 0
