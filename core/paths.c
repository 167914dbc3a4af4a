/* SPDX-License-Identifier: GPL-3.0-or-later */
/* paths: XDG locations and private folders. */
#include "paths.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"
#include "text.h"

/* $VAR if set and absolute, else $HOME/fallback. */
static char *paths_base(const char *var, const char *fallback)
{
	const char *v = getenv(var);
	if (v && v[0] == '/')
		return mem_strdup(v);
	const char *home = getenv("HOME");
	return mem_printf("%s/%s", home && *home ? home : ".", fallback);
}

char *paths_data_file(void)
{
	char *base = paths_base("XDG_DATA_HOME", ".local/share");
	char *p = mem_printf("%s/involve/involve.db", base);
	free(base);
	return p;
}

char *paths_config_file(void)
{
	char *base = paths_base("XDG_CONFIG_HOME", ".config");
	char *p = mem_printf("%s/involve/involve.conf", base);
	free(base);
	return p;
}

enum error_code paths_make_parent(const char *path, struct error *err)
{
	char *dir = mem_strdup(path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir) {
		free(dir);
		return ERROR_NONE;
	}
	*slash = '\0';
	enum error_code code = ERROR_NONE;
	/* Create each missing component in turn. */
	for (char *p = dir + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			code = error_set(
			        err, errno == EACCES || errno == EROFS ? ERROR_READ_ONLY : ERROR_IO,
			        "The folder %s cannot be created (%s); give another path", dir,
			        strerror(errno));
			break;
		}
		*p = saved;
		if (saved == '\0')
			break;
	}
	free(dir);
	return code;
}

/* The error code for a failed write: a full disk, a read-only place, or another problem. */
static enum error_code paths_write_error(int e)
{
	return e == ENOSPC || e == EFBIG || e == EDQUOT  ? ERROR_FULL
	       : e == EACCES || e == EROFS || e == EPERM ? ERROR_READ_ONLY
	                                                 : ERROR_IO;
}

enum error_code paths_replace_file(const char *path, const char *data, size_t n, struct error *err)
{
	char *tmp = mem_printf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		free(tmp);
		return error_set(err, paths_write_error(e), "%s cannot be written (%s)", path,
		                 strerror(e));
	}
	int e = 0;
	if (fchmod(fd, 0600) != 0)
		e = errno;
	for (size_t done = 0; !e && done < n;) {
		ssize_t w = write(fd, data + done, n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			e = w < 0 ? errno : ENOSPC;
		else
			done += (size_t)w;
	}
	if (!e && fsync(fd) != 0)
		e = errno;
	if (close(fd) != 0 && !e)
		e = errno;
	if (!e && rename(tmp, path) != 0)
		e = errno;
	if (e)
		unlink(tmp);
	free(tmp);
	if (!e)
		return ERROR_NONE;
	return error_set(err, paths_write_error(e),
	                 e == ENOSPC || e == EFBIG || e == EDQUOT
	                         ? "%s cannot be written: the disk is full (%s); nothing was "
	                           "written, so free some space and try again"
	                         : "%s cannot be written (%s); nothing was written",
	                 path, strerror(e));
}

char *paths_typed(const char *typed)
{
	char *path = text_trim(mem_strdup(typed ? typed : ""));
	if (path[0] == '~' && path[1] == '/') {
		const char *home = getenv("HOME");
		char *full = mem_printf("%s%s", home ? home : "", path + 1);
		free(path);
		path = full;
	}
	return path;
}
