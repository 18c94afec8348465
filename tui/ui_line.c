/* tui/ui_line.c: the one line editor (see ui_line.h). */
#include <curses.h>
#include "duban/tui/ui_line.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "duban/buf.h"
#include "duban/mem.h"
#include "duban/text.h"

void
ui_line_init(struct ui_line *l, size_t max_bytes)
{
	memset(l, 0, sizeof(*l));
	l->cap = 16;
	l->text = xcalloc((size_t)l->cap, sizeof(wchar_t));
	l->max_bytes = max_bytes;
}

void
ui_line_release(struct ui_line *l)
{
	free(l->text);
	memset(l, 0, sizeof(*l));
}

static void
reserve(struct ui_line *l, int n)
{
	if (n + 1 <= l->cap)
		return;
	while (l->cap < n + 1)
		l->cap *= 2;
	l->text = xreallocarray(l->text, (size_t)l->cap, sizeof(wchar_t));
}

void
ui_line_clear(struct ui_line *l)
{
	l->len = 0;
	l->cursor = 0;
	l->text[0] = 0;
}

void
ui_line_set(struct ui_line *l, const char *s)
{
	mbstate_t st;
	const char *p = s != NULL ? s : "";
	size_t left = strlen(p);

	ui_line_clear(l);
	memset(&st, 0, sizeof(st));
	while (left > 0) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, p, left, &st);

		if (k == 0 || k == (size_t)-1 || k == (size_t)-2) {
			/* Invalid stored bytes: show U+FFFD rather than garbage. */
			wc = 0xFFFD;
			k = 1;
			memset(&st, 0, sizeof(st));
		}
		reserve(l, l->len + 1);
		l->text[l->len++] = wc;
		p += k;
		left -= k;
	}
	l->text[l->len] = 0;
	l->cursor = l->len;
}

static void
to_utf8(const wchar_t *w, int len, struct buf *out)
{
	mbstate_t st;
	int i;

	memset(&st, 0, sizeof(st));
	for (i = 0; i < len; i++) {
		char mb[MB_LEN_MAX];
		size_t n = wcrtomb(mb, w[i], &st);

		if (n != (size_t)-1)
			buf_add(out, mb, n);
	}
}

void
ui_line_get(const struct ui_line *l, struct buf *out)
{
	to_utf8(l->text, l->len, out);
}

static size_t
utf8_len(const struct ui_line *l)
{
	struct buf b = BUF_INIT;
	size_t n;

	ui_line_get(l, &b);
	n = b.len;
	buf_release(&b);
	return n;
}

static void
delete_at(struct ui_line *l, int at)
{
	memmove(&l->text[at], &l->text[at + 1], (size_t)(l->len - at) * sizeof(wchar_t));
	l->len--;
}

bool
ui_line_is_char(enum action act, int kind, wint_t key)
{
	return act == ACT_NONE && kind == OK && key >= 32 && key != 127 && iswprint(key);
}

enum ui_line_result
ui_line_key(struct ui_line *l, enum action act, int kind, wint_t key)
{
	switch (act) {
	case ACT_MOVE_LEFT:
		if (l->cursor > 0)
			l->cursor--;
		return LINE_MOVED;
	case ACT_MOVE_RIGHT:
		if (l->cursor < l->len)
			l->cursor++;
		return LINE_MOVED;
	case ACT_LINE_START:
		l->cursor = 0;
		return LINE_MOVED;
	case ACT_LINE_END:
		l->cursor = l->len;
		return LINE_MOVED;
	case ACT_DELETE_BACK:
		if (l->cursor == 0)
			return LINE_MOVED;
		delete_at(l, --l->cursor);
		return LINE_CHANGED;
	case ACT_DELETE_CHAR:
		if (l->cursor >= l->len)
			return LINE_MOVED;
		delete_at(l, l->cursor);
		return LINE_CHANGED;
	case ACT_CLEAR_LINE:
		ui_line_clear(l);
		return LINE_CHANGED;
	case ACT_NONE:
		break;
	default:
		return LINE_IGNORED;	/* bound to something else: not typing */
	}
	if (!ui_line_is_char(act, kind, key))
		return LINE_IGNORED;
	if (l->max_bytes > 0) {
		char mb[MB_LEN_MAX];
		mbstate_t st;
		size_t n;

		memset(&st, 0, sizeof(st));
		n = wcrtomb(mb, (wchar_t)key, &st);
		if (n == (size_t)-1 || utf8_len(l) + n > l->max_bytes)
			return LINE_FULL;
	}
	reserve(l, l->len + 1);
	memmove(&l->text[l->cursor + 1], &l->text[l->cursor],
	    (size_t)(l->len - l->cursor + 1) * sizeof(wchar_t));
	l->text[l->cursor++] = (wchar_t)key;
	l->len++;
	return LINE_CHANGED;
}

static int
wc_cols(wchar_t c)
{
	int w = wcwidth(c);

	return w > 0 ? w : 1;	/* shown as U+FFFD, one column */
}

static int cols_between(const struct ui_line *l, int from, int to);

/* Wrap into rows of at most cols columns: start[r] is the first character of row r. Returns
 * the number of rows; the cursor at the very end of a full row starts a new one. */
static int
wrap(const struct ui_line *l, int cols, int *start, int max_rows)
{
	int rows = 1;
	int used = 0;
	int row_start = 0;
	int after_blank = -1;	/* in this row: the first character after its last blank */
	int i;

	start[0] = 0;
	for (i = 0; i < l->len; i++) {
		int w = wc_cols(l->text[i]);

		if (used + w > cols) {
			int at = i;

			/* A word of Latin letters moves whole to the next row, when the blank
			 * before it is not too far back. */
			if (l->text[i] != ' ' && l->text[i] < 0x80 && after_blank > row_start &&
			    i - after_blank < cols / 3)
				at = after_blank;
			if (rows < max_rows)
				start[rows] = at;
			rows++;
			row_start = at;
			after_blank = -1;
			used = cols_between(l, at, i);
		}
		if (l->text[i] == ' ')
			after_blank = i + 1;
		used += w;
	}
	if (used >= cols && l->len > 0) {
		if (rows < max_rows)
			start[rows] = l->len;
		rows++;
	}
	return rows;
}

int
ui_line_rows(const struct ui_line *l, int cols)
{
	int start[1];

	if (cols < 2)
		return 1;
	return wrap(l, cols, start, 1);
}

static void
draw_part(struct ui *ui, const struct ui_line *l, int from, int to, int y, int x, int cols,
    enum ui_attr_role role)
{
	struct buf b = BUF_INIT;

	to_utf8(l->text + from, to - from, &b);
	ui_text(ui, y, x, cols, buf_str(&b), role);
	buf_release(&b);
}

static int
cols_between(const struct ui_line *l, int from, int to)
{
	int c = 0;

	for (; from < to; from++)
		c += wc_cols(l->text[from]);
	return c;
}

int
ui_line_cursor_cols(const struct ui_line *l)
{
	return cols_between(l, 0, l->cursor);
}

void
ui_line_draw(struct ui *ui, const struct ui_line *l, int y, int x, int rows, int cols,
    enum ui_attr_role role, bool focus, int *cy, int *cx)
{
	if (cols < 2)
		return;
	if (rows <= 1) {
		int from = 0;
		int end;

		/* Keep one column for the cursor after the last character. */
		if (focus)
			while (cols_between(l, from, l->cursor) > cols - 1)
				from++;
		end = from;
		while (end < l->len && cols_between(l, from, end + 1) <= cols)
			end++;
		/* More to the right than fits: say so with '~', as ui_text does. */
		if (end < l->len) {
			draw_part(ui, l, from, l->len, y, x, cols, role);
		} else {
			draw_part(ui, l, from, end, y, x, cols, role);
		}
		if (focus && cy != NULL && cx != NULL) {
			*cy = y;
			*cx = x + cols_between(l, from, l->cursor);
		}
		return;
	} else {
		int n = wrap(l, cols, (int[1]){ 0 }, 1);
		int *start = xcalloc((size_t)n + 1, sizeof(int));
		int crow = 0;
		int first = 0;
		int r;

		wrap(l, cols, start, n);
		start[n] = l->len;
		for (r = 0; r < n; r++)
			if (l->cursor >= start[r])
				crow = r;
		if (focus && crow >= rows)
			first = crow - rows + 1;
		for (r = 0; r < rows; r++) {
			int row = first + r;

			if (row < n) {
				/* The last row shown says '~' when more follows below. */
				int to = r == rows - 1 && row + 1 < n ? l->len : start[row + 1];

				draw_part(ui, l, start[row], to, y + r, x, cols, role);
			} else {
				ui_text(ui, y + r, x, cols, "", role);
			}
		}
		if (focus && cy != NULL && cx != NULL) {
			*cy = y + crow - first;
			*cx = x + cols_between(l, start[crow], l->cursor);
		}
		free(start);
	}
}
