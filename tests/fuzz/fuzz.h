/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz: what every libFuzzer target shares. A target defines
 * LLVMFuzzerTestOneInput (declared here, so the prototype warning stays on)
 * and checks properties with FUZZ_CHECK, which aborts so libFuzzer reports
 * the input as a crash.
 */
#ifndef INVOLVE_FUZZ_H
#define INVOLVE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "fuzz: property failed: %s (%s:%d)\n", #cond, __FILE__,    \
			        __LINE__);                                                         \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

#endif
