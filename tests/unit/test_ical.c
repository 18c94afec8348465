/* tests/unit/test_ical.c: the iCalendar text primitives (core/ical.c): content lines folded at
 * 75 octets without splitting a UTF-8 character, CRLF ends, and TEXT escaping (RFC 5545
 * §3.1, §3.3.11). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "duban/buf.h"
#include "duban/ical.h"

/* Every physical line ends in CRLF and has at most 75 octets; continuation lines start with
 * one space; no line starts inside a UTF-8 character; unfolding gives back the input. */
static void
check_folded(const char *in)
{
	struct buf out = BUF_INIT;
	struct buf unfolded = BUF_INIT;
	const char *p;
	int first = 1;

	ical_add_line(&out, in);
	p = buf_str(&out);
	while (*p != '\0') {
		const char *end = strstr(p, "\r\n");
		size_t len;

		assert_non_null(end);
		len = (size_t)(end - p);
		assert_true(len <= 75);
		assert_null(memchr(p, '\n', len));
		if (!first) {
			assert_int_equal(p[0], ' ');
			/* The character after the space begins a character. */
			if (len > 1)
				assert_true(((unsigned char)p[1] & 0xC0) != 0x80);
			buf_add(&unfolded, p + 1, len - 1);
		} else {
			buf_add(&unfolded, p, len);
		}
		first = 0;
		p = end + 2;
	}
	assert_string_equal(buf_str(&unfolded), in);
	buf_release(&out);
	buf_release(&unfolded);
}

static void
test_fold_ascii(void **state)
{
	char line[400];

	(void)state;
	memset(line, 'a', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	memcpy(line, "DESCRIPTION:", 12);
	check_folded(line);
	line[75] = '\0';
	check_folded(line);		/* exactly 75: one line */
	line[76] = '\0';
	line[75] = 'b';
	check_folded(line);		/* 76: folded once */
	check_folded("");
}

static void
test_fold_never_splits_a_character(void **state)
{
	struct buf s = BUF_INIT;
	int i;
	int shift;

	(void)state;
	/* Every alignment of 3-byte and 4-byte characters against the 75-octet limit. */
	for (shift = 0; shift < 4; shift++) {
		buf_reset(&s);
		buf_adds(&s, "SUMMARY:");
		for (i = 0; i < shift; i++)
			buf_addc(&s, 'x');
		for (i = 0; i < 60; i++)
			buf_adds(&s, i % 5 == 4 ? "\xF0\x9F\x93\x85" : "答辩");
		check_folded(buf_str(&s));
	}
	buf_release(&s);
}

static void
test_escape_text(void **state)
{
	struct buf out = BUF_INIT;

	(void)state;
	ical_escape_text("a;b,c\\d\ne\tf", &out);
	assert_string_equal(buf_str(&out), "a\\;b\\,c\\\\d\\ne f");
	buf_reset(&out);
	/* Control characters and invalid bytes are dropped, never passed on. */
	ical_escape_text("x\r\x1b[31my\x7f\xff\xc3z 县公安局", &out);
	assert_string_equal(buf_str(&out), "x[31myz 县公安局");
	buf_release(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_ascii),
		cmocka_unit_test(test_fold_never_splits_a_character),
		cmocka_unit_test(test_escape_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
