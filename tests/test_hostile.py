"""Hostile text is data: what survives cleaning renders as exactly its characters.

Plans full of HTML, Markdown, attr_list, Jinja and front-matter syntax (and hostile file names)
go through the real pipeline (clean → parse → publish → docs/), then each generated page is
turned into HTML by the site's own Markdown configuration. Nothing may become an element, an
attribute, a heading, a table, a rule, front matter or a template; every item reads as typed.
The browser test (test_browser.py) checks the same in Chromium, search included.
"""
from __future__ import annotations

import json
import re

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from conftest import RAW, ROOT
from scripts import ingest, publish
from scripts.publish import permalinks, writer

HOSTILE_PLAN = """<script>alert(1)</script>某某局文明单位创建工作方案{{ config.site_name }}{% include "x" %}
---
title: injected
layout: evil
---
一、指导思想
以<img src=x onerror=alert(2)>为指导，[点我](javascript:alert(3))，{% raw %}开展工作。{: onclick="alert(4)" }
二、主要任务
1、开展志愿服务活动。# 不是标题 | 不是 | 表格 | &lt;b&gt;实体&lt;/b&gt; {#fake-id}
2、推进道德讲堂建设。** 粗体 ** __粗__ _斜_ `代码` ~~删~~ &amp; &#60;b&#62; &copy; \\* \\# <!-- 注释 -->
3、组织文明礼仪培训。<a href="javascript:alert(6)">链接</a><svg onload=alert(7)>{{ 7*7 }}${7*7}
4、开展网络文明传播。
| 列一 | 列二 |
|---|---|
5、推进移风易俗。***
6、开展志愿服务。[^1] ![图](x.png) <https://evil.example/> {:.cls}
"""
HOSTILE_NAMES = ("<img src=x onerror=alert(9)>{{ x }}.txt", "--- # [a](javascript:b) {#n}.txt")
NEVER_TAGS = ("script", "img", "iframe", "svg", "object", "embed", "hr")
# The page's own furniture uses these (a <code> id, a sources table); plan text must never make one.
FORMAT_TAGS = ("td", "th", "strong", "em", "del", "code", "sup", "h1", "h2", "h3", "h4", "h5", "h6")
PLAN_WORDS = ("粗体", "粗", "斜", "代码", "删", "列一", "列二", "不是", "不是标题", "表格", "注释", "title: injected", "7*7")


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    raw = base / "raw"
    raw.mkdir()
    (raw / "hostile.txt").write_text(HOSTILE_PLAN, encoding="utf-8")
    seeds = sorted(RAW.glob("*.txt"))
    for name, seed in zip(HOSTILE_NAMES, seeds):  # different plans, so none is merged into another
        (raw / name).write_bytes(seed.read_bytes())
    outcomes = ingest.process_all([raw], jobs=1)
    assert [o.status for o in outcomes] == ["plans"] * 3
    pages, _ = publish.render_pages(outcomes, permalinks.Registry.load(base / "permalinks.json"))
    out = base / "docs"
    writer.write_pages(pages, out)
    plans = json.loads((out / "data" / "plans.json").read_text(encoding="utf-8"))["plans"]
    return {"out": out, "plans": plans, "base": base}


@pytest.fixture(scope="module")
def to_html():
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])

    def convert(page: str) -> tuple[dict, BeautifulSoup]:
        body, meta = get_data(page)
        md.reset()
        return meta, BeautifulSoup(md.convert(body), "html.parser")

    return convert


def items(plan: dict) -> list[str]:
    found = []

    def walk(sections):
        for section in sections:
            found.extend(item["text"] for item in section["items"])
            walk(section["sections"])

    walk(plan["sections"])
    return found


def test_what_survives_cleaning_is_kept_verbatim(docs):
    plan = next(p for p in docs["plans"] if p["source_file"] == "hostile.txt")
    assert "{{ config.site_name }}" in plan["title"] and "<script>" not in plan["title"]
    text = "\n".join(items(plan))
    for piece in ("# 不是标题 | 不是 | 表格 |", "&lt;b&gt;实体&lt;/b&gt; {#fake-id}", "** 粗体 **", "`代码`", "{{ 7*7 }}", "&#60;b&#62;", "<https://evil.example/> {:.cls}"):
        assert piece in text, piece


@pytest.mark.parametrize("source", ["hostile.txt", *HOSTILE_NAMES])
def test_plan_page_renders_as_text(docs, to_html, source):
    plan = next(p for p in docs["plans"] if p["source_file"] == source)
    page = (docs["out"] / "plans" / f"{plan['slug']}.md").read_text(encoding="utf-8")
    meta, soup = to_html(page)
    assert meta["title"] == plan["title"] and meta["source_file"] == source
    assert "layout" not in meta and meta.get("title") != "injected"
    body = page.split("\n---\n", 1)[1]
    assert not re.search(r"\{\{|\{%|\{:|\{#(?:fake-id|n)\}", body), "template or attr_list syntax left unescaped"
    assert [t.name for t in soup.find_all(NEVER_TAGS)] == []
    made = [(t.name, t.get_text()) for t in soup.find_all(FORMAT_TAGS) if t.get_text().strip() in PLAN_WORDS]
    assert made == [], "plan text became markup"
    for tag in soup.find_all(True):
        for attr, value in tag.attrs.items():
            assert not attr.lower().startswith("on"), (tag.name, attr)
            values = value if isinstance(value, list) else [value]
            assert not any(str(v).strip().lower().startswith("javascript:") for v in values), (tag.name, attr, value)
        assert tag.get("id") not in ("fake-id", "n")
    text = soup.get_text()
    for item in items(plan):
        assert item in text, item


@pytest.mark.parametrize("page", ["report.md", "index.md"])
def test_index_and_report_pages_render_names_and_titles_as_text(docs, to_html, page):
    _, soup = to_html((docs["out"] / page).read_text(encoding="utf-8"))
    assert [t.name for t in soup.find_all(("script", "img", "iframe", "object", "embed"))] == []
    assert not [a for t in soup.find_all(True) for a in t.attrs if a.lower().startswith("on")]
    if page == "report.md":
        text = soup.get_text()
        for name in HOSTILE_NAMES:
            assert name in text, name


def test_slugs_are_safe_path_segments_and_nothing_is_written_outside(docs):
    for plan in docs["plans"]:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", plan["slug"]), plan["slug"]
    written = sorted(p.relative_to(docs["base"]).parts[0] for p in docs["base"].rglob("*") if p.is_file())
    assert set(written) <= {"raw", "docs", "permalinks.json"}
