/* SPDX-License-Identifier: GPL-3.0-or-later */
/* error: filling caller-owned error records. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>

/* Format the sentence into err->msg. */
static void error_vfill(struct error *err, enum error_code code, const char *field, const char *fmt,
                        va_list ap)
{
	err->code = code;
	err->field = field;
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
}

enum error_code error_set(struct error *err, enum error_code code, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		error_vfill(err, code, NULL, fmt, ap);
		va_end(ap);
	}
	return code;
}

enum error_code error_set_field(struct error *err, enum error_code code, const char *field,
                                const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		error_vfill(err, code, field, fmt, ap);
		va_end(ap);
	}
	return code;
}

void error_clear(struct error *err)
{
	if (err) {
		err->code = ERROR_NONE;
		err->field = NULL;
		err->msg[0] = '\0';
	}
}

int error_exit_status(enum error_code code)
{
	switch (code) {
	case ERROR_NONE:
		return 0;
	case ERROR_USAGE:
	case ERROR_INVALID:
		return 2;
	default:
		return 3;
	}
}
