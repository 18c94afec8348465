/* core/reconsideration.c: administrative reconsideration cases (行政复议案件). The bureau
 * sends the application copy (7 working days from acceptance, simplified 3); the respondent
 * agency replies with evidence (10 working days from receiving the copy, simplified 5; before
 * 2024-01-01 ten calendar days); the decision is due 60 days from acceptance (simplified 30),
 * extendable once by at most 30 (行政复议法 第48、54、62条). */
#include "duban/reconsideration.h"

#include <string.h>

#include "duban/choices.h"
#include "duban/config.h"
#include "duban/access.h"
#include "duban/i18n.h"
#include "duban/record.h"
#include "duban/rules.h"

enum {
	R_CASE_NO, R_APPLICANT, R_AGENCY, R_ACT, R_RECEIVED, R_ACCEPTED, R_COPY_DUE, R_COPY_SENT,
	R_COPY_RECEIVED, R_SIMPLIFIED, R_REPLY_DUE, R_REPLY, R_DELIVERY, R_MAILED, R_EXTENDED,
	R_DECISION_DUE, R_DECIDED, R_DECISION, R_N
};

/* Decisions; the first four of the overturning kind count against the agency. */
static const struct field_choice decisions[] = {
	{ "", "", N_("not recorded"), 0 },
	{ "upheld", "维持", N_("upheld"), 0 },
	{ "revoked", "撤销", N_("revoked"), CHOICE_OVERTURNS },
	{ "changed", "变更", N_("changed"), CHOICE_OVERTURNS },
	{ "illegal", "确认违法", N_("declared illegal"), CHOICE_OVERTURNS },
	{ "perform", "责令履行", N_("ordered to perform"), CHOICE_OVERTURNS },
	{ "void", "确认无效", N_("declared void"), 0 },
	{ "rejected", "驳回", N_("request rejected"), 0 },
	{ "terminated", "终止", N_("terminated"), 0 },
	{ "mediated", "调解", N_("mediated"), 0 },
	{ "other", "其他", N_("other"), 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct field_def fields[R_N] = {
	[R_CASE_NO] = { "case_no", "case_no", "复议案号", N_("Case number"), FIELD_TEXT,
		FIELD_REQUIRED | FIELD_KEY, NULL, 100, NULL },
	[R_APPLICANT] = { "applicant", "applicant", "申请人", N_("Applicant"), FIELD_TEXT, 0, NULL,
		500, NULL },
	[R_AGENCY] = { "agency_id", "agency", "被申请人", N_("Respondent agency"), FIELD_AGENCY,
		FIELD_REQUIRED, NULL, 0, NULL },
	[R_ACT] = { "act_type", "act_type", "行为类别", N_("Kind of act"), FIELD_TEXT, 0, NULL,
		200, NULL },
	[R_RECEIVED] = { "received_on", "received_on", "收到申请日期",
		N_("Application received on"), FIELD_DATE, 0, NULL, 0, NULL },
	[R_ACCEPTED] = { "accepted_on", "accepted_on", "受理日期", N_("Accepted on"), FIELD_DATE,
		0, NULL, 0, NULL },
	[R_COPY_DUE] = { "copy_due_on", "copy_due_on", "发送副本期限", N_("Copy due on"),
		FIELD_DATE, FIELD_DERIVED, NULL, 0, NULL },
	[R_COPY_SENT] = { "copy_sent_on", "copy_sent_on", "发送副本日期", N_("Copy sent on"),
		FIELD_DATE, 0, NULL, 0, NULL },
	[R_COPY_RECEIVED] = { "copy_received_on", "copy_received_on", "收到副本日期",
		N_("Copy received by the agency on"), FIELD_DATE, 0, NULL, 0, NULL },
	[R_SIMPLIFIED] = { "simplified", "simplified", "简易程序", N_("Simplified procedure"),
		FIELD_BOOL, 0, NULL, 0, NULL },
	[R_REPLY_DUE] = { "reply_due_on", "reply_due_on", "答复期限", N_("Reply due on"),
		FIELD_DATE, FIELD_DERIVED, NULL, 0, NULL },
	[R_REPLY] = { "reply_on", "reply_on", "答复日期", N_("Replied on"), FIELD_DATE, 0, NULL,
		0, NULL },
	[R_DELIVERY] = { "reply_delivery", "reply_delivery", "答复递交方式",
		N_("Reply delivered"), FIELD_ENUM, 0, choices_delivery, 0, NULL },
	[R_MAILED] = { "reply_mailed_on", "reply_mailed_on", "答复交邮日期",
		N_("Reply mailed on"), FIELD_DATE, 0, NULL, 0, NULL },
	[R_EXTENDED] = { "extended", "extended", "决定期限延长", N_("Decision period extended"),
		FIELD_BOOL, 0, NULL, 0, NULL },
	[R_DECISION_DUE] = { "decision_due_on", "decision_due_on", "决定期限",
		N_("Decision due on"), FIELD_DATE, FIELD_DERIVED, NULL, 0, NULL },
	[R_DECIDED] = { "decided_on", "decided_on", "决定日期", N_("Decided on"), FIELD_DATE, 0,
		NULL, 0, NULL },
	[R_DECISION] = { "decision", "decision", "决定结果", N_("Decision"), FIELD_ENUM, 0,
		decisions, 0, NULL },
};

static void
check(const struct record_env *env, const struct record *r, struct record_problems *p)
{
	static const int past[] = { R_RECEIVED, R_ACCEPTED, R_COPY_SENT, R_COPY_RECEIVED, R_REPLY,
		R_MAILED, R_DECIDED };
	size_t i;

	for (i = 0; i < sizeof(past) / sizeof(past[0]); i++)
		record_check_not_future(env, r, p, past[i]);
	record_check_order(r, p, R_RECEIVED, R_ACCEPTED);
	record_check_order(r, p, R_ACCEPTED, R_COPY_SENT);
	record_check_order(r, p, R_COPY_SENT, R_COPY_RECEIVED);
	record_check_order(r, p, R_COPY_RECEIVED, R_REPLY);
	record_check_order(r, p, R_COPY_RECEIVED, R_MAILED);
	record_check_order(r, p, R_MAILED, R_REPLY);
	record_check_order(r, p, R_ACCEPTED, R_DECIDED);
	if (strcmp(r->values[R_DELIVERY], "mail") == 0 && r->values[R_MAILED][0] == '\0')
		record_problem(p, R_MAILED, _("a reply sent by mail needs the mailing date"));
	/* 第62条: only the ordinary procedure's 60 days can be extended. */
	if (record_bool(r, R_EXTENDED) && record_bool(r, R_SIMPLIFIED))
		record_problem(p, R_EXTENDED, _("the simplified procedure's decision period cannot "
		    "be extended; convert the case to the ordinary procedure first (第55条)"));
	if (r->values[R_DECISION][0] != '\0' && r->values[R_DECIDED][0] == '\0')
		record_problem(p, R_DECIDED, _("a decision needs its date"));
	if (r->values[R_DECIDED][0] != '\0' && r->values[R_DECISION][0] == '\0')
		record_problem(p, R_DECISION, _("a decided case needs its decision"));
}

static void
derive(const struct record_env *env, struct record *r)
{
	bool simple = record_bool(r, R_SIMPLIFIED);
	const char *decision_rule = simple ? "reconsideration-decision-simplified" :
	    "reconsideration-decision";

	record_derive_due(env, r, R_COPY_DUE, simple ? "reconsideration-copy-simplified" :
	    "reconsideration-copy", R_ACCEPTED, NULL);
	record_derive_due(env, r, R_REPLY_DUE, simple ? "reconsideration-reply-simplified" :
	    "reconsideration-reply", R_COPY_RECEIVED, NULL);
	/* 第62条: extended by at most 30 days, counted on from the original due date. */
	if (record_bool(r, R_EXTENDED) && !simple)
		record_derive_due_extended(env, r, R_DECISION_DUE, decision_rule, R_ACCEPTED,
		    RECONSIDERATION_EXTENSION_DAYS);
	else
		record_derive_due(env, r, R_DECISION_DUE, decision_rule, R_ACCEPTED, NULL);
}

const struct kind_def reconsideration_kind = {
	"reconsideration", "reconsideration_cases", N_("Reconsideration case"), fields, R_N,
	check, derive, ACCESS_EDIT_RECORDS,
	.plural = N_("Reconsideration cases"),
	.duty = "reconsideration-reply",
	.key_caption = N_("Case number"), .party_caption = N_("Party"),
	.order = "case_no",
	.desk = 3,
};
