# tests/tui/test_desk_form_keys.sh: the keys of a form (English, 80x24, demo data of
# 2025-06-30). Every character key types there (?, j, k, q, 1-8 are text, not commands);
# the key bar and F1's help list only the keys that do something in a form; the form's keys
# are actions that duban.ini [keys] rebinds (form.clear-line, form.next-field), and the help
# then shows the new keys.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
cat >site.ini <<'INI'
[keys]
form.clear-line = ^K
form.next-field = Tab ^J
INI

tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys 4 a
tui_wait_for 'New: Reconsideration case'
tui_wait_for 'F1 Help  F2 Save  Enter Choose  Tab Next field  Esc Back'
tui_expect_absent '? Help'
# Characters that are commands elsewhere type themselves.
tui_type '?jkq12'
tui_wait_for ' Case number *            ?jkq12'
tui_expect_running
# Help lists what works here, and nothing that types.
tui_keys F1
tui_wait_for '  On this screen:'
tui_wait_for '  F2 ^S             Save'
tui_wait_for '  ^U                Clear the text'
tui_wait_for '  Backspace ^H      Delete the character before the cursor'
tui_wait_for '  F1                Show keys'
tui_expect_absent 'Everywhere:'
tui_expect_absent '? F1'
tui_expect_absent 'Esc q'
tui_expect_absent 'Dashboard'
tui_keys Escape
tui_wait_for ' Case number *            ?jkq12'
tui_keys Escape
tui_wait_for 'Discard your changes? (y/n)'
tui_keys y
tui_keys F10
tui_expect_exit 0

# Rebound in the configuration: ^K clears, ^J goes to the next field; ^U no longer clears.
DUBAN_CONFIG=$TUI_TMP/site.ini
export DUBAN_CONFIG
tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys 4 a
tui_wait_for 'New: Reconsideration case'
tui_type 'X-7'
tui_keys C-u
tui_type '8'
tui_wait_for ' Case number *            X-78'
tui_keys C-k
tui_wait_line 4 ' Case number *'
tui_type 'X-9'
tui_keys C-j
tui_type '李四'
tui_wait_for ' Applicant                李四'
tui_wait_for ' Case number *            X-9'
tui_keys F1
tui_wait_for '  ^K                Clear the text'
tui_wait_for '  Tab ^J            Next field'
tui_keys Escape
tui_keys Escape
tui_wait_for 'Discard your changes? (y/n)'
tui_keys y
tui_keys F10
tui_expect_exit 0
