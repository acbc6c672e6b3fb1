"""The report page: every file listed, paginated so no page grows with the collection, links that resolve."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

from conftest import page_parts
from scripts.publish.markup import md_text
from scripts.publish.reportpage import FILES_PER_PAGE, render_report_pages

HOSTILE = "</summary><script>alert(1)</script>{{ x }} **b**\n---\ntitle: d"


def parsed(report_doc: dict) -> dict[str, tuple[dict, BeautifulSoup]]:
    """Each page as (front matter, parsed HTML body)."""
    pages = {}
    for path, text in render_report_pages(report_doc).items():
        meta, body = page_parts(text)
        pages[path] = (meta, BeautifulSoup(body, "html.parser"))
    return pages


def report(n_files: int) -> dict:
    files = [
        {
            "source": f"{i:05d}.txt", "status": "plans" if i % 7 else "rejected", "reason": "" if i % 7 else "不是文本文件",
            "encoding": "utf-8", "size": 100, "sha256": "", "was_traditional": False,
            "plans": [{"id": f"id{i}", "slug": f"plan-{i}", "title": f"方案{i}"}] if i % 7 else [],
            "removed": [{"rule": "chrome.nav.login_bar", "category": "nav", "text": "登录 注册", "line": 1}], "flags": [],
        }
        for i in range(n_files)
    ]
    return {"files": files, "merged": [], "kept_apart": []}


def ref(source: str, slug: str, title: str = "方案", index_in_file: int = 0) -> dict:
    return {"source": source, "slug": slug, "title": title, "index_in_file": index_in_file}


def in_order(pages: dict) -> list[str]:
    """The report's pages in reading order, by their 下一页 links."""
    paths = ["report.md"]
    while True:
        nav = pages[paths[-1]][1].select_one("nav.kb-pager")
        following = [a["href"] for a in nav.find_all("a") if a.get_text() == "下一页 »"] if nav else []
        if not following:
            return paths
        name = [part for part in following[0].split("/") if part not in ("..", "")]  # 下一页 never leads to the first
        paths.append(f"report/{name[-1]}.md")


def test_every_file_is_listed_once_across_pages():
    pages = parsed(report(5 * FILES_PER_PAGE + 5))
    assert len(pages) >= 6 and all(re.fullmatch(r"report/[0-9a-f]{16}\.md", p) for p in list(pages)[1:])
    assert sorted(in_order(pages)) == sorted(pages)
    listed = [s.get_text().split(" — ")[0] for path in in_order(pages) for s in pages[path][1].select("div.kb-report details > summary")]
    assert listed == [f"{i:05d}.txt" for i in range(5 * FILES_PER_PAGE + 5)]  # in the report's order
    assert all(len(page.select("div.kb-report details")) <= FILES_PER_PAGE for _, page in pages.values())


def test_an_added_file_rewrites_its_page_and_the_first():
    doc = report(20 * FILES_PER_PAGE)
    before = render_report_pages(doc)
    added = {**doc["files"][0], "source": "00250a.txt"}
    doc["files"].insert(251, added)
    after = render_report_pages(doc)
    changed = sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
    assert "report.md" in changed and len(changed) <= 4, changed
    assert len(before) >= 20


def test_pages_made_before_from_the_same_rows_are_taken_from_the_memo():
    """An edited file's page is made again, and the first (it shows the counts); the others come from the memo
    with the bytes making them gives."""
    import copy
    import hashlib

    from scripts.publish.indexes import PageMemo

    kept: dict[str, str] = {}
    made = []

    def memo() -> PageMemo:
        return PageMemo({}, lambda b: hashlib.sha256(b).hexdigest(), kept.get, lambda k, v: made.append(v) or kept.__setitem__(k, v))

    doc = report(8 * FILES_PER_PAGE)
    first = render_report_pages(doc, memo())
    assert first == render_report_pages(doc) and len(made) == len(first) >= 8
    edited = copy.deepcopy(doc)
    edited["files"][100]["removed"].append({"rule": "chrome.nav.footer", "category": "nav", "text": "版权所有", "line": 9})
    made.clear()
    again = render_report_pages(edited, memo())
    assert again == render_report_pages(edited)
    assert [p for p in again if again[p] != first[p]] == [p for p in again if again[p] in made] and len(made) == 1
    edited["files"][100]["status"] = "rejected"  # the counts on the first page change too
    made.clear()
    assert render_report_pages(edited, memo()) == render_report_pages(edited) and len(made) == 2


def test_page_size_does_not_grow_with_the_collection():
    small = max(len(t) for t in render_report_pages(report(FILES_PER_PAGE)).values())
    big = max(len(t) for t in render_report_pages(report(20 * FILES_PER_PAGE)).values())
    assert big < small * 1.05


def test_titles_and_headings():
    pages = parsed(report(4 * FILES_PER_PAGE))
    second = in_order(pages)[1]
    first_file = pages[second][1].select_one("details summary").get_text().split(" — ")[0]
    assert pages["report.md"][0] == {"title": "清理报告", "pagefind": False, "html": True}
    assert pages[second][0] == {"title": f"清理报告（{first_file} 起）", "pagefind": False, "html": True}
    h1 = pages[second][1].h1
    assert h1["id"] == "kb-title" and h1.get_text() == "清理报告¶"
    intro = pages["report.md"][1].p.get_text()
    assert intro.startswith(f"共 {4 * FILES_PER_PAGE} 个输入文件：已入库 85，拒收 15。")
    assert intro.endswith("完整数据见 data/report.json。")
    assert pages[second][1].p.get_text() == f"从 {first_file} 起的文件（全部文件的统计见第一页）。"  # the counts only on the first


def test_pager_links_and_plan_links_fit_each_page_depth():
    pages = parsed(report(5 * FILES_PER_PAGE))
    order = in_order(pages)
    names = [p.split("/")[-1][: -len(".md")] for p in order]

    def pager(path):
        navs = pages[path][1].select("nav.kb-pager")
        assert len(navs) == 2 and navs[0] == navs[1]  # above and below the files
        return [(a.get_text(), a["href"]) for a in navs[0].find_all("a")], navs[0].get_text()

    assert pager("report.md") == ([("下一页 »", f"{names[1]}/")], f"共 {len(order)} 页 · 下一页 »")
    assert pager(order[1]) == ([("« 上一页", "../"), ("下一页 »", f"../{names[2]}/")], "« 上一页 · 下一页 »")
    assert pager(order[-1]) == ([("« 上一页", f"../{names[-2]}/"), ("第一页", "../")], "« 上一页 · 第一页")
    first = pages["report.md"][1].select_one("details li")
    assert first.a["href"] == "../plans/plan-1/" and first.get_text() == "方案1 id1"
    assert pages[order[1]][1].select_one("details li a")["href"].startswith("../../plans/plan-")


def test_single_page_has_no_pager():
    pages = parsed(report(3))
    assert list(pages) == ["report.md"] and not pages["report.md"][1].select("nav.kb-pager")


def test_file_block_shows_removals_and_flags():
    doc = report(1)
    doc["files"][0] |= {
        "status": "plans", "reason": "", "was_traditional": True,
        "plans": [{"id": "k7", "slug": "plan-0", "title": ""}],
        "flags": [
            {"line": 4, "kind": "mojibake", "excerpt": "锟斤拷", "detail": "乱码"},
            {"line": 9, "kind": "truncation", "excerpt": "加强", "detail": "text ends mid-sentence"},
        ],
    }
    block = parsed(doc)["report.md"][1].select_one("details.kb-report-file")
    assert block["data-status"] == "plans"
    assert block.summary.get_text() == "00000.txt — 已入库"
    assert block.p.get_text() == "编码 utf-8 · 100 字节 · 原文为繁体 · 删除 chrome.nav.login_bar ×1 · 标记 疑似乱码 ×1，疑似截断 ×1"
    assert block.li.get_text() == "（无标题） k7"
    removed, flags = block.find_all("table")
    assert [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in removed.find_all("tr")] == [
        ["行", "规则", "删除的文字"], ["1", "chrome.nav.login_bar", "登录 注册"],
    ]
    assert [td.get_text() for td in flags.tbody.find_all("td")] == [
        "4", "疑似乱码", "锟斤拷", "乱码", "9", "疑似截断", "加强", "文末句子不完整",
    ]  # kinds and details in the reader's language


def test_merged_and_kept_apart_pairs():
    doc = report(1)
    doc["merged"] = [{"copy": ref("a.txt", ""), "shown": ref("b.txt", "plan-b", "乙方案", 1), "similarity": 0.93, "reason": "同一方案"}]
    doc["kept_apart"] = [{"first": ref("c.txt", "plan-c"), "second": ref("d.txt", "plan-d"), "similarity": 0.61, "reason": "年份不同"}]
    meta, page = parsed(doc)["report.md"]
    assert meta["toc"] == [{"level": 2, "id": "merged", "name": "合并的重复方案", "children": []}]
    assert page.h2["id"] == "merged"
    merged, apart = page.select("div.kb-merged table")
    assert [td.get_text() for td in merged.tbody.find_all("td")] == ["方案（a.txt）", "乙方案（b.txt 第 2 篇）", "93%", "同一方案"]
    assert [a["href"] for a in merged.find_all("a")] == ["../plans/plan-b/"]  # a copy without a page is not a link
    assert [a["href"] for a in apart.find_all("a")] == ["../plans/plan-c/", "../plans/plan-d/"]


def test_a_merged_copy_is_shown_on_the_page_of_its_file():
    doc = report(5 * FILES_PER_PAGE)
    late = doc["files"][-1]["source"]
    doc["merged"] = [{"copy": ref(late, ""), "shown": ref("00001.txt", "plan-1"), "similarity": 0.9, "reason": "同一方案"}]
    pages = parsed(doc)
    holding = [path for path, (_, page) in pages.items() if page.select("div.kb-merged")]
    assert len(holding) == 1 and late in [s.get_text().split(" — ")[0] for s in pages[holding[0]][1].select("details > summary")]


def test_hostile_file_names_and_text_stay_text():
    doc = report(1)
    doc["files"][0] |= {"source": HOSTILE, "reason": HOSTILE, "status": "rejected", "plans": []}
    doc["files"][0]["removed"][0]["text"] = "第一行\n第二行" + HOSTILE
    text = render_report_pages(doc)["report.md"]
    _, body = page_parts(text)
    assert "<script" not in body and "{{" not in body and "\ntitle: d" not in body
    meta, page = parsed(doc)["report.md"]
    assert set(meta) == {"title", "pagefind", "html"}
    assert not page.find_all("script")
    flat = " ⏎ ".join(HOSTILE.splitlines())
    assert page.summary.get_text() == f"{' '.join(flat.split())} — 拒收：{' '.join(flat.split())}"
    assert page.select_one("details td:nth-of-type(3)").get_text() == "第一行 ⏎ 第二行" + " ".join(flat.split())
    assert md_text(HOSTILE.splitlines()[0]) in body


def test_many_pairs_of_one_file_do_not_make_its_page_grow():
    doc = report(3 * FILES_PER_PAGE)
    source = doc["files"][10]["source"]
    doc["merged"] = [{"copy": ref(source, ""), "shown": ref("00001.txt", "plan-1"), "similarity": 0.9, "reason": "同一方案"}] * (3 * FILES_PER_PAGE)
    pages = parsed(doc)
    rows = [len(page.select("div.kb-report details")) + len(page.select("div.kb-merged tbody tr")) for _, page in pages.values()]
    assert max(rows) <= FILES_PER_PAGE and sum(rows) == 6 * FILES_PER_PAGE
