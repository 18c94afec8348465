# tests/tui/test_desk_too_small.sh: below 80x23 the desk says the terminal is too small instead
# of drawing a broken screen (79x24 and 80x22 are too small; 80x23, an 80x24 terminal with a
# tmux or screen status line, is enough); q quits from there with status 0. The message fits
# the small terminal: all of it, "(q quits)" included, is on the screen at 60x20, in English
# and in Chinese. A form's input is never lost there: q asks the question F10 asks, n keeps
# the form, and it is all there when the window is large again.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo

TUI_COLS=60 TUI_LINES=20
tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Terminal too small: 60x20.'
tui_expect_absent 'Most urgent:'
tui_resize 79 24
tui_wait_for 'Terminal too small: 79x24.'
tui_resize 80 22
tui_wait_for 'Terminal too small: 80x22.'
tui_resize 80 23
tui_wait_for 'Most urgent:'
tui_expect_absent 'Terminal too small'
tui_resize 80 24
tui_wait_for 'Most urgent:'
tui_expect_screen dashboard-en-80x24
tui_resize 60 20
tui_wait_for 'Terminal too small: 60x20.'
# Keys other than q do nothing while the terminal is too small (4 would open a list).
tui_keys 4 Enter
tui_wait_for 'Terminal too small: 60x20.'
tui_expect_running
tui_keys q
tui_expect_exit 0
# The terminal is given back (the alternate screen left: tmux shows the shell's screen).
tui_wait_pane '#{alternate_on}' 0

# The whole message at 60x20, so that it tells how to get out; in Chinese in the Chinese
# desk. Both are checked before failing, so the report names each problem.
problems=
tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Terminal too small: 60x20.'
(tui_wait_for '80x23' 2 && tui_wait_for 'Enlarge the window (q quits).' 1) ||
    problems="$problems; English: the message is cut at 60 columns"
tui_keys q
tui_expect_exit 0

tui_start --db db --today 2025-06-30
tui_wait_for '60x20'
(tui_wait_for '80x23' 2 && tui_wait_for '退出' 1) ||
    problems="$problems; Chinese: the message is cut, or not in Chinese"
tui_keys q
tui_expect_exit 0
[ -z "$problems" ] || tui_fail "the too-small message at 60x20${problems}"

# A form with input: shrinking keeps it; q asks first; n stays; enlarged, all is there.
TUI_COLS=80 TUI_LINES=24
tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys 4 a
tui_wait_for 'New: Reconsideration case'
tui_type 'X-9'
tui_wait_for ' Case number *            X-9'
tui_resize 60 20
tui_wait_for 'Terminal too small: 60x20.'
tui_keys q
tui_wait_for 'Discard your changes? (y/n)'
tui_keys n
tui_expect_running
tui_resize 80 24
tui_wait_for ' Case number *            X-9'
tui_resize 60 20
tui_wait_for 'Terminal too small: 60x20.'
tui_keys q
tui_wait_for 'Discard your changes? (y/n)'
tui_keys y
tui_expect_exit 0
