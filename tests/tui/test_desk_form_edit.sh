# tests/tui/test_desk_form_edit.sh: editing a record (English, 80x24, demo data of
# 2025-06-30). The form opens with the record's values; a change made meanwhile by someone
# else (the CLI) is not overwritten: F2 says so and keeps what was typed; Esc asks before
# throwing the typing away (n stays, y leaves); the record screen then shows the other change
# (checked last, so the rest runs either way). A form left unchanged closes on Esc without a
# question, and a save shows on the record.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
tui_duban --db db --today 2025-06-30 --lang en list reconsideration --format json >list.json
# The first case in the list (by urgency) and its applicant.
first=$(head -n 2 list.json | tail -n 1)
key=$(printf '%s\n' "$first" | tui_json_val case_no)
id=$(printf '%s\n' "$first" | tui_json_val id)
applicant=$(printf '%s\n' "$first" | tui_json_val applicant)
[ -n "$key" ] && [ -n "$applicant" ] || tui_fail "no first reconsideration case in the CLI's list"

tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys 4
tui_wait_for '  by urgency'
tui_keys /
tui_type "$key"
tui_wait_for ' 1 row'
tui_keys Enter Enter
tui_wait_for "Reconsideration case  $key"

# Unchanged: Esc leaves at once.
tui_keys e
tui_wait_for 'Edit: Reconsideration case'
tui_wait_for " Applicant                $applicant"
tui_keys Escape
tui_wait_for "Reconsideration case  $key"
tui_expect_absent 'Discard your changes?'

# Changed here and, meanwhile, by the CLI.
tui_keys e
tui_wait_for 'Edit: Reconsideration case'
tui_keys Down C-u
tui_type '孙七'
tui_wait_for ' Applicant                孙七'
tui_duban --db db --today 2025-06-30 edit reconsideration "$id" applicant=赵六 >/dev/null
tui_keys F2
tui_wait_for 'this record was changed by root at '
tui_wait_for 'Edit: Reconsideration case'
tui_wait_for ' Applicant                孙七'
tui_duban --db db --today 2025-06-30 --lang en show reconsideration "$id" >show.txt
grep -q '^Applicant  *赵六$' show.txt || tui_fail "the other change was overwritten"

tui_keys Escape
tui_wait_for 'Discard your changes? (y/n)'
tui_keys n
tui_wait_gone 'Discard your changes?'
tui_wait_for ' Applicant                孙七'
tui_keys Escape
tui_wait_for 'Discard your changes? (y/n)'
tui_keys y
tui_wait_for "Reconsideration case  $key"
tui_wait_gone 'Discard your changes?'
problem=
(tui_wait_for ' Applicant                       赵六' 2) ||
    problem="after the refusal the record screen still shows the applicant as it was"

# Edited again from what is there now, saved: the record shows it, and so does the CLI.
tui_keys e
tui_wait_for ' Applicant                赵六'
tui_keys Down C-u
tui_type '孙七'
tui_keys F2
tui_wait_for 'Saved: Reconsideration case '
tui_wait_for ' Applicant                       孙七'
tui_keys F10
tui_expect_exit 0
tui_duban --db db --today 2025-06-30 --lang en show reconsideration "$id" >show.txt
grep -q '^Applicant  *孙七$' show.txt || tui_fail "the save did not reach the database"
[ -z "$problem" ] || tui_fail "$problem"
