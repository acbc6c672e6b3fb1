"""Turn a saved web page into the plain text of its article, plus the metadata the page carries.

A saved page is mostly furniture: navigation, sidebars, related-article lists, footers. We drop
what is never text (scripts, styles), what is furniture by tag, by id/class name or by being
mostly links, then walk down from <body> to the smallest block that still holds most of the
Chinese text (and the article's title), and print it with one line per block, <br> and table row.
Lines of chrome left inside the article are the text cleaner's job, not this module's.
Tag and name lists live in ``rules/html.yml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from bs4 import BeautifulSoup, CData, NavigableString, Tag

from scripts.dates import iso_date
from scripts.models import Extracted, PageMeta
from scripts.rules import load_rules

HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
CJK = re.compile("[\u3400-\u9fff]")
NAME_WORDS = re.compile(r"[-_\s]+")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Source line breaks between two CJK characters are not spaces: Chinese has no word spacing.
CJK_OR_FULLWIDTH = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
WRAP_BETWEEN_CJK = re.compile(f"(?<=[{CJK_OR_FULLWIDTH}])[ \\t\\r\\f]*\\n\\s*(?=[{CJK_OR_FULLWIDTH}])")
SPACES = re.compile(r"[ \t\n\r\f]+")
CELL_GAP = re.compile(r"[ \t]*\t[ \t]*")
DOUBLE_SPACES = re.compile(" {2,}")
SAVED_FROM = re.compile(r"saved from url=\(\d+\)(https?://[^\s>]+)", re.IGNORECASE)

FURNITURE_MAX_SHARE = 0.5  # a block holding this share of the page's text is never furniture
LINK_HEAVY_SHARE = 0.5  # blocks whose text is at least this much link text...
LINK_HEAVY_MIN_LINKS = 3  # ...with at least this many links are link lists
DESCEND_SHARE = 0.85  # step into a child block that holds this share of the text
DESCEND_PREFERRED_SHARE = 0.5  # or this share, for <article>/<main> or content-like names


@dataclass
class _Amount:
    """How much text a tag holds; counted once per page so block choices stay linear."""

    tag: Tag
    chars: int = 0  # visible (non-space) characters
    cjk: int = 0
    link_chars: int = 0
    link_cjk: int = 0
    links: int = 0

    @property
    def body_cjk(self) -> int:
        return self.cjk - self.link_cjk

    def add(self, other: "_Amount") -> None:
        self.chars += other.chars
        self.cjk += other.cjk
        self.link_chars += other.link_chars
        self.link_cjk += other.link_cjk
        self.links += other.links


def looks_like_html(name: str, text: str) -> bool:
    """A web page by its extension, or a .txt that is really a saved page (starts with <html…)."""
    if Path(name).suffix.lower() in HTML_SUFFIXES:
        return True
    head = text[:4096].lstrip("\ufeff \t\r\n")
    while head.startswith(("<!--", "<?")):  # a "saved from url" comment or <?xml …?> may come first
        closer = "-->" if head.startswith("<!--") else "?>"
        end = head.find(closer)
        if end == -1:
            return False
        head = head[end + len(closer) :].lstrip()
    return HTML_START.match(head) is not None


def html_to_text(html: str) -> Extracted:
    """The article's text (one line per block, cells tab-separated) and the page's metadata."""
    soup = BeautifulSoup(html, "html.parser")
    meta = _page_meta(soup, html)
    root = soup.body or soup
    furniture = _furniture(root)
    main = _main_block(root, furniture, meta.page_title)
    return Extracted(_render(main, furniture), meta)


def _page_meta(soup: BeautifulSoup, html: str) -> PageMeta:
    values: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("name") or tag.get("property") or tag.get("itemprop")
        content = (tag.get("content") or "").strip()
        if isinstance(key, str) and content:
            values.setdefault(key.strip().lower(), content)
    fields = {field: next((values[k] for k in keys if k in values), "") for field, keys in load_rules("html")["meta"].items()}
    canonical = soup.find("link", rel="canonical")
    saved_from = SAVED_FROM.search(html[:4096])
    urls = [fields["url"], canonical.get("href", "") if canonical else "", saved_from.group(1) if saved_from else ""]
    title = soup.title.get_text(" ", strip=True) if soup.title else values.get("og:title", "")
    return PageMeta(
        publish_date=iso_date(fields["publish_date"]),
        source=fields["source"],
        column=fields["column"],
        author=fields["author"],
        url=next((url.strip() for url in urls if url.strip().startswith(("http://", "https://"))), ""),
        page_title=title,
    )


def _walk(root: Tag, skipped: set[int]):
    """Yield ("open", tag), ("text", string), ("close", tag) in document order below ``root``.

    Iterative, so deeply nested markup cannot overflow the stack, and read-only: inserting
    into a bs4 tree costs a scan of the siblings, quadratic on long pages. Tags in
    ``drop_tags`` and those whose ``id`` is in ``skipped`` are left out with their contents.
    """
    drop = set(load_rules("html")["drop_tags"])
    stack = [(root, iter(root.children))]
    while stack:
        tag, children = stack[-1]
        node = next(children, None)
        if node is None:
            stack.pop()
            if stack:
                yield "close", tag
        elif isinstance(node, Tag):
            if node.name not in drop and id(node) not in skipped:
                yield "open", node
                stack.append((node, iter(node.children)))
        elif type(node) in (NavigableString, CData):  # not comments, doctype, processing instructions
            yield "text", node


def _measure(root: Tag, skipped: set[int]) -> dict[int, _Amount]:
    """Text amounts for ``root`` and every tag walked below it, keyed by ``id``, in one pass.

    Tags are listed in the order they close: children before their parents.
    """
    amounts: dict[int, _Amount] = {}
    stack = [_Amount(root)]
    for event, node in _walk(root, skipped):
        if event == "text":
            stack[-1].chars += len("".join(node.split()))
            stack[-1].cjk += len(CJK.findall(node))
        elif event == "open":
            stack.append(_Amount(node, links=int(node.name == "a" and node.has_attr("href"))))
        else:
            amount = stack.pop()
            if node.name == "a":
                amount.link_chars, amount.link_cjk = amount.chars, amount.cjk
            amounts[id(node)] = amount
            stack[-1].add(amount)
    amounts[id(root)] = stack[0]
    return amounts


def _furniture(root: Tag) -> set[int]:
    """``id``s of the blocks that are page furniture (see ``_is_furniture``)."""
    rules = load_rules("html")
    amounts = _measure(root, set())
    page_chars = amounts[id(root)].chars
    return {
        id(amount.tag)
        for amount in amounts.values()
        if amount.chars < FURNITURE_MAX_SHARE * page_chars and _is_furniture(amount.tag, amount, rules)
    }


def _is_furniture(tag: Tag, amount: _Amount, rules: dict) -> bool:
    if tag.has_attr("hidden") or HIDDEN_STYLE.search(tag.get("style", "")):
        return True
    if tag.name in rules["chrome_tags"] and tag.find_parent(["article", "main"]) is None:
        return True
    if _name_matches(tag, rules["noise_names"]):
        return True
    return amount.links >= LINK_HEAVY_MIN_LINKS and amount.link_chars >= LINK_HEAVY_SHARE * amount.chars


def _name_matches(tag: Tag, prefixes: list[str]) -> bool:
    """Whether a word of the tag's id or class starts with one of ``prefixes``."""
    if not tag.attrs:
        return False
    names = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
    return any(word.startswith(tuple(prefixes)) for word in NAME_WORDS.split(names.lower()) if word)


def _title_heading(amounts: dict[int, _Amount], page_title: str) -> Tag | None:
    """The h1–h3 that is the article's title: the longest whose text the page <title> contains."""
    title = SPACES.sub("", page_title)
    best, best_length = None, 1  # a one-character heading proves nothing
    for amount in amounts.values():
        if amount.tag.name in ("h1", "h2", "h3"):
            text = SPACES.sub("", amount.tag.get_text())
            if len(text) > best_length and text in title:
                best, best_length = amount.tag, len(text)
    return best


def _main_block(root: Tag, furniture: set[int], page_title: str) -> Tag:
    """Walk down from ``root`` while one child holds most of the Chinese body text (and the title)."""
    rules = load_rules("html")
    amounts = _measure(root, furniture)
    title_heading = _title_heading(amounts, page_title)
    on_title_path = {id(tag) for tag in title_heading.parents} | {id(title_heading)} if title_heading else set()
    block = root
    while amounts[id(block)].body_cjk:
        here = amounts[id(block)].body_cjk
        for child in block.find_all(True, recursive=False):
            if id(child) not in amounts or (id(block) in on_title_path and id(child) not in on_title_path):
                continue
            share = amounts[id(child)].body_cjk / here
            if share >= DESCEND_SHARE or (share >= DESCEND_PREFERRED_SHARE and _is_preferred(child, rules)):
                block = child
                break
        else:
            return block
    return block


def _is_preferred(tag: Tag, rules: dict) -> bool:
    if _name_matches(tag, rules["noise_names"]):
        return False
    return tag.name in ("article", "main") or _name_matches(tag, rules["content_names"])


class _Context(NamedTuple):
    """Where the printing walk is."""

    flat: bool = False  # inside a cell of a row that prints as one line
    pre: bool = False  # inside <pre>: keep the source's spacing
    multi_cell_row: bool = False  # directly inside a <tr> with two or more cells


def _render(block: Tag, furniture: set[int]) -> str:
    """Print the block: block edges and <br> become line breaks, table cells tab-separated.

    A row with two or more cells prints as one line (its cells' own blocks and <br> become
    spaces); one-cell rows are page layout (old sites put the whole article in one).
    """
    block_tags = set(load_rules("html")["block_tags"])
    pieces: list[str] = []
    contexts = [_Context()]
    for event, node in _walk(block, furniture):
        context = contexts[-1]
        if event == "text":
            pieces.append(str(node) if context.pre else SPACES.sub(" ", WRAP_BETWEEN_CJK.sub("", node)))
        elif event == "open":
            if node.name in ("td", "th"):
                pieces.append("\t")
            if node.name == "br" or node.name in block_tags:
                pieces.append(" " if context.flat else "\n")
            contexts.append(
                _Context(
                    flat=context.flat or (context.multi_cell_row and node.name in ("td", "th")),
                    pre=context.pre or node.name == "pre",
                    multi_cell_row=node.name == "tr" and len(node.find_all(["td", "th"], recursive=False)) >= 2,
                )
            )
        else:
            contexts.pop()
            if node.name in block_tags:
                pieces.append(" " if contexts[-1].flat else "\n")
    lines = (CELL_GAP.sub("\t", line.replace("\xa0", " ")).strip(" \t\u3000") for line in "".join(pieces).split("\n"))
    return "\n".join(DOUBLE_SPACES.sub(" ", line) for line in lines if line)
