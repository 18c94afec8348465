/* include/duban/xlsx_in.h: reading one sheet of an Excel workbook (.xlsx) row by row, with
 * libzip and expat. Cells come out as text, their types honoured: a text cell (shared or
 * inline string) as written; a number with a date format as "YYYY-MM-DD"; any other number as
 * the workbook holds it, except one of more than 15 significant digits (which no spreadsheet
 * keeps exactly), which comes out in E notation so that the import refuses it in a text
 * field; booleans as 1 or 0; a formula as its cached result. The sheet is parsed as it is
 * read, a row at a time; only the shared strings are held. Knows nothing of records. */
#ifndef DUBAN_XLSX_IN_H
#define DUBAN_XLSX_IN_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct duban_err;

struct xlsx_in;

/* True if the file at path starts as a ZIP archive does (an .xlsx workbook is one). */
bool xlsx_in_is_zip(const char *path);
/* Open the workbook at path and its sheet titled sheet (NULL: the first). name is the file as
 * the user wrote it, for messages. DUBAN_EINPUT naming the file: not a ZIP or not a workbook,
 * damaged, or no sheet of that title (the titles listed). */
int xlsx_in_open(const char *path, const char *name, const char *sheet, struct xlsx_in **out,
    struct duban_err *err);
void xlsx_in_close(struct xlsx_in *x);
/* The title of the sheet being read. */
const char *xlsx_in_sheet(const struct xlsx_in *x);
/* The next row that has a cell: *row its number in the sheet (1 for the first), *n its cells
 * (up to the last one present), cells[i] the text of column i ("" when absent), borrowed until
 * the next call. *n is 0 at the end. DUBAN_EINPUT naming file and row if the sheet's XML is
 * damaged. */
int xlsx_in_next(struct xlsx_in *x, long *row, size_t *n, const struct buf **cells,
    struct duban_err *err);

#endif
