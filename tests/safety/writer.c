/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * writer: a test program (not installed) that writes through the core API
 * the way involve does, for the crash, full-disk and lock tests.
 *
 *   writer write DB LOG [--count N] [--note-bytes N]
 *       Write meetings in a loop, each with three attendances, one
 *       transaction each; after each commit append the meeting's id to LOG
 *       and fsync it. N = 0 (the default) writes until killed. A failure
 *       prints the store's sentence and exits 3.
 *   writer verify DB LOG
 *       Reopen DB as involve does, run the integrity checks, and check that
 *       every id in LOG is a meeting with its three attendances and that no
 *       meeting was half written. Exits 0 when all is well, 1 otherwise.
 *   writer hold DB READY SECONDS
 *       Open a write transaction, create READY, hold the lock for SECONDS,
 *       then roll back: another involve waiting meanwhile.
 *   writer person DB NAME NOTE_BYTES
 *       Add a person whose notes are NOTE_BYTES long; prints the id.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "attendance.h"
#include "meeting.h"
#include "mem.h"
#include "person.h"
#include "project.h"
#include "store.h"

enum { WRITER_PEOPLE = 3 };

static int writer_fail(const struct error *err)
{
	fprintf(stderr, "writer: %s\n", err->msg);
	return 3;
}

/* Open DB as the command line does. */
static struct store *writer_open(const char *path, unsigned flags, struct error *err)
{
	struct store *s = NULL;
	struct store_options opt = { .flags = flags, .busy_timeout_ms = 5000 };
	store_open(path, &opt, &s, err);
	return s;
}

/* The project and the people every meeting uses, made once in one transaction. */
static enum error_code writer_setup(struct store *s, int64_t *project, int64_t people[],
                                    struct error *err)
{
	enum error_code code = store_begin(s, err);
	if (code != ERROR_NONE)
		return code;
	*project = project_find(s, "Crash test");
	if (!*project) {
		struct project p;
		project_init(&p);
		mem_replace(&p.title, "Crash test");
		code = project_create(s, &p, err);
		*project = p.head.id;
		project_clear(&p);
	}
	for (int i = 0; code == ERROR_NONE && i < WRITER_PEOPLE; i++) {
		char name[32];
		snprintf(name, sizeof name, "Writer person %d", i);
		people[i] = person_find(s, name);
		if (people[i])
			continue;
		struct person p;
		person_init(&p);
		mem_replace(&p.name, name);
		code = person_create(s, &p, err);
		people[i] = p.head.id;
		person_clear(&p);
	}
	if (code != ERROR_NONE) {
		store_rollback(s);
		return code;
	}
	return store_commit(s, err);
}

/* One meeting and its attendances, in one transaction; its id in *id. */
static enum error_code writer_meeting(struct store *s, int64_t project, const int64_t people[],
                                      long n, const char *notes, int64_t *id, struct error *err)
{
	enum error_code code = store_begin(s, err);
	if (code != ERROR_NONE)
		return code;
	struct meeting m;
	meeting_init(&m);
	m.project_id = project;
	char *title = mem_printf("Meeting %ld", n);
	mem_replace(&m.title, title);
	free(title);
	unsigned month = (unsigned)(n % 12) + 1, day = (unsigned)(n % 28) + 1;
	snprintf(m.held_on, sizeof m.held_on, "2026-%02u-%02u", month % 13, day % 29);
	mem_replace(&m.notes, notes);
	code = meeting_create(s, &m, err);
	*id = m.head.id;
	meeting_clear(&m);
	for (int i = 0; code == ERROR_NONE && i < WRITER_PEOPLE; i++) {
		struct attendance a;
		attendance_init(&a);
		a.meeting_id = *id;
		a.person_id = people[i];
		code = attendance_create(s, &a, err);
		attendance_clear(&a);
	}
	if (code != ERROR_NONE) {
		store_rollback(s);
		return code;
	}
	return store_commit(s, err);
}

static int writer_write(const char *db, const char *log, long count, long note_bytes)
{
	struct error err;
	struct store *s = writer_open(db, STORE_CREATE, &err);
	if (!s)
		return writer_fail(&err);
	int64_t project, people[WRITER_PEOPLE];
	if (writer_setup(s, &project, people, &err) != ERROR_NONE) {
		store_close(s);
		return writer_fail(&err);
	}
	int fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0) {
		fprintf(stderr, "writer: %s: %s\n", log, strerror(errno));
		store_close(s);
		return 3;
	}
	char *notes = mem_alloc((size_t)note_bytes + 1);
	for (long i = 0; i < note_bytes; i++)
		notes[i] = (char)('a' + i % 26);
	notes[note_bytes] = '\0';
	int status = 0;
	for (long n = 0; count == 0 || n < count; n++) {
		int64_t id;
		if (writer_meeting(s, project, people, n, notes, &id, &err) != ERROR_NONE) {
			status = writer_fail(&err);
			break;
		}
		/* Committed: only now may it be logged as something that must survive. */
		char line[32];
		int len = snprintf(line, sizeof line, "%" PRId64 "\n", id);
		if (write(fd, line, (size_t)len) != len || fsync(fd) != 0) {
			fprintf(stderr, "writer: %s: %s\n", log, strerror(errno));
			status = 3;
			break;
		}
	}
	free(notes);
	close(fd);
	store_close(s);
	return status;
}

static int writer_verify(const char *db, const char *log)
{
	struct error err;
	struct store *s = writer_open(db, 0, &err);
	if (!s) {
		writer_fail(&err);
		return 1;
	}
	int status = 0;
	if (store_check(s, &err) != ERROR_NONE) {
		fprintf(stderr, "writer: integrity check failed: %s\n", err.msg);
		status = 1;
	}
	size_t n = 0;
	FILE *f = fopen(log, "r");
	char line[64];
	while (f && fgets(line, sizeof line, f)) {
		if (!strchr(line, '\n'))
			break; /* cut short by the kill: the commit was not acknowledged */
		int64_t id = strtoll(line, NULL, 10);
		struct meeting m;
		struct record_query q = { .where = "meeting_id", .where_id = id };
		int64_t attendances = 0;
		if (meeting_get(s, id, &m, &err) != ERROR_NONE) {
			fprintf(stderr, "writer: logged meeting %" PRId64 " is missing: %s\n", id,
			        err.msg);
			status = 1;
		} else if (record_count(s, &attendance_kind, &q, &attendances, &err) !=
		                   ERROR_NONE ||
		           attendances != WRITER_PEOPLE) {
			fprintf(stderr, "writer: meeting %" PRId64 " has %" PRId64 " attendances\n",
			        id, attendances);
			status = 1;
		}
		meeting_clear(&m);
		n++;
	}
	if (f)
		fclose(f);
	/* Nothing half written: every meeting in the file has all its attendances. */
	struct record_query all = { 0 };
	int64_t meetings = 0, attendances = 0;
	if (record_count(s, &meeting_kind, &all, &meetings, &err) != ERROR_NONE ||
	    record_count(s, &attendance_kind, &all, &attendances, &err) != ERROR_NONE) {
		fprintf(stderr, "writer: %s\n", err.msg);
		status = 1;
	} else if (attendances != meetings * WRITER_PEOPLE || (size_t)meetings < n) {
		fprintf(stderr,
		        "writer: %" PRId64 " meetings hold %" PRId64 " attendances, %zu logged\n",
		        meetings, attendances, n);
		status = 1;
	}
	printf("%zu logged, %" PRId64 " in the database\n", n, meetings);
	store_close(s);
	return status;
}

static int writer_hold(const char *db, const char *ready, long seconds)
{
	struct error err;
	struct store *s = writer_open(db, 0, &err);
	if (!s)
		return writer_fail(&err);
	if (store_begin(s, &err) != ERROR_NONE) {
		store_close(s);
		return writer_fail(&err);
	}
	int fd = open(ready, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (fd >= 0)
		close(fd);
	sleep((unsigned)seconds);
	store_rollback(s);
	store_close(s);
	return 0;
}

static int writer_person(const char *db, const char *name, long note_bytes)
{
	struct error err;
	struct store *s = writer_open(db, STORE_CREATE, &err);
	if (!s)
		return writer_fail(&err);
	struct person p;
	person_init(&p);
	mem_replace(&p.name, name);
	char *notes = mem_alloc((size_t)note_bytes + 1);
	for (long i = 0; i < note_bytes; i++)
		notes[i] = (char)('A' + i % 26);
	notes[note_bytes] = '\0';
	mem_replace(&p.notes, notes);
	free(notes);
	int status = person_create(s, &p, &err) == ERROR_NONE ? 0 : writer_fail(&err);
	if (status == 0)
		printf("%" PRId64 "\n", p.head.id);
	person_clear(&p);
	store_close(s);
	return status;
}

/* The value of --name in argv, or def. */
static long writer_option(int argc, char **argv, const char *name, long def)
{
	for (int i = 0; i + 1 < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return strtol(argv[i + 1], NULL, 10);
	return def;
}

int main(int argc, char **argv)
{
	setenv("INVOLVE_TODAY", "2026-11-22", 0);
	/* As involve does: a file-size limit is an error to report, not a signal that kills. */
	signal(SIGXFSZ, SIG_IGN);
	if (argc >= 4 && strcmp(argv[1], "write") == 0)
		return writer_write(argv[2], argv[3], writer_option(argc, argv, "--count", 0),
		                    writer_option(argc, argv, "--note-bytes", 100));
	if (argc == 4 && strcmp(argv[1], "verify") == 0)
		return writer_verify(argv[2], argv[3]);
	if (argc == 5 && strcmp(argv[1], "person") == 0)
		return writer_person(argv[2], argv[3], strtol(argv[4], NULL, 10));
	if (argc == 5 && strcmp(argv[1], "hold") == 0)
		return writer_hold(argv[2], argv[3], strtol(argv[4], NULL, 10));
	fprintf(stderr, "usage: writer write DB LOG [--count N] [--note-bytes N] | "
	                "verify DB LOG | hold DB READY SECONDS | person DB NAME NOTE_BYTES\n");
	return 2;
}
