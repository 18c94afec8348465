/* tests/unit/test_explain.c: the day-by-day explanation of a due date (core/explain.c) under
 * the shipped rules and calendar: each day's kind, holiday name, number in the count and
 * reason; and, for every rule and many triggers, that the count ends on the engine's date. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "duban/buf.h"
#include "duban/calendar.h"
#include "duban/config.h"
#include "duban/date.h"
#include "duban/deadline.h"
#include "duban/err.h"
#include "duban/explain.h"
#include "duban/rules.h"

#define PATH_LEN 2048

struct fixture {
	struct config *cfg;
	struct calendar *cal;
};

static int
group_setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	const char *data = getenv("DUBAN_DATA");
	char path[PATH_LEN];
	struct duban_err err;

	if (fx == NULL)
		return -1;
	if (data == NULL || data[0] == '\0')
		data = "data";
	snprintf(path, sizeof(path), "%s/duban.ini", data);
	fx->cfg = config_new();
	duban_err_clear(&err);
	if (config_load_file(fx->cfg, path, data, &err) != DUBAN_OK ||
	    config_check_complete(fx->cfg, &err) != DUBAN_OK) {
		fprintf(stderr, "cannot load %s: %s %s\n", path, err.where, err.msg);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/calendar", data);
	fx->cal = calendar_new();
	if (calendar_load_dir(fx->cal, path, &err) != DUBAN_OK) {
		fprintf(stderr, "cannot load %s: %s %s\n", path, err.where, err.msg);
		return -1;
	}
	*state = fx;
	return 0;
}

static int
group_teardown(void **state)
{
	struct fixture *fx = *state;

	if (fx != NULL) {
		config_free(fx->cfg);
		calendar_free(fx->cal);
		free(fx);
	}
	return 0;
}

static const struct explain_day *
day_of(const struct explanation *x, struct date d)
{
	size_t i;

	for (i = 0; i < x->n_days; i++)
		if (date_eq(x->days[i].on, d))
			return &x->days[i];
	fail_msg("%04d-%02d-%02d is not in the explanation", d.y, d.m, d.d);
	return NULL;
}

/* The 2024 National Day break: 9-29 Sun and 10-12 Sat are make-up working days, 10-01..07
 * rest. Counted under reading (a): 9-29, 9-30, 10-08..10-12, 10-14..10-16: the tenth on 10-16. */
static void
test_reply_across_national_day(void **state)
{
	struct fixture *fx = *state;
	struct explanation x;
	struct duban_err err;
	const struct explain_day *e;
	size_t i;
	int counted = 0;

	assert_int_equal(explain_deadline(fx->cfg->rules, fx->cal, "reconsideration-reply",
	    date_ymd(2024, 9, 27), NULL, 0, true, &x, &err), DUBAN_OK);
	assert_int_equal(x.n_days, 20);
	assert_true(date_eq(x.days[0].on, date_ymd(2024, 9, 27)));
	assert_int_equal(x.days[0].phase, EXPLAIN_TRIGGER);
	assert_false(x.days[0].counted);
	assert_true(date_eq(x.days[19].on, date_ymd(2024, 10, 16)));
	assert_true(x.days[19].due);
	assert_true(x.days[19].period_end);
	assert_int_equal(x.days[19].number, 10);
	for (i = 0; i < x.n_days; i++) {
		counted += x.days[i].counted;
		if (i + 1 < x.n_days)
			assert_false(x.days[i].due);
	}
	assert_int_equal(counted, 10);
	e = day_of(&x, date_ymd(2024, 9, 28));
	assert_int_equal(e->kind, CALENDAR_WEEKEND);
	assert_false(e->counted);
	e = day_of(&x, date_ymd(2024, 9, 29));
	assert_int_equal(e->kind, CALENDAR_MAKEUP);
	assert_string_equal(e->holiday, "国庆节");
	assert_true(e->counted);
	assert_int_equal(e->number, 1);
	assert_true(e->reading_differs);
	e = day_of(&x, date_ymd(2024, 10, 1));
	assert_int_equal(e->kind, CALENDAR_HOLIDAY);
	assert_string_equal(e->holiday, "国庆节");
	assert_false(e->counted);
	assert_int_equal(e->number, 0);
	e = day_of(&x, date_ymd(2024, 10, 12));
	assert_int_equal(e->number, 7);
	assert_true(date_eq(x.result.alt_due, date_ymd(2024, 10, 18)));
	explain_release(&x);

	/* Reading (b): the make-up days are rest days; the tenth working day is 10-18. */
	assert_int_equal(explain_deadline(fx->cfg->rules, fx->cal, "reconsideration-reply",
	    date_ymd(2024, 9, 27), NULL, 0, false, &x, &err), DUBAN_OK);
	e = day_of(&x, date_ymd(2024, 9, 29));
	assert_false(e->counted);
	assert_true(e->reading_differs);
	assert_true(date_eq(x.days[x.n_days - 1].on, date_ymd(2024, 10, 18)));
	explain_release(&x);
}

/* Accepted 2025-08-02: 60 days end 10-01 (National Day), rolled to 10-09; the extension's 30
 * days run from 10-10 to 11-08 Sat, rolled to 11-10 Mon. */
static void
test_decision_extended(void **state)
{
	struct fixture *fx = *state;
	struct explanation x;
	struct duban_err err;
	const struct explain_day *e;

	assert_int_equal(explain_deadline(fx->cfg->rules, fx->cal, "reconsideration-decision",
	    date_ymd(2025, 8, 2), NULL, 30, true, &x, &err), DUBAN_OK);
	assert_int_equal(x.extension_days, 30);
	e = day_of(&x, date_ymd(2025, 10, 1));
	assert_int_equal(e->number, 60);
	assert_true(e->period_end);
	assert_int_equal(e->phase, EXPLAIN_PERIOD);
	e = day_of(&x, date_ymd(2025, 10, 5));
	assert_int_equal(e->phase, EXPLAIN_ROLL);
	assert_false(e->roll_end);
	e = day_of(&x, date_ymd(2025, 10, 9));
	assert_int_equal(e->phase, EXPLAIN_ROLL);
	assert_true(e->roll_end);
	assert_false(e->due);
	e = day_of(&x, date_ymd(2025, 10, 10));
	assert_int_equal(e->phase, EXPLAIN_EXTENSION);
	assert_int_equal(e->number, 1);
	e = day_of(&x, date_ymd(2025, 11, 8));
	assert_int_equal(e->number, 30);
	assert_true(e->period_end);
	e = day_of(&x, date_ymd(2025, 11, 10));
	assert_int_equal(e->phase, EXPLAIN_EXTENSION_ROLL);
	assert_true(e->due);
	assert_true(date_eq(x.days[x.n_days - 1].on, date_ymd(2025, 11, 10)));
	explain_release(&x);
}

/* Whatever the rule, trigger and reading, the count ends on the engine's due date, and the
 * numbers of a working-day period run 1..length on the counted days. */
static void
test_count_ends_on_engine_date(void **state)
{
	struct fixture *fx = *state;
	struct duban_err err;
	size_t k;
	int day;
	int reading;

	for (k = 0; k < rules_count(fx->cfg->rules); k++) {
		const struct rule *rule = rules_at(fx->cfg->rules, k);

		for (day = 0; day < 2 * 366; day += 3) {
			struct date t = date_add_days(date_ymd(2024, 1, 1), day);

			for (reading = 0; reading < 2; reading++) {
				struct deadline_result r;
				struct explanation x;
				size_t i;
				int n = 0;

				if (deadline_compute(fx->cfg->rules, fx->cal, rule->name, t, NULL,
				    reading, &r, &err) != DUBAN_OK)
					continue;	/* a rule with no version in force then */
				assert_int_equal(explain_deadline(fx->cfg->rules, fx->cal,
				    rule->name, t, NULL, 0, reading, &x, &err), DUBAN_OK);
				assert_true(date_eq(x.days[x.n_days - 1].on, r.due));
				assert_true(x.days[x.n_days - 1].due);
				for (i = 1; i < x.n_days; i++) {
					assert_int_equal(date_diff_days(x.days[i - 1].on,
					    x.days[i].on), 1);
					if (x.version->period.unit == RULE_WORKDAYS &&
					    x.days[i].counted)
						assert_int_equal(x.days[i].number, ++n);
				}
				if (x.version->period.unit == RULE_WORKDAYS)
					assert_int_equal(n, x.version->period.length);
				explain_release(&x);
				if (strcmp(rule->name, "reconsideration-decision") != 0)
					continue;
				assert_int_equal(deadline_compute_extended(fx->cfg->rules, fx->cal,
				    rule->name, t, 30, reading, &r, &err), DUBAN_OK);
				assert_int_equal(explain_deadline(fx->cfg->rules, fx->cal,
				    rule->name, t, NULL, 30, reading, &x, &err), DUBAN_OK);
				assert_true(date_eq(x.days[x.n_days - 1].on, r.due));
				explain_release(&x);
			}
		}
	}
}

/* The printed text: the due date first, the holiday's name, the other reading, the reasons;
 * no control character but the line ends. */
static void
test_render(void **state)
{
	struct fixture *fx = *state;
	struct explanation x;
	struct duban_err err;
	struct buf text = BUF_INIT;
	const char *s;

	assert_int_equal(explain_deadline(fx->cfg->rules, fx->cal, "reconsideration-reply",
	    date_ymd(2024, 9, 27), NULL, 0, true, &x, &err), DUBAN_OK);
	explain_render(&x, &text);
	s = buf_str(&text);
	assert_memory_equal(s, "2024-10-16\n", 11);
	assert_non_null(strstr(s, "under the other reading of make-up working days: 2024-10-18"));
	assert_non_null(strstr(s, "2024-09-27  Fri         the day of the event: not counted"));
	assert_non_null(strstr(s, "2024-09-29  Sun      1  make-up working day 调休 (国庆节); "
	    "counted; a rest day under the other reading of make-up working days\n"));
	assert_non_null(strstr(s, "2024-10-01  Tue      -  official rest day (国庆节); "
	    "not counted\n"));
	assert_non_null(strstr(s, "2024-10-16  Wed     10  working day; counted; last day of "
	    "the period; DUE DATE\n"));
	/* Both versions of the rule, the one applied marked. */
	assert_non_null(strstr(s, "* 2024-01-01  10 working days"));
	for (; *s != '\0'; s++)
		assert_true(*s == '\n' || (unsigned char)*s >= 0x20);
	buf_release(&text);
	explain_release(&x);
}

/* A period stated in the document (a suggestion's "请于二十个工作日内回复"): counted as stated,
 * said so, without the rule's versions or basis; it cannot be extended. */
static void
test_stated_period(void **state)
{
	struct fixture *fx = *state;
	struct rule_period stated = { 20, RULE_WORKDAYS, true };
	struct deadline_result r;
	struct explanation x;
	struct duban_err err;
	struct buf text = BUF_INIT;
	size_t i;
	int n = 0;

	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, "judicial-suggestion",
	    date_ymd(2025, 9, 20), &stated, true, &r, &err), DUBAN_OK);
	assert_int_equal(explain_deadline(fx->cfg->rules, fx->cal, "judicial-suggestion",
	    date_ymd(2025, 9, 20), &stated, 0, true, &x, &err), DUBAN_OK);
	assert_null(x.version);
	assert_true(date_eq(x.days[x.n_days - 1].on, r.due));
	for (i = 0; i < x.n_days; i++)
		n += x.days[i].counted;
	assert_int_equal(n, 20);
	explain_render(&x, &text);
	assert_non_null(strstr(buf_str(&text), "period: 20 working days (the period stated in "
	    "the document)"));
	assert_null(strstr(buf_str(&text), "legal basis"));
	assert_null(strstr(buf_str(&text), "versions of this rule"));
	buf_release(&text);
	explain_release(&x);
	assert_int_equal(explain_deadline(fx->cfg->rules, fx->cal, "judicial-suggestion",
	    date_ymd(2025, 9, 20), &stated, 30, true, &x, &err), DUBAN_EINPUT);
}

static void
test_unknown_rule(void **state)
{
	struct fixture *fx = *state;
	struct explanation x;
	struct duban_err err;

	assert_int_equal(explain_deadline(fx->cfg->rules, fx->cal, "no-such-rule",
	    date_ymd(2024, 9, 27), NULL, 0, true, &x, &err), DUBAN_EINPUT);
	assert_int_equal(x.n_days, 0);
	assert_null(x.days);
	explain_release(&x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reply_across_national_day),
		cmocka_unit_test(test_decision_extended),
		cmocka_unit_test(test_count_ends_on_engine_date),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_stated_period),
		cmocka_unit_test(test_unknown_rule),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
