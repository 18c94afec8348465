/* core/user.c: the users table. */
#include "duban/user.h"

#include <string.h>

#include "duban/access.h"
#include "duban/audit.h"
#include "duban/buf.h"
#include "duban/db_sql.h"
#include "duban/err.h"
#include "duban/i18n.h"

static const char *const role_names[] = {
	[ROLE_NONE] = "", [ROLE_READER] = "reader", [ROLE_ANALYST] = "analyst",
	[ROLE_STAFF] = "staff", [ROLE_SUPERVISOR] = "supervisor", [ROLE_ADMIN] = "admin",
};

const char *
user_role_name(enum user_role r)
{
	return (unsigned)r <= ROLE_ADMIN ? role_names[r] : "";
}

const char *
user_role_label(enum user_role r)
{
	switch (r) {
	case ROLE_NONE:
		return _("no access");
	case ROLE_READER:
		return _("read-only");
	case ROLE_ANALYST:
		return _("analyst");
	case ROLE_STAFF:
		return _("staff");
	case ROLE_SUPERVISOR:
		return _("supervisor");
	case ROLE_ADMIN:
		return _("admin");
	}
	return "";
}

bool
user_role_parse(const char *s, enum user_role *out)
{
	int r;

	for (r = ROLE_ANALYST; r <= ROLE_ADMIN; r++) {
		if (strcmp(s, role_names[r]) == 0) {
			*out = (enum user_role)r;
			return true;
		}
	}
	return false;
}

/* A login as the OS allows it: letters, digits, '.', '_', '-', not starting with '-'. */
static bool
login_is_valid(const char *login)
{
	size_t i;

	if (login[0] == '\0' || login[0] == '-' || strlen(login) > 64)
		return false;
	for (i = 0; login[i] != '\0'; i++) {
		char c = login[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '_' || c == '-'))
			return false;
	}
	return true;
}

static int64_t
user_id(struct db *db, const char *login)
{
	sqlite3_stmt *st = NULL;
	int64_t id = 0;

	if (db_prepare(db, "SELECT id FROM users WHERE login = ?1", &st, NULL) != DUBAN_OK)
		return 0;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

int
user_add(struct db *db, const char *login, enum user_role role, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	struct buf after = BUF_INIT;
	int rc;
	bool found;
	enum user_role old;

	if (!login_is_valid(login))
		return duban_err_set(err, DUBAN_EINPUT,
		    _("\"%s\" is not a login name (letters, digits, '.', '_' and '-')"), login);
	if (role < ROLE_ANALYST || role > ROLE_ADMIN)
		return duban_err_set(err, DUBAN_EINPUT,
		    _("a role is one of admin, supervisor, staff, analyst"));
	rc = db_begin(db, err);
	if (rc != DUBAN_OK)
		return rc;
	/* Only an admin adds people. duban init acts as admin for the first one: whoever
	 * creates the database administers it. */
	rc = access_require(db, ACCESS_MANAGE, err);
	if (rc == DUBAN_OK)
		rc = user_role_of(db, login, &old, &found, err);
	if (rc == DUBAN_OK && found)
		rc = duban_err_set(err, DUBAN_EINPUT, _("%s is already a user (%s)"), login,
		    user_role_label(old));
	if (rc == DUBAN_OK)
		/* A user taken away earlier comes back in the same row (the login is unique). */
		rc = db_prepare(db, "INSERT INTO users (login, role, created_at) VALUES (?1, ?2, ?3)"
		    " ON CONFLICT (login) DO UPDATE SET role = excluded.role, active = 1", &st, err);
	if (rc == DUBAN_OK) {
		sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, user_role_name(role), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, db_actor_now(db), -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(db, _("adding the user"), err);
	}
	if (rc == DUBAN_OK) {
		/* Logins are checked above to contain nothing that needs JSON escaping. */
		buf_printf(&after, "{\"login\":\"%s\",\"role\":\"%s\"}", login,
		    user_role_name(role));
		rc = audit_append(db, "create", "user", user_id(db, login),
		    NULL, buf_str(&after), 0, err);
	}
	sqlite3_finalize(st);
	buf_release(&after);
	return db_end(db, rc, err);
}

int
user_role_of(struct db *db, const char *login, enum user_role *role, bool *found,
    struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT role FROM users WHERE login = ?1 AND active = 1", &st,
	    err);
	int step;

	if (rc != DUBAN_OK)
		return rc;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	step = sqlite3_step(st);
	*found = false;
	*role = ROLE_NONE;
	if (step == SQLITE_ROW) {
		*found = user_role_parse((const char *)sqlite3_column_text(st, 0), role);
	} else if (step != SQLITE_DONE) {
		rc = db_fail(db, _("reading the users"), err);
	}
	sqlite3_finalize(st);
	return rc;
}

int
user_set_role(struct db *db, const char *login, enum user_role role, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	struct buf before = BUF_INIT;
	struct buf after = BUF_INIT;
	enum user_role old = ROLE_NONE;
	int64_t id = 0;
	int admins = 0;
	bool found = false;
	int rc;

	if (role != ROLE_NONE && (role < ROLE_ANALYST || role > ROLE_ADMIN))
		return duban_err_set(err, DUBAN_EINPUT,
		    _("a role is one of admin, supervisor, staff, analyst"));
	rc = db_begin(db, err);
	if (rc != DUBAN_OK)
		return rc;
	rc = access_require(db, ACCESS_MANAGE, err);
	if (rc == DUBAN_OK)
		rc = db_prepare(db, "SELECT id, role, (SELECT count(*) FROM users WHERE role = 'admin'"
		    " AND active = 1) FROM users WHERE login = ?1 AND active = 1", &st, err);
	if (rc == DUBAN_OK) {
		sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			found = true;
			id = sqlite3_column_int64(st, 0);
			user_role_parse((const char *)sqlite3_column_text(st, 1), &old);
			admins = sqlite3_column_int(st, 2);
		}
		sqlite3_finalize(st);
		st = NULL;
	}
	if (rc == DUBAN_OK && !found)
		rc = duban_err_set(err, DUBAN_EINPUT, _("%s is not a user"), login);
	/* Someone must always be able to manage users. */
	if (rc == DUBAN_OK && old == ROLE_ADMIN && role != ROLE_ADMIN && admins <= 1)
		rc = duban_err_set(err, DUBAN_EINPUT, _("%s is the last admin; make someone else "
		    "admin first"), login);
	if (rc == DUBAN_OK)
		rc = db_prepare(db, role == ROLE_NONE ? "UPDATE users SET active = 0 WHERE id = ?1" :
		    "UPDATE users SET role = ?2 WHERE id = ?1", &st, err);
	if (rc == DUBAN_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (role != ROLE_NONE)
			sqlite3_bind_text(st, 2, user_role_name(role), -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(db, _("changing the user"), err);
		sqlite3_finalize(st);
	}
	if (rc == DUBAN_OK) {
		buf_printf(&before, "{\"login\":\"%s\",\"role\":\"%s\"}", login,
		    user_role_name(old));
		if (role != ROLE_NONE)
			buf_printf(&after, "{\"login\":\"%s\",\"role\":\"%s\"}", login,
			    user_role_name(role));
		rc = audit_append(db, role == ROLE_NONE ? "delete" : "update", "user", id,
		    buf_str(&before), role == ROLE_NONE ? NULL : buf_str(&after), 0, err);
	}
	buf_release(&before);
	buf_release(&after);
	return db_end(db, rc, err);
}

int
user_each(struct db *db, int (*fn)(const char *login, const char *role,
    const char *created_at, void *arg), void *arg, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT login, role, created_at FROM users WHERE active = 1"
	    " ORDER BY login", &st, err);
	int step;

	if (rc != DUBAN_OK)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(st, 2);

		rc = fn((const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1), c != NULL ? c : "", arg);
		if (rc != DUBAN_OK)
			break;
	}
	if (rc == DUBAN_OK && step != SQLITE_DONE)
		rc = db_fail(db, _("reading users"), err);
	sqlite3_finalize(st);
	return rc;
}
