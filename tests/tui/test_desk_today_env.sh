# tests/tui/test_desk_today_env.sh: without --today the desk takes $DUBAN_TODAY; other keys
# do not quit.
. "$(dirname "$0")/lib.sh"

tui_duban --lang en --today 2025-03-05 --db db init

DUBAN_TODAY=2024-02-29
export DUBAN_TODAY
tui_start --lang en --db db
tui_wait_for 'Today: 2024-02-29'
tui_keys x j Enter
tui_wait_for 'Today: 2024-02-29'
tui_expect_running
tui_keys q
tui_expect_exit 0
