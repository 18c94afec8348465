/* core/decimal.c: exact decimals in millionths (decimal.h). */
#include "duban/decimal.h"

#include <stdio.h>

bool
decimal_parse(const char *s, int64_t *millionths)
{
	int64_t whole = 0;
	int64_t frac = 0;
	int places = 0;
	int digits = 0;
	bool neg = false;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	for (; *s >= '0' && *s <= '9'; s++) {
		if (++digits > 12)
			return false;
		whole = whole * 10 + (*s - '0');
	}
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++) {
			if (places == DECIMAL_PLACES) {
				if (*s != '0')
					return false;
				continue;
			}
			frac = frac * 10 + (*s - '0');
			places++;
			digits++;
		}
	}
	if (*s != '\0' || digits == 0)
		return false;
	for (; places < DECIMAL_PLACES; places++)
		frac *= 10;
	*millionths = (whole * DECIMAL_ONE + frac) * (neg ? -1 : 1);
	return true;
}

char *
decimal_format(int64_t v, char out[DECIMAL_TEXT_LEN])
{
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t frac = a % DECIMAL_ONE;
	int places = DECIMAL_PLACES;
	int n;

	n = snprintf(out, DECIMAL_TEXT_LEN, "%s%llu", v < 0 ? "-" : "",
	    (unsigned long long)(a / DECIMAL_ONE));
	if (frac == 0 || n < 0)
		return out;
	while (frac % 10 == 0) {
		frac /= 10;
		places--;
	}
	snprintf(out + n, (size_t)(DECIMAL_TEXT_LEN - n), ".%0*llu", places,
	    (unsigned long long)frac);
	return out;
}

char *
decimal_format_hundredths(int64_t h, char out[DECIMAL_TEXT_LEN])
{
	uint64_t a = h < 0 ? (uint64_t)0 - (uint64_t)h : (uint64_t)h;

	if (a % 100 == 0)
		snprintf(out, DECIMAL_TEXT_LEN, "%s%llu", h < 0 ? "-" : "",
		    (unsigned long long)(a / 100));
	else
		snprintf(out, DECIMAL_TEXT_LEN, "%s%llu.%02llu", h < 0 ? "-" : "",
		    (unsigned long long)(a / 100), (unsigned long long)(a % 100));
	return out;
}

char *
decimal_percent(int64_t part, int64_t whole, int places, char out[DECIMAL_TEXT_LEN])
{
	int64_t scale = places <= 0 ? 1 : places == 1 ? 10 : 100;
	/* round(100 x scale x part / whole), half up: floor((2 x 100 x scale x part + whole) /
	 * (2 x whole)); counts of records are far below where this overflows. */
	int64_t v = part <= 0 || whole <= 0 ? 0 : (200 * scale * part + whole) / (2 * whole);

	if (scale == 1)
		snprintf(out, DECIMAL_TEXT_LEN, "%lld", (long long)v);
	else if (scale == 10)
		snprintf(out, DECIMAL_TEXT_LEN, "%lld.%01lld", (long long)(v / 10),
		    (long long)(v % 10));
	else
		snprintf(out, DECIMAL_TEXT_LEN, "%lld.%02lld", (long long)(v / 100),
		    (long long)(v % 100));
	return out;
}
