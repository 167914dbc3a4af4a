/* SPDX-License-Identifier: GPL-3.0-or-later */
/* outfile: a temporary file beside the one asked for, renamed into place when complete. */
#include "outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"

/* The code and sentence for errno e while writing path. */
static enum error_code outfile_fail(const char *path, int e, struct error *err)
{
	if (e == EACCES || e == EPERM || e == EROFS)
		return error_set(err, ERROR_READ_ONLY,
		                 "%s cannot be written (%s); nothing was written. Choose a place "
		                 "you can write to",
		                 path, strerror(e));
	if (e == ENOSPC || e == EDQUOT || e == EFBIG)
		return error_set(
		        err, ERROR_FULL,
		        "Writing %s failed: the disk is full, so nothing was written. Free "
		        "some space and try again",
		        path);
	if (e == EISDIR)
		return error_set(err, ERROR_IO,
		                 "%s is a folder; give the name of a file to write, such as "
		                 "%s/involve.txt",
		                 path, path);
	return error_set(err, ERROR_IO, "%s cannot be written (%s); nothing was written", path,
	                 strerror(e));
}

/* The folder part of path ("." when there is none). The caller frees it. */
static char *outfile_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return mem_strdup(".");
	if (slash == path)
		return mem_strdup("/");
	return mem_strndup(path, (size_t)(slash - path));
}

enum error_code outfile_write(const char *path, outfile_writer fn, void *ctx, struct error *err)
{
	struct error local;
	if (!err)
		err = &local;
	struct outfile o;
	enum error_code code = outfile_open(&o, path, err);
	if (code != ERROR_NONE)
		return code;
	code = fn(o.f, ctx, err);
	/* A write failed: the file's own sentence names it and says why. */
	if (code == ERROR_IO && outfile_close(&o, err) != ERROR_NONE)
		code = err->code;
	if (code == ERROR_NONE)
		code = outfile_commit(&o, err);
	outfile_abandon(&o);
	return code;
}

enum error_code outfile_check_dir(const char *dir, struct error *err)
{
	struct stat st;
	if (stat(dir, &st) != 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return error_set(err, ERROR_IO,
			                 "The folder %s does not exist; create it first, or name a "
			                 "folder that exists",
			                 dir);
		return outfile_fail(dir, errno, err);
	}
	if (!S_ISDIR(st.st_mode))
		return error_set(err, ERROR_IO, "%s is not a folder; name a folder to write into",
		                 dir);
	return ERROR_NONE;
}

enum error_code outfile_open(struct outfile *o, const char *path, struct error *err)
{
	memset(o, 0, sizeof *o);
	if (!path || !*path)
		return error_set(err, ERROR_USAGE, "Give the name of the file to write");
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return outfile_fail(path, EISDIR, err);
	char *dir = outfile_dir_of(path);
	enum error_code code = outfile_check_dir(dir, err);
	free(dir);
	if (code != ERROR_NONE)
		return code;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	char *temp = mem_printf("%.*s.%s.XXXXXX", (int)(base - path), path, base);
	int fd = mkstemp(temp); /* mkstemp makes it 0600 */
	if (fd < 0) {
		int e = errno;
		free(temp);
		return outfile_fail(path, e, err);
	}
	o->f = fdopen(fd, "w");
	if (!o->f) {
		int e = errno;
		close(fd);
		unlink(temp);
		free(temp);
		return outfile_fail(path, e, err);
	}
	o->path = mem_strdup(path);
	o->temp = temp;
	return ERROR_NONE;
}

enum error_code outfile_close(struct outfile *o, struct error *err)
{
	if (!o->f)
		return o->error ? outfile_fail(o->path, o->error, err) : ERROR_NONE;
	int e = ferror(o->f) ? (errno ? errno : EIO) : 0;
	if (fflush(o->f) != 0 && !e)
		e = errno;
	if (fsync(fileno(o->f)) != 0 && !e)
		e = errno;
	if (fclose(o->f) != 0 && !e)
		e = errno;
	o->f = NULL;
	o->error = e;
	return e ? outfile_fail(o->path, e, err) : ERROR_NONE;
}

enum error_code outfile_rename(struct outfile *o, struct error *err)
{
	if (!o->temp)
		return ERROR_NONE;
	struct stat st;
	/* A folder put in the file's place since it was opened. */
	if (stat(o->path, &st) == 0 && S_ISDIR(st.st_mode))
		return outfile_fail(o->path, EISDIR, err);
	if (rename(o->temp, o->path) != 0)
		return outfile_fail(o->path, errno, err);
	free(o->temp);
	o->temp = NULL;
	return ERROR_NONE;
}

enum error_code outfile_commit(struct outfile *o, struct error *err)
{
	enum error_code code = outfile_close(o, err);
	if (code == ERROR_NONE)
		code = outfile_rename(o, err);
	outfile_abandon(o);
	return code;
}

void outfile_abandon(struct outfile *o)
{
	if (o->f)
		fclose(o->f);
	if (o->temp)
		unlink(o->temp);
	free(o->temp);
	free(o->path);
	memset(o, 0, sizeof *o);
}
