/* tui/priv.c: the setgid group is held only while the database's files are opened or closed,
 * and given up for good before the terminal is set up. */
#define _GNU_SOURCE	/* setresgid */
#include "duban/tui/priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static gid_t db_gid;
static gid_t user_gid;
static bool setgid_mode;
static bool dropped;

void
priv_init(void)
{
	user_gid = getgid();
	db_gid = getegid();
	setgid_mode = user_gid != db_gid;
	if (!setgid_mode)
		return;
	/* ncurses reads a terminal description from these when it believes it runs with the
	 * person's own rights, which it does once the group is dropped below: the group is
	 * still in the saved set-group-ID, so a crafted description must not be read. */
	unsetenv("TERMINFO");
	unsetenv("TERMINFO_DIRS");
	unsetenv("TERMCAP");
	if (setresgid((gid_t)-1, user_gid, (gid_t)-1) != 0) {
		/* Refuse to run with more rights than intended. */
		fputs("duban: cannot drop the setgid group; refusing to run\n", stderr);
		exit(3);
	}
}

void
priv_enter_db(void)
{
	if (setgid_mode && !dropped && setresgid((gid_t)-1, db_gid, (gid_t)-1) != 0)
		fputs("duban: cannot take the database group back\n", stderr);
}

void
priv_leave_db(void)
{
	if (setgid_mode && !dropped && setresgid((gid_t)-1, user_gid, (gid_t)-1) != 0) {
		fputs("duban: cannot drop the setgid group; stopping\n", stderr);
		exit(3);
	}
}

void
priv_around_close(bool closing)
{
	if (closing)
		priv_enter_db();
	else
		priv_leave_db();
}

void
priv_drop_for_good(void)
{
	gid_t r;
	gid_t e;
	gid_t s;

	if (!setgid_mode || dropped)
		return;
	if (setresgid(user_gid, user_gid, user_gid) != 0 || getresgid(&r, &e, &s) != 0 ||
	    r != user_gid || e != user_gid || s != user_gid) {
		fputs("duban: cannot drop the setgid group; stopping\n", stderr);
		exit(3);
	}
	dropped = true;
}

bool
priv_is_setgid(void)
{
	return setgid_mode;
}
