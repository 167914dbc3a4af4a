/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Money: pounds typed the ways people type them, stored as pence. */
#include "support.h"

#include <string.h>

#include "money.h"

static int64_t pence(const char *text)
{
	int64_t p = -1;
	assert_int_equal(money_parse(text, &p, NULL), ERROR_NONE);
	return p;
}

static void parses_pounds_and_pence(void **state)
{
	(void)state;
	assert_int_equal(pence("12"), 1200);
	/* A council's whole budget, and the largest amount accepted. */
	assert_int_equal(pence("18,400,000"), INT64_C(1840000000));
	assert_int_equal(pence("1000000000"), INT64_C(100000000000));
	assert_int_equal(pence("12.5"), 1250);
	assert_int_equal(pence("12.50"), 1250);
	assert_int_equal(pence("0.05"), 5);
	assert_int_equal(pence("\xC2\xA3"
	                       "1,250.50"),
	                 125050);
	assert_int_equal(pence(" 1250.50 "), 125050);
	assert_int_equal(pence("12."), 1200);
}

static void refuses_what_is_not_money(void **state)
{
	(void)state;
	const char *bad[] = { "",      "abc",      "12.345",      "-5", "1.2.3",
		              "12 50", "1000000001", "1000000000.01", "£",  ",5" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		int64_t p = 7;
		struct error err;
		assert_int_equal(money_parse(bad[i], &p, &err), ERROR_INVALID);
		assert_int_equal(p, 7);
		assert_true(strlen(err.msg) > 10);
	}
}

static void formats_both_ways(void **state)
{
	(void)state;
	char out[MONEY_TEXT_SIZE];
	money_format(125050, out);
	assert_string_equal(out, "1250.50");
	money_format(5, out);
	assert_string_equal(out, "0.05");
	money_format_pounds(125050, out);
	assert_string_equal(out, "\xC2\xA3"
	                         "1,250.50");
	money_format_pounds(123456789, out);
	assert_string_equal(out, "\xC2\xA3"
	                         "1,234,567.89");
	money_format_pounds(0, out);
	assert_string_equal(out, "\xC2\xA3"
	                         "0.00");
	/* What is formatted parses back to the same pence. */
	money_format(99999999, out);
	assert_int_equal(pence(out), 99999999);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_pounds_and_pence),
		cmocka_unit_test(refuses_what_is_not_money),
		cmocka_unit_test(formats_both_ways),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
