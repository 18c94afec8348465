/* tests/fuzz/fuzz_file.h: loaders that read files get the fuzzer's bytes through one. */
#ifndef DUBAN_FUZZ_FILE_H
#define DUBAN_FUZZ_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

static const char *
fuzz_write_file(const uint8_t *data, size_t size, const char *suffix)
{
	static char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/duban-fuzz-%ld%s", (long)getpid(), suffix);
	f = fopen(path, "wb");
	if (f == NULL)
		return NULL;
	fwrite(data, 1, size, f);
	fclose(f);
	return path;
}

#endif
