"""What the search index holds of a plan page: its text once, not the tables that repeat it."""
from __future__ import annotations

from scripts.site import search_index

PAGE = """---
title: 青松区图书馆2024年文明单位创建工作方案
html: true
---
<h2 id="s1">一、工作步骤</h2>
<p class="kb-item" id="i1-1">1、动员阶段：召开青松读书动员会。</p>
<h2 id="kb-phases">工作阶段</h2>
<table class="kb-phases"><thead><tr><th>阶段</th><th>时间</th><th>内容</th></tr></thead>
<tbody><tr><td>动员阶段</td><td>2024&#45;03</td><td>召开青松读书动员会。阶段表独有词</td></tr></tbody></table>
"""


def test_the_table_of_work_phases_is_not_indexed_again(tmp_path):
    """The phase table repeats each phase's items: its words would count twice and its heading become a sub-result."""
    plans = tmp_path / "docs" / search_index.SEARCHED_FOLDER
    plans.mkdir(parents=True)
    (plans / "qing-song.md").write_text(PAGE, encoding="utf-8")
    stats = search_index.build_search_index(tmp_path / "docs", tmp_path / "pagefind")
    words = search_index.bundle_words(tmp_path / "pagefind")
    assert stats["pages"] == 1
    assert {"青松", "动员", "读书"} <= words  # the item is indexed
    assert not {"独有", "阶段表"} & words and "工作阶段" not in words  # the table and its heading are not


RELATED = '<h2 id="kb-related">相关方案</h2>\n<div class="kb-related">\n<ul>\n<li><a href="../{0}/">{0}方案</a></li>\n</ul>\n</div>\n'
SEQUENCE = '<nav class="kb-sequence" data-pagefind-ignore><span>上一年度：{0}</span></nav>\n'


def _index_again(tmp_path, name: str, page: str, earlier) -> dict:
    """Write ``page`` and index the folder into ``tmp_path``/``name``, as build.py does after an update."""
    docs = tmp_path / "docs"
    (docs / search_index.SEARCHED_FOLDER).mkdir(parents=True, exist_ok=True)
    (docs / search_index.SEARCHED_FOLDER / "qing-song.md").write_text(page, encoding="utf-8")
    digests = {"plans/qing-song.md": search_index.hashlib.sha256(page.encode("utf-8")).hexdigest()}
    return search_index.build_search_index(docs, tmp_path / name, digests=digests, earlier=earlier)


def _files(folder) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_page_whose_related_plans_or_neighbouring_years_changed_leaves_its_bundle_as_it_was(tmp_path):
    """What Pagefind leaves out (the related list, an element marked data-pagefind-ignore) does not make a
    bundle stale: the bundle is carried over, and is the one indexing the changed page gives; a change to the
    text it indexes is indexed again."""
    first = _index_again(tmp_path, "one", PAGE + RELATED.format("甲") + SEQUENCE.format("甲"), None)
    moved = _index_again(tmp_path, "two", PAGE + RELATED.format("乙") + SEQUENCE.format("乙"), (tmp_path / "one", first["state"]))
    assert moved["bundles_indexed"] == 0
    cold = _index_again(tmp_path / "cold", "two", PAGE + RELATED.format("乙") + SEQUENCE.format("乙"), None)
    assert _files(tmp_path / "two") == _files(tmp_path / "cold" / "two")
    edited = PAGE.replace("青松读书", "青松阅读") + RELATED.format("乙") + SEQUENCE.format("乙")
    again = _index_again(tmp_path, "three", edited, (tmp_path / "two", moved["state"]))
    assert again["bundles_indexed"] == 1 and "阅读" in search_index.bundle_words(tmp_path / "three")
    assert cold["bundles_indexed"] == 1


def test_the_indexed_text_keeps_what_pagefind_reads():
    """Ignored elements go, nested ones with them; an ignored element holding a filter stays (Pagefind reads it)."""
    document = (
        '<main><p>正文<a class="headerlink" href="#s1">¶</a></p><div class="kb-related"><div>内</div>链接</div>'
        '<dl><dt data-pagefind-ignore>编号</dt><dd>保留</dd></dl><p data-pagefind-ignore><span data-pagefind-filter="年份">2024</span></p></main>'
    )
    assert search_index.indexed_text(document) == (
        '<main><p>正文</p><dl><dd>保留</dd></dl><p data-pagefind-ignore><span data-pagefind-filter="年份">2024</span></p></main>'
    )
