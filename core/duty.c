/* core/duty.c: deadline queries. A closed case stops being open: a defence or reply that
 * never came before the case closed counts as done late (on its closing date) here, and as
 * missing in the assessment, which looks at the submission dates themselves. The SQL here is put together from the fixed duty table and
 * fixed status conditions only; dates and ids are bound. Open-item queries hit the partial
 * indexes of the schema (due date WHERE not done), so their cost follows the number of open
 * items, not the size of the database. */
#include "duban/duty.h"

#include <stdlib.h>
#include <string.h>

#include "duban/buf.h"
#include "duban/calendar.h"
#include "duban/db_sql.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/record.h"

const struct duty duties[] = {
	{ "litigation-defence", N_("Litigation: defence and evidence"), N_("Defence"), "litigation",
	  "litigation_cases t JOIN agencies a ON a.id = t.agency_id", "t.id", "t.agency_id",
	  "t.case_no", "t.plaintiff", "t.defence_due_on",
	  "t.defence_done_on IS NULL AND t.closed_on IS NULL",
	  "coalesce(t.defence_done_on, t.closed_on)", "t.deleted = 0 AND t.defence_due_on IS NOT NULL", "t.deleted = 0" },
	{ "hearing-head", N_("Hearings where the head must appear"), N_("Hearing"), "hearing",
	  "hearings t JOIN litigation_cases c ON c.id = t.case_id JOIN agencies a ON a.id = "
	  "c.agency_id", "t.id", "c.agency_id", "c.case_no", "c.plaintiff",
	  "CASE WHEN t.head_required = 1 THEN t.hearing_on END",
	  "t.appearer_rank = ''", "t.hearing_on",
	  "t.deleted = 0 AND c.deleted = 0 AND t.head_required = 1",
	  "t.deleted = 0 AND c.deleted = 0" },
	{ "reconsideration-copy", N_("Reconsideration: copy to the respondent"), N_("Copy"), "reconsideration",
	  "reconsideration_cases t JOIN agencies a ON a.id = t.agency_id", "t.id", "t.agency_id",
	  "t.case_no", "t.applicant", "t.copy_due_on",
	  "t.copy_sent_on IS NULL AND t.decided_on IS NULL", "coalesce(t.copy_sent_on, t.decided_on)",
	  "t.deleted = 0 AND t.copy_due_on IS NOT NULL", "t.deleted = 0" },
	{ "reconsideration-reply", N_("Reconsideration: agency's reply"), N_("Reply"), "reconsideration",
	  "reconsideration_cases t JOIN agencies a ON a.id = t.agency_id", "t.id", "t.agency_id",
	  "t.case_no", "t.applicant", "t.reply_due_on",
	  "t.reply_done_on IS NULL AND t.decided_on IS NULL",
	  "coalesce(t.reply_done_on, t.decided_on)", "t.deleted = 0 AND t.reply_due_on IS NOT NULL", "t.deleted = 0" },
	{ "reconsideration-decision", N_("Reconsideration: decision"), N_("Decision"), "reconsideration",
	  "reconsideration_cases t JOIN agencies a ON a.id = t.agency_id", "t.id", "t.agency_id",
	  "t.case_no", "t.applicant", "t.decision_due_on", "t.decided_on IS NULL", "t.decided_on",
	  "t.deleted = 0 AND t.decision_due_on IS NOT NULL", "t.deleted = 0" },
	{ "suggestion-reply", N_("Suggestions: agency's reply"), N_("Sugg. reply"), "suggestion",
	  "suggestions t JOIN agencies a ON a.id = t.agency_id", "t.id", "t.agency_id",
	  "t.doc_no", "t.issuer", "t.due_on", "t.reply_done_on IS NULL", "t.reply_done_on",
	  "t.deleted = 0 AND t.due_on IS NOT NULL", "t.deleted = 0" },
	{ "rule-filing", N_("Work rules: filing"), N_("Filing"), "filing",
	  "rule_filings t JOIN agencies a ON a.id = t.agency_id", "t.id", "t.agency_id",
	  "t.title", "t.doc_no", "t.due_on", "t.filed_on IS NULL", "t.filed_on",
	  "t.deleted = 0 AND t.due_on IS NOT NULL", "t.deleted = 0" },
	{ "publicity", N_("Enforcement decisions: publicity"), N_("Publicity"), "publicity",
	  "publicity_decisions t JOIN agencies a ON a.id = t.agency_id", "t.id", "t.agency_id",
	  "t.decision_no", "t.party", "t.due_on", "t.published_on IS NULL", "t.published_on",
	  "t.deleted = 0 AND t.due_on IS NOT NULL", "t.deleted = 0" },
	{ "review-rectification", N_("Case-file reviews: rectification"), N_("Rectify"), "review",
	  "case_reviews t JOIN agencies a ON a.id = t.agency_id", "t.id", "t.agency_id",
	  "t.case_ref", "t.notice_no", "t.rectify_due_on", "t.reported_on IS NULL",
	  "t.reported_on", "t.deleted = 0 AND t.rectify_due_on IS NOT NULL", "t.deleted = 0" },
	{ "certificate-expiry", N_("Certificates: expiry"), N_("Cert."), "officer",
	  "officers t JOIN agencies a ON a.id = t.agency_id", "t.id", "t.agency_id", "t.name",
	  "t.cert_no", "CASE WHEN t.state = 'valid' THEN t.valid_until END", "t.state = 'valid'",
	  "t.valid_until",
	  "t.deleted = 0 AND t.state = 'valid' AND t.valid_until IS NOT NULL", "t.deleted = 0" },
};

const int duties_n = (int)(sizeof(duties) / sizeof(duties[0]));

const struct duty *
duty_find(const char *name)
{
	int i;

	for (i = 0; i < duties_n; i++)
		if (strcmp(duties[i].name, name) == 0)
			return &duties[i];
	return NULL;
}

const struct duty *
duty_primary(const char *kind)
{
	const struct kind_def *k = record_kind(kind);

	return k != NULL && k->duty != NULL ? duty_find(k->duty) : NULL;
}

void
duty_names(struct buf *out)
{
	int i;

	for (i = 0; i < duties_n; i++)
		buf_printf(out, "%s%s", i > 0 ? ", " : "", duties[i].name);
}

void
duty_window_init(struct duty_window *w, const struct calendar *cal, struct date today,
    int soon_workdays, bool makeup_counts)
{
	struct date d = today;
	int found = 0;
	int guard = 0;

	/* Due soon = at most soon_workdays working days left, i.e. due before the next one. */
	while (found < soon_workdays + 1 && guard++ < 400) {
		d = date_add_days(d, 1);
		if (calendar_is_working_day(cal, d, makeup_counts))
			found++;
	}
	w->today = today;
	w->soon_end = d;
}

/* SQL condition of a status; ?1 = today, ?2 = soon_end. The one definition of the
 * statuses of duties: lists, counts, the dashboard and each item's status use it. */
void
duty_status_sql(const struct duty *d, enum deadline_status s, struct buf *sql)
{
	switch (s) {
	case DEADLINE_OVERDUE:
		buf_printf(sql, "(%s AND %s < ?1)", d->open, d->due);
		break;
	case DEADLINE_DUE_TODAY:
		buf_printf(sql, "(%s AND %s = ?1)", d->open, d->due);
		break;
	case DEADLINE_DUE_SOON:
		buf_printf(sql, "(%s AND %s > ?1 AND %s < ?2)", d->open, d->due, d->due);
		break;
	case DEADLINE_PENDING:
		buf_printf(sql, "(%s AND %s >= ?2)", d->open, d->due);
		break;
	case DEADLINE_DONE_ON_TIME:
		buf_printf(sql, "(NOT (%s) AND %s <= %s)", d->open, d->done, d->due);
		break;
	case DEADLINE_DONE_LATE:
		buf_printf(sql, "(NOT (%s) AND %s > %s)", d->open, d->done, d->due);
		break;
	}
}

static void
bind_window(sqlite3_stmt *st, const struct duty_window *w)
{
	char a[DATE_ISO_LEN];
	char b[DATE_ISO_LEN];

	sqlite3_bind_text(st, 1, date_format(w->today, a), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, date_format(w->soon_end, b), -1, SQLITE_TRANSIENT);
}

static struct date
column_date(sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	struct date d;

	if (t == NULL || date_parse_iso(t, &d, NULL) != DUBAN_OK)
		return date_none();
	return d;
}

/* WHERE clause of a filter; ?1 today, ?2 soon_end, ?3 agency, ?4 text pattern. */
static void
where_clause(const struct duty *duty, const struct duty_filter *f, struct buf *sql)
{
	int i;

	buf_printf(sql, " FROM %s WHERE %s", duty->from, f != NULL && f->every_row &&
	    f->n_status == 0 ? duty->base : duty->live);
	if (f != NULL && f->agency_id > 0)
		buf_printf(sql, " AND %s = ?3", duty->agency);
	if (f != NULL && f->record_id > 0)
		buf_printf(sql, " AND %s = ?5", duty->id);
	if (f != NULL && f->text != NULL && f->text[0] != '\0')
		buf_printf(sql, " AND (%s LIKE ?4 ESCAPE '\\' OR %s LIKE ?4 ESCAPE '\\'"
		    " OR a.name LIKE ?4 ESCAPE '\\' OR a.short_name LIKE ?4 ESCAPE '\\')",
		    duty->key, duty->party);
	if (f != NULL && f->n_status > 0) {
		buf_adds(sql, " AND (");
		for (i = 0; i < f->n_status; i++) {
			if (i > 0)
				buf_adds(sql, " OR ");
			duty_status_sql(duty, f->status[i], sql);
		}
		buf_adds(sql, ")");
	}
}

static void
bind_filter(sqlite3_stmt *st, const struct duty_window *w, const struct duty_filter *f)
{
	bind_window(st, w);
	if (f != NULL && f->agency_id > 0)
		sqlite3_bind_int64(st, 3, f->agency_id);
	if (f != NULL && f->record_id > 0)
		sqlite3_bind_int64(st, 5, f->record_id);
	if (f != NULL && f->text != NULL && f->text[0] != '\0')
		db_bind_like(st, 4, f->text);
}

/* One query of the items of a duty: the filter's conditions, extra (may be NULL), an order,
 * and a window of rows (limit 0: all). *got counts the rows given to fn. */
static int
run_query(struct db *db, const struct duty *duty, const struct duty_window *w,
    const struct duty_filter *f, const char *extra, const char *order, int64_t limit,
    int64_t offset, duty_item_fn fn, void *arg, int64_t *got, struct duban_err *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc;
	int step;
	int s;

	buf_printf(&sql, "SELECT %s, %s, a.name, %s, %s, CASE WHEN %s THEN NULL ELSE %s END, CASE",
	    duty->id, duty->key, duty->party, duty->due, duty->open, duty->done);
	for (s = 0; s < DEADLINE_N_STATUS; s++) {
		buf_adds(&sql, " WHEN ");
		duty_status_sql(duty, (enum deadline_status)s, &sql);
		buf_printf(&sql, " THEN %d", s);
	}
	buf_printf(&sql, " ELSE %d END", DEADLINE_PENDING);
	where_clause(duty, f, &sql);
	if (extra != NULL)
		buf_printf(&sql, " AND %s", extra);
	buf_printf(&sql, " ORDER BY %s", order);
	if (limit > 0 || offset > 0)
		buf_printf(&sql, " LIMIT %lld OFFSET %lld", limit > 0 ? (long long)limit : -1LL,
		    (long long)offset);
	rc = db_prepare(db, buf_str(&sql), &st, err);
	buf_release(&sql);
	if (rc != DUBAN_OK)
		return rc;
	bind_filter(st, w, f);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct duty_item it;
		const char *t;

		it.duty = duty;
		it.id = sqlite3_column_int64(st, 0);
		t = (const char *)sqlite3_column_text(st, 1);
		it.key = t != NULL ? t : "";
		t = (const char *)sqlite3_column_text(st, 2);
		it.agency = t != NULL ? t : "";
		t = (const char *)sqlite3_column_text(st, 3);
		it.party = t != NULL ? t : "";
		it.due = column_date(st, 4);
		it.done = column_date(st, 5);
		it.has_due = !date_is_none(it.due);
		it.status = it.has_due ? (enum deadline_status)sqlite3_column_int(st, 6) :
		    DEADLINE_PENDING;
		(*got)++;
		rc = fn(&it, arg);
		if (rc != DUBAN_OK)
			break;
	}
	if (rc == DUBAN_OK && step != SQLITE_DONE)
		rc = db_fail(db, _("reading deadlines"), err);
	sqlite3_finalize(st);
	return rc;
}

/* Rows kept for delivery in reverse (a page read from the far end of an order). */
struct kept {
	struct duty_item *items;
	int64_t n;
};

static int
keep_item(const struct duty_item *it, void *arg)
{
	struct kept *k = arg;
	struct duty_item *x;

	k->items = xreallocarray(k->items, (size_t)k->n + 1, sizeof(*k->items));
	x = &k->items[k->n++];
	*x = *it;
	x->key = xstrdup(it->key);
	x->agency = xstrdup(it->agency);
	x->party = xstrdup(it->party);
	return DUBAN_OK;
}

/* The rest (not open) part of a list by urgency: latest due first. A page in the far half is
 * read from the other end (earliest due first, a short OFFSET) and handed over reversed, so
 * that End on a million rows does not walk the whole index. */
static int
rest_page(struct db *db, const struct duty *duty, const struct duty_window *w,
    const struct duty_filter *f, const char *cond, const char *due, const char *id,
    int64_t limit, int64_t offset, duty_item_fn fn, void *arg, int64_t *got,
    struct duban_err *err)
{
	struct buf order = BUF_INIT;
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	struct kept k = { NULL, 0 };
	int64_t n_rest = 0;
	int64_t i;
	int rc = DUBAN_OK;

	if (limit > 0 && offset > 0) {
		buf_adds(&sql, "SELECT count(*)");
		where_clause(duty, f, &sql);
		buf_printf(&sql, " AND %s", cond);
		rc = db_prepare(db, buf_str(&sql), &st, err);
		if (rc == DUBAN_OK) {
			bind_filter(st, w, f);
			if (sqlite3_step(st) == SQLITE_ROW)
				n_rest = sqlite3_column_int64(st, 0);
			sqlite3_finalize(st);
		}
	}
	if (rc == DUBAN_OK && limit > 0 && offset > n_rest / 2 && offset < n_rest) {
		int64_t want = n_rest - offset < limit ? n_rest - offset : limit;

		buf_printf(&order, "%s ASC, %s DESC", due, id);
		rc = run_query(db, duty, w, f, cond, buf_str(&order), want, n_rest - offset - want,
		    keep_item, &k, &i, err);
		for (i = k.n - 1; rc == DUBAN_OK && i >= 0; i--) {
			(*got)++;
			rc = fn(&k.items[i], arg);
		}
		for (i = 0; i < k.n; i++) {
			free((char *)k.items[i].key);
			free((char *)k.items[i].agency);
			free((char *)k.items[i].party);
		}
		free(k.items);
	} else if (rc == DUBAN_OK) {
		buf_printf(&order, "%s DESC, %s", due, id);
		rc = run_query(db, duty, w, f, cond, buf_str(&order), limit, offset, fn, arg, got,
		    err);
	}
	buf_release(&order);
	buf_release(&sql);
	return rc;
}

/* Every row of a kind by urgency, a page at a time. Sorting a million rows for each page is
 * too slow for a list that scrolls, so the open items (earliest due first, read in order
 * from the partial index of open deadlines) and the rest (latest due first, from the due
 * date index) are read as two runs, and the page is cut from where it falls. */
static int
each_by_urgency(struct db *db, const struct duty *duty, const struct duty_window *w,
    const struct duty_filter *f, duty_item_fn fn, void *arg, struct duban_err *err)
{
	struct buf open_cond = BUF_INIT;
	struct buf rest_cond = BUF_INIT;
	struct buf open_order = BUF_INIT;
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int64_t n_open = 0;
	int64_t got = 0;
	int64_t limit = f->limit;
	int64_t offset = f->offset;
	int rc;

	buf_printf(&open_cond, "(%s AND %s)", duty->live, duty->open);
	buf_printf(&rest_cond, "NOT (%s AND %s)", duty->live, duty->open);
	buf_printf(&open_order, "%s ASC, %s", duty->due, duty->id);
	buf_adds(&sql, "SELECT count(*)");
	where_clause(duty, f, &sql);
	buf_printf(&sql, " AND %s", buf_str(&open_cond));
	rc = db_prepare(db, buf_str(&sql), &st, err);
	if (rc == DUBAN_OK) {
		bind_filter(st, w, f);
		if (sqlite3_step(st) == SQLITE_ROW)
			n_open = sqlite3_column_int64(st, 0);
		else
			rc = db_fail(db, _("counting deadlines"), err);
		sqlite3_finalize(st);
	}
	if (rc == DUBAN_OK && offset < n_open)
		rc = run_query(db, duty, w, f, buf_str(&open_cond), buf_str(&open_order), limit,
		    offset, fn, arg, &got, err);
	if (rc == DUBAN_OK && (limit == 0 || got < limit))
		rc = rest_page(db, duty, w, f, buf_str(&rest_cond), duty->due, duty->id,
		    limit == 0 ? 0 : limit - got, offset > n_open ? offset - n_open : 0, fn, arg,
		    &got, err);
	buf_release(&open_cond);
	buf_release(&rest_cond);
	buf_release(&open_order);
	buf_release(&sql);
	return rc;
}

int
duty_each(struct db *db, const struct duty *duty, const struct duty_window *w,
    const struct duty_filter *f, duty_item_fn fn, void *arg, struct duban_err *err)
{
	struct buf order = BUF_INIT;
	int64_t got = 0;
	int rc;

	if (f != NULL && f->order == DUTY_BY_URGENCY && f->every_row && f->n_status == 0)
		return each_by_urgency(db, duty, w, f, fn, arg, err);
	switch (f != NULL ? f->order : DUTY_BY_URGENCY) {
	case DUTY_BY_URGENCY:
		/* Open items first, earliest due first; then done ones, latest first. */
		buf_printf(&order, "(%s AND %s IS NOT NULL) DESC, CASE WHEN %s THEN %s END ASC,"
		    " %s DESC, %s", duty->open, duty->due, duty->open, duty->due, duty->due,
		    duty->id);
		break;
	case DUTY_BY_KEY:
		buf_printf(&order, "%s, %s", duty->key, duty->id);
		break;
	case DUTY_BY_AGENCY:
		buf_printf(&order, "a.name, %s DESC, %s", duty->due, duty->id);
		break;
	case DUTY_BY_DUE_DESC:
		buf_printf(&order, "%s DESC, %s", duty->due, duty->id);
		break;
	}
	rc = run_query(db, duty, w, f, NULL, buf_str(&order), f != NULL ? f->limit : 0,
	    f != NULL ? f->offset : 0, fn, arg, &got, err);
	buf_release(&order);
	return rc;
}

int
duty_count_filtered(struct db *db, const struct duty *duty, const struct duty_window *w,
    const struct duty_filter *f, int64_t *n, struct duban_err *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc;

	buf_adds(&sql, "SELECT count(*)");
	where_clause(duty, f, &sql);
	rc = db_prepare(db, buf_str(&sql), &st, err);
	buf_release(&sql);
	if (rc != DUBAN_OK)
		return rc;
	bind_filter(st, w, f);
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	else
		rc = db_fail(db, _("counting deadlines"), err);
	sqlite3_finalize(st);
	return rc;
}

int
duty_count(struct db *db, const struct duty *duty, const struct duty_window *w,
    enum deadline_status status, int64_t agency_id, int64_t *n, struct duban_err *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc;

	buf_printf(&sql, "SELECT count(*) FROM %s WHERE %s AND ", duty->from, duty->live);
	duty_status_sql(duty, status, &sql);
	if (agency_id > 0)
		buf_printf(&sql, " AND %s = ?3", duty->agency);
	rc = db_prepare(db, buf_str(&sql), &st, err);
	buf_release(&sql);
	if (rc != DUBAN_OK)
		return rc;
	bind_window(st, w);
	if (agency_id > 0)
		sqlite3_bind_int64(st, 3, agency_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	else
		rc = db_fail(db, _("counting deadlines"), err);
	sqlite3_finalize(st);
	return rc;
}
