/* SPDX-License-Identifier: GPL-3.0-or-later */
/* doc: headings, paragraphs, tables and charts written as text, Markdown or HTML. */
#include "doc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "mem.h"
#include "text.h"

static const struct {
	const char *key, *extension;
} doc_formats[DOC_FORMAT_COUNT] = {
	[DOC_TEXT] = { "text", "txt" },
	[DOC_MARKDOWN] = { "md", "md" },
	[DOC_HTML] = { "html", "html" },
};

const char *doc_format_key(enum doc_format f)
{
	return doc_formats[f].key;
}

const char *doc_format_extension(enum doc_format f)
{
	return doc_formats[f].extension;
}

int doc_format_find(const char *key)
{
	for (int i = 0; key && i < DOC_FORMAT_COUNT; i++)
		if (strcmp(doc_formats[i].key, key) == 0)
			return i;
	return -1;
}

/*
 * The style sheets: black on white (contrast over 15:1), the system's own
 * sans-serif fonts, left-aligned text, and print rules that keep table
 * headers on each page and rows whole.
 */
static const char doc_style_base[] =
        "body{font-family:system-ui,\"Segoe UI\",Roboto,Arial,sans-serif;color:#111;"
        "background:#fff;margin:0 auto;padding:1em 1.5em;max-width:60em;line-height:1.5}\n"
        "h1,h2,h3{line-height:1.25;color:#000}\n"
        "table{border-collapse:collapse;margin:.5em 0 1.5em;width:100%}\n"
        "caption{text-align:left;font-weight:bold;padding:.3em 0}\n"
        "th,td{border:1px solid #595959;padding:.3em .5em;text-align:left;vertical-align:top}\n"
        "thead th{background:#e6e6e6}\n"
        ".num{text-align:right;font-variant-numeric:tabular-nums}\n"
        "figure{margin:1em 0}\nfigcaption{font-size:.95em}\n"
        "svg{max-width:100%;height:auto}\nsvg text{fill:#111;font-size:14px}\n"
        ".bar{fill:#1d4f91}\n"
        ".notice{border:3px solid #000;padding:.5em 1em;font-weight:bold}\n"
        "@media print{body{max-width:none;padding:0}h2,h3{break-after:avoid}"
        "tr,figure{break-inside:avoid}thead{display:table-header-group}"
        ".notice{border-width:2pt}}\n";

static const char doc_style_large[] =
        "body{font-family:Arial,Verdana,sans-serif;font-size:18pt;line-height:1.6;"
        "max-width:36em}\nh1{font-size:1.6em}h2{font-size:1.3em}\np,li{margin:0 0 1em}\n";

static const char doc_style_easy[] =
        "body{font-family:Arial,Verdana,sans-serif;font-size:16pt;line-height:1.8;"
        "max-width:30em}\nh1{font-size:1.7em}h2{font-size:1.35em;margin-top:1.5em;"
        "border-top:2px solid #000;padding-top:.5em}\n"
        "p{margin:0 0 1.1em}ul{list-style:none;margin:0 0 1.5em;padding:0 0 0 .8em;"
        "border-left:6px solid #1d4f91}li{padding:.3em 0}\n";

/* Write s as it is. */
static void doc_raw(struct doc *d, const char *s)
{
	fputs(s, d->out);
}

/* Write clean text escaped for the document's format. */
static void doc_escaped(struct doc *d, const char *clean)
{
	for (const char *p = clean; *p; p++) {
		if (d->format == DOC_HTML) {
			switch (*p) {
			case '&':
				doc_raw(d, "&amp;");
				continue;
			case '<':
				doc_raw(d, "&lt;");
				continue;
			case '>':
				doc_raw(d, "&gt;");
				continue;
			case '"':
				doc_raw(d, "&quot;");
				continue;
			default:
				break;
			}
		} else if (d->format == DOC_MARKDOWN && strchr("\\`*_[]<>|#~", *p)) {
			fputc('\\', d->out);
		}
		fputc(*p, d->out);
	}
}

/* Write text cleaned and escaped for the document's format. */
static void doc_text(struct doc *d, const char *text)
{
	char *clean = text_clean(text, 0);
	doc_escaped(d, clean);
	free(clean);
}

/*
 * Write a sentence: as doc_text, but a sentence that ends with a name ending
 * in a full stop ("Talk to Ann B..") ends with one.
 */
static void doc_sentence(struct doc *d, const char *text)
{
	char *clean = text_clean(text, 0);
	size_t n = strlen(clean);
	if (n >= 2 && clean[n - 1] == '.' && clean[n - 2] == '.' && (n < 3 || clean[n - 3] != '.'))
		clean[n - 1] = '\0';
	doc_escaped(d, clean);
	free(clean);
}

void doc_list_end(struct doc *d)
{
	if (!d->in_list)
		return;
	d->in_list = false;
	doc_raw(d, d->format == DOC_HTML ? "</ul>\n" : "\n");
}

void doc_begin(struct doc *d, FILE *out, enum doc_format format, enum doc_look look,
               const char *title)
{
	memset(d, 0, sizeof *d);
	d->out = out;
	d->format = format;
	d->look = look;
	if (format != DOC_HTML)
		return;
	doc_raw(d, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	           "<title>");
	doc_text(d, title);
	doc_raw(d, "</title>\n<style>\n");
	doc_raw(d, doc_style_base);
	if (look == DOC_LOOK_LARGE_PRINT)
		doc_raw(d, doc_style_large);
	else if (look == DOC_LOOK_EASY_READ)
		doc_raw(d, doc_style_easy);
	doc_raw(d, "</style>\n</head>\n<body>\n<main>\n");
}

void doc_heading(struct doc *d, int level, const char *text)
{
	doc_list_end(d);
	if (level < 1)
		level = 1;
	if (level > 3)
		level = 3;
	switch (d->format) {
	case DOC_HTML:
		fprintf(d->out, "<h%d>", level);
		doc_text(d, text);
		fprintf(d->out, "</h%d>\n", level);
		break;
	case DOC_MARKDOWN:
		fprintf(d->out, "%.*s ", level, "###");
		doc_text(d, text);
		doc_raw(d, "\n\n");
		break;
	case DOC_TEXT:
	default:
		doc_text(d, text);
		doc_raw(d, "\n\n");
		break;
	}
}

/* A paragraph, with the HTML class given (NULL for none). */
static void doc_para_class(struct doc *d, const char *cls, const char *text)
{
	doc_list_end(d);
	if (d->format == DOC_HTML) {
		if (cls)
			fprintf(d->out, "<p class=\"%s\">", cls);
		else
			doc_raw(d, "<p>");
		doc_sentence(d, text);
		doc_raw(d, "</p>\n");
		return;
	}
	if (cls && d->format == DOC_MARKDOWN)
		doc_raw(d, "**");
	doc_sentence(d, text);
	if (cls && d->format == DOC_MARKDOWN)
		doc_raw(d, "**");
	doc_raw(d, "\n\n");
}

void doc_para(struct doc *d, const char *text)
{
	doc_para_class(d, NULL, text);
}

void doc_notice(struct doc *d, const char *text)
{
	doc_para_class(d, "notice", text);
}

void doc_item_labelled(struct doc *d, const char *label, const char *text)
{
	if (!d->in_list && d->format == DOC_HTML)
		doc_raw(d, "<ul>\n");
	d->in_list = true;
	doc_raw(d, d->format == DOC_HTML ? "<li>" : d->format == DOC_MARKDOWN ? "- " : "");
	if (label) {
		doc_raw(d, d->format == DOC_HTML       ? "<strong>"
		           : d->format == DOC_MARKDOWN ? "**"
		                                       : "");
		doc_text(d, label);
		doc_raw(d, ":");
		doc_raw(d, d->format == DOC_HTML       ? "</strong>"
		           : d->format == DOC_MARKDOWN ? "**"
		                                       : "");
		doc_raw(d, " ");
	}
	doc_sentence(d, text);
	doc_raw(d, d->format == DOC_HTML ? "</li>\n" : "\n");
}

void doc_item(struct doc *d, const char *text)
{
	doc_item_labelled(d, NULL, text);
}

void doc_table_begin(struct doc *d, const char *caption, const struct doc_column *columns, size_t n)
{
	doc_list_end(d);
	d->columns = columns;
	d->ncolumns = n;
	d->rows = 0;
	d->long_rows = false;
	for (size_t i = 0; i < n; i++)
		d->long_rows |= (columns[i].flags & DOC_LONG) != 0;
	switch (d->format) {
	case DOC_HTML:
		doc_raw(d, "<table>\n<caption>");
		doc_text(d, caption);
		doc_raw(d, "</caption>\n<thead>\n<tr>");
		for (size_t i = 0; i < n; i++) {
			doc_raw(d, columns[i].flags & DOC_NUMBER
			                   ? "<th scope=\"col\" class=\"num\">"
			                   : "<th scope=\"col\">");
			doc_text(d, columns[i].header);
			doc_raw(d, "</th>");
		}
		doc_raw(d, "</tr>\n</thead>\n<tbody>\n");
		break;
	case DOC_MARKDOWN:
		doc_raw(d, "Table: ");
		doc_text(d, caption);
		doc_raw(d, "\n\n|");
		for (size_t i = 0; i < n; i++) {
			doc_raw(d, " ");
			doc_text(d, columns[i].header);
			doc_raw(d, " |");
		}
		doc_raw(d, "\n|");
		for (size_t i = 0; i < n; i++)
			doc_raw(d, columns[i].flags & DOC_NUMBER ? " ---: |" : " --- |");
		doc_raw(d, "\n");
		break;
	case DOC_TEXT:
	default:
		doc_text(d, caption);
		doc_raw(d, "\n\n");
		break;
	}
}

/* True when the text is NULL or empty. */
static bool doc_empty(const char *s)
{
	return !s || !*s;
}

/* A row as text: "Label: value" lines, or one line "first: header value; header value". */
static void doc_text_row(struct doc *d, const char *const *cells)
{
	doc_text(d, doc_empty(cells[0]) ? "(none)" : cells[0]);
	if (d->long_rows) {
		doc_raw(d, "\n");
		for (size_t i = 1; i < d->ncolumns; i++) {
			if (doc_empty(cells[i]))
				continue;
			doc_text(d, d->columns[i].header);
			doc_raw(d, ": ");
			doc_text(d, cells[i]);
			doc_raw(d, "\n");
		}
		doc_raw(d, "\n");
		return;
	}
	if (d->ncolumns == 2) { /* "Label: value" */
		doc_raw(d, ": ");
		doc_text(d, doc_empty(cells[1]) ? "none" : cells[1]);
		doc_raw(d, "\n");
		return;
	}
	const char *sep = ": ";
	for (size_t i = 1; i < d->ncolumns; i++) {
		if (doc_empty(cells[i]))
			continue;
		doc_raw(d, sep);
		/* "People taking part" reads "people taking part 80" inside a line. */
		char *h = mem_strdup(d->columns[i].header);
		if (h[0] >= 'A' && h[0] <= 'Z' && !(h[1] >= 'A' && h[1] <= 'Z'))
			h[0] = (char)(h[0] - 'A' + 'a');
		doc_text(d, h);
		free(h);
		doc_raw(d, " ");
		doc_text(d, cells[i]);
		sep = "; ";
	}
	doc_raw(d, "\n");
}

void doc_table_row(struct doc *d, const char *const *cells)
{
	d->rows++;
	switch (d->format) {
	case DOC_HTML:
		doc_raw(d, "<tr>");
		for (size_t i = 0; i < d->ncolumns; i++) {
			bool num = d->columns[i].flags & DOC_NUMBER;
			doc_raw(d, i == 0 ? (num ? "<th scope=\"row\" class=\"num\">"
			                         : "<th scope=\"row\">")
			                  : (num ? "<td class=\"num\">" : "<td>"));
			doc_text(d, cells[i] ? cells[i] : "");
			doc_raw(d, i == 0 ? "</th>" : "</td>");
		}
		doc_raw(d, "</tr>\n");
		break;
	case DOC_MARKDOWN:
		doc_raw(d, "|");
		for (size_t i = 0; i < d->ncolumns; i++) {
			doc_raw(d, " ");
			doc_text(d, cells[i] ? cells[i] : "");
			doc_raw(d, " |");
		}
		doc_raw(d, "\n");
		break;
	case DOC_TEXT:
	default:
		doc_text_row(d, cells);
		break;
	}
}

void doc_table_end(struct doc *d, const char *empty)
{
	if (d->format == DOC_HTML) {
		if (!d->rows && empty) {
			fprintf(d->out, "<tr><td colspan=\"%zu\">", d->ncolumns);
			doc_text(d, empty);
			doc_raw(d, "</td></tr>\n");
		}
		doc_raw(d, "</tbody>\n</table>\n");
	} else {
		if (!d->rows && empty) {
			if (d->format == DOC_MARKDOWN) {
				doc_raw(d, "|");
				doc_text(d, empty);
				for (size_t i = 0; i < d->ncolumns; i++)
					doc_raw(d, " |");
				doc_raw(d, "\n");
			} else {
				doc_text(d, empty);
				doc_raw(d, "\n");
			}
		}
		if (d->format == DOC_MARKDOWN || !d->long_rows)
			doc_raw(d, "\n");
	}
	d->columns = NULL;
	d->ncolumns = 0;
}

enum {
	DOC_CHART_WIDTH = 640, /* the SVG's width in its own units */
	DOC_CHART_ROW = 44,    /* height of one label and its bar */
	DOC_CHART_BAR = 18,    /* height of a bar */
	DOC_CHART_SPAN = 520,  /* width of the longest bar; the rest holds its figure */
	DOC_CHART_LABEL = 80,  /* characters of a label shown in the chart (the table has all) */
};

void doc_chart(struct doc *d, const char *title, const char *const *labels, const long *values,
               size_t n)
{
	if (d->format != DOC_HTML || n == 0)
		return;
	doc_list_end(d);
	int id = ++d->charts;
	long max = 1;
	for (size_t i = 0; i < n; i++)
		if (values[i] > max)
			max = values[i];
	size_t height = n * DOC_CHART_ROW + 8;
	fprintf(d->out,
	        "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
	        "aria-labelledby=\"chart%d-title chart%d-desc\" width=\"%d\" height=\"%zu\" "
	        "viewBox=\"0 0 %d %zu\">\n<title id=\"chart%d-title\">",
	        id, id, DOC_CHART_WIDTH, height, DOC_CHART_WIDTH, height, id);
	doc_text(d, title);
	fprintf(d->out, "</title>\n<desc id=\"chart%d-desc\">", id);
	for (size_t i = 0; i < n; i++) {
		doc_text(d, labels[i]);
		fprintf(d->out, ": %ld%s", values[i], i + 1 < n ? "; " : ".");
	}
	doc_raw(d, "</desc>\n");
	for (size_t i = 0; i < n; i++) {
		size_t y = i * DOC_CHART_ROW;
		long w = values[i] > 0 ? values[i] * DOC_CHART_SPAN / max : 0;
		if (values[i] > 0 && w < 2)
			w = 2;
		char *clean = text_clean(labels[i], 0);
		size_t fit = text_fit(clean, DOC_CHART_LABEL, NULL);
		bool cut = clean[fit] != '\0';
		clean[fit] = '\0';
		fprintf(d->out, "<text x=\"0\" y=\"%zu\">", y + 16);
		doc_text(d, clean);
		doc_raw(d, cut ? "\xE2\x80\xA6</text>\n" : "</text>\n");
		free(clean);
		fprintf(d->out,
		        "<rect class=\"bar\" x=\"0\" y=\"%zu\" width=\"%ld\" height=\"%d\"/>\n"
		        "<text x=\"%ld\" y=\"%zu\">%ld</text>\n",
		        y + 22, w, DOC_CHART_BAR, w + 6, y + 36, values[i]);
	}
	doc_raw(d, "</svg>\n<figcaption>");
	doc_text(d, title);
	doc_raw(d, ". The same figures are in the table.</figcaption>\n</figure>\n");
}

void doc_date(const char *iso, char out[DOC_DATE_SIZE])
{
	static const char *const months[] = { "January",   "February", "March",    "April",
		                              "May",       "June",     "July",     "August",
		                              "September", "October",  "November", "December" };
	int32_t day;
	if (!iso || date_parse(iso, &day, NULL) != ERROR_NONE) {
		snprintf(out, DOC_DATE_SIZE, "%s", iso ? iso : "");
		return;
	}
	int y, m, dd;
	date_to_ymd(day, &y, &m, &dd);
	snprintf(out, DOC_DATE_SIZE, "%d %s %d", dd, months[m - 1], y);
}

enum error_code doc_end(struct doc *d, struct error *err)
{
	doc_list_end(d);
	if (d->format == DOC_HTML)
		doc_raw(d, "</main>\n</body>\n</html>\n");
	if (fflush(d->out) != 0 || ferror(d->out))
		return error_set(err, ERROR_IO, "Writing the document failed (%s)",
		                 strerror(errno ? errno : EIO));
	return ERROR_NONE;
}
