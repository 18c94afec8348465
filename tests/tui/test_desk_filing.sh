# tests/tui/test_desk_filing.sh: a kind added through its descriptor alone reaches the desk
# (English, 80x24): rule filings (制度备案) have a dashboard row with their counts; Enter on
# its "due soon" cell lists them, Enter opens the record (its deadline under Deadlines), a
# opens the form of a new filing with the kind's fields, the agency picker offers agencies.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-09-30 init
tui_duban --db db --today 2025-09-30 add agency name=县司法局 kind=department >/dev/null 2>&1
tui_duban --db db --today 2025-09-30 add filing agency=县司法局 title=行政执法公示制度 \
    effective_on=2025-09-20 doc_no=司发〔2025〕3号 >/dev/null 2>&1

tui_start --db db --today 2025-09-30 --lang en
tui_wait_for 'Most urgent: 1'
tui_wait_for ' Work rules: filing                                  0           0           1'
tui_wait_for 'Filing    行政执法公示制度      县司法局'
# The counts pane: the filing row (the 7th), the due-soon column.
tui_keys Tab Tab Down Down Down Down Down Down Right Right Enter
tui_wait_for ' 1 row  status: due soon  by urgency'
tui_wait_for 'Title of the rule'
tui_wait_for '行政执法公示制度'
tui_keys Enter
tui_wait_for 'Rule filing  县司法局  行政执法公示制度'
tui_wait_for ' Deadlines'
tui_wait_for 'Work rules: filing: 2025-10-09  due soon'
tui_keys Escape
tui_wait_for ' 1 row  status: due soon  by urgency'
tui_keys a
tui_wait_for 'New: Rule filing'
tui_wait_for ' Title of the rule'
tui_wait_for ' In effect from'
# The agency, the first field: Enter picks from the agencies core offers.
tui_keys Enter
tui_wait_for '县司法局'
tui_keys Escape Escape
tui_keys F10
tui_expect_exit 0
