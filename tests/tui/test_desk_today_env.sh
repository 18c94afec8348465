# tests/tui/test_desk_today_env.sh: without --today the desk takes $DUBAN_TODAY and counts as
# of that day, the same as the CLI for that day; a day whose deadlines run into a year the
# calendar does not cover gets the warning line. Keys that mean nothing do not quit.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo

DUBAN_TODAY=2025-06-27
export DUBAN_TODAY
tui_duban --db db dashboard --format json >dashboard.json
grep -q '"today":"2025-06-27"' dashboard.json || tui_fail "duban dashboard ignores DUBAN_TODAY"
tui_start --db db --lang en
tui_wait_for 'Today 2025-06-27'
tui_wait_for 'Most urgent:'
tui_expect_counts dashboard.json
tui_wait_for 'Due soon = within 3 working days.'
tui_keys x Escape
tui_keys ';'
tui_wait_for 'Today 2025-06-27'
tui_expect_running
tui_keys F10
tui_expect_exit 0

# 2026-12-28: due soon and decision periods run into 2027, which has no schedule yet.
DUBAN_TODAY=2026-12-28
tui_start --db db --lang en
tui_wait_for 'Today 2026-12-28'
tui_wait_for 'no official holiday schedule for 2027'
tui_keys F10
tui_expect_exit 0
