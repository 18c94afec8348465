/* tests/unit/test_dashboard.c: the dashboard (core/dashboard.c) and the demo data set
 * (core/demo.c). On a small hand-built database every number is worked out by hand; on the
 * demo data for 2025-06-30 every count must equal what duty_count gives for that duty and
 * status (the figures `list --duty D --status S` shows), the items must be exactly those
 * deadlines, most urgent first (overdue by due date, then due today, then due soon), and the
 * per-agency figures must agree with the duty counts and the appearance facts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "duban/appearance.h"
#include "duban/dashboard.h"
#include "duban/demo.h"
#include "duban/duty.h"
#include "duban/notice.h"
#include "duban/buf.h"
#include "records_fixture.h"

#define D(y, m, d) date_ymd((y), (m), (d))

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

static struct dashboard *
build(struct rfx *fx, struct date today, int soon, int max_items)
{
	struct dashboard *d = NULL;
	struct duban_err err;

	duban_err_clear(&err);
	if (dashboard_build(fx->db, fx->cal, today, soon, true, max_items, &d, &err) != DUBAN_OK) {
		print_error("dashboard_build: %s\n", err.msg);
		fail();
	}
	return d;
}

/* ---- a small database, every number by hand ---------------------------------------------- */

static void
small_database(struct rfx *fx)
{
	const char *lit_a[] = { "case_no", "A", "agency", "县公安局", "plaintiff", "甲",
		"complaint_received_on", "2025-06-03", NULL };
	const char *lit_b[] = { "case_no", "B", "agency", "城关镇", "plaintiff", "乙",
		"complaint_received_on", "2025-06-15", NULL };
	const char *lit_c[] = { "case_no", "C", "agency", "县公安局", "complaint_received_on",
		"2025-06-17", NULL };
	const char *lit_d[] = { "case_no", "D", "agency", "县公安局", "complaint_received_on",
		"2025-06-27", NULL };
	const char *lit_e[] = { "case_no", "E", "agency", "县公安局", "complaint_received_on",
		"2025-06-03", "defence_submitted_on", "2025-06-10", NULL };
	const char *sugg[] = { "doc_no", "S", "kind", "司法建议", "issuer", "德清县人民法院",
		"agency", "城关镇", "received_on", "2025-05-06", NULL };
	const char *hear_a[] = { "case_no", "A", "hearing_on", "2025-07-03", "head_required", "是",
		NULL };
	const char *hear_e[] = { "case_no", "E", "hearing_on", "2025-06-20", "appearer_rank",
		"副职", "appearer", "李副局长", NULL };
	const char *hear_b[] = { "case_no", "B", "hearing_on", "2025-06-25", "appearer_rank",
		"工作人员", "appearer", "赵科员", NULL };
	const char *recon[] = { "case_no", "R", "agency", "县公安局", "accepted_on", "2025-06-25",
		NULL };

	rfx_agency(fx, "县公安局", "公安局", "department");
	rfx_agency(fx, "城关镇人民政府", "城关镇", "township");
	db_set_actor_role(fx->db, ROLE_STAFF);
	rfx_add(fx, "litigation", lit_a);
	rfx_add(fx, "litigation", lit_b);
	rfx_add(fx, "litigation", lit_c);
	rfx_add(fx, "litigation", lit_d);
	rfx_add(fx, "litigation", lit_e);
	rfx_add(fx, "suggestion", sugg);
	rfx_add(fx, "hearing", hear_a);
	rfx_add(fx, "hearing", hear_e);
	rfx_add(fx, "hearing", hear_b);
	rfx_add(fx, "reconsideration", recon);
	db_set_actor_role(fx->db, ROLE_ADMIN);
}

/*
 * Today 2025-06-30 (Mon), due soon = within 3 working days: before 07-04 (07-01, 02, 03).
 *   A  defence due 06-18 (06-03 + 15)               overdue 12 days
 *   B  defence due 06-30 (06-15 + 15)               due today
 *   C  defence due 07-02 (06-17 + 15)               due soon, 2 working days
 *   D  defence due 07-14 (06-27 + 15 = 07-12 Sat)   pending
 *   E  defence due 06-18, submitted 06-10           done
 *   S  reply due 06-05 (05-06 + 30)                 overdue 25 days
 *   hearing of A on 07-03, head required            due soon, 3 working days
 *   R  copy due 07-04 (06-25: 26, 27, 30, 07-01, 02, 03, 04), decision due 08-25
 *      (06-25 + 60 = 08-24 Sun)                     both pending
 * Hearings with the appearance recorded in 2025: E 06-20 deputy (县公安局), B 06-25 staff
 * (城关镇).
 */
static void
test_small_dashboard(void **state)
{
	struct rfx *fx = *state;
	static const int64_t want[10][3] = {
		{ 1, 1, 1 },	/* litigation-defence */
		{ 0, 0, 1 },	/* hearing-head */
		{ 0, 0, 0 },	/* reconsideration-copy */
		{ 0, 0, 0 },	/* reconsideration-reply */
		{ 0, 0, 0 },	/* reconsideration-decision */
		{ 1, 0, 0 },	/* suggestion-reply */
		{ 0, 0, 0 },	/* rule-filing */
		{ 0, 0, 0 },	/* publicity */
		{ 0, 0, 0 },	/* review-rectification */
		{ 0, 0, 0 },	/* certificate-expiry */
	};
	static const struct {
		const char *duty;
		const char *key;
		const char *agency;
		const char *party;
		struct date due;
		enum deadline_status status;
		int days;
	} items[] = {
		{ "suggestion-reply", "S", "城关镇人民政府", "德清县人民法院", { 2025, 6, 5 },
		  DEADLINE_OVERDUE, 25 },
		{ "litigation-defence", "A", "县公安局", "甲", { 2025, 6, 18 }, DEADLINE_OVERDUE,
		  12 },
		{ "litigation-defence", "B", "城关镇人民政府", "乙", { 2025, 6, 30 },
		  DEADLINE_DUE_TODAY, 0 },
		{ "litigation-defence", "C", "县公安局", "", { 2025, 7, 2 }, DEADLINE_DUE_SOON, 2 },
		{ "hearing-head", "A", "县公安局", "甲", { 2025, 7, 3 }, DEADLINE_DUE_SOON, 3 },
	};
	struct dashboard *d;
	int i;

	small_database(fx);
	d = build(fx, D(2025, 6, 30), 3, 0);
	expect_date(d->window.today, D(2025, 6, 30));
	expect_date(d->window.soon_end, D(2025, 7, 4));
	assert_int_equal(d->soon_workdays, 3);
	assert_int_equal(d->uncovered_year, 0);
	for (i = 0; i < duties_n; i++) {
		assert_ptr_equal(d->counts[i].duty, &duties[i]);
		if (d->counts[i].overdue != want[i][0] || d->counts[i].due_today != want[i][1] ||
		    d->counts[i].due_soon != want[i][2]) {
			print_error("%s: %lld/%lld/%lld, expected %lld/%lld/%lld\n", duties[i].name,
			    (long long)d->counts[i].overdue, (long long)d->counts[i].due_today,
			    (long long)d->counts[i].due_soon, (long long)want[i][0],
			    (long long)want[i][1], (long long)want[i][2]);
			fail();
		}
	}
	assert_int_equal(d->n_items, 5);
	for (i = 0; i < 5; i++) {
		const struct dashboard_item *it = &d->items[i];

		if (strcmp(it->duty->name, items[i].duty) != 0 ||
		    strcmp(it->key, items[i].key) != 0 ||
		    strcmp(it->agency, items[i].agency) != 0 ||
		    strcmp(it->party, items[i].party) != 0 || !date_eq(it->due, items[i].due) ||
		    it->status != items[i].status || it->days != items[i].days) {
			char a[DATE_ISO_LEN];

			print_error("item %d: %s %s %s \"%s\" %s status %d days %d; "
			    "expected %s %s\n", i, it->duty->name, it->key, it->agency, it->party,
			    date_format(it->due, a), (int)it->status, it->days, items[i].duty,
			    items[i].key);
			fail();
		}
	}
	/* Agencies: departments first. 县公安局 open: A, C, D, the hearing, R's copy and
	 * decision = 6, of which urgent A, C, the hearing = 3; one hearing, the deputy appeared.
	 * 城关镇: B and S, both urgent; one hearing, staff only. */
	assert_int_equal(d->n_agencies, 2);
	assert_string_equal(d->agencies[0].name, "县公安局");
	assert_string_equal(d->agencies[0].kind, "department");
	assert_int_equal(d->agencies[0].open, 6);
	assert_int_equal(d->agencies[0].urgent, 3);
	assert_int_equal(d->agencies[0].hearings, 1);
	assert_int_equal(d->agencies[0].head_appearances, 1);
	assert_true(d->agencies[0].rate == 100.0);
	assert_string_equal(d->agencies[1].name, "城关镇人民政府");
	assert_string_equal(d->agencies[1].kind, "township");
	assert_int_equal(d->agencies[1].open, 2);
	assert_int_equal(d->agencies[1].urgent, 2);
	assert_int_equal(d->agencies[1].hearings, 1);
	assert_int_equal(d->agencies[1].head_appearances, 0);
	assert_true(d->agencies[1].rate == 0.0);
	dashboard_free(d);

	/* A week later (07-07, Mon): C overdue 5 days, the hearing overdue 4, R's copy (07-04)
	 * overdue 3; D due 07-14 is 5 working days away (08, 09, 10, 11, 14): not soon. */
	d = build(fx, D(2025, 7, 7), 3, 0);
	assert_int_equal(d->counts[0].overdue, 3);
	assert_int_equal(d->counts[0].due_soon, 0);
	assert_int_equal(d->counts[1].overdue, 1);
	assert_int_equal(d->counts[2].overdue, 1);
	assert_int_equal(d->n_items, 6);
	assert_string_equal(d->items[5].key, "R");
	assert_int_equal(d->items[5].days, 3);
	dashboard_free(d);
}

/* With no records: zero counts, no items, every agency listed with no rate. */
static void
test_empty_dashboard(void **state)
{
	struct rfx *fx = *state;
	struct dashboard *d;
	int i;

	rfx_agency(fx, "县公安局", "公安局", "department");
	d = build(fx, D(2025, 6, 30), 3, 0);
	for (i = 0; i < duties_n; i++) {
		assert_int_equal(d->counts[i].overdue, 0);
		assert_int_equal(d->counts[i].due_today, 0);
		assert_int_equal(d->counts[i].due_soon, 0);
	}
	assert_int_equal(d->n_items, 0);
	assert_int_equal(d->n_agencies, 1);
	assert_int_equal(d->agencies[0].open, 0);
	assert_true(d->agencies[0].rate < 0);
	dashboard_free(d);
}

/* A window reaching past the calendar's last year (2026) says so. */
static void
test_uncovered_year_reported(void **state)
{
	struct rfx *fx = *state;
	struct dashboard *d;

	d = build(fx, D(2027, 3, 1), 3, 0);
	assert_int_equal(d->uncovered_year, 2027);
	dashboard_free(d);
	/* 2026-12-30 (Wed): 12-31, then 2027-01-01, 04, 05: the window ends in 2027. */
	d = build(fx, D(2026, 12, 30), 3, 0);
	assert_int_equal(d->uncovered_year, 2027);
	dashboard_free(d);
	d = build(fx, D(2025, 6, 30), 3, 0);
	assert_int_equal(d->uncovered_year, 0);
	dashboard_free(d);
}

/* ---- the demo data ------------------------------------------------------------------------ */

static void
seed(struct rfx *fx)
{
	struct duban_err err;

	duban_err_clear(&err);
	if (demo_seed(&fx->env, &err) != DUBAN_OK) {
		print_error("demo_seed: %s\n", err.msg);
		fail();
	}
}

static int
rank(enum deadline_status s)
{
	return s == DEADLINE_OVERDUE ? 0 : s == DEADLINE_DUE_TODAY ? 1 :
	    s == DEADLINE_DUE_SOON ? 2 : 3;
}

/* Pages of a list by urgency, read a page at a time (as the desk does, from either end),
 * are exactly the slices of the whole list read at once. */
struct ids {
	int64_t v[2048];
	int n;
};

static int
take_id(const struct duty_item *it, void *arg)
{
	struct ids *x = arg;

	if (x->n < 2048)
		x->v[x->n++] = it->id;
	return DUBAN_OK;
}

static void
test_demo_pages_equal_the_whole_list(void **state)
{
	struct rfx *fx = *state;
	const char *kinds[] = { "litigation", "reconsideration", "suggestion" };
	size_t k;

	seed(fx);
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		const struct duty *duty = duty_primary(kinds[k]);
		struct duty_window w;
		struct duty_filter f;
		struct ids all;
		int64_t off;

		duty_window_init(&w, fx->cal, fx->env.today, 3, true);
		memset(&f, 0, sizeof(f));
		f.every_row = true;
		all.n = 0;
		assert_int_equal(duty_each(fx->db, duty, &w, &f, take_id, &all, NULL), DUBAN_OK);
		assert_true(all.n > 40);
		for (off = 0; off < all.n; off += 7) {
			struct ids page;
			int i;

			page.n = 0;
			f.limit = 19;
			f.offset = off;
			assert_int_equal(duty_each(fx->db, duty, &w, &f, take_id, &page, NULL),
			    DUBAN_OK);
			assert_int_equal(page.n, all.n - off < 19 ? all.n - off : 19);
			for (i = 0; i < page.n; i++) {
				if (page.v[i] != all.v[off + i])
					print_error("%s: page at %lld, row %d: id %lld, whole list %lld\n",
					    kinds[k], (long long)off, i, (long long)page.v[i],
					    (long long)all.v[off + i]);
				assert_int_equal(page.v[i], all.v[off + i]);
			}
		}
		f.limit = 0;
		f.offset = 0;
	}
}

/* Every count equals duty_count; the items are exactly the counted deadlines, each with a
 * status its due date implies, most urgent first. */
static void
test_demo_dashboard_matches_duty_counts(void **state)
{
	struct rfx *fx = *state;
	struct date today = D(2025, 6, 30);
	struct dashboard *d;
	struct duty_window w;
	struct duban_err err;
	int64_t total = 0;
	int64_t urgent = 0;
	int64_t open = 0;
	int i;
	int k;

	seed(fx);
	d = build(fx, today, 3, 0);
	duty_window_init(&w, fx->cal, today, 3, true);
	expect_date(d->window.soon_end, w.soon_end);
	for (i = 0; i < duties_n; i++) {
		static const enum deadline_status st[3] = { DEADLINE_OVERDUE, DEADLINE_DUE_TODAY,
			DEADLINE_DUE_SOON };
		const int64_t got[3] = { d->counts[i].overdue, d->counts[i].due_today,
			d->counts[i].due_soon };
		int64_t pending = 0;
		int s;

		assert_ptr_equal(d->counts[i].duty, &duties[i]);
		for (s = 0; s < 3; s++) {
			int64_t n = -1;
			int64_t listed = 0;

			duban_err_clear(&err);
			assert_int_equal(duty_count(fx->db, &duties[i], &w, st[s], 0, &n, &err),
			    DUBAN_OK);
			for (k = 0; k < d->n_items; k++)
				if (d->items[k].duty == &duties[i] && d->items[k].status == st[s])
					listed++;
			if (got[s] != n || listed != n) {
				print_error("%s %s: dashboard count %lld, items %lld, "
				    "duty_count %lld\n", duties[i].name,
				    deadline_status_name(st[s]), (long long)got[s],
				    (long long)listed, (long long)n);
				fail();
			}
			total += n;
		}
		assert_int_equal(duty_count(fx->db, &duties[i], &w, DEADLINE_PENDING, 0, &pending,
		    &err), DUBAN_OK);
		open += got[0] + got[1] + got[2] + pending;
	}
	assert_int_equal(d->n_items, total);
	/* The demo places open defences and hearings around today on purpose. */
	assert_true(d->counts[0].overdue >= 1);
	assert_true(d->counts[0].due_today >= 1);
	assert_true(d->counts[1].due_today >= 1);
	assert_true(d->counts[1].due_soon >= 1);
	assert_true(d->counts[5].overdue >= 1);
	/* Each item's status and days follow from its due date; most urgent first. */
	for (k = 0; k < d->n_items; k++) {
		const struct dashboard_item *it = &d->items[k];
		int c = date_cmp(it->due, today);

		switch (it->status) {
		case DEADLINE_OVERDUE:
			assert_true(c < 0);
			assert_int_equal(it->days, date_diff_days(it->due, today));
			break;
		case DEADLINE_DUE_TODAY:
			assert_int_equal(c, 0);
			assert_int_equal(it->days, 0);
			break;
		case DEADLINE_DUE_SOON:
			assert_true(c > 0);
			assert_true(date_cmp(it->due, w.soon_end) < 0);
			assert_in_range(it->days, 1, 3);
			break;
		default:
			print_error("item %d (%s %s) has status %s\n", k, it->duty->name, it->key,
			    deadline_status_name(it->status));
			fail();
		}
		if (k > 0) {
			const struct dashboard_item *p = &d->items[k - 1];

			if (rank(p->status) > rank(it->status) || (rank(p->status) ==
			    rank(it->status) && date_cmp(p->due, it->due) > 0)) {
				char a[DATE_ISO_LEN];
				char b[DATE_ISO_LEN];

				print_error("items %d (%s %s) and %d (%s %s) out of order\n", k - 1,
				    deadline_status_name(p->status), date_format(p->due, a), k,
				    deadline_status_name(it->status), date_format(it->due, b));
				fail();
			}
		}
	}
	/* 25 departments and 15 townships; their open and urgent items add up. */
	assert_int_equal(d->n_agencies, 40);
	for (k = 0; k < d->n_agencies; k++) {
		urgent -= d->agencies[k].urgent;
		open -= d->agencies[k].open;
	}
	assert_int_equal(urgent + total, 0);
	assert_int_equal(open, 0);
	dashboard_free(d);
}

/* Per agency: open/urgent from duty_count by agency; rates from the appearance facts. */
static void
test_demo_agencies_agree(void **state)
{
	struct rfx *fx = *state;
	struct date today = D(2025, 6, 30);
	struct dashboard *d;
	struct duty_window w;
	struct appearance *a = NULL;
	struct duban_err err;
	int n = 0;
	int k;
	int i;
	int with_rate = 0;
	double lo = 101.0;
	double hi = -1.0;

	seed(fx);
	d = build(fx, today, 3, 0);
	duty_window_init(&w, fx->cal, today, 3, true);
	duban_err_clear(&err);
	assert_int_equal(appearance_by_agency(fx->db, D(2025, 1, 1), D(2025, 12, 31), today, &a,
	    &n, &err), DUBAN_OK);
	assert_int_equal(n, d->n_agencies);
	for (k = 0; k < d->n_agencies; k++) {
		const struct dashboard_agency *x = &d->agencies[k];
		const struct appearance *ax = NULL;
		struct dashboard_item *items = NULL;
		int64_t open = 0;
		int64_t urgent = 0;
		int64_t overdue = 0;
		int64_t total = 0;
		int n_items = 0;
		int j;

		for (i = 0; i < duties_n; i++) {
			int s;

			for (s = 0; s < DEADLINE_N_STATUS; s++) {
				int64_t c = 0;

				if (s == DEADLINE_DONE_ON_TIME || s == DEADLINE_DONE_LATE)
					continue;
				assert_int_equal(duty_count(fx->db, &duties[i], &w,
				    (enum deadline_status)s, x->agency_id, &c, &err), DUBAN_OK);
				open += c;
				if (s != DEADLINE_PENDING)
					urgent += c;
				if (s == DEADLINE_OVERDUE)
					overdue += c;
			}
		}
		if (x->open != open || x->urgent != urgent || x->overdue != overdue) {
			print_error("%s: open %lld urgent %lld overdue %lld, duty counts %lld %lld "
			    "%lld\n", x->name, (long long)x->open, (long long)x->urgent,
			    (long long)x->overdue, (long long)open, (long long)urgent,
			    (long long)overdue);
			fail();
		}
		/* Worst first: overdue, then urgent, then open never grow down the list. */
		if (k > 0) {
			const struct dashboard_agency *p = &d->agencies[k - 1];

			assert_true(p->overdue > x->overdue || (p->overdue == x->overdue &&
			    (p->urgent > x->urgent || (p->urgent == x->urgent &&
			    p->open >= x->open))));
		}
		/* The agency's own screen has exactly the open items counted here, most urgent
		 * first. */
		assert_int_equal(dashboard_agency_items(fx->db, fx->cal, today, 3, true,
		    x->agency_id, 0, &items, &n_items, &total, &err), DUBAN_OK);
		assert_int_equal(n_items, open);
		assert_int_equal(total, open);
		for (j = 1; j < n_items; j++) {
			assert_true(items[j - 1].status >= items[j].status ||
			    items[j - 1].status == DEADLINE_OVERDUE);
			if (items[j - 1].status == items[j].status)
				assert_true(date_cmp(items[j - 1].due, items[j].due) <= 0);
		}
		dashboard_items_free(items, n_items);
		for (j = 0; j < n; j++)
			if (a[j].agency_id == x->agency_id)
				ax = &a[j];
		assert_non_null(ax);
		assert_string_equal(x->name, ax->agency);
		assert_int_equal(x->hearings, ax->hearings);
		assert_int_equal(x->head_appearances, ax->head_appearances);
		assert_true(x->rate == appearance_rate(ax));
		if (x->rate >= 0) {
			with_rate++;
			lo = x->rate < lo ? x->rate : lo;
			hi = x->rate > hi ? x->rate : hi;
		}
	}
	/* "appearance rates that differ between agencies" (issue 3, demo data). */
	assert_true(with_rate >= 2);
	assert_true(hi > lo);
	appearance_free(a, n);
	dashboard_free(d);
}

/* A capped item list is the most urgent items of all duties, not the first duties' items:
 * the first max_items of the full list. */
static void
test_demo_capped_items_are_most_urgent(void **state)
{
	struct rfx *fx = *state;
	struct date today = D(2025, 6, 30);
	struct dashboard *all;
	struct dashboard *cap;
	int k;

	seed(fx);
	all = build(fx, today, 3, 0);
	assert_true(all->n_items > 5);
	cap = build(fx, today, 3, 5);
	assert_int_equal(cap->n_items, 5);
	/* The cap cuts the list, not the count: the heading says how many there are. */
	assert_int_equal(cap->n_urgent, all->n_items);
	assert_int_equal(all->n_urgent, all->n_items);
	for (k = 0; k < 5; k++) {
		if (cap->items[k].duty != all->items[k].duty ||
		    cap->items[k].id != all->items[k].id) {
			char a[DATE_ISO_LEN];
			char b[DATE_ISO_LEN];

			print_error("capped item %d is %s %s due %s; the 5 most urgent begin with "
			    "%s %s due %s at that place\n", k, cap->items[k].duty->name,
			    cap->items[k].key, date_format(cap->items[k].due, a),
			    all->items[k].duty->name, all->items[k].key,
			    date_format(all->items[k].due, b));
			dashboard_free(all);
			dashboard_free(cap);
			fail();
		}
	}
	dashboard_free(all);
	dashboard_free(cap);
}

/* Same today, same data: a second database seeded alike has the same figures. */
static void
test_demo_is_deterministic(void **state)
{
	struct rfx *fx = *state;
	struct date today = D(2025, 6, 30);
	struct record_env env2 = fx->env;
	struct dashboard *a;
	struct dashboard *b;
	struct db *db2 = NULL;
	struct duban_err err;
	char path[RFX_PATH_LEN + 16];
	int i;

	seed(fx);
	snprintf(path, sizeof(path), "%s/second.db", fx->dir);
	duban_err_clear(&err);
	assert_int_equal(db_open(path, DB_CREATE, 1000, &db2, &err), DUBAN_OK);
	db_set_actor(db2, "tester", RFX_NOW);
	db_set_actor_role(db2, ROLE_ADMIN);
	env2.db = db2;
	assert_int_equal(demo_seed(&env2, &err), DUBAN_OK);
	a = build(fx, today, 3, 0);
	assert_int_equal(dashboard_build(db2, fx->cal, today, 3, true, 0, &b, &err), DUBAN_OK);
	for (i = 0; i < duties_n; i++) {
		assert_int_equal(a->counts[i].overdue, b->counts[i].overdue);
		assert_int_equal(a->counts[i].due_today, b->counts[i].due_today);
		assert_int_equal(a->counts[i].due_soon, b->counts[i].due_soon);
	}
	assert_int_equal(a->n_items, b->n_items);
	for (i = 0; i < a->n_items; i++)
		assert_string_equal(a->items[i].key, b->items[i].key);
	dashboard_free(a);
	dashboard_free(b);
	db_close(db2);
}

/* The 督办 notice of the demo's transport bureau: its items the most overdue first (the
 * suggestion 11 days late before the defence due today), the bureau and number of the
 * configuration, no file of this program named; numbers follow each other within a year and
 * start again in the next; an agency with nothing to urge gets no notice. */
static void
test_demo_notice(void **state)
{
	struct rfx *fx = *state;
	struct date today = D(2025, 6, 30);
	struct buf out = BUF_INIT;
	struct duban_err err;
	struct dashboard *d;
	int64_t transport = 0;
	int64_t idle = 0;
	int seq = 0;
	int k;
	const char *late;
	const char *due_today;

	seed(fx);
	d = build(fx, today, 3, 0);
	for (k = 0; k < d->n_agencies; k++) {
		if (strcmp(d->agencies[k].name, "县交通运输局") == 0)
			transport = d->agencies[k].agency_id;
		if (d->agencies[k].urgent == 0)
			idle = d->agencies[k].agency_id;
	}
	dashboard_free(d);
	assert_true(transport > 0 && idle > 0);
	duban_err_clear(&err);
	assert_int_equal(notice_build(fx->db, fx->cfg, fx->cal, today, transport, 0, &out, &err),
	    DUBAN_OK);
	late = strstr(buf_str(&out), "德法建〔2025〕61号");
	due_today = strstr(buf_str(&out), "(2025)浙0521行初362号");
	assert_non_null(late);
	assert_non_null(due_today);
	assert_true(late < due_today);
	assert_null(strstr(buf_str(&out), "doc/"));
	assert_non_null(strstr(buf_str(&out), fx->cfg->notice_bureau));

	/* Numbers: 1, 2 in 2025, 1 again in 2026; written as the pattern says. */
	assert_int_equal(notice_issue(fx->db, fx->cfg, today, transport, &seq, &err), DUBAN_OK);
	assert_int_equal(seq, 1);
	assert_int_equal(notice_issue(fx->db, fx->cfg, today, transport, &seq, &err), DUBAN_OK);
	assert_int_equal(seq, 2);
	assert_int_equal(notice_issue(fx->db, fx->cfg, D(2026, 1, 5), transport, &seq, &err),
	    DUBAN_OK);
	assert_int_equal(seq, 1);
	buf_reset(&out);
	assert_int_equal(notice_build(fx->db, fx->cfg, fx->cal, today, transport, 2, &out, &err),
	    DUBAN_OK);
	assert_non_null(strstr(buf_str(&out), "司督〔2025〕2号"));

	/* Read-only users issue nothing. */
	db_set_actor_role(fx->db, ROLE_READER);
	assert_int_equal(notice_issue(fx->db, fx->cfg, today, transport, &seq, &err),
	    DUBAN_EDENIED);
	db_set_actor_role(fx->db, ROLE_ADMIN);

	buf_reset(&out);
	assert_int_equal(notice_build(fx->db, fx->cfg, fx->cal, today, idle, 0, &out, &err),
	    DUBAN_EINPUT);
	buf_release(&out);
}

#define T(f) cmocka_unit_test_setup_teardown(f, rfx_setup, rfx_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_small_dashboard),
		T(test_empty_dashboard),
		T(test_uncovered_year_reported),
		T(test_demo_dashboard_matches_duty_counts),
		T(test_demo_pages_equal_the_whole_list),
		T(test_demo_agencies_agree),
		T(test_demo_capped_items_are_most_urgent),
		T(test_demo_is_deterministic),
		T(test_demo_notice),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
