/* include/duban/decimal.h: exact decimal numbers for the assessment. A number written with at
 * most six decimals is held as a whole number of millionths, so 94.525 is 94525000 and nothing
 * is lost to binary floating point; scores are rounded half up once, to hundredths
 * (doc/assessment.md §2). */
#ifndef DUBAN_DECIMAL_H
#define DUBAN_DECIMAL_H

#include <stdbool.h>
#include <stdint.h>

#define DECIMAL_ONE 1000000	/* 1 in millionths */
#define DECIMAL_PLACES 6
#define DECIMAL_TEXT_LEN 32

/* [+-]digits[.digits] with at most DECIMAL_PLACES decimals (zeros beyond them are fine) and
 * at most 12 whole digits. Refused: an exponent, nan, inf, hexadecimal, spaces, nothing. */
bool decimal_parse(const char *s, int64_t *millionths);

/* The shortest exact text: 90, 92.5, 0.1, -5. */
char *decimal_format(int64_t millionths, char out[DECIMAL_TEXT_LEN]);

/* part / whole as a percentage (whole > 0) rounded half up, exactly, to places decimals (0 to
 * 2), all of them written: decimal_percent(1, 16, 1) is "6.3" (6.25). No % sign. */
char *decimal_percent(int64_t part, int64_t whole, int places, char out[DECIMAL_TEXT_LEN]);

/* Hundredths as shown: 4098 is "40.98", 4000 is "40" (whole numbers without decimals). */
char *decimal_format_hundredths(int64_t hundredths, char out[DECIMAL_TEXT_LEN]);

#endif
