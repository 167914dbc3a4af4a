/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * money: amounts as whole pence, parsed from and written as pounds.
 */
#ifndef INVOLVE_MONEY_H
#define INVOLVE_MONEY_H

#include <stdint.h>

#include "error.h"

enum { MONEY_TEXT_SIZE = 48 };

/*
 * Parse pounds: "12", "12.5", "12.50", "£1,250.50", "1250.50". At most two
 * decimals; not negative; at most £1,000,000,000 (a whole council budget fits). On failure
 * ERROR_INVALID with a sentence; *pence untouched.
 */
enum error_code money_parse(const char *text, int64_t *pence, struct error *err);
/* "1250.50" (no symbol, no separators), for CSV and forms. */
void money_format(int64_t pence, char out[MONEY_TEXT_SIZE]);
/* "£1,250.50", for people. */
void money_format_pounds(int64_t pence, char out[MONEY_TEXT_SIZE]);

#endif
