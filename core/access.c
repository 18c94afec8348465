/* core/access.c: the role table. Admin may do everything; the others what their work needs. */
#include "duban/access.h"

#include "duban/db.h"
#include "duban/err.h"
#include "duban/i18n.h"

#define BIT(r) (1u << (r))

static const unsigned allowed[] = {
	[ACCESS_READ] = BIT(ROLE_READER) | BIT(ROLE_ANALYST) | BIT(ROLE_STAFF) |
	    BIT(ROLE_SUPERVISOR) | BIT(ROLE_ADMIN),
	[ACCESS_EDIT_RECORDS] = BIT(ROLE_STAFF) | BIT(ROLE_ADMIN),
	[ACCESS_IMPORT] = BIT(ROLE_ANALYST) | BIT(ROLE_ADMIN),
	[ACCESS_EXPORT] = BIT(ROLE_ANALYST) | BIT(ROLE_ADMIN),
	[ACCESS_ASSESS] = BIT(ROLE_ANALYST) | BIT(ROLE_ADMIN),
	[ACCESS_FINALIZE] = BIT(ROLE_SUPERVISOR) | BIT(ROLE_ADMIN),
	[ACCESS_UNFREEZE] = BIT(ROLE_ADMIN),
	[ACCESS_MANAGE] = BIT(ROLE_ADMIN),
};

bool
access_allows(enum user_role role, enum access_action action)
{
	if ((unsigned)action >= sizeof(allowed) / sizeof(allowed[0]))
		return false;
	return (allowed[action] & BIT(role)) != 0;
}

const char *
access_roles_for(enum access_action action)
{
	switch (action) {
	case ACCESS_READ:
		return _("any user");
	case ACCESS_EDIT_RECORDS:
		return _("staff or admin");
	case ACCESS_IMPORT:
	case ACCESS_EXPORT:
	case ACCESS_ASSESS:
		return _("analyst or admin");
	case ACCESS_FINALIZE:
		return _("supervisor or admin");
	case ACCESS_UNFREEZE:
	case ACCESS_MANAGE:
		return _("admin");
	}
	return _("admin");
}

static const char *
action_label(enum access_action action)
{
	switch (action) {
	case ACCESS_READ:
		return _("reading the database");
	case ACCESS_EDIT_RECORDS:
		return _("creating or changing records");
	case ACCESS_IMPORT:
		return _("importing");
	case ACCESS_EXPORT:
		return _("exporting");
	case ACCESS_ASSESS:
		return _("working on the assessment");
	case ACCESS_FINALIZE:
		return _("finalizing an assessment year");
	case ACCESS_UNFREEZE:
		return _("unfreezing an assessment year");
	case ACCESS_MANAGE:
		return _("managing agencies, users and settings");
	}
	return "";
}

int
access_require(struct db *db, enum access_action action, struct duban_err *err)
{
	enum user_role role = (enum user_role)db_actor_role_value(db);

	if (access_allows(role, action))
		return DUBAN_OK;
	if (action == ACCESS_READ)
		return duban_err_set(err, DUBAN_EDENIED,
		    _("%s is not a user of this database, and %s is not allowed for unknown users; an "
		      "admin adds you with: duban user add %s ROLE"), db_actor_login(db),
		    action_label(action), db_actor_login(db));
	if (role == ROLE_NONE || role == ROLE_READER)
		return duban_err_set(err, DUBAN_EDENIED,
		    _("%s is not a user of this database, so %s is not allowed; it needs the role %s "
		      "(an admin adds you with: duban user add %s ROLE)"), db_actor_login(db),
		    action_label(action), access_roles_for(action), db_actor_login(db));
	return duban_err_set(err, DUBAN_EDENIED,
	    _("%s is not allowed for the role %s; it needs the role %s"), action_label(action),
	    user_role_label(role), access_roles_for(action));
}
