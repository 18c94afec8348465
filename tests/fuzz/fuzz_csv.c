/* tests/fuzz/fuzz_csv.c: CSV files of any bytes (any encoding, quoting, NULs, BOMs) are read
 * row by row or refused with a place; never a crash, never an unbounded allocation. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "duban/csvin.h"
#include "duban/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csvin_opts o = { ENCODING_AUTO, NULL, NULL, 0, NULL };
	struct csvin *c = NULL;
	struct duban_err err;
	FILE *f = fmemopen((void *)data, size, "rb");
	const struct csvin_row *row = NULL;

	if (f == NULL)
		return 0;
	if (csvin_open_stream(f, "fuzz.csv", size, &o, &c, &err) == DUBAN_OK) {
		while (csvin_next(c, &row, &err) == DUBAN_OK && row != NULL)
			;
		csvin_close(c);
	} else if (err.msg[0] == '\0') {
		abort();
	}
	fclose(f);
	return 0;
}
