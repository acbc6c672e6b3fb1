"""A small site from fake plans: `mkdocs build --strict` with the real config, then Pagefind.

Checks what only a real build shows: no request can leave for another host, hostile titles are
escaped in <title>, redirects are written, and the search bundle holds a Chinese index.
"""
from __future__ import annotations

import gzip
import html
import json
import re
import zlib
from pathlib import Path
from urllib.parse import unquote

import pytest
from mkdocs.utils.meta import get_data

from fixtures.site_plans import HOSTILE, TYPE_NAMES, make_plan, make_plans, taxonomy
from scripts.publish.indexes import QUICK_ANSWERS, quick_answers, render_index_pages
from scripts.publish.render import render_plan_page
from scripts.publish.reportpage import render_report_pages
from scripts.publish.slugs import slugify
from scripts.publish.writer import write_pages
from scripts.site import search_index
from scripts.site.build import build_site
from scripts.site.search_index import page_body, search_document, searchable_pages

ROOT = Path(__file__).resolve().parent.parent
SITE_NAME = "文明创建工作方案参考库"
# A resource the browser would fetch by itself (src, url(), @import, <link href>) from another host.
OUTSIDE_FETCH = re.compile(
    r"""(?:\bsrc\s*=\s*["']?|url\(\s*["']?|@import\s+(?:url\(\s*)?["']?|<link\b[^>]*\bhref\s*=\s*["']?)https?://(?!localhost\b|127\.0\.0\.1\b)""",
    re.IGNORECASE,
)
OUTSIDE_LINK = re.compile(r"""\bhref\s*=\s*["']?https?://(?!localhost\b|127\.0\.0\.1\b)""", re.IGNORECASE)


def site_plans():
    plans = make_plans(12)
    plans.append(make_plan(12, title=HOSTILE, unit="湖南省<b>财政厅</b>", tags=["志愿服务"]))
    return plans


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Build once for all tests: docs/ from the fake plans, site/ with MkDocs, then the search index."""
    tmp = tmp_path_factory.mktemp("site")
    docs, site = tmp / "docs", tmp / "site"
    plans = site_plans()
    type_slugs = {name: slugify(name) for name in TYPE_NAMES}
    pages = {f"plans/{p.slug}.md": render_plan_page(p, related=plans[:3], removed=[], type_slugs=type_slugs) for p in plans}
    pages.update(render_index_pages(plans, taxonomy()))
    pages[QUICK_ANSWERS] = quick_answers(plans, taxonomy())
    pages.update(render_report_pages({"files": []}))
    pages["data/redirects.json"] = json.dumps({"plans/old-slug.md": "plans/fang-an-00001.md"})
    write_pages(pages, docs)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp)  # the search bundle must land in the site, wherever the build runs from
        stats = build_site(site, docs_dir=docs)
    return site, stats, plans


def text_files(site: Path):
    for path in sorted(site.rglob("*")):
        if path.suffix in {".html", ".css", ".js"}:
            yield path, path.read_text(encoding="utf-8", errors="replace")


def test_nothing_is_fetched_from_another_host(built):
    site, _, _ = built
    scanned = 0
    for path, text in text_files(site):
        assert not OUTSIDE_FETCH.search(text), (path, OUTSIDE_FETCH.search(text).group(0))
        if path.suffix == ".html" and not path.relative_to(site).parts[0] == "plans":
            assert not OUTSIDE_LINK.search(text), (path, OUTSIDE_LINK.search(text).group(0))
        scanned += 1
    assert scanned > 50


def test_search_assets_are_loaded_by_relative_path(built):
    site, _, _ = built
    page = (site / "types" / "zhi-yuan-fu-wu" / "index.html").read_text(encoding="utf-8")
    assert '<script src="../../pagefind/pagefind-ui.js"></script>' in page
    assert 'href="../../pagefind/pagefind-ui.css"' in page
    assert '<div class="kb-search" role="search"' in page
    assert 'src="../../assets/kb.js"' in page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<script src="pagefind/pagefind-ui.js"></script>' in home


def test_hostile_title_is_escaped_in_the_title_element(built):
    site, _, plans = built
    page = (site / "plans" / plans[-1].slug / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r"<title>(.*?)</title>", page, re.S)
    assert len(titles) == 1
    assert html.unescape(titles[0]) == " ".join(HOSTILE.split()) + f" - {SITE_NAME}"
    for path, text in text_files(site):
        assert "<script>alert(1)" not in text, path
        assert "<b>财政厅" not in text, path


def test_search_documents_carry_filters_outside_the_indexed_body(built):
    _, _, plans = built
    body = render_plan_page(plans[-1], related=[], removed=[], type_slugs={})
    text, meta = get_data(body)
    assert page_body(body) == text  # the body as MkDocs cuts it, without a second YAML parse
    document = search_document(meta, text)
    assert '<span data-pagefind-filter="主要活动类型">志愿服务</span>' in document
    assert '<span data-pagefind-filter="单位">湖南省&lt;b&gt;财政厅&lt;/b&gt;</span>' in document
    assert '<span data-pagefind-meta="单位">湖南省&lt;b&gt;财政厅&lt;/b&gt;</span>' in document
    indexed = document[document.index("<main data-pagefind-body>") : document.index("</main>")]
    assert "data-pagefind-filter" not in indexed
    assert indexed.count("<h1>") == 1 and "<script>" not in document
    # headings keep their ids (Pagefind's sub-results); items lose theirs (each id stores its text again)
    assert 'id="i1-1"' in text and '<h2 id="s1">' in text
    assert '<h2 id="s1">' in indexed and ' id="i' not in indexed and indexed.count(' id="') == text.count("<h2 id=") + text.count("<h3 id=")


def test_only_plan_pages_become_search_documents(built):
    """Type and theme pages repeat the plans' words and crowded them out of the results: the quick answer links them instead."""
    site, _, plans = built
    docs = site.parent / "docs"
    paths = [rel for _, rel, _ in searchable_pages(docs)]
    assert paths == sorted(f"plans/{p.slug}.md" for p in plans)
    assert (docs / "types" / "zhi-yuan-fu-wu.md").is_file() and "pagefind" not in get_data((docs / "types" / "zhi-yuan-fu-wu.md").read_text(encoding="utf-8"))[1]
    for rel in ("index.html", "themes/index.html", "browse/index.html", "browse/units/index.html", "report/index.html"):
        assert "data-pagefind" not in (site / rel).read_text(encoding="utf-8"), rel


def test_redirects_from_the_registry_are_written(built):
    site, _, _ = built
    page = (site / "plans" / "old-slug" / "index.html").read_text(encoding="utf-8")
    assert 'url=../fang-an-00001/"' in page


def test_pagefind_bundle_has_a_chinese_index(built):
    site, stats, plans = built
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["zh"]
    assert stats["languages"] == ["zh"]
    assert stats["pages"] == entry["languages"]["zh"]["page_count"] == len(plans)  # plan pages only
    assert list((site / "pagefind" / "index").glob("zh_*.pf_index"))
    assert (site / "pagefind" / "pagefind-ui.js").is_file()
    assert not (site.parent / "pagefind").exists()
    assert stats["bytes"] == sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    manifest = json.loads((site / "pagefind" / search_index.SHARDS_FILE).read_text(encoding="utf-8"))
    assert stats["bundles"] == 1 and manifest["bundles"] == [] and "filter" not in manifest and "kb-bundle" not in stats["filters"]
    # one bundle has word lists too: the search box cuts queries into the index's words
    assert manifest["words"] == "kb-words/" and (site / "pagefind" / "kb-words" / f"{manifest['word_files'] - 1}.json").is_file()


def test_a_large_collection_is_indexed_as_several_bundles_with_their_word_lists(built, tmp_path):
    site, stats, plans = built
    searchable = searchable_pages(site.parent / "docs")
    sharded = search_index.build_search_index(site.parent / "docs", tmp_path / "pagefind", shard_pages=5)
    bundle = tmp_path / "pagefind"
    count = -(-len(searchable) // 5)
    assert sharded["bundles"] == count > 1 and sharded["pages"] == stats["pages"] == len(searchable)
    manifest = json.loads((bundle / search_index.SHARDS_FILE).read_text(encoding="utf-8"))
    assert manifest["bundles"] == [f"shard-{n}/" for n in range(2, count + 1)] and manifest["filter"] == "kb-bundle"
    folders = ["", *manifest["bundles"]]
    counts = [json.loads((bundle / folder / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]["zh"]["page_count"] for folder in folders]
    assert sum(counts) == len(searchable) and counts == [len(group) for group in search_index.shards(searchable, 5)]
    # every word of every bundle is listed with exactly the bundles whose index holds it
    lists: dict[str, str] = {}
    for number in range(manifest["word_files"]):
        words = json.loads((bundle / manifest["words"] / f"{number}.json").read_text(encoding="utf-8"))
        assert all(search_index.word_file(word, manifest["word_files"]) == number for word in words)
        lists.update(words)
    held = [search_index.bundle_words(bundle / folder) for folder in folders]
    assert set(lists) == set().union(*held) and {"志愿", "财政厅"} <= set(lists)
    assert all(int(mask, 16) == sum(1 << n for n, words in enumerate(held) if word in words) for word, mask in lists.items())
    # the hostile plan (志愿服务 on every item) is in the bundle its page was dealt to
    hostile = next(rel for _, rel, meta in searchable if meta.get("unit") == "湖南省<b>财政厅</b>")
    dealt = next(n for n, group in enumerate(search_index.shards(searchable, 5)) if hostile in [rel for _, rel, _ in group])
    assert int(lists["财政厅"], 16) & (1 << dealt)


def test_quick_answers_name_every_type_theme_and_browse_value_with_its_page():
    plans = site_plans()
    answers = json.loads(quick_answers(plans, taxonomy()))
    assert answers[:2] == [["活动类型", "道德讲堂", "types/dao-de-jiang-tang.md", []], ["活动类型", "文明礼仪", "types/wen-ming-li-yi.md", []]]
    assert ["主题", "志愿服务", "themes/zhi-yuan-fu-wu.md", []] in answers
    pages = render_index_pages(plans, taxonomy())
    for label, name, page, _ in answers:
        assert page in pages, (label, name, page)
    hostile = next(a for a in answers if a[0] == "单位" and a[1] == "湖南省<b>财政厅</b>")
    assert pages[hostile[2]].startswith("---\ntitle: 单位：湖南省<b>财政厅</b>\n")
    assert {a[0] for a in answers} == {"活动类型", "主题", "单位", "行业", "地区", "年份", "级别"}
    assert ["年份", "2013", "browse/years/2013.md", []] in answers and not any(a[1] == "未注明" for a in answers)


def test_quick_answer_lists_file_every_name_where_the_search_box_looks(built, tmp_path):
    site, _, _ = built
    manifest = json.loads((site / "pagefind" / search_index.SHARDS_FILE).read_text(encoding="utf-8"))
    assert manifest["answers"] == "kb-answers/"
    answers = [["活动类型", "文明出行", "types/wen-ming-chu-xing.md", ["文明交通", "文明出行", "绿色出行"]], ["年份", "2023", "browse/years/2023.md", []]]
    answers += [["单位", f"单位{n:03d}", f"browse/units/dan-wei-{n:03d}.md", []] for n in range(400)]
    files = search_index.write_answer_lists(tmp_path, answers)
    assert files == 5  # 404 names, ANSWERS_PER_FILE to a file
    lists = [json.loads((tmp_path / f"{n}.json").read_text(encoding="utf-8")) for n in range(files)]
    for key, answer in (("文明交通", ["活动类型", "文明出行", "types/wen-ming-chu-xing/"]), ("绿色出行", ["活动类型", "文明出行", "types/wen-ming-chu-xing/"]),
                        ("2023", ["年份", "2023", "browse/years/2023/"]), ("单位007", ["单位", "单位007", "browse/units/dan-wei-007/"])):
        found = lists[search_index.word_file(key, files)]
        assert [found["answers"][n] for n in found["names"][key]] == [answer], key
    one = lists[search_index.word_file("文明交通", files)]
    assert sum(a[1] == "文明出行" for a in one["answers"]) == 1  # its names share one entry in a file


def _cbor(data: bytes, at: int = 0):
    """A whole CBOR decoder for what Pagefind writes (integers, strings, arrays, maps): (value, next offset)."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info >= 24:
        size = 1 << (info - 24)
        info, at = int.from_bytes(data[at : at + size], "big"), at + size
    if major in (0, 1):
        return (info if major == 0 else -1 - info), at
    if major in (2, 3):
        raw = data[at : at + info]
        return (raw.decode("utf-8") if major == 3 else raw), at + info
    items = []
    for _ in range(info * (2 if major == 5 else 1)):
        item, at = _cbor(data, at)
        items.append(item)
    return (items if major == 4 else dict(zip(items[::2], items[1::2]))), at


def test_bundle_words_are_exactly_the_words_of_the_index(built):
    site, _, _ = built
    decoded = set()
    for chunk in (site / "pagefind" / "index").glob("*.pf_index"):
        data = gzip.decompress(chunk.read_bytes())[len(search_index.PAGEFIND_SIGNATURE) :]
        index, end = _cbor(data)
        assert end == len(data)
        decoded.update(entry[0] for entry in index[0])
    assert search_index.bundle_words(site / "pagefind") == decoded and {"志愿", "财政厅"} <= decoded


def test_pages_are_dealt_into_bundles_by_a_hash_of_their_path():
    pages = [(None, f"plans/p{number}.md", {}) for number in range(11)]
    groups = search_index.shards(pages, 4)
    assert [len(group) for group in groups] == [len([p for p in pages if zlib.crc32(p[1].encode()) % 3 == n]) for n in range(3)]
    assert sorted(page for group in groups for page in group) == sorted(pages)
    added = search_index.shards([*pages, (None, "plans/new.md", {})], 4)
    assert [[page for page in group if page[1] != "plans/new.md"] for group in added] == groups, "no other page moves"
    assert search_index.shards(pages, 11) == [pages] and search_index.shards([], 4) == [[]]


def test_every_link_and_anchor_in_the_site_resolves(built):
    """MkDocs no longer checks links (pages are HTML, not Markdown): every relative href must land on a file and its anchor."""
    site, _, _ = built
    ids: dict[Path, set[str]] = {}

    def ids_of(page: Path) -> set[str]:
        if page not in ids:
            ids[page] = set(re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8")))
        return ids[page]

    checked = 0
    for path, text in text_files(site):
        if path.suffix != ".html" or path.relative_to(site).parts[0] == "pagefind" or path.name == "404.html":
            continue  # the 404 page is served at any depth: the theme links it from the site root
        for href in re.findall(r'<a\b[^>]*?\bhref="([^"]*)"', text):
            href = html.unescape(href)
            if re.match(r"[a-z]+:", href) or href.startswith("//"):
                continue  # the source websites' own pages, shown on the card
            target, _, anchor = href.partition("#")
            resolved = (path.parent / unquote(target)).resolve() if target else path
            if resolved.is_dir():
                resolved = resolved / "index.html"
            assert resolved.is_file() and resolved.is_relative_to(site.resolve()), (path.relative_to(site), href)
            if anchor and resolved.suffix == ".html":
                assert unquote(anchor) in ids_of(resolved), (path.relative_to(site), href)
            checked += 1
    assert checked > 500


def test_an_unchanged_build_is_skipped_and_any_changed_page_rebuilds(built):
    site, stats, _ = built
    docs = site.parent / "docs"
    index = site / "index.html"
    before = index.stat().st_mtime_ns
    again = build_site(site, docs_dir=docs)
    assert again["skipped"] is True and again["pages"] == stats["pages"]
    assert index.stat().st_mtime_ns == before  # the site in place was left alone
    report = docs / "report.md"
    original = report.read_text(encoding="utf-8")
    try:
        report.write_text(original.replace("清理报告", "清理报告（新）", 1), encoding="utf-8")
        rebuilt = build_site(site, docs_dir=docs)
        assert rebuilt["skipped"] is False
        assert "清理报告（新）" in (site / "report" / "index.html").read_text(encoding="utf-8")
    finally:
        report.write_text(original, encoding="utf-8")
        build_site(site, docs_dir=docs)


def test_units_are_a_search_filter_until_there_are_too_many(built, tmp_path, monkeypatch):
    site, stats, plans = built
    assert stats["filters"] == ["主要活动类型", "单位", "年份", "级别", "行业"]
    units = {p.meta.unit for p in plans if p.meta.unit}
    monkeypatch.setattr(search_index, "UNIT_FILTER_LIMIT", len(units) - 1)
    fewer = search_index.build_search_index(site.parent / "docs", tmp_path / "pagefind")
    assert fewer["filters"] == ["主要活动类型", "年份", "级别", "行业"] and fewer["pages"] == stats["pages"]


def test_a_failed_pagefind_run_is_an_error_that_says_why(tmp_path):
    (tmp_path / "docs").mkdir()
    with pytest.raises(RuntimeError, match=r"Pagefind failed \(exit 1\).*not able to build an index"):
        search_index.build_search_index(tmp_path / "docs", tmp_path / "pagefind")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]  # no bundle, no leftover temporary folder
