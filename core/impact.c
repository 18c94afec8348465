/* core/impact.c: the report of due dates that a calendar or rule change moves. The deadlines
 * are read through duty_each() before and after the recompute, inside its transaction, so
 * "status before" and "status after" are exactly what the dashboard showed and will show. */
#include "duban/impact.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duban/access.h"
#include "duban/audit.h"
#include "duban/buf.h"
#include "duban/config.h"
#include "duban/db.h"
#include "duban/duty.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/json.h"
#include "duban/mem.h"
#include "duban/record.h"
#include "duban/text.h"

struct snap_item {
	int duty;		/* index in duties[] */
	int64_t id;
	char *key;
	char *agency;
	struct date due;	/* date_none() when the row has no due date */
	enum deadline_status status;
};

struct snap {
	struct snap_item *items;
	size_t n;
	size_t cap;
	int duty;
};

static int
collect(const struct duty_item *it, void *arg)
{
	struct snap *s = arg;
	struct snap_item *e;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->items = xreallocarray(s->items, s->cap, sizeof(*s->items));
	}
	e = &s->items[s->n++];
	e->duty = s->duty;
	e->id = it->id;
	e->key = xstrdup(it->key != NULL ? it->key : "");
	e->agency = xstrdup(it->agency != NULL ? it->agency : "");
	e->due = it->has_due ? it->due : date_none();
	e->status = it->status;
	return DUBAN_OK;
}

static int
cmp_item(const void *a, const void *b)
{
	const struct snap_item *x = a;
	const struct snap_item *y = b;

	if (x->duty != y->duty)
		return x->duty < y->duty ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static void
snap_release(struct snap *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->items[i].key);
		free(s->items[i].agency);
	}
	free(s->items);
	memset(s, 0, sizeof(*s));
}

/* Every deadline of every duty, with its status on env->today. */
static int
snapshot(const struct record_env *env, struct snap *s, struct duban_err *err)
{
	struct duty_window w;
	struct duty_filter f;
	int rc = DUBAN_OK;
	int d;

	memset(s, 0, sizeof(*s));
	memset(&f, 0, sizeof(f));
	f.every_row = true;
	f.order = DUTY_BY_DUE_DESC;
	duty_window_init(&w, env->cal, env->today, env->cfg->due_soon_workdays,
	    env->cfg->makeup_workdays);
	for (d = 0; d < duties_n && rc == DUBAN_OK; d++) {
		s->duty = d;
		rc = duty_each(env->db, &duties[d], &w, &f, collect, s, err);
	}
	if (s->n > 0)
		qsort(s->items, s->n, sizeof(*s->items), cmp_item);
	return rc;
}

static void
add_move(struct impact *im, const struct snap_item *before, const struct snap_item *after)
{
	const struct snap_item *any = after != NULL ? after : before;
	struct impact_move *m;

	im->moves = xreallocarray(im->moves, im->n_moves + 1, sizeof(*im->moves));
	m = &im->moves[im->n_moves++];
	m->duty = &duties[any->duty];
	m->id = any->id;
	m->key = xstrdup(any->key);
	m->agency = xstrdup(any->agency);
	m->old_due = before != NULL ? before->due : date_none();
	m->new_due = after != NULL ? after->due : date_none();
	m->old_status = before != NULL ? before->status : DEADLINE_PENDING;
	m->new_status = after != NULL ? after->status : DEADLINE_PENDING;
}

/* A record deleted or added in between cannot happen inside one transaction; a due date
 * that appears or vanishes is a move from or to no date. */
static void
compare(struct impact *im, const struct snap *a, const struct snap *b)
{
	size_t i = 0;
	size_t j = 0;

	while (i < a->n || j < b->n) {
		int c = i == a->n ? 1 : j == b->n ? -1 : cmp_item(&a->items[i], &b->items[j]);

		if (c < 0) {
			add_move(im, &a->items[i++], NULL);
		} else if (c > 0) {
			add_move(im, NULL, &b->items[j++]);
		} else {
			const struct snap_item *x = &a->items[i++];
			const struct snap_item *y = &b->items[j++];

			if (!date_eq(x->due, y->due) || (!date_is_none(x->due) &&
			    x->status != y->status))
				add_move(im, x, y);
		}
	}
}

static void
json_date(struct buf *b, const char *name, struct date d)
{
	char iso[DATE_ISO_LEN];

	buf_printf(b, "\"%s\":", name);
	json_add_string(b, date_format(d, iso));
}

#define PENDING_KEY "deadline_change_unacknowledged"

/* The moves since a supervisor last acknowledged, and since when: "N YYYY-MM-DD HH:MM:SS". */
static int
read_pending(struct db *db, int64_t *moves, struct buf *since, struct duban_err *err)
{
	char *v = NULL;
	char *end = NULL;
	int rc = db_meta_get(db, PENDING_KEY, &v, err);

	*moves = 0;
	if (rc == DUBAN_OK && v != NULL && v[0] != '\0') {
		*moves = strtoll(v, &end, 10);
		if (since != NULL && end != NULL && *end == ' ')
			buf_adds(since, end + 1);
	}
	free(v);
	return rc;
}

static int
mark_pending(const struct record_env *env, int64_t moves, struct duban_err *err)
{
	struct buf since = BUF_INIT;
	struct buf v = BUF_INIT;
	int64_t before = 0;
	int rc = read_pending(env->db, &before, &since, err);

	if (rc == DUBAN_OK) {
		buf_printf(&v, "%lld %s", (long long)(before + moves), before > 0 ?
		    buf_str(&since) : db_actor_now(env->db));
		rc = db_meta_set(env->db, PENDING_KEY, buf_str(&v), err);
	}
	buf_release(&since);
	buf_release(&v);
	return rc;
}

int
impact_pending(struct db *db, int64_t *moves, struct buf *since, struct duban_err *err)
{
	return read_pending(db, moves, since, err);
}

int
impact_acknowledge(const struct record_env *env, int64_t *moves, struct duban_err *err)
{
	struct buf since = BUF_INIT;
	struct buf before = BUF_INIT;
	int rc;

	*moves = 0;
	/* The supervisors' role, as for finalizing a year; the message says what for. */
	if (!access_allows((enum user_role)db_actor_role_value(env->db), ACCESS_FINALIZE))
		return duban_err_set(err, DUBAN_EDENIED, _("acknowledging a calendar or rule "
		    "change needs a supervisor or admin"));
	rc = db_begin(env->db, err);
	if (rc != DUBAN_OK)
		return rc;
	rc = read_pending(env->db, moves, &since, err);
	if (rc == DUBAN_OK && *moves > 0) {
		buf_printf(&before, "{\"moves\":%lld,\"since\":", (long long)*moves);
		json_add_string(&before, buf_str(&since));
		buf_addc(&before, '}');
		rc = db_meta_set(env->db, PENDING_KEY, "", err);
		if (rc == DUBAN_OK)
			rc = audit_append(env->db, "acknowledge", "deadlines", 0, buf_str(&before),
			    NULL, 0, err);
	}
	buf_release(&since);
	buf_release(&before);
	return db_end(env->db, rc, err);
}

static int
audit_impact(const struct record_env *env, const struct impact *im, const char *how,
    struct duban_err *err)
{
	struct buf before = BUF_INIT;
	struct buf after = BUF_INIT;
	size_t i;
	int rc;

	buf_adds(&before, "{\"fingerprint\":");
	json_add_string(&before, im->old_fingerprint);
	buf_addc(&before, '}');
	buf_adds(&after, "{\"fingerprint\":");
	json_add_string(&after, im->new_fingerprint);
	buf_adds(&after, ",\"applied\":");
	json_add_string(&after, how);
	buf_printf(&after, ",\"records\":%lld,\"moves\":[", (long long)im->records);
	for (i = 0; i < im->n_moves; i++) {
		const struct impact_move *m = &im->moves[i];

		buf_adds(&after, i ? ",{\"duty\":" : "{\"duty\":");
		json_add_string(&after, m->duty->name);
		buf_printf(&after, ",\"kind\":\"%s\",\"id\":%lld,\"key\":", m->duty->kind,
		    (long long)m->id);
		json_add_string(&after, m->key);
		buf_addc(&after, ',');
		json_date(&after, "old_due", m->old_due);
		buf_addc(&after, ',');
		json_date(&after, "new_due", m->new_due);
		buf_printf(&after, ",\"old_status\":\"%s\",\"new_status\":\"%s\"}",
		    date_is_none(m->old_due) ? "" : deadline_status_name(m->old_status),
		    date_is_none(m->new_due) ? "" : deadline_status_name(m->new_status));
	}
	buf_adds(&after, "]}");
	rc = audit_append(env->db, "deadline-change", "deadlines", 0, buf_str(&before),
	    buf_str(&after), 0, err);
	if (rc == DUBAN_OK && im->n_moves > 0)
		rc = mark_pending(env, (int64_t)im->n_moves, err);
	buf_release(&before);
	buf_release(&after);
	return rc;
}

static void
stored_fingerprint(const struct record_env *env, struct impact *im, struct duban_err *err)
{
	char *fp = NULL;

	if (db_meta_get(env->db, "deadline_fingerprint", &fp, err) == DUBAN_OK && fp != NULL)
		snprintf(im->old_fingerprint, sizeof(im->old_fingerprint), "%s", fp);
	free(fp);
	deadline_fingerprint(env->cfg->rules, env->cal, env->cfg->makeup_workdays,
	    im->new_fingerprint);
}

/* Inside the caller's transaction: snapshot, run, snapshot, compare. */
static int
measure(const struct record_env *env, bool automatic, bool *stale, struct impact *im,
    struct duban_err *err)
{
	struct snap a;
	struct snap b;
	int rc;

	memset(&b, 0, sizeof(b));
	rc = snapshot(env, &a, err);
	if (rc == DUBAN_OK)
		rc = automatic ? record_keep_current(env, &im->records, stale, err) :
		    record_recompute_all(env, &im->records, err);
	if (rc == DUBAN_OK)
		rc = snapshot(env, &b, err);
	if (rc == DUBAN_OK)
		compare(im, &a, &b);
	snap_release(&a);
	snap_release(&b);
	return rc;
}

int
impact_recompute(const struct record_env *env, enum impact_mode mode, struct impact *out,
    struct duban_err *err)
{
	int rc;

	memset(out, 0, sizeof(*out));
	rc = access_require(env->db, ACCESS_MANAGE, err);
	if (rc != DUBAN_OK)
		return rc;
	rc = db_begin(env->db, err);
	if (rc != DUBAN_OK)
		return rc;
	stored_fingerprint(env, out, err);
	rc = measure(env, false, NULL, out, err);
	if (rc == DUBAN_OK && mode == IMPACT_APPLY)
		rc = audit_impact(env, out, "confirmed", err);
	if (rc != DUBAN_OK || mode == IMPACT_APPLY) {
		rc = db_end(env->db, rc, err);
		out->applied = rc == DUBAN_OK;
		return rc;
	}
	/* A preview: everything it wrote goes. */
	db_end(env->db, DUBAN_EINPUT, err);
	return DUBAN_OK;
}

int
impact_keep_current(const struct record_env *env, struct impact *out, bool *stale,
    struct duban_err *err)
{
	int rc;

	memset(out, 0, sizeof(*out));
	*stale = false;
	stored_fingerprint(env, out, err);
	if (strcmp(out->old_fingerprint, out->new_fingerprint) == 0)
		return DUBAN_OK;
	if (!access_allows((enum user_role)db_actor_role_value(env->db), ACCESS_EDIT_RECORDS) &&
	    !access_allows((enum user_role)db_actor_role_value(env->db), ACCESS_IMPORT)) {
		*stale = true;
		return DUBAN_OK;
	}
	rc = db_begin(env->db, err);
	if (rc != DUBAN_OK)
		return rc;
	/* Someone may have brought the dates up to date while this one waited for the lock. */
	stored_fingerprint(env, out, err);
	if (strcmp(out->old_fingerprint, out->new_fingerprint) == 0)
		return db_end(env->db, DUBAN_OK, err);
	rc = measure(env, true, stale, out, err);
	if (rc == DUBAN_OK)
		rc = audit_impact(env, out, "automatic", err);
	rc = db_end(env->db, rc, err);
	out->applied = rc == DUBAN_OK;
	return rc;
}

void
impact_release(struct impact *im)
{
	size_t i;

	if (im == NULL)
		return;
	for (i = 0; i < im->n_moves; i++) {
		free(im->moves[i].key);
		free(im->moves[i].agency);
	}
	free(im->moves);
	im->moves = NULL;
	im->n_moves = 0;
}

static void
cell(struct buf *b, const char *s, int cols)
{
	text_pad(b, s, cols, TEXT_LEFT);
	buf_adds(b, "  ");
}

static const char *
status_or_none(struct date due, enum deadline_status s)
{
	return date_is_none(due) ? "-" : deadline_status_label(s);
}

void
impact_render(const struct impact *im, struct buf *out)
{
	char a[DATE_ISO_LEN];
	size_t i;

	if (im->n_moves == 0)
		return;
	cell(out, _("Duty"), 14);
	cell(out, _("ID"), 6);
	cell(out, _("Record"), 24);
	cell(out, _("Agency"), 16);
	cell(out, _("due before"), 10);
	cell(out, _("due after"), 10);
	cell(out, _("status before"), 14);
	buf_printf(out, "%s\n", _("status after"));
	for (i = 0; i < im->n_moves; i++) {
		const struct impact_move *m = &im->moves[i];
		char id[24];

		snprintf(id, sizeof(id), "%lld", (long long)m->id);
		cell(out, _(m->duty->brief), 14);
		cell(out, id, 6);
		cell(out, m->key, 24);
		cell(out, m->agency, 16);
		cell(out, date_is_none(m->old_due) ? "-" : date_format(m->old_due, a), 10);
		cell(out, date_is_none(m->new_due) ? "-" : date_format(m->new_due, a), 10);
		cell(out, status_or_none(m->old_due, m->old_status), 14);
		buf_printf(out, "%s\n", status_or_none(m->new_due, m->new_status));
	}
}
