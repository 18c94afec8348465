/* tests/fuzz/fuzz_record.c: the record validation path, as `duban add` and `duban edit` take
 * FIELD=VALUE arguments: arbitrary values into any field of any kind through record_input,
 * then record_validate and record_save, on a new record or on a demo record loaded by id.
 * Each input runs inside a transaction that is rolled back, so the in-memory database never
 * drifts. Never a crash, a leak, a refusal without a reason, and:
 *   - a refused value leaves the field as it was; a taken one is canonical (entered again,
 *     it comes out the same);
 *   - a record with validation problems is never saved;
 *   - a saved record loads back with exactly the values that were saved, and its JSON is
 *     valid JSON in UTF-8.
 * Input: kind byte, mode byte (bit 0: edit; the rest picks the record), then field byte and
 * NUL-terminated value, repeated. */
#include "fuzz_env.h"

#include "duban/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct record_env env;

static int
n_kinds(void)
{
	int n = 0;

	while (record_kinds[n] != NULL)
		n++;
	return n;
}

static void
check_problems(const struct record_problems *p, int from, const struct kind_def *k)
{
	int i;

	if (p->n < from || p->n > RECORD_MAX_PROBLEMS)
		abort();
	for (i = from; i < p->n; i++)
		if (p->items[i].msg[0] == '\0' || p->items[i].field < -1 ||
		    p->items[i].field >= k->n_fields)
			abort();
}

/* A canonical value entered again must come out unchanged (references are canonical ids,
 * entered by name: not comparable this way). */
static void
check_canonical(const struct kind_def *k, int field, const char *canon)
{
	enum field_type t = k->fields[field].type;
	struct record *r;
	struct record_problems p;

	if (t == FIELD_AGENCY || t == FIELD_CASE || canon[0] == '\0')
		return;
	r = record_new(k);
	memset(&p, 0, sizeof(p));
	if (!record_input(&env, r, field, canon, &p) || strcmp(record_get(r, field), canon) != 0) {
		fprintf(stderr, "%s.%s: canonical \"%s\" entered again gave \"%s\" (%s)\n",
		    k->name, k->fields[field].column, canon, record_get(r, field),
		    p.n > 0 ? p.items[0].msg : "taken");
		abort();
	}
	record_free(r);
}

static void
check_saved(struct record *r)
{
	struct record *back = NULL;
	struct duban_err err;
	struct buf json = BUF_INIT;
	int i;

	if (record_load(env.db, r->kind, r->id, &back, &err) != DUBAN_OK) {
		fprintf(stderr, "saved %s %lld does not load: %s\n", r->kind->name,
		    (long long)r->id, err.msg);
		abort();
	}
	for (i = 0; i < r->kind->n_fields; i++) {
		if (strcmp(record_get(r, i), record_get(back, i)) != 0) {
			fprintf(stderr, "%s.%s saved \"%s\", loaded \"%s\"\n", r->kind->name,
			    r->kind->fields[i].column, record_get(r, i), record_get(back, i));
			abort();
		}
	}
	if (back->version != r->version)
		abort();
	record_to_json(back, &json);
	if (!fuzz_json_valid(json.data, json.len)) {
		fprintf(stderr, "record_to_json is not JSON: %s\n", buf_str(&json));
		abort();
	}
	buf_release(&json);
	record_free(back);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct kind_def *k;
	struct record *r = NULL;
	struct record_problems p;
	struct record_problems v;
	struct duban_err err;
	enum record_outcome outcome;
	size_t pos = 2;
	int rc;

	if (env.db == NULL)
		fuzz_env_open(&env, "record");
	if (size < 2)
		return 0;
	k = record_kinds[data[0] % n_kinds()];
	if (db_begin(env.db, &err) != DUBAN_OK)
		abort();
	if (data[1] & 1)
		record_load(env.db, k, 1 + (data[1] >> 1), &r, &err);	/* none: add instead */
	if (r == NULL)
		r = record_new(k);
	memset(&p, 0, sizeof(p));
	while (pos < size && p.n < RECORD_MAX_PROBLEMS - 4) {
		int field = data[pos++] % k->n_fields;
		const uint8_t *nul = memchr(data + pos, 0, size - pos);
		size_t len = nul != NULL ? (size_t)(nul - (data + pos)) : size - pos;
		char *value = strndup((const char *)data + pos, len);
		char *before = strdup(record_get(r, field));
		int had = p.n;
		bool taken;

		pos += len + 1;
		taken = record_input(&env, r, field, value, &p);
		check_problems(&p, had, k);
		if (taken != (p.n == had))
			abort();
		if (!taken && strcmp(before, record_get(r, field)) != 0)
			abort();
		if (taken)
			check_canonical(k, field, record_get(r, field));
		free(before);
		free(value);
	}
	memset(&v, 0, sizeof(v));
	record_validate(&env, r, &v);
	check_problems(&v, 0, k);
	memset(&p, 0, sizeof(p));
	duban_err_clear(&err);
	rc = record_save(&env, r, 0, &outcome, &p, &err);
	check_problems(&p, 0, k);
	if (rc == DUBAN_OK) {
		if (v.n > 0 || p.n > 0 || r->id <= 0) {
			fprintf(stderr, "saved despite: %s\n", v.n > 0 ? v.items[0].msg : "?");
			abort();
		}
		check_saved(r);
	} else if (err.msg[0] == '\0' && p.n == 0) {
		abort();
	}
	record_free(r);
	db_end(env.db, DUBAN_EINPUT, NULL);	/* roll back: the next input sees the demo data */
	return 0;
}
