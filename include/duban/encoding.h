/* include/duban/encoding.h: the text encodings of files people bring and take away. Inside
 * duban everything is UTF-8; this module detects UTF-8 (with or without BOM) or GB18030 (GBK,
 * GB2312: what Excel on Chinese Windows saves) and converts at the edges with iconv, a chunk
 * at a time, so a file of any size needs the same little memory. */
#ifndef DUBAN_ENCODING_H
#define DUBAN_ENCODING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct buf;
struct duban_err;

enum encoding {
	ENCODING_AUTO,		/* reading only: decided from the bytes */
	ENCODING_UTF8,
	ENCODING_GB18030,
};

/* "utf-8", "gb18030" ("auto" for ENCODING_AUTO). */
const char *encoding_name(enum encoding enc);
/* Accepts auto, utf-8, utf8, gb18030, gbk, gb2312 (any case). False if none of them. */
bool encoding_parse(const char *s, enum encoding *out);

/* True if the bytes s are UTF-8 Chinese text: valid UTF-8, with at least one character of
 * three bytes and every non-ASCII one a CJK character, punctuation or full-width form. Read
 * as GB18030, such bytes decode without error into nonsense ("中文" -> "涓枃"); real GB18030
 * text is almost never like this. */
bool encoding_looks_utf8(const char *s, size_t len);

/* The encoding of a file that starts with the len bytes of s: a UTF-8 BOM (its length goes to
 * *bom_len, else 0), else UTF-8 if the bytes are valid UTF-8, or mostly so (at least twice as
 * many multi-byte characters as invalid bytes; a character cut off at the end of s counts
 * only if at_eof), else GB18030. Pure ASCII counts as UTF-8. */
enum encoding encoding_detect(const unsigned char *s, size_t len, bool at_eof, size_t *bom_len);

/* A reader that turns a file into UTF-8 chunks. */
struct encoding_reader;

/* Read from f (borrowed; the caller closes it) as enc; name is used in messages. ENCODING_AUTO
 * decides at the first non-ASCII byte (or from a BOM). Never fails. */
struct encoding_reader *encoding_reader_new(FILE *f, const char *name, enum encoding enc);
void encoding_reader_free(struct encoding_reader *r);
/* Next chunk of UTF-8 text, borrowed until the next call; *len == 0 at the end. A BOM is
 * dropped. DUBAN_EINPUT naming the file and line for bytes that are not GB18030 or for a
 * UTF-16 file; DUBAN_EINPUT for a read error. UTF-8 input is passed through unchecked:
 * records check their fields (record_input), which names the column. */
int encoding_reader_read(struct encoding_reader *r, const char **data, size_t *len,
    struct duban_err *err);
/* The encoding decided so far (ENCODING_AUTO while the text has been ASCII only). */
enum encoding encoding_reader_encoding(const struct encoding_reader *r);
/* Bytes of the file consumed so far. */
uint64_t encoding_reader_offset(const struct encoding_reader *r);

/* A converter from UTF-8 to enc, for writing files. */
struct encoding_encoder;

/* enc is ENCODING_UTF8 (text is copied) or ENCODING_GB18030. Never fails. */
struct encoding_encoder *encoding_encoder_new(enum encoding enc);
void encoding_encoder_free(struct encoding_encoder *e);
/* Append the UTF-8 text s (len bytes) to out, converted. DUBAN_EINPUT if s holds bytes that
 * are not UTF-8. */
int encoding_encode(struct encoding_encoder *e, const char *s, size_t len, struct buf *out,
    struct duban_err *err);

#endif
