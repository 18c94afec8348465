/* core/json.c: JSON string escaping. Output must stay valid for any stored text, including
 * ESC sequences, NULs cut short by SQLite, and broken UTF-8 from old imports; control
 * characters, C1 ones included, are escaped, never written raw. */
#include "duban/json.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "duban/buf.h"

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if it is not one. */
static size_t
utf8_seq_len(const unsigned char *s, size_t avail)
{
	size_t n;
	size_t i;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4;
	else
		return 0;
	if (n > avail)
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	cp = n == 2 ? (uint32_t)(s[0] & 0x1F) : n == 3 ? (uint32_t)(s[0] & 0x0F) :
	    (uint32_t)(s[0] & 0x07);
	for (i = 1; i < n; i++)
		cp = (cp << 6) | (s[i] & 0x3F);
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

void
json_add_stringn(struct buf *b, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	size_t run = 0;		/* start of the bytes that go out as they are */

	buf_addc(b, '"');
	while (i < len) {
		unsigned char c = p[i];
		size_t n;

		if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
			i++;
			continue;
		}
		if (c >= 0x80 && (n = utf8_seq_len(p + i, len - i)) > 0) {
			/* C1 controls (U+0080-U+009F: C2 80-9F) act on terminals that show the
			 * JSON; U+2028 and U+2029 end lines in JavaScript. Escape them. */
			bool c1 = c == 0xC2 && p[i + 1] <= 0x9F;
			bool sep = c == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 ||
			    p[i + 2] == 0xA9);

			if (!c1 && !sep) {
				i += n;
				continue;
			}
			buf_add(b, s + run, i - run);
			buf_printf(b, "\\u%04x", c1 ? (unsigned)p[i + 1] :
			    0x2000u + (p[i + 2] & 0x3Fu));
			i += n;
			run = i;
			continue;
		}
		/* Copied in runs: an audit row per imported record makes this a hot path. */
		buf_add(b, s + run, i - run);
		if (c == '"' || c == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)c);
		} else if (c == '\n') {
			buf_adds(b, "\\n");
		} else if (c == '\t') {
			buf_adds(b, "\\t");
		} else if (c == '\r') {
			buf_adds(b, "\\r");
		} else if (c < 0x20 || c == 0x7F) {
			buf_printf(b, "\\u%04x", c);
		} else {
			buf_adds(b, "\xEF\xBF\xBD");
		}
		i++;
		run = i;
	}
	buf_add(b, s + run, i - run);
	buf_addc(b, '"');
}

void
json_add_string(struct buf *b, const char *s)
{
	size_t len = 0;

	while (s[len] != '\0')
		len++;
	json_add_stringn(b, s, len);
}

void
json_add_integer(struct buf *b, const char *s)
{
	const char *p = s[0] == '-' ? s + 1 : s;
	size_t n = strspn(p, "0123456789");

	if (n > 0 && n <= 18 && p[n] == '\0' && (p[0] != '0' || n == 1))
		buf_adds(b, s);
	else
		json_add_string(b, s);
}
