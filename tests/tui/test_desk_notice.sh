# tests/tui/test_desk_notice.sh: the 督办 notice (Chinese, 80x30, demo data of 2025-06-30, a
# site configuration naming the bureau, the number pattern and the contact). The most overdue
# item comes first; the notice names the bureau; F2 issues it under the next number of the
# year, kept in the database (the numbers go on after a restart); no file of this program is
# named in it; an agency with nothing to urge gets no notice; n on a hearing record works.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
cat >site.ini <<'INI'
[notice]
bureau = 德清县司法局
number = 德司督〔{year}〕{n}号
contact = 王明
phone = 0572-8012345
INI
DUBAN_CONFIG=$TUI_TMP/site.ini
export DUBAN_CONFIG

TUI_LINES=30 tui_start --db db --today 2025-06-30 --lang zh
tui_wait_for '紧急事项'
# The first urgent item is the transport bureau's suggestion, 11 days late; the bureau also
# has a defence due today.
tui_keys n
tui_wait_for '督　办　通　知'
tui_wait_for '德清县司法局  （文号于保存时编定）'
tui_wait_for '县交通运输局：'
tui_wait_for '联系人：王明    联系电话：0572-8012345'
late=$(tui_screen | grep -n '已逾期 11 天' | cut -d : -f 1)
today=$(tui_screen | grep -n '今日到期' | cut -d : -f 1)
[ -n "$late" ] && [ -n "$today" ] || tui_fail "the notice lacks the overdue or the due-today item"
[ "$late" -lt "$today" ] || tui_fail "the notice lists the item due today before the overdue one"
tui_expect_absent 'doc/'
tui_keys F2
tui_wait_for '德清县司法局  德司督〔2025〕1号'
tui_wait_for '督办通知 德司督〔2025〕1号 已制发，保存为 督办通知-县交通运输局-2025-1.txt'
grep -q '德司督〔2025〕1号' 督办通知-县交通运输局-2025-1.txt ||
    tui_fail "the saved notice does not carry its number"
# Saving the same notice again keeps its number.
tui_keys F2
tui_wait_for '保存为 督办通知-县交通运输局-2025-1.txt'
tui_keys Escape
tui_wait_for '紧急事项'

# Another agency (the sixth item, 县信访局, after the filing, publicity, review and
# certificate items of the demo) gets the next number.
tui_keys Down Down Down Down Down n
tui_wait_for '县信访局：'
tui_keys F2
tui_wait_for '德司督〔2025〕2号 已制发'
tui_keys Escape
tui_wait_for '紧急事项'

# A hearing record: n makes its case's agency's notice (北山镇, the seventh item).
tui_keys Down Enter
tui_wait_for '负责人出庭应诉'
tui_keys n
tui_wait_for '北山镇人民政府：'
tui_keys Escape Escape
tui_wait_for '紧急事项'

# The last agency of the pane has nothing to urge: no notice, a reason.
tui_keys Tab G n
tui_wait_for '无需督办，不制作督办通知'
tui_expect_absent '督　办　通　知'
tui_keys F10
tui_expect_exit 0

# The sequence is in the database: after a restart the next notice is number 3.
TUI_LINES=30 tui_start --db db --today 2025-06-30 --lang zh
tui_wait_for '紧急事项'
tui_keys n
tui_wait_for '县交通运输局：'
tui_keys F2
tui_wait_for '德司督〔2025〕3号 已制发'
tui_keys Escape
tui_wait_for '紧急事项'
tui_keys F10
tui_expect_exit 0
