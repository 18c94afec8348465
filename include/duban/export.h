/* include/duban/export.h: writing records out as CSV (the headers and words the import
 * reads, so an exported file imports back unchanged), JSON or an .xlsx workbook. A file is
 * written beside its final name and renamed into place only when complete. */
#ifndef DUBAN_EXPORT_H
#define DUBAN_EXPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "duban/encoding.h"

struct duban_err;
struct kind_def;
struct record;
struct record_env;

enum export_format {
	EXPORT_CSV,
	EXPORT_JSON,
	EXPORT_XLSX,	/* a workbook, a sheet per kind (xlsx_out.h); needs path */
};

struct export_opts {
	const struct kind_def *kind;
	enum export_format format;
	enum encoding encoding;		/* CSV: ENCODING_UTF8 (with BOM) or ENCODING_GB18030 */
	bool zh_headers;		/* CSV: Chinese headers (else English) */
	const char *path;		/* the file to write; NULL: write to stream */
	FILE *stream;			/* borrowed; used when path is NULL */
};

struct export;

/* Start an export: the header (CSV, XLSX) or the opening bracket (JSON). Needs ACCESS_EXPORT.
 * DUBAN_EUSAGE for JSON or XLSX in GB18030 (both are UTF-8), for XLSX without a path or to a
 * device or pipe (a workbook is a ZIP file: it needs a file); DUBAN_EINPUT if the file cannot be
 * created beside path (missing directory, no permission). */
int export_open(const struct record_env *env, const struct export_opts *o, struct export **out,
    struct duban_err *err);
/* XLSX: start a new sheet for kind (its header row); the records that follow are of kind. */
int export_add_sheet(struct export *ex, const struct kind_def *kind, struct duban_err *err);
/* Write one record of o->kind: values as record_display(..., csv_words = true) gives them. */
int export_record(struct export *ex, const struct record *r, struct duban_err *err);
/* Finish and free ex. With ok, the closing bytes are written and the file takes its name
 * (DUBAN_EINPUT if the disk filled up or the rename failed, and nothing is left behind);
 * without, the partial file is removed. */
int export_close(struct export *ex, bool ok, struct duban_err *err);

/* Export every live record of o->kind (agencies parents first, others by id); *n: how many.
 * Needs ACCESS_EXPORT. */
int export_kind(const struct record_env *env, const struct export_opts *o, int64_t *n,
    struct duban_err *err);

/* XLSX: the live records of each of kinds[0..n_kinds) into one workbook at o->path, a sheet
 * each (o->kind is ignored); counts[i]: how many of kinds[i]. */
int export_kinds(const struct record_env *env, const struct export_opts *o,
    const struct kind_def *const *kinds, size_t n_kinds, int64_t *counts,
    struct duban_err *err);

#endif
