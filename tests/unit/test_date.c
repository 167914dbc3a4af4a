/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates: strict parsing, leap years, weekends, holidays, a fixable today. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"

static int32_t day(const char *text)
{
	int32_t d = DATE_NONE;
	assert_int_equal(date_parse(text, &d, NULL), ERROR_NONE);
	return d;
}

static void parse_accepts_real_dates(void **state)
{
	(void)state;
	char out[DATE_TEXT_SIZE];
	const char *good[] = { "2026-11-22", "2024-02-29", "2000-02-29", "1970-01-01",
		               "2026-12-31", "1900-01-01", "9999-12-31" };
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		date_format(day(good[i]), out);
		assert_string_equal(out, good[i]);
	}
	assert_int_equal(day("1970-01-01"), 0);
	assert_int_equal(day("1970-01-02"), 1);
	assert_int_equal(day("1969-12-31"), -1);
}

static void parse_rejects_what_is_not_a_date(void **state)
{
	(void)state;
	const char *bad[] = { "2026-02-30", "2026-13-01",  "26-1-1",      "2026-1-01",
		              "2026-01-1",  "2025-02-29",  "1900-02-29",  "2026-00-10",
		              "2026-04-31", "2026-11-22x", " 2026-11-22", "",
		              "2026/11/22", "20261122",    "abcd-ef-gh",  "1899-12-31" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		int32_t d = 42;
		struct error err;
		assert_int_equal(date_parse(bad[i], &d, &err), ERROR_INVALID);
		assert_int_equal(d, 42);
		assert_true(strlen(err.msg) > 10);
	}
	struct error err;
	int32_t d;
	date_parse("2026-02-30", &d, &err);
	assert_non_null(strstr(err.msg, "28 days"));
	date_parse("2026-13-01", &d, &err);
	assert_non_null(strstr(err.msg, "month"));
	date_parse("26-1-1", &d, &err);
	assert_non_null(strstr(err.msg, "YYYY-MM-DD"));
	assert_int_equal(date_parse(NULL, &d, NULL), ERROR_INVALID);
}

static void leap_years(void **state)
{
	(void)state;
	assert_true(date_is_leap_year(2024));
	assert_true(date_is_leap_year(2000));
	assert_false(date_is_leap_year(1900));
	assert_false(date_is_leap_year(2026));
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2026, 2), 28);
	assert_int_equal(day("2024-03-01") - day("2024-02-28"), 2);
	assert_int_equal(day("2026-03-01") - day("2026-02-28"), 1);
	assert_int_equal(day("2027-01-01") - day("2026-01-01"), 365);
	assert_int_equal(day("2029-01-01") - day("2028-01-01"), 366);
}

static void weekdays(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(day("2026-11-22")), 7); /* Sunday */
	assert_int_equal(date_weekday(day("2026-11-23")), 1); /* Monday */
	assert_int_equal(date_weekday(day("1970-01-01")), 4); /* Thursday */
	assert_int_equal(date_weekday(day("1969-12-29")), 1); /* Monday, before the epoch */
}

static void working_days_skip_weekends(void **state)
{
	(void)state;
	char out[DATE_TEXT_SIZE];
	/* Friday + 1 working day is Monday. */
	date_format(date_add_working_days(day("2026-11-20"), 1, NULL), out);
	assert_string_equal(out, "2026-11-23");
	/* Saturday + 1 is Monday too. */
	date_format(date_add_working_days(day("2026-11-21"), 1, NULL), out);
	assert_string_equal(out, "2026-11-23");
	/* 20 working days from Monday 2026-11-02 is Monday 2026-11-30. */
	date_format(date_add_working_days(day("2026-11-02"), 20, NULL), out);
	assert_string_equal(out, "2026-11-30");
	date_format(date_add_working_days(day("2026-11-02"), 0, NULL), out);
	assert_string_equal(out, "2026-11-02");
	assert_int_equal(date_working_days_between(day("2026-11-20"), day("2026-11-23"), NULL), 1);
	assert_int_equal(date_working_days_between(day("2026-11-23"), day("2026-11-20"), NULL), -1);
	assert_int_equal(date_working_days_between(day("2026-11-02"), day("2026-11-30"), NULL), 20);
}

static void working_days_skip_holidays(void **state)
{
	(void)state;
	struct calendar cal;
	calendar_init(&cal);
	calendar_add(&cal, day("2026-12-28")); /* Boxing Day substitute */
	calendar_add(&cal, day("2026-12-25"));
	calendar_add(&cal, day("2026-12-25")); /* a duplicate is kept once */
	assert_int_equal(cal.count, 2);
	assert_true(cal.holidays[0] < cal.holidays[1]);
	assert_false(date_is_working_day(day("2026-12-25"), &cal));
	assert_true(date_is_working_day(day("2026-12-24"), &cal));
	char out[DATE_TEXT_SIZE];
	/* Thursday 24th + 1: Friday 25th is a holiday, the weekend, Monday 28th too. */
	date_format(date_add_working_days(day("2026-12-24"), 1, &cal), out);
	assert_string_equal(out, "2026-12-29");
	date_format(date_add_working_days(day("2026-12-24"), 1, NULL), out);
	assert_string_equal(out, "2026-12-25");
	calendar_free(&cal);
	assert_int_equal(cal.count, 0);
}

static void today_can_be_fixed(void **state)
{
	(void)state;
	setenv("INVOLVE_TODAY", "2026-11-22", 1);
	assert_int_equal(date_today(), day("2026-11-22"));
	assert_false(date_today_override_invalid());
	unsetenv("INVOLVE_TODAY");
	int32_t real = date_today();
	assert_true(real > day("2020-01-01"));
	/* An impossible override is reported and the real date is used instead. */
	setenv("INVOLVE_TODAY", "2026-02-30", 1);
	assert_true(date_today_override_invalid());
	assert_true(date_today() - real <= 1);
	unsetenv("INVOLVE_TODAY");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_accepts_real_dates),
		cmocka_unit_test(parse_rejects_what_is_not_a_date),
		cmocka_unit_test(leap_years),
		cmocka_unit_test(weekdays),
		cmocka_unit_test(working_days_skip_weekends),
		cmocka_unit_test(working_days_skip_holidays),
		cmocka_unit_test(today_can_be_fixed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
