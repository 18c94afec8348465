# tests/tui/test_desk_form_reconsideration.sh: a reconsideration case created through the form
# with Chinese fields (English interface, 80x24, demo data of 2025-06-30): the agency is picked
# from a list narrowed by what was typed;
# dates in three of the accepted spellings show what they parse to and the due dates they
# give as you type; F2 saves; '/' finds the case in the list by number and by applicant, with
# the right reply due date; the CLI agrees.
#
# The reply due date, by hand (行政复议法(2023) 第48条: 10 working days from the day the agency
# received the copy, that day not counted; data/calendar/cn-2025.txt has no rest day and no
# make-up working day between 端午 (ends 06-02) and the 国庆 make-up day 09-28):
#	copy received 2025-06-23 Mon
#	06-24 Tue 1, 06-25 Wed 2, 06-26 Thu 3, 06-27 Fri 4, (06-28, 06-29 weekend),
#	06-30 Mon 5, 07-01 Tue 6, 07-02 Wed 7, 07-03 Thu 8, 07-04 Fri 9, (07-05, 07-06 weekend),
#	07-07 Mon 10			-> reply due 2025-07-07
# On 2025-06-30 that is pending (not within the 3 working days of "due soon"), 5 working days
# left (07-01, 07-02, 07-03, 07-04, 07-07).
# The copy (第48条, 7 working days from acceptance 2025-06-20 Fri): 06-23 1 ... 06-27 5,
# 06-30 6, 07-01 7 -> 2025-07-01. The decision (第62条, 60 days from acceptance): 2025-08-19.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
tui_duban --db db --today 2025-06-30 list reconsideration --format json >before.json
rows=$(grep -c '"case_no":' before.json)
tui_duban --db db --today 2025-06-30 deadline reconsideration-reply 2025-06-23 >due.txt
[ "$(cat due.txt)" = 2025-07-07 ] || tui_fail "duban deadline says $(cat due.txt), not 2025-07-07"

tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys 4
tui_wait_for " $rows rows  by urgency"
tui_keys a
tui_wait_for 'New: Reconsideration case'
tui_wait_for ' Copy received by the ag~'

# Case number, applicant.
tui_type '德政复〔2025〕900号'
tui_wait_for ' Case number *            德政复〔2025〕900号'
tui_keys Tab
tui_type '张三丰'
tui_wait_for ' Applicant                张三丰'

# Respondent agency: typing 公安 lists the agencies that hold it, the best one marked;
# Enter takes it and moves on.
tui_keys Tab
tui_type '公安'
tui_wait_for ' Kind of act              > 县公安局'
tui_keys Enter
tui_wait_for ' Respondent agency *      县公安局                = 县公安局'
tui_wait_for ' Kind of act'
tui_expect_absent ' Kind of act              县公安局'

# Kind of act, received on: left empty. Accepted on, copy sent on, copy received on: three
# spellings; each shows its date and weekday, and the due dates follow as they are typed.
tui_keys Tab Tab
tui_type '2025/6/20'
tui_wait_for ' Accepted on              2025/6/20               = 2025-06-20 Fri'
tui_wait_for ' Copy due on              2025-07-01'
tui_wait_for ' Decision due on          2025-08-19'
tui_keys Tab
tui_type '2025.6.20'
tui_wait_for ' Copy sent on             2025.6.20               = 2025-06-20 Fri'
tui_keys Tab
tui_type '2025年6月23日'
tui_wait_for ' Copy received by the ag~ 2025年6月23日           = 2025-06-23 Mon'
tui_wait_for ' Reply due on             2025-07-07'
tui_expect_screen form-reconsideration-en-80x24

# F2 saves and goes back to the list, which has one row more.
tui_keys F2
tui_wait_for 'Saved: Reconsideration case '
rows=$((rows + 1))
tui_wait_for " $rows rows  by urgency"

# '/' filters as you type: by case number, then by the applicant's name.
tui_keys /
tui_type 900
tui_wait_for ' 德政复〔2025〕900号    县公安局       2025-07-07 pending  5 wd left'
tui_wait_for '/900_'
tui_wait_for ' 1 row'
tui_expect_absent '德政复〔2022〕10号'
tui_keys Escape
tui_wait_for " $rows rows  by urgency"
tui_keys /
tui_type '张三丰'
tui_wait_for '/张三丰_'
tui_wait_for ' 1 row'
tui_wait_for ' 德政复〔2025〕900号    县公安局       2025-07-07 pending  5 wd left'
tui_expect_absent '德政复〔2022〕10号'

# Enter ends the filter (the list keeps it), Enter again opens the case.
tui_keys Enter
tui_wait_gone '/张三丰_'
tui_wait_for '/张三丰'
tui_keys Enter
tui_wait_for 'Reconsideration case  德政复〔2025〕900号'
tui_wait_for ' Applicant                       张三丰'
tui_wait_for ' Reply due on                    2025-07-07'
tui_keys G
tui_wait_for "Reconsideration: agency's reply: 2025-07-07  pending, 5 working days left"
tui_keys F10
tui_expect_exit 0

# The CLI reads the same case from the database.
tui_duban --db db --today 2025-06-30 list reconsideration --format json >list.json
grep -F '"case_no":"德政复〔2025〕900号"' list.json >case.json ||
    tui_fail "duban list reconsideration does not list 德政复〔2025〕900号"
for kv in applicant=张三丰 agency=县公安局 accepted_on=2025-06-20 copy_sent_on=2025-06-20 \
    copy_received_on=2025-06-23 copy_due_on=2025-07-01 reply_due_on=2025-07-07 \
    decision_due_on=2025-08-19; do
	got=$(tui_json_objects case.json | tui_json_val "${kv%%=*}" | head -n 1)
	[ "$got" = "${kv#*=}" ] || tui_fail "duban list: ${kv%%=*} is \"$got\", not \"${kv#*=}\""
done
tui_duban --db db --today 2025-06-30 --lang en show reconsideration '德政复〔2025〕900号' >show.txt
grep -q '^Reply due on  *2025-07-07$' show.txt ||
    tui_fail "duban show does not say the reply is due 2025-07-07"
