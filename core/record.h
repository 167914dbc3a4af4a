/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * record: one engine for every kind of record, driven by field tables.
 *
 * Each record module (project, person, meeting, ...) declares its struct, a
 * table of struct field (column, label, type, where in the struct, choices,
 * help) and a struct record_kind. This engine reads and writes any kind from
 * that table, so forms, CSV, JSON and the text mode all describe a field the
 * same way, and adding a column means adding one table row.
 *
 * Every record struct starts with struct record_head. Text fields are owned
 * char * (never NULL after record_get or record_init; "" means empty and is
 * stored as NULL); dates are char[DATE_TEXT_SIZE] ("" for none); free a
 * record's text with record_clear().
 *
 * Writes are atomic: each create, update, set or delete runs in its own
 * transaction, or in a savepoint of the caller's (store_begin) when one is
 * open, so a user action made of several writes is one transaction.
 */
#ifndef INVOLVE_RECORD_H
#define INVOLVE_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "error.h"
#include "store.h"

enum { RECORD_BATCH = 256 }; /* records in one INSERT statement of record_create_many */

struct record_head {
	int64_t id;                       /* 0 until created */
	char created_at[STORE_TIME_SIZE]; /* UTC, set by the store */
	char updated_at[STORE_TIME_SIZE]; /* UTC, set on every change */
};

enum field_type {
	FIELD_TEXT,   /* char * */
	FIELD_DATE,   /* char[DATE_TEXT_SIZE] */
	FIELD_INT,    /* int64_t */
	FIELD_MONEY,  /* int64_t pence; shown and typed as pounds */
	FIELD_BOOL,   /* int: 1 yes, 0 no, -1 not known (stored as NULL) */
	FIELD_CHOICE, /* int index into choices; stored as the choice key */
	FIELD_FLAGS,  /* unsigned bit i set for choices[i]; stored as an integer */
	FIELD_REF,    /* int64_t id of a record in ref_table; 0 for none */
};

enum {
	FIELD_REQUIRED = 1 << 0,  /* refused when empty */
	FIELD_MULTILINE = 1 << 1, /* long text that may hold line breaks */
	FIELD_INTERNAL = 1 << 2,  /* kept by the program, not offered in forms */
	FIELD_NULLABLE = 1 << 3,  /* FIELD_CHOICE that may be empty (index -1) */
	FIELD_LEVEL = 1 << 4,     /* FIELD_TEXT whose values come from the configured ladder */
	FIELD_PERSONAL = 1 << 5,  /* identifies a person: erased when they are forgotten */
	FIELD_PHRASE = 1 << 6,    /* the label is not a noun ("who decides"): no "the" before it */
};

struct choice {
	const char *key;   /* stable, stored and exported: "not_possible" */
	const char *label; /* for people: "not possible" */
};

struct field {
	const char *name;  /* column name, also the CSV and JSON key */
	const char *label; /* for people, lower case: "date held" */
	enum field_type type;
	size_t offset;                /* where the value sits in the struct */
	const struct choice *choices; /* FIELD_CHOICE, FIELD_FLAGS: NULL-key terminated */
	const char *ref_table;        /* FIELD_REF: the table referred to */
	unsigned flags;               /* FIELD_REQUIRED, ... */
	const char *help;             /* one sentence for forms and --help */
};

struct record_kind {
	const char *table;  /* SQL table */
	const char *noun;   /* "meeting" */
	const char *plural; /* "meetings" */
	size_t size;        /* sizeof the struct */
	const struct field *fields;
	size_t nfields;
	const char *name_field; /* the field people know a record by (title, name) */
	const char *order;      /* column lists are sorted by (then id): never NULL in the table */
	bool order_desc;        /* newest first */
	/* Extra checks beyond each field's own; may be NULL. */
	enum error_code (*validate)(const void *rec, struct error *err);
	/* Defaults for a new record, after record_init zeroes it; may be NULL. */
	void (*defaults)(void *rec);
	/* Recompute derived fields before every write; may be NULL. */
	void (*prepare)(void *rec);
};

/* Zero rec, give every text field "" and every bool -1, then apply kind->defaults. */
void record_init(const struct record_kind *kind, void *rec);
/*
 * Set one field of rec to its empty value, as record_init leaves it: text "",
 * no date, a bool not known, a choice unset (nullable) or the first, 0.
 * rec's text must be owned (initialised or read), or NULL.
 */
void record_field_clear(const struct field *f, void *rec);
/* Free rec's text fields and zero it. Safe on a zeroed or initialised record. */
void record_clear(const struct record_kind *kind, void *rec);
/* Deep copy src into dst (dst is overwritten, not cleared first). */
void record_copy(const struct record_kind *kind, void *dst, const void *src);

/* The field named name, or NULL. */
const struct field *record_field(const struct record_kind *kind, const char *name);
/* Look up a choice by key or by label (case-insensitive); -1 when none matches. */
int record_choice_find(const struct choice *choices, const char *text);
/* Number of choices in a NULL-key terminated list. */
size_t record_choice_count(const struct choice *choices);
/* Label of choice i, or "" when i is out of range. */
const char *record_choice_label(const struct choice *choices, int i);
const char *record_choice_key(const struct choice *choices, int i);

/*
 * Parse text (as a person types it, or as CSV holds it) into the field of rec.
 * Dates as YYYY-MM-DD, money as pounds, bools as yes/no (or blank for not
 * known), choices by key or label, flags as keys separated by ';' or ','.
 * On failure returns ERROR_INVALID with a sentence naming the field, and rec is
 * unchanged. FIELD_REF cannot be parsed from text (the caller resolves names).
 */
enum error_code record_field_parse(const struct field *f, void *rec, const char *text,
                                   struct error *err);
/*
 * The field's value as text, the form record_field_parse reads back ("" for
 * empty; bools "yes"/"no"/""; choices their key; flags keys joined by ';';
 * refs the id). The caller frees the result.
 */
char *record_field_format(const struct field *f, const void *rec);
/* The same value for people: labels instead of keys, money with £. Caller frees. */
char *record_field_display(const struct field *f, const void *rec);
/*
 * label as words in a sentence: "the date held", or "who decides" when f is a
 * FIELD_PHRASE field; capital starts it with a capital letter ("The date
 * held", "Who decides"). f may be NULL (a label of the screen's own: a noun);
 * label NULL means f->label. Caller frees.
 */
char *record_label_called(const struct field *f, const char *label, bool capital);
/* True when the field holds no value. */
bool record_field_empty(const struct field *f, const void *rec);

/* Check every field (required, valid dates, choices in range) and kind->validate. */
enum error_code record_validate(const struct record_kind *kind, const void *rec, struct error *err);

/* Insert rec; gives it a new id (unless it already has one) and timestamps. */
enum error_code record_create(struct store *s, const struct record_kind *kind, void *rec,
                              struct error *err);
/*
 * Insert the n records recs[0..n-1] as record_create does, up to RECORD_BATCH
 * to a statement: for imports of many rows, where SQLite then starts its
 * statement journal and the audit trigger's program once per statement
 * instead of once per record. All are checked first:
 * if one is not acceptable nothing is inserted, ERROR_INVALID is returned and
 * *bad (may be NULL) is its index; otherwise *bad is n. Either all are
 * inserted or, on failure (a constraint, a full disk), none are.
 */
enum error_code record_create_many(struct store *s, const struct record_kind *kind,
                                   void *const *recs, size_t n, size_t *bad, struct error *err);
/*
 * Read record id into rec. rec must hold nothing owned (never initialised, or
 * cleared): its old text is not freed. On failure rec is left initialised
 * (record_init) and ERROR_NOT_FOUND says the record does not exist.
 */
enum error_code record_get(struct store *s, const struct record_kind *kind, int64_t id, void *rec,
                           struct error *err);
/* Write every field of rec (by rec's id); refreshes updated_at. */
enum error_code record_update(struct store *s, const struct record_kind *kind, void *rec,
                              struct error *err);
/*
 * Set one field of record id from text, as a form does when a field is left:
 * parse, validate, write that column and updated_at. ERROR_INVALID with a
 * sentence (and err->field) when the text is not acceptable; nothing written.
 */
enum error_code record_set(struct store *s, const struct record_kind *kind, int64_t id,
                           const char *field, const char *text, struct error *err);
enum error_code record_delete(struct store *s, const struct record_kind *kind, int64_t id,
                              struct error *err);

/*
 * A record's number as people type it after "#" (lists show "#123"): digits
 * only, a positive id that fits. False for anything else.
 */
bool record_parse_id(const char *digits, int64_t *id);

/*
 * The id in the first column of the first row of sql, or 0 when there is no
 * row (or the query fails: the failure still marks a damaged store, see
 * store_damaged). types says how to bind the arguments that follow,
 * one letter each: 'i' an int64_t, 't' a const char *. For finding a record
 * by its natural key (a title, a name, a title and a date).
 */
int64_t record_lookup(struct store *s, const char *sql, const char *types, ...);

/*
 * A page of a list, by keyset: the rows after (or, backward, before) a
 * position in the kind's order, never an OFFSET and never a whole table in
 * memory. Filters combine with AND.
 */
struct record_query {
	const char *where;      /* a column to match, e.g. "meeting_id"; NULL for all rows */
	int64_t where_id;       /* its value */
	const char *where_text; /* a second column to match as text, e.g. "stage" */
	const char *text_value;
	const char *search;      /* substring of the name field, case-insensitive; NULL for any */
	bool has_after;          /* start after this position (exclusive) */
	const char *after_order; /* the order column's value at the position */
	int64_t after_id;        /* and its id */
	bool backward;           /* rows before the position, nearest first */
	int limit;               /* at most this many rows; 0 means 100 */
};

/*
 * Called once per row with a temporary record (cleared after the call) and
 * the row's order value (for the next page's after_order). Return false to
 * stop early.
 */
typedef bool (*record_row_fn)(void *rec, const char *order_value, void *ctx);

/* Run a page query; *rows (may be NULL) receives the number of rows passed to fn. */
enum error_code record_list(struct store *s, const struct record_kind *kind,
                            const struct record_query *q, record_row_fn fn, void *ctx, int *rows,
                            struct error *err);
/* How many rows the same filters (not the position) match. */
enum error_code record_count(struct store *s, const struct record_kind *kind,
                             const struct record_query *q, int64_t *count, struct error *err);

/* The typed API of a record module, declared in its header by RECORD_API(name). */
#define RECORD_API(name)                                                                           \
	extern const struct record_kind name##_kind;                                               \
	static inline void name##_init(struct name *r)                                             \
	{                                                                                          \
		record_init(&name##_kind, r);                                                      \
	}                                                                                          \
	static inline void name##_clear(struct name *r)                                            \
	{                                                                                          \
		record_clear(&name##_kind, r);                                                     \
	}                                                                                          \
	static inline enum error_code name##_create(struct store *s, struct name *r,               \
	                                            struct error *err)                             \
	{                                                                                          \
		return record_create(s, &name##_kind, r, err);                                     \
	}                                                                                          \
	static inline enum error_code name##_get(struct store *s, int64_t id, struct name *r,      \
	                                         struct error *err)                                \
	{                                                                                          \
		return record_get(s, &name##_kind, id, r, err);                                    \
	}                                                                                          \
	static inline enum error_code name##_update(struct store *s, struct name *r,               \
	                                            struct error *err)                             \
	{                                                                                          \
		return record_update(s, &name##_kind, r, err);                                     \
	}                                                                                          \
	static inline enum error_code name##_delete(struct store *s, int64_t id,                   \
	                                            struct error *err)                             \
	{                                                                                          \
		return record_delete(s, &name##_kind, id, err);                                    \
	}                                                                                          \
	static inline enum error_code name##_list(struct store *s, const struct record_query *q,   \
	                                          record_row_fn fn, void *ctx, int *rows,          \
	                                          struct error *err)                               \
	{                                                                                          \
		return record_list(s, &name##_kind, q, fn, ctx, rows, err);                        \
	}

/* A field table row: FIELD_DEF(struct, member, label, type, flags, help). */
#define FIELD_DEF(st, member, label, type, flags, help)                                            \
	{                                                                                          \
#member, label, type, offsetof(struct st, member), NULL, NULL, flags, help         \
	}
#define FIELD_CHOICES(st, member, label, type, choices, flags, help)                               \
	{                                                                                          \
#member, label, type, offsetof(struct st, member), choices, NULL, flags, help      \
	}
#define FIELD_REF_DEF(st, member, label, table, flags, help)                                       \
	{                                                                                          \
#member, label, FIELD_REF, offsetof(struct st, member), NULL, table, flags, help   \
	}
#define RECORD_FIELDS(array) array, sizeof array / sizeof *array

#endif
