/* core/assess_item.c: manual assessment items. The score is a number (a rate in percent,
 * hours, points) or a grade word; the scheme (assess.h) says how each item is scored. */
#include "duban/assess_item.h"

#include <stdlib.h>
#include <string.h>

#include "duban/access.h"
#include "duban/i18n.h"
#include "duban/record.h"

enum { I_YEAR, I_AGENCY, I_ITEM, I_SCORE, I_NOTE, I_N };

const char *const assess_grades[] = { "优秀", "良好", "合格", "不合格", NULL };

static const struct field_def fields[I_N] = {
	[I_YEAR] = { "year", "year", "年度", N_("Year"), FIELD_INT, FIELD_REQUIRED | FIELD_KEY,
		NULL, 0, NULL },
	[I_AGENCY] = { "agency_id", "agency", "机关", N_("Agency"), FIELD_AGENCY,
		FIELD_REQUIRED | FIELD_KEY, NULL, 0, NULL },
	[I_ITEM] = { "item", "item", "项目", N_("Item"), FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY,
		NULL, 100, NULL },
	[I_SCORE] = { "score", "score", "得分", N_("Score or grade"), FIELD_TEXT, FIELD_REQUIRED,
		NULL, 50, NULL },
	[I_NOTE] = { "note", "note", "说明", N_("Note"), FIELD_TEXT, 0, NULL, 2000, NULL },
};

static void
check(const struct record_env *env, const struct record *r, struct record_problems *p)
{
	const char *score = record_get(r, I_SCORE);
	char *end = NULL;
	long year = strtol(record_get(r, I_YEAR), &end, 10);
	int64_t n;
	size_t i;

	(void)env;
	if (record_get(r, I_YEAR)[0] != '\0' && (year < 2000 || year > 2999))
		record_problem(p, I_YEAR, _("the year %ld is not a year of assessment"), year);
	if (score[0] == '\0')
		return;
	for (i = 0; assess_grades[i] != NULL; i++)
		if (strcmp(score, assess_grades[i]) == 0)
			return;
	if (!assess_item_number(score, &n))
		record_problem(p, I_SCORE, _("the score \"%s\" is neither a number from 0 to 100 "
		    "(at most six decimals) nor one of 优秀, 良好, 合格, 不合格"), score);
}

const struct kind_def assess_item_kind = {
	"assessment-item", "assessment_items", N_("Assessment item"), fields, I_N, check, NULL,
	ACCESS_ASSESS,
	.plural = N_("Assessment items"),
	.order = "year, agency_id, item",
	.list_fields = { I_YEAR, I_ITEM, I_SCORE },
	.wide_field = I_AGENCY, .wide_width = 24,
};
