/* core/officer.c: enforcement officers and their certificates (行政执法人员、执法证件). The
 * district's enforcement-conduct plan and the three-year plan: every officer is recorded (post,
 * on the establishment or not, certificate, category, area, validity, state); a certificate
 * that expires is renewed (审验), so its expiry is a due item (duty certificate-expiry). The
 * ID-card number, if a bureau keeps it, is shown masked except to an admin (FIELD_SECRET). */
#include "duban/officer.h"

#include <string.h>

#include "duban/access.h"
#include "duban/i18n.h"
#include "duban/record.h"

enum {
	O_AGENCY, O_NAME, O_POST, O_ESTABLISHED, O_ID_NO, O_CERT_NO, O_CATEGORY, O_AREA,
	O_ISSUED, O_VALID, O_STATE, O_NOTE, O_N
};

static const struct field_choice states[] = {
	{ "", "", N_("no certificate"), 0 },
	{ "valid", "有效", N_("valid"), 0 },
	{ "suspended", "暂扣", N_("suspended"), 0 },
	{ "withdrawn", "收回", N_("recalled"), 0 },
	{ "cancelled", "注销", N_("cancelled"), 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct field_def fields[O_N] = {
	[O_AGENCY] = { "agency_id", "agency", "所在机关", N_("Agency"), FIELD_AGENCY,
		FIELD_REQUIRED | FIELD_KEY, NULL, 0, NULL },
	[O_NAME] = { "name", "name", "姓名", N_("Name"), FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY,
		NULL, 100, NULL },
	[O_POST] = { "post", "post", "职务岗位", N_("Post"), FIELD_TEXT, 0, NULL, 200, NULL },
	[O_ESTABLISHED] = { "on_establishment", "on_establishment", "是否在编在岗",
		N_("On the establishment"), FIELD_BOOL, 0, NULL, 0, NULL },
	[O_ID_NO] = { "id_no", "id_no", "身份证号", N_("ID card number"), FIELD_TEXT,
		FIELD_SECRET, NULL, 18, NULL },
	[O_CERT_NO] = { "cert_no", "cert_no", "执法证号", N_("Certificate number"), FIELD_TEXT,
		0, NULL, 50, NULL },
	[O_CATEGORY] = { "category", "category", "执法类别", N_("Enforcement category"),
		FIELD_TEXT, 0, NULL, 200, NULL },
	[O_AREA] = { "area", "area", "执法区域", N_("Area"), FIELD_TEXT, 0, NULL, 200, NULL },
	[O_ISSUED] = { "issued_on", "issued_on", "发证日期", N_("Certificate issued on"),
		FIELD_DATE, 0, NULL, 0, NULL },
	[O_VALID] = { "valid_until", "valid_until", "有效期至", N_("Certificate valid until"),
		FIELD_DATE, 0, NULL, 0, NULL },
	[O_STATE] = { "state", "state", "证件状态", N_("Certificate state"), FIELD_ENUM, 0,
		states, 0, NULL },
	[O_NOTE] = { "note", "note", "备注", N_("Note"), FIELD_TEXT, 0, NULL, 2000, NULL },
};

static void
check(const struct record_env *env, const struct record *r, struct record_problems *p)
{
	record_check_not_future(env, r, p, O_ISSUED);
	record_check_order(r, p, O_ISSUED, O_VALID);
	if (r->values[O_CERT_NO][0] != '\0' && r->values[O_STATE][0] == '\0')
		record_problem(p, O_STATE, _("a certificate needs its state (有效, 暂扣, 收回 or 注销)"));
	if (r->values[O_STATE][0] != '\0' && r->values[O_CERT_NO][0] == '\0')
		record_problem(p, O_CERT_NO, _("a certificate state needs the certificate number"));
	if (strcmp(r->values[O_STATE], "valid") == 0 && r->values[O_VALID][0] == '\0')
		record_problem(p, O_VALID, _("a valid certificate needs the date it is valid until"));
}

const struct kind_def officer_kind = {
	"officer", "officers", N_("Enforcement officer"), fields, O_N, check, NULL,
	ACCESS_EDIT_RECORDS,
	.plural = N_("Enforcement officers"),
	.duty = "certificate-expiry",
	.key_caption = N_("Name"), .party_caption = N_("Certificate number"),
	.order = "agency_id, name",
};
