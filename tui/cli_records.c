/* tui/cli_records.c: batch commands over records: list, show, history, add, edit, delete,
 * user, dashboard, recompute. Plain output is aligned by display width (Chinese included). */
#include "duban/tui/cli.h"

#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <csv.h>

#include "duban/access.h"
#include "duban/agency.h"
#include "duban/attach.h"
#include "duban/buf.h"
#include "duban/calendar.h"
#include "duban/config.h"
#include "duban/dashboard.h"
#include "duban/db.h"
#include "duban/decimal.h"
#include "duban/duty.h"
#include "duban/history.h"
#include "duban/i18n.h"
#include "duban/impact.h"
#include "duban/json.h"
#include "duban/mem.h"
#include "duban/record.h"
#include "duban/report_xlsx.h"
#include "duban/text.h"
#include "duban/tui/app.h"
#include "duban/user.h"

enum out_format { OUT_PLAIN, OUT_CSV, OUT_JSON };

static bool
parse_format(const char *s, enum out_format *f, bool csv_ok)
{
	if (strcmp(s, "plain") == 0)
		*f = OUT_PLAIN;
	else if (strcmp(s, "json") == 0)
		*f = OUT_JSON;
	else if (csv_ok && strcmp(s, "csv") == 0)
		*f = OUT_CSV;
	else
		return false;
	return true;
}

/* Open the database for this command and check the role may do action. */
static void
pad(struct buf *b, const char *s, int cols)
{
	text_pad(b, s, cols, TEXT_LEFT);
	buf_addc(b, ' ');
}


/* Every kind's name, from the kinds' table. */
static const char *
kind_names(void)
{
	static char names[1024];

	if (names[0] == '\0') {
		struct buf b = BUF_INIT;

		record_kind_names(&b);
		snprintf(names, sizeof(names), "%s", buf_str(&b));
		buf_release(&b);
	}
	return names;
}

/* ---- list ----------------------------------------------------------------------------- */

static void
csv_field(FILE *f, const char *s, bool first)
{
	struct buf g = BUF_INIT;

	if (!first)
		fputc(',', f);
	/* Guarded against formulas as export is (doc/csv.md). */
	text_csv_guard(s, strlen(s), &g);
	csv_fwrite(f, g.data != NULL ? g.data : "", g.len);
	buf_release(&g);
}

static void
days_text(const struct duty_item *it, const struct app *app, struct buf *out)
{
	switch (it->status) {
	case DEADLINE_OVERDUE:
	{
		long long late = (long long)date_diff_days(it->due, app->today);

		buf_printf(out, P_("%lld day late", "%lld days late", late), late);
	}
		break;
	case DEADLINE_DUE_TODAY:
		buf_adds(out, _("today"));
		break;
	case DEADLINE_DUE_SOON:
	case DEADLINE_PENDING:
	{
		int left = deadline_workdays_between(app->cal, app->today, it->due,
		    app->cfg->makeup_workdays);

		buf_printf(out, P_("%d working day left", "%d working days left", left), left);
	}
		break;
	case DEADLINE_DONE_LATE:
	{
		long long late = (long long)date_diff_days(it->due, it->done);

		buf_printf(out, P_("done %lld day late", "done %lld days late", late), late);
	}
		break;
	case DEADLINE_DONE_ON_TIME:
		break;
	}
}

struct list_ctx {
	struct app *app;
	struct record_env env;
	enum out_format fmt;
	const struct kind_def *kind;
	int64_t n;
	struct buf line;
};

static void
plain_header(const struct kind_def *kind)
{
	struct buf b = BUF_INIT;

	{
		pad(&b, _("ID"), 6);
		pad(&b, _(kind->key_caption), 24);
		pad(&b, _("Agency"), 22);
		pad(&b, _(kind->party_caption), 16);
		pad(&b, _("Due"), 10);
		pad(&b, _("Status"), 12);
		pad(&b, "", 1);
	}
	cli_put_line(&b);
	buf_release(&b);
}

static void
json_record(struct list_ctx *c, const struct record *r, struct buf *out)
{
	int i;

	buf_printf(out, "{\"id\":%lld", (long long)r->id);
	for (i = 0; i < r->kind->n_fields; i++) {
		const struct field_def *f = &r->kind->fields[i];
		struct buf v = BUF_INIT;

		buf_addc(out, ',');
		json_add_string(out, f->csv);
		buf_addc(out, ':');
		if (f->type == FIELD_BOOL) {
			buf_adds(out, record_bool(r, i) ? "true" : "false");
		} else if (r->values[i][0] == '\0' && f->type != FIELD_TEXT) {
			buf_adds(out, "null");
		} else if (f->type == FIELD_INT) {
			buf_adds(out, r->values[i]);
		} else {
			/* Enumerations as their codes; references by name; personal data masked. */
			if (f->type == FIELD_AGENCY || f->type == FIELD_CASE ||
			    (f->flags & FIELD_SECRET))
				record_display(&c->env, r, i, true, &v);
			else
				buf_adds(&v, r->values[i]);
			json_add_string(out, buf_str(&v));
		}
		buf_release(&v);
	}
}

static void
csv_header(const struct kind_def *kind, bool zh)
{
	int i;

	for (i = 0; i < kind->n_fields; i++)
		csv_field(stdout, zh ? kind->fields[i].zh : kind->fields[i].csv, i == 0);
	fputs("\r\n", stdout);
}

static void
csv_record(struct list_ctx *c, const struct record *r)
{
	int i;

	for (i = 0; i < r->kind->n_fields; i++) {
		struct buf v = BUF_INIT;

		record_display(&c->env, r, i, true, &v);
		csv_field(stdout, buf_str(&v), i == 0);
		buf_release(&v);
	}
	fputs("\r\n", stdout);
}

static int
list_item(const struct duty_item *it, void *arg)
{
	struct list_ctx *c = arg;
	struct record *r = NULL;
	struct duban_err err;
	struct buf b = BUF_INIT;
	char iso[DATE_ISO_LEN];
	int rc = DUBAN_OK;

	if (c->fmt == OUT_PLAIN) {
		char id[24];

		snprintf(id, sizeof(id), "%lld", (long long)it->id);
		pad(&b, id, 6);
		pad(&b, it->key, 24);
		pad(&b, it->agency, 22);
		pad(&b, it->party, 16);
		pad(&b, it->has_due ? date_format(it->due, iso) : "-", 10);
		pad(&b, it->has_due ? deadline_status_label(it->status) : "-", 12);
		if (it->has_due) {
			days_text(it, c->app, &b);
			buf_adds(&b, app_provisional_mark(c->app, it->due));
		}
		cli_put_line(&b);
	} else {
		rc = record_load(c->env.db, c->kind, it->id, &r, &err);
		if (rc != DUBAN_OK) {
			app_report(&err);
			buf_release(&b);
			return rc;
		}
		if (c->fmt == OUT_CSV) {
			csv_record(c, r);
		} else {
			buf_adds(&b, c->n > 0 ? ",\n" : "\n");
			json_record(c, r, &b);
			buf_printf(&b, ",\"deadline\":{\"duty\":\"%s\",\"due\":", it->duty->name);
			if (it->has_due) {
				buf_printf(&b, "\"%s\",\"status\":\"%s\"", date_format(it->due, iso),
				    deadline_status_name(it->status));
			} else {
				buf_adds(&b, "null,\"status\":null");
			}
			buf_adds(&b, "}}");
			fputs(buf_str(&b), stdout);
		}
	}
	record_free(r);
	buf_release(&b);
	c->n++;
	return rc;
}

/* The width of a field's column in a list of a kind without deadlines. */
static int
plain_width(const struct kind_def *kind, int k)
{
	return kind->wide_width > 0 && k == kind->wide_field ? kind->wide_width : 12;
}

struct plain_ctx {
	struct list_ctx *c;
	struct duban_err *err;
};

static int plain_row(int64_t id, void *arg);

/* Kinds without deadlines (agencies, assessment items): every live record, in the kind's
 * natural order. */
static int
list_plain_kind(struct list_ctx *c, struct duban_err *err)
{
	struct plain_ctx p = { c, err };

	if (c->fmt == OUT_PLAIN) {
		struct buf b = BUF_INIT;
		int k;

		pad(&b, _("ID"), 6);
		for (k = 0; k < c->kind->n_fields; k++)
			pad(&b, _(c->kind->fields[k].label), plain_width(c->kind, k));
		cli_put_line(&b);
		buf_release(&b);
	}
	return record_each_live(c->env.db, c->kind, NULL, 0, 0, plain_row, &p, err);
}

static int
plain_row(int64_t record_id, void *arg)
{
	struct plain_ctx *p = arg;
	struct list_ctx *c = p->c;
	struct duban_err *err = p->err;
	int rc;

	{
		struct record *r = NULL;
		struct buf b = BUF_INIT;

		rc = record_load(c->env.db, c->kind, record_id, &r, err);
		if (rc != DUBAN_OK)
			return rc;
		if (c->fmt == OUT_PLAIN) {
			char id[24];
			int k;

			/* Every field, shown as people read it, in a column of its own. */
			snprintf(id, sizeof(id), "%lld", (long long)r->id);
			pad(&b, id, 6);
			for (k = 0; k < r->kind->n_fields; k++) {
				struct buf v = BUF_INIT;

				record_display(&c->env, r, k, false, &v);
				pad(&b, buf_str(&v), plain_width(r->kind, k));
				buf_release(&v);
			}
			cli_put_line(&b);
		} else if (c->fmt == OUT_CSV) {
			csv_record(c, r);
		} else {
			buf_adds(&b, c->n > 0 ? ",\n" : "\n");
			json_record(c, r, &b);
			buf_addc(&b, '}');
			fputs(buf_str(&b), stdout);
		}
		c->n++;
		buf_release(&b);
		record_free(r);
	}
	return rc;
}

int
cli_list(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct db *db = NULL;
	struct list_ctx c;
	struct duty_filter f;
	struct duty_window w;
	const struct duty *duty = NULL;
	const char *agency = NULL;
	const char *status = NULL;
	int rc;
	int i;

	memset(&c, 0, sizeof(c));
	memset(&f, 0, sizeof(f));
	c.app = app;
	c.fmt = OUT_PLAIN;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--agency") == 0 && i + 1 < argc)
			agency = argv[++i];
		else if (strcmp(argv[i], "--status") == 0 && i + 1 < argc)
			status = argv[++i];
		else if (strcmp(argv[i], "--duty") == 0 && i + 1 < argc) {
			duty = duty_find(argv[++i]);
			if (duty == NULL)
			{
				struct buf names = BUF_INIT;

				duty_names(&names);
				rc = cli_usage(_("\"%s\" is not a duty; duties: %s"), argv[i],
				    buf_str(&names));
				buf_release(&names);
				return rc;
			}
		} else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			if (!parse_format(argv[++i], &c.fmt, true))
				return cli_usage(_("--format takes plain, csv or json"));
		} else if (c.kind == NULL && argv[i][0] != '-') {
			c.kind = cli_kind_arg(argv[i]);
			if (c.kind == NULL)
				return DUBAN_EUSAGE;
		} else {
			return cli_usage(_("list: unexpected argument \"%s\""), argv[i]);
		}
	}
	if (c.kind == NULL)
		return cli_usage(_("list takes a KIND: %s"), kind_names());
	if (duty == NULL)
		duty = duty_primary(c.kind->name);
	else if (strcmp(duty->kind, c.kind->name) != 0)
		return cli_usage(_("the duty %s belongs to %s records"), duty->name, duty->kind);
	if (status != NULL) {
		if (duty == NULL)
			return cli_usage(_("%s records have no deadlines to filter by"), c.kind->name);
		if (!deadline_status_parse(status, &f.status[0]))
			return cli_usage(_("\"%s\" is not a status; statuses: pending, due-soon, due-today, "
			    "overdue, done-on-time, done-late"), status);
		f.n_status = 1;
	}
	rc = cli_open_for(app, ACCESS_READ, &db, &err);
	if (rc != DUBAN_OK)
		return app_report(&err);
	c.env = app_env(app, db);
	if (agency != NULL && (rc = agency_resolve(db, agency, &f.agency_id, &err)) != DUBAN_OK) {
		db_close(db);
		return app_report(&err);
	}
	if (c.fmt == OUT_PLAIN) {
		if (duty != NULL)
			plain_header(c.kind);
	} else if (c.fmt == OUT_CSV)
		csv_header(c.kind, strcmp(app->cfg->lang, "en") != 0 && (app->lang_opt == NULL ||
		    strcmp(app->lang_opt, "en") != 0));
	else
		fputs("[", stdout);
	if (duty == NULL) {
		rc = list_plain_kind(&c, &err);
	} else {
		duty_window_init(&w, app->cal, app->today, app->cfg->due_soon_workdays,
		    app->cfg->makeup_workdays);
		f.every_row = true;
		rc = duty_each(db, duty, &w, &f, list_item, &c, &err);
	}
	if (c.fmt == OUT_JSON)
		fputs(c.n > 0 ? "\n]\n" : "]\n", stdout);
	db_close(db);
	if (rc != DUBAN_OK)
		return app_report(&err);
	return DUBAN_OK;
}

/* ---- show, history ---------------------------------------------------------------------- */

static int
find_record(struct app *app, struct db *db, int argc, char **argv, const struct kind_def **kind,
    int64_t *id, struct duban_err *err)
{
	struct record_env env = app_env(app, db);
	struct buf key = BUF_INIT;
	int i;
	int rc;

	*kind = record_kind(argv[1]);
	if (*kind == NULL)
		return duban_err_set(err, DUBAN_EUSAGE, _("\"%s\" is not a record kind; kinds: %s"),
		    argv[1], kind_names());
	for (i = 2; i < argc; i++)
		buf_printf(&key, "%s%s", i > 2 ? " " : "", argv[i]);
	rc = record_lookup(&env, *kind, buf_str(&key), id, err);
	buf_release(&key);
	return rc;
}

static void
print_record(struct record_env *env, const struct record *r)
{
	int i;
	int width = 0;

	for (i = 0; i < r->kind->n_fields; i++) {
		int w = text_cols(_(r->kind->fields[i].label));

		if (w > width)
			width = w;
	}
	for (i = 0; i < r->kind->n_fields; i++) {
		struct buf b = BUF_INIT;
		struct buf v = BUF_INIT;
		struct date due;
		struct duban_err derr;

		record_display(env, r, i, false, &v);
		pad(&b, _(r->kind->fields[i].label), width + 1);
		text_sanitize(buf_str(&v), &b);
		/* A due date counted into a provisional year says so (calendar.md §4a). */
		if (r->kind->fields[i].type == FIELD_DATE && (r->kind->fields[i].flags &
		    FIELD_DERIVED) && date_parse_iso(r->values[i], &due, &derr) == DUBAN_OK &&
		    calendar_is_provisional(env->cal, due.y))
			buf_adds(&b, _(" (provisional)"));
		cli_put_line(&b);
		buf_release(&b);
		buf_release(&v);
	}
}

/* An attached document under the record's fields (the file's state: `attach list`). */
static int
show_attachment(const struct attachment *a, void *arg)
{
	struct buf b = BUF_INIT;

	(void)arg;
	buf_printf(&b, _("Attachment %lld: "), (long long)a->id);
	text_sanitize(a->path, &b);
	buf_printf(&b, _(" (%lld bytes, sha256 %.16s)"), (long long)a->size, a->sha256);
	cli_put_line(&b);
	buf_release(&b);
	return DUBAN_OK;
}

int
cli_show(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct db *db = NULL;
	const struct kind_def *kind = NULL;
	struct record *r = NULL;
	struct record_env env;
	int64_t id = 0;
	int rc;

	if (argc < 3)
		return cli_usage(_("show takes KIND and an id or key, e.g. duban show litigation 12"));
	rc = cli_open_for(app, ACCESS_READ, &db, &err);
	if (rc == DUBAN_OK)
		rc = find_record(app, db, argc, argv, &kind, &id, &err);
	if (rc == DUBAN_OK)
		rc = record_load(db, kind, id, &r, &err);
	if (rc == DUBAN_OK) {
		char hdr[64];

		env = app_env(app, db);
		snprintf(hdr, sizeof(hdr), "%s %lld%s", kind->name, (long long)id,
		    r->deleted ? " (deleted)" : "");
		puts(hdr);
		print_record(&env, r);
		rc = attach_each(db, kind->name, id, show_attachment, NULL, &err);
	}
	record_free(r);
	db_close(db);
	return rc == DUBAN_OK ? DUBAN_OK : app_report(&err);
}

static int
print_history_entry(const struct history_entry *e, void *arg)
{
	struct buf b = BUF_INIT;
	int i;

	(*(int *)arg)++;
	buf_printf(&b, "%s  %s  %s", e->at, e->login, e->action);
	if (e->batch_id > 0)
		buf_printf(&b, _(" (import %lld)"), (long long)e->batch_id);
	cli_put_line(&b);
	for (i = 0; i < e->n_changes; i++) {
		buf_printf(&b, "    %s: %s -> %s", e->changes[i].field, e->changes[i].before,
		    e->changes[i].after);
		cli_put_line(&b);
	}
	buf_release(&b);
	return DUBAN_OK;
}

int
cli_history(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct db *db = NULL;
	const struct kind_def *kind = NULL;
	int64_t id = 0;
	int rc;
	int n = 0;

	if (argc < 3)
		return cli_usage(_("history takes KIND and an id or key, e.g. duban history litigation 12"));
	rc = cli_open_for(app, ACCESS_READ, &db, &err);
	if (rc == DUBAN_OK)
		rc = find_record(app, db, argc, argv, &kind, &id, &err);
	if (rc == DUBAN_OK)
		rc = history_each(db, kind, id, print_history_entry, &n, &err);
	db_close(db);
	if (rc == DUBAN_OK && n == 0)
		app_eprintf("%s\n", _("duban: no history recorded for this record"));
	return rc == DUBAN_OK ? DUBAN_OK : app_report(&err);
}

/* ---- add, edit, delete ------------------------------------------------------------------ */

static void
report_problems(const struct kind_def *kind, const struct record_problems *p)
{
	int i;

	for (i = 0; i < p->n; i++) {
		if (p->items[i].field >= 0)
			app_eprintf("duban: %s: %s\n", kind->fields[p->items[i].field].csv,
			    p->items[i].msg);
		else
			app_eprintf("duban: %s\n", p->items[i].msg);
	}
}

/* Apply FIELD=VALUE arguments; false (problems reported) on any refusal. */
static bool
apply_assignments(struct record_env *env, struct record *r, int argc, char **argv, int from,
    struct record_problems *p)
{
	int i;

	for (i = from; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');
		char *name;
		int field;

		if (eq == NULL) {
			record_problem(p, -1, _("\"%s\" is not FIELD=VALUE"), argv[i]);
			continue;
		}
		name = xstrndup(argv[i], (size_t)(eq - argv[i]));
		field = record_field_idx(r->kind, name);
		if (field < 0)
			record_problem(p, -1, _("%s has no field \"%s\""), record_kind_word(r->kind), name);
		else
			record_input(env, r, field, eq + 1, p);
		free(name);
	}
	return p->n == 0;
}

/* FIELD=VALUE arguments from argv[from] on into r, then save, inside the transaction the
 * caller began (db_begin), which this ends; r and db are released. The outcome is reported
 * only once it is committed. */
static int
assign_and_save(struct app *app, struct db *db, struct record *r, int argc, char **argv,
    int from)
{
	struct record_env env = app_env(app, db);
	struct record_problems p;
	struct duban_err err;
	enum record_outcome outcome = RECORD_UNCHANGED;
	int rc;

	memset(&p, 0, sizeof(p));
	duban_err_clear(&err);
	if (!apply_assignments(&env, r, argc, argv, from, &p)) {
		if (p.fault.rc != DUBAN_OK) {
			/* The database failed looking up a reference: not the input's fault. */
			err = p.fault;
			rc = p.fault.rc;
		} else {
			report_problems(r->kind, &p);
			rc = DUBAN_EINPUT;
		}
	} else {
		memset(&p, 0, sizeof(p));
		rc = record_save(&env, r, 0, &outcome, &p, &err);
		if (rc == DUBAN_EINPUT && p.n > 0)
			report_problems(r->kind, &p);
	}
	rc = db_end(db, rc, &err);
	if (rc == DUBAN_OK) {
		printf("%lld\n", (long long)r->id);
		app_eprintf("duban: %s %s %lld\n", outcome == RECORD_NEW ? _("created") :
		    outcome == RECORD_UPDATED ? _("changed") : outcome == RECORD_RESTORED ?
		    _("restored") : _("unchanged"), _(r->kind->label), (long long)r->id);
		/* A due date counted into a year without an official schedule is a guess: say so. */
		if (r->uncovered_year != 0)
			app_warn_uncovered(app, r->uncovered_year);
	} else if (err.rc != DUBAN_OK && !(rc == DUBAN_EINPUT && p.n > 0)) {
		app_report(&err);
	}
	record_free(r);
	db_close(db);
	return rc;
}

int
cli_add(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct db *db = NULL;
	const struct kind_def *kind;
	struct record *r = NULL;
	struct record_env env;
	struct record_problems p;
	int rc;

	if (argc < 3)
		return cli_usage(_("add takes KIND FIELD=VALUE..., e.g. duban add agency name=县公安局 "
		    "kind=部门"));
	kind = cli_kind_arg(argv[1]);
	if (kind == NULL)
		return DUBAN_EUSAGE;
	rc = cli_open_for(app, (enum access_action)kind->write_access,
	    &db, &err);
	if (rc == DUBAN_OK)
		rc = db_begin(db, &err);	/* lookups and save: one transaction */
	if (rc != DUBAN_OK) {
		db_close(db);
		return app_report(&err);
	}
	env = app_env(app, db);
	r = record_new(kind);
	memset(&p, 0, sizeof(p));
	if (kind->default_field != NULL)	/* the kind's default (a new agency is "other") */
		record_input(&env, r, record_field_idx(kind, kind->default_field),
		    kind->default_value, &p);
	return assign_and_save(app, db, r, argc, argv, 2);
}

int
cli_edit(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct db *db = NULL;
	const struct kind_def *kind = NULL;
	struct record *r = NULL;
	int64_t id = 0;
	int rc;

	if (argc < 4)
		return cli_usage(_("edit takes KIND ID FIELD=VALUE..., e.g. duban edit litigation 12 "
		    "defence_submitted_on=2025-03-01"));
	kind = cli_kind_arg(argv[1]);
	if (kind == NULL)
		return DUBAN_EUSAGE;
	rc = cli_open_for(app, (enum access_action)kind->write_access,
	    &db, &err);
	/* Read and save in one transaction: nobody can change the record in between, so a
	 * busy database makes the edit wait, never refuse it as a conflict. */
	if (rc == DUBAN_OK)
		rc = db_begin(db, &err);
	if (rc == DUBAN_OK)
		rc = find_record(app, db, 3, argv, &kind, &id, &err);
	if (rc == DUBAN_OK)
		rc = record_load(db, kind, id, &r, &err);
	if (rc == DUBAN_OK && r->deleted)
		rc = duban_err_set(&err, DUBAN_EINPUT, _("%s %lld is deleted"), _(kind->label),
		    (long long)id);
	if (rc != DUBAN_OK) {
		if (db != NULL)
			db_end(db, rc, NULL);
		record_free(r);
		db_close(db);
		return app_report(&err);
	}
	return assign_and_save(app, db, r, argc, argv, 3);
}

int
cli_delete(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct db *db = NULL;
	const struct kind_def *kind = NULL;
	struct record_env env;
	int64_t id = 0;
	int rc;

	if (argc < 3)
		return cli_usage(_("delete takes KIND and an id or key"));
	kind = cli_kind_arg(argv[1]);
	if (kind == NULL)
		return DUBAN_EUSAGE;
	rc = cli_open_for(app, (enum access_action)kind->write_access,
	    &db, &err);
	if (rc == DUBAN_OK)
		rc = find_record(app, db, argc, argv, &kind, &id, &err);
	if (rc == DUBAN_OK) {
		env = app_env(app, db);
		rc = record_delete(&env, kind, id, &err);
	}
	db_close(db);
	if (rc != DUBAN_OK)
		return app_report(&err);
	app_eprintf(_("duban: deleted %s %lld (kept in the audit trail)\n"), _(kind->label),
	    (long long)id);
	return DUBAN_OK;
}

/* ---- user ------------------------------------------------------------------------------- */

static int
user_line(const char *login, const char *role, const char *created_at, void *arg)
{
	struct buf b = BUF_INIT;
	enum user_role r = ROLE_NONE;

	(void)arg;
	user_role_parse(role, &r);
	pad(&b, login, 16);
	pad(&b, role, 11);
	pad(&b, user_role_label(r), 8);
	buf_adds(&b, created_at);
	cli_put_line(&b);
	buf_release(&b);
	return DUBAN_OK;
}

int
cli_user(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct db *db = NULL;
	enum user_role role;
	int rc;

	if (argc == 2 && strcmp(argv[1], "list") == 0) {
		rc = cli_open_for(app, ACCESS_READ, &db, &err);
		if (rc == DUBAN_OK)
			rc = user_each(db, user_line, NULL, &err);
		db_close(db);
		return rc == DUBAN_OK ? DUBAN_OK : app_report(&err);
	}
	if (argc == 4 && strcmp(argv[1], "add") == 0) {
		if (!user_role_parse(argv[3], &role)) {
			app_eprintf(_("duban: \"%s\" is not a role; roles: admin, supervisor, "
			    "staff, analyst\n"), argv[3]);
			return DUBAN_EINPUT;
		}
		rc = cli_open_for(app, ACCESS_MANAGE, &db, &err);
		if (rc == DUBAN_OK)
			rc = user_add(db, argv[2], role, &err);
		db_close(db);
		if (rc != DUBAN_OK)
			return app_report(&err);
		app_eprintf(_("duban: %s is now %s\n"), argv[2], argv[3]);
		/* duban knows people by their login on this machine (getuid()): a typing slip
		 * would give a role to nobody. Warned, not refused: accounts may come later. */
		if (getpwnam(argv[2]) == NULL)
			app_warn(_("there is no account \"%s\" on this system: the role takes effect "
			    "only when someone logs in under that name"), argv[2]);
		return DUBAN_OK;
	}
	if ((argc == 4 && strcmp(argv[1], "role") == 0) || (argc == 3 &&
	    strcmp(argv[1], "remove") == 0)) {
		role = ROLE_NONE;
		if (argc == 4 && !user_role_parse(argv[3], &role)) {
			app_eprintf(_("duban: \"%s\" is not a role; roles: admin, supervisor, "
			    "staff, analyst\n"), argv[3]);
			return DUBAN_EINPUT;
		}
		rc = cli_open_for(app, ACCESS_MANAGE, &db, &err);
		if (rc == DUBAN_OK)
			rc = user_set_role(db, argv[2], role, &err);
		db_close(db);
		if (rc != DUBAN_OK)
			return app_report(&err);
		if (role == ROLE_NONE)
			app_eprintf(_("duban: %s is no longer a user\n"), argv[2]);
		else
			app_eprintf(_("duban: %s is now %s\n"), argv[2], argv[3]);
		return DUBAN_OK;
	}
	return cli_usage(_("user takes: add LOGIN ROLE | role LOGIN ROLE | remove LOGIN | list"));
}

static void
print_impact(const struct impact *im)
{
	struct buf table = BUF_INIT;

	impact_render(im, &table);
	fputs(buf_str(&table), stdout);
	buf_release(&table);
}

/* A person at a terminal answers; anything but yes is no. */
static bool
confirm_on_terminal(const char *question)
{
	char line[64];

	if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO))
		return false;
	app_eprintf("%s [y/N] ", question);
	if (fgets(line, sizeof(line), stdin) == NULL)
		return false;
	return line[0] == 'y' || line[0] == 'Y' || strncmp(line, "是", strlen("是")) == 0;
}

/* recompute --acknowledge: a supervisor has seen the moved due dates. */
static int
acknowledge(struct app *app)
{
	struct duban_err err;
	struct db *db = NULL;
	struct record_env env;
	int64_t moves = 0;
	int rc;

	rc = cli_open_for(app, ACCESS_READ, &db, &err);
	if (rc == DUBAN_OK) {
		env = app_env(app, db);
		rc = impact_acknowledge(&env, &moves, &err);
	}
	db_close(db);
	if (rc != DUBAN_OK)
		return app_report(&err);
	if (moves > 0)
		app_eprintf(P_("duban: acknowledged %lld moved due date\n",
		    "duban: acknowledged %lld moved due dates\n", moves), (long long)moves);
	else
		app_eprintf("%s\n", _("duban: no calendar or rule change is waiting to be "
		    "acknowledged"));
	return DUBAN_OK;
}

int
cli_recompute(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct db *db = NULL;
	struct record_env env;
	struct impact seen;
	struct impact done;
	bool dry_run = false;
	bool yes = false;
	int rc;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--acknowledge") == 0 && argc == 2)
			return acknowledge(app);
		if (strcmp(argv[i], "--dry-run") == 0)
			dry_run = true;
		else if (strcmp(argv[i], "--yes") == 0)
			yes = true;
		else
			return cli_usage(_("recompute takes --dry-run (only show what moves), --yes "
			    "(apply without asking) or --acknowledge (supervisor: the moves were seen)"));
	}
	if (dry_run && yes)
		return cli_usage(_("recompute takes --dry-run or --yes, not both"));
	memset(&seen, 0, sizeof(seen));
	memset(&done, 0, sizeof(done));
	/* Opening must not apply the change this command is to show first. */
	app->hold_recompute = true;
	rc = cli_open_for(app, ACCESS_MANAGE, &db, &err);
	if (rc != DUBAN_OK)
		return app_report(&err);
	env = app_env(app, db);
	if (!yes) {
		rc = impact_recompute(&env, IMPACT_PREVIEW, &seen, &err);
		if (rc != DUBAN_OK) {
			db_close(db);
			return app_report(&err);
		}
		print_impact(&seen);
		if (dry_run || seen.n_moves > 0 || seen.records > 0) {
			app_eprintf(P_("duban: %zu due date moves", "duban: %zu due dates move",
			    seen.n_moves), seen.n_moves);
			app_eprintf(P_(" (%lld record gets new values)\n",
			    " (%lld records get new values)\n", seen.records),
			    (long long)seen.records);
		}
		if (dry_run) {
			db_close(db);
			impact_release(&seen);
			return DUBAN_OK;
		}
		if ((seen.n_moves > 0 || seen.records > 0) &&
		    !confirm_on_terminal(_("Apply these new due dates?"))) {
			db_close(db);
			impact_release(&seen);
			app_eprintf("%s\n", _("duban: nothing applied; run \"duban recompute --yes\" to "
			    "apply, or \"duban recompute --dry-run\" to only show what moves"));
			return DUBAN_EUSAGE;
		}
	}
	rc = impact_recompute(&env, IMPACT_APPLY, &done, &err);
	db_close(db);
	if (rc != DUBAN_OK) {
		impact_release(&seen);
		return app_report(&err);
	}
	/* What was applied is what was shown, unless records changed in between. */
	if (yes || done.n_moves != seen.n_moves || done.records != seen.records)
		print_impact(&done);
	impact_release(&seen);
	impact_release(&done);
	app_eprintf(_("duban: %lld records got new due dates\n"), (long long)done.records);
	return DUBAN_OK;
}

/* ---- dashboard -------------------------------------------------------------------------- */

static void
dashboard_plain(struct app *app, const struct dashboard *d)
{
	struct buf b = BUF_INIT;
	char iso[DATE_ISO_LEN];
	int i;

	buf_printf(&b, _("Dashboard for %s (due soon: within %d working days)"),
	    date_format(d->window.today, iso), d->soon_workdays);
	cli_put_line(&b);
	cli_put_line(&b);
	pad(&b, _("Duty"), 40);
	text_pad(&b, _("overdue"), 8, TEXT_RIGHT);
	buf_addc(&b, ' ');
	text_pad(&b, _("due today"), 10, TEXT_RIGHT);
	buf_addc(&b, ' ');
	text_pad(&b, _("due soon"), 10, TEXT_RIGHT);
	cli_put_line(&b);
	for (i = 0; i < duties_n; i++) {
		char n[3][24];

		snprintf(n[0], sizeof(n[0]), "%lld", (long long)d->counts[i].overdue);
		snprintf(n[1], sizeof(n[1]), "%lld", (long long)d->counts[i].due_today);
		snprintf(n[2], sizeof(n[2]), "%lld", (long long)d->counts[i].due_soon);
		pad(&b, _(d->counts[i].duty->label), 40);
		text_pad(&b, n[0], 8, TEXT_RIGHT);
		buf_addc(&b, ' ');
		text_pad(&b, n[1], 10, TEXT_RIGHT);
		buf_addc(&b, ' ');
		text_pad(&b, n[2], 10, TEXT_RIGHT);
		cli_put_line(&b);
	}
	cli_put_line(&b);
	buf_printf(&b, "%s (%d)", _("Most urgent"), d->n_items);
	cli_put_line(&b);
	for (i = 0; i < d->n_items; i++) {
		const struct dashboard_item *it = &d->items[i];

		pad(&b, deadline_status_label(it->status), 10);
		pad(&b, date_format(it->due, iso), 10);
		if (it->status == DEADLINE_OVERDUE)
			buf_printf(&b, P_("%d day late", "%d days late", it->days), it->days);
		else if (it->status == DEADLINE_DUE_SOON)
			buf_printf(&b, P_("%d working day left", "%d working days left", it->days),
			    it->days);
		else
			buf_adds(&b, _("today"));
		buf_adds(&b, app_provisional_mark(app, it->due));
		while (text_cols(buf_str(&b)) < 44)
			buf_addc(&b, ' ');
		buf_addc(&b, ' ');
		pad(&b, _(it->duty->label), 30);
		pad(&b, it->key, 22);
		pad(&b, it->agency, 20);
		cli_put_line(&b);
	}
	cli_put_line(&b);
	buf_printf(&b, _("Agencies (head-appearance rate %d)"), d->window.today.y);
	cli_put_line(&b);
	pad(&b, _("Agency"), 24);
	text_pad(&b, _("open"), 6, TEXT_RIGHT);
	buf_addc(&b, ' ');
	text_pad(&b, _("urgent"), 6, TEXT_RIGHT);
	buf_addc(&b, ' ');
	text_pad(&b, _("hearings"), 8, TEXT_RIGHT);
	buf_addc(&b, ' ');
	text_pad(&b, _("head"), 6, TEXT_RIGHT);
	buf_addc(&b, ' ');
	text_pad(&b, _("rate"), 7, TEXT_RIGHT);
	cli_put_line(&b);
	for (i = 0; i < d->n_agencies; i++) {
		const struct dashboard_agency *a = &d->agencies[i];
		char n[5][24];
		char pct[DECIMAL_TEXT_LEN];

		snprintf(n[0], sizeof(n[0]), "%lld", (long long)a->open);
		snprintf(n[1], sizeof(n[1]), "%lld", (long long)a->urgent);
		snprintf(n[2], sizeof(n[2]), "%d", a->hearings);
		snprintf(n[3], sizeof(n[3]), "%d", a->head_appearances);
		if (a->hearings <= 0)
			snprintf(n[4], sizeof(n[4]), "-");
		else
			snprintf(n[4], sizeof(n[4]), "%s%%", decimal_percent(a->head_appearances,
			    a->hearings, 1, pct));
		pad(&b, a->name, 24);
		text_pad(&b, n[0], 6, TEXT_RIGHT);
		buf_addc(&b, ' ');
		text_pad(&b, n[1], 6, TEXT_RIGHT);
		buf_addc(&b, ' ');
		text_pad(&b, n[2], 8, TEXT_RIGHT);
		buf_addc(&b, ' ');
		text_pad(&b, n[3], 6, TEXT_RIGHT);
		buf_addc(&b, ' ');
		text_pad(&b, n[4], 7, TEXT_RIGHT);
		cli_put_line(&b);
	}
	buf_release(&b);
	(void)app;
}

static void
dashboard_json(const struct dashboard *d)
{
	struct buf b = BUF_INIT;
	char iso[DATE_ISO_LEN];
	char pct[DECIMAL_TEXT_LEN];
	int i;

	buf_printf(&b, "{\"today\":\"%s\",\"due_soon_workdays\":%d,\"duties\":[",
	    date_format(d->window.today, iso), d->soon_workdays);
	for (i = 0; i < duties_n; i++)
		buf_printf(&b, "%s{\"duty\":\"%s\",\"overdue\":%lld,\"due_today\":%lld,"
		    "\"due_soon\":%lld}", i ? "," : "", d->counts[i].duty->name,
		    (long long)d->counts[i].overdue, (long long)d->counts[i].due_today,
		    (long long)d->counts[i].due_soon);
	buf_adds(&b, "],\"items\":[");
	for (i = 0; i < d->n_items; i++) {
		const struct dashboard_item *it = &d->items[i];

		buf_printf(&b, "%s{\"duty\":\"%s\",\"kind\":\"%s\",\"id\":%lld,\"key\":", i ? "," : "",
		    it->duty->name, it->duty->kind, (long long)it->id);
		json_add_string(&b, it->key);
		buf_adds(&b, ",\"agency\":");
		json_add_string(&b, it->agency);
		buf_adds(&b, ",\"party\":");
		json_add_string(&b, it->party);
		buf_printf(&b, ",\"due\":\"%s\",\"status\":\"%s\",\"%s\":%d}",
		    date_format(it->due, iso), deadline_status_name(it->status),
		    it->status == DEADLINE_OVERDUE ? "days_late" : "workdays_left", it->days);
	}
	buf_adds(&b, "],\"agencies\":[");
	for (i = 0; i < d->n_agencies; i++) {
		const struct dashboard_agency *a = &d->agencies[i];

		buf_printf(&b, "%s{\"id\":%lld,\"name\":", i ? "," : "", (long long)a->agency_id);
		json_add_string(&b, a->name);
		buf_printf(&b, ",\"kind\":\"%s\",\"open\":%lld,\"urgent\":%lld,\"hearings\":%d,"
		    "\"head_appearances\":%d,\"head_appearance_rate\":", a->kind, (long long)a->open,
		    (long long)a->urgent, a->hearings, a->head_appearances);
		if (a->hearings <= 0)
			buf_adds(&b, "null}");
		else
			buf_printf(&b, "%s}", decimal_percent(a->head_appearances, a->hearings, 1,
			    pct));
	}
	buf_adds(&b, "]}");
	puts(buf_str(&b));
	buf_release(&b);
}

int
cli_dashboard(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct db *db = NULL;
	struct dashboard *d = NULL;
	enum out_format fmt = OUT_PLAIN;
	int within = app->cfg->due_soon_workdays;
	const char *xlsx = NULL;	/* -o FILE with --format xlsx */
	bool want_xlsx = false;
	int rc;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			want_xlsx = strcmp(argv[++i], "xlsx") == 0;
			if (!want_xlsx && !parse_format(argv[i], &fmt, false))
				return cli_usage(_("--format takes plain, json or xlsx"));
		} else if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) &&
		    i + 1 < argc) {
			xlsx = argv[++i];
		} else if (strcmp(argv[i], "--within") == 0 && i + 1 < argc) {
			char *end = NULL;
			long n = strtol(argv[++i], &end, 10);

			if (*end != '\0' || end == argv[i] || n < 0 || n > 60)
				return cli_usage(_("--within takes a number of working days from 0 to 60"));
			within = (int)n;
		} else {
			return cli_usage(_("dashboard: unexpected argument \"%s\""), argv[i]);
		}
	}
	if (want_xlsx != (xlsx != NULL))
		return cli_usage("%s", _("dashboard --format xlsx writes a workbook: give -o "
		    "FILE.xlsx"));
	rc = cli_open_for(app, ACCESS_READ, &db, &err);
	if (rc == DUBAN_OK)
		rc = dashboard_build(db, app->cal, app->today, within, app->cfg->makeup_workdays, 0,
		    &d, &err);
	db_close(db);
	if (rc != DUBAN_OK)
		return app_report(&err);
	if (d->uncovered_year != 0)
		app_warn_uncovered(app, d->uncovered_year);
	if (xlsx != NULL)
		rc = report_xlsx_dashboard(d, xlsx, app->db_path, &err);
	else if (fmt == OUT_JSON)
		dashboard_json(d);
	else
		dashboard_plain(app, d);
	dashboard_free(d);
	return rc == DUBAN_OK ? DUBAN_OK : app_report(&err);
}
