/* tests/unit/test_assess.c: the annual assessment (core/assess.c): metrics from the records,
 * every rule of a scheme, tiers, caps, ranking within a kind, freezing and unfreezing, the
 * records behind an indicator, the printable report.
 *
 * The year is 2024, assessed on 2025-03-01 (a Saturday): "missing" means not done and due
 * before that day. Four agencies, built through the record engine as the forms build them:
 *
 *   县公安局   department  everything happens, much of it badly
 *   县财政局   department  nearly perfect, but one hearing nobody attended (the cap)
 *   县水利局   department  nothing in 2024 (only 2023 records): "no data" everywhere
 *   城关镇人民政府 township  no hearings; failures of every other kind
 *
 * Every due date below is worked out by hand from data/duban.ini and the 2023-2025 calendar
 * files (defence: 15 days, rolled off rest days; reconsideration reply: 10 working days since
 * 2024-01-01, 10 days before; judicial suggestion 30 days, procuratorial 2 months, or the
 * period stated in the document), and checked against what duban stored (test
 * test_hand_built_due_dates), so the metrics below rest on facts, not on duban's own say.
 *
 * The records of 2024 (by the date that attributes each to a year):
 *
 * 县公安局
 *   litigation                 complaint copy  due         defence       closed      outcome
 *   (2023)浙0521行初90号       2023-12-20      2024-01-04  -             2024-06-03  withdrawn
 *   (2024)浙0521行初1号        2024-03-04      2024-03-19  2024-03-15    2024-09-10  dismissed
 *   (2024)浙0521行初2号        2024-05-06      2024-05-21  2024-05-24 L  2024-10-15  revoked  LOST
 *   (2024)浙0521行初3号        2024-12-02      2024-12-17  - MISSING     -
 *   (2024)浙0521行初4号        2024-08-01      2024-08-16  mailed 08-16  2024-11-20  illegal  LOST
 *   (2024)浙0521行初5号        2024-04-01      2024-04-16  2024-04-10    2024-06-28  void (DELETED)
 *   (2025)浙0521行初1号        2025-02-20      2025-03-07  -             (2025: not counted)
 *   (L: done late; "dismissed" is the outcome dismissed-claim)
 *   hearings: 2023-12-28 head (2023), 2024-04-15 head, 2024-06-17 deputy, 2024-09-09 staff,
 *             2024-11-11 lawyer, 2024-12-09 not recorded (not counted), 2025-02-26 none (2025)
 *   reconsideration            copy received   reply due   replied       decided     decision
 *   德政复〔2024〕1号            2024-03-11      2024-03-25  2024-03-20    2024-05-10  upheld
 *   德政复〔2024〕2号            2024-06-03      2024-06-18  2024-06-20 L  2024-08-01  revoked
 *   德政复〔2024〕3号            2024-11-04      2024-11-18  - MISSING     -
 *     (06-18: 06-10 is 端午, a rest day: 4,5,6,7,11,12,13,14,17,18)
 *   suggestions                received        due         replied
 *   德法建〔2024〕1号 judicial     2024-04-01      2024-05-06  2024-04-25     (30 days: 05-01, a
 *                                                                         rest day, to 05-06)
 *   德法建〔2024〕2号 judicial     2024-07-01      2024-07-11  2024-07-15 L   (10 days stated)
 *   德检建〔2024〕1号 procurat.    2024-12-02      2025-02-05  - MISSING      (2 months: 02-02,
 *                                                                         春节, to 02-05)
 *   manual items: 案卷评查 良好, 持证率 90, 培训学时 12
 *
 *   metrics: hearings 4 (head, deputy, staff, lawyer), head appearances 2: head_rate 50%;
 *   nobody_appeared 0; lawyer_only 1; defence_failures 2 (行初2号 late, 行初3号 missing; 4号
 *   mailed on its due day is on time; 5号 is deleted; 90号 is 2023's);
 *   loss_rate: closed in 2024 90号, 1号, 2号, 4号 = 4 (5号 deleted), lost 2号, 4号 = 2: 50%;
 *   reply_failures 2 (2号 late, 3号 missing); overturn_rate: decided 1号 upheld, 2号
 *   revoked: 1 of 2 = 50%; suggestion_failures 2 (2号 late, 德检建1号 missing).
 *
 * 县财政局
 *   (2024)浙0521行初10号: copy 2024-02-19, due 2024-03-05, defence 2024-03-01; closed
 *   2024-12-10 dismissed-suit. Hearings 2024-04-10 head, 2024-05-15 head, 2024-06-12 none,
 *   2024-07-01 not recorded.
 *   德政复〔2024〕10号: copy 2024-09-23, reply due 2024-10-11 (24,25,26,27, 29 a make-up
 *   working Sunday, 30, then 10-08,09,10,11), replied 2024-10-11 (the due day: on time);
 *   decided 2024-11-15 rejected.
 *   manual items: 案卷评查 优秀, 持证率 96, 培训学时 40
 *   metrics: head_rate 2/3 = 66.67%; nobody_appeared 1; lawyer_only 0; defence_failures 0;
 *   loss_rate 0 of 1 = 0%; reply_failures 0; overturn_rate 0 of 1 = 0%; suggestion_failures 0.
 *
 * 县水利局
 *   (2023)浙0521行初50号: copy 2023-10-09, defence 2023-10-20, closed 2023-12-01
 *   dismissed-claim; hearing 2023-11-15 none (2023: no cap in 2024).
 *   metrics: no hearings, no cases, no decisions: head_rate, loss_rate, overturn_rate have no
 *   data; the failure counts are 0; no manual items.
 *
 * 城关镇人民政府
 *   (2024)浙0521行初20号: copy 2024-07-08, due 2024-07-23, defence 2024-07-25 (late); closed
 *   2024-12-16 perform (LOST).
 *   (2024)浙0521行初21号: copy 2024-01-08, due 2024-01-23, defence 2024-01-22; closed
 *   2024-05-20 withdrawn.
 *   (2023)浙0521行初22号: copy 2023-11-06, no defence (a 2023 failure); closed 2024-03-20
 *   dismissed-claim.
 *   德政复〔2023〕20号: copy 2023-12-11, reply due 2023-12-21 (10 days, the rule before 2024),
 *   never replied (a 2023 failure); decided 2024-02-20 perform (overturned).
 *   德政复〔2024〕21号: copy 2024-04-08, due 2024-04-22, mailed 2024-04-22, arrived 04-24: on
 *   time (mailed by the due day); decided 2024-06-05 void (确认无效: not an overturning
 *   decision, which is 撤销/变更/确认违法/责令履行).
 *   德政复〔2024〕22号: copy 2024-12-16, due 2024-12-30, never replied: missing.
 *   德法建〔2024〕20号 judicial: received 2024-10-08, due 2024-11-07, replied 2024-11-01.
 *   德检建〔2024〕20号 procuratorial: received 2024-12-31, 3 months stated: due 2025-03-31,
 *   not yet due on 2025-03-01: not a failure.
 *   manual items: 案卷评查 不合格, 培训学时 5 (no 持证率)
 *   metrics: no hearings; defence_failures 1; loss_rate 1 of 3 = 33.33%; reply_failures 1;
 *   overturn_rate 1 of 2 = 50%; suggestion_failures 0.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include <cmocka.h>

#include "duban/assess.h"
#include "duban/assess_item.h"
#include "duban/buf.h"
#include "duban/decimal.h"
#include "records_fixture.h"

#define TODAY_NOW "2025-03-01 09:00:00"

#define POLICE "县公安局"
#define FINANCE "县财政局"
#define WATER "县水利局"
#define TOWN "城关镇人民政府"

/* The indicators of data/assessment.ini, in its order. */
enum { S_HEAD, S_DEFENCE, S_LOSS, S_REPLY, S_OVERTURN, S_SUGGESTION, S_REVIEW, S_CERT,
	S_TRAINING, S_N };

/* The indicators of the tiny scheme (tiny_scheme below), in its order. */
enum { T_HEAD, T_DEFENCE, T_LOSS, T_REVIEW, T_TRAINING, T_N };

/* ---- building records ----------------------------------------------------------------------- */

/* A record of kind from column, value pairs ending with NULL; an empty value is left out.
 * Returns its id. */
static int64_t add(struct rfx *fx, const char *kind, ...) __attribute__((sentinel));

static int64_t
add(struct rfx *fx, const char *kind, ...)
{
	const struct kind_def *k = record_kind(kind);
	struct record *r;
	const char *col;
	va_list ap;
	int64_t id;

	assert_non_null(k);
	r = record_new(k);
	va_start(ap, kind);
	while ((col = va_arg(ap, const char *)) != NULL) {
		const char *v = va_arg(ap, const char *);

		if (v[0] != '\0')
			rfx_input(fx, r, col, v);
	}
	va_end(ap);
	rfx_save(fx, r);
	id = r->id;
	record_free(r);
	return id;
}

static int64_t
lit(struct rfx *fx, const char *no, const char *agency, const char *received,
    const char *submitted, const char *outcome, const char *closed)
{
	return add(fx, "litigation", "case_no", no, "agency", agency, "plaintiff", "张三",
	    "complaint_received_on", received, "defence_submitted_on", submitted, "outcome",
	    outcome, "closed_on", closed, (const char *)NULL);
}

static int64_t
hearing(struct rfx *fx, const char *case_no, const char *on, const char *rank)
{
	return add(fx, "hearing", "case_no", case_no, "hearing_on", on, "appearer_rank", rank,
	    (const char *)NULL);
}

static int64_t
recon(struct rfx *fx, const char *no, const char *agency, const char *received,
    const char *accepted, const char *copy, const char *replied, const char *decided,
    const char *decision)
{
	return add(fx, "reconsideration", "case_no", no, "agency", agency, "applicant", "李四",
	    "received_on", received, "accepted_on", accepted, "copy_received_on", copy, "reply_on",
	    replied, "decided_on", decided, "decision", decision, (const char *)NULL);
}

static int64_t
sugg(struct rfx *fx, const char *doc, const char *kind, const char *agency, const char *received,
    const char *length, const char *unit, const char *replied)
{
	return add(fx, "suggestion", "doc_no", doc, "kind", kind, "agency", agency, "received_on",
	    received, "period_length", length, "period_unit", unit, "replied_on", replied,
	    (const char *)NULL);
}

static int64_t
item(struct rfx *fx, const char *agency, const char *name, const char *score)
{
	return add(fx, "assessment-item", "year", "2024", "agency", agency, "item", name, "score",
	    score, "note", "测试", (const char *)NULL);
}

/* Ids of records the tests look at again. */
struct year_ids {
	int64_t p_case0, p_case1, p_case2, p_case3, p_case4, p_case5;
	int64_t p_head, p_deputy, p_staff, p_lawyer, p_unrecorded;
	int64_t f_none;
	int64_t p_review;
};

static struct year_ids ids;

static void
build_year(struct rfx *fx)
{
	struct duban_err err;
	int64_t id;

	memset(&ids, 0, sizeof(ids));
	rfx_agency(fx, POLICE, "公安局", "department");
	rfx_agency(fx, FINANCE, "财政局", "department");
	rfx_agency(fx, WATER, "水利局", "department");
	rfx_agency(fx, TOWN, "城关镇", "township");

	/* 县公安局 */
	ids.p_case0 = lit(fx, "(2023)浙0521行初90号", POLICE, "2023-12-20", "", "withdrawn",
	    "2024-06-03");
	ids.p_case1 = lit(fx, "(2024)浙0521行初1号", POLICE, "2024-03-04", "2024-03-15",
	    "dismissed-claim", "2024-09-10");
	ids.p_case2 = lit(fx, "(2024)浙0521行初2号", POLICE, "2024-05-06", "2024-05-24", "revoked",
	    "2024-10-15");
	ids.p_case3 = lit(fx, "(2024)浙0521行初3号", POLICE, "2024-12-02", "", "", "");
	ids.p_case4 = add(fx, "litigation", "case_no", "(2024)浙0521行初4号", "agency", POLICE,
	    "complaint_received_on", "2024-08-01", "defence_delivery", "mail", "defence_mailed_on",
	    "2024-08-16", "defence_submitted_on", "2024-08-19", "outcome", "illegal", "closed_on",
	    "2024-11-20", (const char *)NULL);
	ids.p_case5 = lit(fx, "(2024)浙0521行初5号", POLICE, "2024-04-01", "2024-04-10", "void",
	    "2024-06-28");
	duban_err_clear(&err);
	assert_int_equal(record_delete(&fx->env, record_kind("litigation"), ids.p_case5, &err),
	    DUBAN_OK);
	lit(fx, "(2025)浙0521行初1号", POLICE, "2025-02-20", "", "", "");
	hearing(fx, "(2023)浙0521行初90号", "2023-12-28", "head");
	ids.p_head = hearing(fx, "(2024)浙0521行初1号", "2024-04-15", "head");
	ids.p_deputy = hearing(fx, "(2024)浙0521行初2号", "2024-06-17", "deputy");
	ids.p_staff = hearing(fx, "(2024)浙0521行初4号", "2024-09-09", "staff");
	ids.p_lawyer = hearing(fx, "(2024)浙0521行初4号", "2024-11-11", "lawyer");
	ids.p_unrecorded = hearing(fx, "(2024)浙0521行初3号", "2024-12-09", "");
	hearing(fx, "(2025)浙0521行初1号", "2025-02-26", "none");
	recon(fx, "德政复〔2024〕1号", POLICE, "2024-03-01", "2024-03-04", "2024-03-11",
	    "2024-03-20", "2024-05-10", "upheld");
	recon(fx, "德政复〔2024〕2号", POLICE, "2024-05-27", "2024-05-28", "2024-06-03",
	    "2024-06-20", "2024-08-01", "revoked");
	recon(fx, "德政复〔2024〕3号", POLICE, "2024-10-28", "2024-10-29", "2024-11-04", "", "",
	    "");
	sugg(fx, "德法建〔2024〕1号", "judicial", POLICE, "2024-04-01", "", "", "2024-04-25");
	sugg(fx, "德法建〔2024〕2号", "judicial", POLICE, "2024-07-01", "10", "days",
	    "2024-07-15");
	sugg(fx, "德检建〔2024〕1号", "procuratorial", POLICE, "2024-12-02", "", "", "");
	ids.p_review = item(fx, POLICE, "案卷评查", "良好");
	item(fx, POLICE, "持证率", "90");
	item(fx, POLICE, "培训学时", "12");

	/* 县财政局 */
	lit(fx, "(2024)浙0521行初10号", FINANCE, "2024-02-19", "2024-03-01", "dismissed-suit",
	    "2024-12-10");
	hearing(fx, "(2024)浙0521行初10号", "2024-04-10", "head");
	hearing(fx, "(2024)浙0521行初10号", "2024-05-15", "head");
	ids.f_none = hearing(fx, "(2024)浙0521行初10号", "2024-06-12", "none");
	hearing(fx, "(2024)浙0521行初10号", "2024-07-01", "");
	recon(fx, "德政复〔2024〕10号", FINANCE, "2024-09-13", "2024-09-18", "2024-09-23",
	    "2024-10-11", "2024-11-15", "rejected");
	item(fx, FINANCE, "案卷评查", "优秀");
	item(fx, FINANCE, "持证率", "96");
	item(fx, FINANCE, "培训学时", "40");

	/* 县水利局: 2023 only */
	lit(fx, "(2023)浙0521行初50号", WATER, "2023-10-09", "2023-10-20", "dismissed-claim",
	    "2023-12-01");
	hearing(fx, "(2023)浙0521行初50号", "2023-11-15", "none");

	/* 城关镇人民政府 */
	lit(fx, "(2024)浙0521行初20号", TOWN, "2024-07-08", "2024-07-25", "perform", "2024-12-16");
	lit(fx, "(2024)浙0521行初21号", TOWN, "2024-01-08", "2024-01-22", "withdrawn",
	    "2024-05-20");
	lit(fx, "(2023)浙0521行初22号", TOWN, "2023-11-06", "", "dismissed-claim", "2024-03-20");
	recon(fx, "德政复〔2023〕20号", TOWN, "2023-12-01", "2023-12-04", "2023-12-11", "",
	    "2024-02-20", "perform");
	id = add(fx, "reconsideration", "case_no", "德政复〔2024〕21号", "agency", TOWN,
	    "received_on", "2024-04-01", "accepted_on", "2024-04-02", "copy_received_on",
	    "2024-04-08", "reply_delivery", "mail", "reply_mailed_on", "2024-04-22", "reply_on",
	    "2024-04-24", "decided_on", "2024-06-05", "decision", "void", (const char *)NULL);
	assert_true(id > 0);
	recon(fx, "德政复〔2024〕22号", TOWN, "2024-12-09", "2024-12-10", "2024-12-16", "", "", "");
	sugg(fx, "德法建〔2024〕20号", "judicial", TOWN, "2024-10-08", "", "", "2024-11-01");
	sugg(fx, "德检建〔2024〕20号", "procuratorial", TOWN, "2024-12-31", "3", "months", "");
	item(fx, TOWN, "案卷评查", "不合格");
	item(fx, TOWN, "培训学时", "5");
}

/* The fixture with today 2025-03-01, the actor "tester" (admin) acting then. */
static int
today_setup(void **state)
{
	struct rfx *fx;

	if (rfx_setup(state) != 0)
		return -1;
	fx = *state;
	fx->env.today = date_ymd(2025, 3, 1);
	db_set_actor(fx->db, "tester", TODAY_NOW);
	db_set_actor_role(fx->db, ROLE_ADMIN);
	return 0;
}

static int
year_setup(void **state)
{
	if (today_setup(state) != 0)
		return -1;
	build_year(*state);
	return 0;
}

/* ---- schemes and results ---------------------------------------------------------------- */

static struct assess_scheme *
shipped_scheme(void)
{
	struct assess_scheme *s = NULL;
	struct duban_err err;
	char path[RFX_PATH_LEN];

	snprintf(path, sizeof(path), "%s/assessment.ini", rfx_data_dir());
	duban_err_clear(&err);
	if (config_load_scheme(path, &s, &err) != DUBAN_OK) {
		print_error("%s: %s %s\n", path, err.where, err.msg);
		fail();
	}
	assert_int_equal(s->n_ind, S_N);
	return s;
}

/* Easy numbers: 40 + 20 + 20 + 20 = 100, a 2-point bonus, three tiers, two caps. */
static const char tiny_scheme[] =
    "[scheme]\n"
    "title = 小方案\n"
    "\n"
    "[indicator head]\n"
    "title = 出庭率\n"
    "rule = rate\n"
    "metric = head_rate\n"
    "points = 40\n"
    "target = 80\n"
    "none = full\n"
    "\n"
    "[indicator defence]\n"
    "title = 答辩\n"
    "rule = deduct\n"
    "metric = defence_failures\n"
    "points = 20\n"
    "deduct = 10\n"
    "floor = 5\n"
    "\n"
    "[indicator loss]\n"
    "title = 败诉率\n"
    "rule = rate_lower\n"
    "metric = loss_rate\n"
    "points = 20\n"
    "target = 20\n"
    "none = full\n"
    "\n"
    "[indicator review]\n"
    "title = 评查\n"
    "rule = grade\n"
    "item = 案卷评查\n"
    "points = 20\n"
    "优秀 = 20\n"
    "良好 = 15\n"
    "合格 = 10\n"
    "不合格 = 0\n"
    "\n"
    "[indicator training]\n"
    "title = 学时\n"
    "rule = bonus\n"
    "item = 培训学时\n"
    "per = 0.5\n"
    "points = 2\n"
    "\n"
    "[tier 优秀]\n"
    "min = 90\n"
    "[tier 合格]\n"
    "min = 60\n"
    "[tier 不合格]\n"
    "min = 0\n"
    "\n"
    "[cap lawyer]\n"
    "metric = lawyer_only\n"
    "above = 0\n"
    "max_tier = 合格\n"
    "[cap nobody]\n"
    "metric = nobody_appeared\n"
    "above = 0\n"
    "max_tier = 合格\n";

static struct assess_scheme *
tiny(struct rfx *fx)
{
	struct assess_scheme *s = NULL;
	struct duban_err err;
	char path[RFX_PATH_LEN];
	FILE *f;

	snprintf(path, sizeof(path), "%s/tiny.ini", fx->dir);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_true(fputs(tiny_scheme, f) >= 0);
	assert_int_equal(fclose(f), 0);
	duban_err_clear(&err);
	if (config_load_scheme(path, &s, &err) != DUBAN_OK) {
		print_error("%s: %s %s\n", path, err.where, err.msg);
		fail();
	}
	assert_int_equal(s->n_ind, T_N);
	return s;
}

static struct assess_result *
compute(struct rfx *fx, const struct assess_scheme *s)
{
	struct assess_result *r = NULL;
	struct duban_err err;

	duban_err_clear(&err);
	if (assess_compute(fx->db, s, 2024, fx->env.today, &r, &err) != DUBAN_OK) {
		print_error("assess_compute: %s\n", err.msg);
		fail();
	}
	assert_int_equal(r->year, 2024);
	return r;
}

static const struct assess_agency *
agency(const struct assess_result *r, const char *name)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->agencies[i].name, name) == 0)
			return &r->agencies[i];
	print_error("%s is not in the result\n", name);
	fail();
	return NULL;
}

static void
expect_num(double got, double want, const char *what, const char *who)
{
	if (fabs(got - want) > 0.0005) {
		print_error("%s of %s is %.4f, expected %.2f\n", what, who, got, want);
		fail();
	}
}

/* One line: its value as shown, its score, and the points lost (max - score; 0 for a bonus). */
static void
expect_line(const struct assess_agency *a, int k, const char *value, double score, double max)
{
	const struct assess_line *l;

	assert_true(k < a->n_lines);
	l = &a->lines[k];
	if (strcmp(l->value, value) != 0) {
		print_error("%s, %s: value \"%s\", expected \"%s\"\n", a->name, l->title, l->value,
		    value);
		fail();
	}
	expect_num(l->score, score, l->title, a->name);
	expect_num(l->max, max, "max", a->name);
	expect_num(l->lost, max > 0 ? max - score : 0, "lost", a->name);
}

static void
expect_agency(const struct assess_agency *a, const char *kind, double total, const char *tier,
    const char *capped_by, int rank)
{
	assert_string_equal(a->kind, kind);
	expect_num(a->total, total, "total", a->name);
	if (strcmp(a->tier, tier) != 0 || strcmp(a->capped_by, capped_by) != 0) {
		print_error("%s: tier %s capped by \"%s\", expected %s capped by \"%s\"\n", a->name,
		    a->tier, a->capped_by, tier, capped_by);
		fail();
	}
	assert_int_equal(a->rank, rank);
}

/* ---- the facts the hand computation rests on --------------------------------------------- */

static void
expect_column(struct rfx *fx, const char *sql, const char *key, const char *want)
{
	sqlite3_stmt *st = NULL;
	const unsigned char *v;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(fx->db), sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_text(st, 0);
	if (strcmp(v != NULL ? (const char *)v : "(null)", want) != 0) {
		print_error("%s [%s]: \"%s\", expected \"%s\"\n", sql, key,
		    v != NULL ? (const char *)v : "(null)", want);
		fail();
	}
	sqlite3_finalize(st);
}

/* The due dates worked out by hand in the header are the ones duban derived. */
static void
test_hand_built_due_dates(void **state)
{
	struct rfx *fx = *state;
	static const struct {
		const char *sql;
		const char *key;
		const char *want;
	} due[] = {
		{ "SELECT defence_due_on FROM litigation_cases WHERE case_no = ?1",
		  "(2023)浙0521行初90号", "2024-01-04" },
		{ "SELECT defence_due_on FROM litigation_cases WHERE case_no = ?1",
		  "(2024)浙0521行初1号", "2024-03-19" },
		{ "SELECT defence_due_on FROM litigation_cases WHERE case_no = ?1",
		  "(2024)浙0521行初2号", "2024-05-21" },
		{ "SELECT defence_due_on FROM litigation_cases WHERE case_no = ?1",
		  "(2024)浙0521行初3号", "2024-12-17" },
		{ "SELECT defence_due_on FROM litigation_cases WHERE case_no = ?1",
		  "(2024)浙0521行初4号", "2024-08-16" },
		{ "SELECT defence_done_on FROM litigation_cases WHERE case_no = ?1",
		  "(2024)浙0521行初4号", "2024-08-16" },
		{ "SELECT defence_due_on FROM litigation_cases WHERE case_no = ?1",
		  "(2025)浙0521行初1号", "2025-03-07" },
		{ "SELECT defence_due_on FROM litigation_cases WHERE case_no = ?1",
		  "(2024)浙0521行初10号", "2024-03-05" },
		{ "SELECT defence_due_on FROM litigation_cases WHERE case_no = ?1",
		  "(2023)浙0521行初50号", "2023-10-24" },
		{ "SELECT defence_due_on FROM litigation_cases WHERE case_no = ?1",
		  "(2024)浙0521行初20号", "2024-07-23" },
		{ "SELECT defence_due_on FROM litigation_cases WHERE case_no = ?1",
		  "(2024)浙0521行初21号", "2024-01-23" },
		{ "SELECT defence_due_on FROM litigation_cases WHERE case_no = ?1",
		  "(2023)浙0521行初22号", "2023-11-21" },
		{ "SELECT reply_due_on FROM reconsideration_cases WHERE case_no = ?1",
		  "德政复〔2024〕1号", "2024-03-25" },
		{ "SELECT reply_due_on FROM reconsideration_cases WHERE case_no = ?1",
		  "德政复〔2024〕2号", "2024-06-18" },
		{ "SELECT reply_due_on FROM reconsideration_cases WHERE case_no = ?1",
		  "德政复〔2024〕3号", "2024-11-18" },
		{ "SELECT reply_due_on FROM reconsideration_cases WHERE case_no = ?1",
		  "德政复〔2024〕10号", "2024-10-11" },
		{ "SELECT reply_due_on FROM reconsideration_cases WHERE case_no = ?1",
		  "德政复〔2023〕20号", "2023-12-21" },
		{ "SELECT reply_due_on FROM reconsideration_cases WHERE case_no = ?1",
		  "德政复〔2024〕21号", "2024-04-22" },
		{ "SELECT reply_done_on FROM reconsideration_cases WHERE case_no = ?1",
		  "德政复〔2024〕21号", "2024-04-22" },
		{ "SELECT reply_due_on FROM reconsideration_cases WHERE case_no = ?1",
		  "德政复〔2024〕22号", "2024-12-30" },
		{ "SELECT due_on FROM suggestions WHERE doc_no = ?1", "德法建〔2024〕1号",
		  "2024-05-06" },
		{ "SELECT due_on FROM suggestions WHERE doc_no = ?1", "德法建〔2024〕2号",
		  "2024-07-11" },
		{ "SELECT due_on FROM suggestions WHERE doc_no = ?1", "德检建〔2024〕1号",
		  "2025-02-05" },
		{ "SELECT due_on FROM suggestions WHERE doc_no = ?1", "德法建〔2024〕20号",
		  "2024-11-07" },
		{ "SELECT due_on FROM suggestions WHERE doc_no = ?1", "德检建〔2024〕20号",
		  "2025-03-31" },
	};
	size_t i;

	for (i = 0; i < sizeof(due) / sizeof(due[0]); i++)
		expect_column(fx, due[i].sql, due[i].key, due[i].want);
	assert_int_equal(rfx_sql_int(fx, "SELECT deleted FROM litigation_cases WHERE id = ?1",
	    ids.p_case5), 1);
}

/* ---- the shipped scheme ------------------------------------------------------------------ */

/* data/assessment.ini: head_rate rate 20 (target 90, none full); defence deduct 15 (-5);
 * loss_rate rate_lower 15 (target 10, none full); reply deduct 15 (-5); overturn_rate
 * rate_lower 10 (target 10, none full); suggestion deduct 10 (-5); case_review grade 10
 * (10/8/6/0, none zero); certificates rate 5 on the item 持证率 (target 95, none zero);
 * training bonus 0.1 per hour, at most 3. Tiers 优秀 90, 良好 80, 合格 60, 不合格 0; a hearing
 * nobody attended caps the tier at 良好. rate: points x v / target below the target;
 * rate_lower: points x (100 - v) / (100 - target) above it. Each line is rounded to 2
 * decimals, the total is the sum of the rounded lines. */
static void
test_shipped_scheme_hand_built_year(void **state)
{
	struct rfx *fx = *state;
	struct assess_scheme *s = shipped_scheme();
	struct assess_result *r = compute(fx, s);
	const struct assess_agency *a;

	assert_false(r->finalized);
	assert_string_equal(r->scheme_title, "行政应诉、行政复议与司法建议工作考核（默认方案）");
	assert_int_equal(r->n, 4);
	/* Sorted by kind, then total: the departments 财政 97.81, 水利 85, 公安 48.94, then
	 * the township. */
	assert_string_equal(r->agencies[0].name, FINANCE);
	assert_string_equal(r->agencies[1].name, WATER);
	assert_string_equal(r->agencies[2].name, POLICE);
	assert_string_equal(r->agencies[3].name, TOWN);

	/* 县公安局:
	 *   head_rate 50%:        20 x 50 / 90           = 11.11
	 *   defence 2 failures:   15 - 2 x 5             =  5
	 *   loss_rate 50%:        15 x (100-50) / 90     =  8.33
	 *   reply 2 failures:     15 - 2 x 5             =  5
	 *   overturn_rate 50%:    10 x (100-50) / 90     =  5.56
	 *   suggestion 2:         10 - 2 x 5             =  0
	 *   case_review 良好                             =  8
	 *   certificates 90%:      5 x 90 / 95           =  4.74
	 *   training 12 h:        12 x 0.1 = 1.2 (cap 3) =  1.2
	 *   total 11.11+5+8.33+5+5.56+0+8+4.74+1.2       = 48.94: 不合格 (below 60); third of
	 *   the three departments. A lawyer-only hearing caps nothing in this scheme. */
	a = agency(r, POLICE);
	assert_int_equal(a->n_lines, S_N);
	expect_line(a, S_HEAD, "50%", 11.11, 20);
	expect_line(a, S_DEFENCE, "2", 5, 15);
	expect_line(a, S_LOSS, "50%", 8.33, 15);
	expect_line(a, S_REPLY, "2", 5, 15);
	expect_line(a, S_OVERTURN, "50%", 5.56, 10);
	expect_line(a, S_SUGGESTION, "2", 0, 10);
	expect_line(a, S_REVIEW, "良好", 8, 10);
	expect_line(a, S_CERT, "90%", 4.74, 5);
	expect_line(a, S_TRAINING, "12", 1.2, 0);
	expect_agency(a, "department", 48.94, "不合格", "", 3);
	assert_int_equal(a->nobody, 0);
	assert_string_equal(a->lines[S_HEAD].target, ">=90%");
	assert_string_equal(a->lines[S_LOSS].target, "<=10%");
	assert_int_equal(a->lines[S_HEAD].metric, METRIC_HEAD_RATE);
	assert_int_equal(a->lines[S_REVIEW].metric, METRIC_MANUAL);

	/* 县财政局:
	 *   head_rate 66.67%:     20 x 66.667 / 90       = 14.81
	 *   defence 0                                    = 15
	 *   loss_rate 0% (<= 10)                         = 15
	 *   reply 0                                      = 15
	 *   overturn_rate 0%                             = 10
	 *   suggestion 0 (none received)                 = 10
	 *   case_review 优秀                             = 10
	 *   certificates 96% (>= 95)                     =  5
	 *   training 40 h: 4, capped at                  =  3
	 *   total                                        = 97.81: 优秀 by the total, but the
	 *   hearing of 2024-06-12 nobody attended caps it at 良好. First department. */
	a = agency(r, FINANCE);
	expect_line(a, S_HEAD, "66.67%", 14.81, 20);
	expect_line(a, S_DEFENCE, "0", 15, 15);
	expect_line(a, S_LOSS, "0%", 15, 15);
	expect_line(a, S_REPLY, "0", 15, 15);
	expect_line(a, S_OVERTURN, "0%", 10, 10);
	expect_line(a, S_SUGGESTION, "0", 10, 10);
	expect_line(a, S_REVIEW, "优秀", 10, 10);
	expect_line(a, S_CERT, "96%", 5, 5);
	expect_line(a, S_TRAINING, "40", 3, 0);
	expect_agency(a, "department", 97.81, "良好", "nobody_appeared", 1);
	assert_int_equal(a->nobody, 1);

	/* 县水利局: nothing in 2024. Rates with no data score what `none` says (head_rate,
	 * loss_rate, overturn_rate: full), counts are 0 (full), manual items missing score 0
	 * (case_review, certificates: none = zero), no training hours: no bonus.
	 *   20 + 15 + 15 + 15 + 10 + 10 + 0 + 0 + 0 = 85: 良好; its 2023 nobody-hearing caps
	 *   nothing in 2024. Second department. */
	a = agency(r, WATER);
	expect_line(a, S_HEAD, "-", 20, 20);
	expect_line(a, S_DEFENCE, "0", 15, 15);
	expect_line(a, S_LOSS, "-", 15, 15);
	expect_line(a, S_REPLY, "0", 15, 15);
	expect_line(a, S_OVERTURN, "-", 10, 10);
	expect_line(a, S_SUGGESTION, "0", 10, 10);
	expect_line(a, S_REVIEW, "-", 0, 10);
	expect_line(a, S_CERT, "-", 0, 5);
	expect_line(a, S_TRAINING, "-", 0, 0);
	expect_agency(a, "department", 85, "良好", "", 2);
	assert_int_equal(a->nobody, 0);

	/* 城关镇人民政府:
	 *   head_rate: no hearings, none = full          = 20
	 *   defence 1 (行初20号 late)                     = 10
	 *   loss_rate 33.33%:     15 x 66.667 / 90       = 11.11
	 *   reply 1 (德政复〔2024〕22号 missing)          = 10
	 *   overturn_rate 50%:    10 x 50 / 90           =  5.56
	 *   suggestion 0 (20号 on time, 德检建20号 not yet due) = 10
	 *   case_review 不合格                           =  0
	 *   certificates: no item, none = zero           =  0
	 *   training 5 h:         5 x 0.1                =  0.5
	 *   total                                        = 67.17: 合格. First (only) township. */
	a = agency(r, TOWN);
	expect_line(a, S_HEAD, "-", 20, 20);
	expect_line(a, S_DEFENCE, "1", 10, 15);
	expect_line(a, S_LOSS, "33.33%", 11.11, 15);
	expect_line(a, S_REPLY, "1", 10, 15);
	expect_line(a, S_OVERTURN, "50%", 5.56, 10);
	expect_line(a, S_SUGGESTION, "0", 10, 10);
	expect_line(a, S_REVIEW, "不合格", 0, 10);
	expect_line(a, S_CERT, "-", 0, 5);
	expect_line(a, S_TRAINING, "5", 0.5, 0);
	expect_agency(a, "township", 67.17, "合格", "", 1);

	assess_result_free(r);
	assess_scheme_free(s);
}

/* ---- a tiny scheme of its own --------------------------------------------------------------- */

/* tiny_scheme: head_rate rate 40 (target 80, none full): 40 x v / 80 below; defence deduct 20
 * (-10 each, floor 5); loss_rate rate_lower 20 (target 20, none full): 20 x (100 - v) / 80
 * above; 案卷评查 grade 20 (20/15/10/0, none zero by default); 培训学时 bonus 0.5 per hour, at
 * most 2. Tiers 优秀 90, 合格 60, 不合格 0; a lawyer-only hearing or a nobody hearing caps
 * at 合格. */
static void
test_tiny_scheme_hand_built_year(void **state)
{
	struct rfx *fx = *state;
	struct assess_scheme *s = tiny(fx);
	struct assess_result *r = compute(fx, s);
	const struct assess_agency *a;

	assert_string_equal(r->scheme_title, "小方案");
	assert_int_equal(r->n, 4);

	/* 县公安局: 40 x 50/80 = 25; 20 - 2 x 10 = 0, floor 5; 20 x 50/80 = 12.5; 良好 15;
	 * 12 h x 0.5 = 6, at most 2. Total 59.5: 不合格. The lawyer cap (合格) is better than
	 * that, so it does not apply: no "capped". Third department. */
	a = agency(r, POLICE);
	assert_int_equal(a->n_lines, T_N);
	expect_line(a, T_HEAD, "50%", 25, 40);
	expect_line(a, T_DEFENCE, "2", 5, 20);
	expect_line(a, T_LOSS, "50%", 12.5, 20);
	expect_line(a, T_REVIEW, "良好", 15, 20);
	expect_line(a, T_TRAINING, "12", 2, 0);
	expect_agency(a, "department", 59.5, "不合格", "", 3);
	assert_string_equal(a->lines[T_DEFENCE].target, "-10 each");
	assert_string_equal(a->lines[T_TRAINING].target, "+0.5 per unit, at most 2");

	/* 县财政局: 40 x 66.667/80 = 33.33; 20; 0% <= 20: 20; 优秀 20; 40 h: 20, at most 2.
	 * Total 95.33: 优秀, capped by the nobody hearing at 合格. First department. */
	a = agency(r, FINANCE);
	expect_line(a, T_HEAD, "66.67%", 33.33, 40);
	expect_line(a, T_DEFENCE, "0", 20, 20);
	expect_line(a, T_LOSS, "0%", 20, 20);
	expect_line(a, T_REVIEW, "优秀", 20, 20);
	expect_line(a, T_TRAINING, "40", 2, 0);
	expect_agency(a, "department", 95.33, "合格", "nobody_appeared", 1);

	/* 县水利局: no hearings: 40 (none full); 20; no cases: 20 (none full); no grade: 0
	 * (none zero); no hours: 0. Total 80: 合格. Second department. */
	a = agency(r, WATER);
	expect_line(a, T_HEAD, "-", 40, 40);
	expect_line(a, T_DEFENCE, "0", 20, 20);
	expect_line(a, T_LOSS, "-", 20, 20);
	expect_line(a, T_REVIEW, "-", 0, 20);
	expect_line(a, T_TRAINING, "-", 0, 0);
	expect_agency(a, "department", 80, "合格", "", 2);

	/* 城关镇人民政府: 40 (no hearings); 20 - 10 = 10; 20 x 66.667/80 = 16.67; 不合格 0;
	 * 5 h x 0.5 = 2.5, at most 2. Total 68.67: 合格. First township. */
	a = agency(r, TOWN);
	expect_line(a, T_HEAD, "-", 40, 40);
	expect_line(a, T_DEFENCE, "1", 10, 20);
	expect_line(a, T_LOSS, "33.33%", 16.67, 20);
	expect_line(a, T_REVIEW, "不合格", 0, 20);
	expect_line(a, T_TRAINING, "5", 2, 0);
	expect_agency(a, "township", 68.67, "合格", "", 1);

	assess_result_free(r);
	assess_scheme_free(s);
}

/* ---- ranking ------------------------------------------------------------------------------ */

/* Equal totals share a rank and the next rank skips (1, 1, 3, 3, 5); each kind is ranked on
 * its own. Under the shipped scheme an agency without records scores 85 (see 县水利局 above)
 * plus its 案卷评查 grade: 良好 93, 合格 91. */
static void
test_rank_ties_within_kind(void **state)
{
	struct rfx *fx = *state;
	struct assess_scheme *s = shipped_scheme();
	struct assess_result *r;
	const char *order[] = { "县乙局", "县甲局", "县丁局", "县丙局", "县戊局" };
	const int ranks[] = { 1, 1, 3, 3, 5 };
	const double totals[] = { 93, 93, 91, 91, 85 };
	int i;

	rfx_agency(fx, "县甲局", "", "department");
	rfx_agency(fx, "县乙局", "", "department");
	rfx_agency(fx, "县丙局", "", "department");
	rfx_agency(fx, "县丁局", "", "department");
	rfx_agency(fx, "县戊局", "", "department");
	rfx_agency(fx, "青石镇人民政府", "", "township");
	rfx_agency(fx, "县人民法院", "", "other");
	item(fx, "县甲局", "案卷评查", "良好");
	item(fx, "县乙局", "案卷评查", "良好");
	item(fx, "县丙局", "案卷评查", "合格");
	item(fx, "县丁局", "案卷评查", "合格");
	item(fx, "青石镇人民政府", "案卷评查", "优秀");
	item(fx, "县人民法院", "案卷评查", "不合格");
	r = compute(fx, s);
	assert_int_equal(r->n, 7);
	/* Ties in name order (UTF-8 byte order: 丁 U+4E01 < 丙 U+4E19 < 乙 U+4E59 < 甲 U+7532). */
	for (i = 0; i < 5; i++) {
		assert_string_equal(r->agencies[i].name, order[i]);
		expect_agency(&r->agencies[i], "department", totals[i],
		    totals[i] >= 90 ? "优秀" : "良好", "", ranks[i]);
	}
	/* Kinds sort "department" < "other" < "township"; each has its own rank 1. */
	expect_agency(&r->agencies[5], "other", 85, "良好", "", 1);
	assert_string_equal(r->agencies[5].name, "县人民法院");
	expect_agency(&r->agencies[6], "township", 95, "优秀", "", 1);
	assess_result_free(r);
	assess_scheme_free(s);
}

/* ---- freezing ----------------------------------------------------------------------------- */

static int64_t
audit_count(struct rfx *fx, const char *action)
{
	char sql[200];

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM audit_log WHERE action = '%s' AND kind = "
	    "'assessment' AND record_id = 2024", action);
	return rfx_sql_int(fx, sql, 0);
}

/* Finalize: supervisor or admin; staff and analysts are refused. A finalized year is read
 * back as stored (when, by whom, which scheme), whatever changes in the records or the scheme
 * afterwards; a second finalize is refused; unfreezing is for an admin only, and audited;
 * afterwards the year is computed afresh. */
static void
test_finalize_freezes_year(void **state)
{
	struct rfx *fx = *state;
	struct assess_scheme *s = shipped_scheme();
	struct assess_scheme *t = tiny(fx);
	struct assess_result *before = compute(fx, s);
	struct assess_result *r;
	struct duban_err err;
	const struct assess_agency *a;
	char text[512];
	int i;
	int k;

	/* Staff and analysts may not finalize. */
	db_set_actor_role(fx->db, ROLE_STAFF);
	duban_err_clear(&err);
	assert_int_equal(assess_finalize(fx->db, s, 2024, fx->env.today, false, &err), DUBAN_EDENIED);
	rfx_expect_contains(err.msg, "supervisor or admin");
	db_set_actor_role(fx->db, ROLE_ANALYST);
	assert_int_equal(assess_finalize(fx->db, s, 2024, fx->env.today, false, &err), DUBAN_EDENIED);
	assert_int_equal(rfx_sql_int(fx, "SELECT count(*) FROM assessment_years", 0), 0);
	assert_int_equal(audit_count(fx, "freeze"), 0);

	/* A supervisor may. */
	db_set_actor(fx->db, "chief", "2025-03-02 10:30:00");
	db_set_actor_role(fx->db, ROLE_SUPERVISOR);
	duban_err_clear(&err);
	/* Not a year that has not ended (today is in 2025), unless asked to on purpose. */
	assert_false(assess_year_ended(2025, fx->env.today));
	assert_true(assess_year_ended(2024, fx->env.today));
	assert_int_equal(assess_finalize(fx->db, s, 2025, fx->env.today, false, &err),
	    DUBAN_EINPUT);
	rfx_expect_contains(err.msg, "2025 has not ended yet");
	assert_int_equal(rfx_sql_int(fx, "SELECT count(*) FROM assessment_years", 0), 0);
	assert_int_equal(assess_finalize(fx->db, s, 2024, fx->env.today, false, &err), DUBAN_OK);
	assert_int_equal(rfx_sql_int(fx, "SELECT count(*) FROM assessment_years WHERE year = 2024",
	    0), 1);
	assert_int_equal(rfx_sql_int(fx, "SELECT count(*) FROM assessment_results WHERE year = "
	    "2024", 0), 4);
	/* The scheme's text is stored with the year. */
	rfx_sql_text(fx, "SELECT substr(scheme, 1, 40) FROM assessment_years", 0, text,
	    sizeof(text));
	assert_true(strncmp(text, s->source, strlen(text)) == 0);
	assert_int_equal(audit_count(fx, "freeze"), 1);
	rfx_sql_text(fx, "SELECT login || ' ' || at || ' ' || after FROM audit_log WHERE action = "
	    "'freeze'", 0, text, sizeof(text));
	assert_string_equal(text, "chief 2025-03-02 10:30:00 {\"year\":2024,\"agencies\":4}");

	/* Later the records change: 县财政局 loses a case closed in 2024 ... */
	db_set_actor(fx->db, "tester", TODAY_NOW);
	db_set_actor_role(fx->db, ROLE_ADMIN);
	lit(fx, "(2024)浙0521行初11号", FINANCE, "", "", "revoked", "2024-11-29");
	item(fx, WATER, "案卷评查", "优秀");

	/* ... yet the year reads as stored, under either scheme. */
	for (k = 0; k < 2; k++) {
		r = compute(fx, k == 0 ? s : t);
		assert_true(r->finalized);
		assert_string_equal(r->finalized_at, "2025-03-02 10:30:00");
		assert_string_equal(r->finalized_by, "chief");
		assert_string_equal(r->scheme_title, before->scheme_title);
		assert_int_equal(r->n, before->n);
		for (i = 0; i < r->n; i++) {
			const struct assess_agency *x = &r->agencies[i];
			const struct assess_agency *y = &before->agencies[i];
			int l;

			assert_int_equal(x->agency_id, y->agency_id);
			assert_string_equal(x->name, y->name);
			assert_string_equal(x->kind, y->kind);
			expect_num(x->total, y->total, "stored total", x->name);
			assert_string_equal(x->tier, y->tier);
			assert_string_equal(x->capped_by, y->capped_by);
			assert_int_equal(x->rank, y->rank);
			assert_int_equal(x->nobody, y->nobody);
			assert_int_equal(x->n_lines, y->n_lines);
			for (l = 0; l < x->n_lines; l++) {
				assert_string_equal(x->lines[l].title, y->lines[l].title);
				assert_string_equal(x->lines[l].value, y->lines[l].value);
				assert_string_equal(x->lines[l].target, y->lines[l].target);
				expect_num(x->lines[l].score, y->lines[l].score, "stored score",
				    x->name);
				expect_num(x->lines[l].max, y->lines[l].max, "stored max", x->name);
				expect_num(x->lines[l].lost, y->lines[l].lost, "stored lost",
				    x->name);
				assert_int_equal(x->lines[l].metric, y->lines[l].metric);
			}
		}
		a = agency(r, FINANCE);
		expect_agency(a, "department", 97.81, "良好", "nobody_appeared", 1);
		assess_result_free(r);
	}

	/* Finalizing twice is refused, saying when and by whom. */
	duban_err_clear(&err);
	assert_int_equal(assess_finalize(fx->db, s, 2024, fx->env.today, false, &err), DUBAN_EINPUT);
	rfx_expect_contains(err.msg, "2025-03-02 10:30:00");
	rfx_expect_contains(err.msg, "chief");
	assert_int_equal(audit_count(fx, "freeze"), 1);

	/* A supervisor may not unfreeze; an admin may. */
	db_set_actor_role(fx->db, ROLE_SUPERVISOR);
	duban_err_clear(&err);
	assert_int_equal(assess_unfreeze(fx->db, 2024, &err), DUBAN_EDENIED);
	rfx_expect_contains(err.msg, "admin");
	assert_int_equal(audit_count(fx, "unfreeze"), 0);
	db_set_actor(fx->db, "boss", "2025-03-03 08:00:00");
	db_set_actor_role(fx->db, ROLE_ADMIN);
	duban_err_clear(&err);
	assert_int_equal(assess_unfreeze(fx->db, 2024, &err), DUBAN_OK);
	assert_int_equal(rfx_sql_int(fx, "SELECT count(*) FROM assessment_years", 0), 0);
	assert_int_equal(rfx_sql_int(fx, "SELECT count(*) FROM assessment_results", 0), 0);
	assert_int_equal(audit_count(fx, "unfreeze"), 1);
	rfx_sql_text(fx, "SELECT login || ' ' || before FROM audit_log WHERE action = 'unfreeze'",
	    0, text, sizeof(text));
	assert_string_equal(text, "boss {\"year\":2024,\"finalized_at\":\"2025-03-02 10:30:00\","
	    "\"finalized_by\":\"chief\"}");
	/* Unfreezing a year that is not finalized is refused. */
	assert_int_equal(assess_unfreeze(fx->db, 2024, &err), DUBAN_EINPUT);
	assert_int_equal(audit_count(fx, "unfreeze"), 1);

	/* Computed afresh: 县财政局 has closed 2 cases in 2024, 1 lost: 50%, 15 x 50/90 = 8.33
	 * instead of 15: 97.81 - 15 + 8.33 = 91.14 (优秀, capped at 良好). 县水利局 gains its
	 * 优秀 grade: 85 + 10 = 95: 优秀, now first. */
	r = compute(fx, s);
	assert_false(r->finalized);
	a = agency(r, FINANCE);
	expect_line(a, S_LOSS, "50%", 8.33, 15);
	expect_agency(a, "department", 91.14, "良好", "nobody_appeared", 2);
	a = agency(r, WATER);
	expect_agency(a, "department", 95, "优秀", "", 1);
	assess_result_free(r);

	/* The admin who unfroze may finalize again. */
	duban_err_clear(&err);
	assert_int_equal(assess_finalize(fx->db, s, 2024, fx->env.today, false, &err), DUBAN_OK);
	assert_int_equal(audit_count(fx, "freeze"), 2);
	r = compute(fx, s);
	assert_true(r->finalized);
	assert_string_equal(r->finalized_by, "boss");
	expect_agency(agency(r, FINANCE), "department", 91.14, "良好", "nobody_appeared", 2);
	assess_result_free(r);

	assess_result_free(before);
	assess_scheme_free(s);
	assess_scheme_free(t);
}

/* Another year is not touched by finalizing 2024. */
static void
test_finalize_is_per_year(void **state)
{
	struct rfx *fx = *state;
	struct assess_scheme *s = shipped_scheme();
	struct assess_result *r = NULL;
	struct duban_err err;

	duban_err_clear(&err);
	assert_int_equal(assess_finalize(fx->db, s, 2024, fx->env.today, false, &err), DUBAN_OK);
	assert_int_equal(assess_compute(fx->db, s, 2023, fx->env.today, &r, &err), DUBAN_OK);
	assert_false(r->finalized);
	/* 2023 for 县水利局: one hearing, nobody came: head_rate 0%, 0 points; its case closed
	 * in 2023, not lost: 0%, 15; no 2023 items: 0 + 0. 0 + 15 + 15 + 15 + 10 + 10 = 65:
	 * 合格, already below the cap's 良好, so not "capped".
	 * 县公安局 in 2023: the hearing of 2023-12-28, head: 100%, 20; (2023)行初90号's copy
	 * came 2023-12-20 and its defence never came: 1 failure, 10; nothing closed or decided
	 * in 2023: 15 + 10 (none full); 15 + 10 for no failures; no items. 80: 良好, second.
	 * 县财政局 has nothing in 2023: 85, first. */
	expect_line(agency(r, WATER), S_HEAD, "0%", 0, 20);
	expect_line(agency(r, WATER), S_LOSS, "0%", 15, 15);
	expect_agency(agency(r, WATER), "department", 65, "合格", "", 3);
	expect_line(agency(r, POLICE), S_HEAD, "100%", 20, 20);
	expect_line(agency(r, POLICE), S_DEFENCE, "1", 10, 15);
	expect_agency(agency(r, POLICE), "department", 80, "良好", "", 2);
	expect_agency(agency(r, FINANCE), "department", 85, "良好", "", 1);
	assert_int_equal(agency(r, WATER)->nobody, 1);
	assess_result_free(r);
	assess_scheme_free(s);
}

/* "Missing" means not done and due before the day the assessment is computed. 2025 on
 * 2025-03-01 for 县公安局: the hearing of 2025-02-26, nobody came: head_rate 0%, 0 points;
 * (2025)行初1号's defence is due 2025-03-07: not yet missing: 15; nothing closed, decided or
 * received otherwise: 15 + 15 + 10 + 10; no 2025 items: 0. Total 65: 合格 (the nobody cap at
 * 良好 does not bite). Computed on 2025-03-10 the defence is missing: 10, total 60, still
 * 合格. */
static void
test_current_year_counts_until_today(void **state)
{
	struct rfx *fx = *state;
	struct assess_scheme *s = shipped_scheme();
	struct assess_result *r = NULL;
	struct duban_err err;
	const struct assess_agency *a;

	duban_err_clear(&err);
	assert_int_equal(assess_compute(fx->db, s, 2025, date_ymd(2025, 3, 1), &r, &err),
	    DUBAN_OK);
	a = agency(r, POLICE);
	expect_line(a, S_HEAD, "0%", 0, 20);
	expect_line(a, S_DEFENCE, "0", 15, 15);
	expect_line(a, S_LOSS, "-", 15, 15);
	expect_agency(a, "department", 65, "合格", "", 3);
	assert_int_equal(a->nobody, 1);
	assess_result_free(r);
	assert_int_equal(assess_compute(fx->db, s, 2025, date_ymd(2025, 3, 10), &r, &err),
	    DUBAN_OK);
	a = agency(r, POLICE);
	expect_line(a, S_DEFENCE, "1", 10, 15);
	expect_agency(a, "department", 60, "合格", "", 3);
	assess_result_free(r);
	assess_scheme_free(s);
}

/* Manual items under every rule: deduct on an item (-20 each, floor 0), a grade item given as
 * a number (points, at most the maximum), none = full for a missing grade; a deleted item
 * does not count. */
static const char manual_scheme[] =
    "[scheme]\n"
    "title = 手工项目\n"
    "[indicator complaints]\n"
    "rule = deduct\n"
    "item = 投诉\n"
    "points = 50\n"
    "deduct = 20\n"
    "[indicator review]\n"
    "rule = grade\n"
    "item = 案卷评查\n"
    "points = 50\n"
    "优秀 = 50\n"
    "良好 = 40\n"
    "合格 = 30\n"
    "不合格 = 0\n"
    "none = full\n"
    "[tier 好]\n"
    "min = 60\n"
    "[tier 差]\n"
    "min = 0\n";

static void
test_manual_items_every_rule(void **state)
{
	struct rfx *fx = *state;
	struct assess_scheme *s = NULL;
	struct assess_result *r;
	struct duban_err err;
	char path[RFX_PATH_LEN];
	FILE *f;
	int64_t gone;

	snprintf(path, sizeof(path), "%s/manual.ini", fx->dir);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_true(fputs(manual_scheme, f) >= 0);
	assert_int_equal(fclose(f), 0);
	duban_err_clear(&err);
	assert_int_equal(config_load_scheme(path, &s, &err), DUBAN_OK);
	rfx_agency(fx, "县甲局", "", "department");
	rfx_agency(fx, "县乙局", "", "department");
	rfx_agency(fx, "县丙局", "", "department");
	item(fx, "县甲局", "投诉", "1");
	item(fx, "县甲局", "案卷评查", "35.5");
	item(fx, "县乙局", "投诉", "4");
	item(fx, "县乙局", "案卷评查", "80");
	gone = item(fx, "县丙局", "投诉", "2");
	assert_int_equal(record_delete(&fx->env, record_kind("assessment-item"), gone, &err),
	    DUBAN_OK);
	r = compute(fx, s);
	/* 县丙局: no complaints (the deleted item does not count): 50; no grade, none = full:
	 * 50. 100: 好, first. */
	expect_line(agency(r, "县丙局"), 0, "0", 50, 50);
	expect_line(agency(r, "县丙局"), 1, "-", 50, 50);
	expect_agency(agency(r, "县丙局"), "department", 100, "好", "", 1);
	/* 县甲局: 50 - 1 x 20 = 30; 35.5 as points: 35.5. 65.5: 好. */
	expect_line(agency(r, "县甲局"), 0, "1", 30, 50);
	expect_line(agency(r, "县甲局"), 1, "35.5", 35.5, 50);
	expect_agency(agency(r, "县甲局"), "department", 65.5, "好", "", 2);
	/* 县乙局: 50 - 4 x 20 = -30, not below the floor 0; 80 points, at most 50. 50: 差. */
	expect_line(agency(r, "县乙局"), 0, "4", 0, 50);
	expect_line(agency(r, "县乙局"), 1, "80", 50, 50);
	expect_agency(agency(r, "县乙局"), "department", 50, "差", "", 3);
	assess_result_free(r);
	assess_scheme_free(s);
}

/* An assessment item's score is a number or one of the four grade words; its year is a year. */
static void
test_item_score_checked(void **state)
{
	struct rfx *fx = *state;
	const struct kind_def *k = record_kind("assessment-item");
	struct record *r;
	struct record_problems p;
	struct duban_err err;
	enum record_outcome out;

	rfx_agency(fx, "县甲局", "", "department");
	r = record_new(k);
	rfx_input(fx, r, "year", "1999");
	rfx_input(fx, r, "agency", "县甲局");
	rfx_input(fx, r, "item", "案卷评查");
	rfx_input(fx, r, "score", "很好");
	memset(&p, 0, sizeof(p));
	duban_err_clear(&err);
	assert_int_equal(record_save(&fx->env, r, 0, &out, &p, &err), DUBAN_EINPUT);
	assert_int_equal(p.n, 2);
	rfx_expect_contains(p.items[0].msg, "1999");
	rfx_expect_contains(p.items[1].msg, "很好");
	record_free(r);
	assert_int_equal(rfx_sql_int(fx, "SELECT count(*) FROM assessment_items", 0), 0);
	/* Every grade word and a number are taken; the change is audited. */
	item(fx, "县甲局", "案卷评查", "合格");
	item(fx, "县甲局", "持证率", "87.5");
	assert_int_equal(rfx_sql_int(fx, "SELECT count(*) FROM audit_log WHERE kind = "
	    "'assessment-item' AND action = 'create'", 0), 2);
}

/* Scores are exact: computed from the counts and the scheme's decimals, rounded half up once
 * (doc/assessment.md §2). Binary floating point made 94.525 % 持证率 against 95 % worth 4.97
 * (5 x 94.525 / 95 = 4.975 exactly: 4.98), 1.45 training hours at 0.1 worth 0.14 (0.145:
 * 0.15), showed 40.625 % as 40.62 %, and so put an agency whose scores add up to 90.00 in
 * 良好 (89.98) instead of 优秀. */
static const char exact_scheme[] =
    "[scheme]\n"
    "title = 精确计分\n"
    "[indicator certificates]\n"
    "rule = rate\n"
    "item = 持证率\n"
    "points = 5\n"
    "target = 95\n"
    "[indicator appearance]\n"
    "rule = rate\n"
    "metric = head_rate\n"
    "points = 10\n"
    "target = 100\n"
    "[indicator review]\n"
    "rule = grade\n"
    "item = 案卷评查\n"
    "points = 85\n"
    "优秀 = 85\n"
    "良好 = 70\n"
    "合格 = 50\n"
    "不合格 = 0\n"
    "[indicator training]\n"
    "rule = bonus\n"
    "item = 培训学时\n"
    "per = 0.1\n"
    "points = 3\n"
    "[tier 优秀]\n"
    "min = 90\n"
    "[tier 良好]\n"
    "min = 80\n"
    "[tier 合格]\n"
    "min = 60\n"
    "[tier 不合格]\n"
    "min = 0\n";

static void
test_scores_exact_half_up(void **state)
{
	struct rfx *fx = *state;
	struct assess_scheme *s = NULL;
	struct assess_result *r;
	const struct assess_agency *a;
	struct duban_err err;
	char path[RFX_PATH_LEN];
	char on[32];
	FILE *f;
	int i;

	snprintf(path, sizeof(path), "%s/exact.ini", fx->dir);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_true(fputs(exact_scheme, f) >= 0);
	assert_int_equal(fclose(f), 0);
	duban_err_clear(&err);
	assert_int_equal(config_load_scheme(path, &s, &err), DUBAN_OK);
	rfx_agency(fx, "县甲局", "", "department");
	/* 32 hearings with the appearance recorded, 13 of them with a head: 40.625 %. */
	lit(fx, "(2024)浙0521行初7号", "县甲局", "2024-01-02", "2024-01-10", "", "");
	for (i = 0; i < 32; i++) {
		snprintf(on, sizeof(on), "2024-%02d-%02d", 2 + i / 28, 1 + i % 28);
		hearing(fx, "(2024)浙0521行初7号", on, i < 13 ? "head" : "staff");
	}
	item(fx, "县甲局", "持证率", "94.525");
	item(fx, "县甲局", "案卷评查", "80.81");
	item(fx, "县甲局", "培训学时", "1.45");
	r = compute(fx, s);
	a = agency(r, "县甲局");
	expect_line(a, 0, "94.53%", 4.98, 5);		/* 4.975 */
	expect_line(a, 1, "40.63%", 4.06, 10);		/* 10 x 40.625 / 100 = 4.0625 */
	expect_line(a, 2, "80.81", 80.81, 85);
	expect_line(a, 3, "1.45", 0.15, 0);		/* 0.145 */
	/* 4.98 + 4.06 + 80.81 + 0.15 = 90.00: 优秀, exactly at its min. */
	expect_agency(a, "department", 90, "优秀", "", 1);
	assert_true(llround(a->total * 100) == 9000);
	assert_true(llround(a->lines[0].score * 100) == 498);
	assert_true(llround(a->lines[3].score * 100) == 15);
	assess_result_free(r);
	assess_scheme_free(s);
}

/* The exact decimals behind every score and rate (decimal.h): parsed without binary floating
 * point, percentages rounded half up from the counts. printf rounds an exact binary tie to
 * even: "%.1f" of 6.25 is 6.2, "%.0f" of 12.5 is 12, "%.2f" of 40.625 is 40.62. */
static void
test_decimal_exact(void **state)
{
	char t[DECIMAL_TEXT_LEN];
	int64_t v;

	(void)state;
	assert_true(decimal_parse("94.525", &v) && v == 94525000);
	assert_true(decimal_parse("0.1", &v) && v == 100000);
	assert_true(decimal_parse("-5", &v) && v == -5000000);
	assert_true(decimal_parse("7.", &v) && v == 7000000);
	assert_true(decimal_parse("1.2500000", &v) && v == 1250000);
	assert_false(decimal_parse("1.0000001", &v));
	assert_false(decimal_parse("nan", &v));
	assert_false(decimal_parse("inf", &v));
	assert_false(decimal_parse("1e2", &v));
	assert_false(decimal_parse("", &v));
	assert_false(decimal_parse(".", &v));
	assert_false(decimal_parse(" 1", &v));
	assert_false(decimal_parse("1234567890123", &v));
	assert_string_equal(decimal_format(92500000, t), "92.5");
	assert_string_equal(decimal_format(100000, t), "0.1");
	assert_string_equal(decimal_format(90000000, t), "90");
	assert_string_equal(decimal_format(-5000000, t), "-5");
	assert_string_equal(decimal_percent(1, 16, 1, t), "6.3");
	assert_string_equal(decimal_percent(1, 8, 0, t), "13");
	assert_string_equal(decimal_percent(13, 32, 2, t), "40.63");
	assert_string_equal(decimal_percent(2, 3, 1, t), "66.7");
	assert_string_equal(decimal_percent(0, 3, 1, t), "0.0");
	assert_string_equal(decimal_percent(3, 3, 0, t), "100");
}

/* A score that is not a finite number from 0 to 100 is refused where it is entered; one
 * already stored (a database from before the check) scores as no number, never as nan. */
static void
test_item_score_nan_inf_range_refused(void **state)
{
	struct rfx *fx = *state;
	const struct kind_def *k = record_kind("assessment-item");
	static const char *const bad[] = { "nan", "NaN", "inf", "-inf", "infinity", "-1", "100.01",
		"1e2", "0x10", "1.0000001", "", NULL };
	static const char *const good[] = { "0", "100", "100.000000", "94.525", "0.000001", NULL };
	struct assess_scheme *s = shipped_scheme();
	struct assess_result *r;
	const struct assess_agency *a;
	struct record *rec;
	struct record_problems p;
	struct duban_err err;
	enum record_outcome out;
	int64_t v;
	int i;

	for (i = 0; bad[i] != NULL; i++) {
		if (assess_item_number(bad[i], &v)) {
			print_error("\"%s\" taken as the number %lld\n", bad[i], (long long)v);
			fail();
		}
	}
	for (i = 0; good[i] != NULL; i++)
		assert_true(assess_item_number(good[i], &v));
	assert_true(assess_item_number("94.525", &v) && v == 94525000);
	rfx_agency(fx, "县甲局", "", "department");
	for (i = 0; bad[i] != NULL && bad[i][0] != '\0'; i++) {
		rec = record_new(k);
		rfx_input(fx, rec, "year", "2024");
		rfx_input(fx, rec, "agency", "县甲局");
		rfx_input(fx, rec, "item", "持证率");
		rfx_input(fx, rec, "score", bad[i]);
		memset(&p, 0, sizeof(p));
		duban_err_clear(&err);
		assert_int_equal(record_save(&fx->env, rec, 0, &out, &p, &err), DUBAN_EINPUT);
		assert_int_equal(p.n, 1);
		rfx_expect_contains(p.items[0].msg, bad[i]);
		record_free(rec);
	}
	assert_int_equal(rfx_sql_int(fx, "SELECT count(*) FROM assessment_items", 0), 0);
	/* Stored behind duban's back: nan, inf, a negative, more than 100. */
	item(fx, "县甲局", "持证率", "90");
	item(fx, "县甲局", "案卷评查", "优秀");
	item(fx, "县甲局", "培训学时", "10");
	assert_int_equal(sqlite3_exec(db_sqlite(fx->db), "UPDATE assessment_items SET score ="
	    " CASE item WHEN '持证率' THEN 'nan' WHEN '案卷评查' THEN '-1' ELSE 'inf' END",
	    NULL, NULL, NULL), SQLITE_OK);
	r = compute(fx, s);
	a = agency(r, "县甲局");
	expect_line(a, 7, "-", 0, 5);		/* 持证率 nan: no data, none = zero */
	expect_line(a, 6, "-1", 0, 10);		/* 案卷评查 -1: neither grade nor number */
	expect_line(a, 8, "0", 0, 0);		/* 培训学时 inf: nothing */
	expect_agency(a, "department", 85, "良好", "", 1);
	assess_result_free(r);
	/* ... and the year can be finalized: nothing in it is nan. */
	duban_err_clear(&err);
	assert_int_equal(assess_finalize(fx->db, s, 2024, fx->env.today, false, &err), DUBAN_OK);
	assess_scheme_free(s);
}

/* ---- the records behind an indicator ------------------------------------------------------- */

static void
expect_source(const struct assess_source *x, const char *kind, int64_t id, bool against,
    const char *needle)
{
	if (strcmp(x->kind, kind) != 0 || x->id != id || x->counted_against != against) {
		print_error("source %s %lld (%s) against=%d, expected %s %lld against=%d\n",
		    x->kind, (long long)x->id, x->text, x->counted_against, kind, (long long)id,
		    against);
		fail();
	}
	rfx_expect_contains(x->text, needle);
}

static void
test_sources_behind_indicators(void **state)
{
	struct rfx *fx = *state;
	struct assess_source *src = NULL;
	struct duban_err err;
	int64_t police = rfx_sql_int(fx, "SELECT id FROM agencies WHERE name = '" POLICE "'", 0);
	int64_t finance = rfx_sql_int(fx, "SELECT id FROM agencies WHERE name = '" FINANCE "'", 0);
	int64_t water = rfx_sql_int(fx, "SELECT id FROM agencies WHERE name = '" WATER "'", 0);
	int n = -1;

	/* head_rate: the four hearings of 2024 with the appearance recorded, those without a head
	 * first (staff, lawyer), each group by date; the unrecorded hearing of 2024-12-09 and the
	 * hearings of 2023 and 2025 are not among them. */
	duban_err_clear(&err);
	assert_int_equal(assess_sources(fx->db, 2024, fx->env.today, police, METRIC_HEAD_RATE, NULL,
	    &src, &n, &err), DUBAN_OK);
	assert_int_equal(n, 4);
	expect_source(&src[0], "hearing", ids.p_staff, true, "2024-09-09");
	expect_source(&src[1], "hearing", ids.p_lawyer, true, "2024-11-11");
	expect_source(&src[2], "hearing", ids.p_head, false, "2024-04-15");
	expect_source(&src[3], "hearing", ids.p_deputy, false, "2024-06-17");
	rfx_expect_contains(src[0].text, "(2024)浙0521行初4号");
	assess_sources_free(src, n);

	/* defence_failures: the late one and the missing one, by due date; the defence mailed on
	 * its due day, the deleted case and the 2023 case are not among them. */
	assert_int_equal(assess_sources(fx->db, 2024, fx->env.today, police,
	    METRIC_DEFENCE_FAILURES, NULL, &src, &n, &err), DUBAN_OK);
	assert_int_equal(n, 2);
	expect_source(&src[0], "litigation", ids.p_case2, true, "2024-05-21");
	rfx_expect_contains(src[0].text, "2024-05-24");
	expect_source(&src[1], "litigation", ids.p_case3, true, "2024-12-17");
	assess_sources_free(src, n);

	/* loss_rate: every case closed in 2024, the lost ones first. */
	assert_int_equal(assess_sources(fx->db, 2024, fx->env.today, police, METRIC_LOSS_RATE,
	    NULL, &src, &n, &err), DUBAN_OK);
	assert_int_equal(n, 4);
	expect_source(&src[0], "litigation", ids.p_case2, true, "2024-10-15");
	expect_source(&src[1], "litigation", ids.p_case4, true, "2024-11-20");
	expect_source(&src[2], "litigation", ids.p_case0, false, "2024-06-03");
	expect_source(&src[3], "litigation", ids.p_case1, false, "2024-09-10");
	assess_sources_free(src, n);

	/* Counts of the other kinds: 2 replies, 2 decisions (1 against), 2 suggestions. */
	assert_int_equal(assess_sources(fx->db, 2024, fx->env.today, police,
	    METRIC_REPLY_FAILURES, NULL, &src, &n, &err), DUBAN_OK);
	assert_int_equal(n, 2);
	rfx_expect_contains(src[0].text, "德政复〔2024〕2号");
	rfx_expect_contains(src[1].text, "德政复〔2024〕3号");
	assess_sources_free(src, n);
	assert_int_equal(assess_sources(fx->db, 2024, fx->env.today, police,
	    METRIC_OVERTURN_RATE, NULL, &src, &n, &err), DUBAN_OK);
	assert_int_equal(n, 2);
	assert_true(src[0].counted_against);
	rfx_expect_contains(src[0].text, "德政复〔2024〕2号  2024-08-01");
	assert_false(src[1].counted_against);
	rfx_expect_contains(src[1].text, "德政复〔2024〕1号  2024-05-10");
	assess_sources_free(src, n);
	assert_int_equal(assess_sources(fx->db, 2024, fx->env.today, police,
	    METRIC_SUGGESTION_FAILURES, NULL, &src, &n, &err), DUBAN_OK);
	assert_int_equal(n, 2);
	rfx_expect_contains(src[0].text, "德法建〔2024〕2号");
	rfx_expect_contains(src[1].text, "德检建〔2024〕1号");
	assess_sources_free(src, n);

	/* A manual item: the assessment-item record. */
	assert_int_equal(assess_sources(fx->db, 2024, fx->env.today, police, METRIC_MANUAL,
	    "案卷评查", &src, &n, &err), DUBAN_OK);
	assert_int_equal(n, 1);
	expect_source(&src[0], "assessment-item", ids.p_review, true, "良好");
	assess_sources_free(src, n);

	/* The cap of 县财政局: its nobody hearing. */
	assert_int_equal(assess_sources(fx->db, 2024, fx->env.today, finance,
	    METRIC_NOBODY_APPEARED, NULL, &src, &n, &err), DUBAN_OK);
	assert_int_equal(n, 1);
	expect_source(&src[0], "hearing", ids.f_none, true, "2024-06-12");
	assess_sources_free(src, n);

	/* 县水利局 has nothing in 2024. */
	assert_int_equal(assess_sources(fx->db, 2024, fx->env.today, water, METRIC_HEAD_RATE, NULL,
	    &src, &n, &err), DUBAN_OK);
	assert_int_equal(n, 0);
	assess_sources_free(src, n);
}

/* ---- the printable report ---------------------------------------------------------------- */

static void
test_report_names_tiers_and_losses(void **state)
{
	struct rfx *fx = *state;
	struct assess_scheme *s = shipped_scheme();
	struct assess_result *r = compute(fx, s);
	struct buf b = BUF_INIT;
	const char *text;

	assess_report(r, &b);
	text = buf_str(&b);
	rfx_expect_contains(text, "Assessment 2024: 行政应诉、行政复议与司法建议工作考核");
	rfx_expect_contains(text, "Not finalized");
	rfx_expect_contains(text, "Departments");
	rfx_expect_contains(text, "Townships and streets");
	rfx_expect_contains(text, "  1. 县财政局");
	rfx_expect_contains(text, "97.81  良好 (capped: nobody_appeared)");
	rfx_expect_contains(text, "48.94  不合格");
	rfx_expect_contains(text, "67.17  合格");
	rfx_expect_contains(text, "负责人出庭应诉率: 50%, lost 8.89");
	/* Points lost in all, per indicator: head_rate 8.89 + 5.19 = 14.08; defence 10 + 5 = 15;
	 * loss_rate 6.67 + 3.89 = 10.56; reply 10 + 5 = 15; overturn 4.44 + 4.44 = 8.88;
	 * suggestion 10; case_review 公安 2 + 财政 0 + 水利 10 + 城关 10 = 22; certificates
	 * 0.26 + 5 + 5 = 10.26; the bonus loses nothing. The largest: 案卷评查, 22. */
	rfx_expect_contains(text, "Largest sources of lost points");
	rfx_expect_contains(text, "  1    行政执法案卷评查: 22.00 points in all");
	buf_release(&b);
	assess_result_free(r);
	assess_scheme_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_hand_built_due_dates, year_setup,
		    rfx_teardown),
		cmocka_unit_test_setup_teardown(test_shipped_scheme_hand_built_year, year_setup,
		    rfx_teardown),
		cmocka_unit_test_setup_teardown(test_tiny_scheme_hand_built_year, year_setup,
		    rfx_teardown),
		cmocka_unit_test_setup_teardown(test_rank_ties_within_kind, today_setup,
		    rfx_teardown),
		cmocka_unit_test_setup_teardown(test_finalize_freezes_year, year_setup,
		    rfx_teardown),
		cmocka_unit_test_setup_teardown(test_finalize_is_per_year, year_setup,
		    rfx_teardown),
		cmocka_unit_test_setup_teardown(test_current_year_counts_until_today, year_setup,
		    rfx_teardown),
		cmocka_unit_test_setup_teardown(test_manual_items_every_rule, today_setup,
		    rfx_teardown),
		cmocka_unit_test_setup_teardown(test_item_score_checked, today_setup,
		    rfx_teardown),
		cmocka_unit_test(test_decimal_exact),
		cmocka_unit_test_setup_teardown(test_scores_exact_half_up, today_setup,
		    rfx_teardown),
		cmocka_unit_test_setup_teardown(test_item_score_nan_inf_range_refused, today_setup,
		    rfx_teardown),
		cmocka_unit_test_setup_teardown(test_sources_behind_indicators, year_setup,
		    rfx_teardown),
		cmocka_unit_test_setup_teardown(test_report_names_tiers_and_losses, year_setup,
		    rfx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
