/* tests/unit/test_export.c: exporting records (core/export.c): the headers and words the import
 * reads, so that every kind makes the round trip export -> import unchanged, into the same
 * database (nothing changes, nothing is audited) and into a fresh one (the same file comes
 * out again); UTF-8 with BOM, GB18030, JSON; files replaced whole or not at all. Today is
 * 2025-06-30; the data is the demo set around it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <iconv.h>

#include "duban/demo.h"
#include "duban/export.h"
#include "duban/json.h"
#include "import_fixture.h"

#define TEXT_LEN 4096

static int
demo_setup(void **state)
{
	struct ifx *fx;
	struct duban_err err;

	if (ifx_setup_empty(state) != 0)
		return -1;
	fx = *state;
	if (demo_seed(&fx->env, &err) != DUBAN_OK) {
		fprintf(stderr, "demo_seed: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static struct export_opts
csv_opts(struct ifx *fx, const char *kind, const char *name)
{
	struct export_opts o;

	memset(&o, 0, sizeof(o));
	o.kind = record_kind(kind);
	assert_non_null(o.kind);
	o.format = EXPORT_CSV;
	o.encoding = ENCODING_UTF8;
	o.zh_headers = true;
	o.path = name != NULL ? ifx_path(fx, name) : NULL;
	return o;
}

static int64_t
export_to(struct ifx *fx, const struct record_env *env, const struct export_opts *o)
{
	struct duban_err err;
	int64_t n = -1;

	duban_err_clear(&err);
	if (export_kind(env, o, &n, &err) != DUBAN_OK) {
		print_error("export %s: %s %s\n", o->kind->name, err.where, err.msg);
		fail();
	}
	(void)fx;
	return n;
}

/* Every kind, through a file and back: the same database finds nothing to change, a fresh
 * one takes every row and exports the very same bytes. */
static void
test_export_round_trip_every_kind(void **state)
{
	struct ifx *fx = *state;
	struct db *db_b = NULL;
	struct record_env env_b = fx->env;
	struct duban_err err;
	char name[64];
	char path_b[IFX_PATH_LEN + 64];
	size_t k;
	int64_t audit;

	for (k = 0; record_kinds[k] != NULL; k++) {
		struct export_opts o;
		int64_t n;

		snprintf(name, sizeof(name), "%s.csv", record_kinds[k]->name);
		o = csv_opts(fx, record_kinds[k]->name, name);
		n = export_to(fx, &fx->env, &o);
		assert_true(n > 0);
	}
	audit = ifx_sql_int(fx, "SELECT count(*) FROM audit_log");
	for (k = 0; record_kinds[k] != NULL; k++) {
		snprintf(name, sizeof(name), "%s.csv", record_kinds[k]->name);
		assert_int_equal(ifx_import(fx, name), DUBAN_OK);
		assert_ptr_equal(fx->res.kind, record_kinds[k]);
		assert_int_equal(fx->res.n_unchanged, fx->res.rows);
		assert_int_equal(fx->n_refusals, 0);
		assert_string_equal(buf_str(&fx->warnings), "");
	}
	assert_int_equal(ifx_sql_int(fx, "SELECT count(*) FROM audit_log"), audit);

	/* Into a fresh database, in the order references need: the same file comes out. */
	snprintf(path_b, sizeof(path_b), "%s/b.db", fx->dir);
	assert_int_equal(db_open(path_b, DB_CREATE, 1000, &db_b, &err), DUBAN_OK);
	db_set_actor(db_b, "tester", "2025-06-30 11:00:00");
	db_set_actor_role(db_b, ROLE_ADMIN);
	env_b.db = db_b;
	for (k = 0; record_kinds[k] != NULL; k++) {
		struct import_opts o;
		struct import_result res;
		struct export_opts eo;
		char *a;
		char *b;
		size_t alen;
		size_t blen;

		snprintf(name, sizeof(name), "%s.csv", record_kinds[k]->name);
		o = ifx_opts(fx, name);
		memset(&res, 0, sizeof(res));
		if (import_run(&env_b, &o, &res, &err) != DUBAN_OK) {
			print_error("import into b: %s %s\n%s", err.where, err.msg,
			    buf_str(&fx->refusals));
			fail();
		}
		assert_int_equal(res.n_new, res.rows);
		import_result_release(&res);
		snprintf(name, sizeof(name), "%s-b.csv", record_kinds[k]->name);
		eo = csv_opts(fx, record_kinds[k]->name, name);
		export_to(fx, &env_b, &eo);
		a = ifx_read(fx, name, &blen);
		snprintf(name, sizeof(name), "%s.csv", record_kinds[k]->name);
		b = ifx_read(fx, name, &alen);
		assert_non_null(a);
		assert_non_null(b);
		if (alen != blen || memcmp(a, b, alen) != 0) {
			print_error("%s: the export of the fresh database differs\n",
			    record_kinds[k]->name);
			fail();
		}
		free(a);
		free(b);
	}
	db_close(db_b);
}

static void
test_export_csv_header_and_words(void **state)
{
	struct ifx *fx = *state;
	struct export_opts o = csv_opts(fx, "hearing", "h.csv");
	char *text;
	char *nl;

	export_to(fx, &fx->env, &o);
	text = ifx_read(fx, "h.csv", NULL);
	nl = strstr(text, "\r\n");
	assert_non_null(nl);
	*nl = '\0';
	assert_string_equal(text, "\xEF\xBB\xBF\"案号\",\"开庭日期\",\"是否要求负责人出庭\","
	    "\"要求出庭原因\",\"出庭人\",\"出庭人职务\",\"出庭人类别\",\"是否出声\","
	    "\"未出庭说明\"");
	/* Cases by number, yes/no as 是/否, ranks in Chinese. */
	ifx_expect_contains(nl + 2, "\"(20");
	ifx_expect_contains(nl + 2, "\",\"否\",\"");
	free(text);
	o = csv_opts(fx, "hearing", "h-en.csv");
	o.zh_headers = false;
	export_to(fx, &fx->env, &o);
	text = ifx_read(fx, "h-en.csv", NULL);
	assert_memory_equal(text, "\xEF\xBB\xBF\"case_no\",\"hearing_on\",\"head_required\",",
	    strlen("\xEF\xBB\xBF\"case_no\",\"hearing_on\",\"head_required\","));
	free(text);
}

/* Quotes, commas, line breaks and leading zeros survive the trip. */
static void
test_export_special_characters_round_trip(void **state)
{
	struct ifx *fx = *state;
	struct export_opts o;
	char *text;

	ifx_writes(fx, "in.csv", "机关名称,简称,代码,类别,负责人\n"
	    "\"县\"\"特别\"\"局, 第一\",\"多\n行\",007,其他,\"=SUM(1)\"\n");
	assert_int_equal(ifx_import(fx, "in.csv"), DUBAN_OK);
	ifx_expect_counts(fx, 1, 1, 0, 0, 0);
	o = csv_opts(fx, "agency", "out.csv");
	export_to(fx, &fx->env, &o);
	text = ifx_read(fx, "out.csv", NULL);
	ifx_expect_contains(text, "\"县\"\"特别\"\"局, 第一\",\"多\n行\",\"007\",\"其他\",\"\","
	    "\"'=SUM(1)\"\r\n");
	free(text);
	assert_int_equal(ifx_import(fx, "out.csv"), DUBAN_OK);
	assert_int_equal(fx->res.n_unchanged, fx->res.rows);
}

/* Cells a spreadsheet would run as formulas (OWASP: = + - @ tab CR at the start) are written
 * with a leading apostrophe; an apostrophe the user typed is doubled, so that the import
 * takes off exactly what the export put on and the round trip is exact. */
static void
test_export_formula_cells_guarded_round_trip(void **state)
{
	struct ifx *fx = *state;
	static const struct {
		const char *in;		/* cell of the imported file */
		const char *stored;	/* what it is */
		const char *out;	/* as exported (inside quotes) */
	} cases[] = {
		{ "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", "=HYPERLINK(\"http://x\",\"y\")",
		  "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
		{ "\"+cmd|'/C calc'!A0\"", "+cmd|'/C calc'!A0", "\"'+cmd|'/C calc'!A0\"" },
		{ "@SUM(1+1)", "@SUM(1+1)", "\"'@SUM(1+1)\"" },
		{ "-2+3", "-2+3", "\"'-2+3\"" },
		{ "'=x", "=x", "\"'=x\"" },		/* guarded already: taken off */
		{ "'abc", "'abc", "\"''abc\"" },	/* the user's own apostrophe */
		{ "''=y", "'=y", "\"''=y\"" },
		{ "''", "'", "\"''\"" },
		{ "a=b", "a=b", "\"a=b\"" },
	};
	struct buf in = BUF_INIT;
	struct export_opts o;
	char got[256];
	char sql[128];
	char *text;
	size_t i;

	buf_adds(&in, "机关名称,类别,负责人\n");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		buf_printf(&in, "机关%zu,其他,%s\n", i, cases[i].in);
	ifx_writes(fx, "in.csv", buf_str(&in));
	assert_int_equal(ifx_import(fx, "in.csv"), DUBAN_OK);
	ifx_expect_counts(fx, (int64_t)i, (int64_t)i, 0, 0, 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(sql, sizeof(sql), "SELECT head FROM agencies WHERE name = '机关%zu'", i);
		ifx_sql_text(fx, sql, got, sizeof(got));
		assert_string_equal(got, cases[i].stored);
	}
	o = csv_opts(fx, "agency", "out.csv");
	export_to(fx, &fx->env, &o);
	text = ifx_read(fx, "out.csv", NULL);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		buf_reset(&in);
		buf_printf(&in, "\"机关%zu\",\"\",\"\",\"其他\",\"\",%s\r\n", i, cases[i].out);
		ifx_expect_contains(text, buf_str(&in));
	}
	free(text);
	/* Read back: every record as it was. */
	assert_int_equal(ifx_import(fx, "out.csv"), DUBAN_OK);
	assert_int_equal(fx->res.n_unchanged, fx->res.rows);
	assert_int_equal(fx->res.rows, (int64_t)(sizeof(cases) / sizeof(cases[0])));
	buf_release(&in);
}

/* JSON escapes every control character, the C1 ones (U+0080-U+009F) included, and the
 * JavaScript line ends U+2028/U+2029: a terminal showing the JSON runs none of them. */
static void
test_json_escapes_c1_controls(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	json_add_string(&b, "a\x1b[31m\xC2\x9B" "31m\xC2\x85\xC2\xA0\xE2\x80\xA8\xE2\x80\xA9z");
	assert_string_equal(buf_str(&b),
	    "\"a\\u001b[31m\\u009b31m\\u0085\xC2\xA0\\u2028\\u2029z\"");
	buf_release(&b);
}

static void
test_export_gb18030(void **state)
{
	struct ifx *fx = *state;
	struct export_opts o = csv_opts(fx, "litigation", "u.csv");
	iconv_t cd;
	char *utf8;
	char *gb;
	char *back;
	char *in;
	char *out;
	size_t ulen;
	size_t glen;
	size_t in_left;
	size_t out_left;

	export_to(fx, &fx->env, &o);
	o = csv_opts(fx, "litigation", "g.csv");
	o.encoding = ENCODING_GB18030;
	export_to(fx, &fx->env, &o);
	utf8 = ifx_read(fx, "u.csv", &ulen);
	gb = ifx_read(fx, "g.csv", &glen);
	/* No BOM in GB18030: Excel reads it as the system's code page. */
	assert_memory_equal(gb, "\"\xB0\xB8\xBA\xC5\"", 6);
	cd = iconv_open("UTF-8", "GB18030");
	assert_true(cd != (iconv_t)-1);
	back = calloc(1, glen * 2 + 1);
	in = gb;
	in_left = glen;
	out = back;
	out_left = glen * 2;
	assert_true(iconv(cd, &in, &in_left, &out, &out_left) != (size_t)-1);
	iconv_close(cd);
	assert_int_equal((size_t)(out - back), ulen - 3);
	assert_memory_equal(back, utf8 + 3, ulen - 3);
	free(utf8);
	free(gb);
	free(back);
	assert_int_equal(ifx_import(fx, "g.csv"), DUBAN_OK);
	assert_int_equal(fx->res.encoding, ENCODING_GB18030);
	assert_int_equal(fx->res.n_unchanged, fx->res.rows);
}

static void
test_export_json(void **state)
{
	struct ifx *fx = *state;
	struct export_opts o;
	char *text;

	ifx_writes(fx, "in.csv", "机关名称,简称,代码,类别,上级机关\n县政府,,,部门,\n"
	    "城关镇,\"城\"\"关\",,乡镇街道,县政府\n");
	assert_int_equal(ifx_import(fx, "in.csv"), DUBAN_OK);
	o = csv_opts(fx, "agency", "a.json");
	o.format = EXPORT_JSON;
	assert_int_equal(export_to(fx, &fx->env, &o), 2);
	text = ifx_read(fx, "a.json", NULL);
	assert_string_equal(text, "[\n"
	    "{\"id\":1,\"name\":\"县政府\",\"short_name\":\"\",\"code\":\"\","
	    "\"kind\":\"department\",\"parent\":null,\"head\":\"\"},\n"
	    "{\"id\":2,\"name\":\"城关镇\",\"short_name\":\"城\\\"关\",\"code\":\"\","
	    "\"kind\":\"township\",\"parent\":\"县政府\",\"head\":\"\"}\n]\n");
	free(text);
	o.encoding = ENCODING_GB18030;
	{
		struct duban_err err;
		int64_t n;

		assert_int_equal(export_kind(&fx->env, &o, &n, &err), DUBAN_EUSAGE);
	}
}

static void
test_export_empty_kind_and_stream(void **state)
{
	struct ifx *fx = *state;
	struct export_opts o = csv_opts(fx, "suggestion", NULL);
	char buf[512];
	size_t n;
	FILE *f = tmpfile();

	assert_non_null(f);
	o.stream = f;
	assert_int_equal(export_to(fx, &fx->env, &o), 0);
	rewind(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	assert_string_equal(buf, "\xEF\xBB\xBF\"文号\",\"类别\",\"发出机关\",\"被建议机关\","
	    "\"收到日期\",\"文书载明期限\",\"期限单位\",\"回复期限\",\"回复日期\","
	    "\"回复递交方式\",\"回复交邮日期\",\"报备日期\",\"整改情况\"\r\n");
}

/* SQLite's json_valid() of text. */
static bool
is_json(struct ifx *fx, const char *text)
{
	sqlite3_stmt *st = NULL;
	bool ok;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(fx->db), "SELECT json_valid(?)", -1, &st,
	    NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	ok = sqlite3_column_int(st, 0) == 1;
	sqlite3_finalize(st);
	return ok;
}

/* An integer column holding text (a hand-edited database: SQLite keeps what it is given)
 * still gives valid JSON, in the export and in the audit trail's record JSON; found by
 * tests/fuzz/fuzz_export.c. */
static void
test_export_json_integer_column_holding_text(void **state)
{
	struct ifx *fx = *state;
	const struct kind_def *k = record_kind("suggestion");
	struct record *r = record_new(k);
	struct export_opts o = csv_opts(fx, "suggestion", NULL);
	struct export *ex = NULL;
	struct duban_err err;
	struct buf json = BUF_INIT;
	char text[4096];
	size_t n;
	FILE *f = tmpfile();

	assert_non_null(f);
	record_set(r, record_field_idx(k, "period_length"), "=SUM(1),\"x\":1");
	r->id = 7;
	o.format = EXPORT_JSON;
	o.stream = f;
	assert_int_equal(export_open(&fx->env, &o, &ex, &err), DUBAN_OK);
	assert_int_equal(export_record(ex, r, &err), DUBAN_OK);
	assert_int_equal(export_close(ex, true, &err), DUBAN_OK);
	rewind(f);
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	ifx_expect_contains(text, "\"period_length\":\"=SUM(1),\\\"x\\\":1\"");
	assert_true(is_json(fx, text));
	record_to_json(r, &json);
	assert_true(is_json(fx, buf_str(&json)));
	/* A number stays a number. */
	record_set(r, record_field_idx(k, "period_length"), "15");
	buf_reset(&json);
	record_to_json(r, &json);
	ifx_expect_contains(buf_str(&json), "\"period_length\":15");
	buf_release(&json);
	record_free(r);
}

/* A file is replaced whole at the end, or not at all; nothing is left beside it. */
static void
test_export_replaces_file_atomically(void **state)
{
	struct ifx *fx = *state;
	struct export_opts o = csv_opts(fx, "agency", "a.csv");
	struct duban_err err;
	char missing[IFX_PATH_LEN + 64];
	char *text;
	int64_t n;
	DIR *d;
	struct dirent *de;
	int files = 0;

	ifx_writes(fx, "a.csv", "old content\n");
	export_to(fx, &fx->env, &o);
	text = ifx_read(fx, "a.csv", NULL);
	ifx_expect_contains(text, "\"机关名称\"");
	free(text);
	d = opendir(fx->dir);
	while ((de = readdir(d)) != NULL)
		files += strncmp(de->d_name, "a.csv", 5) == 0;
	closedir(d);
	assert_int_equal(files, 1);
	snprintf(missing, sizeof(missing), "%s/no/such/dir/a.csv", fx->dir);
	o.path = missing;
	assert_int_equal(export_kind(&fx->env, &o, &n, &err), DUBAN_EINPUT);
	ifx_expect_contains(err.msg, "cannot be written");
}

static void
test_export_access_by_role(void **state)
{
	struct ifx *fx = *state;
	struct export_opts o = csv_opts(fx, "agency", "a.csv");
	struct duban_err err;
	int64_t n;

	db_set_actor_role(fx->db, ROLE_STAFF);
	assert_int_equal(export_kind(&fx->env, &o, &n, &err), DUBAN_EDENIED);
	ifx_expect_contains(err.msg, "exporting is not allowed for the role staff");
	assert_null(ifx_read(fx, "a.csv", NULL));
	db_set_actor_role(fx->db, ROLE_ANALYST);
	assert_int_equal(export_kind(&fx->env, &o, &n, &err), DUBAN_OK);
	assert_int_equal(n, 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_export_round_trip_every_kind, demo_setup,
		    ifx_teardown),
		cmocka_unit_test_setup_teardown(test_export_csv_header_and_words, demo_setup,
		    ifx_teardown),
		cmocka_unit_test_setup_teardown(test_export_gb18030, demo_setup, ifx_teardown),
		cmocka_unit_test_setup_teardown(test_export_special_characters_round_trip,
		    ifx_setup_empty, ifx_teardown),
		cmocka_unit_test_setup_teardown(test_export_formula_cells_guarded_round_trip,
		    ifx_setup_empty, ifx_teardown),
		cmocka_unit_test_setup_teardown(test_export_json, ifx_setup_empty, ifx_teardown),
		cmocka_unit_test(test_json_escapes_c1_controls),
		cmocka_unit_test_setup_teardown(test_export_empty_kind_and_stream, ifx_setup,
		    ifx_teardown),
		cmocka_unit_test_setup_teardown(test_export_json_integer_column_holding_text,
		    ifx_setup, ifx_teardown),
		cmocka_unit_test_setup_teardown(test_export_replaces_file_atomically, ifx_setup,
		    ifx_teardown),
		cmocka_unit_test_setup_teardown(test_export_access_by_role, ifx_setup,
		    ifx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
