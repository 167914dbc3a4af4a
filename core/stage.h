/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * stage: one project at one stage of the cycle, with its agreement.
 *
 * At every stage the purpose, the users' role and the boundaries of authority
 * (what is open to change, what is not, who decides) are discussed and agreed,
 * and re-agreed when people or circumstances change (Schehrer & Sexton 2010).
 *
 * The typed API (stage_create, _get, _update, _delete, _list, _init,
 * _clear) comes from RECORD_API; see record.h for ownership and errors.
 */
#ifndef INVOLVE_STAGE_H
#define INVOLVE_STAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "record.h"

enum stage_status_choice { STAGE_NOT_STARTED, STAGE_ACTIVE, STAGE_DONE, STAGE_SKIPPED };

struct stage {
	struct record_head head;
	int64_t project_id;
	int stage;                /* enum stage_key */
	int status;               /* enum stage_status_choice */
	char *purpose;            /* why users are involved at this stage */
	char *users_role;         /* what users do here, whose voice they carry */
	char *open_to_change;     /* what can change because of what users say */
	char *not_open_to_change; /* what cannot, and why */
	char *who_decides;
	char agreed_on[DATE_TEXT_SIZE];
	char *agreed_with;         /* who agreed it */
	char *what_worked;         /* review: what helped involvement */
	char *what_got_in_the_way; /* review: what got in its way */
	char *notes;
};

RECORD_API(stage)

/*
 * Read the record of project_id at stage (enum stage_key) into st. When there
 * is none yet, st is a new, unsaved record (head.id 0) for that stage, not
 * started; ERROR_NONE either way.
 */
enum error_code stage_get_for(struct store *s, int64_t project_id, int stage, struct stage *st,
                              struct error *err);
/* The id of the record of project_id at stage, creating it (not started) if needed. */
enum error_code stage_ensure(struct store *s, int64_t project_id, int stage, int64_t *id,
                             struct error *err);
/* True when purpose, users' role and boundaries of authority are all recorded. */
bool stage_has_agreement(const struct stage *st);

#endif
