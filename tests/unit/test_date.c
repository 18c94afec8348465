/* tests/unit/test_date.c: civil dates — parsing every accepted form, refusing the rest, day and
 * month arithmetic, leap years. Expected values are worked out by hand in the comments; none
 * comes from the code under test. No curses, no clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "duban/date.h"
#include "duban/err.h"

/* Parse s with date_parse and check it gives y-m-d. */
static void
expect_parse(const char *s, int y, int m, int d)
{
	struct date out = date_none();
	struct duban_err err;
	int rc;

	duban_err_clear(&err);
	rc = date_parse(s, &out, &err);
	if (rc != DUBAN_OK || !date_eq(out, date_ymd(y, m, d))) {
		print_error("date_parse(\"%s\"): rc %d (%s), got %04d-%02d-%02d, want "
		    "%04d-%02d-%02d\n", s, rc, err.msg, out.y, out.m, out.d, y, m, d);
		fail();
	}
}

/* date_parse must refuse s with DUBAN_EINPUT and say why. */
static void
expect_refused(const char *s)
{
	struct date out = date_none();
	struct duban_err err;
	int rc;

	duban_err_clear(&err);
	rc = date_parse(s, &out, &err);
	if (rc != DUBAN_EINPUT || err.rc != DUBAN_EINPUT || err.msg[0] == '\0') {
		print_error("date_parse(\"%s\"): rc %d, err.rc %d, msg \"%s\", got %04d-%02d-%02d; "
		    "want DUBAN_EINPUT with a message\n", s != NULL ? s : "(null)", rc, err.rc,
		    err.msg, out.y, out.m, out.d);
		fail();
	}
}

static void
expect_iso(const char *s, int y, int m, int d)
{
	struct date out = date_none();
	struct duban_err err;
	int rc;

	duban_err_clear(&err);
	rc = date_parse_iso(s, &out, &err);
	if (rc != DUBAN_OK || !date_eq(out, date_ymd(y, m, d))) {
		print_error("date_parse_iso(\"%s\"): rc %d (%s)\n", s, rc, err.msg);
		fail();
	}
}

static void
expect_iso_refused(const char *s)
{
	struct date out = date_none();
	struct duban_err err;
	int rc;

	duban_err_clear(&err);
	rc = date_parse_iso(s, &out, &err);
	if (rc != DUBAN_EINPUT || err.rc != DUBAN_EINPUT || err.msg[0] == '\0') {
		print_error("date_parse_iso(\"%s\"): rc %d, msg \"%s\"; want DUBAN_EINPUT\n",
		    s != NULL ? s : "(null)", rc, err.msg);
		fail();
	}
}

static void
expect_date(struct date got, int y, int m, int d)
{
	if (!date_eq(got, date_ymd(y, m, d))) {
		print_error("got %04d-%02d-%02d, want %04d-%02d-%02d\n", got.y, got.m, got.d, y, m,
		    d);
		fail();
	}
}

/* ---- parsing: accepted forms ---- */

static void
test_parse_iso_form(void **state)
{
	(void)state;
	expect_parse("2025-03-05", 2025, 3, 5);
	expect_parse("2024-02-29", 2024, 2, 29);	/* 2024 is a leap year */
	expect_parse("2025-3-5", 2025, 3, 5);		/* single digits with '-' */
	expect_parse("1900-01-01", 1900, 1, 1);		/* DATE_MIN_YEAR */
	expect_parse("2999-12-31", 2999, 12, 31);	/* DATE_MAX_YEAR */
}

static void
test_parse_slash_form(void **state)
{
	(void)state;
	expect_parse("2025/3/5", 2025, 3, 5);
	expect_parse("2025/03/05", 2025, 3, 5);
	expect_parse("2025/12/31", 2025, 12, 31);
}

static void
test_parse_dot_form(void **state)
{
	(void)state;
	expect_parse("2025.3.5", 2025, 3, 5);
	expect_parse("2025.03.05", 2025, 3, 5);
	expect_parse("2025.10.1", 2025, 10, 1);
}

static void
test_parse_chinese_form(void **state)
{
	(void)state;
	expect_parse("2025年3月5日", 2025, 3, 5);
	expect_parse("2025年03月05日", 2025, 3, 5);
	expect_parse("2024年10月1日", 2024, 10, 1);
}

static void
test_parse_compact_form(void **state)
{
	(void)state;
	expect_parse("20250305", 2025, 3, 5);
	expect_parse("20240229", 2024, 2, 29);
	expect_parse("19000101", 1900, 1, 1);
}

static void
test_parse_excel_serial(void **state)
{
	(void)state;
	/* Excel: 2025-01-01 is 45658; +31 (Jan) +28 (Feb) +4 = 45721 = 2025-03-05. */
	expect_parse("45721", 2025, 3, 5);
	expect_parse("45658", 2025, 1, 1);
	/* 2000-01-01 is serial 36526 in Excel (1900 date system). */
	expect_parse("36526", 2000, 1, 1);
	/* The time-of-day fraction is ignored: 45721.75 is 18:00 on 2025-03-05. */
	expect_parse("45721.75", 2025, 3, 5);
	expect_parse("45721.5", 2025, 3, 5);
}

static void
test_parse_excel_serial_around_fake_leap_day(void **state)
{
	(void)state;
	/* Serial 1 = 1900-01-01; 31 = 01-31; 59 = 1900-02-28 (31 + 28). */
	expect_parse("1", 1900, 1, 1);
	expect_parse("31", 1900, 1, 31);
	expect_parse("59", 1900, 2, 28);
	/* Excel counts a 1900-02-29 (serial 60) that never existed, so 61 is 1900-03-01. */
	expect_parse("61", 1900, 3, 1);
	expect_parse("62", 1900, 3, 2);
}

/* Serial 60 is Excel's 1900-02-29, a day that does not exist: it must not be taken silently as
 * some other day (it would alias serial 59, 1900-02-28). */
static void
test_parse_excel_serial_60_refused(void **state)
{
	(void)state;
	expect_refused("60");
}

static void
test_parse_blanks_around(void **state)
{
	(void)state;
	expect_parse("  2025-03-05  ", 2025, 3, 5);
	expect_parse("\t2025/3/5\n", 2025, 3, 5);
	expect_parse(" 2025年3月5日\r\n", 2025, 3, 5);
	expect_parse("   20250305 ", 2025, 3, 5);
	expect_parse(" 45721 ", 2025, 3, 5);
	expect_parse("\t45721.75\t", 2025, 3, 5);
}

/* ---- parsing: refusals ---- */

static void
test_parse_refuses_impossible_days(void **state)
{
	(void)state;
	expect_refused("2025-02-30");	/* February has 28 days in 2025 */
	expect_refused("2025-13-01");	/* no month 13 */
	expect_refused("2025-00-10");	/* no month 0 */
	expect_refused("2025-01-00");	/* no day 0 */
	expect_refused("2025-04-31");	/* April has 30 days */
	expect_refused("2023-02-29");	/* 2023 is not a leap year */
	expect_refused("1900-02-29");	/* 1900 is not a leap year (divisible by 100) */
	expect_refused("2025/2/30");
	expect_refused("2025.13.1");
	expect_refused("2023年2月29日");
	expect_refused("20250230");
	expect_refused("20251301");
}

static void
test_parse_refuses_empty(void **state)
{
	(void)state;
	expect_refused("");
	expect_refused("   ");
	expect_refused("\t \n");
	expect_refused(NULL);
}

static void
test_parse_refuses_garbage(void **state)
{
	(void)state;
	expect_refused("garbage");
	expect_refused("abc-de-fg");
	expect_refused("2025-3");	/* no day */
	expect_refused("2025--03-05");	/* doubled separator */
	expect_refused("2025-03/05");	/* mixed separators */
	expect_refused("2025-03-05x");	/* trailing junk */
	expect_refused("2025-03-05 10:00");
	expect_refused("2025年3月");	/* no day */
	expect_refused("2025年3月5日x");
	expect_refused("0");		/* Excel has no serial 0 */
	expect_refused("202503");	/* six digits: neither a serial nor YYYYMMDD */
	expect_refused("2025030");	/* seven digits */
	expect_refused("-45721");
	expect_refused("3月5日");
	expect_refused("05/03/2025");	/* day-first forms are not accepted */
}

static void
test_parse_refuses_overlong(void **state)
{
	char longs[300];
	int i;

	(void)state;
	/* 2025-03-05 written 20 times: 200 characters. */
	for (i = 0; i < 20; i++)
		memcpy(longs + i * 10, "2025-03-05", 10);
	longs[200] = '\0';
	expect_refused(longs);
	memset(longs, '1', sizeof(longs) - 1);
	longs[sizeof(longs) - 1] = '\0';
	expect_refused(longs);
	expect_refused("00000000000000000000000000000002025-03-05");
}

static void
test_parse_refuses_year_out_of_range(void **state)
{
	(void)state;
	expect_refused("1899-12-31");	/* DATE_MIN_YEAR is 1900 */
	expect_refused("3000-01-01");	/* DATE_MAX_YEAR is 2999 */
	expect_refused("18991231");
	expect_refused("30000101");
	expect_refused("1899年12月31日");
}

static void
test_parse_null_err_is_allowed(void **state)
{
	struct date out = date_none();

	(void)state;
	assert_int_equal(date_parse("2025-02-30", &out, NULL), DUBAN_EINPUT);
	assert_int_equal(date_parse("2025-03-05", &out, NULL), DUBAN_OK);
	expect_date(out, 2025, 3, 5);
}

static void
test_parse_iso_strict(void **state)
{
	(void)state;
	expect_iso("2025-03-05", 2025, 3, 5);
	expect_iso("2024-02-29", 2024, 2, 29);
	expect_iso("1900-01-01", 1900, 1, 1);
	expect_iso_refused("2025-3-5");
	expect_iso_refused("2025-03-5");
	expect_iso_refused("2025-3-05");
	expect_iso_refused("2025/03/05");
	expect_iso_refused("2025.03.05");
	expect_iso_refused("2025年03月05日");
	expect_iso_refused("20250305");
	expect_iso_refused("45721");
	expect_iso_refused(" 2025-03-05");
	expect_iso_refused("2025-03-05 ");
	expect_iso_refused("2025-03-05T10:00");
	expect_iso_refused("12025-03-05");
	expect_iso_refused("2025-003-05");
	expect_iso_refused("2025-02-30");
	expect_iso_refused("2023-02-29");
	expect_iso_refused("2025-13-01");
	expect_iso_refused("1899-12-31");
	expect_iso_refused("");
	expect_iso_refused(NULL);
}

/* ---- predicates and arithmetic ---- */

static void
test_leap_years(void **state)
{
	(void)state;
	assert_false(date_is_leap_year(1900));	/* divisible by 100, not by 400 */
	assert_true(date_is_leap_year(2000));	/* divisible by 400 */
	assert_true(date_is_leap_year(2024));
	assert_false(date_is_leap_year(2023));
	assert_false(date_is_leap_year(2100));
	assert_true(date_is_leap_year(2400));
	assert_int_equal(date_days_in_month(1900, 2), 28);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2025, 2), 28);
	assert_int_equal(date_days_in_month(2100, 2), 28);
	assert_int_equal(date_days_in_month(2025, 1), 31);
	assert_int_equal(date_days_in_month(2025, 4), 30);
	assert_int_equal(date_days_in_month(2025, 12), 31);
	assert_int_equal(date_days_in_month(2025, 0), 0);
	assert_int_equal(date_days_in_month(2025, 13), 0);
}

static void
test_is_valid(void **state)
{
	(void)state;
	assert_true(date_is_valid(2024, 2, 29));
	assert_false(date_is_valid(2023, 2, 29));
	assert_false(date_is_valid(1900, 2, 29));
	assert_true(date_is_valid(2000, 2, 29));
	assert_false(date_is_valid(2025, 4, 31));
	assert_false(date_is_valid(2025, 0, 1));
	assert_false(date_is_valid(2025, 1, 0));
	assert_false(date_is_valid(1899, 12, 31));
	assert_false(date_is_valid(3000, 1, 1));
	assert_true(date_is_valid(2999, 12, 31));
}

static void
test_none_eq_cmp(void **state)
{
	(void)state;
	assert_true(date_is_none(date_none()));
	assert_false(date_is_none(date_ymd(2025, 3, 5)));
	assert_true(date_eq(date_ymd(2025, 3, 5), date_ymd(2025, 3, 5)));
	assert_false(date_eq(date_ymd(2025, 3, 5), date_ymd(2025, 3, 6)));
	assert_true(date_cmp(date_ymd(2024, 12, 31), date_ymd(2025, 1, 1)) < 0);
	assert_true(date_cmp(date_ymd(2025, 2, 1), date_ymd(2025, 1, 31)) > 0);
	assert_true(date_cmp(date_ymd(2025, 1, 2), date_ymd(2025, 1, 1)) > 0);
	assert_int_equal(date_cmp(date_ymd(2025, 3, 5), date_ymd(2025, 3, 5)), 0);
}

static void
test_weekday_known_days(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(date_ymd(1970, 1, 1)), 4);	/* Thursday */
	assert_int_equal(date_weekday(date_ymd(1969, 12, 31)), 3);	/* Wednesday */
	assert_int_equal(date_weekday(date_ymd(1900, 1, 1)), 1);	/* Monday */
	assert_int_equal(date_weekday(date_ymd(2000, 1, 1)), 6);	/* Saturday */
	assert_int_equal(date_weekday(date_ymd(2025, 3, 5)), 3);	/* Wednesday */
	assert_int_equal(date_weekday(date_ymd(2024, 2, 29)), 4);	/* Thursday */
	assert_int_equal(date_weekday(date_ymd(2024, 10, 1)), 2);	/* Tuesday, 国庆 */
	assert_int_equal(date_weekday(date_ymd(2024, 10, 12)), 6);	/* make-up Saturday */
	assert_int_equal(date_weekday(date_ymd(2024, 2, 18)), 7);	/* make-up Sunday */
	assert_int_equal(date_weekday(date_ymd(2026, 2, 28)), 6);	/* make-up Saturday */
}

static void
test_to_days_known_values(void **state)
{
	(void)state;
	assert_int_equal(date_to_days(date_ymd(1970, 1, 1)), 0);
	assert_int_equal(date_to_days(date_ymd(1970, 1, 2)), 1);
	assert_int_equal(date_to_days(date_ymd(1969, 12, 31)), -1);
	/* 30 years * 365 + 7 leap days (1972..1996) = 10957. */
	assert_int_equal(date_to_days(date_ymd(2000, 1, 1)), 10957);
	/* 70 years * 365 + 17 leap days (1904..1968) = 25567 days before 1970. */
	assert_int_equal(date_to_days(date_ymd(1900, 1, 1)), -25567);
	/* 2025-01-01 = 55 * 365 + 14 leap days = 20089; + 31 + 28 + 4 = 20152. */
	assert_int_equal(date_to_days(date_ymd(2025, 3, 5)), 20152);
	expect_date(date_from_days(20152), 2025, 3, 5);
	expect_date(date_from_days(-25567), 1900, 1, 1);
	expect_date(date_from_days(10957), 2000, 1, 1);
}

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Walk every day from 1900-01-01 to 2999-12-31 with an independent day counter: each day's
 * to_days is one more than the last, from_days gives it back, weekdays cycle from Monday. */
static void
test_days_round_trip_1900_to_2999(void **state)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y = 1900;
	int m = 1;
	int d = 1;
	int64_t k = -25567;	/* 1900-01-01, see test_to_days_known_values */
	int wd = 1;		/* 1900-01-01 was a Monday */
	int64_t n = 0;

	(void)state;
	for (;;) {
		struct date cur = date_ymd(y, m, d);
		struct date back = date_from_days(k);
		int dim;

		if (date_to_days(cur) != k || !date_eq(back, cur) || date_weekday(cur) != wd) {
			print_error("%04d-%02d-%02d: to_days %lld (want %lld), from_days "
			    "%04d-%02d-%02d, weekday %d (want %d)\n", y, m, d,
			    (long long)date_to_days(cur), (long long)k, back.y, back.m, back.d,
			    date_weekday(cur), wd);
			fail();
		}
		if (y == 2999 && m == 12 && d == 31)
			break;
		dim = m == 2 && leap(y) ? 29 : mdays[m - 1];
		if (++d > dim) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
		k++;
		n++;
		wd = wd % 7 + 1;
	}
	/* 1100 years of 365 days plus the leap days: 274 multiples of 4 from 1904 to 2996,
	 * less the 7 centuries 2100, 2200, 2300, 2500, 2600, 2700, 2900 = 267. */
	assert_int_equal(n + 1, 1100 * 365 + 267);
}

static void
test_add_days_across_years(void **state)
{
	(void)state;
	expect_date(date_add_days(date_ymd(2024, 12, 31), 1), 2025, 1, 1);
	expect_date(date_add_days(date_ymd(2025, 1, 1), -1), 2024, 12, 31);
	expect_date(date_add_days(date_ymd(1999, 12, 31), 1), 2000, 1, 1);
	expect_date(date_add_days(date_ymd(2024, 2, 28), 1), 2024, 2, 29);
	expect_date(date_add_days(date_ymd(2023, 2, 28), 1), 2023, 3, 1);
	expect_date(date_add_days(date_ymd(1900, 2, 28), 1), 1900, 3, 1);
	/* 2024 is leap: 366 days to the next new year; 2025: 365. */
	expect_date(date_add_days(date_ymd(2024, 1, 1), 366), 2025, 1, 1);
	expect_date(date_add_days(date_ymd(2025, 1, 1), 365), 2026, 1, 1);
	/* 12/22 + 9 = 12/31, + 10 = 01-01. */
	expect_date(date_add_days(date_ymd(2023, 12, 22), 10), 2024, 1, 1);
	/* 9/16 + 14 = 9/30, + 15 = 10/01. */
	expect_date(date_add_days(date_ymd(2025, 9, 16), 15), 2025, 10, 1);
	expect_date(date_add_days(date_ymd(2025, 3, 5), 0), 2025, 3, 5);
	assert_int_equal(date_diff_days(date_ymd(2024, 1, 1), date_ymd(2025, 1, 1)), 366);
	assert_int_equal(date_diff_days(date_ymd(2025, 1, 1), date_ymd(2024, 1, 1)), -366);
	assert_int_equal(date_diff_days(date_ymd(2024, 10, 8), date_ymd(2024, 10, 15)), 7);
}

/* 民法典 第202条: the same day of the target month, or its last day when it has none. */
static void
test_add_months_month_end(void **state)
{
	(void)state;
	expect_date(date_add_months(date_ymd(2025, 1, 31), 1), 2025, 2, 28);
	expect_date(date_add_months(date_ymd(2024, 1, 31), 1), 2024, 2, 29);	/* leap */
	expect_date(date_add_months(date_ymd(2024, 12, 31), 2), 2025, 2, 28);	/* across a year */
	expect_date(date_add_months(date_ymd(2023, 12, 31), 2), 2024, 2, 29);
	expect_date(date_add_months(date_ymd(2025, 12, 31), 2), 2026, 2, 28);
	expect_date(date_add_months(date_ymd(2024, 2, 29), 12), 2025, 2, 28);
	expect_date(date_add_months(date_ymd(2024, 2, 29), 48), 2028, 2, 29);
	expect_date(date_add_months(date_ymd(2025, 3, 31), 1), 2025, 4, 30);
	expect_date(date_add_months(date_ymd(2025, 1, 15), 1), 2025, 2, 15);
	expect_date(date_add_months(date_ymd(2025, 11, 30), 3), 2026, 2, 28);
	expect_date(date_add_months(date_ymd(2025, 10, 31), 12), 2026, 10, 31);
	expect_date(date_add_months(date_ymd(2100, 1, 31), 1), 2100, 2, 28);	/* not leap */
	expect_date(date_add_months(date_ymd(2000, 1, 31), 1), 2000, 2, 29);	/* leap */
	expect_date(date_add_months(date_ymd(2025, 5, 31), 0), 2025, 5, 31);
	/* Backwards. */
	expect_date(date_add_months(date_ymd(2024, 3, 31), -1), 2024, 2, 29);
	expect_date(date_add_months(date_ymd(2025, 1, 31), -2), 2024, 11, 30);
	expect_date(date_add_months(date_ymd(2025, 1, 15), -13), 2023, 12, 15);
}

static void
test_format(void **state)
{
	char out[DATE_ISO_LEN];

	(void)state;
	assert_ptr_equal(date_format(date_ymd(2025, 3, 5), out), out);
	assert_string_equal(out, "2025-03-05");
	assert_string_equal(date_format(date_ymd(1900, 1, 1), out), "1900-01-01");
	assert_string_equal(date_format(date_ymd(2999, 12, 31), out), "2999-12-31");
	assert_string_equal(date_format(date_ymd(2024, 10, 12), out), "2024-10-12");
	assert_string_equal(date_format(date_none(), out), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_iso_form),
		cmocka_unit_test(test_parse_slash_form),
		cmocka_unit_test(test_parse_dot_form),
		cmocka_unit_test(test_parse_chinese_form),
		cmocka_unit_test(test_parse_compact_form),
		cmocka_unit_test(test_parse_excel_serial),
		cmocka_unit_test(test_parse_excel_serial_around_fake_leap_day),
		cmocka_unit_test(test_parse_excel_serial_60_refused),
		cmocka_unit_test(test_parse_blanks_around),
		cmocka_unit_test(test_parse_refuses_impossible_days),
		cmocka_unit_test(test_parse_refuses_empty),
		cmocka_unit_test(test_parse_refuses_garbage),
		cmocka_unit_test(test_parse_refuses_overlong),
		cmocka_unit_test(test_parse_refuses_year_out_of_range),
		cmocka_unit_test(test_parse_null_err_is_allowed),
		cmocka_unit_test(test_parse_iso_strict),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_is_valid),
		cmocka_unit_test(test_none_eq_cmp),
		cmocka_unit_test(test_weekday_known_days),
		cmocka_unit_test(test_to_days_known_values),
		cmocka_unit_test(test_days_round_trip_1900_to_2999),
		cmocka_unit_test(test_add_days_across_years),
		cmocka_unit_test(test_add_months_month_end),
		cmocka_unit_test(test_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
