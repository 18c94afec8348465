# tests/tui/test_desk_officer.sh: enforcement officers on the desk (English, 80x24), through
# the kind's descriptor alone: the certificate-expiry row, the list behind its "due soon" cell,
# the record with the deadline, the form of a new officer.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init
tui_duban --db db --today 2025-06-30 add agency name=县市场监督管理局 kind=department \
    >/dev/null 2>&1
tui_duban --db db --today 2025-06-30 add officer agency=县市场监督管理局 name=王伟 \
    id_no=330521198801011234 cert_no=浙D100231 state=有效 valid_until=2025-07-03 \
    >/dev/null 2>&1

tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent: 1'
tui_wait_for ' Certificates: expiry                                0           0           1'
# The counts pane: the certificate row (the 10th), the due-soon column.
tui_keys Tab Tab Down Down Down Down Down Down Down Down Down Right Right Enter
tui_wait_for ' 1 row  status: due soon  by urgency'
tui_wait_for '王伟'
tui_keys Enter
tui_wait_for 'Enforcement officer  县市场监督管理局  王伟'
tui_wait_for ' ID card number           330521198801011234'
tui_wait_for 'Certificates: expiry: 2025-07-03  due soon'
tui_keys Escape
tui_wait_for ' 1 row  status: due soon  by urgency'
tui_keys a
tui_wait_for 'New: Enforcement officer'
tui_wait_for ' On the establishment'
tui_keys Escape
tui_keys F10
tui_expect_exit 0
