/* include/duban/rules.h: the deadline rules (period length, unit, roll-forward, legal basis),
 * each in one or more versions by the trigger date they apply from. Filled from the INI
 * configuration by config.c; nothing here knows about files. */
#ifndef DUBAN_RULES_H
#define DUBAN_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "duban/date.h"

struct duban_err;
struct rules;	/* opaque */

enum rule_unit {
	RULE_WORKDAYS,	/* working days; the last counted day is a working day by construction */
	RULE_DAYS,	/* calendar days */
	RULE_MONTHS,	/* months: same day of month, or the month's last day (民法典 第202条) */
};

/* The longest period a rule or a document may state (days, working days or months): ten
 * years of days; longer ones are refused where they are written. */
#define RULE_MAX_LENGTH 3650

/* A period as a rule states it, or as a document overrides it. */
struct rule_period {
	int length;
	enum rule_unit unit;
	bool roll;	/* a period ending on a rest day moves to the next working day */
};

struct rule_version {
	struct date since;	/* first trigger date this version applies to */
	struct rule_period period;
	const char *basis;	/* legal basis, e.g. "行政复议法(2023) 第48条、第88条第2款" */
	const char *title;	/* short description of this version, may be "" */
};

struct rule {
	const char *name;	/* "reconsideration-reply" */
	const char *title;	/* title of the latest version, may be "" */
	const struct rule_version *versions;	/* sorted by since, ascending */
	size_t n_versions;
};

/* The rule names duban's records rely on; a configuration must define each of them. */
extern const char *const rules_required[];
extern const size_t rules_n_required;

struct rules *rules_new(void);
void rules_free(struct rules *r);

/* Add (or replace, when name and since match) a version of a rule. Strings are copied. */
void rules_put(struct rules *r, const char *name, const char *title,
    const struct rule_version *v);
/* Remove every version of name (a configuration that redefines a rule starts afresh). */
void rules_forget(struct rules *r, const char *name);

size_t rules_count(const struct rules *r);
/* The idx-th rule, in name order (borrowed). */
const struct rule *rules_at(const struct rules *r, size_t idx);
/* NULL when there is no such rule. */
const struct rule *rules_find(const struct rules *r, const char *name);
/* The version that applies to a trigger date, or NULL if the date precedes every version. */
const struct rule_version *rule_version_for(const struct rule *rule, struct date trigger);

const char *rule_unit_name(enum rule_unit u);	/* "workdays", "days", "months" */
bool rule_unit_parse(const char *s, enum rule_unit *out);

#endif
