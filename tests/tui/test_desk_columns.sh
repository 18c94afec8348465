# tests/tui/test_desk_columns.sh: the columns of the dashboard's urgent items never run into
# each other: a blank separates the status from the due date, and the duty from the case
# number, whatever the words' lengths (English "due today" is 9 letters, "Sugg. reply" is cut).
# English and Chinese, 80x24 and 160x48, demo data of 2025-06-30. At 160 columns the panes
# share the width: no label, number or agency name is cut ("~").
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
tui_duban --db db --today 2025-06-30 dashboard --format json >dashboard.json
tui_json_objects dashboard.json | grep '"status":"' >items.json

# Every item line shown (from the line after "Most urgent", which follows the duties' counts,
# to the line before the status line) has its due date and its number each after a blank.
expect_columns() {
	_last=$(( $(tui_pane '#{pane_height}') - 2 ))
	_top=$(tui_screen | grep -n -e ' Most urgent:' -e ' 紧急事项：' | head -1 | cut -d: -f1)
	_i=1
	_bad=
	while [ $((_top + _i)) -le "$_last" ]; do
		_item=$(sed -n "${_i}p" items.json)
		[ -n "$_item" ] || break
		_l=$(tui_line $((_top + _i)))
		_due=$(printf '%s\n' "$_item" | tui_json_val due)
		_key=$(printf '%s\n' "$_item" | tui_json_val key)
		case $_l in
		*" $_due "*" $_key "* | *" $_due "*" $_key") ;;
		*) _bad="$_bad
$_l" ;;
		esac
		_i=$((_i + 1))
	done
	[ -z "$_bad" ] || tui_fail "$1: these items run their columns together:$_bad"
}

# At 160 columns nothing in the lower panes (from line 11) is cut.
expect_uncut() {
	_cut=$(tui_screen | sed -n '11,$p' | grep -F '~' || true)
	[ -z "$_cut" ] || tui_fail "$1: cut at 160 columns:
$_cut"
}

tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
expect_columns en-80x24
tui_resize 160 48
tui_wait_for 'Agencies, most overdue first'
expect_columns en-160x48
tui_wait_for 'Sugg. reply'
expect_uncut en-160x48
# The litigation list at 160: statuses and agency names whole.
tui_keys 2
tui_wait_for 'done on time'
expect_uncut en-160x48-list
tui_keys F10
tui_expect_exit 0

tui_start --db db --today 2025-06-30
tui_wait_for '紧急事项：'
expect_columns zh-80x24
tui_resize 160 48
tui_wait_for '各机关'
expect_columns zh-160x48
expect_uncut zh-160x48
tui_keys F10
tui_expect_exit 0
