/* tests/fuzz/fuzz_export.c: the export writer (core/export.c) with arbitrary field contents.
 * Two paths per input:
 *   - any bytes stored in any field (as an older duban or a hand-edited database may hold
 *     them) written as CSV (UTF-8 with BOM or GB18030, English or Chinese headers) and as
 *     JSON to a memory stream: an error carries a message; JSON is valid JSON in UTF-8; the
 *     CSV reads back (libcsv) as exactly a header and one row of one cell per field, whatever
 *     quotes, commas, line breaks or NULs the contents hold;
 *   - the same values entered through record_input (what a form or import would take) and
 *     saved: the record exported to a CSV file imports back unchanged (import_run, dry run:
 *     the contract of doc/ and test_export.c: import undoes exactly what export did).
 * Each input runs in a transaction rolled back at the end, in the in-memory demo database.
 * Input: kind byte, options byte, then NUL-separated values, one per field in order. */
#include "fuzz_env.h"

#include <csv.h>

#include "duban/buf.h"
#include "duban/export.h"
#include "duban/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct record_env env;
static char csv_path[512];

struct shape {
	int rows;
	int cells;		/* of the row being read */
	bool uneven;		/* a row with another number of cells than n */
	int n;
};

static void
on_cell(void *s, size_t len, void *arg)
{
	(void)s;
	(void)len;
	((struct shape *)arg)->cells++;
}

static void
on_row(int c, void *arg)
{
	struct shape *sh = arg;

	(void)c;
	if (sh->cells != sh->n)
		sh->uneven = true;
	sh->rows++;
	sh->cells = 0;
}

static void
check_csv(const char *text, size_t len, int n_fields)
{
	struct csv_parser p;
	struct shape sh = { 0, 0, false, n_fields };

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		abort();
	if (csv_parse(&p, text, len, on_cell, on_row, &sh) != len ||
	    csv_fini(&p, on_cell, on_row, &sh) != 0) {
		fprintf(stderr, "the exported CSV does not parse: %s\n%.*s\n",
		    csv_strerror(csv_error(&p)), (int)len, text);
		abort();
	}
	csv_free(&p);
	if (sh.rows != 2 || sh.uneven) {
		fprintf(stderr, "the exported CSV has %d rows (2 expected)%s:\n%.*s\n", sh.rows,
		    sh.uneven ? " of uneven cells" : "", (int)len, text);
		abort();
	}
}

/* Export r to memory as o says; check the text. */
static void
export_to_memory(struct record *r, struct export_opts o)
{
	struct export *ex = NULL;
	struct duban_err err;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int rc;

	if (f == NULL)
		abort();
	o.stream = f;
	duban_err_clear(&err);
	rc = export_open(&env, &o, &ex, &err);
	if (rc == DUBAN_OK) {
		rc = export_record(ex, r, &err);
		rc = export_close(ex, rc == DUBAN_OK, rc == DUBAN_OK ? &err : NULL) != DUBAN_OK &&
		    rc == DUBAN_OK ? DUBAN_EINPUT : rc;
	}
	fclose(f);
	if (rc != DUBAN_OK) {
		if (err.msg[0] == '\0') {
			fprintf(stderr, "export failed (%d) without a message\n", rc);
			abort();
		}
	} else if (o.format == EXPORT_JSON) {
		if (!fuzz_json_valid(text, len)) {
			fprintf(stderr, "the exported JSON (%zu bytes) is not JSON:\n%.*s\n", len, (int)len, text);
			abort();
		}
	} else {
		check_csv(text, len, r->kind->n_fields);
	}
	free(text);
}

/* The record as the import must find it again: export to a file, import it (dry run). */
static void
round_trip(struct record *r, bool zh, enum encoding enc)
{
	struct export_opts o;
	struct import_opts io;
	struct import_result res;
	struct export *ex = NULL;
	struct duban_err err;
	int rc;

	memset(&o, 0, sizeof(o));
	o.kind = r->kind;
	o.format = EXPORT_CSV;
	o.encoding = enc;
	o.zh_headers = zh;
	o.path = csv_path;
	duban_err_clear(&err);
	if (export_open(&env, &o, &ex, &err) != DUBAN_OK || export_record(ex, r, &err) != DUBAN_OK ||
	    export_close(ex, true, &err) != DUBAN_OK) {
		fprintf(stderr, "export of a saved record failed: %s\n", err.msg);
		abort();
	}
	memset(&io, 0, sizeof(io));
	memset(&res, 0, sizeof(res));
	io.path = csv_path;
	io.encoding = ENCODING_AUTO;
	io.kind = r->kind;
	io.dry_run = true;
	duban_err_clear(&err);
	rc = import_run(&env, &io, &res, &err);
	if (rc != DUBAN_OK || res.rows != 1 || res.n_unchanged != 1) {
		fprintf(stderr, "%s %lld: exported, it does not import back unchanged (rc %d, rows "
		    "%lld, new %lld, updated %lld, refused %lld): %s\n", r->kind->name,
		    (long long)r->id, rc, (long long)res.rows, (long long)res.n_new,
		    (long long)res.n_updated, (long long)res.n_refused, err.msg);
		abort();
	}
	import_result_release(&res);
	unlink(csv_path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct kind_def *k;
	struct record *raw;
	struct record *entered;
	struct record_problems p;
	struct export_opts o;
	struct duban_err err;
	size_t pos = 2;
	int n_kinds = 0;
	int i;

	if (env.db == NULL) {
		fuzz_env_open(&env, "export");
		fuzz_scratch(csv_path, sizeof(csv_path), "export");
		strncat(csv_path, ".csv", sizeof(csv_path) - strlen(csv_path) - 1);
	}
	if (size < 2)
		return 0;
	while (record_kinds[n_kinds] != NULL)
		n_kinds++;
	k = record_kinds[data[0] % n_kinds];
	raw = record_new(k);
	entered = record_new(k);
	memset(&p, 0, sizeof(p));
	for (i = 0; i < k->n_fields && pos < size; i++) {
		const uint8_t *nul = memchr(data + pos, 0, size - pos);
		size_t len = nul != NULL ? (size_t)(nul - (data + pos)) : size - pos;
		char *value = strndup((const char *)data + pos, len);

		pos += len + 1;
		record_set(raw, i, value);
		if (p.n < RECORD_MAX_PROBLEMS - 4 && !(k->fields[i].flags & FIELD_DERIVED))
			record_input(&env, entered, i, value, &p);
		free(value);
	}
	raw->id = 1 + data[1];

	memset(&o, 0, sizeof(o));
	o.kind = k;
	o.format = data[1] & 1 ? EXPORT_JSON : EXPORT_CSV;
	o.encoding = data[1] & 2 ? ENCODING_GB18030 : ENCODING_UTF8;
	o.zh_headers = (data[1] & 4) != 0;
	if (o.format == EXPORT_JSON)
		o.encoding = ENCODING_UTF8;
	export_to_memory(raw, o);

	if (db_begin(env.db, &err) != DUBAN_OK)
		abort();
	memset(&p, 0, sizeof(p));
	if (record_save(&env, entered, 0, NULL, &p, &err) == DUBAN_OK)
		round_trip(entered, (data[1] & 4) != 0,
		    data[1] & 2 ? ENCODING_GB18030 : ENCODING_UTF8);
	db_end(env.db, DUBAN_EINPUT, NULL);
	record_free(raw);
	record_free(entered);
	return 0;
}
