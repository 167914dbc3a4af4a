/* SPDX-License-Identifier: GPL-3.0-or-later */
/* paths: XDG locations and private folders. */
#include "paths.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mem.h"

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
