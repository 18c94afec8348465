# tests/cli/test_xlsx.sh: Excel workbooks (issue 16): export --format xlsx read back by a real
# reader (Debian's python3-openpyxl, in DEB_PKGS: `make deps`): typed cells, bold frozen
# header, widths, a sheet per kind.

# The Debian interpreter, where python3-openpyxl is installed.
xlsx_python() {
	for py in /usr/bin/python3 python3; do
		if "$py" -c 'import openpyxl' 2>/dev/null; then
			PY=$py
			return 0
		fi
	done
	fail "python3-openpyxl is missing: run make deps (the workbook tests need a real reader)"
	return 1
}

test_xlsx_export_typed_cells() {
	TODAY=2025-06-30
	make_db
	xlsx_python || return 0
	printf '机关名称,简称,代码,类别\n县公安局,公安局,0521,部门\n=县教育局,,JY01,部门\n' >ag.csv
	run import ag.csv
	expect_status 0
	printf '案号,被告机关,原告,立案日期\n00521,县公安局,330521199001010012,2025-03-01\n' >l.csv
	run import l.csv
	expect_status 0
	run export agency litigation --format xlsx -o out.xlsx
	expect_status 0
	expect_stdout
	expect_stderr "duban: 2 agency records written to out.xlsx" \
	    "duban: 1 litigation records written to out.xlsx"
	"$PY" - out.xlsx >got <<-'EOF'
	import sys, openpyxl
	wb = openpyxl.load_workbook(sys.argv[1])
	print(wb.sheetnames)
	for ws in wb:
	    print(ws.title, ws.freeze_panes, all(c.font.b for c in ws[1]))
	    for row in ws.iter_rows(min_row=2):
	        print([(c.value if c.data_type != 'd' else c.value.date().isoformat(), c.data_type,
	               c.number_format) for c in row if c.value is not None])
	ws = wb.worksheets[1]
	print(ws.cell(1, 1).value, int(ws.column_dimensions['A'].width),
	      int(ws.column_dimensions['C'].width))
	EOF
	expect_true "openpyxl could not read the workbook" test -s got
	expect_true "the workbook reads back otherwise: $(cat got)" test "$(cat got)" = \
"['Agency', 'Litigation case']
Agency A2 True
[('县公安局', 's', 'General'), ('公安局', 's', 'General'), ('0521', 's', 'General'), ('部门', 's', 'General')]
[('=县教育局', 's', 'General'), ('JY01', 's', 'General'), ('部门', 's', 'General')]
Litigation case A2 True
[('00521', 's', 'General'), ('县公安局', 's', 'General'), ('330521199001010012', 's', 'General'), ('2025-03-01', 'd', 'yyyy-mm-dd')]
case_no 9 10"
}

test_xlsx_export_usage() {
	TODAY=2025-06-30
	make_db
	run export agency --format xlsx
	expect_status 1
	expect_stderr_contains "a workbook (.xlsx) is written to a file: give -o FILE.xlsx"
	run export agency --format xlsx --encoding gb18030 -o a.xlsx
	expect_status 1
	run export agency litigation -o a.csv
	expect_status 1
	expect_stderr_contains "several kinds are exported together only as a workbook"
	run export agency --format xlsx -o /dev/null
	expect_status 1
	expect_stderr_contains "/dev/null is not a regular file; a workbook (.xlsx) needs one"
	run export agency --format xlsx -o no/such/dir/a.xlsx
	expect_status 2
	expect_true "a workbook was left behind" test ! -e a.xlsx
}

# The sheet XML of workbook $1 and $2 (sheet N: $3) is the same.
xlsx_same_sheet() {
	"$PY" - "$1" "$2" "$3" <<-'EOF'
	import sys, zipfile
	a, b, n = sys.argv[1], sys.argv[2], sys.argv[3]
	part = 'xl/worksheets/sheet%s.xml' % n
	sys.exit(zipfile.ZipFile(a).read(part) != zipfile.ZipFile(b).read(part))
	EOF
}

# Every kind of the demo data: out as a workbook, into a fresh database, out again equal.
test_xlsx_round_trip_every_kind() {
	TODAY=2025-06-30
	run init --demo
	expect_status 0
	xlsx_python || return 0
	run --db "$T/fresh.db" init
	expect_status 0
	for kind in agency litigation hearing reconsideration suggestion assessment-item; do
		run export "$kind" --format xlsx -o "$kind.xlsx"
		expect_status 0
		run --db "$T/fresh.db" import "$kind.xlsx"
		expect_status 0
		expect_stderr_contains "$kind records (sheet " "0 updated, 0 unchanged, 0 refused"
		run --db "$T/fresh.db" export "$kind" --format xlsx -o "$kind-fresh.xlsx"
		expect_status 0
		expect_true "$kind: the fresh database exports another sheet" \
		    xlsx_same_sheet "$kind.xlsx" "$kind-fresh.xlsx" 1
		expect_true "$kind: the fresh database exports another workbook" \
		    cmp -s "$kind.xlsx" "$kind-fresh.xlsx"
		run export "$kind" -o "$kind.csv"
		run --db "$T/fresh.db" export "$kind" -o "$kind-fresh.csv"
		expect_true "$kind: the fresh database exports another CSV file" \
		    cmp -s "$kind.csv" "$kind-fresh.csv"
	done
	# The same workbook again changes nothing; a sheet of a workbook of several by --sheet.
	run --db "$T/fresh.db" import litigation.xlsx
	expect_status 0
	expect_stderr_contains "364 rows: 0 new, 0 updated, 364 unchanged, 0 refused"
	run export agency hearing --format xlsx -o two.xlsx
	expect_status 0
	run --db "$T/fresh.db" import two.xlsx --sheet Hearing
	expect_status 0
	expect_stderr_contains 'hearing records (sheet "Hearing"): 410 rows: 0 new, 0 updated, 410 unchanged'
	run --db "$T/fresh.db" import two.xlsx --sheet 开庭
	expect_status 2
	expect_stderr_contains 'two.xlsx has no sheet "开庭"; its sheets: "Agency", "Hearing"'
}

# A register as analysts keep it, made with openpyxl: a title row, a total row, text cells
# and number cells of every sort.
test_xlsx_import_hand_built_workbook() {
	TODAY=2025-06-30
	make_db
	xlsx_python || return 0
	printf '机关名称,简称,代码,类别\n县公安局,公安局,GA01,部门\n' >ag.csv
	run import ag.csv
	expect_status 0
	"$PY" - <<-'EOF'
	import datetime, openpyxl
	wb = openpyxl.Workbook()
	ws = wb.active
	ws.title = '应诉台账'
	ws.append(['某某县行政应诉案件登记表'])
	ws.append(['案号', '被告机关', '原告', '立案日期', '收到起诉状副本日期'])
	ws.append(['0012345', '县公安局', '张三', datetime.date(2025, 3, 1), '2025-03-02'])
	ws.append(['(2025)浙0521行初2号', '县公安局', '李四', 45720, None])
	ws['D4'].number_format = 'yyyy"年"m"月"d"日"'
	ws.append(['合计', None, None, 2])
	wb.save('ok.xlsx')
	wb = openpyxl.Workbook()
	ws = wb.active
	ws.append(['案号', '被告机关', '原告', '立案日期'])
	ws.append([12345, '县公安局', '王五', datetime.date(2025, 3, 3)])
	ws.append(['(2025)浙0521行初3号', '县公安局', 330521199001010012, datetime.date(2025, 3, 3)])
	ws.append(['(2025)浙0521行初4号', '县公安局', '赵六', 45720])
	ws.append(['(2025)浙0521行初5号', '县公安局', 521, datetime.date(2025, 3, 3)])
	wb.save('bad.xlsx')
	EOF
	run import ok.xlsx
	expect_status 0
	expect_stderr_contains 'ok.xlsx: the header is on line 2; the row above it ("某某县行政应诉案件登记表") is taken for a title and skipped' \
	    'ok.xlsx:5: a total row, not a record; it is skipped' \
	    'ok.xlsx: litigation records (sheet "应诉台账"): 2 rows: 2 new, 0 updated'
	expect_sql db "SELECT group_concat(case_no || ' ' || filed_on || ' ' || coalesce(complaint_received_on, ''), '|') FROM (SELECT * FROM litigation_cases ORDER BY id)" \
	    "0012345 2025-03-01 2025-03-02|(2025)浙0521行初2号 2025-03-04 "
	run import bad.xlsx
	expect_status 2
	expect_stderr_contains 'bad.xlsx:2: 案号: "12345" is new, but "0012345" (record 1) differs from it only in leading zeros' \
	    'bad.xlsx:3: 原告: a spreadsheet turned this into a number' \
	    '4 rows: 2 new, 0 updated, 0 unchanged, 2 refused'
	# A number of few digits in a text field is taken as the text it shows; a number in a
	# date field without a date format is an Excel serial, as in CSV.
	run import bad.xlsx --skip-invalid
	expect_status 0
	expect_sql db "SELECT plaintiff FROM litigation_cases WHERE case_no LIKE '%5号'" 521
	expect_sql db "SELECT filed_on FROM litigation_cases WHERE case_no LIKE '%4号'" 2025-03-04
	expect_true "the rejects of a workbook are not a CSV file beside it" test -s bad.rejects.csv
	run import bad.rejects.csv
	expect_status 2
	expect_stderr_contains 'bad.rejects.csv:2: 案号: "12345" is new'
	expect_stderr_contains 'bad.rejects.csv:3: 原告: a spreadsheet turned this into a number' 
}

test_xlsx_import_damaged() {
	TODAY=2025-06-30
	make_db
	printf 'PK\003\004not really a zip file' >z.xlsx
	run import z.xlsx
	expect_status 2
	expect_stderr_contains "z.xlsx is not a workbook (.xlsx) duban can read"
	printf 'case_no\n1\n' >a.csv
	run import a.csv --sheet X
	expect_status 2
	expect_stderr_contains "a.csv is not a workbook (.xlsx) duban can read"
}

# LibreOffice, where it is installed: duban's workbook opened and saved by Calc imports back
# unchanged.
test_xlsx_through_libreoffice() {
	TODAY=2025-06-30
	command -v soffice >/dev/null 2>&1 || skip "LibreOffice (soffice) is not installed"
	run init --demo
	expect_status 0
	run export litigation --format xlsx -o lit.xlsx
	expect_status 0
	mkdir lo
	HOME=$T soffice --headless --convert-to xlsx --outdir lo lit.xlsx >/dev/null 2>&1
	expect_true "LibreOffice did not save the workbook" test -s lo/lit.xlsx
	run import lo/lit.xlsx
	expect_status 0
	expect_stderr_contains "364 rows: 0 new, 0 updated, 364 unchanged, 0 refused"
}

# dashboard --format xlsx: counts per duty, the urgent items and the agencies, a sheet each,
# hold what --format json says, counts and rates as numbers and due dates as dates.
test_xlsx_dashboard() {
	TODAY=2025-06-30
	run init --demo
	expect_status 0
	xlsx_python || return 0
	run dashboard --format json
	expect_status 0
	cp "$T/.stdout" dash.json
	run dashboard --format xlsx -o dash.xlsx
	expect_status 0
	"$PY" - dash.xlsx dash.json >got <<-'EOF2'
	import sys, json, openpyxl
	wb = openpyxl.load_workbook(sys.argv[1])
	d = json.load(open(sys.argv[2]))
	bad = []
	if wb.sheetnames != ['Counts per duty', 'Most urgent', 'Agencies']:
	    bad.append(wb.sheetnames)
	for ws in wb:
	    if ws.freeze_panes != 'A2' or not all(c.font.b for c in ws[1]):
	        bad.append(ws.title + ': header not bold and frozen')
	rows = list(wb.worksheets[0].iter_rows(min_row=2, values_only=True))
	got = [list(r[1:]) for r in rows]
	want = [[c['overdue'], c['due_today'], c['due_soon']] for c in d['duties']]
	if got != want:
	    bad.append(('counts', got, want))
	rows = list(wb.worksheets[1].iter_rows(min_row=2))
	got = [(r[1].value.date().isoformat(), r[1].number_format, r[2].value, r[4].value,
	        r[4].data_type, r[5].value) for r in rows]
	want = [(i['due'], 'yyyy-mm-dd', i.get('days_late', i.get('workdays_left')), i['key'],
	         's', i['agency']) for i in d['items']]
	if got != want:
	    bad.append(('items', got, want))
	rows = list(wb.worksheets[2].iter_rows(min_row=2, values_only=True))
	got = [list(r) for r in rows]
	want = [[a['name'], a['open'], a['urgent'], a['hearings'], a['head_appearances'],
	         a['head_appearance_rate']] for a in d['agencies']]
	if got != want:
	    bad.append(('agencies', got[:3], want[:3]))
	if not any(isinstance(r[5], (int, float)) for r in got):
	    bad.append('no rate is a number')
	print(bad or 'ok', len(d['items']))
	EOF2
	expect_true "the dashboard workbook differs from the JSON: $(cat got)" \
	    grep -q '^ok [1-9]' got
	run dashboard --format xlsx
	expect_status 1
	expect_stderr_contains "give -o FILE.xlsx"
}

# assess YEAR --format xlsx: the ranking (as assess --format csv) and every agency's indicator
# lines, holding what --format json says; years, ranks and scores are numbers, values text.
test_xlsx_assess() {
	TODAY=2025-06-30
	run init --demo
	expect_status 0
	xlsx_python || return 0
	run assess 2025 --format json
	expect_status 0
	cp "$T/.stdout" a.json
	run assess 2025 --format xlsx -o a.xlsx
	expect_status 0
	run assess 2025 --kind township --format xlsx -o t.xlsx
	expect_status 0
	"$PY" - a.xlsx a.json t.xlsx >got <<-'EOF2'
	import sys, json, openpyxl
	wb = openpyxl.load_workbook(sys.argv[1])
	d = json.load(open(sys.argv[2]))
	bad = []
	if wb.sheetnames != ['排名', '指标明细']:
	    bad.append(wb.sheetnames)
	for ws in wb:
	    if ws.freeze_panes != 'A2' or not all(c.font.b for c in ws[1]):
	        bad.append(ws.title + ': header not bold and frozen')
	rank = wb.worksheets[0]
	head = [c.value for c in rank[1]]
	want = ['年度', '类别', '排名', '机关', '总分', '等次']
	for l in d['agencies'][0]['indicators']:
	    want += [l['title'], '值']
	if head != want:
	    bad.append(('header', head))
	got = [list(r) for r in rank.iter_rows(min_row=2, values_only=True)]
	want = []
	for a in d['agencies']:
	    row = [d['year'], a['kind'], a['rank'], a['name'], a['total'], a['tier']]
	    for l in a['indicators']:
	        row += [l['score'], l['value']]
	    want.append(row)
	if got != want:
	    bad.append(('ranking', got[:2], want[:2]))
	if any(c.data_type != 's' for c in rank['D'][1:]) or \
	   any(c.data_type != 'n' for c in rank['E'][1:]):
	    bad.append('names are not text or totals not numbers')
	got = [list(r) for r in wb.worksheets[1].iter_rows(min_row=2, values_only=True)]
	want = []
	for a in d['agencies']:
	    for l in a['indicators']:
	        want.append([d['year'], a['name'], l['title'], l['value'], l['target'], l['score'],
	                     l['max'], l['lost']])
	    want.append([d['year'], a['name'], '总分', None, None, a['total'], None, None])
	if got != want:
	    bad.append(('lines', got[:2], want[:2]))
	t = openpyxl.load_workbook(sys.argv[3]).worksheets[0]
	kinds = set(r[1] for r in t.iter_rows(min_row=2, values_only=True))
	if kinds != {'township'}:
	    bad.append(('--kind township', kinds))
	print(bad or 'ok', len(d['agencies']))
	EOF2
	expect_true "the assessment workbook differs from the JSON: $(cat got)" \
	    grep -q '^ok [1-9]' got
	run assess 2025 --format xlsx
	expect_status 1
	expect_stderr_contains "give -o FILE.xlsx"
}
