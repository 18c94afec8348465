/* core/safefile.c: creating and replacing files without following links and without leaving
 * partial files behind (include/duban/safefile.h). */
#include "duban/safefile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "duban/buf.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"

#define SAFEFILE_SLOTS 16

/* The temporary files a signal must take away. A slot holds a complete string before its
 * pointer is stored, and is emptied before the string is freed: the handler, interrupting
 * this thread, sees either a whole path or NULL. */
static char *volatile tracked[SAFEFILE_SLOTS];

struct safefile {
	char *path;
	char *tmp;		/* NULL: writing directly to a device or pipe */
	FILE *f;
	unsigned flags;
	int slot;
};

bool
safefile_same_file(const char *a, const char *b)
{
	struct stat sa;
	struct stat sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	    sa.st_ino == sb.st_ino;
}

int
safefile_track(const char *path)
{
	char *copy = xstrdup(path);
	int i;

	for (i = 0; i < SAFEFILE_SLOTS; i++) {
		if (tracked[i] == NULL) {
			tracked[i] = copy;
			return i;
		}
	}
	free(copy);
	return -1;
}

void
safefile_untrack(int slot)
{
	char *p;

	if (slot < 0 || slot >= SAFEFILE_SLOTS)
		return;
	p = tracked[slot];
	tracked[slot] = NULL;
	free(p);
}

void
safefile_remove_temps(void)
{
	int i;

	for (i = 0; i < SAFEFILE_SLOTS; i++) {
		const char *p = tracked[i];

		if (p != NULL)
			unlink(p);
	}
}

/* A new file "path.XXXXXX" that was not there before: O_EXCL never follows a link. */
static int
create_temp(const char *path, mode_t mode, struct buf *tmp)
{
	static const char chars[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	static unsigned counter;
	unsigned char rnd[6];
	int attempt;
	int fd = -1;
	int i;

	for (attempt = 0; attempt < 100; attempt++) {
		if (getrandom(rnd, sizeof(rnd), GRND_NONBLOCK) != (ssize_t)sizeof(rnd)) {
			unsigned long x = (unsigned long)getpid() * 2654435761UL + ++counter * 40503UL +
			    (unsigned long)(uintptr_t)tmp;

			for (i = 0; i < (int)sizeof(rnd); i++, x >>= 5)
				rnd[i] = (unsigned char)x;
		}
		buf_reset(tmp);
		buf_printf(tmp, "%s.", path);
		for (i = 0; i < (int)sizeof(rnd); i++)
			buf_addc(tmp, chars[rnd[i] % (sizeof(chars) - 1)]);
		fd = open(buf_str(tmp), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	return fd;
}

static int
fail_errno(const char *path, int e, struct duban_err *err)
{
	return duban_err_set(err, DUBAN_EINPUT, _("%s cannot be written: %s"), path, strerror(e));
}

static bool
same_as_stdout(const struct stat *sb)
{
	struct stat out;

	return fstat(STDOUT_FILENO, &out) == 0 && out.st_dev == sb->st_dev &&
	    out.st_ino == sb->st_ino;
}

/* A terminal, device or pipe at path (perhaps through a link such as /dev/stdout): write to
 * it as it is. Checked again on the open descriptor, in case the name changed meanwhile. */
static int
open_direct(struct safefile *sf, struct duban_err *err)
{
	struct stat sb;
	int fd;

	/* A file standing for standard output is written through it, at the shell's offset
	 * (">>" appends), not opened again from its start. */
	if (stat(sf->path, &sb) == 0 && S_ISREG(sb.st_mode) && same_as_stdout(&sb)) {
		fflush(stdout);
		fd = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 0);
	} else {
		fd = open(sf->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	}
	if (fd < 0)
		return fail_errno(sf->path, errno, err);
	if (fstat(fd, &sb) != 0 || !(S_ISCHR(sb.st_mode) || S_ISFIFO(sb.st_mode) ||
	    (S_ISREG(sb.st_mode) && same_as_stdout(&sb)))) {
		close(fd);
		return duban_err_set(err, DUBAN_EINPUT, _("%s changed while it was being opened; "
		    "nothing was written"), sf->path);
	}
	sf->f = fdopen(fd, "wb");
	if (sf->f == NULL) {
		close(fd);
		return fail_errno(sf->path, errno, err);
	}
	return DUBAN_OK;
}

static int
open_temp(struct safefile *sf, struct duban_err *err)
{
	struct buf tmp = BUF_INIT;
	int fd;
	int e;

	fd = create_temp(sf->path, (sf->flags & SAFEFILE_DB_MODE) ? 0600 : 0666, &tmp);
	if (fd < 0) {
		e = errno;
		buf_release(&tmp);
		return fail_errno(sf->path, e, err);
	}
	sf->slot = safefile_track(buf_str(&tmp));
	sf->tmp = buf_detach(&tmp);
	/* The group shares a database's files; the umask decides for everything else. */
	if (((sf->flags & SAFEFILE_DB_MODE) && fchmod(fd, 0660) != 0) ||
	    (sf->f = fdopen(fd, "wb")) == NULL) {
		e = errno;
		close(fd);
		return fail_errno(sf->path, e, err);
	}
	return DUBAN_OK;
}

int
safefile_open(const char *path, unsigned flags, struct safefile **out, struct duban_err *err)
{
	struct safefile *sf;
	struct stat lsb;
	struct stat sb;
	bool direct = false;
	int rc = DUBAN_OK;

	*out = NULL;
	sf = xcalloc(1, sizeof(*sf));
	sf->path = xstrdup(path);
	sf->flags = flags;
	sf->slot = -1;
	if (lstat(path, &lsb) != 0) {
		if (errno != ENOENT)
			rc = fail_errno(path, errno, err);
	} else if (S_ISDIR(lsb.st_mode)) {
		rc = duban_err_set(err, DUBAN_EINPUT, _("%s is a directory; give a file name"), path);
	} else if (flags & SAFEFILE_OWNED_NAME) {
		/* replaced below, whatever it is */
	} else if (S_ISLNK(lsb.st_mode)) {
		if (stat(path, &sb) == 0 && (S_ISCHR(sb.st_mode) || S_ISFIFO(sb.st_mode)))
			direct = true;	/* /dev/stdout, /dev/fd/N, a link to a pipe */
		else if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && same_as_stdout(&sb))
			direct = true;	/* /dev/stdout redirected to a file: where the shell put it */
		else
			rc = duban_err_set(err, DUBAN_EINPUT, _("%s is a symbolic link; duban does "
			    "not write through links: give the file's own path"), path);
	} else if (S_ISCHR(lsb.st_mode) || S_ISFIFO(lsb.st_mode)) {
		direct = true;
	} else if (!S_ISREG(lsb.st_mode)) {
		rc = duban_err_set(err, DUBAN_EINPUT, _("%s is not a regular file, a terminal, a "
		    "device or a pipe; nothing was written"), path);
	}
	if (rc == DUBAN_OK && direct && (flags & SAFEFILE_REGULAR_ONLY))
		rc = duban_err_set(err, DUBAN_EINPUT, _("%s is a device or a pipe; this can only "
		    "be written to a file"), path);
	if (rc == DUBAN_OK)
		rc = direct ? open_direct(sf, err) : open_temp(sf, err);
	if (rc != DUBAN_OK) {
		safefile_abort(sf);
		return rc;
	}
	*out = sf;
	return DUBAN_OK;
}

FILE *
safefile_stream(struct safefile *sf)
{
	return sf->f;
}

const char *
safefile_temp_path(const struct safefile *sf)
{
	return sf->tmp;
}

static void
safefile_free(struct safefile *sf)
{
	safefile_untrack(sf->slot);
	free(sf->path);
	free(sf->tmp);
	free(sf);
}

/* The rename is durable only once the directory is written out too. */
static void
sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	struct buf dir = BUF_INIT;
	int fd;

	if (slash == NULL)
		buf_adds(&dir, ".");
	else if (slash == path)
		buf_adds(&dir, "/");
	else
		buf_add(&dir, path, (size_t)(slash - path));
	fd = open(buf_str(&dir), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	buf_release(&dir);
}

int
safefile_commit(struct safefile *sf, struct duban_err *err)
{
	bool bad;
	int e = 0;

	bad = fflush(sf->f) != 0 || ferror(sf->f) != 0;
	if (bad)
		e = errno;
	if (!bad && sf->tmp != NULL && !(sf->flags & SAFEFILE_NO_SYNC) &&
	    fsync(fileno(sf->f)) != 0) {
		bad = true;
		e = errno;
	}
	if (fclose(sf->f) != 0 && !bad) {
		bad = true;
		e = errno;
	}
	sf->f = NULL;
	if (!bad && sf->tmp != NULL && rename(sf->tmp, sf->path) != 0) {
		bad = true;
		e = errno;
	}
	if (bad) {
		if (sf->tmp != NULL)
			unlink(sf->tmp);
		fail_errno(sf->path, e != 0 ? e : EIO, err);
	} else if (sf->tmp != NULL && !(sf->flags & SAFEFILE_NO_SYNC)) {
		sync_dir(sf->path);
	}
	safefile_free(sf);
	return bad ? DUBAN_EINPUT : DUBAN_OK;
}

void
safefile_abort(struct safefile *sf)
{
	if (sf == NULL)
		return;
	if (sf->f != NULL)
		fclose(sf->f);
	if (sf->tmp != NULL)
		unlink(sf->tmp);
	safefile_free(sf);
}
