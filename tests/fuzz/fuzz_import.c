/* tests/fuzz/fuzz_import.c: whole imports of arbitrary bytes (core/import.c over csvin):
 * header mapping, kind detection, every cell through record_input, record_save, duplicate
 * keys, hearings carried by litigation rows, the rejects file. Each input is a dry run with
 * --skip-invalid against one database (under $TMPDIR, else /tmp; per process) holding a
 * few agencies and a case, so the database never drifts between inputs. Never a crash, a
 * leak, or an error without a message.
 * Needs DUBAN_DATA (the shipped configuration and calendar), as `make fuzz` sets it. */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "duban/calendar.h"
#include "duban/config.h"
#include "duban/date.h"
#include "duban/db_sql.h"
#include "duban/err.h"
#include "duban/import.h"
#include "duban/record.h"
#include "duban/user.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct record_env env;
static char path[512];

static void
add(const char *kind, const char *const *pairs)
{
	const struct kind_def *k = record_kind(kind);
	struct record *r = record_new(k);
	struct record_problems p;
	struct duban_err err;
	size_t i;

	memset(&p, 0, sizeof(p));
	for (i = 0; pairs[i] != NULL; i += 2)
		record_input(&env, r, record_field_idx(k, pairs[i]), pairs[i + 1], &p);
	if (p.n > 0 || record_save(&env, r, 0, NULL, &p, &err) != DUBAN_OK)
		abort();
	record_free(r);
}

static void
setup(void)
{
	static const char *const a1[] = { "name", "县公安局", "short_name", "公安局", "code",
		"GA01", "kind", "部门", NULL };
	static const char *const a2[] = { "name", "城关镇人民政府", "kind", "乡镇街道", "parent",
		"县公安局", NULL };
	static const char *const c1[] = { "case_no", "(2025)浙0521行初1号", "agency", "公安局",
		"complaint_received_on", "2025-03-05", NULL };
	const char *data = getenv("DUBAN_DATA");
	struct config *cfg = config_new();
	struct calendar *cal = calendar_new();
	struct db *db = NULL;
	struct duban_err err;
	char ini[1024];
	char dbpath[512];
	const char *tmp = getenv("TMPDIR");

	setlocale(LC_ALL, "C.UTF-8");
	if (tmp == NULL || tmp[0] == '\0')
		tmp = "/tmp";
	snprintf(dbpath, sizeof(dbpath), "%s/duban-fuzz-import-%ld.db", tmp, (long)getpid());
	unlink(dbpath);
	if (data == NULL)
		data = "data";
	snprintf(ini, sizeof(ini), "%s/duban.ini", data);
	if (config_load_file(cfg, ini, data, &err) != DUBAN_OK ||
	    calendar_load_dirs(cal, cfg->calendar_dirs, &err) != DUBAN_OK ||
	    db_open(dbpath, DB_CREATE, 1000, &db, &err) != DUBAN_OK) {
		fprintf(stderr, "fuzz_import: %s %s (set DUBAN_DATA)\n", err.where, err.msg);
		abort();
	}
	db_set_actor(db, "fuzz", "2025-06-30 10:00:00");
	db_set_actor_role(db, ROLE_ADMIN);
	env.db = db;
	env.cfg = cfg;
	env.cal = cal;
	env.today = date_ymd(2025, 6, 30);
	add("agency", a1);
	add("agency", a2);
	add("litigation", c1);
	snprintf(path, sizeof(path), "%s/duban-fuzz-import-%ld.csv", tmp, (long)getpid());
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_opts o;
	struct import_result res;
	struct duban_err err;
	char rejects[600];
	FILE *f;
	int rc;

	if (env.db == NULL)
		setup();
	f = fopen(path, "wb");
	if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	snprintf(rejects, sizeof(rejects), "%s.rejects", path);
	memset(&o, 0, sizeof(o));
	o.path = path;
	o.encoding = ENCODING_AUTO;
	o.dry_run = true;
	o.skip_invalid = true;
	o.rejects_path = rejects;
	duban_err_clear(&err);
	rc = import_run(&env, &o, &res, &err);
	if (rc != DUBAN_OK && err.msg[0] == '\0')
		abort();
	/* A dry run writes no file and leaves the counts adding up. */
	if (res.rejects_path != NULL || access(rejects, F_OK) == 0)
		abort();
	if (rc == DUBAN_OK && res.n_new + res.n_updated + res.n_unchanged + res.n_refused !=
	    res.rows)
		abort();
	import_result_release(&res);
	unlink(path);
	return 0;
}
