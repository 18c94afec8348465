/* core/suggestion.c: judicial (司法建议) and procuratorial (检察建议) suggestions to an agency.
 * The reply is due after the period written in the document, or by default 30 days (the local
 * rule) for a judicial and two months for a procuratorial suggestion (doc/deadlines.md). */
#include "duban/suggestion.h"

#include <string.h>

#include "duban/choices.h"
#include "duban/access.h"
#include "duban/i18n.h"
#include "duban/record.h"
#include "duban/rules.h"

enum {
	S_DOC_NO, S_KIND, S_ISSUER, S_AGENCY, S_RECEIVED, S_PERIOD, S_UNIT, S_DUE, S_REPLIED,
	S_DELIVERY, S_MAILED, S_REPORTED, S_SUMMARY, S_N
};

static const struct field_choice kinds[] = {
	{ "judicial", "司法建议", N_("judicial suggestion"), 0 },
	{ "procuratorial", "检察建议", N_("procuratorial suggestion"), 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct field_choice units[] = {
	{ "", "", N_("not stated"), 0 },
	{ "days", "日", N_("days"), 0 },
	{ "workdays", "工作日", N_("working days"), 0 },
	{ "months", "个月", N_("months"), 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct field_def fields[S_N] = {
	[S_DOC_NO] = { "doc_no", "doc_no", "文号", N_("Document number"), FIELD_TEXT,
		FIELD_REQUIRED | FIELD_KEY, NULL, 100, NULL },
	[S_KIND] = { "kind", "kind", "类别", N_("Kind of suggestion"), FIELD_ENUM, FIELD_REQUIRED,
		kinds, 0, NULL },
	[S_ISSUER] = { "issuer", "issuer", "发出机关", N_("Issued by"), FIELD_TEXT, 0, NULL, 200,
		NULL },
	[S_AGENCY] = { "agency_id", "agency", "被建议机关", N_("Agency"), FIELD_AGENCY,
		FIELD_REQUIRED, NULL, 0, NULL },
	[S_RECEIVED] = { "received_on", "received_on", "收到日期", N_("Received on"), FIELD_DATE,
		FIELD_REQUIRED, NULL, 0, NULL },
	[S_PERIOD] = { "period_length", "period_length", "文书载明期限",
		N_("Period stated in the document"), FIELD_INT, 0, NULL, 0, NULL },
	[S_UNIT] = { "period_unit", "period_unit", "期限单位", N_("Unit of that period"),
		FIELD_ENUM, 0, units, 0, NULL },
	[S_DUE] = { "due_on", "due_on", "回复期限", N_("Response due on"), FIELD_DATE,
		FIELD_DERIVED, NULL, 0, NULL },
	[S_REPLIED] = { "replied_on", "replied_on", "回复日期", N_("Responded on"), FIELD_DATE, 0,
		NULL, 0, NULL },
	[S_DELIVERY] = { "reply_delivery", "reply_delivery", "回复递交方式",
		N_("Response delivered"), FIELD_ENUM, 0, choices_delivery, 0, NULL },
	[S_MAILED] = { "reply_mailed_on", "reply_mailed_on", "回复交邮日期",
		N_("Response mailed on"), FIELD_DATE, 0, NULL, 0, NULL },
	[S_REPORTED] = { "reported_on", "reported_on", "报备日期", N_("Reported to the bureau on"),
		FIELD_DATE, 0, NULL, 0, NULL },
	[S_SUMMARY] = { "summary", "summary", "整改情况", N_("Rectification"), FIELD_TEXT, 0,
		NULL, 4000, NULL },
};

static void
check(const struct record_env *env, const struct record *r, struct record_problems *p)
{
	static const int past[] = { S_RECEIVED, S_REPLIED, S_MAILED, S_REPORTED };
	size_t i;

	for (i = 0; i < sizeof(past) / sizeof(past[0]); i++)
		record_check_not_future(env, r, p, past[i]);
	record_check_order(r, p, S_RECEIVED, S_REPLIED);
	record_check_order(r, p, S_RECEIVED, S_MAILED);
	record_check_order(r, p, S_MAILED, S_REPLIED);
	record_check_order(r, p, S_RECEIVED, S_REPORTED);
	if (strcmp(r->values[S_DELIVERY], "mail") == 0 && r->values[S_MAILED][0] == '\0')
		record_problem(p, S_MAILED, _("a reply sent by mail needs the mailing date"));
	if ((r->values[S_PERIOD][0] != '\0') != (r->values[S_UNIT][0] != '\0'))
		record_problem(p, S_UNIT, _("a period stated in the document needs both its length "
		    "and its unit"));
	else if (r->values[S_PERIOD][0] != '\0' && (record_int(r, S_PERIOD) < 1 ||
	    record_int(r, S_PERIOD) > RULE_MAX_LENGTH))
		record_problem(p, S_PERIOD, _("a stated period must be from 1 to %d (days, working "
		    "days or months), as a rule's length"), RULE_MAX_LENGTH);
}

static void
derive(const struct record_env *env, struct record *r)
{
	const char *rule = strcmp(r->values[S_KIND], "procuratorial") == 0 ?
	    "procuratorial-suggestion" : "judicial-suggestion";
	struct rule_period stated;

	/* A period written in the document overrides the default rule for this record. */
	if (r->values[S_PERIOD][0] != '\0' && record_int(r, S_PERIOD) > 0 &&
	    rule_unit_parse(r->values[S_UNIT], &stated.unit)) {
		stated.length = (int)record_int(r, S_PERIOD);
		stated.roll = true;
		record_derive_due(env, r, S_DUE, rule, S_RECEIVED, &stated);
		return;
	}
	record_derive_due(env, r, S_DUE, rule, S_RECEIVED, NULL);
}

const struct kind_def suggestion_kind = {
	"suggestion", "suggestions", N_("Suggestion"), fields, S_N, check, derive,
	ACCESS_EDIT_RECORDS,
	.plural = N_("Suggestions"),
	.duty = "suggestion-reply",
	.key_caption = N_("Document number"), .party_caption = N_("Issued by"),
	.order = "doc_no",
	.desk = 4,
};
