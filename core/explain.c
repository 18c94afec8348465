/* core/explain.c: a due date explained day by day. The walk repeats deadline_apply() step by
 * step and records each day; explain_deadline() checks that it ends on the date the engine
 * computed, so the explanation can never disagree with the stored due dates. */
#include "duban/explain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duban/buf.h"
#include "duban/config.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/record.h"
#include "duban/text.h"

/* As in deadline.c: no break is this long; a calendar of nothing but rest days must end. */
#define MAX_SEARCH_DAYS 366

struct walk {
	struct explanation *x;
	const struct calendar *cal;
	size_t cap;
};

static struct explain_day *
add_day(struct walk *w, struct date d, enum explain_phase phase)
{
	struct explanation *x = w->x;
	struct explain_day *e;
	const char *name = NULL;

	if (x->n_days == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		x->days = xreallocarray(x->days, w->cap, sizeof(*x->days));
	}
	e = &x->days[x->n_days++];
	memset(e, 0, sizeof(*e));
	e->on = d;
	e->phase = phase;
	e->kind = calendar_kind_of(w->cal, d, &name);
	e->holiday = name != NULL ? name : "";
	e->uncovered = !calendar_covers(w->cal, d.y);
	e->provisional = calendar_is_provisional(w->cal, d.y);
	return e;
}

/* A make-up day decides working or not only where the rule looks at working days. */
static bool
differs(const struct explain_day *e)
{
	return e->kind == CALENDAR_MAKEUP;
}

/* Roll a last day on a rest day on to the next working day, recording each day. */
static struct date
walk_roll(struct walk *w, struct date d, enum explain_phase phase)
{
	int i;

	for (i = 0; i < MAX_SEARCH_DAYS && !calendar_is_working_day(w->cal, d,
	    w->x->makeup_counts) && d.y <= DATE_MAX_YEAR; i++) {
		struct explain_day *e;

		d = date_add_days(d, 1);
		e = add_day(w, d, phase);
		e->reading_differs = differs(e);
	}
	if (i > 0)
		w->x->days[w->x->n_days - 1].roll_end = true;
	return d;
}

/* The period after from (from itself is already listed). Returns its last day after roll. */
static struct date
walk_period(struct walk *w, struct rule_period p, struct date from, enum explain_phase phase,
    enum explain_phase roll_phase)
{
	struct explain_day *e = NULL;
	struct date d = from;
	struct date end;
	int counted = 0;
	int rest = 0;
	int i;

	switch (p.unit) {
	case RULE_WORKDAYS:
		while (counted < p.length && d.y <= DATE_MAX_YEAR && rest < MAX_SEARCH_DAYS) {
			d = date_add_days(d, 1);
			e = add_day(w, d, phase);
			e->reading_differs = differs(e);
			if (calendar_is_working_day(w->cal, d, w->x->makeup_counts)) {
				e->counted = true;
				e->number = ++counted;
				rest = 0;
			} else {
				rest++;
			}
		}
		if (e != NULL)
			e->period_end = true;
		return d;
	case RULE_DAYS:
	case RULE_MONTHS:
		end = p.unit == RULE_DAYS ? date_add_days(from, p.length) :
		    date_add_months(from, p.length);
		for (i = 1; date_cmp(d, end) < 0 && d.y <= DATE_MAX_YEAR; i++) {
			d = date_add_days(d, 1);
			e = add_day(w, d, phase);
			e->counted = true;
			e->number = p.unit == RULE_DAYS ? i : 0;
		}
		if (e == NULL)
			return d;
		e->period_end = true;
		if (!p.roll)
			return d;
		/* Whether the last day is a working day is where the readings can part. */
		e->reading_differs = differs(e);
		return walk_roll(w, d, roll_phase);
	}
	return d;
}

void
explain_release(struct explanation *x)
{
	if (x == NULL)
		return;
	free(x->days);
	x->days = NULL;
	x->n_days = 0;
}

int
explain_deadline(const struct rules *rules, const struct calendar *cal, const char *rule_name,
    struct date trigger, const struct rule_period *override, int extension_days,
    bool makeup_counts, struct explanation *out, struct duban_err *err)
{
	const struct rule *rule;
	struct walk w;
	struct date d;
	int rc;

	memset(out, 0, sizeof(*out));
	/* No document states a period that is then extended (第六十二条 is the decision's). */
	if (override != NULL && extension_days > 0)
		return duban_err_set(err, DUBAN_EINPUT, "%s", _("a period stated in a document "
		    "is not extended"));
	rc = extension_days > 0 ? deadline_compute_extended(rules, cal, rule_name, trigger,
	    extension_days, makeup_counts, &out->result, err) : deadline_compute(rules, cal,
	    rule_name, trigger, override, makeup_counts, &out->result, err);
	if (rc != DUBAN_OK)
		return rc;
	rule = rules_find(rules, rule_name);
	out->rule = rule;
	out->rule_name = rule->name;
	out->version = out->result.version;
	out->period = override != NULL ? *override : out->version->period;
	out->trigger = trigger;
	out->makeup_counts = makeup_counts;
	out->extension_days = extension_days > 0 ? extension_days : 0;
	w.x = out;
	w.cal = cal;
	w.cap = 0;
	add_day(&w, trigger, EXPLAIN_TRIGGER);
	d = walk_period(&w, out->period, trigger, EXPLAIN_PERIOD, EXPLAIN_ROLL);
	if (out->extension_days > 0) {
		struct rule_period ext = { out->extension_days, RULE_DAYS, true };

		d = walk_period(&w, ext, d, EXPLAIN_EXTENSION, EXPLAIN_EXTENSION_ROLL);
	}
	if (!date_eq(d, out->result.due)) {
		char a[DATE_ISO_LEN];
		char b[DATE_ISO_LEN];

		explain_release(out);
		return duban_err_set(err, DUBAN_EINPUT, _("the day-by-day count ends on %s, not on "
		    "the due date %s; please report this"), date_format(d, a),
		    date_format(out->result.due, b));
	}
	out->days[out->n_days - 1].due = true;
	return DUBAN_OK;
}

const char *
explain_weekday_label(int wd)
{
	switch (wd) {
	case 1:
		return _("Mon");
	case 2:
		return _("Tue");
	case 3:
		return _("Wed");
	case 4:
		return _("Thu");
	case 5:
		return _("Fri");
	case 6:
		return _("Sat");
	default:
		return _("Sun");
	}
}

static const char *
unit_label(enum rule_unit u)
{
	return u == RULE_WORKDAYS ? _("working days") : u == RULE_DAYS ? _("days") : _("months");
}

/* What kind of day it is, with the holiday's name. */
static void
kind_text(const struct explain_day *e, struct buf *out)
{
	switch (e->kind) {
	case CALENDAR_WORKDAY:
		buf_adds(out, _("working day"));
		break;
	case CALENDAR_WEEKEND:
		buf_adds(out, _("weekend"));
		break;
	case CALENDAR_HOLIDAY:
		if (e->holiday[0] != '\0')
			buf_printf(out, _("official rest day (%s)"), e->holiday);
		else
			buf_adds(out, _("official rest day"));
		break;
	case CALENDAR_MAKEUP:
		if (e->holiday[0] != '\0')
			buf_printf(out, _("make-up working day 调休 (%s)"), e->holiday);
		else
			buf_adds(out, _("make-up working day 调休"));
		break;
	}
}

static void
sep(struct buf *out)
{
	buf_adds(out, _("; "));
}

/* Why the day counts or not, and where it stands in the count. */
static void
reason_text(const struct explanation *x, const struct explain_day *e, struct buf *out)
{
	enum rule_unit unit = x->period.unit;

	if (e->phase == EXPLAIN_TRIGGER) {
		buf_adds(out, _("the day of the event: not counted (民诉法 第八十五条第二款)"));
		return;
	}
	kind_text(e, out);
	sep(out);
	switch (e->phase) {
	case EXPLAIN_TRIGGER:
		break;
	case EXPLAIN_PERIOD:
		if (unit == RULE_WORKDAYS)
			buf_adds(out, e->counted ? _("counted") : _("not counted"));
		else if (unit == RULE_DAYS)
			buf_adds(out, _("counted"));
		else
			buf_adds(out, _("within the period"));
		break;
	case EXPLAIN_EXTENSION:
		buf_adds(out, _("counted as a day of the extension"));
		break;
	case EXPLAIN_ROLL:
	case EXPLAIN_EXTENSION_ROLL:
		buf_adds(out, e->roll_end ? _("the period rolled to this day, the next working day") :
		    _("rolled over: the last day fell on a rest day"));
		break;
	}
	if (e->period_end) {
		sep(out);
		buf_adds(out, e->phase == EXPLAIN_EXTENSION ? _("last day of the extension") :
		    _("last day of the period"));
		if (!e->due)
			buf_printf(out, " %s", _("(a rest day: moves to the next working day)"));
	}
	if (x->extension_days > 0 && !e->due && e->phase != EXPLAIN_EXTENSION &&
	    e->phase != EXPLAIN_EXTENSION_ROLL && (e->roll_end || (e->period_end &&
	    e + 1 < x->days + x->n_days && e[1].phase == EXPLAIN_EXTENSION))) {
		sep(out);
		buf_adds(out, _("due date before the extension"));
	}
	if (e->reading_differs) {
		sep(out);
		buf_adds(out, x->makeup_counts ? _("a rest day under the other reading of make-up "
		    "working days") : _("a working day under the other reading of make-up "
		    "working days"));
	}
	if (e->provisional && (e->kind == CALENDAR_HOLIDAY || e->due)) {
		sep(out);
		buf_adds(out, e->kind == CALENDAR_HOLIDAY ? _("a statutory holiday of the provisional "
		    "calendar") : _("provisional: the year's make-up working days are unknown"));
	} else if (e->uncovered && !e->provisional) {
		sep(out);
		buf_adds(out, _("the calendar does not cover this year: weekends only"));
	}
	if (e->due) {
		sep(out);
		buf_adds(out, _("DUE DATE"));
	}
}

static void
render_versions(const struct explanation *x, struct buf *out)
{
	const struct rule *rule = x->rule;
	char iso[DATE_ISO_LEN];
	size_t i;

	if (rule->n_versions < 2)
		return;
	buf_printf(out, "%s:\n", _("versions of this rule (the trigger date decides which applies)"));
	for (i = 0; i < rule->n_versions; i++) {
		const struct rule_version *v = &rule->versions[i];

		buf_printf(out, "  %s ", v == x->version ? "*" : " ");
		text_pad(out, v->since.y > DATE_MIN_YEAR ? date_format(v->since, iso) :
		    _("earlier"), 10, TEXT_LEFT);
		buf_printf(out, "  %d %s", v->period.length, unit_label(v->period.unit));
		if (v->basis[0] != '\0')
			buf_printf(out, "  %s", v->basis);
		buf_addc(out, '\n');
	}
}

void
explain_render(const struct explanation *x, struct buf *out)
{
	const struct rule_version *v = x->version;
	const struct deadline_result *r = &x->result;
	const char *title;
	struct buf reason = BUF_INIT;
	char iso[DATE_ISO_LEN];
	size_t i;

	buf_printf(out, "%s\n", date_format(r->due, iso));
	title = v != NULL ? v->title : x->rule->title;
	buf_printf(out, "%s: %s%s%s\n", _("rule"), x->rule_name, title[0] ? "  " : "", title);
	buf_printf(out, "%s: %d %s", _("period"), x->period.length, unit_label(x->period.unit));
	if (x->period.unit != RULE_WORKDAYS)
		buf_printf(out, ", %s", x->period.roll ? _("a last day on a rest day moves to the "
		    "next working day") : _("no roll-forward"));
	if (v == NULL)
		buf_printf(out, " (%s)", _("the period stated in the document"));
	buf_addc(out, '\n');
	if (v != NULL && v->since.y > DATE_MIN_YEAR)
		buf_printf(out, "%s: %s\n", _("in force for triggers from"),
		    date_format(v->since, iso));
	if (v != NULL && v->basis[0] != '\0')
		buf_printf(out, "%s: %s\n", _("legal basis"), v->basis);
	if (v != NULL)
		render_versions(x, out);
	buf_printf(out, "%s: %s\n", _("make-up working days"), x->makeup_counts ?
	    _("count as working days") : _("count as rest days"));
	for (i = 0; i < x->n_days; i++) {
		if (!x->days[i].provisional)
			continue;
		buf_printf(out, _("PROVISIONAL: %d has no official holiday schedule yet; its "
		    "statutory holidays are computed (全国年节及纪念日放假办法), its make-up working days "
		    "are unknown and not counted; this due date may move when the official "
		    "schedule is added\n"), x->days[i].on.y);
		break;
	}
	if (x->extension_days > 0) {
		buf_printf(out, _("extension: %d days counted on from the unextended due date %s "
		    "(行政复议法 第六十二条第一款: at most thirty days)\n"), x->extension_days,
		    date_format(r->unextended, iso));
		if (!date_is_none(r->extension_alt) && !date_eq(r->extension_alt, r->due))
			buf_printf(out, "%s: %s\n", _("under the other reading of the extension (one "
			    "period lengthened by it, counted from the trigger)"),
			    date_format(r->extension_alt, iso));
	}
	if (!date_eq(r->due, r->alt_due))
		buf_printf(out, "%s: %s\n", _("under the other reading of make-up working days"),
		    date_format(r->alt_due, iso));
	buf_printf(out, "\n%s ", _("Day by day (no.: the day's number in the count)."));
	buf_adds(out, x->period.unit == RULE_WORKDAYS ? _("Only working days are counted.") :
	    x->period.unit == RULE_DAYS ? _("Every day is counted, rest days included.") :
	    _("A period of months ends on the same day of the month, or on the month's last day "
	    "(民法典 第二百零二条)."));
	buf_addc(out, '\n');
	for (i = 0; i < x->n_days; i++) {
		const struct explain_day *e = &x->days[i];
		char num[16];

		buf_reset(&reason);
		reason_text(x, e, &reason);
		if (e->number > 0)
			snprintf(num, sizeof(num), "%d", e->number);
		else if (e->phase == EXPLAIN_TRIGGER || e->counted)
			num[0] = '\0';
		else
			snprintf(num, sizeof(num), "-");
		buf_printf(out, "%s  ", date_format(e->on, iso));
		text_pad(out, explain_weekday_label(date_weekday(e->on)), 4, TEXT_LEFT);
		buf_adds(out, "  ");
		text_pad(out, num, 4, TEXT_RIGHT);
		buf_printf(out, "  %s\n", buf_str(&reason));
	}
	buf_release(&reason);
}

struct capture {
	int want;		/* the due field asked for, or -1: the first with a trigger */
	bool found;
	int due;
	char rule[128];
	struct date trigger;
	bool has_override;
	struct rule_period override;
	int extension_days;
};

static void
capture_source(const struct due_source *src, void *arg)
{
	struct capture *c = arg;

	if (c->found || (c->want >= 0 && src->due != c->want) || date_is_none(src->trigger))
		return;
	c->found = true;
	c->due = src->due;
	snprintf(c->rule, sizeof(c->rule), "%s", src->rule);
	c->trigger = src->trigger;
	c->has_override = src->override != NULL;
	if (src->override != NULL)
		c->override = *src->override;
	c->extension_days = src->extension_days;
}

int
explain_record(const struct record_env *env, const struct kind_def *kind, int64_t id,
    int due_field, struct explanation *out, int *field, struct duban_err *err)
{
	struct record_env probe = *env;
	struct record *r = NULL;
	struct capture c;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	c.want = due_field;
	if (kind->derive == NULL)
		return duban_err_set(err, DUBAN_EINPUT, _("%s records have no due dates"),
		    kind->name);
	rc = record_load(env->db, kind, id, &r, err);
	if (rc != DUBAN_OK)
		return rc;
	/* The kind's own derive says what each due date comes from; nothing is saved. */
	probe.on_due = capture_source;
	probe.on_due_arg = &c;
	kind->derive(&probe, r);
	record_free(r);
	if (!c.found)
		return duban_err_set(err, DUBAN_EINPUT, _("%s %lld has no due date to explain (its "
		    "trigger date is not entered)"), kind->name, (long long)id);
	if (field != NULL)
		*field = c.due;
	return explain_deadline(env->cfg->rules, env->cal, c.rule, c.trigger, c.has_override ?
	    &c.override : NULL, c.extension_days, env->cfg->makeup_workdays, out, err);
}
