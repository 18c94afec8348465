/* include/duban/attach.h: scanned documents attached to a record by path. duban never copies
 * the file: it records where it is, its name, size and SHA-256, so that `check` can tell a
 * document that has gone missing or been changed since it was attached. */
#ifndef DUBAN_ATTACH_H
#define DUBAN_ATTACH_H

#include <stdbool.h>
#include <stdint.h>

#include "duban/sha256.h"

struct buf;
struct db;
struct duban_err;
struct kind_def;
struct record_env;

struct attachment {
	int64_t id;
	const char *kind;	/* record kind name */
	int64_t record_id;
	const char *path;	/* absolute, as attached */
	const char *name;	/* the file's name when attached */
	int64_t size;
	const char *sha256;	/* 64 lowercase hex digits */
	const char *note;
	const char *attached_on;	/* "YYYY-MM-DD HH:MM:SS" of the acting person */
	const char *attached_by;
};

enum attach_state {
	ATTACH_OK,		/* the file is there, same size and SHA-256 */
	ATTACH_MISSING,		/* no file at the path */
	ATTACH_CHANGED,		/* a file, but another size or SHA-256 */
	ATTACH_UNREADABLE,	/* there, but cannot be read (permissions, a directory) */
};

/* Attach the file at path (made absolute) to a live record: its name, size and SHA-256 are
 * recorded, audited as "attach". Needs the kind's write access. DUBAN_EINPUT for a file that
 * cannot be read, a deleted record, or the same file (same path and SHA-256) attached
 * already. *id: the attachment's id. */
int attach_add(const struct record_env *env, const struct kind_def *kind, int64_t record_id,
    const char *path, const char *note, int64_t *id, struct duban_err *err);

/* Remove an attachment (kept, marked removed; audited as "detach"). Needs the record kind's
 * write access. */
int attach_remove(const struct record_env *env, int64_t id, struct duban_err *err);

typedef int (*attach_fn)(const struct attachment *a, void *arg);

/* The live attachments of one record (kind and record_id), or of every record (kind NULL),
 * by id. fn may stop the walk by returning anything but DUBAN_OK. */
int attach_each(struct db *db, const char *kind, int64_t record_id, attach_fn fn, void *arg,
    struct duban_err *err);

/* Look at the file now: its state, and the size and SHA-256 found (when readable). */
enum attach_state attach_verify(const struct attachment *a, int64_t *size,
    char sha256[SHA256_HEX_LEN]);
/* "ok", "missing", "changed", "unreadable": translated. */
const char *attach_state_label(enum attach_state s);

/* Append a line per live attachment that is missing, changed or unreadable (for `check`);
 * *problems counts them, *checked counts all. */
int attach_check(struct db *db, struct buf *report, int *problems, int *checked,
    struct duban_err *err);

/* The SHA-256 and size of the file at path. DUBAN_EINPUT (with errno's reason) if it cannot
 * be read or is not a regular file. */
int attach_hash_file(const char *path, int64_t *size, char sha256[SHA256_HEX_LEN],
    struct duban_err *err);

#endif
