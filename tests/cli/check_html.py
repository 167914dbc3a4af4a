#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check_html.py [--report] FILE: is FILE one self-contained, accessible HTML
# document? Checked with Python's own HTML parser:
#   - a doctype, <html lang="...">, one non-empty <title>, <meta charset>;
#   - headings start at one <h1> and never skip a level on the way down;
#   - every <table> starts with a <caption>; every <th> has a scope;
#   - every <svg> has role="img", a <title> and a <desc>, and is labelled by
#     them (aria-labelledby naming ids that exist);
#   - nothing is fetched or run: no <script>, <link>, <img>, <iframe>,
#     <object>, no src or href, no url() or @import in the style sheet;
#   - every element opened is closed, in order.
# --report also asks for at least one table and one chart. Prints each
# problem and exits 1, or exits 0 in silence.
import sys
from html.parser import HTMLParser

VOID = {"meta", "br", "hr", "img", "input", "link", "rect", "col", "wbr", "source"}
FETCH = {"script", "link", "img", "iframe", "object", "embed", "audio", "video"}


class Check(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.stack = []
        self.doctype = False
        self.lang = None
        self.charset = False
        self.titles = []
        self.text = None
        self.headings = []
        self.tables = 0
        self.table_first = None
        self.svgs = []
        self.ids = set()
        self.style = ""

    def handle_decl(self, decl):
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag in FETCH:
            self.problems.append("<%s> fetches or runs something" % tag)
        for name in ("src", "href"):
            if name in a:
                self.problems.append("<%s %s=...> points elsewhere" % (tag, name))
        if self.table_first is not None:
            if tag != "caption":
                self.problems.append("a table does not start with its caption")
            self.table_first = None
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "meta" and "charset" in a:
            self.charset = True
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(int(tag[1]))
        elif tag == "table":
            self.tables += 1
            self.table_first = True
        elif tag == "th" and not a.get("scope"):
            self.problems.append("a <th> has no scope")
        elif tag == "svg":
            self.svgs.append({"role": a.get("role"), "by": a.get("aria-labelledby", ""),
                              "label": a.get("aria-label"), "title": False, "desc": False})
        elif tag in ("title", "desc") and self.svgs and "svg" in self.stack:
            self.svgs[-1][tag] = True
        if tag == "title" and "svg" not in self.stack:
            self.text = ""
        if tag == "style":
            self.text = ""
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append("</%s> closes %s" % (tag, self.stack[-1] if self.stack
                                                       else "nothing"))
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        if tag == "title" and self.text is not None:
            self.titles.append(self.text.strip())
            self.text = None
        elif tag == "style" and self.text is not None:
            self.style += self.text
            self.text = None

    def handle_data(self, data):
        if self.text is not None:
            self.text += data


def check(path, report):
    c = Check()
    c.feed(open(path, encoding="utf-8").read())
    c.close()
    p = c.problems
    if not c.doctype:
        p.append("no <!DOCTYPE html>")
    if not c.lang:
        p.append("<html> has no lang")
    if not c.charset:
        p.append("no <meta charset>")
    if len(c.titles) != 1 or not c.titles[0]:
        p.append("the document needs one title, not %r" % c.titles)
    if c.stack:
        p.append("left open: %s" % " ".join(c.stack))
    if not c.headings or c.headings[0] != 1 or c.headings.count(1) != 1:
        p.append("headings must start with the one <h1>: %r" % c.headings[:5])
    for before, after in zip(c.headings, c.headings[1:]):
        if after > before + 1:
            p.append("a heading skips from h%d to h%d" % (before, after))
            break
    for svg in c.svgs:
        if svg["role"] != "img":
            p.append("an <svg> has no role=\"img\"")
        if not (svg["title"] and svg["desc"]):
            p.append("an <svg> lacks its <title> or <desc>")
        named = svg["by"].split()
        if not svg["label"] and (not named or any(i not in c.ids for i in named)):
            p.append("an <svg> is not labelled by its title and description")
    if "url(" in c.style or "@import" in c.style:
        p.append("the style sheet fetches something")
    if report and (c.tables == 0 or not c.svgs):
        p.append("a report needs tables and charts: %d tables, %d charts"
                 % (c.tables, len(c.svgs)))
    for problem in p:
        print("%s: %s" % (path, problem))
    return not p


args = sys.argv[1:]
report = "--report" in args
files = [a for a in args if a != "--report"]
sys.exit(0 if all([check(f, report) for f in files]) else 1)
