/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * demo_data: the word lists and story tables the demo database is built from.
 *
 * Everything here is constant data, drawn from the domain sources (Schehrer &
 * Sexton 2010, Sass & Beresford 2012, the Devon strategies digest, Valuing
 * Involvement): the projects of one local authority's year with their stages,
 * decisions, budget events and pressures; the kinds of meeting held at each
 * stage; what people said and what was done about it; names as a facilitator
 * knows them. core/demo.c turns these tables into records.
 *
 * Text that names the project holds one "%s" for the project's plain phrase
 * (demo_data_project.plain), or none. Meeting purposes and notes are written
 * without jargon except where a story in demo.c puts it there on purpose.
 */
#ifndef INVOLVE_DEMO_DATA_H
#define INVOLVE_DEMO_DATA_H

#include <stddef.h>
#include <stdint.h>

/* The areas of life a project touches and a person cares about (bit set). */
enum demo_family {
	DEMO_OLDER = 1u << 0,     /* older people */
	DEMO_LD = 1u << 1,        /* learning disability and autism */
	DEMO_MH = 1u << 2,        /* mental health and recovery */
	DEMO_CARERS = 1u << 3,    /* unpaid carers */
	DEMO_PHYS = 1u << 4,      /* physical and sensory impairment */
	DEMO_COMM = 1u << 5,      /* communities seldom heard by the council */
	DEMO_EASTBROOK = 1u << 6, /* members of the day centre that closed */
	DEMO_ALL = 0x3f,          /* every family but Eastbrook's */
};

/* How far a stage's agreement was recorded. */
enum demo_agreement {
	DEMO_AGREED,   /* purpose, users' role, boundaries and who decides */
	DEMO_PARTLY,   /* purpose and users' role only: no boundaries of authority */
	DEMO_UNAGREED, /* nothing agreed */
};

/* One stage a project passes through, in the order it is visited. */
struct demo_data_stage {
	int stage;     /* enum stage_key */
	int status;    /* enum stage_status_choice */
	int agreement; /* enum demo_agreement */
	int weight;    /* share of the project's meetings; 0 for none */
};

struct demo_data_decision {
	int stage; /* enum stage_key; dated at the end of that stage */
	const char *title;
	const char *decided_by;
	const char *summary;
	int users_present;  /* 1 or 0 */
	int followed;       /* enum decision_followed_choice */
	const char *appeal; /* the route given, or NULL when none was given */
	int linked;         /* 1: the stage's meetings and what was said there fed into it */
};

struct demo_data_budget {
	int kind;       /* enum budget_event_kind_choice */
	int at_percent; /* when, as a share of the project's time so far (1..99) */
	int64_t pence;  /* the budget, or the change */
	const char *reason;
	int told_after; /* days until participants were told; -1 never */
};

struct demo_data_pressure {
	int at_percent;
	const char *source;
	const char *summary;
	const char *impact;
	int shared_after; /* days until shared with participants; -1 never */
};

enum { DEMO_MAX_STAGES = 8, DEMO_MAX_DECISIONS = 3, DEMO_MAX_BUDGETS = 2 };

struct demo_data_project {
	const char *title; /* "Day opportunities redesign" */
	const char *label; /* starts meeting titles: "Day opportunities" */
	const char *plain; /* for sentences: "day opportunities for adults with ..." */
	const char *area;  /* service area */
	int kind;          /* enum project_kind_choice */
	unsigned families; /* enum demo_family bits: who takes part */
	int group;         /* index in demo_data_groups, or -1 */
	int meetings;      /* how many meetings in all, planned ones included */
	int start_ago;     /* started this many days before today */
	int closed_ago;    /* closed this many days before today; 0 while open */
	const char *notes;
	int nstages;
	struct demo_data_stage stages[DEMO_MAX_STAGES];
	struct demo_data_decision decisions[DEMO_MAX_DECISIONS]; /* ends at title NULL */
	struct demo_data_budget budgets[DEMO_MAX_BUDGETS];       /* ends at at_percent 0 */
	struct demo_data_pressure pressure;                      /* none when summary NULL */
};

/* The projects, in this order (demo.c's stories name them). */
enum demo_project_index {
	DEMO_P_DAY_OPPS,
	DEMO_P_CARERS,
	DEMO_P_EASTBROOK,
	DEMO_P_HOME_CARE,
	DEMO_P_DEMENTIA,
	DEMO_P_CRISIS,
	DEMO_P_MEALS,
	DEMO_P_GP_OOH,
	DEMO_P_SHORT_BREAKS,
	DEMO_P_SUPPORTED_LIVING,
	DEMO_P_EQUIPMENT,
	DEMO_P_DP_SUPPORT,
	DEMO_P_EXTRA_CARE,
	DEMO_P_AUTISM,
	DEMO_P_SENSORY,
	DEMO_P_ADVOCACY,
	DEMO_P_SOMALI,
	DEMO_P_STROKE,
	DEMO_P_RECOVERY,
	DEMO_P_CARE_HOMES,
	DEMO_PROJECT_COUNT
};
extern const struct demo_data_project demo_data_projects[DEMO_PROJECT_COUNT];

struct demo_data_group {
	const char *name;
	int kind;     /* enum group_kind_choice */
	int relation; /* enum group_relation_choice */
	const char *host;
	const char *notes;
};
enum { DEMO_GROUP_COUNT = 10 };
extern const struct demo_data_group demo_data_groups[DEMO_GROUP_COUNT];

/* The agreement recorded for a stage (enum stage_key), with "%s" for the project. */
struct demo_data_agreement {
	const char *purpose;
	const char *users_role;
	const char *open;
	const char *not_open;
	const char *who_decides;
};
extern const struct demo_data_agreement demo_data_agreements[];

/* A kind of meeting held at a stage; title is "%s" + the label's suffix. */
struct demo_data_meeting {
	int stage;         /* enum stage_key */
	int method;        /* enum meeting_method_choice */
	const char *level; /* a key of the default ladder */
	const char *title; /* "%s: what matters to you" (%s = the project label) */
	const char *purpose;
	const char *open;
	const char *not_open;
};
extern const struct demo_data_meeting demo_data_meetings[];
extern const size_t demo_data_meeting_count;

/* "You said" and what was done about it, in every response state. */
struct demo_data_said {
	unsigned families; /* enum demo_family bits; DEMO_ALL for anyone */
	const char *theme;
	const char *said;
	const char *adopted;
	const char *partly, *partly_reason;
	const char *not_possible, *not_possible_reason;
	const char *already, *already_reason;
};
extern const struct demo_data_said demo_data_said[];
extern const size_t demo_data_said_count;

/* Where people come from, for names, languages and seldom-heard tags. */
struct demo_data_origin {
	const char *language; /* for translated papers, or NULL */
	const char *tag;      /* a seldom-heard group, or NULL */
	const char *initials; /* surname initials, space separated (UTF-8) */
	int weight;           /* how common, out of the sum of weights */
};
extern const struct demo_data_origin demo_data_origins[];
extern const size_t demo_data_origin_count;

struct demo_data_name {
	const char *first;
	int origin; /* index in demo_data_origins */
};
extern const struct demo_data_name demo_data_names[];
extern const size_t demo_data_name_count;

/* A venue: name and whether it is accessible to everyone invited. */
struct demo_data_venue {
	const char *name;
	int accessible;
	unsigned families; /* who it suits */
};
extern const struct demo_data_venue demo_data_venues[];
extern const size_t demo_data_venue_count;

/* NULL-terminated word lists. */
extern const char *const demo_data_support_needs[]; /* general needs */
extern const char *const demo_data_tags[];          /* seldom-heard groups */
extern const char *const demo_data_actions[];       /* commitments made at meetings */
extern const char *const demo_data_notes[];         /* what happened, one sentence */
extern const char *const demo_data_places[];        /* other authorities at scale > 1 */
extern const char *const demo_data_consent_scopes[];

/* What a review with users found, for a stage whose review is done. */
extern const char *const demo_data_review_worked;
extern const char *const demo_data_review_hindered;

#endif
