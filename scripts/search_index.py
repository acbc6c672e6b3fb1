"""Search: index the built site with Pagefind, offline, into ``site/pagefind/``.

The ``pagefind[extended]`` binary segments Chinese into words, so 志愿服务 matches inside
开展志愿服务进社区活动. Only each page's ``data-pagefind-body`` (the article) is indexed, and plan
facts marked ``data-pagefind-filter`` become search filters (see overrides/main.html). Pagefind
names its files by content hash, so the same site gives the same bundle.
"""
from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

BUNDLE = "pagefind"  # overrides/main.html loads ./pagefind/pagefind-ui.js from here
LANGUAGE = "zh"  # one index in one language: every page is Chinese, whatever its <html lang> says
# Link symbols (¶ heading permalinks, item anchors) would show up in result titles and excerpts.
IGNORED = [".headerlink", ".kb-anchor", ".kb-copy"]
# Only these folders hold pages with data-pagefind-body (overrides/main.html): plans, activity types,
# themes. Thousands of browse pages and the report would be parsed only to be skipped.
INDEXED = "{plans,types,themes}/**/*.html"


async def _index(site_dir: Path, bundle: Path) -> None:
    # Leaving the context writes the bundle, to the configured output_path (by default ./pagefind
    # under the working directory, not under the site): so it must be configured, not passed later.
    config = IndexConfig(force_language=LANGUAGE, exclude_selectors=IGNORED, output_path=str(bundle))
    async with PagefindIndex(config) as index:
        await index.add_directory(str(site_dir), glob=INDEXED)


def build_search_index(site_dir: Path) -> dict:
    """Index the HTML pages under ``site_dir``; returns pages indexed, languages, files and bytes of the bundle.

    Pages without ``data-pagefind-body`` (index pages, the report, redirects) are read but not indexed.
    Raises RuntimeError when nothing was indexed: a site without search is a failed build.
    """
    site_dir = Path(site_dir).resolve()
    bundle = site_dir / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)  # no stale fragments from an earlier run
    asyncio.run(_index(site_dir, bundle))
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = sum(lang["page_count"] for lang in entry["languages"].values())
    if pages == 0:
        raise RuntimeError(f"Pagefind indexed no pages in {site_dir}")
    files = sorted(p for p in bundle.rglob("*") if p.is_file())
    return {
        "pages": pages,
        "languages": sorted(entry["languages"]),
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
    }
