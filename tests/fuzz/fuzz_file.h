/* tests/fuzz/fuzz_file.h: loaders that read files get the fuzzer's bytes through one, under
 * $TMPDIR (else /tmp). */
#ifndef DUBAN_FUZZ_FILE_H
#define DUBAN_FUZZ_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *
fuzz_write_file(const uint8_t *data, size_t size, const char *suffix)
{
	static char path[512];
	const char *base = getenv("TMPDIR");
	FILE *f;

	if (base == NULL || base[0] == '\0')
		base = "/tmp";
	snprintf(path, sizeof(path), "%s/duban-fuzz-%ld%s", base, (long)getpid(), suffix);
	f = fopen(path, "wb");
	if (f == NULL)
		return NULL;
	fwrite(data, 1, size, f);
	fclose(f);
	return path;
}

#endif
