# tests/tui/test_desk_finalize.sh: freezing a year's assessment (7, then F) on 2025-06-30
# (English, 80x24, demo data). The question names the year. 2025 has not ended: a second
# question warns that its figures still change, and n there freezes nothing; y to both
# freezes it. 2024 has ended: one question is enough.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys 7
tui_wait_for 'not finalized'
tui_keys '>'
tui_wait_for '2025'
tui_keys F
tui_wait_for 'Finalize 2025? Its results will be stored and will no longer change. (y/n)'
tui_keys y
tui_wait_for '2025 is not over yet; its figures will still change. Freeze it anyway? (y/n)'
tui_keys n
tui_wait_gone 'Freeze it anyway?'
tui_wait_for 'not finalized'
tui_expect_absent '2025 is finalized.'
tui_duban --db db --today 2025-06-30 assess 2025 --format json >y2025.json
grep -q '"finalized":false' y2025.json || tui_fail "2025 was frozen after n"

tui_keys F
tui_wait_for 'Finalize 2025?'
tui_keys y
tui_wait_for 'Freeze it anyway?'
tui_keys y
tui_wait_for '2025 is finalized.'
tui_duban --db db --today 2025-06-30 assess 2025 --format json >y2025.json
grep -q '"finalized":true' y2025.json || tui_fail "2025 was not frozen after y, y"

# 2024 is over: one question.
tui_keys '<'
tui_wait_for 'not finalized'
tui_keys F
tui_wait_for 'Finalize 2024? Its results will be stored'
tui_keys y
tui_wait_for '2024 is finalized.'
tui_expect_absent 'Freeze it anyway?'
tui_keys F10
tui_expect_exit 0
