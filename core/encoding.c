/* core/encoding.c: UTF-8 and GB18030 at the edges of duban, with glibc iconv. Reads and
 * converts a fixed-size chunk at a time; a character cut by the end of a chunk waits for the
 * next one. Never prints; errors name the file and line. */
#include "duban/encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "duban/buf.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/text.h"

#define IN_SIZE (64 * 1024)
/* A GB18030 character of 2 bytes is 3 in UTF-8, one of 4 is 4: 1.5 times at most. */
#define OUT_SIZE (IN_SIZE * 2)
/* Detection wants this much text after the first non-ASCII byte, unless the file ends. */
#define SAMPLE_MIN 4096

static const unsigned char utf8_bom[] = { 0xEF, 0xBB, 0xBF };
static const unsigned char gb18030_bom[] = { 0x84, 0x31, 0x95, 0x33 };

const char *
encoding_name(enum encoding enc)
{
	switch (enc) {
	case ENCODING_UTF8:
		return "utf-8";
	case ENCODING_GB18030:
		return "gb18030";
	case ENCODING_AUTO:
		break;
	}
	return "auto";
}

bool
encoding_parse(const char *s, enum encoding *out)
{
	static const struct {
		const char *name;
		enum encoding enc;
	} names[] = {
		{ "auto", ENCODING_AUTO }, { "utf-8", ENCODING_UTF8 }, { "utf8", ENCODING_UTF8 },
		{ "gb18030", ENCODING_GB18030 }, { "gbk", ENCODING_GB18030 },
		{ "gb2312", ENCODING_GB18030 }, { "cp936", ENCODING_GB18030 },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcasecmp_ascii(s, names[i].name) == 0) {
			*out = names[i].enc;
			return true;
		}
	}
	return false;
}

/* Length of the valid UTF-8 character at s (n bytes available): 1..4; 0 if invalid; -1 if
 * it is cut off by the end of the bytes but valid so far. */
static int
utf8_char_len(const unsigned char *s, size_t n)
{
	int len;
	int i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4;
	else
		return 0;
	for (i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	}
	/* Overlong forms, surrogates and code points past U+10FFFF. */
	if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F) ||
	    (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] > 0x8F))
		return 0;
	return len;
}

bool
encoding_looks_utf8(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	bool cjk = false;
	size_t i = 0;

	while (i < len) {
		int n = utf8_char_len(p + i, len - i);
		unsigned long cp;

		if (n == 1) {
			i++;
			continue;
		}
		if (n != 3)
			return false;
		cp = ((unsigned long)(p[i] & 0x0F) << 12) | ((unsigned long)(p[i + 1] & 0x3F) << 6) |
		    (p[i + 2] & 0x3Fu);
		/* CJK punctuation, kana, ideographs (with extension A), full-width forms. */
		if (!((cp >= 0x3000 && cp <= 0x9FFF) || (cp >= 0xFF00 && cp <= 0xFFEF)))
			return false;
		cjk = true;
		i += 3;
	}
	return cjk;
}

enum encoding
encoding_detect(const unsigned char *s, size_t len, bool at_eof, size_t *bom_len)
{
	size_t i = 0;
	size_t valid = 0;
	size_t invalid = 0;

	*bom_len = 0;
	if (len >= sizeof(utf8_bom) && memcmp(s, utf8_bom, sizeof(utf8_bom)) == 0) {
		*bom_len = sizeof(utf8_bom);
		return ENCODING_UTF8;
	}
	if (len >= sizeof(gb18030_bom) && memcmp(s, gb18030_bom, sizeof(gb18030_bom)) == 0) {
		*bom_len = sizeof(gb18030_bom);
		return ENCODING_GB18030;
	}
	while (i < len) {
		int n = utf8_char_len(s + i, len - i);

		if (n < 0 && !at_eof)
			break;
		if (n <= 0) {
			invalid++;
			i++;
		} else {
			if (n > 1)
				valid++;
			i += (size_t)n;
		}
	}
	/* GB18030 text read as UTF-8 is invalid nearly everywhere; a UTF-8 file with a few bad
	 * bytes is still UTF-8, and its bad cells are refused one by one, naming the column. */
	return invalid == 0 || valid >= 2 * invalid ? ENCODING_UTF8 : ENCODING_GB18030;
}

struct encoding_reader {
	FILE *f;
	char *name;
	enum encoding enc;
	iconv_t cd;		/* (iconv_t)-1 until GB18030 is decided */
	unsigned char in[IN_SIZE];
	size_t in_pos;
	size_t in_len;
	char out[OUT_SIZE];
	uint64_t offset;	/* bytes of the file before in[in_pos] */
	long lines;		/* newlines handed out before the current chunk */
	bool eof;
	bool started;		/* the BOM check is done */
};

struct encoding_reader *
encoding_reader_new(FILE *f, const char *name, enum encoding enc)
{
	struct encoding_reader *r = xcalloc(1, sizeof(*r));

	r->f = f;
	r->name = xstrdup(name);
	r->enc = enc;
	r->cd = (iconv_t)-1;
	return r;
}

void
encoding_reader_free(struct encoding_reader *r)
{
	if (r == NULL)
		return;
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	free(r->name);
	free(r);
}

enum encoding
encoding_reader_encoding(const struct encoding_reader *r)
{
	return r->enc;
}

uint64_t
encoding_reader_offset(const struct encoding_reader *r)
{
	return r->offset;
}

static long
count_lines(const char *s, size_t len)
{
	const char *end = s + len;
	long n = 0;

	while (s < end && (s = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		n++;
		s++;
	}
	return n;
}

/* Keep the unread bytes, read more after them. */
static int
refill(struct encoding_reader *r, struct duban_err *err)
{
	size_t keep = r->in_len - r->in_pos;
	size_t got;

	if (r->eof)
		return DUBAN_OK;
	memmove(r->in, r->in + r->in_pos, keep);
	r->in_pos = 0;
	r->in_len = keep;
	got = fread(r->in + keep, 1, sizeof(r->in) - keep, r->f);
	r->in_len += got;
	if (got < sizeof(r->in) - keep) {
		if (ferror(r->f))
			return duban_err_set(err, DUBAN_EINPUT, _("%s: the file cannot be read"),
			    r->name);
		r->eof = true;
	}
	return DUBAN_OK;
}

static int
start(struct encoding_reader *r, struct duban_err *err)
{
	const unsigned char *s = r->in;
	int rc;

	r->started = true;
	/* Short reads happen on pipes: make sure a BOM is not split. */
	while (r->in_len < 4 && !r->eof) {
		rc = refill(r, err);
		if (rc != DUBAN_OK)
			return rc;
	}
	if (r->in_len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
		return duban_err_set(err, DUBAN_EINPUT, _("%s is UTF-16 text, which duban does not "
		    "read; save it as UTF-8 (in Excel: \"CSV UTF-8\") or as GB18030"), r->name);
	if (r->in_len >= sizeof(utf8_bom) && memcmp(s, utf8_bom, sizeof(utf8_bom)) == 0) {
		r->in_pos = sizeof(utf8_bom);
		/* The BOM settles it, whatever --encoding said: UTF-8 read as GB18030 would
		 * turn into plausible-looking nonsense rather than fail. */
		r->enc = ENCODING_UTF8;
	} else if (r->in_len >= sizeof(gb18030_bom) &&
	    memcmp(s, gb18030_bom, sizeof(gb18030_bom)) == 0 && r->enc != ENCODING_UTF8) {
		r->in_pos = sizeof(gb18030_bom);
		r->enc = ENCODING_GB18030;
	}
	r->offset = r->in_pos;
	return DUBAN_OK;
}

/* Whether the GB18030 decoder stopped inside a UTF-8 Chinese character: at is within
 * in[0..in_len), and up to two bytes before it may belong to the character. */
static bool
inside_utf8(const struct encoding_reader *r, const unsigned char *at, size_t avail)
{
	size_t pos = (size_t)(at - r->in);
	size_t back;

	for (back = 0; back <= 2 && back <= pos; back++) {
		const unsigned char *s = at - back;

		if (avail + back >= 3 && encoding_looks_utf8((const char *)s, 3))
			return true;
		if ((*s & 0xC0) != 0x80)
			break;	/* not a continuation byte: the character cannot start earlier */
	}
	return false;
}

static int
undecodable(struct encoding_reader *r, const unsigned char *at, size_t avail, long line,
    struct duban_err *err)
{
	struct buf hex = BUF_INIT;
	size_t i;
	size_t n = avail < 4 ? avail : 4;

	for (i = 0; i < n; i++)
		buf_printf(&hex, "%s%02X", i > 0 ? " " : "", at[i]);
	if (inside_utf8(r, at, avail))
		duban_err_set(err, DUBAN_EINPUT, _("this line holds UTF-8 text in a file read as "
		    "GB18030 (the bytes %s); save the whole file in one encoding, UTF-8 or "
		    "GB18030"), buf_str(&hex));
	else
		duban_err_set(err, DUBAN_EINPUT, _("the bytes %s are neither UTF-8 nor GB18030 "
		    "text; save the file as UTF-8 or GB18030 (GBK), or give the right "
		    "--encoding"), buf_str(&hex));
	buf_release(&hex);
	return duban_err_where(err, "%s:%ld", r->name, line);
}

static int
convert(struct encoding_reader *r, const char **data, size_t *len, struct duban_err *err)
{
	char *out = r->out;
	size_t out_left = sizeof(r->out);
	int rc;

	if (r->cd == (iconv_t)-1) {
		r->cd = iconv_open("UTF-8", "GB18030");
		if (r->cd == (iconv_t)-1)
			return duban_err_set(err, DUBAN_EINPUT, _("%s: this system cannot convert "
			    "GB18030 (iconv); save the file as UTF-8"), r->name);
	}
	for (;;) {
		char *in = (char *)r->in + r->in_pos;
		size_t in_left = r->in_len - r->in_pos;
		size_t res;

		if (in_left == 0) {
			if (out != r->out || r->eof)
				break;
			rc = refill(r, err);
			if (rc != DUBAN_OK)
				return rc;
			continue;
		}
		res = iconv(r->cd, &in, &in_left, &out, &out_left);
		r->offset += (uint64_t)(in - ((char *)r->in + r->in_pos));
		r->in_pos = (size_t)((unsigned char *)in - r->in);
		if (res != (size_t)-1)
			continue;
		if (errno == E2BIG)
			break;
		if (errno == EINVAL) {
			/* A character cut by the end of the chunk: read the rest of it. */
			if (r->eof) {
				duban_err_set(err, DUBAN_EINPUT,
				    _("the file ends in the middle of a GB18030 character"));
				return duban_err_where(err, "%s:%ld", r->name, r->lines +
				    count_lines(r->out, (size_t)(out - r->out)) + 1);
			}
			if (out != r->out)
				break;
			rc = refill(r, err);
			if (rc != DUBAN_OK)
				return rc;
			continue;
		}
		/* EILSEQ. Windows' code page 936 has the euro sign at 0x80, which GB18030 lacks. */
		if ((unsigned char)*in == 0x80 && out_left >= 3) {
			memcpy(out, "\xE2\x82\xAC", 3);
			out += 3;
			out_left -= 3;
			r->in_pos++;
			r->offset++;
			continue;
		}
		if ((unsigned char)*in == 0x80)
			break;
		return undecodable(r, (const unsigned char *)in, in_left, r->lines +
		    count_lines(r->out, (size_t)(out - r->out)) + 1, err);
	}
	*data = r->out;
	*len = (size_t)(out - r->out);
	r->lines += count_lines(r->out, *len);
	return DUBAN_OK;
}

int
encoding_reader_read(struct encoding_reader *r, const char **data, size_t *len,
    struct duban_err *err)
{
	int rc;

	*data = NULL;
	*len = 0;
	if (!r->started) {
		rc = refill(r, err);
		if (rc == DUBAN_OK)
			rc = start(r, err);
		if (rc != DUBAN_OK)
			return rc;
	}
	for (;;) {
		if (r->enc == ENCODING_GB18030)
			return convert(r, data, len, err);
		if (r->in_pos == r->in_len) {
			if (r->eof)
				return DUBAN_OK;
			rc = refill(r, err);
			if (rc != DUBAN_OK)
				return rc;
			continue;
		}
		if (r->enc == ENCODING_UTF8)
			break;
		/* Undecided: ASCII is the same in both; the first other byte decides. */
		{
			const unsigned char *p = r->in + r->in_pos;
			const unsigned char *end = r->in + r->in_len;
			size_t bom;

			while (p < end && *p < 0x80)
				p++;
			if (p > r->in + r->in_pos) {
				*data = (const char *)r->in + r->in_pos;
				*len = (size_t)(p - (r->in + r->in_pos));
				r->in_pos += *len;
				r->offset += *len;
				r->lines += count_lines(*data, *len);
				return DUBAN_OK;
			}
			if (p == end)
				continue;
			if ((size_t)(end - p) < SAMPLE_MIN && !r->eof) {
				size_t before = r->in_len - r->in_pos;

				rc = refill(r, err);
				if (rc != DUBAN_OK)
					return rc;
				if (r->in_len - r->in_pos > before || r->eof)
					continue;
			}
			r->enc = encoding_detect(r->in + r->in_pos, r->in_len - r->in_pos, r->eof,
			    &bom);
		}
	}
	*data = (const char *)r->in + r->in_pos;
	*len = r->in_len - r->in_pos;
	r->offset += *len;
	r->in_pos = r->in_len;
	return DUBAN_OK;
}

struct encoding_encoder {
	enum encoding enc;
	iconv_t cd;
};

struct encoding_encoder *
encoding_encoder_new(enum encoding enc)
{
	struct encoding_encoder *e = xcalloc(1, sizeof(*e));

	e->enc = enc;
	e->cd = (iconv_t)-1;
	return e;
}

void
encoding_encoder_free(struct encoding_encoder *e)
{
	if (e == NULL)
		return;
	if (e->cd != (iconv_t)-1)
		iconv_close(e->cd);
	free(e);
}

int
encoding_encode(struct encoding_encoder *e, const char *s, size_t len, struct buf *out,
    struct duban_err *err)
{
	char chunk[4096];
	char *in = (char *)s;
	size_t in_left = len;

	if (e->enc != ENCODING_GB18030) {
		buf_add(out, s, len);
		return DUBAN_OK;
	}
	if (e->cd == (iconv_t)-1) {
		e->cd = iconv_open("GB18030", "UTF-8");
		if (e->cd == (iconv_t)-1)
			return duban_err_set(err, DUBAN_EINPUT,
			    _("this system cannot convert to GB18030 (iconv)"));
	}
	while (in_left > 0) {
		char *o = chunk;
		size_t o_left = sizeof(chunk);
		size_t res = iconv(e->cd, &in, &in_left, &o, &o_left);

		buf_add(out, chunk, (size_t)(o - chunk));
		if (res == (size_t)-1 && errno != E2BIG) {
			/* Reset the shift state for the next call. */
			iconv(e->cd, NULL, NULL, NULL, NULL);
			return duban_err_set(err, DUBAN_EINPUT,
			    _("byte %02X at position %zu of the text is not valid UTF-8; it "
			      "cannot be converted to GB18030"), (unsigned)(unsigned char)*in,
			    (size_t)(in - s) + 1);
		}
	}
	return DUBAN_OK;
}
