/* core/xlsx_in.c: a sheet of an .xlsx workbook, row by row. libzip opens the archive; expat
 * parses the workbook's list of sheets, their relationships, the styles (which cells are
 * dates), the shared strings and then the sheet itself, suspending at the end of each row. */
#include "duban/xlsx_in.h"

#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <expat.h>
#include <zip.h>

#include "duban/buf.h"
#include "duban/date.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"

/* Excel's last column (XFD): a cell reference past it is damage, not data. */
#define XLSX_COLS_MAX 16384
#define XLSX_CHUNK 65536

struct sheet_ref {
	char *name;
	char *rid;
};

struct xlsx_in {
	char *name;
	zip_t *zip;
	bool date1904;

	/* The workbook: its sheets in order, relationship ids to parts. */
	struct sheet_ref *sheets;
	size_t n_sheets;
	char **rel_ids;
	char **rel_targets;
	size_t n_rels;
	char *strings_part;
	char *styles_part;
	char *sheet_title;

	/* Styles: per cell format (the s attribute), whether it shows a date. */
	bool *xf_date;
	size_t n_xf;
	int *fmt_ids;		/* custom number formats: id -> date? */
	bool *fmt_date;
	size_t n_fmts;
	bool in_cell_xfs;

	/* Shared strings. */
	char **strings;
	size_t n_strings;
	size_t cap_strings;

	/* Text being collected in <t>, and whether inside phonetic runs (<rPh>), skipped. */
	struct buf text;
	bool in_t;
	int in_rph;
	bool in_si;

	/* The sheet. */
	zip_file_t *sheet;
	XML_Parser p;
	char *chunk;
	bool eof;
	bool suspended;
	bool row_done;
	long row;
	long rows_seen;
	struct buf *cells;
	size_t n_cells;
	size_t cap_cells;
	size_t col;		/* of the cell being read */
	long next_col;
	char cell_type[16];
	long cell_style;
	bool in_v;
	bool in_is;
	struct buf value;
	bool failed;
	char fail_msg[160];
};

/* The element's name without a namespace prefix ("x:row" is "row"). */
static const char *
local(const char *name)
{
	const char *c = strrchr(name, ':');

	return c != NULL ? c + 1 : name;
}

static const char *
attr(const char **atts, const char *name)
{
	size_t i;

	for (i = 0; atts[i] != NULL; i += 2)
		if (strcmp(local(atts[i]), name) == 0)
			return atts[i + 1];
	return NULL;
}

/* Read a whole part of the archive (the small ones: workbook, relationships, styles, shared
 * strings) and parse it with the given handlers. *found false if the part is not there. */
static int
parse_part(struct xlsx_in *x, const char *part, XML_StartElementHandler start,
    XML_EndElementHandler end, XML_CharacterDataHandler chars, bool *found,
    struct duban_err *err)
{
	zip_file_t *zf = zip_fopen(x->zip, part, 0);
	XML_Parser p;
	char *buf;
	zip_int64_t n;
	int rc = DUBAN_OK;

	*found = zf != NULL;
	if (zf == NULL)
		return DUBAN_OK;
	p = XML_ParserCreate(NULL);
	XML_SetUserData(p, x);
	XML_SetElementHandler(p, start, end);
	if (chars != NULL)
		XML_SetCharacterDataHandler(p, chars);
	buf = xmalloc(XLSX_CHUNK);
	do {
		n = zip_fread(zf, buf, XLSX_CHUNK);
		if (n < 0) {
			rc = duban_err_set(err, DUBAN_EINPUT, _("%s: the workbook is damaged (%s "
			    "cannot be read: %s)"), x->name, part, zip_file_strerror(zf));
			break;
		}
		if (XML_Parse(p, buf, (int)n, n == 0) == XML_STATUS_ERROR) {
			rc = duban_err_set(err, DUBAN_EINPUT, _("%s: the workbook is damaged (%s, "
			    "line %lu: %s)"), x->name, part,
			    (unsigned long)XML_GetCurrentLineNumber(p),
			    XML_ErrorString(XML_GetErrorCode(p)));
			break;
		}
	} while (n > 0);
	free(buf);
	XML_ParserFree(p);
	zip_fclose(zf);
	return rc;
}

/* A target of a relationship of xl/workbook.xml as a part name. */
static char *
part_name(const char *target)
{
	struct buf b = BUF_INIT;

	if (target[0] == '/')
		buf_adds(&b, target + 1);
	else {
		buf_adds(&b, "xl/");
		buf_adds(&b, target);
	}
	return buf_detach(&b);
}

static void
workbook_start(void *arg, const char *el, const char **atts)
{
	struct xlsx_in *x = arg;
	const char *n = local(el);

	if (strcmp(n, "sheet") == 0) {
		const char *name = attr(atts, "name");
		const char *rid = attr(atts, "id");

		if (name == NULL || rid == NULL)
			return;
		x->sheets = xreallocarray(x->sheets, x->n_sheets + 1, sizeof(*x->sheets));
		x->sheets[x->n_sheets].name = xstrdup(name);
		x->sheets[x->n_sheets].rid = xstrdup(rid);
		x->n_sheets++;
	} else if (strcmp(n, "workbookPr") == 0) {
		const char *d = attr(atts, "date1904");

		x->date1904 = d != NULL && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
	}
}

static void
ignore_end(void *arg, const char *el)
{
	(void)arg;
	(void)el;
}

static void
rels_start(void *arg, const char *el, const char **atts)
{
	struct xlsx_in *x = arg;
	const char *id = attr(atts, "Id");
	const char *type = attr(atts, "Type");
	const char *target = attr(atts, "Target");
	size_t tl;

	if (strcmp(local(el), "Relationship") != 0 || id == NULL || target == NULL)
		return;
	x->rel_ids = xreallocarray(x->rel_ids, x->n_rels + 1, sizeof(*x->rel_ids));
	x->rel_targets = xreallocarray(x->rel_targets, x->n_rels + 1, sizeof(*x->rel_targets));
	x->rel_ids[x->n_rels] = xstrdup(id);
	x->rel_targets[x->n_rels] = part_name(target);
	x->n_rels++;
	tl = type != NULL ? strlen(type) : 0;
	if (tl >= 13 && strcmp(type + tl - 13, "sharedStrings") == 0 && x->strings_part == NULL)
		x->strings_part = part_name(target);
	else if (tl >= 6 && strcmp(type + tl - 6, "styles") == 0 && x->styles_part == NULL)
		x->styles_part = part_name(target);
}

/* Built-in number formats that show a date: 14-17 and 22 everywhere, 27-36 and 50-58 the
 * East Asian ones (yyyy"年"m"月"d"日" and the like). */
static bool
builtin_date(long id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
	    (id >= 50 && id <= 58);
}

/* A format code shows a date if, outside quoted text, escapes and [...] (colours,
 * conditions, locales), it has a year or a day. */
static bool
code_is_date(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '"') {
			for (s++; *s != '\0' && *s != '"'; s++)
				;
			if (*s == '\0')
				break;
		} else if (*s == '\\' || *s == '_' || *s == '*') {
			if (*++s == '\0')
				break;
		} else if (*s == '[') {
			for (s++; *s != '\0' && *s != ']'; s++)
				;
			if (*s == '\0')
				break;
		} else if (*s == 'y' || *s == 'Y' || *s == 'd' || *s == 'D') {
			return true;
		}
	}
	return false;
}

static bool
fmt_is_date(const struct xlsx_in *x, long id)
{
	size_t i;

	for (i = 0; i < x->n_fmts; i++)
		if (x->fmt_ids[i] == id)
			return x->fmt_date[i];
	return builtin_date(id);
}

static void
styles_start(void *arg, const char *el, const char **atts)
{
	struct xlsx_in *x = arg;
	const char *n = local(el);
	const char *id;

	if (strcmp(n, "numFmt") == 0) {
		const char *code = attr(atts, "formatCode");

		id = attr(atts, "numFmtId");
		if (id == NULL || code == NULL)
			return;
		x->fmt_ids = xreallocarray(x->fmt_ids, x->n_fmts + 1, sizeof(*x->fmt_ids));
		x->fmt_date = xreallocarray(x->fmt_date, x->n_fmts + 1, sizeof(*x->fmt_date));
		x->fmt_ids[x->n_fmts] = (int)strtol(id, NULL, 10);
		x->fmt_date[x->n_fmts] = code_is_date(code);
		x->n_fmts++;
	} else if (strcmp(n, "cellXfs") == 0) {
		x->in_cell_xfs = true;
	} else if (strcmp(n, "xf") == 0 && x->in_cell_xfs) {
		id = attr(atts, "numFmtId");
		x->xf_date = xreallocarray(x->xf_date, x->n_xf + 1, sizeof(*x->xf_date));
		x->xf_date[x->n_xf++] = id != NULL && fmt_is_date(x, strtol(id, NULL, 10));
	}
}

static void
styles_end(void *arg, const char *el)
{
	struct xlsx_in *x = arg;

	if (strcmp(local(el), "cellXfs") == 0)
		x->in_cell_xfs = false;
}

/* Text of <t> elements, outside phonetic runs. */
static void
collect_text(void *arg, const char *s, int len)
{
	struct xlsx_in *x = arg;

	if ((x->in_t && x->in_rph == 0) || x->in_v)
		buf_add(&x->text, s, (size_t)len);
}

/* Excel writes control characters, which XML cannot hold, as _xHHHH_ (and a literal "_x" as
 * _x005F_x). */
static void
unescape(const char *s, size_t len, struct buf *out)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned long cp;
		char hex[5];
		char *end;

		if (s[i] == '_' && i + 6 < len && s[i + 1] == 'x' &&
		    s[i + 6] == '_') {
			memcpy(hex, s + i + 2, 4);
			hex[4] = '\0';
			cp = strtoul(hex, &end, 16);
			/* Only what a writer must escape (controls, and "_" of a literal "_x"): a
			 * writer that does not escape "_x" leaves other such text as it is. */
			if (*end == '\0' && end == hex + 4 && (cp < 0x20 || cp == 0x5F)) {
				buf_addc(out, (char)cp);
				i += 6;
				continue;
			}
		}
		buf_addc(out, s[i]);
	}
}

static void
strings_start(void *arg, const char *el, const char **atts)
{
	struct xlsx_in *x = arg;
	const char *n = local(el);

	(void)atts;
	if (strcmp(n, "si") == 0) {
		x->in_si = true;
		buf_reset(&x->text);
	} else if (strcmp(n, "t") == 0 && x->in_si) {
		x->in_t = true;
	} else if (strcmp(n, "rPh") == 0) {
		x->in_rph++;
	}
}

static void
strings_end(void *arg, const char *el)
{
	struct xlsx_in *x = arg;
	const char *n = local(el);
	struct buf s = BUF_INIT;

	if (strcmp(n, "t") == 0) {
		x->in_t = false;
	} else if (strcmp(n, "rPh") == 0) {
		x->in_rph--;
	} else if (strcmp(n, "si") == 0) {
		x->in_si = false;
		unescape(buf_str(&x->text), x->text.len, &s);
		if (x->n_strings == x->cap_strings) {
			x->cap_strings = x->cap_strings > 0 ? x->cap_strings * 2 : 256;
			x->strings = xreallocarray(x->strings, x->cap_strings, sizeof(*x->strings));
		}
		x->strings[x->n_strings++] = s.data != NULL ? buf_detach(&s) : xstrdup("");
	}
	buf_release(&s);
}

/* ---- the sheet ---------------------------------------------------------------------------- */

/* Column of a cell reference ("BC12" -> 54, 0-based); -1 if it has none. */
static long
ref_col(const char *r)
{
	long col = 0;

	if (r == NULL || *r < 'A' || *r > 'Z')
		return -1;
	for (; *r >= 'A' && *r <= 'Z'; r++) {
		col = col * 26 + (*r - 'A' + 1);
		if (col > XLSX_COLS_MAX)
			return XLSX_COLS_MAX;
	}
	return col - 1;
}

static void
sheet_fail(struct xlsx_in *x, const char *msg)
{
	if (!x->failed) {
		x->failed = true;
		snprintf(x->fail_msg, sizeof(x->fail_msg), "%s", msg);
	}
	XML_StopParser(x->p, XML_FALSE);
}

static void
sheet_start(void *arg, const char *el, const char **atts)
{
	struct xlsx_in *x = arg;
	const char *n = local(el);

	if (strcmp(n, "row") == 0) {
		const char *r = attr(atts, "r");

		x->row = r != NULL ? strtol(r, NULL, 10) : x->rows_seen + 1;
		x->rows_seen = x->row;
		x->n_cells = 0;
		x->next_col = 0;
	} else if (strcmp(n, "c") == 0) {
		const char *t = attr(atts, "t");
		const char *s = attr(atts, "s");
		long col = ref_col(attr(atts, "r"));

		if (col < 0)
			col = x->next_col;
		if (col >= XLSX_COLS_MAX) {
			sheet_fail(x, _("a cell lies past Excel's last column"));
			return;
		}
		x->col = (size_t)col;
		x->next_col = col + 1;
		snprintf(x->cell_type, sizeof(x->cell_type), "%s", t != NULL ? t : "n");
		x->cell_style = s != NULL ? strtol(s, NULL, 10) : 0;
		buf_reset(&x->text);
	} else if (strcmp(n, "v") == 0) {
		x->in_v = true;
	} else if (strcmp(n, "is") == 0) {
		x->in_is = true;
	} else if (strcmp(n, "t") == 0 && x->in_is) {
		x->in_t = true;
	} else if (strcmp(n, "rPh") == 0) {
		x->in_rph++;
	}
}

/* A number as text: as the workbook holds it, or in E notation when it has more significant
 * digits than a spreadsheet keeps (15): such a value has lost digits, or will in Excel. */
static void
number_text(const char *v, struct buf *out)
{
	const char *p;
	int digits = 0;
	bool lead = true;
	char tmp[64];

	for (p = v; *p != '\0'; p++) {
		if (*p == 'E' || *p == 'e') {
			buf_adds(out, v);
			return;
		}
		if (*p >= '1' && *p <= '9')
			lead = false;
		if (*p >= '0' && *p <= '9' && !lead)
			digits++;
	}
	if (digits <= 15) {
		buf_adds(out, v);
		return;
	}
	snprintf(tmp, sizeof(tmp), "%.14E", strtod(v, NULL));
	buf_adds(out, tmp);
}

/* A date serial as "YYYY-MM-DD" (the day; a time of day is dropped). Excel counts from
 * 1899-12-31 as day 1 and has a 1900-02-29 that never was (day 60); a 1904 workbook counts
 * from 1904-01-01 as day 0. */
static bool
serial_date(const struct xlsx_in *x, const char *v, struct buf *out)
{
	char *end;
	double d = strtod(v, &end);
	struct date base;
	char iso[DATE_ISO_LEN];
	int64_t days;

	if (*end != '\0' || d < 1 || d > 2958465)	/* up to 9999-12-31 */
		return false;
	days = (int64_t)floor(d);
	if (x->date1904)
		base = date_ymd(1904, 1, 1);
	else if (days < 60)
		base = date_ymd(1899, 12, 31);
	else if (days == 60)
		return false;	/* 1900-02-29: left as the number, which the field refuses */
	else
		base = date_ymd(1899, 12, 30);
	buf_adds(out, date_format(date_add_days(base, days), iso));
	return true;
}

static void
end_cell(struct xlsx_in *x)
{
	const char *t = x->cell_type;
	const char *v = buf_str(&x->text);
	struct buf *cell;
	size_t i;

	while (x->n_cells <= x->col) {
		if (x->n_cells == x->cap_cells) {
			size_t cap = x->cap_cells > 0 ? x->cap_cells * 2 : 32;

			x->cells = xreallocarray(x->cells, cap, sizeof(*x->cells));
			for (i = x->cap_cells; i < cap; i++)
				buf_init(&x->cells[i]);
			x->cap_cells = cap;
		}
		buf_reset(&x->cells[x->n_cells++]);
	}
	cell = &x->cells[x->col];
	buf_reset(cell);
	if (strcmp(t, "s") == 0) {
		char *end;
		unsigned long idx = strtoul(v, &end, 10);

		if (*v == '\0' || *end != '\0' || idx >= x->n_strings) {
			sheet_fail(x, _("a cell names a shared string the workbook does not have"));
			return;
		}
		buf_adds(cell, x->strings[idx]);
	} else if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0) {
		unescape(v, x->text.len, cell);
	} else if (strcmp(t, "b") == 0) {
		buf_adds(cell, strcmp(v, "1") == 0 || strcmp(v, "true") == 0 ? "1" : "0");
	} else if (strcmp(t, "d") == 0) {
		buf_add(cell, v, x->text.len >= 10 && v[4] == '-' ? 10 : x->text.len);
	} else if (strcmp(t, "e") == 0) {
		buf_adds(cell, v);
	} else if (x->text.len > 0) {
		bool date = x->cell_style >= 0 && (size_t)x->cell_style < x->n_xf &&
		    x->xf_date[x->cell_style];

		if (!date || !serial_date(x, v, cell))
			number_text(v, cell);
	}
}

static void
sheet_end(void *arg, const char *el)
{
	struct xlsx_in *x = arg;
	const char *n = local(el);

	if (x->failed)
		return;
	if (strcmp(n, "v") == 0) {
		x->in_v = false;
	} else if (strcmp(n, "t") == 0) {
		x->in_t = false;
	} else if (strcmp(n, "is") == 0) {
		x->in_is = false;
	} else if (strcmp(n, "rPh") == 0) {
		x->in_rph--;
	} else if (strcmp(n, "c") == 0) {
		end_cell(x);
	} else if (strcmp(n, "row") == 0) {
		x->row_done = true;
		XML_StopParser(x->p, XML_TRUE);
	}
}

static void
sheet_text(void *arg, const char *s, int len)
{
	struct xlsx_in *x = arg;

	if (x->in_v || (x->in_t && x->in_rph == 0))
		buf_add(&x->text, s, (size_t)len);
}

/* ---- opening ---------------------------------------------------------------------------- */

bool
xlsx_in_is_zip(const char *path)
{
	unsigned char b[4];
	struct stat sb;
	bool yes = false;
	int fd;

	/* Never blocking, and never reading a pipe: its bytes would be gone for the CSV reader. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return false;
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode))
		yes = read(fd, b, 4) == 4 && memcmp(b, "PK\x03\x04", 4) == 0;
	close(fd);
	return yes;
}

static int
choose_sheet(struct xlsx_in *x, const char *sheet, const char **part, struct duban_err *err)
{
	struct buf names = BUF_INIT;
	size_t i;
	size_t r;

	*part = NULL;
	for (i = 0; i < x->n_sheets; i++) {
		if (sheet != NULL && strcmp(x->sheets[i].name, sheet) != 0)
			continue;
		for (r = 0; r < x->n_rels; r++)
			if (strcmp(x->rel_ids[r], x->sheets[i].rid) == 0)
				*part = x->rel_targets[r];
		x->sheet_title = xstrdup(x->sheets[i].name);
		break;
	}
	if (*part != NULL)
		return DUBAN_OK;
	if (x->n_sheets == 0)
		return duban_err_set(err, DUBAN_EINPUT, _("%s is a ZIP file but not a workbook "
		    "(.xlsx): it has no sheets"), x->name);
	if (i < x->n_sheets)
		return duban_err_set(err, DUBAN_EINPUT, _("%s: the workbook is damaged (sheet "
		    "\"%s\" has no part)"), x->name, x->sheets[i].name);
	for (i = 0; i < x->n_sheets; i++)
		buf_printf(&names, "%s\"%s\"", i > 0 ? ", " : "", x->sheets[i].name);
	duban_err_set(err, DUBAN_EINPUT, _("%s has no sheet \"%s\"; its sheets: %s"), x->name,
	    sheet, buf_str(&names));
	buf_release(&names);
	return DUBAN_EINPUT;
}

int
xlsx_in_open(const char *path, const char *name, const char *sheet, struct xlsx_in **out,
    struct duban_err *err)
{
	struct xlsx_in *x = xcalloc(1, sizeof(*x));
	const char *part = NULL;
	bool found = false;
	int zerr = 0;
	int rc;

	x->name = xstrdup(name);
	x->zip = zip_open(path, ZIP_RDONLY, &zerr);
	if (x->zip == NULL) {
		xlsx_in_close(x);
		return duban_err_set(err, DUBAN_EINPUT, _("%s is not a workbook (.xlsx) duban can "
		    "read: it is not a whole ZIP file"), name);
	}
	rc = parse_part(x, "xl/workbook.xml", workbook_start, ignore_end, NULL, &found, err);
	if (rc == DUBAN_OK && !found)
		rc = duban_err_set(err, DUBAN_EINPUT, _("%s is a ZIP file but not a workbook "
		    "(.xlsx): it has no xl/workbook.xml"), name);
	if (rc == DUBAN_OK)
		rc = parse_part(x, "xl/_rels/workbook.xml.rels", rels_start, ignore_end, NULL,
		    &found, err);
	if (rc == DUBAN_OK)
		rc = choose_sheet(x, sheet, &part, err);
	if (rc == DUBAN_OK && x->styles_part != NULL)
		rc = parse_part(x, x->styles_part, styles_start, styles_end, NULL, &found, err);
	if (rc == DUBAN_OK && x->strings_part != NULL)
		rc = parse_part(x, x->strings_part, strings_start, strings_end, collect_text,
		    &found, err);
	if (rc == DUBAN_OK) {
		x->sheet = zip_fopen(x->zip, part, 0);
		if (x->sheet == NULL)
			rc = duban_err_set(err, DUBAN_EINPUT, _("%s: the workbook is damaged (sheet "
			    "\"%s\" has no part)"), name, x->sheet_title);
	}
	if (rc != DUBAN_OK) {
		xlsx_in_close(x);
		return rc;
	}
	x->p = XML_ParserCreate(NULL);
	XML_SetUserData(x->p, x);
	XML_SetElementHandler(x->p, sheet_start, sheet_end);
	XML_SetCharacterDataHandler(x->p, sheet_text);
	x->chunk = xmalloc(XLSX_CHUNK);
	*out = x;
	return DUBAN_OK;
}

const char *
xlsx_in_sheet(const struct xlsx_in *x)
{
	return x->sheet_title;
}

static int
parse_fail(struct xlsx_in *x, struct duban_err *err)
{
	if (x->failed)
		duban_err_set(err, DUBAN_EINPUT, _("%s: the workbook is damaged (%s)"), x->name,
		    x->fail_msg);
	else
		duban_err_set(err, DUBAN_EINPUT, _("%s: the workbook is damaged (sheet \"%s\", "
		    "line %lu of its XML: %s)"), x->name, x->sheet_title,
		    (unsigned long)XML_GetCurrentLineNumber(x->p),
		    XML_ErrorString(XML_GetErrorCode(x->p)));
	return duban_err_where(err, "%s:%ld", x->name, x->row);
}

int
xlsx_in_next(struct xlsx_in *x, long *row, size_t *n, const struct buf **cells,
    struct duban_err *err)
{
	enum XML_Status st;
	zip_int64_t got;

	*n = 0;
	for (;;) {
		x->row_done = false;
		if (x->suspended) {
			x->suspended = false;
			st = XML_ResumeParser(x->p);
		} else if (x->eof) {
			return DUBAN_OK;
		} else {
			got = zip_fread(x->sheet, x->chunk, XLSX_CHUNK);
			if (got < 0)
				return duban_err_set(err, DUBAN_EINPUT, _("%s: the workbook is "
				    "damaged (%s)"), x->name, zip_file_strerror(x->sheet));
			x->eof = got == 0;
			st = XML_Parse(x->p, x->chunk, (int)got, x->eof);
		}
		if (st == XML_STATUS_ERROR || x->failed)
			return parse_fail(x, err);
		if (st == XML_STATUS_SUSPENDED)
			x->suspended = true;
		if (x->row_done && x->n_cells > 0) {
			*row = x->row;
			*n = x->n_cells;
			*cells = x->cells;
			return DUBAN_OK;
		}
	}
}

void
xlsx_in_close(struct xlsx_in *x)
{
	size_t i;

	if (x == NULL)
		return;
	if (x->p != NULL)
		XML_ParserFree(x->p);
	if (x->sheet != NULL)
		zip_fclose(x->sheet);
	if (x->zip != NULL)
		zip_discard(x->zip);
	for (i = 0; i < x->n_sheets; i++) {
		free(x->sheets[i].name);
		free(x->sheets[i].rid);
	}
	free(x->sheets);
	for (i = 0; i < x->n_rels; i++) {
		free(x->rel_ids[i]);
		free(x->rel_targets[i]);
	}
	free(x->rel_ids);
	free(x->rel_targets);
	free(x->strings_part);
	free(x->styles_part);
	free(x->sheet_title);
	free(x->xf_date);
	free(x->fmt_ids);
	free(x->fmt_date);
	for (i = 0; i < x->n_strings; i++)
		free(x->strings[i]);
	free(x->strings);
	for (i = 0; i < x->cap_cells; i++)
		buf_release(&x->cells[i]);
	free(x->cells);
	free(x->chunk);
	buf_release(&x->text);
	buf_release(&x->value);
	free(x->name);
	free(x);
}
