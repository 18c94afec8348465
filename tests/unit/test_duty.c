/* tests/unit/test_duty.c: deadline queries by status (core/duty.c) over records saved through
 * the record engine: the due-soon window in working days, the status of a deadline on the
 * days around its due date, done on time or late (a mailed submission counts by its mailing
 * date, 民诉法 第85条), every duty of the dashboard, filters and the urgency order. Expected
 * dates are worked out by hand in the comments from data/duban.ini and data/calendar
 * ("R" = official rest day). Records are saved with today = 2025-06-30; the queries are asked
 * for other todays. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "duban/duty.h"
#include "records_fixture.h"

#define D(y, m, d) date_ymd((y), (m), (d))

static const char *const status_names[DEADLINE_N_STATUS] = {
	"pending", "due-soon", "due-today", "overdue", "done-on-time", "done-late",
};

static void
setup_agencies(struct rfx *fx)
{
	rfx_agency(fx, "县公安局", "公安局", "department");
	rfx_agency(fx, "城关镇人民政府", "城关镇", "township");
}

/* A litigation case against agency; submitted may be NULL. */
static int64_t
add_case(struct rfx *fx, const char *case_no, const char *agency, const char *received,
    const char *submitted)
{
	const char *pairs[] = { "case_no", case_no, "agency", agency, "plaintiff", "张三",
		"complaint_received_on", received, NULL, NULL, NULL };

	if (submitted != NULL) {
		pairs[8] = "defence_submitted_on";
		pairs[9] = submitted;
	}
	return rfx_add(fx, "litigation", pairs);
}

/* Counts of every status of duty on today, with a due-soon window of soon working days. */
static void
counts_at(struct rfx *fx, const char *duty_name, struct date today, int soon,
    int64_t n[DEADLINE_N_STATUS])
{
	const struct duty *duty = duty_find(duty_name);
	struct duty_window w;
	struct duban_err err;
	int s;

	assert_non_null(duty);
	duty_window_init(&w, fx->cal, today, soon, true);
	for (s = 0; s < DEADLINE_N_STATUS; s++) {
		duban_err_clear(&err);
		n[s] = -1;
		assert_int_equal(duty_count(fx->db, duty, &w, (enum deadline_status)s, 0, &n[s],
		    &err), DUBAN_OK);
	}
}

/* The expected counts per status: pending, due soon, due today, overdue, on time, late. */
static void
expect_counts(struct rfx *fx, const char *duty_name, struct date today, int soon,
    const int64_t want[DEADLINE_N_STATUS])
{
	int64_t n[DEADLINE_N_STATUS];
	char iso[DATE_ISO_LEN];
	int s;
	bool ok = true;

	counts_at(fx, duty_name, today, soon, n);
	for (s = 0; s < DEADLINE_N_STATUS; s++)
		ok = ok && n[s] == want[s];
	if (!ok) {
		print_error("%s on %s (due soon within %d working days):\n", duty_name,
		    date_format(today, iso), soon);
		for (s = 0; s < DEADLINE_N_STATUS; s++)
			print_error("  %-12s %lld, expected %lld\n", status_names[s],
			    (long long)n[s], (long long)want[s]);
		fail();
	}
}

struct seen {
	int n;
	int64_t id[16];
	char key[16][64];
	char agency[16][64];
	char party[16][64];
	struct date due[16];
	struct date done[16];
	enum deadline_status status[16];
	bool has_due[16];
};

static int
collect(const struct duty_item *it, void *arg)
{
	struct seen *s = arg;

	if (s->n >= 16)
		return DUBAN_OK;
	s->id[s->n] = it->id;
	snprintf(s->key[s->n], sizeof(s->key[0]), "%s", it->key);
	snprintf(s->agency[s->n], sizeof(s->agency[0]), "%s", it->agency);
	snprintf(s->party[s->n], sizeof(s->party[0]), "%s", it->party);
	s->due[s->n] = it->due;
	s->done[s->n] = it->done;
	s->status[s->n] = it->status;
	s->has_due[s->n] = it->has_due;
	s->n++;
	return DUBAN_OK;
}

static void
each(struct rfx *fx, const char *duty_name, struct date today, int soon,
    const struct duty_filter *f, struct seen *s)
{
	struct duty_window w;
	struct duban_err err;

	memset(s, 0, sizeof(*s));
	duty_window_init(&w, fx->cal, today, soon, true);
	duban_err_clear(&err);
	assert_int_equal(duty_each(fx->db, duty_find(duty_name), &w, f, collect, s, &err),
	    DUBAN_OK);
}

/* The one item of record id: its status on today. */
static enum deadline_status
status_of(struct rfx *fx, const char *duty_name, int64_t id, struct date today, int soon)
{
	struct duty_filter f;
	struct seen s;

	memset(&f, 0, sizeof(f));
	f.record_id = id;
	each(fx, duty_name, today, soon, &f, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.id[0], id);
	return s.status[0];
}

static void
expect_date(struct date got, struct date want)
{
	char a[DATE_ISO_LEN];
	char b[DATE_ISO_LEN];

	if (!date_eq(got, want)) {
		print_error("date %s, expected %s\n", date_format(got, a), date_format(want, b));
		fail();
	}
}

/* ---- tables and window -------------------------------------------------------------------- */

static void
test_duty_table(void **state)
{
	(void)state;
	assert_int_equal(duties_n, 10);
	assert_string_equal(duties[0].name, "litigation-defence");
	assert_string_equal(duties[1].name, "hearing-head");
	assert_string_equal(duties[2].name, "reconsideration-copy");
	assert_string_equal(duties[3].name, "reconsideration-reply");
	assert_string_equal(duties[4].name, "reconsideration-decision");
	assert_string_equal(duties[5].name, "suggestion-reply");
	assert_ptr_equal(duty_find("suggestion-reply"), &duties[5]);
	assert_null(duty_find("suggestion"));
	assert_ptr_equal(duty_primary("litigation"), &duties[0]);
	assert_ptr_equal(duty_primary("hearing"), &duties[1]);
	assert_ptr_equal(duty_primary("reconsideration"), &duties[3]);
	assert_ptr_equal(duty_primary("suggestion"), &duties[5]);
	assert_string_equal(duties[6].name, "rule-filing");
	assert_ptr_equal(duty_primary("filing"), &duties[6]);
	assert_string_equal(duties[7].name, "publicity");
	assert_ptr_equal(duty_primary("publicity"), &duties[7]);
	assert_string_equal(duties[8].name, "review-rectification");
	assert_ptr_equal(duty_primary("review"), &duties[8]);
	assert_string_equal(duties[9].name, "certificate-expiry");
	assert_ptr_equal(duty_primary("officer"), &duties[9]);
	assert_null(duty_primary("agency"));
}

/* soon_end is the (N+1)th working day after today: due soon = due before it. */
static void
test_window_counts_working_days(void **state)
{
	struct rfx *fx = *state;
	struct duty_window w;

	/* 2025-06-13 (Fri): 16 (1), 17 (2), 18 (3), 19 (4). */
	duty_window_init(&w, fx->cal, D(2025, 6, 13), 3, true);
	expect_date(w.today, D(2025, 6, 13));
	expect_date(w.soon_end, D(2025, 6, 19));
	/* 2025-05-28 (Wed): 29 (1), 30 (2), 05-31..06-02 R 端午, 06-03 (3), 06-04 (4). */
	duty_window_init(&w, fx->cal, D(2025, 5, 28), 3, true);
	expect_date(w.soon_end, D(2025, 6, 4));
	/* 2025-06-30 (Mon): 07-01, 02, 03, 04 (4). */
	duty_window_init(&w, fx->cal, D(2025, 6, 30), 3, true);
	expect_date(w.soon_end, D(2025, 7, 4));
	/* Five working days: ..., 07-07 (5), 07-08 (6). */
	duty_window_init(&w, fx->cal, D(2025, 6, 30), 5, true);
	expect_date(w.soon_end, D(2025, 7, 8));
	/* Make-up day: 2025-04-25 (Fri): 04-27 (Sun, W) counts when make-up days do: 27, 28,
	 * 29, 30; when not: 28, 29, 30, then 05-01..05 R, 05-06. */
	duty_window_init(&w, fx->cal, D(2025, 4, 25), 3, true);
	expect_date(w.soon_end, D(2025, 4, 30));
	duty_window_init(&w, fx->cal, D(2025, 4, 25), 3, false);
	expect_date(w.soon_end, D(2025, 5, 6));
}

/* ---- status around a due date ------------------------------------------------------------- */

/* Defence due 2025-06-18 (Wed): received 2025-06-03 + 15 days. */
static void
test_defence_status_around_due_date(void **state)
{
	struct rfx *fx = *state;
	int64_t id;
	static const int64_t pending[] = { 1, 0, 0, 0, 0, 0 };
	static const int64_t soon[] = { 0, 1, 0, 0, 0, 0 };
	static const int64_t today[] = { 0, 0, 1, 0, 0, 0 };
	static const int64_t overdue[] = { 0, 0, 0, 1, 0, 0 };
	struct duty_filter f;
	struct seen s;

	setup_agencies(fx);
	id = add_case(fx, "(2025)浙0521行初1号", "县公安局", "2025-06-03", NULL);
	/* 06-12 (Thu): 13, 16, 17, 18 = 4 working days left: not yet due soon. */
	expect_counts(fx, "litigation-defence", D(2025, 6, 12), 3, pending);
	assert_int_equal(status_of(fx, "litigation-defence", id, D(2025, 6, 12), 3),
	    DEADLINE_PENDING);
	/* ...but it is within a 4-day window. */
	expect_counts(fx, "litigation-defence", D(2025, 6, 12), 4, soon);
	/* 06-13 (Fri): 16, 17, 18 = 3 left. */
	expect_counts(fx, "litigation-defence", D(2025, 6, 13), 3, soon);
	/* The day before. */
	expect_counts(fx, "litigation-defence", D(2025, 6, 17), 3, soon);
	assert_int_equal(status_of(fx, "litigation-defence", id, D(2025, 6, 17), 3),
	    DEADLINE_DUE_SOON);
	expect_counts(fx, "litigation-defence", D(2025, 6, 18), 3, today);
	assert_int_equal(status_of(fx, "litigation-defence", id, D(2025, 6, 18), 3),
	    DEADLINE_DUE_TODAY);
	/* The day after, and later. */
	expect_counts(fx, "litigation-defence", D(2025, 6, 19), 3, overdue);
	assert_int_equal(status_of(fx, "litigation-defence", id, D(2025, 6, 19), 3),
	    DEADLINE_OVERDUE);
	expect_counts(fx, "litigation-defence", D(2025, 6, 30), 3, overdue);
	/* The item as listed. */
	memset(&f, 0, sizeof(f));
	each(fx, "litigation-defence", D(2025, 6, 19), 3, &f, &s);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.key[0], "(2025)浙0521行初1号");
	assert_string_equal(s.agency[0], "县公安局");
	assert_string_equal(s.party[0], "张三");
	assert_true(s.has_due[0]);
	expect_date(s.due[0], D(2025, 6, 18));
	assert_true(date_is_none(s.done[0]));
}

/* Due 2025-06-03 (Tue), after the 端午 break: the window counts only working days. */
static void
test_due_soon_window_spans_holiday(void **state)
{
	struct rfx *fx = *state;
	static const int64_t pending[] = { 1, 0, 0, 0, 0, 0 };
	static const int64_t soon[] = { 0, 1, 0, 0, 0, 0 };

	setup_agencies(fx);
	/* 2025-05-16 + 15 = 05-31 (Sat, R) -> 06-03. */
	add_case(fx, "(2025)浙0521行初1号", "县公安局", "2025-05-16", NULL);
	/* 05-27 (Tue): 28, 29, 30, 06-03 = 4 working days left, though 7 calendar days. */
	expect_counts(fx, "litigation-defence", D(2025, 5, 27), 3, pending);
	/* 05-28 (Wed): 29, 30, 06-03 = 3. */
	expect_counts(fx, "litigation-defence", D(2025, 5, 28), 3, soon);
	/* 05-31 (Sat, R): 06-03 is the first working day. */
	expect_counts(fx, "litigation-defence", D(2025, 5, 31), 3, soon);
	/* A zero-day window: only due today and overdue are urgent. 06-02 (Mon, R). */
	expect_counts(fx, "litigation-defence", D(2025, 6, 2), 0, pending);
}

/* Done on or before the due date is on time; after it, late. A defence mailed by the due date
 * is on time though it arrives later (民诉法 第85条第4款). */
static void
test_defence_done_on_time_or_late(void **state)
{
	struct rfx *fx = *state;
	const char *mailed_ok[] = { "case_no", "(2025)浙0521行初3号", "agency", "县公安局",
		"complaint_received_on", "2025-06-03", "defence_delivery", "邮寄",
		"defence_mailed_on", "2025-06-18", "defence_submitted_on", "2025-06-20", NULL };
	const char *mailed_late[] = { "case_no", "(2025)浙0521行初4号", "agency", "县公安局",
		"complaint_received_on", "2025-06-03", "defence_delivery", "mail",
		"defence_mailed_on", "2025-06-19", "defence_submitted_on", "2025-06-20", NULL };
	const char *electronic[] = { "case_no", "(2025)浙0521行初5号", "agency", "县公安局",
		"complaint_received_on", "2025-06-03", "defence_delivery", "电子",
		"defence_submitted_on", "2025-06-18", NULL };
	static const int64_t want[] = { 0, 0, 0, 0, 3, 2 };
	int64_t on_time;
	int64_t late;
	int64_t m_ok;
	int64_t m_late;
	int64_t el;
	struct duty_filter f;
	struct seen s;

	setup_agencies(fx);
	/* All due 2025-06-18. */
	on_time = add_case(fx, "(2025)浙0521行初1号", "县公安局", "2025-06-03", "2025-06-18");
	late = add_case(fx, "(2025)浙0521行初2号", "县公安局", "2025-06-03", "2025-06-19");
	m_ok = rfx_add(fx, "litigation", mailed_ok);
	m_late = rfx_add(fx, "litigation", mailed_late);
	el = rfx_add(fx, "litigation", electronic);
	expect_counts(fx, "litigation-defence", D(2025, 6, 30), 3, want);
	/* Done is done whatever today is. */
	expect_counts(fx, "litigation-defence", D(2025, 6, 10), 3, want);
	assert_int_equal(status_of(fx, "litigation-defence", on_time, D(2025, 6, 30), 3),
	    DEADLINE_DONE_ON_TIME);
	assert_int_equal(status_of(fx, "litigation-defence", late, D(2025, 6, 30), 3),
	    DEADLINE_DONE_LATE);
	assert_int_equal(status_of(fx, "litigation-defence", m_ok, D(2025, 6, 30), 3),
	    DEADLINE_DONE_ON_TIME);
	assert_int_equal(status_of(fx, "litigation-defence", m_late, D(2025, 6, 30), 3),
	    DEADLINE_DONE_LATE);
	assert_int_equal(status_of(fx, "litigation-defence", el, D(2025, 6, 30), 3),
	    DEADLINE_DONE_ON_TIME);
	/* The effective done date of a mailed defence is its mailing date. */
	memset(&f, 0, sizeof(f));
	f.record_id = m_ok;
	each(fx, "litigation-defence", D(2025, 6, 30), 3, &f, &s);
	assert_int_equal(s.n, 1);
	expect_date(s.done[0], D(2025, 6, 18));
}

/* The three reconsideration deadlines of one case, each with its own status. */
static void
test_reconsideration_duties(void **state)
{
	struct rfx *fx = *state;
	const char *rec[] = { "case_no", "德政复〔2025〕1号", "agency", "城关镇", "applicant",
		"李四", "received_on", "2025-06-02", "accepted_on", "2025-06-03", "copy_sent_on",
		"2025-06-05", "copy_received_on", "2025-06-10", NULL };
	/* copy due 06-12, sent 06-05: on time. reply due 06-24 (10 working days from 06-10).
	 * decision due 08-04 (06-03 + 60 = 08-02 Sat). */
	static const int64_t copy[] = { 0, 0, 0, 0, 1, 0 };
	static const int64_t due_today[] = { 0, 0, 1, 0, 0, 0 };
	static const int64_t overdue[] = { 0, 0, 0, 1, 0, 0 };
	static const int64_t pending[] = { 1, 0, 0, 0, 0, 0 };
	static const int64_t on_time[] = { 0, 0, 0, 0, 1, 0 };
	static const int64_t late[] = { 0, 0, 0, 0, 0, 1 };
	struct record *r;
	int64_t id;
	struct duty_filter f;
	struct seen s;

	setup_agencies(fx);
	id = rfx_add(fx, "reconsideration", rec);
	expect_counts(fx, "reconsideration-copy", D(2025, 6, 24), 3, copy);
	expect_counts(fx, "reconsideration-reply", D(2025, 6, 24), 3, due_today);
	expect_counts(fx, "reconsideration-reply", D(2025, 6, 25), 3, overdue);
	expect_counts(fx, "reconsideration-decision", D(2025, 6, 25), 3, pending);
	/* 08-04 (Mon) seen from 07-30 (Wed): 31, 08-01, 08-04 = 3 working days: due soon. */
	{
		static const int64_t soon[] = { 0, 1, 0, 0, 0, 0 };

		expect_counts(fx, "reconsideration-decision", D(2025, 7, 30), 3, soon);
	}
	memset(&f, 0, sizeof(f));
	each(fx, "reconsideration-reply", D(2025, 6, 25), 3, &f, &s);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.key[0], "德政复〔2025〕1号");
	assert_string_equal(s.agency[0], "城关镇人民政府");
	assert_string_equal(s.party[0], "李四");
	expect_date(s.due[0], D(2025, 6, 24));
	/* Mailed on the due date, arrived two days later: on time. */
	r = rfx_load(fx, "reconsideration", id);
	rfx_input(fx, r, "reply_delivery", "邮寄");
	rfx_input(fx, r, "reply_mailed_on", "2025-06-24");
	rfx_input(fx, r, "reply_on", "2025-06-26");
	rfx_save(fx, r);
	expect_counts(fx, "reconsideration-reply", D(2025, 6, 30), 3, on_time);
	/* Handed over in person on the 26th instead: late. */
	rfx_input(fx, r, "reply_delivery", "当面");
	rfx_input(fx, r, "reply_mailed_on", "");
	rfx_save(fx, r);
	expect_counts(fx, "reconsideration-reply", D(2025, 6, 30), 3, late);
	record_free(r);
}

/* Suggestion replies; a stated period, and the width of the due-soon window. */
static void
test_suggestion_reply_duty(void **state)
{
	struct rfx *fx = *state;
	const char *open[] = { "doc_no", "德法建〔2025〕1号", "kind", "司法建议", "issuer",
		"德清县人民法院", "agency", "县公安局", "received_on", "2025-05-06", NULL };
	const char *answered[] = { "doc_no", "德法建〔2025〕2号", "kind", "司法建议", "agency",
		"县公安局", "received_on", "2025-05-06", "replied_on", "2025-06-04", NULL };
	const char *stated[] = { "doc_no", "德检行建〔2025〕3号", "kind", "检察建议", "agency",
		"县公安局", "received_on", "2025-06-20", "period_length", "15", "period_unit", "日",
		NULL };
	/* open: due 06-05 (05-06 + 30): overdue on 06-30. answered 06-04: on time.
	 * stated: 06-20 + 15 = 07-05 (Sat) -> 07-07 (Mon): 5 working days from 06-30. */
	static const int64_t narrow[] = { 1, 0, 0, 1, 1, 0 };
	static const int64_t wide[] = { 0, 1, 0, 1, 1, 0 };
	struct duty_filter f;
	struct seen s;

	setup_agencies(fx);
	rfx_add(fx, "suggestion", open);
	rfx_add(fx, "suggestion", answered);
	rfx_add(fx, "suggestion", stated);
	expect_counts(fx, "suggestion-reply", D(2025, 6, 30), 3, narrow);
	expect_counts(fx, "suggestion-reply", D(2025, 6, 30), 5, wide);
	memset(&f, 0, sizeof(f));
	f.n_status = 1;
	f.status[0] = DEADLINE_OVERDUE;
	each(fx, "suggestion-reply", D(2025, 6, 30), 3, &f, &s);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.key[0], "德法建〔2025〕1号");
	assert_string_equal(s.party[0], "德清县人民法院");
	expect_date(s.due[0], D(2025, 6, 5));
}

/* Hearings where the head must appear: due on the hearing day, done once who appeared is
 * recorded. Hearings without the requirement are not this duty's. */
static void
test_hearing_head_duty(void **state)
{
	struct rfx *fx = *state;
	const char *h1[] = { "case_no", "(2025)浙0521行初1号", "hearing_on", "2025-06-27",
		"head_required", "是", NULL };
	const char *h2[] = { "case_no", "(2025)浙0521行初1号", "hearing_on", "2025-06-30",
		"head_required", "是", NULL };
	const char *h3[] = { "case_no", "(2025)浙0521行初1号", "hearing_on", "2025-07-01",
		"head_required", "是", NULL };
	const char *h4[] = { "case_no", "(2025)浙0521行初1号", "hearing_on", "2025-06-20",
		"head_required", "是", "appearer_rank", "正职", "appearer", "王局长", NULL };
	const char *h5[] = { "case_no", "(2025)浙0521行初1号", "hearing_on", "2025-06-23",
		"head_required", "否", NULL };
	static const int64_t want[] = { 0, 1, 1, 1, 1, 0 };
	const struct duty *duty = duty_find("hearing-head");
	struct duty_window w;
	struct duty_filter f;
	struct duban_err err;
	struct seen s;
	int64_t n = -1;

	setup_agencies(fx);
	add_case(fx, "(2025)浙0521行初1号", "县公安局", "2025-06-03", NULL);
	rfx_add(fx, "hearing", h1);
	rfx_add(fx, "hearing", h2);
	rfx_add(fx, "hearing", h3);
	rfx_add(fx, "hearing", h4);
	rfx_add(fx, "hearing", h5);
	/* 06-27: past, nobody recorded: overdue. 06-30: today. 07-01: 1 working day: soon.
	 * 06-20: head appeared: done on time. 06-23: not required: not counted. */
	expect_counts(fx, "hearing-head", D(2025, 6, 30), 3, want);
	memset(&f, 0, sizeof(f));
	each(fx, "hearing-head", D(2025, 6, 30), 3, &f, &s);
	assert_int_equal(s.n, 4);
	assert_string_equal(s.key[0], "(2025)浙0521行初1号");
	assert_string_equal(s.agency[0], "县公安局");
	expect_date(s.due[0], D(2025, 6, 27));
	assert_int_equal(s.status[0], DEADLINE_OVERDUE);
	/* Listing every hearing of the kind counts the one without the requirement too. */
	memset(&f, 0, sizeof(f));
	f.every_row = true;
	duty_window_init(&w, fx->cal, D(2025, 6, 30), 3, true);
	duban_err_clear(&err);
	assert_int_equal(duty_count_filtered(fx->db, duty, &w, &f, &n, &err), DUBAN_OK);
	assert_int_equal(n, 5);
}

/* ---- order and filters -------------------------------------------------------------------- */

/* Open items first, earliest due first; then done ones, latest due first. */
static void
test_each_orders_by_urgency(void **state)
{
	struct rfx *fx = *state;
	struct duty_filter f;
	struct seen s;
	static const char *const order[] = { "B", "A", "C", "D", "E", "F", "G" };
	int i;

	setup_agencies(fx);
	/* Inserted out of order. Due dates: */
	add_case(fx, "E", "县公安局", "2025-06-27", NULL);	/* 07-12 (Sat) -> 07-14: pending */
	add_case(fx, "A", "县公安局", "2025-06-03", NULL);	/* 06-18: overdue */
	add_case(fx, "G", "县公安局", "2025-05-16", "2025-06-02");	/* 06-03: done */
	add_case(fx, "C", "县公安局", "2025-06-15", NULL);	/* 06-30: due today */
	add_case(fx, "B", "城关镇", "2025-05-16", NULL);	/* 06-03: overdue */
	add_case(fx, "F", "县公安局", "2025-06-03", "2025-06-10");	/* 06-18: done */
	add_case(fx, "D", "城关镇", "2025-06-17", NULL);	/* 07-02: due soon */
	memset(&f, 0, sizeof(f));
	each(fx, "litigation-defence", D(2025, 6, 30), 3, &f, &s);
	assert_int_equal(s.n, 7);
	for (i = 0; i < 7; i++) {
		if (strcmp(s.key[i], order[i]) != 0) {
			print_error("item %d is %s, expected %s\n", i, s.key[i], order[i]);
			fail();
		}
	}
	assert_int_equal(s.status[0], DEADLINE_OVERDUE);
	assert_int_equal(s.status[2], DEADLINE_DUE_TODAY);
	assert_int_equal(s.status[3], DEADLINE_DUE_SOON);
	assert_int_equal(s.status[4], DEADLINE_PENDING);
	assert_int_equal(s.status[5], DEADLINE_DONE_ON_TIME);
	expect_date(s.due[4], D(2025, 7, 14));
	/* Several statuses at once, a page of them. */
	memset(&f, 0, sizeof(f));
	f.n_status = 2;
	f.status[0] = DEADLINE_OVERDUE;
	f.status[1] = DEADLINE_DUE_SOON;
	each(fx, "litigation-defence", D(2025, 6, 30), 3, &f, &s);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.key[0], "B");
	assert_string_equal(s.key[1], "A");
	assert_string_equal(s.key[2], "D");
	f.limit = 1;
	f.offset = 1;
	each(fx, "litigation-defence", D(2025, 6, 30), 3, &f, &s);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.key[0], "A");
}

/* Agency, text and record filters; every_row lists cases without the deadline. */
static void
test_filters(void **state)
{
	struct rfx *fx = *state;
	const struct duty *duty = duty_find("litigation-defence");
	const char *no_copy[] = { "case_no", "(2025)浙0521行初9号", "agency", "城关镇",
		"plaintiff", "德清100%_公司", NULL };
	struct duty_window w;
	struct duty_filter f;
	struct duban_err err;
	int64_t police;
	int64_t town;
	int64_t n = -1;

	setup_agencies(fx);
	police = rfx_sql_int(fx, "SELECT id FROM agencies WHERE name = '县公安局'", 0);
	town = rfx_sql_int(fx, "SELECT id FROM agencies WHERE name = '城关镇人民政府'", 0);
	add_case(fx, "(2025)浙0521行初1号", "县公安局", "2025-06-03", NULL);
	add_case(fx, "(2025)浙0521行初2号", "县公安局", "2025-05-16", NULL);
	add_case(fx, "(2025)浙0521行初3号", "城关镇", "2025-06-03", NULL);
	rfx_add(fx, "litigation", no_copy);
	duty_window_init(&w, fx->cal, D(2025, 6, 30), 3, true);
	duban_err_clear(&err);
	assert_int_equal(duty_count(fx->db, duty, &w, DEADLINE_OVERDUE, police, &n, &err),
	    DUBAN_OK);
	assert_int_equal(n, 2);
	assert_int_equal(duty_count(fx->db, duty, &w, DEADLINE_OVERDUE, town, &n, &err), DUBAN_OK);
	assert_int_equal(n, 1);
	assert_int_equal(duty_count(fx->db, duty, &w, DEADLINE_OVERDUE, 0, &n, &err), DUBAN_OK);
	assert_int_equal(n, 3);
	memset(&f, 0, sizeof(f));
	f.agency_id = town;
	assert_int_equal(duty_count_filtered(fx->db, duty, &w, &f, &n, &err), DUBAN_OK);
	assert_int_equal(n, 1);
	f.every_row = true;
	assert_int_equal(duty_count_filtered(fx->db, duty, &w, &f, &n, &err), DUBAN_OK);
	assert_int_equal(n, 2);
	/* Text: key, party or agency name; % and _ are literal. */
	memset(&f, 0, sizeof(f));
	f.every_row = true;
	f.text = "行初2";
	assert_int_equal(duty_count_filtered(fx->db, duty, &w, &f, &n, &err), DUBAN_OK);
	assert_int_equal(n, 1);
	f.text = "城关";
	assert_int_equal(duty_count_filtered(fx->db, duty, &w, &f, &n, &err), DUBAN_OK);
	assert_int_equal(n, 2);
	f.text = "100%_";
	assert_int_equal(duty_count_filtered(fx->db, duty, &w, &f, &n, &err), DUBAN_OK);
	assert_int_equal(n, 1);
	f.text = "0%";
	assert_int_equal(duty_count_filtered(fx->db, duty, &w, &f, &n, &err), DUBAN_OK);
	assert_int_equal(n, 1);
	f.text = "%";
	assert_int_equal(duty_count_filtered(fx->db, duty, &w, &f, &n, &err), DUBAN_OK);
	assert_int_equal(n, 1);
}

/* A deleted record leaves every status count and listing. */
static void
test_deleted_records_hidden(void **state)
{
	struct rfx *fx = *state;
	const struct duty *duty = duty_find("litigation-defence");
	struct duty_window w;
	struct duty_filter f;
	struct duban_err err;
	int64_t id;
	int64_t n = -1;

	setup_agencies(fx);
	id = add_case(fx, "(2025)浙0521行初1号", "县公安局", "2025-06-03", NULL);
	add_case(fx, "(2025)浙0521行初2号", "县公安局", "2025-06-03", "2025-06-05");
	{
		static const int64_t both[] = { 0, 0, 0, 1, 1, 0 };

		expect_counts(fx, "litigation-defence", D(2025, 6, 30), 3, both);
	}
	duban_err_clear(&err);
	assert_int_equal(record_delete(&fx->env, record_kind("litigation"), id, &err), DUBAN_OK);
	{
		static const int64_t after[] = { 0, 0, 0, 0, 1, 0 };

		expect_counts(fx, "litigation-defence", D(2025, 6, 30), 3, after);
	}
	duty_window_init(&w, fx->cal, D(2025, 6, 30), 3, true);
	memset(&f, 0, sizeof(f));
	f.every_row = true;
	assert_int_equal(duty_count_filtered(fx->db, duty, &w, &f, &n, &err), DUBAN_OK);
	assert_int_equal(n, 1);
}

#define T(f) cmocka_unit_test_setup_teardown(f, rfx_setup, rfx_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_duty_table),
		T(test_window_counts_working_days),
		T(test_defence_status_around_due_date),
		T(test_due_soon_window_spans_holiday),
		T(test_defence_done_on_time_or_late),
		T(test_reconsideration_duties),
		T(test_suggestion_reply_duty),
		T(test_hearing_head_duty),
		T(test_each_orders_by_urgency),
		T(test_filters),
		T(test_deleted_records_hidden),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
