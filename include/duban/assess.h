/* include/duban/assess.h: the annual assessment (年度依法行政考核): indicator values per agency
 * and year computed from the records, scored by a configurable scheme, ranked, tiered, with
 * the records behind every lost point; a finalized year is stored and never recomputed. */
#ifndef DUBAN_ASSESS_H
#define DUBAN_ASSESS_H

#include <stdbool.h>
#include <stdint.h>

#include "duban/date.h"

struct buf;
struct db;
struct duban_err;

/* Values computed from the records for one agency and year ("metrics"). */
enum assess_metric {
	METRIC_HEAD_RATE,		/* % of hearings held (appearance recorded) with a head */
	METRIC_NOBODY_APPEARED,		/* hearings nobody attended */
	METRIC_LAWYER_ONLY,		/* hearings attended by a lawyer only */
	METRIC_DEFENCE_FAILURES,	/* defences late or missing (complaint copy received in year) */
	METRIC_LOSS_RATE,		/* % of cases closed in the year that the agency lost */
	METRIC_REPLY_FAILURES,		/* reconsideration replies late or missing */
	METRIC_OVERTURN_RATE,		/* % of decisions in the year that overturned the act */
	METRIC_SUGGESTION_FAILURES,	/* suggestion replies late or missing */
	METRIC_HOLDING_RATE,		/* % of the staff on the establishment with a valid certificate */
	METRIC_TRAINING_RATE,		/* % of that staff with the year's training hours */
	METRIC_REVIEW_PASS_RATE,	/* % of the files reviewed in the year graded 优秀 or 合格 */
	METRIC_COUNT,
	METRIC_MANUAL = METRIC_COUNT,	/* a manual item (assessment-item records) */
};

enum assess_rule {
	RULE_RATE,		/* full marks at or above target, proportional below */
	RULE_RATE_LOWER,	/* full marks at or below target, proportional towards 100% */
	RULE_DEDUCT,		/* points minus deduct per item, not below floor */
	RULE_GRADE,		/* points by grade word (优秀/良好/合格/不合格) */
	RULE_BONUS,		/* per unit of a manual number, up to max, on top of the total */
};

struct assess_indicator {
	char *name;		/* section name: "head_rate" */
	char *title;		/* shown: "负责人出庭应诉率" */
	enum assess_rule rule;
	enum assess_metric metric;
	char *item;		/* manual item name for METRIC_MANUAL */
	/* Numbers of the scheme, exact, in millionths (decimal.h: 0.1 is 100000): */
	int64_t points;		/* full marks (bonus: the cap) */
	int64_t target;		/* rates, in percent */
	int64_t deduct;		/* per failure */
	int64_t floor;		/* lowest score of a deduct rule */
	int64_t per;		/* bonus points per unit */
	int64_t grade_points[4];	/* 优秀 良好 合格 不合格 */
	bool none_full;		/* no data (no hearings, no item): full marks, else zero */
};

struct assess_tier {
	char *name;
	int64_t min;		/* total at or above this reaches the tier (millionths) */
};

struct assess_cap {
	enum assess_metric metric;
	int64_t above;		/* when the metric is above this (millionths) ... */
	char *max_tier;		/* ... the agency cannot rank above this tier */
};

struct assess_scheme {
	char *title;
	struct assess_indicator *ind;
	int n_ind;
	struct assess_tier *tiers;	/* best first */
	int n_tiers;
	struct assess_cap *caps;
	int n_caps;
	char *source;		/* the scheme file's text, stored with a finalized year */
};

void assess_scheme_free(struct assess_scheme *s);
const char *assess_metric_name(enum assess_metric m);
bool assess_metric_parse(const char *s, enum assess_metric *out);

/* One indicator of one agency. Scores are computed exactly from the counts and the scheme's
 * decimals and rounded half up once, to hundredths; score, max, lost and total hold exactly
 * that many hundredths (shown with %.2f). */
struct assess_line {
	const char *name;	/* borrowed from the scheme (or the stored year) */
	char *title;
	char *value;		/* "87.5%", "2", "优秀", "-" */
	char *target;		/* "≥90%", "-5 each", ... */
	double score;
	double max;
	double lost;		/* max - score, 0 for bonuses */
	enum assess_metric metric;
};

struct assess_agency {
	int64_t agency_id;
	char *name;
	char *kind;		/* department / township / other */
	double total;
	char *tier;
	char *capped_by;	/* "" or why the tier was capped */
	int rank;		/* within its kind, 1 = best */
	struct assess_line *lines;
	int n_lines;
	int nobody;		/* metric values kept for caps and the report */
};

struct assess_result {
	int year;
	bool finalized;
	char *finalized_at;
	char *finalized_by;
	char *scheme_title;
	struct assess_agency *agencies;	/* sorted: kind, then total descending */
	int n;
};

/* Compute the year (or load it, when finalized). today: "missing" means not done by today. */
int assess_compute(struct db *db, const struct assess_scheme *scheme, int year,
    struct date today, struct assess_result **out, struct duban_err *err);
void assess_result_free(struct assess_result *r);

struct buf;
/* Indicator k's title as a column heading of two lines of cols columns: the first line's
 * text to first, the rest to second (longer than cols when the title is: the caller cuts it).
 * When two titles would look alike so, every title is numbered ("5.行政复议被纠错率"). */
void assess_heading(const struct assess_result *r, int k, int cols, struct buf *first,
    struct buf *second);

/* True once year is over: today is after its 31 December. */
bool assess_year_ended(int year, struct date today);

/* Store the year's results with the scheme text; needs ACCESS_FINALIZE; audited. Refused
 * when the year is already finalized, and (DUBAN_EINPUT) when it has not ended yet unless
 * unfinished_ok: its figures would still change after they were frozen. */
int assess_finalize(struct db *db, const struct assess_scheme *scheme, int year,
    struct date today, bool unfinished_ok, struct duban_err *err);
/* Drop a finalized year's stored results; needs ACCESS_UNFREEZE; audited. */
int assess_unfreeze(struct db *db, int year, struct duban_err *err);

/* The records behind an indicator for one agency: kind and ids, with a short description,
 * most telling first (failures before successes). */
struct assess_source {
	const char *kind;
	int64_t id;
	char *text;
	bool counted_against;	/* this record cost points */
};
int assess_sources(struct db *db, int year, struct date today, int64_t agency_id,
    enum assess_metric metric, const char *item, struct assess_source **out, int *n,
    struct duban_err *err);
void assess_sources_free(struct assess_source *s, int n);

/* A printable report: per tier who is in it, rates and counts per agency, the largest sources
 * of lost points. */
void assess_report(const struct assess_result *r, struct buf *out);

#endif
