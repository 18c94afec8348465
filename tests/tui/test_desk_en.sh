# tests/tui/test_desk_en.sh: the dashboard in English at 80x24 on the demo data of 2025-06-30:
# the whole screen as stored, and every duty's overdue / due today / due soon counts and the
# number of urgent items equal to what `duban dashboard --format json` reports for the same
# database and day; the first urgent item is the CLI's first.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
tui_duban --db db --today 2025-06-30 dashboard --format json >dashboard.json

tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Today 2025-06-30  root (admin)'
tui_wait_for 'Most urgent:'
tui_expect_screen dashboard-en-80x24
tui_expect_counts dashboard.json

# The line after "Most urgent" is the first item: status, due date, days, duty, its number.
first=$(tui_json_objects dashboard.json | grep '"status":"' | head -n 1)
key=$(printf '%s\n' "$first" | tui_json_val key)
due=$(printf '%s\n' "$first" | tui_json_val due)
top=$(tui_first_item_line)
case "$(tui_line "$top")" in
*" $due "*"$key"*) ;;
*) tui_fail "the first urgent item is not $key due $due (the CLI's first): $(tui_line "$top")" ;;
esac

tui_keys F10
tui_expect_exit 0
