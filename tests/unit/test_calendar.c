/* tests/unit/test_calendar.c: the holiday calendar — kinds of known days from the shipped data
 * (data/calendar, generated from holiday-cn), coverage, per-year listings, malformed files and
 * layering of a local directory over the national one. Expected values come from reading the
 * data files by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "duban/buf.h"
#include "duban/calendar.h"
#include "duban/date.h"
#include "duban/err.h"
#include "test_tmp.h"

/* Sizes nest so that a path built from a shorter one always fits (-Wformat-truncation). */
#define TMP_LEN 256
#define DIR_LEN 1024
#define PATH_LEN 4096

struct fixture {
	struct calendar *cal;		/* the shipped national calendar */
	char dir[DIR_LEN];		/* data/calendar */
	char tmp[TMP_LEN];		/* a scratch directory for this run */
};

static int
group_setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	const char *data = getenv("DUBAN_DATA");
	struct duban_err err;

	if (fx == NULL)
		return -1;
	if (data == NULL || data[0] == '\0')
		data = "data";
	snprintf(fx->dir, sizeof(fx->dir), "%s/calendar", data);
	if (test_mkdtemp(fx->tmp, sizeof(fx->tmp), "calendar") == NULL) {
		free(fx);
		return -1;
	}
	fx->cal = calendar_new();
	duban_err_clear(&err);
	if (calendar_load_dir(fx->cal, fx->dir, &err) != DUBAN_OK) {
		fprintf(stderr, "cannot load %s: %s %s\n", fx->dir, err.where, err.msg);
		calendar_free(fx->cal);
		free(fx);
		return -1;
	}
	*state = fx;
	return 0;
}

/* Remove dir and everything below it (the scratch directories hold plain files and dirs). */
static void
rm_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		char path[PATH_LEN];
		struct stat sb;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
			rm_tree(path);
		else
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

static int
group_teardown(void **state)
{
	struct fixture *fx = *state;

	calendar_free(fx->cal);
	rm_tree(fx->tmp);
	free(fx);
	return 0;
}

/* Write text to tmp/sub/name (sub may be ""), creating sub; the path goes to out. */
static void
write_file(const struct fixture *fx, const char *sub, const char *name, const char *text,
    char out[PATH_LEN])
{
	char dir[DIR_LEN];
	FILE *f;

	if (sub[0] != '\0') {
		snprintf(dir, sizeof(dir), "%s/%s", fx->tmp, sub);
		mkdir(dir, 0755);
	} else {
		snprintf(dir, sizeof(dir), "%s", fx->tmp);
	}
	snprintf(out, PATH_LEN, "%s/%s", dir, name);
	f = fopen(out, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static struct calendar *
load_national(const struct fixture *fx)
{
	struct calendar *cal = calendar_new();
	struct duban_err err;

	assert_int_equal(calendar_load_dir(cal, fx->dir, &err), DUBAN_OK);
	return cal;
}

static void
expect_kind(const struct calendar *cal, struct date d, enum calendar_kind kind,
    const char *name)
{
	const char *got = NULL;
	enum calendar_kind k = calendar_kind_of(cal, d, &got);

	if (k != kind || got == NULL || strcmp(got, name) != 0) {
		print_error("%04d-%02d-%02d: kind %d name \"%s\", want kind %d name \"%s\"\n",
		    d.y, d.m, d.d, (int)k, got != NULL ? got : "(null)", (int)kind, name);
		fail();
	}
}

/* "where" must be exactly "path:line". */
static void
expect_where(const struct duban_err *err, const char *path, int line)
{
	char want[PATH_LEN + 16];

	snprintf(want, sizeof(want), "%s:%d", path, line);
	assert_string_equal(err->where, want);
}

/* ---- the shipped national data ---- */

/* cn-2024.txt: 2024-10-01..07 rest 国庆节; 10-08 is an ordinary Tuesday. */
static void
test_kind_national_day_2024(void **state)
{
	struct fixture *fx = *state;

	expect_kind(fx->cal, date_ymd(2024, 10, 1), CALENDAR_HOLIDAY, "国庆节");
	/* 10-05 is a Saturday, listed as rest: a holiday, not a weekend. */
	expect_kind(fx->cal, date_ymd(2024, 10, 5), CALENDAR_HOLIDAY, "国庆节");
	expect_kind(fx->cal, date_ymd(2024, 10, 7), CALENDAR_HOLIDAY, "国庆节");
	expect_kind(fx->cal, date_ymd(2024, 10, 8), CALENDAR_WORKDAY, "");
	/* cn-2025.txt: 2025-10-01 rest 国庆节、中秋节 (one name for the joint break). */
	expect_kind(fx->cal, date_ymd(2025, 10, 1), CALENDAR_HOLIDAY, "国庆节、中秋节");
}

/* cn-2024.txt: 2024-10-12 work 国庆节 (a Saturday), 2024-09-29 work 国庆节 (a Sunday). */
static void
test_kind_makeup_saturday(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(date_weekday(date_ymd(2024, 10, 12)), 6);
	expect_kind(fx->cal, date_ymd(2024, 10, 12), CALENDAR_MAKEUP, "国庆节");
	expect_kind(fx->cal, date_ymd(2024, 9, 29), CALENDAR_MAKEUP, "国庆节");
	expect_kind(fx->cal, date_ymd(2026, 2, 28), CALENDAR_MAKEUP, "春节");
}

/* cn-2024.txt: 2024-02-18 work 春节, a Sunday; 2024-02-04 too. */
static void
test_kind_makeup_sunday(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(date_weekday(date_ymd(2024, 2, 18)), 7);
	expect_kind(fx->cal, date_ymd(2024, 2, 18), CALENDAR_MAKEUP, "春节");
	expect_kind(fx->cal, date_ymd(2024, 2, 4), CALENDAR_MAKEUP, "春节");
	expect_kind(fx->cal, date_ymd(2024, 2, 17), CALENDAR_HOLIDAY, "春节");
}

static void
test_kind_ordinary_days(void **state)
{
	struct fixture *fx = *state;

	expect_kind(fx->cal, date_ymd(2024, 10, 9), CALENDAR_WORKDAY, "");	/* Wednesday */
	expect_kind(fx->cal, date_ymd(2025, 3, 5), CALENDAR_WORKDAY, "");	/* Wednesday */
	expect_kind(fx->cal, date_ymd(2024, 10, 19), CALENDAR_WEEKEND, "");	/* Saturday */
	expect_kind(fx->cal, date_ymd(2024, 10, 20), CALENDAR_WEEKEND, "");	/* Sunday */
	/* 2024-09-28 is a Saturday that no row lists. */
	expect_kind(fx->cal, date_ymd(2024, 9, 28), CALENDAR_WEEKEND, "");
	/* A year without data: weekends only (callers warn through calendar_covers). */
	expect_kind(fx->cal, date_ymd(2027, 1, 1), CALENDAR_WORKDAY, "");	/* Friday */
	expect_kind(fx->cal, date_ymd(2027, 1, 2), CALENDAR_WEEKEND, "");	/* Saturday */
	assert_int_equal(calendar_kind_of(fx->cal, date_ymd(2024, 10, 1), NULL),
	    CALENDAR_HOLIDAY);
}

/* 2022-12-31 rest 元旦 is listed in cn-2023.txt (the 2023 notice), not in cn-2022.txt. */
static void
test_kind_date_from_next_years_notice(void **state)
{
	struct fixture *fx = *state;
	const struct calendar_entry *e = NULL;
	size_t n;

	expect_kind(fx->cal, date_ymd(2022, 12, 31), CALENDAR_HOLIDAY, "元旦");
	n = calendar_entries_of_year(fx->cal, 2022, &e);
	assert_true(n > 0);
	assert_true(date_eq(e[n - 1].on, date_ymd(2022, 12, 31)));
	assert_false(e[n - 1].is_workday);
	assert_string_equal(e[n - 1].name, "元旦");
}

/* Files cn-2007.txt .. cn-2026.txt, one "year" line each; 2027.json is empty upstream. */
static void
test_coverage_2007_to_2026(void **state)
{
	struct fixture *fx = *state;
	struct buf b = BUF_INIT;
	int first = 0;
	int last = 0;
	int y;

	for (y = 2007; y <= 2026; y++) {
		if (!calendar_covers(fx->cal, y)) {
			print_error("year %d not covered\n", y);
			fail();
		}
	}
	assert_false(calendar_covers(fx->cal, 2006));
	assert_false(calendar_covers(fx->cal, 2027));
	assert_false(calendar_covers(fx->cal, 1900));
	assert_false(calendar_covers(fx->cal, 2999));
	assert_false(calendar_covers(fx->cal, 0));
	assert_false(calendar_covers(fx->cal, 5000));
	assert_true(calendar_coverage_range(fx->cal, &first, &last));
	assert_int_equal(first, 2007);
	assert_int_equal(last, 2026);
	calendar_describe_coverage(fx->cal, &b);
	assert_string_equal(buf_str(&b), "2007-2026");
	buf_release(&b);
}

static void
test_coverage_empty_and_gaps(void **state)
{
	struct fixture *fx = *state;
	struct calendar *cal = calendar_new();
	struct buf b = BUF_INIT;
	struct duban_err err;
	char path[PATH_LEN];
	char dir[DIR_LEN];
	int first = -1;
	int last = -1;

	assert_false(calendar_coverage_range(cal, &first, &last));
	calendar_describe_coverage(cal, &b);
	assert_string_equal(buf_str(&b), "");
	assert_false(calendar_covers(cal, 2024));

	write_file(fx, "gaps", "a.txt", "year 2020\nyear 2021\n", path);
	write_file(fx, "gaps", "b.txt", "year 2023\n", path);
	write_file(fx, "gaps", "c.txt", "year 2030\n", path);
	write_file(fx, "gaps", "ignored.json", "not a calendar file", path);
	snprintf(dir, sizeof(dir), "%s/gaps", fx->tmp);
	assert_int_equal(calendar_load_dir(cal, dir, &err), DUBAN_OK);
	buf_reset(&b);
	calendar_describe_coverage(cal, &b);
	assert_string_equal(buf_str(&b), "2020-2021, 2023, 2030");
	assert_true(calendar_coverage_range(cal, &first, &last));
	assert_int_equal(first, 2020);
	assert_int_equal(last, 2030);
	buf_release(&b);
	calendar_free(cal);
}

static void
expect_count(const struct calendar *cal, int year, size_t want)
{
	const struct calendar_entry *e = NULL;
	size_t n = calendar_entries_of_year(cal, year, &e);
	size_t i;

	if (n != want) {
		print_error("entries of %d: %zu, want %zu\n", year, n, want);
		fail();
	}
	for (i = 0; i < n; i++) {
		assert_int_equal(e[i].on.y, year);
		if (i > 0)
			assert_true(date_cmp(e[i - 1].on, e[i].on) < 0);
	}
}

/* Date rows per year, counted with grep in data/calendar (a row counts for its date's year):
 * cn-2024.txt 36 rows, all 2024; cn-2025.txt 33; cn-2026.txt 39; cn-2023.txt 34 rows, one of
 * them 2022-12-31, so 33 for 2023 and cn-2022.txt's 38 + 1 = 39 for 2022; cn-2019.txt 31 rows,
 * three of them 2018-12-29..31, so 28 for 2019 and cn-2018.txt's 29 + 3 = 32 for 2018;
 * cn-2007.txt 32 rows, two of them 2006-12-30/31, and cn-2008.txt holds 2007-12-29..31:
 * 30 + 3 = 33 for 2007; 2006 has those 2 rows but no file covers it. */
static void
test_entries_of_year_counts(void **state)
{
	struct fixture *fx = *state;

	expect_count(fx->cal, 2024, 36);
	expect_count(fx->cal, 2025, 33);
	expect_count(fx->cal, 2026, 39);
	expect_count(fx->cal, 2023, 33);
	expect_count(fx->cal, 2022, 39);
	expect_count(fx->cal, 2019, 28);
	expect_count(fx->cal, 2018, 32);
	expect_count(fx->cal, 2007, 33);
	expect_count(fx->cal, 2006, 2);
	expect_count(fx->cal, 2027, 0);
	expect_count(fx->cal, 2005, 0);
}

/* cn-2024.txt: first row 2024-01-01 rest 元旦, last 2024-10-12 work 国庆节. */
static void
test_entries_of_year_content(void **state)
{
	struct fixture *fx = *state;
	const struct calendar_entry *e = NULL;
	size_t n = calendar_entries_of_year(fx->cal, 2024, &e);

	assert_int_equal(n, 36);
	assert_true(date_eq(e[0].on, date_ymd(2024, 1, 1)));
	assert_false(e[0].is_workday);
	assert_string_equal(e[0].name, "元旦");
	assert_true(date_eq(e[1].on, date_ymd(2024, 2, 4)));
	assert_true(e[1].is_workday);
	assert_string_equal(e[1].name, "春节");
	assert_true(date_eq(e[n - 1].on, date_ymd(2024, 10, 12)));
	assert_true(e[n - 1].is_workday);
	assert_string_equal(e[n - 1].name, "国庆节");
}

static void
test_is_working_day_readings(void **state)
{
	struct fixture *fx = *state;

	/* Make-up days: working under reading (a), rest under (b). */
	assert_true(calendar_is_working_day(fx->cal, date_ymd(2024, 10, 12), true));
	assert_false(calendar_is_working_day(fx->cal, date_ymd(2024, 10, 12), false));
	assert_true(calendar_is_working_day(fx->cal, date_ymd(2024, 2, 18), true));
	assert_false(calendar_is_working_day(fx->cal, date_ymd(2024, 2, 18), false));
	/* Holidays, also on a weekday, are rest days either way. */
	assert_false(calendar_is_working_day(fx->cal, date_ymd(2024, 10, 1), true));
	assert_false(calendar_is_working_day(fx->cal, date_ymd(2024, 10, 1), false));
	assert_false(calendar_is_working_day(fx->cal, date_ymd(2022, 12, 31), true));
	/* Ordinary weekdays and weekends. */
	assert_true(calendar_is_working_day(fx->cal, date_ymd(2024, 10, 8), true));
	assert_true(calendar_is_working_day(fx->cal, date_ymd(2024, 10, 8), false));
	assert_false(calendar_is_working_day(fx->cal, date_ymd(2024, 10, 19), true));
	assert_false(calendar_is_working_day(fx->cal, date_ymd(2024, 10, 19), false));
	assert_false(calendar_is_working_day(fx->cal, date_ymd(2024, 9, 28), true));
}

/* ---- malformed files ---- */

/* A bad file that would, were it kept, make 2024-10-08 a rest day and cover 2030. */
static void
expect_unchanged(const struct calendar *cal)
{
	expect_kind(cal, date_ymd(2024, 10, 8), CALENDAR_WORKDAY, "");
	assert_false(calendar_covers(cal, 2030));
	expect_count(cal, 2024, 36);
	expect_count(cal, 2030, 0);
}

static void
test_malformed_bad_date(void **state)
{
	struct fixture *fx = *state;
	struct calendar *cal = load_national(fx);
	struct duban_err err;
	char path[PATH_LEN];

	write_file(fx, "", "bad-date.txt",
	    "# local calendar\n"		/* 1 */
	    "\n"				/* 2 */
	    "year 2030\n"			/* 3 */
	    "2024-10-08  rest  本地\n"		/* 4 */
	    "2030-01-01  rest  元旦\n"		/* 5 */
	    "2030-02-30  rest  春节\n"		/* 6: no such day */
	    "2030-03-01  rest  x\n", path);
	duban_err_clear(&err);
	assert_int_equal(calendar_load_file(cal, path, &err), DUBAN_EINPUT);
	assert_int_equal(err.rc, DUBAN_EINPUT);
	expect_where(&err, path, 6);
	assert_true(err.msg[0] != '\0');
	expect_unchanged(cal);
	calendar_free(cal);
}

static void
test_malformed_bad_kind(void **state)
{
	struct fixture *fx = *state;
	struct calendar *cal = load_national(fx);
	struct duban_err err;
	char path[PATH_LEN];

	write_file(fx, "", "bad-kind.txt",
	    "year 2030\n"			/* 1 */
	    "2024-10-08\trest\t本地\n"		/* 2 */
	    "2030-01-01  holiday  元旦\n"	/* 3: neither rest nor work */
	    "2030-01-02  rest  元旦\n", path);
	duban_err_clear(&err);
	assert_int_equal(calendar_load_file(cal, path, &err), DUBAN_EINPUT);
	expect_where(&err, path, 3);
	assert_true(err.msg[0] != '\0');
	expect_unchanged(cal);

	/* A date with no kind at all. */
	write_file(fx, "", "no-kind.txt", "year 2030\n# x\n2030-01-01\n", path);
	duban_err_clear(&err);
	assert_int_equal(calendar_load_file(cal, path, &err), DUBAN_EINPUT);
	expect_where(&err, path, 3);
	expect_unchanged(cal);
	calendar_free(cal);
}

static void
test_malformed_missing_year(void **state)
{
	struct fixture *fx = *state;
	struct calendar *cal = load_national(fx);
	struct duban_err err;
	char path[PATH_LEN];
	size_t plen;

	write_file(fx, "", "no-year.txt",
	    "# a file that forgot its year line\n"
	    "2024-10-08  rest  本地\n"
	    "2030-01-01  rest  元旦\n", path);
	duban_err_clear(&err);
	assert_int_equal(calendar_load_file(cal, path, &err), DUBAN_EINPUT);
	assert_true(err.msg[0] != '\0');
	/* No line holds the missing year line: "path:N" naming the file is what is asked. */
	plen = strlen(path);
	assert_int_equal(strncmp(err.where, path, plen), 0);
	assert_int_equal(err.where[plen], ':');
	expect_unchanged(cal);
	calendar_free(cal);
}

static void
test_malformed_year_out_of_range(void **state)
{
	struct fixture *fx = *state;
	struct calendar *cal = load_national(fx);
	struct duban_err err;
	char path[PATH_LEN];

	write_file(fx, "", "year-low.txt",
	    "2024-10-08  rest  本地\n"		/* 1 */
	    "year 1899\n", path);		/* 2: before DATE_MIN_YEAR */
	duban_err_clear(&err);
	assert_int_equal(calendar_load_file(cal, path, &err), DUBAN_EINPUT);
	expect_where(&err, path, 2);
	assert_true(err.msg[0] != '\0');
	expect_unchanged(cal);

	write_file(fx, "", "year-high.txt", "# c\nyear 2030\nyear 3000\n2024-10-08 rest x\n",
	    path);
	duban_err_clear(&err);
	assert_int_equal(calendar_load_file(cal, path, &err), DUBAN_EINPUT);
	expect_where(&err, path, 3);
	expect_unchanged(cal);

	write_file(fx, "", "year-word.txt", "year 20x0\n", path);
	duban_err_clear(&err);
	assert_int_equal(calendar_load_file(cal, path, &err), DUBAN_EINPUT);
	expect_where(&err, path, 1);
	expect_unchanged(cal);
	calendar_free(cal);
}

static void
test_malformed_file_in_dir_fails_dir(void **state)
{
	struct fixture *fx = *state;
	struct calendar *cal = calendar_new();
	struct duban_err err;
	char path[PATH_LEN];
	char dir[DIR_LEN];

	write_file(fx, "baddir", "a.txt", "year 2030\n2030-01-01 rest 元旦\n", path);
	write_file(fx, "baddir", "b.txt", "year 2031\n2031-01-01 vacation 元旦\n", path);
	snprintf(dir, sizeof(dir), "%s/baddir", fx->tmp);
	duban_err_clear(&err);
	assert_int_equal(calendar_load_dir(cal, dir, &err), DUBAN_EINPUT);
	expect_where(&err, path, 2);
	/* Nothing from the failing file b.txt is kept. */
	assert_false(calendar_covers(cal, 2031));
	expect_count(cal, 2031, 0);
	calendar_free(cal);
}

static void
test_missing_file_and_directory(void **state)
{
	struct fixture *fx = *state;
	struct calendar *cal = calendar_new();
	struct duban_err err;
	char path[DIR_LEN];
	char dirs[2 * DIR_LEN + 2];

	snprintf(path, sizeof(path), "%s/no-such-dir", fx->tmp);
	duban_err_clear(&err);
	assert_int_equal(calendar_load_dir(cal, path, &err), DUBAN_EINPUT);
	assert_true(err.msg[0] != '\0');
	snprintf(dirs, sizeof(dirs), "%s:%s", fx->dir, path);
	duban_err_clear(&err);
	assert_int_equal(calendar_load_dirs(cal, dirs, &err), DUBAN_EINPUT);
	assert_true(err.msg[0] != '\0');
	snprintf(path, sizeof(path), "%s/no-such-file.txt", fx->tmp);
	duban_err_clear(&err);
	assert_int_equal(calendar_load_file(cal, path, &err), DUBAN_EINPUT);
	assert_true(err.msg[0] != '\0');
	calendar_free(cal);
}

/* A BOM, CRLF line ends, comments, tabs and a name with blanks are all fine. */
static void
test_file_format_tolerance(void **state)
{
	struct fixture *fx = *state;
	struct calendar *cal = calendar_new();
	struct duban_err err;
	char path[PATH_LEN];

	write_file(fx, "", "bom.txt",
	    "\xEF\xBB\xBF# 本地\r\n"
	    "year 2030\r\n"
	    "\r\n"
	    "   # indented comment\r\n"
	    "2030-03-05\trest\t县庆 纪念日\r\n"
	    "2030-03-09  work\r\n", path);
	duban_err_clear(&err);
	assert_int_equal(calendar_load_file(cal, path, &err), DUBAN_OK);
	assert_true(calendar_covers(cal, 2030));
	expect_kind(cal, date_ymd(2030, 3, 5), CALENDAR_HOLIDAY, "县庆 纪念日");
	expect_kind(cal, date_ymd(2030, 3, 9), CALENDAR_MAKEUP, "");	/* a Saturday */
	expect_count(cal, 2030, 2);
	calendar_free(cal);
}

/* ---- layering ---- */

static void
write_local_layer(const struct fixture *fx, char dir[DIR_LEN])
{
	char path[PATH_LEN];

	/* 2024-03-05 is a Tuesday no national row lists; 2024-10-12 is a national make-up day. */
	write_file(fx, "local", "county.txt",
	    "# county rest days\n"
	    "year 2024\n"
	    "2024-03-05  rest  县庆\n"
	    "2024-10-12  rest  本地调整\n", path);
	snprintf(dir, DIR_LEN, "%s/local", fx->tmp);
}

static void
test_layer_local_over_national(void **state)
{
	struct fixture *fx = *state;
	struct calendar *cal = calendar_new();
	struct duban_err err;
	struct buf b = BUF_INIT;
	char local[DIR_LEN];
	char dirs[2 * DIR_LEN + 2];

	write_local_layer(fx, local);
	snprintf(dirs, sizeof(dirs), "%s:%s", fx->dir, local);
	duban_err_clear(&err);
	assert_int_equal(calendar_load_dirs(cal, dirs, &err), DUBAN_OK);
	expect_kind(cal, date_ymd(2024, 3, 5), CALENDAR_HOLIDAY, "县庆");
	assert_false(calendar_is_working_day(cal, date_ymd(2024, 3, 5), true));
	/* The local row replaces the national make-up row. */
	expect_kind(cal, date_ymd(2024, 10, 12), CALENDAR_HOLIDAY, "本地调整");
	assert_false(calendar_is_working_day(cal, date_ymd(2024, 10, 12), true));
	/* Other national rows stand. */
	expect_kind(cal, date_ymd(2024, 10, 1), CALENDAR_HOLIDAY, "国庆节");
	expect_kind(cal, date_ymd(2024, 9, 29), CALENDAR_MAKEUP, "国庆节");
	/* 36 national rows + 1 new date (10-12 replaced, not added). */
	expect_count(cal, 2024, 37);
	calendar_describe_coverage(cal, &b);
	assert_string_equal(buf_str(&b), "2007-2026");
	buf_release(&b);
	calendar_free(cal);
}

static void
test_layer_order_matters(void **state)
{
	struct fixture *fx = *state;
	struct calendar *cal = calendar_new();
	struct duban_err err;
	char local[DIR_LEN];
	char dirs[2 * DIR_LEN + 2];

	write_local_layer(fx, local);
	/* Local first, national last: the national row for 2024-10-12 wins again. */
	snprintf(dirs, sizeof(dirs), "%s:%s", local, fx->dir);
	duban_err_clear(&err);
	assert_int_equal(calendar_load_dirs(cal, dirs, &err), DUBAN_OK);
	expect_kind(cal, date_ymd(2024, 10, 12), CALENDAR_MAKEUP, "国庆节");
	expect_kind(cal, date_ymd(2024, 3, 5), CALENDAR_HOLIDAY, "县庆");
	expect_count(cal, 2024, 37);
	calendar_free(cal);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind_national_day_2024),
		cmocka_unit_test(test_kind_makeup_saturday),
		cmocka_unit_test(test_kind_makeup_sunday),
		cmocka_unit_test(test_kind_ordinary_days),
		cmocka_unit_test(test_kind_date_from_next_years_notice),
		cmocka_unit_test(test_coverage_2007_to_2026),
		cmocka_unit_test(test_coverage_empty_and_gaps),
		cmocka_unit_test(test_entries_of_year_counts),
		cmocka_unit_test(test_entries_of_year_content),
		cmocka_unit_test(test_is_working_day_readings),
		cmocka_unit_test(test_malformed_bad_date),
		cmocka_unit_test(test_malformed_bad_kind),
		cmocka_unit_test(test_malformed_missing_year),
		cmocka_unit_test(test_malformed_year_out_of_range),
		cmocka_unit_test(test_malformed_file_in_dir_fails_dir),
		cmocka_unit_test(test_missing_file_and_directory),
		cmocka_unit_test(test_file_format_tolerance),
		cmocka_unit_test(test_layer_local_over_national),
		cmocka_unit_test(test_layer_order_matters),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
