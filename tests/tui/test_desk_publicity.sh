# tests/tui/test_desk_publicity.sh: publicity of enforcement decisions on the desk (English,
# 80x24), through the kind's descriptor alone: its dashboard row and counts, the list behind
# its "due today" cell, the record with its deadline, the form of a new decision.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-10-13 init
tui_duban --db db --today 2025-10-13 add agency name=县市场监督管理局 kind=department \
    >/dev/null 2>&1
tui_duban --db db --today 2025-10-13 add publicity decision_no=德市监罚〔2025〕12号 \
    agency=县市场监督管理局 kind=处罚 decided_on=2025-09-26 party=某公司 >/dev/null 2>&1

tui_start --db db --today 2025-10-13 --lang en
tui_wait_for 'Most urgent: 1'
tui_wait_for ' Enforcement decisions: publicity                    0           1           0'
tui_wait_for 'Publicity 德市监罚〔2025〕12号'
# The counts pane: the publicity row (the 8th), the due-today column.
tui_keys Tab Tab Down Down Down Down Down Down Down Right Enter
tui_wait_for ' 1 row  status: due today  by urgency'
tui_wait_for 'Decision number'
tui_keys Enter
tui_wait_for 'Decision published  德市监罚〔2025〕12号'
tui_wait_for ' Kind of decision    administrative penalty'
tui_wait_for 'Enforcement decisions: publicity: 2025-10-13  due today'
tui_keys Escape
tui_wait_for ' 1 row  status: due today  by urgency'
tui_keys a
tui_wait_for 'New: Decision published'
tui_wait_for ' Published where'
tui_wait_for ' Taken down on'
tui_keys Escape
tui_keys F10
tui_expect_exit 0
