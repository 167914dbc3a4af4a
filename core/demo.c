/* SPDX-License-Identifier: GPL-3.0-or-later */
/* demo: the demo database generator — plan one authority's year in memory, then write it. */
#include "demo.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "attendance.h"
#include "budget_event.h"
#include "contribution.h"
#include "decision.h"
#include "demo_data.h"
#include "feedback.h"
#include "group.h"
#include "meeting.h"
#include "mem.h"
#include "payment.h"
#include "person.h"
#include "pressure.h"
#include "project.h"
#include "registry.h"
#include "stage.h"
#include "vocab.h"

/*
 * Which records make each rule of DESIGN §4 fire (default thresholds, scale 1;
 * at scale N each authority repeats them). Content rows live in demo_data.c;
 * the stories marked (story) are the demo_story_* functions and person flags
 * below. Everything else is good practice: most feedback on time and in the
 * person's format, papers a week ahead, needs met, claims paid within 20
 * working days, agreements recorded before meetings, and so on.
 *
 * rule                        records that make it fire
 * --------------------------  ---------------------------------------------------------------
 * feedback_overdue            Meals on wheels: the last meeting whose feedback fell due more
 *                             than 10 days ago told nobody (story); about 2% of meetings told
 *                             nobody and 4% missed one or two people.
 * feedback_due_soon           the held meeting whose feedback falls due 1 to 4 days from today
 *                             (story), and most meetings held three to four weeks ago.
 * response_missing_reason     Out-of-hours GP: the first two answers "partly" / "not
 *                             possible" carry no reason (story).
 * contribution_unanswered     the Meals on wheels meeting above: all still pending (story);
 *                             3% of contributions at meetings past their due date.
 * feedback_wrong_format       Tomasz W. (translated, Polish) got his first feedback in
 *                             standard print (story); 1% of feedback otherwise.
 * stage_no_agreement          Crisis pathway "test" is active with nothing agreed; Autism
 *                             strategy "needs" is done with no boundaries of authority.
 * stage_no_users              Extra care housing "procurement" is done with officers only
 *                             (story); Advocacy "decisions" is done with no meeting at all.
 * stage_newcomers             any stage whose later meetings bring first-timers (e.g. Day
 *                             opportunities needs workshops).
 * framework_first             Out-of-hours GP: meetings held, framework never agreed.
 * review_skipped              Eastbrook Day Centre closure: closed, review not started.
 * budget_withheld_no_reason   Supported living framework: budget withheld, no reason.
 * budget_change_untold        Meals on wheels: £180,000 cut halfway through, never told.
 * decision_after_the_fact     Extra care housing: the Oakfield Road site consultation,
 *                             linked to the site decision, held after it was taken (story).
 * decision_no_user_input      Advocacy "Extend the current contract", Extra care "Choose the
 *                             building contractor", Meals "Reduce the budget": no users there,
 *                             nothing said linked.
 * decision_no_appeal_route    Eastbrook "Close Eastbrook Day Centre": against members' views,
 *                             no appeal route given.
 * meeting_lone_voice          Extra care housing design panel with one user (story), the
 *                             officers' evaluation meetings, and one-to-one conversations.
 * meeting_purpose_unclear     Out-of-hours GP: first meeting with no purpose, second with
 *                             nothing open to change (story).
 * meeting_papers_late         9% of meetings had papers 1 to 5 days before, 5% none at all.
 * meeting_needs_unmet         Amélie D. (BSL) at a Sensory services meeting with no
 *                             interpreter (story); 1.5% of attendees with needs otherwise.
 * meeting_jargon              Supported living ("market shaping", "procurement") and
 *                             Dementia support ("commissioning intentions", "JSNA",
 *                             "outcomes framework") purposes (story).
 * people_usual_suspects       Short breaks review: Ann B., Tomasz W. and Margaret O. are at
 *                             every meeting with at most two others (story).
 * people_no_newcomers         Short breaks review: nobody new in its meetings this year
 *                             (story; across the whole authority newcomers keep coming).
 * person_fatigue              Ann B. booked into six sessions within 30 days (story); everyone
 *                             else is kept to four in any 30 days.
 * project_current_users_only  Meals on wheels (redesign) and Eastbrook (decommissioning)
 *                             involve current users only; other redesigns include future
 *                             users and non-users.
 * payment_overdue             Tomasz W.'s first claim left unpaid (story); 4% of claims paid
 *                             after 20 working days and 4% still unpaid.
 * payment_not_offered         Şükrü A. at his first meeting (story); 3% of attendances.
 * payment_benefits_check      Chen L. (benefits concern) paid for three home care bid-scoring
 *                             days in one week (story); others with a concern decline fees
 *                             that would pass the weekly limit.
 * action_overdue              15% of commitments due before today are not done.
 * consent_missing             Şükrü A. (story) and 3% of participants.
 * retention_due               Gwen H. and the other Eastbrook members last involved over two
 *                             years ago; two of them already anonymised (good practice).
 */

enum {
	DEMO_PEOPLE = 300, /* people per authority */
	DEMO_COMMISSIONERS = 10,
	DEMO_FACILITATORS = 6,
	DEMO_PROVIDERS = 10,
	DEMO_OTHERS = 4,
	DEMO_EASTBROOK_ONLY = 8, /* besides Gwen H. */
	DEMO_FORCED_MAX = 4,     /* people a story books into one meeting */
	/* Others with a benefits concern are kept under this in any 14 days, below the
	 * payments.weekly_limit_pence default of 19600 (the Carer's Allowance limit). */
	DEMO_SAFE_LIMIT = 19000,
	DEMO_NAME_SIZE = 64,
	DEMO_TEXT_SIZE = 192,
};

/* People the stories are about: the first entries of every authority's people. */
enum demo_story_person {
	SP_ANN,
	SP_TOMASZ,
	SP_SUKRU,
	SP_CHEN,
	SP_ZOFIA,
	SP_AMELIE,
	SP_MARGARET,
	SP_GWEN,
	SP_COUNT
};

static const struct demo_story_person_data {
	const char *name;
	int origin;     /* index in demo_data_origins */
	unsigned roles; /* bits of enum role */
	unsigned families;
	int format; /* enum format */
	const char *needs;
	int benefits;
	bool historical; /* involved before this year */
	const char *tags;
} demo_story_people[SP_COUNT] = {
	[SP_ANN] = { "Ann B.", 0, (1u << ROLE_SERVICE_USER) | (1u << ROLE_CARER),
	             DEMO_OLDER | DEMO_LD | DEMO_CARERS, FORMAT_LARGE_PRINT,
	             "hearing loop; seat near the front", 0, true, "" },
	[SP_TOMASZ] = { "Tomasz W.", 3, 1u << ROLE_CARER, DEMO_LD | DEMO_CARERS, FORMAT_TRANSLATED,
	                "Polish interpreter", 0, true, "Polish community" },
	[SP_SUKRU] = { "Şükrü A.", 6, 1u << ROLE_SERVICE_USER, DEMO_MH | DEMO_OLDER,
	               FORMAT_STANDARD, "morning meetings are hard because of my medication", 1,
	               false, "Turkish-speaking community" },
	[SP_CHEN] = { "Chen L.", 5, 1u << ROLE_SERVICE_USER, DEMO_OLDER | DEMO_PHYS,
	              FORMAT_STANDARD, "wheelchair access", 1, true, "Chinese community" },
	[SP_ZOFIA] = { "Zofia Ł.", 3, 1u << ROLE_FUTURE_USER, DEMO_LD | DEMO_OLDER,
	               FORMAT_EASY_READ, "easy read papers and a supporter", 0, false, "" },
	[SP_AMELIE] = { "Amélie D.", 8, 1u << ROLE_SERVICE_USER, DEMO_PHYS, FORMAT_BSL,
	                "BSL interpreter", 0, true, "Deaf community" },
	[SP_MARGARET] = { "Margaret O.", 0, 1u << ROLE_CARER, DEMO_LD | DEMO_CARERS,
	                  FORMAT_STANDARD, "", 0, true, "" },
	[SP_GWEN] = { "Gwen H.", 0, 1u << ROLE_SERVICE_USER, DEMO_EASTBROOK, FORMAT_LARGE_PRINT,
	              "transport to and from the venue", 0, true, "" },
};

#define USER_ROLES                                                                                 \
	((1u << ROLE_SERVICE_USER) | (1u << ROLE_CARER) | (1u << ROLE_FUTURE_USER) |               \
	 (1u << ROLE_NON_USER))

/* ---- the seeded generator ---- */

struct demo_rng {
	uint64_t state;
};

/* splitmix64: small, fast and the same on every machine. */
static uint64_t demo_next(struct demo_rng *r)
{
	uint64_t z = (r->state += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

/* A whole number in [0, n), n > 0. */
static int demo_below(struct demo_rng *r, int n)
{
	return (int)(demo_next(r) % (uint64_t)n);
}

/* A whole number in [lo, hi]. */
static int demo_between(struct demo_rng *r, int lo, int hi)
{
	return hi <= lo ? lo : lo + demo_below(r, hi - lo + 1);
}

/* True with the given chance in a thousand. */
static bool demo_permille(struct demo_rng *r, int chance)
{
	return demo_below(r, 1000) < chance;
}

/* ---- the plan of one authority ---- */

struct demo_person {
	char name[DEMO_NAME_SIZE];
	unsigned roles;
	int format;
	const char *language;
	char needs[DEMO_TEXT_SIZE];
	char tags[DEMO_TEXT_SIZE];
	char contact[48];
	const char *notes;
	int benefits; /* 1, 0, -1 not known */
	bool consent_missing;
	int consent_scope; /* index in demo_data_consent_scopes */
	bool historical;   /* involved before this year */
	bool staff;
	bool anonymised;
	unsigned families;
	int weight;            /* how often they come: 1 (rarely) .. 10 (always) */
	int32_t joins;         /* newcomers are not booked before this day */
	int32_t first_booking; /* DATE_NONE until booked */
	int32_t first_involved;
	int32_t consent;
	int32_t recent[4]; /* the last four bookings, oldest first */
	int nrecent;
	int32_t paid_day[8]; /* the last payments, for the weekly limit */
	int64_t paid_pence[8];
	int npaid;
	bool story_unpaid;       /* leave the first claim unpaid (payment_overdue) */
	bool story_not_offered;  /* offer nothing at the first meeting (payment_not_offered) */
	bool story_wrong_format; /* first feedback in standard print (feedback_wrong_format) */
	bool story_no_limit;     /* paid whatever the weekly limit (payment_benefits_check) */
	int64_t id;
};

enum {
	MF_NO_FEEDBACK = 1u << 0, /* nobody is told (feedback_overdue, due_soon) */
	MF_ALL_PENDING = 1u << 1, /* nothing answered (contribution_unanswered) */
	MF_ESTABLISHED = 1u << 2, /* only people involved before this year */
	MF_NO_PURPOSE = 1u << 3,  /* no purpose recorded */
	MF_NO_OPEN = 1u << 4,     /* nothing recorded as open to change */
	MF_OFFICERS = 1u << 5,    /* officers only */
};

struct demo_meeting {
	int order; /* planning order, to sort stably */
	int project;
	int stage; /* enum stage_key */
	const struct demo_data_meeting *spec;
	int32_t day;
	int status; /* enum meeting_status_choice */
	int method;
	const char *level;
	char title[DEMO_TEXT_SIZE];
	const char *purpose; /* a story's own purpose, or NULL for the spec's */
	const char *note;    /* a story's own note, or NULL */
	const char *venue;
	int venue_accessible;
	int32_t papers; /* DATE_NONE when none were sent */
	int group;      /* index in demo_data_groups, or -1 */
	int decision;   /* index in the plan's decisions, or -1 */
	int max_users;  /* -1 for the method's usual number */
	unsigned flags; /* MF_* */
	int forced[DEMO_FORCED_MAX];
	int nforced;
	int unmet;   /* a person whose needs were not met, or -1 */
	int32_t due; /* feedback due date by the policy */
	int att_first, att_count;
	int64_t id;
};

struct demo_att {
	int person;
	int role;
	int attended;
	int needs_met;
	int papers_format;
};

struct demo_window {
	int32_t from, to;
};

struct demo_project {
	const struct demo_data_project *t;
	char title[DEMO_TEXT_SIZE];
	int32_t start, end; /* end: closed, or today - 1 */
	struct demo_window windows[DEMO_MAX_STAGES];
	int lead; /* person index of the lead commissioner */
	int facilitator;
	int provider;
	int *pool; /* people who may take part */
	int npool;
	int64_t id;
};

struct demo_decision {
	int project;
	const struct demo_data_decision *d;
	int32_t day;
	int64_t id;
};

struct demo_plan {
	int copy; /* which authority, 0-based */
	int32_t today;
	struct demo_rng rng;
	struct demo_person people[DEMO_PEOPLE];
	int commissioners[DEMO_COMMISSIONERS];
	int facilitators[DEMO_FACILITATORS];
	int providers[DEMO_PROVIDERS];
	struct demo_project projects[DEMO_PROJECT_COUNT];
	struct demo_decision *decisions;
	int ndecisions;
	struct demo_meeting *meetings;
	int nmeetings;
	struct demo_att *atts;
	size_t natts, atts_cap;
	int64_t group_ids[DEMO_GROUP_COUNT];
	char group_names[DEMO_GROUP_COUNT][DEMO_TEXT_SIZE];
	int missing_reasons; /* answers left without a reason so far (story) */
};

/* The day nearest to day that is Monday to Friday, never after latest. */
static int32_t demo_weekday(int32_t day, int32_t latest)
{
	int wd = date_weekday(day);
	if (wd == 6)
		day -= 1;
	else if (wd == 7)
		day += 1;
	while (day > latest || date_weekday(day) > 5)
		day -= 1;
	return day;
}

/* The n-th space-separated word of list, copied into out. */
static void demo_word(const char *list, int n, char *out, size_t size)
{
	const char *p = list;
	for (int i = 0; i < n; i++) {
		p = strchr(p, ' ');
		p = p ? p + 1 : list;
	}
	size_t len = strcspn(p, " ");
	if (len >= size)
		len = size - 1;
	memcpy(out, p, len);
	out[len] = '\0';
}

/* How many space-separated words list holds. */
static int demo_words(const char *list)
{
	int n = 1;
	for (const char *p = list; *p; p++)
		n += *p == ' ';
	return n;
}

/* Entries in a NULL-terminated list. */
static int demo_count(const char *const *list)
{
	int n = 0;
	while (list[n])
		n++;
	return n;
}

/* True when name is already used by one of the first n people. */
static bool demo_name_taken(const struct demo_plan *p, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(p->people[i].name, name) == 0)
			return true;
	return false;
}

/* An origin, chosen by weight. */
static int demo_pick_origin(struct demo_rng *r)
{
	int total = 0;
	for (size_t i = 0; i < demo_data_origin_count; i++)
		total += demo_data_origins[i].weight;
	int x = demo_below(r, total);
	for (size_t i = 0; i < demo_data_origin_count; i++) {
		x -= demo_data_origins[i].weight;
		if (x < 0)
			return (int)i;
	}
	return 0;
}

/* A new name "First I." of the given origin, unique among the first n people. */
static void demo_make_name(struct demo_plan *p, int n, int origin, char *out)
{
	int count = 0;
	for (size_t i = 0; i < demo_data_name_count; i++)
		count += demo_data_names[i].origin == origin;
	const char *initials = demo_data_origins[origin].initials;
	for (int tries = 0;; tries++) {
		int k = demo_below(&p->rng, count);
		const char *first = demo_data_names[0].first;
		for (size_t i = 0; i < demo_data_name_count; i++)
			if (demo_data_names[i].origin == origin && k-- == 0) {
				first = demo_data_names[i].first;
				break;
			}
		char initial[8];
		demo_word(initials, demo_below(&p->rng, demo_words(initials)), initial,
		          sizeof initial);
		snprintf(out, DEMO_NAME_SIZE, "%s %s.", first, initial);
		if (!demo_name_taken(p, n, out))
			return;
		if (tries > 40) /* every pair taken: fall back on the general names */
			origin = 0, initials = demo_data_origins[0].initials;
	}
}

/* A phone number from the ranges Ofcom keeps for drama, so no real person is rung. */
static void demo_contact(struct demo_rng *r, char *out, size_t size)
{
	if (demo_permille(r, 700))
		snprintf(out, size, "07700 900%03d", demo_below(r, 1000));
	else
		snprintf(out, size, "01632 960%03d", demo_below(r, 1000));
}

/* Append text to a "; "-separated list in buf. */
static void demo_append(char *buf, size_t size, const char *text)
{
	if (!text || !*text)
		return;
	size_t len = strlen(buf);
	snprintf(buf + len, size - len, "%s%s", len ? "; " : "", text);
}

/* The families of a service user, carer, future user or non-user. */
static unsigned demo_user_families(struct demo_rng *r, unsigned roles, int origin)
{
	static const unsigned kinds[] = {
		DEMO_OLDER, DEMO_OLDER, DEMO_OLDER, DEMO_LD,   DEMO_LD,
		DEMO_MH,    DEMO_MH,    DEMO_PHYS,  DEMO_PHYS, DEMO_COMM
	};
	unsigned f = kinds[demo_below(r, 10)];
	if (demo_permille(r, 350))
		f |= kinds[demo_below(r, 10)];
	if (roles & (1u << ROLE_CARER))
		f |= DEMO_CARERS;
	const char *tag = demo_data_origins[origin].tag;
	if (tag && demo_permille(r, 500))
		f |= DEMO_COMM;
	return f;
}

/* Preferred format, language and the support needs that go with them. */
static void demo_user_format(struct demo_rng *r, struct demo_person *u, int origin)
{
	const char *lang = demo_data_origins[origin].language;
	int x = demo_below(r, 100);
	u->format = FORMAT_STANDARD;
	if (lang && x < 35)
		u->format = FORMAT_TRANSLATED;
	else if ((u->families & DEMO_LD) && x < 45)
		u->format = FORMAT_EASY_READ;
	else if (u->families & DEMO_PHYS)
		u->format = x < 12   ? FORMAT_BRAILLE
		            : x < 24 ? FORMAT_BSL
		            : x < 34 ? FORMAT_AUDIO
		            : x < 46 ? FORMAT_LARGE_PRINT
		                     : FORMAT_STANDARD;
	else if (u->families & DEMO_OLDER)
		u->format = x < 25 ? FORMAT_LARGE_PRINT : x < 30 ? FORMAT_AUDIO : FORMAT_STANDARD;
	u->needs[0] = '\0';
	if (u->format == FORMAT_TRANSLATED) {
		u->language = lang;
		char need[DEMO_NAME_SIZE];
		snprintf(need, sizeof need, "%s interpreter", lang);
		demo_append(u->needs, sizeof u->needs, need);
	} else if (u->format == FORMAT_BSL) {
		demo_append(u->needs, sizeof u->needs, "BSL interpreter");
	} else if (u->format == FORMAT_BRAILLE) {
		demo_append(u->needs, sizeof u->needs, "papers in braille; a guide to the room");
	} else if (u->format == FORMAT_EASY_READ) {
		demo_append(u->needs, sizeof u->needs, "easy read papers and a supporter");
	}
	if (demo_permille(r, 350))
		demo_append(u->needs, sizeof u->needs,
		            demo_data_support_needs[demo_below(
		                    r, demo_count(demo_data_support_needs))]);
}

/* Roles and notes of the staff, by position in the staff block. */
static const struct demo_staff_kind {
	int role;
	int count;
	const char *notes;
} demo_staff_kinds[] = {
	{ ROLE_COMMISSIONER, DEMO_COMMISSIONERS, "Commissioner, adult social care" },
	{ ROLE_FACILITATOR, DEMO_FACILITATORS, "Involvement facilitator" },
	{ ROLE_PROVIDER, DEMO_PROVIDERS, "Manager at a care provider" },
	{ ROLE_OTHER, DEMO_OTHERS, "Independent advocate" },
};

/* Everyone in one authority: the story people, staff, Eastbrook's members, then the rest. */
static void demo_plan_people(struct demo_plan *p)
{
	int n = 0;
	for (int k = 0; k < SP_COUNT; k++, n++) {
		const struct demo_story_person_data *d = &demo_story_people[k];
		struct demo_person *u = &p->people[n];
		snprintf(u->name, sizeof u->name, "%s", d->name);
		u->roles = d->roles;
		u->families = d->families;
		u->format = d->format;
		u->language = d->format == FORMAT_TRANSLATED ? demo_data_origins[d->origin].language
		                                             : NULL;
		snprintf(u->needs, sizeof u->needs, "%s", d->needs);
		snprintf(u->tags, sizeof u->tags, "%s", d->tags);
		u->benefits = d->benefits;
		u->historical = d->historical;
		u->weight = 8;
	}
	p->people[SP_SUKRU].joins = p->today - 300;
	p->people[SP_ZOFIA].joins = p->today - 300;
	p->people[SP_SUKRU].consent_missing = true;
	p->people[SP_SUKRU].story_not_offered = true;
	p->people[SP_TOMASZ].story_unpaid = true;
	p->people[SP_TOMASZ].story_wrong_format = true;
	p->people[SP_CHEN].story_no_limit = true;
	int ci = 0, fi = 0, pi = 0;
	for (size_t k = 0; k < sizeof demo_staff_kinds / sizeof *demo_staff_kinds; k++) {
		for (int j = 0; j < demo_staff_kinds[k].count; j++, n++) {
			struct demo_person *u = &p->people[n];
			demo_make_name(p, n, demo_pick_origin(&p->rng), u->name);
			u->staff = true;
			u->roles = 1u << demo_staff_kinds[k].role;
			u->notes = demo_staff_kinds[k].notes;
			u->benefits = -1;
			u->historical = true;
			if (demo_staff_kinds[k].role == ROLE_COMMISSIONER)
				p->commissioners[ci++] = n;
			else if (demo_staff_kinds[k].role == ROLE_FACILITATOR)
				p->facilitators[fi++] = n;
			else if (demo_staff_kinds[k].role == ROLE_PROVIDER)
				p->providers[pi++] = n;
		}
	}
	for (int j = 0; j < DEMO_EASTBROOK_ONLY; j++, n++) {
		struct demo_person *u = &p->people[n];
		u->roles = 1u << (j % 3 == 2 ? ROLE_CARER : ROLE_SERVICE_USER);
		u->families = DEMO_EASTBROOK;
		u->historical = true;
		u->weight = 8;
		u->benefits = demo_permille(&p->rng, 300);
		u->anonymised = j < 2;
		if (u->anonymised) {
			snprintf(u->name, sizeof u->name, "Former participant (anonymised)");
			u->format = FORMAT_STANDARD;
		} else {
			demo_make_name(p, n, 0, u->name);
			demo_user_format(&p->rng, u, 0);
		}
	}
	for (; n < DEMO_PEOPLE; n++) {
		struct demo_person *u = &p->people[n];
		int origin = demo_pick_origin(&p->rng);
		demo_make_name(p, n, origin, u->name);
		int x = demo_below(&p->rng, 100);
		u->roles = x < 50   ? 1u << ROLE_SERVICE_USER
		           : x < 72 ? 1u << ROLE_CARER
		           : x < 78 ? (1u << ROLE_SERVICE_USER) | (1u << ROLE_CARER)
		           : x < 91 ? 1u << ROLE_FUTURE_USER
		                    : 1u << ROLE_NON_USER;
		u->families = demo_user_families(&p->rng, u->roles, origin);
		demo_user_format(&p->rng, u, origin);
		x = demo_below(&p->rng, 100);
		u->benefits = x < 30 ? 1 : x < 80 ? 0 : -1;
		u->historical = demo_permille(&p->rng, 600);
		if (!u->historical)
			u->joins = p->today - demo_between(&p->rng, 0, 330);
		x = demo_below(&p->rng, 100);
		u->weight = x < 50 ? 2 : x < 80 ? 4 : x < 95 ? 7 : 10;
		u->consent_missing = demo_permille(&p->rng, 30);
		const char *tag = demo_data_origins[origin].tag;
		if (tag && demo_permille(&p->rng, 400))
			demo_append(u->tags, sizeof u->tags, tag);
		if (demo_permille(&p->rng, 80))
			demo_append(
			        u->tags, sizeof u->tags,
			        demo_data_tags[demo_below(&p->rng, demo_count(demo_data_tags))]);
	}
	for (int i = 0; i < DEMO_PEOPLE; i++) {
		struct demo_person *u = &p->people[i];
		u->first_booking = DATE_NONE;
		u->first_involved = DATE_NONE;
		u->consent = DATE_NONE;
		if (!u->anonymised)
			demo_contact(&p->rng, u->contact, sizeof u->contact);
		u->consent_scope = demo_below(&p->rng, demo_count(demo_data_consent_scopes));
	}
}

/* The place an authority after the first is named after: "Northfield", "Northfield 2". */
static void demo_place_suffix(int copy, char *out, size_t size)
{
	int places = demo_count(demo_data_places);
	if (copy == 0)
		out[0] = '\0';
	else if (copy <= places)
		snprintf(out, size, " (%s)", demo_data_places[copy - 1]);
	else
		snprintf(out, size, " (%s %d)", demo_data_places[(copy - 1) % places],
		         (copy - 1) / places + 1);
}

/* Projects, their stage windows and the people who may take part in each. */
static void demo_plan_projects(struct demo_plan *p)
{
	char suffix[DEMO_NAME_SIZE];
	demo_place_suffix(p->copy, suffix, sizeof suffix);
	for (int g = 0; g < DEMO_GROUP_COUNT; g++)
		snprintf(p->group_names[g], DEMO_TEXT_SIZE, "%s%s", demo_data_groups[g].name,
		         suffix);
	for (int i = 0; i < DEMO_PROJECT_COUNT; i++) {
		struct demo_project *pr = &p->projects[i];
		const struct demo_data_project *t = &demo_data_projects[i];
		pr->t = t;
		snprintf(pr->title, sizeof pr->title, "%s%s", t->title, suffix);
		pr->start = p->today - t->start_ago;
		pr->end = t->closed_ago ? p->today - t->closed_ago : p->today - 1;
		pr->lead = p->commissioners[i % DEMO_COMMISSIONERS];
		pr->facilitator = p->facilitators[i % DEMO_FACILITATORS];
		pr->provider = p->providers[i % DEMO_PROVIDERS];
		int total = 0, cum = 0;
		for (int s = 0; s < t->nstages; s++)
			total += t->stages[s].weight;
		int32_t len = pr->end - pr->start;
		for (int s = 0; s < t->nstages; s++) {
			pr->windows[s].from = pr->start + (int32_t)((int64_t)len * cum / total);
			cum += t->stages[s].weight;
			pr->windows[s].to = pr->start + (int32_t)((int64_t)len * cum / total);
		}
		pr->pool = mem_alloc(sizeof *pr->pool * DEMO_PEOPLE);
		pr->npool = 0;
		for (int k = 0; k < DEMO_PEOPLE; k++) {
			const struct demo_person *u = &p->people[k];
			if (!u->staff && (u->families & t->families))
				pr->pool[pr->npool++] = k;
		}
	}
}

/* The window of stage (enum stage_key) in project pr, or NULL when it does not visit it. */
static const struct demo_window *demo_window_of(const struct demo_project *pr, int stage)
{
	for (int s = 0; s < pr->t->nstages; s++)
		if (pr->t->stages[s].stage == stage)
			return &pr->windows[s];
	return NULL;
}

/* Decisions, dated two days after the end of their stage. */
static void demo_plan_decisions(struct demo_plan *p)
{
	p->decisions = mem_calloc(DEMO_PROJECT_COUNT * DEMO_MAX_DECISIONS, sizeof *p->decisions);
	for (int i = 0; i < DEMO_PROJECT_COUNT; i++) {
		const struct demo_project *pr = &p->projects[i];
		for (int k = 0; k < DEMO_MAX_DECISIONS && pr->t->decisions[k].title; k++) {
			const struct demo_data_decision *d = &pr->t->decisions[k];
			const struct demo_window *w = demo_window_of(pr, d->stage);
			struct demo_decision *dd = &p->decisions[p->ndecisions++];
			dd->project = i;
			dd->d = d;
			int32_t day = (w ? w->to : pr->end) + 2;
			dd->day = demo_weekday(day < pr->end ? day : pr->end, p->today - 1);
		}
	}
}

/* The users a meeting of this method usually has: [lo, hi]. */
static const struct demo_method_size {
	int lo, hi;
} demo_method_sizes[] = {
	[METHOD_MEETING] = { 7, 11 },   [METHOD_WORKSHOP] = { 9, 15 }, [METHOD_SURVEY] = { 12, 22 },
	[METHOD_ONE_TO_ONE] = { 1, 1 }, [METHOD_PANEL] = { 2, 4 },     [METHOD_VISIT] = { 3, 6 },
	[METHOD_OTHER] = { 5, 9 },
};

/* A venue for a meeting of project pr by method. */
static void demo_pick_venue(struct demo_plan *p, const struct demo_project *pr,
                            struct demo_meeting *m)
{
	m->venue_accessible = 1;
	if (m->method == METHOD_SURVEY) {
		m->venue = "By post and online";
		return;
	}
	if (m->method == METHOD_ONE_TO_ONE) {
		m->venue = "At home or by phone";
		return;
	}
	if (m->method == METHOD_VISIT) {
		m->venue = "Visit to the service";
		return;
	}
	for (;;) {
		const struct demo_data_venue *v =
		        &demo_data_venues[demo_below(&p->rng, (int)demo_data_venue_count)];
		bool fits = v->families == DEMO_ALL || (v->families & pr->t->families);
		if (!fits || (!v->accessible && !demo_permille(&p->rng, 60)))
			continue;
		m->venue = v->name;
		m->venue_accessible = v->accessible;
		return;
	}
}

/* Specs of one stage, for picking among them. */
static const struct demo_data_meeting *demo_pick_spec(struct demo_rng *r, int stage)
{
	int n = 0;
	for (size_t i = 0; i < demo_data_meeting_count; i++)
		n += demo_data_meetings[i].stage == stage;
	int k = demo_below(r, n);
	for (size_t i = 0; i < demo_data_meeting_count; i++)
		if (demo_data_meetings[i].stage == stage && k-- == 0)
			return &demo_data_meetings[i];
	return &demo_data_meetings[0];
}

/* Fill one meeting of project i at stage slot s, on day. */
static void demo_plan_meeting(struct demo_plan *p, int i, int s, int32_t day, bool planned)
{
	const struct demo_project *pr = &p->projects[i];
	struct demo_meeting *m = &p->meetings[p->nmeetings];
	memset(m, 0, sizeof *m);
	m->order = p->nmeetings++;
	m->project = i;
	m->stage = pr->t->stages[s].stage;
	m->spec = demo_pick_spec(&p->rng, m->stage);
	m->day = day;
	m->method = m->spec->method;
	m->level = m->spec->level;
	snprintf(m->title, sizeof m->title, m->spec->title, pr->t->label);
	m->status = planned                      ? MEETING_PLANNED
	            : demo_permille(&p->rng, 30) ? MEETING_CANCELLED
	                                         : MEETING_HELD;
	m->group = pr->t->group >= 0 && demo_permille(&p->rng, 400) ? pr->t->group : -1;
	m->decision = -1;
	m->max_users = -1;
	m->unmet = -1;
	demo_pick_venue(p, pr, m);
	int x = demo_below(&p->rng, 100);
	if (planned)
		m->papers = day - 10 < p->today ? day - 10 : DATE_NONE;
	else
		m->papers = x < 92   ? day - demo_between(&p->rng, 7, 14)
		            : x < 97 ? day - demo_between(&p->rng, 1, 5)
		                     : DATE_NONE;
	char held[DATE_TEXT_SIZE];
	date_format(day, held);
	m->due = meeting_due_for(held);
}

/* Every project's meetings, spread over its stage windows; the active stage also plans ahead. */
static void demo_plan_meetings(struct demo_plan *p)
{
	int total = 0;
	for (int i = 0; i < DEMO_PROJECT_COUNT; i++)
		total += demo_data_projects[i].meetings;
	p->meetings = mem_calloc((size_t)total, sizeof *p->meetings);
	for (int i = 0; i < DEMO_PROJECT_COUNT; i++) {
		const struct demo_project *pr = &p->projects[i];
		int weights = 0, cum = 0;
		for (int s = 0; s < pr->t->nstages; s++)
			weights += pr->t->stages[s].weight;
		for (int s = 0; s < pr->t->nstages; s++) {
			int before = pr->t->meetings * cum / weights;
			cum += pr->t->stages[s].weight;
			int n = pr->t->meetings * cum / weights - before;
			if (n == 0)
				continue;
			bool active = pr->t->stages[s].status == STAGE_ACTIVE && !pr->t->closed_ago;
			int ahead = active && n >= 3 ? (n + 4) / 5 : 0;
			const struct demo_window *w = &pr->windows[s];
			int past = n - ahead;
			for (int k = 0; k < past; k++) {
				int32_t span = w->to - w->from;
				int32_t day = w->from +
				              (int32_t)((2 * k + 1) * (int64_t)span / (2 * past));
				day += demo_between(&p->rng, -2, 2);
				if (day < w->from)
					day = w->from;
				demo_plan_meeting(p, i, s, demo_weekday(day, pr->end), false);
			}
			for (int k = 0; k < ahead; k++) {
				int32_t day = p->today + 5 + (k + 1) * 50 / (ahead + 1);
				demo_plan_meeting(p, i, s, demo_weekday(day, p->today + 90), true);
			}
		}
	}
}

/* The n-th held meeting (0-based) of project i, in date order, at stage (or -1 for any). */
static struct demo_meeting *demo_find_held(struct demo_plan *p, int i, int stage, int n)
{
	struct demo_meeting *best = NULL;
	for (int k = 0; k <= n; k++) {
		struct demo_meeting *next = NULL;
		for (int j = 0; j < p->nmeetings; j++) {
			struct demo_meeting *m = &p->meetings[j];
			if (m->project != i || m->status != MEETING_HELD ||
			    (stage >= 0 && m->stage != stage))
				continue;
			if (best && (m->day < best->day ||
			             (m->day == best->day && m->order <= best->order)))
				continue;
			if (!next || m->day < next->day ||
			    (m->day == next->day && m->order < next->order))
				next = m;
		}
		if (!next)
			return NULL;
		best = next;
	}
	return best;
}

/* Book person into m whatever the usual limits (a story). */
static void demo_force(struct demo_meeting *m, int person)
{
	for (int k = 0; k < m->nforced; k++)
		if (m->forced[k] == person)
			return;
	if (m->nforced < DEMO_FORCED_MAX)
		m->forced[m->nforced++] = person;
}

/* ---- the stories: plan changes that make each rule fire (see the table at the top) ---- */

/* Home care bid scoring on three days of one week, Chen L. on the panel: benefits check. */
static void demo_story_panels(struct demo_plan *p)
{
	struct demo_meeting *first = demo_find_held(p, DEMO_P_HOME_CARE, STAGE_PROCUREMENT, 0);
	if (!first)
		return;
	int32_t monday = first->day - (date_weekday(first->day) - 1);
	for (int k = 0; k < 3; k++) {
		struct demo_meeting *m = demo_find_held(p, DEMO_P_HOME_CARE, STAGE_PROCUREMENT, k);
		if (!m)
			return;
		m->day = monday + k;
		m->method = METHOD_PANEL;
		m->level = "delegated_power";
		snprintf(m->title, sizeof m->title, "Home care: bid scoring panel, day %d", k + 1);
		m->purpose = "Service users and a carer score the bids to run home care alongside "
		             "officers, with an equal say in the marks for quality.";
		m->venue = "Town Hall, committee room 2";
		m->papers = monday - 14;
		char held[DATE_TEXT_SIZE];
		date_format(m->day, held);
		m->due = meeting_due_for(held);
		demo_force(m, SP_CHEN);
	}
}

/* Ann B. booked into six sessions within 30 days: person fatigue. */
static void demo_story_fatigue(struct demo_plan *p)
{
	int booked = 0;
	int32_t from = p->today - 80;
	for (int32_t day = from; day < from + 28 && booked < 6; day++)
		for (int j = 0; j < p->nmeetings && booked < 6; j++) {
			struct demo_meeting *m = &p->meetings[j];
			if (m->day != day || m->status != MEETING_HELD ||
			    !(demo_data_projects[m->project].families &
			      p->people[SP_ANN].families) ||
			    m->method == METHOD_SURVEY || m->method == METHOD_ONE_TO_ONE)
				continue;
			demo_force(m, SP_ANN);
			booked++;
			break;
		}
}

/* Short breaks: the same three at every meeting, nobody new: usual suspects, no newcomers. */
static void demo_story_regulars(struct demo_plan *p)
{
	for (int j = 0; j < p->nmeetings; j++) {
		struct demo_meeting *m = &p->meetings[j];
		if (m->project != DEMO_P_SHORT_BREAKS)
			continue;
		m->method = METHOD_MEETING;
		m->group = demo_data_projects[DEMO_P_SHORT_BREAKS].group;
		m->max_users = 5;
		m->flags |= MF_ESTABLISHED;
		demo_force(m, SP_ANN);
		demo_force(m, SP_TOMASZ);
		demo_force(m, SP_MARGARET);
	}
}

/* Out-of-hours GP: no purpose, then nothing open to change. */
static void demo_story_unclear(struct demo_plan *p)
{
	struct demo_meeting *m = demo_find_held(p, DEMO_P_GP_OOH, -1, 0);
	if (m)
		m->flags |= MF_NO_PURPOSE;
	m = demo_find_held(p, DEMO_P_GP_OOH, -1, 1);
	if (m)
		m->flags |= MF_NO_OPEN;
}

/* Meals on wheels: the last meeting well past its due date told nobody, answered nothing. */
static void demo_story_silence(struct demo_plan *p)
{
	struct demo_meeting *pick = NULL;
	for (int j = 0; j < p->nmeetings; j++) {
		struct demo_meeting *m = &p->meetings[j];
		if (m->project == DEMO_P_MEALS && m->status == MEETING_HELD &&
		    m->method != METHOD_ONE_TO_ONE && m->due < p->today - 10 &&
		    (!pick || m->day > pick->day))
			pick = m;
	}
	if (pick)
		pick->flags |= MF_NO_FEEDBACK | MF_ALL_PENDING;
}

/* A meeting whose feedback falls due within four days, nobody told yet: due soon. */
static void demo_story_due_soon(struct demo_plan *p)
{
	struct demo_meeting *pick = NULL;
	for (int j = 0; j < p->nmeetings; j++) {
		struct demo_meeting *m = &p->meetings[j];
		if (m->status == MEETING_HELD && m->method != METHOD_ONE_TO_ONE &&
		    m->due > p->today && m->due <= p->today + 4 &&
		    m->project != DEMO_P_SHORT_BREAKS && (!pick || m->order < pick->order))
			pick = m;
	}
	if (pick)
		pick->flags |= MF_NO_FEEDBACK;
}

/* Extra care housing: a one-user design panel, officers-only bid scoring, a late consultation. */
static void demo_story_extra_care(struct demo_plan *p)
{
	struct demo_meeting *m = demo_find_held(p, DEMO_P_EXTRA_CARE, STAGE_NEEDS, 1);
	if (m) {
		m->method = METHOD_PANEL;
		m->level = "consulting";
		m->max_users = 1;
		snprintf(m->title, sizeof m->title, "Extra care housing: design panel");
	}
	for (int j = 0; j < p->nmeetings; j++) {
		m = &p->meetings[j];
		if (m->project != DEMO_P_EXTRA_CARE || m->stage != STAGE_PROCUREMENT)
			continue;
		m->flags |= MF_OFFICERS;
		m->max_users = 0;
		m->method = METHOD_MEETING;
		m->level = "informing";
		m->group = -1;
		snprintf(m->title, sizeof m->title,
		         "Extra care housing: officers' scoring of contractor bids");
		m->purpose = "Officers score the contractor bids on price and quality.";
	}
	int site = -1;
	for (int d = 0; d < p->ndecisions; d++)
		if (p->decisions[d].project == DEMO_P_EXTRA_CARE &&
		    p->decisions[d].d->stage == STAGE_DECISIONS)
			site = d;
	if (site < 0)
		return;
	struct demo_meeting *late = NULL;
	for (int j = 0; j < p->nmeetings; j++) {
		m = &p->meetings[j];
		if (m->project == DEMO_P_EXTRA_CARE && m->status == MEETING_HELD &&
		    !(m->flags & MF_OFFICERS) && m->day > p->decisions[site].day &&
		    (!late || m->day < late->day))
			late = m;
	}
	if (late) {
		late->decision = site;
		late->method = METHOD_MEETING;
		late->level = "consulting";
		snprintf(late->title, sizeof late->title,
		         "Extra care housing: consultation on the Oakfield Road site");
		late->purpose = "Ask older people and their families what they think of building "
		                "the scheme on Oakfield Road.";
	}
}

/* Jargon left unexplained in two purposes. */
static void demo_story_jargon(struct demo_plan *p)
{
	struct demo_meeting *m = demo_find_held(p, DEMO_P_SUPPORTED_LIVING, STAGE_STRATEGY, 0);
	if (m)
		m->purpose = "Agree the market shaping approach for supported living and the "
		             "procurement timetable.";
	m = demo_find_held(p, DEMO_P_DEMENTIA, STAGE_TEST, 0);
	if (m)
		m->purpose = "Check the draft commissioning intentions against the JSNA and the "
		             "outcomes framework.";
}

/* Amélie D. at a Sensory services meeting with no interpreter booked: needs unmet. */
static void demo_story_interpreter(struct demo_plan *p)
{
	struct demo_meeting *m = demo_find_held(p, DEMO_P_SENSORY, STAGE_NEEDS, 1);
	if (!m)
		return;
	if (m->method == METHOD_ONE_TO_ONE || m->method == METHOD_SURVEY)
		m->method = METHOD_MEETING;
	demo_force(m, SP_AMELIE);
	m->unmet = SP_AMELIE;
	m->note = "The BSL interpreter was not booked, so Amélie D. could not follow the "
	          "meeting; she was offered a one-to-one with an interpreter instead.";
}

/* Eastbrook and Meals on wheels involve current users only; other redesigns do not. */
static bool demo_current_users_only(int project)
{
	return project == DEMO_P_EASTBROOK || project == DEMO_P_MEALS;
}

static void (*const demo_stories[])(struct demo_plan *p) = {
	demo_story_panels,     demo_story_regulars, demo_story_fatigue,
	demo_story_unclear,    demo_story_silence,  demo_story_due_soon,
	demo_story_extra_care, demo_story_jargon,   demo_story_interpreter,
};

/* Link each decision to the last held meeting of its stage before it (good practice). */
static void demo_link_decisions(struct demo_plan *p)
{
	for (int d = 0; d < p->ndecisions; d++) {
		const struct demo_decision *dd = &p->decisions[d];
		if (!dd->d->linked)
			continue;
		struct demo_meeting *last = NULL;
		for (int j = 0; j < p->nmeetings; j++) {
			struct demo_meeting *m = &p->meetings[j];
			if (m->project == dd->project && m->stage == dd->d->stage &&
			    m->status == MEETING_HELD && m->day <= dd->day && m->decision < 0 &&
			    !(m->flags & MF_OFFICERS) && (!last || m->day > last->day))
				last = m;
		}
		if (last)
			last->decision = d;
	}
}

/* Date order, then planning order, so the build is the same every time. */
static int demo_meeting_cmp(const void *a, const void *b)
{
	const struct demo_meeting *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* True when person u may be booked on day: at most four bookings in any 30 days. */
static bool demo_has_room(const struct demo_person *u, int32_t day)
{
	return u->nrecent < 4 || u->recent[0] <= day - 30;
}

/* Record a booking of person u on day (bookings come in date order). */
static void demo_note_booking(struct demo_person *u, int32_t day)
{
	if (u->first_booking == DATE_NONE)
		u->first_booking = day;
	if (u->nrecent == 4) {
		memmove(u->recent, u->recent + 1, 3 * sizeof *u->recent);
		u->nrecent = 3;
	}
	u->recent[u->nrecent++] = day;
}

/* The role person u takes at a meeting of project pr. */
static int demo_role_at(struct demo_rng *r, const struct demo_person *u,
                        const struct demo_project *pr)
{
	for (int role = ROLE_COMMISSIONER; role < ROLE_COUNT; role++)
		if (u->staff && (u->roles & (1u << role)))
			return role;
	bool carer = u->roles & (1u << ROLE_CARER);
	bool user = u->roles & (1u << ROLE_SERVICE_USER);
	if (carer && (!user || ((pr->t->families & DEMO_CARERS) && demo_permille(r, 500))))
		return ROLE_CARER;
	if (user)
		return ROLE_SERVICE_USER;
	return u->roles & (1u << ROLE_FUTURE_USER) ? ROLE_FUTURE_USER : ROLE_NON_USER;
}

/* True when person is already booked into the meeting being filled. */
static bool demo_booked(const struct demo_plan *p, const struct demo_meeting *m, int person)
{
	for (int k = 0; k < m->att_count; k++)
		if (p->atts[(size_t)m->att_first + (size_t)k].person == person)
			return true;
	return false;
}

/* Book person into meeting m. */
static void demo_book(struct demo_plan *p, struct demo_meeting *m, int person)
{
	struct demo_person *u = &p->people[person];
	const struct demo_project *pr = &p->projects[m->project];
	mem_grow((void **)&p->atts, &p->atts_cap, p->natts + 1, sizeof *p->atts);
	struct demo_att *a = &p->atts[p->natts++];
	m->att_count++;
	a->person = person;
	a->role = demo_role_at(&p->rng, u, pr);
	bool held = m->status == MEETING_HELD;
	a->attended = held && (u->staff || person < SP_COUNT || demo_permille(&p->rng, 950));
	a->needs_met = -1;
	if (held && a->attended && u->needs[0])
		a->needs_met = person == m->unmet ? 0 : !demo_permille(&p->rng, 10);
	a->papers_format = u->staff ? FORMAT_STANDARD : u->format;
	if (!u->staff && u->format != FORMAT_STANDARD && demo_permille(&p->rng, 20))
		a->papers_format = FORMAT_STANDARD;
	demo_note_booking(u, m->day);
}

/* Pick one more user for m from its project's pool; false when nobody fits. */
static bool demo_pick_user(struct demo_plan *p, struct demo_meeting *m, unsigned want_roles)
{
	const struct demo_project *pr = &p->projects[m->project];
	if (pr->npool == 0)
		return false;
	for (int tries = 0; tries < 60; tries++) {
		int k = pr->pool[demo_below(&p->rng, pr->npool)];
		const struct demo_person *u = &p->people[k];
		if (!(u->roles & want_roles) || demo_below(&p->rng, 10) >= u->weight ||
		    demo_booked(p, m, k) || !demo_has_room(u, m->day))
			continue;
		if (((m->flags & MF_ESTABLISHED) && !u->historical) || m->day < u->joins)
			continue;
		if (demo_current_users_only(m->project) &&
		    !(u->roles & ((1u << ROLE_SERVICE_USER) | (1u << ROLE_CARER))))
			continue;
		demo_book(p, m, k);
		return true;
	}
	return false;
}

/* Who came to each meeting, in date order so the limits on bookings hold. */
static void demo_plan_attendance(struct demo_plan *p)
{
	for (int j = 0; j < p->nmeetings; j++) {
		struct demo_meeting *m = &p->meetings[j];
		const struct demo_project *pr = &p->projects[m->project];
		m->att_first = (int)p->natts;
		m->att_count = 0;
		if (m->status == MEETING_CANCELLED)
			continue;
		if (m->flags & MF_OFFICERS) {
			demo_book(p, m, pr->lead);
			demo_book(p, m, p->commissioners[(m->project + 1) % DEMO_COMMISSIONERS]);
			continue;
		}
		if (m->method != METHOD_SURVEY)
			demo_book(p, m, pr->facilitator);
		bool lead = m->stage == STAGE_BUDGET || m->stage == STAGE_DECISIONS ||
		            m->stage == STAGE_PROCUREMENT || m->method == METHOD_PANEL;
		if (m->method != METHOD_SURVEY && (lead || demo_permille(&p->rng, 700)))
			demo_book(p, m, pr->lead);
		if ((m->stage == STAGE_MONITORING || m->stage == STAGE_COMMISSION ||
		     m->stage == STAGE_TEST) &&
		    demo_permille(&p->rng, 400))
			demo_book(p, m, pr->provider);
		for (int k = 0; k < m->nforced; k++)
			demo_book(p, m, m->forced[k]);
		const struct demo_method_size *size = &demo_method_sizes[m->method];
		int want = demo_between(&p->rng, size->lo, size->hi);
		if (m->max_users >= 0 && want > m->max_users)
			want = m->max_users;
		if (m->status == MEETING_PLANNED)
			want = (want + 1) / 2;
		want -= m->nforced;
		bool redesign =
		        pr->t->kind == PROJECT_REDESIGN || pr->t->kind == PROJECT_DECOMMISSIONING;
		if (redesign && !demo_current_users_only(m->project) && want > 1 &&
		    demo_permille(&p->rng, 500) &&
		    demo_pick_user(p, m, (1u << ROLE_FUTURE_USER) | (1u << ROLE_NON_USER)))
			want--;
		for (int k = 0; k < want; k++)
			if (!demo_pick_user(p, m, USER_ROLES))
				break;
	}
}

/* First involvement and consent dates, now that bookings are known. */
static void demo_plan_dates(struct demo_plan *p)
{
	for (int i = 0; i < DEMO_PEOPLE; i++) {
		struct demo_person *u = &p->people[i];
		int32_t first = u->first_booking;
		if (u->staff) {
			u->consent = p->today - demo_between(&p->rng, 300, 2000);
			continue;
		}
		if (u->families & DEMO_EASTBROOK)
			u->first_involved = p->today - demo_between(&p->rng, 1300, 3000);
		else if (u->historical || first == DATE_NONE)
			u->first_involved =
			        p->today -
			        demo_between(&p->rng, 400, first == DATE_NONE ? 700 : 2900);
		else
			u->first_involved = first;
		if (first != DATE_NONE && u->first_involved > first)
			u->first_involved = first;
		int32_t consent = u->first_involved + demo_between(&p->rng, 0, 20);
		if (first != DATE_NONE && consent > first)
			consent = first;
		u->consent = u->consent_missing ? DATE_NONE : consent;
	}
}

/* Plan authority number copy as of today. */
static void demo_plan(struct demo_plan *p, int copy, int32_t today)
{
	memset(p, 0, sizeof *p);
	p->copy = copy;
	p->today = today;
	p->rng.state = 0x1F2E3D4C5B6A7988u ^ ((uint64_t)(copy + 1) * 0x9E3779B97F4A7C15u);
	demo_plan_people(p);
	demo_plan_projects(p);
	demo_plan_decisions(p);
	demo_plan_meetings(p);
	for (size_t k = 0; k < sizeof demo_stories / sizeof *demo_stories; k++)
		demo_stories[k](p);
	demo_link_decisions(p);
	mem_sort(p->meetings, (size_t)p->nmeetings, sizeof *p->meetings, demo_meeting_cmp);
	demo_plan_attendance(p);
	demo_plan_dates(p);
}

static void demo_plan_free(struct demo_plan *p)
{
	for (int i = 0; i < DEMO_PROJECT_COUNT; i++)
		free(p->projects[i].pool);
	free(p->decisions);
	free(p->meetings);
	free(p->atts);
}

/* ---- writing the plan through the record API ---- */

/*
 * Ids: each kind's records take consecutive ids from a random block of 2^32
 * (a random 63-bit number with its low 32 bits cleared), so ids stay random
 * across databases while each table grows at its end. Random ids one by one
 * would scatter a million inserts over the whole file and make scale 100
 * several times slower and its file twice the size.
 */
struct demo_ids {
	const struct record_kind *kind;
	int64_t next;
};

struct demo_writer {
	struct store *s;
	struct error *err;
	struct demo_plan *p;
	struct demo_summary *sum;
	struct demo_ids *ids; /* one per kind of the registry */
};

/* The next id for a record of kind. */
static int64_t demo_id(struct demo_writer *w, const struct record_kind *kind)
{
	struct demo_ids *i = w->ids;
	while (i->kind != kind)
		i++;
	return i->next++;
}

/*
 * Save rec, a record of kind, with the next id through the record API; count
 * it in *count, give its id to *id (may be NULL) and clear rec either way.
 */
static enum error_code demo_save(struct demo_writer *w, const struct record_kind *kind, void *rec,
                                 int64_t *count, int64_t *id)
{
	struct record_head *h = rec;
	h->id = demo_id(w, kind);
	enum error_code code = record_create(w->s, kind, rec, w->err);
	if (id)
		*id = h->id;
	record_clear(kind, rec);
	if (code == ERROR_NONE)
		(*count)++;
	return code;
}

/* Set a text field from a format. */
static void demo_set(char **slot, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void demo_set(char **slot, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = mem_vprintf(fmt, ap);
	va_end(ap);
	free(*slot);
	*slot = text;
}

static enum error_code demo_write_groups(struct demo_writer *w)
{
	for (int g = 0; g < DEMO_GROUP_COUNT; g++) {
		const struct demo_data_group *t = &demo_data_groups[g];
		struct group r;
		group_init(&r);
		mem_replace(&r.name, w->p->group_names[g]);
		r.kind = t->kind;
		r.relation = t->relation;
		mem_replace(&r.host, t->host);
		mem_replace(&r.notes, t->notes);
		char contact[48];
		demo_contact(&w->p->rng, contact, sizeof contact);
		mem_replace(&r.contact, contact);
		enum error_code code =
		        demo_save(w, &group_kind, &r, &w->sum->groups, &w->p->group_ids[g]);
		if (code != ERROR_NONE)
			return code;
	}
	return ERROR_NONE;
}

static enum error_code demo_write_people(struct demo_writer *w)
{
	for (int i = 0; i < DEMO_PEOPLE; i++) {
		struct demo_person *u = &w->p->people[i];
		struct person r;
		person_init(&r);
		mem_replace(&r.name, u->name);
		r.roles = u->roles;
		r.preferred_format = u->format;
		mem_replace(&r.language, u->language ? u->language : "");
		mem_replace(&r.contact, u->contact);
		mem_replace(&r.support_needs, u->needs);
		r.benefits_concern = u->benefits;
		date_format(u->consent, r.consent_on);
		if (u->consent != DATE_NONE)
			mem_replace(&r.consent_scope,
			            u->staff ? "Work contact details, kept while in post"
			                     : demo_data_consent_scopes[u->consent_scope]);
		date_format(u->first_involved, r.first_involved_on);
		mem_replace(&r.tags, u->tags);
		mem_replace(&r.notes, u->notes ? u->notes : "");
		r.anonymised = u->anonymised;
		enum error_code code = demo_save(w, &person_kind, &r, &w->sum->people, &u->id);
		if (code != ERROR_NONE)
			return code;
	}
	return ERROR_NONE;
}

/* One stage record with its agreement as the content says. */
static enum error_code demo_write_stage(struct demo_writer *w, const struct demo_project *pr, int s)
{
	const struct demo_data_stage *t = &pr->t->stages[s];
	const struct demo_data_agreement *a = &demo_data_agreements[t->stage];
	struct stage r;
	stage_init(&r);
	r.project_id = pr->id;
	r.stage = t->stage;
	r.status = t->status;
	if (t->agreement != DEMO_UNAGREED) {
		demo_set(&r.purpose, a->purpose, pr->t->plain);
		mem_replace(&r.users_role, a->users_role);
		date_format(t->stage == STAGE_FRAMEWORK ? pr->start : pr->windows[s].from,
		            r.agreed_on);
		if (pr->t->group >= 0)
			demo_set(&r.agreed_with, "Members of %s and the lead commissioner",
			         w->p->group_names[pr->t->group]);
		else
			mem_replace(&r.agreed_with,
			            "The people taking part and the lead commissioner");
	}
	if (t->agreement == DEMO_AGREED) {
		mem_replace(&r.open_to_change, a->open);
		mem_replace(&r.not_open_to_change, a->not_open);
		mem_replace(&r.who_decides, a->who_decides);
	}
	if (t->stage == STAGE_REVIEW && t->status == STAGE_DONE) {
		mem_replace(&r.what_worked, demo_data_review_worked);
		mem_replace(&r.what_got_in_the_way, demo_data_review_hindered);
	}
	if (t->status == STAGE_SKIPPED)
		mem_replace(&r.notes, "Skipped: no contract was awarded, so there was nothing to "
		                      "commission yet.");
	return demo_save(w, &stage_kind, &r, &w->sum->stages, NULL);
}

/* A date a share of the way through a project's time, or "" after today. */
static int32_t demo_project_day(const struct demo_project *pr, int percent)
{
	return pr->start + (int32_t)((int64_t)(pr->end - pr->start) * percent / 100);
}

/* day + after, or DATE_NONE when never (after < 0) or not yet (after today). */
static int32_t demo_later(int32_t day, int after, int32_t today)
{
	return after < 0 || day + after >= today ? DATE_NONE : day + after;
}

static enum error_code demo_write_projects(struct demo_writer *w)
{
	struct demo_plan *p = w->p;
	for (int i = 0; i < DEMO_PROJECT_COUNT; i++) {
		struct demo_project *pr = &p->projects[i];
		struct project r;
		project_init(&r);
		mem_replace(&r.title, pr->title);
		r.kind = pr->t->kind;
		mem_replace(&r.service_area, pr->t->area);
		mem_replace(&r.lead, p->people[pr->lead].name);
		date_format(pr->start, r.started_on);
		if (pr->t->closed_ago)
			date_format(pr->end, r.closed_on);
		mem_replace(&r.notes, pr->t->notes ? pr->t->notes : "");
		enum error_code code = demo_save(w, &project_kind, &r, &w->sum->projects, &pr->id);
		if (code != ERROR_NONE)
			return code;
		for (int s = 0; s < pr->t->nstages; s++)
			if ((code = demo_write_stage(w, pr, s)) != ERROR_NONE)
				return code;
		for (int b = 0; b < DEMO_MAX_BUDGETS && pr->t->budgets[b].at_percent; b++) {
			const struct demo_data_budget *t = &pr->t->budgets[b];
			struct budget_event e;
			budget_event_init(&e);
			e.project_id = pr->id;
			int32_t day = demo_weekday(demo_project_day(pr, t->at_percent), pr->end);
			date_format(day, e.occurred_on);
			e.kind = t->kind;
			e.amount_pence = t->pence;
			mem_replace(&e.reason, t->reason ? t->reason : "");
			date_format(demo_later(day, t->told_after, p->today), e.told_on);
			code = demo_save(w, &budget_event_kind, &e, &w->sum->budget_events, NULL);
			if (code != ERROR_NONE)
				return code;
		}
		const struct demo_data_pressure *t = &pr->t->pressure;
		if (t->summary) {
			struct pressure e;
			pressure_init(&e);
			e.project_id = pr->id;
			int32_t day = demo_weekday(demo_project_day(pr, t->at_percent), pr->end);
			date_format(day, e.noted_on);
			mem_replace(&e.source, t->source);
			mem_replace(&e.summary, t->summary);
			mem_replace(&e.impact, t->impact);
			date_format(demo_later(day, t->shared_after, p->today), e.shared_on);
			code = demo_save(w, &pressure_kind, &e, &w->sum->pressures, NULL);
			if (code != ERROR_NONE)
				return code;
		}
	}
	return ERROR_NONE;
}

static enum error_code demo_write_decisions(struct demo_writer *w)
{
	for (int d = 0; d < w->p->ndecisions; d++) {
		struct demo_decision *dd = &w->p->decisions[d];
		struct decision r;
		decision_init(&r);
		r.project_id = w->p->projects[dd->project].id;
		r.stage = dd->d->stage;
		mem_replace(&r.title, dd->d->title);
		date_format(dd->day, r.decided_on);
		mem_replace(&r.decided_by, dd->d->decided_by);
		mem_replace(&r.summary, dd->d->summary);
		r.users_present = dd->d->users_present;
		r.users_view_followed = dd->d->followed;
		r.appeal_route_given = dd->d->appeal != NULL;
		mem_replace(&r.appeal_route, dd->d->appeal ? dd->d->appeal : "");
		enum error_code code =
		        demo_save(w, &decision_kind, &r, &w->sum->decisions, &dd->id);
		if (code != ERROR_NONE)
			return code;
	}
	return ERROR_NONE;
}

/* What was said at one meeting, counted by response for the feedback letters. */
struct demo_tally {
	int said, by_response[5];
};

/* True when a said entry suits a project of these families. */
static bool demo_said_fits(const struct demo_data_said *d, unsigned families)
{
	return d->families == DEMO_ALL || (d->families & families);
}

/* The response to a contribution at m: mostly answered once feedback falls due. */
static int demo_pick_response(struct demo_writer *w, const struct demo_meeting *m)
{
	struct demo_rng *r = &w->p->rng;
	if (m->flags & MF_ALL_PENDING)
		return RESPONSE_PENDING;
	if (m->due >= w->p->today && demo_permille(r, 650))
		return RESPONSE_PENDING;
	int x = demo_below(r, 1000);
	if (m->due < w->p->today && x < 30)
		return RESPONSE_PENDING;
	return x < 380   ? RESPONSE_ADOPTED
	       : x < 620 ? RESPONSE_PARTLY
	       : x < 800 ? RESPONSE_NOT_POSSIBLE
	                 : RESPONSE_ALREADY_HAPPENING;
}

/* The decision a contribution at m fed into, or 0. */
static int64_t demo_decision_for(struct demo_writer *w, const struct demo_meeting *m)
{
	for (int d = 0; d < w->p->ndecisions; d++) {
		const struct demo_decision *dd = &w->p->decisions[d];
		if (dd->project == m->project && dd->d->stage == m->stage && dd->d->linked &&
		    dd->day >= m->day)
			return dd->id;
	}
	return 0;
}

/* One contribution by person (or anonymous when person < 0) at m. */
static enum error_code demo_write_contribution(struct demo_writer *w, const struct demo_meeting *m,
                                               int person, struct demo_tally *tally)
{
	struct demo_plan *p = w->p;
	unsigned families = demo_data_projects[m->project].families;
	const struct demo_data_said *d;
	do
		d = &demo_data_said[demo_below(&p->rng, (int)demo_data_said_count)];
	while (!demo_said_fits(d, families));
	struct contribution r;
	contribution_init(&r);
	r.meeting_id = m->id;
	r.person_id = person >= 0 ? p->people[person].id : 0;
	mem_replace(&r.said, d->said);
	mem_replace(&r.theme, d->theme);
	r.response = demo_pick_response(w, m);
	static const size_t texts[] = {
		[RESPONSE_ADOPTED] = offsetof(struct demo_data_said, adopted),
		[RESPONSE_PARTLY] = offsetof(struct demo_data_said, partly),
		[RESPONSE_NOT_POSSIBLE] = offsetof(struct demo_data_said, not_possible),
		[RESPONSE_ALREADY_HAPPENING] = offsetof(struct demo_data_said, already),
	};
	static const size_t reasons[] = {
		[RESPONSE_PARTLY] = offsetof(struct demo_data_said, partly_reason),
		[RESPONSE_NOT_POSSIBLE] = offsetof(struct demo_data_said, not_possible_reason),
		[RESPONSE_ALREADY_HAPPENING] = offsetof(struct demo_data_said, already_reason),
	};
	if (r.response != RESPONSE_PENDING) {
		mem_replace(&r.response_text,
		            *(const char *const *)((const char *)d + texts[r.response]));
		if (r.response != RESPONSE_ADOPTED)
			mem_replace(&r.reason,
			            *(const char *const *)((const char *)d + reasons[r.response]));
		bool refusal = r.response == RESPONSE_PARTLY || r.response == RESPONSE_NOT_POSSIBLE;
		if (refusal && m->project == DEMO_P_GP_OOH && p->missing_reasons < 2) {
			mem_replace(&r.reason, "");
			p->missing_reasons++;
		}
		int32_t last = m->due < p->today ? m->due : p->today - 1;
		date_format(demo_between(&p->rng, m->day + 1 < last ? m->day + 1 : last, last),
		            r.responded_on);
		if (demo_permille(&p->rng, 500))
			r.decision_id = demo_decision_for(w, m);
	}
	tally->said++;
	tally->by_response[r.response]++;
	return demo_save(w, &contribution_kind, &r, &w->sum->contributions, NULL);
}

/* The usual way to send feedback in format f. */
static int demo_feedback_method(struct demo_rng *r, int f)
{
	static const int standard[] = { FEEDBACK_LETTER, FEEDBACK_EMAIL,   FEEDBACK_EMAIL,
		                        FEEDBACK_PHONE,  FEEDBACK_MEETING, FEEDBACK_TEXT_MESSAGE };
	switch (f) {
	case FORMAT_STANDARD:
		return standard[demo_below(r, 6)];
	case FORMAT_AUDIO:
		return demo_permille(r, 500) ? FEEDBACK_PHONE : FEEDBACK_OTHER;
	case FORMAT_BSL:
		return demo_permille(r, 600) ? FEEDBACK_IN_PERSON : FEEDBACK_OTHER;
	case FORMAT_TRANSLATED:
		return demo_permille(r, 700) ? FEEDBACK_LETTER : FEEDBACK_PHONE;
	default:
		return demo_permille(r, 850) ? FEEDBACK_LETTER : FEEDBACK_IN_PERSON;
	}
}

enum { FB_ON_TIME, FB_LATE, FB_SOME_MISSED, FB_NONE };

/* How feedback for m went: on time, late, some people missed, nobody told. */
static int demo_feedback_plan(struct demo_writer *w, const struct demo_meeting *m)
{
	struct demo_rng *r = &w->p->rng;
	if (m->flags & MF_NO_FEEDBACK)
		return FB_NONE;
	if (m->due >= w->p->today)
		return demo_permille(r, 300) ? FB_ON_TIME : FB_NONE;
	int x = demo_below(r, 1000);
	return x < 880 ? FB_ON_TIME : x < 940 ? FB_LATE : x < 980 ? FB_SOME_MISSED : FB_NONE;
}

/* Feedback to every participant of m who came, as plan says. */
static enum error_code demo_write_feedback(struct demo_writer *w, const struct demo_meeting *m,
                                           const struct demo_tally *t)
{
	struct demo_plan *p = w->p;
	int plan = demo_feedback_plan(w, m);
	if (plan == FB_NONE)
		return ERROR_NONE;
	int missed = plan == FB_SOME_MISSED ? demo_between(&p->rng, 1, 2) : 0;
	for (int k = 0; k < m->att_count; k++) {
		const struct demo_att *a = &p->atts[(size_t)m->att_first + (size_t)k];
		struct demo_person *u = &p->people[a->person];
		if (u->staff || !a->attended)
			continue;
		if (missed > 0 && demo_permille(&p->rng, 400)) {
			missed--;
			continue;
		}
		int32_t last = m->due < p->today ? m->due : p->today - 1;
		int32_t day = demo_between(&p->rng, m->day + 3 < last ? m->day + 3 : last, last);
		if (plan == FB_LATE && m->due + 3 < p->today)
			day = demo_between(&p->rng, m->due + 3,
			                   m->due + 25 < p->today ? m->due + 25 : p->today - 1);
		struct feedback r;
		feedback_init(&r);
		r.meeting_id = m->id;
		r.person_id = u->id;
		date_format(day, r.given_on);
		r.format = u->format;
		if (u->story_wrong_format ||
		    (u->format != FORMAT_STANDARD && demo_permille(&p->rng, 10))) {
			r.format = FORMAT_STANDARD;
			u->story_wrong_format = false;
		}
		r.method = demo_feedback_method(&p->rng, r.format);
		if (t->said)
			demo_set(&r.summary,
			         "You said %d things at %s. We did: %d changed as you asked, %d "
			         "partly, %d not possible (with the reasons why), %d already "
			         "happening, %d still being looked at.",
			         t->said, m->title, t->by_response[RESPONSE_ADOPTED],
			         t->by_response[RESPONSE_PARTLY],
			         t->by_response[RESPONSE_NOT_POSSIBLE],
			         t->by_response[RESPONSE_ALREADY_HAPPENING],
			         t->by_response[RESPONSE_PENDING]);
		else
			demo_set(&r.summary,
			         "Thank you for taking part in %s: the notes and what "
			         "happens next.",
			         m->title);
		enum error_code code = demo_save(w, &feedback_kind, &r, &w->sum->feedback, NULL);
		if (code != ERROR_NONE)
			return code;
	}
	return ERROR_NONE;
}

/* The fee for a meeting of this method, in pence. */
static const int64_t demo_fees[] = {
	[METHOD_MEETING] = 3000,    [METHOD_WORKSHOP] = 6000, [METHOD_SURVEY] = 1000,
	[METHOD_ONE_TO_ONE] = 2000, [METHOD_PANEL] = 7500,    [METHOD_VISIT] = 4000,
	[METHOD_OTHER] = 3000,
};

/* Pence paid to u with a meeting day in (day - 14, day]. */
static int64_t demo_paid_lately(const struct demo_person *u, int32_t day)
{
	int64_t sum = 0;
	for (int k = 0; k < u->npaid; k++)
		if (u->paid_day[k] > day - 14)
			sum += u->paid_pence[k];
	return sum;
}

/* Remember a payment to u for the weekly limit. */
static void demo_note_paid(struct demo_person *u, int32_t day, int64_t pence)
{
	if (u->npaid == 8) {
		memmove(u->paid_day, u->paid_day + 1, 7 * sizeof *u->paid_day);
		memmove(u->paid_pence, u->paid_pence + 1, 7 * sizeof *u->paid_pence);
		u->npaid = 7;
	}
	u->paid_day[u->npaid] = day;
	u->paid_pence[u->npaid++] = pence;
}

/* One payment record. */
static enum error_code demo_write_payment(struct demo_writer *w, const struct demo_meeting *m,
                                          struct demo_person *u, int kind, int64_t pence,
                                          bool declined)
{
	struct demo_plan *p = w->p;
	struct payment r;
	payment_init(&r);
	r.person_id = u->id;
	r.meeting_id = m->id;
	r.kind = kind;
	r.amount_pence = pence;
	r.declined = declined;
	if (!declined) {
		int32_t claimed = m->day + demo_between(&p->rng, 0, 3);
		if (claimed >= p->today)
			claimed = m->day;
		date_format(claimed, r.claimed_on);
		const struct calendar *cal = NULL;
		int32_t deadline = date_add_working_days(claimed, 20, cal);
		int32_t paid;
		int x = demo_below(&p->rng, 1000);
		if (u->benefits == 1 || u->story_no_limit)
			paid = date_add_working_days(claimed, 8, cal);
		else if (u->story_unpaid && deadline < p->today - 5) {
			paid = DATE_NONE;
			u->story_unpaid = false;
		} else if (deadline >= p->today)
			paid = x < 600 ? date_add_working_days(claimed,
			                                       demo_between(&p->rng, 3, 18), cal)
			               : DATE_NONE;
		else
			paid = x < 970   ? date_add_working_days(claimed,
			                                         demo_between(&p->rng, 3, 18), cal)
			       : x < 985 ? date_add_working_days(claimed,
			                                         demo_between(&p->rng, 22, 40), cal)
			                 : DATE_NONE;
		if (paid != DATE_NONE && paid >= p->today)
			paid = DATE_NONE;
		date_format(paid, r.paid_on);
		demo_note_paid(u, m->day, pence);
	}
	return demo_save(w, &payment_kind, &r, &w->sum->payments, NULL);
}

/* Fees and expenses for everyone who came to m and is not staff. */
static enum error_code demo_write_payments(struct demo_writer *w, const struct demo_meeting *m)
{
	struct demo_plan *p = w->p;
	enum error_code code = ERROR_NONE;
	for (int k = 0; k < m->att_count && code == ERROR_NONE; k++) {
		const struct demo_att *a = &p->atts[(size_t)m->att_first + (size_t)k];
		struct demo_person *u = &p->people[a->person];
		if (u->staff || !a->attended)
			continue;
		bool recent = m->day > p->today - 11;
		if (u->story_not_offered && !recent) {
			u->story_not_offered = false;
			continue;
		}
		if (recent ? demo_permille(&p->rng, 300) : demo_permille(&p->rng, 20))
			continue;
		int64_t fee = demo_fees[m->method];
		int64_t travel =
		        demo_permille(&p->rng, 550) ? 240 + 20 * demo_below(&p->rng, 63) : 0;
		int64_t cover = a->role == ROLE_CARER && demo_permille(&p->rng, 300)
		                        ? 2400 + 600 * demo_below(&p->rng, 5)
		                        : 0;
		int64_t other = demo_permille(&p->rng, 30) ? 650 : 0;
		bool limit = u->benefits == 1 && !u->story_no_limit;
		bool decline =
		        demo_permille(&p->rng, 60) ||
		        (limit && demo_paid_lately(u, m->day) + fee + travel + cover + other >
		                          DEMO_SAFE_LIMIT);
		code = demo_write_payment(w, m, u, PAYMENT_FEE, fee, decline);
		if (limit && demo_paid_lately(u, m->day) + travel + cover + other > DEMO_SAFE_LIMIT)
			travel = cover = other = 0;
		if (code == ERROR_NONE && travel)
			code = demo_write_payment(w, m, u, PAYMENT_TRAVEL, travel, false);
		if (code == ERROR_NONE && cover)
			code = demo_write_payment(w, m, u, PAYMENT_CARE_COVER, cover, false);
		if (code == ERROR_NONE && other)
			code = demo_write_payment(w, m, u, PAYMENT_OTHER, other, false);
	}
	return code;
}

/* A commitment made at m, for about two in five meetings held. */
static enum error_code demo_write_action(struct demo_writer *w, const struct demo_meeting *m)
{
	struct demo_plan *p = w->p;
	if (!demo_permille(&p->rng, 400))
		return ERROR_NONE;
	const struct demo_project *pr = &p->projects[m->project];
	struct action r;
	action_init(&r);
	r.project_id = pr->id;
	r.meeting_id = m->id;
	mem_replace(&r.summary,
	            demo_data_actions[demo_below(&p->rng, demo_count(demo_data_actions))]);
	mem_replace(&r.owner,
	            p->people[demo_permille(&p->rng, 500) ? pr->facilitator : pr->lead].name);
	int32_t due = m->day + demo_between(&p->rng, 10, 35);
	date_format(due, r.due_on);
	bool done = due < p->today ? demo_permille(&p->rng, 850) : demo_permille(&p->rng, 300);
	if (done) {
		int32_t last = due + 5 < p->today ? due + 5 : p->today - 1;
		int32_t first = m->day + 2 < last ? m->day + 2 : last;
		date_format(demo_between(&p->rng, first, last), r.done_on);
	}
	return demo_save(w, &action_kind, &r, &w->sum->actions, NULL);
}

/* The meeting record itself. */
static enum error_code demo_write_meeting_record(struct demo_writer *w, struct demo_meeting *m)
{
	struct demo_plan *p = w->p;
	const struct demo_project *pr = &p->projects[m->project];
	struct meeting r;
	meeting_init(&r);
	r.project_id = pr->id;
	r.stage = m->stage;
	mem_replace(&r.title, m->title);
	date_format(m->day, r.held_on);
	r.status = m->status;
	r.method = m->method;
	mem_replace(&r.level, m->level);
	if (!(m->flags & MF_NO_PURPOSE)) {
		if (m->purpose)
			mem_replace(&r.purpose, m->purpose);
		else
			demo_set(&r.purpose, m->spec->purpose, pr->t->plain);
	}
	if (!(m->flags & MF_NO_OPEN))
		mem_replace(&r.open_to_change,
		            (m->flags & MF_OFFICERS) ? "The scores." : m->spec->open);
	mem_replace(&r.not_open_to_change, m->spec->not_open);
	mem_replace(&r.venue, m->venue);
	r.venue_accessible = m->venue_accessible;
	date_format(m->papers, r.papers_sent_on);
	mem_replace(&r.convenor, p->people[pr->facilitator].name);
	if (m->status == MEETING_HELD) {
		int came = 0, users = 0;
		for (int k = 0; k < m->att_count; k++) {
			const struct demo_att *a = &p->atts[(size_t)m->att_first + (size_t)k];
			came += a->attended;
			users += a->attended &&
			         (a->role == ROLE_SERVICE_USER || a->role == ROLE_CARER);
		}
		demo_set(&r.notes, "%d people took part, %d of them service users or carers. %s",
		         came, users,
		         m->note ? m->note
		                 : demo_data_notes[demo_below(&p->rng,
		                                              demo_count(demo_data_notes))]);
	} else if (m->status == MEETING_CANCELLED) {
		mem_replace(&r.notes, "Cancelled: the venue was double-booked; everyone was phoned "
		                      "the day before.");
	}
	r.decision_id = m->decision >= 0 ? p->decisions[m->decision].id : 0;
	r.group_id = m->group >= 0 ? p->group_ids[m->group] : 0;
	return demo_save(w, &meeting_kind, &r, &w->sum->meetings, &m->id);
}

/* A meeting and everything that hangs from it: attendance, what was said, feedback, payments. */
static enum error_code demo_write_meeting(struct demo_writer *w, struct demo_meeting *m)
{
	struct demo_plan *p = w->p;
	enum error_code code = demo_write_meeting_record(w, m);
	for (int k = 0; k < m->att_count && code == ERROR_NONE; k++) {
		const struct demo_att *a = &p->atts[(size_t)m->att_first + (size_t)k];
		struct attendance r;
		attendance_init(&r);
		r.meeting_id = m->id;
		r.person_id = p->people[a->person].id;
		r.role = a->role;
		r.attended = a->attended;
		r.needs_met = a->needs_met;
		r.papers_format = a->papers_format;
		code = demo_save(w, &attendance_kind, &r, &w->sum->attendances, NULL);
	}
	if (code != ERROR_NONE || m->status != MEETING_HELD)
		return code;
	struct demo_tally tally = { 0 };
	for (int k = 0; k < m->att_count && code == ERROR_NONE; k++) {
		const struct demo_att *a = &p->atts[(size_t)m->att_first + (size_t)k];
		if (p->people[a->person].staff || !a->attended)
			continue;
		int x = demo_below(&p->rng, 100);
		int n = x < 25 ? 0 : x < 80 ? 1 : x < 95 ? 2 : 3;
		bool anonymous = m->method == METHOD_SURVEY && demo_permille(&p->rng, 500);
		for (int j = 0; j < n && code == ERROR_NONE; j++)
			code = demo_write_contribution(w, m, anonymous ? -1 : a->person, &tally);
	}
	if (code == ERROR_NONE)
		code = demo_write_feedback(w, m, &tally);
	if (code == ERROR_NONE)
		code = demo_write_payments(w, m);
	if (code == ERROR_NONE)
		code = demo_write_action(w, m);
	return code;
}

/* Write one planned authority. */
static enum error_code demo_write(struct demo_writer *w)
{
	enum error_code code = demo_write_groups(w);
	if (code == ERROR_NONE)
		code = demo_write_people(w);
	if (code == ERROR_NONE)
		code = demo_write_projects(w);
	if (code == ERROR_NONE)
		code = demo_write_decisions(w);
	for (int j = 0; j < w->p->nmeetings && code == ERROR_NONE; j++)
		code = demo_write_meeting(w, &w->p->meetings[j]);
	return code;
}

enum error_code demo_count_records(struct store *s, int64_t *count, struct error *err)
{
	*count = 0;
	for (int k = 0; registry_kinds[k]; k++) {
		int64_t n = 0;
		struct record_query q = { 0 };
		enum error_code code = record_count(s, registry_kinds[k], &q, &n, err);
		if (code != ERROR_NONE)
			return code;
		*count += n;
	}
	return ERROR_NONE;
}

/* The integer value of a pragma, or fallback when it cannot be read. */
static int64_t demo_pragma(struct store *s, const char *name, int64_t fallback)
{
	char *sql = mem_printf("PRAGMA %s", name);
	sqlite3_stmt *st = store_prepare_fresh(s, sql, NULL);
	free(sql);
	int64_t value = fallback;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		value = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return value;
}

/* The connection settings demo_tune changes, to put them back. */
struct demo_settings {
	int64_t temp_store, cache_size, ignore_check;
};

/*
 * Set the connection up for one very large transaction, or back as it was.
 * Each insert fires an audit trigger, so SQLite keeps a statement journal:
 * in a temporary file by default, that is five page writes per record. The
 * schema's CHECK constraints each build a temporary table per insert to test
 * "IN (...)", a third of the build's time; every value the demo writes has
 * already passed record_validate (choices, dates, booleans), so they are not
 * checked twice here, and the unit tests run PRAGMA integrity_check, which
 * checks every CHECK constraint, on a built demo. NOT NULL, UNIQUE and
 * foreign keys are enforced as always.
 */
static void demo_tune(struct store *s, bool on, struct demo_settings *was)
{
	if (on) {
		was->temp_store = demo_pragma(s, "temp_store", 0);
		was->cache_size = demo_pragma(s, "cache_size", -2000);
		was->ignore_check = demo_pragma(s, "ignore_check_constraints", 0);
		store_exec(s,
		           "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536; "
		           "PRAGMA ignore_check_constraints = ON",
		           NULL);
	} else {
		char *sql = mem_printf("PRAGMA temp_store = %lld; PRAGMA cache_size = %lld; "
		                       "PRAGMA ignore_check_constraints = %lld",
		                       (long long)was->temp_store, (long long)was->cache_size,
		                       (long long)was->ignore_check);
		store_exec(s, sql, NULL);
		free(sql);
	}
}

enum error_code demo_build(struct store *s, int scale, int32_t today, struct demo_summary *out,
                           struct error *err)
{
	struct demo_summary sum = { 0 };
	if (out)
		*out = sum;
	if (scale < 1 || scale > DEMO_SCALE_MAX)
		return error_set(err, ERROR_INVALID,
		                 "The demo scale must be a whole number from 1 to %d, not %d",
		                 DEMO_SCALE_MAX, scale);
	int64_t existing = 0;
	enum error_code code = demo_count_records(s, &existing, err);
	if (code != ERROR_NONE)
		return code;
	if (existing > 0)
		return error_set(err, ERROR_DUPLICATE,
		                 "%s already holds %lld records, so the demo was not built (demo "
		                 "data is never mixed into real data); give a new file with --db",
		                 store_path(s), (long long)existing);
	struct demo_settings was;
	demo_tune(s, true, &was);
	if ((code = store_begin(s, err)) != ERROR_NONE) {
		demo_tune(s, false, &was);
		return code;
	}
	size_t nkinds = 0;
	while (registry_kinds[nkinds])
		nkinds++;
	struct demo_ids *ids = mem_calloc(nkinds, sizeof *ids);
	for (size_t k = 0; k < nkinds; k++) {
		ids[k].kind = registry_kinds[k];
		ids[k].next = store_new_id(s, registry_kinds[k]->table) & ~(int64_t)0xFFFFFFFF;
		if (ids[k].next == 0)
			ids[k].next = (int64_t)1 << 32;
	}
	struct demo_plan *plan = mem_alloc(sizeof *plan);
	for (int copy = 0; copy < scale && code == ERROR_NONE; copy++) {
		demo_plan(plan, copy, today);
		struct demo_writer w = { s, err, plan, &sum, ids };
		code = demo_write(&w);
		demo_plan_free(plan);
	}
	free(plan);
	free(ids);
	if (code == ERROR_NONE)
		code = store_commit(s, err);
	else
		store_rollback(s);
	demo_tune(s, false, &was);
	if (code == ERROR_NONE && out)
		*out = sum;
	return code;
}
