/* core/err.c: filling struct duban_err. Never prints: errors surface at the top. */
#include "duban/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int
duban_err_set(struct duban_err *err, enum duban_rc rc, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return rc;
	err->rc = rc;
	err->where[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return rc;
}

int
duban_err_where(struct duban_err *err, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return DUBAN_OK;
	va_start(ap, fmt);
	vsnprintf(err->where, sizeof(err->where), fmt, ap);
	va_end(ap);
	return err->rc;
}

int
duban_err_wrap(struct duban_err *err, const char *fmt, ...)
{
	char prefix[512];
	char old[sizeof(err->msg)];
	va_list ap;

	if (err == NULL)
		return DUBAN_OK;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	memcpy(old, err->msg, sizeof(old));
	/* Truncation is acceptable: the start of the message says the most. */
	if (snprintf(err->msg, sizeof(err->msg), "%s%s", prefix, old) < 0)
		err->msg[0] = '\0';
	return err->rc;
}

void
duban_err_clear(struct duban_err *err)
{
	if (err == NULL)
		return;
	err->rc = DUBAN_OK;
	err->where[0] = '\0';
	err->msg[0] = '\0';
}
