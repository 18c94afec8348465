# tests/tui/test_desk_control_chars.sh: control characters in data never reach the terminal
# raw. The CLI refuses them (exit 2, and says which field); a record that has them anyway
# (written into the database directly with sqlite3) is shown with U+FFFD in their place, in
# the list, the record screen and the edit form: "[31mRED" stays text, the screen is not
# cleared by ESC [2J, and the pane's title is not set by ESC ] 2 ; ... BEL. English, 80x24,
# demo data of 2025-06-30.
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || tui_fail "sqlite3 is missing (make deps)"
tui_duban --db db --today 2025-06-30 init --demo

# The CLI: refused, nothing written.
set +e
env -i HOME="$TUI_TMP" PATH=/usr/bin:/bin LANG=C.UTF-8 "$DUBAN" --db db --today 2025-06-30 \
    --lang en add litigation case_no=X1 agency=县公安局 plaintiff="$(printf 'a\033[31mRED')" \
    complaint_received_on=2025-06-15 >add.out 2>add.err
rc=$?
set -e
[ "$rc" = 2 ] || tui_fail "duban add with ESC in plaintiff exited $rc, not 2"
grep -q 'plaintiff: .*control characters' add.err ||
    tui_fail "duban add does not say the plaintiff has control characters: $(cat add.err)"
tui_duban --db db --today 2025-06-30 --lang en list litigation --format json >list.json
! grep -q '"case_no":"X1' list.json || tui_fail "the refused record was saved"

# The same record without them, then the control characters put in behind duban's back:
# ESC [2J (clear the screen) in the number, ESC [31m in the plaintiff, and in the note an
# OSC title (ESC ] 2 ; pwned BEL), a C1 CSI (U+009B) and a byte that is not UTF-8.
tui_duban --db db --today 2025-06-30 add litigation case_no=X1 agency=县公安局 plaintiff=aRED \
    complaint_received_on=2025-06-15 2>/dev/null
sqlite3 db "UPDATE litigation_cases SET case_no = 'X1' || char(27) || '[2J',
    plaintiff = 'a' || char(27) || '[31mRED',
    note = char(27) || ']2;pwned' || char(7) || 'x' || char(155) || 'y' || CAST(X'FF' AS TEXT)
    || 'z' WHERE case_no = 'X1'" || tui_fail "sqlite3 could not change the record"

tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
title=$(tui_pane '#{pane_title}')
tui_keys 2
tui_wait_for '  by urgency'
tui_keys /
tui_type X1
tui_wait_for '/X1_'
tui_wait_for ' X1�[2J '
tui_wait_for '  by urgency'
tui_keys Enter Enter
tui_wait_for 'Litigation case  X1�[2J'
tui_wait_for ' Case number                 X1�[2J'
tui_wait_for ' Plaintiff                   a�[31mRED'
tui_wait_for ' Note                        �]2;pwned�x�y�z'
[ "$(tui_pane '#{pane_title}')" = "$title" ] ||
    tui_fail "the pane's title changed to \"$(tui_pane '#{pane_title}')\": OSC reached the terminal"
# No red on the screen: ESC [31m did not reach the terminal either (and nothing else is red
# on this record: its defence is due today, not overdue).
esc=$(printf '\033')
! tui_screen_attrs | grep -q "$esc\\[31m" || tui_fail "red on the screen: ESC [31m got through"

# The edit form shows the same, and says why the fields cannot be saved as they are.
tui_keys e
tui_wait_for 'Edit: Litigation case'
tui_wait_for ' Case number *            X1�[2J'
tui_wait_for ' Plaintiff                a�[31mRED'
tui_wait_for 'contains control'
tui_keys Escape
tui_wait_for 'Litigation case  X1�[2J'
tui_keys F10
tui_expect_exit 0
