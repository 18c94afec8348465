/* include/duban/buf.h: a growable byte string, always NUL-terminated. */
#ifndef DUBAN_BUF_H
#define DUBAN_BUF_H

#include <stddef.h>

struct buf {
	char *data;	/* NULL until something is added; buf_str() never returns NULL */
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_init(struct buf *b);
void buf_release(struct buf *b);
void buf_reset(struct buf *b);			/* len = 0, keeps the memory */
void buf_add(struct buf *b, const char *s, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *buf_str(const struct buf *b);
/* Hand the string to the caller (free()); b is empty afterwards. */
char *buf_detach(struct buf *b);

#endif
