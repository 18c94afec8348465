/* include/duban/sha256.h: SHA-256 (FIPS 180-4), for recognising a document again; not used
 * for anything secret. */
#ifndef DUBAN_SHA256_H
#define DUBAN_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t len;		/* bytes hashed so far */
	unsigned char block[64];
	size_t used;		/* bytes waiting in block */
};

#define SHA256_HEX_LEN 65	/* 64 hex digits and the NUL */

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t len);
/* The digest as 64 lowercase hex digits. s is spent afterwards. */
void sha256_final_hex(struct sha256 *s, char out[SHA256_HEX_LEN]);

#endif
