# tests/tui/test_desk_form_check_on_leave.sh: a field is checked when the cursor leaves it, not
# only at F2 (English, 80x24, demo data of 2025-06-30): a date after today in "Accepted on" is
# marked as soon as Tab leaves it, the status line counts the marked fields, and back on it the
# top of the form gives the whole reason. An empty required field is not marked on the way.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys 4 a
tui_wait_for 'New: Reconsideration case'
# Case number left empty (required): passing it marks nothing.
tui_keys Tab Tab Tab Tab Tab
tui_type '2025-12-01'
tui_wait_for ' Accepted on              2025-12-01              = 2025-12-01 Mon'
tui_expect_absent 'marked'
tui_keys Tab
tui_wait_for '1 field is marked; with the cursor on it, the top lines say why.'
tui_keys Up
tui_wait_line 2 ' Accepted on (2025-12-01) is after today (2025-06-30)'
tui_keys Escape
tui_wait_for 'Discard your changes? (y/n)'
tui_keys y
tui_keys F10
tui_expect_exit 0
