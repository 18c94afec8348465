# tests/tui/test_desk_missing_db.sh: without a database the desk does not open: duban says
# where it looked and how to create one, and exits 3 before taking over the screen.
. "$(dirname "$0")/lib.sh"

tui_start --lang en --today 2025-03-05 --db db
tui_expect_exit 3
tui_wait_for 'duban init'
tui_expect_screen desk-missing-db-en
[ ! -e db ] || tui_fail "the desk created a database file"

tui_start --lang zh --today 2025-03-05 --db db
tui_expect_exit 3
tui_wait_for 'duban init'
tui_expect_screen desk-missing-db-zh
