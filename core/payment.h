/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * payment: a fee or expense owed to someone who took part, in pence.
 *
 * The typed API (payment_create, _get, _update, _delete, _list, _init,
 * _clear) comes from RECORD_API; see record.h for ownership and errors.
 */
#ifndef INVOLVE_PAYMENT_H
#define INVOLVE_PAYMENT_H

#include <stdbool.h>
#include <stdint.h>

#include "record.h"

enum payment_kind_choice { PAYMENT_FEE, PAYMENT_TRAVEL, PAYMENT_CARE_COVER, PAYMENT_OTHER };

struct payment {
	struct record_head head;
	int64_t person_id;
	int64_t meeting_id; /* 0 if not for one meeting */
	int kind;           /* enum payment_kind_choice */
	int64_t amount_pence;
	char claimed_on[DATE_TEXT_SIZE];
	char paid_on[DATE_TEXT_SIZE]; /* "" until paid */
	int declined;                 /* 1: they chose not to be paid */
};

RECORD_API(payment)

#endif
