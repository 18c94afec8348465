/* core/xlsx_out.c: an .xlsx workbook through libxlsxwriter, typed cells, a bold frozen
 * header, widths from display width. */
#include "duban/xlsx_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

#include "duban/buf.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/text.h"

/* Excel's limits: a sheet title, the characters of a cell, a column's width. */
#define XLSX_TITLE_MAX 31
#define XLSX_CELL_MAX 32767
#define XLSX_WIDTH_MAX 60
/* 1980-01-01 00:00 UTC, the earliest time a ZIP entry can carry. */
#define XLSX_CREATED ((time_t)315532800)

struct xlsx_out {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold;
	lxw_format *date;
	char *name;
	size_t n_sheets;
	lxw_row_t row;
	size_t n_cols;
	int *widths;		/* display columns of the widest cell of each column */
	lxw_error failed;	/* the first error of a cell */
	lxw_row_t failed_row;
	size_t failed_col;
};

int
xlsx_out_open(const char *path, const char *name, struct xlsx_out **out, struct duban_err *err)
{
	lxw_workbook_options opt;
	lxw_doc_properties props;
	struct xlsx_out *x;

	memset(&opt, 0, sizeof(opt));
	opt.constant_memory = LXW_TRUE;
	x = xcalloc(1, sizeof(*x));
	x->wb = workbook_new_opt(path, &opt);
	if (x->wb == NULL) {
		free(x);
		return duban_err_set(err, DUBAN_EINPUT, _("%s cannot be written (no memory or no "
		    "temporary directory)"), name);
	}
	/* Core never reads the clock, and the same records give the same bytes: the creation
	 * time is that of the archive's entries, 1980-01-01. */
	memset(&props, 0, sizeof(props));
	props.created = XLSX_CREATED;
	workbook_set_properties(x->wb, &props);
	x->name = xstrdup(name);
	x->bold = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	x->date = workbook_add_format(x->wb);
	format_set_num_format(x->date, "yyyy-mm-dd");
	*out = x;
	return DUBAN_OK;
}

/* Close the sheet being written: its widths. */
static void
finish_sheet(struct xlsx_out *x)
{
	size_t i;

	for (i = 0; x->ws != NULL && i < x->n_cols; i++) {
		int w = x->widths[i] + 2;

		worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i,
		    w > XLSX_WIDTH_MAX ? XLSX_WIDTH_MAX : w, NULL);
	}
	free(x->widths);
	x->widths = NULL;
	x->ws = NULL;
}

static void
note(struct xlsx_out *x, size_t col, const char *s)
{
	int w = text_cols(s);

	if (col < x->n_cols && w > x->widths[col])
		x->widths[col] = w;
}

static void
check(struct xlsx_out *x, lxw_error e, size_t col)
{
	if (e != LXW_NO_ERROR && x->failed == LXW_NO_ERROR) {
		x->failed = e;
		x->failed_row = x->row;
		x->failed_col = col;
	}
}

int
xlsx_out_sheet(struct xlsx_out *x, const char *title, const char *const *headers, size_t n,
    struct duban_err *err)
{
	struct buf t = BUF_INIT;
	struct buf u = BUF_INIT;
	const char *p;
	size_t i;
	int k;

	finish_sheet(x);
	for (p = title; *p != '\0'; p++)
		buf_addc(&t, strchr("[]:*?/\\'", *p) != NULL ? '_' : *p);
	/* 31 characters, counted as Excel counts them (UTF-16 units; CJK: one each). */
	for (i = 0, k = 0, p = buf_str(&t); p[i] != '\0'; k++) {
		size_t len = ((unsigned char)p[i] & 0xE0) == 0xC0 ? 2 :
		    ((unsigned char)p[i] & 0xF0) == 0xE0 ? 3 :
		    ((unsigned char)p[i] & 0xF8) == 0xF0 ? 4 : 1;

		if (k + (len == 4 ? 2 : 1) > XLSX_TITLE_MAX - 3)
			break;
		i += len;
		if (len == 4)
			k++;
	}
	buf_add(&u, p, i);
	if (u.len == 0)
		buf_adds(&u, "Sheet");
	x->n_sheets++;
	/* A second sheet of the same title gets its number. */
	for (k = 2; workbook_get_worksheet_by_name(x->wb, buf_str(&u)) != NULL; k++) {
		buf_reset(&u);
		buf_add(&u, p, i);
		buf_printf(&u, " %d", k);
	}
	x->ws = workbook_add_worksheet(x->wb, buf_str(&u));
	buf_release(&t);
	buf_release(&u);
	if (x->ws == NULL)
		return duban_err_set(err, DUBAN_EINPUT, _("%s: a sheet could not be added"),
		    x->name);
	x->row = 0;
	x->n_cols = n;
	x->widths = xcalloc(n > 0 ? n : 1, sizeof(*x->widths));
	for (i = 0; i < n; i++) {
		check(x, worksheet_write_string(x->ws, 0, (lxw_col_t)i, headers[i], x->bold), i);
		note(x, i, headers[i]);
	}
	worksheet_freeze_panes(x->ws, 1, 0);
	x->row = 1;
	return DUBAN_OK;
}

/* "YYYY-MM-DD" into dt; false if s is not one. */
static bool
parse_date(const char *s, lxw_datetime *dt)
{
	int y, m, d;
	char end;

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 || y < 1900 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	memset(dt, 0, sizeof(*dt));
	dt->year = y;
	dt->month = (uint8_t)m;
	dt->day = (uint8_t)d;
	return true;
}

/* A decimal number as duban writes one, with up to 15 significant digits (what a double
 * holds exactly); anything else stays text. */
static bool
parse_number(const char *s, double *v)
{
	const char *p = s;
	int digits = 0;
	char *end;

	if (*p == '-')
		p++;
	if (*p < '0' || *p > '9')
		return false;
	for (; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p != '.')
			return false;
	}
	if (digits > 15 || (s[0] == '0' && s[1] >= '0' && s[1] <= '9'))
		return false;
	*v = strtod(s, &end);
	return *end == '\0';
}

void
xlsx_out_cell(struct xlsx_out *x, size_t col, enum xlsx_type type, const char *value)
{
	lxw_datetime dt;
	double v;

	if (x->ws == NULL || value[0] == '\0')
		return;
	if (type == XLSX_DATE && parse_date(value, &dt)) {
		check(x, worksheet_write_datetime(x->ws, x->row, (lxw_col_t)col, &dt, x->date),
		    col);
		note(x, col, "0000-00-00");
		return;
	}
	if (type == XLSX_NUMBER && parse_number(value, &v)) {
		check(x, worksheet_write_number(x->ws, x->row, (lxw_col_t)col, v, NULL), col);
		note(x, col, value);
		return;
	}
	check(x, worksheet_write_string(x->ws, x->row, (lxw_col_t)col, value, NULL), col);
	note(x, col, value);
}

void
xlsx_out_end_row(struct xlsx_out *x)
{
	x->row++;
}

int
xlsx_out_close(struct xlsx_out *x, bool ok, struct duban_err *err)
{
	lxw_error e;
	int rc = DUBAN_OK;

	if (x == NULL)
		return DUBAN_OK;
	finish_sheet(x);
	if (ok && x->failed != LXW_NO_ERROR) {
		if (x->failed == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
			rc = duban_err_set(err, DUBAN_EINPUT, _("%s: row %lu, column %zu is longer "
			    "than a workbook cell may be (32767 characters); export it as CSV"),
			    x->name, (unsigned long)x->failed_row + 1, x->failed_col + 1);
		else
			rc = duban_err_set(err, DUBAN_EINPUT, _("%s: row %lu, column %zu could not "
			    "be written: %s"), x->name, (unsigned long)x->failed_row + 1,
			    x->failed_col + 1, lxw_strerror(x->failed));
	}
	/* Closing is what writes the file; a failed export still closes, to free. */
	e = workbook_close(x->wb);
	if (ok && rc == DUBAN_OK && e != LXW_NO_ERROR)
		rc = duban_err_set(err, DUBAN_EINPUT, _("%s could not be written: %s"), x->name,
		    lxw_strerror(e));
	free(x->name);
	free(x);
	return rc;
}
