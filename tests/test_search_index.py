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
