/* tests/fuzz/fuzz_config.c: configuration and assessment scheme files of any content: loaded
 * or refused with a message, never a crash; a refused file changes nothing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "duban/assess.h"
#include "duban/config.h"
#include "duban/err.h"
#include "duban/rules.h"
#include "fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_write_file(data, size, ".ini");
	struct config *cfg = config_new();
	struct assess_scheme *scheme = NULL;
	struct duban_err err;
	int before;

	if (path == NULL) {
		config_free(cfg);
		return 0;
	}
	before = cfg->due_soon_workdays;
	if (config_load_file(cfg, path, "/nonexistent", &err) != DUBAN_OK) {
		if (err.msg[0] == '\0' || cfg->due_soon_workdays != before ||
		    rules_count(cfg->rules) != 0)
			abort();
	}
	if (config_load_scheme(path, &scheme, &err) == DUBAN_OK)
		assess_scheme_free(scheme);
	else if (err.msg[0] == '\0')
		abort();
	config_free(cfg);
	remove(path);
	return 0;
}
