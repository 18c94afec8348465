/* include/duban/text.h: UTF-8 text checks and display width. The only place that computes
 * columns (mbrtowc + wcwidth, so the process must run in a UTF-8 locale); an invalid byte or
 * a non-printable character counts as one U+FFFD of width 1. */
#ifndef DUBAN_TEXT_H
#define DUBAN_TEXT_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

enum text_align { TEXT_LEFT, TEXT_RIGHT };

/* Append s without leading and trailing blanks (ASCII white space and U+3000). */
void text_trim(const char *s, struct buf *out);
bool text_is_valid_utf8(const char *s);
/* True if s holds a control character other than tab, newline and carriage return. */
bool text_has_control(const char *s);
/* ASCII-only case-insensitive comparison (locale-independent). */
int strcasecmp_ascii(const char *a, const char *b);

/* Display columns of s. */
int text_cols(const char *s);
/* Bytes of s that fit in max_cols without splitting a character; *cols = width used. */
size_t text_fit(const char *s, int max_cols, int *cols);
/* Append s to b, cut (ending in '~') or space-padded to exactly cols columns. Control
 * characters and invalid bytes are shown as U+FFFD, never passed through. */
void text_pad(struct buf *b, const char *s, int cols, enum text_align align);
/* Append s with every control character and invalid byte replaced by U+FFFD, and newlines
 * and tabs by a space: safe to put on a terminal as one line. */
void text_sanitize(const char *s, struct buf *out);

#endif
