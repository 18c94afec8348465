# tests/cli/test_kinds.sh: one home per record kind. The kind and duty lists the command line
# names come from the kinds' and duties' tables, so every kind is in each of them.

test_kinds_every_list_names_every_kind() {
	TODAY=2025-06-30
	make_db
	# list without a kind, show with an unknown one, and --help name the same kinds.
	run list
	expect_status 1
	expect_stderr_contains "agency, litigation, hearing, reconsideration, suggestion, assessment-item"
	run show frobnicate 1
	expect_status 1
	expect_stderr_contains "agency, litigation, hearing, reconsideration, suggestion, assessment-item"
	run --lang en --help
	expect_status 0
	expect_stdout_contains "assessment-item (Assessment items)" "hearing-head (Hearings where the head must appear)"
	run list litigation --duty no-such-duty
	expect_status 1
	expect_stderr_contains "litigation-defence, hearing-head, reconsideration-copy"
}

# A kind without deadlines is listed in its own natural order (agencies: departments first).
test_kinds_plain_list_in_natural_order() {
	TODAY=2025-06-30
	make_db
	run_ok add agency "name=城关镇人民政府" kind=township
	run_ok add agency "name=县市场监督管理局" kind=department
	run list agency --format csv
	expect_status 0
	first=$(sed -n 2p "$T/.stdout" | cut -d, -f1 | tr -d '"')
	[ "$first" = "县市场监督管理局" ] || fail "the department is not listed first: $first"
	run user list
	expect_status 0
	expect_stdout_contains "$(id -un)"
	# A new agency without a kind takes the descriptor's default, "other".
	run_ok add agency "name=县某某中心"
	expect_sql "$T/db" "SELECT kind FROM agencies WHERE name = '县某某中心'" other
}
