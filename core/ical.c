/* core/ical.c: open deadlines as RFC 5545 iCalendar text. Each deadline is an all-day event
 * (VALUE=DATE, DTEND exclusive) marked transparent, so it does not block a day in a shared
 * calendar, with a display alarm at 09:00 some days before. */
#include "duban/ical.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duban/access.h"
#include "duban/config.h"
#include "duban/deadline.h"
#include "duban/duty.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/record.h"
#include "duban/text.h"

#define FOLD_OCTETS 75

void
ical_add_line(struct buf *out, const char *line)
{
	size_t len = strlen(line);
	size_t pos = 0;
	size_t room = FOLD_OCTETS;

	while (len - pos > room) {
		size_t cut = pos + room;

		/* Back up to the first byte of a UTF-8 character. */
		while (cut > pos && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--;
		if (cut == pos)
			cut = pos + room;	/* not UTF-8: cut anyway */
		buf_add(out, line + pos, cut - pos);
		buf_adds(out, "\r\n ");
		pos = cut;
		room = FOLD_OCTETS - 1;	/* the leading space counts */
	}
	buf_add(out, line + pos, len - pos);
	buf_adds(out, "\r\n");
}

void
ical_escape_text(const char *s, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p != '\0') {
		size_t n = text_utf8_char_len((const char *)p);

		if (n == 0) {
			p++;
			continue;
		}
		if (*p == '\\' || *p == ';' || *p == ',') {
			buf_addc(out, '\\');
			buf_addc(out, (char)*p);
		} else if (*p == '\n') {
			buf_adds(out, "\\n");
		} else if (*p == '\t') {
			buf_addc(out, ' ');
		} else if (*p >= 0x20 && *p != 0x7F) {
			buf_add(out, (const char *)p, n);
		}
		p += n;
	}
}

/* A property whose value is TEXT: name, then the escaped value, as one folded line. */
static void
text_prop(struct buf *out, const char *name, const char *value)
{
	struct buf line = BUF_INIT;

	buf_printf(&line, "%s:", name);
	ical_escape_text(value, &line);
	ical_add_line(out, buf_str(&line));
	buf_release(&line);
}

static void
date_prop(struct buf *out, const char *name, struct date d)
{
	char line[64];

	snprintf(line, sizeof(line), "%s;VALUE=DATE:%04d%02d%02d", name, d.y, d.m, d.d);
	ical_add_line(out, line);
}

struct event {
	const struct duty *duty;
	int64_t id;
	char *key;
	char *agency;
	char *party;
	struct date due;
	enum deadline_status status;
};

struct gather {
	struct event *ev;
	size_t n;
	size_t cap;
};

static int
gather_one(const struct duty_item *it, void *arg)
{
	struct gather *g = arg;
	struct event *e;

	if (!it->has_due)
		return DUBAN_OK;
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 64;
		g->ev = xreallocarray(g->ev, g->cap, sizeof(*g->ev));
	}
	e = &g->ev[g->n++];
	e->duty = it->duty;
	e->id = it->id;
	e->key = xstrdup(it->key != NULL ? it->key : "");
	e->agency = xstrdup(it->agency != NULL ? it->agency : "");
	e->party = xstrdup(it->party != NULL ? it->party : "");
	e->due = it->due;
	e->status = it->status;
	return DUBAN_OK;
}

static void
gather_release(struct gather *g)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		free(g->ev[i].key);
		free(g->ev[i].agency);
		free(g->ev[i].party);
	}
	free(g->ev);
}

/* Due date first, then duty and record: the same file for the same records every time. */
static int
cmp_event(const void *a, const void *b)
{
	const struct event *x = a;
	const struct event *y = b;
	int c = date_cmp(x->due, y->due);

	if (c != 0)
		return c;
	c = strcmp(x->duty->name, y->duty->name);
	if (c != 0)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

static char *
file_stem(const char *s)
{
	char *out = xstrdup(s[0] != '\0' ? s : "_");
	char *p;

	for (p = out; *p != '\0'; p++)
		if (*p == '/' || *p == '\\' || (unsigned char)*p < 0x20 || *p == 0x7F)
			*p = '_';
	if (out[0] == '.')
		out[0] = '_';
	return out;
}

static struct ical_file *
file_for(struct ical_export *x, const char *name, const char *title)
{
	size_t i;
	struct ical_file *f;

	for (i = 0; i < x->n_files; i++)
		if (strcmp(x->files[i].title, title) == 0)
			return &x->files[i];
	x->files = xreallocarray(x->files, x->n_files + 1, sizeof(*x->files));
	f = &x->files[x->n_files++];
	memset(f, 0, sizeof(*f));
	f->name = file_stem(name);
	f->title = xstrdup(title);
	/* Two names made the same by the replacement ("a/b", "a_b") get distinct files. */
	for (i = 0; i + 1 < x->n_files; i++) {
		if (strcmp(x->files[i].name, f->name) == 0) {
			size_t len = strlen(f->name) + 24;
			char *other = xmalloc(len);

			snprintf(other, len, "%s-%zu", f->name, x->n_files);
			free(f->name);
			f->name = other;
			i = (size_t)-1;	/* look again from the start */
		}
	}
	return f;
}

static void
begin_calendar(struct ical_file *f)
{
	struct buf *out = &f->text;

	ical_add_line(out, "BEGIN:VCALENDAR");
	ical_add_line(out, "VERSION:2.0");
	ical_add_line(out, "PRODID:-//duban//duban deadlines//ZH");
	ical_add_line(out, "CALSCALE:GREGORIAN");
	ical_add_line(out, "METHOD:PUBLISH");
	text_prop(out, "X-WR-CALNAME", f->title);
}

static void
add_event(const struct record_env *env, const struct ical_opts *o, struct ical_file *f,
    const struct event *e)
{
	struct buf *out = &f->text;
	struct buf s = BUF_INIT;
	char line[128];
	char iso[DATE_ISO_LEN];
	int before_hours = o->alarm_days * 24 - 9;

	ical_add_line(out, "BEGIN:VEVENT");
	snprintf(line, sizeof(line), "UID:%s-%lld@duban", e->duty->name, (long long)e->id);
	ical_add_line(out, line);
	snprintf(line, sizeof(line), "DTSTAMP:%04d%02d%02dT000000Z", env->today.y, env->today.m,
	    env->today.d);
	ical_add_line(out, line);
	date_prop(out, "DTSTART", e->due);
	date_prop(out, "DTEND", date_add_days(e->due, 1));
	buf_printf(&s, _("%s due: %s (%s)"), _(e->duty->brief), e->key, e->agency);
	text_prop(out, "SUMMARY", buf_str(&s));
	buf_reset(&s);
	buf_printf(&s, "%s\n", _(e->duty->label));
	buf_printf(&s, _("Record: %s %lld, %s\n"), e->duty->kind, (long long)e->id, e->key);
	buf_printf(&s, _("Agency: %s\n"), e->agency);
	if (e->party[0] != '\0')
		buf_printf(&s, _("Party: %s\n"), e->party);
	buf_printf(&s, _("Due on: %s\n"), date_format(e->due, iso));
	buf_printf(&s, _("Status on %s: %s\n"), date_format(env->today, iso),
	    deadline_status_label(e->status));
	buf_adds(&s, _("Exported from duban: the desk has the current state."));
	text_prop(out, "DESCRIPTION", buf_str(&s));
	text_prop(out, "CATEGORIES", _(e->duty->brief));
	ical_add_line(out, "TRANSP:TRANSPARENT");
	ical_add_line(out, "BEGIN:VALARM");
	ical_add_line(out, "ACTION:DISPLAY");
	buf_reset(&s);
	buf_printf(&s, _("%s due: %s (%s)"), _(e->duty->brief), e->key, e->agency);
	text_prop(out, "DESCRIPTION", buf_str(&s));
	/* All-day events start at midnight: 09:00 that many days before. */
	if (before_hours < 0)
		snprintf(line, sizeof(line), "TRIGGER:PT%dH", -before_hours);
	else
		snprintf(line, sizeof(line), "TRIGGER:-PT%dH", before_hours);
	ical_add_line(out, line);
	ical_add_line(out, "END:VALARM");
	ical_add_line(out, "END:VEVENT");
	buf_release(&s);
	f->n_events++;
}

static int
cmp_file(const void *a, const void *b)
{
	return strcmp(((const struct ical_file *)a)->name, ((const struct ical_file *)b)->name);
}

int
ical_export(const struct record_env *env, const struct ical_opts *o, struct ical_export *out,
    struct duban_err *err)
{
	static const enum deadline_status open[] = {
		DEADLINE_PENDING, DEADLINE_DUE_SOON, DEADLINE_DUE_TODAY, DEADLINE_OVERDUE,
	};
	struct gather g;
	struct duty_window w;
	struct duty_filter f;
	size_t i;
	int rc;
	int d;

	memset(out, 0, sizeof(*out));
	memset(&g, 0, sizeof(g));
	if (o->alarm_days < 0 || o->alarm_days > ICAL_MAX_ALARM_DAYS)
		return duban_err_set(err, DUBAN_EUSAGE, _("the alarm must be 0 to %d days before"),
		    ICAL_MAX_ALARM_DAYS);
	rc = access_require(env->db, ACCESS_EXPORT, err);
	if (rc != DUBAN_OK)
		return rc;
	memset(&f, 0, sizeof(f));
	f.n_status = (int)(sizeof(open) / sizeof(open[0]));
	memcpy(f.status, open, sizeof(open));
	f.order = DUTY_BY_DUE_DESC;
	duty_window_init(&w, env->cal, env->today, env->cfg->due_soon_workdays,
	    env->cfg->makeup_workdays);
	for (d = 0; d < duties_n && rc == DUBAN_OK; d++) {
		if (o->duty != NULL && o->duty != &duties[d])
			continue;
		if (o->kind != NULL && strcmp(o->kind, duties[d].kind) != 0)
			continue;
		rc = duty_each(env->db, &duties[d], &w, &f, gather_one, &g, err);
	}
	if (rc != DUBAN_OK) {
		gather_release(&g);
		return rc;
	}
	if (g.n > 0)
		qsort(g.ev, g.n, sizeof(*g.ev), cmp_event);
	if (o->split == ICAL_ONE)
		begin_calendar(file_for(out, "", _("duban deadlines")));
	for (i = 0; i < g.n; i++) {
		const struct event *e = &g.ev[i];
		struct ical_file *file;
		struct buf title = BUF_INIT;

		if (o->split == ICAL_ONE) {
			file = &out->files[0];
		} else {
			const char *name = o->split == ICAL_BY_AGENCY ? e->agency : e->duty->name;

			buf_printf(&title, _("duban deadlines: %s"), o->split == ICAL_BY_AGENCY ?
			    e->agency : _(e->duty->label));
			file = file_for(out, name, buf_str(&title));
			if (file->text.len == 0)
				begin_calendar(file);
		}
		buf_release(&title);
		add_event(env, o, file, e);
	}
	for (i = 0; i < out->n_files; i++)
		ical_add_line(&out->files[i].text, "END:VCALENDAR");
	if (out->n_files > 1)
		qsort(out->files, out->n_files, sizeof(*out->files), cmp_file);
	gather_release(&g);
	return DUBAN_OK;
}

void
ical_export_release(struct ical_export *x)
{
	size_t i;

	if (x == NULL)
		return;
	for (i = 0; i < x->n_files; i++) {
		free(x->files[i].name);
		free(x->files[i].title);
		buf_release(&x->files[i].text);
	}
	free(x->files);
	x->files = NULL;
	x->n_files = 0;
}
