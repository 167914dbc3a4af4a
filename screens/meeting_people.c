/* SPDX-License-Identifier: GPL-3.0-or-later */
/* meeting_people: who came to a meeting, who is owed feedback, and telling them. */
#include "meeting_people.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "feedback.h"
#include "mem.h"
#include "person.h"
#include "text.h"
#include "vocab.h"

enum { MEETING_PEOPLE_PAGE = 100 }; /* attendances read at a time */

/* Where a walk through a meeting's attendances has got to. */
struct meeting_people_walk {
	meeting_people_fn fn;
	void *ctx;
	char *last_order; /* the created_at of the last one seen */
	int64_t last_id;
	bool stopped;
};

static bool meeting_people_step(void *rec, const char *order_value, void *ctx)
{
	struct meeting_people_walk *w = ctx;
	const struct attendance *a = rec;
	mem_replace(&w->last_order, order_value);
	w->last_id = a->head.id;
	if (!w->fn(a, w->ctx))
		w->stopped = true;
	return !w->stopped;
}

enum error_code meeting_people_each(struct store *s, int64_t meeting_id, meeting_people_fn fn,
                                    void *ctx, struct error *err)
{
	struct meeting_people_walk w = { .fn = fn, .ctx = ctx };
	struct record_query q = {
		.where = "meeting_id",
		.where_id = meeting_id,
		.limit = MEETING_PEOPLE_PAGE,
	};
	enum error_code code;
	int rows;
	char *after = NULL; /* bound while a page is read: the walk must not free it */
	do {
		code = attendance_list(s, &q, meeting_people_step, &w, &rows, err);
		free(after);
		after = mem_strdup(w.last_order ? w.last_order : "");
		q.has_after = true;
		q.after_order = after;
		q.after_id = w.last_id;
	} while (code == ERROR_NONE && !w.stopped && rows == MEETING_PEOPLE_PAGE);
	free(after);
	free(w.last_order);
	return code;
}

/* What meeting_people_load's walk fills. */
struct meeting_people_fill {
	struct store *store;
	struct meeting_people *out;
	size_t limit;
};

static bool meeting_people_add(const struct attendance *a, void *ctx)
{
	struct meeting_people_fill *fill = ctx;
	struct meeting_people *out = fill->out;
	if (out->n == fill->limit) {
		out->more = true;
		return false;
	}
	struct person p;
	if (person_get(fill->store, a->person_id, &p, NULL) != ERROR_NONE)
		mem_replace(&p.name, "someone no longer on record");
	mem_grow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
	out->v[out->n++] = (struct meeting_people_one){
		.attendance_id = a->head.id,
		.person_id = a->person_id,
		.name = mem_strdup(p.name),
		.role = a->role,
		.came = a->attended == 1,
	};
	person_clear(&p);
	return true;
}

enum error_code meeting_people_load(struct store *s, int64_t meeting_id, size_t limit,
                                    struct meeting_people *out, struct error *err)
{
	meeting_people_free(out);
	struct meeting_people_fill fill = { .store = s, .out = out, .limit = limit };
	return meeting_people_each(s, meeting_id, meeting_people_add, &fill, err);
}

void meeting_people_free(struct meeting_people *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].name);
	free(p->v);
	memset(p, 0, sizeof *p);
}

int meeting_people_match(const struct meeting_people *p, const char *text)
{
	char *want = text_fold(text);
	size_t len = strlen(want);
	int exact = -1, start = -1, starts = 0;
	for (size_t i = 0; len && i < p->n && exact < 0; i++) {
		char *name = text_fold(p->v[i].name);
		if (strcmp(name, want) == 0) {
			exact = (int)i;
		} else if (strncmp(name, want, len) == 0) {
			start = (int)i;
			starts++;
		}
		free(name);
	}
	free(want);
	if (exact >= 0)
		return exact;
	return starts == 1 ? start : starts ? -2 : -1;
}

enum meeting_people_owed meeting_people_owed(const struct meeting *m, const struct attendance *a,
                                             bool told, int32_t today, int warn_days)
{
	if (told)
		return MEETING_PEOPLE_TOLD;
	bool user = a->role == ROLE_SERVICE_USER || a->role == ROLE_CARER;
	int32_t due;
	if (!user || a->attended != 1 || m->status != MEETING_HELD ||
	    date_parse(m->feedback_due_on, &due, NULL) != ERROR_NONE)
		return MEETING_PEOPLE_NOT_OWED;
	if (due < today)
		return MEETING_PEOPLE_OVERDUE;
	return due - today <= warn_days ? MEETING_PEOPLE_SOON : MEETING_PEOPLE_NOT_YET;
}

const char *meeting_people_owed_word(enum meeting_people_owed t, enum view_tone *tone)
{
	static const struct {
		const char *word;
		enum view_tone tone;
	} words[] = {
		[MEETING_PEOPLE_NOT_OWED] = { "", VIEW_TONE_PLAIN },
		[MEETING_PEOPLE_TOLD] = { "told", VIEW_TONE_GOOD },
		[MEETING_PEOPLE_NOT_YET] = { "not yet told", VIEW_TONE_PLAIN },
		[MEETING_PEOPLE_SOON] = { "due soon", VIEW_TONE_WARN },
		[MEETING_PEOPLE_OVERDUE] = { "OVERDUE", VIEW_TONE_ALERT },
	};
	*tone = words[t].tone;
	return words[t].word;
}

int meeting_people_warn_days(const struct config *config)
{
	return config ? (int)config_int(config, "feedback.warn_days") : 5;
}

const char *meeting_people_article(int role)
{
	static const char *const with[] = {
		[ROLE_SERVICE_USER] = "a service user", [ROLE_CARER] = "a carer",
		[ROLE_FUTURE_USER] = "a future user",   [ROLE_NON_USER] = "a non-user",
		[ROLE_COMMISSIONER] = "a commissioner", [ROLE_FACILITATOR] = "a facilitator",
		[ROLE_PROVIDER] = "a provider",         [ROLE_OTHER] = "someone else",
	};
	return role >= 0 && role < ROLE_COUNT ? with[role] : "someone";
}

const char *meeting_people_format(int format, const char *language)
{
	if (format == FORMAT_TRANSLATED && language && *language)
		return language;
	return record_choice_label(vocab_formats, format);
}

enum error_code meeting_people_tell(struct store *s, int64_t meeting_id, int64_t person_id,
                                    const char *given_on, int method, char **format,
                                    struct error *err)
{
	if (feedback_find(s, meeting_id, person_id))
		return error_set(err, ERROR_DUPLICATE, "They have been told already");
	struct person p;
	enum error_code code = person_get(s, person_id, &p, err);
	struct feedback f;
	feedback_init(&f);
	f.meeting_id = meeting_id;
	f.person_id = person_id;
	snprintf(f.given_on, sizeof f.given_on, "%s", given_on);
	f.method = method;
	f.format = p.preferred_format;
	*format = mem_strdup(meeting_people_format(p.preferred_format, p.language));
	if (code == ERROR_NONE)
		code = feedback_create(s, &f, err);
	feedback_clear(&f);
	person_clear(&p);
	return code;
}
