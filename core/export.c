/* core/export.c: records out to CSV or JSON. CSV cells are what record_display gives with
 * csv_words (dates YYYY-MM-DD, 是/否, Chinese enumeration words, agency names, case numbers),
 * quoted by libcsv, so the import reads them back to the same stored values. A cell that a
 * spreadsheet would run as a formula (= + - @ tab CR) gets a leading apostrophe, which the
 * import removes again (text_csv_guard). Never prints:
 * the caller hands in the stream or the path. */
#include "duban/export.h"

#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <sqlite3.h>

#include "duban/access.h"
#include "duban/agency.h"
#include "duban/buf.h"
#include "duban/db_sql.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/json.h"
#include "duban/mem.h"
#include "duban/record.h"
#include "duban/safefile.h"
#include "duban/text.h"
#include "duban/xlsx_out.h"

struct export {
	const struct record_env *env;
	struct export_opts o;
	FILE *f;
	struct safefile *out_file;	/* o.path: written beside, renamed at the end */
	struct encoding_encoder *enc;
	struct buf line;	/* one record, UTF-8 */
	struct buf out;		/* the same, encoded */
	struct buf value;
	struct buf guarded;	/* value with a formula guard (text_csv_guard) */
	char *quoted;
	size_t quoted_cap;
	int64_t n;
	struct xlsx_out *xl;		/* EXPORT_XLSX */
	const struct kind_def *kind;	/* of the records now written */
};

static void
add_cell(struct export *ex, const char *s, size_t len, bool first)
{
	size_t need = csv_write(NULL, 0, s, len);

	if (need > ex->quoted_cap) {
		ex->quoted = xrealloc(ex->quoted, need);
		ex->quoted_cap = need;
	}
	csv_write(ex->quoted, ex->quoted_cap, s, len);
	if (!first)
		buf_addc(&ex->line, ',');
	buf_add(&ex->line, ex->quoted, need);
}

/* Encode and write ex->line. */
static int
flush_line(struct export *ex, struct duban_err *err)
{
	const struct buf *b = &ex->line;
	int rc = DUBAN_OK;

	if (ex->o.format == EXPORT_CSV && ex->o.encoding == ENCODING_GB18030) {
		buf_reset(&ex->out);
		rc = encoding_encode(ex->enc, b->data, b->len, &ex->out, err);
		b = &ex->out;
	}
	if (rc == DUBAN_OK && b->len > 0 && fwrite(b->data, 1, b->len, ex->f) != b->len)
		rc = duban_err_set(err, DUBAN_EINPUT, _("%s could not be written (disk full?)"),
		    ex->o.path != NULL ? ex->o.path : _("the output"));
	buf_reset(&ex->line);
	return rc;
}

/* A workbook goes to the temporary file beside o.path that safefile made: libxlsxwriter
 * writes it by name when it closes, and safefile renames it into place. */
static int
xlsx_open(struct export *ex, struct duban_err *err)
{
	const char *tmp = safefile_temp_path(ex->out_file);

	if (tmp == NULL)
		return duban_err_set(err, DUBAN_EUSAGE, _("%s is not a regular file; a workbook "
		    "(.xlsx) needs one"), ex->o.path);
	return xlsx_out_open(tmp, ex->o.path, &ex->xl, err);
}

static enum xlsx_type
xlsx_type_of(const struct field_def *f)
{
	return f->type == FIELD_DATE ? XLSX_DATE : f->type == FIELD_INT ? XLSX_NUMBER : XLSX_TEXT;
}

int
export_add_sheet(struct export *ex, const struct kind_def *kind, struct duban_err *err)
{
	const char **headers;
	int rc;
	int i;

	if (ex->xl == NULL)
		return DUBAN_OK;
	headers = xcalloc((size_t)kind->n_fields, sizeof(*headers));
	for (i = 0; i < kind->n_fields; i++)
		headers[i] = ex->o.zh_headers ? kind->fields[i].zh : kind->fields[i].csv;
	rc = xlsx_out_sheet(ex->xl, _(kind->label), headers, (size_t)kind->n_fields, err);
	free(headers);
	ex->kind = kind;
	return rc;
}

int
export_open(const struct record_env *env, const struct export_opts *o, struct export **out,
    struct duban_err *err)
{
	struct export *ex = NULL;
	int rc;
	int i;

	rc = access_require(env->db, ACCESS_EXPORT, err);
	if (rc != DUBAN_OK)
		return rc;
	if (o->format == EXPORT_JSON && o->encoding == ENCODING_GB18030)
		return duban_err_set(err, DUBAN_EUSAGE, _("JSON is always UTF-8; --encoding "
		    "gb18030 is for CSV"));
	if (o->format == EXPORT_XLSX && (o->encoding == ENCODING_GB18030 || o->path == NULL))
		return duban_err_set(err, DUBAN_EUSAGE, o->path == NULL ? _("a workbook (.xlsx) is "
		    "written to a file: give -o FILE.xlsx") : _("a workbook (.xlsx) is always "
		    "Unicode; --encoding gb18030 is for CSV"));
	if (o->path != NULL && safefile_same_file(o->path, db_path(env->db)))
		return duban_err_set(err, DUBAN_EUSAGE, _("%s is the database itself; give "
		    "another file name"), o->path);
	ex = xcalloc(1, sizeof(*ex));
	ex->env = env;
	ex->o = *o;
	if (ex->o.encoding == ENCODING_AUTO)
		ex->o.encoding = ENCODING_UTF8;
	ex->enc = encoding_encoder_new(ex->o.encoding);
	if (o->path != NULL) {
		rc = safefile_open(o->path, 0, &ex->out_file, err);
		if (rc != DUBAN_OK) {
			export_close(ex, false, NULL);
			return rc;
		}
		ex->f = safefile_stream(ex->out_file);
		if (o->format == EXPORT_XLSX)
			rc = xlsx_open(ex, err);
		if (rc != DUBAN_OK) {
			export_close(ex, false, NULL);
			return rc;
		}
	} else {
		ex->f = o->stream;
	}
	ex->kind = o->kind;
	if (o->format == EXPORT_JSON) {
		buf_adds(&ex->line, "[");
	} else if (o->format == EXPORT_XLSX) {
		rc = export_add_sheet(ex, o->kind, err);
		if (rc != DUBAN_OK) {
			export_close(ex, false, NULL);
			return rc;
		}
	} else {
		/* A BOM tells Excel the file is UTF-8; GB18030 is what it reads without one. */
		if (ex->o.encoding == ENCODING_UTF8)
			buf_adds(&ex->line, "\xEF\xBB\xBF");
		for (i = 0; i < o->kind->n_fields; i++) {
			const struct field_def *f = &o->kind->fields[i];
			const char *h = o->zh_headers ? f->zh : f->csv;

			add_cell(ex, h, strlen(h), i == 0);
		}
		buf_adds(&ex->line, "\r\n");
	}
	rc = flush_line(ex, err);
	if (rc != DUBAN_OK) {
		export_close(ex, false, NULL);
		return rc;
	}
	*out = ex;
	return DUBAN_OK;
}

static void
json_record(struct export *ex, const struct record *r)
{
	struct buf *b = &ex->line;
	int i;

	buf_printf(b, "%s\n{\"id\":%lld", ex->n > 0 ? "," : "", (long long)r->id);
	for (i = 0; i < r->kind->n_fields; i++) {
		const struct field_def *f = &r->kind->fields[i];
		const char *v = r->values[i];

		buf_addc(b, ',');
		json_add_string(b, f->csv);
		buf_addc(b, ':');
		if (f->type == FIELD_BOOL) {
			buf_adds(b, strcmp(v, "1") == 0 ? "true" : "false");
		} else if (v[0] == '\0' && f->type != FIELD_TEXT) {
			buf_adds(b, "null");
		} else if (f->type == FIELD_INT) {
			json_add_integer(b, v);
		} else if (f->type == FIELD_AGENCY || f->type == FIELD_CASE ||
		    (f->flags & FIELD_SECRET)) {
			/* References by name, as people and the CSV know them; personal data
			 * masked except to an admin. */
			buf_reset(&ex->value);
			record_display(ex->env, r, i, true, &ex->value);
			json_add_string(b, buf_str(&ex->value));
		} else {
			json_add_string(b, v);
		}
	}
	buf_addc(b, '}');
}

int
export_record(struct export *ex, const struct record *r, struct duban_err *err)
{
	int i;
	int rc;

	if (ex->o.format == EXPORT_JSON) {
		json_record(ex, r);
	} else if (ex->xl != NULL) {
		/* Typed cells, no formula guard: a workbook's text cell is never a formula. */
		for (i = 0; i < r->kind->n_fields; i++) {
			buf_reset(&ex->value);
			record_display(ex->env, r, i, true, &ex->value);
			xlsx_out_cell(ex->xl, (size_t)i, xlsx_type_of(&r->kind->fields[i]),
			    buf_str(&ex->value));
		}
		xlsx_out_end_row(ex->xl);
		ex->n++;
		return DUBAN_OK;
	} else {
		for (i = 0; i < r->kind->n_fields; i++) {
			buf_reset(&ex->value);
			record_display(ex->env, r, i, true, &ex->value);
			buf_reset(&ex->guarded);
			text_csv_guard(buf_str(&ex->value), ex->value.len, &ex->guarded);
			add_cell(ex, buf_str(&ex->guarded), ex->guarded.len, i == 0);
		}
		buf_adds(&ex->line, "\r\n");
	}
	rc = flush_line(ex, err);
	if (rc == DUBAN_OK)
		ex->n++;
	return rc;
}

int
export_close(struct export *ex, bool ok, struct duban_err *err)
{
	int rc = DUBAN_OK;

	if (ex == NULL)
		return DUBAN_OK;
	if (ok && ex->o.format == EXPORT_JSON) {
		buf_adds(&ex->line, ex->n > 0 ? "\n]\n" : "]\n");
		rc = flush_line(ex, err);
		ok = rc == DUBAN_OK;
	}
	if (ex->xl != NULL) {
		rc = xlsx_out_close(ex->xl, ok, err);
		ok = ok && rc == DUBAN_OK;
	}
	if (ex->out_file != NULL) {
		if (ok)
			rc = safefile_commit(ex->out_file, err);
		else
			safefile_abort(ex->out_file);
	} else if (ex->f != NULL && ok && (fflush(ex->f) != 0 || ferror(ex->f) != 0)) {
		rc = duban_err_set(err, DUBAN_EINPUT, _("the output could not be written"));
	}
	encoding_encoder_free(ex->enc);
	buf_release(&ex->line);
	buf_release(&ex->out);
	buf_release(&ex->value);
	buf_release(&ex->guarded);
	free(ex->quoted);
	free(ex);
	return rc;
}

/* Every live record of kind into ex (agencies parents first, others by id). */
static int
export_rows(const struct record_env *env, struct export *ex, const struct kind_def *kind,
    struct duban_err *err)
{
	/* Parents before the agencies under them, so that the file imports in one pass. */
	static const char agencies_sql[] =
	    "WITH RECURSIVE depth(id, d) AS ("
	    " SELECT id, 0 FROM agencies WHERE parent_id IS NULL"
	    " UNION ALL SELECT a.id, depth.d + 1 FROM agencies a JOIN depth"
	    " ON a.parent_id = depth.id WHERE depth.d < 64)"
	    " SELECT a.id FROM agencies a LEFT JOIN (SELECT id, max(d) AS d FROM depth"
	    " GROUP BY id) x ON x.id = a.id WHERE a.deleted = 0 ORDER BY coalesce(x.d, 0), a.id";
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc;
	int step = SQLITE_DONE;

	if (kind == &agency_kind)
		buf_adds(&sql, agencies_sql);
	else
		buf_printf(&sql, "SELECT id FROM %s WHERE deleted = 0 ORDER BY id", kind->table);
	rc = db_prepare(env->db, buf_str(&sql), &st, err);
	while (rc == DUBAN_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct record *r = NULL;

		rc = record_load(env->db, kind, sqlite3_column_int64(st, 0), &r, err);
		if (rc == DUBAN_OK)
			rc = export_record(ex, r, err);
		record_free(r);
	}
	if (rc == DUBAN_OK && step != SQLITE_DONE)
		rc = db_fail(env->db, _("reading the records to export"), err);
	sqlite3_finalize(st);
	buf_release(&sql);
	return rc;
}

int
export_kind(const struct record_env *env, const struct export_opts *o, int64_t *n,
    struct duban_err *err)
{
	struct export *ex = NULL;
	int rc;
	int close_rc;

	rc = export_open(env, o, &ex, err);
	if (rc != DUBAN_OK)
		return rc;
	rc = export_rows(env, ex, o->kind, err);
	*n = ex->n;
	close_rc = export_close(ex, rc == DUBAN_OK, err);
	return rc != DUBAN_OK ? rc : close_rc;
}

int
export_kinds(const struct record_env *env, const struct export_opts *o,
    const struct kind_def *const *kinds, size_t n_kinds, int64_t *counts,
    struct duban_err *err)
{
	struct export_opts first = *o;
	struct export *ex = NULL;
	int64_t before;
	size_t i;
	int rc;
	int close_rc;

	if (n_kinds == 0 || (n_kinds > 1 && o->format != EXPORT_XLSX))
		return duban_err_set(err, DUBAN_EUSAGE, _("several kinds are exported together "
		    "only as a workbook (--format xlsx), a sheet each"));
	first.kind = kinds[0];
	rc = export_open(env, &first, &ex, err);
	for (i = 0; rc == DUBAN_OK && i < n_kinds; i++) {
		if (i > 0)
			rc = export_add_sheet(ex, kinds[i], err);
		before = ex->n;
		if (rc == DUBAN_OK)
			rc = export_rows(env, ex, kinds[i], err);
		counts[i] = ex->n - before;
	}
	if (ex == NULL)
		return rc;
	close_rc = export_close(ex, rc == DUBAN_OK, err);
	return rc != DUBAN_OK ? rc : close_rc;
}
