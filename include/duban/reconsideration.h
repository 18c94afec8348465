/* include/duban/reconsideration.h: reconsideration cases (行政复议案件), a record kind (record.h). */
#ifndef DUBAN_RECONSIDERATION_H
#define DUBAN_RECONSIDERATION_H

struct kind_def;

/* 行政复议法(2023) 第六十二条第一款: the ordinary procedure's decision period may be extended by
 * at most thirty days; duban counts them from the original due date (doc/deadlines.md §3.5). */
#define RECONSIDERATION_EXTENSION_DAYS 30

extern const struct kind_def reconsideration_kind;

#endif
