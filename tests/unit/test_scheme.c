/* tests/unit/test_scheme.c: the assessment scheme file (config_load_scheme): the shipped
 * data/assessment.ini loads as documented, and a wrong scheme is refused with the file, the
 * line, the [section] and the key in err.where ("path:line: [section] key") and the reason in
 * err.msg. A key that is missing has no line of its own: the section's header line is named.
 * Each scheme below is written to a file of its own in a scratch directory; the line numbers
 * in the expectations count from 1 in the text as written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include <cmocka.h>

#include "duban/assess.h"
#include "duban/config.h"
#include "duban/decimal.h"
#include "duban/err.h"
#include "test_tmp.h"

#define TMP_LEN 256
#define PATH_LEN 1024

struct fixture {
	char data[PATH_LEN];	/* the shipped data directory */
	char tmp[TMP_LEN];	/* scratch directory */
	int nfiles;
};

static int
group_setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	const char *data = getenv("DUBAN_DATA");

	if (fx == NULL)
		return -1;
	snprintf(fx->data, sizeof(fx->data), "%s", data != NULL && data[0] != '\0' ? data :
	    "data");
	if (test_mkdtemp(fx->tmp, sizeof(fx->tmp), "scheme") == NULL) {
		free(fx);
		return -1;
	}
	*state = fx;
	return 0;
}

static int
group_teardown(void **state)
{
	struct fixture *fx = *state;
	DIR *d = opendir(fx->tmp);
	struct dirent *de;

	if (d != NULL) {
		while ((de = readdir(d)) != NULL) {
			char path[PATH_LEN + 256];

			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", fx->tmp, de->d_name);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(fx->tmp);
	free(fx);
	return 0;
}

static void
write_scheme(struct fixture *fx, const char *text, char out[PATH_LEN])
{
	FILE *f;

	snprintf(out, PATH_LEN, "%s/scheme-%d.ini", fx->tmp, ++fx->nfiles);
	f = fopen(out, "w");
	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

/* The scheme must be refused: DUBAN_EINPUT, err.where exactly "path:<where>" (where NULL: just
 * the path), err.msg containing needle. */
static void
expect_refused(struct fixture *fx, const char *text, const char *where, const char *needle)
{
	struct assess_scheme *s = NULL;
	struct duban_err err;
	char path[PATH_LEN];
	char want[PATH_LEN + 200];
	int rc;

	write_scheme(fx, text, path);
	duban_err_clear(&err);
	rc = config_load_scheme(path, &s, &err);
	if (rc != DUBAN_EINPUT) {
		print_error("rc %d (%s %s), expected DUBAN_EINPUT for:\n%s", rc, err.where, err.msg,
		    text);
		assess_scheme_free(s);
		fail();
	}
	assert_null(s);
	if (where != NULL)
		snprintf(want, sizeof(want), "%s:%s", path, where);
	else
		snprintf(want, sizeof(want), "%s", path);
	if (strcmp(err.where, want) != 0) {
		print_error("where \"%s\", expected \"%s\" (message: %s)\n", err.where, want,
		    err.msg);
		fail();
	}
	if (needle != NULL && strstr(err.msg, needle) == NULL) {
		print_error("message \"%s\" lacks \"%s\"\n", err.msg, needle);
		fail();
	}
}

/* A good scheme of 23 lines; every bad one below is this with one thing wrong. */
#define GOOD_HEAD \
	"[scheme]\n"			/*  1 */ \
	"title = 测试方案\n"		/*  2 */ \
	"[indicator head]\n"		/*  3 */ \
	"rule = rate\n"			/*  4 */ \
	"metric = head_rate\n"		/*  5 */ \
	"points = 60\n"			/*  6 */ \
	"target = 90\n"			/*  7 */
#define GOOD_REVIEW \
	"[indicator review]\n"		/*  8 */ \
	"rule = grade\n"		/*  9 */ \
	"item = 案卷评查\n"		/* 10 */ \
	"points = 40\n"			/* 11 */ \
	"优秀 = 40\n"			/* 12 */ \
	"良好 = 30\n"			/* 13 */ \
	"合格 = 20\n"			/* 14 */ \
	"不合格 = 0\n"			/* 15 */
#define GOOD_TIERS \
	"[tier 优秀]\n"			/* 16 */ \
	"min = 90\n"			/* 17 */ \
	"[tier 合格]\n"			/* 18 */ \
	"min = 0\n"			/* 19 */
#define GOOD_CAP \
	"[cap nobody]\n"		/* 20 */ \
	"metric = nobody_appeared\n"	/* 21 */ \
	"above = 0\n"			/* 22 */ \
	"max_tier = 合格\n"		/* 23 */

static void
test_good_scheme_loads(void **state)
{
	struct fixture *fx = *state;
	struct assess_scheme *s = NULL;
	struct duban_err err;
	char path[PATH_LEN];

	write_scheme(fx, GOOD_HEAD GOOD_REVIEW GOOD_TIERS GOOD_CAP, path);
	duban_err_clear(&err);
	if (config_load_scheme(path, &s, &err) != DUBAN_OK) {
		print_error("%s %s\n", err.where, err.msg);
		fail();
	}
	assert_string_equal(s->title, "测试方案");
	assert_int_equal(s->n_ind, 2);
	assert_string_equal(s->ind[0].name, "head");
	assert_int_equal(s->ind[0].rule, RULE_RATE);
	assert_int_equal(s->ind[0].metric, METRIC_HEAD_RATE);
	assert_null(s->ind[0].item);
	/* No title: the section name is shown. No `none`: zero. */
	assert_string_equal(s->ind[0].title, "head");
	assert_false(s->ind[0].none_full);
	assert_int_equal(s->ind[1].rule, RULE_GRADE);
	assert_int_equal(s->ind[1].metric, METRIC_MANUAL);
	assert_string_equal(s->ind[1].item, "案卷评查");
	assert_true(s->ind[1].grade_points[1] == 30 * DECIMAL_ONE);
	assert_int_equal(s->n_tiers, 2);
	assert_int_equal(s->n_caps, 1);
	assert_string_equal(s->caps[0].max_tier, "合格");
	assert_string_equal(s->source, GOOD_HEAD GOOD_REVIEW GOOD_TIERS GOOD_CAP);
	assess_scheme_free(s);
}

/* ---- refusals: an indicator --------------------------------------------------------------- */

static void
test_refuse_unknown_rule(void **state)
{
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = ratio\n"
	    "metric = head_rate\n"
	    "points = 60\n"
	    "target = 90\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "4: [indicator head] rule", "rule must be rate, rate_lower, deduct, grade or bonus");
}

/* A rule is missing altogether: the section's line. */
static void
test_refuse_missing_rule(void **state)
{
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "metric = head_rate\n"
	    "points = 60\n"
	    "target = 90\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "3: [indicator head] rule", "rule must be");
}

static void
test_refuse_unknown_metric(void **state)
{
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = rate\n"
	    "metric = head_rates\n"
	    "points = 60\n"
	    "target = 90\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "5: [indicator head] metric", "unknown metric \"head_rates\"");
}

static void
test_refuse_metric_and_item(void **state)
{
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = rate\n"
	    "metric = head_rate\n"
	    "item = 持证率\n"
	    "points = 60\n"
	    "target = 90\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "6: [indicator head] item", "exactly one");
}

/* Neither a metric nor an item. */
static void
test_refuse_neither_metric_nor_item(void **state)
{
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = rate\n"
	    "points = 60\n"
	    "target = 90\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "3: [indicator head] metric", "exactly one");
}

/* A grade rule scores a manual item, not a metric. */
static void
test_refuse_grade_of_metric(void **state)
{
	expect_refused(*state,
	    GOOD_HEAD
	    "[indicator review]\n"
	    "rule = grade\n"
	    "metric = loss_rate\n"
	    "points = 40\n"
	    "优秀 = 40\n"
	    "良好 = 30\n"
	    "合格 = 20\n"
	    "不合格 = 0\n"
	    GOOD_TIERS GOOD_CAP,
	    "8: [indicator review] item", "grade and bonus rules score a manual item");
}

static void
test_refuse_missing_points(void **state)
{
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = rate\n"
	    "metric = head_rate\n"
	    "target = 90\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "3: [indicator head] points", "points must be a number from 0 to 100");
}

static void
test_refuse_points_out_of_range(void **state)
{
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = rate\n"
	    "metric = head_rate\n"
	    "points = 160\n"
	    "target = 90\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "6: [indicator head] points", "points must be a number from 0 to 100");
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = rate\n"
	    "metric = head_rate\n"
	    "points = -5\n"
	    "target = 90\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "6: [indicator head] points", "points must be");
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = rate\n"
	    "metric = head_rate\n"
	    "points = 六十\n"
	    "target = 90\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "6: [indicator head] points", "points must be");
}

/* rate divides by the target: 0 is refused; so is a missing target. rate_lower divides by
 * 100 - target: 100 is refused. */
static void
test_refuse_target_zero_for_rate(void **state)
{
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = rate\n"
	    "metric = head_rate\n"
	    "points = 60\n"
	    "target = 0\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "7: [indicator head] target", "target must be a percentage");
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = rate\n"
	    "metric = head_rate\n"
	    "points = 60\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "3: [indicator head] target", "target must be a percentage");
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = rate_lower\n"
	    "metric = loss_rate\n"
	    "points = 60\n"
	    "target = 100\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "7: [indicator head] target", "target must be a percentage");
}

static void
test_refuse_deduct_without_deduct(void **state)
{
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = deduct\n"
	    "metric = defence_failures\n"
	    "points = 60\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "3: [indicator head] deduct", "deduct must be a number");
}

/* A floor above the indicator's points. */
static void
test_refuse_floor_above_points(void **state)
{
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = deduct\n"
	    "metric = defence_failures\n"
	    "points = 60\n"
	    "deduct = 5\n"
	    "floor = 70\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "8: [indicator head] floor", "floor must be");
}

static void
test_refuse_grade_missing_points(void **state)
{
	expect_refused(*state,
	    GOOD_HEAD
	    "[indicator review]\n"
	    "rule = grade\n"
	    "item = 案卷评查\n"
	    "points = 40\n"
	    "优秀 = 40\n"
	    "良好 = 30\n"
	    "合格 = 20\n"
	    GOOD_TIERS GOOD_CAP,
	    "8: [indicator review] 不合格", "each grade needs its points");
	/* A grade worth more than the indicator. */
	expect_refused(*state,
	    GOOD_HEAD
	    "[indicator review]\n"
	    "rule = grade\n"
	    "item = 案卷评查\n"
	    "points = 40\n"
	    "优秀 = 45\n"
	    "良好 = 30\n"
	    "合格 = 20\n"
	    "不合格 = 0\n"
	    GOOD_TIERS GOOD_CAP,
	    "12: [indicator review] 优秀", "each grade needs its points");
}

static void
test_refuse_bonus_without_per(void **state)
{
	expect_refused(*state,
	    GOOD_HEAD GOOD_REVIEW
	    "[indicator training]\n"
	    "rule = bonus\n"
	    "item = 培训学时\n"
	    "points = 3\n"
	    GOOD_TIERS GOOD_CAP,
	    "16: [indicator training] per", "per must be");
}

/* nan is no number: strtod took it, and every range check is false for it, so a scheme with
 * target = nan scored nan. inf, exponents and more than six decimals are refused too. */
static void
test_refuse_nan_inf(void **state)
{
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = rate\n"
	    "metric = head_rate\n"
	    "points = 60\n"
	    "target = nan\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "7: [indicator head] target", "target must be");
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = deduct\n"
	    "metric = defence_failures\n"
	    "points = 60\n"
	    "deduct = inf\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "7: [indicator head] deduct", "deduct must be");
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = rate\n"
	    "metric = head_rate\n"
	    "points = 6e1\n"
	    "target = 90\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "6: [indicator head] points", "points must be");
}

static void
test_refuse_bad_none(void **state)
{
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = rate\n"
	    "metric = head_rate\n"
	    "points = 60\n"
	    "target = 90\n"
	    "none = half\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "8: [indicator head] none", "none must be full or zero");
}

/* A misspelt key would silently change the scoring (here `none = full` never takes effect and
 * an agency without hearings scores 0 instead of 60); a scheme, like duban.ini, must refuse
 * keys it does not know. */
static void
test_refuse_unknown_key(void **state)
{
	expect_refused(*state,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "[indicator head]\n"
	    "rule = rate\n"
	    "metric = head_rate\n"
	    "points = 60\n"
	    "target = 90\n"
	    "nnone = full\n"
	    GOOD_REVIEW GOOD_TIERS GOOD_CAP,
	    "8: [indicator head] nnone", NULL);
}

/* ---- refusals: tiers, caps, sections, totals, syntax ---------------------------------------- */

static void
test_refuse_tiers_out_of_order(void **state)
{
	expect_refused(*state,
	    GOOD_HEAD GOOD_REVIEW
	    "[tier 优秀]\n"
	    "min = 90\n"
	    "[tier 良好]\n"
	    "min = 95\n"
	    "[tier 合格]\n"
	    "min = 0\n"
	    GOOD_CAP,
	    "19: [tier 良好] min", "tiers go from best to worst");
	/* Equal minimums are out of order too. */
	expect_refused(*state,
	    GOOD_HEAD GOOD_REVIEW
	    "[tier 优秀]\n"
	    "min = 90\n"
	    "[tier 合格]\n"
	    "min = 90\n"
	    GOOD_CAP,
	    "19: [tier 合格] min", "tiers go from best to worst");
}

static void
test_refuse_tier_without_min(void **state)
{
	expect_refused(*state,
	    GOOD_HEAD GOOD_REVIEW
	    "[tier 优秀]\n"
	    "min = 90\n"
	    "[tier 合格]\n"
	    GOOD_CAP,
	    "18: [tier 合格] min", "min must be");
}

/* The cap's own line and key are named, not the top of the file. */
static void
test_refuse_cap_unknown_tier(void **state)
{
	expect_refused(*state,
	    GOOD_HEAD GOOD_REVIEW GOOD_TIERS
	    "[cap nobody]\n"
	    "metric = nobody_appeared\n"
	    "above = 0\n"
	    "max_tier = 特优\n",
	    "23: [cap nobody] max_tier", "a cap names the tier \"特优\"");
}

static void
test_refuse_cap_unknown_metric(void **state)
{
	expect_refused(*state,
	    GOOD_HEAD GOOD_REVIEW GOOD_TIERS
	    "[cap nobody]\n"
	    "metric = 案卷评查\n"
	    "above = 0\n"
	    "max_tier = 合格\n",
	    "21: [cap nobody] metric", "a cap needs a metric");
	expect_refused(*state,
	    GOOD_HEAD GOOD_REVIEW GOOD_TIERS
	    "[cap nobody]\n"
	    "metric = nobody_appeared\n"
	    "above = some\n"
	    "max_tier = 合格\n",
	    "22: [cap nobody] above", "above must be a number");
}

static void
test_refuse_unknown_section(void **state)
{
	expect_refused(*state,
	    GOOD_HEAD GOOD_REVIEW GOOD_TIERS
	    "[indicater training]\n"
	    "rule = bonus\n",
	    "20: [indicater training]", "unknown section [indicater training]");
}

/* 60 + 30 = 90: no single line is wrong; the file and the sum are named. A bonus does not
 * count towards the 100. */
static void
test_refuse_points_not_100(void **state)
{
	struct fixture *fx = *state;
	struct assess_scheme *s = NULL;
	struct duban_err err;
	char path[PATH_LEN];

	write_scheme(fx,
	    GOOD_HEAD
	    "[indicator review]\n"
	    "rule = grade\n"
	    "item = 案卷评查\n"
	    "points = 30\n"
	    "优秀 = 30\n"
	    "良好 = 20\n"
	    "合格 = 10\n"
	    "不合格 = 0\n"
	    "[indicator training]\n"
	    "rule = bonus\n"
	    "item = 培训学时\n"
	    "per = 1\n"
	    "points = 10\n"
	    GOOD_TIERS GOOD_CAP, path);
	duban_err_clear(&err);
	assert_int_equal(config_load_scheme(path, &s, &err), DUBAN_EINPUT);
	assert_null(s);
	if (strstr(err.msg, "add up to 90.00") == NULL || (strstr(err.msg, path) == NULL &&
	    strstr(err.where, path) == NULL)) {
		print_error("where \"%s\", message \"%s\": expected the file and the sum 90.00\n",
		    err.where, err.msg);
		fail();
	}
}

static void
test_refuse_no_indicators_or_tiers(void **state)
{
	struct fixture *fx = *state;
	struct assess_scheme *s = NULL;
	struct duban_err err;
	char path[PATH_LEN];

	write_scheme(fx, "[scheme]\ntitle = 空\n" GOOD_TIERS, path);
	duban_err_clear(&err);
	assert_int_equal(config_load_scheme(path, &s, &err), DUBAN_EINPUT);
	assert_non_null(strstr(err.msg, "defines no [indicator"));
	write_scheme(fx, GOOD_HEAD GOOD_REVIEW, path);
	assert_int_equal(config_load_scheme(path, &s, &err), DUBAN_EINPUT);
	assert_non_null(strstr(err.msg, "defines no [tier"));
	assert_null(s);
}

/* iniparser finds the error; its message carries the line: "... (3):". */
static void
test_refuse_syntax_error(void **state)
{
	struct fixture *fx = *state;
	struct assess_scheme *s = NULL;
	struct duban_err err;
	char path[PATH_LEN];

	write_scheme(fx,
	    "[scheme]\n"
	    "title = 测试方案\n"
	    "this line is not an ini line\n"
	    GOOD_HEAD GOOD_REVIEW GOOD_TIERS, path);
	duban_err_clear(&err);
	assert_int_equal(config_load_scheme(path, &s, &err), DUBAN_EINPUT);
	assert_null(s);
	assert_non_null(strstr(err.where, path));
	if (strstr(err.msg, "(3)") == NULL && strstr(err.where, ":3") == NULL) {
		print_error("where \"%s\", message \"%s\": line 3 is not named\n", err.where,
		    err.msg);
		fail();
	}
}

static void
test_refuse_missing_file(void **state)
{
	struct fixture *fx = *state;
	struct assess_scheme *s = NULL;
	struct duban_err err;
	char path[PATH_LEN];

	snprintf(path, sizeof(path), "%s/no-such-scheme.ini", fx->tmp);
	duban_err_clear(&err);
	assert_int_equal(config_load_scheme(path, &s, &err), DUBAN_EINPUT);
	assert_null(s);
	assert_non_null(strstr(err.msg, path));
}

/* ---- the shipped scheme ------------------------------------------------------------------ */

static void
test_shipped_scheme_loads(void **state)
{
	struct fixture *fx = *state;
	struct assess_scheme *s = NULL;
	struct duban_err err;
	char path[PATH_LEN + 32];
	static const struct {
		const char *name;
		const char *title;
		enum assess_rule rule;
		enum assess_metric metric;
		const char *item;
		double points;
		double target;
		double deduct;
		bool none_full;
	} want[] = {
		{ "head_rate", "负责人出庭应诉率", RULE_RATE, METRIC_HEAD_RATE, NULL, 20, 90, 0,
		  true },
		{ "defence", "按期答辩举证", RULE_DEDUCT, METRIC_DEFENCE_FAILURES, NULL, 15, 0, 5,
		  false },
		{ "loss_rate", "行政诉讼败诉率", RULE_RATE_LOWER, METRIC_LOSS_RATE, NULL, 15, 10, 0,
		  true },
		{ "reply", "行政复议按期答复", RULE_DEDUCT, METRIC_REPLY_FAILURES, NULL, 15, 0, 5,
		  false },
		{ "overturn_rate", "行政复议被纠错率", RULE_RATE_LOWER, METRIC_OVERTURN_RATE, NULL,
		  10, 10, 0, true },
		{ "suggestion", "司法建议、检察建议按期回复", RULE_DEDUCT,
		  METRIC_SUGGESTION_FAILURES, NULL, 10, 0, 5, false },
		{ "case_review", "行政执法案卷评查", RULE_GRADE, METRIC_MANUAL, "案卷评查", 10, 0,
		  0, false },
		{ "certificates", "执法人员持证率", RULE_RATE, METRIC_MANUAL, "持证率", 5, 95, 0,
		  false },
		{ "training", "法治培训学时（加分）", RULE_BONUS, METRIC_MANUAL, "培训学时", 3, 0,
		  0, false },
	};
	static const char *const tiers[] = { "优秀", "良好", "合格", "不合格" };
	static const double mins[] = { 90, 80, 60, 0 };
	int64_t total = 0;
	int i;

	snprintf(path, sizeof(path), "%s/assessment.ini", fx->data);
	duban_err_clear(&err);
	if (config_load_scheme(path, &s, &err) != DUBAN_OK) {
		print_error("%s: %s %s\n", path, err.where, err.msg);
		fail();
	}
	assert_string_equal(s->title, "行政应诉、行政复议与司法建议工作考核（默认方案）");
	assert_int_equal(s->n_ind, 9);
	for (i = 0; i < s->n_ind; i++) {
		const struct assess_indicator *ind = &s->ind[i];

		assert_string_equal(ind->name, want[i].name);
		assert_string_equal(ind->title, want[i].title);
		assert_int_equal(ind->rule, want[i].rule);
		assert_int_equal(ind->metric, want[i].metric);
		if (want[i].item != NULL)
			assert_string_equal(ind->item, want[i].item);
		else
			assert_null(ind->item);
		assert_true(ind->points == (int64_t)(want[i].points * DECIMAL_ONE));
		assert_true(ind->target == (int64_t)(want[i].target * DECIMAL_ONE));
		assert_true(ind->deduct == (int64_t)(want[i].deduct * DECIMAL_ONE));
		assert_true(ind->floor == 0);
		assert_int_equal(ind->none_full, want[i].none_full);
		if (ind->rule != RULE_BONUS)
			total += ind->points;
	}
	assert_true(total == 100 * DECIMAL_ONE);
	assert_true(s->ind[6].grade_points[0] == 10 * DECIMAL_ONE);
	assert_true(s->ind[6].grade_points[1] == 8 * DECIMAL_ONE);
	assert_true(s->ind[6].grade_points[2] == 6 * DECIMAL_ONE);
	assert_true(s->ind[6].grade_points[3] == 0 * DECIMAL_ONE);
	assert_true(s->ind[8].per == DECIMAL_ONE / 10);
	assert_int_equal(s->n_tiers, 4);
	for (i = 0; i < 4; i++) {
		assert_string_equal(s->tiers[i].name, tiers[i]);
		assert_true(s->tiers[i].min == (int64_t)mins[i] * DECIMAL_ONE);
	}
	assert_int_equal(s->n_caps, 1);
	assert_int_equal(s->caps[0].metric, METRIC_NOBODY_APPEARED);
	assert_true(s->caps[0].above == 0);
	assert_string_equal(s->caps[0].max_tier, "良好");
	assert_non_null(s->source);
	assert_non_null(strstr(s->source, "[indicator head_rate]"));
	assess_scheme_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_scheme_loads),
		cmocka_unit_test(test_refuse_unknown_rule),
		cmocka_unit_test(test_refuse_missing_rule),
		cmocka_unit_test(test_refuse_unknown_metric),
		cmocka_unit_test(test_refuse_metric_and_item),
		cmocka_unit_test(test_refuse_neither_metric_nor_item),
		cmocka_unit_test(test_refuse_grade_of_metric),
		cmocka_unit_test(test_refuse_missing_points),
		cmocka_unit_test(test_refuse_points_out_of_range),
		cmocka_unit_test(test_refuse_target_zero_for_rate),
		cmocka_unit_test(test_refuse_deduct_without_deduct),
		cmocka_unit_test(test_refuse_floor_above_points),
		cmocka_unit_test(test_refuse_nan_inf),
		cmocka_unit_test(test_refuse_grade_missing_points),
		cmocka_unit_test(test_refuse_bonus_without_per),
		cmocka_unit_test(test_refuse_bad_none),
		cmocka_unit_test(test_refuse_unknown_key),
		cmocka_unit_test(test_refuse_tiers_out_of_order),
		cmocka_unit_test(test_refuse_tier_without_min),
		cmocka_unit_test(test_refuse_cap_unknown_tier),
		cmocka_unit_test(test_refuse_cap_unknown_metric),
		cmocka_unit_test(test_refuse_unknown_section),
		cmocka_unit_test(test_refuse_points_not_100),
		cmocka_unit_test(test_refuse_no_indicators_or_tiers),
		cmocka_unit_test(test_refuse_syntax_error),
		cmocka_unit_test(test_refuse_missing_file),
		cmocka_unit_test(test_shipped_scheme_loads),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
