"""Search: the Pagefind index of the generated pages, built offline beside the MkDocs build.

Pagefind does not read the themed site. Each searchable docs page (front matter without
``pagefind: false``) becomes a small search document at the URL path the site gives it: its title,
its HTML body, its facts (main activity types, unit, sector, years, level) as Pagefind filters and its
unit as result metadata. Indexing them needs nothing from MkDocs, so build.py runs it at the same time as the
theme, on the other core; and no theme chrome (navigation, header, footer) is parsed 10,000 times.

The ``pagefind[extended]`` binary segments Chinese into words, so 志愿服务 matches inside
开展志愿服务进社区活动. Pagefind names its files by content hash.
"""
from __future__ import annotations

import asyncio
import html
import json
import re
import shutil
import tempfile
from pathlib import Path
from mkdocs.utils.meta import YAML_RE, get_data
from pagefind.index import IndexConfig, PagefindIndex

from .markup import page_folder

BUNDLE = "pagefind"  # in the site: overrides/main.html loads ./pagefind/pagefind-ui.js from here
LANGUAGE = "zh"  # one index in one language: every page is Chinese
# Parts of a page that are links or labels rather than its text: permalink symbols, the
# activity-type chips (they are filters) and the list of related plans.
IGNORED = [".headerlink", ".kb-anchor", ".kb-chips", ".kb-related"]
# Front matter key → Pagefind filter (the search page's facets; overrides/assets/kb.js opens 主要活动类型).
# Every filter is downloaded and counted with the first search, and Pagefind's counting grows with
# filter values × results. Types are a plan's main ones (rules/taxonomy.yml, main_type_min_items):
# a plan mentions most types once, and a filter on every mention narrowed nothing (BENCHMARKS.md).
FILTERS = {"main_types": "主要活动类型", "unit": "单位", "sector": "行业", "years": "年份", "year": "年份", "level": "级别"}
# Above this many units a 单位 filter is a list nobody can scroll, and drawing it took seconds of the
# first search (BENCHMARKS.md); units are then found by typing their name (the plan card is searched,
# and each result shows its unit) and on the browse-by-unit pages.
UNIT_FILTER_LIMIT = 300
SKIPPED_FOLDERS = {"data"}  # pipeline data, not pages
# Pagefind stores every element id of a page with that element's whole text (to link a result to it),
# but its sub-results only use headings: the ids of items and alias markers made every search
# fragment carry the plan's text twice (a third of the bundle's bytes). Headings keep theirs.
# Page bodies are generated markup whose text is escaped (markup.md_text), so a "<" always opens a tag.
NON_HEADING_TAG = re.compile(r"<(?!h[1-6][\s>])([a-z][a-z0-9]*)([^>]*)>")
ID_ATTRIBUTE = re.compile(r'\s+id="[^"]*"')


def searchable_pages(docs_dir: Path) -> list[tuple[Path, str, dict]]:
    """(file, docs-relative path, front matter) of every page that asks to be found, in path order.

    Front matter only: the filters depend on all pages' units, and parsing it is most of the cost of
    reading 10,000 pages, so each page's body is read once, when its search document is written.
    """
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir)
        if rel.parts[0] in SKIPPED_FOLDERS or any(part.startswith(".") for part in rel.parts):
            continue
        _, meta = get_data(path.read_text(encoding="utf-8"))
        if meta.get("pagefind") is not False and meta.get("html") is True:
            pages.append((path, rel.as_posix(), meta))
    return pages


def page_body(page_file: str) -> str:
    """A page file without its front matter, as MkDocs cuts it (``get_data``), without parsing the YAML again."""
    front = YAML_RE.match(page_file)
    return page_file[front.end() :].lstrip("\n") if front else page_file


def search_document(meta: dict, body: str, filters: dict[str, str] = FILTERS) -> str:
    """The page Pagefind reads: title as H1 (result title), body, facts as filters and the unit as metadata."""
    title = html.escape(" ".join(str(meta.get("title", "")).split()))
    facts = []
    for key, label in filters.items():
        value = meta.get(key)
        for v in value if isinstance(value, list) else [value]:
            if v or v == 0:
                facts.append(f'<span data-pagefind-filter="{label}">{html.escape(str(v))}</span>')
    if meta.get("unit"):
        facts.append(f'<span data-pagefind-meta="单位">{html.escape(str(meta["unit"]))}</span>')
    heading = "" if "<h1" in body else f"<h1>{title}</h1>"
    body = NON_HEADING_TAG.sub(_without_id, body)
    return (
        f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"<main data-pagefind-body>{heading}{body}</main><div hidden>{''.join(facts)}</div></body></html>"
    )


def _without_id(tag: re.Match) -> str:
    return f"<{tag[1]}{ID_ATTRIBUTE.sub('', tag[2])}>"


async def _index(folder: Path, bundle: Path) -> None:
    # Leaving the context writes the bundle to the configured output_path (by default ./pagefind
    # under the working directory): so it must be configured, not passed later.
    config = IndexConfig(force_language=LANGUAGE, exclude_selectors=IGNORED, output_path=str(bundle))
    async with PagefindIndex(config) as index:
        await index.add_directory(str(folder))


def build_search_index(docs_dir: Path, bundle: Path) -> dict:
    """Index the searchable pages of ``docs_dir`` into the Pagefind bundle folder ``bundle`` (replaced).

    Returns pages indexed, languages, files and bytes of the bundle, and the filters. Raises RuntimeError when nothing
    was indexed: a site without search is a failed build.
    """
    docs_dir, bundle = Path(docs_dir).resolve(), Path(bundle).resolve()
    shutil.rmtree(bundle, ignore_errors=True)  # no stale fragments from an earlier run
    searchable = searchable_pages(docs_dir)
    units = {meta["unit"] for _, _, meta in searchable if meta.get("unit")}
    filters = FILTERS if len(units) <= UNIT_FILTER_LIMIT else {k: v for k, v in FILTERS.items() if k != "unit"}
    with tempfile.TemporaryDirectory(prefix=".search-", dir=bundle.parent) as tmp:
        for path, rel, meta in searchable:
            target = Path(tmp, *page_folder(rel), "index.html")
            target.parent.mkdir(parents=True, exist_ok=True)
            body = page_body(path.read_text(encoding="utf-8"))
            target.write_text(search_document(meta, body, filters), encoding="utf-8")
        asyncio.run(_index(Path(tmp), bundle))
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = sum(lang["page_count"] for lang in entry["languages"].values())
    if pages == 0:
        raise RuntimeError(f"Pagefind indexed no pages from {docs_dir}")
    files = sorted(p for p in bundle.rglob("*") if p.is_file())
    return {
        "pages": pages,
        "languages": sorted(entry["languages"]),
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
        "filters": sorted(set(filters.values())),
    }
