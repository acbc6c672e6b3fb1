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
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, CData, NavigableString, Tag

from scripts.models import PageMeta
from scripts.rules import load_rules

HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
CJK = re.compile("[\u3400-\u9fff]")
NON_SPACE = re.compile(r"\S")
NAME_WORDS = re.compile(r"[-_\s]+")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Source line breaks between two CJK characters are not spaces: Chinese has no word spacing.
CJK_OR_FULLWIDTH = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
WRAP_BETWEEN_CJK = re.compile(f"(?<=[{CJK_OR_FULLWIDTH}])[ \\t\\r\\f]*\\n\\s*(?=[{CJK_OR_FULLWIDTH}])")
SPACES = re.compile(r"[ \t\n\r\f]+")
CELL_GAP = re.compile(r"[ \t]*\t[ \t]*")
DOUBLE_SPACES = re.compile(" {2,}")
SAVED_FROM = re.compile(r"saved from url=\(\d+\)(https?://[^\s>]+)", re.IGNORECASE)
ISO_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")

FURNITURE_MAX_SHARE = 0.5  # a block holding this share of the page's text is never furniture
LINK_HEAVY_SHARE = 0.5  # blocks whose text is at least this much link text...
LINK_HEAVY_MIN_LINKS = 3  # ...with at least this many links are link lists
DESCEND_SHARE = 0.85  # step into a child block that holds this share of the text
DESCEND_PREFERRED_SHARE = 0.5  # or this share, for <article>/<main> or content-like names


@dataclass
class HtmlText:
    text: str
    meta: PageMeta


class _Break(NavigableString):
    """A line break implied by the page's structure (a block edge or <br>), not by its source."""


class _CellGap(NavigableString):
    """The gap between two table cells: printed as a tab."""


@dataclass
class _Amount:
    """How much text a tag holds; counted once per page so block choices stay linear."""

    chars: int = 0  # visible (non-space) characters
    cjk: int = 0
    link_chars: int = 0
    link_cjk: int = 0
    links: int = 0

    @property
    def body_cjk(self) -> int:
        return self.cjk - self.link_cjk


def looks_like_html(name: str, text: str) -> bool:
    """A web page by its extension, or a .txt that is really a saved page (starts with <html…)."""
    if Path(name).suffix.lower() in HTML_SUFFIXES:
        return True
    head = text[:4096].lstrip("\ufeff \t\r\n")
    while head.startswith(("<!--", "<?xml")):
        end = head.find("-->" if head.startswith("<!--") else "?>")
        if end == -1:
            return False
        head = head[end + 3 if head.startswith("<!--") else end + 2 :].lstrip()
    return head[:14].lower() == "<!doctype html" or re.match(r"<html[\s>]", head[:6], re.IGNORECASE) is not None


def html_to_text(html: str) -> HtmlText:
    """The article's text (one line per block, cells tab-separated) and the page's metadata."""
    soup = BeautifulSoup(html, "html.parser")
    meta = _page_meta(soup, html)
    for tag in soup.find_all(load_rules("html")["drop_tags"]):
        if not tag.decomposed:
            tag.decompose()
    root = soup.body or soup
    _drop_furniture(root)
    main = _main_block(root, _title_heading(root, meta.page_title))
    return HtmlText(_render(main), meta)


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
        publish_date=_iso_date(fields["publish_date"]),
        source=fields["source"],
        column=fields["column"],
        author=fields["author"],
        url=next((url.strip() for url in urls if url.strip().startswith(("http://", "https://"))), ""),
        page_title=title,
    )


def _iso_date(value: str) -> str:
    match = ISO_DATE.search(value)
    if not match:
        return ""
    year, month, day = (int(part) for part in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""


def _measure(root: Tag) -> dict[int, _Amount]:
    """Text amounts for every tag under ``root`` (keyed by ``id``), in one pass over the strings."""
    amounts: dict[int, _Amount] = defaultdict(_Amount)
    for node in root.descendants:
        if isinstance(node, Tag):
            if node.name == "a" and node.get("href"):
                for parent in node.parents:
                    amounts[id(parent)].links += 1
            continue
        if type(node) not in (NavigableString, CData):
            continue  # comments, doctype, processing instructions
        chars = len(NON_SPACE.findall(node))
        if not chars:
            continue
        cjk = len(CJK.findall(node))
        parents = list(node.parents)
        in_link = any(parent.name == "a" for parent in parents)
        for parent in parents:
            amount = amounts[id(parent)]
            amount.chars += chars
            amount.cjk += cjk
            if in_link:
                amount.link_chars += chars
                amount.link_cjk += cjk
    return amounts


def _drop_furniture(root: Tag) -> None:
    rules = load_rules("html")
    amounts = _measure(root)
    page = amounts[id(root)]
    doomed = [
        tag
        for tag in root.find_all(True)
        if amounts[id(tag)].chars < FURNITURE_MAX_SHARE * page.chars and _is_furniture(tag, amounts[id(tag)], rules)
    ]
    for tag in doomed:
        if not tag.decomposed:
            tag.decompose()


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
    names = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
    return any(word.startswith(tuple(prefixes)) for word in NAME_WORDS.split(names.lower()) if word)


def _title_heading(root: Tag, page_title: str) -> Tag | None:
    """The h1–h3 that is the article's title: the longest whose text the page <title> contains."""
    title = SPACES.sub("", page_title)
    best, best_length = None, 1  # a one-character heading proves nothing
    for heading in root.find_all(["h1", "h2", "h3"]):
        text = SPACES.sub("", heading.get_text())
        if len(text) > best_length and text in title:
            best, best_length = heading, len(text)
    return best


def _main_block(root: Tag, title_heading: Tag | None) -> Tag:
    """Walk down from ``root`` while one child holds most of the Chinese body text (and the title)."""
    rules = load_rules("html")
    amounts = _measure(root)
    on_title_path = {id(tag) for tag in title_heading.parents} | {id(title_heading)} if title_heading else set()
    block = root
    while amounts[id(block)].body_cjk:
        here = amounts[id(block)].body_cjk
        for child in block.find_all(True, recursive=False):
            if id(block) in on_title_path and id(child) not in on_title_path:
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


def _render(block: Tag) -> str:
    """Print the block: block edges and <br> become line breaks, table cells tab-separated."""
    rules = load_rules("html")
    in_data_cell = _inside_data_cells(block)
    for br in block.find_all("br"):
        br.replace_with(NavigableString(" ") if id(br) in in_data_cell else _Break("\n"))
    for tag in block.find_all(rules["block_tags"]):
        if id(tag) not in in_data_cell:
            tag.insert_before(_Break("\n"))
            tag.insert_after(_Break("\n"))
    for cell in block.find_all(["td", "th"]):
        cell.insert_before(_CellGap("\t"))
    has_pre = block.find("pre") is not None
    pieces = []
    for node in block.descendants:
        if isinstance(node, (_Break, _CellGap)):
            pieces.append(str(node))
        elif type(node) in (NavigableString, CData):
            keep_spacing = has_pre and node.find_parent("pre") is not None
            pieces.append(str(node) if keep_spacing else SPACES.sub(" ", WRAP_BETWEEN_CJK.sub("", node)))
    lines = (CELL_GAP.sub("\t", line.replace("\xa0", " ")).strip(" \t\u3000") for line in "".join(pieces).split("\n"))
    return "\n".join(DOUBLE_SPACES.sub(" ", line) for line in lines if line)


def _inside_data_cells(block: Tag) -> set[int]:
    """Tags inside the cells of rows with two or more cells: such a row prints as one line.

    One-cell rows are page layout (old sites put the whole article in one), so their cells
    keep their line structure.
    """
    inside: set[int] = set()
    for row in block.find_all("tr"):
        cells = row.find_all(["td", "th"], recursive=False)
        if len(cells) >= 2:
            inside.update(id(tag) for cell in cells for tag in cell.find_all(True))
    return inside
