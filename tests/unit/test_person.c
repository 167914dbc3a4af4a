/* SPDX-License-Identifier: GPL-3.0-or-later */
/* person: finding people by part of their name, as completion does while a name is typed. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "person.h"

/* Add a person called name; anonymised when asked. */
static void add(struct store *s, const char *name, bool anonymised)
{
	struct person p;
	person_init(&p);
	mem_replace(&p.name, name);
	p.anonymised = anonymised;
	assert_int_equal(person_create(s, &p, NULL), ERROR_NONE);
	person_clear(&p);
}

/* The names found, joined by "|", stopping after stop names (0: never). */
struct found {
	char text[512];
	int stop, n;
};

static bool collect(int64_t id, const char *name, void *ctx)
{
	struct found *f = ctx;
	assert_true(id != 0);
	if (f->n++)
		strcat(f->text, "|");
	strcat(f->text, name);
	return f->stop == 0 || f->n < f->stop;
}

static const char *search(struct store *s, const char *text, int limit, int stop)
{
	static struct found f;
	memset(&f, 0, sizeof f);
	f.stop = stop;
	assert_int_equal(person_search(s, text, limit, collect, &f, NULL), ERROR_NONE);
	return f.text;
}

static void names_starting_with_the_text_come_first(void **state)
{
	struct support_db *db = *state;
	const char *names[] = { "Joanne S.", "Dan Annis", "anna K.", "Ann B.", "Bob" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		add(db->store, names[i], false);
	add(db->store, "Annette (forgotten)", true);
	/* Starting with it (any case of ASCII letters), then holding it, each by name. */
	assert_string_equal(search(db->store, "ann", 10, 0), "Ann B.|anna K.|Dan Annis|Joanne S.");
	assert_string_equal(search(db->store, "ANN", 10, 0), "Ann B.|anna K.|Dan Annis|Joanne S.");
	/* At most limit, the nearest first; the callback may stop sooner. */
	assert_string_equal(search(db->store, "ann", 3, 0), "Ann B.|anna K.|Dan Annis");
	assert_string_equal(search(db->store, "ann", 10, 1), "Ann B.");
	assert_string_equal(search(db->store, "nn", 10, 0), "Ann B.|anna K.|Dan Annis|Joanne S.");
	assert_string_equal(search(db->store, "zz", 10, 0), "");
	assert_string_equal(search(db->store, "", 10, 0), "");
}

static void letters_beyond_ascii_match_in_any_case_and_wildcards_are_letters(void **state)
{
	struct support_db *db = *state;
	add(db->store, "Małgorzata Łukasik", false);
	add(db->store, "Şükrü A.", false);
	add(db->store, "王芳", false);
	add(db->store, "100% Sam", false);
	add(db->store, "Sam_Two", false);
	assert_string_equal(search(db->store, "łgo", 10, 0), "Małgorzata Łukasik");
	assert_string_equal(search(db->store, "Łuk", 10, 0), "Małgorzata Łukasik");
	assert_string_equal(search(db->store, "Şük", 10, 0), "Şükrü A.");
	assert_string_equal(search(db->store, "芳", 10, 0), "王芳");
	/* Capitals beyond ASCII match whatever case they are typed in, starts first. */
	add(db->store, "Łucja Nowak", false);
	assert_string_equal(search(db->store, "łuk", 10, 0), "Małgorzata Łukasik");
	assert_string_equal(search(db->store, "MAŁGO", 10, 0), "Małgorzata Łukasik");
	assert_string_equal(search(db->store, "şük", 10, 0), "Şükrü A.");
	assert_string_equal(search(db->store, "łu", 10, 0), "Łucja Nowak|Małgorzata Łukasik");
	assert_string_equal(search(db->store, "łu", 1, 0), "Łucja Nowak");
	assert_string_equal(search(db->store, "łu", 10, 1), "Łucja Nowak");
	/* % and _ are letters here, not LIKE's wildcards. */
	assert_string_equal(search(db->store, "%", 10, 0), "100% Sam");
	assert_string_equal(search(db->store, "_", 10, 0), "Sam_Two");
	assert_string_equal(search(db->store, "S_m", 10, 0), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(names_starting_with_the_text_come_first,
		                                support_db_setup, support_db_teardown),
		cmocka_unit_test_setup_teardown(
		        letters_beyond_ascii_match_in_any_case_and_wildcards_are_letters,
		        support_db_setup, support_db_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
