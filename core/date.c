/* SPDX-License-Identifier: GPL-3.0-or-later */
/* date: day arithmetic on the proleptic Gregorian calendar. */
#include "date.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mem.h"

bool date_is_leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int date_days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	return days[month - 1] + (month == 2 && date_is_leap_year(year));
}

/* Days from civil, after Howard Hinnant's public-domain algorithm. */
int32_t date_from_ymd(int year, int month, int day)
{
	if (month < 1 || month > 12 || day < 1 || day > date_days_in_month(year, month))
		return DATE_NONE;
	int y = year - (month <= 2);
	int era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (unsigned)((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1);
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + (int)doe - 719468);
}

void date_to_ymd(int32_t z, int *year, int *month, int *mday)
{
	int64_t zz = (int64_t)z + 719468;
	int64_t era = (zz >= 0 ? zz : zz - 146096) / 146097;
	unsigned doe = (unsigned)(zz - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = (int64_t)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned d = doy - (153 * mp + 2) / 5 + 1;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;
	*year = (int)(y + (m <= 2));
	*month = (int)m;
	*mday = (int)d;
}

/* Read exactly n digits from s into *out. */
static bool date_digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

enum error_code date_parse(const char *text, int32_t *day, struct error *err)
{
	int y, m, d;
	if (!text || strlen(text) != 10 || text[4] != '-' || text[7] != '-' ||
	    !date_digits(text, 4, &y) || !date_digits(text + 5, 2, &m) ||
	    !date_digits(text + 8, 2, &d))
		return error_set(
		        err, ERROR_INVALID,
		        "\"%.40s\" is not a date: write it as YYYY-MM-DD, for example 2026-11-22",
		        text ? text : "");
	if (y < 1900)
		return error_set(err, ERROR_INVALID,
		                 "%s is too far in the past: the year must be 1900 or later", text);
	if (m < 1 || m > 12)
		return error_set(err, ERROR_INVALID, "%s is not a date: the month must be 01 to 12",
		                 text);
	if (d < 1 || d > date_days_in_month(y, m))
		return error_set(err, ERROR_INVALID, "%s is not a date: that month has %d days",
		                 text, date_days_in_month(y, m));
	*day = date_from_ymd(y, m, d);
	return ERROR_NONE;
}

bool date_valid(const char *text)
{
	int32_t day;
	return date_parse(text, &day, NULL) == ERROR_NONE;
}

void date_format(int32_t day, char out[DATE_TEXT_SIZE])
{
	if (day == DATE_NONE) {
		out[0] = '\0';
		return;
	}
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		out[0] = '\0';
		return;
	}
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

int date_weekday(int32_t day)
{
	/* 1970-01-01 was a Thursday (4). */
	int64_t w = ((int64_t)day + 3) % 7;
	if (w < 0)
		w += 7;
	return (int)w + 1;
}

bool date_today_override_invalid(void)
{
	const char *env = getenv("INVOLVE_TODAY");
	return env && *env && !date_valid(env);
}

int32_t date_today(void)
{
	const char *env = getenv("INVOLVE_TODAY");
	int32_t day;
	if (env && *env && date_parse(env, &day, NULL) == ERROR_NONE)
		return day;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

bool calendar_has(const struct calendar *cal, int32_t day)
{
	if (!cal)
		return false;
	size_t lo = 0, hi = cal->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cal->holidays[mid] == day)
			return true;
		if (cal->holidays[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

bool date_is_working_day(int32_t day, const struct calendar *cal)
{
	return date_weekday(day) <= 5 && !calendar_has(cal, day);
}

int32_t date_add_working_days(int32_t day, int n, const struct calendar *cal)
{
	while (n > 0) {
		day++;
		if (date_is_working_day(day, cal))
			n--;
	}
	return day;
}

int date_working_days_between(int32_t from, int32_t to, const struct calendar *cal)
{
	int sign = 1;
	if (to < from) {
		int32_t t = from;
		from = to;
		to = t;
		sign = -1;
	}
	int n = 0;
	for (int32_t d = from + 1; d <= to; d++)
		n += date_is_working_day(d, cal);
	return sign * n;
}

void calendar_init(struct calendar *cal)
{
	cal->holidays = NULL;
	cal->count = 0;
}

void calendar_add(struct calendar *cal, int32_t day)
{
	size_t i = 0;
	while (i < cal->count && cal->holidays[i] < day)
		i++;
	if (i < cal->count && cal->holidays[i] == day)
		return;
	cal->holidays = mem_realloc(cal->holidays, (cal->count + 1) * sizeof *cal->holidays);
	memmove(cal->holidays + i + 1, cal->holidays + i, (cal->count - i) * sizeof *cal->holidays);
	cal->holidays[i] = day;
	cal->count++;
}

void calendar_free(struct calendar *cal)
{
	free(cal->holidays);
	calendar_init(cal);
}
