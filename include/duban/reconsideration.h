/* include/duban/reconsideration.h: reconsideration cases (行政复议案件), a record kind (record.h). */
#ifndef DUBAN_RECONSIDERATION_H
#define DUBAN_RECONSIDERATION_H

struct kind_def;

extern const struct kind_def reconsideration_kind;

#endif
