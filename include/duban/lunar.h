/* include/duban/lunar.h: the Chinese lunisolar calendar (农历) and the solar terms (节气),
 * computed, not tabulated: new moons by Meeus' mean new moon with periodic corrections, the
 * sun's apparent longitude by Meeus' low-accuracy solar theory, both at Beijing time (UTC+8).
 * Accurate to minutes, enough for civil dates from 1900 to 2100; an instant within minutes of
 * midnight may fall on the neighbouring day. */
#ifndef DUBAN_LUNAR_H
#define DUBAN_LUNAR_H

#include <stdbool.h>

#include "duban/date.h"

#define LUNAR_FIRST_YEAR 1901
#define LUNAR_LAST_YEAR 2100

/* The Beijing date on which the sun's apparent longitude reaches degrees (a multiple of 15:
 * 0 春分, 15 清明, 90 夏至, 270 冬至) in the Gregorian year y. */
struct date lunar_solar_term(int y, int degrees);

/* The Gregorian date of day day (1..30) of the non-leap lunar month month (1..12) of the lunar
 * year that begins in Gregorian year y (正月初一 of y is lunar_to_solar(y, 1, 1)). Returns
 * date_none() outside LUNAR_FIRST_YEAR..LUNAR_LAST_YEAR or for a day the month lacks. */
struct date lunar_to_solar(int y, int month, int day);

/* The leap month (1..12) of the lunar year beginning in y, or 0 if none. */
int lunar_leap_month(int y);

#endif
