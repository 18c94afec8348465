/* include/duban/text.h: UTF-8 text checks and display width. The only place that computes
 * columns (mbrtowc + wcwidth, so the process must run in a UTF-8 locale); an invalid byte or
 * a non-printable character counts as one U+FFFD of width 1. */
#ifndef DUBAN_TEXT_H
#define DUBAN_TEXT_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

enum text_align { TEXT_LEFT, TEXT_RIGHT };

/* Append s without leading and trailing blanks: ASCII white space, U+00A0 and the other
 * Unicode spaces (U+1680, U+2000-U+200B, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF). */
void text_trim(const char *s, struct buf *out);
/* Append the form in which natural keys (case and document numbers, agency names) are
 * compared: blanks dropped, full-width ASCII made ASCII, and every kind of bracket that
 * stands around a year -- （）〔〕［］【】〖〗﹙﹚ and [] -- made ( ). So
 * "（2025）浙0521行初361号" and "(2025) 浙0521行初361号" are one key. */
void text_key_norm(const char *s, struct buf *out);
bool text_is_valid_utf8(const char *s);
/* Bytes of the valid UTF-8 character at s (1..4), or 0 for an invalid sequence or a lone
 * continuation byte (a NUL ends any sequence early, so s may end there). */
size_t text_utf8_char_len(const char *s);
/* True if s holds a control character other than tab, newline and carriage return. */
bool text_has_control(const char *s);
/* True if s holds any C0 or C1 control character or DEL, tab and line breaks included. */
bool text_has_any_control(const char *s);
/* True if s holds a bidirectional formatting character (U+061C, U+200E, U+200F,
 * U+202A-U+202E, U+2066-U+2069). */
bool text_has_bidi(const char *s);
/* Append s with control characters and invalid bytes as \xNN, tab as \t, C1 controls,
 * bidirectional controls and U+2028/U+2029 as \uNNNN: user input quoted in a message. */
void text_escape(const char *s, struct buf *out);
/* Append a CSV cell's text guarded against formula injection (OWASP): a cell starting
 * with = + - @ tab or CR gets a leading apostrophe, and so does one starting with an
 * apostrophe, so that text_csv_guard_len() can undo exactly this. */
void text_csv_guard(const char *s, size_t len, struct buf *out);
/* Bytes to drop from the front of a CSV cell read back: 1 for an apostrophe followed by
 * = + - @ tab CR or another apostrophe (what text_csv_guard() adds), else 0. */
size_t text_csv_guard_len(const char *s, size_t len);
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
