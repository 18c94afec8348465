/* core/review.c: case-file reviews (案卷评查). The district's enforcement-conduct plan: the
 * bureau reviews agencies' case files at least once a year, grades each 优秀, 合格 or 不合格,
 * looks first at cases revoked, changed or found unlawful by reconsideration or a court, and
 * sends the problems it finds in a notice (评查单, 执法监督通知书) that states when the
 * agency's rectification report is due; that report is the duty review-rectification. */
#include "duban/review.h"

#include <stdio.h>
#include <string.h>

#include "duban/access.h"
#include "duban/buf.h"
#include "duban/db_sql.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/record.h"

enum {
	V_AGENCY, V_CASE, V_SOURCE, V_REVIEWED, V_GRADE, V_PROBLEMS, V_NOTICE_NO, V_NOTICE_ON,
	V_DUE, V_REPORTED, V_NOTE, V_N
};

/* Three grades, as the document has them (the shipped assessment.ini scores four). */
static const struct field_choice grades[] = {
	{ "excellent", "优秀", N_("excellent"), 0 },
	{ "pass", "合格", N_("pass"), 0 },
	{ "fail", "不合格", N_("fail"), 0 },
	{ NULL, NULL, NULL, 0 },
};

/* Why the file was chosen: a routine draw, or a case overturned (the plan's focus). */
static const struct field_choice sources[] = {
	{ "", "", N_("not recorded"), 0 },
	{ "routine", "抽查", N_("routine draw"), 0 },
	{ "court", "法院撤销变更确认违法", N_("overturned by a court"), 0 },
	{ "reconsideration", "复议撤销变更确认违法", N_("overturned on reconsideration"), 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct field_def fields[V_N] = {
	[V_AGENCY] = { "agency_id", "agency", "被评查机关", N_("Agency"), FIELD_AGENCY,
		FIELD_REQUIRED | FIELD_KEY, NULL, 0, NULL },
	[V_CASE] = { "case_ref", "case_ref", "案卷", N_("Case file"), FIELD_TEXT,
		FIELD_REQUIRED | FIELD_KEY, NULL, 200, NULL },
	[V_SOURCE] = { "source", "source", "案卷来源", N_("Chosen because"), FIELD_ENUM, 0,
		sources, 0, NULL },
	[V_REVIEWED] = { "reviewed_on", "reviewed_on", "评查日期", N_("Reviewed on"),
		FIELD_DATE, FIELD_REQUIRED, NULL, 0, NULL },
	[V_GRADE] = { "grade", "grade", "评查等次", N_("Grade"), FIELD_ENUM, FIELD_REQUIRED,
		grades, 0, NULL },
	[V_PROBLEMS] = { "problems", "problems", "存在问题", N_("Problems found"), FIELD_TEXT, 0,
		NULL, 4000, NULL },
	[V_NOTICE_NO] = { "notice_no", "notice_no", "通知书文号", N_("Notice number"),
		FIELD_TEXT, 0, NULL, 100, NULL },
	[V_NOTICE_ON] = { "notice_on", "notice_on", "通知书日期", N_("Notice sent on"),
		FIELD_DATE, 0, NULL, 0, NULL },
	[V_DUE] = { "rectify_due_on", "rectify_due_on", "整改期限", N_("Rectification due on"),
		FIELD_DATE, 0, NULL, 0, NULL },
	[V_REPORTED] = { "reported_on", "reported_on", "整改报告日期",
		N_("Rectification reported on"), FIELD_DATE, 0, NULL, 0, NULL },
	[V_NOTE] = { "note", "note", "备注", N_("Note"), FIELD_TEXT, 0, NULL, 2000, NULL },
};

static void
check(const struct record_env *env, const struct record *r, struct record_problems *p)
{
	static const int past[] = { V_REVIEWED, V_NOTICE_ON, V_REPORTED };
	size_t i;

	for (i = 0; i < sizeof(past) / sizeof(past[0]); i++)
		record_check_not_future(env, r, p, past[i]);
	record_check_order(r, p, V_REVIEWED, V_NOTICE_ON);
	record_check_order(r, p, V_NOTICE_ON, V_DUE);
	record_check_order(r, p, V_NOTICE_ON, V_REPORTED);
	if (strcmp(r->values[V_GRADE], "fail") == 0 && r->values[V_PROBLEMS][0] == '\0')
		record_problem(p, V_PROBLEMS, _("a file graded 不合格 needs the problems found"));
	if (r->values[V_DUE][0] != '\0' && r->values[V_NOTICE_ON][0] == '\0')
		record_problem(p, V_NOTICE_ON, _("a rectification due date is the one the notice "
		    "states: record when the notice was sent"));
	if (r->values[V_REPORTED][0] != '\0' && r->values[V_DUE][0] == '\0')
		record_problem(p, V_DUE, _("a rectification report answers a notice: record the due "
		    "date it states"));
}

const struct kind_def review_kind = {
	"review", "case_reviews", N_("Case-file review"), fields, V_N, check, NULL,
	ACCESS_EDIT_RECORDS,
	.plural = N_("Case-file reviews"),
	.duty = "review-rectification",
	.key_caption = N_("Case file"), .party_caption = N_("Notice number"),
	.order = "reviewed_on",
};

void
review_candidate_header(struct buf *out)
{
	static const int cols[] = { V_AGENCY, V_CASE, V_SOURCE, V_REVIEWED, V_GRADE };
	size_t i;

	for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
		buf_printf(out, "%s\"%s\"", i > 0 ? "," : "", fields[cols[i]].zh);
}

int
review_candidates(struct db *db, int year,
    int (*fn)(const struct review_candidate *c, void *arg), void *arg, struct duban_err *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	char from[16];
	char to[16];
	int rc;
	int step;
	int i;

	snprintf(from, sizeof(from), "%04d-01-01", year);
	snprintf(to, sizeof(to), "%04d-12-31", year);
	/* What counts as overturned is the choices' flags (record_sql_expand). */
	record_sql_expand("SELECT a.name, x.case_no, x.source, x.on_ FROM ("
	    "SELECT agency_id, case_no, 'court' AS source, closed_on AS on_ FROM litigation_cases"
	    " WHERE deleted = 0 AND closed_on BETWEEN ?1 AND ?2"
	    " AND outcome IN {litigation.outcome/loss}"
	    " UNION ALL SELECT agency_id, case_no, 'reconsideration', decided_on"
	    " FROM reconsideration_cases WHERE deleted = 0 AND decided_on BETWEEN ?1 AND ?2"
	    " AND decision IN {reconsideration.decision/overturns}) x"
	    " JOIN agencies a ON a.id = x.agency_id"
	    " WHERE NOT EXISTS (SELECT 1 FROM case_reviews v WHERE v.deleted = 0"
	    " AND v.agency_id = x.agency_id AND v.case_ref = x.case_no)"
	    " ORDER BY a.name, x.on_, x.case_no", &sql);
	rc = db_prepare(db, buf_str(&sql), &st, err);
	buf_release(&sql);
	if (rc != DUBAN_OK)
		return rc;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct review_candidate c;

		c.agency = (const char *)sqlite3_column_text(st, 0);
		c.case_no = (const char *)sqlite3_column_text(st, 1);
		c.source = (const char *)sqlite3_column_text(st, 2);
		c.source_zh = c.source_en = c.source;
		for (i = 0; sources[i].code != NULL; i++) {
			if (strcmp(sources[i].code, c.source) == 0) {
				c.source_zh = sources[i].zh;
				c.source_en = sources[i].en;
			}
		}
		c.on = (const char *)sqlite3_column_text(st, 3);
		rc = fn(&c, arg);
		if (rc != DUBAN_OK)
			break;
	}
	if (rc == DUBAN_OK && step != SQLITE_DONE)
		rc = db_fail(db, _("reading the database"), err);
	sqlite3_finalize(st);
	return rc;
}
