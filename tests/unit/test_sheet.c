/* tests/unit/test_sheet.c: what a spreadsheet leaves in a CSV file, recognised: total rows,
 * E notation, Chinese saved as "?". Each case is a cell as LibreOffice, Excel or WPS writes
 * it. No database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "duban/sheet.h"

static void
test_total_rows(void **state)
{
	const char *total[] = { "合计", "", "", "12", "3.5" };
	const char *spaced[] = { "", "总 计：", "1,234", "50%" };
	const char *sub[] = { "小计", "" };
	const char *text[] = { "合计", "县公安局", "3" };
	const char *late[] = { "", "", "", "合计", "3" };
	const char *record[] = { "(2025)浙0521行初1号", "县公安局", "合计" };

	(void)state;
	assert_true(sheet_is_total_row(total, 5));
	assert_true(sheet_is_total_row(spaced, 4));
	assert_true(sheet_is_total_row(sub, 2));
	assert_false(sheet_is_total_row(text, 3));	/* a name beside it: a record */
	assert_false(sheet_is_total_row(late, 5));	/* not in the first columns */
	assert_false(sheet_is_total_row(record, 3));
}

static void
test_e_notation(void **state)
{
	(void)state;
	assert_true(sheet_is_e_notation("3.3052119900101E+017"));
	assert_true(sheet_is_e_notation(" 1.2e5 "));
	assert_true(sheet_is_e_notation("-1E-3"));
	assert_false(sheet_is_e_notation("E5"));
	assert_false(sheet_is_e_notation("12345"));
	assert_false(sheet_is_e_notation("1.2E"));
	assert_false(sheet_is_e_notation("(2025)E1号"));
	assert_false(sheet_is_e_notation("3E+5号"));
}

static void
test_lost_text(void **state)
{
	const char *row[] = { "case_no", "???" };

	(void)state;
	assert_true(sheet_is_lost_text("??"));
	assert_true(sheet_is_lost_text("?? ?,?"));
	assert_false(sheet_is_lost_text("?"));		/* one question mark is a question */
	assert_false(sheet_is_lost_text("why??"));
	assert_false(sheet_is_lost_text("是否??"));
	assert_true(sheet_row_lost_text(row, 2));
	assert_false(sheet_row_lost_text(row, 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_total_rows),
		cmocka_unit_test(test_e_notation),
		cmocka_unit_test(test_lost_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
