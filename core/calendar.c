/* core/calendar.c: the official holiday calendar. Data files only; nothing is derived from
 * rules or guessed for years without a file. */
#include "duban/calendar.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duban/buf.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/provisional.h"

#define YEARS (DATE_MAX_YEAR - DATE_MIN_YEAR + 1)

struct calendar {
	struct calendar_entry *entries;	/* sorted by date, unique dates */
	size_t n;
	size_t cap;
	bool covered[YEARS];
	bool provisional[YEARS];	/* derived by calendar_add_provisional() */
};

struct calendar *
calendar_new(void)
{
	return xcalloc(1, sizeof(struct calendar));
}

void
calendar_free(struct calendar *cal)
{
	size_t i;

	if (cal == NULL)
		return;
	for (i = 0; i < cal->n; i++)
		free((char *)cal->entries[i].name);
	free(cal->entries);
	free(cal);
}

/* Index of the entry for d, or of where it would be inserted. */
static size_t
find_idx(const struct calendar *cal, struct date d, bool *found)
{
	size_t lo = 0;
	size_t hi = cal->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = date_cmp(cal->entries[mid].on, d);

		if (c == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

static void
put_entry(struct calendar *cal, struct date on, bool is_workday, const char *name)
{
	bool found;
	size_t idx = find_idx(cal, on, &found);
	struct calendar_entry *e;

	if (found) {
		e = &cal->entries[idx];
		free((char *)e->name);
	} else {
		if (cal->n == cal->cap) {
			cal->cap = cal->cap ? cal->cap * 2 : 256;
			cal->entries = xreallocarray(cal->entries, cal->cap, sizeof(*cal->entries));
		}
		memmove(&cal->entries[idx + 1], &cal->entries[idx],
		    (cal->n - idx) * sizeof(*cal->entries));
		cal->n++;
		e = &cal->entries[idx];
	}
	e->on = on;
	e->is_workday = is_workday;
	e->name = xstrdup(name);
}

/* A parsed row, kept until the whole file is known to be good. */
struct pending_row {
	struct date on;
	bool is_workday;
	char *name;
};

static char *
next_field(char **p)
{
	char *s = *p;
	char *start;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0')
		return NULL;
	start = s;
	while (*s != '\0' && *s != ' ' && *s != '\t')
		s++;
	if (*s != '\0')
		*s++ = '\0';
	*p = s;
	return start;
}

static void
strip_eol(char *s)
{
	size_t len = strlen(s);

	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r' || s[len - 1] == ' ' ||
	    s[len - 1] == '\t'))
		s[--len] = '\0';
}

int
calendar_load_file(struct calendar *cal, const char *path, struct duban_err *err)
{
	FILE *f = NULL;
	char line[512];
	struct pending_row *rows = NULL;
	size_t nrows = 0;
	size_t caprows = 0;
	int years[64];
	size_t nyears = 0;
	int lineno = 0;
	int rc = DUBAN_OK;
	size_t i;

	f = fopen(path, "r");
	if (f == NULL)
		return duban_err_set(err, DUBAN_EINPUT, _("cannot read calendar file %s: %s"), path,
		    strerror(errno));
	while (fgets(line, sizeof(line), f) != NULL) {
		char *p = line;
		char *first;
		char *kind;
		char *name;
		struct date on;
		struct duban_err derr;

		lineno++;
		if (strchr(line, '\n') == NULL && !feof(f)) {
			rc = duban_err_set(err, DUBAN_EINPUT, _("line is too long"));
			goto bad;
		}
		strip_eol(line);
		if (lineno == 1 && strncmp(p, "\xEF\xBB\xBF", 3) == 0)
			p += 3;	/* a BOM left by an editor */
		first = next_field(&p);
		if (first == NULL || first[0] == '#')
			continue;
		if (strcmp(first, "year") == 0) {
			char *ystr = next_field(&p);
			char *end = NULL;
			long y = ystr != NULL ? strtol(ystr, &end, 10) : 0;

			if (ystr == NULL || *end != '\0' || y < DATE_MIN_YEAR || y > DATE_MAX_YEAR ||
			    next_field(&p) != NULL) {
				rc = duban_err_set(err, DUBAN_EINPUT,
				    _("expected \"year YYYY\" with a year from %d to %d"),
				    DATE_MIN_YEAR, DATE_MAX_YEAR);
				goto bad;
			}
			if (nyears == sizeof(years) / sizeof(years[0])) {
				rc = duban_err_set(err, DUBAN_EINPUT, _("too many year lines"));
				goto bad;
			}
			years[nyears++] = (int)y;
			continue;
		}
		if (date_parse_iso(first, &on, &derr) != DUBAN_OK) {
			rc = duban_err_set(err, DUBAN_EINPUT, "%s", derr.msg);
			goto bad;
		}
		kind = next_field(&p);
		if (kind == NULL || (strcmp(kind, "rest") != 0 && strcmp(kind, "work") != 0)) {
			rc = duban_err_set(err, DUBAN_EINPUT,
			    _("after the date write \"rest\" (official rest day) or \"work\" "
			      "(make-up working day)"));
			goto bad;
		}
		while (*p == ' ' || *p == '\t')
			p++;
		name = p;	/* the rest of the line; names may contain blanks */
		if (nrows == caprows) {
			caprows = caprows ? caprows * 2 : 64;
			rows = xreallocarray(rows, caprows, sizeof(*rows));
		}
		rows[nrows].on = on;
		rows[nrows].is_workday = strcmp(kind, "work") == 0;
		rows[nrows].name = xstrdup(name);
		nrows++;
	}
	if (ferror(f)) {
		rc = duban_err_set(err, DUBAN_EINPUT, _("cannot read calendar file %s: %s"), path,
		    strerror(errno));
		goto out;
	}
	if (nyears == 0) {
		lineno = 1;
		rc = duban_err_set(err, DUBAN_EINPUT,
		    _("the file does not say which year it covers (a line \"year YYYY\")"));
		goto bad;
	}
	for (i = 0; i < nrows; i++)
		put_entry(cal, rows[i].on, rows[i].is_workday, rows[i].name);
	for (i = 0; i < nyears; i++)
		cal->covered[years[i] - DATE_MIN_YEAR] = true;
	goto out;
bad:
	duban_err_where(err, "%s:%d", path, lineno);
out:
	for (i = 0; i < nrows; i++)
		free(rows[i].name);
	free(rows);
	fclose(f);
	return rc;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
calendar_load_dir(struct calendar *cal, const char *dir, struct duban_err *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;
	size_t cap = 0;
	size_t i;
	int rc = DUBAN_OK;

	if (d == NULL)
		return duban_err_set(err, DUBAN_EINPUT, _("cannot open calendar directory %s: %s"),
		    dir, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);

		if (len < 5 || de->d_name[0] == '.' || strcmp(de->d_name + len - 4, ".txt") != 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			names = xreallocarray(names, cap, sizeof(*names));
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), cmp_names);
	for (i = 0; i < n && rc == DUBAN_OK; i++) {
		struct buf path = BUF_INIT;

		buf_printf(&path, "%s/%s", dir, names[i]);
		rc = calendar_load_file(cal, buf_str(&path), err);
		buf_release(&path);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

int
calendar_load_dirs(struct calendar *cal, const char *dirs, struct duban_err *err)
{
	const char *p = dirs;
	int rc = DUBAN_OK;

	while (*p != '\0' && rc == DUBAN_OK) {
		const char *colon = strchr(p, ':');
		size_t len = colon != NULL ? (size_t)(colon - p) : strlen(p);

		if (len > 0) {
			char *dir = xstrndup(p, len);

			rc = calendar_load_dir(cal, dir, err);
			free(dir);
		}
		p += len;
		if (*p == ':')
			p++;
	}
	return rc;
}

bool
calendar_covers(const struct calendar *cal, int year)
{
	if (year < DATE_MIN_YEAR || year > DATE_MAX_YEAR)
		return false;
	return cal->covered[year - DATE_MIN_YEAR];
}

bool
calendar_coverage_range(const struct calendar *cal, int *first, int *last)
{
	int y;
	int lo = 0;
	int hi = 0;

	for (y = DATE_MIN_YEAR; y <= DATE_MAX_YEAR; y++) {
		if (!calendar_covers(cal, y))
			continue;
		if (lo == 0)
			lo = y;
		hi = y;
	}
	if (lo == 0)
		return false;
	*first = lo;
	*last = hi;
	return true;
}

void
calendar_describe_coverage(const struct calendar *cal, struct buf *out)
{
	int y = DATE_MIN_YEAR;
	bool any = false;

	while (y <= DATE_MAX_YEAR) {
		int start;

		if (!calendar_covers(cal, y)) {
			y++;
			continue;
		}
		start = y;
		while (y + 1 <= DATE_MAX_YEAR && calendar_covers(cal, y + 1))
			y++;
		if (any)
			buf_adds(out, ", ");
		if (start == y)
			buf_printf(out, "%d", start);
		else
			buf_printf(out, "%d-%d", start, y);
		any = true;
		y++;
	}
}

enum calendar_kind
calendar_kind_of(const struct calendar *cal, struct date d, const char **name)
{
	bool found;
	size_t idx = find_idx(cal, d, &found);
	int wd;

	if (found) {
		if (name != NULL)
			*name = cal->entries[idx].name;
		return cal->entries[idx].is_workday ? CALENDAR_MAKEUP : CALENDAR_HOLIDAY;
	}
	if (name != NULL)
		*name = "";
	wd = date_weekday(d);
	return wd >= 6 ? CALENDAR_WEEKEND : CALENDAR_WORKDAY;
}

bool
calendar_is_working_day(const struct calendar *cal, struct date d, bool makeup_counts)
{
	switch (calendar_kind_of(cal, d, NULL)) {
	case CALENDAR_WORKDAY:
		return true;
	case CALENDAR_MAKEUP:
		/* A listed working day that is a weekday anyway (2020-02-03) is one on any
		 * reading; only weekend make-up days depend on the setting. */
		return makeup_counts || date_weekday(d) <= 5;
	case CALENDAR_WEEKEND:
	case CALENDAR_HOLIDAY:
		break;
	}
	return false;
}

size_t
calendar_entries_of_year(const struct calendar *cal, int year,
    const struct calendar_entry **out)
{
	bool found;
	size_t lo = find_idx(cal, date_ymd(year, 1, 1), &found);
	size_t hi = lo;

	while (hi < cal->n && cal->entries[hi].on.y == year)
		hi++;
	*out = cal->entries + lo;
	return hi - lo;
}

size_t
calendar_all_entries(const struct calendar *cal, const struct calendar_entry **out)
{
	*out = cal->entries;
	return cal->n;
}

void
calendar_add_provisional(struct calendar *cal, int last_year)
{
	int y;

	for (y = PROVISIONAL_FIRST_YEAR; y <= last_year && y <= DATE_MAX_YEAR; y++) {
		struct provisional_day days[PROVISIONAL_MAX_DAYS];
		size_t n;
		size_t i;

		if (calendar_covers(cal, y))
			continue;
		n = provisional_holidays(y, days);
		if (n == 0)
			break;
		for (i = 0; i < n; i++) {
			bool found;

			(void)find_idx(cal, days[i].on, &found);
			if (!found)	/* a date an official file lists stays as listed */
				put_entry(cal, days[i].on, false, days[i].name);
		}
		cal->provisional[y - DATE_MIN_YEAR] = true;
	}
}

bool
calendar_is_provisional(const struct calendar *cal, int year)
{
	if (year < DATE_MIN_YEAR || year > DATE_MAX_YEAR)
		return false;
	return cal->provisional[year - DATE_MIN_YEAR];
}
