# tests/tui/test_desk_review.sh: case-file reviews on the desk (English, 80x24), through the
# kind's descriptor alone: the dashboard row of the rectification duty, the list behind its
# "overdue" cell, the record with its deadline, the form of a new review.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-10-13 init
tui_duban --db db --today 2025-10-13 add agency name=县市场监督管理局 kind=department \
    >/dev/null 2>&1
tui_duban --db db --today 2025-10-13 add review agency=县市场监督管理局 \
    case_ref=德市监罚〔2025〕12号 reviewed_on=2025-09-20 grade=不合格 problems=未告知 \
    notice_no=德司执监〔2025〕3号 notice_on=2025-09-25 rectify_due_on=2025-10-09 \
    >/dev/null 2>&1

tui_start --db db --today 2025-10-13 --lang en
tui_wait_for 'Most urgent: 1'
tui_wait_for ' Case-file reviews: rectification                    1           0           0'
tui_wait_for 'Rectify   德市监罚〔2025〕12号'
# The counts pane: the rectification row (the 9th), the overdue column.
tui_keys Tab Tab Down Down Down Down Down Down Down Down Enter
tui_wait_for ' 1 row  status: overdue  by urgency'
tui_wait_for 'Case file'
tui_keys Enter
tui_wait_for 'Case-file review  县市场监督管理局  德市监罚〔20'
tui_wait_for ' Grade                      fail'
tui_wait_for 'Case-file reviews: rectification: 2025-10-09  overdue, 4 days late'
tui_keys Escape
tui_wait_for ' 1 row  status: overdue  by urgency'
tui_keys a
tui_wait_for 'New: Case-file review'
tui_wait_for ' Rectification due on'
tui_keys Escape
tui_keys F10
tui_expect_exit 0
