"""The report page: every file listed, paginated so no page grows with the collection, links that resolve."""
from __future__ import annotations

import html
import re

from scripts.reportpage import FILES_PER_PAGE, render_report_pages


def rendered(report_doc: dict) -> dict[str, str]:
    """The pages as a browser reads their HTML parts (character references decoded)."""
    return {path: html.unescape(text) for path, text in render_report_pages(report_doc).items()}


def report(n_files: int) -> dict:
    files = [
        {
            "source": f"{i:05d}.txt", "status": "plans" if i % 7 else "rejected", "reason": "" if i % 7 else "not a text file",
            "encoding": "utf-8", "size": 100, "sha256": "", "was_traditional": False,
            "plans": [{"id": f"id{i}", "slug": f"plan-{i}", "title": f"方案{i}"}] if i % 7 else [],
            "removed": [{"rule": "chrome.nav.login_bar", "category": "nav", "text": "登录 注册", "line": 1}], "flags": [],
        }
        for i in range(n_files)
    ]
    return {"files": files, "merged": [], "kept_apart": []}


def test_every_file_is_listed_once_across_pages():
    pages = rendered(report(2 * FILES_PER_PAGE + 5))
    assert sorted(pages) == ["report.md", "report/2.md", "report/3.md"]
    listed = re.findall(r"<summary>(\d{5}\.txt)", "".join(pages.values()))
    assert sorted(listed) == [f"{i:05d}.txt" for i in range(2 * FILES_PER_PAGE + 5)]


def test_page_size_does_not_grow_with_the_collection():
    small = max(len(t) for t in render_report_pages(report(FILES_PER_PAGE)).values())
    big = max(len(t) for t in render_report_pages(report(20 * FILES_PER_PAGE)).values())
    assert big < small * 1.05


def test_pager_links_and_plan_links_fit_each_page_depth():
    pages = rendered(report(3 * FILES_PER_PAGE))
    assert "[下一页](report/2.md)" in pages["report.md"]
    assert "[上一页](../report.md)" in pages["report/2.md"] and "[下一页](3.md)" in pages["report/2.md"]
    assert 'href="../plans/plan-1/"' in pages["report.md"]
    assert f'href="../../plans/plan-{FILES_PER_PAGE + 1}/"' in pages["report/2.md"]
    assert all("pagefind: false" in text for text in pages.values())
