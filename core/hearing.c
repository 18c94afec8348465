/* core/hearing.c: hearings of litigation cases and who appeared for the agency. The head
 * (正职、副职 or another leader in charge, 法释〔2020〕3号 第2条) should appear; must when the
 * court notifies it or the case is of a mandatory kind (第4条); staff must still appear when
 * the head cannot, never a lawyer alone (行诉解释 第128条). */
#include "duban/hearing.h"

#include <string.h>

#include "duban/date.h"

#include "duban/access.h"
#include "duban/buf.h"
#include "duban/i18n.h"
#include "duban/record.h"

enum {
	H_CASE, H_ON, H_REQUIRED, H_REASON, H_APPEARER, H_TITLE, H_RANK, H_SPOKE, H_EXPLAINED,
	H_N
};

static const struct field_choice ranks[] = {
	{ "", "", N_("not recorded"), 0 },
	{ "head", "正职", N_("head"), CHOICE_HEAD_APPEARED },
	{ "deputy", "副职", N_("deputy head"), CHOICE_HEAD_APPEARED },
	{ "other-leader", "其他负责人", N_("other leader"), CHOICE_HEAD_APPEARED },
	{ "staff", "工作人员", N_("staff only"), 0 },
	{ "lawyer", "律师", N_("lawyer only"), 0 },
	{ "none", "未出庭", N_("nobody appeared"), 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct field_def fields[H_N] = {
	[H_CASE] = { "case_id", "case_no", "案号", N_("Case number"), FIELD_CASE,
		FIELD_REQUIRED | FIELD_KEY, NULL, 0, "litigation" },
	[H_ON] = { "hearing_on", "hearing_on", "开庭日期", N_("Hearing on"), FIELD_DATE,
		FIELD_REQUIRED | FIELD_KEY, NULL, 0, NULL },
	[H_REQUIRED] = { "head_required", "head_required", "是否要求负责人出庭",
		N_("Head required to appear"), FIELD_BOOL, 0, NULL, 0, NULL },
	[H_REASON] = { "required_reason", "required_reason", "要求出庭原因",
		N_("Why the head must appear"), FIELD_TEXT, 0, NULL, 500, NULL },
	[H_APPEARER] = { "appearer", "appearer", "出庭人", N_("Appeared"), FIELD_TEXT, 0, NULL,
		200, NULL },
	[H_TITLE] = { "appearer_title", "appearer_title", "出庭人职务", N_("Appearer's title"),
		FIELD_TEXT, 0, NULL, 200, NULL },
	[H_RANK] = { "appearer_rank", "appearer_rank", "出庭人类别", N_("Appearer's rank"),
		FIELD_ENUM, 0, ranks, 0, NULL },
	[H_SPOKE] = { "spoke", "spoke", "是否出声", N_("Head spoke in court"), FIELD_BOOL, 0,
		NULL, 0, NULL },
	[H_EXPLAINED] = { "absence_explained", "absence_explained", "未出庭说明",
		N_("Absence explained in writing"), FIELD_BOOL, 0, NULL, 0, NULL },
};

static bool
head_appeared(const struct record *r)
{
	return record_choice_has(r, H_RANK, CHOICE_HEAD_APPEARED);
}

/* Who appeared, in what capacity and whether they spoke are facts of a hearing that has
 * taken place; for one dated after today they can only be a mistake, and they would count in
 * the appearance rate. The court's notice (head required, why) comes before the hearing, and
 * so may a written explanation of an absence. */
static void
check_not_yet_held(const struct record_env *env, const struct record *r,
    struct record_problems *p)
{
	static const int facts[] = { H_APPEARER, H_TITLE, H_RANK, H_SPOKE };
	struct date on = record_date(r, H_ON);
	char iso[DATE_ISO_LEN];
	size_t i;

	if (date_is_none(on) || date_cmp(on, env->today) <= 0)
		return;
	for (i = 0; i < sizeof(facts) / sizeof(facts[0]); i++) {
		int f = facts[i];

		if (r->kind->fields[f].type == FIELD_BOOL ? !record_bool(r, f) :
		    r->values[f][0] == '\0')
			continue;
		record_problem(p, f, _("%s: the hearing on %s has not taken place yet (today is "
		    "%s); record who appeared once it has"), _(r->kind->fields[f].label),
		    r->values[H_ON], date_format(env->today, iso));
	}
}

static void
check(const struct record_env *env, const struct record *r, struct record_problems *p)
{
	const char *rank = r->values[H_RANK];

	check_not_yet_held(env, r, p);
	if (record_bool(r, H_SPOKE) && !head_appeared(r))
		record_problem(p, H_SPOKE, _("only a head who appeared can have spoken in court"));
	if (strcmp(rank, "none") == 0 && r->values[H_APPEARER][0] != '\0')
		record_problem(p, H_APPEARER, _("nobody appeared, yet an appearer is named"));
	if (record_bool(r, H_EXPLAINED) && head_appeared(r))
		record_problem(p, H_EXPLAINED, _("the head appeared; there is no absence to "
		    "explain"));
}

/* Under its case: the date; who appeared, and whether the head had to. */
static void
summary(const struct record_env *env, const struct record *r, struct buf *when,
    struct buf *what)
{
	buf_adds(when, r->values[H_ON]);
	record_display(env, r, H_RANK, false, what);
	if (record_bool(r, H_REQUIRED))
		buf_printf(what, "  (%s)", _("head required"));
}

const struct kind_def hearing_kind = {
	"hearing", "hearings", N_("Hearing"), fields, H_N, check, NULL, ACCESS_EDIT_RECORDS,
	.plural = N_("Hearings"),
	.duty = "hearing-head",
	.key_caption = N_("Case number"), .party_caption = N_("Party"),
	.order = "hearing_on",
	.desk = 2,
	.summary = summary,
};
