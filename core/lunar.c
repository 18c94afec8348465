/* core/lunar.c: new moons, solar terms and the Chinese lunisolar calendar (GB/T 33661-2017
 * rules: the month containing 冬至 is the eleventh; in a year of 13 months between two 冬至
 * months the first month without a major term (中气) is the leap month). Astronomy after
 * J. Meeus, Astronomical Algorithms (2nd ed.), chapters 10, 25 and 49. */
#include "duban/lunar.h"

#include <math.h>

#define PI 3.14159265358979323846
#define RAD(x) ((x) * PI / 180.0)
#define SYNODIC 29.530588861
/* Days since 1970-01-01 (date_to_days) of Julian day 0.0 shifted to midnight. */
#define JD_UNIX_EPOCH 2440587.5

/* ΔT = TT - UT in seconds (Espenak and Meeus polynomials). */
static double
delta_t(double year)
{
	double t;

	if (year < 1920) {
		t = year - 1900;
		return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t -
		    0.000197 * t * t * t * t;
	}
	if (year < 1941) {
		t = year - 1920;
		return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
	}
	if (year < 1961) {
		t = year - 1950;
		return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
	}
	if (year < 1986) {
		t = year - 1975;
		return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
	}
	if (year < 2005) {
		t = year - 2000;
		return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t +
		    0.000651814 * t * t * t * t + 0.00002373599 * t * t * t * t * t;
	}
	if (year < 2050) {
		t = year - 2000;
		return 62.92 + 0.32217 * t + 0.005589 * t * t;
	}
	t = (year - 1820) / 100;
	return -20 + 32 * t * t - 0.5628 * (2150 - year);
}

/* A Julian Ephemeris Day (TT) as Beijing civil date. */
static struct date
beijing_date(double jde)
{
	double year = 2000 + (jde - 2451545.0) / 365.25;
	double jd_ut = jde - delta_t(year) / 86400.0;

	return date_from_days((long long)floor(jd_ut + 8.0 / 24.0 - JD_UNIX_EPOCH));
}

/* Beijing midnight opening date d, as a Julian Ephemeris Day. */
static double
beijing_midnight(struct date d)
{
	double jd_ut = (double)date_to_days(d) + JD_UNIX_EPOCH - 8.0 / 24.0;
	double year = 2000 + (jd_ut - 2451545.0) / 365.25;

	return jd_ut + delta_t(year) / 86400.0;
}

/* The new moon of lunation k (k = 0: 2000-01-06), JDE (Meeus ch. 49). */
static double
new_moon(double k)
{
	double t = k / 1236.85;
	double t2 = t * t;
	double t3 = t2 * t;
	double t4 = t3 * t;
	double jde = 2451550.09766 + SYNODIC * k + 0.00015437 * t2 - 0.000000150 * t3 +
	    0.00000000073 * t4;
	double e = 1 - 0.002516 * t - 0.0000074 * t2;
	double m = RAD(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
	double mp = RAD(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 -
	    0.000000058 * t4);
	double f = RAD(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 +
	    0.000000011 * t4);
	double om = RAD(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
	static const double pa[14][3] = {
		{ 299.77, 0.107408, 0.000325 }, { 251.88, 0.016321, 0.000165 },
		{ 251.83, 26.651886, 0.000164 }, { 349.42, 36.412478, 0.000126 },
		{ 84.66, 18.206239, 0.000110 }, { 141.74, 53.303771, 0.000062 },
		{ 207.14, 2.453732, 0.000060 }, { 154.84, 7.306860, 0.000056 },
		{ 34.52, 27.261239, 0.000047 }, { 207.19, 0.121824, 0.000042 },
		{ 291.34, 1.844379, 0.000040 }, { 161.72, 24.198154, 0.000037 },
		{ 239.56, 25.513099, 0.000035 }, { 331.55, 3.592518, 0.000023 },
	};
	int i;

	jde += -0.40720 * sin(mp) + 0.17241 * e * sin(m) + 0.01608 * sin(2 * mp) +
	    0.01039 * sin(2 * f) + 0.00739 * e * sin(mp - m) - 0.00514 * e * sin(mp + m) +
	    0.00208 * e * e * sin(2 * m) - 0.00111 * sin(mp - 2 * f) -
	    0.00057 * sin(mp + 2 * f) + 0.00056 * e * sin(2 * mp + m) - 0.00042 * sin(3 * mp) +
	    0.00042 * e * sin(m + 2 * f) + 0.00038 * e * sin(m - 2 * f) -
	    0.00024 * e * sin(2 * mp - m) - 0.00017 * sin(om) - 0.00007 * sin(mp + 2 * m) +
	    0.00004 * sin(2 * mp - 2 * f) + 0.00004 * sin(3 * m) +
	    0.00003 * sin(mp + m - 2 * f) + 0.00003 * sin(2 * mp + 2 * f) -
	    0.00003 * sin(mp + m + 2 * f) + 0.00003 * sin(mp - m + 2 * f) -
	    0.00002 * sin(mp - m - 2 * f) - 0.00002 * sin(3 * mp + m) + 0.00002 * sin(4 * mp);
	for (i = 0; i < 14; i++) {
		double a = pa[i][0] + pa[i][1] * k;

		if (i == 0)
			a -= 0.009173 * t2;
		jde += pa[i][2] * sin(RAD(a));
	}
	return jde;
}

/* The sun's apparent longitude in degrees [0, 360) at JDE jde (Meeus ch. 25). */
static double
sun_longitude(double jde)
{
	double t = (jde - 2451545.0) / 36525.0;
	double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
	double m = RAD(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
	double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(m) +
	    (0.019993 - 0.000101 * t) * sin(2 * m) + 0.000289 * sin(3 * m);
	double om = RAD(125.04 - 1934.136 * t);
	double lambda = l0 + c - 0.00569 - 0.00478 * sin(om);

	lambda = fmod(lambda, 360.0);
	return lambda < 0 ? lambda + 360.0 : lambda;
}

/* JDE at which the sun reaches degrees, near the estimate guess. */
static double
solar_term_jde(double guess, double degrees)
{
	double jde = guess;
	int i;

	for (i = 0; i < 50; i++) {
		double diff = degrees - sun_longitude(jde);

		diff = fmod(diff + 540.0, 360.0) - 180.0;
		jde += diff * 365.2422 / 360.0;
		if (fabs(diff) < 1e-7)
			break;
	}
	return jde;
}

struct date
lunar_solar_term(int y, int degrees)
{
	/* The sun is at 0 degrees near 20 March; each degree about 1.0146 days after. */
	double march = beijing_midnight(date_ymd(y, 3, 20));
	int deg = ((degrees % 360) + 360) % 360;

	return beijing_date(solar_term_jde(march + deg * 365.2422 / 360.0, deg));
}

/* The Beijing date of the last new moon on or before d. */
static struct date
new_moon_on_or_before(struct date d, double *k_out)
{
	double jd = beijing_midnight(date_add_days(d, 1));
	double k = floor((jd - 2451550.09766) / SYNODIC) + 1;

	while (date_cmp(beijing_date(new_moon(k)), d) > 0)
		k -= 1;
	*k_out = k;
	return beijing_date(new_moon(k));
}

/* True if the lunar month from start to next (exclusive) holds a major term (中气). */
static bool
has_major_term(struct date start, struct date next)
{
	int a = (int)floor(sun_longitude(beijing_midnight(start)) / 30.0);
	int b = (int)floor(sun_longitude(beijing_midnight(next)) / 30.0);

	return a != b;
}

/* The months of the lunar year beginning in y: starts[0] = 正月初一, starts[n] the next 正月;
 * leap is the index of the leap month in starts (0 if none). */
struct lunar_year {
	struct date starts[15];
	int n;
	int leap;	/* index into starts of the leap month, 0 if none */
	int leap_month;	/* its number (1..12), 0 if none */
};

/* The months from the 冬至 month before y to the one in y; index of 正月, leap index. */
static int
winter_span(int y, struct date months[15], int *leap_idx)
{
	struct date ws0 = lunar_solar_term(y - 1, 270);
	struct date ws1 = lunar_solar_term(y, 270);
	double k0;
	double k1;
	int n;
	int i;

	(void)new_moon_on_or_before(ws0, &k0);
	(void)new_moon_on_or_before(ws1, &k1);
	n = (int)(k1 - k0 + 0.5);
	for (i = 0; i <= n && i < 15; i++)
		months[i] = beijing_date(new_moon(k0 + i));
	*leap_idx = 0;
	if (n == 13) {
		for (i = 1; i < 13; i++)
			if (!has_major_term(months[i], months[i + 1])) {
				*leap_idx = i;
				break;
			}
	}
	return n;
}

static bool
lunar_year_of(int y, struct lunar_year *ly)
{
	struct date a[15];
	struct date b[15];
	int leap_a;
	int leap_b;
	int na;
	int nb;
	int first;
	int i;
	int n = 0;

	if (y < LUNAR_FIRST_YEAR || y > LUNAR_LAST_YEAR)
		return false;
	na = winter_span(y, a, &leap_a);
	nb = winter_span(y + 1, b, &leap_b);
	/* 正月 is the third month after the 冬至 month, or the fourth after a leap 11 or 12. */
	first = leap_a != 0 && leap_a <= 2 ? 3 : 2;
	ly->leap = 0;
	ly->leap_month = 0;
	for (i = first; i < na; i++) {
		if (i == leap_a)
			ly->leap = n;
		ly->starts[n++] = a[i];
	}
	/* The rest of the year: the 冬至 month of y and up to the next 正月. */
	{
		int next_first = leap_b != 0 && leap_b <= 2 ? 3 : 2;

		for (i = 0; i <= next_first && n < 15; i++) {
			if (i == leap_b && i > 0 && i < next_first)
				ly->leap = n;
			ly->starts[n++] = b[i];
		}
	}
	(void)nb;
	ly->n = n - 1;
	if (ly->leap != 0)
		ly->leap_month = ly->leap;	/* the leap month follows month number leap */
	return true;
}

int
lunar_leap_month(int y)
{
	struct lunar_year ly;

	if (!lunar_year_of(y, &ly))
		return 0;
	return ly.leap_month;
}

struct date
lunar_to_solar(int y, int month, int day)
{
	struct lunar_year ly;
	int idx;
	struct date d;

	if (month < 1 || month > 12 || day < 1 || day > 30 || !lunar_year_of(y, &ly))
		return date_none();
	idx = month - 1;
	if (ly.leap != 0 && ly.leap <= idx)
		idx++;	/* a leap month before this one */
	if (idx + 1 > ly.n)
		return date_none();
	d = date_add_days(ly.starts[idx], day - 1);
	if (date_cmp(d, ly.starts[idx + 1]) >= 0)
		return date_none();
	return d;
}
