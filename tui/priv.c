/* tui/priv.c: the setgid group is held only while the database is being opened. */
#include "duban/tui/priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static gid_t db_gid;
static gid_t user_gid;
static bool setgid_mode;

void
priv_init(void)
{
	user_gid = getgid();
	db_gid = getegid();
	setgid_mode = user_gid != db_gid;
	if (setgid_mode && setegid(user_gid) != 0) {
		/* Refuse to run with more rights than intended. */
		fputs("duban: cannot drop the setgid group; refusing to run\n", stderr);
		exit(3);
	}
}

void
priv_enter_db(void)
{
	if (setgid_mode && setegid(db_gid) != 0)
		fputs("duban: cannot take the database group back\n", stderr);
}

void
priv_leave_db(void)
{
	if (setgid_mode && setegid(user_gid) != 0) {
		fputs("duban: cannot drop the setgid group; stopping\n", stderr);
		exit(3);
	}
}

bool
priv_is_setgid(void)
{
	return setgid_mode;
}
