/* include/duban/user.h: people and their roles. A person is the OS login running duban,
 * passed in by the program; nothing here reads the environment. */
#ifndef DUBAN_USER_H
#define DUBAN_USER_H

#include <stdbool.h>

struct db;
struct duban_err;

enum user_role {
	ROLE_NONE,		/* not known, and unknown logins are turned away */
	ROLE_READER,		/* not known, and unknown logins may read */
	ROLE_ANALYST,
	ROLE_STAFF,
	ROLE_SUPERVISOR,
	ROLE_ADMIN,
};

const char *user_role_name(enum user_role r);		/* "admin", ... ; "" for none */
const char *user_role_label(enum user_role r);		/* translated */
bool user_role_parse(const char *s, enum user_role *out);

/* Add login with role (admin, supervisor, staff, analyst), audited. DUBAN_EINPUT for an empty
 * or malformed login, a role that cannot be granted, or a login already present. */
int user_add(struct db *db, const char *login, enum user_role role, struct duban_err *err);

/* Change the role of an existing user, or take the user away (role ROLE_NONE: the row is
 * kept inactive, for the audit trail). Admin only, audited. DUBAN_EINPUT for an unknown
 * login, or for removing or demoting the last admin. */
int user_set_role(struct db *db, const char *login, enum user_role role, struct duban_err *err);

/* The role of login; *found false (and *role ROLE_NONE) when the users table lacks it. */
int user_role_of(struct db *db, const char *login, enum user_role *role, bool *found,
    struct duban_err *err);

/* Every active user by login: fn gets login, role name and when the user was added, and may
 * stop the walk by returning anything but DUBAN_OK. */
int user_each(struct db *db, int (*fn)(const char *login, const char *role,
    const char *created_at, void *arg), void *arg, struct duban_err *err);

#endif
