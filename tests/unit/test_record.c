/* tests/unit/test_record.c: the record engine (core/record.c) with the five kinds' field
 * tables and check/derive callbacks (agency, litigation, hearing, reconsideration,
 * suggestion): validation refusals with their reasons, due dates derived and recomputed when
 * a trigger date, the procedure, the rules or the calendar change, the audit trail of every
 * create/update/delete/restore/recompute, optimistic locking, soft deletion.
 *
 * Every expected due date is worked out by hand in the comment beside it from data/duban.ini
 * and the 2023-2025 calendar files ("R" = official rest day, "W" = official make-up working
 * day). The trigger day is never counted (民诉法 第85条第2款); a days/months period ending on
 * a rest day moves to the next working day (第85条第3款). Today is 2025-06-30, a Monday. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "duban/duty.h"
#include "duban/history.h"
#include "records_fixture.h"

#define TEXT_LEN 2048

/* ---- helpers ------------------------------------------------------------------------------ */

/* p holds a problem on column whose message is non-empty and contains needle. */
static void
expect_problem(const struct record_problems *p, const struct kind_def *kind, const char *column,
    const char *needle)
{
	int field = rfx_field(kind, column);
	int i;

	for (i = 0; i < p->n; i++) {
		if (p->items[i].field != field)
			continue;
		assert_true(p->items[i].msg[0] != '\0');
		if (needle == NULL || strstr(p->items[i].msg, needle) != NULL)
			return;
	}
	print_error("no problem on %s.%s containing \"%s\"; there are %d:\n", kind->name, column,
	    needle != NULL ? needle : "", p->n);
	for (i = 0; i < p->n; i++)
		print_error("  field %d: %s\n", p->items[i].field, p->items[i].msg);
	fail();
}

/* Save r and expect DUBAN_EINPUT with a problem on column containing needle; err carries the
 * first problem's message. */
static void
expect_refused(struct rfx *fx, struct record *r, const char *column, const char *needle)
{
	struct record_problems p;
	struct duban_err err;
	enum record_outcome out = RECORD_UNCHANGED;
	int rc;

	memset(&p, 0, sizeof(p));
	duban_err_clear(&err);
	rc = record_save(&fx->env, r, 0, &out, &p, &err);
	if (rc != DUBAN_EINPUT) {
		print_error("save of %s gave rc %d (%s), expected a refusal\n", r->kind->name, rc,
		    err.msg);
		fail();
	}
	assert_true(p.n > 0);
	assert_string_equal(err.msg, p.items[0].msg);
	expect_problem(&p, r->kind, column, needle);
}

static int64_t
count_rows(struct rfx *fx, const char *table)
{
	char sql[128];

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", table);
	return rfx_sql_int(fx, sql, 0);
}

static int64_t
audit_rows(struct rfx *fx)
{
	return count_rows(fx, "audit_log");
}

/* The defendant of every case in this file. */
static int64_t
police(struct rfx *fx)
{
	int64_t id = rfx_sql_int(fx, "SELECT coalesce(max(id), 0) FROM agencies WHERE name = "
	    "'县公安局'", 0);

	return id != 0 ? id : rfx_agency(fx, "县公安局", "公安局", "department");
}

static struct record *
new_case(struct rfx *fx, const char *case_no, const char *received)
{
	const char *pairs[] = { "case_no", case_no, "agency", "县公安局", "plaintiff", "张三",
		"complaint_received_on", received, NULL };

	police(fx);
	return rfx_build(fx, "litigation", pairs);
}

static int64_t
add_case(struct rfx *fx, const char *case_no, const char *received)
{
	struct record *r = new_case(fx, case_no, received);
	int64_t id;

	rfx_save(fx, r);
	id = r->id;
	record_free(r);
	return id;
}

/* Stored value of one column of one row, read back with SQL (not through the engine). */
static const char *
stored(struct rfx *fx, const char *table, const char *column, int64_t id, char *out,
    size_t size)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "SELECT %s FROM %s WHERE id = ?1", column, table);
	return rfx_sql_text(fx, sql, id, out, size);
}

static void
expect_stored(struct rfx *fx, const char *table, const char *column, int64_t id,
    const char *want)
{
	char got[TEXT_LEN];

	stored(fx, table, column, id, got, sizeof(got));
	if (strcmp(got, want) != 0) {
		print_error("%s.%s of %lld is \"%s\", expected \"%s\"\n", table, column,
		    (long long)id, got, want);
		fail();
	}
}

/* ---- validation --------------------------------------------------------------------------- */

/* Case number and defendant are the only required fields of a case. */
static void
test_litigation_required_fields(void **state)
{
	struct rfx *fx = *state;
	struct record *r = record_new(record_kind("litigation"));
	struct record_problems p;

	memset(&p, 0, sizeof(p));
	record_validate(&fx->env, r, &p);
	assert_int_equal(p.n, 2);
	expect_problem(&p, r->kind, "case_no", "Case number is required");
	expect_problem(&p, r->kind, "agency_id", "Defendant agency is required");
	expect_refused(fx, r, "case_no", "required");
	assert_int_equal(count_rows(fx, "litigation_cases"), 0);
	assert_int_equal(audit_rows(fx), 0);
	record_free(r);
}

/* A suggestion needs its number, kind, agency and date received. */
static void
test_suggestion_required_fields(void **state)
{
	struct rfx *fx = *state;
	struct record *r = record_new(record_kind("suggestion"));
	struct record_problems p;

	memset(&p, 0, sizeof(p));
	record_validate(&fx->env, r, &p);
	assert_int_equal(p.n, 4);
	expect_problem(&p, r->kind, "doc_no", "required");
	expect_problem(&p, r->kind, "kind", "required");
	expect_problem(&p, r->kind, "agency_id", "required");
	expect_problem(&p, r->kind, "received_on", "required");
	record_free(r);
}

/* An agency needs a name and a kind; a hearing its case and date. */
static void
test_agency_and_hearing_required_fields(void **state)
{
	struct rfx *fx = *state;
	struct record *a = record_new(record_kind("agency"));
	struct record *h = record_new(record_kind("hearing"));
	struct record_problems p;

	memset(&p, 0, sizeof(p));
	record_validate(&fx->env, a, &p);
	assert_int_equal(p.n, 2);
	expect_problem(&p, a->kind, "name", "Agency is required");
	expect_problem(&p, a->kind, "kind", "required");
	memset(&p, 0, sizeof(p));
	record_validate(&fx->env, h, &p);
	assert_int_equal(p.n, 2);
	expect_problem(&p, h->kind, "case_id", "required");
	expect_problem(&p, h->kind, "hearing_on", "required");
	record_free(a);
	record_free(h);
}

/* 2025 is not a leap year: there is no 30 February; the field keeps its old value. */
static void
test_impossible_date_refused(void **state)
{
	struct rfx *fx = *state;
	struct record *r = new_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	struct record_problems p;
	int f = rfx_field(r->kind, "filed_on");

	memset(&p, 0, sizeof(p));
	assert_false(record_input(&fx->env, r, f, "2025-02-30", &p));
	assert_int_equal(p.n, 1);
	expect_problem(&p, r->kind, "filed_on", "Filed on: ");
	expect_problem(&p, r->kind, "filed_on", "2025-02-30");
	assert_string_equal(record_get(r, f), "");
	memset(&p, 0, sizeof(p));
	assert_false(record_input(&fx->env, r, f, "昨天", &p));
	expect_problem(&p, r->kind, "filed_on", "is not a date");
	/* Other spellings of a real date are taken and stored canonically. */
	rfx_input(fx, r, "filed_on", "2025年6月2日");
	assert_string_equal(record_get(r, f), "2025-06-02");
	rfx_input(fx, r, "filed_on", "2025/6/1");
	assert_string_equal(record_get(r, f), "2025-06-01");
	record_free(r);
}

/* The complaint copy cannot reach the agency before the court filed the case. */
static void
test_complaint_copy_before_filing_refused(void **state)
{
	struct rfx *fx = *state;
	struct record *r = new_case(fx, "(2025)浙0521行初1号", "2025-06-05");
	int64_t audit_before = audit_rows(fx);

	rfx_input(fx, r, "filed_on", "2025-06-10");
	expect_refused(fx, r, "complaint_received_on",
	    "Complaint copy received on (2025-06-05) is before Filed on (2025-06-10)");
	/* Refused: no record, no audit row. */
	assert_int_equal(r->id, 0);
	assert_int_equal(count_rows(fx, "litigation_cases"), 0);
	assert_int_equal(audit_rows(fx), audit_before);
	record_free(r);
}

/* A defence cannot be submitted before the complaint copy was received. */
static void
test_defence_before_complaint_copy_refused(void **state)
{
	struct rfx *fx = *state;
	struct record *r = new_case(fx, "(2025)浙0521行初1号", "2025-06-05");

	rfx_input(fx, r, "defence_submitted_on", "2025-06-04");
	expect_refused(fx, r, "defence_submitted_on", "is before Complaint copy received on");
	record_free(r);
}

/* The agency cannot reply before it received the application copy. */
static void
test_reply_before_copy_received_refused(void **state)
{
	struct rfx *fx = *state;
	const char *pairs[] = { "case_no", "德政复〔2025〕1号", "agency", "县公安局",
		"accepted_on", "2025-06-02", "copy_sent_on", "2025-06-03",
		"copy_received_on", "2025-06-10", "reply_on", "2025-06-05", NULL };
	struct record *r;

	police(fx);
	r = rfx_build(fx, "reconsideration", pairs);
	expect_refused(fx, r, "reply_on",
	    "Replied on (2025-06-05) is before Copy received by the agency on (2025-06-10)");
	assert_int_equal(count_rows(fx, "reconsideration_cases"), 0);
	record_free(r);
}

/* An event after today is a typo: refused for each kind. */
static void
test_date_after_today_refused(void **state)
{
	struct rfx *fx = *state;
	struct record *r = new_case(fx, "(2025)浙0521行初1号", "2025-07-01");
	const char *sugg[] = { "doc_no", "德法建〔2025〕1号", "kind", "司法建议", "agency",
		"县公安局", "received_on", "2025-06-02", "replied_on", "2025-07-02", NULL };
	const char *rec[] = { "case_no", "德政复〔2025〕1号", "agency", "县公安局",
		"received_on", "2025-06-02", "accepted_on", "2025-07-03", NULL };
	struct record *s;
	struct record *c;

	expect_refused(fx, r, "complaint_received_on",
	    "Complaint copy received on (2025-07-01) is after today (2025-06-30)");
	s = rfx_build(fx, "suggestion", sugg);
	expect_refused(fx, s, "replied_on", "(2025-07-02) is after today (2025-06-30)");
	c = rfx_build(fx, "reconsideration", rec);
	expect_refused(fx, c, "accepted_on", "(2025-07-03) is after today (2025-06-30)");
	/* Today itself is fine. */
	rfx_input(fx, r, "complaint_received_on", "2025-06-30");
	rfx_save(fx, r);
	record_free(r);
	record_free(s);
	record_free(c);
}

/* An unknown agency is refused with the close names suggested; name, short name and code
 * are all accepted. */
static void
test_unknown_agency_suggests_close_name(void **state)
{
	struct rfx *fx = *state;
	struct record *r = record_new(record_kind("litigation"));
	struct record_problems p;
	int f = rfx_field(r->kind, "agency_id");
	int64_t police_id = rfx_agency(fx, "县公安局", "公安局", "department");
	int64_t farm_id = rfx_agency(fx, "县农业农村局", "农业局", "department");
	char want[32];

	memset(&p, 0, sizeof(p));
	/* 县公按局: one character off 县公安局. */
	assert_false(record_input(&fx->env, r, f, "县公按局", &p));
	assert_int_equal(p.n, 1);
	expect_problem(&p, r->kind, "agency_id", "there is no agency \"县公按局\"");
	expect_problem(&p, r->kind, "agency_id", "did you mean: 县公安局");
	assert_string_equal(record_get(r, f), "");
	/* Nothing near: no suggestion, still a reason. */
	memset(&p, 0, sizeof(p));
	assert_false(record_input(&fx->env, r, f, "Ministry of Magic", &p));
	expect_problem(&p, r->kind, "agency_id", "there is no agency \"Ministry of Magic\"");
	rfx_input(fx, r, "agency_id", "公安局");
	snprintf(want, sizeof(want), "%lld", (long long)police_id);
	assert_string_equal(record_get(r, f), want);
	rfx_input(fx, r, "agency", "县农业农村局");
	snprintf(want, sizeof(want), "%lld", (long long)farm_id);
	assert_string_equal(record_get(r, f), want);
	record_free(r);
}

/* A reference to an agency that does not exist (set canonically, as an import might). */
static void
test_dangling_agency_reference_refused(void **state)
{
	struct rfx *fx = *state;
	struct record *r = new_case(fx, "(2025)浙0521行初1号", "2025-06-03");

	record_set(r, rfx_field(r->kind, "agency_id"), "999");
	expect_refused(fx, r, "agency_id", "refers to a record that does not exist");
	record_free(r);
}

/* Natural keys are unique: case number, document number, case and hearing date, name. */
static void
test_duplicate_natural_key_refused(void **state)
{
	struct rfx *fx = *state;
	int64_t first = add_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	struct record *dup = new_case(fx, "(2025)浙0521行初1号", "2025-06-04");
	const char *sugg[] = { "doc_no", "德法建〔2025〕1号", "kind", "司法建议", "agency",
		"县公安局", "received_on", "2025-06-02", NULL };
	const char *hear[] = { "case_no", "(2025)浙0521行初1号", "hearing_on", "2025-06-20", NULL };
	const char *ag[] = { "name", "县公安局", "kind", "部门", NULL };
	struct record *s;
	struct record *h;
	struct record *a;
	char want[64];

	snprintf(want, sizeof(want), "is already recorded (record %lld)", (long long)first);
	expect_refused(fx, dup, "case_no", want);
	assert_int_equal(count_rows(fx, "litigation_cases"), 1);

	rfx_add(fx, "suggestion", sugg);
	s = rfx_build(fx, "suggestion", sugg);
	expect_refused(fx, s, "doc_no", "德法建〔2025〕1号");

	rfx_add(fx, "hearing", hear);
	h = rfx_build(fx, "hearing", hear);
	expect_refused(fx, h, "case_id", "is already recorded");

	a = rfx_build(fx, "agency", ag);
	expect_refused(fx, a, "name", "\"县公安局\" is already recorded");
	assert_int_equal(count_rows(fx, "agencies"), 1);
	record_free(dup);
	record_free(s);
	record_free(h);
	record_free(a);
}

/* A duplicate hearing is named as people know it: by its case number and date, not by the
 * internal id the case reference is stored as. */
static void
test_duplicate_hearing_names_case_number(void **state)
{
	struct rfx *fx = *state;
	const char *hear[] = { "case_no", "(2025)浙0521行初2号", "hearing_on", "2025-06-20", NULL };
	struct record *h;
	int64_t second;

	add_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	second = add_case(fx, "(2025)浙0521行初2号", "2025-06-03");
	assert_int_equal(second, 2);
	rfx_add(fx, "hearing", hear);
	h = rfx_build(fx, "hearing", hear);
	/* Today the message reads: Case number "2" is already recorded (record 1). */
	expect_refused(fx, h, "case_id", "(2025)浙0521行初2号");
	record_free(h);
}

/* Enumerations take the code, the Chinese word or the English word; nothing else. */
static void
test_enum_words(void **state)
{
	struct rfx *fx = *state;
	struct record *r = new_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	struct record *h = record_new(record_kind("hearing"));
	struct record *s = record_new(record_kind("suggestion"));
	struct record_problems p;
	int stage = rfx_field(r->kind, "stage");

	memset(&p, 0, sizeof(p));
	assert_false(record_input(&fx->env, r, stage, "三审", &p));
	expect_problem(&p, r->kind, "stage", "\"三审\" is not one of 一审, 二审, 再审");
	assert_string_equal(record_get(r, stage), "");
	rfx_input(fx, r, "stage", "二审");
	assert_string_equal(record_get(r, stage), "second");
	rfx_input(fx, r, "stage", "First Instance");
	assert_string_equal(record_get(r, stage), "first");
	rfx_input(fx, r, "stage", "retrial");
	assert_string_equal(record_get(r, stage), "retrial");
	rfx_input(fx, h, "appearer_rank", "副职");
	assert_string_equal(rfx_value(h, "appearer_rank"), "deputy");
	memset(&p, 0, sizeof(p));
	assert_false(record_input(&fx->env, h, rfx_field(h->kind, "appearer_rank"), "局长", &p));
	expect_problem(&p, h->kind, "appearer_rank", "局长");
	rfx_input(fx, s, "kind", "检察建议");
	assert_string_equal(rfx_value(s, "kind"), "procuratorial");
	memset(&p, 0, sizeof(p));
	assert_false(record_input(&fx->env, s, rfx_field(s->kind, "kind"), "监察建议", &p));
	expect_problem(&p, s->kind, "kind", "司法建议, 检察建议");
	rfx_input(fx, s, "period_unit", "个月");
	assert_string_equal(rfx_value(s, "period_unit"), "months");
	record_free(r);
	record_free(h);
	record_free(s);
}

/* yes/no fields take 是/否, Y/N, yes/no, true/false, 1/0 only. */
static void
test_bool_words(void **state)
{
	struct rfx *fx = *state;
	struct record *r = record_new(record_kind("reconsideration"));
	struct record_problems p;
	int f = rfx_field(r->kind, "simplified");

	rfx_input(fx, r, "simplified", "是");
	assert_string_equal(record_get(r, f), "1");
	rfx_input(fx, r, "simplified", "N");
	assert_string_equal(record_get(r, f), "0");
	rfx_input(fx, r, "simplified", "true");
	assert_string_equal(record_get(r, f), "1");
	memset(&p, 0, sizeof(p));
	assert_false(record_input(&fx->env, r, f, "maybe", &p));
	expect_problem(&p, r->kind, "simplified", "\"maybe\" is not yes or no");
	assert_string_equal(record_get(r, f), "1");
	record_free(r);
}

/* Due dates are duban's: input for them is refused. */
static void
test_derived_field_refuses_input(void **state)
{
	struct rfx *fx = *state;
	struct record *r = new_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	struct record_problems p;

	memset(&p, 0, sizeof(p));
	assert_false(record_input(&fx->env, r, rfx_field(r->kind, "defence_due_on"), "2025-12-31",
	    &p));
	expect_problem(&p, r->kind, "defence_due_on", "computed by duban");
	assert_string_equal(rfx_value(r, "defence_due_on"), "");
	record_free(r);
}

/* 民诉法 第85条 counts a mailed submission by its mailing date: so the date is required. */
static void
test_mail_delivery_needs_mailing_date(void **state)
{
	struct rfx *fx = *state;
	struct record *r = new_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	const char *rec[] = { "case_no", "德政复〔2025〕1号", "agency", "县公安局",
		"accepted_on", "2025-06-02", "copy_received_on", "2025-06-03",
		"reply_on", "2025-06-10", "reply_delivery", "mail", NULL };
	const char *sugg[] = { "doc_no", "德法建〔2025〕1号", "kind", "司法建议", "agency",
		"县公安局", "received_on", "2025-06-02", "replied_on", "2025-06-20",
		"reply_delivery", "by mail", NULL };
	struct record *c;
	struct record *s;

	rfx_input(fx, r, "defence_submitted_on", "2025-06-12");
	rfx_input(fx, r, "defence_delivery", "邮寄");
	expect_refused(fx, r, "defence_mailed_on", "a defence sent by mail needs the mailing date");
	c = rfx_build(fx, "reconsideration", rec);
	expect_refused(fx, c, "reply_mailed_on", "a reply sent by mail needs the mailing date");
	s = rfx_build(fx, "suggestion", sugg);
	expect_refused(fx, s, "reply_mailed_on", "a reply sent by mail needs the mailing date");
	/* With the date, accepted. */
	rfx_input(fx, r, "defence_mailed_on", "2025-06-10");
	rfx_save(fx, r);
	record_free(r);
	record_free(c);
	record_free(s);
}

/* 行政复议法 第62条: only the ordinary procedure's period can be extended. */
static void
test_extension_with_simplified_refused(void **state)
{
	struct rfx *fx = *state;
	const char *rec[] = { "case_no", "德政复〔2025〕1号", "agency", "县公安局",
		"accepted_on", "2025-06-03", "simplified", "是", "extended", "是", NULL };
	struct record *c;

	police(fx);
	c = rfx_build(fx, "reconsideration", rec);
	expect_refused(fx, c, "extended", "simplified procedure's decision period cannot be "
	    "extended");
	record_free(c);
}

/* Appearance facts must be consistent. */
static void
test_hearing_appearance_checks(void **state)
{
	struct rfx *fx = *state;
	const char *spoke[] = { "case_no", "(2025)浙0521行初1号", "hearing_on", "2025-06-20",
		"appearer_rank", "工作人员", "appearer", "李四", "spoke", "是", NULL };
	const char *nobody[] = { "case_no", "(2025)浙0521行初1号", "hearing_on", "2025-06-20",
		"appearer_rank", "未出庭", "appearer", "李四", NULL };
	const char *explained[] = { "case_no", "(2025)浙0521行初1号", "hearing_on", "2025-06-20",
		"appearer_rank", "正职", "appearer", "王局长", "absence_explained", "是", NULL };
	struct record *h;

	add_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	h = rfx_build(fx, "hearing", spoke);
	expect_refused(fx, h, "spoke", "only a head who appeared can have spoken");
	record_free(h);
	h = rfx_build(fx, "hearing", nobody);
	expect_refused(fx, h, "appearer", "nobody appeared, yet an appearer is named");
	record_free(h);
	h = rfx_build(fx, "hearing", explained);
	expect_refused(fx, h, "absence_explained", "no absence to explain");
	record_free(h);
	assert_int_equal(count_rows(fx, "hearings"), 0);
}

/* A period stated in the document needs both length and unit, and at least 1. */
static void
test_stated_period_needs_unit(void **state)
{
	struct rfx *fx = *state;
	const char *no_unit[] = { "doc_no", "德法建〔2025〕1号", "kind", "司法建议", "agency",
		"县公安局", "received_on", "2025-06-02", "period_length", "1", NULL };
	const char *no_length[] = { "doc_no", "德法建〔2025〕1号", "kind", "司法建议", "agency",
		"县公安局", "received_on", "2025-06-02", "period_unit", "日", NULL };
	const char *zero[] = { "doc_no", "德法建〔2025〕1号", "kind", "司法建议", "agency",
		"县公安局", "received_on", "2025-06-02", "period_length", "0", "period_unit", "日",
		NULL };
	struct record *s;
	struct record_problems p;

	police(fx);
	s = rfx_build(fx, "suggestion", no_unit);
	expect_refused(fx, s, "period_unit", "needs both its length and its unit");
	record_free(s);
	s = rfx_build(fx, "suggestion", no_length);
	expect_refused(fx, s, "period_unit", "needs both its length and its unit");
	record_free(s);
	s = rfx_build(fx, "suggestion", zero);
	expect_refused(fx, s, "period_length", "from 1 to 3650");
	memset(&p, 0, sizeof(p));
	assert_false(record_input(&fx->env, s, rfx_field(s->kind, "period_length"), "一个月", &p));
	expect_problem(&p, s->kind, "period_length", "is not a whole number");
	record_free(s);
	assert_int_equal(count_rows(fx, "suggestions"), 0);
}

/* A case with an outcome needs its closing date, and the reverse. */
static void
test_outcome_and_closing_date_go_together(void **state)
{
	struct rfx *fx = *state;
	struct record *r = new_case(fx, "(2025)浙0521行初1号", "2025-06-03");

	rfx_input(fx, r, "outcome", "撤诉");
	expect_refused(fx, r, "closed_on", "needs its closing date");
	rfx_input(fx, r, "outcome", "");
	rfx_input(fx, r, "closed_on", "2025-06-20");
	expect_refused(fx, r, "outcome", "needs its outcome");
	record_free(r);
}

/* ---- due dates ---------------------------------------------------------------------------- */

/* 行政诉讼法 第67条: 15 days from receiving the complaint copy. */
static void
test_litigation_defence_due_follows_trigger(void **state)
{
	struct rfx *fx = *state;
	int64_t id;
	struct record *r;
	char v[64];

	/* 2025-06-03 (Tue) + 15 = 2025-06-18 (Wed), a working day. */
	id = add_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	expect_stored(fx, "litigation_cases", "defence_due_on", id, "2025-06-18");

	/* 2025-05-16 (Fri) + 15 = 05-31 (Sat, R 端午), 06-01 (Sun, R), 06-02 (Mon, R): 06-03. */
	r = rfx_load(fx, "litigation", id);
	rfx_input(fx, r, "complaint_received_on", "2025-05-16");
	assert_int_equal(rfx_save(fx, r), RECORD_UPDATED);
	assert_string_equal(rfx_value(r, "defence_due_on"), "2025-06-03");
	expect_stored(fx, "litigation_cases", "defence_due_on", id, "2025-06-03");
	/* The update's audit row carries the old and the new due date. */
	assert_string_equal(rfx_sql_text(fx, "SELECT json_extract(before, '$.defence_due_on') || ' "
	    "' || json_extract(after, '$.defence_due_on') FROM audit_log WHERE action = 'update' "
	    "AND kind = 'litigation' AND record_id = ?1", id, v, sizeof(v)),
	    "2025-06-18 2025-06-03");

	/* No trigger, no due date. */
	rfx_input(fx, r, "complaint_received_on", "");
	rfx_save(fx, r);
	expect_stored(fx, "litigation_cases", "defence_due_on", id, "(null)");
	record_free(r);
}

/* 行政复议法(2023) 第48条: copy 7 working days from acceptance, reply 10 working days from
 * receiving the copy; 第62条: decision 60 days from acceptance. */
static void
test_reconsideration_ordinary_due_dates(void **state)
{
	struct rfx *fx = *state;
	const char *rec[] = { "case_no", "德政复〔2025〕1号", "agency", "县公安局",
		"received_on", "2025-06-02", "accepted_on", "2025-06-03",
		"copy_sent_on", "2025-06-05", "copy_received_on", "2025-06-10", NULL };
	int64_t id;

	police(fx);
	id = rfx_add(fx, "reconsideration", rec);
	/* 06-03 (Tue): 06-04 W1, 05, 06, 09, 10, 11, 12 = 7th working day: 2025-06-12. */
	expect_stored(fx, "reconsideration_cases", "copy_due_on", id, "2025-06-12");
	/* 06-10 (Tue): 11, 12, 13, 16, 17, 18, 19, 20, 23, 24 = 10th: 2025-06-24. */
	expect_stored(fx, "reconsideration_cases", "reply_due_on", id, "2025-06-24");
	/* 06-03 + 60 days = 08-02 (Sat) -> 08-04 (Mon). */
	expect_stored(fx, "reconsideration_cases", "decision_due_on", id, "2025-08-04");
}

/* 第54条: simplified procedure: copy 3 working days, reply 5 working days; 第62条: decision
 * 30 days. Turning the procedure flag on moves all three. */
static void
test_reconsideration_simplified_due_dates(void **state)
{
	struct rfx *fx = *state;
	const char *rec[] = { "case_no", "德政复〔2025〕1号", "agency", "县公安局",
		"accepted_on", "2025-06-03", "copy_received_on", "2025-06-10", NULL };
	struct record *r;
	int64_t id;

	police(fx);
	id = rfx_add(fx, "reconsideration", rec);
	r = rfx_load(fx, "reconsideration", id);
	rfx_input(fx, r, "simplified", "是");
	assert_int_equal(rfx_save(fx, r), RECORD_UPDATED);
	record_free(r);
	/* 06-03 (Tue): 04, 05, 06 = 3rd working day: 2025-06-06 (Fri). */
	expect_stored(fx, "reconsideration_cases", "copy_due_on", id, "2025-06-06");
	/* 06-10 (Tue): 11, 12, 13, 16, 17 = 5th: 2025-06-17. */
	expect_stored(fx, "reconsideration_cases", "reply_due_on", id, "2025-06-17");
	/* 06-03 + 30 days = 07-03 (Thu). */
	expect_stored(fx, "reconsideration_cases", "decision_due_on", id, "2025-07-03");
}

/* 第62条: the ordinary 60 days extended by at most 30, counted on from the original due date
 * (doc/deadlines.md §3.5), not one 90-day period from acceptance. */
static void
test_reconsideration_extended_decision(void **state)
{
	struct rfx *fx = *state;
	const char *rec[] = { "case_no", "德政复〔2025〕1号", "agency", "县公安局",
		"accepted_on", "2025-06-03", NULL };
	struct record *r;
	int64_t id;

	police(fx);
	id = rfx_add(fx, "reconsideration", rec);
	expect_stored(fx, "reconsideration_cases", "decision_due_on", id, "2025-08-04");
	r = rfx_load(fx, "reconsideration", id);
	rfx_input(fx, r, "extended", "是");
	rfx_save(fx, r);
	/* 06-03 + 60 days = 08-02 (Sat) -> 08-04 (Mon); + 30 days = 09-03 (Wed). One 90-day
	 * period would have ended 09-01 (Mon), two days short of the extension. */
	expect_stored(fx, "reconsideration_cases", "decision_due_on", id, "2025-09-03");
	rfx_input(fx, r, "extended", "否");
	rfx_save(fx, r);
	expect_stored(fx, "reconsideration_cases", "decision_due_on", id, "2025-08-04");
	/* No copy received yet: no reply due date. */
	expect_stored(fx, "reconsideration_cases", "reply_due_on", id, "(null)");
	record_free(r);
}

/* The reply rule changed on 2024-01-01 (行政复议法 2023 第48条, 第88条第2款): ten calendar
 * days before, ten working days from then on. */
static void
test_reconsideration_reply_rule_change_2024(void **state)
{
	struct rfx *fx = *state;
	const char *old[] = { "case_no", "德政复〔2023〕9号", "agency", "县公安局",
		"accepted_on", "2023-12-15", "copy_received_on", "2023-12-21", NULL };
	const char *current[] = { "case_no", "德政复〔2024〕1号", "agency", "县公安局",
		"accepted_on", "2023-12-29", "copy_received_on", "2024-01-02", NULL };
	int64_t a;
	int64_t b;

	police(fx);
	a = rfx_add(fx, "reconsideration", old);
	b = rfx_add(fx, "reconsideration", current);
	/* 2023-12-21 (Thu) + 10 days = 12-31 (Sun) -> 2024-01-01 (R 元旦) -> 01-02 (Tue). */
	expect_stored(fx, "reconsideration_cases", "reply_due_on", a, "2024-01-02");
	/* 2024-01-02 (Tue): 03, 04, 05, 08, 09, 10, 11, 12, 15, 16 = 10th working day. */
	expect_stored(fx, "reconsideration_cases", "reply_due_on", b, "2024-01-16");
	/* The 2017 law's copy period was 7 working days too: 2023-12-15 (Fri): 18, 19, 20, 21,
	 * 22, 25, 26 = 2023-12-26 (Tue). */
	expect_stored(fx, "reconsideration_cases", "copy_due_on", a, "2023-12-26");
}

/* Default periods: judicial 30 days (local rule), procuratorial two months. */
static void
test_suggestion_default_periods(void **state)
{
	struct rfx *fx = *state;
	const char *jud[] = { "doc_no", "德法建〔2025〕1号", "kind", "司法建议", "agency",
		"县公安局", "received_on", "2025-05-06", NULL };
	const char *proc[] = { "doc_no", "德检行建〔2025〕1号", "kind", "检察建议", "agency",
		"县公安局", "received_on", "2025-04-30", NULL };
	const char *month_end[] = { "doc_no", "德检行建〔2024〕9号", "kind", "procuratorial",
		"agency", "县公安局", "received_on", "2024-12-31", NULL };
	const char *rolled[] = { "doc_no", "德法建〔2025〕2号", "kind", "judicial", "agency",
		"县公安局", "received_on", "2025-05-01", NULL };
	int64_t id;
	struct record *r;

	police(fx);
	/* 2025-05-06 (Tue) + 30 days = 06-05 (Thu). */
	id = rfx_add(fx, "suggestion", jud);
	expect_stored(fx, "suggestions", "due_on", id, "2025-06-05");
	/* 2025-04-30 + 2 months = 06-30 (Mon). */
	id = rfx_add(fx, "suggestion", proc);
	expect_stored(fx, "suggestions", "due_on", id, "2025-06-30");
	/* 2024-12-31 + 2 months: no 02-31, so the month's last day 2025-02-28 (Fri). */
	id = rfx_add(fx, "suggestion", month_end);
	expect_stored(fx, "suggestions", "due_on", id, "2025-02-28");
	/* 2025-05-01 + 30 = 05-31 (Sat, R), 06-01 (R), 06-02 (R) -> 06-03 (Tue). */
	id = rfx_add(fx, "suggestion", rolled);
	expect_stored(fx, "suggestions", "due_on", id, "2025-06-03");
	/* Turning it into a procuratorial one: 2025-05-01 + 2 months = 07-01 (Tue). */
	r = rfx_load(fx, "suggestion", id);
	rfx_input(fx, r, "kind", "检察建议");
	rfx_save(fx, r);
	record_free(r);
	expect_stored(fx, "suggestions", "due_on", id, "2025-07-01");
}

/* A period written in the document overrides the default for that record. */
static void
test_suggestion_stated_period_overrides(void **state)
{
	struct rfx *fx = *state;
	const char *month[] = { "doc_no", "德法建〔2025〕1号", "kind", "司法建议", "agency",
		"县公安局", "received_on", "2025-05-06", "period_length", "1", "period_unit",
		"个月", NULL };
	const char *days[] = { "doc_no", "德检行建〔2025〕1号", "kind", "检察建议", "agency",
		"县公安局", "received_on", "2025-05-16", "period_length", "15", "period_unit", "日",
		NULL };
	const char *workdays[] = { "doc_no", "德法建〔2025〕2号", "kind", "司法建议", "agency",
		"县公安局", "received_on", "2025-04-28", "period_length", "10", "period_unit",
		"工作日", NULL };
	int64_t id;
	struct record *r;

	police(fx);
	/* 2025-05-06 + 1 month = 06-06 (Fri), not the default 06-05. */
	id = rfx_add(fx, "suggestion", month);
	expect_stored(fx, "suggestions", "due_on", id, "2025-06-06");
	/* Dropping the stated period: back to the default 30 days, 06-05. */
	r = rfx_load(fx, "suggestion", id);
	rfx_input(fx, r, "period_length", "");
	rfx_input(fx, r, "period_unit", "");
	rfx_save(fx, r);
	record_free(r);
	expect_stored(fx, "suggestions", "due_on", id, "2025-06-05");
	/* Procuratorial, 15 days stated (instead of 2 months): 2025-05-16 (Fri) + 15 = 05-31
	 * (Sat, R) -> 06-03 (Tue). */
	id = rfx_add(fx, "suggestion", days);
	expect_stored(fx, "suggestions", "due_on", id, "2025-06-03");
	/* 10 working days from 2025-04-28 (Mon): 29, 30, (05-01..05 R), 06, 07, 08, 09, 12, 13,
	 * 14, 15 = 2025-05-15 (Thu). */
	id = rfx_add(fx, "suggestion", workdays);
	expect_stored(fx, "suggestions", "due_on", id, "2025-05-15");
}

/* ---- audit trail -------------------------------------------------------------------------- */

/* Create, update and delete each write one row: who, when, which record, before/after. */
static void
test_audit_rows_for_create_update_delete(void **state)
{
	struct rfx *fx = *state;
	int64_t agency = police(fx);
	int64_t base = audit_rows(fx);
	int64_t id;
	struct record *r;
	struct duban_err err;
	char v[TEXT_LEN];
	char want[TEXT_LEN];

	db_set_actor_role(fx->db, ROLE_STAFF);
	id = add_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	assert_int_equal(audit_rows(fx), base + 1);
	/* The whole record as JSON: agency as its id, empty dates null, empty text "". */
	snprintf(want, sizeof(want), "create|litigation|%lld|tester|" RFX_NOW "|1|"
	    "{\"case_no\":\"(2025)浙0521行初1号\",\"court\":\"\",\"agency_id\":%lld,"
	    "\"plaintiff\":\"张三\",\"cause\":\"\",\"stage\":\"\",\"filed_on\":null,"
	    "\"complaint_received_on\":\"2025-06-03\",\"defence_due_on\":\"2025-06-18\","
	    "\"defence_submitted_on\":null,\"defence_delivery\":\"\",\"defence_mailed_on\":null,"
	    "\"outcome\":\"\",\"closed_on\":null,\"note\":\"\"}", (long long)id,
	    (long long)agency);
	assert_string_equal(rfx_sql_text(fx, "SELECT action || '|' || kind || '|' || record_id || "
	    "'|' || login || '|' || at || '|' || (before IS NULL) || '|' || after FROM audit_log "
	    "ORDER BY id DESC LIMIT 1", 0, v, sizeof(v)), want);

	db_set_actor(fx->db, "alice", "2025-06-30 11:00:00");
	r = rfx_load(fx, "litigation", id);
	rfx_input(fx, r, "plaintiff", "李四");
	assert_int_equal(rfx_save(fx, r), RECORD_UPDATED);
	record_free(r);
	assert_int_equal(audit_rows(fx), base + 2);
	snprintf(want, sizeof(want), "update|litigation|%lld|alice|2025-06-30 11:00:00|张三|李四",
	    (long long)id);
	assert_string_equal(rfx_sql_text(fx, "SELECT action || '|' || kind || '|' || record_id || "
	    "'|' || login || '|' || at || '|' || json_extract(before, '$.plaintiff') || '|' || "
	    "json_extract(after, '$.plaintiff') FROM audit_log ORDER BY id DESC LIMIT 1", 0, v,
	    sizeof(v)), want);

	db_set_actor(fx->db, "bob", "2025-06-30 12:00:00");
	duban_err_clear(&err);
	assert_int_equal(record_delete(&fx->env, record_kind("litigation"), id, &err), DUBAN_OK);
	assert_int_equal(audit_rows(fx), base + 3);
	snprintf(want, sizeof(want), "delete|litigation|%lld|bob|2025-06-30 12:00:00|李四|1",
	    (long long)id);
	assert_string_equal(rfx_sql_text(fx, "SELECT action || '|' || kind || '|' || record_id || "
	    "'|' || login || '|' || at || '|' || json_extract(before, '$.plaintiff') || '|' || "
	    "(after IS NULL) FROM audit_log ORDER BY id DESC LIMIT 1", 0, v, sizeof(v)), want);
}

/* Saving what is stored changes nothing: no audit row, same version. */
static void
test_unchanged_save_writes_nothing(void **state)
{
	struct rfx *fx = *state;
	int64_t id = add_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	int64_t base = audit_rows(fx);
	struct record *r = rfx_load(fx, "litigation", id);

	assert_int_equal(r->version, 1);
	/* The same value typed again, in another spelling. */
	rfx_input(fx, r, "complaint_received_on", "2025年6月3日");
	assert_int_equal(rfx_save(fx, r), RECORD_UNCHANGED);
	assert_int_equal(audit_rows(fx), base);
	assert_int_equal(rfx_sql_int(fx, "SELECT version FROM litigation_cases WHERE id = ?1", id),
	    1);
	record_free(r);
}

/* A refused save leaves neither the change nor an audit row. */
static void
test_refused_update_writes_nothing(void **state)
{
	struct rfx *fx = *state;
	int64_t id = add_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	int64_t base = audit_rows(fx);
	struct record *r = rfx_load(fx, "litigation", id);

	rfx_input(fx, r, "plaintiff", "李四");
	rfx_input(fx, r, "defence_submitted_on", "2025-06-01");
	expect_refused(fx, r, "defence_submitted_on", "is before");
	assert_int_equal(audit_rows(fx), base);
	expect_stored(fx, "litigation_cases", "plaintiff", id, "张三");
	assert_int_equal(rfx_sql_int(fx, "SELECT version FROM litigation_cases WHERE id = ?1", id),
	    1);
	record_free(r);
}

/* The log is append-only, even for plain SQL on duban's own connection. */
static void
test_audit_log_tampering_refused(void **state)
{
	struct rfx *fx = *state;
	int64_t id = add_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	int64_t base = audit_rows(fx);
	char *msg = NULL;
	char v[TEXT_LEN];

	assert_true(base >= 2);
	assert_int_not_equal(sqlite3_exec(db_sqlite(fx->db),
	    "UPDATE audit_log SET login = 'mallory'", NULL, NULL, &msg), SQLITE_OK);
	assert_non_null(msg);
	rfx_expect_contains(msg, "append-only");
	sqlite3_free(msg);
	msg = NULL;
	assert_int_not_equal(sqlite3_exec(db_sqlite(fx->db), "DELETE FROM audit_log", NULL, NULL,
	    &msg), SQLITE_OK);
	assert_non_null(msg);
	rfx_expect_contains(msg, "append-only");
	sqlite3_free(msg);
	assert_int_equal(audit_rows(fx), base);
	assert_string_equal(rfx_sql_text(fx, "SELECT login FROM audit_log WHERE "
	    "kind = 'litigation' AND record_id = ?1", id, v, sizeof(v)), "tester");
}

struct hist {
	int n;
	char line[8][512];
};

static int
collect_history(const struct history_entry *e, void *arg)
{
	struct hist *h = arg;
	int i;
	size_t len;

	if (h->n >= 8)
		return DUBAN_OK;
	snprintf(h->line[h->n], sizeof(h->line[0]), "%s %s %s:", e->at, e->login, e->action);
	for (i = 0; i < e->n_changes; i++) {
		len = strlen(h->line[h->n]);
		snprintf(h->line[h->n] + len, sizeof(h->line[0]) - len, " [%s: %s -> %s]",
		    e->changes[i].field, e->changes[i].before, e->changes[i].after);
	}
	h->n++;
	return DUBAN_OK;
}

/* history_each tells the story: who, when, what changed from what to what, readably. */
static void
test_history_lists_changes(void **state)
{
	struct rfx *fx = *state;
	int64_t id = add_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	struct record *r = rfx_load(fx, "litigation", id);
	struct hist h;
	struct duban_err err;

	db_set_actor(fx->db, "alice", "2025-06-30 11:00:00");
	rfx_input(fx, r, "plaintiff", "李四");
	rfx_input(fx, r, "stage", "二审");
	rfx_save(fx, r);
	record_free(r);
	db_set_actor(fx->db, "bob", "2025-06-30 12:00:00");
	duban_err_clear(&err);
	assert_int_equal(record_delete(&fx->env, record_kind("litigation"), id, &err), DUBAN_OK);
	memset(&h, 0, sizeof(h));
	assert_int_equal(history_each(fx->db, record_kind("litigation"), id, collect_history, &h,
	    &err), DUBAN_OK);
	assert_int_equal(h.n, 3);
	rfx_expect_contains(h.line[0], RFX_NOW " tester created:");
	rfx_expect_contains(h.line[0], "[Plaintiff: - -> 张三]");
	rfx_expect_contains(h.line[0], "[Defendant agency: - -> 县公安局]");
	rfx_expect_contains(h.line[0], "[Defence due on: - -> 2025-06-18]");
	/* The change lists exactly the two fields, enumerations as words. */
	if (strstr(h.line[1], "2025-06-30 11:00:00 alice changed:") != h.line[1] ||
	    strstr(h.line[1], "[Plaintiff: 张三 -> 李四]") == NULL ||
	    strstr(h.line[1], "[Stage: - -> second instance]") == NULL ||
	    strlen(h.line[1]) != strlen("2025-06-30 11:00:00 alice changed: [Plaintiff: 张三 -> "
	    "李四] [Stage: - -> second instance]")) {
		print_error("history line: %s\n", h.line[1]);
		fail();
	}
	assert_string_equal(h.line[2], "2025-06-30 12:00:00 bob deleted:");
}

/* ---- optimistic locking ------------------------------------------------------------------- */

/* Two people open the same case; the second save is refused, naming who changed what. */
static void
test_concurrent_edit_refused(void **state)
{
	struct rfx *fx = *state;
	int64_t id = add_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	struct record *first = rfx_load(fx, "litigation", id);
	struct record *second = rfx_load(fx, "litigation", id);
	struct record_problems p;
	struct duban_err err;
	int64_t base;

	db_set_actor(fx->db, "alice", "2025-06-30 11:00:00");
	rfx_input(fx, first, "plaintiff", "李四");
	assert_int_equal(rfx_save(fx, first), RECORD_UPDATED);
	assert_int_equal(first->version, 2);
	base = audit_rows(fx);

	db_set_actor(fx->db, "tester", "2025-06-30 11:05:00");
	rfx_input(fx, second, "court", "德清县人民法院");
	memset(&p, 0, sizeof(p));
	duban_err_clear(&err);
	assert_int_equal(record_save(&fx->env, second, 0, NULL, &p, &err), DUBAN_EINPUT);
	rfx_expect_contains(err.msg, "alice at 2025-06-30 11:00:00");
	rfx_expect_contains(err.msg, "Plaintiff");
	rfx_expect_contains(err.msg, "nothing was saved");
	/* The first change stays; the second is not written, nor audited. */
	expect_stored(fx, "litigation_cases", "plaintiff", id, "李四");
	expect_stored(fx, "litigation_cases", "court", id, "");
	assert_int_equal(rfx_sql_int(fx, "SELECT version FROM litigation_cases WHERE id = ?1", id),
	    2);
	assert_int_equal(audit_rows(fx), base);
	record_free(first);
	record_free(second);
}

/* A record deleted by someone else since it was opened cannot be saved back to life. */
static void
test_save_after_other_deleted_refused(void **state)
{
	struct rfx *fx = *state;
	int64_t id = add_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	struct record *r = rfx_load(fx, "litigation", id);
	struct record_problems p;
	struct duban_err err;

	duban_err_clear(&err);
	db_set_actor(fx->db, "alice", "2025-06-30 11:00:00");
	assert_int_equal(record_delete(&fx->env, record_kind("litigation"), id, &err), DUBAN_OK);
	db_set_actor(fx->db, "tester", "2025-06-30 11:05:00");
	rfx_input(fx, r, "plaintiff", "李四");
	memset(&p, 0, sizeof(p));
	assert_int_equal(record_save(&fx->env, r, 0, NULL, &p, &err), DUBAN_EINPUT);
	rfx_expect_contains(err.msg, "alice");
	assert_int_equal(rfx_sql_int(fx, "SELECT deleted FROM litigation_cases WHERE id = ?1", id),
	    1);
	record_free(r);
}

/* ---- soft delete -------------------------------------------------------------------------- */

/* A deleted case is kept (flagged), hidden from deadline queries, its history intact. */
static void
test_soft_delete_hides_and_keeps(void **state)
{
	struct rfx *fx = *state;
	/* Defence due 2025-06-18: overdue on 2025-06-30. */
	int64_t id = add_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	const struct duty *duty = duty_find("litigation-defence");
	struct duty_window w;
	struct duban_err err;
	struct record *r;
	int64_t n = -1;
	int s;

	duty_window_init(&w, fx->cal, fx->env.today, 3, true);
	assert_int_equal(duty_count(fx->db, duty, &w, DEADLINE_OVERDUE, 0, &n, &err), DUBAN_OK);
	assert_int_equal(n, 1);
	duban_err_clear(&err);
	assert_int_equal(record_delete(&fx->env, record_kind("litigation"), id, &err), DUBAN_OK);
	for (s = 0; s < DEADLINE_N_STATUS; s++) {
		assert_int_equal(duty_count(fx->db, duty, &w, (enum deadline_status)s, 0, &n, &err),
		    DUBAN_OK);
		assert_int_equal(n, 0);
	}
	assert_int_equal(count_rows(fx, "litigation_cases"), 1);
	r = rfx_load(fx, "litigation", id);
	assert_true(r->deleted);
	assert_string_equal(rfx_value(r, "plaintiff"), "张三");
	record_free(r);
	assert_int_equal(rfx_sql_int(fx, "SELECT count(*) FROM audit_log WHERE kind = 'litigation' "
	    "AND record_id = ?1", id), 2);
	/* Deleting it again says so. */
	assert_int_equal(record_delete(&fx->env, record_kind("litigation"), id, &err),
	    DUBAN_EINPUT);
	rfx_expect_contains(err.msg, "already deleted");
	assert_int_equal(rfx_sql_int(fx, "SELECT count(*) FROM audit_log WHERE kind = 'litigation' "
	    "AND record_id = ?1", id), 2);
}

/* Records that others refer to are not deleted from under them. */
static void
test_delete_with_live_dependents_refused(void **state)
{
	struct rfx *fx = *state;
	int64_t agency = police(fx);
	int64_t id = add_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	const char *hear[] = { "case_no", "(2025)浙0521行初1号", "hearing_on", "2025-06-20", NULL };
	int64_t hearing = rfx_add(fx, "hearing", hear);
	int64_t base = audit_rows(fx);
	struct duban_err err;

	duban_err_clear(&err);
	assert_int_equal(record_delete(&fx->env, record_kind("agency"), agency, &err),
	    DUBAN_EINPUT);
	rfx_expect_contains(err.msg, "still has 1 live record that refers to it");
	assert_int_equal(record_delete(&fx->env, record_kind("litigation"), id, &err),
	    DUBAN_EINPUT);
	rfx_expect_contains(err.msg, "still has 1 live record that refers to it");
	assert_int_equal(audit_rows(fx), base);
	assert_int_equal(rfx_sql_int(fx, "SELECT deleted FROM agencies WHERE id = ?1", agency), 0);
	/* Hearing, then case, then agency. */
	assert_int_equal(record_delete(&fx->env, record_kind("hearing"), hearing, &err), DUBAN_OK);
	assert_int_equal(record_delete(&fx->env, record_kind("litigation"), id, &err), DUBAN_OK);
	assert_int_equal(record_delete(&fx->env, record_kind("agency"), agency, &err), DUBAN_OK);
	assert_int_equal(audit_rows(fx), base + 3);
}

/* Entering a deleted case's number again brings that record back ("restore"). */
static void
test_recreate_deleted_case_restores(void **state)
{
	struct rfx *fx = *state;
	int64_t id = add_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	struct record *r;
	struct duban_err err;
	char v[TEXT_LEN];

	duban_err_clear(&err);
	assert_int_equal(record_delete(&fx->env, record_kind("litigation"), id, &err), DUBAN_OK);
	r = new_case(fx, "(2025)浙0521行初1号", "2025-05-16");
	rfx_input(fx, r, "plaintiff", "王五");
	/* It comes back as the same record, and says so. */
	assert_int_equal(rfx_save(fx, r), RECORD_RESTORED);
	assert_int_equal(r->id, id);
	assert_false(r->deleted);
	record_free(r);
	assert_int_equal(count_rows(fx, "litigation_cases"), 1);
	assert_int_equal(rfx_sql_int(fx, "SELECT deleted FROM litigation_cases WHERE id = ?1", id),
	    0);
	expect_stored(fx, "litigation_cases", "plaintiff", id, "王五");
	/* Re-derived from the new trigger: 2025-05-16 + 15 -> 2025-06-03 (see above). */
	expect_stored(fx, "litigation_cases", "defence_due_on", id, "2025-06-03");
	assert_string_equal(rfx_sql_text(fx, "SELECT group_concat(action, ',') FROM (SELECT action "
	    "FROM audit_log WHERE kind = 'litigation' AND record_id = ?1 ORDER BY id)", id, v,
	    sizeof(v)), "create,delete,restore");
	assert_string_equal(rfx_sql_text(fx, "SELECT json_extract(before, '$.plaintiff') || '>' || "
	    "json_extract(after, '$.plaintiff') FROM audit_log WHERE action = 'restore' AND "
	    "record_id = ?1", id, v, sizeof(v)), "张三>王五");
}

/* ---- keeping due dates current ------------------------------------------------------------ */

/* A record_env over another configuration (same database, calendar, today). */
static struct record_env
env_with(const struct rfx *fx, const struct config *cfg)
{
	struct record_env env = fx->env;

	env.cfg = cfg;
	return env;
}

/* Reading make-up working days as rest days moves due dates that counted one. */
static void
test_keep_current_after_makeup_change(void **state)
{
	struct rfx *fx = *state;
	const char *rec[] = { "case_no", "德政复〔2025〕1号", "agency", "县公安局",
		"accepted_on", "2025-04-22", NULL };
	struct config *no_makeup = rfx_config(fx->dir, "[calendar]\nmakeup_workdays = no\n");
	struct record_env env;
	int64_t lit;
	int64_t recon;
	int64_t unaffected;
	int64_t changed = -1;
	int64_t base;
	bool stale = true;
	struct duban_err err;
	char v[TEXT_LEN];

	assert_non_null(no_makeup);
	/* 2025-04-12 (Sat) + 15 = 04-27 (Sun, W 劳动节 make-up): due that day. */
	lit = add_case(fx, "(2025)浙0521行初1号", "2025-04-12");
	expect_stored(fx, "litigation_cases", "defence_due_on", lit, "2025-04-27");
	/* 2025-06-03 + 15 = 06-18: no make-up day near. */
	unaffected = add_case(fx, "(2025)浙0521行初2号", "2025-06-03");
	/* 2025-04-22 (Tue): 23, 24, 25, 27 (W), 28, 29, 30 = 7th working day: 04-30.
	 * Decision: 04-22 + 60 = 06-21 (Sat) -> 06-23 (Mon). */
	recon = rfx_add(fx, "reconsideration", rec);
	expect_stored(fx, "reconsideration_cases", "copy_due_on", recon, "2025-04-30");
	expect_stored(fx, "reconsideration_cases", "decision_due_on", recon, "2025-06-23");

	/* Under the configuration the records were saved with, nothing moves. */
	duban_err_clear(&err);
	assert_int_equal(record_keep_current(&fx->env, &changed, &stale, &err), DUBAN_OK);
	assert_int_equal(changed, 0);
	assert_false(stale);
	base = audit_rows(fx);

	env = env_with(fx, no_makeup);
	assert_int_equal(record_keep_current(&env, &changed, &stale, &err), DUBAN_OK);
	assert_int_equal(changed, 2);
	assert_false(stale);
	/* 04-27 is a rest day now: 04-28 (Mon). */
	expect_stored(fx, "litigation_cases", "defence_due_on", lit, "2025-04-28");
	expect_stored(fx, "litigation_cases", "defence_due_on", unaffected, "2025-06-18");
	/* 23, 24, 25, 28, 29, 30, (05-01..05 R), 05-06 = 7th working day. */
	expect_stored(fx, "reconsideration_cases", "copy_due_on", recon, "2025-05-06");
	expect_stored(fx, "reconsideration_cases", "decision_due_on", recon, "2025-06-23");
	assert_int_equal(audit_rows(fx), base + 2);
	assert_string_equal(rfx_sql_text(fx, "SELECT login || ' ' || json_extract(before, "
	    "'$.defence_due_on') || ' ' || json_extract(after, '$.defence_due_on') FROM audit_log "
	    "WHERE action = 'recompute' AND kind = 'litigation' AND record_id = ?1", lit, v,
	    sizeof(v)), "tester 2025-04-27 2025-04-28");
	assert_string_equal(rfx_sql_text(fx, "SELECT json_extract(before, '$.copy_due_on') || ' ' "
	    "|| json_extract(after, '$.copy_due_on') FROM audit_log WHERE action = 'recompute' AND "
	    "kind = 'reconsideration' AND record_id = ?1", recon, v, sizeof(v)),
	    "2025-04-30 2025-05-06");

	/* Once current, again changes nothing. */
	assert_int_equal(record_keep_current(&env, &changed, &stale, &err), DUBAN_OK);
	assert_int_equal(changed, 0);
	assert_int_equal(audit_rows(fx), base + 2);
	config_free(no_makeup);
}

/* A site file that lengthens a rule: every record under it moves, once. */
static void
test_keep_current_after_rule_change(void **state)
{
	struct rfx *fx = *state;
	struct config *longer = rfx_config(fx->dir, "[rule litigation-defence]\nlength = 20\n"
	    "unit = days\nroll = yes\nbasis = test\n");
	struct record_env env;
	int64_t id;
	int64_t changed = -1;
	bool stale = true;
	struct duban_err err;
	int64_t base;

	assert_non_null(longer);
	id = add_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	duban_err_clear(&err);
	assert_int_equal(record_keep_current(&fx->env, &changed, &stale, &err), DUBAN_OK);
	base = audit_rows(fx);
	env = env_with(fx, longer);
	assert_int_equal(record_keep_current(&env, &changed, &stale, &err), DUBAN_OK);
	assert_int_equal(changed, 1);
	/* 2025-06-03 + 20 = 06-23 (Mon). */
	expect_stored(fx, "litigation_cases", "defence_due_on", id, "2025-06-23");
	assert_int_equal(rfx_sql_int(fx, "SELECT count(*) FROM audit_log WHERE action = "
	    "'recompute'", 0), 1);
	assert_int_equal(record_keep_current(&env, &changed, &stale, &err), DUBAN_OK);
	assert_int_equal(changed, 0);
	assert_int_equal(audit_rows(fx), base + 1);
	/* Back to the shipped rules: back to 06-18, audited again. */
	assert_int_equal(record_keep_current(&fx->env, &changed, &stale, &err), DUBAN_OK);
	assert_int_equal(changed, 1);
	expect_stored(fx, "litigation_cases", "defence_due_on", id, "2025-06-18");
	config_free(longer);
}

/* The explicit recompute (admin) counts and audits the same way. */
static void
test_recompute_all(void **state)
{
	struct rfx *fx = *state;
	struct config *longer = rfx_config(fx->dir, "[rule judicial-suggestion]\nlength = 45\n"
	    "unit = days\nroll = yes\n");
	const char *sugg[] = { "doc_no", "德法建〔2025〕1号", "kind", "司法建议", "agency",
		"县公安局", "received_on", "2025-05-06", NULL };
	const char *stated[] = { "doc_no", "德法建〔2025〕2号", "kind", "司法建议", "agency",
		"县公安局", "received_on", "2025-05-06", "period_length", "1", "period_unit",
		"months", NULL };
	struct record_env env;
	int64_t id;
	int64_t other;
	int64_t changed = -1;
	struct duban_err err;

	assert_non_null(longer);
	police(fx);
	id = rfx_add(fx, "suggestion", sugg);
	other = rfx_add(fx, "suggestion", stated);
	env = env_with(fx, longer);
	duban_err_clear(&err);
	assert_int_equal(record_recompute_all(&env, &changed, &err), DUBAN_OK);
	assert_int_equal(changed, 1);
	/* 2025-05-06 + 45 = 06-20 (Fri). The stated period (06-06) is the document's: kept. */
	expect_stored(fx, "suggestions", "due_on", id, "2025-06-20");
	expect_stored(fx, "suggestions", "due_on", other, "2025-06-06");
	assert_int_equal(record_recompute_all(&env, &changed, &err), DUBAN_OK);
	assert_int_equal(changed, 0);
	config_free(longer);
}

/* ---- issue 11 finding 4, issue 10 findings 13 and 16: keys and faults ------------------- */

/* Input for one field must be refused with a problem containing needle. */
static void
expect_input_refused(struct rfx *fx, struct record *r, const char *column, const char *value,
    const char *needle)
{
	struct record_problems p;

	memset(&p, 0, sizeof(p));
	if (record_input(&fx->env, r, rfx_field(r->kind, column), value, &p)) {
		print_error("%s.%s = \"%s\" was taken\n", r->kind->name, column, value);
		fail();
	}
	assert_int_equal(p.fault.rc, DUBAN_OK);
	expect_problem(&p, r->kind, column, needle);
}

/* The same case number with full-width brackets, 〔〕 or [], full-width digits or spaces is
 * the same case: refused, naming the case as it was recorded. */
static void
test_normalised_case_number_is_a_duplicate(void **state)
{
	struct rfx *fx = *state;
	static const char *const same[] = {
		"（2025）浙0521行初361号", "〔2025〕浙0521行初361号", "[2025]浙0521行初361号",
		"［２０２５］浙0521行初361号", "(2025) 浙0521行初361号", "(2025)浙0521行初361号",
		"【2025】浙0521 行初361号",
	};
	const char *sugg[] = { "doc_no", "X检行建〔2025〕3号", "kind", "检察建议", "agency",
		"县公安局", "received_on", "2025-06-02", NULL };
	const char *sugg2[] = { "doc_no", "X检行建[2025]3号", "kind", "检察建议", "agency",
		"县公安局", "received_on", "2025-06-02", NULL };
	const char *ag[] = { "name", "县 公安局", "kind", "部门", NULL };
	const char *hear[] = { "case_no", "（2025）浙0521行初361号", "hearing_on", "2025-06-20",
		NULL };
	int64_t first = add_case(fx, "(2025)浙0521行初361号", "2025-06-03");
	struct record *r;
	int64_t id = 0;
	struct duban_err err;
	size_t i;

	for (i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		r = new_case(fx, same[i], "2025-06-04");
		expect_refused(fx, r, "case_no", "is already recorded");
		if (i < 5)
			expect_refused(fx, r, "case_no", "as \"(2025)浙0521行初361号\" (record 1)");
		record_free(r);
	}
	assert_int_equal(count_rows(fx, "litigation_cases"), 1);
	/* Another number is another case. */
	add_case(fx, "(2025)浙0521行初362号", "2025-06-04");

	/* Found by any of its forms, and a hearing names its case in any of them. */
	duban_err_clear(&err);
	assert_int_equal(record_lookup(&fx->env, record_kind("litigation"),
	    "〔2025〕浙0521行初361号", &id, &err), DUBAN_OK);
	assert_int_equal(id, first);
	rfx_add(fx, "hearing", hear);
	expect_stored(fx, "hearings", "case_id", 1, "1");

	/* Documents and agencies alike. */
	rfx_add(fx, "suggestion", sugg);
	r = rfx_build(fx, "suggestion", sugg2);
	expect_refused(fx, r, "doc_no", "X检行建〔2025〕3号");
	record_free(r);
	r = rfx_build(fx, "agency", ag);
	expect_refused(fx, r, "name", "县公安局");
	record_free(r);
	assert_int_equal(count_rows(fx, "agencies"), 1);
	/* ... and a reference to an agency finds it in the same form. */
	r = new_case(fx, "(2025)浙0521行初363号", "2025-06-04");
	rfx_input(fx, r, "agency", "县 公安局");
	assert_string_equal(record_get(r, rfx_field(r->kind, "agency")), "1");
	record_free(r);
	/* The number is stored as typed; only the comparison is normalised. */
	expect_stored(fx, "litigation_cases", "case_no", first, "(2025)浙0521行初361号");
}

/* Line breaks, tabs and other controls are refused in keys; NBSP and the other Unicode
 * spaces are trimmed; bidirectional controls are refused in any text. */
static void
test_key_controls_and_lookalikes(void **state)
{
	struct rfx *fx = *state;
	struct record *r = new_case(fx, "X0", "2025-06-03");
	int64_t id;

	expect_input_refused(fx, r, "case_no", "N2\rX", "control character");
	expect_input_refused(fx, r, "case_no", "N2\nX", "control character");
	expect_input_refused(fx, r, "case_no", "N2\tX", "control character");
	expect_input_refused(fx, r, "case_no", "N2\xC2\x85X", "control character");
	expect_input_refused(fx, r, "case_no", "\xE2\x80\xAEX1", "direction");
	expect_input_refused(fx, r, "note", "abc\xE2\x81\xA6" "def", "direction");
	expect_input_refused(fx, r, "plaintiff", "\xE2\x80\x8F张三", "direction");
	/* A note may still hold line breaks. */
	rfx_input(fx, r, "note", "line 1\nline 2");
	rfx_input(fx, r, "case_no", "\xC2\xA0X1\xE2\x80\xAF\xE3\x80\x80\xEF\xBB\xBF");
	assert_string_equal(record_get(r, rfx_field(r->kind, "case_no")), "X1");
	rfx_save(fx, r);
	id = r->id;
	record_free(r);
	r = new_case(fx, "X1", "2025-06-03");
	expect_refused(fx, r, "case_no", "is already recorded");
	record_free(r);
	expect_stored(fx, "litigation_cases", "case_no", id, "X1");
}

/* A hearing after today cannot have been attended: who appeared, in what capacity and
 * whether they spoke are refused with the reason; the court's notice is not. */
static void
test_future_hearing_appearance_refused(void **state)
{
	struct rfx *fx = *state;
	const char *future[] = { "case_no", "(2025)浙0521行初1号", "hearing_on", "2025-07-10",
		"appearer_rank", "副职", "appearer", "李副局长", "spoke", "是", NULL };
	const char *notice[] = { "case_no", "(2025)浙0521行初1号", "hearing_on", "2025-07-10",
		"head_required", "是", "required_reason", "法院通知", NULL };
	const char *today[] = { "case_no", "(2025)浙0521行初1号", "hearing_on", "2025-06-30",
		"appearer_rank", "正职", "appearer", "王局长", "spoke", "是", NULL };
	struct record *h;

	add_case(fx, "(2025)浙0521行初1号", "2025-06-03");
	h = rfx_build(fx, "hearing", future);
	expect_refused(fx, h, "appearer_rank", "has not taken place yet");
	expect_refused(fx, h, "appearer", "2025-07-10");
	expect_refused(fx, h, "spoke", "today is 2025-06-30");
	record_free(h);
	assert_int_equal(count_rows(fx, "hearings"), 0);
	rfx_add(fx, "hearing", notice);
	rfx_add(fx, "hearing", today);
	assert_int_equal(count_rows(fx, "hearings"), 2);
}

/* A database that fails while a reference or the key is checked is a database error
 * (DUBAN_EDB), never "refers to a record that does not exist" or a bad input. */
static void
test_database_fault_is_not_an_input_problem(void **state)
{
	struct rfx *fx = *state;
	struct record *r = new_case(fx, "(2025)浙0521行初9号", "2025-06-03");
	struct record_problems p;
	struct duban_err err;
	enum record_outcome out;
	int rc;

	/* The tables the checks read are gone: every lookup fails as SQLite errors do. */
	assert_int_equal(db_exec(fx->db, "PRAGMA foreign_keys = OFF; ALTER TABLE agencies RENAME"
	    " TO agencies_gone; ALTER TABLE litigation_cases RENAME TO lc_gone", &err), DUBAN_OK);
	memset(&p, 0, sizeof(p));
	duban_err_clear(&err);
	rc = record_save(&fx->env, r, 0, &out, &p, &err);
	assert_int_equal(rc, DUBAN_EDB);
	assert_int_equal(err.rc, DUBAN_EDB);
	assert_null(strstr(err.msg, "does not exist"));

	/* record_input of a reference: a fault, kept apart from the input's problems. */
	memset(&p, 0, sizeof(p));
	assert_false(record_input(&fx->env, r, rfx_field(r->kind, "agency"), "县公安局", &p));
	assert_int_equal(p.fault.rc, DUBAN_EDB);
	record_free(r);
}

#define T(f) cmocka_unit_test_setup_teardown(f, rfx_setup, rfx_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_litigation_required_fields),
		T(test_normalised_case_number_is_a_duplicate),
		T(test_key_controls_and_lookalikes),
		T(test_future_hearing_appearance_refused),
		T(test_database_fault_is_not_an_input_problem),
		T(test_suggestion_required_fields),
		T(test_agency_and_hearing_required_fields),
		T(test_impossible_date_refused),
		T(test_complaint_copy_before_filing_refused),
		T(test_defence_before_complaint_copy_refused),
		T(test_reply_before_copy_received_refused),
		T(test_date_after_today_refused),
		T(test_unknown_agency_suggests_close_name),
		T(test_dangling_agency_reference_refused),
		T(test_duplicate_natural_key_refused),
		T(test_duplicate_hearing_names_case_number),
		T(test_enum_words),
		T(test_bool_words),
		T(test_derived_field_refuses_input),
		T(test_mail_delivery_needs_mailing_date),
		T(test_extension_with_simplified_refused),
		T(test_hearing_appearance_checks),
		T(test_stated_period_needs_unit),
		T(test_outcome_and_closing_date_go_together),
		T(test_litigation_defence_due_follows_trigger),
		T(test_reconsideration_ordinary_due_dates),
		T(test_reconsideration_simplified_due_dates),
		T(test_reconsideration_extended_decision),
		T(test_reconsideration_reply_rule_change_2024),
		T(test_suggestion_default_periods),
		T(test_suggestion_stated_period_overrides),
		T(test_audit_rows_for_create_update_delete),
		T(test_unchanged_save_writes_nothing),
		T(test_refused_update_writes_nothing),
		T(test_audit_log_tampering_refused),
		T(test_history_lists_changes),
		T(test_concurrent_edit_refused),
		T(test_save_after_other_deleted_refused),
		T(test_soft_delete_hides_and_keeps),
		T(test_delete_with_live_dependents_refused),
		T(test_recreate_deleted_case_restores),
		T(test_keep_current_after_makeup_change),
		T(test_keep_current_after_rule_change),
		T(test_recompute_all),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
