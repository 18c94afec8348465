# tests/tui/test_desk_assess.sh: the assessment ranking (7) of 2024 on the demo data (Chinese,
# 160x48). Departments and townships are ranked apart, so each group has its own heading and
# its ranks start at 1 under it; sorting by name keeps the groups; the indicator columns
# never show the same title twice (their titles run over two lines). An agency's sheet shows
# its bonus as a bonus, not as full marks of 0.00.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
TUI_COLS=160 TUI_LINES=48 tui_start --db db --today 2025-06-30 --lang zh
tui_wait_for '紧急事项'
tui_keys 7
tui_wait_for '部门（25 个，在部门中排名）'
tui_wait_for '乡镇街道（15 个，在乡镇街道中排名）'

# Every rank 1 comes right under a group's heading.
check_groups() {
	tui_screen >ranking.txt
	ones=$(grep -nE '^ +1 ' ranking.txt | cut -d : -f 1)
	[ "$(echo "$ones" | wc -l)" = 2 ] || tui_fail "$1: rank 1 is not there once per group"
	for l in $ones; do
		sed -n "$((l - 1))p" ranking.txt | grep -qE '^ (部门|乡镇街道)（' ||
		    tui_fail "$1: the rank 1 on line $l has no group heading above it"
	done
}
check_groups 'by total'

# The indicator titles: 行政复议按期答复 and 行政复议被纠错率 are told apart.
tui_wait_for '行政复议按'
tui_wait_for '行政复议被'
tui_expect_absent '行政复议~'

# By name the groups stay apart: the township heading comes after every department.
tui_keys s
tui_wait_for '县人力资源和社会保障局'
tui_screen >byname.txt
head=$(grep -n '^ 乡镇街道（' byname.txt | cut -d : -f 1)
last_dept=$(grep -nE '^ +[0-9]+ (县|市)' byname.txt | tail -1 | cut -d : -f 1)
[ -n "$head" ] && [ "$last_dept" -lt "$head" ] ||
    tui_fail "by name: a department is listed under the townships' heading"

# An agency's sheet: the bonus row has no full marks to lose from, and no "单位".
tui_keys g Enter
tui_wait_for '法治培训学时（加分）'
tui_screen | grep '法治培训学时（加分）' | grep -q '每1加0.1，限3 .* 加分项 *-$' ||
    tui_fail "the bonus row: $(tui_screen | grep '法治培训学时')"
tui_expect_absent '单位'
tui_keys F10
tui_expect_exit 0
