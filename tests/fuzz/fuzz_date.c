/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz the date parser: any input is refused with a sentence or parsed to a date that round-trips.
 */
#include <string.h>

#include "date.h"
#include "fuzz.h"
#include "mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = mem_strndup((const char *)data, size);
	int32_t day = 12345;
	struct error err = { 0 };
	if (date_parse(text, &day, &err) == ERROR_NONE) {
		char back[DATE_TEXT_SIZE];
		date_format(day, back);
		FUZZ_CHECK(strcmp(back, text) == 0);
		FUZZ_CHECK(date_valid(text));
		FUZZ_CHECK(date_weekday(day) >= 1 && date_weekday(day) <= 7);
		int32_t later = date_add_working_days(day, (int)(size % 40), NULL);
		FUZZ_CHECK(later >= day);
		FUZZ_CHECK(date_working_days_between(day, later, NULL) == (int)(size % 40) ||
		           !date_is_working_day(day, NULL));
	} else {
		FUZZ_CHECK(day == 12345); /* untouched on failure */
		FUZZ_CHECK(!date_valid(text));
		FUZZ_CHECK(err.code == ERROR_INVALID && err.msg[0]);
	}
	free(text);
	return 0;
}
