/* tests/fuzz/fuzz_env.h: what the record and export targets share: the shipped configuration
 * and calendar (DUBAN_DATA, as `make fuzz` sets it), a database held in memory (SQLite's memdb
 * made the default VFS: core's db_open runs unchanged, nothing reaches a disk) seeded once
 * with the demo data, an admin acting at 2025-06-30, and a check that JSON text is JSON. */
#ifndef DUBAN_FUZZ_ENV_H
#define DUBAN_FUZZ_ENV_H

#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "duban/calendar.h"
#include "duban/config.h"
#include "duban/date.h"
#include "duban/db.h"
#include "duban/demo.h"
#include "duban/err.h"
#include "duban/record.h"
#include "duban/text.h"
#include "duban/user.h"

#define FUZZ_UNUSED __attribute__((unused))

/* Where a target may write a scratch file: $TMPDIR (tests/fuzz/run.sh gives each run its
 * own), else /tmp; the name carries the process id. */
static FUZZ_UNUSED void
fuzz_scratch(char *out, size_t size, const char *name)
{
	const char *base = getenv("TMPDIR");

	if (base == NULL || base[0] == '\0')
		base = "/tmp";
	snprintf(out, size, "%s/duban-fuzz-%s-%ld", base, name, (long)getpid());
}

/* Open the in-memory database, seeded with the demo data, into env; aborts on failure. */
static FUZZ_UNUSED void
fuzz_env_open(struct record_env *env, const char *name)
{
	const char *data = getenv("DUBAN_DATA");
	struct config *cfg = config_new();
	struct calendar *cal = calendar_new();
	sqlite3_vfs *memdb;
	struct db *db = NULL;
	struct duban_err err;
	char ini[1024];
	char path[512];

	setlocale(LC_ALL, "C.UTF-8");
	/* Every database opened from now on lives in memory. db_open still creates (and
	 * leaves) an empty file at path: it is removed at once. */
	memdb = sqlite3_vfs_find("memdb");
	if (memdb == NULL || sqlite3_vfs_register(memdb, 1) != SQLITE_OK) {
		fprintf(stderr, "fuzz %s: this SQLite has no memdb VFS\n", name);
		abort();
	}
	fuzz_scratch(path, sizeof(path), name);
	strncat(path, ".db", sizeof(path) - strlen(path) - 1);
	unlink(path);
	if (data == NULL)
		data = "data";
	snprintf(ini, sizeof(ini), "%s/duban.ini", data);
	duban_err_clear(&err);
	if (config_load_file(cfg, ini, data, &err) != DUBAN_OK ||
	    calendar_load_dirs(cal, cfg->calendar_dirs, &err) != DUBAN_OK ||
	    db_open(path, DB_CREATE, 1000, &db, &err) != DUBAN_OK) {
		fprintf(stderr, "fuzz %s: %s %s (set DUBAN_DATA)\n", name, err.where, err.msg);
		abort();
	}
	unlink(path);
	db_set_actor(db, "fuzz", "2025-06-30 10:00:00");
	db_set_actor_role(db, ROLE_ADMIN);
	env->db = db;
	env->cfg = cfg;
	env->cal = cal;
	env->today = date_ymd(2025, 6, 30);
	if (demo_seed(env, &err) != DUBAN_OK) {
		fprintf(stderr, "fuzz %s: demo_seed: %s\n", name, err.msg);
		abort();
	}
}

/* A JSON value (RFC 8259) at *s; depth-limited. */
static bool fuzz_json_value(const char **s, const char *end, int depth);

static FUZZ_UNUSED void
fuzz_json_ws(const char **s, const char *end)
{
	while (*s < end && (**s == ' ' || **s == '\t' || **s == '\n' || **s == '\r'))
		(*s)++;
}

static FUZZ_UNUSED bool
fuzz_json_string(const char **s, const char *end)
{
	const char *p = *s + 1;

	while (p < end && *p != '"') {
		unsigned char c = (unsigned char)*p;

		if (c < 0x20)
			return false;
		if (c == '\\') {
			p++;
			if (p >= end)
				return false;
			if (*p == 'u') {
				int i;

				for (i = 1; i <= 4; i++)
					if (p + i >= end || strchr("0123456789abcdefABCDEF",
					    p[i]) == NULL || p[i] == '\0')
						return false;
				p += 4;
			} else if (strchr("\"\\/bfnrt", *p) == NULL || *p == '\0') {
				return false;
			}
		}
		p++;
	}
	if (p >= end)
		return false;
	*s = p + 1;
	return true;
}

static FUZZ_UNUSED bool
fuzz_json_number(const char **s, const char *end)
{
	const char *p = *s;
	const char *digits;

	if (p < end && *p == '-')
		p++;
	digits = p;
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	if (p == digits || (*digits == '0' && p - digits > 1))
		return false;
	if (p < end && *p == '.') {
		digits = ++p;
		while (p < end && *p >= '0' && *p <= '9')
			p++;
		if (p == digits)
			return false;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		digits = p;
		while (p < end && *p >= '0' && *p <= '9')
			p++;
		if (p == digits)
			return false;
	}
	*s = p;
	return true;
}

static bool
fuzz_json_value(const char **s, const char *end, int depth)
{
	static const char *const words[] = { "true", "false", "null" };
	size_t i;

	if (depth > 64)
		return false;
	fuzz_json_ws(s, end);
	if (*s >= end)
		return false;
	if (**s == '"')
		return fuzz_json_string(s, end);
	if (**s == '{' || **s == '[') {
		char close = **s == '{' ? '}' : ']';
		bool object = **s == '{';

		(*s)++;
		fuzz_json_ws(s, end);
		if (*s < end && **s == close) {
			(*s)++;
			return true;
		}
		for (;;) {
			if (object) {
				fuzz_json_ws(s, end);
				if (*s >= end || **s != '"' || !fuzz_json_string(s, end))
					return false;
				fuzz_json_ws(s, end);
				if (*s >= end || **s != ':')
					return false;
				(*s)++;
			}
			if (!fuzz_json_value(s, end, depth + 1))
				return false;
			fuzz_json_ws(s, end);
			if (*s < end && **s == ',') {
				(*s)++;
				continue;
			}
			if (*s < end && **s == close) {
				(*s)++;
				return true;
			}
			return false;
		}
	}
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		size_t n = strlen(words[i]);

		if ((size_t)(end - *s) >= n && memcmp(*s, words[i], n) == 0) {
			*s += n;
			return true;
		}
	}
	return fuzz_json_number(s, end);
}

/* The whole of text is one JSON value in valid UTF-8. */
static FUZZ_UNUSED bool
fuzz_json_valid(const char *text, size_t len)
{
	const char *s = text;
	const char *end = text + len;
	char *copy;
	bool utf8;

	if (!fuzz_json_value(&s, end, 0))
		return false;
	fuzz_json_ws(&s, end);
	if (s != end || memchr(text, '\0', len) != NULL)
		return false;
	copy = strndup(text, len);
	utf8 = copy != NULL && text_is_valid_utf8(copy);
	free(copy);
	return utf8;
}

#endif
