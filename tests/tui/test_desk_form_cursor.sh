# tests/tui/test_desk_form_cursor.sh: in a form the terminal's cursor stands in the focused
# field, after the text, and moves by character over wide (Chinese) characters: Left over 号
# goes back two columns, over 0 one. English, 80x24, demo data of 2025-06-30, a new
# reconsideration case (labels are 24 columns wide, so the boxes start at column 26).
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
rows=$(tui_duban --db db --today 2025-06-30 list reconsideration --format json | grep -c '"case_no":')

tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys 4
tui_wait_for " $rows rows  by urgency"
tui_keys a
tui_wait_for 'New: Reconsideration case'

# The cursor is shown (tmux's cursor_flag), in the first field, at its start.
tui_wait_pane '#{cursor_flag}' 1
tui_wait_pane '#{cursor_x},#{cursor_y}' 26,3 3
# 德政复〔2025〕900号 is 19 columns wide: 德政复 6, 〔 2, 2025 4, 〕 2, 900 3, 号 2.
tui_type '德政复〔2025〕900号'
tui_wait_for ' Case number *            德政复〔2025〕900号'
tui_wait_pane '#{cursor_x},#{cursor_y}' 45,3 3
tui_keys Left
tui_wait_pane '#{cursor_x},#{cursor_y}' 43,3 3
tui_keys Left
tui_wait_pane '#{cursor_x},#{cursor_y}' 42,3 3
tui_keys Right Right
tui_wait_pane '#{cursor_x},#{cursor_y}' 45,3 3
# Typing in the middle inserts at the cursor: 9 before 号.
tui_keys Left
tui_type 9
tui_wait_for ' Case number *            德政复〔2025〕9009号'
tui_wait_pane '#{cursor_x},#{cursor_y}' 44,3 3

# The next field: its own start, then after 张三丰 (6 columns).
tui_keys Tab
tui_wait_pane '#{cursor_x},#{cursor_y}' 26,4 3
tui_type '张三丰'
tui_wait_for ' Applicant                张三丰'
tui_wait_pane '#{cursor_x},#{cursor_y}' 32,4 3

# Leaving the form (and its changes) hides the cursor again.
tui_keys Escape
tui_wait_for 'Discard your changes? (y/n)'
tui_keys y
tui_wait_for " $rows rows  by urgency"
tui_wait_pane '#{cursor_flag}' 0
tui_keys F10
tui_expect_exit 0
