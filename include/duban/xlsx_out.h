/* include/duban/xlsx_out.h: writing an Excel workbook (.xlsx) with libxlsxwriter: one sheet
 * per table, the header row bold and frozen, text cells as text (a leading zero, a long digit
 * string or "=..." stays what it is: never a number, never a formula), dates as real dates
 * shown yyyy-mm-dd, numbers as numbers, column widths from the display width of what they
 * hold. Rows are written as they come (libxlsxwriter's constant memory mode), so memory does
 * not grow with the table. The workbook's creation time is fixed (1980-01-01, as its ZIP
 * entries), so the same table always gives the same bytes. Knows nothing of records. */
#ifndef DUBAN_XLSX_OUT_H
#define DUBAN_XLSX_OUT_H

#include <stdbool.h>
#include <stddef.h>

struct duban_err;

enum xlsx_type {
	XLSX_TEXT,
	XLSX_NUMBER,	/* a decimal number; one that does not parse is written as text */
	XLSX_DATE,	/* "YYYY-MM-DD"; one that does not parse is written as text */
};

struct xlsx_out;

/* Start a workbook to be written to path (a file libxlsxwriter creates at xlsx_out_close);
 * name is the file as the user knows it, for messages. */
int xlsx_out_open(const char *path, const char *name, struct xlsx_out **out,
    struct duban_err *err);
/* Start a new sheet titled title (cut to Excel's 31 characters, characters Excel refuses in a
 * title replaced, and made unique in the workbook), with a header row of n cells. */
int xlsx_out_sheet(struct xlsx_out *x, const char *title, const char *const *headers, size_t n,
    struct duban_err *err);
/* One cell of the current row; empty values leave the cell empty. */
void xlsx_out_cell(struct xlsx_out *x, size_t col, enum xlsx_type type, const char *value);
/* The current row is complete. */
void xlsx_out_end_row(struct xlsx_out *x);
/* Write the file (with ok) or drop everything, and free x. DUBAN_EINPUT if a cell could not
 * be written (longer than Excel allows) or the file could not be. */
int xlsx_out_close(struct xlsx_out *x, bool ok, struct duban_err *err);

#endif
