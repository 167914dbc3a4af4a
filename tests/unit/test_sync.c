/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Sync: laptops that diverge offline from a common start exchange changeset
 * files in different orders and all end with the same records, every
 * conflict reported in words; files applied twice change nothing; damaged,
 * newer and unrelated files are refused with nothing changed.
 */
#include "support.h"

#include <dirent.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "attendance.h"
#include "meeting.h"
#include "mem.h"
#include "person.h"
#include "privacy.h"
#include "project.h"
#include "record.h"
#include "schema.h"
#include "sync.h"

/* Up to four laptops, each its own database in one temporary folder. */
struct lab {
	char *dir;
	struct store *db[4];
	char *path[4];
	int64_t project;      /* the common start: Day services redesign */
	int64_t forum, visit; /* Carers' forum 2026-10-02, Day centre visit 2026-10-09 */
	int64_t ann, bob;
};

static const char *const lab_names[] = { "LAPTOP-A", "LAPTOP-B", "LAPTOP-C", "LAPTOP-D" };

/* Open laptop i (creating its database) and give it its name. */
static struct store *lab_open(struct lab *l, int i)
{
	char *file = mem_printf("laptop%d.db", i);
	l->path[i] = support_path(l->dir, file);
	free(file);
	l->db[i] = support_open(l->path[i]);
	/* Durability is not what these tests check; waiting for the disk only slows them. */
	assert_int_equal(store_exec(l->db[i], "PRAGMA synchronous = OFF", NULL), ERROR_NONE);
	assert_int_equal(sync_set_name(l->db[i], lab_names[i], NULL), ERROR_NONE);
	return l->db[i];
}

static char *lab_file(struct lab *l, const char *name)
{
	return support_path(l->dir, name);
}

/* Wait long enough that the next change has a later updated_at (millisecond stamps). */
static void tick(void)
{
	struct timespec ts = { 0, 3 * 1000 * 1000 };
	nanosleep(&ts, NULL);
}

static int64_t add_project(struct store *s, const char *title)
{
	struct project p;
	project_init(&p);
	mem_replace(&p.title, title);
	assert_int_equal(project_create(s, &p, NULL), ERROR_NONE);
	int64_t id = p.head.id;
	project_clear(&p);
	return id;
}

static int64_t add_person(struct store *s, const char *name)
{
	struct person p;
	person_init(&p);
	mem_replace(&p.name, name);
	assert_int_equal(person_create(s, &p, NULL), ERROR_NONE);
	int64_t id = p.head.id;
	person_clear(&p);
	return id;
}

static int64_t add_meeting(struct store *s, int64_t project, const char *title, const char *date)
{
	struct meeting m;
	meeting_init(&m);
	m.project_id = project;
	mem_replace(&m.title, title);
	snprintf(m.held_on, sizeof m.held_on, "%s", date);
	m.status = MEETING_HELD;
	assert_int_equal(meeting_create(s, &m, NULL), ERROR_NONE);
	int64_t id = m.head.id;
	meeting_clear(&m);
	return id;
}

static int64_t add_attendance(struct store *s, int64_t meeting, int64_t person, const char *met)
{
	struct attendance a;
	attendance_init(&a);
	a.meeting_id = meeting;
	a.person_id = person;
	assert_int_equal(
	        record_field_parse(record_field(&attendance_kind, "needs_met"), &a, met, NULL),
	        ERROR_NONE);
	assert_int_equal(attendance_create(s, &a, NULL), ERROR_NONE);
	int64_t id = a.head.id;
	attendance_clear(&a);
	return id;
}

/* Change one field as a form would. */
static void edit(struct store *s, const struct record_kind *kind, int64_t id, const char *field,
                 const char *text)
{
	struct error err;
	if (record_set(s, kind, id, field, text, &err) != ERROR_NONE)
		fail_msg("setting %s.%s: %s", kind->table, field, err.msg);
}

/* Every row of the given tables, ordered by key, as text. */
static char *dump_tables(struct store *s, const char *const *tables)
{
	char *out = mem_strdup("");
	for (int t = 0; tables[t]; t++) {
		char *sql = mem_printf("SELECT * FROM \"%s\" ORDER BY 1", tables[t]);
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL), SQLITE_OK);
		free(sql);
		char *next = mem_printf("%s[%s]\n", out, tables[t]);
		free(out);
		out = next;
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const char *v = (const char *)sqlite3_column_text(st, c);
				next = mem_printf("%s%d:%s|", out, sqlite3_column_type(st, c),
				                  v ? v : "");
				free(out);
				out = next;
			}
			next = mem_printf("%s\n", out);
			free(out);
			out = next;
		}
		sqlite3_finalize(st);
	}
	return out;
}

/* Every record table: what must be the same on every laptop. */
static char *dump_records(struct store *s)
{
	return dump_tables(s, schema_record_tables);
}

/* Every table, local ones included: what a refusal must leave alone. */
static char *dump_everything(struct store *s)
{
	const char *names[64];
	char *owned[64];
	int n = 0;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(store_db(s),
	                                    "SELECT name FROM sqlite_schema WHERE type = 'table' "
	                                    "ORDER BY name",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW && n < 63) {
		owned[n] = mem_strdup((const char *)sqlite3_column_text(st, 0));
		names[n] = owned[n];
		n++;
	}
	sqlite3_finalize(st);
	names[n] = NULL;
	char *out = dump_tables(s, names);
	for (int i = 0; i < n; i++)
		free(owned[i]);
	return out;
}

static void assert_same_records(struct store *a, struct store *b)
{
	char *x = dump_records(a), *y = dump_records(b);
	assert_string_equal(x, y);
	free(x);
	free(y);
}

/* Export from s to file, for laptop to (NULL: the only one known) or everything. */
static int64_t export_for(struct store *s, const char *file, const char *to, bool all)
{
	struct sync_export_options opt = { .to = to, .all = all };
	struct sync_export_result res;
	struct error err;
	if (sync_export(s, file, &opt, &res, &err) != ERROR_NONE)
		fail_msg("export: %s", err.msg);
	int64_t changes = res.changes;
	sync_export_result_free(&res);
	return changes;
}

/* Apply file to s; returns the reports joined by newlines ("" for none). */
static char *apply_file(struct store *s, const char *file, bool *already)
{
	struct sync_apply_result res;
	struct error err;
	if (sync_apply(s, file, NULL, &res, &err) != ERROR_NONE)
		fail_msg("apply %s: %s", file, err.msg);
	char *out = mem_strdup("");
	for (size_t i = 0; i < res.nreports; i++) {
		char *next = mem_printf("%s%s\n", out, res.reports[i]);
		free(out);
		out = next;
	}
	if (already)
		*already = res.already;
	sync_apply_result_free(&res);
	return out;
}

/* True when laptop s has applied a file from the laptop called name. */
static bool heard_from(struct store *s, const char *name)
{
	struct sync_peer *peers;
	size_t n;
	assert_int_equal(sync_peers(s, &peers, &n, NULL), ERROR_NONE);
	bool found = false;
	for (size_t i = 0; i < n; i++)
		found |= strcmp(peers[i].name, name) == 0;
	sync_peers_free(peers, n);
	return found;
}

/* Export from laptop i for laptop j (everything if i never heard from j) and apply there. */
static char *send(struct lab *l, int i, int j, const char *file_name)
{
	char *file = lab_file(l, file_name);
	bool all = !heard_from(l->db[i], lab_names[j]);
	export_for(l->db[i], file, all ? NULL : lab_names[j], all);
	char *reports = apply_file(l->db[j], file, NULL);
	free(file);
	return reports;
}

static size_t count_lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void assert_report(const char *reports, const char *sentence)
{
	assert_non_null(reports);
	if (!strstr(reports, sentence))
		fail_msg("expected the report \"%s\" among:\n%s", sentence, reports);
}

static int64_t count_rows(struct store *s, const char *sql)
{
	return record_lookup(s, sql, "");
}

/* Laptop A with the common start; laptops 1..n-1 start from its export of everything. */
static void lab_start(struct lab *l, int n)
{
	memset(l, 0, sizeof *l);
	setenv("INVOLVE_TODAY", "2026-11-22", 1);
	l->dir = support_tempdir();
	struct store *a = lab_open(l, 0);
	l->project = add_project(a, "Day services redesign");
	l->ann = add_person(a, "Ann B.");
	l->bob = add_person(a, "Bob K.");
	l->forum = add_meeting(a, l->project, "Carers' forum", "2026-10-02");
	edit(a, &meeting_kind, l->forum, "notes", "first notes");
	l->visit = add_meeting(a, l->project, "Day centre visit", "2026-10-09");
	edit(a, &meeting_kind, l->visit, "venue", "Hall");
	add_attendance(a, l->forum, l->ann, "yes");
	char *file = lab_file(l, "start.sync");
	assert_true(export_for(a, file, NULL, true) > 0);
	for (int i = 1; i < n; i++) {
		lab_open(l, i);
		struct sync_apply_result res;
		assert_int_equal(sync_apply(l->db[i], file, NULL, &res, NULL), ERROR_NONE);
		assert_true(res.joined);
		assert_int_equal(res.nreports, 0);
		sync_apply_result_free(&res);
		assert_same_records(a, l->db[i]);
	}
	free(file);
	tick();
}

static void lab_end(struct lab *l)
{
	for (int i = 0; i < 4; i++) {
		if (l->db[i])
			store_close(l->db[i]);
		free(l->path[i]);
	}
	support_rmdir(l->dir);
}

static void two_laptops_merge_offline_work(void **state)
{
	(void)state;
	struct lab l;
	lab_start(&l, 2);
	struct store *a = l.db[0], *b = l.db[1];
	/* Offline on both: new people and meetings, the same meeting edited on both. */
	add_person(a, "Cara D.");
	add_meeting(a, l.project, "Survey launch", "2026-11-01");
	edit(a, &meeting_kind, l.forum, "notes", "notes from A");
	edit(a, &meeting_kind, l.visit, "venue", "Library");
	tick();
	add_person(b, "Dev P.");
	add_meeting(b, l.project, "Panel", "2026-11-05");
	edit(b, &meeting_kind, l.forum, "notes", "notes from B");
	assert_int_equal(meeting_delete(b, l.visit, NULL), ERROR_NONE); /* edited on A */
	assert_int_equal(person_delete(b, l.bob, NULL), ERROR_NONE);    /* changed nowhere */

	/* Files cross: B writes for A (its only laptop); A has heard from nobody, so everything. */
	char *fb = lab_file(&l, "b1.sync"), *fa = lab_file(&l, "a1.sync");
	export_for(b, fb, NULL, false);
	export_for(a, fa, NULL, false);
	char *at_a = apply_file(a, fb, NULL);
	assert_report(at_a, "Meeting *Carers' forum* 2026-10-02: notes changed on both; kept the "
	                    "later version from LAPTOP-B, earlier text saved in the audit log");
	assert_report(at_a, "Meeting *Day centre visit* 2026-10-09: deleted on LAPTOP-B but "
	                    "changed here; kept it");
	assert_int_equal(count_lines(at_a), 2);
	char *at_b = apply_file(b, fa, NULL);
	assert_report(at_b, "Meeting *Carers' forum* 2026-10-02: notes changed on both; kept the "
	                    "later version made here, LAPTOP-A's earlier text saved in the audit "
	                    "log");
	assert_report(at_b, "Meeting *Day centre visit* 2026-10-09: deleted here but changed on "
	                    "LAPTOP-A; kept LAPTOP-A's version");
	assert_int_equal(count_lines(at_b), 2);
	assert_same_records(a, b);

	/* What each kept: B's later notes, A's venue, nobody's Bob; A's text is in its audit. */
	struct meeting m;
	assert_int_equal(meeting_get(a, l.forum, &m, NULL), ERROR_NONE);
	assert_string_equal(m.notes, "notes from B");
	meeting_clear(&m);
	assert_int_equal(meeting_get(b, l.visit, &m, NULL), ERROR_NONE);
	assert_string_equal(m.venue, "Library");
	meeting_clear(&m);
	assert_int_equal(count_rows(a, "SELECT count(*) FROM person WHERE name = 'Bob K.'"), 0);
	assert_int_equal(count_rows(a, "SELECT count(*) FROM audit WHERE op = 'note' AND detail "
	                               "LIKE '%notes = \"notes from A\"%'"),
	                 1);
	assert_int_equal(count_rows(b, "SELECT count(*) FROM audit WHERE op = 'note' AND detail "
	                               "LIKE '%notes = \"notes from A\"%'"),
	                 1);

	/* A second round finds nothing left to settle. */
	char *r1 = send(&l, 0, 1, "a2.sync");
	char *r2 = send(&l, 1, 0, "b2.sync");
	assert_string_equal(r1, "");
	assert_string_equal(r2, "");
	assert_same_records(a, b);
	free(r1), free(r2), free(at_a), free(at_b), free(fa), free(fb);
	lab_end(&l);
}

/* Exchange through the hub (laptop 0) until nothing changes; the last round must report nothing. */
static void settle_through_hub(struct lab *l, int n)
{
	for (int round = 0; round < 2; round++) {
		for (int i = 1; i < n; i++) {
			char *up = send(l, i, 0, "up.sync");
			char *down = send(l, 0, i, "down.sync");
			if (round == 1) {
				assert_string_equal(up, "");
				assert_string_equal(down, "");
			}
			free(up);
			free(down);
		}
	}
	for (int i = 1; i < n; i++)
		assert_same_records(l->db[0], l->db[i]);
}

static void three_laptops_through_a_hub(void **state)
{
	(void)state;
	struct lab l;
	lab_start(&l, 3);
	struct store *a = l.db[0], *b = l.db[1], *c = l.db[2];
	edit(a, &meeting_kind, l.forum, "purpose", "Hear carers on respite");
	add_meeting(a, l.project, "Budget briefing", "2026-11-10");
	tick();
	add_person(b, "Eve S.");
	add_meeting(b, l.project, "Young carers' group", "2026-11-12");
	edit(b, &meeting_kind, l.forum, "notes", "notes from B");
	assert_int_equal(meeting_delete(b, l.visit, NULL), ERROR_NONE);
	tick();
	add_person(c, "Faz R.");
	edit(c, &meeting_kind, l.forum, "notes", "notes from C");
	edit(c, &meeting_kind, l.visit, "venue", "Library");

	/* B first: different columns from A's merge quietly; the deletion goes through. */
	char *r = send(&l, 1, 0, "b1.sync");
	assert_string_equal(r, "");
	free(r);
	/* C: the same notes as B, later; the visit B deleted, C changed. */
	r = send(&l, 2, 0, "c1.sync");
	assert_report(r,
	              "Meeting *Carers' forum* 2026-10-02: notes changed on both; kept the later "
	              "version from LAPTOP-C, earlier text saved in the audit log");
	assert_report(r, "Meeting *Day centre visit* 2026-10-09: deleted here but changed on "
	                 "LAPTOP-C; kept LAPTOP-C's version");
	assert_int_equal(count_lines(r), 2);
	free(r);
	/* Back to B: its deletion is undone by C's change, and it is told so. */
	r = send(&l, 0, 1, "a1.sync");
	assert_report(r, "Meeting *Day centre visit* 2026-10-09: deleted here earlier, but it was "
	                 "changed elsewhere, so LAPTOP-A sent it back");
	assert_int_equal(count_lines(r), 1);
	free(r);
	r = send(&l, 0, 2, "a2.sync");
	assert_string_equal(r, "");
	free(r);
	settle_through_hub(&l, 3);
	struct meeting m;
	assert_int_equal(meeting_get(b, l.forum, &m, NULL), ERROR_NONE);
	assert_string_equal(m.notes, "notes from C");
	assert_string_equal(m.purpose, "Hear carers on respite");
	meeting_clear(&m);
	assert_int_equal(count_rows(c, "SELECT count(*) FROM person"), 4);
	assert_int_equal(count_rows(c, "SELECT count(*) FROM meeting"), 4);
	lab_end(&l);
}

static void three_laptops_in_another_order(void **state)
{
	(void)state;
	struct lab l;
	lab_start(&l, 3);
	struct store *a = l.db[0], *b = l.db[1], *c = l.db[2];
	edit(b, &meeting_kind, l.forum, "notes", "notes from B");
	add_person(b, "Eve S.");
	tick();
	edit(a, &meeting_kind, l.forum, "notes", "notes from A");
	assert_int_equal(person_delete(a, l.bob, NULL), ERROR_NONE);
	tick();
	edit(c, &meeting_kind, l.visit, "notes", "wet day");
	add_meeting(c, l.project, "Drop-in", "2026-11-20");

	/* The hub sends first, to laptops it has not heard from: everything, twice over. */
	char *fa = lab_file(&l, "a-all.sync");
	export_for(a, fa, NULL, false);
	char *rc = apply_file(c, fa, NULL);
	assert_string_equal(rc, ""); /* C changed nothing A changed; Bob goes quietly */
	char *rb = apply_file(b, fa, NULL);
	assert_report(rb, "Meeting *Carers' forum* 2026-10-02: notes changed on both; kept the "
	                  "later version from LAPTOP-A, earlier text saved in the audit log");
	assert_int_equal(count_lines(rb), 1);
	free(rb), free(rc);
	/* Then C and B write back, C first. */
	rc = send(&l, 2, 0, "c1.sync");
	assert_string_equal(rc, "");
	rb = send(&l, 1, 0, "b1.sync");
	assert_string_equal(rb, ""); /* B already took A's notes */
	free(rb), free(rc);
	settle_through_hub(&l, 3);
	assert_int_equal(count_rows(b, "SELECT count(*) FROM person WHERE name = 'Bob K.'"), 0);
	assert_int_equal(count_rows(b, "SELECT count(*) FROM meeting WHERE notes = 'wet day'"), 1);
	assert_int_equal(count_rows(c, "SELECT count(*) FROM person WHERE name = 'Eve S.'"), 1);
	free(fa);
	lab_end(&l);
}

static void applying_twice_changes_nothing(void **state)
{
	(void)state;
	struct lab l;
	lab_start(&l, 2);
	struct store *a = l.db[0], *b = l.db[1];
	edit(b, &meeting_kind, l.forum, "notes", "notes from B");
	add_person(b, "Eve S.");
	char *fb = lab_file(&l, "b1.sync");
	export_for(b, fb, NULL, false);
	bool already = true;
	char *r = apply_file(a, fb, &already);
	assert_false(already);
	free(r);
	char *before = dump_everything(a);
	r = apply_file(a, fb, &already);
	assert_true(already);
	assert_string_equal(r, "");
	char *after = dump_everything(a);
	assert_string_equal(before, after);
	free(r), free(before), free(after);

	/* Everything again, as a new laptop would get it: nothing to change, nothing to report. */
	char *all = lab_file(&l, "b-all.sync");
	export_for(b, all, NULL, true);
	before = dump_records(a);
	r = apply_file(a, all, &already);
	assert_false(already);
	assert_string_equal(r, "");
	after = dump_records(a);
	assert_string_equal(before, after);
	free(r), free(before), free(after), free(all), free(fb);
	lab_end(&l);
}

static void a_lost_file_loses_nothing(void **state)
{
	(void)state;
	struct lab l;
	lab_start(&l, 2);
	struct store *a = l.db[0], *b = l.db[1];
	char *lost = lab_file(&l, "lost.sync"), *kept = lab_file(&l, "kept.sync");
	add_person(b, "Eve S.");
	export_for(b, lost, NULL, false); /* never arrives */
	add_person(b, "Gus T.");
	/* Until A confirms, every export repeats what it has not confirmed. */
	assert_int_equal(export_for(b, kept, NULL, false), 2);
	char *r = apply_file(a, kept, NULL);
	free(r);
	assert_same_records(a, b);
	/* The late file is older than one applied: it is skipped. */
	bool already = false;
	r = apply_file(a, lost, &already);
	assert_true(already);
	free(r);
	/* Once A's reply confirms it, B's next export is empty. */
	r = send(&l, 0, 1, "a1.sync");
	free(r);
	assert_int_equal(export_for(b, kept, NULL, false), 0);
	free(lost), free(kept);
	lab_end(&l);
}

/* Apply file to s expecting a refusal with code and words; nothing at all may change. */
static void assert_refused(struct store *s, const char *file, enum error_code code,
                           const char *words)
{
	char *before = dump_everything(s);
	char *folder = sync_folder(s);
	struct stat st;
	bool had_folder = stat(folder, &st) == 0;
	struct sync_apply_result res;
	struct error err;
	assert_int_equal(sync_apply(s, file, NULL, &res, &err), code);
	if (!strstr(err.msg, words))
		fail_msg("expected \"%s\" in: %s", words, err.msg);
	assert_non_null(strstr(err.msg, "othing was changed"));
	sync_apply_result_free(&res);
	char *after = dump_everything(s);
	assert_string_equal(before, after);
	assert_int_equal(stat(folder, &st) == 0, had_folder);
	free(before), free(after), free(folder);
}

/* FNV-1a 64, as the file format documents. */
static uint64_t fnv(uint64_t h, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 1099511628211u;
	return h;
}

/* Rewrite a sync file with one header line replaced, with a correct check sum. */
static void rewrite_header(const char *from, const char *to, const char *key, const char *line)
{
	size_t n;
	char *buf = support_read_file(from, &n);
	assert_non_null(buf);
	char *body = strstr(buf, "\n\n");
	assert_non_null(body);
	body += 2;
	size_t body_n = n - (size_t)(body - buf);
	char *head = mem_strdup("");
	char *save = NULL;
	char *copy = mem_strndup(buf, (size_t)(body - buf - 2));
	for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		if (strncmp(l, "check ", 6) == 0)
			continue;
		char *next =
		        mem_printf("%s%s\n", head, strncmp(l, key, strlen(key)) == 0 ? line : l);
		free(head);
		head = next;
	}
	uint64_t h = fnv(14695981039346656037u, (const unsigned char *)head, strlen(head));
	h = fnv(h, (const unsigned char *)body, body_n);
	char *full = mem_printf("%scheck %016llx\n\n", head, (unsigned long long)h);
	size_t fn = strlen(full);
	char *out = mem_alloc(fn + body_n);
	memcpy(out, full, fn);
	memcpy(out + fn, body, body_n);
	support_write_file(to, out, fn + body_n);
	free(out), free(full), free(head), free(copy), free(buf);
}

static void refuses_bad_files_and_changes_nothing(void **state)
{
	(void)state;
	struct lab l;
	lab_start(&l, 2);
	struct store *a = l.db[0], *b = l.db[1];
	edit(b, &meeting_kind, l.forum, "notes", "notes from B");
	char *good = lab_file(&l, "good.sync"), *bad = lab_file(&l, "bad.sync");
	export_for(b, good, NULL, false);
	size_t n;
	char *bytes = support_read_file(good, &n);

	/* Truncated: the last bytes of the changes are missing. */
	support_write_file(bad, bytes, n - 7);
	assert_refused(a, bad, ERROR_CORRUPT, "is incomplete");
	/* Corrupt: one byte of the changes flipped. */
	bytes[n - 3] ^= 0x55;
	support_write_file(bad, bytes, n);
	assert_refused(a, bad, ERROR_CORRUPT, "is damaged");
	bytes[n - 3] ^= 0x55;
	/* Not a sync file at all. */
	static const char zip[] = "PK\x03\x04 a spreadsheet";
	support_write_file(bad, zip, sizeof zip - 1);
	assert_refused(a, bad, ERROR_CORRUPT, "is not an involve sync file");
	/* From a newer schema, and from a newer file format. */
	rewrite_header(good, bad, "schema ", "schema 99");
	assert_refused(a, bad, ERROR_NEWER, "update involve here");
	rewrite_header(good, bad, "involve-sync ", "involve-sync 2");
	assert_refused(a, bad, ERROR_NEWER, "newer involve");
	/* Changes whose header miscounts them. */
	rewrite_header(good, bad, "changes ", "changes 5");
	assert_refused(a, bad, ERROR_CORRUPT, "cannot be read");
	/* Made from the same database. */
	assert_refused(b, good, ERROR_INVALID, "made from this database");

	/* The good file still applies. */
	char *r = apply_file(a, good, NULL);
	free(r);

	/* From an unrelated record that holds records of its own. */
	struct lab other;
	lab_start(&other, 1);
	char *foreign = lab_file(&other, "foreign.sync");
	export_for(other.db[0], foreign, NULL, true);
	assert_refused(a, foreign, ERROR_INVALID, "keeps a different record");
	/* ... unless asked to join it. */
	struct sync_apply_options join = { .join = true };
	struct sync_apply_result res;
	assert_int_equal(sync_apply(a, foreign, &join, &res, NULL), ERROR_NONE);
	assert_true(res.joined);
	sync_apply_result_free(&res);
	assert_int_equal(count_rows(a, "SELECT count(*) FROM project"), 2);

	free(foreign), free(bytes), free(good), free(bad);
	lab_end(&other);
	lab_end(&l);
}

static void a_fresh_database_is_refused_nothing_and_keeps_no_folder(void **state)
{
	(void)state;
	struct lab l;
	lab_start(&l, 1);
	char *bad = lab_file(&l, "bad.sync");
	static const char half[] = "involve-sync 1\nschema 2\n\n";
	support_write_file(bad, half, sizeof half - 1);
	struct store *fresh = lab_open(&l, 1);
	assert_refused(fresh, bad, ERROR_CORRUPT, "is damaged");
	free(bad);
	lab_end(&l);
}

static void deleted_parents_with_new_children_are_kept(void **state)
{
	(void)state;
	struct lab l;
	lab_start(&l, 2);
	struct store *a = l.db[0], *b = l.db[1];
	int64_t second = add_project(a, "Respite review");
	int64_t old = add_meeting(a, second, "Respite panel", "2026-09-01");
	char *r = send(&l, 0, 1, "a0.sync"); /* B learns of it (and A of B, below) */
	free(r);
	r = send(&l, 1, 0, "b0.sync");
	free(r);
	tick();
	/* A deletes the first project (its meetings go with it); B adds a meeting to it. */
	assert_int_equal(project_delete(a, l.project, NULL), ERROR_NONE);
	add_meeting(b, l.project, "Late workshop", "2026-11-15");
	/* B deletes the second project; A adds a meeting to it. */
	assert_int_equal(project_delete(b, second, NULL), ERROR_NONE);
	add_meeting(a, second, "Follow-up", "2026-11-16");
	(void)old;

	char *at_a = send(&l, 1, 0, "b1.sync");
	assert_report(at_a, "Project *Day services redesign*: deleted here, but LAPTOP-B added or "
	                    "changed records that belong to it; kept it");
	assert_report(at_a, "Project *Respite review*: deleted on LAPTOP-B, but records added or "
	                    "changed here belong to it; kept it");
	char *at_b = send(&l, 0, 1, "a1.sync");
	free(at_a), free(at_b);
	settle_through_hub(&l, 2);
	assert_int_equal(count_rows(a, "SELECT count(*) FROM project"), 2);
	assert_int_equal(count_rows(b, "SELECT count(*) FROM meeting WHERE title IN "
	                               "('Late workshop', 'Follow-up')"),
	                 2);
	/* What was deleted and changed nowhere stays deleted. */
	assert_int_equal(count_rows(b, "SELECT count(*) FROM meeting WHERE title IN "
	                               "('Carers'' forum', 'Respite panel')"),
	                 0);
	assert_int_equal(store_check(a, NULL), ERROR_NONE);
	assert_int_equal(store_check(b, NULL), ERROR_NONE);
	lab_end(&l);
}

static void the_same_attendance_recorded_twice_merges(void **state)
{
	(void)state;
	struct lab l;
	lab_start(&l, 2);
	struct store *a = l.db[0], *b = l.db[1];
	int64_t x = add_attendance(a, l.forum, l.bob, "no");
	tick();
	int64_t y = add_attendance(b, l.forum, l.bob, "yes");
	char *at_a = send(&l, 1, 0, "b1.sync");
	assert_report(at_a, "Attendance (meeting *Carers' forum* 2026-10-02; person *Bob K.*): "
	                    "recorded both here and on LAPTOP-B; merged into one, and where they "
	                    "differed (support needs met) the later entry was kept");
	char *at_b = send(&l, 0, 1, "a1.sync");
	free(at_a), free(at_b);
	settle_through_hub(&l, 2);
	char *sql = mem_printf("SELECT count(*) FROM attendance WHERE meeting_id = %lld AND "
	                       "person_id = %lld AND id = %lld AND needs_met = 1",
	                       (long long)l.forum, (long long)l.bob, (long long)(x < y ? x : y));
	assert_int_equal(count_rows(a, sql), 1);
	assert_int_equal(count_rows(b, sql), 1);
	free(sql);
	lab_end(&l);
}

/* True when any file under dir (but skip) holds text. */
static bool found_in_files(const char *dir, const char *skip, const char *text)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	bool found = false;
	struct dirent *e;
	while (!found && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || strcmp(e->d_name, skip) == 0)
			continue;
		char *path = mem_printf("%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			found = found_in_files(path, skip, text);
		} else {
			size_t n;
			char *bytes = support_read_file(path, &n);
			found = bytes && memmem(bytes, n, text, strlen(text)) != NULL;
			free(bytes);
		}
		free(path);
	}
	closedir(d);
	return found;
}

static void forgetting_wins_everywhere(void **state)
{
	(void)state;
	struct lab l;
	lab_start(&l, 2);
	struct store *a = l.db[0], *b = l.db[1];
	/* A forgets Ann; B, not knowing, records her phone number afterwards. */
	struct privacy_forgotten f;
	assert_int_equal(privacy_forget(a, l.ann, false, &f, NULL), ERROR_NONE);
	privacy_forgotten_free(&f);
	tick();
	edit(b, &person_kind, l.ann, "contact", "0161 496 0777");
	edit(b, &person_kind, l.ann, "support_needs", "hearing loop");
	char *r = send(&l, 1, 0, "b1.sync");
	free(r);
	r = send(&l, 0, 1, "a1.sync");
	free(r);
	settle_through_hub(&l, 2);
	for (int i = 0; i < 2; i++) {
		struct person p;
		assert_int_equal(person_get(l.db[i], l.ann, &p, NULL), ERROR_NONE);
		assert_int_equal(p.anonymised, 1);
		/* The same name on both laptops: it comes from her id. */
		char want[64];
		snprintf(want, sizeof want, "%s %06" PRIx64, PRIVACY_FORGOTTEN_NAME,
		         (uint64_t)l.ann & 0xffffff);
		assert_string_equal(p.name, want);
		assert_string_equal(p.contact, "");
		assert_string_equal(p.support_needs, "");
		person_clear(&p);
	}
	/* Her details are in no note, no sync copy, no database: only in B's own old file. */
	store_close(l.db[0]);
	store_close(l.db[1]);
	l.db[0] = l.db[1] = NULL;
	assert_true(found_in_files(l.dir, "-", "0161 496 0777")); /* the search works */
	assert_false(found_in_files(l.dir, "b1.sync", "0161 496 0777"));
	assert_false(found_in_files(l.dir, "b1.sync", "hearing loop"));
	assert_false(found_in_files(l.dir, "start.sync", "Ann B."));
	lab_end(&l);
}

static void a_failed_first_apply_can_be_retried(void **state)
{
	(void)state;
	struct lab l;
	lab_start(&l, 1);
	struct store *a = l.db[0];
	char *file = lab_file(&l, "all.sync");
	export_for(a, file, NULL, true);
	struct store *b = lab_open(&l, 1);
	/* Another program holds the new laptop's database: the apply fails... */
	sqlite3 *other;
	assert_int_equal(sqlite3_open(l.path[1], &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	struct sync_apply_result res;
	struct error err;
	assert_int_equal(sync_apply(b, file, NULL, &res, &err), ERROR_BUSY);
	sync_apply_result_free(&res);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	assert_int_equal(count_rows(b, "SELECT count(*) FROM meeting"), 0);
	/* ... and once it is free, the same file brings everything. */
	char *r = apply_file(b, file, NULL);
	free(r);
	assert_same_records(a, b);
	/* And the reply holds only what B changed: nothing. */
	char *back = lab_file(&l, "back.sync");
	assert_int_equal(export_for(b, back, NULL, false), 0);
	free(back), free(file);
	lab_end(&l);
}

static void names_destinations_and_status(void **state)
{
	(void)state;
	struct lab l;
	lab_start(&l, 3);
	struct store *a = l.db[0];
	/* A laptop is named after its host until named. */
	struct store *d = lab_open(&l, 3);
	assert_int_equal(store_meta_set(d, "sync.name", "", NULL), ERROR_NONE);
	char *name = sync_name(d);
	assert_true(strlen(name) > 0);
	free(name);
	assert_int_equal(sync_set_name(d, "  Ann's laptop ", NULL), ERROR_NONE);
	name = sync_name(d);
	assert_string_equal(name, "Ann's laptop");
	free(name);
	assert_int_equal(sync_set_name(d, "\n", NULL), ERROR_INVALID);

	char *r = send(&l, 1, 0, "b.sync");
	free(r);
	r = send(&l, 2, 0, "c.sync");
	free(r);
	/* Two laptops heard from: A must say which one a file is for. */
	char *file = lab_file(&l, "x.sync");
	struct sync_export_options opt = { 0 };
	struct sync_export_result res;
	struct error err;
	assert_int_equal(sync_export(a, file, &opt, &res, &err), ERROR_USAGE);
	assert_non_null(strstr(err.msg, "LAPTOP-B and LAPTOP-C"));
	sync_export_result_free(&res);
	opt.to = "laptop-z";
	assert_int_equal(sync_export(a, file, &opt, &res, &err), ERROR_USAGE);
	sync_export_result_free(&res);
	/* Never over the database itself. */
	opt.to = "laptop-b";
	assert_int_equal(sync_export(a, l.path[0], &opt, &res, &err), ERROR_USAGE);
	sync_export_result_free(&res);
	assert_int_equal(store_check(a, NULL), ERROR_NONE);
	opt.to = "laptop-c";
	assert_int_equal(sync_export(a, file, &opt, &res, &err), ERROR_NONE);
	assert_string_equal(res.to_name, "LAPTOP-C");
	sync_export_result_free(&res);

	struct sync_peer *peers;
	size_t n;
	assert_int_equal(sync_peers(a, &peers, &n, NULL), ERROR_NONE);
	assert_int_equal(n, 2);
	assert_string_equal(peers[0].name, "LAPTOP-B");
	assert_int_equal(peers[0].received_seq, 1);
	assert_true(peers[0].last_received_at[0] != '\0');
	assert_int_equal(peers[0].sent_seq, 0);
	assert_string_equal(peers[1].name, "LAPTOP-C");
	assert_true(peers[1].sent_seq > 1);
	assert_true(peers[1].last_sent_at[0] != '\0');
	assert_int_equal(peers[1].acked_seq, 1); /* C applied the start file, export 1 */
	sync_peers_free(peers, n);
	free(file);
	lab_end(&l);
}

static void an_older_database_gains_the_sync_tables(void **state)
{
	(void)state;
	char *dir = support_tempdir();
	char *path = support_path(dir, "old.db");
	struct store *s;
	struct store_options v1 = { .flags = STORE_CREATE, .upgrade_to = 1 };
	assert_int_equal(store_open(path, &v1, &s, NULL), ERROR_NONE);
	assert_int_equal(count_rows(s, "SELECT count(*) FROM sqlite_schema WHERE name IN "
	                               "('sync_peer', 'sync_export')"),
	                 0);
	store_close(s);
	s = support_open(path);
	assert_int_equal(count_rows(s, "SELECT count(*) FROM sqlite_schema WHERE name IN "
	                               "('sync_peer', 'sync_export')"),
	                 2);
	assert_int_equal(count_rows(s, "PRAGMA user_version"), store_schema_version());
	store_close(s);
	free(path);
	support_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(two_laptops_merge_offline_work),
		cmocka_unit_test(three_laptops_through_a_hub),
		cmocka_unit_test(three_laptops_in_another_order),
		cmocka_unit_test(applying_twice_changes_nothing),
		cmocka_unit_test(a_lost_file_loses_nothing),
		cmocka_unit_test(refuses_bad_files_and_changes_nothing),
		cmocka_unit_test(a_fresh_database_is_refused_nothing_and_keeps_no_folder),
		cmocka_unit_test(deleted_parents_with_new_children_are_kept),
		cmocka_unit_test(the_same_attendance_recorded_twice_merges),
		cmocka_unit_test(forgetting_wins_everywhere),
		cmocka_unit_test(a_failed_first_apply_can_be_retried),
		cmocka_unit_test(names_destinations_and_status),
		cmocka_unit_test(an_older_database_gains_the_sync_tables),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
