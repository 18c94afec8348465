/* tests/unit/test_kinds.c: one home per record kind. Every kind's descriptor is complete and
 * agrees with the duties; the SQL that asks what a choice means is generated from the choice
 * flags; deletes are blocked by any kind's references; lists read the kind's natural order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "duban/buf.h"
#include "duban/duty.h"
#include "records_fixture.h"

/* Every kind has its name, table, labels; a kind with a duty names a duty of its own, with
 * list captions; one without has a natural order and three fields to list. */
static void
test_every_kind_is_described(void **state)
{
	size_t k;
	int i;

	(void)state;
	for (k = 0; record_kinds[k] != NULL; k++) {
		const struct kind_def *kd = record_kinds[k];

		assert_non_null(kd->name);
		assert_non_null(kd->table);
		assert_non_null(kd->label);
		assert_non_null(kd->plural);
		assert_ptr_equal(record_kind(kd->name), kd);
		if (kd->duty != NULL) {
			const struct duty *d = duty_find(kd->duty);

			assert_non_null(d);
			assert_string_equal(d->kind, kd->name);
			assert_ptr_equal(duty_primary(kd->name), d);
			assert_non_null(kd->key_caption);
			assert_non_null(kd->party_caption);
		} else {
			assert_null(duty_primary(kd->name));
			assert_non_null(kd->order);
			for (i = 0; i < 3; i++)
				assert_true(kd->list_fields[i] >= 0 && kd->list_fields[i] < kd->n_fields);
		}
		if (kd->detail != NULL) {
			assert_non_null(record_kind(kd->detail));
			assert_non_null(kd->detail_caption);
		}
	}
	/* The desk's five "go" keys open these kinds, in this order (keys 2 to 6). */
	assert_string_equal(record_desk_kind(1)->name, "litigation");
	assert_string_equal(record_desk_kind(2)->name, "hearing");
	assert_string_equal(record_desk_kind(3)->name, "reconsideration");
	assert_string_equal(record_desk_kind(4)->name, "suggestion");
	assert_string_equal(record_desk_kind(5)->name, "agency");
	assert_null(record_desk_kind(6));
	assert_null(record_desk_kind(0));
	/* Every duty belongs to a kind that exists. */
	for (i = 0; i < duties_n; i++)
		assert_non_null(record_kind(duties[i].kind));
}

/* The kind and duty lists of usage and help are the tables, in their order. */
static void
test_names_come_from_the_tables(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	record_kind_names(&b);
	assert_string_equal(buf_str(&b), "agency, litigation, hearing, reconsideration, "
	    "suggestion, assessment-item, filing, publicity, review, officer, training");
	buf_reset(&b);
	duty_names(&b);
	assert_non_null(strstr(buf_str(&b), "litigation-defence, hearing-head"));
	assert_non_null(strstr(buf_str(&b), "suggestion-reply"));
	buf_release(&b);
}

/* "The head appeared", "a loss", "overturns the act" are the flagged choices. */
static void
test_choice_sql_from_flags(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	record_choice_sql(record_kind("hearing"), "appearer_rank", CHOICE_HEAD_APPEARED, &b);
	assert_string_equal(buf_str(&b), "('head','deputy','other-leader')");
	buf_reset(&b);
	record_choice_sql(record_kind("litigation"), "outcome", CHOICE_LOSS, &b);
	assert_string_equal(buf_str(&b),
	    "('revoked','changed','illegal','void','perform','compensation')");
	buf_reset(&b);
	record_choice_sql(record_kind("reconsideration"), "decision", CHOICE_OVERTURNS, &b);
	assert_string_equal(buf_str(&b), "('revoked','changed','illegal','perform')");
	buf_reset(&b);
	/* No choice flagged: a list that matches nothing, still valid SQL. */
	record_choice_sql(record_kind("litigation"), "stage", CHOICE_LOSS, &b);
	assert_string_equal(buf_str(&b), "('')");
	buf_reset(&b);
	record_sql_expand("sum(outcome IN {litigation.outcome/loss}) FROM t", &b);
	assert_string_equal(buf_str(&b), "sum(outcome IN ('revoked','changed','illegal','void',"
	    "'perform','compensation')) FROM t");
	buf_release(&b);
}

/* An agency that only an assessment item names cannot be deleted either: the references
 * that block a delete are every kind's agency fields, not a hand-written list. */
static void
test_any_reference_blocks_delete(void **state)
{
	struct rfx *fx = *state;
	int64_t a = rfx_agency(fx, "县交通运输局", "交通局", "department");
	const char *item[] = { "year", "2024", "agency", "县交通运输局", "item", "案卷评查",
		"score", "合格", NULL };
	struct duban_err err;
	int64_t it;

	db_set_actor_role(fx->db, ROLE_ADMIN);
	it = rfx_add(fx, "assessment-item", item);
	duban_err_clear(&err);
	assert_int_equal(record_delete(&fx->env, record_kind("agency"), a, &err), DUBAN_EINPUT);
	assert_int_equal(record_delete(&fx->env, record_kind("assessment-item"), it, &err),
	    DUBAN_OK);
	assert_int_equal(record_delete(&fx->env, record_kind("agency"), a, &err), DUBAN_OK);
}

static int
collect_id(int64_t id, void *arg)
{
	struct buf *b = arg;

	buf_printf(b, "%lld ", (long long)id);
	return DUBAN_OK;
}

/* Agencies list departments first, then townships, by name; a filter is literal text. */
static void
test_live_records_in_natural_order(void **state)
{
	struct rfx *fx = *state;
	int64_t t = rfx_agency(fx, "城关镇人民政府", "城关镇", "township");
	int64_t d = rfx_agency(fx, "县市场监督管理局", "市场局", "department");
	int64_t o = rfx_agency(fx, "县100%公司", "", "other");
	struct duban_err err;
	struct buf b = BUF_INIT;
	char want[100];
	int64_t n = 0;

	assert_int_equal(record_each_live(fx->db, record_kind("agency"), NULL, 0, 0, collect_id,
	    &b, &err), DUBAN_OK);
	snprintf(want, sizeof(want), "%lld %lld %lld ", (long long)d, (long long)t, (long long)o);
	assert_string_equal(buf_str(&b), want);
	buf_reset(&b);
	assert_int_equal(record_each_live(fx->db, record_kind("agency"), "%", 0, 0, collect_id,
	    &b, &err), DUBAN_OK);
	snprintf(want, sizeof(want), "%lld ", (long long)o);
	assert_string_equal(buf_str(&b), want);
	assert_int_equal(record_count_live(fx->db, record_kind("agency"), "镇", &n, &err),
	    DUBAN_OK);
	assert_int_equal(n, 1);
	buf_release(&b);
}

/* A picker offers agencies by any of their names and cases by number, from core. */
static void
test_suggest_references(void **state)
{
	struct rfx *fx = *state;
	const struct kind_def *h = record_kind("hearing");
	const struct kind_def *l = record_kind("litigation");
	const char *lc[] = { "case_no", "(2025)浙0521行初7号", "agency", "市场局", NULL };
	char *out[10];
	int n = 0;
	int i;

	rfx_agency(fx, "县市场监督管理局", "市场局", "department");
	rfx_add(fx, "litigation", lc);
	assert_int_equal(record_suggest(fx->db, &l->fields[record_field_idx(l, "agency")], "市场",
	    out, 10, &n, NULL), DUBAN_OK);
	assert_int_equal(n, 1);
	assert_string_equal(out[0], "县市场监督管理局");
	free(out[0]);
	assert_int_equal(record_suggest(fx->db, &h->fields[record_field_idx(h, "case_id")], "行初",
	    out, 10, &n, NULL), DUBAN_OK);
	assert_int_equal(n, 1);
	assert_string_equal(out[0], "(2025)浙0521行初7号");
	for (i = 0; i < n; i++)
		free(out[i]);
}

struct picked {
	char text[8][200];
	int n;
};

static void
pick_one(int64_t id, const char *value, const char *words, void *arg)
{
	struct picked *p = arg;

	assert_true(id > 0);
	if (p->n < 8)
		snprintf(p->text[p->n++], sizeof(p->text[0]), "%s|%s", value, words);
}

/* The desk's pickers ask core (no SQL in tui/): every agency with its short name as a word
 * that finds it, whatever was typed; cases narrowed by the database to those containing the
 * typed text. */
static void
test_each_choice_for_pickers(void **state)
{
	struct rfx *fx = *state;
	const struct kind_def *h = record_kind("hearing");
	const char *lc[] = { "case_no", "(2025)浙0521行初7号", "agency", "市场局", NULL };
	const char *lc2[] = { "case_no", "(2025)浙0521行初8号", "agency", "市场局", NULL };
	struct picked p;

	rfx_agency(fx, "县市场监督管理局", "市场局", "department");
	rfx_add(fx, "litigation", lc);
	rfx_add(fx, "litigation", lc2);
	memset(&p, 0, sizeof(p));
	assert_int_equal(record_each_choice(fx->db, NULL, "nothing", pick_one, &p, NULL),
	    DUBAN_OK);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.text[0], "县市场监督管理局|市场局 ");
	memset(&p, 0, sizeof(p));
	assert_int_equal(record_each_choice(fx->db, &h->fields[record_field_idx(h, "case_id")],
	    "行初8", pick_one, &p, NULL), DUBAN_OK);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.text[0], "(2025)浙0521行初8号|");
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, rfx_setup, rfx_teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_is_described),
		cmocka_unit_test(test_names_come_from_the_tables),
		cmocka_unit_test(test_choice_sql_from_flags),
		T(test_each_choice_for_pickers),
		T(test_any_reference_blocks_delete),
		T(test_live_records_in_natural_order),
		T(test_suggest_references),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
