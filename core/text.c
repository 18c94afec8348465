/* core/text.c: width and safety of text on a terminal. Data may hold anything (ESC
 * sequences from a hostile CSV, broken UTF-8 from an old export); what leaves here is safe. */
#include "duban/text.h"

#include <stddef.h>
#include <string.h>
#include <wchar.h>

#include "duban/buf.h"

#define REPLACEMENT "\xEF\xBF\xBD"

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

/* A blank: ASCII white space, no-break and the other Unicode spaces (U+00A0, U+1680,
 * U+2000-U+200A, U+202F, U+205F, U+3000), the line and paragraph separators, and the
 * invisible U+200B and U+FEFF that copying from web pages and Word leaves behind. */
static bool
is_space(unsigned long cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\f' || cp == '\v' ||
	    cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

/* Bidirectional formatting characters: they reorder what a reader sees (U+202E turns
 * "txt.exe" around), and no record of a county bureau needs them. */
static bool
is_bidi(unsigned long cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

/* Bytes of the blank at s, 0 if s does not start with one. */
static size_t
space_at(const char *s)
{
	unsigned long cp;
	size_t n;

	if (*s == '\0')
		return 0;
	n = decode((const unsigned char *)s, &cp);
	return n > 0 && is_space(cp) ? n : 0;
}

void
text_trim(const char *s, struct buf *out)
{
	const char *end;
	size_t n;
	size_t k;

	while ((n = space_at(s)) > 0)
		s += n;
	end = s + strlen(s);
	for (;;) {
		/* A blank ending at end: try its possible lengths (1 to 3 bytes). */
		for (k = 1; k <= 3 && end - s >= (ptrdiff_t)k; k++)
			if (space_at(end - k) == k)
				break;
		if (k > 3 || end - s < (ptrdiff_t)k)
			break;
		end -= k;
	}
	buf_add(out, s, (size_t)(end - s));
}

void
text_key_norm(const char *s, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp;

	while (*p != '\0') {
		size_t n = decode(p, &cp);

		if (n == 0) {
			buf_addc(out, (char)*p++);
			continue;
		}
		p += n;
		if (is_space(cp))
			continue;
		if (cp >= 0xFF01 && cp <= 0xFF5E)	/* full-width ASCII */
			cp -= 0xFEE0;
		switch (cp) {
		case '[': case 0x3010: case 0x3014: case 0x3016: case 0xFE59: case 0xFF5F:
		case 0x2985:
			cp = '(';
			break;
		case ']': case 0x3011: case 0x3015: case 0x3017: case 0xFE5A: case 0xFF60:
		case 0x2986:
			cp = ')';
			break;
		default:
			break;
		}
		if (cp < 0x80) {
			buf_addc(out, (char)cp);
		} else {
			/* Unchanged: copy its bytes. */
			buf_add(out, (const char *)p - n, n);
		}
	}
}

/* True if a character of s (invalid bytes skipped) satisfies is. */
static bool
has_char(const char *s, bool (*is)(unsigned long cp))
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp;

	while (*p != '\0') {
		size_t n = decode(p, &cp);

		if (n == 0)
			n = 1;
		else if (is(cp))
			return true;
		p += n;
	}
	return false;
}

bool
text_has_bidi(const char *s)
{
	return has_char(s, is_bidi);
}

bool
text_has_any_control(const char *s)
{
	return has_char(s, is_control);
}

size_t
text_utf8_char_len(const char *s)
{
	unsigned long cp;

	return decode((const unsigned char *)s, &cp);
}

void
text_escape(const char *s, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp;

	while (*p != '\0') {
		size_t n = decode(p, &cp);

		if (n == 0) {
			buf_printf(out, "\\x%02X", *p);
			n = 1;
		} else if (cp == '\t') {
			buf_adds(out, "\\t");
		} else if (cp < 0x20 || cp == 0x7F) {
			buf_printf(out, "\\x%02X", (unsigned)cp);
		} else if (is_control(cp) || is_bidi(cp) || cp == 0x2028 || cp == 0x2029) {
			buf_printf(out, "\\u%04lX", cp);
		} else {
			buf_add(out, (const char *)p, n);
		}
		p += n;
	}
}

/* OWASP, "CSV Injection": a cell starting with one of these is a formula to Excel, WPS and
 * LibreOffice. */
static bool
formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

void
text_csv_guard(const char *s, size_t len, struct buf *out)
{
	/* An apostrophe of the user's own is doubled, so that the import can tell it from
	 * ours: it removes one apostrophe only before a formula character or another one. */
	if (len > 0 && (formula_start(s[0]) || s[0] == '\''))
		buf_addc(out, '\'');
	buf_add(out, s, len);
}

size_t
text_csv_guard_len(const char *s, size_t len)
{
	return len >= 2 && s[0] == '\'' && (formula_start(s[1]) || s[1] == '\'') ? 1 : 0;
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
