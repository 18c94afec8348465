/* include/duban/import.h: loading a CSV file (or a sheet of an .xlsx workbook) of records into
 * the database. Every row goes
 * through the same checks as a form (record_input, record_save); the whole file is one
 * transaction, tied to one import_batches row that every audit row of it names. */
#ifndef DUBAN_IMPORT_H
#define DUBAN_IMPORT_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "duban/encoding.h"

struct buf;
struct csvin_alias;
struct duban_err;
struct kind_def;
struct record_env;

/* Progress: data rows done, bytes of the file read and its size (0 if unknown). */
typedef void (*import_progress_fn)(void *arg, int64_t rows, uint64_t bytes, uint64_t total);
/* One refusal: file as named, line of the row, the column's header as written (NULL when the
 * row as a whole is refused), and the reason (translated). */
typedef void (*import_refusal_fn)(void *arg, const char *file, long line, const char *column,
    const char *reason);
/* A warning about the file (an unknown column...), translated, naming the file. */
typedef void (*import_warning_fn)(void *arg, const char *msg);

struct import_opts {
	const char *path;
	const char *name;		/* the file as the user wrote it; NULL: path */
	enum encoding encoding;		/* ENCODING_AUTO to detect */
	const char *sheet;		/* a workbook's sheet by title; NULL: the first */
	const struct kind_def *kind;	/* NULL: tell from the header */
	const struct csvin_alias *aliases;	/* header aliases; may be NULL */
	size_t n_aliases;
	bool dry_run;			/* check everything, write nothing */
	bool skip_invalid;		/* write the valid rows, the refused ones to rejects */
	const char *rejects_path;	/* NULL: import_default_rejects_path() */
	import_progress_fn progress;	/* each may be NULL */
	import_refusal_fn refused;
	import_warning_fn warn;
	void *arg;
	/* Checked before each row; non-zero stops the import and rolls it all back. */
	const volatile sig_atomic_t *cancel;
};

struct import_result {
	const struct kind_def *kind;	/* as given or detected; NULL if the header was bad */
	enum encoding encoding;		/* as detected (ENCODING_AUTO: the file was ASCII) */
	char delimiter;
	char *sheet;			/* a workbook's sheet that was read; NULL: CSV */
	int64_t rows;			/* data rows read */
	int64_t n_new;			/* rows by what happened to their record */
	int64_t n_updated;
	int64_t n_unchanged;
	int64_t n_refused;
	int64_t n_totals;		/* total rows (合计) skipped, not counted in rows */
	int64_t hearings_new;		/* litigation rows that carried a hearing */
	int64_t hearings_updated;
	int64_t hearings_unchanged;
	/* Rows saved whose due dates reached a year the calendar does not cover (counted with
	 * weekends only: the caller warns, never silently), and the earliest such year. */
	int64_t n_uncovered;
	int uncovered_year;
	int64_t batch_id;		/* the import_batches row; 0 when nothing was written */
	bool written;			/* the changes were committed */
	char *rejects_path;		/* the rejects file written, or NULL */
};

/* Import o->path. Needs ACCESS_IMPORT, and the kind's own write access when it is not
 * ACCESS_EDIT_RECORDS (agencies: ACCESS_MANAGE; assessment items: ACCESS_ASSESS). Opens its
 * own transaction (BEGIN IMMEDIATE) and commits only at the end: an error, a cancel or a
 * crash leaves the database as it was. With dry_run the work is done and rolled back.
 * Refused rows are passed to o->refused; unless skip_invalid, one refused row means nothing
 * is written and DUBAN_EINPUT. With skip_invalid (and not dry_run) refused rows go to the
 * rejects file (UTF-8 with BOM, the file's own header plus "line" and "reason"), which is
 * only created when a row was refused. res is filled in every case (free with
 * import_result_release()). DUBAN_EINPUT for a file that cannot be read, decoded or mapped
 * (no row is processed then), DUBAN_EDB, DUBAN_EDENIED. Sets SQLite's page cache to 32 MB
 * for the import's duration. */
int import_run(const struct record_env *env, const struct import_opts *o,
    struct import_result *res, struct duban_err *err);
void import_result_release(struct import_result *res);

/* Where the rejects of input go by default: beside it, NAME.rejects.csv. */
void import_default_rejects_path(const char *input, struct buf *out);

#endif
