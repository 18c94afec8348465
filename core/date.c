/* core/date.c: civil-date arithmetic and parsing. Pure functions: no clock, no locale. */
#include "duban/date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "duban/err.h"
#include "duban/i18n.h"

struct date
date_ymd(int y, int m, int d)
{
	struct date r = { y, m, d };

	return r;
}

struct date
date_none(void)
{
	struct date r = { 0, 0, 0 };

	return r;
}

bool
date_is_none(struct date d)
{
	return d.y == 0;
}

bool
date_eq(struct date a, struct date b)
{
	return a.y == b.y && a.m == b.m && a.d == b.d;
}

int
date_cmp(struct date a, struct date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

bool
date_is_leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && date_is_leap_year(y))
		return 29;
	return days[m - 1];
}

bool
date_is_valid(int y, int m, int d)
{
	return y >= DATE_MIN_YEAR && y <= DATE_MAX_YEAR && m >= 1 && m <= 12 && d >= 1 &&
	    d <= date_days_in_month(y, m);
}

/* Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian
 * calendar, no tables, no loops. */
int64_t
date_to_days(struct date d)
{
	int64_t y = d.y - (d.m <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t mp = (d.m + 9) % 12;
	int64_t doy = (153 * mp + 2) / 5 + d.d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct date
date_from_days(int64_t z)
{
	int64_t era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	return date_ymd((int)(y + (m <= 2)), (int)m, (int)d);
}

int
date_weekday(struct date d)
{
	int64_t days = date_to_days(d);	/* 1970-01-01 was a Thursday (4) */
	int64_t wd = ((days % 7) + 7 + 3) % 7;

	return (int)wd + 1;
}

struct date
date_add_days(struct date d, int64_t n)
{
	return date_from_days(date_to_days(d) + n);
}

struct date
date_add_months(struct date d, int n)
{
	int64_t months = (int64_t)d.y * 12 + (d.m - 1) + n;
	int y = (int)(months / 12);
	int m = (int)(months % 12) + 1;
	int last = date_days_in_month(y, m);

	return date_ymd(y, m, d.d > last ? last : d.d);
}

int64_t
date_diff_days(struct date a, struct date b)
{
	return date_to_days(b) - date_to_days(a);
}

char *
date_format(struct date d, char out[DATE_ISO_LEN])
{
	if (date_is_none(d))
		out[0] = '\0';
	else
		snprintf(out, DATE_ISO_LEN, "%04u-%02u-%02u", (unsigned)d.y % 10000u,
		    (unsigned)d.m % 100u, (unsigned)d.d % 100u);
	return out;
}

/* Reads up to max_digits decimal digits; returns how many were read (0 = none). */
static int
read_number(const char **p, int max_digits, long *value)
{
	int n = 0;
	long v = 0;

	while (isdigit((unsigned char)**p) && n < max_digits) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	*value = v;
	return n;
}

static int
check_ymd(const char *s, long y, long m, long d, struct date *out, struct duban_err *err)
{
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
		return duban_err_set(err, DUBAN_EINPUT,
		    _("\"%s\": year %ld is outside %d..%d"), s, y, DATE_MIN_YEAR, DATE_MAX_YEAR);
	if (m < 1 || m > 12)
		return duban_err_set(err, DUBAN_EINPUT,
		    _("\"%s\": there is no month %ld (months are 1 to 12)"), s, m);
	if (d < 1 || d > date_days_in_month((int)y, (int)m))
		return duban_err_set(err, DUBAN_EINPUT,
		    _("\"%s\": there is no day %ld in %04ld-%02ld (it has %d days)"), s, d, y, m,
		    date_days_in_month((int)y, (int)m));
	*out = date_ymd((int)y, (int)m, (int)d);
	return DUBAN_OK;
}

static int
not_a_date(const char *s, struct duban_err *err)
{
	return duban_err_set(err, DUBAN_EINPUT,
	    _("\"%s\" is not a date; write it as 2025-03-05, 2025/3/5, 2025.3.5, 2025年3月5日, "
	      "20250305 or an Excel serial number"), s);
}

/* Excel's day 1 is 1900-01-01 and it counts a 1900-02-29 that never was: serials from 61 on
 * are one day ahead, so the epoch for them is 1899-12-30. */
static struct date
excel_serial_date(long serial)
{
	if (serial < 60)
		return date_add_days(date_ymd(1899, 12, 31), serial);
	return date_add_days(date_ymd(1899, 12, 30), serial);
}

static bool
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

int
date_parse(const char *s, struct date *out, struct duban_err *err)
{
	char trimmed[64];
	const char *p;
	size_t len;
	long y, m, d;
	int n;

	if (s == NULL)
		s = "";
	while (is_blank((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && is_blank((unsigned char)s[len - 1]))
		len--;
	if (len == 0)
		return duban_err_set(err, DUBAN_EINPUT, _("the date is empty"));
	if (len >= sizeof(trimmed))
		return duban_err_set(err, DUBAN_EINPUT, _("\"%.40s...\" is too long to be a date"), s);
	memcpy(trimmed, s, len);
	trimmed[len] = '\0';
	s = trimmed;
	p = s;

	n = read_number(&p, 9, &y);
	if (n == 0)
		return not_a_date(s, err);
	if (*p == '\0' || (*p == '.' && n == 5)) {
		/* All digits: YYYYMMDD, or an Excel serial; a five-digit serial may carry the time
		 * of day as a fraction (45721.5), which is ignored. */
		const char *q = *p == '.' ? p + 1 : p;

		while (isdigit((unsigned char)*q))
			q++;
		if (*q == '\0') {
			if (n == 8 && *p == '\0')
				return check_ymd(s, y / 10000, y / 100 % 100, y % 100, out, err);
			if (n <= 5 && y >= 1) {
				if (y == 60)
					return duban_err_set(err, DUBAN_EINPUT,
					    _("\"%s\": Excel serial 60 is 1900-02-29, a day that never "
					      "was"), s);
				*out = excel_serial_date(y);
				return DUBAN_OK;
			}
			return not_a_date(s, err);
		}
	}
	if (n != 4)
		return not_a_date(s, err);

	if (*p == '-' || *p == '/' || *p == '.') {
		char sep = *p++;

		if (read_number(&p, 2, &m) == 0 || *p != sep)
			return not_a_date(s, err);
		p++;
		if (read_number(&p, 2, &d) == 0 || *p != '\0')
			return not_a_date(s, err);
		return check_ymd(s, y, m, d, out, err);
	}
	if (strncmp(p, "年", strlen("年")) == 0) {
		p += strlen("年");
		if (read_number(&p, 2, &m) == 0 || strncmp(p, "月", strlen("月")) != 0)
			return not_a_date(s, err);
		p += strlen("月");
		if (read_number(&p, 2, &d) == 0)
			return not_a_date(s, err);
		if (strncmp(p, "日", strlen("日")) == 0)
			p += strlen("日");
		else if (strncmp(p, "号", strlen("号")) == 0)
			p += strlen("号");
		if (*p != '\0')
			return not_a_date(s, err);
		return check_ymd(s, y, m, d, out, err);
	}
	return not_a_date(s, err);
}

int
date_parse_iso(const char *s, struct date *out, struct duban_err *err)
{
	const char *p = s != NULL ? s : "";
	long y, m, d;

	if (*p == '\0')
		return duban_err_set(err, DUBAN_EINPUT, _("the date is empty"));
	if (read_number(&p, 4, &y) != 4 || *p++ != '-' || read_number(&p, 2, &m) != 2 ||
	    *p++ != '-' || read_number(&p, 2, &d) != 2 || *p != '\0')
		return duban_err_set(err, DUBAN_EINPUT,
		    _("\"%s\" is not a date of the form YYYY-MM-DD"), s);
	return check_ymd(s, y, m, d, out, err);
}
