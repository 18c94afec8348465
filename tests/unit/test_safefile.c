/* tests/unit/test_safefile.c: writing files without following links and without leaving
 * partial files — a new file appears whole, a link to a file is refused, a pipe is written to,
 * a name duban owns is replaced whatever stands there, temporary files go on a signal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "duban/err.h"
#include "duban/safefile.h"

#define PATH_LEN 1024

struct fixture {
	char dir[PATH_LEN / 2];
};

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	const char *tmp = getenv("TMPDIR");

	if (fx == NULL)
		return -1;
	snprintf(fx->dir, sizeof(fx->dir), "%s/duban-test-safefile-XXXXXX",
	    tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
	if (mkdtemp(fx->dir) == NULL) {
		free(fx);
		return -1;
	}
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	struct dirent *de;
	DIR *d = opendir(fx->dir);

	while (d != NULL && (de = readdir(d)) != NULL) {
		char path[PATH_LEN * 2];

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", fx->dir, de->d_name);
		unlink(path);
	}
	if (d != NULL)
		closedir(d);
	rmdir(fx->dir);
	free(fx);
	return 0;
}

static void
path_of(const struct fixture *fx, const char *name, char *out)
{
	snprintf(out, PATH_LEN, "%s/%s", fx->dir, name);
}

static int
n_entries(const struct fixture *fx)
{
	struct dirent *de;
	DIR *d = opendir(fx->dir);
	int n = 0;

	while (d != NULL && (de = readdir(d)) != NULL)
		n += de->d_name[0] != '.';
	if (d != NULL)
		closedir(d);
	return n;
}

static void
read_all(const char *path, char *out, size_t cap)
{
	FILE *f = fopen(path, "r");
	size_t n;

	assert_non_null(f);
	n = fread(out, 1, cap - 1, f);
	out[n] = '\0';
	fclose(f);
}

/* The new content appears at the name only at the commit; nothing else is left. */
static void
test_replace_regular_file(void **state)
{
	struct fixture *fx = *state;
	char path[PATH_LEN];
	char text[64];
	struct safefile *sf = NULL;
	struct duban_err err;
	struct stat sb;
	mode_t old = umask(077);

	path_of(fx, "a.csv", path);
	assert_int_equal(safefile_open(path, 0, &sf, &err), DUBAN_OK);
	assert_non_null(safefile_temp_path(sf));
	fputs("old", safefile_stream(sf));
	assert_int_equal(safefile_commit(sf, &err), DUBAN_OK);
	assert_int_equal(safefile_open(path, 0, &sf, &err), DUBAN_OK);
	fputs("new", safefile_stream(sf));
	fflush(safefile_stream(sf));
	read_all(path, text, sizeof(text));
	assert_string_equal(text, "old");
	assert_int_equal(n_entries(fx), 2);
	assert_int_equal(safefile_commit(sf, &err), DUBAN_OK);
	umask(old);
	read_all(path, text, sizeof(text));
	assert_string_equal(text, "new");
	assert_int_equal(n_entries(fx), 1);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
}

/* Aborted, or taken away by a signal handler: no temporary file stays. */
static void
test_abort_and_signal_cleanup(void **state)
{
	struct fixture *fx = *state;
	char path[PATH_LEN];
	struct safefile *sf = NULL;
	struct duban_err err;

	path_of(fx, "b.csv", path);
	assert_int_equal(safefile_open(path, 0, &sf, &err), DUBAN_OK);
	assert_int_equal(n_entries(fx), 1);
	safefile_abort(sf);
	assert_int_equal(n_entries(fx), 0);
	assert_int_equal(safefile_open(path, 0, &sf, &err), DUBAN_OK);
	safefile_remove_temps();	/* what the handlers of tui/main.c call */
	assert_int_equal(n_entries(fx), 0);
	safefile_abort(sf);
	safefile_abort(NULL);
}

/* A link to a file is refused, the link and its target untouched. */
static void
test_link_to_file_refused(void **state)
{
	struct fixture *fx = *state;
	char path[PATH_LEN];
	char target[PATH_LEN];
	char text[64];
	struct safefile *sf = NULL;
	struct duban_err err;
	struct stat sb;
	FILE *f;

	path_of(fx, "link", path);
	path_of(fx, "target", target);
	f = fopen(target, "w");
	assert_non_null(f);
	fputs("keep", f);
	fclose(f);
	assert_int_equal(symlink(target, path), 0);
	assert_int_equal(safefile_open(path, 0, &sf, &err), DUBAN_EINPUT);
	assert_null(sf);
	assert_non_null(strstr(err.msg, "symbolic link"));
	assert_int_equal(lstat(path, &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	read_all(target, text, sizeof(text));
	assert_string_equal(text, "keep");
	/* A name duban owns (the DB-writer note): the link is replaced, the target kept. */
	assert_int_equal(safefile_open(path, SAFEFILE_OWNED_NAME | SAFEFILE_NO_SYNC |
	    SAFEFILE_DB_MODE, &sf, &err), DUBAN_OK);
	fputs("note", safefile_stream(sf));
	assert_int_equal(safefile_commit(sf, &err), DUBAN_OK);
	assert_int_equal(lstat(path, &sb), 0);
	assert_true(S_ISREG(sb.st_mode));
	assert_int_equal(sb.st_mode & 0777, 0660);
	read_all(target, text, sizeof(text));
	assert_string_equal(text, "keep");
	/* A directory is no file name. */
	assert_int_equal(safefile_open(fx->dir, 0, &sf, &err), DUBAN_EINPUT);
}

/* A pipe is written to and stays a pipe; a backup (regular only) refuses it. */
static void
test_pipe_written_directly(void **state)
{
	struct fixture *fx = *state;
	char path[PATH_LEN];
	char got[16];
	struct safefile *sf = NULL;
	struct duban_err err;
	struct stat sb;
	ssize_t n;
	int rd;

	path_of(fx, "p", path);
	assert_int_equal(mkfifo(path, 0600), 0);
	rd = open(path, O_RDONLY | O_NONBLOCK);
	assert_true(rd >= 0);
	assert_int_equal(safefile_open(path, SAFEFILE_REGULAR_ONLY, &sf, &err), DUBAN_EINPUT);
	assert_int_equal(safefile_open(path, 0, &sf, &err), DUBAN_OK);
	assert_null(safefile_temp_path(sf));
	fputs("rows", safefile_stream(sf));
	assert_int_equal(safefile_commit(sf, &err), DUBAN_OK);
	n = read(rd, got, sizeof(got) - 1);
	assert_int_equal(n, 4);
	got[n] = '\0';
	assert_string_equal(got, "rows");
	close(rd);
	assert_int_equal(lstat(path, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	assert_int_equal(n_entries(fx), 1);
}

static void
test_same_file(void **state)
{
	struct fixture *fx = *state;
	char a[PATH_LEN];
	char b[PATH_LEN];
	FILE *f;

	path_of(fx, "a", a);
	path_of(fx, "b", b);
	assert_false(safefile_same_file(a, b));
	f = fopen(a, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(symlink(a, b), 0);
	assert_true(safefile_same_file(a, b));
	assert_true(safefile_same_file(a, a));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_replace_regular_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_abort_and_signal_cleanup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_link_to_file_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pipe_written_directly, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_file, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
