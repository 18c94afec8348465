# tests/tui/test_desk_zh.sh: the desk in Chinese, the default language (no --lang), on the demo
# data of 2025-06-30 at 80x24 and 160x48: the Chinese title, column heads and status words;
# each duty's counts (rows in the dashboard's order) equal the CLI's; help in Chinese; q asks
# in Chinese and y quits. The key words are checked one by one first, so a wording change
# in data/po/zh_CN.po shows as the stored screens' diff alone.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
tui_duban --db db --today 2025-06-30 dashboard --format json >dashboard.json

tui_start --db db --today 2025-06-30
tui_wait_for '今天 2025-06-30'
tui_wait_for '（管理员）'
tui_wait_for '逾期    今日到期    即将到期'
tui_wait_for '紧急事项：'
case "$(tui_line 1)" in
督办*) ;;
*) tui_fail "the title does not start with 督办: $(tui_line 1)" ;;
esac
tui_wait_for ' 逾期     '
tui_wait_for ' 今日到期 '
# The due-soon items come last; at 80x24 below the duties' rows they may need a scroll.
tui_keys G
tui_wait_for ' 即将到期 '
tui_keys g
tui_wait_for '? 帮助'
tui_wait_for 'F10 退出'
tui_expect_absent 'overdue'
tui_expect_absent 'Today'

# The duty rows (from screen line 4) in the CLI's order, with the CLI's counts.
tui_json_objects dashboard.json | grep '"overdue":[0-9]' >duties.json
line=4
while IFS= read -r obj; do
	want="$(printf '%s\n' "$obj" | tui_json_val overdue) $(printf '%s\n' "$obj" |
	    tui_json_val due_today) $(printf '%s\n' "$obj" | tui_json_val due_soon)"
	got=$(tui_line "$line" | awk '{ print $(NF - 2), $(NF - 1), $NF }')
	[ "$got" = "$want" ] || tui_fail "line $line ($(printf '%s\n' "$obj" | tui_json_val duty))" \
	    "shows $got, duban dashboard --format json says $want"
	line=$((line + 1))
done <duties.json
tui_wait_for "紧急事项：$(tui_json_objects dashboard.json | grep -c '"status":"') 件"
tui_expect_screen dashboard-zh-80x24

tui_resize 160 48
tui_wait_for '负责人出庭率'
tui_expect_screen dashboard-zh-160x48
tui_resize 80 24
tui_wait_gone '负责人出庭率'

tui_keys '?'
tui_wait_for '本屏幕：'
tui_wait_for '各屏幕通用：'
tui_wait_for '  ? F1              按键说明'
tui_keys Escape
tui_wait_for '紧急事项：'
tui_keys q
tui_expect_exit 0
