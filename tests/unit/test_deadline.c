/* tests/unit/test_deadline.c: due dates under the shipped rules (data/duban.ini) and calendar
 * (data/calendar), and the status of a deadline on a given day. Every expected date is worked
 * out by hand from the holiday data and the law (legal-basis.md §0, §4, §8) in the comment
 * beside it: "R" = official rest day, "W" = official make-up working day (调休上班). Reading (a)
 * counts make-up days as working days; reading (b) treats them as rest days. The trigger day is
 * never counted (民诉法 第85条第2款). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "duban/calendar.h"
#include "duban/config.h"
#include "duban/date.h"
#include "duban/deadline.h"
#include "duban/err.h"
#include "duban/rules.h"

#define DIR_LEN 1024
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
	char dir[DIR_LEN];
	char path[PATH_LEN];
	struct duban_err err;

	if (fx == NULL)
		return -1;
	if (data == NULL || data[0] == '\0')
		data = "data";
	snprintf(dir, sizeof(dir), "%s", data);
	snprintf(path, sizeof(path), "%s/duban.ini", dir);
	fx->cfg = config_new();
	duban_err_clear(&err);
	if (config_load_file(fx->cfg, path, dir, &err) != DUBAN_OK ||
	    config_check_complete(fx->cfg, &err) != DUBAN_OK) {
		fprintf(stderr, "cannot load %s: %s %s\n", path, err.where, err.msg);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/calendar", dir);
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

/* One due-date case: a rule, a trigger, the due date under reading (a) and under (b). */
struct dcase {
	const char *rule;
	struct date trigger;
	struct date due_a;
	struct date due_b;
};

#define D(y, m, d) { (y), (m), (d) }

static void
fmt3(char *out, size_t size, struct date a, struct date b)
{
	char x[DATE_ISO_LEN];
	char y[DATE_ISO_LEN];

	snprintf(out, size, "%s / %s", date_format(a, x), date_format(b, y));
}

/* Both readings, each with the other as alt_due; the rule's own version, covered years. */
static void
check_case(const struct fixture *fx, const struct dcase *c)
{
	struct deadline_result r;
	struct duban_err err;
	char t[DATE_ISO_LEN];
	char got[64];
	char want[64];
	int rc;

	duban_err_clear(&err);
	memset(&r, 0, sizeof(r));
	rc = deadline_compute(fx->cfg->rules, fx->cal, c->rule, c->trigger, NULL, true, &r, &err);
	if (rc != DUBAN_OK || !date_eq(r.due, c->due_a) || !date_eq(r.alt_due, c->due_b) ||
	    r.version == NULL || r.uncovered_year != 0) {
		fmt3(got, sizeof(got), r.due, r.alt_due);
		fmt3(want, sizeof(want), c->due_a, c->due_b);
		print_error("%s triggered %s, make-up days count: rc %d (%s), due/alt %s, want %s, "
		    "uncovered %d\n", c->rule, date_format(c->trigger, t), rc, err.msg, got, want,
		    r.uncovered_year);
		fail();
	}
	memset(&r, 0, sizeof(r));
	rc = deadline_compute(fx->cfg->rules, fx->cal, c->rule, c->trigger, NULL, false, &r,
	    &err);
	if (rc != DUBAN_OK || !date_eq(r.due, c->due_b) || !date_eq(r.alt_due, c->due_a)) {
		fmt3(got, sizeof(got), r.due, r.alt_due);
		fmt3(want, sizeof(want), c->due_b, c->due_a);
		print_error("%s triggered %s, make-up days are rest: rc %d (%s), due/alt %s, "
		    "want %s\n", c->rule, date_format(c->trigger, t), rc, err.msg, got, want);
		fail();
	}
}

static void
check_cases(void **state, const struct dcase *cases, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		check_case(*state, &cases[i]);
}

#define CHECK_CASES(state, cases) check_cases((state), (cases), sizeof(cases) / sizeof(cases[0]))

/* ---- legal-basis.md §8 and the issue's examples ---- */

static void
test_legal_basis_worked_examples(void **state)
{
	static const struct dcase cases[] = {
		/* A: 9/27 Sat; 9/28 Sun W=1, 9/29=2, 9/30=3, 10/1-8 R, 10/9=4, 10/10=5,
		 * 10/11 Sat W=6, 10/13-16=7-10. (b): 9/29, 9/30, 10/9, 10/10, 10/13-17, 10/20. */
		{ "reconsideration-reply", D(2025, 9, 26), D(2025, 10, 16), D(2025, 10, 20) },
		/* B: 1/25 Sat; 1/26 Sun W=1, 1/27=2, 1/28-2/4 R, 2/5-2/7=3-5.
		 * (b): 1/27=1, 2/5=2, 2/6=3, 2/7=4, 2/10 Mon=5. */
		{ "reconsideration-reply-simplified", D(2025, 1, 24), D(2025, 2, 7),
		  D(2025, 2, 10) },
		/* C: 9/16 + 15 = 10/1, R until 10/8; 10/9 Thu under both readings. */
		{ "litigation-defence", D(2025, 9, 16), D(2025, 10, 9), D(2025, 10, 9) },
		/* D: old law, 10 calendar days: 9/21 + 10 = 10/1, R 9/29-10/6; (a) 10/7 Sat W,
		 * (b) 10/7 and 10/8 W skipped, 10/9 Mon. */
		{ "reconsideration-reply", D(2023, 9, 21), D(2023, 10, 7), D(2023, 10, 9) },
		/* E: 1/5 + 26 = 1/31, + 30 = 2/4 Wed, an ordinary working day. */
		{ "judicial-suggestion", D(2026, 1, 5), D(2026, 2, 4), D(2026, 2, 4) },
		/* F: 2/9-13=1-5, 2/14 Sat W=6, 2/15-23 R, 2/24-27=7-10.
		 * (b): 2/9-13=1-5, 2/24-27=6-9, 2/28 W skipped, 3/2 Mon=10. */
		{ "reconsideration-reply", D(2026, 2, 6), D(2026, 2, 27), D(2026, 3, 2) },
		/* G: 12/30=1, 12/31=2, 1/1 R, 1/2=3, 1/3=4, 1/6-10=5-9, 1/13 Mon=10. */
		{ "reconsideration-reply", D(2024, 12, 27), D(2025, 1, 13), D(2025, 1, 13) },
		/* H: 民法典 202: 12/31 + 2 months has no 2/31 -> 2/28, a Sat W; (b) 3/2 Mon. */
		{ "procuratorial-suggestion", D(2025, 12, 31), D(2026, 2, 28), D(2026, 3, 2) },
	};

	CHECK_CASES(state, cases);
}

static void
test_issue_examples(void **state)
{
	static const struct dcase cases[] = {
		/* 9/28 Sat; 9/29 Sun W=1, 9/30=2, 10/1-7 R, 10/8-11=3-6, 10/12 Sat W=7,
		 * 10/14-16=8-10. (b): 9/30=1, 10/8-11=2-5, 10/14-18=6-10. */
		{ "reconsideration-reply", D(2024, 9, 27), D(2024, 10, 16), D(2024, 10, 18) },
		/* 1/11 + 20 = 1/31, + 30 = 2/10, R 2/10-17; (a) 2/18 Sun W; (b) 2/19 Mon. */
		{ "judicial-suggestion", D(2024, 1, 11), D(2024, 2, 18), D(2024, 2, 19) },
		/* 12/31 + 2 months: no 2/31, 2025 not leap -> 2/28 Fri, a working day. */
		{ "procuratorial-suggestion", D(2024, 12, 31), D(2025, 2, 28), D(2025, 2, 28) },
	};

	CHECK_CASES(state, cases);
}

/* The issue's example written as in STYLE.md §9: the rule's own version, 10 working days. */
static void
test_reply_due_spans_national_day(void **state)
{
	struct fixture *fx = *state;
	struct deadline_result r;
	struct duban_err err;

	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, "reconsideration-reply",
	    date_ymd(2024, 9, 27), NULL, true, &r, &err), DUBAN_OK);
	assert_true(date_eq(r.due, date_ymd(2024, 10, 16)));
	assert_non_null(r.version);
	assert_int_equal(r.version->period.length, 10);
	assert_int_equal(r.version->period.unit, RULE_WORKDAYS);
	assert_int_equal(r.uncovered_year, 0);
}

/* ---- 2024: every holiday ---- */

static void
test_2024_new_year(void **state)
{
	static const struct dcase cases[] = {
		/* 7 wd: 12/29 Fri=1, 12/30-31 weekend, 1/1 R, 1/2-5=2-5, 1/8=6, 1/9=7. */
		{ "reconsideration-copy", D(2023, 12, 28), D(2024, 1, 9), D(2024, 1, 9) },
		/* 10 wd from 1/1 (itself R): 1/2-5=1-4, 1/8-12=5-9, 1/15=10. */
		{ "reconsideration-reply", D(2024, 1, 1), D(2024, 1, 15), D(2024, 1, 15) },
		/* 12/17 + 14 = 12/31, + 15 = 1/1 R -> 1/2 Tue. */
		{ "litigation-defence", D(2023, 12, 17), D(2024, 1, 2), D(2024, 1, 2) },
		/* 12/2 + 29 = 12/31, + 30 = 1/1 R -> 1/2 Tue. */
		{ "judicial-suggestion", D(2023, 12, 2), D(2024, 1, 2), D(2024, 1, 2) },
	};

	CHECK_CASES(state, cases);
}

static void
test_2024_spring_festival(void **state)
{
	static const struct dcase cases[] = {
		/* 10 wd: 2/2=1, 2/4 Sun W=2, 2/5-9=3-7, 2/10-17 R, 2/18 Sun W=8, 2/19=9, 2/20=10.
		 * (b): 2/2=1, 2/5-9=2-6, 2/19-22=7-10. */
		{ "reconsideration-reply", D(2024, 2, 1), D(2024, 2, 20), D(2024, 2, 22) },
		/* 5 wd: 2/8=1, 2/9=2, 2/10-17 R, 2/18 Sun W=3, 2/19=4, 2/20=5.
		 * (b): 2/8, 2/9, 2/19, 2/20, 2/21. */
		{ "reconsideration-reply-simplified", D(2024, 2, 7), D(2024, 2, 20),
		  D(2024, 2, 21) },
		/* 1/31 + 15 = 2/15 R; (a) 2/16, 2/17 R, 2/18 Sun W; (b) 2/19 Mon. */
		{ "litigation-defence", D(2024, 1, 31), D(2024, 2, 18), D(2024, 2, 19) },
		/* Ends on a make-up Sunday: 1/20 + 11 = 1/31, + 15 = 2/4 Sun W; (a) stays on 2/4,
		 * (b) 2/5 Mon. */
		{ "litigation-defence", D(2024, 1, 20), D(2024, 2, 4), D(2024, 2, 5) },
	};

	CHECK_CASES(state, cases);
}

static void
test_2024_qingming(void **state)
{
	static const struct dcase cases[] = {
		/* 7 wd: 4/3=1, 4/4-6 R, 4/7 Sun W=2, 4/8-12=3-7. (b): 4/3=1, 4/8-12=2-6, 4/15=7. */
		{ "reconsideration-copy", D(2024, 4, 2), D(2024, 4, 12), D(2024, 4, 15) },
		/* 30 days: 3/5 + 26 = 3/31, + 30 = 4/4 R; 4/5, 4/6 R; (a) 4/7 Sun W, (b) 4/8. */
		{ "reconsideration-decision-simplified", D(2024, 3, 5), D(2024, 4, 7),
		  D(2024, 4, 8) },
		/* Ends on a make-up Sunday: 3/23 + 8 = 3/31, + 15 = 4/7 Sun W; (b) 4/8 Mon. */
		{ "litigation-defence", D(2024, 3, 23), D(2024, 4, 7), D(2024, 4, 8) },
	};

	CHECK_CASES(state, cases);
}

static void
test_2024_labour_day(void **state)
{
	static const struct dcase cases[] = {
		/* 10 wd: 4/27 Sat; 4/28 Sun W=1, 4/29=2, 4/30=3, 5/1-5 R, 5/6-10=4-8,
		 * 5/11 Sat W=9, 5/13=10. (b): 4/29, 4/30, 5/6-10, 5/13-15 = 10 on 5/15. */
		{ "reconsideration-reply", D(2024, 4, 26), D(2024, 5, 13), D(2024, 5, 15) },
		/* 3 wd: 5/1-5 R, 5/6=1, 5/7=2, 5/8=3. */
		{ "reconsideration-copy-simplified", D(2024, 4, 30), D(2024, 5, 8), D(2024, 5, 8) },
		/* 60 days: 3/2 + 29 = 3/31, + 59 = 4/30, + 60 = 5/1 R; 5/2-5 R; 5/6 Mon. */
		{ "reconsideration-decision", D(2024, 3, 2), D(2024, 5, 6), D(2024, 5, 6) },
		/* Ends on a make-up Saturday: 4/26 + 4 = 4/30, + 15 = 5/11 Sat W; (b) 5/13 Mon. */
		{ "litigation-defence", D(2024, 4, 26), D(2024, 5, 11), D(2024, 5, 13) },
	};

	CHECK_CASES(state, cases);
}

static void
test_2024_dragon_boat(void **state)
{
	static const struct dcase cases[] = {
		/* 5 wd: 6/7 Fri=1, 6/8-9 weekend, 6/10 R, 6/11-14=2-5. */
		{ "reconsideration-reply-simplified", D(2024, 6, 6), D(2024, 6, 14),
		  D(2024, 6, 14) },
		/* 30 days: 5/11 + 20 = 5/31, + 30 = 6/10 Mon R -> 6/11 Tue. */
		{ "judicial-suggestion", D(2024, 5, 11), D(2024, 6, 11), D(2024, 6, 11) },
		/* 5/26 + 5 = 5/31, + 15 = 6/10 R -> 6/11. */
		{ "litigation-defence", D(2024, 5, 26), D(2024, 6, 11), D(2024, 6, 11) },
	};

	CHECK_CASES(state, cases);
}

static void
test_2024_mid_autumn(void **state)
{
	static const struct dcase cases[] = {
		/* 10 wd: 9/13 Fri=1, 9/14 Sat W=2, 9/15-17 R, 9/18-20=3-5, 9/23-27=6-10.
		 * (b): 9/13=1, 9/18-20=2-4, 9/23-27=5-9, 9/29 Sun W skipped, 9/30 Mon=10. */
		{ "reconsideration-reply", D(2024, 9, 12), D(2024, 9, 27), D(2024, 9, 30) },
		/* 7 wd: 9/14 Sat W=1, 9/15-17 R, 9/18-20=2-4, 9/23-25=5-7.
		 * (b): 9/18-20=1-3, 9/23-26=4-7. */
		{ "reconsideration-copy", D(2024, 9, 13), D(2024, 9, 25), D(2024, 9, 26) },
		/* 8/31 + 15 = 9/15 Sun R; 9/16, 9/17 R; 9/18 Wed. */
		{ "litigation-defence", D(2024, 8, 31), D(2024, 9, 18), D(2024, 9, 18) },
		/* Ends on a make-up Saturday: 8/15 + 16 = 8/31, + 30 = 9/14 Sat W;
		 * (b) 9/15-17 R -> 9/18 Wed. */
		{ "judicial-suggestion", D(2024, 8, 15), D(2024, 9, 14), D(2024, 9, 18) },
	};

	CHECK_CASES(state, cases);
}

static void
test_2024_national_day(void **state)
{
	static const struct dcase cases[] = {
		/* 5 wd ending on a make-up Saturday: 10/1-7 R, 10/8-11=1-4, 10/12 Sat W=5.
		 * (b): 10/8-11=1-4, 10/14 Mon=5. */
		{ "reconsideration-reply-simplified", D(2024, 9, 30), D(2024, 10, 12),
		  D(2024, 10, 14) },
		/* 3 wd: 9/28 Sat; 9/29 Sun W=1, 9/30=2, 10/1-7 R, 10/8=3.
		 * (b): 9/30=1, 10/8=2, 10/9=3. */
		{ "reconsideration-copy-simplified", D(2024, 9, 27), D(2024, 10, 8),
		  D(2024, 10, 9) },
		/* 9/20 + 10 = 9/30, + 15 = 10/5 R; 10/6, 10/7 R; 10/8 Tue. */
		{ "litigation-defence", D(2024, 9, 20), D(2024, 10, 8), D(2024, 10, 8) },
		/* 60 days: 8/2 + 29 = 8/31, + 59 = 9/30, + 60 = 10/1 R -> 10/8 Tue. */
		{ "reconsideration-decision", D(2024, 8, 2), D(2024, 10, 8), D(2024, 10, 8) },
	};

	CHECK_CASES(state, cases);
}

/* ---- 2025: every holiday ---- */

static void
test_2025_new_year(void **state)
{
	static const struct dcase cases[] = {
		/* 12/17 + 14 = 12/31, + 15 = 1/1 R -> 1/2 Thu. */
		{ "litigation-defence", D(2024, 12, 17), D(2025, 1, 2), D(2025, 1, 2) },
		/* 5 wd: 12/30=1, 12/31=2, 1/1 R, 1/2=3, 1/3=4, 1/6=5. */
		{ "reconsideration-reply-simplified", D(2024, 12, 27), D(2025, 1, 6),
		  D(2025, 1, 6) },
	};

	CHECK_CASES(state, cases);
}

static void
test_2025_spring_festival(void **state)
{
	static const struct dcase cases[] = {
		/* 10 wd: 1/24=1, 1/26 Sun W=2, 1/27=3, 1/28-2/4 R, 2/5-7=4-6, 2/8 Sat W=7,
		 * 2/10-12=8-10. (b): 1/24=1, 1/27=2, 2/5-7=3-5, 2/10-14=6-10. */
		{ "reconsideration-reply", D(2025, 1, 23), D(2025, 2, 12), D(2025, 2, 14) },
		/* 12/30 + 1 = 12/31, + 30 = 1/29 R; R to 2/4; 2/5 Wed. */
		{ "judicial-suggestion", D(2024, 12, 30), D(2025, 2, 5), D(2025, 2, 5) },
		/* Ends on a make-up Saturday: 1/9 + 22 = 1/31, + 30 = 2/8 Sat W; (b) 2/10 Mon. */
		{ "reconsideration-decision-simplified", D(2025, 1, 9), D(2025, 2, 8),
		  D(2025, 2, 10) },
	};

	CHECK_CASES(state, cases);
}

static void
test_2025_qingming(void **state)
{
	static const struct dcase cases[] = {
		/* 7 wd: 4/2=1, 4/3=2, 4/4-6 R, 4/7-11=3-7. */
		{ "reconsideration-copy", D(2025, 4, 1), D(2025, 4, 11), D(2025, 4, 11) },
		/* 3/20 + 11 = 3/31, + 15 = 4/4 R; 4/5, 4/6 R; 4/7 Mon. */
		{ "litigation-defence", D(2025, 3, 20), D(2025, 4, 7), D(2025, 4, 7) },
	};

	CHECK_CASES(state, cases);
}

static void
test_2025_labour_day(void **state)
{
	static const struct dcase cases[] = {
		/* 10 wd: 4/26 Sat; 4/27 Sun W=1, 4/28-30=2-4, 5/1-5 R, 5/6-9=5-8, 5/12=9, 5/13=10.
		 * (b): 4/28-30=1-3, 5/6-9=4-7, 5/12-14=8-10. */
		{ "reconsideration-reply", D(2025, 4, 25), D(2025, 5, 13), D(2025, 5, 14) },
		/* Ends on a make-up Sunday: 3/28 + 3 = 3/31, + 30 = 4/27 Sun W; (b) 4/28 Mon. */
		{ "judicial-suggestion", D(2025, 3, 28), D(2025, 4, 27), D(2025, 4, 28) },
		/* 4/16 + 14 = 4/30, + 15 = 5/1 R; R to 5/5; 5/6 Tue. */
		{ "litigation-defence", D(2025, 4, 16), D(2025, 5, 6), D(2025, 5, 6) },
	};

	CHECK_CASES(state, cases);
}

static void
test_2025_dragon_boat(void **state)
{
	static const struct dcase cases[] = {
		/* 5 wd: 5/29=1, 5/30=2, 5/31-6/2 R, 6/3-5=3-5. */
		{ "reconsideration-reply-simplified", D(2025, 5, 28), D(2025, 6, 5),
		  D(2025, 6, 5) },
		/* 60 days: 4/2 + 28 = 4/30, + 59 = 5/31, + 60 = 6/1 R; 6/2 R; 6/3 Tue. */
		{ "reconsideration-decision", D(2025, 4, 2), D(2025, 6, 3), D(2025, 6, 3) },
	};

	CHECK_CASES(state, cases);
}

static void
test_2025_national_day_mid_autumn(void **state)
{
	static const struct dcase cases[] = {
		/* 3 wd: 9/27 Sat; 9/28 Sun W=1, 9/29=2, 9/30=3. (b): 9/29, 9/30, 10/9. */
		{ "reconsideration-copy-simplified", D(2025, 9, 26), D(2025, 9, 30),
		  D(2025, 10, 9) },
		/* Ends on a make-up Saturday: 9/26 + 4 = 9/30, + 15 = 10/11 Sat W;
		 * (b) 10/13 Mon. */
		{ "litigation-defence", D(2025, 9, 26), D(2025, 10, 11), D(2025, 10, 13) },
		/* 7 wd: 9/28 Sun W=1, 9/29=2, 9/30=3, 10/1-8 R, 10/9=4, 10/10=5, 10/11 Sat W=6,
		 * 10/13=7. (b): 9/29, 9/30, 10/9, 10/10, 10/13-15 = 7 on 10/15. */
		{ "reconsideration-copy", D(2025, 9, 26), D(2025, 10, 13), D(2025, 10, 15) },
	};

	CHECK_CASES(state, cases);
}

/* ---- 2026: every holiday ---- */

static void
test_2026_new_year(void **state)
{
	static const struct dcase cases[] = {
		/* 10 wd: 1/1-3 R, 1/4 Sun W=1, 1/5-9=2-6, 1/12-15=7-10.
		 * (b): 1/5-9=1-5, 1/12-16=6-10. */
		{ "reconsideration-reply", D(2025, 12, 31), D(2026, 1, 15), D(2026, 1, 16) },
		/* 12/2 + 29 = 12/31, + 30 = 1/1 R; 1/2, 1/3 R; (a) 1/4 Sun W, (b) 1/5 Mon. */
		{ "judicial-suggestion", D(2025, 12, 2), D(2026, 1, 4), D(2026, 1, 5) },
	};

	CHECK_CASES(state, cases);
}

static void
test_2026_spring_festival(void **state)
{
	static const struct dcase cases[] = {
		/* 5 wd: 2/13=1, 2/14 Sat W=2, 2/15-23 R, 2/24-26=3-5.
		 * (b): 2/13=1, 2/24-27=2-5. */
		{ "reconsideration-reply-simplified", D(2026, 2, 12), D(2026, 2, 26),
		  D(2026, 2, 27) },
		/* 2/1 + 15 = 2/16 R; R to 2/23; 2/24 Tue. */
		{ "litigation-defence", D(2026, 2, 1), D(2026, 2, 24), D(2026, 2, 24) },
		/* 60 days: 12/20 + 11 = 12/31, + 42 = 1/31, + 60 = 2/18 R; R to 2/23; 2/24. */
		{ "reconsideration-decision", D(2025, 12, 20), D(2026, 2, 24), D(2026, 2, 24) },
		/* Ends on a make-up Saturday: 1/29 + 2 = 1/31, + 30 = 2/28 Sat W; (b) 3/2 Mon. */
		{ "judicial-suggestion", D(2026, 1, 29), D(2026, 2, 28), D(2026, 3, 2) },
	};

	CHECK_CASES(state, cases);
}

static void
test_2026_qingming(void **state)
{
	static const struct dcase cases[] = {
		/* 7 wd: 4/2=1, 4/3=2, 4/4-6 R, 4/7-10=3-6, 4/13=7. */
		{ "reconsideration-copy", D(2026, 4, 1), D(2026, 4, 13), D(2026, 4, 13) },
		/* 3/6 + 25 = 3/31, + 30 = 4/5 R; 4/6 R; 4/7 Tue. */
		{ "judicial-suggestion", D(2026, 3, 6), D(2026, 4, 7), D(2026, 4, 7) },
	};

	CHECK_CASES(state, cases);
}

static void
test_2026_labour_day(void **state)
{
	static const struct dcase cases[] = {
		/* 10 wd: 4/30=1, 5/1-5 R, 5/6-8=2-4, 5/9 Sat W=5, 5/11-15=6-10.
		 * (b): 4/30=1, 5/6-8=2-4, 5/11-15=5-9, 5/18=10. */
		{ "reconsideration-reply", D(2026, 4, 29), D(2026, 5, 15), D(2026, 5, 18) },
		/* Ends on a make-up Saturday: 4/24 + 6 = 4/30, + 15 = 5/9 Sat W; (b) 5/11 Mon. */
		{ "litigation-defence", D(2026, 4, 24), D(2026, 5, 9), D(2026, 5, 11) },
		/* 4/2 + 28 = 4/30, + 30 = 5/2 R; R to 5/5; 5/6 Wed. */
		{ "reconsideration-decision-simplified", D(2026, 4, 2), D(2026, 5, 6),
		  D(2026, 5, 6) },
	};

	CHECK_CASES(state, cases);
}

static void
test_2026_dragon_boat(void **state)
{
	static const struct dcase cases[] = {
		/* 5 wd: 6/18=1, 6/19-21 R, 6/22-25=2-5. */
		{ "reconsideration-reply-simplified", D(2026, 6, 17), D(2026, 6, 25),
		  D(2026, 6, 25) },
		/* 6/4 + 15 = 6/19 R; 6/20, 6/21 R; 6/22 Mon. */
		{ "litigation-defence", D(2026, 6, 4), D(2026, 6, 22), D(2026, 6, 22) },
	};

	CHECK_CASES(state, cases);
}

static void
test_2026_mid_autumn(void **state)
{
	static const struct dcase cases[] = {
		/* 3 wd: 9/24=1, 9/25-27 R, 9/28=2, 9/29=3. */
		{ "reconsideration-copy-simplified", D(2026, 9, 23), D(2026, 9, 29),
		  D(2026, 9, 29) },
		/* 8/26 + 5 = 8/31, + 30 = 9/25 R; 9/26, 9/27 R; 9/28 Mon. */
		{ "judicial-suggestion", D(2026, 8, 26), D(2026, 9, 28), D(2026, 9, 28) },
	};

	CHECK_CASES(state, cases);
}

static void
test_2026_national_day(void **state)
{
	static const struct dcase cases[] = {
		/* 10 wd: 9/18=1, 9/20 Sun W=2, 9/21-24=3-6, 9/25-27 R, 9/28-30=7-9, 10/1-7 R,
		 * 10/8=10. (b): 9/18=1, 9/21-24=2-5, 9/28-30=6-8, 10/8=9, 10/9=10. */
		{ "reconsideration-reply", D(2026, 9, 17), D(2026, 10, 8), D(2026, 10, 9) },
		/* 9/18 + 12 = 9/30, + 15 = 10/3 R; R to 10/7; 10/8 Thu. */
		{ "litigation-defence", D(2026, 9, 18), D(2026, 10, 8), D(2026, 10, 8) },
		/* Ends on a make-up Saturday: 9/10 + 20 = 9/30, + 30 = 10/10 Sat W;
		 * (b) 10/12 Mon. */
		{ "reconsideration-decision-simplified", D(2026, 9, 10), D(2026, 10, 10),
		  D(2026, 10, 12) },
		/* Ends on a make-up Sunday: 9/5 + 15 = 9/20 Sun W; (b) 9/21 Mon. */
		{ "litigation-defence", D(2026, 9, 5), D(2026, 9, 20), D(2026, 9, 21) },
	};

	CHECK_CASES(state, cases);
}

/* ---- months: 民法典 第202条 ---- */

static void
test_procuratorial_month_ends(void **state)
{
	static const struct dcase cases[] = {
		/* 12/31 + 2 months: no 2/31, 2024 leap -> 2/29 Thu, a working day. */
		{ "procuratorial-suggestion", D(2023, 12, 31), D(2024, 2, 29), D(2024, 2, 29) },
		/* 12/30 + 2 months: no 2/30 -> 2/29 Thu. */
		{ "procuratorial-suggestion", D(2023, 12, 30), D(2024, 2, 29), D(2024, 2, 29) },
		/* 1/31 + 2 months = 3/31, a Sunday -> 4/1 Mon. */
		{ "procuratorial-suggestion", D(2024, 1, 31), D(2024, 4, 1), D(2024, 4, 1) },
		/* 2/29 + 2 months = 4/29 Mon, a working day (4/28 was the W, 5/1 the break). */
		{ "procuratorial-suggestion", D(2024, 2, 29), D(2024, 4, 29), D(2024, 4, 29) },
		/* 12/31 + 2 months: 2023 not leap -> 2/28 Tue. */
		{ "procuratorial-suggestion", D(2022, 12, 31), D(2023, 2, 28), D(2023, 2, 28) },
		/* 7/31 + 2 months: no 9/31 -> 9/30 Tue (an ordinary day before the break). */
		{ "procuratorial-suggestion", D(2025, 7, 31), D(2025, 9, 30), D(2025, 9, 30) },
		/* 8/1 + 2 months = 10/1 R; R to 10/8; 10/9 Thu. */
		{ "procuratorial-suggestion", D(2025, 8, 1), D(2025, 10, 9), D(2025, 10, 9) },
		/* 8/31 + 2 months = 10/31 Fri. */
		{ "procuratorial-suggestion", D(2025, 8, 31), D(2025, 10, 31), D(2025, 10, 31) },
		/* 12/10 + 2 months = 2/10 Sat, 2024 春节 R 2/10-17; (a) 2/18 Sun W, (b) 2/19. */
		{ "procuratorial-suggestion", D(2023, 12, 10), D(2024, 2, 18), D(2024, 2, 19) },
	};

	CHECK_CASES(state, cases);
}

/* ---- rule versions: 行政复议法 (2023) took effect 2024-01-01 ---- */

static void
expect_version(const struct fixture *fx, const char *rule, struct date trigger,
    struct date due, int length, enum rule_unit unit)
{
	struct deadline_result r;
	struct duban_err err;
	char a[DATE_ISO_LEN];
	char b[DATE_ISO_LEN];

	duban_err_clear(&err);
	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, rule, trigger, NULL, true,
	    &r, &err), DUBAN_OK);
	assert_non_null(r.version);
	if (!date_eq(r.due, due) || r.version->period.length != length ||
	    r.version->period.unit != unit) {
		print_error("%s %s: due %s (want %s), %d %s (want %d %s)\n", rule,
		    date_format(trigger, a), date_format(r.due, b), date_format(due, a),
		    r.version->period.length, rule_unit_name(r.version->period.unit), length,
		    rule_unit_name(unit));
		fail();
	}
}

static void
test_reply_rule_change_2024(void **state)
{
	struct fixture *fx = *state;

	/* Old law, 10 calendar days: 12/29 + 2 = 12/31, + 10 = 1/8 Mon. (10 wd would be 1/15.) */
	expect_version(fx, "reconsideration-reply", date_ymd(2023, 12, 29), date_ymd(2024, 1, 8),
	    10, RULE_DAYS);
	/* Old law with roll: 12/22 + 10 = 1/1 R -> 1/2 Tue. */
	expect_version(fx, "reconsideration-reply", date_ymd(2023, 12, 22), date_ymd(2024, 1, 2),
	    10, RULE_DAYS);
	/* Last day of the old law: 12/31 + 10 = 1/10 Wed. */
	expect_version(fx, "reconsideration-reply", date_ymd(2023, 12, 31),
	    date_ymd(2024, 1, 10), 10, RULE_DAYS);
	/* New law from 2024-01-01: 1/2-5=1-4, 1/8-12=5-9, 1/15=10. */
	expect_version(fx, "reconsideration-reply", date_ymd(2024, 1, 1), date_ymd(2024, 1, 15),
	    10, RULE_WORKDAYS);
	/* 1/3-5=1-3, 1/8-12=4-8, 1/15=9, 1/16=10. (10 calendar days would be 1/12.) */
	expect_version(fx, "reconsideration-reply", date_ymd(2024, 1, 2), date_ymd(2024, 1, 16),
	    10, RULE_WORKDAYS);
}

static void
expect_no_version(const struct fixture *fx, const char *rule, struct date trigger)
{
	struct deadline_result r;
	struct duban_err err;

	duban_err_clear(&err);
	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, rule, trigger, NULL, true,
	    &r, &err), DUBAN_EINPUT);
	assert_int_equal(err.rc, DUBAN_EINPUT);
	assert_true(err.msg[0] != '\0');
}

/* The simplified procedure exists only under the 2023 law (第54条, 第62条第2款). */
static void
test_simplified_before_2024_refused(void **state)
{
	struct fixture *fx = *state;

	expect_no_version(fx, "reconsideration-reply-simplified", date_ymd(2023, 12, 31));
	expect_no_version(fx, "reconsideration-reply-simplified", date_ymd(2020, 6, 1));
	expect_no_version(fx, "reconsideration-copy-simplified", date_ymd(2023, 12, 31));
	expect_no_version(fx, "reconsideration-decision-simplified", date_ymd(2023, 12, 31));
}

static void
test_unknown_rule_refused(void **state)
{
	struct fixture *fx = *state;

	expect_no_version(fx, "no-such-rule", date_ymd(2025, 3, 5));
	expect_no_version(fx, "", date_ymd(2025, 3, 5));
	expect_no_version(fx, "Reconsideration-Reply", date_ymd(2025, 3, 5));
}

/* ---- overrides: the period written in the document ---- */

static void
test_override_period(void **state)
{
	struct fixture *fx = *state;
	struct deadline_result r;
	struct duban_err err;
	struct rule_period fifteen = { 15, RULE_DAYS, true };
	struct rule_period one_month = { 1, RULE_MONTHS, true };
	struct rule_period no_roll = { 10, RULE_DAYS, false };
	struct rule_period five_wd = { 5, RULE_WORKDAYS, true };

	/* 15 days instead of 30: 9/20 + 10 = 9/30, + 15 = 10/5 R -> 10/8 Tue. */
	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, "judicial-suggestion",
	    date_ymd(2024, 9, 20), &fifteen, true, &r, &err), DUBAN_OK);
	assert_true(date_eq(r.due, date_ymd(2024, 10, 8)));
	assert_true(date_eq(r.alt_due, date_ymd(2024, 10, 8)));
	assert_null(r.version);
	/* 15 days urgent 检察建议 (两高解释 第21条): 3/20 + 15 = 4/4 R -> 4/7 Mon. */
	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, "procuratorial-suggestion",
	    date_ymd(2025, 3, 20), &fifteen, true, &r, &err), DUBAN_OK);
	assert_true(date_eq(r.due, date_ymd(2025, 4, 7)));
	assert_null(r.version);
	/* One month: 1/31 + 1 month, no 2/31 -> 2/28 Fri. */
	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, "judicial-suggestion",
	    date_ymd(2025, 1, 31), &one_month, true, &r, &err), DUBAN_OK);
	assert_true(date_eq(r.due, date_ymd(2025, 2, 28)));
	/* No roll: 9/21 + 10 = 10/1 stays on the holiday. */
	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, "judicial-suggestion",
	    date_ymd(2023, 9, 21), &no_roll, true, &r, &err), DUBAN_OK);
	assert_true(date_eq(r.due, date_ymd(2023, 10, 1)));
	assert_true(date_eq(r.alt_due, date_ymd(2023, 10, 1)));
	/* An override applies even before every version of the rule (5 wd, simplified, 2023):
	 * 12/22 Fri -> 12/25-29 = 1-5. */
	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal,
	    "reconsideration-reply-simplified", date_ymd(2023, 12, 22), &five_wd, true, &r, &err),
	    DUBAN_OK);
	assert_true(date_eq(r.due, date_ymd(2023, 12, 29)));
	assert_null(r.version);
	/* An unknown rule stays unknown with an override. */
	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, "no-such-rule",
	    date_ymd(2024, 9, 20), &fifteen, true, &r, &err), DUBAN_EINPUT);
}

/* ---- long periods and the last representable day ---- */

/* A stated period of many working days counts every one of them: the loop used to give up
 * after length + 4 x 366 calendar days, so 5,000 working days ended more than a year early
 * (2043-03-12 instead of 2044-09-21 in the report; checked here against a plain count). A due date after
 * 2999-12-31 is refused, not wrapped ("0358-06-02") or shown as "-". */
static void
test_long_periods_and_last_day(void **state)
{
	struct fixture *fx = *state;
	struct deadline_result r;
	struct duban_err err;
	struct rule_period wd5000 = { 5000, RULE_WORKDAYS, true };
	struct rule_period wd3650 = { RULE_MAX_LENGTH, RULE_WORKDAYS, true };
	struct rule_period many_months = { 100000, RULE_MONTHS, true };
	struct rule_period d3650 = { RULE_MAX_LENGTH, RULE_DAYS, true };
	struct rule_period ten = { 10, RULE_DAYS, true };
	struct date due;
	struct date d = date_ymd(2025, 1, 1);
	int yr = 0;
	int n = 0;

	deadline_apply(fx->cal, wd5000, date_ymd(2025, 1, 1), true, &due, &yr);
	while (n < 5000) {
		d = date_add_days(d, 1);
		if (calendar_is_working_day(fx->cal, d, true))
			n++;
	}
	assert_true(date_eq(due, d));
	/* 2025 and 2026 have their schedules, weekends alone count after: 2044-04-06. */
	assert_true(date_eq(due, date_ymd(2044, 4, 6)));
	assert_int_not_equal(yr, 0);	/* it runs through years without a schedule */
	deadline_apply(fx->cal, wd3650, date_ymd(2025, 1, 1), true, &due, &yr);
	assert_false(date_is_none(due));
	/* 100,000 months, 3,650 days from 2995, 10 days from 2999-12-25: past the last day. */
	duban_err_clear(&err);
	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, "judicial-suggestion",
	    date_ymd(2025, 1, 1), &many_months, true, &r, &err), DUBAN_EINPUT);
	assert_true(r.beyond);
	assert_true(date_is_none(r.due));
	assert_non_null(strstr(err.msg, "2999-12-31"));
	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, "judicial-suggestion",
	    date_ymd(2995, 1, 1), &d3650, true, &r, &err), DUBAN_EINPUT);
	assert_true(r.beyond);
	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, "judicial-suggestion",
	    date_ymd(2999, 12, 25), &ten, true, &r, &err), DUBAN_EINPUT);
	assert_true(r.beyond);
	/* The last day itself is fine (weekends only: 2999-12-31 is a Tuesday). */
	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, "judicial-suggestion",
	    date_ymd(2999, 12, 21), &ten, true, &r, &err), DUBAN_OK);
	assert_false(r.beyond);
	assert_true(date_eq(r.due, date_ymd(2999, 12, 31)));
}

/* ---- the reconsideration decision's extension (行政复议法(2023) 第六十二条第一款) ---- */

/* Accepted 2025-08-02: 60 days end on 10-01, in the National Day break (10-01..08 R), so the
 * unextended due date rolls to 10-09 Thu. The extension of at most 30 days runs on from that
 * date: 10-09 + 30 = 11-08 Sat -> 11-10 Mon. The other reading, one period of 90 days from
 * acceptance, ends 10-31 Fri (it was what duban computed before, and --explain shows it).
 * Make-up working days do not touch any of these (9-28 and 10-11 are not last days): both
 * readings of them agree. */
static void
test_decision_extension_from_original_due(void **state)
{
	struct fixture *fx = *state;
	struct deadline_result r;
	struct duban_err err;
	bool reading;

	for (reading = false; ; reading = true) {
		duban_err_clear(&err);
		assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, "reconsideration-decision",
		    date_ymd(2025, 8, 2), NULL, reading, &r, &err), DUBAN_OK);
		assert_true(date_eq(r.due, date_ymd(2025, 10, 9)));
		assert_true(date_is_none(r.unextended));
		assert_int_equal(deadline_compute_extended(fx->cfg->rules, fx->cal,
		    "reconsideration-decision", date_ymd(2025, 8, 2), 30, reading, &r, &err),
		    DUBAN_OK);
		assert_true(date_eq(r.unextended, date_ymd(2025, 10, 9)));
		assert_true(date_eq(r.due, date_ymd(2025, 11, 10)));
		assert_true(date_eq(r.alt_due, date_ymd(2025, 11, 10)));
		assert_true(date_eq(r.extension_alt, date_ymd(2025, 10, 31)));
		assert_non_null(r.version);
		if (reading)
			break;
	}
	/* An ordinary last day: accepted 2025-03-03, 60 days = 05-02 R (Labour Day 05-01..05)
	 * -> 05-06 Tue; + 30 = 06-05 Thu. One 90-day period: 06-01 Sun -> 06-03 Tue (端午
	 * 05-31..06-02 R). */
	assert_int_equal(deadline_compute_extended(fx->cfg->rules, fx->cal,
	    "reconsideration-decision", date_ymd(2025, 3, 3), 30, true, &r, &err), DUBAN_OK);
	assert_true(date_eq(r.unextended, date_ymd(2025, 5, 6)));
	assert_true(date_eq(r.due, date_ymd(2025, 6, 5)));
	assert_true(date_eq(r.extension_alt, date_ymd(2025, 6, 3)));
}

/* ---- years the calendar does not cover ---- */

static void
test_uncovered_year(void **state)
{
	struct fixture *fx = *state;
	struct deadline_result r;
	struct duban_err err;
	struct date due;
	int uncovered = -1;

	/* 10 wd: 12/25 Fri=1, 12/28-31=2-5, 2027-01-01 Fri (no data: a weekday)=6, 1/4-7=7-10. */
	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, "reconsideration-reply",
	    date_ymd(2026, 12, 24), NULL, true, &r, &err), DUBAN_OK);
	assert_true(date_eq(r.due, date_ymd(2027, 1, 7)));
	assert_int_equal(r.uncovered_year, 2027);
	/* 12/20 + 11 = 12/31, + 15 = 2027-01-04 Mon. */
	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, "litigation-defence",
	    date_ymd(2026, 12, 20), NULL, true, &r, &err), DUBAN_OK);
	assert_true(date_eq(r.due, date_ymd(2027, 1, 4)));
	assert_int_equal(r.uncovered_year, 2027);
	/* 2 months: 2026-11-30 -> 2027-01-30 Sat, weekend -> 2027-02-01 Mon. */
	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, "procuratorial-suggestion",
	    date_ymd(2026, 11, 30), NULL, true, &r, &err), DUBAN_OK);
	assert_true(date_eq(r.due, date_ymd(2027, 2, 1)));
	assert_int_equal(r.uncovered_year, 2027);
	/* Inside 2026: 12/2-4=1-3, 12/7-11=4-8, 12/14=9, 12/15=10; covered. */
	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, "reconsideration-reply",
	    date_ymd(2026, 12, 1), NULL, true, &r, &err), DUBAN_OK);
	assert_true(date_eq(r.due, date_ymd(2026, 12, 15)));
	assert_int_equal(r.uncovered_year, 0);
	/* 12/16 + 15 = 12/31 Thu, still 2026. */
	assert_int_equal(deadline_compute(fx->cfg->rules, fx->cal, "litigation-defence",
	    date_ymd(2026, 12, 16), NULL, true, &r, &err), DUBAN_OK);
	assert_true(date_eq(r.due, date_ymd(2026, 12, 31)));
	assert_int_equal(r.uncovered_year, 0);
	/* deadline_apply reports it too, and accepts a NULL uncovered_year. */
	deadline_apply(fx->cal, (struct rule_period){ 15, RULE_DAYS, true },
	    date_ymd(2026, 12, 20), true, &due, &uncovered);
	assert_true(date_eq(due, date_ymd(2027, 1, 4)));
	assert_int_equal(uncovered, 2027);
	deadline_apply(fx->cal, (struct rule_period){ 15, RULE_DAYS, true },
	    date_ymd(2025, 9, 16), true, &due, &uncovered);
	assert_true(date_eq(due, date_ymd(2025, 10, 9)));
	assert_int_equal(uncovered, 0);
	deadline_apply(fx->cal, (struct rule_period){ 10, RULE_WORKDAYS, true },
	    date_ymd(2024, 9, 27), true, &due, NULL);
	assert_true(date_eq(due, date_ymd(2024, 10, 16)));
}

/* ---- status on a given day ---- */

static void
expect_status(const struct fixture *fx, struct date due, struct date done, struct date today,
    int soon, bool makeup, enum deadline_status status, int left, int late)
{
	struct deadline_state st = deadline_status_of(fx->cal, due, done, today, soon, makeup);
	char a[DATE_ISO_LEN];
	char b[DATE_ISO_LEN];

	if (st.status != status || st.workdays_left != left || st.days_late != late) {
		print_error("due %s, today %s: %s left %d late %d; want %s left %d late %d\n",
		    date_format(due, a), date_format(today, b), deadline_status_name(st.status),
		    st.workdays_left, st.days_late, deadline_status_name(status), left, late);
		fail();
	}
}

/* Due 2024-10-08 (Tue), right after the National Day break 10/1-7; 9/29 Sun W. */
static void
test_status_around_national_day(void **state)
{
	struct fixture *fx = *state;
	struct date due = date_ymd(2024, 10, 8);
	struct date none = date_none();

	/* From 9/26: 9/27 Fri, 9/29 Sun W, 9/30 Mon, 10/8 = 4 > 3: pending. */
	expect_status(fx, due, none, date_ymd(2024, 9, 26), 3, true, DEADLINE_PENDING, 4, 0);
	/* Reading (b): 9/27, 9/30, 10/8 = 3: due soon. */
	expect_status(fx, due, none, date_ymd(2024, 9, 26), 3, false, DEADLINE_DUE_SOON, 3, 0);
	/* From 9/27: 9/29 W, 9/30, 10/8 = 3: due soon. */
	expect_status(fx, due, none, date_ymd(2024, 9, 27), 3, true, DEADLINE_DUE_SOON, 3, 0);
	/* From 9/29 (the W itself, not counted): 9/30, 10/8 = 2. */
	expect_status(fx, due, none, date_ymd(2024, 9, 29), 3, true, DEADLINE_DUE_SOON, 2, 0);
	/* From 9/30: 10/1-7 R, 10/8 = 1. */
	expect_status(fx, due, none, date_ymd(2024, 9, 30), 3, true, DEADLINE_DUE_SOON, 1, 0);
	/* A window of 0 working days: one left is still pending. */
	expect_status(fx, due, none, date_ymd(2024, 9, 30), 0, true, DEADLINE_PENDING, 1, 0);
	/* From 10/7 (a holiday): 10/8 = 1. */
	expect_status(fx, due, none, date_ymd(2024, 10, 7), 3, true, DEADLINE_DUE_SOON, 1, 0);
	/* On the day. */
	expect_status(fx, due, none, due, 3, true, DEADLINE_DUE_TODAY, 0, 0);
	/* The day after: overdue by one; a week later by 7. */
	expect_status(fx, due, none, date_ymd(2024, 10, 9), 3, true, DEADLINE_OVERDUE, 0, 1);
	expect_status(fx, due, none, date_ymd(2024, 10, 15), 3, true, DEADLINE_OVERDUE, 0, 7);
	/* 10/8 + 24 = 11/1: overdue 24 days. */
	expect_status(fx, due, none, date_ymd(2024, 11, 1), 3, true, DEADLINE_OVERDUE, 0, 24);
}

/* Due 2025-03-10 (Mon) across an ordinary weekend. */
static void
test_status_across_weekend(void **state)
{
	struct fixture *fx = *state;
	struct date due = date_ymd(2025, 3, 10);
	struct date none = date_none();

	/* From 3/4 Tue: 3/5, 3/6, 3/7, 3/10 = 4. */
	expect_status(fx, due, none, date_ymd(2025, 3, 4), 3, true, DEADLINE_PENDING, 4, 0);
	/* From 3/5 Wed: 3/6, 3/7, 3/10 = 3. */
	expect_status(fx, due, none, date_ymd(2025, 3, 5), 3, true, DEADLINE_DUE_SOON, 3, 0);
	/* From 3/7 Fri: 3/8, 3/9 weekend, 3/10 = 1. */
	expect_status(fx, due, none, date_ymd(2025, 3, 7), 3, true, DEADLINE_DUE_SOON, 1, 0);
	/* From 3/8 Sat: 3/10 = 1. */
	expect_status(fx, due, none, date_ymd(2025, 3, 8), 3, true, DEADLINE_DUE_SOON, 1, 0);
	/* A wider window of 5: from 3/3 Mon, 3/4-7, 3/10 = 5. */
	expect_status(fx, due, none, date_ymd(2025, 3, 3), 5, true, DEADLINE_DUE_SOON, 5, 0);
	expect_status(fx, due, none, date_ymd(2025, 2, 28), 5, true, DEADLINE_PENDING, 6, 0);
}

/* Example A: from 2025-09-26 to its due date 10/16 are exactly its 10 working days. */
static void
test_status_workdays_left_exact(void **state)
{
	struct fixture *fx = *state;
	struct date due = date_ymd(2025, 10, 16);
	struct date none = date_none();

	expect_status(fx, due, none, date_ymd(2025, 9, 26), 3, true, DEADLINE_PENDING, 10, 0);
	/* (b): 9/29, 9/30, 10/9, 10/10, 10/13-16 = 8. */
	expect_status(fx, due, none, date_ymd(2025, 9, 26), 3, false, DEADLINE_PENDING, 8, 0);
	/* From 10/10: 10/11 Sat W, 10/13, 10/14, 10/15, 10/16 = 5 (a); 4 (b). */
	expect_status(fx, due, none, date_ymd(2025, 10, 10), 3, true, DEADLINE_PENDING, 5, 0);
	expect_status(fx, due, none, date_ymd(2025, 10, 10), 4, false, DEADLINE_DUE_SOON, 4, 0);
	assert_int_equal(deadline_workdays_between(fx->cal, date_ymd(2024, 9, 27),
	    date_ymd(2024, 10, 16), true), 10);
	/* (b): 9/30, 10/8-11, 10/14-16 = 8. */
	assert_int_equal(deadline_workdays_between(fx->cal, date_ymd(2024, 9, 27),
	    date_ymd(2024, 10, 16), false), 8);
	assert_int_equal(deadline_workdays_between(fx->cal, date_ymd(2024, 10, 16),
	    date_ymd(2024, 9, 27), true), 0);
	assert_int_equal(deadline_workdays_between(fx->cal, date_ymd(2024, 10, 16),
	    date_ymd(2024, 10, 16), true), 0);
	/* (10/1, 10/7] is all holiday. */
	assert_int_equal(deadline_workdays_between(fx->cal, date_ymd(2024, 10, 1),
	    date_ymd(2024, 10, 7), true), 0);
}

static void
test_status_done(void **state)
{
	struct fixture *fx = *state;
	struct date due = date_ymd(2024, 10, 8);

	/* Done on the due day, or before it: on time, whatever today is. */
	expect_status(fx, due, due, date_ymd(2024, 10, 20), 3, true, DEADLINE_DONE_ON_TIME, 0, 0);
	expect_status(fx, due, date_ymd(2024, 9, 30), date_ymd(2024, 10, 1), 3, true,
	    DEADLINE_DONE_ON_TIME, 0, 0);
	expect_status(fx, due, date_ymd(2024, 9, 30), date_ymd(2024, 9, 30), 3, true,
	    DEADLINE_DONE_ON_TIME, 0, 0);
	/* Done 10/11, three days after 10/8: late by 3, counted from the done date. */
	expect_status(fx, due, date_ymd(2024, 10, 11), date_ymd(2024, 12, 31), 3, true,
	    DEADLINE_DONE_LATE, 0, 3);
	/* Done the day after. */
	expect_status(fx, due, date_ymd(2024, 10, 9), date_ymd(2024, 10, 9), 3, true,
	    DEADLINE_DONE_LATE, 0, 1);
	/* Done 2025-01-08: 10/8 -> 11/8 = 31, -> 12/8 = 61, -> 1/8 = 92. */
	expect_status(fx, due, date_ymd(2025, 1, 8), date_ymd(2025, 1, 8), 3, true,
	    DEADLINE_DONE_LATE, 0, 92);
}

static void
test_status_names(void **state)
{
	static const struct {
		enum deadline_status s;
		const char *name;
	} names[] = {
		{ DEADLINE_PENDING, "pending" },
		{ DEADLINE_DUE_SOON, "due-soon" },
		{ DEADLINE_DUE_TODAY, "due-today" },
		{ DEADLINE_OVERDUE, "overdue" },
		{ DEADLINE_DONE_ON_TIME, "done-on-time" },
		{ DEADLINE_DONE_LATE, "done-late" },
	};
	enum deadline_status s;
	size_t i;

	(void)state;
	assert_int_equal(sizeof(names) / sizeof(names[0]), DEADLINE_N_STATUS);
	for (i = 0; i < DEADLINE_N_STATUS; i++) {
		assert_string_equal(deadline_status_name(names[i].s), names[i].name);
		s = DEADLINE_N_STATUS;
		assert_true(deadline_status_parse(names[i].name, &s));
		assert_int_equal(s, names[i].s);
		assert_true(deadline_status_label(names[i].s)[0] != '\0');
	}
	assert_false(deadline_status_parse("late", &s));
	assert_false(deadline_status_parse("", &s));
	assert_false(deadline_status_parse("Pending", &s));
	assert_false(deadline_status_parse("due soon", &s));
	assert_false(deadline_status_parse("overdue ", &s));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_legal_basis_worked_examples),
		cmocka_unit_test(test_long_periods_and_last_day),
		cmocka_unit_test(test_decision_extension_from_original_due),
		cmocka_unit_test(test_issue_examples),
		cmocka_unit_test(test_reply_due_spans_national_day),
		cmocka_unit_test(test_2024_new_year),
		cmocka_unit_test(test_2024_spring_festival),
		cmocka_unit_test(test_2024_qingming),
		cmocka_unit_test(test_2024_labour_day),
		cmocka_unit_test(test_2024_dragon_boat),
		cmocka_unit_test(test_2024_mid_autumn),
		cmocka_unit_test(test_2024_national_day),
		cmocka_unit_test(test_2025_new_year),
		cmocka_unit_test(test_2025_spring_festival),
		cmocka_unit_test(test_2025_qingming),
		cmocka_unit_test(test_2025_labour_day),
		cmocka_unit_test(test_2025_dragon_boat),
		cmocka_unit_test(test_2025_national_day_mid_autumn),
		cmocka_unit_test(test_2026_new_year),
		cmocka_unit_test(test_2026_spring_festival),
		cmocka_unit_test(test_2026_qingming),
		cmocka_unit_test(test_2026_labour_day),
		cmocka_unit_test(test_2026_dragon_boat),
		cmocka_unit_test(test_2026_mid_autumn),
		cmocka_unit_test(test_2026_national_day),
		cmocka_unit_test(test_procuratorial_month_ends),
		cmocka_unit_test(test_reply_rule_change_2024),
		cmocka_unit_test(test_simplified_before_2024_refused),
		cmocka_unit_test(test_unknown_rule_refused),
		cmocka_unit_test(test_override_period),
		cmocka_unit_test(test_uncovered_year),
		cmocka_unit_test(test_status_around_national_day),
		cmocka_unit_test(test_status_across_weekend),
		cmocka_unit_test(test_status_workdays_left_exact),
		cmocka_unit_test(test_status_done),
		cmocka_unit_test(test_status_names),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
