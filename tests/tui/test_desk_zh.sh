# tests/tui/test_desk_zh.sh: the placeholder desk in Chinese at 80x24 and 200x50: today's
# date from --today, the database path, q quits with status 0.
. "$(dirname "$0")/lib.sh"

tui_duban --lang en --today 2025-03-05 --db db init

tui_start --lang zh --today 2025-03-05 --db db
tui_wait_for '2025-03-05'
tui_expect_screen desk-zh-80x24
tui_keys q
tui_expect_exit 0

TUI_COLS=200 TUI_LINES=50
tui_start --lang zh --today 2025-03-05 --db db
tui_wait_for '2025-03-05'
tui_expect_screen desk-zh-200x50
tui_keys q
tui_expect_exit 0
