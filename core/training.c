/* core/training.c: training attended by enforcement officers (培训学时). The three-year plan:
 * each officer takes at least 60 hours a year of legal, professional and enforcement-skills
 * training. One record per officer, day and course, as a sign-in sheet lists them; the
 * officer is one recorded in that agency (core/officer.c). */
#include "duban/training.h"

#include "duban/access.h"
#include "duban/buf.h"
#include "duban/db_sql.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/record.h"
#include "duban/text.h"

enum { T_AGENCY, T_NAME, T_ON, T_TOPIC, T_HOURS, T_KIND, T_ORGANISER, T_NOTE, T_N };

static const struct field_choice kinds[] = {
	{ "", "", N_("not recorded"), 0 },
	{ "legal", "法律知识", N_("legal knowledge"), 0 },
	{ "professional", "业务知识", N_("professional knowledge"), 0 },
	{ "skills", "执法技能", N_("enforcement skills"), 0 },
	{ "other", "其他", N_("other"), 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct field_def fields[T_N] = {
	[T_AGENCY] = { "agency_id", "agency", "所在机关", N_("Agency"), FIELD_AGENCY,
		FIELD_REQUIRED | FIELD_KEY, NULL, 0, NULL },
	[T_NAME] = { "officer", "officer", "姓名", N_("Officer"), FIELD_TEXT,
		FIELD_REQUIRED | FIELD_KEY, NULL, 100, NULL },
	[T_ON] = { "trained_on", "trained_on", "培训日期", N_("Trained on"), FIELD_DATE,
		FIELD_REQUIRED | FIELD_KEY, NULL, 0, NULL },
	[T_TOPIC] = { "topic", "topic", "培训内容", N_("Topic"), FIELD_TEXT,
		FIELD_REQUIRED | FIELD_KEY, NULL, 200, NULL },
	[T_HOURS] = { "hours", "hours", "学时", N_("Hours"), FIELD_INT, FIELD_REQUIRED, NULL, 0,
		NULL },
	[T_KIND] = { "kind", "kind", "培训类别", N_("Kind of training"), FIELD_ENUM, 0, kinds, 0,
		NULL },
	[T_ORGANISER] = { "organiser", "organiser", "组织单位", N_("Organised by"), FIELD_TEXT,
		0, NULL, 200, NULL },
	[T_NOTE] = { "note", "note", "备注", N_("Note"), FIELD_TEXT, 0, NULL, 2000, NULL },
};

/* Whether the agency has a live officer of that name (in its normalised form too). */
static int
officer_exists(struct db *db, const char *agency, const char *name, bool *found,
    struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	struct buf key = BUF_INIT;
	int rc = db_prepare_cached(db, "SELECT 1 FROM officers WHERE agency_id = ?1 AND"
	    " (name = ?2 OR name_key = ?3) AND deleted = 0", &st, err);
	int step;

	if (rc != DUBAN_OK)
		return rc;
	text_key_norm(name, &key);
	sqlite3_bind_text(st, 1, agency, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, buf_str(&key), -1, SQLITE_TRANSIENT);
	buf_release(&key);
	step = sqlite3_step(st);
	*found = step == SQLITE_ROW;
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = db_fail(db, _("looking up an officer"), err);
	sqlite3_reset(st);
	return rc;
}

static void
check(const struct record_env *env, const struct record *r, struct record_problems *p)
{
	struct duban_err err;
	bool found = true;

	record_check_not_future(env, r, p, T_ON);
	if (r->values[T_HOURS][0] != '\0' && (record_int(r, T_HOURS) < 1 ||
	    record_int(r, T_HOURS) > 24))
		record_problem(p, T_HOURS, _("hours of one day's training are from 1 to 24"));
	if (r->values[T_AGENCY][0] == '\0' || r->values[T_NAME][0] == '\0')
		return;
	if (officer_exists(env->db, r->values[T_AGENCY], r->values[T_NAME], &found, &err) !=
	    DUBAN_OK) {
		record_problem(p, -1, "%s", err.msg);
		p->fault = err;
	} else if (!found) {
		record_problem(p, T_NAME, _("no officer %s is recorded in that agency; add the "
		    "officer first (duban add officer)"), r->values[T_NAME]);
	}
}

const struct kind_def training_kind = {
	"training", "trainings", N_("Training attended"), fields, T_N, check, NULL,
	ACCESS_EDIT_RECORDS,
	.plural = N_("Training attended"),
	.order = "trained_on, agency_id, officer",
	.list_fields = { T_NAME, T_ON, T_HOURS },
};
