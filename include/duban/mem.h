/* include/duban/mem.h: allocation that cannot fail. Out of memory is the one fatal error. */
#ifndef DUBAN_MEM_H
#define DUBAN_MEM_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of nmemb items of size bytes, checking the multiplication. */
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);

#endif
