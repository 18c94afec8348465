/* core/text.c: width and safety of text on a terminal. Data may hold anything (ESC
 * sequences from a hostile CSV, broken UTF-8 from an old export); what leaves here is safe. */
#include "duban/text.h"

#include <string.h>
#include <wchar.h>

#include "duban/buf.h"

#define REPLACEMENT "\xEF\xBF\xBD"

void
text_trim(const char *s, struct buf *out)
{
	const char *end;

	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' || *s == '\f' ||
		    *s == '\v')
			s++;
		else if (strncmp(s, "\xE3\x80\x80", 3) == 0)	/* U+3000 ideographic space */
			s += 3;
		else
			break;
	}
	end = s + strlen(s);
	for (;;) {
		if (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' ||
		    end[-1] == '\n' || end[-1] == '\f' || end[-1] == '\v'))
			end--;
		else if (end - s >= 3 && strncmp(end - 3, "\xE3\x80\x80", 3) == 0)
			end -= 3;
		else
			break;
	}
	buf_add(out, s, (size_t)(end - s));
}

/* Decode one UTF-8 character: its length (1..4) and code point, or 0 if invalid. */
static size_t
decode(const unsigned char *s, unsigned long *cp)
{
	size_t n;
	size_t i;
	unsigned long c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

static bool
is_control(unsigned long cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

bool
text_is_valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp;

	while (*p != '\0') {
		size_t n = decode(p, &cp);

		if (n == 0)
			return false;
		p += n;
	}
	return true;
}

bool
text_has_control(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp;

	while (*p != '\0') {
		size_t n = decode(p, &cp);

		if (n == 0)
			n = 1;
		else if (is_control(cp) && cp != '\t' && cp != '\n' && cp != '\r')
			return true;
		p += n;
	}
	return false;
}

int
strcasecmp_ascii(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = (unsigned char)*a;
		int cb = (unsigned char)*b;

		if (ca >= 'A' && ca <= 'Z')
			ca += 'a' - 'A';
		if (cb >= 'A' && cb <= 'Z')
			cb += 'a' - 'A';
		if (ca != cb || ca == 0)
			return ca - cb;
	}
}

/* One display unit of s: its bytes, its width, and whether it must be replaced. */
static size_t
unit(const char *s, int *cols, bool *replace)
{
	unsigned long cp;
	size_t n = decode((const unsigned char *)s, &cp);
	int w;

	*replace = false;
	if (n == 0 || is_control(cp)) {
		*cols = 1;
		*replace = true;
		return n == 0 ? 1 : n;
	}
	w = wcwidth((wchar_t)cp);
	if (w < 0) {
		*cols = 1;
		*replace = true;
	} else {
		*cols = w;	/* 0 for combining marks: they stay attached to their base */
	}
	return n;
}

int
text_cols(const char *s)
{
	int total = 0;

	while (*s != '\0') {
		int w;
		bool rep;

		s += unit(s, &w, &rep);
		total += w;
	}
	return total;
}

size_t
text_fit(const char *s, int max_cols, int *cols)
{
	const char *p = s;
	int used = 0;

	while (*p != '\0') {
		int w;
		bool rep;
		size_t n = unit(p, &w, &rep);

		if (used + w > max_cols)
			break;
		used += w;
		p += n;
	}
	if (cols != NULL)
		*cols = used;
	return (size_t)(p - s);
}

/* Append up to max_cols columns of s, safely; returns columns used. */
static int
add_safe(struct buf *b, const char *s, int max_cols, bool *cut)
{
	int used = 0;

	*cut = false;
	while (*s != '\0') {
		int w;
		bool rep;
		size_t n = unit(s, &w, &rep);

		if (used + w > max_cols) {
			*cut = true;
			break;
		}
		if (rep)
			buf_adds(b, *s == '\n' || *s == '\t' ? " " : REPLACEMENT);
		else
			buf_add(b, s, n);
		used += w;
		s += n;
	}
	return used;
}

void
text_pad(struct buf *b, const char *s, int cols, enum text_align align)
{
	struct buf tmp = BUF_INIT;
	bool cut;
	int used;
	int i;

	if (cols <= 0)
		return;
	used = add_safe(&tmp, s, cols, &cut);
	if (cut) {
		/* Redo one column shorter and end with '~', so the reader sees the cut. */
		buf_reset(&tmp);
		used = add_safe(&tmp, s, cols - 1, &cut);
		buf_addc(&tmp, '~');
		used++;
	}
	if (align == TEXT_RIGHT)
		for (i = used; i < cols; i++)
			buf_addc(b, ' ');
	buf_add(b, buf_str(&tmp), tmp.len);
	if (align == TEXT_LEFT)
		for (i = used; i < cols; i++)
			buf_addc(b, ' ');
	buf_release(&tmp);
}

void
text_sanitize(const char *s, struct buf *out)
{
	bool cut;

	add_safe(out, s, 1 << 30, &cut);
}
