# tests/tui/test_desk_resize.sh: the dashboard (English, demo data of 2025-06-30) redraws
# itself whenever the terminal changes size: 80x24, then 160x48 (the urgent items and the
# agencies side by side), back to 80x24 (the same screen as at the start); at 60x20 it says
# the terminal is too small, and at 80x24 again the dashboard is back. A record screen open
# during a resize follows too.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo

tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_expect_screen dashboard-en-80x24

tui_resize 160 48
tui_wait_for 'Agencies, most overdue first; head appearances 2025'
tui_expect_screen dashboard-en-160x48

tui_resize 80 24
tui_wait_gone 'Agencies, most overdue first'
tui_expect_screen dashboard-en-80x24

tui_resize 60 20
tui_wait_for 'Terminal too small: 60x20.'
tui_expect_absent 'Most urgent:'
tui_expect_running
tui_resize 80 24
tui_wait_for 'Most urgent:'
tui_expect_screen dashboard-en-80x24

# A record, made larger and smaller while it is open.
tui_keys Enter
tui_wait_for ' Deadlines'
tui_expect_screen record-first-urgent-en-80x24
tui_resize 160 48
tui_wait_for ' History'
tui_wait_for '  root  created'
tui_wait_gone 'more below'
tui_resize 80 24
tui_wait_for 'more below'
tui_expect_screen record-first-urgent-en-80x24
tui_keys Escape
tui_wait_for 'Most urgent:'
tui_expect_screen dashboard-en-80x24
tui_keys F10
tui_expect_exit 0
