/* tests/unit/test_tmp.h: what the unit tests take from where they run. Their files go into a
 * fresh directory under $TMPDIR (make test points it at a tmpfs), else /tmp. Databases whose
 * durability is not what a test is about skip the fsync per commit (a test-only connection
 * setting: the program itself is unchanged). Volume tests (tens of thousands of rows) use
 * fewer rows under valgrind, where memory errors are the point and every row costs 50 times
 * as much; the plain and ASan runs keep the full volume. */
#ifndef DUBAN_TESTS_TEST_TMP_H
#define DUBAN_TESTS_TEST_TMP_H

#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

/* mkdtemp of TMPDIR/duban-test-NAME-XXXXXX into dir; NULL if it failed or did not fit. */
static __attribute__((unused)) char *
test_mkdtemp(char *dir, size_t size, const char *name)
{
	const char *base = getenv("TMPDIR");
	int n;

	if (base == NULL || base[0] == '\0')
		base = "/tmp";
	n = snprintf(dir, size, "%s/duban-test-%s-XXXXXX", base, name);
	if (n < 0 || (size_t)n >= size)
		return NULL;
	return mkdtemp(dir);
}

/* PRAGMA synchronous = OFF on this connection: commits no longer wait for the disk. */
static __attribute__((unused)) void
test_db_unsynced(sqlite3 *db)
{
	sqlite3_exec(db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
}

/* n, or small when DUBAN_TEST_SMALL is set (tests/unit/run.sh sets it under valgrind). */
static __attribute__((unused)) int
test_volume(int n, int small)
{
	const char *e = getenv("DUBAN_TEST_SMALL");

	return e != NULL && e[0] != '\0' && e[0] != '0' ? small : n;
}

#endif
