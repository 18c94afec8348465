/* tui/ui_recover.c: input kept when the terminal goes away. A hangup, a signal or a lost
 * terminal (end of file: a pane killed without SIGHUP) must not throw away a form someone
 * typed: its fields go to a recovery file in the user's own state directory
 * ($XDG_STATE_HOME/duban/recovery, else ~/.local/state/duban/recovery); nothing is saved to
 * the database half-done. The next start on the same database offers to open the form again
 * with that input; declined, the file is kept as recovery.old. */
#include <curses.h>
#include "duban/tui/ui.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "duban/buf.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/safefile.h"
#include "duban/tui/app.h"
#include "duban/tui/screens.h"

#define RECOVERY_MAGIC "duban-recovery 1\n"

/* The state directory (made if missing when make is true); NULL without a home. */
static char *
state_dir(bool make)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	struct buf b = BUF_INIT;

	if (xdg != NULL && xdg[0] == '/') {
		buf_printf(&b, "%s/duban", xdg);
		if (make) {
			mkdir(xdg, 0700);
			mkdir(buf_str(&b), 0700);
		}
	} else if (home != NULL && home[0] == '/') {
		buf_printf(&b, "%s/.local", home);
		if (make)
			mkdir(buf_str(&b), 0700);
		buf_adds(&b, "/state");
		if (make)
			mkdir(buf_str(&b), 0700);
		buf_adds(&b, "/duban");
		if (make)
			mkdir(buf_str(&b), 0700);
	} else {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b);
}

static char *
recovery_path(bool make, const char *suffix)
{
	char *dir = state_dir(make);
	struct buf b = BUF_INIT;

	if (dir == NULL)
		return NULL;
	buf_printf(&b, "%s/recovery%s", dir, suffix);
	free(dir);
	return buf_detach(&b);
}

void
ui_recover_save(struct ui *ui)
{
	struct buf body = BUF_INIT;
	struct safefile *sf = NULL;
	struct duban_err err;
	char *path;
	int i;

	for (i = ui->depth - 1; i >= 0; i--) {
		struct screen *s = ui->stack[i];

		if (s->unsaved && s->recover != NULL) {
			buf_adds(&body, RECOVERY_MAGIC);
			buf_printf(&body, "db %s\n", ui->app->db_path != NULL ? ui->app->db_path : "");
			s->recover(s, &body);
			break;
		}
	}
	if (body.len == 0)
		return;
	/* Whole or not at all (a half-written file is never offered), and the user's own
	 * regular file: a link left in its place is refused, never followed. */
	path = recovery_path(true, "");
	if (path != NULL && safefile_open(path, SAFEFILE_REGULAR_ONLY, &sf, &err) == DUBAN_OK) {
		fwrite(body.data, 1, body.len, safefile_stream(sf));	/* errors show at commit */
		safefile_commit(sf, &err);
	}
	free(path);
	buf_release(&body);
}

static char *
read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return buf_detach(&b);
}

void
ui_recover_offer(struct ui *ui)
{
	char *path = recovery_path(false, "");
	char *old = recovery_path(false, ".old");
	char *text = NULL;
	const char *body;
	const char *nl;
	struct buf db = BUF_INIT;
	struct buf q = BUF_INIT;
	char what[256];
	struct screen *s;

	if (path != NULL)
		text = read_file(path);
	if (text == NULL || strncmp(text, RECOVERY_MAGIC, strlen(RECOVERY_MAGIC)) != 0)
		goto out;
	body = text + strlen(RECOVERY_MAGIC);
	nl = strchr(body, '\n');
	if (strncmp(body, "db ", 3) != 0 || nl == NULL)
		goto out;
	buf_add(&db, body + 3, (size_t)(nl - body - 3));
	/* Another database's form: left for when that one is opened. */
	if (strcmp(buf_str(&db), ui->app->db_path != NULL ? ui->app->db_path : "") != 0)
		goto out;
	s = scr_form_recovered(ui, nl + 1, what, sizeof(what));
	if (s == NULL)
		goto out;
	ui_draw(ui);
	buf_printf(&q, _("Reopen the form left unsaved (%s)?"), what);
	if (ui_confirm(ui, buf_str(&q))) {
		unlink(path);
		ui_push(ui, s);
		s->unsaved = true;
		ui_status(ui, false, "%s", _("The form is as it was when the terminal was lost: "
		    "check it, then F2 saves it."));
	} else {
		s->ops->free(s);
		if (old != NULL && rename(path, old) == 0)
			ui_status(ui, false, _("Not opened; the input is kept in %s."), old);
	}
out:
	free(text);
	free(path);
	free(old);
	buf_release(&db);
	buf_release(&q);
}
