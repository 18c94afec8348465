/* include/duban/notice.h: the 督办 (urge) notice: a printable text for one agency listing its
 * overdue and due-soon items with their legal basis. */
#ifndef DUBAN_NOTICE_H
#define DUBAN_NOTICE_H

#include <stdint.h>

struct buf;
struct calendar;
struct config;
struct db;
struct duban_err;
struct date;

/* Append the notice text for agency_id as of today to out. */
int notice_build(struct db *db, const struct config *cfg, const struct calendar *cal,
    struct date today, int64_t agency_id, struct buf *out, struct duban_err *err);

#endif
