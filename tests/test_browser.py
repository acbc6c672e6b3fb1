"""End to end in headless Chromium: build the site from the seeds (plus a hostile file), serve it under a
sub-path, and use it as a person would. Every request is recorded; any host but the local server fails.
"""
from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright import sync_api as playwright  # noqa: E402  (a missing browser stack must fail, not skip)

from conftest import ROOT, copy_seeds

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
SUB_PATH = "kb"
HOSTILE_PLAN = """<script>alert(1)</script>文明单位创建工作方案{{ config.site_name }}
一、指导思想
以<img src=x onerror=alert(2)>为指导，[点我](javascript:alert(3))，{% raw %}开展工作。{: onclick="alert(4)"}
二、主要任务
1、开展志愿服务活动。# 不是标题 | 不是 | 表格 | &lt;b&gt;实体&lt;/b&gt; {#fake-id}
2、推进道德讲堂建设。<iframe src="javascript:alert(5)"></iframe>
---
title: injected
---
3、组织文明礼仪培训。** 粗体 ** `代码` &amp; &#60;b&#62; {{ 7*7 }} <svg onload=alert(6)>
"""


def build(raw: Path, out: Path, registry: Path) -> Path:
    site = out / "root" / SUB_PATH
    subprocess.run(
        [sys.executable, "-m", "scripts", "build", "--raw", str(raw), "--docs", str(out / "docs"), "--site", str(site), "--registry", str(registry), "--quiet"],
        cwd=ROOT, check=True, capture_output=True, timeout=600,
    )
    return site


class Server:
    """A static file server on 127.0.0.1 for ``root`` (the site lives at /kb/ under it)."""

    def __init__(self, root: Path):
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/{SUB_PATH}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    raw = copy_seeds(tmp_path_factory.mktemp("raw"))
    (raw / "hostile.txt").write_text(HOSTILE_PLAN, encoding="utf-8")
    return raw


@pytest.fixture(scope="module")
def site(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    site = build(corpus, out, out / "permalinks.json")
    server = Server(site.parent)
    yield {"dir": site, "base": server.base, "out": out, "registry": out / "permalinks.json"}
    server.close()


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every request and every dialog; the test fails on any outside host."""
    context = browser.new_context()
    pg = context.new_page()
    pg.requests, pg.dialogs = [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    outside = [u for u in pg.requests if urlsplit(u).hostname not in ("127.0.0.1", None) and not u.startswith(("data:", "blob:"))]
    context.close()
    assert outside == [], f"requests to outside hosts: {outside}"
    assert pg.dialogs == [], f"a script opened a dialog: {pg.dialogs}"


def search(page, base: str, query: str):
    page.goto(base)
    box = page.locator(".pagefind-ui__search-input")
    box.fill(query)
    page.wait_for_selector(".pagefind-ui__result", timeout=15000)
    page.wait_for_timeout(500)  # let the result list settle
    more = page.locator("button.pagefind-ui__button")
    while more.count() and more.first.is_visible():
        more.first.click()
        page.wait_for_timeout(300)
    return result_titles(page)


def result_titles(page) -> list[str]:
    """Titles of the top-level results (not the sub-results under each page)."""
    return page.locator(".pagefind-ui__result-title > .pagefind-ui__result-link").all_inner_texts()


def test_home_to_theme_to_type_to_item_anchor(page, site):
    page.goto(site["base"])
    assert "文明创建工作方案参考库" in page.title()
    page.get_by_role("link", name="主题").first.click()
    page.wait_for_load_state()
    page.get_by_role("link", name=re.compile("^道德讲堂")).first.click()
    page.wait_for_load_state()
    assert "/types/" in page.url
    item_link = page.locator("a[href*='/plans/'][href*='#']").first
    href = item_link.get_attribute("href")
    item_link.click()
    page.wait_for_load_state()
    anchor = urlsplit(page.url).fragment
    assert anchor and anchor == href.split("#", 1)[1]
    target = page.locator(f"[id='{anchor}']")
    assert target.count() == 1
    assert "道德讲堂" in target.inner_text()
    assert target.is_visible()
    box = target.bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"], "the item is not scrolled into view"
    # kb.js gives every item its 复制链接 button (the pages do not carry thousands of them)
    items = page.locator("p.kb-item[id]")
    assert items.count() > 1 and page.locator("p.kb-item[id] > button.kb-copy").count() == items.count()
    assert target.locator("button.kb-copy").get_attribute("data-anchor") == anchor


@pytest.mark.parametrize(
    "query, expected",
    [
        ("志愿服务", ["湖南省财政厅创建全国文明单位工作方案（2019-2020年）", "2023年精神文明建设工作实施方案", "财政局文明创建工作方案"]),
        ("无烟机关", ["财政局文明创建工作方案"]),  # seed 000 was traditional (無煙機關)
        ("湖南省财政厅", ["湖南省财政厅创建全国文明单位工作方案（2019-2020年）"]),
    ],
)
def test_search_finds_the_right_plans(page, site, query, expected):
    titles = search(page, site["base"], query)
    for title in expected:
        assert title in titles, (query, titles)


@pytest.fixture(scope="module")
def sharded_site(site, tmp_path_factory):
    """The same site with its search index dealt into bundles of three pages, merged by the search box."""
    from scripts.site import search_index

    root = tmp_path_factory.mktemp("sharded")
    shutil.copytree(site["dir"], root / SUB_PATH)
    stats = search_index.build_search_index(site["out"] / "docs", root / SUB_PATH / search_index.BUNDLE, shard_pages=3)
    server = Server(root)
    yield {"base": server.base, "bundles": stats["bundles"]}
    server.close()


@pytest.mark.parametrize("query", ["志愿服务", "无烟机关", "湖南省财政厅", "道德讲堂 无烟机关", "文明单位", "财政"])
def test_a_sharded_index_finds_what_one_index_finds(page, site, sharded_site, query):
    """Pagefind answers a word a bundle lacks with a shorter word of that bundle (无烟机关 → 无): the bundles
    without the query's words must not add results."""
    assert sharded_site["bundles"] > 2
    expected = search(page, site["base"], query)
    page.requests.clear()
    assert sorted(search(page, sharded_site["base"], query)) == sorted(expected)
    entries = {m.group(1) for u in page.requests if (m := re.search(r"/pagefind/(shard-\d+/)?pagefind-entry\.json", u))}
    assert len(entries) == sharded_site["bundles"]  # every bundle was merged
    assert page.locator(".pagefind-ui__filter-name", has_text="kb-bundle").count() == 0
    assert page.locator(".pagefind-ui__filter-name", has_text="主要活动类型").count() == 1


def test_search_results_can_be_filtered_by_main_activity_type(page, site):
    """身边好人 has two items in 财政局 and in the 2023 plan, fewer in the 2019-2020 plan."""
    titles = search(page, site["base"], "志愿服务")
    assert len(titles) >= 3
    choice = page.locator("label.pagefind-ui__filter-label", has_text="身边好人").first
    if not choice.is_visible():
        page.locator(".pagefind-ui__filter-name", has_text="主要活动类型").first.click()
    choice.click()
    page.wait_for_timeout(1000)
    filtered = result_titles(page)
    assert filtered and len(filtered) < len(titles)
    assert {"财政局文明创建工作方案", "2023年精神文明建设工作实施方案"} <= set(filtered)
    assert "湖南省财政厅创建全国文明单位工作方案（2019-2020年）" not in filtered


def test_search_box_is_on_every_page_and_in_chinese(page, site):
    for path in ("", "themes/", "browse/", "report/"):
        page.goto(site["base"] + path)
        box = page.locator(".pagefind-ui__search-input")
        box.wait_for(state="attached", timeout=10000)  # kb.js mounts it once kb-shards.json is in
        assert box.count() == 1, path
        assert "搜索" in box.get_attribute("placeholder"), path


def test_hostile_plan_shows_as_text_and_runs_nothing(page, site):
    """Markup, Markdown and template syntax that survive cleaning render as their characters."""
    plans = json.loads((site["out"] / "docs" / "data" / "plans.json").read_text(encoding="utf-8"))["plans"]
    plan = next(p for p in plans if p["source_file"] == "hostile.txt")
    page.goto(f"{site['base']}plans/{plan['slug']}/")
    page.wait_for_timeout(500)
    body = page.locator("article").inner_text()
    texts = [i["text"] for s in plan["sections"] for i in s["items"]]
    assert any("{{ config.site_name }}" in t for t in [plan["title"], *texts])
    assert any("# 不是标题 | 不是 | 表格 |" in t for t in texts)
    for text in texts:
        assert text in body, text
    assert plan["title"] in page.title()
    assert page.locator("article script, article img, article iframe").count() == 0
    assert page.locator("article a[href^='javascript:']").count() == 0
    assert page.locator("article h1").count() == 1
    assert page.locator("[id='fake-id']").count() == 0
    assert page.locator("article strong, article code:has-text('代码'), article hr, article svg").count() == 0
    assert "** 粗体 ** `代码` &amp; &#60;b&#62; {{ 7*7 }}" in body
    assert "injected" not in page.title()


def test_hostile_plan_in_search_results_is_text(page, site):
    titles = search(page, site["base"], "文明礼仪培训")
    hostile = [t for t in titles if "{{ config.site_name }}" in t]
    assert hostile, titles
    results = page.locator(".pagefind-ui__results")
    assert results.locator("script, img, iframe, svg[onload]").count() == 0
    assert "** 粗体 **" in results.inner_text() or "粗体" in results.inner_text()


def anchors_of(site_dir: Path) -> dict[str, set[str]]:
    """Every plan page (site-relative path) and the ids of its items and sections."""
    result = {}
    for page in sorted((site_dir / "plans").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        ids = set(re.findall(r'\bid="([is][0-9][^"]*)"', html))
        result[page.parent.relative_to(site_dir).as_posix() + "/"] = ids
    return result


def test_old_urls_and_anchors_survive_a_rebuild_with_changed_extraction(page, site, corpus, tmp_path):
    before = anchors_of(site["dir"])
    assert len(before) == 8 and all(before.values())
    # Change what extraction sees: rename a file, retitle a plan, insert and renumber items, drop chrome.
    raw = tmp_path / "raw"
    shutil.copytree(corpus, raw)
    (raw / "001_5c090655f3dd450f.txt").rename(raw / "001 renamed.txt")
    text = (raw / "003_71aa6518df67eea4.txt").read_text(encoding="utf-8")
    text = text.replace("四、主要任务\n", "四、主要任务\n\n1、新增的一条任务：建立文明创建联络员制度。（牵头单位：办公室）\n", 1)
    (raw / "003_71aa6518df67eea4.txt").write_text(text, encoding="utf-8")
    text = (raw / "004_75ca266f54642e3a.txt").read_text(encoding="utf-8")
    (raw / "004_75ca266f54642e3a.txt").write_text(text.replace("2023年精神文明建设工作实施方案", "2023年度精神文明建设工作实施方案", 1), encoding="utf-8")
    rebuilt = build(raw, tmp_path / "out", site["registry"])
    after = anchors_of(rebuilt)
    for url, ids in before.items():
        assert url in after, f"plan page vanished: {url}"
        assert ids <= after[url], f"{url} lost anchors {sorted(ids - after[url])}"
    server = Server(rebuilt.parent)
    try:
        url, ids = next((u, i) for u, i in sorted(before.items()) if "hu-nan" in u)
        anchor = sorted(i for i in ids if i.startswith("i"))[0]
        page.goto(f"{server.base}{url}#{anchor}")
        target = page.locator(f"[id='{anchor}']")
        assert target.count() == 1
        box = target.bounding_box()
        assert box and 0 <= box["y"] < page.viewport_size["height"]
    finally:
        server.close()


# Plans written for the ranking tests: one holds 结对共建 once, the others hold 结对 and 共建 often but apart
# (Chromium's word breaker cuts 结对共建 into four characters; the index holds 结对 and 共建).
PHRASE_PLANS = {
    "phrase.txt": "青松区图书馆2024年文明单位创建工作方案\n一、主要任务\n1、与青松社区开展结对共建活动，每季度组织一次读书分享会。\n"
    "2、组织干部职工参加文明礼仪培训，规范窗口服务用语。\n二、保障措施\n1、成立创建工作小组，明确责任分工。\n",
    "apart-1.txt": "白桦县供水公司2024年文明单位创建工作方案\n一、主要任务\n1、与困难家庭结对帮扶，建立结对台账，结对干部每月走访结对对象。\n"
    "2、推进共建共享，召开共建单位座谈会，完善共建机制，扩大共建范围。\n3、开展结对慰问活动，巩固共建成果。\n",
    "apart-2.txt": "红枫镇卫生院2024年文明单位创建工作方案\n一、主要任务\n1、医护人员与孤寡老人结对，结对服务每月两次，结对名单公示。\n"
    "2、与镇中学签订共建协议，共建健康课堂，共建单位互派人员。\n3、深化结对服务，共建文明院区。\n",
}
PHRASE_TITLE = "青松区图书馆2024年文明单位创建工作方案"
APART_TITLES = {"白桦县供水公司2024年文明单位创建工作方案", "红枫镇卫生院2024年文明单位创建工作方案"}


@pytest.fixture(scope="module")
def phrase_site(tmp_path_factory):
    raw = tmp_path_factory.mktemp("phrase-raw")
    for name, text in PHRASE_PLANS.items():
        (raw / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("phrase-build")
    site = build(raw, out, out / "permalinks.json")
    server = Server(site.parent)
    yield {"base": server.base}
    server.close()


def first_results(page, base: str, query: str) -> list[dict]:
    """The top-level results on the first screen: title, link and excerpt text."""
    page.goto(base)
    page.locator(".pagefind-ui__search-input").fill(query)
    page.wait_for_selector(".pagefind-ui__result-excerpt", timeout=15000)
    page.wait_for_timeout(500)
    return page.evaluate(
        """() => [...document.querySelectorAll('.pagefind-ui__result')].map(r => ({
             title: r.querySelector('.pagefind-ui__result-title > .pagefind-ui__result-link')?.innerText,
             href: r.querySelector('.pagefind-ui__result-title > .pagefind-ui__result-link')?.getAttribute('href'),
             excerpt: r.querySelector('.pagefind-ui__result-excerpt')?.innerText || ''}))"""
    )


def test_the_exact_phrase_ranks_above_its_words_apart(page, phrase_site):
    results = first_results(page, phrase_site["base"], "结对共建")
    titles = [r["title"] for r in results]
    assert titles[0] == PHRASE_TITLE, titles
    assert APART_TITLES <= set(titles[1:]), titles  # the words apart still find the others, after it
    assert "结对共建" in results[0]["excerpt"], results[0]  # the excerpt shows the phrase


def test_a_phrase_no_page_holds_falls_back_to_its_words(page, phrase_site):
    titles = [r["title"] for r in first_results(page, phrase_site["base"], "共建结对")]
    assert APART_TITLES <= set(titles), titles


@pytest.mark.parametrize("query", ["志愿服务", "道德讲堂", "文明交通"])
def test_search_results_are_plans_not_index_pages(page, site, query):
    hrefs = [r["href"] for r in first_results(page, site["base"], query)]
    assert hrefs and all("/plans/" in href for href in hrefs), hrefs


@pytest.mark.parametrize(
    "query, kind, name, path",
    [
        ("道德讲堂", "活动类型", "道德讲堂", "types/dao-de-jiang-tang/"),
        ("文明交通", "活动类型", "文明出行", "types/wen-ming-chu-xing/"),  # a keyword of the type
        ("学雷锋", "活动类型", "学雷锋志愿服务", "types/xue-lei-feng-zhi-yuan-fu-wu/"),  # the beginning of its name
        ("湖南省财政厅", "单位", "湖南省财政厅", "browse/units/hu-nan-sheng-cai-zheng-ting/"),
    ],
)
def test_a_quick_answer_links_the_page_of_the_name_typed(page, site, query, kind, name, path):
    page.goto(site["base"])
    page.locator(".pagefind-ui__search-input").fill(query)
    answer = page.locator(".kb-answer a")
    answer.wait_for(timeout=5000)
    assert answer.count() == 1
    assert answer.locator(".kb-answer__kind").inner_text() == kind and answer.inner_text().endswith(name)
    assert answer.get_attribute("href") == site["base"] + path
    page.wait_for_selector(".pagefind-ui__result", timeout=15000)  # the results follow below it
    answer.click()
    page.wait_for_load_state()
    assert page.url == site["base"] + path and name in page.locator("h1").first.inner_text()
    page.go_back()
    page.locator(".pagefind-ui__search-input").fill("")
    page.locator(".pagefind-ui__search-input").dispatch_event("input")
    assert page.locator(".kb-answer a").count() == 0


# Twelve plans of twelve units, all holding 志愿服务; only 第02服务站's holds 结对共建 (the others 结对 and 共建
# apart). Indexed in bundles of six: dealt in path order, the first bundle holds 第01, 03, … 11.
def bundle_plan(number: int) -> str:
    unit = f"第{number:02d}服务站"
    act = ["读书分享会", "义务植树", "环境清扫", "敬老院探访", "交通劝导", "图书捐赠", "健康义诊", "法律咨询", "垃圾分拣", "社区巡逻", "文艺演出", "技能培训"][number - 1]
    duty = ["窗口服务用语", "办公秩序", "食堂节约", "档案管理", "安全生产", "网络宣传", "职工书屋", "廉政教育", "文明餐桌", "礼仪培训", "家风建设", "节日慰问"][number - 1]
    pair = "与社区开展结对共建，" if number == PHRASE_HOLDER else "与困难家庭结对帮扶，推进共建共享，"
    return (
        f"{unit}2024年文明单位创建工作方案\n一、主要任务\n1、组织干部职工开展志愿服务活动，每月举办一次{act}。\n"
        f"2、{pair}规范{duty}，完善{act}台账。\n二、保障措施\n1、成立{duty}工作小组，由{unit}负责{act}的安排。\n"
    )


# The one plan holding 结对共建 as a phrase: one that the hash of its page path deals to the second bundle.
PHRASE_HOLDER = 3


def bundle_title(number: int) -> str:
    return f"第{number:02d}服务站2024年文明单位创建工作方案"


@pytest.fixture(scope="module")
def two_bundle_site(tmp_path_factory):
    from scripts.site import search_index

    raw = tmp_path_factory.mktemp("bundles-raw")
    for number in range(1, 13):
        (raw / f"plan-{number:02d}.txt").write_text(bundle_plan(number), encoding="utf-8")
    out = tmp_path_factory.mktemp("bundles-build")
    site = build(raw, out, out / "permalinks.json")
    stats = search_index.build_search_index(out / "docs", site / search_index.BUNDLE, shard_pages=6)
    assert stats["bundles"] == 2 and stats["pages"] == 12
    first_bundle = {meta["title"] for _, _, meta in search_index.shards(search_index.searchable_pages(out / "docs"), 6)[0]}
    # what the tests below rely on: a first bundle that fills a first screen, and the phrase outside it
    assert len(first_bundle) >= 5 and bundle_title(PHRASE_HOLDER) not in first_bundle, first_bundle
    server = Server(site.parent)
    yield {"base": server.base, "first_bundle": first_bundle}
    server.close()


SCREEN = """() => [document.querySelector('.pagefind-ui__message')?.innerText || '',
  [...document.querySelectorAll('.pagefind-ui__result-title > .pagefind-ui__result-link')]
    .filter(a => !a.closest('.pagefind-ui__result-nested')).map(a => a.innerText)]"""
SCREEN_DRAWN = """() => document.querySelector('.pagefind-ui__result-link')
  && !document.querySelector('.pagefind-ui__results .pagefind-ui__loading')"""


def test_the_first_screen_comes_from_the_first_bundle_and_stays_first(page, two_bundle_site):
    page.goto(two_bundle_site["base"])
    page.locator(".pagefind-ui__search-input").fill("志愿服务")
    page.wait_for_function(SCREEN_DRAWN, timeout=15000)
    message, first = page.evaluate(SCREEN)
    assert str(len(two_bundle_site["first_bundle"])) in message and len(first) == 5, (message, first)
    assert set(first) <= two_bundle_site["first_bundle"], first
    page.wait_for_function("() => /12/.test(document.querySelector('.pagefind-ui__message')?.innerText)", timeout=15000)
    page.wait_for_function(SCREEN_DRAWN, timeout=15000)
    _, after = page.evaluate(SCREEN)
    assert after[:5] == first  # what was on screen does not move; the other bundle's plans follow
    page.locator(".pagefind-ui__filter-name", has_text="年份").wait_for(timeout=15000)  # the filters follow too
    search(page, two_bundle_site["base"], "志愿服务")
    assert sorted(page.evaluate(SCREEN)[1]) == [bundle_title(n) for n in range(1, 13)]


def test_a_phrase_outside_the_first_bundle_is_still_first(page, two_bundle_site):
    """The first bundle holds 结对 and 共建 only apart: its results do not fill a first screen of phrase holders."""
    page.goto(two_bundle_site["base"])
    page.locator(".pagefind-ui__search-input").fill("结对共建")
    page.wait_for_function(SCREEN_DRAWN, timeout=15000)
    message, first = page.evaluate(SCREEN)
    assert "12" in message and first[0] == bundle_title(PHRASE_HOLDER), (message, first)
    assert "结对共建" in page.locator(".pagefind-ui__result-excerpt").first.inner_text()
