# tests/tui/test_desk_form_pick.sh: a choice field stores what the user chose (Chinese desk,
# 80x24, demo data of 2025-06-30). Typing narrows the list and marks the best match: 检察 gives
# 检察建议 (not the first row, 司法建议), 二 gives 二审; a choice already there is replaced by
# what is typed, never added to; text that matches nothing stays, and the field says why;
# with NO_COLOR the marked row is in reverse video (the others are not). The list's agency
# filter (A) chooses with the same picker.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo

tui_start --db db --today 2025-06-30
tui_wait_for '紧急事项'
tui_keys 5 a
tui_wait_for '新建：'
tui_type 'X-1号'
tui_keys Tab
tui_type '检察'
tui_wait_for ' 发出机关       > 检察建议'
tui_keys Enter
tui_wait_for ' 建议类别 *     检察建议                    = 检察建议'
tui_keys Escape
tui_wait_for '(y/n)'
tui_keys y

# 审级: 二 -> 二审; back on it, 一 replaces it (一审, not 二审一).
tui_keys 2 a
tui_wait_for ' 审级   '
tui_keys Tab Tab Tab Tab Tab
tui_type '二'
tui_wait_for '> 二审'
tui_keys Enter
tui_wait_for ' 审级                 二审'
tui_keys Up
tui_type '一'
tui_wait_for '> 一审'
tui_keys Enter
tui_wait_for ' 审级                 一审'
tui_expect_absent '二审一'
# Enter on a choice as it stands: the whole list, that choice marked; Down, Enter: the next.
tui_keys Up Enter
tui_wait_for '> 一审'
tui_wait_for '  二审'
tui_keys Down Enter
tui_wait_for ' 审级                 二审'
tui_keys Up
# Matching nothing: the text stays, the list says so, and the field is marked with why.
tui_type 'xyz'
tui_wait_for '（无匹配项'
tui_keys Enter
tui_wait_for ' 审级                 xyz'
tui_wait_for '有 1 个字段标记有误'
tui_keys Escape
tui_wait_for '(y/n)'
tui_keys y
tui_keys F10
tui_expect_exit 0

# Without colour the marked row is in reverse video; the row above it is not.
NO_COLOR=1
export NO_COLOR
esc=$(printf '\033')
tui_start --db db --today 2025-06-30
tui_wait_for '紧急事项'
tui_keys 5 a
tui_wait_for '新建：'
tui_keys Tab
tui_type '建议'
tui_wait_for '> 司法建议'
tui_wait_for '  检察建议'
tui_keys Down
tui_wait_for '> 检察建议'
sel=$(tui_screen_attrs | grep -n '检察建议' | head -n 1 | cut -d: -f1)
other=$(tui_screen_attrs | grep -n '  司法建议' | head -n 1 | cut -d: -f1)
tui_screen_attrs | sed -n "${sel}p" | grep -q "$esc\[[0-9;]*7[;m]" ||
    tui_fail "NO_COLOR: the marked choice is not in reverse video"
tui_screen_attrs | sed -n "${other}p" | grep -q "$esc\[[0-9;]*7[;m]" &&
    tui_fail "NO_COLOR: a choice not marked is in reverse video too"
tui_keys Enter
tui_wait_for ' 建议类别 *     检察建议'
tui_keys F10
tui_wait_for '(y/n)'
tui_keys y
tui_expect_exit 0

# The list's agency filter (A) uses the same picker: 公安 marks 县公安局, Enter takes it.
unset NO_COLOR
tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys 2
tui_wait_for '  by urgency'
tui_keys A
tui_wait_for 'Agency (name, short name or code):'
tui_type '公安'
tui_wait_for '> 县公安局'
tui_keys Enter
tui_wait_for 'agency: 县公安局'
# Its first item shows every agency again.
tui_keys A
tui_wait_for '> (every agency)'
tui_keys Enter
tui_wait_gone 'agency: 县公安局'
tui_keys F10
tui_expect_exit 0
