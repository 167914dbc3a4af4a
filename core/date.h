/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * date: calendar dates as whole days, strict ISO parsing, working days.
 *
 * A date is an int32_t count of days since 1970-01-01 (negative before), so
 * differences and comparisons are plain arithmetic. DATE_NONE marks "no date".
 * Text dates are exactly YYYY-MM-DD (10 characters); DATE_TEXT_SIZE holds one
 * with its NUL.
 */
#ifndef INVOLVE_DATE_H
#define INVOLVE_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

#define DATE_NONE INT32_MIN
enum { DATE_TEXT_SIZE = 11 };

/* Days off besides weekends, as sorted unique dates. Owned by whoever made it. */
struct calendar {
	int32_t *holidays; /* sorted ascending */
	size_t count;
};

/*
 * Parse exactly YYYY-MM-DD (years 1900..9999) into *day. Rejects anything else,
 * including impossible days (2026-02-30), months (2026-13-01), short forms
 * (26-1-1) and trailing text. On failure returns ERROR_INVALID with a sentence
 * naming what was typed; *day is untouched.
 */
enum error_code date_parse(const char *text, int32_t *day, struct error *err);
/* True when text is a valid date as date_parse accepts it. */
bool date_valid(const char *text);
/* Write day as YYYY-MM-DD into out (DATE_TEXT_SIZE bytes); DATE_NONE gives "". */
void date_format(int32_t day, char out[DATE_TEXT_SIZE]);
/* Build a day from parts; returns DATE_NONE if the parts are not a real date. */
int32_t date_from_ymd(int year, int month, int day);
void date_to_ymd(int32_t day, int *year, int *month, int *mday);
/* 1 = Monday ... 7 = Sunday (ISO 8601). */
int date_weekday(int32_t day);
bool date_is_leap_year(int year);
int date_days_in_month(int year, int month);

/*
 * Today: INVOLVE_TODAY=YYYY-MM-DD when set and valid (tests, training, demos),
 * otherwise the local calendar date. date_today_override_invalid() reports a set but
 * invalid INVOLVE_TODAY so the program can say so.
 */
int32_t date_today(void);
bool date_today_override_invalid(void);

/* A working day is Monday to Friday and not in cal (cal may be NULL). */
bool date_is_working_day(int32_t day, const struct calendar *cal);
/* The date n working days after day (n >= 0); n = 0 gives day itself. */
int32_t date_add_working_days(int32_t day, int n, const struct calendar *cal);
/* Working days in (from, to]: days after from up to and including to; negative if to < from. */
int date_working_days_between(int32_t from, int32_t to, const struct calendar *cal);

/* Build a calendar from text dates; bad entries are reported by the config module, not here. */
void calendar_init(struct calendar *cal);
void calendar_add(struct calendar *cal, int32_t day);
bool calendar_has(const struct calendar *cal, int32_t day);
void calendar_free(struct calendar *cal);

#endif
