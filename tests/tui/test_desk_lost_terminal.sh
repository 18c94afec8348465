# tests/tui/test_desk_lost_terminal.sh: the terminal goes away without a hangup signal (a pane
# killed while duban runs in another session, as under su): duban must see the end of its
# input and end, not spin reading nothing, and what a form held must not be lost: it is
# written to the recovery file, nothing is saved to the database half-done, and the next start
# offers the form again with that input. English, 80x24, demo data of 2025-06-30.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
real=$DUBAN
# duban in a session of its own: the pane's end sends it no SIGHUP. The wrapper notes its pid
# (exec keeps it) so the test can tell when it has ended.
cat >wrap.sh <<WRAP
#!/bin/sh
exec setsid -w sh -c 'echo \$\$ >"$TUI_TMP/duban.pid"; exec "\$0" "\$@"' "$real" "\$@"
WRAP
chmod +x wrap.sh
DUBAN=$TUI_TMP/wrap.sh
command -v setsid >/dev/null 2>&1 || { echo "tui: SKIP: no setsid"; exit 0; }

tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys 4 a
tui_wait_for 'New: Reconsideration case'
tui_type 'X-5'
tui_keys Tab
tui_type '王五'
tui_wait_for ' Applicant                王五'
pid=$(cat duban.pid)
[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || tui_fail "duban's pid is not known"
_tui_kill
n=100
while kill -0 "$pid" 2>/dev/null; do
	n=$((n - 1))
	if [ "$n" -le 0 ]; then
		kill "$pid" 2>/dev/null
		tui_fail "duban still runs 10 s after its terminal went away"
	fi
	sleep 0.1
done
[ -f .local/state/duban/recovery ] || tui_fail "no recovery file after the terminal was lost"
grep -q '王五' .local/state/duban/recovery || tui_fail "the recovery file lacks the input"
tui_duban --db db --today 2025-06-30 list reconsideration --format json >list.json
! grep -q '"case_no":"X-5"' list.json || tui_fail "the unsaved form reached the database"

# The next start offers it; y opens the form with the input, F2 saves it.
DUBAN=$real
tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Reopen the form left unsaved (New: Reconsideration case)? (y/n)'
tui_keys y
tui_wait_for 'New: Reconsideration case'
tui_wait_for ' Case number *            X-5'
tui_wait_for ' Applicant                王五'
[ ! -f .local/state/duban/recovery ] || tui_fail "the recovery file is still there once opened"
tui_keys Escape
tui_wait_for 'Discard your changes? (y/n)'
tui_keys y
tui_keys F10
tui_expect_exit 0
