# tests/tui/test_desk_no_color.sh: with NO_COLOR=1, and on a terminal without colours
# (TERM=xterm-mono), the desk shows the same text as in colour (the stored English screens)
# and marks things with attributes only: reverse for the title, the selection and the key bar,
# bold for what is overdue; no colour at all. The same check finds colours in a colour run,
# so it can fail. English, 80x24, demo data of 2025-06-30.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo

# The SGR parameters on screen line N (1 the top), one a line: 1 bold, 7 reverse, 31 red...
esc=$(printf '\033')
sgr() {
	tui_screen_attrs | sed -n "$1p" | grep -o "$esc\\[[0-9;]*m" |
	    sed -e "s/^$esc\\[//" -e 's/m$//' | tr ';' '\n' | sed '/^$/d'
}
# Colour parameters anywhere on the screen (30-38 and 40-48 are colours, 39 and 49 the
# default colours; 90-107 the bright ones).
colours() {
	_l=1
	while [ "$_l" -le 24 ]; do
		sgr "$_l"
		_l=$((_l + 1))
	done | grep -E '^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$' | sort -u | tr '\n' ' '
}
expect_mono() {
	_c=$(colours)
	[ -z "$_c" ] || tui_fail "$1: colours on the screen (SGR $_c)"
	sgr 1 | grep -qx 7 || tui_fail "$1: the title is not in reverse video"
	_top=$(tui_first_item_line)
	sgr "$_top" | grep -qx 7 || tui_fail "$1: the selected item is not in reverse video"
	sgr $((_top + 1)) | grep -qx 1 || tui_fail "$1: an overdue item is not bold"
	sgr 24 | grep -qx 7 || tui_fail "$1: the key bar is not in reverse video"
}

# In colour, for comparison: the same screens, with colours.
tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_expect_screen dashboard-en-80x24
[ -n "$(colours)" ] || tui_fail "no colours found in a colour run: the check cannot work"
tui_keys F10
tui_expect_exit 0

NO_COLOR=1
export NO_COLOR
tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_expect_screen dashboard-en-80x24
expect_mono NO_COLOR=1
tui_keys Enter
tui_wait_for ' Deadlines'
tui_expect_screen record-first-urgent-en-80x24
_c=$(colours)
[ -z "$_c" ] || tui_fail "NO_COLOR=1: colours on the record screen (SGR $_c)"
tui_keys F10
tui_expect_exit 0

# A terminal without colours.
unset NO_COLOR
TUI_TERM=xterm-mono
tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_expect_screen dashboard-en-80x24
expect_mono TERM=xterm-mono
tui_keys F10
tui_expect_exit 0
