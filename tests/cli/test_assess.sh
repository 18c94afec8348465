# tests/cli/test_assess.sh: duban assess YEAR on the demo data: the ranking of every agency
# (plain, csv, json, by kind), the printable report, finalizing and unfreezing with their
# roles, and a wrong scheme refused with its line. The demo's last complete year is 2024.

DEMO_TODAY=2025-06-30

# The demo database, and the agencies it holds: $T/agencies (name<TAB>kind, one a line).
make_demo() {
	run --today "$DEMO_TODAY" init --demo
	expect_status 0
	run --today "$DEMO_TODAY" list agency --format json
	expect_status 0
	sed -n 's/.*"name":"\([^"]*\)".*"kind":"\([a-z]*\)".*/\1	\2/p' "$T/.stdout" \
	    >"$T/agencies"
	n_agencies=$(wc -l <"$T/agencies")
	n_townships=$(grep -c '	township$' "$T/agencies" || true)
	if [ "$n_agencies" -lt 2 ] || [ "$n_townships" -lt 1 ]; then
		fail "the demo lists $n_agencies agencies, $n_townships townships"
	fi
}

assess() {
	run --today "$DEMO_TODAY" assess "$@"
}

# Lines of the plain ranking: a rank, then the agency.
ranking_rows() {
	grep -cE '^ *[0-9]+ ' "$T/.stdout" || true
}

test_assess_demo_ranks_every_agency() {
	make_demo
	assess 2024
	expect_status 0
	expect_stderr
	expect_stdout_contains "Assessment 2024: 行政应诉、行政复议与司法建议工作考核（默认方案）" \
	    "Not finalized: figures may still change." "Rank" "Total" "Tier"
	rows=$(ranking_rows)
	[ "$rows" = "$n_agencies" ] || fail "the ranking has $rows rows for $n_agencies agencies"
	while IFS='	' read -r name kind; do
		expect_stdout_contains " $name "
	done <"$T/agencies"
	# Each kind is ranked on its own: rank 1 once per kind.
	ones=$(grep -cE '^ +1 ' "$T/.stdout" || true)
	kinds=$(cut -f2 "$T/agencies" | sort -u | wc -l)
	[ "$ones" = "$kinds" ] || fail "rank 1 appears $ones times for $kinds kinds of agency"
}

test_assess_json_one_object_per_agency() {
	make_demo
	assess 2024 --format json
	expect_status 0
	expect_stderr
	if command -v python3 >/dev/null 2>&1; then
		got=$(python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))
assert r["year"] == 2024 and r["finalized"] is False
for a in r["agencies"]:
    assert a["tier"] in ("优秀", "良好", "合格", "不合格"), a
    assert len(a["indicators"]) == 9, a
print(len(r["agencies"]))' "$T/.stdout" 2>&1) || true
	else
		got=$(grep -o '"indicators":' "$T/.stdout" | wc -l)
	fi
	[ "$got" = "$n_agencies" ] || fail "json: $got agencies, expected $n_agencies"
	expect_stdout_contains '"year":2024' '"finalized":false' '"tier":"优秀"'
}

test_assess_csv_starts_with_bom() {
	make_demo
	assess 2024 --format csv
	expect_status 0
	bom=$(head -c 3 "$T/.stdout" | od -An -tx1 | tr -d ' \n')
	[ "$bom" = efbbbf ] || fail "csv starts with $bom, not the UTF-8 BOM ef bb bf"
	expect_stdout_contains "年度,类别,排名,机关,总分,等次" "2024,township,1,"
	lines=$(wc -l <"$T/.stdout")
	[ "$lines" = $((n_agencies + 1)) ] || fail "csv has $lines lines for $n_agencies agencies"
}

test_assess_kind_township_lists_only_townships() {
	make_demo
	assess 2024 --kind township
	expect_status 0
	rows=$(ranking_rows)
	[ "$rows" = "$n_townships" ] || fail "$rows rows for $n_townships townships"
	while IFS='	' read -r name kind; do
		if [ "$kind" = township ]; then
			expect_stdout_contains " $name "
		else
			expect_stdout_lacks " $name "
		fi
	done <"$T/agencies"
	assess 2024 --kind township --format json
	expect_status 0
	expect_stdout_lacks '"kind":"department"' '"kind":"other"'
	assess 2024 --kind county
	expect_status 1
	expect_stderr_contains "--kind takes department, township or other"
}

test_assess_report_names_tiers() {
	make_demo
	assess 2024 --report
	expect_status 0
	expect_stdout_contains "Assessment 2024" "Departments" "Townships and streets" \
	    " 优秀" " 良好" " 合格" ", lost " "Largest sources of lost points"
}

# The plain ranking: departments and townships under headings of their own, each ranked from 1
# right under its heading; the indicator titles over two lines, no two alike.
test_assess_plain_groups_and_headings() {
	make_demo
	assess 2024
	expect_status 0
	expect_stdout_contains "Departments: " "Townships: $n_townships, ranked among themselves"
	for l in $(grep -nE '^ +1 ' "$T/.stdout" | cut -d : -f 1); do
		sed -n "$((l - 1))p" "$T/.stdout" | grep -qE '^(Departments|Townships|Other agencies): ' ||
		    fail "rank 1 on line $l is not right under a group heading"
	done
	expect_stdout_contains "行政复议按" "行政复议被"
	expect_stdout_lacks "行政复议~"
}

# A year that has not ended (2025 on 2025-06-30) is not frozen by --finalize alone: exit 2,
# the reason and the way (--force); nothing stored. With --force it is; --force alone is
# wrong usage.
test_assess_finalize_unfinished_year_needs_force() {
	make_demo
	assess 2025 --finalize
	expect_status 2
	expect_stderr_contains "2025 has not ended yet (today is 2025-06-30)" "--force"
	expect_sql db "SELECT count(*) FROM assessment_years" 0
	expect_sql db "SELECT count(*) FROM audit_log WHERE action = 'freeze'" 0
	assess 2025 --force
	expect_status 1
	expect_stderr_contains "--force goes with --finalize"
	assess 2025 --finalize --force
	expect_status 0
	expect_stderr_contains "2025 is finalized"
	expect_sql db "SELECT count(*) FROM assessment_years WHERE year = 2025" 1
	# A year that has ended needs no --force (2024, test below).
}

# Finalizing: the creating admin stores the year; a second finalize is refused (exit 2); the
# year then reads "Finalized"; unfreezing is the admin's; everything is audited.
test_assess_finalize_and_unfreeze() {
	make_demo
	me=$(id -un)
	assess 2024 --format csv
	cp "$T/.stdout" before.csv
	assess 2024 --finalize
	expect_status 0
	expect_stderr_contains "2024 is finalized"
	expect_sql db "SELECT count(*) || ' ' || finalized_by FROM assessment_years
	    WHERE year = 2024" "1 $me"
	expect_sql db "SELECT count(*) FROM assessment_results WHERE year = 2024" "$n_agencies"
	expect_sql db "SELECT count(*) FROM audit_log WHERE action = 'freeze'
	    AND kind = 'assessment' AND record_id = 2024 AND login = '$me'" 1
	assess 2024 --finalize
	expect_status 2
	expect_stderr_contains "2024 was already finalized on" "by $me"
	expect_sql db "SELECT count(*) FROM audit_log WHERE action = 'freeze'" 1
	assess 2024
	expect_status 0
	expect_stdout_contains "Finalized on " " by $me."
	expect_stdout_lacks "Not finalized"
	# The stored figures are the ones computed before.
	assess 2024 --format csv
	expect_true "the finalized csv differs from the one before" cmp -s before.csv "$T/.stdout"
	assess 2024 --format json
	expect_stdout_contains '"finalized":true' "\"finalized_by\":\"$me\""
	assess 2024 --unfreeze
	expect_status 0
	expect_stderr_contains "2024 is no longer finalized"
	expect_sql db "SELECT count(*) FROM assessment_years" 0
	expect_sql db "SELECT count(*) FROM assessment_results" 0
	expect_sql db "SELECT count(*) FROM audit_log WHERE action = 'unfreeze'
	    AND record_id = 2024 AND login = '$me'" 1
	assess 2024
	expect_stdout_contains "Not finalized"
	assess 2024 --unfreeze
	expect_status 2
	expect_stderr_contains "2024 is not finalized"
}

# Staff may not finalize (exit 4), a supervisor may; a supervisor may not unfreeze.
test_assess_finalize_roles() {
	make_demo
	sqlite3 db "UPDATE users SET role = 'staff'"
	assess 2024 --finalize
	expect_status 4
	expect_stderr_contains "supervisor or admin"
	expect_sql db "SELECT count(*) FROM assessment_years" 0
	sqlite3 db "UPDATE users SET role = 'supervisor'"
	assess 2024 --finalize
	expect_status 0
	expect_sql db "SELECT count(*) FROM assessment_years" 1
	assess 2024 --unfreeze
	expect_status 4
	expect_stderr_contains "admin"
	expect_sql db "SELECT count(*) FROM assessment_years" 1
	expect_sql db "SELECT count(*) FROM audit_log WHERE action = 'unfreeze'" 0
}

# A wrong scheme named by the site configuration is refused (exit 2) with its file, line,
# section and key; nothing is computed.
test_assess_bad_scheme_names_line() {
	make_demo
	cat >bad.ini <<'EOF'
[scheme]
title = 坏方案

[indicator head]
rule = rate
metric = head_rate
points = 100
target = 900

[tier 合格]
min = 0
EOF
	printf '[assessment]\nscheme = %s/bad.ini\n' "$T" >site.ini
	run --today "$DEMO_TODAY" --config "$T/site.ini" assess 2024
	expect_status 2
	expect_stdout
	expect_stderr_contains "$T/bad.ini:8: [indicator head] target" "target must be a percentage"
}

test_assess_usage() {
	make_demo
	assess
	expect_status 1
	expect_stderr_contains "assess takes a YEAR"
	assess 1999
	expect_status 2
	expect_stderr_contains '"1999" is not a year'
	assess 2024 --format xml
	expect_status 1
	expect_stderr_contains "--format takes plain, csv, json or xlsx"
}

# The manual items can be listed like every other kind: all of them, without a crash.
test_assess_items_listed() {
	make_demo
	n_items=$(sqlite3 db "SELECT count(*) FROM assessment_items WHERE deleted = 0")
	run --today "$DEMO_TODAY" list assessment-item --format csv
	expect_status 0
	lines=$(wc -l <"$T/.stdout")
	[ "$lines" = $((n_items + 1)) ] ||
	    fail "list assessment-item --format csv: $lines lines for $n_items items"
	run --today "$DEMO_TODAY" list assessment-item
	expect_status 0
	expect_stdout_contains "案卷评查" "培训学时"
}

# A score that is no finite number from 0 to 100 is refused with exit 2 by add, edit and
# import; nothing is stored. Before, nan and inf went in: assess printed nan, --format json
# wrote invalid JSON with exit 0 and --finalize failed on a NOT NULL constraint.
test_assess_item_score_nan_inf_range_refused() {
	make_db
	run_ok add agency name=县甲局 kind=部门
	for bad in nan inf -inf -1 100.01 1e2 NaN; do
		run add assessment-item year=2024 agency=县甲局 item=持证率 "score=$bad"
		expect_status 2
		expect_stderr_contains "\"$bad\"" "from 0 to 100"
	done
	expect_sql db "SELECT count(*) FROM assessment_items" 0
	run_ok add assessment-item year=2024 agency=县甲局 item=持证率 score=100
	run edit assessment-item 1 score=nan
	expect_status 2
	expect_sql db "SELECT score FROM assessment_items" 100
	printf '年度,机关,项目,得分\n2024,县甲局,培训学时,inf\n2024,县甲局,案卷评查,-0.5\n' >items.csv
	run import items.csv --kind assessment-item
	expect_status 2
	expect_sql db "SELECT count(*) FROM assessment_items" 1
}

# Values stored before the check (written behind duban's back here) never reach a score:
# plain and csv show no nan, json is valid JSON, and the year can be finalized.
test_assess_stored_bad_scores_never_nan() {
	make_db
	run_ok add agency name=县甲局 kind=部门
	run_ok add agency name=县乙局 kind=部门
	run_ok add assessment-item year=2024 agency=县甲局 item=持证率 score=90
	run_ok add assessment-item year=2024 agency=县甲局 item=培训学时 score=10
	run_ok add assessment-item year=2024 agency=县乙局 item=案卷评查 score=优秀
	sqlite3 db "UPDATE assessment_items SET score = CASE item WHEN '持证率' THEN 'nan'
	    WHEN '培训学时' THEN 'inf' ELSE '-1' END"
	run assess 2024
	expect_status 0
	expect_stdout_lacks "nan" "inf"
	run assess 2024 --format csv
	expect_status 0
	expect_stdout_lacks "nan" "inf"
	run assess 2024 --format json
	expect_status 0
	if command -v python3 >/dev/null 2>&1; then
		python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$T/.stdout" ||
		    fail "assess --format json is not JSON"
	else
		expect_stdout_lacks "nan" "inf"
	fi
	run assess 2024 --finalize
	expect_status 0
	expect_sql db "SELECT count(*) FROM assessment_results WHERE year = 2024" 2
}

# Scores are rounded half up once from exact values: 94.525 % 持证率 against 95 % is
# 5 x 94.525 / 95 = 4.975, shown 4.98 (binary floating point gave 4.97), 1.45 training hours
# are 0.145 points, 0.15 (was 0.14).
test_assess_scores_half_up() {
	make_db
	run_ok add agency name=县甲局 kind=部门
	run_ok add assessment-item year=2024 agency=县甲局 item=持证率 score=94.525
	run_ok add assessment-item year=2024 agency=县甲局 item=培训学时 score=1.45
	run_ok add assessment-item year=2024 agency=县甲局 item=案卷评查 score=优秀
	run assess 2024 --format csv
	expect_status 0
	# 85 from the records, 10 for 优秀, 4.98 and 0.15: 100.13.
	expect_stdout_contains ',100.13,"优秀",' ',4.98,"94.53%",' ',0.15,"1.45"'
}

# The dashboard's head-appearance rate is rounded half up from the counts: 1 head appearance
# in 16 hearings is 6.25 %, shown 6.3 (printf's "%.1f" of the binary 6.25 gave 6.2).
test_dashboard_rate_half_up() {
	make_db
	run_ok add agency name=县甲局 kind=部门
	run_ok add litigation case_no=X1 agency=县甲局 complaint_received_on=2025-01-02
	for d in 06 07 08 09 10 13 14 15 16 17 20 21 22 23 24 27; do
		if [ "$d" = 06 ]; then rank=head; else rank=staff; fi
		run_ok add hearing case_no=X1 "hearing_on=2025-01-$d" "appearer_rank=$rank"
	done
	run --today 2025-02-03 dashboard --format json
	expect_status 0
	expect_stdout_contains '"hearings":16,"head_appearances":1,"head_appearance_rate":6.3}'
	run --today 2025-02-03 dashboard
	expect_status 0
	expect_stdout_contains " 6.3%"
}
