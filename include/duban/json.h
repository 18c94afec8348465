/* include/duban/json.h: writing JSON text (audit rows, --format json). No parsing here. */
#ifndef DUBAN_JSON_H
#define DUBAN_JSON_H

#include <stddef.h>

struct buf;

/* Append s as a JSON string literal with quotes. Control characters are escaped; invalid
 * UTF-8 bytes become U+FFFD, so the output is always valid JSON. */
void json_add_string(struct buf *b, const char *s);
void json_add_stringn(struct buf *b, const char *s, size_t len);
/* Append an integer as stored (a count, an id): a JSON number when s is a decimal integer,
 * else a string, so that a value a hand-edited database holds cannot break the output. */
void json_add_integer(struct buf *b, const char *s);

#endif
