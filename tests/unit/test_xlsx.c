/* tests/unit/test_xlsx.c: workbooks written by xlsx_out and by libxlsxwriter directly, read
 * back by xlsx_in: text cells stay text, date cells are dates, numbers of more than 15
 * significant digits come out in E notation, empty cells keep their column, sheets by title.
 * Files in a temporary directory. No database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <xlsxwriter.h>

#include "duban/buf.h"
#include "duban/err.h"
#include "duban/xlsx_in.h"
#include "duban/xlsx_out.h"

static char dir[64];
static char path[128];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/duban-xlsx.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof(path), "%s/t.xlsx", dir);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(path);
	rmdir(dir);
	return 0;
}

/* The next row of x as "line: a|b|c". */
static void
next_row(struct xlsx_in *x, struct buf *out)
{
	struct duban_err err;
	const struct buf *cells = NULL;
	long row = 0;
	size_t n = 0;
	size_t i;

	buf_reset(out);
	assert_int_equal(xlsx_in_next(x, &row, &n, &cells, &err), DUBAN_OK);
	if (n == 0) {
		buf_adds(out, "end");
		return;
	}
	buf_printf(out, "%ld:", row);
	for (i = 0; i < n; i++)
		buf_printf(out, "%s%s", i > 0 ? "|" : " ", buf_str(&cells[i]));
}

static void
test_typed_cells_round_trip(void **state)
{
	const char *headers[] = { "案号", "日期", "年度" };
	struct xlsx_out *w = NULL;
	struct xlsx_in *r = NULL;
	struct duban_err err;
	struct buf b = BUF_INIT;

	(void)state;
	assert_int_equal(xlsx_out_open(path, "t.xlsx", &w, &err), DUBAN_OK);
	assert_int_equal(xlsx_out_sheet(w, "Sheet[1]", headers, 3, &err), DUBAN_OK);
	xlsx_out_cell(w, 0, XLSX_TEXT, "00521");
	xlsx_out_cell(w, 1, XLSX_DATE, "2025-03-01");
	xlsx_out_cell(w, 2, XLSX_NUMBER, "2025");
	xlsx_out_end_row(w);
	xlsx_out_cell(w, 0, XLSX_TEXT, "=1+1 _x0041_\x01");
	xlsx_out_cell(w, 2, XLSX_NUMBER, "0012");	/* a leading zero: kept as text */
	xlsx_out_end_row(w);
	assert_int_equal(xlsx_out_sheet(w, "Sheet[1]", headers, 1, &err), DUBAN_OK);
	xlsx_out_cell(w, 0, XLSX_TEXT, "第二张");
	xlsx_out_end_row(w);
	assert_int_equal(xlsx_out_close(w, true, &err), DUBAN_OK);

	assert_int_equal(xlsx_in_open(path, "t.xlsx", NULL, &r, &err), DUBAN_OK);
	assert_string_equal(xlsx_in_sheet(r), "Sheet_1_");
	next_row(r, &b);
	assert_string_equal(buf_str(&b), "1: 案号|日期|年度");
	next_row(r, &b);
	assert_string_equal(buf_str(&b), "2: 00521|2025-03-01|2025");
	next_row(r, &b);
	assert_string_equal(buf_str(&b), "3: =1+1 _x0041_\x01||0012");
	next_row(r, &b);
	assert_string_equal(buf_str(&b), "end");
	xlsx_in_close(r);
	/* The second sheet of the same title got a number. */
	assert_int_equal(xlsx_in_open(path, "t.xlsx", "Sheet_1_ 2", &r, &err), DUBAN_OK);
	next_row(r, &b);
	next_row(r, &b);
	assert_string_equal(buf_str(&b), "2: 第二张");
	xlsx_in_close(r);
	assert_int_equal(xlsx_in_open(path, "t.xlsx", "nope", &r, &err), DUBAN_EINPUT);
	assert_non_null(strstr(err.msg, "\"Sheet_1_\", \"Sheet_1_ 2\""));
	buf_release(&b);
}

/* Cells as another program writes them: numbers where text was, dates in East Asian
 * formats, gaps between cells. */
static void
test_numbers_and_dates(void **state)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "台账");
	lxw_format *cn = workbook_add_format(wb);
	lxw_format *b14 = workbook_add_format(wb);
	struct xlsx_in *r = NULL;
	struct duban_err err;
	struct buf b = BUF_INIT;

	(void)state;
	format_set_num_format(cn, "yyyy\"年\"m\"月\"d\"日\"");
	format_set_num_format_index(b14, 14);
	worksheet_write_number(ws, 0, 0, 330521199001010012.0, NULL);
	worksheet_write_number(ws, 0, 1, 521, NULL);
	worksheet_write_number(ws, 0, 2, 1.5, NULL);
	worksheet_write_number(ws, 0, 4, 45720, cn);	/* column D empty */
	worksheet_write_number(ws, 0, 5, 45720.75, b14);
	worksheet_write_boolean(ws, 0, 6, 1, NULL);
	worksheet_write_number(ws, 2, 1, 1, b14);	/* row 2 empty; serial 1 */
	worksheet_write_number(ws, 2, 2, 61, b14);	/* after the 1900-02-29 that never was */
	workbook_close(wb);

	assert_int_equal(xlsx_in_open(path, "t.xlsx", NULL, &r, &err), DUBAN_OK);
	next_row(r, &b);
	assert_string_equal(buf_str(&b),
	    "1: 3.3052119900101E+17|521|1.5||2025-03-04|2025-03-04|1");
	next_row(r, &b);
	assert_string_equal(buf_str(&b), "3: |1900-01-01|1900-03-01");
	next_row(r, &b);
	assert_string_equal(buf_str(&b), "end");
	xlsx_in_close(r);
	buf_release(&b);
}

static void
test_not_a_workbook(void **state)
{
	struct xlsx_in *r = NULL;
	struct duban_err err;
	FILE *f = fopen(path, "wb");

	(void)state;
	fputs("PK\003\004 broken", f);
	fclose(f);
	assert_true(xlsx_in_is_zip(path));
	assert_int_equal(xlsx_in_open(path, "t.xlsx", NULL, &r, &err), DUBAN_EINPUT);
	assert_non_null(strstr(err.msg, "not a workbook"));
	f = fopen(path, "wb");
	fputs("案号\n", f);
	fclose(f);
	assert_false(xlsx_in_is_zip(path));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_typed_cells_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_numbers_and_dates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_a_workbook, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
