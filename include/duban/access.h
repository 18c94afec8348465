/* include/duban/access.h: who may do what. Checked in core by every write path, so no screen,
 * import or script can go around it. The role travels with the database handle. */
#ifndef DUBAN_ACCESS_H
#define DUBAN_ACCESS_H

#include <stdbool.h>

#include "duban/user.h"

struct db;
struct duban_err;

enum access_action {
	ACCESS_READ,		/* every role, and unknown logins when configured read-only */
	ACCESS_EDIT_RECORDS,	/* staff: cases, hearings, suggestions */
	ACCESS_IMPORT,		/* analyst */
	ACCESS_EXPORT,		/* analyst */
	ACCESS_ASSESS,		/* analyst: compute, enter manual items */
	ACCESS_FINALIZE,	/* supervisor: freeze a year's assessment */
	ACCESS_UNFREEZE,	/* admin */
	ACCESS_MANAGE,		/* admin: agencies, users, settings, recomputing due dates */
};

bool access_allows(enum user_role role, enum access_action action);
/* DUBAN_OK, or DUBAN_EDENIED with a message naming the action and the roles that may do it. */
int access_require(struct db *db, enum access_action action, struct duban_err *err);
/* "staff or admin", translated. */
const char *access_roles_for(enum access_action action);

#endif
