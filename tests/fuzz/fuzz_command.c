/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Fuzz the text-mode command parser with any line: it never crashes, and what
 * it gives back is a command of the table (or none), an action only from the
 * words it was given, a row number only when it took one.
 */
#include <string.h>

#include "command.h"
#include "fuzz.h"
#include "mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const actions[] = { "add", "delete", "given", "all", "respond", NULL };
	char *line = mem_strndup((const char *)data, size);
	for (int with_actions = 0; with_actions < 2; with_actions++) {
		struct command c;
		command_make(&c, COMMAND_NONE, NULL);
		bool parsed = command_parse(line, with_actions ? actions : NULL, &c);
		if (!parsed) {
			FUZZ_CHECK(c.kind == COMMAND_NONE);
		} else {
			FUZZ_CHECK(c.kind != COMMAND_NONE);
			if (c.kind == COMMAND_ACTION) {
				FUZZ_CHECK(with_actions && c.text);
				bool known = false;
				for (size_t i = 0; actions[i]; i++)
					known |= strcmp(c.text, actions[i]) == 0;
				FUZZ_CHECK(known);
			}
			if (c.kind == COMMAND_CHOOSE)
				FUZZ_CHECK(c.number >= 0);
		}
		command_clear(&c);
	}
	free(line);
	return 0;
}
