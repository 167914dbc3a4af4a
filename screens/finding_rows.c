/* SPDX-License-Identifier: GPL-3.0-or-later */
/* finding_rows: findings as rows with their severity word, and their explanations. */
#include "finding_rows.h"

/* How a severity stands out; the word itself is always shown. */
static const enum view_tone finding_rows_tone[RULE_SEVERITY_COUNT] = {
	[RULE_ERROR] = VIEW_TONE_ALERT,
	[RULE_WARNING] = VIEW_TONE_WARN,
	[RULE_INFO] = VIEW_TONE_PLAIN,
};

void finding_rows_add(struct view_section *sec, const struct rules_list *l, size_t max)
{
	size_t shown = l->count < max ? l->count : max;
	for (size_t i = 0; i < shown; i++) {
		struct finding f;
		rules_list_get(l, i, &f);
		struct view_row *row = view_list_add(sec);
		row->id = (int64_t)i;
		view_row_label(row, "%s", f.message);
		view_row_status(row, rules_severity_name(f.severity),
		                finding_rows_tone[f.severity]);
	}
	if (shown < l->count) {
		struct view_row *row = view_list_add(sec);
		row->id = FINDING_ROWS_MORE;
		view_row_label(row, "and %zu more like these", l->count - shown);
		view_row_value(row, "the Findings screen and \"involve check\" list them all");
	}
}

bool finding_rows_explain(struct view *v, const struct rules_list *l, const struct view_row *row)
{
	if (!row || row->id < 0 || (size_t)row->id >= l->count)
		return false;
	struct finding f;
	rules_list_get(l, (size_t)row->id, &f);
	view_message(v, VIEW_TONE_PLAIN, "%s (%s, rule %s): %s", f.rule->title,
	             rules_severity_name(f.severity), f.rule->id, f.rule->help);
	return true;
}
