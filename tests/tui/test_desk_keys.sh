# tests/tui/test_desk_keys.sh: help, menu and quitting (English, 80x24, demo data of
# 2025-06-30). ? lists the keys of the screen it is pressed on, then the ones that work
# everywhere; : opens the menu of sections, Enter goes to one; q on the dashboard asks before
# quitting (n stays, y quits with status 0); Esc on the dashboard does nothing; F10 quits at
# once from any screen, and so does the menu's last line. Every way out gives the terminal
# back: the alternate screen is left (tmux keeps that flag of an ended pane; it would stay on
# had duban not called endwin; the cursor's flag tmux clears in any ended pane).
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo

# The terminal as duban found it: tmux shows the normal screen (empty).
expect_restored() {
	tui_wait_pane '#{alternate_on}' 0
	tui_expect_absent 'Today 2025-06-30'
}

tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_wait_pane '#{alternate_on}' 1

# Help on the dashboard: its own keys first, then the others.
tui_keys '?'
tui_wait_for 'Keys      '
tui_wait_for '  On this screen:'
tui_wait_for '  Enter             Open the selected item'
tui_wait_for '  n                 督办 notice for this agency'
tui_wait_for '  Everywhere:'
tui_wait_for '  Esc q             Back'
tui_wait_for '  ? F1              Show keys'
tui_wait_for 'Esc Back  PgDn Page  F10 Quit'
tui_keys PgDn
tui_wait_for '  4                 Reconsideration cases'
tui_wait_for '  F10 Q             Quit duban'
tui_wait_for 'In forms every character key types: F1 lists a form'"'"'s keys.'
tui_keys Escape
tui_wait_for 'Most urgent:'
tui_expect_screen dashboard-en-80x24

# Help on a list: the list's keys.
tui_keys 4
tui_wait_for ' rows  by urgency'
tui_keys '?'
tui_wait_for '  On this screen:'
tui_wait_for '  /                 Filter as you type'
tui_wait_for '  f                 Filter by status'
tui_wait_for '  a Ins F7          New record'
tui_keys Escape
tui_wait_for ' rows  by urgency'

# The menu: every section, and quitting; Enter goes to the selected one.
tui_keys :
tui_wait_for 'Menu      '
tui_wait_for '  1       Dashboard'
tui_wait_for '  4       Reconsideration cases'
tui_wait_for '  6       Agencies'
tui_wait_for '  F10 Q   Quit duban'
tui_keys Down Down
tui_keys Enter
tui_wait_for 'Hearing      '
tui_wait_for ' rows  by urgency'
tui_keys :
tui_wait_for '  1       Dashboard'
tui_keys Enter
tui_wait_for 'Most urgent:'

# Esc on the dashboard stays (it is pressed to cancel things); q leaves at once: the
# dashboard holds nothing unsaved.
tui_keys Escape
tui_wait_for 'Most urgent:'
tui_expect_running
tui_expect_screen dashboard-en-80x24
tui_keys q
tui_expect_exit 0
expect_restored

# F10 from a record, two screens deep: no question.
tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys 4
tui_wait_for ' rows  by urgency'
tui_keys Enter
tui_wait_for ' Deadlines'
tui_keys F10
tui_expect_exit 0
expect_restored

# The menu's last line.
tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys :
tui_wait_for '  F10 Q   Quit duban'
tui_keys G Enter
tui_expect_exit 0
expect_restored
