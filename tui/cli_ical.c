/* tui/cli_ical.c: `duban export deadlines|KIND --format ical`: open deadlines as iCalendar
 * files (core/ical.c builds them), to stdout, one file (-o FILE) or one file per agency or
 * duty (--split agency|duty -o DIR). */
#include "duban/tui/cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "duban/access.h"
#include "duban/buf.h"
#include "duban/db.h"
#include "duban/duty.h"
#include "duban/i18n.h"
#include "duban/ical.h"
#include "duban/record.h"
#include "duban/tui/app.h"

/* Write data to path through a temporary file beside it, renamed into place when complete. */
static int
write_whole(const char *path, const struct buf *data)
{
	struct buf tmp = BUF_INIT;
	FILE *f = NULL;
	mode_t mask;
	int fd;
	int ok;

	buf_printf(&tmp, "%s.XXXXXX", path);
	fd = mkstemp(tmp.data);
	if (fd < 0) {
		app_eprintf(_("duban: cannot create %s: %s\n"), path, strerror(errno));
		buf_release(&tmp);
		return DUBAN_EINPUT;
	}
	mask = umask(0);
	umask(mask);
	ok = fchmod(fd, 0666 & ~mask) == 0 && (f = fdopen(fd, "wb")) != NULL;
	if (!ok)
		close(fd);
	ok = ok && fwrite(data->data, 1, data->len, f) == data->len;
	if (f != NULL && fclose(f) != 0)
		ok = 0;
	if (ok && rename(tmp.data, path) != 0)
		ok = 0;
	if (!ok) {
		app_eprintf(_("duban: cannot write %s: %s\n"), path, strerror(errno));
		unlink(tmp.data);
	}
	buf_release(&tmp);
	return ok ? DUBAN_OK : DUBAN_EINPUT;
}

static int
ical_usage(void)
{
	return cli_usage("%s", _("export deadlines --format ical [--duty DUTY] [--alarm-days N] "
	    "[--split agency|duty -o DIR | -o FILE]"));
}

int
cli_export_ical(struct app *app, int argc, char **argv)
{
	struct ical_opts o;
	struct ical_export x;
	struct duban_err err;
	struct record_env env;
	struct db *db = NULL;
	const char *out = NULL;
	const char *kind = NULL;
	size_t n = 0;
	size_t i;
	int rc = DUBAN_OK;
	int a;

	memset(&o, 0, sizeof(o));
	o.alarm_days = 1;
	for (a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--format") == 0 && a + 1 < argc) {
			a++;	/* ical: how we got here */
		} else if (strcmp(argv[a], "--duty") == 0 && a + 1 < argc) {
			o.duty = duty_find(argv[++a]);
			if (o.duty == NULL) {
				struct buf names = BUF_INIT;

				duty_names(&names);
				rc = cli_usage(_("\"%s\" is not a duty; duties: %s"), argv[a],
				    buf_str(&names));
				buf_release(&names);
				return rc;
			}
		} else if (strcmp(argv[a], "--split") == 0 && a + 1 < argc) {
			a++;
			if (strcmp(argv[a], "agency") == 0)
				o.split = ICAL_BY_AGENCY;
			else if (strcmp(argv[a], "duty") == 0)
				o.split = ICAL_BY_DUTY;
			else
				return cli_usage(_("--split takes agency or duty, not \"%s\""), argv[a]);
		} else if (strcmp(argv[a], "--alarm-days") == 0 && a + 1 < argc) {
			char *end = NULL;
			long v = strtol(argv[++a], &end, 10);

			if (*end != '\0' || end == argv[a] || v < 0 || v > ICAL_MAX_ALARM_DAYS)
				return cli_usage(_("--alarm-days takes 0 to %d, not \"%s\""),
				    ICAL_MAX_ALARM_DAYS, argv[a]);
			o.alarm_days = (int)v;
		} else if ((strcmp(argv[a], "-o") == 0 || strcmp(argv[a], "--output") == 0) &&
		    a + 1 < argc) {
			out = argv[++a];
		} else if (kind == NULL && argv[a][0] != '-') {
			kind = argv[a];
		} else {
			return ical_usage();
		}
	}
	if (kind == NULL)
		return ical_usage();
	if (strcmp(kind, "deadlines") != 0) {
		if (cli_kind_arg(kind) == NULL)
			return DUBAN_EUSAGE;
		o.kind = kind;
	}
	if (o.duty != NULL && o.kind != NULL && strcmp(o.duty->kind, o.kind) != 0)
		return cli_usage(_("the duty %s belongs to %s records"), o.duty->name,
		    o.duty->kind);
	if (out != NULL && strcmp(out, "-") == 0)
		out = NULL;
	if (o.split != ICAL_ONE && out == NULL)
		return cli_usage("%s", _("--split writes one file per agency or duty: give the "
		    "directory with -o DIR"));
	rc = cli_open_for(app, ACCESS_EXPORT, &db, &err);
	if (rc != DUBAN_OK)
		return app_report(&err);
	env = app_env(app, db);
	rc = ical_export(&env, &o, &x, &err);
	db_close(db);
	if (rc != DUBAN_OK)
		return app_report(&err);
	/* The directory of a split is made when missing (not its parents). */
	if (o.split != ICAL_ONE && mkdir(out, 0777) != 0 && errno != EEXIST) {
		app_eprintf(_("duban: cannot create %s: %s\n"), out, strerror(errno));
		rc = DUBAN_EINPUT;
	}
	for (i = 0; i < x.n_files && rc == DUBAN_OK; i++) {
		n += x.files[i].n_events;
		if (out == NULL) {
			fwrite(x.files[i].text.data, 1, x.files[i].text.len, stdout);
		} else if (o.split == ICAL_ONE) {
			rc = write_whole(out, &x.files[i].text);
		} else {
			struct buf path = BUF_INIT;

			buf_printf(&path, "%s/%s.ics", out, x.files[i].name);
			rc = write_whole(buf_str(&path), &x.files[i].text);
			buf_release(&path);
		}
	}
	if (rc == DUBAN_OK && out != NULL)
		app_eprintf(P_("duban: %zu open deadline written to %s",
		    "duban: %zu open deadlines written to %s", n), n, out);
	if (rc == DUBAN_OK && out != NULL && o.split != ICAL_ONE)
		app_eprintf(P_(" (%zu file)\n", " (%zu files)\n", x.n_files), x.n_files);
	else if (rc == DUBAN_OK && out != NULL)
		app_eprintf("\n");
	ical_export_release(&x);
	if (rc == DUBAN_OK && out == NULL && fflush(stdout) != 0)
		rc = DUBAN_EINPUT;
	return rc;
}
