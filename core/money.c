/* SPDX-License-Identifier: GPL-3.0-or-later */
/* money: pounds and pence. */
#include "money.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define MONEY_MAX_PENCE INT64_C(100000000000) /* one billion pounds: a council budget fits */

enum error_code money_parse(const char *text, int64_t *pence, struct error *err)
{
	const char *s = text ? text : "";
	while (isspace((unsigned char)*s))
		s++;
	if (strncmp(s, "\xC2\xA3", 2) == 0) /* £ */
		s += 2;
	int64_t pounds = 0, frac = 0;
	int digits = 0, decimals = -1;
	for (; *s && !isspace((unsigned char)*s); s++) {
		if (*s == ',' && decimals < 0 && digits > 0)
			continue;
		if (*s == '.' && decimals < 0) {
			decimals = 0;
			continue;
		}
		if (!isdigit((unsigned char)*s))
			goto bad;
		if (decimals >= 0) {
			if (++decimals > 2)
				return error_set(
				        err, ERROR_INVALID,
				        "\"%.40s\" has more than two decimal places: amounts "
				        "are in pounds and pence, for example 12.50",
				        text);
			frac = frac * 10 + (*s - '0');
		} else {
			pounds = pounds * 10 + (*s - '0');
			if (pounds > MONEY_MAX_PENCE / 100)
				return error_set(err, ERROR_INVALID,
				                 "\"%.40s\" is too large: amounts are at most "
				                 "1,000,000,000 pounds",
				                 text);
		}
		digits++;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s || digits == 0)
		goto bad;
	if (decimals == 1)
		frac *= 10;
	/* The pounds were checked as they were read; the pence may still tip it over. */
	if (pounds * 100 + frac > MONEY_MAX_PENCE)
		return error_set(err, ERROR_INVALID,
		                 "\"%.40s\" is too large: amounts are at most 1,000,000,000 pounds",
		                 text);
	*pence = pounds * 100 + frac;
	return ERROR_NONE;
bad:
	return error_set(err, ERROR_INVALID,
	                 "\"%.40s\" is not an amount of money: write pounds and pence, for "
	                 "example 12.50",
	                 text ? text : "");
}

void money_format(int64_t pence, char out[MONEY_TEXT_SIZE])
{
	const char *sign = pence < 0 ? "-" : "";
	int64_t a = pence < 0 ? -pence : pence;
	snprintf(out, MONEY_TEXT_SIZE, "%s%" PRId64 ".%02" PRId64, sign, a / 100, a % 100);
}

void money_format_pounds(int64_t pence, char out[MONEY_TEXT_SIZE])
{
	char digits[24];
	int64_t a = pence < 0 ? -pence : pence;
	snprintf(digits, sizeof digits, "%" PRId64, a / 100);
	size_t n = strlen(digits), o = 0;
	char grouped[40];
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	snprintf(out, MONEY_TEXT_SIZE, "%s\xC2\xA3%s.%02" PRId64, pence < 0 ? "-" : "", grouped,
	         a % 100);
}
