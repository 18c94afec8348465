# tests/tui/test_desk_too_small.sh: below 80x24 the desk says the terminal is too small
# instead of drawing a broken screen, and draws itself once the terminal is large enough.
. "$(dirname "$0")/lib.sh"

tui_duban --lang en --today 2025-03-05 --db db init

TUI_COLS=60 TUI_LINES=20
tui_start --lang en --today 2025-03-05 --db db
tui_wait_for 'too small'
tui_expect_screen desk-too-small-en-60x20
tui_resize 80 24
tui_wait_for 'Today: 2025-03-05'
tui_expect_screen desk-en-80x24
tui_resize 79 24
tui_wait_for 'too small'
tui_keys q
tui_expect_exit 0

tui_start --lang zh --today 2025-03-05 --db db
tui_wait_for '80x24'
tui_expect_screen desk-too-small-zh-60x20
tui_keys q
tui_expect_exit 0
