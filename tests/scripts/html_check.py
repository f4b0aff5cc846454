#!/usr/bin/env python3
"""Checks generated HTML pages: html_check.py SITE_DIR [DOM_DIR]

- every page's own markup is balanced (each non-void element closed, in order);
- every id is unique on its page;
- every internal link (href="#x", href="page.html", href="page.html#x") names an existing
  page and, if it has a fragment, an element with that id there.

With DOM_DIR, ids and links are read from the DOM that the browser built (NAME.dom, from
`chromium --dump-dom`), so the check covers what a reader's browser sees. Prints
"N passed, M failed" (one per page) and exits 1 on any failure."""
import html.parser
import os
import sys
import urllib.parse

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = []
        self.hrefs = []
        self.stack = []
        self.errors = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            open_tag = self.stack[-1] if self.stack else ("nothing", (0, 0))
            self.errors.append(f"line {self.getpos()[0]}: </{tag}> closes <{open_tag[0]}> from line {open_tag[1][0]}")
            return
        self.stack.pop()


def parse(path):
    p = Page()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    p.close()
    return p


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    site = sys.argv[1]
    dom_dir = sys.argv[2] if len(sys.argv) > 2 else None
    pages = sorted(n for n in os.listdir(site) if n.endswith(".html"))
    parsed = {}
    failed = 0
    problems = {}
    for name in pages:
        raw = parse(os.path.join(site, name))
        issues = list(raw.errors)
        issues += [f"<{t}> from line {pos[0]} is never closed" for t, pos in raw.stack]
        view = parse(os.path.join(dom_dir, name[:-5] + ".dom")) if dom_dir else raw
        seen = set()
        for i in view.ids:
            if i in seen:
                issues.append(f"duplicate id {i!r}")
            seen.add(i)
        parsed[name] = (view, seen)
        problems[name] = issues
    links = 0
    for name in pages:
        view, _ = parsed[name]
        for href in view.hrefs:
            url = urllib.parse.urlsplit(href)
            if url.scheme or url.netloc:
                problems[name].append(f"external link {href!r} (pages must be self-contained)")
                continue
            target = url.path or name
            if url.path and url.path.startswith("file:"):
                continue
            target = os.path.basename(target) if url.path else name
            if target not in parsed:
                problems[name].append(f"link {href!r}: no page {target!r}")
                continue
            fragment = urllib.parse.unquote(url.fragment)
            if fragment and fragment not in parsed[target][1]:
                problems[name].append(f"link {href!r}: no element with id {fragment!r} on {target}")
            links += 1
    for name in pages:
        if problems[name]:
            failed += 1
            print(f"FAIL {name}:")
            for p in problems[name][:20]:
                print(f"  {p}")
    print(f"checked {links} internal links on {len(pages)} pages")
    print(f"{len(pages) - failed} passed, {failed} failed")
    return 1 if failed or not pages else 0


if __name__ == "__main__":
    sys.exit(main())
