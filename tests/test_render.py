"""The plan page: hostile text stays text, anchors and links are stable and relative, output is deterministic."""
from __future__ import annotations

import html
import re

import pytest
from bs4 import BeautifulSoup

from conftest import page_parts
from scripts.models import Flag, Item, Phase, Plan, PlanMeta, RemovedSpan, Section
from scripts.publish.markup import md_text
from scripts.publish.render import flag_detail, heading_text, render_plan_page

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "# heading",
    "* list",
    "- list",
    "1. list",
    "| a | b |",
    "---",
    "===",
    "{: .cls}",
    "{#id}",
    "标题 {#evil}",
    "{{ config }}",
    "{% raw %}",
    "---\ntitle: x\n---",
    "&amp; &lt;b&gt; &#60;",
    "!!! warning",
    "??? note",
    "    indented code",
    "`code` **bold** _em_ ~~del~~",
    "<!-- comment -->",
    "\x02wzxhzdk:0\x03",
    "<https://evil.example/>",
    "x\u2028y\x85z",
]


def render(page_file: str) -> tuple[str, dict]:
    meta, body = page_parts(page_file)
    del meta["html"]
    return body, meta


def shown(text: str) -> str:
    """What a reader sees: whitespace runs collapse, controls become U+FFFD."""
    text = re.sub(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]", "\ufffd", text)
    return re.sub(r"[ \t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]+", " ", text)


def hostile_plan(text: str) -> Plan:
    meta = PlanMeta(
        unit=text, sector=text, region=text, years=[2019, 2020], level=text, issue_date=text,
        publish_date=text, source_site=text, source_url="javascript:alert(1)",
    )
    section = Section(
        anchor="s1", number="一", title=text, level=1,
        items=[Item(anchor="i1-1", number="1", text=text, lead=[text], support=[text], tags=["志愿服务"])],
        sections=[Section(anchor="s1-1", number="一", title=text, level=2, items=[Item("i1-1-1", "", text)])],
    )
    return Plan(
        title=text, meta=meta, source_file=text, preamble=[text], sections=[section], context=[text],
        phases=[Phase(name=text, start="2019-11", end="2019-12", text=text)],
        flags=[Flag(kind="mojibake", line=3, excerpt=text, detail=text)], id="ab2cd3", slug="plan",
    )


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_only_text(text):
    plan = hostile_plan(text)
    other = Plan(title=text, meta=PlanMeta(unit=text), source_file="x", id="zz2zz2", slug="min-zheng")
    page = render_plan_page(
        plan, related=[other], removed=[RemovedSpan("chrome.nav", "nav", text, 2)],
        type_slugs={"志愿服务": "zhi-yuan-fu-wu"},
    )
    out, meta = render(page)
    soup = BeautifulSoup(out, "html.parser")

    assert meta["title"] == text and meta["unit"] == text  # front matter parses back exactly
    # The contents sidebar shows heading names as HTML: they are escaped text, no markup.
    names = [entry["name"] for entry in meta["toc"]] + [c["name"] for entry in meta["toc"] for c in entry["children"]]
    assert len(names) == 4
    for name in names[:1] + names[-1:]:
        assert BeautifulSoup(name, "html.parser").find() is None
        assert BeautifulSoup(name, "html.parser").get_text().endswith(shown(text).strip())
    structure = ["script", "img", "hr", "pre", "code", "strong", "em", "del", "ol", "blockquote"]
    assert [t.name for t in soup.find_all(structure)] == ["code"]  # the only <code> is the permanent id
    assert soup.find("code").get_text() == "ab2cd3"
    for a in soup.find_all("a"):
        assert not a["href"].lower().startswith(("javascript", "http")), a
    assert [h.name for h in soup.find_all(re.compile(r"^h\d$"))] == ["h2", "h3", "h2", "h2"]
    assert [h.get("id") for h in soup.find_all(re.compile(r"^h\d$"))] == ["s1", "s1-1", "kb-phases", "kb-related"]
    assert len(soup.find_all("ul")) == 2  # flags and related plans, nothing from the text
    assert [t["class"] for t in soup.find_all("table")] == [["kb-duties"], ["kb-phases"], ["kb-report-table"]]
    assert not soup.find_all(class_="cls") and not soup.find_all(id="id") and not soup.find_all(id="evil")
    assert "{{" not in out and "{%" not in out and "<!--" not in out

    expected = shown(text)
    item = soup.find(id="i1-1")
    assert item.find(class_="kb-anchor").next_sibling.strip() == expected.strip()
    assert soup.find(id="s1").get_text().startswith("一、" + expected)
    assert " ".join(soup.find(id="i1-1-1").get_text().split()).startswith(" ".join(("¶ " + expected).split()))
    assert soup.find(class_="kb-report").find("tbody").find_all("td")[3].get_text() == expected
    assert soup.find(class_="kb-related").find("a").get_text() == expected
    assert html.unescape(out).count(expected.strip()) >= 10


def test_md_text_exact():
    assert md_text("a<b>&c\"d'") == "a&lt;b&gt;&amp;c&quot;d&#39;"
    assert md_text("1. 工作") == "1&#46; 工作"
    assert md_text("# 标题 {#x}") == "&#35; 标题 &#123;&#35;x&#125;"
    assert md_text("第一行\n\n    第二行\r\n第三行") == "第一行 第二行 第三行"
    assert md_text("　　全角缩进保留") == "　　全角缩进保留"
    assert md_text("a\x02b\x00") == "a\ufffdb\ufffd"
    assert md_text("") == ""


def sample_plan() -> Plan:
    items = [
        Item("i3-1", "1", "坚持每月集中学习制度。", lead=["机关党委"], support=["各处室", "各单位"], tags=["理论学习"]),
        Item("i3-2", "2", "组建学雷锋志愿服务队，每月开展一次志愿服务。", tags=["志愿服务", "学雷锋"]),
        Item("i3-3", "", "每季度举办一期道德讲堂。", tags=["道德讲堂", "未知类型"]),
    ]
    return Plan(
        title="湖南省财政厅创建全国文明单位工作方案（2019-2020年）",
        meta=PlanMeta(
            unit="湖南省财政厅", sector="财政", region="湖南省", years=[2019, 2020], level="全国",
            issue_date="2019-12-10", publish_date="2019-12-12", source_site="湖南省财政厅网站",
            source_url="http://czt.hunan.gov.cn/a.html?x=1&y=2",
        ),
        source_file="003_71aa6518df67eea4.txt",
        preamble=["为进一步巩固深化文明创建成果，制定如下工作方案。"],
        sections=[
            Section("s1", "一", "指导思想", 1, items=[Item("i1-1", "", "以习近平新时代中国特色社会主义思想为指导。")]),
            Section("s3", "三", "主要措施", 1, sections=[Section("s3-1", "一", "加强思想道德建设", 2, items=items)]),
        ],
        phases=[Phase("筹备发动阶段", "2019-11", "", "成立领导小组。"), Phase("总结验收阶段", "", "2020-12")],
        flags=[Flag("placeholder", 12, "XX同志任组长"), Flag("gap", 0, "以为指导", "疑似删去姓名")],
        id="k7m2qa",
        slug="hu-nan-sheng-cai-zheng-ting",
    )


def page_of(plan: Plan, **kwargs) -> str:
    related = [
        Plan("民政精神文明建设工作计划", PlanMeta(unit="某区民政局", years=[2012]), "002.txt", id="aaaaaa", slug="min-zheng"),
        plan,
    ]
    args = dict(
        related=related,
        removed=[RemovedSpan("chrome.publish.publish_line", "publish", "发布时间:2019-12-12 来源:湖南省财政厅", 3)],
        type_slugs={"理论学习": "li-lun-xue-xi", "志愿服务": "zhi-yuan-fu-wu", "学雷锋": "xue-lei-feng", "道德讲堂": "dao-de-jiang-tang"},
        aliases={"i3-2": ["i3-4", "i3-5"], "s3": ["s2"]},
    )
    args.update(kwargs)
    return render_plan_page(plan, **args)


def test_page_structure():
    page = page_of(sample_plan())
    assert page == page_of(sample_plan())  # deterministic
    assert page.startswith("---\ntitle: 湖南省财政厅创建全国文明单位工作方案（2019-2020年）\nplan_id: k7m2qa\n")
    headerlink = '<a class="headerlink" href="#{0}" title="本节链接">¶</a>'
    assert f'<h2 id="s1">一、指导思想{headerlink.format("s1")}</h2>\n' in page
    assert f'<h3 id="s3-1">（一）加强思想道德建设{headerlink.format("s3-1")}</h3>\n' in page
    assert f'<div class="kb-alias" id="s2"></div>\n<h2 id="s3">三、主要措施{headerlink.format("s3")}</h2>\n' in page
    assert (
        '<p class="kb-item" id="i3-2"><span class="kb-alias" id="i3-4"></span><span class="kb-alias" id="i3-5"></span>'
        '<a class="kb-anchor" href="#i3-2" title="本条链接">¶ 2</a> 组建学雷锋志愿服务队，每月开展一次志愿服务。'
        ' <span class="kb-chips"><a class="kb-chip" href="../../types/zhi-yuan-fu-wu/">志愿服务</a>'
        '<a class="kb-chip" href="../../types/xue-lei-feng/">学雷锋</a></span></p>'
    ) in page

    out, meta = render(page)
    assert meta.pop("toc") == [  # the sidebar's table of contents, nested as MkDocs reports it
        {"level": 2, "id": "s1", "name": "一、指导思想", "children": []},
        {"level": 2, "id": "s3", "name": "三、主要措施", "children": [
            {"level": 3, "id": "s3-1", "name": "（一）加强思想道德建设", "children": []},
        ]},
        {"level": 2, "id": "kb-phases", "name": "工作阶段", "children": []},
        {"level": 2, "id": "kb-related", "name": "相关方案", "children": []},
    ]
    assert meta == {
        "title": "湖南省财政厅创建全国文明单位工作方案（2019-2020年）",
        "plan_id": "k7m2qa",
        "unit": "湖南省财政厅",
        "sector": "财政",
        "region": "湖南省",
        "years": [2019, 2020],
        "level": "全国",
        "issue_date": "2019-12-10",
        "publish_date": "2019-12-12",
        "source_site": "湖南省财政厅网站",
        "source_url": "http://czt.hunan.gov.cn/a.html?x=1&y=2",
        "source_file": "003_71aa6518df67eea4.txt",
        "types": ["学雷锋", "志愿服务", "未知类型", "理论学习", "道德讲堂"],
        "main_types": [],  # every type has one item here (tagger.main_types)
        "flags": 2,
    }
    soup = BeautifulSoup(out, "html.parser")
    card = {dt.get_text(): dt.find_next_sibling("dd") for dt in soup.select(".kb-card dt")}
    assert list(card) == ["单位", "行业", "地区", "年度", "创建级别", "印发日期", "发布日期", "来源", "原始文件", "永久编号"]
    assert card["年度"].get_text() == "2019—2020"
    assert card["来源"].a["href"] == "http://czt.hunan.gov.cn/a.html?x=1&y=2"
    assert card["永久编号"].get_text() == "k7m2qa"
    searched = [dt.get_text() for dt in soup.select(".kb-card dt:not([data-pagefind-ignore])")]
    assert searched == ["单位", "行业", "地区", "年度", "创建级别", "印发日期", "发布日期", "来源"]  # file name and id: not in excerpts
    assert card["原始文件"].has_attr("data-pagefind-ignore") and card["永久编号"].has_attr("data-pagefind-ignore")
    assert [li.get_text() for li in soup.select(".kb-flags li")] == [
        "占位符 第 12 行：XX同志任组长",
        "疑似缺字 全文：以为指导（疑似删去姓名）",
    ]
    assert soup.find("p", string="为进一步巩固深化文明创建成果，制定如下工作方案。")
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert ids == ["s1", "i1-1", "s2", "s3", "s3-1", "i3-1", "i3-2", "i3-4", "i3-5", "i3-3", "kb-phases", "kb-related"]
    assert soup.find(id="i3-3").find(class_="kb-anchor").get_text() == "¶"
    assert [c.get_text() for c in soup.find(id="i3-3").select(".kb-chip")] == ["道德讲堂", "未知类型"]
    assert soup.find(id="i3-3").find("span", class_="kb-chip").get_text() == "未知类型"  # no page: no link
    assert [[td.get_text() for td in tr.find_all("td")] for tr in soup.select(".kb-duties tbody tr")] == [
        ["1", "机关党委", "各处室、各单位"]
    ]
    assert soup.select_one(".kb-duties a")["href"] == "#i3-1"
    assert [[td.get_text() for td in tr.find_all("td")] for tr in soup.select(".kb-phases tbody tr")] == [
        ["筹备发动阶段", "2019-11", "成立领导小组。"],
        ["总结验收阶段", "2020-12", ""],
    ]
    related = soup.select(".kb-related li")
    assert len(related) == 1  # the plan itself is not its own relative
    assert related[0].a["href"] == "../min-zheng/" and related[0].a.get_text() == "民政精神文明建设工作计划"
    report = soup.find("details", class_="kb-report")
    assert report.summary.get_text() == "清理记录（维护者）"
    assert [td.get_text() for td in report.find_all("td")] == [
        "3", "chrome.publish.publish_line", "publish", "发布时间:2019-12-12 来源:湖南省财政厅"
    ]


def test_optional_parts_are_left_out():
    plan = sample_plan()
    plan.flags, plan.phases = [], []
    plan.meta = PlanMeta(source_url="ftp://example.com/x")
    page = page_of(plan, related=[], removed=[], aliases=None)
    out, meta = render(page)
    soup = BeautifulSoup(out, "html.parser")
    assert meta["flags"] == 0 and meta["years"] == []
    for css in ("kb-flags", "kb-phases", "kb-related", "kb-report", "kb-alias"):
        assert not soup.find_all(class_=css), css
    card = {dt.get_text(): dt.find_next_sibling("dd") for dt in soup.select(".kb-card dt")}
    assert list(card) == ["来源", "原始文件", "永久编号"]
    assert card["来源"].find("a") is None and card["来源"].get_text() == "ftp://example.com/x"


def test_unsafe_anchor_is_refused():
    plan = sample_plan()
    plan.sections[0].items[0].anchor = 'x" onmouseover="alert(1)'
    with pytest.raises(ValueError, match="unsafe anchor"):
        page_of(plan)


@pytest.mark.parametrize(
    "number, marker, level, shown",
    [
        ("1", "1.", 2, "1.工作目标"),  # a 1. heading under 一、 stays 1., whatever its depth
        ("一", "（一）", 1, "（一）工作目标"),  # a plan that starts at （一）
        ("1", "（1）", 3, "（1）工作目标"),
        ("第一阶段", "第一阶段", 1, "第一阶段 工作目标"),
        ("第一阶段", "第一阶段：", 1, "第一阶段：工作目标"),
    ],
)
def test_headings_show_their_number_as_the_source_printed_it(number, marker, level, shown):
    assert heading_text(Section(anchor="s1", number=number, title="工作目标", level=level, marker=marker)) == shown


def test_year_sequence_shows_a_few_plans_of_a_busy_year():
    plan = sample_plan()
    earlier = [
        Plan(f"方案{i}", PlanMeta(unit="湖南省财政厅", years=[2017]), f"{i}.txt", id=f"e{i}", slug=f"fang-an-{i}") for i in range(10)
    ]
    out, _ = render(page_of(plan, previous=earlier, following=earlier[:2]))
    spans = BeautifulSoup(out, "html.parser").select("nav.kb-sequence > span")
    assert [a["href"] for a in spans[0].find_all("a")] == ["../fang-an-0/", "../fang-an-1/", "../fang-an-2/"]
    assert spans[0].get_text().endswith("等 10 份（见该单位的浏览页）")
    assert len(spans[1].find_all("a")) == 2 and "等" not in spans[1].get_text()


def test_card_shows_the_collection_and_the_notices_number_and_a_title_flag():
    plan = sample_plan()
    plan.collection = "文明单位创建工作方案（精选8篇）<b>"
    plan.meta.doc_number = "湘财党〔2019〕12号"
    plan.flags = [Flag("title", 3, "文明单位创建工作方案", "no heading names it: descriptive name")]
    out, _ = render(page_of(plan))
    soup = BeautifulSoup(out, "html.parser")
    card = {dt.get_text(): dd.get_text() for dt, dd in zip(soup.select(".kb-card dt"), soup.select(".kb-card dd"))}
    assert card["所在合集"] == "文明单位创建工作方案（精选8篇）<b>"  # text, never markup
    assert card["文号"] == "湘财党〔2019〕12号"
    assert list(card).index("文号") == list(card).index("印发日期") + 1
    assert "标题为推断" in soup.select_one(".kb-flags").get_text()


@pytest.mark.parametrize(
    "detail, shown",
    [
        ("text ends mid-sentence", "文末句子不完整"),
        ("no heading names it: descriptive name", "正文没有标题，按类型、单位、年度命名"),
        ("starts at 三、 (expected 一)", "从「三、」开始（应为「一」）"),
        ("skipped to 第三阶段 (expected 第二阶段)", "跳到「第三阶段」（应为「第二阶段」）"),
        ("2. after 5. kept as text", "「5.」之后的「2.」按正文保留"),
        ("chrome.site.footer_line kept: the line reads as plan content", "未按规则 chrome.site.footer_line 删除：该行像方案正文"),
        ("chrome.site.footer_line", "规则 chrome.site.footer_line"),
        ("疑似删去姓名", "疑似删去姓名"),  # already for the reader: unchanged
        ("some other note", "some other note"),  # a shape no pattern knows is shown as written
    ],
)
def test_flag_details_are_shown_in_chinese(detail, shown):
    assert flag_detail(detail) == shown
    plan = sample_plan()
    plan.flags = [Flag("numbering", 4, "三、任务", detail)]
    soup = BeautifulSoup(render(page_of(plan))[0], "html.parser")
    assert soup.select_one(".kb-flags li").get_text() == f"编号异常 第 4 行：三、任务（{shown}）"


def test_the_files_other_lines_are_shown_folded_as_text():
    plan = sample_plan()
    plan.context = ["关于印发<b>某方案</b>的通知", "各科室：", "{{ config }}"]
    out, _ = render(page_of(plan))
    soup = BeautifulSoup(out, "html.parser")
    box = soup.select_one("details.kb-context")
    assert box is not None and box.has_attr("data-pagefind-ignore")
    assert [p.get_text() for p in box.find_all("p")] == ["关于印发<b>某方案</b>的通知", "各科室：", "{{ config }}"]
    assert "（3 行" in box.summary.get_text()
    plan.context = []
    assert "kb-context" not in render(page_of(plan))[0]
