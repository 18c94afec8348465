/* tests/fuzz/fuzz_date.c: date_parse and date_parse_iso on any bytes. A date that parses must
 * be a real day and survive formatting and parsing back unchanged. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "duban/date.h"
#include "duban/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	struct date d;
	struct duban_err err;
	char iso[DATE_ISO_LEN];

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (date_parse(s, &d, &err) == DUBAN_OK) {
		struct date back;

		if (!date_is_valid(d.y, d.m, d.d))
			abort();
		if (date_parse_iso(date_format(d, iso), &back, &err) != DUBAN_OK ||
		    !date_eq(d, back))
			abort();
	} else if (err.msg[0] == '\0') {
		abort();	/* every refusal says why */
	}
	date_parse_iso(s, &d, &err);
	free(s);
	return 0;
}
