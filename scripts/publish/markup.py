"""Page markup shared by every page writer: the escaping rule, links between pages, headings, the page file.

Generated pages are written as HTML, not Markdown. Each docs/<page>.md holds YAML front matter and an
HTML body; hooks/kb.py hands the body to the theme untouched, so Python-Markdown never parses tens of
thousands of generated pages (at 1,000 plans it took 45 % of the whole build). The table of contents
Markdown would have collected travels in the front matter (``toc``), built here by ``Page``.

Plan text comes from arbitrary websites, so it is data: it must show as its characters and never become
HTML, Jinja or front matter. Every piece of it goes through ``md_text``; attribute values through
``attr``. Links are relative (``page_url``) because the site is served under a sub-path.
"""
from __future__ import annotations

import html
import json
import re
import string
from urllib.parse import quote

import yaml

# Every ASCII punctuation character becomes a character reference: none can start an HTML tag, a
# Jinja tag or (should the text ever pass through Markdown) Markdown structure, and the browser shows
# the same character.
_ESCAPES = {ord(ch): f"&#{ord(ch)};" for ch in string.punctuation} | {
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    ord('"'): "&quot;",
}
_WHITESPACE_RUN = re.compile(r"[ \t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]+")
# Control characters cannot be shown; the browser would turn most of them into U+FFFD anyway.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_SAFE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_INDENTED_LINE_BREAK = re.compile(r"[ \t\r]*\n\s*")
HEADERLINK = "¶"


def md_text(s: str) -> str:
    """Plan text → HTML that renders exactly as these characters and as nothing else.

    Whitespace runs (newlines included) become one space; control characters become U+FFFD.
    """
    s = _CONTROL.sub("\ufffd", s)
    s = _WHITESPACE_RUN.sub(" ", s)
    return s.translate(_ESCAPES)


def attr(value: str) -> str:
    """An attribute value (already a URL or a class name), quoted-safe."""
    return html.escape(value, quote=True)


def safe_id(anchor: str) -> str:
    """Anchors come from the permalink registry or from code; refuse anything that is not a plain id."""
    if not _SAFE_ID.fullmatch(anchor):
        raise ValueError(f"unsafe anchor {anchor!r}")
    return anchor


# --- links between pages ---------------------------------------------------------------------------


def page_folder(page: str) -> list[str]:
    """The URL folder of a docs-relative page under ``use_directory_urls``, as path parts.

    plans/x.md → [plans, x]; browse/units/index.md → [browse, units]; index.md → []. Any other file
    (plans/x.docx) is served at its own path: its parts.
    """
    parts = page.split("/")
    if not page.endswith(".md"):
        return parts
    stem = parts[-1][: -len(".md")]
    return parts[:-1] if stem == "index" else parts[:-1] + [stem]


def page_url(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative URL from one docs page to another page or file: types/x.md → plans/y.md is ../../plans/y/.

    Computed on the path strings alone (posixpath.relpath asks the OS for the working directory on
    every call, which dominates the time for hundreds of thousands of links).
    """
    here, there = page_folder(from_page), page_folder(to_page)
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    parts = [".."] * (len(here) - common) + there[common:]
    folder = to_page.endswith(".md")
    target = "/".join(parts) + ("/" if folder and parts else "") if parts else "./"
    return quote(target) + (f"#{quote(anchor)}" if anchor else "")


def link(from_page: str, to_page: str, text_html: str, anchor: str = "", css: str = "") -> str:
    """<a> from one page to another; ``text_html`` is already escaped."""
    klass = f' class="{attr(css)}"' if css else ""
    return f'<a{klass} href="{attr(page_url(from_page, to_page, anchor))}">{text_html}</a>'


# --- the page file -----------------------------------------------------------------------------------


class _FrontMatterDumper(yaml.CSafeDumper):
    """safe_dump (libyaml's emitter: several times faster on thousands of pages), but strings holding
    line breaks or unprintables are double-quoted on one line.

    Plain and single-quoted YAML would fold or mangle U+2028 / U+0085 and could put a text line like
    "---" at the start of a line, which ends the front matter early.
    """


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    risky = not value.isprintable() or any(ch in value for ch in "\n\r\x85\u2028\u2029")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"' if risky else None)


_FrontMatterDumper.add_representer(str, _represent_str)


def front_matter(data: dict) -> str:
    body = yaml.dump(data, Dumper=_FrontMatterDumper, allow_unicode=True, sort_keys=False, width=2**31 - 1)
    return f"---\n{body}---\n"


class Page:
    """One generated page: HTML blocks in order, and the table of contents its headings make.

    ``toc`` is nested the way MkDocs' toc extension reports it ({level, id, name, children}, ``name``
    being HTML), so the hook can give it to the theme as is; the page file holds it as JSON.
    """

    def __init__(self, meta: dict | None = None):
        self.meta = dict(meta or {})
        self.blocks: list[str] = []
        self.toc: list[dict] = []

    def add(self, *blocks: str) -> None:
        self.blocks.extend(b for b in blocks if b)

    def heading(self, level: int, text_html: str, anchor: str, toc_name: str | None = None) -> None:
        """<hN id> with a permalink, as Markdown's toc extension writes it; h1 stays out of the contents.

        ``toc_name`` is the contents entry when it must differ from the heading (a heading that is a
        link: the sidebar makes every entry a link itself, and links must not nest).
        """
        anchor = safe_id(anchor)
        self.blocks.append(
            f'<h{level} id="{anchor}">{text_html}<a class="headerlink" href="#{anchor}" title="本节链接">{HEADERLINK}</a></h{level}>'
        )
        if level > 1:
            self._add_toc(level, anchor, text_html if toc_name is None else toc_name)

    def _add_toc(self, level: int, anchor: str, name: str) -> None:
        siblings = self.toc
        while siblings and siblings[-1]["level"] < level:
            siblings = siblings[-1]["children"]
        siblings.append({"level": level, "id": anchor, "name": name, "children": []})

    def text(self) -> str:
        """The docs/*.md file: front matter (with ``html: true`` and the contents) and the HTML body."""
        if not self.meta.get("title"):
            raise ValueError("an HTML page needs a title in its front matter (there is no Markdown H1 to take it from)")
        meta = {**self.meta, "html": True}
        if self.toc:  # one JSON string: MkDocs reads front matter as YAML, which is slow on nested maps
            meta["toc"] = json.dumps(self.toc, ensure_ascii=False, separators=(",", ":"))
        return front_matter(meta) + "\n" + "\n".join(self.blocks) + "\n"


def compact_html(page_html: str) -> str:
    """A themed page without the blank lines and indentation its templates leave (about 8 % of its bytes).

    A run of white space holding a line break shows as one space wherever white space is not
    preserved; pages with <pre> or <textarea>, where it is, are left as they are.
    """
    if "<pre" in page_html or "<textarea" in page_html:
        return page_html
    return _INDENTED_LINE_BREAK.sub("\n", page_html)
