/* core/litigation.c: administrative litigation cases (行政诉讼案件) against an agency.
 * The defence and evidence are due 15 days after the complaint copy is received
 * (行政诉讼法 第67条); submitting none means the act is treated as having no evidence (第34条). */
#include "duban/litigation.h"

#include <string.h>

#include "duban/choices.h"
#include "duban/access.h"
#include "duban/i18n.h"
#include "duban/record.h"

enum {
	L_CASE_NO, L_COURT, L_AGENCY, L_PLAINTIFF, L_CAUSE, L_STAGE, L_FILED, L_RECEIVED,
	L_DUE, L_SUBMITTED, L_DELIVERY, L_MAILED, L_OUTCOME, L_CLOSED, L_NOTE, L_N
};

static const struct field_choice stages[] = {
	{ "", "", N_("not recorded"), 0 },
	{ "first", "一审", N_("first instance"), 0 },
	{ "second", "二审", N_("second instance"), 0 },
	{ "retrial", "再审", N_("retrial"), 0 },
	{ NULL, NULL, NULL, 0 },
};

/* Outcomes; those that go against the agency count as losses (see doc/records.md). */
static const struct field_choice outcomes[] = {
	{ "", "", N_("not recorded"), 0 },
	{ "dismissed-claim", "驳回诉讼请求", N_("claim dismissed"), 0 },
	{ "dismissed-suit", "驳回起诉", N_("suit dismissed"), 0 },
	{ "withdrawn", "撤诉", N_("withdrawn"), 0 },
	{ "settled", "调解和解", N_("settled"), 0 },
	{ "revoked", "撤销", N_("act revoked"), CHOICE_LOSS },
	{ "changed", "变更", N_("act changed"), CHOICE_LOSS },
	{ "illegal", "确认违法", N_("act declared illegal"), CHOICE_LOSS },
	{ "void", "确认无效", N_("act declared void"), CHOICE_LOSS },
	{ "perform", "责令履行", N_("ordered to perform"), CHOICE_LOSS },
	{ "compensation", "判决赔偿", N_("compensation ordered"), CHOICE_LOSS },
	{ "other", "其他", N_("other"), 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct field_def fields[L_N] = {
	[L_CASE_NO] = { "case_no", "case_no", "案号", N_("Case number"), FIELD_TEXT,
		FIELD_REQUIRED | FIELD_KEY, NULL, 100, NULL },
	[L_COURT] = { "court", "court", "法院", N_("Court"), FIELD_TEXT, 0, NULL, 200, NULL },
	[L_AGENCY] = { "agency_id", "agency", "被告机关", N_("Defendant agency"), FIELD_AGENCY,
		FIELD_REQUIRED, NULL, 0, NULL },
	[L_PLAINTIFF] = { "plaintiff", "plaintiff", "原告", N_("Plaintiff"), FIELD_TEXT, 0, NULL,
		500, NULL },
	[L_CAUSE] = { "cause", "cause", "案由", N_("Cause"), FIELD_TEXT, 0, NULL, 500, NULL },
	[L_STAGE] = { "stage", "stage", "审级", N_("Stage"), FIELD_ENUM, 0, stages, 0, NULL },
	[L_FILED] = { "filed_on", "filed_on", "立案日期", N_("Filed on"), FIELD_DATE, 0, NULL, 0,
		NULL },
	[L_RECEIVED] = { "complaint_received_on", "complaint_received_on", "收到起诉状副本日期",
		N_("Complaint copy received on"), FIELD_DATE, 0, NULL, 0, NULL },
	[L_DUE] = { "defence_due_on", "defence_due_on", "答辩期限", N_("Defence due on"),
		FIELD_DATE, FIELD_DERIVED, NULL, 0, NULL },
	[L_SUBMITTED] = { "defence_submitted_on", "defence_submitted_on", "提交答辩日期",
		N_("Defence submitted on"), FIELD_DATE, 0, NULL, 0, NULL },
	[L_DELIVERY] = { "defence_delivery", "defence_delivery", "答辩递交方式",
		N_("Defence delivered"), FIELD_ENUM, 0, choices_delivery, 0, NULL },
	[L_MAILED] = { "defence_mailed_on", "defence_mailed_on", "答辩交邮日期",
		N_("Defence mailed on"), FIELD_DATE, 0, NULL, 0, NULL },
	[L_OUTCOME] = { "outcome", "outcome", "结果", N_("Outcome"), FIELD_ENUM, 0, outcomes, 0, NULL },
	[L_CLOSED] = { "closed_on", "closed_on", "结案日期", N_("Closed on"), FIELD_DATE, 0, NULL,
		0, NULL },
	[L_NOTE] = { "note", "note", "备注", N_("Note"), FIELD_TEXT, 0, NULL, 2000, NULL },
};

static void
check(const struct record_env *env, const struct record *r, struct record_problems *p)
{
	static const int past[] = { L_FILED, L_RECEIVED, L_SUBMITTED, L_MAILED, L_CLOSED };
	size_t i;

	for (i = 0; i < sizeof(past) / sizeof(past[0]); i++)
		record_check_not_future(env, r, p, past[i]);
	record_check_order(r, p, L_FILED, L_RECEIVED);
	record_check_order(r, p, L_RECEIVED, L_SUBMITTED);
	record_check_order(r, p, L_RECEIVED, L_MAILED);
	record_check_order(r, p, L_MAILED, L_SUBMITTED);
	record_check_order(r, p, L_FILED, L_CLOSED);
	if (strcmp(r->values[L_DELIVERY], "mail") == 0 && r->values[L_MAILED][0] == '\0')
		record_problem(p, L_MAILED, _("a defence sent by mail needs the mailing date"));
	if (r->values[L_OUTCOME][0] != '\0' && r->values[L_CLOSED][0] == '\0')
		record_problem(p, L_CLOSED, _("a case with an outcome needs its closing date"));
	if (r->values[L_CLOSED][0] != '\0' && r->values[L_OUTCOME][0] == '\0')
		record_problem(p, L_OUTCOME, _("a closed case needs its outcome"));
}

static void
derive(const struct record_env *env, struct record *r)
{
	record_derive_due(env, r, L_DUE, "litigation-defence", L_RECEIVED, NULL);
}

const struct kind_def litigation_kind = {
	"litigation", "litigation_cases", N_("Litigation case"), fields, L_N, check, derive,
	ACCESS_EDIT_RECORDS,
	.plural = N_("Litigation cases"),
	.noun = N_("litigation case"),
	.duty = "litigation-defence",
	.key_caption = N_("Case number"), .party_caption = N_("Party"),
	.order = "case_no",
	.desk = 1,
	.detail = "hearing",
	.detail_caption = N_("Hearings (Enter opens; a adds one)"),
};
