"""Index pages: bounded page size, links that resolve, every tagged item listed once, escaping, chart, ids."""
from __future__ import annotations

import math
import posixpath
import random
import re
from collections import Counter
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup, SoupStrainer

from conftest import page_parts
from fixtures.site_plans import (
    HOSTILE,
    TYPE_NAMES,
    make_plan,
    make_plans,
    plan_anchors,
    taxonomy,
)
from scripts.publish import indexes as ix
from scripts.publish.markup import md_text, page_folder
from scripts.publish.slugs import slugify

# Fixed bounds, whatever the size of the collection.
MAX_PAGE_BYTES = 120_000
MAX_LIST_ROWS = 200  # item links on a type page, values on a browse index page
MAX_GROUPS = 100  # plan groups on a type page, plan rows on a browse page
SAFE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def soup(text: str) -> BeautifulSoup:
    return BeautifulSoup(page_parts(text)[1], "html.parser")


def shown(tag) -> str:
    """A heading's text as a reader sees it, without its ¶ permalink."""
    return "".join(s for s in tag.strings if s.parent.get("class") != ["headerlink"])


@pytest.fixture(scope="module")
def big():
    """2,000 plans plus one plan with 450 志愿服务 items (more than one type page holds)."""
    plans = make_plans(2000) + [make_plan(2000, items_per_section=225, tags=["志愿服务"])]
    return plans, ix.render_index_pages(plans, taxonomy())


@pytest.fixture(scope="module")
def big_links(big):
    """Every page's links and headings, parsed once (whole trees of 600 pages take too long)."""
    _, pages = big
    wanted = SoupStrainer(["a", "h1", "h2"])
    return {path: BeautifulSoup(page_parts(text)[1], "html.parser", parse_only=wanted) for path, text in pages.items()}


def url_to_page(pages) -> dict[str, str]:
    """Site URL folder → docs page, as MkDocs serves them (use_directory_urls)."""
    return {"/".join(page_folder(p)): p for p in pages}


def resolve(page: str, href: str, folders: dict[str, str]) -> tuple[str, str]:
    """The docs page (or plans/<slug>.md) and the anchor a relative href on ``page`` points to."""
    path, _, anchor = unquote(href).partition("#")
    here = "/".join(page_folder(page))
    target = posixpath.normpath(posixpath.join(here, path)) if path else here
    target = "" if target == "." else target
    if target.startswith("plans/"):
        return target + ".md", anchor
    return folders[target], anchor


def test_no_page_exceeds_a_fixed_size(big, big_links):
    plans, pages = big
    assert len(pages) > 400  # 300 units, 2,000 plans: the lists really were split
    for path, text in pages.items():
        assert len(text.encode("utf-8")) <= MAX_PAGE_BYTES, path
        # Counting tags in the text is exact: escaped plan text holds no "<".
        assert text.count("<li>") <= MAX_LIST_ROWS, path
        assert text.count("<h2 ") <= MAX_GROUPS, path
        assert text.count("<tr>") <= MAX_GROUPS + 1, path  # and the header row


def sequence(pages, first: str) -> list[str]:
    """A list's pages in reading order: the first, then each page's 下一页 link."""
    folders = url_to_page(pages)
    paths = [first]
    while True:
        nav = soup(pages[paths[-1]]).select_one("nav.kb-pager")
        following = [a["href"] for a in nav.find_all("a") if a.get_text() == "下一页 »"] if nav else []
        if not following:
            return paths
        paths.append(resolve(paths[-1], following[0], folders)[0])


def test_type_pages_are_named_where_they_begin_and_linked_in_sequence(big):
    _, pages = big
    paths = sequence(pages, "types/zhi-yuan-fu-wu.md")
    assert sorted(paths) == sorted(p for p in pages if re.fullmatch(r"types/zhi-yuan-fu-wu(_[a-z0-9-]+)?\.md", p))
    tagged = sum(1 for p in make_plans(2000) for s in p.sections for i in s.items if "志愿服务" in i.tags) + 450
    assert len(paths) >= math.ceil(tagged / ix.ITEMS_PER_PAGE)
    for path in paths[1:]:  # named after the plan it begins with (and the item, inside a plan)
        first = soup(pages[path]).select_one("div.kb-type-list h2")
        begins = first["id"][len("p-") :] + ("-" if shown(first).endswith("（续）") else "")
        assert path.startswith(f"types/zhi-yuan-fu-wu_{begins}"), path
    second, third = soup(pages[paths[1]]), soup(pages[paths[2]])
    pagers = second.select("nav.kb-pager")
    assert len(pagers) == 2  # above and below the list
    for nav in pagers:
        assert [(a.get_text(), a["href"]) for a in nav.find_all("a")] == [
            ("« 上一页", "../zhi-yuan-fu-wu/"),
            ("下一页 »", f"../{paths[2][len('types/') : -len('.md')]}/"),
        ]
        assert nav.get_text() == "« 上一页 · 下一页 »"  # no number: it would change as pages are added before
    assert [a.get_text() for a in third.select_one("nav.kb-pager").find_all("a")] == ["« 上一页", "第一页", "下一页 »"]
    # Every page is titled after the type; only the first is a search result and says the counts.
    meta, _ = page_parts(pages[paths[1]])
    assert meta == {"title": "志愿服务", "pagefind": False, "html": True, "toc": meta["toc"]}
    assert [p.get_text() for p in second.find_all("p", recursive=False)][1] == "主题：志愿服务。"
    first_meta, _ = page_parts(pages["types/zhi-yuan-fu-wu.md"])
    assert first_meta["title"] == "志愿服务" and "pagefind" not in first_meta
    first = soup(pages["types/zhi-yuan-fu-wu.md"])
    assert [nav.get_text() for nav in first.select("nav.kb-pager")] == [f"共 {len(paths)} 页 · 下一页 »"] * 2
    assert shown(first.h1) == "志愿服务" and first.h1["id"] == "kb-title"
    assert [p.get_text() for p in first.find_all("p", recursive=False)][1].startswith("主题：志愿服务。共 ")
    assert first.select_one('div.kb-type-list[data-pagefind-ignore="all"] h2') is not None


def test_every_link_resolves_to_a_generated_page_or_plan_anchor(big, big_links):
    plans, pages = big
    anchors = {f"plans/{p.slug}.md": plan_anchors(p) for p in plans}
    ids = {path: {tag["id"] for tag in parsed.find_all(["h1", "h2"])} for path, parsed in big_links.items()}
    folders = url_to_page(pages)
    checked = 0
    for page, parsed in big_links.items():
        for a in parsed.find_all("a"):
            path, anchor = resolve(page, a["href"], folders)
            assert path in pages or path in anchors, (page, a["href"])
            if anchor:
                assert anchor in (anchors[path] if path in anchors else ids[path]), (page, a["href"])
            checked += 1
    assert checked > 10_000


def test_every_tagged_item_is_listed_once_on_its_type_pages(big, big_links):
    plans, pages = big
    expected = Counter()
    for plan in plans:
        for section in plan.sections:
            for item in section.items:
                for tag in item.tags:
                    expected[(tag, f"plans/{plan.slug}.md", item.anchor)] += 1
    folders = url_to_page(pages)
    listed = Counter()
    for name in TYPE_NAMES:
        for page, parsed in big_links.items():
            if re.fullmatch(rf"types/{slugify(name)}(_[a-z0-9-]+)?\.md", page):
                for a in parsed.find_all("a", href=re.compile(r"^[^#]+#")):  # only item links carry an anchor
                    path, anchor = resolve(page, a["href"], folders)
                    listed[(name, path, anchor)] += 1
    assert listed == expected


def test_continued_plan_group_is_marked_on_the_next_page(big, big_links):
    _, pages = big
    continued = []
    for path, parsed in big_links.items():
        if re.fullmatch(r"types/zhi-yuan-fu-wu(_[a-z0-9-]+)?\.md", path):
            meta, _ = page_parts(pages[path])
            for h2 in parsed.find_all("h2"):
                if h2.a["href"] == "../../plans/fang-an-02000/":
                    continued.append(shown(h2).endswith("（续）"))
                    entry = next(e for e in meta["toc"] if e["id"] == h2["id"])
                    assert entry["name"] == shown(h2)  # no link inside the sidebar's link
    assert continued == [False, True, True]  # 450 items of one plan span three pages


def test_headings_have_unique_safe_ids_and_match_the_contents(big, big_links):
    _, pages = big
    for path, parsed in big_links.items():
        headings = parsed.find_all(["h1", "h2"])
        ids = [h["id"] for h in headings]
        assert len(ids) == len(set(ids)) and all(SAFE_ID.fullmatch(i) for i in ids), path
        assert headings[0].name == "h1" and ids[0] == "kb-title", path
        toc = page_parts(pages[path])[0].get("toc", [])
        assert [(e["id"], e["level"], e["children"]) for e in toc] == [(i, 2, []) for i in ids[1:]], path
    groups = [h["id"] for h in big_links["types/zhi-yuan-fu-wu.md"].find_all("h2")]
    assert groups[:3] == ["p-p00000", "p-p00001", "p-p00003"]


def test_plan_ids_starting_with_a_digit_get_a_valid_heading_id():
    plan = make_plan(1, tags=["道德讲堂"])
    plan.id = "7fq2k9"
    page = soup(ix.render_index_pages([plan], taxonomy())["types/dao-de-jiang-tang.md"])
    assert [h["id"] for h in page.find_all("h2")] == ["p-7fq2k9"]


def test_theme_page_links_each_type_and_samples_its_items():
    plans = make_plans(30)
    pages = ix.render_index_pages(plans, taxonomy())
    meta, _ = page_parts(pages["themes/si-xiang-dao-de.md"])
    assert meta == {
        "title": "思想道德",
        "html": True,
        "toc": [
            {"level": 2, "id": "t-dao-de-jiang-tang", "name": "道德讲堂", "children": []},
            {"level": 2, "id": "t-wen-ming-li-yi", "name": "文明礼仪", "children": []},
        ],
    }
    page = soup(pages["themes/si-xiang-dao-de.md"])
    assert [(h["id"], shown(h), h.a["href"]) for h in page.find_all("h2")] == [
        ("t-dao-de-jiang-tang", "道德讲堂", "../../types/dao-de-jiang-tang/"),
        ("t-wen-ming-li-yi", "文明礼仪", "../../types/wen-ming-li-yi/"),
    ]
    samples = page.select('div.kb-samples[data-pagefind-ignore="all"] > ul')
    assert [len(ul.find_all("li")) for ul in samples] == [ix.SAMPLES_PER_TYPE] * 2
    first = samples[0].li.a
    assert first["href"] == "../../plans/fang-an-00001/#i2-1"
    assert first.get_text() == "每月举办一期道德讲堂，宣讲身边好人先进事迹，引导职工见贤思齐（第1号方案第4条）"

    index = soup(pages["themes/index.md"])
    assert [(h["id"], h.a["href"]) for h in index.find_all("h2")] == [
        ("th-si-xiang-dao-de", "si-xiang-dao-de/"),
        ("th-zhi-yuan-fu-wu", "zhi-yuan-fu-wu/"),
        ("th-huan-jing-zhi-xu", "huan-jing-zhi-xu/"),
    ]
    first_theme = index.find("ul").find_all("li")
    assert [(li.a.get_text(), li.a["href"]) for li in first_theme] == [
        ("道德讲堂", "../types/dao-de-jiang-tang/"),
        ("文明礼仪", "../types/wen-ming-li-yi/"),
    ]
    assert re.fullmatch(r"道德讲堂：\d+ 条，\d+ 份方案", first_theme[0].get_text())


def test_hostile_strings_stay_text_everywhere():
    hostile = make_plan(1, title=HOSTILE, unit=HOSTILE, sector=HOSTILE, level=HOSTILE, tags=["道德讲堂"])
    hostile.sections[0].items[0].text = HOSTILE
    pages = ix.render_index_pages([hostile, make_plan(2)], taxonomy())
    for path, text in pages.items():
        meta, body = page_parts(text)
        for raw in ("<script", "{{", "{%", "{#", "\ntitle: d"):
            assert raw not in body, (path, raw)
        parsed = BeautifulSoup(body, "html.parser")
        assert not parsed.find_all("script"), path
        assert all(t.parent.get("class") == ["kb-bar"] for t in parsed.find_all("title")), path  # the chart's own
        assert set(meta) <= {"title", "pagefind", "html", "toc"}, path
    flat = " ".join(HOSTILE.split())
    page = soup(pages["types/dao-de-jiang-tang.md"])
    h2 = page.find("h2", id="p-p00001")
    assert shown(h2) == flat and h2.a["href"] == "../../plans/fang-an-00001/"
    assert h2.find_next("p").get_text() == f"{flat} · 2013 · {flat}"  # unit · year · level
    assert page.select_one("li a[href='../../plans/fang-an-00001/#i1-1']").get_text() == ix.excerpt(HOSTILE)
    assert page_parts(pages["types/dao-de-jiang-tang.md"])[0]["toc"][0]["name"] == md_text(HOSTILE)
    unit_pages = [p for p in pages if p.startswith("browse/units/") and flat in soup(pages[p]).get_text()]
    assert len(unit_pages) == 2  # the unit's own page and the units index
    own = next(p for p in unit_pages if p != "browse/units/index.md")
    assert page_parts(pages[own])[0]["title"] == f"单位：{HOSTILE}"  # plain text: the hook escapes titles
    assert shown(soup(pages[own]).h1) == f"单位：{flat}"


def test_home_page_counts_and_chart():
    plans = make_plans(30)
    pages = ix.render_index_pages(plans, taxonomy())
    meta, _ = page_parts(pages["index.md"])
    assert meta["title"] == ix.HOME_PAGE_TITLE and meta["pagefind"] is False
    home = soup(pages["index.md"])
    items = [i for p in plans for s in p.sections for i in s.items]
    intro = home.find("p")
    assert intro.strong.get_text() == "30"
    assert f"共 {len(items)} 条工作条目，其中 {sum(1 for i in items if i.tags)} 条已按活动类型标注" in intro.get_text()
    assert "30 个单位、6 个行业、10 个地区" in intro.get_text()
    assert [(h["id"], shown(h)) for h in home.find_all("h2")] == [("types", "活动类型"), ("browse", "浏览")]
    assert [(a.get_text(), a["href"]) for a in home.select("ul li a")] == [("按主题与活动类型", "themes/")] + [
        (f"按{f.label}", f"browse/{f.folder}/") for f in ix.FACETS
    ]
    svg = home.select_one("div.kb-chart svg")
    bars = [(a["href"], a.title.get_text()) for a in svg.select("a.kb-bar")]
    counts = Counter(tag for i in items for tag in i.tags)
    assert len(bars) == len(TYPE_NAMES) == len(svg.find_all("rect"))
    assert sorted(bars) == sorted((f"types/{slugify(t)}/", f"{t}：{counts[t]} 条") for t in TYPE_NAMES)
    numbers = [int(t.split("：")[1].split()[0]) for _, t in bars]
    assert numbers == sorted(numbers, reverse=True)
    assert not home.find_all("script") and "http" not in str(svg)


def test_chart_labels_stay_text():
    tax = taxonomy()
    tax.themes[0].types[0].name = "<b>讲堂</b>&"
    pages = ix.render_index_pages([make_plan(1, tags=["<b>讲堂</b>&"])], tax)
    svg = soup(pages["index.md"]).select_one("svg")
    assert not svg.find_all("b")
    assert "<b>讲堂</b>&：6 条" in [a.title.get_text() for a in svg.select("a.kb-bar")]


def test_browse_page_lists_plans_in_a_table():
    plans = make_plans(3)
    pages = ix.render_index_pages(plans, taxonomy())
    path = "browse/units/chang-de-shi-cai-zheng-ju-di-1-fen-bu.md"
    assert page_parts(pages[path])[0] == {"title": "单位：常德市财政局第1分部", "pagefind": False, "html": True}
    page = soup(pages[path])
    assert page.p.get_text() == "共 1 份方案。全部单位" and page.p.a["href"] == "../"
    table = page.table
    assert [th.get_text() for th in table.thead.find_all("th")] == ["方案", "单位", "年份", "级别", "行业", "条目（已标注）"]
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
    assert rows == [["常德市财政局第1分部2014年文明单位创建工作方案", "常德市财政局第1分部", "2014", "县级", "教育", "6（5）"]]
    assert table.tbody.a["href"] == "../../../plans/fang-an-00002/"
    index = soup(pages["browse/units/index.md"])
    assert [li.get_text() for li in index.find_all("li")] == [
        "常德市财政局第1分部：1 份", "长沙市财政局第1分部：1 份", "岳阳市财政局第1分部：1 份",
    ]
    browse = soup(pages["browse/index.md"])
    assert [a["href"] for a in browse.find_all("a", class_=False)] == [f"{f.folder}/" for f in ix.FACETS]


def test_output_does_not_depend_on_input_order():
    plans = make_plans(120)
    shuffled = plans[:]
    random.Random(7).shuffle(shuffled)
    assert ix.render_index_pages(plans, taxonomy()) == ix.render_index_pages(shuffled, taxonomy())


def test_units_that_read_alike_get_separate_pages():
    # 厅 and 亭 are both "ting"; a slug ending in "-2" would look like page 2 of another unit.
    plans = [make_plan(1, unit="湖南省财政厅"), make_plan(2, unit="湖南省财政亭"), make_plan(3, unit="二中-2")]
    pages = ix.render_index_pages(plans, taxonomy())
    unit_pages = sorted(p for p in pages if p.startswith("browse/units/") and p != "browse/units/index.md")
    assert len(unit_pages) == 3
    assert "browse/units/hu-nan-sheng-cai-zheng-ting.md" in unit_pages
    assert not any(re.search(r"-\d+\.md$", p) for p in unit_pages)


def test_plans_without_a_unit_are_browsable_under_unknown():
    pages = ix.render_index_pages([make_plan(1, unit="")], taxonomy())
    assert shown(soup(pages["browse/units/wei-zhu-ming.md"]).h1) == "单位：未注明"


def test_taxonomy_slug_clash_is_an_error():
    tax = taxonomy()
    tax.themes[0].types[1].name = "道德讲堂"
    with pytest.raises(ValueError, match="dao-de-jiang-tang"):
        ix.render_index_pages([], tax)


def test_empty_collection_still_has_every_page():
    pages = ix.render_index_pages([], taxonomy())
    assert {"index.md", "themes/index.md", "browse/index.md", "types/zhi-yuan-fu-wu.md"} <= set(pages)
    page = soup(pages["types/zhi-yuan-fu-wu.md"])
    assert "暂无条目。" in [p.get_text() for p in page.find_all("p")]
    assert not page.select("nav.kb-pager") and not page.find_all("h2")


def test_item_links_are_what_markup_link_gives():
    from scripts.publish.markup import link

    plan = make_plan(1, unit=HOSTILE)
    data = ix.gather([plan], taxonomy())
    rows = next(rows for rows in data.rows.values() if rows)
    page = "types/x-2.md"
    href = ix.attr(ix.page_url(page, rows[0][0].page))
    expected = [link(page, f"plans/{plan.slug}.md", md_text(ix.excerpt(item.text)), item.anchor) for _, item in rows]
    assert ix.item_links(href, rows) == ix.ul(expected)


def test_a_plan_added_inside_the_lists_rewrites_a_few_pages_of_each_list_it_is_in(big):
    plans, pages = big
    added = make_plan(2001, tags=["志愿服务", "道德讲堂"])
    added.slug, added.id = "fang-an-01000-b", "q01000"  # sorts in the middle of every list it joins
    after = ix.render_index_pages([*plans, added], taxonomy())
    changed = sorted(p for p in pages.keys() | after.keys() if pages.get(p) != after.get(p))
    lists = Counter(re.sub(r"_[a-z0-9-]+\.md$", ".md", path) for path in changed)
    facet_pages = {f"browse/{f.folder}/{slugify(v)}.md" for f in ix.FACETS for v in ix.facet_values(f, added)}
    facet_indexes = {f"browse/{f.folder}/index.md" for f in ix.FACETS}
    overview = {"index.md", "themes/index.md", "browse/index.md", "themes/zhi-yuan-fu-wu.md", "themes/si-xiang-dao-de.md"}
    types = {"types/zhi-yuan-fu-wu.md", "types/dao-de-jiang-tang.md"}
    assert set(lists) <= overview | types | facet_pages | facet_indexes, changed
    assert types <= set(lists) and facet_pages <= set(lists)
    # each list: its first page (the counts), the page the plan lands on, and the few it pushes on (paging.cut)
    assert all(count <= 6 for count in lists.values()), lists
    assert len(changed) < len(pages) / 15
