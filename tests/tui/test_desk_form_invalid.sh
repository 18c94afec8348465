# tests/tui/test_desk_form_invalid.sh: a refused save keeps everything typed. English, 80x24,
# demo data of 2025-06-30: a new reconsideration case with an impossible date (2025-02-30) in
# "Accepted on"; as it is typed the field already says why; F2 does not save, says so (the
# count is of the marked fields), marks
# the field with its reason and keeps every field's text; the whole reason, wrapped when it is
# long, is at the top when the field has the focus; the date corrected, F2 saves.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
rows=$(tui_duban --db db --today 2025-06-30 list reconsideration --format json | grep -c '"case_no":')

tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys 4
tui_wait_for " $rows rows  by urgency"
tui_keys a
tui_wait_for 'New: Reconsideration case'
tui_type 'X-1'
tui_keys Tab
tui_type '李四'
tui_keys Tab
tui_type '县公安局'
tui_wait_for ' Respondent agency *      县公安局                = 县公安局'
# Kind of act, application received on: empty; accepted on: 2025-02-30; copy sent on: a good
# date, which must survive the refusal too.
tui_keys Tab Tab Tab
tui_type '2025-02-30'
tui_wait_for ' Accepted on              2025-02-30              "2025-02-30": there is no da~'
tui_keys Tab
tui_type '2025-03-03'
tui_wait_for ' Copy sent on             2025-03-03              = 2025-03-03 Mon'

tui_keys F2
tui_wait_for 'Not saved: 1 field is marked'
# The count is of the fields marked, and the whole reason of the one with the focus is on the
# status line at once.
tui_wait_for 'Accepted on: "2025-02-30": there is no day 30 in 2025-02 (it has 28 days)'
# Still the form, every field as typed; the focus went to the field at fault.
tui_wait_for 'New: Reconsideration case'
tui_wait_for ' Case number *            X-1'
tui_wait_for ' Applicant                李四'
tui_wait_for ' Respondent agency *      县公安局'
tui_wait_for ' Accepted on              2025-02-30              "2025-02-30": there is no da~'
tui_wait_for ' Copy sent on             2025-03-03'
tui_expect_screen form-invalid-date-en-80x24
# Down and back up: the top of the form gives the whole reason of the focused field.
tui_keys Down Up
tui_wait_line 2 ' Accepted on: "2025-02-30": there is no day 30 in 2025-02 (it has 28 days)'
# A reason longer than a line is wrapped, not cut: "Simplified procedure" is yes or no.
tui_keys Down Down Down
tui_type '2025.7.2'
tui_keys Escape
tui_wait_for 'true/false, 1/0)'
tui_keys C-u Up Up Up
tui_wait_line 2 ' Accepted on: "2025-02-30": there is no day 30 in 2025-02 (it has 28 days)'

# Nothing was saved.
tui_duban --db db --today 2025-06-30 list reconsideration --format json >during.json
! grep -q '"case_no":"X-1"' during.json || tui_fail "the refused case was saved"

# ^U clears the field (the focus is on it), the right date, F2: saved.
tui_keys C-u
tui_wait_line 9 ' Accepted on'
tui_type '2025-02-28'
tui_wait_for ' Accepted on              2025-02-28              = 2025-02-28 Fri'
tui_keys F2
tui_wait_for 'Saved: Reconsideration case '
tui_wait_for " $((rows + 1)) rows  by urgency"
tui_keys F10
tui_expect_exit 0

tui_duban --db db --today 2025-06-30 list reconsideration --format json >after.json
grep '"case_no":"X-1"' after.json | grep -q '"accepted_on":"2025-02-28"' ||
    tui_fail "duban list does not show X-1 accepted on 2025-02-28"
grep '"case_no":"X-1"' after.json | grep -q '"copy_sent_on":"2025-03-03"' ||
    tui_fail "duban list does not show X-1's copy sent on 2025-03-03"
