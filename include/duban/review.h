/* include/duban/review.h: case-file reviews (案卷评查), a record kind (record.h). */
#ifndef DUBAN_REVIEW_H
#define DUBAN_REVIEW_H

#include <stdint.h>

struct db;
struct duban_err;
struct kind_def;

extern const struct kind_def review_kind;

/* One case the plan puts first for review: overturned by a court (an outcome that is a loss)
 * or on reconsideration (a decision that overturns the act). */
struct review_candidate {
	const char *agency;	/* borrowed for the callback's duration */
	const char *case_no;
	const char *source;	/* "court" or "reconsideration", the review's source code */
	const char *source_zh;	/* its word in a CSV file: "法院撤销变更确认违法" */
	const char *source_en;	/* N_(): its English msgid, for screens */
	const char *on;		/* closing or decision date */
};

/* The cases closed or decided in year that were overturned and have no review yet (no live
 * review of that agency names that case number), by agency and date. fn may stop the walk
 * by returning anything but DUBAN_OK. */
/* The header of a candidates sheet: the review's Chinese column names of agency, case file,
 * source, review date and grade, quoted, comma separated, without a line end. */
struct buf;
void review_candidate_header(struct buf *out);
int review_candidates(struct db *db, int year,
    int (*fn)(const struct review_candidate *c, void *arg), void *arg, struct duban_err *err);

#endif
