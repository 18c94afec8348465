/* core/csvin.c: CSV rows from a file, one at a time. libcsv parses; this module feeds it one
 * physical line at a time so that every row knows the line it starts on (libcsv itself counts
 * nothing), and maps the header to a kind's fields. Memory is bounded by the longest row. */
#include "duban/csvin.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "duban/buf.h"
#include "duban/err.h"
#include "duban/hearing.h"
#include "duban/i18n.h"
#include "duban/litigation.h"
#include "duban/mem.h"
#include "duban/record.h"
#include "duban/sheet.h"
#include "duban/text.h"
#include "duban/xlsx_in.h"

/* A longer field is taken for a quote left open, not for data. */
#define FIELD_MAX ((size_t)64 << 20)
/* How far to look for the end of the header line when choosing the delimiter. */
#define FIRST_LINE_MAX ((size_t)1 << 20)

/* libcsv's parser states (libcsv.c): FIELD_BEGUN with quoted set is inside "...". */
#define LIBCSV_FIELD_BEGUN 2

struct csvin {
	FILE *f;
	bool owns_f;
	char *name;
	uint64_t total;
	struct encoding_reader *rd;
	struct csv_parser p;
	unsigned char delim;
	size_t blk_size;

	/* Input not yet fed to the parser: the read-ahead header line, then reader chunks. */
	struct buf first;
	bool first_served;
	const char *chunk;
	size_t chunk_len;
	size_t chunk_pos;
	bool input_eof;
	bool fini_done;

	long line;		/* line of the next byte fed */
	bool after_cr;		/* the last byte fed was a CR ending a line */
	long row_line;
	bool row_begun;
	bool row_done;

	/* The row being assembled, reused from row to row. */
	struct buf *cell_bufs;
	size_t n_cells;
	size_t cap_cells;
	const char **cell_ptrs;
	size_t *cell_lens;
	struct csvin_row row;

	struct csvin_row header;
	struct csvin_column *cols;
	size_t n_cols;
	const struct kind_def *kind;
	bool zh;
	bool has_hearing;
	bool header_read;	/* rows from now on are data */
	struct xlsx_in *xl;	/* a workbook's sheet instead of CSV text (csvin_open_xlsx) */
	int n_titles;		/* title rows above the header, skipped */
	char *title;		/* the first one's text */
};

static void
on_field(void *s, size_t len, void *arg)
{
	struct csvin *c = arg;
	struct buf *b;

	if (c->n_cells == c->cap_cells) {
		size_t cap = c->cap_cells ? c->cap_cells * 2 : 32;
		size_t i;

		c->cell_bufs = xreallocarray(c->cell_bufs, cap, sizeof(*c->cell_bufs));
		c->cell_ptrs = xreallocarray(c->cell_ptrs, cap, sizeof(*c->cell_ptrs));
		c->cell_lens = xreallocarray(c->cell_lens, cap, sizeof(*c->cell_lens));
		for (i = c->cap_cells; i < cap; i++)
			buf_init(&c->cell_bufs[i]);
		c->cap_cells = cap;
	}
	b = &c->cell_bufs[c->n_cells++];
	buf_reset(b);
	if (s != NULL && len > 0)
		buf_add(b, s, len);
}

static void
on_row(int term, void *arg)
{
	struct csvin *c = arg;

	(void)term;
	c->row_done = true;
}

static void *
csv_xrealloc(void *p, size_t n)
{
	return xrealloc(p, n);
}

/* Chooses comma or tab: whichever the header line has more of, outside quotes. */
static unsigned char
choose_delim(const char *s, size_t len)
{
	size_t commas = 0;
	size_t tabs = 0;
	bool quoted = false;
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && (s[i] == '\n' || s[i] == '\r'))
			break;
		else if (!quoted && s[i] == ',')
			commas++;
		else if (!quoted && s[i] == '\t')
			tabs++;
	}
	return tabs > commas ? '\t' : ',';
}

static bool
is_blank(const struct csvin *c, unsigned char ch)
{
	return ch == ' ' || ch == '\r' || ch == '\n' || (ch == '\t' && c->delim != '\t');
}

/* True if the line at s (up to its end) holds a comma or a tab. */
static bool
line_has_delim(const char *s, const char *end)
{
	for (; s < end && *s != '\n' && *s != '\r'; s++)
		if (*s == ',' || *s == '\t')
			return true;
	return false;
}

/* Read ahead to choose the delimiter: to the end of the first line that is not blank and
 * holds a comma or a tab. A title row a spreadsheet wrote above the header may hold
 * neither, so up to SHEET_HEADER_ROWS lines with something in them are looked at. */
static int
read_first_line(struct csvin *c, struct duban_err *err)
{
	size_t scanned = 0;
	size_t line_start = 0;
	size_t chosen = 0;
	bool content = false;
	bool found = false;
	int lines = 0;

	for (;;) {
		const char *data = NULL;
		size_t len = 0;
		size_t i;
		int rc = encoding_reader_read(c->rd, &data, &len, err);

		if (rc != DUBAN_OK)
			return rc;
		if (len == 0) {
			c->input_eof = true;
			break;
		}
		buf_add(&c->first, data, len);
		for (i = scanned; i < c->first.len && !found; i++) {
			char ch = c->first.data[i];

			if (ch == '\n' || ch == '\r') {
				if (content) {
					lines++;
					if (line_has_delim(c->first.data + line_start,
					    c->first.data + i) || lines >= SHEET_HEADER_ROWS) {
						chosen = line_start;
						found = true;
					}
				}
				content = false;
				line_start = i + 1;
			} else if (ch != ' ' && ch != '\t') {
				content = true;
			}
		}
		scanned = i;
		if (found || c->first.len > FIRST_LINE_MAX)
			break;
	}
	if (!found && content && c->first.data != NULL &&
	    line_has_delim(c->first.data + line_start, c->first.data + c->first.len))
		chosen = line_start;	/* the last line, without a line break */
	c->delim = (unsigned char)(c->first.data != NULL ? choose_delim(c->first.data + chosen,
	    c->first.len - chosen) : ',');
	return DUBAN_OK;
}

static int
next_chunk(struct csvin *c, struct duban_err *err)
{
	const char *data = NULL;
	size_t len = 0;
	int rc;

	if (!c->first_served) {
		c->first_served = true;
		if (c->first.len > 0) {
			c->chunk = c->first.data;
			c->chunk_len = c->first.len;
			c->chunk_pos = 0;
			return DUBAN_OK;
		}
	}
	if (c->input_eof) {
		c->chunk_len = c->chunk_pos = 0;
		return DUBAN_OK;
	}
	rc = encoding_reader_read(c->rd, &data, &len, err);
	if (rc != DUBAN_OK)
		return rc;
	if (len == 0)
		c->input_eof = true;
	c->chunk = data;
	c->chunk_len = len;
	c->chunk_pos = 0;
	return DUBAN_OK;
}

static int
too_long(struct csvin *c, struct duban_err *err)
{
	duban_err_set(err, DUBAN_EINPUT, _("a field of the row starting here is longer than "
	    "64 MB; is a quote (\") left open?"));
	return duban_err_where(err, "%s:%ld", c->name, c->row_line);
}

/* Feed the parser up to and including the next line end (CR, LF or CRLF) of the chunk. */
static int
feed_piece(struct csvin *c, struct duban_err *err)
{
	const char *s = c->chunk + c->chunk_pos;
	size_t avail = c->chunk_len - c->chunk_pos;
	const char *nl;
	const char *cr;
	size_t n;
	bool ends_line = false;
	size_t i;

	if (c->after_cr && s[0] == '\n') {
		/* The LF of a CRLF whose CR ended the previous piece. */
		c->after_cr = false;
		c->chunk_pos++;
		csv_parse(&c->p, s, 1, on_field, on_row, c);
		return DUBAN_OK;
	}
	c->after_cr = false;
	nl = memchr(s, '\n', avail);
	n = nl != NULL ? (size_t)(nl - s) + 1 : avail;
	cr = memchr(s, '\r', n);
	if (cr != NULL && cr + 1 != nl) {
		n = (size_t)(cr - s) + 1;
		c->after_cr = true;
		ends_line = true;
	} else if (nl != NULL) {
		ends_line = true;
	}
	if (!c->row_begun) {
		for (i = 0; i < n && is_blank(c, (unsigned char)s[i]); i++)
			;
		if (i < n) {
			c->row_begun = true;
			c->row_line = c->line;
		}
	}
	if (csv_parse(&c->p, s, n, on_field, on_row, c) != n) {
		duban_err_set(err, DUBAN_EINPUT, "%s", csv_strerror(csv_error(&c->p)));
		return duban_err_where(err, "%s:%ld", c->name, c->line);
	}
	c->chunk_pos += n;
	if (ends_line)
		c->line++;
	if (c->row_done)
		c->row_begun = false;
	/* libcsv grows a field by a fixed block: double it, so a long field costs few copies. */
	if (csv_get_buffer_size(&c->p) > c->blk_size) {
		if (csv_get_buffer_size(&c->p) > FIELD_MAX)
			return too_long(c, err);
		c->blk_size = csv_get_buffer_size(&c->p);
		csv_set_blk_size(&c->p, c->blk_size);
	}
	return DUBAN_OK;
}

/* The next row of cells, blank ones included; *got false at the end. */
/* The next row of a workbook's sheet, into the cells as libcsv would have given them. */
static int
read_sheet_row(struct csvin *c, bool *got, struct duban_err *err)
{
	const struct buf *cells = NULL;
	size_t n = 0;
	size_t i;
	int rc;

	*got = false;
	c->n_cells = 0;
	rc = xlsx_in_next(c->xl, &c->row_line, &n, &cells, err);
	if (rc != DUBAN_OK || n == 0)
		return rc;
	for (i = 0; i < n; i++)
		on_field(cells[i].data, cells[i].len, c);
	/* A sheet leaves empty cells out: a row ends at its last cell with a value. */
	while (c->header_read && c->n_cells < c->n_cols)
		on_field(NULL, 0, c);
	*got = true;
	return DUBAN_OK;
}

static int
read_row(struct csvin *c, bool *got, struct duban_err *err)
{
	int rc;

	if (c->xl != NULL)
		return read_sheet_row(c, got, err);
	*got = false;
	c->n_cells = 0;
	c->row_done = false;
	while (!c->row_done) {
		if (c->chunk_pos == c->chunk_len) {
			if (c->input_eof && (c->first_served || c->first.len == 0)) {
				if (c->fini_done)
					return DUBAN_OK;
				c->fini_done = true;
				if (c->p.pstate == LIBCSV_FIELD_BEGUN && c->p.quoted) {
					duban_err_set(err, DUBAN_EINPUT, _("a quoted field "
					    "starting in this row is not closed before the end of "
					    "the file"));
					return duban_err_where(err, "%s:%ld", c->name, c->row_line);
				}
				csv_fini(&c->p, on_field, on_row, c);
				continue;
			}
			rc = next_chunk(c, err);
			if (rc != DUBAN_OK)
				return rc;
			continue;
		}
		rc = feed_piece(c, err);
		if (rc != DUBAN_OK)
			return rc;
	}
	*got = true;
	return DUBAN_OK;
}

static void
build_row(struct csvin *c)
{
	size_t i;

	for (i = 0; i < c->n_cells; i++) {
		/* The apostrophe an export put before a formula-like cell comes off again;
		 * header cells never carry one, nor does a workbook's text cell. */
		size_t skip = c->header_read && c->xl == NULL ?
		    text_csv_guard_len(buf_str(&c->cell_bufs[i]), c->cell_bufs[i].len) : 0;

		c->cell_ptrs[i] = buf_str(&c->cell_bufs[i]) + skip;
		c->cell_lens[i] = c->cell_bufs[i].len - skip;
	}
	c->row.line = c->row_line;
	c->row.n = c->n_cells;
	c->row.cells = c->cell_ptrs;
	c->row.lens = c->cell_lens;
}

static bool
row_is_empty(const struct csvin *c)
{
	size_t i;

	for (i = 0; i < c->n_cells; i++)
		if (c->cell_bufs[i].len > 0)
			return false;
	return true;
}

int
csvin_next(struct csvin *c, const struct csvin_row **row, struct duban_err *err)
{
	bool got;
	int rc;

	*row = NULL;
	for (;;) {
		rc = read_row(c, &got, err);
		if (rc != DUBAN_OK || !got)
			return rc;
		if (!row_is_empty(c))
			break;
	}
	build_row(c);
	*row = &c->row;
	return DUBAN_OK;
}

/* ---- header ------------------------------------------------------------------------------ */

/* The header text without blanks around it and without a "*" marking it required. */
static char *
clean_header(const char *s)
{
	struct buf b = BUF_INIT;
	struct buf t = BUF_INIT;

	if (strncmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	text_trim(s, &b);
	if (b.len >= 3 && memcmp(b.data + b.len - 3, "\xEF\xBC\x8A", 3) == 0)	/* ＊ */
		b.len -= 3;
	else if (b.len >= 1 && b.data[b.len - 1] == '*')
		b.len -= 1;
	if (b.data != NULL)
		b.data[b.len] = '\0';
	text_trim(buf_str(&b), &t);
	buf_release(&b);
	return t.data != NULL ? buf_detach(&t) : xstrdup("");
}

static int
match_field(const struct kind_def *kind, const char *name, const struct csvin_opts *o)
{
	int i = record_field_idx(kind, name);
	size_t a;

	if (i >= 0)
		return i;
	for (i = 0; i < kind->n_fields; i++)
		if (strcasecmp_ascii(name, kind->fields[i].csv) == 0)
			return i;
	for (a = 0; o->aliases != NULL && a < o->n_aliases; a++) {
		const struct csvin_alias *al = &o->aliases[a];

		if ((al->kind == NULL || strcmp(al->kind, kind->name) == 0) &&
		    strcasecmp_ascii(al->header, name) == 0) {
			i = record_field_idx(kind, al->field);
			if (i >= 0)
				return i;
		}
	}
	return -1;
}

static bool
is_rejects_column(const char *name)
{
	return strcmp(name, "line") == 0 || strcmp(name, "reason") == 0;
}

/* Map every header cell to kind; count what matched and which required fields are there. */
static void
map_columns(const struct csvin_row *h, const struct kind_def *kind, const struct csvin_opts *o,
    struct csvin_column *cols, int *matched)
{
	size_t i;

	*matched = 0;
	for (i = 0; i < h->n; i++) {
		struct csvin_column *col = &cols[i];
		int f = match_field(kind, h->cells[i], o);
		int hf = kind == &litigation_kind ? match_field(&hearing_kind, h->cells[i], o) : -1;

		col->header = h->cells[i];
		col->field = f;
		col->hearing_field = hf;
		if (f >= 0 && (kind->fields[f].flags & FIELD_DERIVED))
			col->role = CSVIN_DERIVED;
		else if (f >= 0)
			col->role = CSVIN_FIELD;
		else if (hf >= 0)
			col->role = CSVIN_HEARING;
		else if (is_rejects_column(h->cells[i]))
			col->role = CSVIN_REJECTS;
		else
			col->role = CSVIN_UNKNOWN;
		if (f >= 0 || hf >= 0)
			(*matched)++;
	}
}

static bool
column_present(const struct csvin_column *cols, size_t n, int field, bool hearing)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((hearing ? cols[i].hearing_field : cols[i].field) == field)
			return true;
	return false;
}

static void
add_missing(struct buf *out, const struct kind_def *kind, const struct csvin_column *cols,
    size_t n, bool hearing)
{
	int i;

	for (i = 0; i < kind->n_fields; i++) {
		const struct field_def *f = &kind->fields[i];

		if (!(f->flags & (FIELD_REQUIRED | FIELD_KEY)) || (f->flags & FIELD_DERIVED))
			continue;
		if (column_present(cols, n, i, hearing))
			continue;
		buf_printf(out, "%s%s (%s)", out->len > 0 ? _(", ") : "", f->zh, f->csv);
	}
}

static bool
has_hearing_columns(const struct csvin_column *cols, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cols[i].role == CSVIN_HEARING)
			return true;
	return false;
}

static void
missing_columns(const struct kind_def *kind, const struct csvin_column *cols, size_t n,
    struct buf *out)
{
	add_missing(out, kind, cols, n, false);
	if (kind == &litigation_kind && has_hearing_columns(cols, n))
		add_missing(out, &hearing_kind, cols, n, true);
}

static void
kind_list(struct buf *out)
{
	size_t k;

	for (k = 0; record_kinds[k] != NULL; k++)
		buf_printf(out, "%s%s", k > 0 ? ", " : "", record_kinds[k]->name);
}

static int
choose_kind(struct csvin *c, const struct csvin_opts *o, struct duban_err *err)
{
	const struct kind_def *best = NULL;
	const struct kind_def *best_any = NULL;
	const struct kind_def *tie = NULL;
	int best_n = 0;
	int best_any_n = 0;
	size_t k;
	struct csvin_column *cols = xcalloc(c->header.n, sizeof(*cols));
	struct buf missing = BUF_INIT;

	for (k = 0; record_kinds[k] != NULL; k++) {
		int n;

		map_columns(&c->header, record_kinds[k], o, cols, &n);
		if (n > best_any_n) {
			best_any = record_kinds[k];
			best_any_n = n;
		}
		buf_reset(&missing);
		missing_columns(record_kinds[k], cols, c->header.n, &missing);
		if (n == 0 || missing.len > 0)
			continue;
		if (n > best_n) {
			best = record_kinds[k];
			best_n = n;
			tie = NULL;
		} else if (n == best_n) {
			tie = record_kinds[k];
		}
	}
	free(cols);
	buf_reset(&missing);
	if (best != NULL && tie != NULL) {
		buf_release(&missing);
		return duban_err_set(err, DUBAN_EINPUT, _("%s: the header fits both %s and %s "
		    "records; say which with --kind"), c->name, best->name, tie->name);
	}
	if (best != NULL || best_any != NULL) {
		/* Without a full match, the closest kind: the caller reports what it lacks. */
		c->kind = best != NULL ? best : best_any;
		buf_release(&missing);
		return DUBAN_OK;
	}
	kind_list(&missing);
	duban_err_set(err, DUBAN_EINPUT, _("%s: no column of the first row is a field name duban "
	    "knows, so it is not a header; the first row must name the columns (see doc/csv.md), "
	    "or give --kind (%s)"), c->name, buf_str(&missing));
	buf_release(&missing);
	return DUBAN_EINPUT;
}

static int
check_columns(struct csvin *c, const struct csvin_opts *o, struct duban_err *err)
{
	struct buf missing = BUF_INIT;
	/* The first column of each field (and of each hearing field), 1-based; 0: none yet.
	 * Indexed by field, so a header of any width is checked in one pass. */
	size_t *seen = xcalloc((size_t)c->kind->n_fields + (size_t)hearing_kind.n_fields,
	    sizeof(*seen));
	int matched;
	int zh = 0;
	int en = 0;
	size_t i;

	c->n_cols = c->header.n;
	c->cols = xcalloc(c->n_cols, sizeof(*c->cols));
	map_columns(&c->header, c->kind, o, c->cols, &matched);
	for (i = 0; i < c->n_cols; i++) {
		const struct csvin_column *a = &c->cols[i];
		size_t *first = a->field >= 0 ? &seen[a->field] : a->hearing_field >= 0 ?
		    &seen[c->kind->n_fields + a->hearing_field] : NULL;

		if (first != NULL && *first != 0) {
			duban_err_set(err, DUBAN_EINPUT, _("%s: columns %zu (%s) and %zu (%s) name "
			    "the same field; keep one of them"), c->name, *first,
			    c->cols[*first - 1].header, i + 1, a->header);
			free(seen);
			return DUBAN_EINPUT;
		}
		if (first != NULL)
			*first = i + 1;
		/* 案号 feeds the case and its hearing: a hearing column of that name repeats it. */
		if (a->field >= 0 && a->hearing_field >= 0 &&
		    seen[c->kind->n_fields + a->hearing_field] == 0)
			seen[c->kind->n_fields + a->hearing_field] = i + 1;
		if (a->field >= 0) {
			if (strcmp(a->header, c->kind->fields[a->field].zh) == 0)
				zh++;
			else
				en++;
		}
	}
	free(seen);
	c->zh = zh >= en;
	c->has_hearing = has_hearing_columns(c->cols, c->n_cols);
	missing_columns(c->kind, c->cols, c->n_cols, &missing);
	if (missing.len > 0) {
		duban_err_set(err, DUBAN_EINPUT, _("%s: as a %s file it lacks the required "
		    "columns: %s"), c->name, record_kind_word(c->kind), buf_str(&missing));
		buf_release(&missing);
		return DUBAN_EINPUT;
	}
	buf_release(&missing);
	return DUBAN_OK;
}

/* h's cells cleaned (clean_header) into *out, which owns them. */
static void
header_take(struct csvin_row *out, const struct csvin_row *h)
{
	const char **cells = xcalloc(h->n, sizeof(*cells));
	size_t *lens = xcalloc(h->n, sizeof(*lens));
	size_t i;

	for (i = 0; i < h->n; i++) {
		cells[i] = clean_header(h->cells[i]);
		lens[i] = strlen(cells[i]);
	}
	out->line = h->line;
	out->n = h->n;
	out->cells = cells;
	out->lens = lens;
}

static void
header_free(struct csvin_row *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		free((char *)h->cells[i]);
	free(h->cells);
	free((size_t *)h->lens);
	memset(h, 0, sizeof(*h));
}

/* True if a cell of h names a field of the kind given, or of any kind. */
static bool
names_fields(const struct csvin_row *h, const struct csvin_opts *o)
{
	struct csvin_column *cols = xcalloc(h->n > 0 ? h->n : 1, sizeof(*cols));
	int matched = 0;
	size_t k;

	if (o->kind != NULL)
		map_columns(h, o->kind, o, cols, &matched);
	for (k = 0; o->kind == NULL && record_kinds[k] != NULL && matched == 0; k++)
		map_columns(h, record_kinds[k], o, cols, &matched);
	free(cols);
	return matched > 0;
}

/* The header: the first row that names fields among the first SHEET_HEADER_ROWS, the rows
 * above it being titles a spreadsheet carries (kept for csvin_title_rows). If no row names
 * a field, the first row stands, and its error is reported. */
static int
find_header(struct csvin *c, const struct csvin_opts *o, struct duban_err *err)
{
	const struct csvin_row *h = NULL;
	struct csvin_row first;
	struct csvin_row cand;
	bool lost;
	size_t i;
	int n;
	int rc;

	rc = csvin_next(c, &h, err);
	if (rc != DUBAN_OK)
		return rc;
	if (h == NULL)
		return duban_err_set(err, DUBAN_EINPUT, _("%s is empty: it needs a header row "
		    "naming the columns, then a row per record (see doc/csv.md)"), c->name);
	lost = sheet_row_lost_text(h->cells, h->n);
	header_take(&first, h);
	if (names_fields(&first, o)) {
		c->header = first;
		return DUBAN_OK;
	}
	for (n = 1; n < SHEET_HEADER_ROWS; n++) {
		rc = csvin_next(c, &h, err);
		if (rc != DUBAN_OK || h == NULL)
			break;
		lost = lost || sheet_row_lost_text(h->cells, h->n);
		header_take(&cand, h);
		if (names_fields(&cand, o)) {
			c->n_titles = n;
			for (i = 0; i < first.n && c->title == NULL; i++)
				if (first.cells[i][0] != '\0')
					c->title = xstrdup(first.cells[i]);
			header_free(&first);
			c->header = cand;
			return DUBAN_OK;
		}
		header_free(&cand);
	}
	c->header = first;
	if (rc != DUBAN_OK)
		return rc;
	if (lost)
		return duban_err_set(err, DUBAN_EINPUT, _("%s: the first rows hold \"?\" where "
		    "text should be: the file was saved in an encoding without Chinese characters, "
		    "and they are lost in it. Save it again from the workbook as UTF-8 (Excel: "
		    "\"CSV UTF-8\"; WPS, LibreOffice: character set UTF-8); see "
		    "doc/csv.md"), c->name);
	return DUBAN_OK;
}

static int
read_header(struct csvin *c, const struct csvin_opts *o, struct duban_err *err)
{
	int rc;

	rc = c->xl != NULL ? DUBAN_OK : read_first_line(c, err);
	if (rc == DUBAN_OK) {
		csv_set_delim(&c->p, c->delim);
		rc = find_header(c, o, err);
	}
	if (rc != DUBAN_OK)
		return rc;
	c->header_read = true;
	if (o->kind != NULL)
		c->kind = o->kind;
	else if ((rc = choose_kind(c, o, err)) != DUBAN_OK)
		return rc;
	return check_columns(c, o, err);
}

int
csvin_open_stream(FILE *f, const char *name, uint64_t total, const struct csvin_opts *o,
    struct csvin **out, struct duban_err *err)
{
	struct csvin *c = xcalloc(1, sizeof(*c));
	int rc;

	c->f = f;
	c->name = xstrdup(name);
	c->total = total;
	c->rd = encoding_reader_new(f, name, o->encoding);
	c->line = 1;
	c->blk_size = 4096;
	csv_init(&c->p, CSV_APPEND_NULL);
	csv_set_realloc_func(&c->p, csv_xrealloc);
	csv_set_free_func(&c->p, free);
	csv_set_blk_size(&c->p, c->blk_size);
	rc = read_header(c, o, err);
	if (rc != DUBAN_OK) {
		csvin_close(c);
		return rc;
	}
	*out = c;
	return DUBAN_OK;
}

/* A workbook: the same header search and mapping, rows from its sheet. */
static int
csvin_open_xlsx(const char *path, const char *name, const struct csvin_opts *o,
    struct csvin **out, struct duban_err *err)
{
	struct csvin *c = xcalloc(1, sizeof(*c));
	int rc;

	c->name = xstrdup(name);
	c->line = 1;
	c->delim = ',';
	csv_init(&c->p, CSV_APPEND_NULL);
	rc = xlsx_in_open(path, name, o->sheet, &c->xl, err);
	if (rc == DUBAN_OK)
		rc = read_header(c, o, err);
	if (rc != DUBAN_OK) {
		csvin_close(c);
		return rc;
	}
	*out = c;
	return DUBAN_OK;
}

/* How long a named pipe nobody writes to yet is given for its writer to start. */
#define CSVIN_PIPE_WAIT_MS 5000

/* Opened without blocking, a named pipe tells whether anyone writes to it: a read gives a byte
 * (kept: *c), EAGAIN (a writer, no data yet: wait for it) or 0 (no writer, or an empty one
 * that has gone). Only a pipe in the file system (mkfifo) waits for a writer to come, a
 * little; a pipe from a shell (/dev/stdin, <(...)) has had its writer from the start. */
static int
pipe_first_byte(int fd, bool named, int *c, const char *name, struct duban_err *err)
{
	unsigned char b;
	struct pollfd p;
	ssize_t n;

	*c = EOF;
	n = read(fd, &b, 1);
	if (n == 0 && named) {
		p.fd = fd;
		p.events = POLLIN;
		p.revents = 0;
		if (poll(&p, 1, CSVIN_PIPE_WAIT_MS) == 0)
			return duban_err_set(err, DUBAN_EINPUT, _("nothing is writing to the pipe %s; "
			    "start the program that writes it first"), name);
		n = read(fd, &b, 1);
	}
	if (n == 1)
		*c = b;
	else if (n < 0 && errno != EAGAIN)
		return duban_err_set(err, DUBAN_EINPUT, _("%s cannot be read: %s"), name,
		    strerror(errno));
	return DUBAN_OK;
}

int
csvin_open(const char *path, const char *name, const struct csvin_opts *o, struct csvin **out,
    struct duban_err *err)
{
	struct stat sb;
	struct stat lsb;
	FILE *f;
	int first = EOF;
	int fd;
	int rc;

	if (o->sheet != NULL || xlsx_in_is_zip(path))
		return csvin_open_xlsx(path, name, o, out, err);
	/* Never blocking here: opening a named pipe would wait for a writer forever. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return duban_err_set(err, DUBAN_EINPUT, _("%s cannot be opened (missing, or no "
		    "permission to read it)"), name);
	if (fstat(fd, &sb) != 0 || S_ISDIR(sb.st_mode)) {
		close(fd);
		return duban_err_set(err, DUBAN_EINPUT, _("%s is not a file"), name);
	}
	if (S_ISFIFO(sb.st_mode)) {
		rc = pipe_first_byte(fd, lstat(path, &lsb) == 0 && S_ISFIFO(lsb.st_mode), &first,
		    name, err);
		if (rc != DUBAN_OK) {
			close(fd);
			return rc;
		}
	}
	f = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) == 0 ? fdopen(fd, "rb") : NULL;
	if (f == NULL) {
		close(fd);
		return duban_err_set(err, DUBAN_EINPUT, _("%s cannot be opened (missing, or no "
		    "permission to read it)"), name);
	}
	if (first != EOF)
		ungetc(first, f);
	rc = csvin_open_stream(f, name, S_ISREG(sb.st_mode) ? (uint64_t)sb.st_size : 0, o, out,
	    err);
	if (rc != DUBAN_OK) {
		fclose(f);
		return rc;
	}
	(*out)->owns_f = true;
	return DUBAN_OK;
}

void
csvin_close(struct csvin *c)
{
	size_t i;

	if (c == NULL)
		return;
	csv_free(&c->p);
	encoding_reader_free(c->rd);
	xlsx_in_close(c->xl);
	if (c->owns_f)
		fclose(c->f);
	for (i = 0; i < c->cap_cells; i++)
		buf_release(&c->cell_bufs[i]);
	free(c->cell_bufs);
	free(c->cell_ptrs);
	free(c->cell_lens);
	header_free(&c->header);
	free(c->title);
	free(c->cols);
	buf_release(&c->first);
	free(c->name);
	free(c);
}

const struct kind_def *
csvin_kind(const struct csvin *c)
{
	return c->kind;
}

enum encoding
csvin_encoding(const struct csvin *c)
{
	return c->xl != NULL ? ENCODING_UTF8 : encoding_reader_encoding(c->rd);
}

char
csvin_delimiter(const struct csvin *c)
{
	return (char)c->delim;
}

bool
csvin_zh_headers(const struct csvin *c)
{
	return c->zh;
}

size_t
csvin_n_columns(const struct csvin *c)
{
	return c->n_cols;
}

const struct csvin_column *
csvin_column(const struct csvin *c, size_t idx)
{
	return &c->cols[idx];
}

const struct csvin_row *
csvin_header(const struct csvin *c)
{
	return &c->header;
}

const char *
csvin_sheet(const struct csvin *c)
{
	return c->xl != NULL ? xlsx_in_sheet(c->xl) : NULL;
}

int
csvin_title_rows(const struct csvin *c, const char **first)
{
	if (first != NULL)
		*first = c->title != NULL ? c->title : "";
	return c->n_titles;
}

bool
csvin_has_hearing(const struct csvin *c)
{
	return c->has_hearing;
}

uint64_t
csvin_offset(const struct csvin *c)
{
	return c->xl != NULL ? 0 : encoding_reader_offset(c->rd);
}

uint64_t
csvin_total(const struct csvin *c)
{
	return c->total;
}
