/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz the money parser: any input is refused with a sentence or gives pence that round-trip. */
#include <string.h>

#include "fuzz.h"
#include "mem.h"
#include "money.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = mem_strndup((const char *)data, size);
	int64_t pence = -7;
	struct error err = { 0 };
	if (money_parse(text, &pence, &err) == ERROR_NONE) {
		FUZZ_CHECK(pence >= 0 && pence <= INT64_C(100000000000));
		char plain[MONEY_TEXT_SIZE], pounds[MONEY_TEXT_SIZE];
		money_format(pence, plain);
		money_format_pounds(pence, pounds);
		int64_t again = -1, again_pounds = -1;
		FUZZ_CHECK(money_parse(plain, &again, NULL) == ERROR_NONE && again == pence);
		FUZZ_CHECK(money_parse(pounds, &again_pounds, NULL) == ERROR_NONE &&
		           again_pounds == pence);
	} else {
		FUZZ_CHECK(pence == -7); /* untouched on failure */
		FUZZ_CHECK(err.code == ERROR_INVALID && err.msg[0]);
	}
	free(text);
	return 0;
}
