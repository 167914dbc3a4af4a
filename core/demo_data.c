/* SPDX-License-Identifier: GPL-3.0-or-later */
/* demo_data: the demo database's word lists and stories, as constant tables. */
#include "demo_data.h"

#include "budget_event.h"
#include "decision.h"
#include "group.h"
#include "meeting.h"
#include "project.h"
#include "stage.h"
#include "vocab.h"

/* Shorthands for the tables below. */
#define ST(key, status, agreement, weight)                                                         \
	{                                                                                          \
		STAGE_##key, STAGE_##status, DEMO_##agreement, weight                              \
	}
#define FOLLOWED(x) DECISION_FOLLOWED_##x

/*
 * One local authority's year. The stories come from the sources: the meals on
 * wheels budget cut halfway through a consultation (Schehrer & Sexton 2010,
 * A:1142), the carers' strategy whose support worker post was deleted after
 * carers' feedback (A:1176), the day centre commissioned to close itself over a
 * three-year contract (A:1178), Somali users rejecting a bidder for a culturally
 * specific day service so no award was made (A:1164), the GP services
 * consultation with no agreed framework that users left as tokenistic
 * (A:1075-1089), the dementia service whose users were found through an older
 * people's network (A:1128).
 */
const struct demo_data_project demo_data_projects[DEMO_PROJECT_COUNT] = {
	[DEMO_P_DAY_OPPS] = {
		.title = "Day opportunities redesign",
		.label = "Day opportunities",
		.plain = "day opportunities for adults with learning disabilities and older people",
		.area = "Adult social care: learning disability and older people",
		.kind = PROJECT_REDESIGN,
		.families = DEMO_LD | DEMO_OLDER | DEMO_CARERS,
		.group = 4,
		.meetings = 38,
		.start_ago = 340,
		.notes = "Moving from two large day centres to a mix of community sessions and a "
			 "smaller building base. Future users (young people leaving college) and "
			 "people who chose not to use day centres are part of the work.",
		.nstages = 7,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 2), ST(CONTEXT, DONE, AGREED, 2),
			    ST(NEEDS, DONE, AGREED, 5), ST(BUDGET, DONE, AGREED, 2),
			    ST(PRIORITIES, DONE, AGREED, 3), ST(TEST, ACTIVE, AGREED, 4),
			    ST(DECISIONS, NOT_STARTED, UNAGREED, 0) },
		.decisions = {
			{ STAGE_PRIORITIES, "Agree the three priorities for day opportunities",
			  "Day opportunities working group (users, carers and officers)",
			  "Community sessions, a smaller building base with changing facilities, and "
			  "help with transport came first, as people asked.",
			  1, FOLLOWED(YES), NULL, 1 },
			{ STAGE_BUDGET, "Accept a £150,000 saving from day service transport",
			  "Cabinet",
			  "The minibus fleet is cut from six to four; people who cannot use buses keep "
			  "door-to-door transport. Users had asked for no cut to transport.",
			  0, FOLLOWED(NO),
			  "Write to the complaints team at the council, or ask your ward councillor to "
			  "call the decision in within 5 working days; the convenor can help.",
			  1 },
		},
		.budgets = {
			{ BUDGET_DISCLOSED, 20, 240000000, "The full budget for both day centres and "
			  "transport, shared at the first budget meeting.", 0 },
			{ BUDGET_CHANGED, 60, 15000000, "Saving from transport agreed by full council "
			  "in February.", 2 },
		},
		.pressure = { 30, "Government",
			      "New national guidance on day opportunities and community-based support",
			      "The redesign must show how people choose activities in the community.",
			      10 },
	},
	[DEMO_P_CARERS] = {
		.title = "Carers' strategy 2026 to 2029",
		.label = "Carers' strategy",
		.plain = "support for carers",
		.area = "Carers' support",
		.kind = PROJECT_REVIEW,
		.families = DEMO_CARERS,
		.group = 0,
		.meetings = 30,
		.start_ago = 360,
		.notes = "Refreshing the three-year carers' strategy with Carers' Voice. The draft "
			 "included a paid involvement support worker; carers asked for the money "
			 "to go to breaks instead.",
		.nstages = 6,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 2), ST(NEEDS, DONE, AGREED, 5),
			    ST(PRIORITIES, DONE, AGREED, 3), ST(STRATEGY, DONE, AGREED, 3),
			    ST(DECISIONS, DONE, AGREED, 1), ST(MONITORING, ACTIVE, AGREED, 3) },
		.decisions = {
			{ STAGE_PRIORITIES, "Agree carers' priorities", "Carers' strategy group",
			  "Breaks that can be booked at short notice, carers' own assessments, and "
			  "information at diagnosis.",
			  1, FOLLOWED(YES), NULL, 1 },
			{ STAGE_DECISIONS, "Approve the carers' strategy", "Cabinet",
			  "Approved. The proposed involvement support worker post was deleted after "
			  "carers said the money should go to breaks; the breaks fund grows by £38,000.",
			  1, FOLLOWED(YES),
			  "Ask for the decision to be looked at again through the council's complaints "
			  "procedure, by phone on 01632 960100 or at the Carers' Centre.",
			  1 },
		},
		.budgets = {
			{ BUDGET_DISCLOSED, 15, 85000000, "The carers' budget for three years, "
			  "including the breaks fund.", 0 },
		},
		.pressure = { 50, "Government",
			      "Carer's Allowance earnings limit raised to £196 a week",
			      "Carers paid for involvement can earn more before their allowance is "
			      "affected; the payments policy was updated.",
			      14 },
	},
	[DEMO_P_EASTBROOK] = {
		.title = "Eastbrook Day Centre closure",
		.label = "Eastbrook Day Centre",
		.plain = "Eastbrook Day Centre and what replaces it",
		.area = "Adult social care: older people",
		.kind = PROJECT_DECOMMISSIONING,
		.families = DEMO_EASTBROOK,
		.group = -1,
		.meetings = 10,
		.start_ago = 1180,
		.closed_ago = 790,
		.notes = "The provider running the centre in unsuitable buildings was commissioned "
			 "to close it over a three-year contract and develop services outside the "
			 "building. Members lobbied councillors six months before closure.",
		.nstages = 7,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 1), ST(CONTEXT, DONE, AGREED, 1),
			    ST(NEEDS, DONE, AGREED, 3), ST(DECISIONS, DONE, AGREED, 2),
			    ST(COMMISSION, DONE, AGREED, 1), ST(MONITORING, DONE, AGREED, 2),
			    ST(REVIEW, NOT_STARTED, UNAGREED, 0) },
		.decisions = {
			{ STAGE_DECISIONS, "Close Eastbrook Day Centre", "Cabinet",
			  "The centre closes at the end of the three-year contract; members move to "
			  "community day opportunities. Members had asked for the centre to stay open.",
			  0, FOLLOWED(NO), NULL, 1 },
		},
		.budgets = {
			{ BUDGET_DISCLOSED, 10, 62000000, "The three-year contract value, shared with "
			  "members.", 0 },
		},
		.pressure = { 20, "Council cabinet",
			      "Change of political control; council tax frozen at 0 per cent",
			      "Every commissioning plan was reviewed and the closure brought forward, "
			      "leaving little room to involve members.",
			      -1 },
	},
	[DEMO_P_HOME_CARE] = {
		.title = "Home care retender",
		.label = "Home care",
		.plain = "home care: help at home with washing, dressing and meals",
		.area = "Adult social care: home care",
		.kind = PROJECT_REVIEW,
		.families = DEMO_OLDER | DEMO_PHYS | DEMO_CARERS,
		.group = 3,
		.meetings = 26,
		.start_ago = 330,
		.notes = "Choosing providers for the four home care areas. Service users and a "
			 "carer sit on the panel that scores bids, with an equal say on quality.",
		.nstages = 6,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 2), ST(NEEDS, DONE, AGREED, 5),
			    ST(PRIORITIES, DONE, AGREED, 3), ST(PROCUREMENT, DONE, AGREED, 5),
			    ST(DECISIONS, DONE, AGREED, 1), ST(COMMISSION, ACTIVE, AGREED, 3) },
		.decisions = {
			{ STAGE_PROCUREMENT, "Choose the home care providers",
			  "Evaluation panel of two service users, a carer and three officers",
			  "Four providers chosen, one for each area; users' quality scores counted "
			  "equally with officers'.",
			  1, FOLLOWED(YES), NULL, 1 },
			{ STAGE_DECISIONS, "Award the home care contracts",
			  "Cabinet member for adult social care",
			  "Contracts awarded as the panel recommended, starting on 1 April.",
			  0, FOLLOWED(YES),
			  "Complaints about the decision go to the council's complaints team; the "
			  "letter gives the address and phone number.",
			  1 },
		},
		.budgets = {
			{ BUDGET_WITHHELD, 55, 0, "The price ceiling stays confidential while bids are "
			  "open; it will be shared once the contracts are awarded.", 1 },
			{ BUDGET_DISCLOSED, 85, 1840000000, "The contract values, shared after the "
			  "award as promised.", 0 },
		},
		.pressure = { 40, "Government", "National Living Wage rise from April",
			      "Providers' hourly rates must rise, so fewer hours can be bought for "
			      "the same money.",
			      7 },
	},
	[DEMO_P_DEMENTIA] = {
		.title = "Dementia support service",
		.label = "Dementia support",
		.plain = "support for people living with dementia and their families",
		.area = "Older people's mental health",
		.kind = PROJECT_NEW_SERVICE,
		.families = DEMO_OLDER | DEMO_CARERS,
		.group = 3,
		.meetings = 24,
		.start_ago = 300,
		.notes = "People living with dementia, carers and relatives were found through the "
			 "Older People's Network, which has a track record of involving them.",
		.nstages = 5,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 2), ST(NEEDS, DONE, AGREED, 6),
			    ST(STRATEGY, DONE, AGREED, 3), ST(TEST, DONE, AGREED, 3),
			    ST(PROCUREMENT, ACTIVE, AGREED, 3) },
		.decisions = {
			{ STAGE_STRATEGY, "Agree the dementia support model", "Dementia programme board",
			  "A named adviser for every family after diagnosis, contact within six weeks "
			  "(families asked for two), and a carers' course.",
			  1, FOLLOWED(PARTLY),
			  "Families can ask the programme board to look again at the six-week wait by "
			  "writing to the dementia lead, or complain through the council's procedure.",
			  1 },
		},
		.budgets = {
			{ BUDGET_DISCLOSED, 30, 48000000, "The yearly budget for the new service.", 0 },
		},
		.pressure = { 60, "NHS", "Memory clinic waiting times rising to 18 weeks",
			      "More families wait for a diagnosis before the new service can help them.",
			      5 },
	},
	[DEMO_P_CRISIS] = {
		.title = "Mental health crisis pathway",
		.label = "Crisis pathway",
		.plain = "help for people in a mental health crisis, day and night",
		.area = "Mental health (joint with the NHS)",
		.kind = PROJECT_REDESIGN,
		.families = DEMO_MH | DEMO_CARERS,
		.group = 1,
		.meetings = 24,
		.start_ago = 280,
		.notes = "Joint work with the NHS trust on what happens when someone rings for help "
			 "in a crisis. The Riverside forum has met since 1994.",
		.nstages = 4,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 2), ST(CONTEXT, DONE, AGREED, 2),
			    ST(NEEDS, DONE, AGREED, 6), ST(TEST, ACTIVE, UNAGREED, 4) },
		.decisions = {
			{ STAGE_NEEDS, "Agree what the crisis pathway must do", "Joint mental health board",
			  "A crisis café in the evenings, a phone line answered locally, and no more "
			  "being sent to A&E by default.",
			  1, FOLLOWED(YES), NULL, 1 },
		},
		.budgets = {
			{ BUDGET_DISCLOSED, 35, 110000000, "The joint budget from the council and the "
			  "NHS.", 0 },
		},
		.pressure = { 45, "NHS England", "National target to end out-of-area placements",
			      "Beds must be found locally, so money moves from placements to crisis "
			      "support.",
			      9 },
	},
	[DEMO_P_MEALS] = {
		.title = "Meals on wheels review",
		.label = "Meals on wheels",
		.plain = "meals delivered to people at home",
		.area = "Adult social care: older people",
		.kind = PROJECT_REDESIGN,
		.families = DEMO_OLDER,
		.group = -1,
		.meetings = 18,
		.start_ago = 250,
		.notes = "The budget was cut halfway through the consultation. People's preferred "
			 "option, freshly cooked meals delivered daily, was then no longer affordable.",
		.nstages = 4,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 1), ST(NEEDS, DONE, AGREED, 5),
			    ST(BUDGET, DONE, AGREED, 2), ST(PRIORITIES, ACTIVE, AGREED, 4) },
		.decisions = {
			{ STAGE_BUDGET, "Reduce the meals budget by £180,000", "Cabinet",
			  "Part of the in-year savings; hot meals kept five days a week.",
			  0, FOLLOWED(NO),
			  "Complain through the council's complaints procedure, or ask your councillor "
			  "to call the decision in.",
			  0 },
		},
		.budgets = {
			{ BUDGET_DISCLOSED, 15, 64000000, "The yearly budget for meals on wheels.", 0 },
			{ BUDGET_CHANGED, 55, 18000000, "In-year savings agreed by cabinet.", -1 },
		},
		.pressure = { 50, "Council cabinet",
			      "In-year savings target of £2.1 million for adult social care",
			      "The meals budget was cut by £180,000 halfway through the consultation.",
			      30 },
	},
	[DEMO_P_GP_OOH] = {
		.title = "Out-of-hours GP access consultation",
		.label = "Out-of-hours GP",
		.plain = "getting a GP in the evenings and at weekends",
		.area = "Primary care (NHS)",
		.kind = PROJECT_REVIEW,
		.families = DEMO_OLDER | DEMO_MH | DEMO_PHYS,
		.group = -1,
		.meetings = 10,
		.start_ago = 200,
		.notes = "Run for the integrated care board at short notice. No framework was agreed "
			 "and several people said it felt like a tick-box exercise.",
		.nstages = 2,
		.stages = { ST(FRAMEWORK, ACTIVE, UNAGREED, 1), ST(NEEDS, ACTIVE, AGREED, 5) },
		.budgets = {
			{ BUDGET_WITHHELD, 30, 0, "NHS contract values for out-of-hours services are "
			  "set in a regional contract the council cannot share.", 4 },
		},
		.pressure = { 40, "Integrated care board",
			      "Merger of the two out-of-hours providers",
			      "The number of out-of-hours bases may fall from three to two.", -1 },
	},
	[DEMO_P_SHORT_BREAKS] = {
		.title = "Short breaks review",
		.label = "Short breaks",
		.plain = "short breaks for disabled adults and the families who support them",
		.area = "Adult social care: learning disability",
		.kind = PROJECT_REVIEW,
		.families = DEMO_LD | DEMO_CARERS,
		.group = 2,
		.meetings = 12,
		.start_ago = 365,
		.notes = "Discussed at the Learning Disability Partnership Board, which meets every "
			 "two months with a preparation meeting beforehand.",
		.nstages = 3,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 1), ST(NEEDS, DONE, AGREED, 3),
			    ST(PRIORITIES, ACTIVE, AGREED, 3) },
		.pressure = { 30, "Care provider", "The only overnight short breaks house is for sale",
			      "Families may lose the breaks they rely on unless a new house is found.",
			      3 },
	},
	[DEMO_P_SUPPORTED_LIVING] = {
		.title = "Supported living framework",
		.label = "Supported living",
		.plain = "supported living: your own home with the support you need",
		.area = "Adult social care: learning disability and mental health",
		.kind = PROJECT_NEW_SERVICE,
		.families = DEMO_LD | DEMO_MH,
		.group = 4,
		.meetings = 20,
		.start_ago = 310,
		.notes = "Setting up an approved list of supported living providers.",
		.nstages = 5,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 2), ST(CONTEXT, DONE, AGREED, 2),
			    ST(NEEDS, DONE, AGREED, 5), ST(BUDGET, DONE, AGREED, 1),
			    ST(STRATEGY, ACTIVE, AGREED, 4) },
		.budgets = {
			{ BUDGET_WITHHELD, 45, 0, NULL, 3 },
		},
		.pressure = { 35, "Housing", "Shortage of one-bedroom flats in the borough",
			      "People may wait longer to move into their own home.", 12 },
	},
	[DEMO_P_EQUIPMENT] = {
		.title = "Community equipment service review",
		.label = "Community equipment",
		.plain = "equipment at home, such as bath lifts, hoists and walking aids",
		.area = "Adult social care and NHS community services",
		.kind = PROJECT_REVIEW,
		.families = DEMO_PHYS | DEMO_OLDER,
		.group = 7,
		.meetings = 20,
		.start_ago = 365,
		.closed_ago = 40,
		.notes = "Closed after a review with users. Lessons were shared with the NHS "
			 "community services team.",
		.nstages = 6,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 2), ST(NEEDS, DONE, AGREED, 4),
			    ST(TEST, DONE, AGREED, 3), ST(DECISIONS, DONE, AGREED, 1),
			    ST(MONITORING, DONE, AGREED, 3), ST(REVIEW, DONE, AGREED, 2) },
		.decisions = {
			{ STAGE_DECISIONS, "Move to one equipment provider with next-day delivery",
			  "Joint commissioning board",
			  "One provider for the whole borough; bath lifts and hoists delivered the "
			  "next working day, as users asked.",
			  1, FOLLOWED(YES), NULL, 1 },
		},
		.budgets = {
			{ BUDGET_DISCLOSED, 20, 130000000, "The pooled budget of the council and the "
			  "NHS.", 0 },
		},
	},
	[DEMO_P_DP_SUPPORT] = {
		.title = "Direct payments support service",
		.label = "Payments support",
		.plain = "help for people who manage their own care money and employ their own staff",
		.area = "Adult social care: self-directed support",
		.kind = PROJECT_REDESIGN,
		.families = DEMO_PHYS | DEMO_LD | DEMO_CARERS,
		.group = 7,
		.meetings = 20,
		.start_ago = 290,
		.notes = "Designed with the Disability Action Network, a user-led organisation that "
			 "may bid to run the payroll and peer support parts.",
		.nstages = 5,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 2), ST(NEEDS, DONE, AGREED, 4),
			    ST(PRIORITIES, DONE, AGREED, 2), ST(TEST, DONE, AGREED, 3),
			    ST(PROCUREMENT, ACTIVE, AGREED, 3) },
		.decisions = {
			{ STAGE_PRIORITIES, "Payroll help and peer support come first",
			  "Disability Action Network and the commissioner",
			  "A payroll service for people who employ their own staff, and paid peer "
			  "supporters who have done it themselves.",
			  1, FOLLOWED(YES), NULL, 1 },
		},
		.budgets = {
			{ BUDGET_DISCLOSED, 25, 31000000, "The yearly budget for support services.", 0 },
		},
	},
	[DEMO_P_EXTRA_CARE] = {
		.title = "Extra care housing scheme",
		.label = "Extra care housing",
		.plain = "flats for older people with care on site",
		.area = "Housing and adult social care",
		.kind = PROJECT_NEW_SERVICE,
		.families = DEMO_OLDER,
		.group = 3,
		.meetings = 18,
		.start_ago = 320,
		.notes = "A 60-flat scheme on Oakfield Road, built with a housing association.",
		.nstages = 7,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 2), ST(CONTEXT, DONE, AGREED, 1),
			    ST(NEEDS, DONE, AGREED, 4), ST(BUDGET, DONE, AGREED, 1),
			    ST(DECISIONS, DONE, AGREED, 2), ST(PROCUREMENT, DONE, AGREED, 2),
			    ST(COMMISSION, ACTIVE, AGREED, 3) },
		.decisions = {
			{ STAGE_DECISIONS, "Choose the site for the extra care scheme", "Cabinet",
			  "Oakfield Road chosen over the town-centre site.",
			  1, FOLLOWED(PARTLY),
			  "Ask for the decision to be reviewed through the council's complaints "
			  "procedure; the letter gives the details.",
			  1 },
			{ STAGE_PROCUREMENT, "Choose the building contractor", "Officers' evaluation panel",
			  "Contract awarded to the lowest-priced compliant bid.",
			  0, FOLLOWED(UNKNOWN), NULL, 0 },
		},
		.budgets = {
			{ BUDGET_DISCLOSED, 25, 950000000, "The building budget, shared with the "
			  "Older People's Network.", 0 },
			{ BUDGET_CHANGED, 70, 40000000, "Building costs rose; the housing association "
			  "added money.", 4 },
		},
		.pressure = { 55, "Planning", "Planning committee asked for fewer flats",
			      "The scheme may shrink from 60 to 52 flats.", 6 },
	},
	[DEMO_P_AUTISM] = {
		.title = "Adult autism strategy",
		.label = "Autism strategy",
		.plain = "support for autistic adults",
		.area = "Adult social care: autism",
		.kind = PROJECT_NEW_SERVICE,
		.families = DEMO_LD | DEMO_MH | DEMO_CARERS,
		.group = -1,
		.meetings = 18,
		.start_ago = 260,
		.notes = "Autistic adults asked for online and one-to-one ways to take part as well "
			 "as meetings.",
		.nstages = 3,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 2), ST(NEEDS, DONE, PARTLY, 6),
			    ST(STRATEGY, ACTIVE, AGREED, 4) },
	},
	[DEMO_P_SENSORY] = {
		.title = "Sensory impairment services review",
		.label = "Sensory services",
		.plain = "services for people who are Deaf, deafened, blind or partially sighted",
		.area = "Adult social care: sensory impairment",
		.kind = PROJECT_REVIEW,
		.families = DEMO_PHYS,
		.group = 5,
		.meetings = 18,
		.start_ago = 300,
		.notes = "Meetings held at the Deaf Centre with BSL interpreters; papers in braille, "
			 "audio and large print.",
		.nstages = 4,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 2), ST(NEEDS, DONE, AGREED, 5),
			    ST(PRIORITIES, DONE, AGREED, 3), ST(TEST, ACTIVE, AGREED, 3) },
		.decisions = {
			{ STAGE_PRIORITIES, "Agree priorities for sensory services", "Sensory services board",
			  "Faster rehabilitation after sight loss, and interpreters booked with every "
			  "appointment.",
			  1, FOLLOWED(YES), NULL, 1 },
		},
	},
	[DEMO_P_ADVOCACY] = {
		.title = "Advocacy services recommissioning",
		.label = "Advocacy",
		.plain = "independent advocacy: someone on your side to help you speak up",
		.area = "Adult social care: all adults",
		.kind = PROJECT_REVIEW,
		.families = DEMO_COMM | DEMO_MH | DEMO_LD,
		.group = -1,
		.meetings = 14,
		.start_ago = 240,
		.nstages = 5,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 2), ST(NEEDS, DONE, AGREED, 4),
			    ST(PRIORITIES, DONE, AGREED, 2), ST(DECISIONS, DONE, AGREED, 0),
			    ST(PROCUREMENT, ACTIVE, AGREED, 3) },
		.decisions = {
			{ STAGE_DECISIONS, "Extend the current advocacy contract by 12 months",
			  "Head of commissioning (officer decision)",
			  "The contract was extended so the new service can be designed with users.",
			  0, FOLLOWED(UNKNOWN), NULL, 0 },
		},
	},
	[DEMO_P_SOMALI] = {
		.title = "Day service for Somali elders",
		.label = "Somali elders' day service",
		.plain = "a day service for Somali elders, in their own language",
		.area = "Adult social care: older people",
		.kind = PROJECT_NEW_SERVICE,
		.families = DEMO_COMM | DEMO_OLDER,
		.group = 6,
		.meetings = 16,
		.start_ago = 330,
		.notes = "Elders rejected one bidder as unable to meet their needs; the commissioner "
			 "rejected the other. No award was made and the council runs the service "
			 "itself for now.",
		.nstages = 5,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 2), ST(NEEDS, DONE, AGREED, 5),
			    ST(PROCUREMENT, DONE, AGREED, 4), ST(DECISIONS, DONE, AGREED, 2),
			    ST(COMMISSION, SKIPPED, UNAGREED, 0) },
		.decisions = {
			{ STAGE_PROCUREMENT, "No award: the day service stays with the council for now",
			  "Evaluation panel of Somali elders and officers",
			  "Elders rejected one bid as unable to meet their needs; the commissioner "
			  "rejected the other as not strong enough to run the service. No contract "
			  "was awarded.",
			  1, FOLLOWED(YES), NULL, 1 },
			{ STAGE_DECISIONS, "Run a second round of bids with the community",
			  "Cabinet member for adult social care",
			  "A second round next year, with support for community organisations to bid.",
			  1, FOLLOWED(YES), NULL, 1 },
		},
		.budgets = {
			{ BUDGET_DISCLOSED, 20, 21000000, "The yearly budget, explained in Somali at "
			  "the elders' group.", 0 },
		},
		.pressure = { 70, "Local", "The community centre's lease ends in March",
			      "The service may need a new home next year.", 2 },
	},
	[DEMO_P_STROKE] = {
		.title = "Stroke recovery pathway",
		.label = "Stroke recovery",
		.plain = "support after a stroke, from hospital to home",
		.area = "NHS and adult social care",
		.kind = PROJECT_REDESIGN,
		.families = DEMO_PHYS | DEMO_OLDER | DEMO_CARERS,
		.group = 9,
		.meetings = 20,
		.start_ago = 330,
		.nstages = 4,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 2), ST(NEEDS, DONE, AGREED, 4),
			    ST(MONITORING, DONE, AGREED, 4), ST(TEST, ACTIVE, AGREED, 3) },
		.decisions = {
			{ STAGE_MONITORING, "Extend community physiotherapy to 12 weeks",
			  "Stroke pathway board",
			  "Extended from six to ten weeks; members asked for twelve.",
			  1, FOLLOWED(PARTLY),
			  "Members can ask the board to look again at its next meeting, or complain "
			  "to the NHS trust's patient advice service.",
			  1 },
		},
		.budgets = {
			{ BUDGET_DISCLOSED, 30, 76000000, "The joint budget for stroke recovery.", 0 },
		},
	},
	[DEMO_P_RECOVERY] = {
		.title = "Drug and alcohol recovery service",
		.label = "Recovery service",
		.plain = "support to recover from drug and alcohol use",
		.area = "Public health",
		.kind = PROJECT_REDESIGN,
		.families = DEMO_MH,
		.group = 8,
		.meetings = 18,
		.start_ago = 300,
		.nstages = 5,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 2), ST(CONTEXT, DONE, AGREED, 1),
			    ST(NEEDS, DONE, AGREED, 4), ST(STRATEGY, DONE, AGREED, 3),
			    ST(PROCUREMENT, ACTIVE, AGREED, 3) },
		.decisions = {
			{ STAGE_STRATEGY, "Agree the recovery strategy", "Health and wellbeing board",
			  "Same-week first appointments and paid peer mentors in every team.",
			  1, FOLLOWED(YES), NULL, 1 },
		},
		.budgets = {
			{ BUDGET_CHANGED, 40, 9500000, "The public health grant fell by 3 per cent.", 3 },
		},
		.pressure = { 38, "Government", "Public health grant reduced by 3 per cent",
			      "£95,000 less for treatment services next year.", 3 },
	},
	[DEMO_P_CARE_HOMES] = {
		.title = "Residential care homes redevelopment",
		.label = "Care homes",
		.plain = "the council's three care homes",
		.area = "Adult social care: older people",
		.kind = PROJECT_REDESIGN,
		.families = DEMO_OLDER | DEMO_CARERS,
		.group = 3,
		.meetings = 26,
		.start_ago = 365,
		.notes = "Residents, relatives and people who may need a home in future, including "
			 "people who will pay for their own care, took part.",
		.nstages = 6,
		.stages = { ST(FRAMEWORK, DONE, AGREED, 2), ST(CONTEXT, DONE, AGREED, 2),
			    ST(NEEDS, DONE, AGREED, 5), ST(BUDGET, DONE, AGREED, 2),
			    ST(PRIORITIES, DONE, AGREED, 3), ST(DECISIONS, ACTIVE, AGREED, 3) },
		.decisions = {
			{ STAGE_PRIORITIES, "Rebuild two homes and keep the third open during building",
			  "Cabinet",
			  "Two homes rebuilt one after the other so nobody moves twice; future users "
			  "asked for published room prices.",
			  1, FOLLOWED(PARTLY),
			  "Residents and relatives can ask for a review through the council's "
			  "complaints procedure or contact the Local Government Ombudsman.",
			  1 },
			{ STAGE_BUDGET, "Publish room prices for every home", "Cabinet member",
			  "Weekly prices for each home are published on the website and in the guide.",
			  1, FOLLOWED(YES), NULL, 1 },
		},
		.budgets = {
			{ BUDGET_DISCLOSED, 35, 1400000000, "The building budget for all three homes.",
			  0 },
		},
		.pressure = { 25, "Care Quality Commission",
			      "Inspection rated one home as requiring improvement",
			      "Work on that home must start first.", 8 },
	},
};

const struct demo_data_group demo_data_groups[DEMO_GROUP_COUNT] = {
	{ "Carers' Voice", GROUP_CARER_LED, GROUP_LED, "Carers' Centre",
	  "Meets monthly; a sitting service is offered so carers can attend." },
	{ "Riverside Mental Health Forum", GROUP_USER_LED, GROUP_RUN, "",
	  "Running since 1994. A convenor facilitates but does not chair." },
	{ "Learning Disability Partnership Board", GROUP_FORUM, GROUP_HOSTED, "the council",
	  "Meets every two months, with a preparation meeting the week before." },
	{ "Older People's Network", GROUP_NETWORK, GROUP_HOSTED, "Age UK (local)",
	  "A network of lunch clubs and older people's groups across the borough." },
	{ "People First self-advocacy group", GROUP_USER_LED, GROUP_RUN, "",
	  "Run by people with learning disabilities; checks every easy read paper." },
	{ "Deaf Community Group", GROUP_USER_LED, GROUP_LED, "Deaf Centre",
	  "Meets in BSL at the Deaf Centre." },
	{ "Somali Elders' Group", GROUP_USER_LED, GROUP_RUN, "Somali Community Association",
	  "Meets weekly after prayers; business in Somali." },
	{ "Disability Action Network", GROUP_NETWORK, GROUP_LED, "Disability Action",
	  "A user-led organisation run by disabled people." },
	{ "Recovery Voices", GROUP_USER_LED, GROUP_RUN, "Recovery café",
	  "People in recovery from drug and alcohol use." },
	{ "Stroke Survivors' Club", GROUP_USER_LED, GROUP_HOSTED, "Stroke Association",
	  "Stroke survivors and their families; meets fortnightly." },
};

/* Indexed by enum stage_key; "%s" is the project's plain phrase. */
const struct demo_data_agreement demo_data_agreements[STAGE_COUNT] = {
	[STAGE_FRAMEWORK] = { "Agree how people with experience of %s will be involved from start "
	                      "to finish, and how they will hear what came of it.",
	                      "Say how involvement should work and hold us to it; each person "
	                      "speaks from their "
	                      "own experience unless their group has asked them to speak for it.",
	                      "How, where and how often we meet; payment and expenses; how and "
	                      "when feedback is "
	                      "given.",
	                      "The council's legal duties and the overall timetable set by the "
	                      "cabinet.",
	                      "The lead commissioner agrees the framework with the people taking "
	                      "part; the cabinet "
	                      "member signs it off." },
	[STAGE_CONTEXT] = { "Share what is changing nationally and locally that affects %s, and "
	                    "record what "
	                    "participants know about how things work on the ground.",
	                    "Tell us where local reality differs from the plans on paper.",
	                    "Which local issues are added to the picture and how they are weighed.",
	                    "National law and government policy.",
	                    "The commissioner, with the programme board." },
	[STAGE_NEEDS] = { "Find out what people need from %s before any options are drawn up, so "
	                  "nobody is "
	                  "handed a menu of existing services.",
	                  "Say what good support looks like, help decide what counts as need, and "
	                  "tell us who "
	                  "else we should ask and how.",
	                  "What we count as need and which questions we ask.",
	                  "Who is eligible for council-funded support, which is set by the Care "
	                  "Act.",
	                  "The commissioner, on the evidence gathered with participants." },
	[STAGE_BUDGET] = { "Be open about the money for %s: how much there is, where it comes from "
	                   "and what it "
	                   "must pay for.",
	                   "Question the figures and say what matters most when money is short.",
	                   "How the money is split between parts of the service.",
	                   "The total, which full council sets each February.",
	                   "Full council sets the total; the cabinet member agrees how it is "
	                   "split." },
	[STAGE_STRATEGY] = { "Write the plan for %s with the people it is for.",
	                     "Write the aims together and check the words make sense to the people "
	                     "who will "
	                     "read them.",
	                     "The aims, the wording and what comes first.",
	                     "The legal duties the plan must meet.",
	                     "The cabinet approves the final plan." },
	[STAGE_PRIORITIES] = { "Agree what comes first for %s, using what people told us.",
	                       "Weigh the options with officers and vote on the order.",
	                       "The order of priorities.", "The total budget.",
	                       "A working group of users, carers and officers recommends; the "
	                       "cabinet member "
	                       "decides." },
	[STAGE_TEST] = { "Try out the draft proposals for %s against real situations, and change "
	                 "what does "
	                 "not work.",
	                 "Test the proposals against your own experience and say what would go "
	                 "wrong.",
	                 "Any part of the draft proposals.",
	                 "The date the new arrangements must start.",
	                 "The project board, on the working group's advice." },
	[STAGE_DECISIONS] = { "Make sure the people deciding about %s hear what participants said "
	                      "before the "
	                      "decision is made.",
	                      "Say what councillors should hear, in your own words, and meet the "
	                      "cabinet member.",
	                      "What the report says about people's views.",
	                      "The cabinet makes the final decision.", "The cabinet." },
	[STAGE_PROCUREMENT] = { "Choose who will run %s, with service users and carers scoring the "
	                        "bids alongside "
	                        "officers.",
	                        "Write questions for bidders and score their answers on quality, "
	                        "with an equal say "
	                        "on the panel.",
	                        "The quality questions and scores.",
	                        "The price scores and the legal rules for choosing a provider.",
	                        "The evaluation panel recommends; the cabinet member awards the "
	                        "contract." },
	[STAGE_COMMISSION] = { "Plan the move to the new arrangements for %s so nobody is left "
	                       "without support.",
	                       "Say what the change will be like for people and check the plan "
	                       "covers it.",
	                       "How and when people move, and what they are told.",
	                       "The provider chosen and the contract price.",
	                       "The commissioner, with the new provider." },
	[STAGE_MONITORING] = { "Check whether %s does what people were promised, using questions "
	                       "users wrote.",
	                       "Visit, ask people using the service what it is like, and report "
	                       "what you find.",
	                       "What is looked at and what goes in the report.",
	                       "Confidential records about individuals.",
	                       "The contract manager acts on the findings; the group sees what was "
	                       "done." },
	[STAGE_REVIEW] = { "Look back at how people were involved in %s: what helped, what got in "
	                   "the way, and "
	                   "what we will do differently next time.",
	                   "Say honestly what worked and what did not, and check the lessons are "
	                   "written down.",
	                   "Everything about how involvement worked.",
	                   "Decisions already made and carried out.",
	                   "The commissioning team agrees the lessons with the group and shares "
	                   "them." },
};

/*
 * Kinds of meeting per stage, covering every level of the default ladder
 * (Middlesbrough's levels of engagement, Devon digest 002:303-317): informing,
 * researching, consulting, participation, delegated power, empowerment.
 */
const struct demo_data_meeting demo_data_meetings[] = {
	{ STAGE_FRAMEWORK, METHOD_MEETING, "consulting", "%s: agreeing how we work together",
	  "Agree with the people taking part how involvement in %s will work: what it is for, "
	  "who decides what, and how and when everyone hears what came of it.",
	  "How we meet, where, how often, and how feedback is given.",
	  "The council's legal duties and the timetable set by the cabinet." },
	{ STAGE_FRAMEWORK, METHOD_WORKSHOP, "participation", "%s: ground rules and roles workshop",
	  "Write the ground rules for involvement in %s together, and agree each person's role.",
	  "The ground rules, meeting times and how papers are sent.",
	  "The council's payment rates, which are set for everyone." },
	{ STAGE_CONTEXT, METHOD_MEETING, "informing", "%s: what is changing and why",
	  "Share what is changing nationally and locally that affects %s, so everyone starts "
	  "with the same picture, and hear what people see on the ground.",
	  "Which local issues we add to the picture.", "National law and this year's budget." },
	{ STAGE_CONTEXT, METHOD_VISIT, "researching", "%s: visit to a neighbouring council",
	  "See how a neighbouring council runs %s and bring back what people think would work "
	  "here.",
	  "What we take from the visit.", "What the other council does." },
	{ STAGE_NEEDS, METHOD_OTHER, "researching", "%s: stall at the summer fair",
	  "Tell passers-by about the work on %s and ask one question: what would make the "
	  "biggest difference to you?",
	  "Anything people raise.", "Decisions already made about individual people's care." },
	{ STAGE_NEEDS, METHOD_WORKSHOP, "consulting", "%s: what matters to you",
	  "Hear from people who use %s, and from people who might in future, what good support "
	  "looks like, before any options are drawn up.",
	  "What we count as need and what we look at first.",
	  "Who is eligible for council-funded support, which is set by law." },
	{ STAGE_NEEDS, METHOD_SURVEY, "researching", "%s survey",
	  "Ask people who cannot come to meetings what works and what does not in %s.",
	  "Everything in the survey: there are no right answers.",
	  "The closing date, so the results reach the next meeting." },
	{ STAGE_NEEDS, METHOD_ONE_TO_ONE, "researching", "%s: one-to-one conversations",
	  "Talk one to one, at home or by phone, with people who find groups hard, about %s.",
	  "Anything the person wants to raise.",
	  "Decisions about their own care, which go "
	  "through their social worker." },
	{ STAGE_NEEDS, METHOD_MEETING, "consulting", "%s: listening event",
	  "Listen to people's experience of %s and agree the questions to ask next.",
	  "The questions we ask and who else we ask.", "Eligibility rules set by law." },
	{ STAGE_BUDGET, METHOD_MEETING, "informing", "%s: the money explained",
	  "Explain how much money there is for %s, where it comes from and what it must pay "
	  "for, and answer every question.",
	  "How the figures are shown and what else people want to see.",
	  "The total, which full council sets in February." },
	{ STAGE_BUDGET, METHOD_WORKSHOP, "consulting", "%s: what matters most when money is short",
	  "Hear what people would protect first in %s if the money does not stretch to "
	  "everything.",
	  "Which parts of the service are protected first.",
	  "The total, which full council sets in February." },
	{ STAGE_STRATEGY, METHOD_MEETING, "consulting", "%s: checking the draft plan",
	  "Go through the draft plan for %s line by line and say what is missing or unclear.",
	  "The wording and anything missing from the plan.",
	  "The legal duties the plan must meet." },
	{ STAGE_STRATEGY, METHOD_WORKSHOP, "participation", "%s: writing the plan together",
	  "Write the main points of the plan for %s with the people it is for.",
	  "The aims of the plan, its words and what comes first.",
	  "The legal duties the plan must meet." },
	{ STAGE_PRIORITIES, METHOD_WORKSHOP, "consulting", "%s: choosing what comes first",
	  "Agree the three most important changes to %s, using what people told us.",
	  "The order of priorities.", "The total budget." },
	{ STAGE_PRIORITIES, METHOD_MEETING, "participation", "%s: priorities working group",
	  "Users, carers and officers weigh the options for %s together and recommend an order.",
	  "The options and their order.", "The total budget and the legal duties." },
	{ STAGE_TEST, METHOD_WORKSHOP, "participation", "%s: testing the draft proposals",
	  "Try out the draft proposals for %s against real situations people describe, and "
	  "change what does not work.",
	  "Any part of the draft proposals.", "The date the new arrangements must start." },
	{ STAGE_TEST, METHOD_VISIT, "researching", "%s: trying it out",
	  "Spend a day trying the new arrangements for %s and say what works.",
	  "Anything about how the new arrangements run.", "The buildings already chosen." },
	{ STAGE_DECISIONS, METHOD_MEETING, "informing", "%s: before the cabinet decides",
	  "Go through the report going to the cabinet about %s and agree what people want "
	  "councillors to hear.",
	  "What the report says about people's views.", "The cabinet makes the final decision." },
	{ STAGE_DECISIONS, METHOD_MEETING, "consulting", "%s: meeting with the cabinet member",
	  "Members meet the cabinet member to say, in their own words, what they want from %s.",
	  "The recommendation the cabinet member takes to the cabinet.",
	  "The cabinet makes the final decision." },
	{ STAGE_PROCUREMENT, METHOD_PANEL, "delegated_power", "%s: choosing the provider",
	  "Service users and carers score the bids to run %s alongside officers, with an equal "
	  "say in the marks for quality.",
	  "The quality scores and the questions asked of each bidder.",
	  "The price scores and the legal rules for choosing a provider." },
	{ STAGE_PROCUREMENT, METHOD_WORKSHOP, "participation",
	  "%s: writing the questions for bidders",
	  "Write, in people's own words, the questions every bidder to run %s must answer.",
	  "The questions and what a good answer looks like.",
	  "The legal rules for choosing a provider." },
	{ STAGE_COMMISSION, METHOD_MEETING, "participation", "%s: getting ready for the change",
	  "Plan with the people who use %s how the move to the new arrangements will happen, so "
	  "nobody is left without support.",
	  "When and how people move, and what they are told.",
	  "The provider chosen and the contract price." },
	{ STAGE_COMMISSION, METHOD_MEETING, "informing", "%s: what the change means for you",
	  "Explain to the people who use %s what is changing, when, and who to call with "
	  "questions.",
	  "The dates people move and the help they get to move.",
	  "The provider chosen and the contract price." },
	{ STAGE_MONITORING, METHOD_VISIT, "empowerment", "%s: user-led quality visit",
	  "Members visit the places that provide %s, talk to the people using them and report "
	  "what they find, using questions they wrote.",
	  "What the visit looks at and what goes in the report.",
	  "Confidential records about individuals." },
	{ STAGE_MONITORING, METHOD_MEETING, "participation", "%s: how is it going?",
	  "Look at what people using %s say about it, and agree what must improve.",
	  "What the provider is asked to improve, and by when.",
	  "The contract itself, until it is reviewed." },
	{ STAGE_REVIEW, METHOD_WORKSHOP, "participation", "%s: looking back together",
	  "Look back at how people were involved in %s: what helped, what got in the way, and "
	  "what we will do differently next time.",
	  "Everything about how involvement worked.", "Decisions already made and carried out." },
};
const size_t demo_data_meeting_count = sizeof demo_data_meetings / sizeof *demo_data_meetings;

/*
 * What people said, and what was done: adopted, partly (with the reason),
 * not possible (what is not possible and why, A:533), already happening.
 */
const struct demo_data_said demo_data_said[] = {
	{ DEMO_ALL, "transport",
	  "The bus to the meeting stops at six, so I have to leave before the end.",
	  "Meetings now finish by 3pm, and we pay for a taxi home when there is no bus.",
	  "Meetings now finish earlier, but taxis are paid only for people who cannot use the bus.",
	  "The involvement budget covers taxis only where there is no other way home.",
	  "We cannot change the bus timetable.",
	  "The bus company sets it; we passed your comment to the council's transport team.",
	  "Taxis home are already paid for when you need one: tell the convenor when you book.",
	  "This has been in the expenses policy since April." },
	{ DEMO_ALL, "information", "The papers are too long and full of words I don't understand.",
	  "Papers are now two pages, in plain words, with an easy read version for everyone.",
	  "Every paper now starts with a one-page summary in plain words; the full report is "
	  "still long.",
	  "The full report has to go to councillors in the form they ask for.",
	  "We cannot shorten the legal notice.",
	  "Its wording is set by law; we now add a plain-words note beside it.",
	  "An easy read version is already available: ask the convenor and we post it.",
	  "Easy read versions have been offered since last year." },
	{ DEMO_ALL, "timing",
	  "Please don't hold meetings before ten; my medication makes early starts hard.",
	  "Meetings now start at 10:30 or later.",
	  "Most meetings now start at 10:30; the cabinet briefing still starts at 9:30.",
	  "The cabinet briefing time is set by councillors' diaries.",
	  "We could not move the October workshop.",
	  "The venue was only free in the morning; we offered a phone call the same afternoon.",
	  "Our meeting rules already say no start before ten.",
	  "The rule was agreed in the involvement framework." },
	{ DEMO_ALL, "feedback", "We never hear back what happened after we give our views.",
	  "Everyone who takes part now gets a letter in their own format within four weeks "
	  "saying what changed, what did not, and why.",
	  "We now send a summary after each meeting; decisions that take longer are reported at "
	  "the next forum.",
	  "Some decisions are made months later by the cabinet.",
	  "We cannot tell you the outcome of other people's complaints.",
	  "Complaints are confidential to the person who made them.",
	  "A 'you said, we did' sheet already goes out after every meeting; we checked you are "
	  "on the list.",
	  "It started with the new framework." },
	{ DEMO_ALL, "payment", "I can't afford to wait two months for my expenses.",
	  "Expenses are now paid within ten working days, or in cash on the day if you ask.",
	  "Travel is now paid in cash on the day; fees still go through payroll.",
	  "Fees must go through payroll so tax and benefit rules are followed.",
	  "We cannot pay fees in cash.",
	  "Fees have to go through payroll; travel can be paid on the day.",
	  "Travel can already be paid in cash on the day.",
	  "This has been the policy since last year." },
	{ DEMO_ALL, "venue", "The Town Hall feels like it belongs to the council, not to us.",
	  "Meetings now move between community venues chosen by members.",
	  "Two meetings in three are now held in community venues.",
	  "The Town Hall is the only free room big enough for the annual event.",
	  "We cannot move the cabinet meeting.",
	  "Cabinet meets in public at the Town Hall; we now meet you beforehand at the Hub.",
	  "The group already meets at the Hub; only the annual event is at the Town Hall.",
	  "The venue was chosen by members last year." },
	{ DEMO_ALL, "access", "The hearing loop didn't work, so I missed most of what was said.",
	  "The loop was repaired and is now tested before every meeting.",
	  "We now test the loop before meetings; a portable loop is on order.",
	  "The portable loop takes eight weeks to arrive.",
	  "We cannot fit a permanent loop in the church hall.",
	  "The church has not agreed to it; we bring a portable loop instead.",
	  "A portable loop is already available: ask when you book and we bring it.",
	  "It was bought last year." },
	{ DEMO_ALL, "voice", "The same few people always do the talking; we need smaller groups.",
	  "Workshops now use small tables of five with a supporter on each.",
	  "Small tables are used at workshops, but not yet at the bigger meetings.",
	  "We do not have enough supporters for every table yet.", "We cannot limit who comes.",
	  "Meetings are open to everyone; we use small tables and one-to-one time instead.",
	  "The facilitator already offers one-to-one time with the chair before each meeting.",
	  "It is part of the ground rules." },
	{ DEMO_OLDER | DEMO_EASTBROOK, "meals",
	  "A frozen meal is not the same as a hot one brought to the door; the visit matters as "
	  "much as the food.",
	  "The new service keeps a hot meal delivered by a person, with a welfare check.",
	  "Hot meals are kept five days a week; weekends will be frozen meals.",
	  "The budget was cut by £180,000 and now covers five hot-meal days.",
	  "We cannot keep freshly cooked meals every day.",
	  "The budget was reduced during the consultation and a daily hot meal now costs more "
	  "than the money available.",
	  "The welfare check on delivery is already in the contract and will stay.",
	  "It has been part of the service since it began." },
	{ DEMO_OLDER | DEMO_PHYS, "home care", "I never know which carer is coming, or when.",
	  "The new contracts require a small named team for each person and a call if a visit "
	  "will be late.",
	  "Providers must call if a visit is more than 30 minutes late; named teams are being "
	  "tried in one area first.",
	  "Named teams need more staff than providers have in the north of the borough.",
	  "We cannot promise the same carer every day.",
	  "Holidays and sickness mean cover is always needed; the contract asks for a small team "
	  "instead.",
	  "A call about late visits is already required; we are checking providers do it.",
	  "It is in the current contract." },
	{ DEMO_OLDER | DEMO_CARERS, "dementia",
	  "After the diagnosis we were left on our own; nobody told us what help there was.",
	  "Every family now gets a named dementia adviser within two weeks of diagnosis.",
	  "A dementia adviser will contact families within six weeks; we aimed for two.",
	  "There are not yet enough advisers to reach everyone in two weeks.",
	  "We cannot fund a specialist nurse in every GP practice.",
	  "That is for the NHS to decide; we passed your view to the health board.",
	  "The memory clinic already refers people to an adviser; we are making sure it "
	  "happens every time.",
	  "Referral to an adviser started last year." },
	{ DEMO_OLDER | DEMO_CARERS, "care homes",
	  "We need to know what a room will cost before we move in, not after.",
	  "Weekly prices for every home are now published on the website and in the guide.",
	  "Prices are published for council homes; private homes are asked to do the same.",
	  "The council cannot make private homes publish their prices.",
	  "We cannot freeze prices for people who pay for themselves.",
	  "Prices follow costs such as wages, which rise every April.",
	  "Prices are already in the care homes guide, page 12.",
	  "The guide has listed them since last year." },
	{ DEMO_OLDER | DEMO_LD | DEMO_EASTBROOK, "day opportunities",
	  "I want to do things in town, not sit in the same building all day.",
	  "The new day opportunities include sessions at the library, the gym and the allotments.",
	  "Community sessions run two days a week; the building stays open on the others.",
	  "Some people asked to keep the building and its changing facilities.",
	  "We cannot keep a minibus for every trip.",
	  "Two minibuses were cut to save money; travel training and taxis are offered instead.",
	  "Sessions at the library already run on Tuesdays; the convenor can book you on.",
	  "They started as a trial in the spring." },
	{ DEMO_LD | DEMO_CARERS, "short breaks",
	  "My son needs breaks with people he knows, not a different place every time.",
	  "Short breaks will be with the same two providers, so staff know him.",
	  "Each person will have one main provider; overnight breaks may still be elsewhere.",
	  "There is only one overnight house, and it is for sale.",
	  "We cannot guarantee the same staff member every time.",
	  "Staff change jobs; the provider keeps a profile so new staff know him.",
	  "Families can already ask for the same provider when they book.",
	  "This is in the short breaks guide." },
	{ DEMO_LD, "easy read", "The easy read version used pictures that didn't match the words.",
	  "Easy read papers are now checked by People First before they are sent.",
	  "People First now check the main papers; short notices are not yet checked.",
	  "There is not always time to check notices sent at short notice.",
	  "We cannot use the photo library People First asked for.",
	  "Its licence costs more than the involvement budget allows; we use a free set.",
	  "People First already check easy read papers for this project.",
	  "It was agreed at the first meeting." },
	{ DEMO_LD | DEMO_MH, "housing", "I want to choose who I live with.",
	  "Tenants will meet possible housemates before any move, and can say no.",
	  "Tenants meet possible housemates first; the final say stays with the landlord.",
	  "The housing association has the legal duty to let the flat.",
	  "We cannot build new flats this year.",
	  "There is no building money this year; we are looking at flats to rent instead.",
	  "Meeting housemates before a move already happens in the two newest schemes.",
	  "It began there last year." },
	{ DEMO_LD | DEMO_PHYS, "work", "Help me find a real job, not just volunteering.",
	  "A job coach now works with the day service two days a week.",
	  "A job coach works with the day service one day a week.",
	  "The coach is shared with the supported employment team.",
	  "We cannot pay wages for work placements.",
	  "The council cannot pay wages through social care; placements lead to paid jobs.",
	  "The supported employment team already takes referrals from day services.",
	  "It has run for two years." },
	{ DEMO_MH, "crisis",
	  "In a crisis, ringing the number and being told to go to A&E is the worst thing.",
	  "A crisis café with peer workers opens in the evenings, and the phone line is "
	  "answered by people who know the area.",
	  "The crisis café opens three evenings a week; the phone line stays with the trust.",
	  "Staffing allows three evenings for now.", "We cannot open a crisis house this year.",
	  "There is no building and no money for one this year; it is on the list for next year.",
	  "The trust's phone line already has a local team at night.",
	  "This started in the winter." },
	{ DEMO_MH, "peer support",
	  "The peer workers who had been through it helped me more than anyone.",
	  "Every team in the new service will have paid peer workers.",
	  "Two peer worker posts are funded; we asked for four.",
	  "The budget covers two posts this year.",
	  "We cannot make peer workers part of every assessment.",
	  "Assessments must be done by qualified staff; peer workers can come with you.",
	  "Peer workers are already at the Recovery café on weekdays.",
	  "They have been there since the café opened." },
	{ DEMO_MH | DEMO_OLDER | DEMO_PHYS, "out of hours",
	  "When you phone out of hours you have to explain everything three times.",
	  "Out-of-hours doctors can now see your GP record, with your permission.",
	  "Doctors can see a summary of your record; the full record is not shared yet.",
	  "The two computer systems cannot yet share full records.",
	  "We cannot keep all three out-of-hours bases open.",
	  "The NHS is merging the services; we passed on what you said about travel.",
	  "A summary record is already shared if you agreed to it.",
	  "Ask your GP practice to check you have agreed." },
	{ DEMO_MH, "waiting",
	  "Don't make me wait six weeks after I ask for help; I might not ask again.",
	  "First appointments are now offered in the same week.",
	  "First contact is now within a week; the full assessment still takes up to four weeks.",
	  "There are not enough staff for full assessments in a week.",
	  "We cannot offer appointments at weekends.",
	  "The budget does not cover weekend staff; the helpline is open at weekends.",
	  "Same-week drop-in already runs on Wednesdays at the Recovery café.",
	  "It started in the spring." },
	{ DEMO_CARERS, "breaks", "I need a break I can book at short notice, not six weeks ahead.",
	  "Carers can now book a break with two days' notice.",
	  "Short-notice breaks can be booked for daytime; overnight still needs a week.",
	  "Overnight staff must be arranged in advance.", "We cannot offer breaks abroad.",
	  "The breaks fund is for breaks in this country; carers can use it for travel costs.",
	  "Carers' Voice members can already book daytime sitting at short notice.",
	  "The sitting service started last year." },
	{ DEMO_CARERS, "carers' assessment",
	  "Nobody asked me how I was coping; the assessment was all about him.",
	  "Carers are now offered their own assessment, in private, when the person they care "
	  "for is assessed.",
	  "Carers are offered their own assessment; it is not yet always in private.",
	  "Home visits do not always allow a private conversation; a phone call is offered.",
	  "We cannot do carers' assessments at evening meetings.",
	  "Assessments are done by social workers in working hours; phone times can be booked.",
	  "Carers already have the right to their own assessment; the Carers' Centre can help "
	  "you ask.",
	  "This is the law." },
	{ DEMO_CARERS, "support worker post",
	  "We don't need a paid involvement worker; put the money into breaks.",
	  "The proposed support worker post was deleted and the money added to the breaks fund.",
	  "The post was cut to half time and the rest added to the breaks fund.",
	  "The half-time post supports carers who are new to meetings.",
	  "We cannot move money from the strategy into individual payments.",
	  "The strategy money funds services; individual money comes through assessments.",
	  "The breaks fund is already growing this year.",
	  "Cabinet agreed the increase in February." },
	{ DEMO_PHYS | DEMO_OLDER, "equipment", "I waited eleven weeks for a bath lift.",
	  "Bath lifts and hoists are now delivered the next working day.",
	  "Most equipment now comes in a week; bath lifts still need a home visit first.",
	  "A therapist must check the bathroom before a lift is fitted.",
	  "We cannot let people buy equipment and claim the money back.",
	  "Equipment must be checked for safety; a voucher scheme is being looked at.",
	  "Urgent equipment for people leaving hospital already comes the next day.",
	  "This is in the current contract." },
	{ DEMO_PHYS, "formats",
	  "Letters come in print I can't read; please send them in braille or by email.",
	  "Your format is now recorded and every letter is sent in it.",
	  "Letters now come by email; braille takes a week longer.",
	  "Braille is produced by an outside service.",
	  "We cannot send appointment letters in braille in time.",
	  "They are sent by the NHS; we asked them to phone you instead.",
	  "Letters from this project already come in your format: tell us if one does not.",
	  "Formats are recorded for everyone who takes part." },
	{ DEMO_PHYS, "interpreters",
	  "Book the interpreter when you book the room, not the day before.",
	  "Interpreters are now booked at the same time as the room, for every meeting.",
	  "Interpreters are booked with the room; remote interpreting is used when none is free.",
	  "There are not enough BSL interpreters locally.",
	  "We cannot pay for interpreters at private appointments.",
	  "That is the provider's duty; we have reminded them.",
	  "Interpreters are already booked for every Deaf Community Group meeting.",
	  "It is in the group's agreement with the council." },
	{ DEMO_PHYS | DEMO_LD | DEMO_CARERS, "managing your own support",
	  "Managing my own care money means paperwork every month; I need help with payroll.",
	  "A payroll service will be part of the new support service.",
	  "Payroll help is offered for the first year; after that there is a small charge.",
	  "The budget covers a free first year only.",
	  "We cannot pay staff wages directly for you.",
	  "You stay the employer so you keep control; the payroll service does the work.",
	  "The Disability Action Network already offers payroll help.",
	  "Ask them for an appointment." },
	{ DEMO_PHYS | DEMO_OLDER | DEMO_CARERS, "stroke",
	  "After the hospital, the physio stopped after six weeks and I was still learning to "
	  "walk.",
	  "Community physiotherapy now lasts up to twelve weeks.",
	  "Community physiotherapy now lasts up to ten weeks.",
	  "The therapy budget covers ten weeks for everyone who needs it.",
	  "We cannot offer physiotherapy at home every day.",
	  "There are not enough therapists; exercises and a weekly visit are offered instead.",
	  "The Stroke Survivors' Club already runs exercise classes every week.",
	  "They are free for members." },
	{ DEMO_COMM | DEMO_OLDER, "culturally specific care",
	  "The elders want a day service where people speak Somali and the food is halal.",
	  "The day service has Somali-speaking staff and halal meals.",
	  "Halal meals are provided; Somali-speaking staff are there three days a week.",
	  "Recruiting Somali-speaking staff is taking time.",
	  "We cannot run the service in the mosque.",
	  "The building does not meet the safety rules for day care; the community centre is "
	  "next door.",
	  "Halal meals are already served at the current service.",
	  "They were agreed with the elders last year." },
	{ DEMO_COMM | DEMO_MH | DEMO_LD, "advocacy",
	  "I need an advocate who speaks my language, not an interpreter on the phone.",
	  "The new advocacy service must offer advocates who speak the main local languages.",
	  "Advocates will speak Polish, Urdu and Somali; other languages use interpreters.",
	  "Those are the most-asked-for languages.",
	  "We cannot offer an advocate in every language.",
	  "There are over 60 languages spoken here; interpreters are used for the rest.",
	  "The current service already has a Polish-speaking advocate.",
	  "Ask for them when you call." },
	{ DEMO_COMM, "trust", "People in our community don't come to council meetings; come to us.",
	  "Meetings are now held at the community centre, in the community's language.",
	  "Every other meeting is now held at the community centre.",
	  "Some meetings need council staff who can only attend at the Town Hall.",
	  "We cannot hold meetings at prayer times.",
	  "We plan meetings around prayer times; ask us to move one that clashes.",
	  "The elders' group already meets at the community centre.",
	  "Officers attend on the first Monday of each month." },
};
const size_t demo_data_said_count = sizeof demo_data_said / sizeof *demo_data_said;

const struct demo_data_origin demo_data_origins[] = {
	{ NULL, NULL, "A B C D E F G H J K L M N O P R S T W Y", 56 },
	{ NULL, NULL, "A B C D E F G H J M O T W", 7 },
	{ "Urdu", "South Asian community", "A B H K M R S", 6 },
	{ "Polish", "Polish community", "W Ł K N Z S M D", 5 },
	{ "Somali", "Somali community", "A H M Y I W J", 3 },
	{ "Cantonese", "Chinese community", "L W Z C H Y", 3 },
	{ "Turkish", "Turkish-speaking community", "A Ö Y Ç K D Ş", 2 },
	{ "Romanian", "Romanian-speaking community", "P I C D M", 2 },
	{ "French", NULL, "D L M B R", 1 },
	{ "Ukrainian", "refugee or asylum seeker", "K S H B T", 2 },
	{ "Portuguese", "Portuguese-speaking community", "S F P C A", 2 },
	{ "Arabic", "refugee or asylum seeker", "H A K M R", 2 },
	{ "Czech", NULL, "N K H Š V", 1 },
	{ "Bengali", "South Asian community", "A U R M K", 2 },
	{ "Punjabi", "South Asian community", "S G D K B", 3 },
	{ "Gujarati", "South Asian community", "P S M D J", 3 },
};
const size_t demo_data_origin_count = sizeof demo_data_origins / sizeof *demo_data_origins;

const struct demo_data_name demo_data_names[] = {
	{ "Ann", 0 },        { "Margaret", 0 },  { "Gwen", 0 },       { "Dorothy", 0 },
	{ "Pat", 0 },        { "Jean", 0 },      { "Brian", 0 },      { "Keith", 0 },
	{ "Susan", 0 },      { "David", 0 },     { "Carol", 0 },      { "Peter", 0 },
	{ "Linda", 0 },      { "Gary", 0 },      { "Karen", 0 },      { "Michael", 0 },
	{ "Janet", 0 },      { "Paul", 0 },      { "Julie", 0 },      { "Steven", 0 },
	{ "Helen", 0 },      { "Mark", 0 },      { "Sharon", 0 },     { "Tony", 0 },
	{ "Denise", 0 },     { "Alan", 0 },      { "Lesley", 0 },     { "Kevin", 0 },
	{ "Tracey", 0 },     { "Ian", 0 },       { "Joan", 0 },       { "Derek", 0 },
	{ "Maureen", 0 },    { "Graham", 0 },    { "Sandra", 0 },     { "Barry", 0 },
	{ "Pauline", 0 },    { "Colin", 0 },     { "Shirley", 0 },    { "Terry", 0 },
	{ "Sophie", 0 },     { "Liam", 0 },      { "Chloe", 0 },      { "Jack", 0 },
	{ "Emma", 0 },       { "Ryan", 0 },      { "Jade", 0 },       { "Callum", 0 },
	{ "Megan", 0 },      { "Owen", 0 },      { "Bethany", 0 },    { "Dylan", 0 },
	{ "Rhian", 0 },      { "Siân", 0 },      { "Aoife", 0 },      { "Siobhán", 0 },
	{ "Niamh", 0 },      { "Seamus", 0 },    { "Eilidh", 0 },     { "Morag", 0 },
	{ "Hamish", 0 },     { "Bridget", 0 },   { "Norman", 0 },     { "Rita", 0 },
	{ "Stan", 0 },       { "Elsie", 0 },     { "Frank", 0 },      { "Iris", 0 },
	{ "Reg", 0 },        { "Vera", 0 },      { "Kwame", 1 },      { "Abena", 1 },
	{ "Chidi", 1 },      { "Ngozi", 1 },     { "Tunde", 1 },      { "Femi", 1 },
	{ "Winston", 1 },    { "Marcia", 1 },    { "Delroy", 1 },     { "Precious", 1 },
	{ "Leroy", 1 },      { "Beverley", 1 },  { "Adaeze", 1 },     { "Kofi", 1 },
	{ "Yetunde", 1 },    { "Mohammed", 2 },  { "Aisha", 2 },      { "Imran", 2 },
	{ "Nasreen", 2 },    { "Bilal", 2 },     { "Farah", 2 },      { "Yusuf", 2 },
	{ "Zainab", 2 },     { "Tariq", 2 },     { "Rukhsana", 2 },   { "Tomasz", 3 },
	{ "Zofia", 3 },      { "Krzysztof", 3 }, { "Małgorzata", 3 }, { "Agnieszka", 3 },
	{ "Paweł", 3 },      { "Bożena", 3 },    { "Jerzy", 3 },      { "Grażyna", 3 },
	{ "Łukasz", 3 },     { "Abdi", 4 },      { "Hodan", 4 },      { "Faadumo", 4 },
	{ "Ayaan", 4 },      { "Mahad", 4 },     { "Xaliimo", 4 },    { "Cabdi", 4 },
	{ "Sahra", 4 },      { "Chen", 5 },      { "Mei", 5 },        { "Wei", 5 },
	{ "Xiu", 5 },        { "Ling", 5 },      { "Jun", 5 },        { "Şükrü", 6 },
	{ "Ayşe", 6 },       { "Mehmet", 6 },    { "Gülşen", 6 },     { "Hüseyin", 6 },
	{ "Öznur", 6 },      { "Bogdan", 7 },    { "Ioana", 7 },      { "Ștefan", 7 },
	{ "Mihaela", 7 },    { "Amélie", 8 },    { "Théo", 8 },       { "Hélène", 8 },
	{ "Jérôme", 8 },     { "Oksana", 9 },    { "Mykola", 9 },     { "Olena", 9 },
	{ "Andriy", 9 },     { "João", 10 },     { "Conceição", 10 }, { "Inês", 10 },
	{ "Luís", 10 },      { "Ahmad", 11 },    { "Leila", 11 },     { "Samir", 11 },
	{ "Rania", 11 },     { "Jiří", 12 },     { "Zuzana", 12 },    { "Tomáš", 12 },
	{ "Věra", 12 },      { "Abdul", 13 },    { "Rahima", 13 },    { "Shahana", 13 },
	{ "Mizanur", 13 },   { "Harjit", 14 },   { "Gurpreet", 14 },  { "Amrit", 14 },
	{ "Jaswinder", 14 }, { "Sukhdev", 14 },  { "Priya", 15 },     { "Sunita", 15 },
	{ "Rajesh", 15 },    { "Sanjay", 15 },   { "Kiran", 15 },     { "Hansa", 15 },
};
const size_t demo_data_name_count = sizeof demo_data_names / sizeof *demo_data_names;

const struct demo_data_venue demo_data_venues[] = {
	{ "The Hub community centre", 1, DEMO_ALL },
	{ "Central Library, meeting room 1", 1, DEMO_ALL },
	{ "Town Hall, committee room 2", 1, DEMO_ALL },
	{ "St Mark's Church hall", 1, DEMO_OLDER | DEMO_CARERS },
	{ "Carers' Centre, Market Street", 1, DEMO_CARERS },
	{ "Riverside forum rooms, Quay Street", 1, DEMO_MH },
	{ "Recovery café, Bridge Street", 1, DEMO_MH },
	{ "Deaf Centre, Station Road", 1, DEMO_PHYS },
	{ "Somali Community Association hall", 1, DEMO_COMM },
	{ "Meadowbank Sports Centre", 1, DEMO_LD | DEMO_PHYS },
	{ "Oakfield Court extra care, show flat", 1, DEMO_OLDER },
	{ "Eastbrook Day Centre", 1, DEMO_EASTBROOK },
	{ "Kings Arms function room (first floor, no lift)", 0, DEMO_ALL },
};
const size_t demo_data_venue_count = sizeof demo_data_venues / sizeof *demo_data_venues;

const char *const demo_data_support_needs[] = {
	"wheelchair access",
	"step-free access and an accessible toilet",
	"hearing loop",
	"papers a week ahead",
	"a supporter comes with me",
	"a quiet room to take breaks",
	"transport to and from the venue",
	"morning meetings are hard because of my medication",
	"frequent short breaks",
	"vegetarian lunch",
	"diabetic lunch",
	"seat near the front; I lip-read",
	NULL,
};

const char *const demo_data_tags[] = {
	"young carer (18 to 25)",
	"Gypsy and Traveller community",
	"homeless or insecurely housed",
	"in recovery from drug or alcohol use",
	"LGBT+",
	"lives in a rural village",
	"Deaf community",
	"pays for own care",
	"sight loss",
	NULL,
};

const char *const demo_data_actions[] = {
	"Send everyone the notes in their own format within two weeks",
	"Find out whether bus passes can be used before 9:30 for meetings",
	"Check the hearing loop before the next meeting",
	"Book a BSL interpreter for every meeting for the rest of the year",
	"Write to the cabinet member with the group's views",
	"Share the budget figures in easy read",
	"Ask the provider why visits were late in the north of the borough and report back",
	"Put the answers to the group's questions on the website",
	"Invite the housing team to the next meeting",
	"Arrange a visit to the crisis café in the next town",
	"Pay outstanding expenses from the last meeting",
	"Send the draft plan to People First for an easy read check",
	"Tell the group the date of the cabinet meeting and how to speak at it",
	"Find a venue with step-free access for the next workshop",
	NULL,
};

const char *const demo_data_notes[] = {
	"Lunch was provided and travel was paid on the day.",
	"A BSL interpreter and a hearing loop were provided.",
	"The easy read summary helped the discussion.",
	"People asked for the next meeting to be in the afternoon.",
	"Everyone agreed the notes before they were shared.",
	"Two people left early because the room was too hot.",
	"Small tables with a supporter on each meant everyone had a say.",
	"People were asked how they want to hear what came of the meeting.",
	"The commissioner explained what could and could not change.",
	NULL,
};

const char *const demo_data_places[] = {
	"Northfield",  "Eastgate",   "Southmoor", "Westbury", "Riverside",    "Hillcrest",
	"Oakham Vale", "Brackley",   "Fernhill",  "Ashby",    "Kingsmead",    "Millbrook",
	"Stanton",     "Harewood",   "Linwood",   "Marsden",  "Thornbury",    "Elmstead",
	"Castleford",  "Greenhithe", "Bramley",   "Wexcombe", "Pendle Cross", "Hartley",
	"Ravensholme", "Coldwell",   "Burnside",  "Ellerby",  "Fairlop",      "Goswick",
	NULL,
};

const char *const demo_data_consent_scopes[] = {
	"Keep my details to invite me to meetings and tell me what came of them",
	"As above, and use my words in reports without my name",
	"Contact about this project only",
	NULL,
};

const char *const demo_data_review_worked =
        "Meeting at the Hub rather than the Town Hall; papers sent in each person's format a week "
        "ahead; a letter within four weeks saying what changed and what did not, and why.";
const char *const demo_data_review_hindered =
        "Staff changes halfway through meant newcomers did not know what had been agreed; the "
        "first two meetings had no interpreter booked.";
