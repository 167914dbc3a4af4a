/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main: placeholder until the command line lands. */
#include <stdio.h>

int main(void)
{
	puts("involve " INVOLVE_VERSION);
	return 0;
}
