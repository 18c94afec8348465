/* tests/unit/test_lunar.c: the computed lunisolar calendar and solar terms against the official
 * holiday schedules (data/calendar, transcribed from the State Council notices 2007-2026: each
 * year's 春节, 清明, 端午 and 中秋 rest days contain the festival itself), against dates known
 * from published almanacs, and the provisional layer built from them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "duban/calendar.h"
#include "duban/date.h"
#include "duban/err.h"
#include "duban/lunar.h"
#include "duban/provisional.h"

static struct calendar *
shipped(void)
{
	const char *data = getenv("DUBAN_DATA");
	char dir[1024];
	struct calendar *cal = calendar_new();
	struct duban_err err;

	snprintf(dir, sizeof(dir), "%s/calendar", data != NULL && data[0] != '\0' ? data : "data");
	duban_err_clear(&err);
	if (calendar_load_dir(cal, dir, &err) != DUBAN_OK)
		fail_msg("cannot load %s: %s %s", dir, err.where, err.msg);
	return cal;
}

/* d is an official rest day whose name mentions festival. */
static void
assert_rest(const struct calendar *cal, struct date d, const char *festival)
{
	const char *name = NULL;
	char iso[DATE_ISO_LEN];

	if (calendar_kind_of(cal, d, &name) != CALENDAR_HOLIDAY || strstr(name, festival) == NULL)
		fail_msg("%s computed on %s, which is not an official %s rest day", festival,
		    date_format(d, iso), festival);
}

static void
test_official_years(void **state)
{
	struct calendar *cal = shipped();
	int first = 0;
	int last = 0;
	int y;
	int checked = 0;

	(void)state;
	assert_true(calendar_coverage_range(cal, &first, &last));
	assert_int_equal(first, 2007);
	for (y = first; y <= last; y++) {
		assert_true(calendar_covers(cal, y));
		/* 春节: 初一 is a rest day every year; from 2025 除夕 is one too. */
		assert_rest(cal, lunar_to_solar(y, 1, 1), "春节");
		if (y >= PROVISIONAL_FIRST_YEAR)
			assert_rest(cal, date_add_days(lunar_to_solar(y, 1, 1), -1), "春节");
		if (y >= 2008) {	/* 清明, 端午, 中秋 are holidays since the 2007 revision */
			assert_rest(cal, lunar_solar_term(y, 15), "清明");
			assert_rest(cal, lunar_to_solar(y, 5, 5), "端午");
			assert_rest(cal, lunar_to_solar(y, 8, 15), "中秋");
		}
		checked++;
	}
	assert_int_equal(checked, 20);
	calendar_free(cal);
}

/* Almanac values (香港天文台 農曆對照表, 紫金山天文台). */
static void
test_known_dates(void **state)
{
	(void)state;
	assert_true(date_eq(lunar_to_solar(2027, 1, 1), date_ymd(2027, 2, 6)));
	assert_true(date_eq(lunar_solar_term(2027, 15), date_ymd(2027, 4, 5)));
	assert_true(date_eq(lunar_to_solar(2027, 5, 5), date_ymd(2027, 6, 9)));
	assert_true(date_eq(lunar_to_solar(2027, 8, 15), date_ymd(2027, 9, 15)));
	assert_true(date_eq(lunar_to_solar(2028, 1, 1), date_ymd(2028, 1, 26)));
	assert_true(date_eq(lunar_to_solar(1901, 1, 1), date_ymd(1901, 2, 19)));
	assert_true(date_eq(lunar_to_solar(2000, 1, 1), date_ymd(2000, 2, 5)));
	assert_true(date_eq(lunar_to_solar(2100, 1, 1), date_ymd(2100, 2, 9)));
	/* The 2033 problem: a leap eleventh month, so 2034 begins on 19 February. */
	assert_int_equal(lunar_leap_month(2033), 11);
	assert_true(date_eq(lunar_to_solar(2034, 1, 1), date_ymd(2034, 2, 19)));
	assert_int_equal(lunar_leap_month(2023), 2);
	assert_int_equal(lunar_leap_month(2025), 6);
	assert_int_equal(lunar_leap_month(2020), 4);
	assert_int_equal(lunar_leap_month(2024), 0);
	assert_true(date_eq(lunar_solar_term(2026, 270), date_ymd(2026, 12, 22)));
	assert_true(date_eq(lunar_solar_term(2024, 0), date_ymd(2024, 3, 20)));
	assert_true(date_is_none(lunar_to_solar(2101, 1, 1)));
	assert_true(date_is_none(lunar_to_solar(2027, 13, 1)));
}

/* Every year of the range: the festivals within their possible Gregorian spans, each lunar
 * month 29 or 30 days, 12 months a year or 13 with a leap month. */
static void
test_every_year_in_range(void **state)
{
	int y;

	(void)state;
	for (y = LUNAR_FIRST_YEAR; y <= LUNAR_LAST_YEAR; y++) {
		struct date spring = lunar_to_solar(y, 1, 1);
		struct date next = lunar_to_solar(y + 1, 1, 1);
		int64_t len = date_diff_days(spring, next);
		struct date qm = lunar_solar_term(y, 15);
		int m;

		if (date_cmp(spring, date_ymd(y, 1, 21)) < 0 || date_cmp(spring, date_ymd(y, 2, 20)) > 0)
			fail_msg("%d: 春节 out of range", y);
		if (date_cmp(lunar_to_solar(y, 5, 5), date_ymd(y, 5, 27)) < 0 ||
		    date_cmp(lunar_to_solar(y, 5, 5), date_ymd(y, 6, 26)) > 0)
			fail_msg("%d: 端午 out of range", y);
		if (date_cmp(lunar_to_solar(y, 8, 15), date_ymd(y, 9, 7)) < 0 ||
		    date_cmp(lunar_to_solar(y, 8, 15), date_ymd(y, 10, 8)) > 0)
			fail_msg("%d: 中秋 out of range", y);
		if (qm.m != 4 || qm.d < 4 || qm.d > 6)
			fail_msg("%d: 清明 out of range", y);
		if (y < LUNAR_LAST_YEAR && (lunar_leap_month(y) == 0 ? len < 353 || len > 355 :
		    len < 383 || len > 385))
			fail_msg("%d: a lunar year of %lld days", y, (long long)len);
		for (m = 1; m <= 12; m++)
			if (date_is_none(lunar_to_solar(y, m, 29)))
				fail_msg("%d: month %d has no 29th day", y, m);
	}
}

static void
test_provisional_2027(void **state)
{
	struct calendar *cal = shipped();
	struct provisional_day days[PROVISIONAL_MAX_DAYS];
	const struct calendar_entry *e = NULL;
	size_t n;

	(void)state;
	assert_int_equal(provisional_holidays(2024, days), 0);	/* before the 2024 revision */
	n = provisional_holidays(2027, days);
	assert_int_equal(n, 13);
	assert_false(calendar_is_provisional(cal, 2027));
	assert_int_equal(calendar_kind_of(cal, date_ymd(2027, 2, 8), NULL), CALENDAR_WORKDAY);
	calendar_add_provisional(cal, 2100);
	assert_false(calendar_is_provisional(cal, 2026));	/* covered: never replaced */
	assert_true(calendar_is_provisional(cal, 2027));
	assert_true(calendar_is_provisional(cal, 2100));
	assert_false(calendar_covers(cal, 2027));		/* still warned about */
	n = calendar_entries_of_year(cal, 2027, &e);
	assert_int_equal(n, 13);
	/* 除夕 2027-02-05 to 初三 02-08; 清明 04-05; 端午 06-09; 中秋 09-15. */
	assert_int_equal(calendar_kind_of(cal, date_ymd(2027, 2, 5), NULL), CALENDAR_HOLIDAY);
	assert_int_equal(calendar_kind_of(cal, date_ymd(2027, 2, 8), NULL), CALENDAR_HOLIDAY);
	assert_int_equal(calendar_kind_of(cal, date_ymd(2027, 2, 9), NULL), CALENDAR_WORKDAY);
	assert_int_equal(calendar_kind_of(cal, date_ymd(2027, 4, 5), NULL), CALENDAR_HOLIDAY);
	assert_int_equal(calendar_kind_of(cal, date_ymd(2027, 6, 9), NULL), CALENDAR_HOLIDAY);
	assert_int_equal(calendar_kind_of(cal, date_ymd(2027, 9, 15), NULL), CALENDAR_HOLIDAY);
	assert_int_equal(calendar_kind_of(cal, date_ymd(2027, 10, 4), NULL), CALENDAR_WORKDAY);
	/* No make-up working day is invented: a Saturday stays a weekend. */
	assert_int_equal(calendar_kind_of(cal, date_ymd(2027, 2, 20), NULL), CALENDAR_WEEKEND);
	/* The computed days coincide with the official ones where both exist (2025, 2026). */
	n = provisional_holidays(2026, days);
	while (n-- > 0)
		assert_int_equal(calendar_kind_of(cal, days[n].on, NULL), CALENDAR_HOLIDAY);
	calendar_free(cal);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_official_years),
		cmocka_unit_test(test_known_dates),
		cmocka_unit_test(test_every_year_in_range),
		cmocka_unit_test(test_provisional_2027),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
