/* core/provisional.c: the statutory holidays of a year, for a provisional calendar. */
#include "duban/provisional.h"

#include <stdlib.h>

#include "duban/lunar.h"

static int
cmp_day(const void *a, const void *b)
{
	return date_cmp(((const struct provisional_day *)a)->on,
	    ((const struct provisional_day *)b)->on);
}

size_t
provisional_holidays(int y, struct provisional_day out[PROVISIONAL_MAX_DAYS])
{
	struct date spring;
	struct date dragon;
	struct date moon;
	size_t n = 0;
	int i;

	if (y < PROVISIONAL_FIRST_YEAR || y > LUNAR_LAST_YEAR)
		return 0;
	spring = lunar_to_solar(y, 1, 1);
	dragon = lunar_to_solar(y, 5, 5);
	moon = lunar_to_solar(y, 8, 15);
	if (date_is_none(spring) || date_is_none(dragon) || date_is_none(moon))
		return 0;
	out[n].on = date_ymd(y, 1, 1);
	out[n++].name = "元旦";
	for (i = -1; i <= 2; i++) {
		out[n].on = date_add_days(spring, i);
		out[n++].name = "春节";
	}
	out[n].on = lunar_solar_term(y, 15);
	out[n++].name = "清明节";
	out[n].on = date_ymd(y, 5, 1);
	out[n++].name = "劳动节";
	out[n].on = date_ymd(y, 5, 2);
	out[n++].name = "劳动节";
	out[n].on = dragon;
	out[n++].name = "端午节";
	out[n].on = moon;
	out[n++].name = "中秋节";
	for (i = 1; i <= 3; i++) {
		out[n].on = date_ymd(y, 10, i);
		out[n++].name = "国庆节";
	}
	/* 中秋 can fall on a 国庆 day (2020-10-01): keep one row a date. */
	qsort(out, n, sizeof(*out), cmp_day);
	{
		size_t r;
		size_t w = 0;

		for (r = 0; r < n; r++) {
			if (w > 0 && date_eq(out[w - 1].on, out[r].on)) {
				out[w - 1].name = "国庆节、中秋节";	/* the only days that meet */
				continue;
			}
			out[w++] = out[r];
		}
		n = w;
	}
	return n;
}
