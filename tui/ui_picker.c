/* tui/ui_picker.c: the one picker (see ui_picker.h). */
#include <curses.h>
#include "duban/tui/ui_picker.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duban/buf.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/text.h"

void
ui_picker_init(struct ui_picker *p)
{
	memset(p, 0, sizeof(*p));
}

void
ui_picker_release(struct ui_picker *p)
{
	int i;

	for (i = 0; i < p->n; i++) {
		free(p->labels[i]);
		free(p->values[i]);
		free(p->words[i]);
	}
	free(p->labels);
	free(p->values);
	free(p->words);
	free(p->shown);
	memset(p, 0, sizeof(*p));
}

/* ASCII letters in lower case; everything else as it is. */
static char *
folded(const char *s)
{
	char *f = xstrdup(s != NULL ? s : "");
	char *c;

	for (c = f; *c != '\0'; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	return f;
}

void
ui_picker_add(struct ui_picker *p, const char *label, const char *value, const char *words)
{
	if (p->n == p->cap) {
		p->cap = p->cap > 0 ? p->cap * 2 : 16;
		p->labels = xreallocarray(p->labels, (size_t)p->cap, sizeof(char *));
		p->values = xreallocarray(p->values, (size_t)p->cap, sizeof(char *));
		p->words = xreallocarray(p->words, (size_t)p->cap, sizeof(char *));
		p->shown = xreallocarray(p->shown, (size_t)p->cap, sizeof(int));
	}
	p->labels[p->n] = xstrdup(label);
	p->values[p->n] = xstrdup(value);
	p->words[p->n] = words != NULL ? xstrdup(words) : NULL;
	p->shown[p->n] = p->n;
	p->n++;
	p->n_shown = p->n;
}

/* How well item i matches typed (folded): 4 the label or a word is typed, 3 the label
 * starts with it, 2 a word starts with it, 1 either holds it, 0 no match. */
static int
score(const struct ui_picker *p, int i, const char *typed)
{
	char *label = folded(p->labels[i]);
	char *words = folded(p->words[i]);
	size_t n = strlen(typed);
	int best = 0;
	const char *w;

	if (strcmp(label, typed) == 0)
		best = 4;
	else if (strncmp(label, typed, n) == 0)
		best = 3;
	else if (strstr(label, typed) != NULL)
		best = 1;
	for (w = words; best < 4 && *w != '\0';) {
		size_t k = strcspn(w, " ");

		if (k == n && strncmp(w, typed, n) == 0)
			best = 4;
		else if (k >= n && strncmp(w, typed, n) == 0 && best < 2)
			best = 2;
		else if (best < 1) {
			char *word = xstrndup(w, k);

			if (strstr(word, typed) != NULL)
				best = 1;
			free(word);
		}
		w += k;
		while (*w == ' ')
			w++;
	}
	free(label);
	free(words);
	return best;
}

void
ui_picker_narrow(struct ui_picker *p, const char *typed)
{
	struct buf t = BUF_INIT;
	char *f;
	int best = -1;
	int i;

	text_trim(typed != NULL ? typed : "", &t);
	f = folded(buf_str(&t));
	p->n_shown = 0;
	p->sel = 0;
	p->top = 0;
	for (i = 0; i < p->n; i++) {
		int sc = f[0] == '\0' ? 1 : score(p, i, f);

		if (sc == 0)
			continue;
		if (sc > best) {
			best = sc;
			p->sel = p->n_shown;
		}
		p->shown[p->n_shown++] = i;
	}
	free(f);
	buf_release(&t);
}

const char *
ui_picker_value(const struct ui_picker *p)
{
	if (p->n_shown == 0 || p->sel < 0 || p->sel >= p->n_shown)
		return NULL;
	return p->values[p->shown[p->sel]];
}

bool
ui_picker_move(struct ui_picker *p, enum action act, int page)
{
	switch (act) {
	case ACT_MOVE_UP:
		p->sel--;
		break;
	case ACT_MOVE_DOWN:
		p->sel++;
		break;
	case ACT_PAGE_UP:
		p->sel -= page > 1 ? page : 1;
		break;
	case ACT_PAGE_DOWN:
		p->sel += page > 1 ? page : 1;
		break;
	case ACT_HOME:
		p->sel = 0;
		break;
	case ACT_END:
		p->sel = p->n_shown - 1;
		break;
	default:
		return false;
	}
	if (p->sel >= p->n_shown)
		p->sel = p->n_shown - 1;
	if (p->sel < 0)
		p->sel = 0;
	return true;
}

int
ui_picker_draw(struct ui *ui, struct ui_picker *p, int y, int x, int rows, int cols,
    const char *nothing)
{
	int h = p->n_shown < rows ? p->n_shown : rows;
	int i;

	if (p->n_shown == 0) {
		ui_text(ui, y, x, cols, nothing, ATTR_ERROR);
		return 1;
	}
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + h)
		p->top = p->sel - h + 1;
	for (i = 0; i < h; i++) {
		struct buf row = BUF_INIT;
		int k = p->top + i;
		bool sel = k == p->sel;

		/* The mark shows the selection on any terminal, and in a copy of the screen. */
		buf_printf(&row, "%s%s", sel ? "> " : "  ", p->labels[p->shown[k]]);
		if (i == 0 && p->top > 0)
			buf_adds(&row, "  ^");
		else if (i == h - 1 && k + 1 < p->n_shown)
			buf_adds(&row, "  v");
		ui_text(ui, y + i, x, cols, buf_str(&row), sel ? ATTR_SELECTED : ATTR_PICK);
		buf_release(&row);
	}
	return h;
}

bool
ui_pick(struct ui *ui, const char *question, struct ui_picker *p, char *out, size_t size)
{
	struct ui_line line;
	struct buf typed = BUF_INIT;
	bool ok = false;
	bool refused = false;

	ui_line_init(&line, size > 1 ? size - 1 : 1);
	ui_picker_narrow(p, "");
	for (;;) {
		int rows = ui->lines - 6 < 10 ? ui->lines - 6 : 10;
		int qcols = text_cols(question) + 1;
		int cy = -1;
		int cx = 0;
		int drawn;
		wint_t key;
		int kind;
		enum action act;
		enum ui_line_result lr;

		/* The screen below afresh: a narrower list leaves no rows of the longer one. */
		ui_draw(ui);
		buf_reset(&typed);
		ui_line_get(&line, &typed);
		drawn = ui_picker_draw(ui, p, ui->lines - 3 - (p->n_shown == 0 ? 1 :
		    (p->n_shown < rows ? p->n_shown : rows)), 0, rows, ui->cols,
		    refused ? _("Nothing matches what is typed: change it, or Esc.") :
		    _("(nothing matches)"));
		(void)drawn;
		ui_text(ui, ui->lines - 2, 0, ui->cols, question, ATTR_WARN);
		if (qcols < ui->cols - 4)
			ui_line_draw(ui, &line, ui->lines - 2, qcols, 1, ui->cols - qcols, ATTR_FIELD_FOCUS,
			    true, &cy, &cx);
		if (cy >= 0) {
			curs_set(1);
			move(cy, cx);
		}
		refresh();
		kind = ui_read_key(ui, &key);
		if (kind == ERR)
			break;
		if (kind == KEY_CODE_YES && key == KEY_RESIZE) {
			ui_resized(ui);
			continue;
		}
		act = ui_key_action("picker", kind, key);
		if (act == ACT_BACK)
			break;
		if (act == ACT_PICK) {
			const char *v = ui_picker_value(p);

			if (v != NULL) {
				snprintf(out, size, "%s", v);
				ok = true;
				break;
			}
			refused = true;
			continue;
		}
		if (ui_picker_move(p, act, rows))
			continue;
		lr = ui_line_key(&line, act, kind, key);
		if (lr == LINE_CHANGED) {
			buf_reset(&typed);
			ui_line_get(&line, &typed);
			ui_picker_narrow(p, buf_str(&typed));
			refused = false;
		}
	}
	curs_set(0);
	buf_release(&typed);
	ui_line_release(&line);
	return ok;
}
