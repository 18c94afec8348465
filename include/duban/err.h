/* include/duban/err.h: the project-wide error value; its codes are the process exit statuses. */
#ifndef DUBAN_ERR_H
#define DUBAN_ERR_H

enum duban_rc {
	DUBAN_OK = 0,		/* success */
	DUBAN_EUSAGE = 1,	/* wrong usage */
	DUBAN_EINPUT = 2,	/* input rejected: bad date, bad row, unknown agency... */
	DUBAN_EDB = 3,		/* database: locked, corrupt, read-only, disk full, too new */
	DUBAN_EDENIED = 4,	/* not allowed for this user's role */
};

struct duban_err {
	int rc;
	char where[256];	/* "file:line:col", "[section] key", "" when nowhere in particular */
	char msg[768];		/* translated message */
};

/* Fill err (which may be NULL) with rc and the formatted message; returns rc, so callers can
 * write `return duban_err_set(err, DUBAN_EINPUT, _("..."), ...);`. Clears err->where. */
int duban_err_set(struct duban_err *err, enum duban_rc rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Set err->where (formatted); returns err->rc (DUBAN_OK when err is NULL). */
int duban_err_where(struct duban_err *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Prefix err->msg with context ("while reading X: "); returns err->rc. */
int duban_err_wrap(struct duban_err *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

void duban_err_clear(struct duban_err *err);

#endif
