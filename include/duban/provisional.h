/* include/duban/provisional.h: the statutory holidays of a year whose official schedule is not
 * published yet, from 全国年节及纪念日放假办法 (2024 revision, 第二条; in force from 2025): 元旦 1 day,
 * 春节 4 (除夕 and 正月初一 to 初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. The lunar dates and
 * 清明 are computed (core/lunar.c). Only the statutory days: the State Council's make-up
 * working days (调休) and the day given in lieu of a holiday on a weekend (第六条 补假) are not
 * known until the schedule is published, and are not guessed. */
#ifndef DUBAN_PROVISIONAL_H
#define DUBAN_PROVISIONAL_H

#include <stddef.h>

#include "duban/date.h"

/* The 2024 revision applies from this year on; earlier years are never made provisional. */
#define PROVISIONAL_FIRST_YEAR 2025

#define PROVISIONAL_MAX_DAYS 13

struct provisional_day {
	struct date on;
	const char *name;	/* the holiday's name as the calendar files write it (static) */
};

/* The statutory rest days of year y in date order; returns their number (13), or 0 when y is
 * outside PROVISIONAL_FIRST_YEAR..LUNAR_LAST_YEAR. A 除夕 falling in the previous Gregorian year
 * cannot happen (春节 is from 21 January on), so every day lies in y. */
size_t provisional_holidays(int y, struct provisional_day out[PROVISIONAL_MAX_DAYS]);

#endif
