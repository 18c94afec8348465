/* tests/unit/test_sha256.c: SHA-256 (core/sha256.c) against the FIPS 180-4 / NIST examples,
 * and fed in pieces of every size across the 64-byte block. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "duban/sha256.h"

static void
hex_of(const void *data, size_t len, char out[SHA256_HEX_LEN])
{
	struct sha256 s;

	sha256_init(&s);
	sha256_update(&s, data, len);
	sha256_final_hex(&s, out);
}

static void
test_known_answers(void **state)
{
	static const char two_blocks[] =
	    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	char out[SHA256_HEX_LEN];
	struct sha256 s;
	char *million;
	int i;

	(void)state;
	hex_of("", 0, out);
	assert_string_equal(out,
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	hex_of("abc", 3, out);
	assert_string_equal(out,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	hex_of(two_blocks, strlen(two_blocks), out);
	assert_string_equal(out,
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	million = malloc(1000000);
	assert_non_null(million);
	memset(million, 'a', 1000000);
	sha256_init(&s);
	for (i = 0; i < 1000; i++)
		sha256_update(&s, million + i * 1000, 1000);
	sha256_final_hex(&s, out);
	assert_string_equal(out,
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(million);
}

/* Any split of the input gives the digest of the whole. */
static void
test_pieces(void **state)
{
	unsigned char data[200];
	char whole[SHA256_HEX_LEN];
	char parts[SHA256_HEX_LEN];
	size_t len;
	size_t cut;

	(void)state;
	for (len = 0; len < sizeof(data); len++)
		data[len] = (unsigned char)(len * 7 + 3);
	for (len = 0; len <= sizeof(data); len += 13) {
		hex_of(data, len, whole);
		for (cut = 0; cut <= len; cut++) {
			struct sha256 s;

			sha256_init(&s);
			sha256_update(&s, data, cut);
			sha256_update(&s, data + cut, len - cut);
			sha256_final_hex(&s, parts);
			assert_string_equal(parts, whole);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_answers),
		cmocka_unit_test(test_pieces),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
