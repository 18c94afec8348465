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
