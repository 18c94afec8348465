/* core/dashboard.c: assembling the dashboard from duty queries and appearance facts. */
#include "duban/dashboard.h"

#include <stdlib.h>
#include <string.h>

#include "duban/appearance.h"
#include "duban/buf.h"
#include "duban/calendar.h"
#include "duban/db_sql.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"

struct collect {
	struct dashboard *d;
	const struct calendar *cal;
	bool makeup;
	int cap;
	int max;
};

static int
collect_item(const struct duty_item *it, void *arg)
{
	struct collect *c = arg;
	struct dashboard *d = c->d;
	struct dashboard_item *x;

	if (d->n_items == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		d->items = xreallocarray(d->items, (size_t)c->cap, sizeof(*d->items));
	}
	x = &d->items[d->n_items++];
	x->duty = it->duty;
	x->id = it->id;
	x->key = xstrdup(it->key);
	x->agency = xstrdup(it->agency);
	x->party = xstrdup(it->party);
	x->due = it->due;
	x->status = it->status;
	if (it->status == DEADLINE_OVERDUE)
		x->days = (int)date_diff_days(it->due, d->window.today);
	else if (it->status == DEADLINE_DUE_SOON || it->status == DEADLINE_PENDING)
		x->days = deadline_workdays_between(c->cal, d->window.today, it->due, c->makeup);
	else
		x->days = 0;
	return DUBAN_OK;
}

static int
status_rank(enum deadline_status s)
{
	return s == DEADLINE_OVERDUE ? 0 : s == DEADLINE_DUE_TODAY ? 1 :
	    s == DEADLINE_DUE_SOON ? 2 : 3;
}

static int
cmp_items(const void *pa, const void *pb)
{
	const struct dashboard_item *a = pa;
	const struct dashboard_item *b = pb;
	int c = status_rank(a->status) - status_rank(b->status);

	if (c != 0)
		return c;
	c = date_cmp(a->due, b->due);
	if (c != 0)
		return c;
	c = strcmp(a->duty->name, b->duty->name);
	if (c != 0)
		return c;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Open deadlines per agency, all duties together. */
static int
count_open(struct db *db, struct dashboard *d, struct duban_err *err)
{
	int i;
	int rc = DUBAN_OK;

	for (i = 0; i < duties_n && rc == DUBAN_OK; i++) {
		const struct duty *duty = &duties[i];
		struct buf sql = BUF_INIT;
		sqlite3_stmt *st = NULL;
		char soon[DATE_ISO_LEN];
		char today[DATE_ISO_LEN];
		int step;

		/* "+" keeps SQLite from grouping along the agency index (a scan of every row):
		 * the open items come from the partial index of open deadlines instead. */
		/* One pass over the open items gives both the per-agency figures and the duty's
		 * counts by status (duty_status_sql: ?1 today, ?2 soon end). */
		buf_printf(&sql, "SELECT +%s, count(*), sum(", duty->agency);
		duty_status_sql(duty, DEADLINE_OVERDUE, &sql);
		buf_adds(&sql, " OR ");
		duty_status_sql(duty, DEADLINE_DUE_TODAY, &sql);
		buf_adds(&sql, " OR ");
		duty_status_sql(duty, DEADLINE_DUE_SOON, &sql);
		buf_adds(&sql, "), sum(");
		duty_status_sql(duty, DEADLINE_OVERDUE, &sql);
		buf_adds(&sql, "), sum(");
		duty_status_sql(duty, DEADLINE_DUE_TODAY, &sql);
		buf_adds(&sql, "), sum(");
		duty_status_sql(duty, DEADLINE_DUE_SOON, &sql);
		buf_printf(&sql, ") FROM %s WHERE %s AND %s GROUP BY +%s", duty->from, duty->live,
		    duty->open, duty->agency);
		rc = db_prepare(db, buf_str(&sql), &st, err);
		buf_release(&sql);
		if (rc != DUBAN_OK)
			break;
		sqlite3_bind_text(st, 1, date_format(d->window.today, today), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, date_format(d->window.soon_end, soon), -1, SQLITE_STATIC);
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t id = sqlite3_column_int64(st, 0);
			int k;

			d->counts[i].overdue += sqlite3_column_int64(st, 3);
			d->counts[i].due_today += sqlite3_column_int64(st, 4);
			d->counts[i].due_soon += sqlite3_column_int64(st, 5);

			for (k = 0; k < d->n_agencies; k++) {
				if (d->agencies[k].agency_id == id) {
					d->agencies[k].open += sqlite3_column_int64(st, 1);
					d->agencies[k].urgent += sqlite3_column_int64(st, 2);
					d->agencies[k].overdue += sqlite3_column_int64(st, 3);
					break;
				}
			}
		}
		if (step != SQLITE_DONE)
			rc = db_fail(db, _("counting open deadlines"), err);
		sqlite3_finalize(st);
	}
	return rc;
}

/* Worst first: most overdue, then most urgent, then most open; ties keep the order the
 * appearance query gave (departments, then townships, by name). */
static int
cmp_agencies(const void *pa, const void *pb)
{
	const struct dashboard_agency *a = pa;
	const struct dashboard_agency *b = pb;

	if (a->overdue != b->overdue)
		return a->overdue > b->overdue ? -1 : 1;
	if (a->urgent != b->urgent)
		return a->urgent > b->urgent ? -1 : 1;
	if (a->open != b->open)
		return a->open > b->open ? -1 : 1;
	return a->order - b->order;
}

int
dashboard_build(struct db *db, const struct calendar *cal, struct date today,
    int soon_workdays, bool makeup_counts, int max_items, struct dashboard **out,
    struct duban_err *err)
{
	struct dashboard *d = xcalloc(1, sizeof(*d));
	struct collect c = { d, cal, makeup_counts, 0, max_items };
	struct duty_filter f;
	struct appearance *app = NULL;
	int napp = 0;
	int rc = DUBAN_OK;
	int i;

	duty_window_init(&d->window, cal, today, soon_workdays, makeup_counts);
	d->soon_workdays = soon_workdays;
	if (!calendar_covers(cal, today.y))
		d->uncovered_year = today.y;
	else if (!calendar_covers(cal, d->window.soon_end.y))
		d->uncovered_year = d->window.soon_end.y;
	d->counts = xcalloc((size_t)duties_n, sizeof(*d->counts));
	memset(&f, 0, sizeof(f));
	f.n_status = 3;
	f.status[0] = DEADLINE_OVERDUE;
	f.status[1] = DEADLINE_DUE_TODAY;
	f.status[2] = DEADLINE_DUE_SOON;
	/* Each duty gives its most urgent max_items (its own order is by urgency); the most
	 * urgent of all are among those. Merged and cut below. */
	f.limit = max_items;
	for (i = 0; i < duties_n && rc == DUBAN_OK; i++) {
		struct dashboard_count *k = &d->counts[i];

		k->duty = &duties[i];
		rc = duty_each(db, k->duty, &d->window, &f, collect_item, &c, err);
	}
	if (rc == DUBAN_OK && d->n_items > 1)
		qsort(d->items, (size_t)d->n_items, sizeof(*d->items), cmp_items);
	while (max_items > 0 && d->n_items > max_items) {
		struct dashboard_item *x = &d->items[--d->n_items];

		free(x->key);
		free(x->agency);
		free(x->party);
	}
	if (rc == DUBAN_OK)
		rc = appearance_by_agency(db, date_ymd(today.y, 1, 1), date_ymd(today.y, 12, 31),
		    today, &app, &napp, err);
	if (rc == DUBAN_OK) {
		d->agencies = xcalloc((size_t)(napp > 0 ? napp : 1), sizeof(*d->agencies));
		d->n_agencies = napp;
		for (i = 0; i < napp; i++) {
			struct dashboard_agency *x = &d->agencies[i];

			x->agency_id = app[i].agency_id;
			x->name = xstrdup(app[i].agency);
			x->kind = xstrdup(app[i].kind);
			x->hearings = app[i].hearings;
			x->head_appearances = app[i].head_appearances;
			x->rate = appearance_rate(&app[i]);
			x->order = i;
		}
		rc = count_open(db, d, err);
	}
	for (i = 0; rc == DUBAN_OK && i < duties_n; i++)
		d->n_urgent += d->counts[i].overdue + d->counts[i].due_today + d->counts[i].due_soon;
	if (rc == DUBAN_OK && d->n_agencies > 1)
		qsort(d->agencies, (size_t)d->n_agencies, sizeof(*d->agencies), cmp_agencies);
	appearance_free(app, napp);
	if (rc != DUBAN_OK) {
		dashboard_free(d);
		return rc;
	}
	*out = d;
	return DUBAN_OK;
}

int
dashboard_agency_items(struct db *db, const struct calendar *cal, struct date today,
    int soon_workdays, bool makeup_counts, int64_t agency_id, int max,
    struct dashboard_item **out, int *n, int64_t *total, struct duban_err *err)
{
	struct dashboard d;
	struct collect c = { &d, cal, makeup_counts, 0, max };
	struct duty_filter f;
	int64_t sum = 0;
	int rc = DUBAN_OK;
	int i;

	memset(&d, 0, sizeof(d));
	duty_window_init(&d.window, cal, today, soon_workdays, makeup_counts);
	memset(&f, 0, sizeof(f));
	f.agency_id = agency_id;
	f.n_status = 4;
	f.status[0] = DEADLINE_OVERDUE;
	f.status[1] = DEADLINE_DUE_TODAY;
	f.status[2] = DEADLINE_DUE_SOON;
	f.status[3] = DEADLINE_PENDING;
	/* As on the dashboard: each duty's most urgent max, merged, sorted and cut. */
	f.limit = max;
	for (i = 0; i < duties_n && rc == DUBAN_OK; i++) {
		int64_t k = 0;

		rc = duty_count_filtered(db, &duties[i], &d.window, &f, &k, err);
		sum += k;
		if (rc == DUBAN_OK)
			rc = duty_each(db, &duties[i], &d.window, &f, collect_item, &c, err);
	}
	if (rc == DUBAN_OK && d.n_items > 1)
		qsort(d.items, (size_t)d.n_items, sizeof(*d.items), cmp_items);
	while (rc == DUBAN_OK && max > 0 && d.n_items > max) {
		struct dashboard_item *x = &d.items[--d.n_items];

		free(x->key);
		free(x->agency);
		free(x->party);
	}
	if (rc != DUBAN_OK) {
		dashboard_items_free(d.items, d.n_items);
		return rc;
	}
	*out = d.items;
	*n = d.n_items;
	*total = sum;
	return DUBAN_OK;
}

void
dashboard_items_free(struct dashboard_item *items, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(items[i].key);
		free(items[i].agency);
		free(items[i].party);
	}
	free(items);
}

void
dashboard_free(struct dashboard *d)
{
	int i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n_items; i++) {
		free(d->items[i].key);
		free(d->items[i].agency);
		free(d->items[i].party);
	}
	for (i = 0; i < d->n_agencies; i++) {
		free(d->agencies[i].name);
		free(d->agencies[i].kind);
	}
	free(d->items);
	free(d->agencies);
	free(d->counts);
	free(d);
}
