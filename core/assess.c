/* core/assess.c: computing, scoring, ranking, freezing and explaining the annual assessment.
 * A year is attributed by the date of each triggering event (doc/assessment.md): a hearing by
 * its date, a defence by the complaint copy's receipt, an outcome by the closing date, a
 * reconsideration reply by the copy's receipt, a decision by its date, a suggestion by its
 * receipt. A finalized year is read back from what was stored, never recomputed. */
#include "duban/assess.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duban/access.h"
#include "duban/appearance.h"
#include "duban/assess_item.h"
#include "duban/audit.h"
#include "duban/buf.h"
#include "duban/db_sql.h"
#include "duban/decimal.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/json.h"
#include "duban/mem.h"
#include "duban/record.h"
#include "duban/staffing.h"
#include "duban/text.h"

static const char *const metric_names[METRIC_COUNT] = {
	"head_rate", "nobody_appeared", "lawyer_only", "defence_failures", "loss_rate",
	"reply_failures", "overturn_rate", "suggestion_failures", "holding_rate", "training_rate",
	"review_pass_rate",
};

const char *
assess_metric_name(enum assess_metric m)
{
	return (unsigned)m < METRIC_COUNT ? metric_names[m] : "manual";
}

bool
assess_metric_parse(const char *s, enum assess_metric *out)
{
	int i;

	for (i = 0; i < METRIC_COUNT; i++) {
		if (strcmp(s, metric_names[i]) == 0) {
			*out = (enum assess_metric)i;
			return true;
		}
	}
	return false;
}

void
assess_scheme_free(struct assess_scheme *s)
{
	int i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n_ind; i++) {
		free(s->ind[i].name);
		free(s->ind[i].title);
		free(s->ind[i].item);
	}
	for (i = 0; i < s->n_tiers; i++)
		free(s->tiers[i].name);
	for (i = 0; i < s->n_caps; i++)
		free(s->caps[i].max_tier);
	free(s->ind);
	free(s->tiers);
	free(s->caps);
	free(s->title);
	free(s->source);
	free(s);
}

/* ---- metrics ---------------------------------------------------------------------------- */

/* A metric is kept as the exact fraction n / d (d > 0) of its unit: a rate in percent is
 * 100 x lost / closed, a count is count / 1. Nothing is rounded before the score. */
struct metrics {
	int64_t agency_id;
	int64_t n[METRIC_COUNT];
	int64_t d[METRIC_COUNT];
	bool has[METRIC_COUNT];	/* rates: a denominator exists */
};

static void
set_count(struct metrics *x, enum assess_metric m, int64_t count)
{
	x->n[m] = count;
	x->d[m] = 1;
}

static void
set_rate(struct metrics *x, enum assess_metric m, int64_t part, int64_t whole)
{
	x->has[m] = whole > 0;
	x->n[m] = whole > 0 ? 100 * part : 0;
	x->d[m] = whole > 0 ? whole : 1;
}

static struct metrics *
find_m(struct metrics *m, int n, int64_t id)
{
	int i;

	for (i = 0; i < n; i++)
		if (m[i].agency_id == id)
			return &m[i];
	return NULL;
}

/* Run a grouped query: agency id, then the values; fn stores them. */
static int
grouped(struct db *db, const char *sql, const char *from, const char *to, const char *today,
    struct metrics *m, int n, void (*fn)(struct metrics *x, sqlite3_stmt *st),
    struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	struct buf expanded = BUF_INIT;
	int rc;
	int step;

	record_sql_expand(sql, &expanded);
	rc = db_prepare(db, buf_str(&expanded), &st, err);
	buf_release(&expanded);
	if (rc != DUBAN_OK)
		return rc;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_text(st, 3, today, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct metrics *x = find_m(m, n, sqlite3_column_int64(st, 0));

		if (x != NULL)
			fn(x, st);
	}
	if (step != SQLITE_DONE)
		rc = db_fail(db, _("computing the assessment"), err);
	sqlite3_finalize(st);
	return rc;
}

static void
take_loss(struct metrics *x, sqlite3_stmt *st)
{
	set_rate(x, METRIC_LOSS_RATE, sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 1));
}

static void
take_reply(struct metrics *x, sqlite3_stmt *st)
{
	set_count(x, METRIC_REPLY_FAILURES, sqlite3_column_int64(st, 1) +
	    sqlite3_column_int64(st, 2));
}

static void
take_overturn(struct metrics *x, sqlite3_stmt *st)
{
	set_rate(x, METRIC_OVERTURN_RATE, sqlite3_column_int64(st, 2),
	    sqlite3_column_int64(st, 1));
}

static void
take_review(struct metrics *x, sqlite3_stmt *st)
{
	set_rate(x, METRIC_REVIEW_PASS_RATE, sqlite3_column_int64(st, 2),
	    sqlite3_column_int64(st, 1));
}

static void
take_suggestion(struct metrics *x, sqlite3_stmt *st)
{
	set_count(x, METRIC_SUGGESTION_FAILURES, sqlite3_column_int64(st, 1) +
	    sqlite3_column_int64(st, 2));
}

/* Outcomes that go against the agency (doc/assessment.md) and decisions that overturn the
 * act (撤销、变更、确认违法、责令履行): the choices flagged so in the kinds' tables. */
#define LOST_OUTCOMES "{litigation.outcome/loss}"
#define OVERTURNING "{reconsideration.decision/overturns}"

static int
compute_metrics(struct db *db, int year, struct date today, struct appearance *app, int napp,
    struct metrics *m, struct duban_err *err)
{
	char from[DATE_ISO_LEN];
	char to[DATE_ISO_LEN];
	char t[DATE_ISO_LEN];
	int rc = DUBAN_OK;
	int i;

	date_format(date_ymd(year, 1, 1), from);
	date_format(date_ymd(year, 12, 31), to);
	date_format(today, t);
	for (i = 0; i < napp; i++) {
		int k;

		m[i].agency_id = app[i].agency_id;
		for (k = 0; k < METRIC_COUNT; k++)
			set_count(&m[i], (enum assess_metric)k, 0);
		set_rate(&m[i], METRIC_HEAD_RATE, app[i].head_appearances, app[i].hearings);
		set_rate(&m[i], METRIC_LOSS_RATE, 0, 0);
		set_rate(&m[i], METRIC_OVERTURN_RATE, 0, 0);
		set_rate(&m[i], METRIC_HOLDING_RATE, 0, 0);
		set_rate(&m[i], METRIC_TRAINING_RATE, 0, 0);
		set_rate(&m[i], METRIC_REVIEW_PASS_RATE, 0, 0);
		set_count(&m[i], METRIC_NOBODY_APPEARED, app[i].nobody);
		set_count(&m[i], METRIC_LAWYER_ONLY, app[i].lawyer_only);
		set_count(&m[i], METRIC_DEFENCE_FAILURES, (int64_t)app[i].defence_late +
		    app[i].defence_missing);
	}
	rc = grouped(db, "SELECT agency_id, count(*), sum(outcome IN " LOST_OUTCOMES ")"
	    " FROM litigation_cases WHERE closed_on BETWEEN ?1 AND ?2 AND outcome <> ''"
	    " AND deleted = 0 GROUP BY agency_id", from, to, t, m, napp, take_loss, err);
	if (rc == DUBAN_OK)
		rc = grouped(db, "SELECT agency_id,"
		    " sum(reply_done_on IS NOT NULL AND reply_done_on > reply_due_on),"
		    " sum(reply_done_on IS NULL AND reply_due_on < ?3)"
		    " FROM reconsideration_cases WHERE copy_received_on BETWEEN ?1 AND ?2"
		    " AND deleted = 0 GROUP BY agency_id", from, to, t, m, napp, take_reply, err);
	if (rc == DUBAN_OK)
		rc = grouped(db, "SELECT agency_id, count(*), sum(decision IN " OVERTURNING ")"
		    " FROM reconsideration_cases WHERE decided_on BETWEEN ?1 AND ?2"
		    " AND decision <> '' AND deleted = 0 GROUP BY agency_id", from, to, t, m, napp,
		    take_overturn, err);
	if (rc == DUBAN_OK)
		rc = grouped(db, "SELECT agency_id,"
		    " sum(reply_done_on IS NOT NULL AND reply_done_on > due_on),"
		    " sum(reply_done_on IS NULL AND due_on < ?3)"
		    " FROM suggestions WHERE received_on BETWEEN ?1 AND ?2 AND deleted = 0"
		    " GROUP BY agency_id", from, to, t, m, napp, take_suggestion, err);
	if (rc == DUBAN_OK)
		rc = grouped(db, "SELECT agency_id, count(*), sum(grade <> 'fail') FROM case_reviews"
		    " WHERE reviewed_on BETWEEN ?1 AND ?2 AND deleted = 0 GROUP BY agency_id", from, to,
		    t, m, napp, take_review, err);
	/* Officers and training (core/staffing.c), as on the year's last day or today. */
	if (rc == DUBAN_OK) {
		struct staffing *s = NULL;
		int ns = 0;

		rc = staffing_by_agency(db, NULL, year, date_cmp(today, date_ymd(year, 12, 31)) < 0 ?
		    today : date_ymd(year, 12, 31), &s, &ns, err);
		for (i = 0; rc == DUBAN_OK && i < ns; i++) {
			struct metrics *x = find_m(m, napp, s[i].agency_id);

			if (x == NULL)
				continue;
			set_rate(x, METRIC_HOLDING_RATE, s[i].holders, s[i].staff);
			set_rate(x, METRIC_TRAINING_RATE, s[i].trained, s[i].staff);
		}
		staffing_free(s, ns);
	}
	return rc;
}

/* ---- scoring ---------------------------------------------------------------------------- */

/* Products of counts and millionths overflow 64 bits long before they lose a digit in 128. */
__extension__ typedef __int128 wide;

/* The fraction n / d (d > 0) in hundredths, rounded half up, once; below 0 is 0 (no score is
 * below 0, and no value shown is). */
static int64_t
half_up(wide n, wide d)
{
	if (n <= 0)
		return 0;
	return (int64_t)((200 * n + d) / (2 * d));
}

/* A manual item's value for an agency, or NULL. Borrowed from the statement's row copy. */
static char *
manual_value(struct db *db, int year, int64_t agency_id, const char *item)
{
	sqlite3_stmt *st = NULL;
	char *v = NULL;

	if (db_prepare_cached(db, "SELECT score FROM assessment_items WHERE year = ?1 AND"
	    " agency_id = ?2 AND item = ?3 AND deleted = 0", &st, NULL) != DUBAN_OK)
		return NULL;
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_int64(st, 2, agency_id);
	sqlite3_bind_text(st, 3, item, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return v;
}

static int
grade_idx(const char *s)
{
	int i;

	for (i = 0; assess_grades[i] != NULL; i++)
		if (strcmp(s, assess_grades[i]) == 0)
			return i;
	return -1;
}

bool
assess_item_number(const char *s, int64_t *millionths)
{
	int64_t v;

	if (s == NULL || !decimal_parse(s, &v) || v < 0 || v > 100 * (int64_t)DECIMAL_ONE)
		return false;
	*millionths = v;
	return true;
}

/* The value n / d as shown: rounded half up to hundredths, whole numbers without decimals. */
static void
fmt_value(struct buf *b, int64_t n, int64_t d)
{
	int64_t h = half_up(n, d);

	if (h % 100 == 0)
		buf_printf(b, "%lld", (long long)(h / 100));
	else
		buf_printf(b, "%lld.%02lld", (long long)(h / 100), (long long)(h % 100));
}

/* The score of one indicator as the exact fraction *num / *den of a point. */
static void
score_of(const struct assess_indicator *ind, bool has, int64_t vn, int64_t vd, wide *num,
    wide *den)
{
	const wide one = DECIMAL_ONE;
	const wide p = ind->points;
	const wide t = ind->target;

	*den = one;
	switch (ind->rule) {
	case RULE_RATE:
	case RULE_RATE_LOWER:
		if (!has) {
			*num = ind->none_full ? p : 0;
		} else if (ind->rule == RULE_RATE) {
			/* v >= target: points; else points x v / target */
			if ((wide)vn * one >= t * vd) {
				*num = p;
			} else {
				*num = p * vn;
				*den = t * vd;
			}
		} else if ((wide)vn * one <= t * vd) {
			*num = p;
		} else {
			/* points x (100 - v) / (100 - target); 0 at 100 % and above */
			*num = p * ((wide)100 * vd - vn);
			*den = (wide)vd * (100 * one - t);
		}
		break;
	case RULE_DEDUCT:
		/* points - deduct x v, not below floor */
		*num = p * vd - (wide)ind->deduct * vn;
		*den = one * vd;
		if (*num < (wide)ind->floor * vd) {
			*num = ind->floor;
			*den = one;
		}
		break;
	case RULE_GRADE:
		/* a number entered for a graded item counts as points, within the maximum */
		if (!has) {
			*num = ind->none_full ? p : 0;
		} else if ((wide)vn * one > p * vd) {
			*num = p;
		} else {
			*num = vn;
			*den = vd;
		}
		break;
	case RULE_BONUS:
		/* v x per, at most points */
		*num = (wide)vn * ind->per;
		*den = (wide)vd * one;
		if (*num > p * vd) {
			*num = p;
			*den = one;
		}
		break;
	}
}

static void
score_line(struct db *db, int year, const struct assess_indicator *ind, const struct metrics *m,
    struct assess_line *l)
{
	struct buf value = BUF_INIT;
	struct buf target = BUF_INIT;
	char t1[DECIMAL_TEXT_LEN];
	char t2[DECIMAL_TEXT_LEN];
	char *manual = NULL;
	bool has = false;
	int64_t vn = 0;
	int64_t vd = 1;
	int64_t score;
	int64_t max;
	wide num = 0;
	wide den = 1;

	l->name = ind->name;
	l->title = xstrdup(ind->title);
	l->metric = ind->metric;
	if (ind->metric == METRIC_MANUAL) {
		/* A stored value that is not a number from 0 to 100 (a database written before they
		 * were checked) counts as no number: it never reaches a score. */
		manual = manual_value(db, year, m->agency_id, ind->item);
		has = assess_item_number(manual, &vn);
		vd = DECIMAL_ONE;
		if (!has)
			vn = 0;
	} else {
		has = m->has[ind->metric] || ind->rule == RULE_DEDUCT;
		vn = m->n[ind->metric];
		vd = m->d[ind->metric];
	}
	switch (ind->rule) {
	case RULE_RATE:
	case RULE_RATE_LOWER:
		buf_printf(&target, ind->rule == RULE_RATE ? ">=%s%%" : "<=%s%%",
		    decimal_format(ind->target, t1));
		if (!has) {
			buf_adds(&value, "-");
		} else {
			fmt_value(&value, vn, vd);
			buf_addc(&value, '%');
		}
		break;
	case RULE_DEDUCT:
		/* a missing item (or one that is no number) counts as 0 */
		fmt_value(&value, vn, vd);
		buf_printf(&target, _("-%s each"), decimal_format(ind->deduct, t1));
		has = true;
		break;
	case RULE_GRADE: {
		int g = manual != NULL ? grade_idx(manual) : -1;

		buf_adds(&target, assess_grades[0]);
		if (manual == NULL)
			buf_adds(&value, "-");
		else
			buf_adds(&value, manual);
		if (g >= 0) {
			has = true;
			vn = ind->grade_points[g];
			vd = DECIMAL_ONE;
		} else if (manual != NULL) {
			/* an item that is neither a grade nor a number scores nothing */
			has = true;
		}
		break;
	}
	case RULE_BONUS:
		if (manual == NULL)
			buf_adds(&value, "-");
		else
			fmt_value(&value, vn, vd);
		buf_printf(&target, _("+%s per unit, at most %s"), decimal_format(ind->per, t1),
		    decimal_format(ind->points, t2));
		break;
	}
	score_of(ind, has, vn, vd, &num, &den);
	score = half_up(num, den);
	max = ind->rule == RULE_BONUS ? 0 : half_up(ind->points, DECIMAL_ONE);
	l->score = (double)score / 100.0;
	l->max = (double)max / 100.0;
	l->lost = ind->rule == RULE_BONUS || score >= max ? 0 : (double)(max - score) / 100.0;
	l->value = buf_detach(&value);
	l->target = buf_detach(&target);
	free(manual);
}

/* A score held in a double is an exact number of hundredths (score_line): get it back. */
static int64_t
hundredths_of(double x)
{
	return llround(x * 100.0);
}

static int
tier_idx(const struct assess_scheme *s, const char *name)
{
	int i;

	for (i = 0; i < s->n_tiers; i++)
		if (strcmp(s->tiers[i].name, name) == 0)
			return i;
	return -1;
}

static int
cmp_agency(const void *pa, const void *pb)
{
	const struct assess_agency *a = pa;
	const struct assess_agency *b = pb;
	int c = strcmp(a->kind, b->kind);

	if (c != 0)
		return c;
	if (a->total != b->total)
		return a->total > b->total ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* Ranks within each kind, competition style: after a tie the next rank skips (1, 1, 3). */
static void
rank_within_kind(struct assess_result *r)
{
	int pos = 0;
	int i;

	qsort(r->agencies, (size_t)r->n, sizeof(*r->agencies), cmp_agency);
	for (i = 0; i < r->n; i++) {
		struct assess_agency *a = &r->agencies[i];
		const struct assess_agency *prev = i > 0 ? &r->agencies[i - 1] : NULL;

		if (prev == NULL || strcmp(prev->kind, a->kind) != 0)
			pos = 0;
		pos++;
		a->rank = prev != NULL && strcmp(prev->kind, a->kind) == 0 &&
		    prev->total == a->total ? prev->rank : pos;
	}
}

static int
load_frozen(struct db *db, int year, struct assess_result *r, bool *found,
    struct duban_err *err)
{
	sqlite3_stmt *y = NULL;
	sqlite3_stmt *st = NULL;
	sqlite3_stmt *ln = NULL;
	int rc = db_prepare(db, "SELECT finalized_at, finalized_by, title FROM assessment_years"
	    " WHERE year = ?1", &y, err);
	int cap = 0;

	*found = false;
	if (rc != DUBAN_OK)
		return rc;
	sqlite3_bind_int(y, 1, year);
	if (sqlite3_step(y) != SQLITE_ROW) {
		sqlite3_finalize(y);
		return DUBAN_OK;
	}
	*found = true;
	r->finalized = true;
	r->finalized_at = xstrdup((const char *)sqlite3_column_text(y, 0));
	r->finalized_by = xstrdup((const char *)sqlite3_column_text(y, 1));
	r->scheme_title = xstrdup((const char *)sqlite3_column_text(y, 2));
	sqlite3_finalize(y);
	rc = db_prepare(db, "SELECT agency_id, total, tier, json_extract(detail, '$.name'),"
	    " json_extract(detail, '$.kind'), json_extract(detail, '$.rank'),"
	    " json_extract(detail, '$.capped_by'), json_extract(detail, '$.nobody'), detail"
	    " FROM assessment_results WHERE year = ?1", &st, err);
	if (rc == DUBAN_OK)
		rc = db_prepare(db, "SELECT json_extract(value, '$.name'), json_extract(value,"
		    " '$.title'), json_extract(value, '$.value'), json_extract(value, '$.target'),"
		    " json_extract(value, '$.score'), json_extract(value, '$.max'),"
		    " json_extract(value, '$.lost'), json_extract(value, '$.metric')"
		    " FROM json_each(?1, '$.lines')", &ln, err);
	if (rc == DUBAN_OK) {
		sqlite3_bind_int(st, 1, year);
		while (sqlite3_step(st) == SQLITE_ROW) {
			struct assess_agency *a;
			int lcap = 0;

			if (r->n == cap) {
				cap = cap ? cap * 2 : 64;
				r->agencies = xreallocarray(r->agencies, (size_t)cap, sizeof(*a));
			}
			a = &r->agencies[r->n++];
			memset(a, 0, sizeof(*a));
			a->agency_id = sqlite3_column_int64(st, 0);
			a->total = sqlite3_column_double(st, 1);
			a->tier = xstrdup((const char *)sqlite3_column_text(st, 2));
			a->name = xstrdup((const char *)sqlite3_column_text(st, 3));
			a->kind = xstrdup((const char *)sqlite3_column_text(st, 4));
			a->rank = sqlite3_column_int(st, 5);
			a->capped_by = xstrdup(sqlite3_column_text(st, 6) != NULL ?
			    (const char *)sqlite3_column_text(st, 6) : "");
			a->nobody = sqlite3_column_int(st, 7);
			sqlite3_reset(ln);
			sqlite3_bind_text(ln, 1, (const char *)sqlite3_column_text(st, 8), -1,
			    SQLITE_TRANSIENT);
			while (sqlite3_step(ln) == SQLITE_ROW) {
				struct assess_line *l;
				enum assess_metric m = METRIC_MANUAL;

				if (a->n_lines == lcap) {
					lcap = lcap ? lcap * 2 : 16;
					a->lines = xreallocarray(a->lines, (size_t)lcap, sizeof(*l));
				}
				l = &a->lines[a->n_lines++];
				l->name = NULL;	/* the scheme's names are not kept with a year */
				l->title = xstrdup((const char *)sqlite3_column_text(ln, 1));
				l->value = xstrdup((const char *)sqlite3_column_text(ln, 2));
				l->target = xstrdup((const char *)sqlite3_column_text(ln, 3));
				l->score = sqlite3_column_double(ln, 4);
				l->max = sqlite3_column_double(ln, 5);
				l->lost = sqlite3_column_double(ln, 6);
				assess_metric_parse((const char *)sqlite3_column_text(ln, 7), &m);
				l->metric = m;
			}
		}
	}
	sqlite3_finalize(st);
	sqlite3_finalize(ln);
	if (rc == DUBAN_OK)
		qsort(r->agencies, (size_t)r->n, sizeof(*r->agencies), cmp_agency);
	return rc;
}

int
assess_compute(struct db *db, const struct assess_scheme *scheme, int year, struct date today,
    struct assess_result **out, struct duban_err *err)
{
	struct assess_result *r = xcalloc(1, sizeof(*r));
	struct appearance *app = NULL;
	struct metrics *m = NULL;
	int napp = 0;
	bool frozen = false;
	int rc;
	int i;
	int k;

	r->year = year;
	rc = access_require(db, ACCESS_READ, err);
	if (rc == DUBAN_OK)
		rc = load_frozen(db, year, r, &frozen, err);
	if (rc != DUBAN_OK || frozen)
		goto out;
	r->scheme_title = xstrdup(scheme->title != NULL ? scheme->title : "");
	r->finalized_at = xstrdup("");
	r->finalized_by = xstrdup("");
	rc = appearance_by_agency(db, date_ymd(year, 1, 1), date_ymd(year, 12, 31), today, &app,
	    &napp, err);
	if (rc != DUBAN_OK)
		goto out;
	m = xcalloc((size_t)(napp > 0 ? napp : 1), sizeof(*m));
	rc = compute_metrics(db, year, today, app, napp, m, err);
	if (rc != DUBAN_OK)
		goto out;
	r->agencies = xcalloc((size_t)(napp > 0 ? napp : 1), sizeof(*r->agencies));
	r->n = napp;
	for (i = 0; i < napp; i++) {
		struct assess_agency *a = &r->agencies[i];
		int64_t total;
		int t;

		a->agency_id = app[i].agency_id;
		a->name = xstrdup(app[i].agency);
		a->kind = xstrdup(app[i].kind);
		a->nobody = app[i].nobody;
		a->lines = xcalloc((size_t)(scheme->n_ind > 0 ? scheme->n_ind : 1),
		    sizeof(*a->lines));
		a->n_lines = scheme->n_ind;
		total = 0;
		for (k = 0; k < scheme->n_ind; k++) {
			score_line(db, year, &scheme->ind[k], &m[i], &a->lines[k]);
			total += hundredths_of(a->lines[k].score);
		}
		/* the total is the sum of the rounded scores, compared with each min exactly */
		a->total = (double)total / 100.0;
		t = scheme->n_tiers - 1;
		for (k = 0; k < scheme->n_tiers; k++) {
			if (total * (DECIMAL_ONE / 100) >= scheme->tiers[k].min) {
				t = k;
				break;
			}
		}
		a->capped_by = xstrdup("");
		for (k = 0; k < scheme->n_caps; k++) {
			const struct assess_cap *c = &scheme->caps[k];
			int max = tier_idx(scheme, c->max_tier);

			if (c->metric < METRIC_COUNT && (wide)m[i].n[c->metric] * DECIMAL_ONE >
			    (wide)c->above * m[i].d[c->metric] && max > t) {
				t = max;
				free(a->capped_by);
				a->capped_by = xstrdup(assess_metric_name(c->metric));
			}
		}
		a->tier = xstrdup(t >= 0 ? scheme->tiers[t].name : "");
	}
	rank_within_kind(r);
out:
	appearance_free(app, napp);
	free(m);
	if (rc != DUBAN_OK) {
		assess_result_free(r);
		return rc;
	}
	*out = r;
	return DUBAN_OK;
}

void
assess_result_free(struct assess_result *r)
{
	int i;
	int k;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		struct assess_agency *a = &r->agencies[i];

		for (k = 0; k < a->n_lines; k++) {
			free(a->lines[k].title);
			free(a->lines[k].value);
			free(a->lines[k].target);
		}
		free(a->lines);
		free(a->name);
		free(a->kind);
		free(a->tier);
		free(a->capped_by);
	}
	free(r->agencies);
	free(r->finalized_at);
	free(r->finalized_by);
	free(r->scheme_title);
	free(r);
}

/* ---- freezing --------------------------------------------------------------------------- */

static void
agency_json(const struct assess_agency *a, struct buf *b)
{
	int k;

	buf_adds(b, "{\"name\":");
	json_add_string(b, a->name);
	buf_adds(b, ",\"kind\":");
	json_add_string(b, a->kind);
	buf_printf(b, ",\"rank\":%d,\"nobody\":%d,\"capped_by\":", a->rank, a->nobody);
	json_add_string(b, a->capped_by);
	buf_adds(b, ",\"lines\":[");
	for (k = 0; k < a->n_lines; k++) {
		const struct assess_line *l = &a->lines[k];

		buf_adds(b, k > 0 ? ",{\"name\":" : "{\"name\":");
		json_add_string(b, l->name != NULL ? l->name : "");
		buf_adds(b, ",\"title\":");
		json_add_string(b, l->title);
		buf_adds(b, ",\"value\":");
		json_add_string(b, l->value);
		buf_adds(b, ",\"target\":");
		json_add_string(b, l->target);
		buf_printf(b, ",\"score\":%.2f,\"max\":%.2f,\"lost\":%.2f,\"metric\":\"%s\"}",
		    l->score, l->max, l->lost, assess_metric_name(l->metric));
	}
	buf_adds(b, "]}");
}

/* Two titles that show alike in a heading of two lines of cols columns (the second cut to
 * cols - 1 and '~' when longer). */
static bool
same_heading(const char *a, const char *b, int cols)
{
	size_t ca = text_fit(a, cols, NULL);
	size_t cb = text_fit(b, cols, NULL);
	size_t ra = text_fit(a + ca, cols - 1, NULL);
	size_t rb = text_fit(b + cb, cols - 1, NULL);

	return ca == cb && memcmp(a, b, ca) == 0 && ra == rb && memcmp(a + ca, b + cb, ra) == 0;
}

void
assess_heading(const struct assess_result *r, int k, int cols, struct buf *first,
    struct buf *second)
{
	const struct assess_agency *a = r->n > 0 ? &r->agencies[0] : NULL;
	struct buf t = BUF_INIT;
	bool numbered = false;
	size_t cut;
	int i;
	int j;

	if (a == NULL || k < 0 || k >= a->n_lines)
		return;
	for (i = 0; i < a->n_lines && !numbered; i++)
		for (j = 0; j < i && !numbered; j++)
			numbered = same_heading(a->lines[i].title, a->lines[j].title, cols);
	if (numbered)
		buf_printf(&t, "%d.", k + 1);
	buf_adds(&t, a->lines[k].title);
	cut = text_fit(buf_str(&t), cols, NULL);
	buf_add(first, buf_str(&t), cut);
	buf_adds(second, buf_str(&t) + cut);
	buf_release(&t);
}

bool
assess_year_ended(int year, struct date today)
{
	return today.y > year;
}

int
assess_finalize(struct db *db, const struct assess_scheme *scheme, int year,
    struct date today, bool unfinished_ok, struct duban_err *err)
{
	struct assess_result *r = NULL;
	sqlite3_stmt *st = NULL;
	struct buf after = BUF_INIT;
	int rc;
	int i;

	rc = access_require(db, ACCESS_FINALIZE, err);
	if (rc != DUBAN_OK)
		return rc;
	if (!assess_year_ended(year, today) && !unfinished_ok)
		return duban_err_set(err, DUBAN_EINPUT, _("%d has not ended yet (today is %d-%02d-%02d):"
		    " its figures will still change; finalize it once the year is over"), year,
		    today.y, today.m, today.d);
	rc = db_begin(db, err);
	if (rc == DUBAN_OK)
		rc = assess_compute(db, scheme, year, today, &r, err);
	if (rc == DUBAN_OK && r->finalized)
		rc = duban_err_set(err, DUBAN_EINPUT, _("%d was already finalized on %s by %s"), year,
		    r->finalized_at, r->finalized_by);
	if (rc == DUBAN_OK)
		rc = db_prepare(db, "INSERT INTO assessment_years (year, finalized_at, finalized_by,"
		    " title, scheme) VALUES (?1, ?2, ?3, ?4, ?5)", &st, err);
	if (rc == DUBAN_OK) {
		sqlite3_bind_int(st, 1, year);
		sqlite3_bind_text(st, 2, db_actor_now(db), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, db_actor_login(db), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, scheme->title != NULL ? scheme->title : "", -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 5, scheme->source != NULL ? scheme->source : "", -1,
		    SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(db, _("finalizing the year"), err);
		sqlite3_finalize(st);
		st = NULL;
	}
	if (rc == DUBAN_OK)
		rc = db_prepare(db, "INSERT INTO assessment_results (year, agency_id, total, tier,"
		    " detail) VALUES (?1, ?2, ?3, ?4, ?5)", &st, err);
	for (i = 0; rc == DUBAN_OK && i < r->n; i++) {
		struct buf detail = BUF_INIT;

		agency_json(&r->agencies[i], &detail);
		sqlite3_reset(st);
		sqlite3_bind_int(st, 1, year);
		sqlite3_bind_int64(st, 2, r->agencies[i].agency_id);
		sqlite3_bind_double(st, 3, r->agencies[i].total);
		sqlite3_bind_text(st, 4, r->agencies[i].tier, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, buf_str(&detail), -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(db, _("finalizing the year"), err);
		buf_release(&detail);
	}
	sqlite3_finalize(st);
	if (rc == DUBAN_OK) {
		buf_printf(&after, "{\"year\":%d,\"agencies\":%d}", year, r->n);
		rc = audit_append(db, "freeze", "assessment", year, NULL, buf_str(&after), 0, err);
	}
	buf_release(&after);
	assess_result_free(r);
	return db_end(db, rc, err);
}

int
assess_unfreeze(struct db *db, int year, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	struct buf before = BUF_INIT;
	int rc;

	rc = access_require(db, ACCESS_UNFREEZE, err);
	if (rc != DUBAN_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc == DUBAN_OK)
		rc = db_prepare(db, "SELECT finalized_at, finalized_by FROM assessment_years WHERE"
		    " year = ?1", &st, err);
	if (rc == DUBAN_OK) {
		sqlite3_bind_int(st, 1, year);
		if (sqlite3_step(st) == SQLITE_ROW) {
			buf_printf(&before, "{\"year\":%d,\"finalized_at\":", year);
			json_add_string(&before, (const char *)sqlite3_column_text(st, 0));
			buf_adds(&before, ",\"finalized_by\":");
			json_add_string(&before, (const char *)sqlite3_column_text(st, 1));
			buf_addc(&before, '}');
		} else {
			rc = duban_err_set(err, DUBAN_EINPUT, _("%d is not finalized"), year);
		}
		sqlite3_finalize(st);
		st = NULL;
	}
	if (rc == DUBAN_OK)
		rc = db_prepare(db, "DELETE FROM assessment_results WHERE year = ?1", &st, err);
	if (rc == DUBAN_OK) {
		sqlite3_bind_int(st, 1, year);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(db, _("unfreezing the year"), err);
		sqlite3_finalize(st);
		st = NULL;
	}
	if (rc == DUBAN_OK)
		rc = db_prepare(db, "DELETE FROM assessment_years WHERE year = ?1", &st, err);
	if (rc == DUBAN_OK) {
		sqlite3_bind_int(st, 1, year);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(db, _("unfreezing the year"), err);
		sqlite3_finalize(st);
	}
	if (rc == DUBAN_OK)
		rc = audit_append(db, "unfreeze", "assessment", year, buf_str(&before), NULL, 0, err);
	buf_release(&before);
	return db_end(db, rc, err);
}

/* ---- the records behind an indicator ---------------------------------------------------- */

struct source_query {
	enum assess_metric metric;
	const char *kind;
	const char *code_field;	/* field of kind whose word translates the third column */
	/* ?1 from, ?2 to, ?3 today, ?4 agency; rows: id, text, a code (or ''), against */
	const char *sql;
};

static const struct source_query source_queries[] = {
	{ METRIC_HEAD_RATE, "hearing", "appearer_rank",
	  "SELECT h.id, c.case_no || '  ' || h.hearing_on, h.appearer_rank,"
	  " h.appearer_rank NOT IN {hearing.appearer_rank/head}"
	  " FROM hearings h JOIN litigation_cases c ON c.id = h.case_id"
	  " WHERE c.agency_id = ?4 AND h.hearing_on BETWEEN ?1 AND min(?2, ?3)"
	  " AND h.appearer_rank <> '' AND h.deleted = 0 AND c.deleted = 0"
	  " ORDER BY 4 DESC, h.hearing_on" },
	{ METRIC_NOBODY_APPEARED, "hearing", NULL,
	  "SELECT h.id, c.case_no || '  ' || h.hearing_on, '', 1"
	  " FROM hearings h JOIN litigation_cases c ON c.id = h.case_id"
	  " WHERE c.agency_id = ?4 AND h.hearing_on BETWEEN ?1 AND min(?2, ?3)"
	  " AND h.appearer_rank = 'none' AND h.deleted = 0 AND c.deleted = 0 ORDER BY h.hearing_on" },
	{ METRIC_LAWYER_ONLY, "hearing", NULL,
	  "SELECT h.id, c.case_no || '  ' || h.hearing_on, '', 1"
	  " FROM hearings h JOIN litigation_cases c ON c.id = h.case_id"
	  " WHERE c.agency_id = ?4 AND h.hearing_on BETWEEN ?1 AND min(?2, ?3)"
	  " AND h.appearer_rank = 'lawyer' AND h.deleted = 0 AND c.deleted = 0"
	  " ORDER BY h.hearing_on" },
	{ METRIC_DEFENCE_FAILURES, "litigation", NULL,
	  "SELECT id, case_no || '  ' || defence_due_on || ' -> ' || coalesce(defence_done_on, '-'),"
	  " '', 1 FROM litigation_cases WHERE agency_id = ?4 AND complaint_received_on BETWEEN ?1"
	  " AND ?2 AND deleted = 0 AND ((defence_done_on IS NOT NULL AND"
	  " defence_done_on > defence_due_on) OR (defence_done_on IS NULL AND defence_due_on < ?3))"
	  " ORDER BY defence_due_on" },
	{ METRIC_LOSS_RATE, "litigation", "outcome",
	  "SELECT id, case_no || '  ' || closed_on, outcome, outcome IN " LOST_OUTCOMES
	  " FROM litigation_cases WHERE agency_id = ?4 AND closed_on BETWEEN ?1 AND ?2"
	  " AND outcome <> '' AND deleted = 0 ORDER BY 4 DESC, closed_on" },
	{ METRIC_REPLY_FAILURES, "reconsideration", NULL,
	  "SELECT id, case_no || '  ' || reply_due_on || ' -> ' || coalesce(reply_done_on, '-'), '',"
	  " 1 FROM reconsideration_cases WHERE agency_id = ?4 AND copy_received_on BETWEEN ?1 AND ?2"
	  " AND deleted = 0 AND ((reply_done_on IS NOT NULL AND reply_done_on > reply_due_on)"
	  " OR (reply_done_on IS NULL AND reply_due_on < ?3)) ORDER BY reply_due_on" },
	{ METRIC_OVERTURN_RATE, "reconsideration", "decision",
	  "SELECT id, case_no || '  ' || decided_on, decision, decision IN " OVERTURNING
	  " FROM reconsideration_cases WHERE agency_id = ?4 AND decided_on BETWEEN ?1 AND ?2"
	  " AND decision <> '' AND deleted = 0 ORDER BY 4 DESC, decided_on" },
	{ METRIC_SUGGESTION_FAILURES, "suggestion", NULL,
	  "SELECT id, doc_no || '  ' || due_on || ' -> ' || coalesce(reply_done_on, '-'), '', 1"
	  " FROM suggestions WHERE agency_id = ?4 AND received_on BETWEEN ?1 AND ?2 AND deleted = 0"
	  " AND ((reply_done_on IS NOT NULL AND reply_done_on > due_on)"
	  " OR (reply_done_on IS NULL AND due_on < ?3)) ORDER BY due_on" },
};

/* The translated word of an enumeration code, or the code. */
static const char *
code_word(const char *kind, const char *field, const char *code)
{
	const struct kind_def *k = record_kind(kind);
	int i = k != NULL && field != NULL ? record_field_idx(k, field) : -1;
	const struct field_choice *c;

	if (i < 0 || k->fields[i].choices == NULL)
		return code;
	for (c = k->fields[i].choices; c->code != NULL; c++)
		if (strcmp(c->code, code) == 0)
			return _(c->en);
	return code;
}

int
assess_sources(struct db *db, int year, struct date today, int64_t agency_id,
    enum assess_metric metric, const char *item, struct assess_source **out, int *n_out,
    struct duban_err *err)
{
	const char *sql = NULL;
	const char *kind = NULL;
	const char *code_field = NULL;
	sqlite3_stmt *st = NULL;
	struct assess_source *s = NULL;
	char from[DATE_ISO_LEN];
	char to[DATE_ISO_LEN];
	char t[DATE_ISO_LEN];
	int n = 0;
	int cap = 0;
	int rc;
	size_t i;

	if (metric == METRIC_MANUAL) {
		sql = "SELECT id, item || ': ' || score || '  ' || note, '', 1 FROM assessment_items"
		    " WHERE agency_id = ?4 AND year = CAST(substr(?1, 1, 4) AS INTEGER) AND item = ?5"
		    " AND deleted = 0";
		kind = "assessment-item";
	}
	for (i = 0; sql == NULL && i < sizeof(source_queries) / sizeof(source_queries[0]); i++) {
		if (source_queries[i].metric == metric) {
			sql = source_queries[i].sql;
			kind = source_queries[i].kind;
			code_field = source_queries[i].code_field;
		}
	}
	if (sql == NULL) {
		*out = NULL;
		*n_out = 0;
		return DUBAN_OK;
	}
	{
		struct buf expanded = BUF_INIT;

		record_sql_expand(sql, &expanded);
		rc = db_prepare(db, buf_str(&expanded), &st, err);
		buf_release(&expanded);
	}
	if (rc != DUBAN_OK)
		return rc;
	sqlite3_bind_text(st, 1, date_format(date_ymd(year, 1, 1), from), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, date_format(date_ymd(year, 12, 31), to), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, date_format(today, t), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, agency_id);
	if (metric == METRIC_MANUAL)
		sqlite3_bind_text(st, 5, item != NULL ? item : "", -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct buf text = BUF_INIT;

		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			s = xreallocarray(s, (size_t)cap, sizeof(*s));
		}
		text_sanitize(sqlite3_column_text(st, 1) != NULL ?
		    (const char *)sqlite3_column_text(st, 1) : "", &text);
		if (sqlite3_column_text(st, 2) != NULL && sqlite3_column_text(st, 2)[0] != '\0') {
			buf_adds(&text, "  ");
			buf_adds(&text, code_word(kind, code_field,
			    (const char *)sqlite3_column_text(st, 2)));
		}
		s[n].kind = kind;
		s[n].id = sqlite3_column_int64(st, 0);
		s[n].text = buf_detach(&text);
		s[n].counted_against = sqlite3_column_int(st, 3) != 0;
		n++;
	}
	sqlite3_finalize(st);
	*out = s;
	*n_out = n;
	return DUBAN_OK;
}

void
assess_sources_free(struct assess_source *s, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(s[i].text);
	free(s);
}

/* ---- the printable report --------------------------------------------------------------- */

void
assess_report(const struct assess_result *r, struct buf *out)
{
	int i;
	int k;
	const char *kinds[] = { "department", "township", "other" };
	const char *kind_titles[] = { N_("Departments"), N_("Townships and streets"),
		N_("Other agencies") };
	int ki;

	buf_printf(out, _("Assessment %d: %s\n"), r->year, r->scheme_title);
	if (r->finalized)
		buf_printf(out, _("Finalized on %s by %s.\n"), r->finalized_at, r->finalized_by);
	else
		buf_adds(out, _("Not finalized: figures may still change.\n"));
	for (ki = 0; ki < 3; ki++) {
		int shown = 0;

		for (i = 0; i < r->n; i++) {
			const struct assess_agency *a = &r->agencies[i];

			if (strcmp(a->kind, kinds[ki]) != 0)
				continue;
			if (shown++ == 0)
				buf_printf(out, "\n%s\n", _(kind_titles[ki]));
			buf_printf(out, "%3d. ", a->rank);
			text_pad(out, a->name, 26, TEXT_LEFT);
			buf_printf(out, " %6.2f  ", a->total);
			buf_adds(out, a->tier);
			if (a->capped_by[0] != '\0')
				buf_printf(out, _(" (capped: %s)"), a->capped_by);
			buf_addc(out, '\n');
			for (k = 0; k < a->n_lines; k++) {
				const struct assess_line *l = &a->lines[k];

				if (l->lost <= 0)
					continue;
				buf_adds(out, "       - ");
				buf_adds(out, l->title);
				buf_printf(out, _(": %s, lost %.2f\n"), l->value, l->lost);
			}
		}
	}
	/* Which indicators cost the most points across all agencies. */
	if (r->n > 0 && r->agencies[0].n_lines > 0) {
		int nl = r->agencies[0].n_lines;
		int64_t *lost = xcalloc((size_t)nl, sizeof(*lost));
		bool *done = xcalloc((size_t)nl, sizeof(bool));

		for (i = 0; i < r->n; i++)
			for (k = 0; k < r->agencies[i].n_lines && k < nl; k++)
				lost[k] += hundredths_of(r->agencies[i].lines[k].lost);
		buf_printf(out, "\n%s\n", _("Largest sources of lost points"));
		for (i = 0; i < nl; i++) {
			int best = -1;

			for (k = 0; k < nl; k++)
				if (!done[k] && (best < 0 || lost[k] > lost[best]))
					best = k;
			if (best < 0 || lost[best] <= 0)
				break;
			done[best] = true;
			buf_printf(out, "  %-4d ", i + 1);
			buf_adds(out, r->agencies[0].lines[best].title);
			buf_printf(out, _(": %.2f points in all\n"), (double)lost[best] / 100.0);
		}
		free(lost);
		free(done);
	}
}
