/* core/deadline.c: the deadline engine. Conventions (legal-basis.md §0):
 * - the day of the triggering event is not counted (民诉法 第85条第2款, 民诉法解释 第125条);
 * - working-day periods count only working days (行政复议法 第88条第2款), so they end on one;
 * - calendar-day and month periods ending on a rest day move to the next working day
 *   (民诉法 第85条第3款) when the rule says roll;
 * - month periods end on the same day of the month, or on its last day (民法典 第202条). */
#include "duban/deadline.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "duban/calendar.h"
#include "duban/err.h"
#include "duban/i18n.h"

static void
note_year(const struct calendar *cal, struct date d, int *uncovered_year)
{
	if (*uncovered_year == 0 && !calendar_covers(cal, d.y))
		*uncovered_year = d.y;
}

/* A bound on how far any search for a working day may run: no official break is this long,
 * and a calendar file that declares every day a rest day must not hang the program. */
#define MAX_SEARCH_DAYS 366

static struct date
next_working_day(const struct calendar *cal, struct date d, bool makeup_counts,
    int *uncovered_year)
{
	int i;

	for (i = 0; i < MAX_SEARCH_DAYS; i++) {
		note_year(cal, d, uncovered_year);
		if (calendar_is_working_day(cal, d, makeup_counts))
			return d;
		d = date_add_days(d, 1);
	}
	return d;
}

void
deadline_apply(const struct calendar *cal, struct rule_period period, struct date trigger,
    bool makeup_counts, struct date *due, int *uncovered_year)
{
	struct date d = trigger;
	int yr = 0;
	int counted = 0;
	int rest = 0;

	switch (period.unit) {
	case RULE_WORKDAYS:
		/* Every working day is counted, however long the period; only a run of rest days
		 * longer than any real break (a calendar file of nothing but rest days) stops. */
		while (counted < period.length && d.y <= DATE_MAX_YEAR && rest < MAX_SEARCH_DAYS) {
			d = date_add_days(d, 1);
			note_year(cal, d, &yr);
			if (calendar_is_working_day(cal, d, makeup_counts)) {
				counted++;
				rest = 0;
			} else {
				rest++;
			}
		}
		break;
	case RULE_DAYS:
		d = date_add_days(trigger, period.length);
		note_year(cal, d, &yr);
		if (period.roll)
			d = next_working_day(cal, d, makeup_counts, &yr);
		break;
	case RULE_MONTHS:
		d = date_add_months(trigger, period.length);
		note_year(cal, d, &yr);
		if (period.roll)
			d = next_working_day(cal, d, makeup_counts, &yr);
		break;
	}
	/* A date past the last year duban represents is no date: the caller refuses it. */
	*due = d.y >= DATE_MIN_YEAR && d.y <= DATE_MAX_YEAR ? d : date_none();
	if (uncovered_year != NULL)
		*uncovered_year = d.y <= DATE_MAX_YEAR ? yr : 0;
}

int
deadline_compute(const struct rules *rules, const struct calendar *cal, const char *rule_name,
    struct date trigger, const struct rule_period *override, bool makeup_counts,
    struct deadline_result *out, struct duban_err *err)
{
	const struct rule *rule = rules_find(rules, rule_name);
	const struct rule_version *v = NULL;
	struct rule_period period;
	struct deadline_result r;
	int alt_uncovered = 0;
	char iso[DATE_ISO_LEN];

	if (rule == NULL)
		return duban_err_set(err, DUBAN_EINPUT, _("there is no deadline rule \"%s\""),
		    rule_name);
	if (override != NULL) {
		period = *override;
	} else {
		v = rule_version_for(rule, trigger);
		if (v == NULL)
			return duban_err_set(err, DUBAN_EINPUT,
			    _("rule %s has no version in force on %s"), rule_name,
			    date_format(trigger, iso));
		period = v->period;
	}
	memset(&r, 0, sizeof(r));
	r.version = v;
	deadline_apply(cal, period, trigger, makeup_counts, &r.due, &r.uncovered_year);
	deadline_apply(cal, period, trigger, !makeup_counts, &r.alt_due, &alt_uncovered);
	r.beyond = date_is_none(r.due) || date_is_none(r.alt_due);
	r.unextended = date_none();
	r.extension_alt = date_none();
	*out = r;
	if (r.beyond)
		return duban_err_set(err, DUBAN_EINPUT, _("the due date falls after %d-12-31, the "
		    "last day duban can represent; check the date and the period"), DATE_MAX_YEAR);
	return DUBAN_OK;
}

int
deadline_compute_extended(const struct rules *rules, const struct calendar *cal,
    const char *rule_name, struct date trigger, int extension_days, bool makeup_counts,
    struct deadline_result *out, struct duban_err *err)
{
	struct rule_period ext = { extension_days, RULE_DAYS, true };
	struct deadline_result r;
	int rc;
	int yr = 0;

	memset(&r, 0, sizeof(r));
	rc = deadline_compute(rules, cal, rule_name, trigger, NULL, makeup_counts, &r, err);

	if (rc != DUBAN_OK) {
		*out = r;
		return rc;
	}
	r.unextended = r.due;
	/* The extension runs on from the last day of the period as it stood. */
	deadline_apply(cal, ext, r.due, makeup_counts, &r.due, &yr);
	if (r.uncovered_year == 0)
		r.uncovered_year = yr;
	deadline_apply(cal, ext, r.alt_due, !makeup_counts, &r.alt_due, &yr);
	/* The other reading: one longer period from the trigger (60 + 30 days). */
	if (r.version != NULL && r.version->period.unit == RULE_DAYS) {
		struct rule_period longer = r.version->period;

		longer.length += extension_days;
		deadline_apply(cal, longer, trigger, makeup_counts, &r.extension_alt, &yr);
	}
	r.beyond = date_is_none(r.due) || date_is_none(r.alt_due);
	*out = r;
	if (r.beyond)
		return duban_err_set(err, DUBAN_EINPUT, _("the due date falls after %d-12-31, the "
		    "last day duban can represent; check the date and the period"), DATE_MAX_YEAR);
	return DUBAN_OK;
}

int
deadline_workdays_between(const struct calendar *cal, struct date from, struct date to,
    bool makeup_counts)
{
	int64_t span = date_diff_days(from, to);
	int64_t i;
	int n = 0;

	for (i = 1; i <= span; i++) {
		if (calendar_is_working_day(cal, date_add_days(from, i), makeup_counts))
			n++;
	}
	return n;
}

struct deadline_state
deadline_status_of(const struct calendar *cal, struct date due, struct date done_on,
    struct date today, int soon_workdays, bool makeup_counts)
{
	struct deadline_state st = { DEADLINE_PENDING, 0, 0 };
	int c;

	if (!date_is_none(done_on)) {
		c = date_cmp(done_on, due);
		st.status = c <= 0 ? DEADLINE_DONE_ON_TIME : DEADLINE_DONE_LATE;
		if (c > 0)
			st.days_late = (int)date_diff_days(due, done_on);
		return st;
	}
	c = date_cmp(today, due);
	if (c > 0) {
		st.status = DEADLINE_OVERDUE;
		st.days_late = (int)date_diff_days(due, today);
		return st;
	}
	if (c == 0) {
		st.status = DEADLINE_DUE_TODAY;
		return st;
	}
	/* Counting is bounded: beyond the due-soon window the exact number is still wanted on
	 * record screens, but a far future date costs one pass over at most a few years. */
	st.workdays_left = deadline_workdays_between(cal, today, due, makeup_counts);
	st.status = st.workdays_left <= soon_workdays ? DEADLINE_DUE_SOON : DEADLINE_PENDING;
	return st;
}

static const char *const status_names[DEADLINE_N_STATUS] = {
	"pending", "due-soon", "due-today", "overdue", "done-on-time", "done-late",
};

const char *
deadline_status_name(enum deadline_status s)
{
	return (unsigned)s < DEADLINE_N_STATUS ? status_names[s] : "?";
}

const char *
deadline_status_label(enum deadline_status s)
{
	switch (s) {
	case DEADLINE_PENDING:
		return _("pending");
	case DEADLINE_DUE_SOON:
		return _("due soon");
	case DEADLINE_DUE_TODAY:
		return _("due today");
	case DEADLINE_OVERDUE:
		return _("overdue");
	case DEADLINE_DONE_ON_TIME:
		return _("done on time");
	case DEADLINE_DONE_LATE:
		return _("done late");
	}
	return "?";
}

bool
deadline_status_parse(const char *s, enum deadline_status *out)
{
	int i;

	for (i = 0; i < DEADLINE_N_STATUS; i++) {
		if (strcmp(s, status_names[i]) == 0) {
			*out = (enum deadline_status)i;
			return true;
		}
	}
	return false;
}

/* Changes whenever duban computes a due date differently, so that the due dates stored by an
 * older version are recomputed like those of a changed rule or calendar. 2: the decision
 * extension runs on from the original due date (行政复议法 第六十二条; doc/deadlines.md §3.5). */
#define DEADLINE_ENGINE 2

/* FNV-1a, 64 bits: not for security, only to notice that something changed. */
static void
fnv(uint64_t *h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++) {
		*h ^= p[i];
		*h *= 1099511628211ULL;
	}
}

static void
fnv_str(uint64_t *h, const char *s)
{
	fnv(h, s, strlen(s) + 1);
}

static void
fnv_int(uint64_t *h, int64_t v)
{
	char b[24];

	snprintf(b, sizeof(b), "%lld;", (long long)v);
	fnv_str(h, b);
}

void
deadline_fingerprint(const struct rules *rules, const struct calendar *cal,
    bool makeup_counts, char out[17])
{
	uint64_t h = 14695981039346656037ULL;
	const struct calendar_entry *e = NULL;
	size_t n = calendar_all_entries(cal, &e);
	size_t i;
	size_t j;
	int y;

	fnv_int(&h, makeup_counts);
	fnv_int(&h, DEADLINE_ENGINE);
	for (i = 0; i < rules_count(rules); i++) {
		const struct rule *r = rules_at(rules, i);

		fnv_str(&h, r->name);
		for (j = 0; j < r->n_versions; j++) {
			fnv_int(&h, date_to_days(r->versions[j].since));
			fnv_int(&h, r->versions[j].period.length);
			fnv_int(&h, r->versions[j].period.unit);
			fnv_int(&h, r->versions[j].period.roll);
		}
	}
	for (i = 0; i < n; i++) {
		fnv_int(&h, date_to_days(e[i].on));
		fnv_int(&h, e[i].is_workday);
	}
	for (y = DATE_MIN_YEAR; y <= DATE_MAX_YEAR; y++)
		if (calendar_covers(cal, y))
			fnv_int(&h, y);
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}
