/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_sync: involve sync export | apply | status | name — laptops exchanging their records. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store.h"
#include "sync.h"
#include "text.h"

/* involve sync export FILE [--to NAME | --all] */
static int cli_sync_export(struct cli *c, int argc, char **argv)
{
	struct sync_export_options opt = { 0 };
	const char *file = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--all") == 0)
			opt.all = true;
		else if (strcmp(argv[i], "--to") == 0 && i + 1 < argc)
			opt.to = argv[++i];
		else if (argv[i][0] != '-' && !file)
			file = argv[i];
		else
			return cli_usage(c, "sync export takes a file, then --to NAME or --all");
	}
	if (!file)
		return cli_usage(c, "sync export needs the file to write, for example "
		                    "\"involve sync export /media/usb/from-ann.sync\"");
	if (opt.all && opt.to)
		return cli_usage(c, "sync export takes --to NAME or --all, not both");
	struct store *s;
	int status = cli_open(c, STORE_CREATE, &s);
	if (status != CLI_EXIT_OK)
		return status;
	struct sync_export_result res;
	struct error err;
	if (sync_export(s, file, &opt, &res, &err) != ERROR_NONE) {
		sync_export_result_free(&res);
		store_close(s);
		return err.code == ERROR_USAGE ? cli_usage(c, "%s", err.msg) : cli_fail(c, &err);
	}
	char *said = sync_export_sentence(file, &res);
	fprintf(c->out, "%s.%s\n", said,
	        res.to_name ? "" : " Apply it there with \"involve sync apply\".");
	free(said);
	sync_export_result_free(&res);
	store_close(s);
	return CLI_EXIT_OK;
}

/* involve sync apply FILE [--join] */
static int cli_sync_apply(struct cli *c, int argc, char **argv)
{
	struct sync_apply_options opt = { 0 };
	const char *file = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--join") == 0)
			opt.join = true;
		else if (argv[i][0] != '-' && !file)
			file = argv[i];
		else
			return cli_usage(c, "sync apply takes a file, and --join to join another "
			                    "record on purpose");
	}
	if (!file)
		return cli_usage(c, "sync apply needs the file another laptop wrote");
	struct store *s;
	int status = cli_open(c, STORE_CREATE, &s);
	if (status != CLI_EXIT_OK)
		return status;
	struct sync_apply_result res;
	struct error err;
	if (sync_apply(s, file, &opt, &res, &err) != ERROR_NONE) {
		sync_apply_result_free(&res);
		store_close(s);
		return cli_fail(c, &err);
	}
	if (res.joined)
		fprintf(c->out, "This database now shares the record kept by %s.\n", res.from_name);
	char *said = sync_apply_sentence(file, &res);
	fprintf(c->out, "%s%s\n", said, res.nreports ? ":" : ".");
	free(said);
	for (size_t i = 0; i < res.nreports; i++) {
		char *line = text_clean(res.reports[i], 0);
		fprintf(c->out, "%zu. %s.\n", i + 1, line);
		free(line);
	}
	sync_apply_result_free(&res);
	store_close(s);
	return CLI_EXIT_OK;
}

/* involve sync status: this laptop and every laptop heard from. */
static int cli_sync_status(struct cli *c)
{
	struct store *s;
	int status = cli_open(c, STORE_CREATE, &s);
	if (status != CLI_EXIT_OK)
		return status;
	char id[SYNC_ID_SIZE], family[SYNC_ID_SIZE];
	sync_identity(s, id, family);
	char *name = sync_name(s);
	fprintf(c->out, "This laptop is %s (database %s, record %s).\n", name, id, family);
	free(name);
	struct sync_peer *peers;
	size_t n;
	struct error err;
	if (sync_peers(s, &peers, &n, &err) != ERROR_NONE) {
		store_close(s);
		return cli_fail(c, &err);
	}
	if (n == 0)
		fprintf(c->out,
		        "No other laptop has sent a file here yet. To start a new laptop, run "
		        "\"involve sync export FILE --all\" here and \"involve sync apply FILE\" "
		        "there.\n");
	for (size_t i = 0; i < n; i++) {
		char received[SYNC_WHEN_SIZE], made[SYNC_WHEN_SIZE], sent[SYNC_WHEN_SIZE];
		sync_when(peers[i].last_received_at, received);
		sync_when(peers[i].received_made, made);
		sync_when(peers[i].last_sent_at, sent);
		fprintf(c->out,
		        "%zu. %s (database %s): last received %s (its export %lld, made %s); ",
		        i + 1, peers[i].name, peers[i].id, received,
		        (long long)peers[i].received_seq, made);
		if (peers[i].sent_seq)
			fprintf(c->out, "last sent %s (export %lld)", sent,
			        (long long)peers[i].sent_seq);
		else
			fprintf(c->out, "nothing sent to it by name yet");
		if (peers[i].acked_seq)
			fprintf(c->out, "; it has applied up to export %lld.\n",
			        (long long)peers[i].acked_seq);
		else
			fprintf(c->out, "; it has not confirmed any file from here.\n");
	}
	sync_peers_free(peers, n);
	store_close(s);
	return CLI_EXIT_OK;
}

/* involve sync name [NAME]: show or set this laptop's name. */
static int cli_sync_name(struct cli *c, int argc, char **argv)
{
	if (argc > 2)
		return cli_usage(c, "sync name takes one name; put it in quotes if it has spaces");
	struct store *s;
	int status = cli_open(c, STORE_CREATE, &s);
	if (status != CLI_EXIT_OK)
		return status;
	struct error err;
	if (argc == 2 && sync_set_name(s, argv[1], &err) != ERROR_NONE) {
		store_close(s);
		return err.code == ERROR_INVALID ? cli_usage(c, "%s", err.msg) : cli_fail(c, &err);
	}
	char *name = sync_name(s);
	fprintf(c->out, "%s %s.\n", argc == 2 ? "This laptop is now called" : "This laptop is",
	        name);
	free(name);
	store_close(s);
	return CLI_EXIT_OK;
}

int cli_sync(struct cli *c, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "export") == 0)
		return cli_sync_export(c, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "apply") == 0)
		return cli_sync_apply(c, argc - 1, argv + 1);
	if (argc == 2 && strcmp(argv[1], "status") == 0)
		return cli_sync_status(c);
	if (argc >= 2 && strcmp(argv[1], "name") == 0)
		return cli_sync_name(c, argc - 1, argv + 1);
	return cli_usage(c, "sync takes export FILE, apply FILE, status or name");
}
