# tests/tui/test_desk_agency.sh: one agency's open items (English, 80x24, demo data of
# 2025-06-30). The dashboard's agency pane lists the agencies worst first with their overdue,
# urgent and open counts; Enter on one opens a single screen with all its open items of every
# duty, most urgent first, as many rows as the pane (and `duban dashboard`) counts. `6`, then
# Enter on an agency, opens the same screen. In a list, A takes part of a name; the agency
# filter stays when another list is chosen; f reaches "not yet done".
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
tui_duban --db db --today 2025-06-30 dashboard --format json >dashboard.json
# "NAME OPEN URGENT" of every agency the CLI knows.
tui_json_objects dashboard.json | grep '"head_appearances"' >agencies.json
while IFS= read -r obj; do
	printf '%s %s %s\n' "$(printf '%s\n' "$obj" | tui_json_val name)" \
	    "$(printf '%s\n' "$obj" | tui_json_val open)" \
	    "$(printf '%s\n' "$obj" | tui_json_val urgent)"
done <agencies.json >want.txt
with_open=$(awk '$2 > 0' want.txt | wc -l)
[ "$with_open" -ge 10 ] || tui_fail "the demo has only $with_open agencies with open items"

tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys Tab
tui_wait_for 'Agencies, most overdue first'
tui_wait_for ' overdue urgent   open'

# The pane, worst first: overdue, then urgent, then open never grow down the list.
# Its rows are those below its caption whose counts are numbers (the duty table above it
# grows with the kinds).
tui_screen | sed -n '2,22p' | awk '/most overdue first/ { on = 1; next }
    on && $2 ~ /^[0-9]+$/ && $3 ~ /^[0-9]+$/ && $4 ~ /^[0-9]+$/ { print $2, $3, $4 }' >pane.txt
[ "$(wc -l <pane.txt)" -ge 3 ] || { tui_screen >&2; tui_fail "no agency rows in the pane"; }
sort -s -k1,1nr -k2,2nr -k3,3nr pane.txt | cmp -s - pane.txt ||
    { cat pane.txt >&2; tui_fail "the agency pane is not sorted worst first"; }

# Every agency with open items (they come first), and the first without: its screen has as
# many rows as the CLI counts, and says so.
i=0
while [ "$i" -le "$with_open" ]; do
	tui_keys Enter
	tui_wait_for 'Open items of '
	name=$(tui_line 1 | sed 's/^Open items of \(.*\) *Today .*/\1/' | sed 's/ *$//')
	want=$(awk -v n="$name" '$1 == n { print $2 " " $3 }' want.txt)
	[ -n "$want" ] || tui_fail "the screen names \"$name\", which duban dashboard does not list"
	want_open=${want% *}
	want_urgent=${want#* }
	tui_wait_for "$want_open open item"
	rows=$(tui_screen | sed -n '4,22p' | grep -cE '^ (overdue|due today|due soon|pending) ' ||
	    true)
	[ "$rows" = "$want_open" ] ||
	    tui_fail "$name: $rows rows on its screen, duban dashboard counts $want_open open"
	urgent=$(tui_screen | sed -n '4,22p' | grep -cE '^ (overdue|due today|due soon) ' || true)
	[ "$urgent" = "$want_urgent" ] ||
	    tui_fail "$name: $urgent urgent rows, duban dashboard counts $want_urgent"
	# Most urgent first: the due dates never go back.
	tui_screen | sed -n '4,22p' | grep -E '^ (overdue|due today|due soon|pending) ' |
	    grep -oE '20[0-9]{2}-[0-9]{2}-[0-9]{2}' >dates.txt || true
	sort dates.txt | cmp -s - dates.txt || tui_fail "$name: the rows are not by due date"
	if [ "$want_open" = 0 ]; then
		tui_wait_for 'This agency has no open items.'
	fi
	tui_keys Escape
	tui_wait_for 'Agencies, most overdue first'
	tui_keys Down
	i=$((i + 1))
done

# The transport bureau's suggestion and its litigation case are on one screen.
tui_keys 6
tui_wait_for 'Short name'
tui_keys /
tui_type '交通'
tui_keys Enter
tui_wait_for '县交通运输局'
tui_keys Enter
tui_wait_for 'Open items of 县交通运输局'
tui_wait_for '3 open items: overdue 1, due today 1, due soon 0, later 1'
tui_wait_for 'Sugg. reply'
tui_wait_for '德法建〔2025〕61号'
tui_wait_for '(2025)浙0521行初362号'
tui_keys Escape
tui_wait_for 'Short name'

# A with part of a name; the filter stays on the next list; f reaches "not yet done".
tui_keys 2
tui_wait_for 'Litigation case'
tui_keys A
tui_wait_for 'Agency (name'
tui_type '公安'
tui_keys Enter
tui_wait_for 'agency: 县公安局'
tui_keys 3
tui_wait_for 'Hearing'
tui_wait_for 'agency: 县公安局'
tui_keys f
tui_wait_for 'status: not yet done'
tui_wait_for '2 rows'
tui_keys q
tui_wait_for 'Agencies, most overdue first'
tui_keys F10
tui_expect_exit 0
