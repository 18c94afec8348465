# tests/tui/test_desk_fullwidth_duplicate.sh: the same case twice (issue 11, finding 4). In a
# new litigation form, the demo's case (2025)浙0521行初361号 typed with full-width brackets is
# refused at F2, naming the case as recorded; nothing is saved; with another number it saves.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
before=$(tui_duban --db db --today 2025-06-30 list litigation --format json | grep -c '"case_no":')

# Wide enough for the whole reason on the status line.
TUI_COLS=160
tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys 2
tui_wait_for " $before rows"
tui_keys a
tui_wait_for 'New: Litigation case'
tui_type '（2025）浙0521行初361号'
tui_keys Tab Tab
tui_type '县公安局'
tui_wait_for '= 县公安局'
tui_keys F2
tui_wait_for 'Not saved'
tui_keys Down Up
tui_wait_for 'already recorded as "(2025)浙0521行初361号" (record 361)'
tui_duban --db db --today 2025-06-30 list litigation --format json >during.json
[ "$(grep -c '"case_no":' during.json)" = "$before" ] || tui_fail "the duplicate was saved"
tui_keys Up Up Up Up Up Up Up Up Up Up Up Up C-u
tui_type '（2025）浙0521行初999号'
tui_keys F2
tui_wait_for 'Saved: Litigation case '
tui_keys F10
tui_expect_exit 0
tui_duban --db db --today 2025-06-30 list litigation --format json >after.json
grep -q '"case_no":"（2025）浙0521行初999号"' after.json ||
    tui_fail "the new case was not saved as typed"
