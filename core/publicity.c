/* core/publicity.c: publicity of enforcement decisions (执法决定公示). The county's plan for
 * the three enforcement systems: results are published within 20 working days of the
 * decision; 行政许可 and 行政处罚 decisions within 7 working days, unless a law or an
 * administrative regulation says otherwise (rules publicity and publicity-licence-penalty,
 * doc/deadlines.md). A decision later revoked or found unlawful is taken down: when, is
 * recorded. */
#include "duban/publicity.h"

#include <string.h>

#include "duban/access.h"
#include "duban/i18n.h"
#include "duban/record.h"

enum {
	P_DECISION_NO, P_AGENCY, P_KIND, P_PARTY, P_DECIDED, P_DUE, P_PUBLISHED, P_WHERE,
	P_WITHDRAWN, P_NOTE, P_N
};

static const struct field_choice kinds[] = {
	{ "penalty", "处罚", N_("administrative penalty"), 0 },
	{ "licence", "许可", N_("administrative licence"), 0 },
	{ "coercion", "强制", N_("administrative coercion"), 0 },
	{ "inspection", "检查", N_("inspection"), 0 },
	{ "other", "其他", N_("other"), 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct field_def fields[P_N] = {
	[P_DECISION_NO] = { "decision_no", "decision_no", "决定文号", N_("Decision number"),
		FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, 100, NULL },
	[P_AGENCY] = { "agency_id", "agency", "执法机关", N_("Agency"), FIELD_AGENCY,
		FIELD_REQUIRED, NULL, 0, NULL },
	[P_KIND] = { "kind", "kind", "执法类别", N_("Kind of decision"), FIELD_ENUM,
		FIELD_REQUIRED, kinds, 0, NULL },
	[P_PARTY] = { "party", "party", "执法对象", N_("Party"), FIELD_TEXT, 0, NULL, 500, NULL },
	[P_DECIDED] = { "decided_on", "decided_on", "决定日期", N_("Decided on"), FIELD_DATE,
		FIELD_REQUIRED, NULL, 0, NULL },
	[P_DUE] = { "due_on", "due_on", "公示期限", N_("Publication due on"), FIELD_DATE,
		FIELD_DERIVED, NULL, 0, NULL },
	[P_PUBLISHED] = { "published_on", "published_on", "公示日期", N_("Published on"),
		FIELD_DATE, 0, NULL, 0, NULL },
	[P_WHERE] = { "published_where", "published_where", "公示载体", N_("Published where"),
		FIELD_TEXT, 0, NULL, 200, NULL },
	[P_WITHDRAWN] = { "withdrawn_on", "withdrawn_on", "撤下日期", N_("Taken down on"),
		FIELD_DATE, 0, NULL, 0, NULL },
	[P_NOTE] = { "note", "note", "备注", N_("Note"), FIELD_TEXT, 0, NULL, 2000, NULL },
};

static void
check(const struct record_env *env, const struct record *r, struct record_problems *p)
{
	static const int past[] = { P_DECIDED, P_PUBLISHED, P_WITHDRAWN };
	size_t i;

	for (i = 0; i < sizeof(past) / sizeof(past[0]); i++)
		record_check_not_future(env, r, p, past[i]);
	record_check_order(r, p, P_DECIDED, P_PUBLISHED);
	record_check_order(r, p, P_PUBLISHED, P_WITHDRAWN);
	if (r->values[P_WITHDRAWN][0] != '\0' && r->values[P_PUBLISHED][0] == '\0')
		record_problem(p, P_WITHDRAWN, _("only a published decision can be taken down; "
		    "record when it was published"));
}

/* Licences and penalties: 7 working days; every other decision: 20. */
static void
derive(const struct record_env *env, struct record *r)
{
	const char *kind = r->values[P_KIND];
	const char *rule = strcmp(kind, "penalty") == 0 || strcmp(kind, "licence") == 0 ?
	    "publicity-licence-penalty" : "publicity";

	record_derive_due(env, r, P_DUE, rule, P_DECIDED, NULL);
}

const struct kind_def publicity_kind = {
	"publicity", "publicity_decisions", N_("Decision published"), fields, P_N, check, derive,
	ACCESS_EDIT_RECORDS,
	.plural = N_("Decisions published"),
	.duty = "publicity",
	.key_caption = N_("Decision number"), .party_caption = N_("Party"),
	.order = "decided_on",
};
