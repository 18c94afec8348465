/* tests/fuzz/fuzz_calendar.c: calendar files of any content load or are refused with a place;
 * a refused file leaves the calendar as it was. */
#include <stdint.h>
#include <stdlib.h>

#include "duban/calendar.h"
#include "duban/err.h"
#include "fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_write_file(data, size, ".txt");
	struct calendar *cal = calendar_new();
	struct duban_err err;

	if (path == NULL) {
		calendar_free(cal);
		return 0;
	}
	if (calendar_load_file(cal, path, &err) != DUBAN_OK) {
		const struct calendar_entry *e;

		if (err.where[0] == '\0' || calendar_all_entries(cal, &e) != 0)
			abort();
	} else {
		/* Whatever loaded answers questions without trouble. */
		calendar_is_working_day(cal, date_ymd(2024, 10, 1), true);
	}
	calendar_free(cal);
	remove(path);
	return 0;
}
