/* core/filing.c: filings of work rules (制度备案). A rule an agency puts into effect is filed
 * with the government's legal office within 15 days of taking effect (county enforcement
 * responsibility plan: 今后制定的工作制度，须在制度执行之日起15日内……报县政府法制机构备案);
 * the period is the rule rule-filing of duban.ini (doc/deadlines.md). */
#include "duban/filing.h"

#include "duban/access.h"
#include "duban/i18n.h"
#include "duban/record.h"

enum { F_AGENCY, F_TITLE, F_DOC_NO, F_EFFECTIVE, F_DUE, F_FILED, F_NOTE, F_N };

static const struct field_def fields[F_N] = {
	[F_AGENCY] = { "agency_id", "agency", "制定机关", N_("Agency"), FIELD_AGENCY,
		FIELD_REQUIRED | FIELD_KEY, NULL, 0, NULL },
	[F_TITLE] = { "title", "title", "制度名称", N_("Title of the rule"), FIELD_TEXT,
		FIELD_REQUIRED | FIELD_KEY, NULL, 300, NULL },
	[F_DOC_NO] = { "doc_no", "doc_no", "文号", N_("Document number"), FIELD_TEXT, 0, NULL,
		100, NULL },
	[F_EFFECTIVE] = { "effective_on", "effective_on", "施行日期", N_("In effect from"),
		FIELD_DATE, FIELD_REQUIRED, NULL, 0, NULL },
	[F_DUE] = { "due_on", "due_on", "备案期限", N_("Filing due on"), FIELD_DATE,
		FIELD_DERIVED, NULL, 0, NULL },
	[F_FILED] = { "filed_on", "filed_on", "报送备案日期", N_("Filed on"), FIELD_DATE, 0,
		NULL, 0, NULL },
	[F_NOTE] = { "note", "note", "备注", N_("Note"), FIELD_TEXT, 0, NULL, 2000, NULL },
};

/* A filing is a fact of the past; it may come before the rule takes effect. */
static void
check(const struct record_env *env, const struct record *r, struct record_problems *p)
{
	record_check_not_future(env, r, p, F_FILED);
}

static void
derive(const struct record_env *env, struct record *r)
{
	record_derive_due(env, r, F_DUE, "rule-filing", F_EFFECTIVE, NULL);
}

const struct kind_def filing_kind = {
	"filing", "rule_filings", N_("Rule filing"), fields, F_N, check, derive,
	ACCESS_EDIT_RECORDS,
	.plural = N_("Rule filings"),
	.duty = "rule-filing",
	.key_caption = N_("Title of the rule"), .party_caption = N_("Document number"),
	.order = "effective_on",
};
