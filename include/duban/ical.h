/* include/duban/ical.h: open deadlines as an iCalendar file (RFC 5545) that phone and Outlook
 * calendars import: one all-day VEVENT per open deadline (DTSTART the due date, DTEND the day
 * after), with a VALARM; one file, or one per agency or per duty. The text is built here (CRLF,
 * TEXT escaping, lines folded at 75 octets without splitting a character); writing it out is
 * the caller's. Nothing here reads the clock: DTSTAMP is the export's today. */
#ifndef DUBAN_ICAL_H
#define DUBAN_ICAL_H

#include <stdbool.h>
#include <stddef.h>

#include "duban/buf.h"
#include "duban/date.h"

struct duban_err;
struct duty;
struct record_env;

enum ical_split {
	ICAL_ONE,		/* one calendar */
	ICAL_BY_AGENCY,		/* one calendar per agency */
	ICAL_BY_DUTY,		/* one calendar per duty */
};

struct ical_opts {
	const char *kind;		/* only the duties of this record kind; NULL: all */
	const struct duty *duty;	/* only this duty; NULL: all (of kind) */
	enum ical_split split;
	int alarm_days;			/* alarm at 09:00 this many days before (0: that day) */
};

#define ICAL_MAX_ALARM_DAYS 60

struct ical_file {
	char *name;		/* ICAL_ONE: ""; else a file name stem: agency name or duty name,
				 * with '/', '\\', control characters and a leading '.' replaced */
	char *title;		/* the calendar's name (X-WR-CALNAME) */
	struct buf text;	/* the whole file, CRLF line ends */
	size_t n_events;
};

struct ical_export {
	struct ical_file *files;	/* ICAL_ONE: exactly one, even without events */
	size_t n_files;
};

/* Build the calendars of every open deadline (pending, due soon, due today, overdue) as of
 * env->today, which is also DTSTAMP. UID: "<duty>-<record id>@duban", stable across exports,
 * so a re-import updates events instead of doubling them. Needs ACCESS_EXPORT. */
int ical_export(const struct record_env *env, const struct ical_opts *o,
    struct ical_export *out, struct duban_err *err);
void ical_export_release(struct ical_export *x);

/* Append one content line: folded at 75 octets (continuation lines start with a space and
 * never split a UTF-8 character), ended by CRLF. */
void ical_add_line(struct buf *out, const char *line);
/* Append s as an RFC 5545 TEXT value: backslash, semicolon, comma and newline escaped; other
 * control characters and invalid bytes dropped. */
void ical_escape_text(const char *s, struct buf *out);

#endif
