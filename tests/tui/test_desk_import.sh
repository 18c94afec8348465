# tests/tui/test_desk_import.sh: importing from the desk (key 8) and exporting a list (x).
# A file with one good row and two bad ones: the preview names the kind, the encoding (a
# GB18030 file, as Excel on Chinese Windows saves it) and each column's field, the dry run
# counts them and shows the refusals with line and reason; F2 all-or-nothing writes nothing;
# the refusal names no command-line flag, and Enter goes back to the file's check (not to the
# dashboard), where Space switches to skipping refused rows (and does not page), F2 writes
# the good row and names the rejects file, which holds the two bad rows. The path is edited
# as any text (^U clears it). At 80x24 what the check finds and what F2 will do come first;
# a check with more lines than fit says "more below". A file without a header is told so
# without naming --kind; one whose header fits two kinds lets K choose the kind. Then the litigation list exports (x) to a file that imports
# back unchanged.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
printf '案号,被告机关,收到起诉状副本日期,原告\r\nIMP-1,县公安局,2025/6/20,张三\r\nIMP-2,不存在局,2025/6/20,李四\r\nIMP-3,县公安局,2025-02-30,王五\r\n' |
    iconv -f UTF-8 -t GB18030 >in.csv
tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys 8
tui_wait_for 'Import a CSV file or workbook'
tui_type 'nowhere/x'
tui_wait_for 'File: nowhere/x'
tui_keys C-u
tui_wait_line 2 ' File:'
tui_type in.c
tui_keys Tab
tui_wait_for 'File: in.csv'
tui_keys Enter
tui_wait_for 'Kind: Litigation case; encoding: gb18030; separated by commas'
tui_wait_for '收到起诉状副本日期 -> Complaint copy received on'
tui_wait_for 'line 3, 被告机关: there is no agency "不存在局"'
tui_wait_for 'line 4, 收到起诉状副本日期: "2025-02-30": there is no day 30 in 2025-02'
tui_wait_for 'rows 3: new 1, updated 0, unchanged 0, refused 2'
# All or nothing: nothing is written.
tui_wait_line 6 '   rows 3: new 1, updated 0, unchanged 0, refused 2'
tui_keys F2
tui_wait_for 'Nothing was written: 2 of 3 rows were refused.'
tui_expect_absent 'skip-invalid'
n=$(sqlite3 db "SELECT count(*) FROM litigation_cases WHERE case_no LIKE 'IMP-%'")
[ "$n" = 0 ] || tui_fail "all-or-nothing wrote $n rows"
tui_keys Enter
tui_wait_for 'skip refused rows)'
tui_expect_absent 'Most urgent:'
tui_keys Space
tui_wait_for 'refused rows go to a rejects file'
tui_wait_line 4 ' Kind: Litigation case; encoding: gb18030; separated by commas'
tui_keys F2
tui_wait_for 'Written as import batch'
tui_wait_for 'in.rejects.csv'
n=$(sqlite3 db "SELECT count(*) FROM litigation_cases WHERE case_no LIKE 'IMP-%'")
[ "$n" = 1 ] || tui_fail "skip-invalid wrote $n rows, not 1"
[ "$(sqlite3 db "SELECT plaintiff FROM litigation_cases WHERE case_no = 'IMP-1'")" = 张三 ] ||
    tui_fail "the Chinese text did not survive the GB18030 file"
grep -q 'IMP-2' in.rejects.csv && grep -q 'IMP-3' in.rejects.csv ||
    tui_fail "the rejects file lacks a refused row: $(cat in.rejects.csv)"
grep -q 'IMP-1' in.rejects.csv && tui_fail "the rejects file holds the good row"
tui_keys Enter
tui_wait_line 2 ' File:'

# Many refusals: more than fit at 80x24, and the screen says so.
{
	printf '案号,被告机关,收到起诉状副本日期\r\n'
	i=0
	while [ $i -lt 30 ]; do
		printf 'BAD-%d,不存在局%d,2025/6/20\r\n' $i $i
		i=$((i + 1))
	done
} >many.csv
tui_type many.csv
tui_keys Enter
tui_wait_for 'rows 30: new 0, updated 0, unchanged 0, refused 30'
tui_wait_for 'more lines below: Down or PgDn'
# No header: said without the command line's --kind.
printf 'foo,bar\r\nA,B\r\n' >nohead.csv
tui_keys Escape
tui_wait_line 2 ' File: many.csv'
tui_keys C-u
tui_type nohead.csv
tui_keys Enter
tui_wait_for 'the first row must name the columns'
tui_expect_absent '--kind'
# A header that fits two kinds: K chooses the kind in the desk.
printf 'case_no,agency\r\nKIND-1,县公安局\r\n' >twokinds.csv
tui_keys C-u
tui_type twokinds.csv
tui_keys Enter
tui_wait_for 'chooses the kind.'
tui_expect_absent '--kind'
tui_keys K
tui_wait_for 'Kind of records in the file:'
tui_type 'Reconsid'
tui_wait_for '> Reconsideration case'
tui_keys Enter
tui_wait_for 'Kind: Reconsideration case'
tui_wait_for 'rows 1: new 1'
tui_keys Escape
tui_keys Escape
tui_wait_gone 'Import a CSV file'

# Export the litigation list as it stands and read it back: nothing changes.
tui_keys 2
tui_wait_for '  by urgency'
tui_keys x
tui_wait_for 'Save as an Excel workbook'
tui_keys n
tui_wait_for 'Save in GB18030'
tui_keys n
tui_wait_for 'records to Litigation-case-2025-06-30.csv'
[ -s Litigation-case-2025-06-30.csv ] || tui_fail "no export file"
tui_duban --db db --today 2025-06-30 --lang en import Litigation-case-2025-06-30.csv >imp.out
grep -q ' 0 new, 0 updated, .* unchanged, 0 refused' "$TUI_TMP/.stderr" ||
    tui_fail "the export did not import back unchanged: $(cat "$TUI_TMP/.stderr")"
tui_keys F10
tui_expect_exit 0
