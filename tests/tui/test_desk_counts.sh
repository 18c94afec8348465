# tests/tui/test_desk_counts.sh: the counts pane of the dashboard (English, 80x24, demo data of
# 2025-06-30). Tab reaches it from the urgent items (through the agencies); Up/Down choose a
# duty, Left/Right a column (overdue, due today, due soon); Enter opens the list of that duty
# filtered by that status, and the list's "N rows" is the count the dashboard showed (and the
# CLI reports). Esc comes back to the dashboard.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
tui_duban --db db --today 2025-06-30 dashboard --format json >dashboard.json
tui_json_objects dashboard.json | grep '"overdue":[0-9]' >duties.json

# The duties in the dashboard's order (the rows of the counts pane), and what the list behind
# a row shows in its title: the kind, and the duty when it is not the kind's main one (the
# start of it: the title is cut before the date at 80 columns).
duties='litigation-defence hearing-head reconsideration-copy reconsideration-reply
reconsideration-decision suggestion-reply'
list_title() {
	case $1 in
	litigation-defence) echo 'Litigation case ' ;;
	hearing-head) echo 'Hearing ' ;;
	reconsideration-copy) echo 'Reconsideration case / Reconsideration: copy' ;;
	reconsideration-reply) echo 'Reconsideration case ' ;;
	reconsideration-decision) echo 'Reconsideration case / Reconsideration: deci' ;;
	suggestion-reply) echo 'Suggestion ' ;;
	esac
}

# The CLI's count of DUTY in COLUMN (0 overdue, 1 due today, 2 due soon).
cli_count() {
	case $2 in
	0) _k=overdue ;;
	1) _k=due_today ;;
	2) _k=due_soon ;;
	esac
	grep "\"duty\":\"$1\"" duties.json | tui_json_val "$_k"
}

row=0
col=0
# Move the selection to duty number R (0 the first row) and column C, press Enter, and check
# the list that opens; then Esc back to the dashboard. The counts on the dashboard were saved
# in counts.txt when it opened.
open_count() {
	_duty=$(echo $duties | cut -d ' ' -f $(($1 + 1)))
	_label=$(tui_duty_label "$_duty")
	want=$(cli_count "$_duty" "$2")
	case $2 in
	0) _status=overdue ;;
	1) _status='due today' ;;
	2) _status='due soon' ;;
	esac
	# The dashboard shows the CLI's count in that cell.
	_cells=$(grep -F " $_label  " counts.txt | awk '{ print $(NF - 2), $(NF - 1), $NF }')
	[ "$(echo "$_cells" | cut -d ' ' -f $(($2 + 1)))" = "$want" ] ||
	    tui_fail "$_duty: the dashboard shows $_cells, the CLI counts $want $_status"
	_moves=
	while [ "$row" -lt "$1" ]; do _moves="$_moves Down"; row=$((row + 1)); done
	while [ "$row" -gt "$1" ]; do _moves="$_moves Up"; row=$((row - 1)); done
	while [ "$col" -lt "$2" ]; do _moves="$_moves Right"; col=$((col + 1)); done
	while [ "$col" -gt "$2" ]; do _moves="$_moves Left"; col=$((col - 1)); done
	echo "tui: counts pane: $_duty, $_status: keys$_moves Enter" >&2
	# shellcheck disable=SC2086
	tui_keys $_moves Enter
	# "1 row", "N rows": the desk says it in the plural form that fits.
	_word=rows
	[ "$want" = 1 ] && _word=row
	tui_wait_for " $want $_word  status: $_status  by urgency" 3
	tui_wait_for "$(list_title "$_duty")"
	if [ "$want" = 0 ]; then
		tui_wait_for 'No rows match the filter.'
	else
		# Exactly N rows, each with that status (rows are lines starting with an id).
		_shown=$(tui_screen | sed -n '4,22p' | grep -c "^ *[0-9][0-9]* .* $_status")
		[ "$_shown" = "$want" ] ||
		    tui_fail "$_duty $_status: the list says $want rows and shows $_shown"
	fi
	tui_keys Escape
	tui_wait_for 'Most urgent:'
}

tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys Tab
tui_wait_for 'Agencies, most overdue first; head appearances 2025'
tui_keys Tab
tui_wait_for 'Most urgent:'
tui_screen >counts.txt

# The overdue column of every duty, zeros too.
for r in 0 1 2 3 4 5; do
	open_count "$r" 0
done
# The other columns: due today and due soon.
open_count 0 1
open_count 1 1
open_count 1 2
open_count 5 2
open_count 2 2

tui_keys F10
tui_expect_exit 0
