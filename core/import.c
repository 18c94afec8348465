/* core/import.c: CSV files into records. A row becomes a record by its natural key: the
 * stored record if there is one (so columns the file lacks keep their values), else a new
 * one; then each cell goes through record_input and the record through record_save, exactly
 * as a form would. The whole file is one transaction; a litigation row that also carries a
 * hearing is one savepoint, so half a row is never kept. Never prints. */
#include "duban/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <csv.h>
#include <sqlite3.h>

#include "duban/access.h"
#include "duban/agency.h"
#include "duban/buf.h"
#include "duban/csvin.h"
#include "duban/db_sql.h"
#include "duban/encoding.h"
#include "duban/err.h"
#include "duban/hearing.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/record.h"
#include "duban/safefile.h"
#include "duban/sheet.h"
#include "duban/text.h"

/* Agency names seen in one import, name -> id; bounded, a full table just stops caching. */
#define CACHE_SLOTS 4096
#define PROGRESS_EVERY 256

struct cache_slot {
	char *text;
	int64_t id;
};

struct importer {
	const struct record_env *env;
	struct db *db;
	const struct import_opts *o;
	const char *name;
	struct csvin *in;
	const struct kind_def *kind;
	size_t n_cols;
	bool zh;
	int64_t batch_id;
	struct import_result *res;

	/* The current row. */
	const struct csvin_row *row;
	bool refused;
	struct buf reason;		/* every refusal of the row, for the rejects file */
	struct record_problems p;
	struct buf keys[2];		/* the row's natural keys as text: record, hearing */
	int64_t n_refused_keys;
	struct buf trim;
	struct buf text;

	bool use_cache;
	struct cache_slot *cache;
	size_t cache_n;

	struct encoding_encoder *gb;	/* back to the file's bytes (check_encoding) */

	FILE *rejects;
	struct safefile *rejects_file;	/* rejects: written beside, renamed at the end */
	struct buf rejects_path;
};

/* ---- agency cache ---------------------------------------------------------------------- */

static uint32_t
hash_text(const char *s, size_t len)
{
	uint32_t h = 2166136261u;	/* FNV-1a */
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static struct cache_slot *
cache_slot(struct importer *im, const char *s, size_t len)
{
	uint32_t i = hash_text(s, len) & (CACHE_SLOTS - 1);

	while (im->cache[i].text != NULL && strcmp(im->cache[i].text, s) != 0)
		i = (i + 1) & (CACHE_SLOTS - 1);
	return &im->cache[i];
}

static void
cache_free(struct importer *im)
{
	size_t i;

	if (im->cache == NULL)
		return;
	for (i = 0; i < CACHE_SLOTS; i++)
		free(im->cache[i].text);
	free(im->cache);
}

/* ---- refusals --------------------------------------------------------------------------- */

static const char *
column_of(const struct importer *im, const struct kind_def *k, int field)
{
	size_t i;

	if (field < 0)
		return NULL;
	for (i = 0; i < im->n_cols; i++) {
		const struct csvin_column *c = csvin_column(im->in, i);

		if (k == im->kind ? c->field == field : c->hearing_field == field)
			return c->header;
	}
	return im->zh ? k->fields[field].zh : k->fields[field].csv;
}

static void
refuse(struct importer *im, const char *column, const char *reason)
{
	if (im->o->refused != NULL)
		im->o->refused(im->o->arg, im->name, im->row->line, column, reason);
	if (im->reason.len > 0)
		buf_adds(&im->reason, "; ");
	if (column != NULL)
		buf_printf(&im->reason, "%s: ", column);
	buf_adds(&im->reason, reason);
	im->refused = true;
}

/* Refuse with the problems of a record of kind k; the field's label, which the column already
 * names, is dropped from the front of a message. */
static void
refuse_problems(struct importer *im, const struct kind_def *k, const struct record_problems *p)
{
	int i;

	for (i = 0; i < p->n; i++) {
		const char *msg = p->items[i].msg;
		int f = p->items[i].field;

		if (f >= 0) {
			const char *label = _(k->fields[f].label);
			size_t n = strlen(label);

			if (strncmp(msg, label, n) == 0 && msg[n] == ':' && msg[n + 1] == ' ')
				msg += n + 2;
		}
		refuse(im, column_of(im, k, f), msg);
	}
}

/* ---- rejects file ----------------------------------------------------------------------- */

void
import_default_rejects_path(const char *input, struct buf *out)
{
	const char *slash = strrchr(input, '/');
	const char *base = slash != NULL ? slash + 1 : input;
	const char *dot = strrchr(base, '.');
	size_t stem = dot != NULL && dot != base ? (size_t)(dot - input) : strlen(input);

	buf_add(out, input, stem);
	buf_adds(out, ".rejects.csv");
}

/* A cell of the rejects file, guarded against formulas as an export is (the import took the
 * guard off; it goes back on, so the file reads back to the same cells). */
static void
csv_cell(FILE *f, const char *s, size_t len, bool first)
{
	struct buf g = BUF_INIT;

	if (!first)
		fputc(',', f);
	text_csv_guard(s, len, &g);
	csv_fwrite(f, g.data != NULL ? g.data : "", g.len);
	buf_release(&g);
}

static int
rejects_open(struct importer *im, struct duban_err *err)
{
	const struct csvin_row *h = csvin_header(im->in);
	bool first = true;
	size_t i;

	if (safefile_open(buf_str(&im->rejects_path), 0, &im->rejects_file, err) != DUBAN_OK)
		return duban_err_wrap(err, "%s", _("the rejects file: "));
	im->rejects = safefile_stream(im->rejects_file);
	/* A BOM, so that Excel opens the Chinese text correctly. */
	fputs("\xEF\xBB\xBF", im->rejects);
	for (i = 0; i < im->n_cols; i++) {
		if (csvin_column(im->in, i)->role == CSVIN_REJECTS)
			continue;
		csv_cell(im->rejects, h->cells[i], h->lens[i], first);
		first = false;
	}
	csv_cell(im->rejects, "line", 4, first);
	csv_cell(im->rejects, "reason", 6, false);
	fputs("\r\n", im->rejects);
	return DUBAN_OK;
}

static int
rejects_row(struct importer *im, struct duban_err *err)
{
	const struct csvin_row *row = im->row;
	bool first = true;
	char line[24];
	size_t i;
	int rc;

	if (im->rejects == NULL && (rc = rejects_open(im, err)) != DUBAN_OK)
		return rc;
	for (i = 0; i < im->n_cols; i++) {
		if (csvin_column(im->in, i)->role == CSVIN_REJECTS)
			continue;
		if (i < row->n)
			csv_cell(im->rejects, row->cells[i], row->lens[i], first);
		else
			csv_cell(im->rejects, "", 0, first);
		first = false;
	}
	snprintf(line, sizeof(line), "%ld", row->line);
	csv_cell(im->rejects, line, strlen(line), first);
	csv_cell(im->rejects, im->reason.data != NULL ? im->reason.data : "", im->reason.len,
	    false);
	fputs("\r\n", im->rejects);
	return DUBAN_OK;
}

/* Close the rejects file; put it in place if keep, else remove it. */
static int
rejects_finish(struct importer *im, bool keep, struct duban_err *err)
{
	if (im->rejects == NULL)
		return DUBAN_OK;
	im->rejects = NULL;
	if (!keep) {
		safefile_abort(im->rejects_file);
		im->rejects_file = NULL;
		return DUBAN_OK;
	}
	if (safefile_commit(im->rejects_file, err) != DUBAN_OK) {
		im->rejects_file = NULL;
		return duban_err_wrap(err, "%s", _("the valid rows were imported, but the rejects "
		    "file could not be written: "));
	}
	im->rejects_file = NULL;
	im->res->rejects_path = xstrdup(buf_str(&im->rejects_path));
	return DUBAN_OK;
}

/* ---- rows -------------------------------------------------------------------------------- */

/* Which keys this import has met, to refuse a key's second row naming the first: records
 * written (or found unchanged) by id, refused rows by key text. Both live in temporary tables,
 * which SQLite keeps on disk past its cache: memory does not grow with the file. */
static int
seen_lookup(struct importer *im, const char *sql, const struct buf *key, int64_t id,
    long *earlier, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = db_prepare_cached(im->db, sql, &st, err);
	int step;

	if (rc != DUBAN_OK)
		return rc;
	if (key != NULL)
		sqlite3_bind_text(st, 1, key->data, (int)key->len, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, id);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*earlier = (long)sqlite3_column_int64(st, 0);
	else if (step != SQLITE_DONE)
		rc = db_fail(im->db, _("importing"), err);
	sqlite3_reset(st);
	return rc;
}

static int
seen_add(struct importer *im, const char *sql, const struct buf *key, int64_t id,
    struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = db_prepare_cached(im->db, sql, &st, err);

	if (rc != DUBAN_OK)
		return rc;
	if (key != NULL)
		sqlite3_bind_text(st, 1, key->data, (int)key->len, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, im->row->line);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(im->db, _("importing"), err);
	sqlite3_reset(st);
	return rc;
}

#define SEEN_REFUSED_GET "SELECT line FROM temp.import_refused WHERE key = ?1"
#define SEEN_REFUSED_ADD "INSERT OR IGNORE INTO temp.import_refused (key, line) VALUES (?1, ?2)"
#define SEEN_DONE_GET "SELECT line FROM temp.import_done WHERE id = ?1"
#define SEEN_DONE_ADD "INSERT OR IGNORE INTO temp.import_done (id, line) VALUES (?1, ?2)"

static bool
column_feeds(const struct csvin_column *c, bool sub, int *field)
{
	if (sub) {
		*field = c->hearing_field;
		return (c->role == CSVIN_FIELD || c->role == CSVIN_HEARING) &&
		    c->hearing_field >= 0;
	}
	*field = c->field;
	return c->role == CSVIN_FIELD;
}

static void
apply_cell(struct importer *im, struct record *r, int f, const char *cell)
{
	struct cache_slot *slot = NULL;

	if (r->kind->fields[f].type != FIELD_AGENCY || !im->use_cache) {
		record_input(im->env, r, f, cell, &im->p);
		return;
	}
	buf_reset(&im->trim);
	text_trim(cell, &im->trim);
	if (im->trim.len > 0) {
		slot = cache_slot(im, im->trim.data, im->trim.len);
		if (slot->text != NULL) {
			char id[24];

			snprintf(id, sizeof(id), "%lld", (long long)slot->id);
			record_set(r, f, id);
			return;
		}
	}
	if (record_input(im->env, r, f, cell, &im->p) && slot != NULL &&
	    im->cache_n < CACHE_SLOTS / 2) {
		slot->text = xstrdup(im->trim.data);
		slot->id = record_int(r, f);
		im->cache_n++;
	}
}

static bool
same_values(const struct record *r)
{
	int i;

	if (r->loaded == NULL)
		return true;
	for (i = 0; i < r->kind->n_fields; i++)
		if (strcmp(r->values[i], r->loaded[i]) != 0)
			return false;
	return true;
}

/* A deleted record with the key comes back: saved as new, record_save restores it. */
static void
forget_stored(struct record *r)
{
	int i;

	if (r->loaded != NULL) {
		for (i = 0; i < r->kind->n_fields; i++)
			free(r->loaded[i]);
		free(r->loaded);
		r->loaded = NULL;
	}
	r->id = 0;
	r->version = 0;
	r->deleted = false;
}

static int
first_key(const struct kind_def *k)
{
	int f;

	for (f = 0; f < k->n_fields && !(k->fields[f].flags & FIELD_KEY); f++)
		;
	return f < k->n_fields ? f : -1;
}

/* The database failed while a cell was checked (a reference looked up): that stops the
 * import as a database error, never a refusal of the row. */
static int
db_fault(struct importer *im, struct duban_err *err)
{
	if (err != NULL)
		*err = im->p.fault;
	return im->p.fault.rc;
}

/* The record of kind k a row describes (sub: the hearing a litigation row carries). */
struct part {
	const struct kind_def *k;
	bool sub;
	struct record *r;
	bool keyed;		/* the key was read: a refusal remembers it */
};

/* A new key that is a stored one with other leading zeros ("12345" for "0012345") is taken
 * for the stored record whose zeros a spreadsheet dropped, not for a new one. */
static int
check_zero_twin(struct importer *im, const struct part *pt, struct duban_err *err)
{
	const struct kind_def *k = pt->k;
	int key = first_key(k);
	struct buf stored = BUF_INIT;
	int64_t twin = 0;
	int f;
	int rc;

	for (f = key + 1; f < k->n_fields; f++)
		if (k->fields[f].flags & FIELD_KEY)
			return DUBAN_OK;	/* keys of several fields: not a number alone */
	if (key < 0 || k == &agency_kind)
		return DUBAN_OK;
	rc = sheet_zero_twin(im->db, k, key, pt->r->values[key], &twin, &stored, err);
	if (rc == DUBAN_OK && twin != 0) {
		buf_reset(&im->text);
		buf_printf(&im->text, _("\"%s\" is new, but \"%s\" (record %lld) differs from it "
		    "only in leading zeros, which a spreadsheet drops from numbers: likely the same "
		    "record. Save the column as text in the spreadsheet (see doc/csv.md) and export "
		    "again, or correct the number"), pt->r->values[key], buf_str(&stored),
		    (long long)twin);
		refuse(im, column_of(im, k, key), buf_str(&im->text));
	}
	buf_release(&stored);
	return rc;
}

/* Build p->r from the row: its key, the stored record with that key (so that columns the file
 * lacks keep their values), then the other cells. shared: the key may have come before in
 * the file (a case repeated for each of its hearings) as long as the record stays as the
 * earlier row left it. For a hearing, case_id is its case's id ("" for a case that is new in
 * this row) and case_no the case number. Refusals go to the row; an error stops the import. */
static int
part_build(struct importer *im, struct part *pt, bool shared, const char *case_id,
    const char *case_no, struct duban_err *err)
{
	const struct kind_def *k = pt->k;
	const struct csvin_row *row = im->row;
	struct buf *key;
	long earlier = 0;
	int64_t id = 0;
	size_t i;
	int f;
	int rc;

	pt->r = record_new(k);
	im->p.n = 0;
	im->p.fault.rc = DUBAN_OK;
	for (i = 0; i < im->n_cols; i++) {
		if (!column_feeds(csvin_column(im->in, i), pt->sub, &f) ||
		    !(k->fields[f].flags & FIELD_KEY))
			continue;
		if (pt->sub && k->fields[f].type == FIELD_CASE)
			record_set(pt->r, f, case_id);
		else
			record_input(im->env, pt->r, f, row->cells[i], &im->p);
	}
	if (im->p.fault.rc != DUBAN_OK)
		return db_fault(im, err);
	if (im->p.n > 0) {
		refuse_problems(im, k, &im->p);
		return DUBAN_OK;
	}
	key = &im->keys[pt->sub];
	buf_reset(key);
	buf_addc(key, pt->sub ? 'h' : 'r');
	for (f = 0; f < k->n_fields; f++) {
		if (!(k->fields[f].flags & FIELD_KEY))
			continue;
		buf_addc(key, '\x1f');
		/* The case of a new case's hearing has no id yet: its number stands in. Text
		 * keys in the form they are compared in ("（2025）" is "(2025)"). */
		if (pt->sub && k->fields[f].type == FIELD_CASE)
			text_key_norm(case_no, key);
		else if (k->fields[f].type == FIELD_TEXT)
			text_key_norm(pt->r->values[f], key);
		else
			buf_adds(key, pt->r->values[f]);
	}
	pt->keyed = true;
	if (im->n_refused_keys > 0) {
		rc = seen_lookup(im, SEEN_REFUSED_GET, key, 0, &earlier, err);
		if (rc != DUBAN_OK)
			return rc;
	}
	if (!pt->sub || case_id[0] != '\0') {
		rc = record_find_key(im->db, pt->r, &id, err);
		if (rc == DUBAN_OK && id != 0 && earlier == 0)
			rc = seen_lookup(im, SEEN_DONE_GET, NULL, id * 2 + pt->sub, &earlier, err);
		if (rc != DUBAN_OK)
			return rc;
	}
	if (id == 0 && earlier == 0 && !pt->sub) {
		rc = check_zero_twin(im, pt, err);
		if (rc != DUBAN_OK || im->refused)
			return rc;
	}
	if (earlier > 0 && !shared) {
		buf_reset(&im->text);
		buf_printf(&im->text, _("the same record as line %ld (a key may appear once in a "
		    "file)"), earlier);
		refuse(im, column_of(im, k, first_key(k)), buf_str(&im->text));
		return DUBAN_OK;
	}
	if (id != 0) {
		record_free(pt->r);
		pt->r = NULL;
		rc = record_load(im->db, k, id, &pt->r, err);
		if (rc == DUBAN_OK && pt->r->deleted)
			forget_stored(pt->r);
		if (rc != DUBAN_OK)
			return rc;
	}
	for (i = 0; i < im->n_cols; i++) {
		if (column_feeds(csvin_column(im->in, i), pt->sub, &f) &&
		    !(k->fields[f].flags & (FIELD_KEY | FIELD_DERIVED)))
			apply_cell(im, pt->r, f, row->cells[i]);
	}
	if (im->p.fault.rc != DUBAN_OK)
		return db_fault(im, err);
	if (im->p.n > 0) {
		refuse_problems(im, k, &im->p);
		return DUBAN_OK;
	}
	if (earlier > 0 && !same_values(pt->r)) {
		buf_reset(&im->text);
		buf_printf(&im->text, _("the same case as line %ld, with other values; repeat a "
		    "case for each hearing with the same case columns"), earlier);
		refuse(im, NULL, buf_str(&im->text));
	}
	return DUBAN_OK;
}

/* The checks record_save will make of a hearing whose case is not saved yet, so that a row is
 * refused before either of its records is written. */
static void
precheck_hearing(struct importer *im, const struct part *pt)
{
	const struct kind_def *k = pt->k;
	int f;

	im->p.n = 0;
	im->p.fault.rc = DUBAN_OK;
	for (f = 0; f < k->n_fields; f++) {
		if ((k->fields[f].flags & FIELD_REQUIRED) && k->fields[f].type != FIELD_CASE &&
		    pt->r->values[f][0] == '\0')
			record_problem(&im->p, f, _("%s is required"), _(k->fields[f].label));
	}
	if (k->check != NULL)
		k->check(im->env, pt->r, &im->p);
	if (im->p.n > 0)
		refuse_problems(im, k, &im->p);
}

static int
part_save(struct importer *im, struct part *pt, enum record_outcome *outcome,
    struct duban_err *err)
{
	struct duban_err save_err;
	int rc;

	im->p.n = 0;
	im->p.fault.rc = DUBAN_OK;
	rc = record_save(im->env, pt->r, im->batch_id, outcome, &im->p, &save_err);
	if (rc == DUBAN_OK && pt->r->uncovered_year != 0) {
		im->res->n_uncovered++;
		if (im->res->uncovered_year == 0 || pt->r->uncovered_year < im->res->uncovered_year)
			im->res->uncovered_year = pt->r->uncovered_year;
	}
	if (rc == DUBAN_EINPUT) {
		if (im->p.n > 0)
			refuse_problems(im, pt->k, &im->p);
		else
			refuse(im, NULL, save_err.msg);
		return DUBAN_OK;
	}
	if (rc != DUBAN_OK && err != NULL)
		*err = save_err;
	return rc;
}

static bool
row_has_hearing(const struct importer *im)
{
	size_t i;

	for (i = 0; i < im->n_cols && i < im->row->n; i++)
		if (csvin_column(im->in, i)->role == CSVIN_HEARING && im->row->lens[i] > 0)
			return true;
	return false;
}

static void
check_shape(struct importer *im)
{
	const struct csvin_row *row = im->row;
	size_t i;

	if (row->n < im->n_cols) {
		buf_reset(&im->text);
		buf_printf(&im->text, _("the row has %zu cells but the header %zu; a line break "
		    "inside a cell needs the cell in quotes"), row->n, im->n_cols);
		refuse(im, NULL, buf_str(&im->text));
		return;
	}
	for (i = im->n_cols; i < row->n; i++) {
		if (row->lens[i] > 0) {
			buf_reset(&im->text);
			buf_printf(&im->text, _("the row has %zu cells but the header only %zu"),
			    row->n, im->n_cols);
			refuse(im, NULL, buf_str(&im->text));
			return;
		}
	}
	for (i = 0; i < im->n_cols; i++) {
		const struct csvin_column *c = csvin_column(im->in, i);

		if (c->role != CSVIN_UNKNOWN && c->role != CSVIN_REJECTS &&
		    strlen(row->cells[i]) != row->lens[i])
			refuse(im, c->header,
			    _("holds a NUL byte; the file is damaged or not text"));
	}
}

/* In a file read as GB18030, a cell that was UTF-8 Chinese text: GB18030 decodes its bytes
 * without an error into nonsense ("中文" -> "涓枃"), which would be stored. GB18030 maps
 * to Unicode one to one, so encoding the cell again gives back the file's bytes. */
static void
check_encoding(struct importer *im)
{
	const struct csvin_row *row = im->row;
	struct duban_err err;
	size_t i;

	if (csvin_encoding(im->in) != ENCODING_GB18030)
		return;
	if (im->gb == NULL)
		im->gb = encoding_encoder_new(ENCODING_GB18030);
	for (i = 0; i < im->n_cols && i < row->n; i++) {
		const struct csvin_column *c = csvin_column(im->in, i);
		const char *p;

		if (c->role != CSVIN_FIELD && c->role != CSVIN_HEARING)
			continue;	/* ignored columns are not stored */
		for (p = row->cells[i]; *p != '\0' && (unsigned char)*p < 0x80; p++)
			;
		if (*p == '\0')
			continue;
		buf_reset(&im->text);
		if (encoding_encode(im->gb, row->cells[i], row->lens[i], &im->text, &err) !=
		    DUBAN_OK || !encoding_looks_utf8(buf_str(&im->text), im->text.len))
			continue;
		buf_reset(&im->text);
		buf_printf(&im->text, _("this cell is UTF-8 text in a file read as GB18030 (it "
		    "would be stored as \"%.*s\"); save the whole file in one encoding"),
		    (int)text_fit(row->cells[i], 40, NULL), row->cells[i]);
		refuse(im, c->header, buf_str(&im->text));
	}
}

/* What a spreadsheet did to a cell of a text field: a long number in E notation (its digits
 * are lost), Chinese saved as "?". */
static void
check_spreadsheet(struct importer *im)
{
	const struct csvin_row *row = im->row;
	size_t i;

	for (i = 0; i < im->n_cols && i < row->n; i++) {
		const struct csvin_column *c = csvin_column(im->in, i);
		const struct field_def *f;

		if (c->role == CSVIN_FIELD)
			f = &im->kind->fields[c->field];
		else if (c->role == CSVIN_HEARING)
			f = &hearing_kind.fields[c->hearing_field];
		else
			continue;
		if (f->type != FIELD_TEXT && f->type != FIELD_CASE && !(f->flags & FIELD_KEY))
			continue;
		if (sheet_is_e_notation(row->cells[i]))
			refuse(im, c->header, _("a spreadsheet turned this into a number; save the "
			    "column as text (see doc/csv.md) and export again"));
		else if (sheet_is_lost_text(row->cells[i]))
			refuse(im, c->header, _("this text became \"?\": the file was saved in an "
			    "encoding without Chinese characters; save it again as UTF-8 (see "
			    "doc/csv.md)"));
	}
}

/* Remember what became of a part of the row, for its key's next row. */
static int
part_finish(struct importer *im, const struct part *pt, struct duban_err *err)
{
	int rc = DUBAN_OK;

	if (im->refused && pt->keyed) {
		rc = seen_add(im, SEEN_REFUSED_ADD, &im->keys[pt->sub], 0, err);
		if (rc == DUBAN_OK && sqlite3_changes(db_sqlite(im->db)) > 0)
			im->n_refused_keys++;
	} else if (!im->refused && pt->r != NULL && pt->r->id != 0) {
		rc = seen_add(im, SEEN_DONE_ADD, NULL, pt->r->id * 2 + pt->sub, err);
	}
	return rc;
}

/* A litigation row with a hearing: both records are built and checked before either is
 * written, so a refusal leaves nothing behind without a savepoint (whose journal would cost
 * more than the rest of the row). */
static int
process_pair(struct importer *im, enum record_outcome *main_out,
    enum record_outcome *hearing_out, struct duban_err *err)
{
	struct part lit = { im->kind, false, NULL, false };
	struct part hr = { &hearing_kind, true, NULL, false };
	char case_id[24] = "";
	int rc;

	rc = part_build(im, &lit, true, NULL, NULL, err);
	if (rc != DUBAN_OK || im->refused)
		goto out;
	if (lit.r->id != 0)
		snprintf(case_id, sizeof(case_id), "%lld", (long long)lit.r->id);
	rc = part_build(im, &hr, false, case_id, lit.r->values[first_key(im->kind)], err);
	if (rc != DUBAN_OK || im->refused)
		goto out;
	precheck_hearing(im, &hr);
	if (im->refused)
		goto out;
	rc = part_save(im, &lit, main_out, err);
	if (rc != DUBAN_OK || im->refused)
		goto out;
	snprintf(case_id, sizeof(case_id), "%lld", (long long)lit.r->id);
	record_set(hr.r, first_key(&hearing_kind), case_id);
	rc = part_save(im, &hr, hearing_out, err);
	if (rc == DUBAN_OK && im->refused) {
		/* The prechecks are record_save's own; reaching here means they drifted apart. The
		 * case is written already, so the row cannot be refused alone: stop. */
		rc = duban_err_set(err, DUBAN_EINPUT, _("the hearing of this row was refused after "
		    "its case was saved (%s); nothing was imported"), buf_str(&im->reason));
	}
out:
	if (rc == DUBAN_OK)
		rc = part_finish(im, &lit, err);
	if (rc == DUBAN_OK)
		rc = part_finish(im, &hr, err);
	record_free(lit.r);
	record_free(hr.r);
	return rc;
}

static int
process_row(struct importer *im, struct duban_err *err)
{
	enum record_outcome main_out = RECORD_UNCHANGED;
	enum record_outcome hearing_out = RECORD_UNCHANGED;
	bool hearing = false;
	int rc = DUBAN_OK;

	im->refused = false;
	buf_reset(&im->reason);
	check_shape(im);
	if (!im->refused)
		check_encoding(im);
	if (!im->refused)
		check_spreadsheet(im);
	if (!im->refused) {
		hearing = csvin_has_hearing(im->in) && row_has_hearing(im);
		if (hearing) {
			rc = process_pair(im, &main_out, &hearing_out, err);
		} else {
			struct part pt = { im->kind, false, NULL, false };

			rc = part_build(im, &pt, false, NULL, NULL, err);
			if (rc == DUBAN_OK && !im->refused)
				rc = part_save(im, &pt, &main_out, err);
			if (rc == DUBAN_OK)
				rc = part_finish(im, &pt, err);
			record_free(pt.r);
		}
		if (rc != DUBAN_OK)
			return rc;
	}
	if (im->refused) {
		im->res->n_refused++;
		if (im->o->skip_invalid && !im->o->dry_run)
			rc = rejects_row(im, err);
		return rc;
	}
	if (main_out == RECORD_NEW)
		im->res->n_new++;
	else if (main_out == RECORD_UPDATED || main_out == RECORD_RESTORED ||
	    (hearing && hearing_out != RECORD_UNCHANGED))
		im->res->n_updated++;
	else
		im->res->n_unchanged++;
	if (hearing) {
		if (hearing_out == RECORD_NEW)
			im->res->hearings_new++;
		else if (hearing_out == RECORD_UPDATED || hearing_out == RECORD_RESTORED)
			im->res->hearings_updated++;
		else
			im->res->hearings_unchanged++;
	}
	return DUBAN_OK;
}

/* ---- the import ------------------------------------------------------------------------- */

static int
start_batch(struct importer *im, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = db_exec(im->db, "CREATE TEMP TABLE IF NOT EXISTS import_done (id INTEGER PRIMARY KEY,"
	    " line INTEGER NOT NULL); CREATE TEMP TABLE IF NOT EXISTS import_refused (key TEXT"
	    " PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID; DELETE FROM temp.import_done;"
	    " DELETE FROM temp.import_refused", err);
	if (rc == DUBAN_OK)
		rc = db_prepare(im->db, "INSERT INTO import_batches (file, kind, login, started_at)"
		    " VALUES (?1, ?2, ?3, ?4)", &st, err);
	if (rc != DUBAN_OK)
		return rc;
	sqlite3_bind_text(st, 1, im->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, im->kind->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, db_actor_login(im->db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, db_actor_now(im->db), -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(im->db, _("recording the import"), err);
	else
		im->batch_id = sqlite3_last_insert_rowid(db_sqlite(im->db));
	sqlite3_finalize(st);
	return rc;
}

static int
finish_batch(struct importer *im, struct duban_err *err)
{
	const struct import_result *res = im->res;
	sqlite3_stmt *st = NULL;
	int rc;

	rc = db_prepare(im->db, "UPDATE import_batches SET rows_new = ?1, rows_updated = ?2,"
	    " rows_unchanged = ?3, rows_refused = ?4 WHERE id = ?5", &st, err);
	if (rc != DUBAN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, res->n_new);
	sqlite3_bind_int64(st, 2, res->n_updated);
	sqlite3_bind_int64(st, 3, res->n_unchanged);
	sqlite3_bind_int64(st, 4, res->n_refused);
	sqlite3_bind_int64(st, 5, im->batch_id);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(im->db, _("recording the import"), err);
	sqlite3_finalize(st);
	/* A file that changed nothing (a header alone, rows all unchanged or refused) is no
	 * batch: the list of imports names only those that wrote something. */
	if (rc == DUBAN_OK && res->n_new + res->n_updated + res->hearings_new +
	    res->hearings_updated == 0) {
		st = NULL;
		rc = db_prepare(im->db, "DELETE FROM import_batches WHERE id = ?1", &st, err);
		if (rc == DUBAN_OK) {
			sqlite3_bind_int64(st, 1, im->batch_id);
			if (sqlite3_step(st) != SQLITE_DONE)
				rc = db_fail(im->db, _("recording the import"), err);
			else
				im->batch_id = 0;
			sqlite3_finalize(st);
		}
	}
	if (rc == DUBAN_OK)
		rc = db_exec(im->db, "DROP TABLE temp.import_done; DROP TABLE temp.import_refused",
		    err);
	return rc;
}

/* SQLite's page cache, in KiB, during an import. The default 2 MB made every row spill index
 * pages to the WAL and read them back (a million rows: 16 s of system time of 48); a fixed
 * 32 MB keeps the hot index pages, and memory still does not grow with the file. */
#define IMPORT_CACHE_KIB 32768

static int
cache_size(struct db *db)
{
	sqlite3_stmt *st = NULL;
	int n = 0;

	if (db_prepare(db, "PRAGMA cache_size", &st, NULL) == DUBAN_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void
set_cache_size(struct db *db, int n)
{
	char sql[64];

	/* Built from an integer, not from input. */
	snprintf(sql, sizeof(sql), "PRAGMA cache_size = %d", n);
	db_exec(db, sql, NULL);
}

/* At most this many unknown columns are named in the warning; the rest are counted. */
#define WARN_COLUMNS_NAMED 5

/* One warning for every column without a name, one for every column that is no field: a
 * file of thousands of stray columns gets two lines, not thousands. */
static void
warn_columns(struct importer *im)
{
	struct buf unnamed = BUF_INIT;
	struct buf unknown = BUF_INIT;
	struct buf msg = BUF_INIT;
	size_t n_unnamed = 0;
	size_t n_unknown = 0;
	size_t i;

	if (im->o->warn == NULL)
		return;
	for (i = 0; i < im->n_cols; i++) {
		const struct csvin_column *c = csvin_column(im->in, i);

		if (c->role != CSVIN_UNKNOWN)
			continue;
		if (c->header[0] == '\0') {
			if (n_unnamed++ < WARN_COLUMNS_NAMED)
				buf_printf(&unnamed, "%s%zu", unnamed.len > 0 ? ", " : "", i + 1);
		} else if (n_unknown++ < WARN_COLUMNS_NAMED) {
			buf_printf(&unknown, "%s%zu \"", unknown.len > 0 ? ", " : "", i + 1);
			text_sanitize(c->header, &unknown);
			buf_addc(&unknown, '"');
		}
	}
	if (n_unnamed > WARN_COLUMNS_NAMED)
		buf_printf(&unnamed, P_(" and %zu more", " and %zu more",
		    n_unnamed - WARN_COLUMNS_NAMED), n_unnamed - WARN_COLUMNS_NAMED);
	if (n_unknown > WARN_COLUMNS_NAMED)
		buf_printf(&unknown, P_(" and %zu more", " and %zu more",
		    n_unknown - WARN_COLUMNS_NAMED), n_unknown - WARN_COLUMNS_NAMED);
	if (n_unknown == 1) {
		buf_printf(&msg, _("%s: column %s is not a field of %s records; it is ignored"),
		    im->name, buf_str(&unknown), record_kind_word(im->kind));
		im->o->warn(im->o->arg, buf_str(&msg));
	} else if (n_unknown > 1) {
		buf_printf(&msg, _("%s: %zu columns are not fields of %s records and are ignored: "
		    "%s"), im->name, n_unknown, record_kind_word(im->kind), buf_str(&unknown));
		im->o->warn(im->o->arg, buf_str(&msg));
	}
	buf_reset(&msg);
	if (n_unnamed == 1) {
		buf_printf(&msg, _("%s: column %s has no name; it is ignored"), im->name,
		    buf_str(&unnamed));
		im->o->warn(im->o->arg, buf_str(&msg));
	} else if (n_unnamed > 1) {
		buf_printf(&msg, _("%s: %zu columns have no name (%s); they are ignored"),
		    im->name, n_unnamed, buf_str(&unnamed));
		im->o->warn(im->o->arg, buf_str(&msg));
	}
	buf_release(&unnamed);
	buf_release(&unknown);
	buf_release(&msg);
}

/* A total row a spreadsheet keeps under the data is no record: skipped, and said. */
static void
warn_total(struct importer *im)
{
	struct buf msg = BUF_INIT;

	im->res->n_totals++;
	if (im->o->warn == NULL)
		return;
	buf_printf(&msg, _("%s:%ld: a total row, not a record; it is skipped"), im->name,
	    im->row->line);
	im->o->warn(im->o->arg, buf_str(&msg));
	buf_release(&msg);
}

/* Title rows above the header are skipped: say so, in case one was meant as the header. */
static void
warn_titles(struct importer *im)
{
	struct buf msg = BUF_INIT;
	struct buf shown = BUF_INIT;
	const char *title;
	int n = csvin_title_rows(im->in, &title);

	if (n == 0 || im->o->warn == NULL)
		return;
	text_sanitize(title, &msg);
	buf_add(&shown, buf_str(&msg), text_fit(buf_str(&msg), 40, NULL));
	buf_reset(&msg);
	title = buf_str(&shown);
	if (n == 1)
		buf_printf(&msg, _("%s: the header is on line %ld; the row above it (\"%s\") is "
		    "taken for a title and skipped"), im->name, csvin_header(im->in)->line, title);
	else
		buf_printf(&msg, _("%s: the header is on line %ld; the %d rows above it (\"%s\" "
		    "...) are taken for titles and skipped"), im->name,
		    csvin_header(im->in)->line, n, title);
	im->o->warn(im->o->arg, buf_str(&msg));
	buf_release(&msg);
	buf_release(&shown);
}

static int
read_rows(struct importer *im, struct duban_err *err)
{
	const struct import_opts *o = im->o;
	int rc;

	for (;;) {
		if (o->cancel != NULL && *o->cancel)
			return duban_err_set(err, DUBAN_EINPUT,
			    _("the import was interrupted; nothing was written"));
		rc = csvin_next(im->in, &im->row, err);
		if (rc != DUBAN_OK || im->row == NULL)
			return rc;
		if (sheet_is_total_row(im->row->cells, im->row->n)) {
			warn_total(im);
			continue;
		}
		im->res->rows++;
		rc = process_row(im, err);
		if (rc != DUBAN_OK) {
			if (err != NULL && err->where[0] == '\0')
				duban_err_where(err, "%s:%ld", im->name, im->row->line);
			return rc;
		}
		if (o->progress != NULL && im->res->rows % PROGRESS_EVERY == 0)
			o->progress(o->arg, im->res->rows, csvin_offset(im->in),
			    csvin_total(im->in));
	}
}

int
import_run(const struct record_env *env, const struct import_opts *o,
    struct import_result *res, struct duban_err *err)
{
	struct importer im;
	struct csvin_opts co;
	int old_cache;
	int rc;
	int end_rc;

	memset(res, 0, sizeof(*res));
	memset(&im, 0, sizeof(im));
	im.env = env;
	im.db = env->db;
	im.o = o;
	im.name = o->name != NULL ? o->name : o->path;
	im.res = res;
	rc = access_require(env->db, ACCESS_IMPORT, err);
	if (rc != DUBAN_OK)
		return rc;
	memset(&co, 0, sizeof(co));
	co.encoding = o->encoding;
	co.kind = o->kind;
	co.aliases = o->aliases;
	co.n_aliases = o->n_aliases;
	co.sheet = o->sheet;
	rc = csvin_open(o->path, im.name, &co, &im.in, err);
	if (rc != DUBAN_OK)
		return rc;
	im.kind = csvin_kind(im.in);
	res->kind = im.kind;
	/* Agencies and assessment items need more than importing: say so before any row. */
	if (im.kind->write_access != ACCESS_EDIT_RECORDS &&
	    (rc = access_require(env->db, (enum access_action)im.kind->write_access, err)) !=
	    DUBAN_OK) {
		csvin_close(im.in);
		return rc;
	}
	im.n_cols = csvin_n_columns(im.in);
	im.zh = csvin_zh_headers(im.in);
	res->delimiter = csvin_delimiter(im.in);
	if (csvin_sheet(im.in) != NULL)
		res->sheet = xstrdup(csvin_sheet(im.in));
	/* An agency file may rename the agencies later rows name: no cache then. */
	im.use_cache = im.kind != &agency_kind;
	if (im.use_cache)
		im.cache = xcalloc(CACHE_SLOTS, sizeof(*im.cache));
	if (o->rejects_path != NULL)
		buf_adds(&im.rejects_path, o->rejects_path);
	else
		import_default_rejects_path(o->path, &im.rejects_path);
	warn_titles(&im);
	warn_columns(&im);
	old_cache = cache_size(im.db);
	if (old_cache != 0 && old_cache > -IMPORT_CACHE_KIB)
		set_cache_size(im.db, -IMPORT_CACHE_KIB);
	rc = db_begin(im.db, err);
	if (rc == DUBAN_OK) {
		rc = start_batch(&im, err);
		if (rc == DUBAN_OK)
			rc = read_rows(&im, err);
		if (o->progress != NULL && rc == DUBAN_OK)
			o->progress(o->arg, res->rows, csvin_offset(im.in), csvin_total(im.in));
		if (rc == DUBAN_OK)
			rc = finish_batch(&im, err);
		if (rc == DUBAN_OK && res->n_refused > 0 && !o->skip_invalid) {
			if (o->dry_run)
				duban_err_set(err, DUBAN_EINPUT, _("%s: %lld of %lld rows would "
				    "be refused, so nothing would be imported"), im.name,
				    (long long)res->n_refused, (long long)res->rows);
			else
				duban_err_set(err, DUBAN_EINPUT, _("%s: %lld of %lld rows were "
				    "refused, so nothing was imported; correct them, or import the "
				    "others with --skip-invalid"), im.name,
				    (long long)res->n_refused, (long long)res->rows);
			rc = DUBAN_EINPUT;
		}
		if (rc == DUBAN_OK && o->dry_run) {
			/* Everything was checked against the database as it would be; undo it. */
			db_end(im.db, DUBAN_EINPUT, NULL);
		} else {
			end_rc = db_end(im.db, rc, err);
			if (rc == DUBAN_OK && end_rc == DUBAN_OK) {
				res->written = true;
				res->batch_id = im.batch_id;
			}
			rc = end_rc;
		}
	}
	if (old_cache != 0 && old_cache > -IMPORT_CACHE_KIB)
		set_cache_size(im.db, old_cache);
	res->encoding = csvin_encoding(im.in);
	end_rc = rejects_finish(&im, rc == DUBAN_OK && res->written, err);
	if (rc == DUBAN_OK)
		rc = end_rc;
	csvin_close(im.in);
	cache_free(&im);
	encoding_encoder_free(im.gb);
	buf_release(&im.reason);
	buf_release(&im.keys[0]);
	buf_release(&im.keys[1]);
	buf_release(&im.trim);
	buf_release(&im.text);
	buf_release(&im.rejects_path);
	safefile_abort(im.rejects_file);
	return rc;
}

void
import_result_release(struct import_result *res)
{
	if (res == NULL)
		return;
	free(res->rejects_path);
	res->rejects_path = NULL;
	free(res->sheet);
	res->sheet = NULL;
}
