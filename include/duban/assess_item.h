/* include/duban/assess_item.h: manual assessment items (案卷评查 grade, certificate-holding
 * rate, training hours...) per agency and year, a record kind (record.h). */
#ifndef DUBAN_ASSESS_ITEM_H
#define DUBAN_ASSESS_ITEM_H

struct kind_def;

extern const struct kind_def assess_item_kind;

/* The grade words a score may be instead of a number. */
extern const char *const assess_grades[];

#endif
