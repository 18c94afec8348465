/* include/duban/notice.h: the 督办 (urge) notice: a printable text for one agency listing its
 * overdue and due-soon items, the most overdue first, with their legal basis; issued by the
 * bureau of the configuration under a number of the year's sequence kept in the database. */
#ifndef DUBAN_NOTICE_H
#define DUBAN_NOTICE_H

#include <stdint.h>

#include "duban/date.h"

struct buf;
struct calendar;
struct config;
struct db;
struct duban_err;

/* Append the notice text for agency_id as of today to out. seq is its number in today's year
 * from notice_issue (0: not issued yet; the number line says it is given when saved).
 * DUBAN_EINPUT, naming the agency, when it has nothing overdue, due today or due soon: there
 * is nothing to urge, so no notice is made. */
int notice_build(struct db *db, const struct config *cfg, const struct calendar *cal,
    struct date today, int64_t agency_id, int seq, struct buf *out, struct duban_err *err);

/* Give a notice for agency_id the next number of today's year and record it (who, when, the
 * number as written), in one transaction: two notices never share a number. Needs the right
 * to edit records. */
int notice_issue(struct db *db, const struct config *cfg, struct date today, int64_t agency_id,
    int *seq, struct duban_err *err);

/* Append the number of the seq-th notice of year as [notice] number spells it. */
void notice_number(const struct config *cfg, int year, int seq, struct buf *out);

#endif
