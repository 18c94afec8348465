/* core/attach.c: documents attached by path, recognised again by size and SHA-256. */
#include "duban/attach.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "duban/access.h"
#include "duban/audit.h"
#include "duban/buf.h"
#include "duban/db.h"
#include "duban/db_sql.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/json.h"
#include "duban/record.h"

int
attach_hash_file(const char *path, int64_t *size, char sha256[SHA256_HEX_LEN],
    struct duban_err *err)
{
	struct sha256 h;
	struct stat sb;
	unsigned char block[65536];
	FILE *f;
	size_t n;
	int64_t total = 0;
	int failed;

	f = fopen(path, "rb");
	if (f == NULL)
		return duban_err_set(err, DUBAN_EINPUT, _("cannot read %s: %s"), path,
		    strerror(errno));
	if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		fclose(f);
		return duban_err_set(err, DUBAN_EINPUT, _("%s is not a file"), path);
	}
	sha256_init(&h);
	while ((n = fread(block, 1, sizeof(block), f)) > 0) {
		sha256_update(&h, block, n);
		total += (int64_t)n;
	}
	failed = ferror(f);
	fclose(f);
	if (failed)
		return duban_err_set(err, DUBAN_EINPUT, _("cannot read %s: %s"), path,
		    strerror(EIO));
	sha256_final_hex(&h, sha256);
	*size = total;
	return DUBAN_OK;
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

static void
attachment_json(const struct attachment *a, struct buf *out)
{
	buf_printf(out, "{\"attachment\":%lld,\"path\":", (long long)a->id);
	json_add_string(out, a->path);
	buf_adds(out, ",\"name\":");
	json_add_string(out, a->name);
	buf_printf(out, ",\"size\":%lld,\"sha256\":", (long long)a->size);
	json_add_string(out, a->sha256);
	buf_adds(out, ",\"note\":");
	json_add_string(out, a->note);
	buf_addc(out, '}');
}

static int
live_record(struct db *db, const struct kind_def *kind, int64_t record_id,
    struct duban_err *err)
{
	struct record *r = NULL;
	int rc = record_load(db, kind, record_id, &r, err);

	if (rc == DUBAN_OK && r->deleted)
		rc = duban_err_set(err, DUBAN_EINPUT, _("%s %lld is deleted"), kind->name,
		    (long long)record_id);
	record_free(r);
	return rc;
}

int
attach_add(const struct record_env *env, const struct kind_def *kind, int64_t record_id,
    const char *path, const char *note, int64_t *id, struct duban_err *err)
{
	static const char *const ins =
	    "INSERT INTO attachments (kind, record_id, path, name, size, sha256, note,"
	    " attached_on, attached_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	static const char *const dup =
	    "SELECT id FROM attachments WHERE kind = ?1 AND record_id = ?2 AND path = ?3"
	    " AND sha256 = ?4 AND deleted = 0";
	struct attachment a;
	struct buf after = BUF_INIT;
	sqlite3_stmt *st = NULL;
	char abs[PATH_MAX];
	char sha[SHA256_HEX_LEN];
	int64_t size = 0;
	int rc;

	rc = access_require(env->db, (enum access_action)kind->write_access, err);
	if (rc != DUBAN_OK)
		return rc;
	if (realpath(path, abs) == NULL)
		return duban_err_set(err, DUBAN_EINPUT, _("cannot read %s: %s"), path,
		    strerror(errno));
	rc = attach_hash_file(abs, &size, sha, err);
	if (rc != DUBAN_OK)
		return rc;
	rc = db_begin(env->db, err);
	if (rc != DUBAN_OK)
		return rc;
	rc = live_record(env->db, kind, record_id, err);
	if (rc == DUBAN_OK)
		rc = db_prepare(env->db, dup, &st, err);
	if (rc == DUBAN_OK) {
		sqlite3_bind_text(st, 1, kind->name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, record_id);
		sqlite3_bind_text(st, 3, abs, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, sha, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			rc = duban_err_set(err, DUBAN_EINPUT, _("%s is attached to this record "
			    "already (attachment %lld)"), abs, (long long)sqlite3_column_int64(st, 0));
		sqlite3_finalize(st);
		st = NULL;
	}
	if (rc == DUBAN_OK)
		rc = db_prepare(env->db, ins, &st, err);
	if (rc == DUBAN_OK) {
		sqlite3_bind_text(st, 1, kind->name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, record_id);
		sqlite3_bind_text(st, 3, abs, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, base_name(abs), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, size);
		sqlite3_bind_text(st, 6, sha, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, note != NULL ? note : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, db_actor_now(env->db), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, db_actor_login(env->db), -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(env->db, _("saving the attachment"), err);
		sqlite3_finalize(st);
	}
	if (rc == DUBAN_OK) {
		memset(&a, 0, sizeof(a));
		a.id = sqlite3_last_insert_rowid(db_sqlite(env->db));
		a.path = abs;
		a.name = base_name(abs);
		a.size = size;
		a.sha256 = sha;
		a.note = note != NULL ? note : "";
		attachment_json(&a, &after);
		rc = audit_append(env->db, "attach", kind->name, record_id, NULL, buf_str(&after),
		    0, err);
		*id = a.id;
	}
	buf_release(&after);
	return db_end(env->db, rc, err);
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s != NULL ? (const char *)s : "";
}

static void
row_to_attachment(sqlite3_stmt *st, struct attachment *a)
{
	a->id = sqlite3_column_int64(st, 0);
	a->kind = col_text(st, 1);
	a->record_id = sqlite3_column_int64(st, 2);
	a->path = col_text(st, 3);
	a->name = col_text(st, 4);
	a->size = sqlite3_column_int64(st, 5);
	a->sha256 = col_text(st, 6);
	a->note = col_text(st, 7);
	a->attached_on = col_text(st, 8);
	a->attached_by = col_text(st, 9);
}

#define ATTACH_COLUMNS "id, kind, record_id, path, name, size, sha256, note, attached_on," \
	" attached_by"

int
attach_remove(const struct record_env *env, int64_t id, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	struct attachment a;
	struct buf before = BUF_INIT;
	const struct kind_def *kind = NULL;
	int64_t record_id = 0;
	int rc;

	rc = db_begin(env->db, err);
	if (rc != DUBAN_OK)
		return rc;
	rc = db_prepare(env->db, "SELECT " ATTACH_COLUMNS " FROM attachments WHERE id = ?1 AND"
	    " deleted = 0", &st, err);
	if (rc == DUBAN_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			row_to_attachment(st, &a);
			kind = record_kind(a.kind);
			record_id = a.record_id;
			attachment_json(&a, &before);
		} else {
			rc = duban_err_set(err, DUBAN_EINPUT, _("there is no attachment %lld"),
			    (long long)id);
		}
		sqlite3_finalize(st);
		st = NULL;
	}
	if (rc == DUBAN_OK && kind != NULL)
		rc = access_require(env->db, (enum access_action)kind->write_access, err);
	if (rc == DUBAN_OK)
		rc = db_prepare(env->db, "UPDATE attachments SET deleted = 1 WHERE id = ?1", &st,
		    err);
	if (rc == DUBAN_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(env->db, _("removing the attachment"), err);
		sqlite3_finalize(st);
	}
	if (rc == DUBAN_OK)
		rc = audit_append(env->db, "detach", kind != NULL ? kind->name : "", record_id,
		    buf_str(&before), NULL, 0, err);
	buf_release(&before);
	return db_end(env->db, rc, err);
}

/* A database opened read-only is not upgraded: one from before attachments has none. */
static int
has_table(struct db *db, bool *yes, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND"
	    " name = 'attachments'", &st, err);

	*yes = false;
	if (rc != DUBAN_OK)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		*yes = sqlite3_column_int(st, 0) > 0;
	else
		rc = db_fail(db, _("reading the attachments"), err);
	sqlite3_finalize(st);
	return rc;
}

int
attach_each(struct db *db, const char *kind, int64_t record_id, attach_fn fn, void *arg,
    struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	struct attachment a;
	bool exists = false;
	int rc;
	int step = SQLITE_DONE;

	rc = has_table(db, &exists, err);
	if (rc != DUBAN_OK || !exists)
		return rc;
	rc = db_prepare(db, kind != NULL ?
	    "SELECT " ATTACH_COLUMNS " FROM attachments WHERE deleted = 0 AND kind = ?1 AND"
	    " record_id = ?2 ORDER BY id" :
	    "SELECT " ATTACH_COLUMNS " FROM attachments WHERE deleted = 0 ORDER BY id", &st, err);
	if (rc != DUBAN_OK)
		return rc;
	if (kind != NULL) {
		sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, record_id);
	}
	while (rc == DUBAN_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		row_to_attachment(st, &a);
		rc = fn(&a, arg);
	}
	if (rc == DUBAN_OK && step != SQLITE_DONE)
		rc = db_fail(db, _("reading the attachments"), err);
	sqlite3_finalize(st);
	return rc;
}

enum attach_state
attach_verify(const struct attachment *a, int64_t *size, char sha256[SHA256_HEX_LEN])
{
	struct duban_err err;
	struct stat sb;

	sha256[0] = '\0';
	*size = -1;
	if (stat(a->path, &sb) != 0)
		return errno == ENOENT || errno == ENOTDIR ? ATTACH_MISSING : ATTACH_UNREADABLE;
	if (attach_hash_file(a->path, size, sha256, &err) != DUBAN_OK)
		return ATTACH_UNREADABLE;
	return *size == a->size && strcmp(sha256, a->sha256) == 0 ? ATTACH_OK : ATTACH_CHANGED;
}

const char *
attach_state_label(enum attach_state s)
{
	switch (s) {
	case ATTACH_OK:
		return _("ok");
	case ATTACH_MISSING:
		return _("missing");
	case ATTACH_CHANGED:
		return _("changed");
	case ATTACH_UNREADABLE:
		return _("unreadable");
	}
	return "?";
}

struct check_ctx {
	struct buf *report;
	int problems;
	int checked;
};

static int
check_one(const struct attachment *a, void *arg)
{
	struct check_ctx *c = arg;
	char sha[SHA256_HEX_LEN];
	int64_t size;
	enum attach_state s = attach_verify(a, &size, sha);

	c->checked++;
	if (s == ATTACH_OK)
		return DUBAN_OK;
	c->problems++;
	buf_printf(c->report, _("attachment %lld of %s %lld (%s): %s"), (long long)a->id,
	    a->kind, (long long)a->record_id, a->path, attach_state_label(s));
	if (s == ATTACH_CHANGED)
		buf_printf(c->report, _(" (attached: %lld bytes, sha256 %.12s…; now: %lld bytes, "
		    "sha256 %.12s…)"), (long long)a->size, a->sha256, (long long)size, sha);
	buf_addc(c->report, '\n');
	return DUBAN_OK;
}

int
attach_check(struct db *db, struct buf *report, int *problems, int *checked,
    struct duban_err *err)
{
	struct check_ctx c = { report, 0, 0 };
	int rc = attach_each(db, NULL, 0, check_one, &c, err);

	*problems = c.problems;
	*checked = c.checked;
	return rc;
}
