/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Fuzz what stands between stored text and a terminal or a JSON file:
 * text_clean and json_quote never let a control character or invalid UTF-8
 * through, and widths never split a character.
 */
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "json.h"
#include "mem.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = mem_strndup((const char *)data, size);
	for (unsigned flags = 0; flags <= TEXT_KEEP_NEWLINES; flags += TEXT_KEEP_NEWLINES) {
		char *clean = text_clean(text, flags);
		FUZZ_CHECK(text_is_clean(clean, flags));
		char *twice = text_clean(clean, flags);
		FUZZ_CHECK(strcmp(twice, clean) == 0);
		free(twice);
		size_t used, fit = text_fit(clean, size % 50, &used);
		FUZZ_CHECK(fit <= strlen(clean) && used <= size % 50);
		char *prefix = mem_strndup(clean, fit);
		FUZZ_CHECK(text_is_clean(prefix, flags));
		free(prefix);
		free(clean);
	}
	struct buf b;
	buf_init(&b);
	json_quote(&b, text);
	char *quoted = buf_take(&b);
	FUZZ_CHECK(text_is_clean(quoted, 0));
	free(quoted);
	free(text);
	return 0;
}
