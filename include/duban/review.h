/* include/duban/review.h: case-file reviews (案卷评查), a record kind (record.h). */
#ifndef DUBAN_REVIEW_H
#define DUBAN_REVIEW_H

struct kind_def;

extern const struct kind_def review_kind;

#endif
