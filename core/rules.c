/* core/rules.c: a small ordered table of deadline rules and their versions. */
#include "duban/rules.h"

#include <stdlib.h>
#include <string.h>

#include "duban/mem.h"

const char *const rules_required[] = {
	"litigation-defence",
	"reconsideration-copy",
	"reconsideration-copy-simplified",
	"reconsideration-reply",
	"reconsideration-reply-simplified",
	"reconsideration-decision",
	"reconsideration-decision-simplified",
	"judicial-suggestion",
	"procuratorial-suggestion",
	"rule-filing",
	"publicity",
	"publicity-licence-penalty",
};
const size_t rules_n_required = sizeof(rules_required) / sizeof(rules_required[0]);

struct rule_entry {
	struct rule pub;
	struct rule_version *versions;
	size_t n;
};

struct rules {
	struct rule_entry *items;	/* sorted by name */
	size_t n;
	size_t cap;
};

struct rules *
rules_new(void)
{
	return xcalloc(1, sizeof(struct rules));
}

static void
entry_release(struct rule_entry *e)
{
	size_t i;

	for (i = 0; i < e->n; i++) {
		free((char *)e->versions[i].basis);
		free((char *)e->versions[i].title);
	}
	free(e->versions);
	free((char *)e->pub.name);
	free((char *)e->pub.title);
}

void
rules_free(struct rules *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		entry_release(&r->items[i]);
	free(r->items);
	free(r);
}

static size_t
find_idx(const struct rules *r, const char *name, bool *found)
{
	size_t lo = 0;
	size_t hi = r->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(r->items[mid].pub.name, name);

		if (c == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

void
rules_put(struct rules *r, const char *name, const char *title, const struct rule_version *v)
{
	bool found;
	size_t idx = find_idx(r, name, &found);
	struct rule_entry *e;
	size_t i;

	if (!found) {
		if (r->n == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 16;
			r->items = xreallocarray(r->items, r->cap, sizeof(*r->items));
		}
		memmove(&r->items[idx + 1], &r->items[idx], (r->n - idx) * sizeof(*r->items));
		r->n++;
		e = &r->items[idx];
		memset(e, 0, sizeof(*e));
		e->pub.name = xstrdup(name);
		e->pub.title = xstrdup(title != NULL ? title : "");
	} else {
		e = &r->items[idx];
		if (title != NULL && title[0] != '\0') {
			free((char *)e->pub.title);
			e->pub.title = xstrdup(title);
		}
	}
	for (i = 0; i < e->n; i++) {
		if (date_eq(e->versions[i].since, v->since)) {
			free((char *)e->versions[i].basis);
			free((char *)e->versions[i].title);
			e->versions[i] = *v;
			e->versions[i].basis = xstrdup(v->basis != NULL ? v->basis : "");
			e->versions[i].title = xstrdup(title != NULL ? title : "");
			return;
		}
	}
	e->versions = xreallocarray(e->versions, e->n + 1, sizeof(*e->versions));
	i = e->n;
	while (i > 0 && date_cmp(e->versions[i - 1].since, v->since) > 0) {
		e->versions[i] = e->versions[i - 1];
		i--;
	}
	e->versions[i] = *v;
	e->versions[i].basis = xstrdup(v->basis != NULL ? v->basis : "");
	e->versions[i].title = xstrdup(title != NULL ? title : "");
	e->n++;
	e->pub.versions = e->versions;
	e->pub.n_versions = e->n;
}

void
rules_forget(struct rules *r, const char *name)
{
	bool found;
	size_t idx = find_idx(r, name, &found);

	if (!found)
		return;
	entry_release(&r->items[idx]);
	memmove(&r->items[idx], &r->items[idx + 1], (r->n - idx - 1) * sizeof(*r->items));
	r->n--;
}

size_t
rules_count(const struct rules *r)
{
	return r->n;
}

const struct rule *
rules_at(const struct rules *r, size_t idx)
{
	return idx < r->n ? &r->items[idx].pub : NULL;
}

const struct rule *
rules_find(const struct rules *r, const char *name)
{
	bool found;
	size_t idx = find_idx(r, name, &found);

	return found ? &r->items[idx].pub : NULL;
}

const struct rule_version *
rule_version_for(const struct rule *rule, struct date trigger)
{
	const struct rule_version *best = NULL;
	size_t i;

	for (i = 0; i < rule->n_versions; i++) {
		if (date_cmp(rule->versions[i].since, trigger) <= 0)
			best = &rule->versions[i];
	}
	return best;
}

const char *
rule_unit_name(enum rule_unit u)
{
	switch (u) {
	case RULE_WORKDAYS:
		return "workdays";
	case RULE_DAYS:
		return "days";
	case RULE_MONTHS:
		return "months";
	}
	return "?";
}

bool
rule_unit_parse(const char *s, enum rule_unit *out)
{
	if (strcmp(s, "workdays") == 0)
		*out = RULE_WORKDAYS;
	else if (strcmp(s, "days") == 0)
		*out = RULE_DAYS;
	else if (strcmp(s, "months") == 0)
		*out = RULE_MONTHS;
	else
		return false;
	return true;
}
