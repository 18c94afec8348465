/* include/duban/csvin.h: reading a CSV file of records. Parses with libcsv, a row at a time,
 * so memory does not grow with the file; decodes with encoding.h; finds the delimiter (comma
 * or tab) in the header line, finds the header among the first rows (a spreadsheet's title
 * rows above it are skipped), matches the header's columns to a kind's fields by Chinese or
 * English name (or an alias), and tells the kind from the header when it is not given.
 * Knows nothing of the database: rows come out as text. */
#ifndef DUBAN_CSVIN_H
#define DUBAN_CSVIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "duban/encoding.h"

struct duban_err;
struct kind_def;

/* Another name a column may carry: header text -> field (its column, CSV or Chinese name) of
 * kind (NULL: of any kind that has such a field). The hook for configured aliases. */
struct csvin_alias {
	const char *kind;
	const char *header;
	const char *field;
};

struct csvin_opts {
	enum encoding encoding;			/* ENCODING_AUTO to detect */
	const struct kind_def *kind;		/* NULL: tell from the header */
	const struct csvin_alias *aliases;	/* may be NULL */
	size_t n_aliases;
	const char *sheet;			/* a workbook's sheet; NULL: the first */
};

enum csvin_role {
	CSVIN_FIELD,		/* a field of the kind (and for litigation maybe of the hearing) */
	CSVIN_HEARING,		/* litigation files: a field of the row's hearing only */
	CSVIN_DERIVED,		/* a due date duban computes: read past without a word */
	CSVIN_REJECTS,		/* "line" and "reason" of a rejects file: read past */
	CSVIN_UNKNOWN,		/* not a field: ignored, and reported */
};

struct csvin_column {
	const char *header;	/* as written, without surrounding blanks */
	enum csvin_role role;
	int field;		/* CSVIN_FIELD, CSVIN_DERIVED: the kind's field index, else -1 */
	int hearing_field;	/* litigation: index in the hearing's fields, or -1 */
};

struct csvin_row {
	long line;		/* line of the file where the row starts (the header is line 1) */
	size_t n;		/* cells */
	const char **cells;	/* NUL-terminated; a cell may hold NUL bytes: see lens */
	const size_t *lens;
};

struct csvin;

/* Open path and read its header row. A workbook (.xlsx, told by its first bytes, or any file
 * when o->sheet is given) is read from its sheet (xlsx_in.h) with the same header search and
 * mapping; its rows' lines are the sheet's row numbers. name is the file as the user wrote
 * it, for messages.
 * DUBAN_EINPUT naming the file: it cannot be opened, is empty or has no header, cannot be
 * decoded, the kind cannot be told from the header, a column appears twice, or required
 * columns are missing (all of them listed). */
int csvin_open(const char *path, const char *name, const struct csvin_opts *o,
    struct csvin **out, struct duban_err *err);
/* The same for an open stream (borrowed; the caller closes it after csvin_close). total: its
 * size in bytes for progress, 0 if unknown. */
int csvin_open_stream(FILE *f, const char *name, uint64_t total, const struct csvin_opts *o,
    struct csvin **out, struct duban_err *err);
void csvin_close(struct csvin *c);

const struct kind_def *csvin_kind(const struct csvin *c);
/* The encoding seen so far (ENCODING_AUTO while every byte was ASCII). */
enum encoding csvin_encoding(const struct csvin *c);
char csvin_delimiter(const struct csvin *c);
/* True if the header is mostly in Chinese (messages then name fields in Chinese). */
bool csvin_zh_headers(const struct csvin *c);
size_t csvin_n_columns(const struct csvin *c);
const struct csvin_column *csvin_column(const struct csvin *c, size_t idx);
/* The header cells as written, for a rejects file. */
const struct csvin_row *csvin_header(const struct csvin *c);
/* The sheet read from a workbook, or NULL for a CSV file. */
const char *csvin_sheet(const struct csvin *c);
/* Title rows a spreadsheet put above the header, skipped (0: the header is the first row);
 * *first (may be NULL) gets the first title's text. */
int csvin_title_rows(const struct csvin *c, const char **first);
/* True if the file has any CSVIN_HEARING column. */
bool csvin_has_hearing(const struct csvin *c);

/* The next data row, borrowed until the next call; *row is NULL at the end. Blank lines and
 * rows of empty cells are skipped. DUBAN_EINPUT naming file and line for undecodable bytes,
 * a quoted field that never closes, or a field of more than 64 MB. */
int csvin_next(struct csvin *c, const struct csvin_row **row, struct duban_err *err);
/* Bytes of the file read so far, and its size (0 if unknown). */
uint64_t csvin_offset(const struct csvin *c);
uint64_t csvin_total(const struct csvin *c);

#endif
