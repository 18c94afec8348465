# tests/tui/test_desk_export.sh: x writes the list (or the ranking) to a CSV file named in the
# interface language; a list or the assessment asks first whether to write an Excel workbook
# (.xlsx) instead; a
# CSV file asks for the encoding (UTF-8 with BOM, or GB18030 for older Excel) and, when a file
# of that name exists, whether to replace it: n leaves it as it was.
# Demo data of 2025-06-30, 80x24.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys 2
tui_wait_for 'Litigation case'
file=Litigation-case-2025-06-30.csv
tui_keys x
tui_wait_for 'Save as an Excel workbook (.xlsx)? n: CSV (y/n)'
tui_keys n
tui_wait_for 'Save in GB18030 (older Excel)? n: UTF-8 with BOM (Excel 2016+, WPS) (y/n)'
tui_keys n
tui_wait_for "records to $file (UTF-8 with BOM)"
[ "$(head -c 3 "$file" | od -An -tx1 | tr -d ' \n')" = efbbbf ] ||
    tui_fail "$file does not start with the UTF-8 BOM"

# The file exists now: x asks before replacing it; n leaves it alone.
echo 'kept' >"$file"
tui_keys x
tui_wait_for 'Save as an Excel workbook'
tui_keys n
tui_wait_for "$file exists. Replace it? (y/n)"
tui_keys n
tui_wait_for "Not saved: $file is as it was."
[ "$(cat "$file")" = kept ] || tui_fail "$file was replaced after n"

# y replaces it; GB18030 this time: no BOM, and the Chinese headers read back from GB18030.
tui_keys x
tui_wait_for 'Save as an Excel workbook'
tui_keys n
tui_wait_for "$file exists. Replace it?"
tui_keys y
tui_wait_for 'Save in GB18030'
tui_keys y
tui_wait_for "records to $file (GB18030)"
[ "$(head -c 3 "$file" | od -An -tx1 | tr -d ' \n')" != efbbbf ] ||
    tui_fail "the GB18030 file starts with a BOM"
if command -v iconv >/dev/null 2>&1; then
	iconv -f GB18030 -t UTF-8 "$file" | grep -q '(2025)浙0521行初361号' ||
	    tui_fail "$file does not read back as GB18030"
fi
# y: an Excel workbook of the same list, named .xlsx, that imports back unchanged.
tui_keys x
tui_wait_for 'Save as an Excel workbook'
tui_keys y
tui_wait_for "records to Litigation-case-2025-06-30.xlsx (Excel workbook)"
[ "$(head -c 2 Litigation-case-2025-06-30.xlsx)" = PK ] ||
    tui_fail "Litigation-case-2025-06-30.xlsx is not a workbook (a ZIP file)"
# The desk's import reads it back (key 8): its sheet, every row unchanged.
tui_keys 8
tui_wait_for 'Import a CSV file'
tui_type Litigation-case-2025-06-30.xlsx
tui_keys Enter
tui_wait_for 'Kind: Litigation case; workbook sheet "Litigation case"'
tui_wait_for 'new 0, updated 0, unchanged 364, refused 0'
tui_keys Escape
tui_keys F10
tui_expect_exit 0

# In Chinese the files have Chinese names: the list and the ranking.
tui_start --db db --today 2025-06-30 --lang zh
tui_wait_for '紧急事项'
tui_keys 2
tui_wait_for '行政诉讼案件'
tui_keys x
tui_wait_for '保存为 Excel 工作簿（.xlsx）？否则为 CSV'
tui_keys n
tui_wait_for '用 GB18030 保存（旧版 Excel）？否则为带 BOM 的 UTF-8（新版 Excel、WPS）'
tui_keys n
tui_wait_for '行政诉讼案件-2025-06-30.csv（带 BOM 的 UTF-8）'
[ -f 行政诉讼案件-2025-06-30.csv ] || tui_fail "no file 行政诉讼案件-2025-06-30.csv"
tui_keys 7
tui_wait_for '2024'
tui_keys x
tui_wait_for '保存为 Excel 工作簿（.xlsx）？否则为 CSV'
tui_keys n
tui_wait_for '用 GB18030 保存'
tui_keys n
tui_wait_for '已保存到 考核排名-2024.csv（带 BOM 的 UTF-8）'
# The ranking as a workbook: a ZIP file (PK) beside the CSV.
tui_keys x
tui_wait_for '保存为 Excel 工作簿（.xlsx）？否则为 CSV'
tui_keys y
tui_wait_for '已保存到 考核排名-2024.xlsx（Excel 工作簿）'
[ "$(head -c 2 考核排名-2024.xlsx)" = PK ] || tui_fail "考核排名-2024.xlsx is not a workbook"
tui_keys x
tui_wait_for '保存为 Excel 工作簿'
tui_keys n
tui_wait_for '考核排名-2024.csv 已存在。替换它吗？'
tui_keys n
tui_wait_for '未保存：考核排名-2024.csv 保持原样。'
# An agency's sheet: 考核明细-2024-NAME.csv, asked for the same way.
tui_keys Enter
tui_wait_for '在指标上按 Enter'
tui_keys x
tui_wait_for '保存为 Excel 工作簿'
tui_keys n
tui_wait_for '用 GB18030 保存'
tui_keys y
tui_wait_for '已保存到 考核明细-2024-'
tui_wait_for '（GB18030）'
ls 考核明细-2024-*.csv >/dev/null 2>&1 || tui_fail "no file 考核明细-2024-*.csv"
tui_keys Escape
tui_wait_for '部门（'
# The message belongs to the ranking: the dashboard does not repeat it.
tui_keys 1
tui_wait_for '紧急事项'
tui_expect_absent '考核排名-2024.csv'
tui_keys F10
tui_expect_exit 0
