# tests/tui/test_desk_wording.sh: the Chinese desk speaks Chinese throughout (demo data of
# 2025-06-30, 80x24): a form's title "新建：" has a full-width colon; a required field says
# "案号为必填项" without a stray space; a suggestion's form uses the words of the CSV headers
# (回复, 报备: not the reconsideration's 答复, not 报送司法局日期).
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
TUI_LINES=30 tui_start --db db --today 2025-06-30 --lang zh
tui_wait_for '紧急事项'
tui_keys 5
tui_wait_for '司法检察建议'
tui_keys a
tui_wait_for '新建：司法检察建议'
tui_wait_for '回复期限'
tui_wait_for '回复日期'
tui_wait_for '回复交邮日期'
tui_wait_for '报备日期'
tui_expect_absent '答复'
tui_expect_absent '报送司法局'
tui_expect_absent '新建: '
tui_keys F2
tui_wait_for '文号为必填项'
tui_expect_absent '文号 为必填项'
tui_keys Escape
tui_wait_for '司法检察建议'
tui_keys F10
tui_expect_exit 0
