/* include/duban/assess_item.h: manual assessment items (案卷评查 grade, certificate-holding
 * rate, training hours...) per agency and year, a record kind (record.h). */
#ifndef DUBAN_ASSESS_ITEM_H
#define DUBAN_ASSESS_ITEM_H

#include <stdbool.h>
#include <stdint.h>

struct kind_def;

extern const struct kind_def assess_item_kind;

/* The grade words a score may be instead of a number. */
extern const char *const assess_grades[];

/* A score that is a number: a decimal from 0 to 100 with at most six decimals, exactly, in
 * millionths (decimal.h). nan, inf, exponents, negatives and more than 100 are not. */
bool assess_item_number(const char *s, int64_t *millionths);

#endif
