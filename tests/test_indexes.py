"""Index pages: bounded page size, links that resolve, every tagged item listed once, escaping, chart."""
from __future__ import annotations

import math
import posixpath
import random
import re
from collections import Counter
from urllib.parse import unquote

import pytest

from scripts import indexes as ix
from scripts.slugs import slugify
from fixtures.site_plans import (
    HOSTILE,
    TYPE_NAMES,
    make_plan,
    make_plans,
    plan_anchors,
    taxonomy,
)

# Fixed bounds, whatever the size of the collection.
MAX_PAGE_BYTES = 120_000
MAX_LIST_ROWS = 200  # item links on a type page, values on a browse index page
MAX_GROUPS = 50  # plan groups on a type page, plan rows on a browse page
MD_LINK = re.compile(r"\]\(([^)\s]+)\)")
SVG_HREF = re.compile(r'<a class="kb-bar" href="([^"]+)"')


@pytest.fixture(scope="module")
def big():
    """2,000 plans plus one plan with 450 志愿服务 items (more than one type page holds)."""
    plans = make_plans(2000) + [make_plan(2000, items_per_section=225, tags=["志愿服务"])]
    return plans, ix.render_index_pages(plans, taxonomy())


def resolve(page: str, target: str) -> tuple[str, str]:
    path, _, anchor = unquote(target).partition("#")
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path)), anchor


def svg_target(href: str) -> str:
    """The docs page behind a home-page chart URL (use_directory_urls): types/x/ → types/x.md."""
    return href.rstrip("/") + ".md"


def test_no_page_exceeds_a_fixed_size(big):
    plans, pages = big
    assert len(pages) > 400  # 300 units, 2,000 plans: the lists really were split
    for path, text in pages.items():
        assert len(text.encode("utf-8")) <= MAX_PAGE_BYTES, path
        assert text.count("\n- [") <= MAX_LIST_ROWS, path
        assert text.count("\n## ") <= MAX_GROUPS, path
        assert text.count("\n| [") <= MAX_GROUPS, path


def test_type_pages_are_numbered_and_linked_in_sequence(big):
    _, pages = big
    paths = sorted((p for p in pages if re.fullmatch(r"types/zhi-yuan-fu-wu(-\d+)?\.md", p)), key=lambda p: (len(p), p))
    tagged = sum(1 for p in make_plans(2000) for s in p.sections for i in s.items if "志愿服务" in i.tags) + 450
    assert len(paths) >= math.ceil(tagged / ix.ITEMS_PER_PAGE)
    assert paths[:3] == ["types/zhi-yuan-fu-wu.md", "types/zhi-yuan-fu-wu-2.md", "types/zhi-yuan-fu-wu-3.md"]
    second = pages["types/zhi-yuan-fu-wu-2.md"]
    assert "[« 上一页](zhi-yuan-fu-wu.md)" in second
    assert "[下一页 »](zhi-yuan-fu-wu-3.md)" in second
    assert f"第 2 / {len(paths)} 页" in second
    assert "pagefind: false" in second and "pagefind" not in pages["types/zhi-yuan-fu-wu.md"].split("# ")[0]


def test_every_link_resolves_to_a_generated_page_or_plan_anchor(big):
    plans, pages = big
    anchors = {f"plans/{p.slug}.md": plan_anchors(p) for p in plans}
    checked = 0
    for page, text in pages.items():
        targets = [resolve(page, t) for t in MD_LINK.findall(text)]
        targets += [(svg_target(h), "") for h in SVG_HREF.findall(text)]
        for path, anchor in targets:
            assert path in pages or path in anchors, (page, path)
            if anchor:
                assert anchor in anchors[path], (page, path, anchor)
            checked += 1
    assert checked > 10_000


def test_every_tagged_item_is_listed_once_on_its_type_pages(big):
    plans, pages = big
    expected = Counter()
    for plan in plans:
        for section in plan.sections:
            for item in section.items:
                for tag in item.tags:
                    expected[(tag, f"plans/{plan.slug}.md", item.anchor)] += 1
    listed = Counter()
    for name in TYPE_NAMES:
        for page, text in pages.items():
            if re.fullmatch(rf"types/{slugify(name)}(-\d+)?\.md", page):
                for line in text.splitlines():
                    if line.startswith("- ["):
                        path, anchor = resolve(page, MD_LINK.search(line).group(1))
                        listed[(name, path, anchor)] += 1
    assert listed == expected


def test_continued_plan_group_is_marked_on_the_next_page(big):
    _, pages = big
    texts = [t for p, t in pages.items() if p.startswith("types/zhi-yuan-fu-wu")]
    continued = [t for t in texts if "fang-an-02000.md)（续）" in t]
    assert len(continued) == 2  # 450 items of one plan span three pages


def test_hostile_strings_are_escaped_everywhere():
    hostile = make_plan(1, title=HOSTILE, unit=HOSTILE, sector=HOSTILE, level=HOSTILE, tags=["道德讲堂"])
    hostile.sections[0].items[0].text = HOSTILE
    pages = ix.render_index_pages([hostile, make_plan(2)], taxonomy())
    body = "\n".join(pages.values())
    for raw in ("<script", "</title><script", "{{", "{%", "{#", "](javascript", "**b**", "| c", "\ntitle: d"):
        assert raw not in body, raw
    escaped = ix.md_text(HOSTILE)
    assert escaped in pages["types/dao-de-jiang-tang.md"]  # title and unit
    unit_pages = [p for p in pages if p.startswith("browse/units/") and escaped in pages[p]]
    assert len(unit_pages) == 2  # the unit's own page and the units index


def test_home_page_counts_and_chart():
    plans = make_plans(30)
    pages = ix.render_index_pages(plans, taxonomy())
    home = pages["index.md"]
    items = [i for p in plans for s in p.sections for i in s.items]
    assert "**30** 份" in home
    assert f"共 {len(items)} 条工作条目，其中 {sum(1 for i in items if i.tags)} 条已按活动类型标注" in home
    assert "30 个单位、6 个行业、10 个地区" in home
    svg = home[home.index("<svg") : home.index("</svg>")]
    bars = re.findall(r'<a class="kb-bar" href="types/([a-z-]+)/"><title>([^<]+)：(\d+) 条</title>', svg)
    counts = Counter(tag for i in items for tag in i.tags)
    assert len(bars) == len(TYPE_NAMES) == svg.count("<rect")
    assert {ix.md_text(name): int(n) for _, name, n in bars} == {ix.md_text(t): counts[t] for t in TYPE_NAMES}
    assert [int(n) for _, _, n in bars] == sorted((int(n) for _, _, n in bars), reverse=True)
    assert "<script" not in home and "http" not in svg


def test_chart_labels_are_escaped():
    tax = taxonomy()
    tax.themes[0].types[0].name = "<b>讲堂</b>&"
    pages = ix.render_index_pages([make_plan(1, tags=["<b>讲堂</b>&"])], tax)
    svg = pages["index.md"][pages["index.md"].index("<svg") :]
    assert "<b>" not in svg and ix.md_text("<b>讲堂</b>&") in svg


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
    assert "# 单位：未注明" in pages["browse/units/wei-zhu-ming.md"]


def test_taxonomy_slug_clash_is_an_error():
    tax = taxonomy()
    tax.themes[0].types[1].name = "道德讲堂"
    with pytest.raises(ValueError, match="dao-de-jiang-tang"):
        ix.render_index_pages([], tax)


def test_empty_collection_still_has_every_page():
    pages = ix.render_index_pages([], taxonomy())
    assert {"index.md", "themes/index.md", "browse/index.md", "types/zhi-yuan-fu-wu.md"} <= set(pages)
    assert "暂无条目" in pages["types/zhi-yuan-fu-wu.md"]
