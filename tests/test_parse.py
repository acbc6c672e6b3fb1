"""parse_plans: the whole PARSE stage on clean text (structure only; metadata has its own tests)."""
from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from pathlib import Path

import pytest

from scripts.models import CleanResult, Flag, PageMeta, PlanMeta, RemovedSpan

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "parse"


@pytest.fixture
def parse(monkeypatch):
    """scripts.parse, with a stand-in metadata module only while the real one is missing."""
    if importlib.util.find_spec("scripts.metadata") is None:
        stub = types.ModuleType("scripts.metadata")
        stub.extract_metadata = lambda title, body, context, page_meta: PlanMeta()
        monkeypatch.setitem(sys.modules, "scripts.metadata", stub)
        monkeypatch.delitem(sys.modules, "scripts.parse", raising=False)
    return importlib.import_module("scripts.parse")


def clean(name: str, flags: list[Flag] | None = None) -> CleanResult:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    return CleanResult(source=f"{name}.txt", encoding="utf-8", text=text, flags=flags or [], meta=PageMeta())


def items_of(sections):
    for section in sections:
        yield from section.items
        yield from items_of(section.sections)


def test_seven_plans_from_the_five_seeds(parse):
    plans = [plan for n in range(5) for plan in parse.parse_plans(clean(f"00{n}"))]
    assert [(p.source_file, p.index_in_file, p.title) for p in plans] == [
        ("000.txt", 0, "财政局文明创建工作方案"),
        ("001.txt", 0, "市政府机关事务管理局2010-2011年区级文明单位创建方案"),
        ("002.txt", 0, "民政精神文明建设工作计划(1)"),
        ("002.txt", 1, "民政精神文明建设工作计划(2)"),
        ("002.txt", 2, "民政精神文明建设工作计划(3)"),
        ("003.txt", 0, "湖南省财政厅创建全国文明单位工作方案（2019-2020年）"),
        ("004.txt", 0, "2023年精神文明建设工作实施方案"),
    ]
    assert all(isinstance(p.meta, PlanMeta) for p in plans)
    assert all(p.id == "" and p.slug == "" for p in plans)  # assigned later


def test_seed_003_every_task_has_its_lead_unit_and_four_phases(parse):
    (plan,) = parse.parse_plans(clean("003"))
    tasks = list(items_of(plan.sections[3].sections))
    assert len(tasks) == 25
    assert all(task.lead for task in tasks)
    assert (tasks[0].lead, tasks[0].support) == (["机关党委"], ["各处室", "各单位"])
    assert tasks[0].text.endswith("制定系统学习方案，完善督查考核办法。")
    assert not any("牵头单位" in task.text for task in tasks)
    assert (tasks[13].lead, tasks[13].support) == (["机关党委", "厅工会", "企业处", "驻村扶贫队"], ["相关处室", "相关单位"])
    assert (tasks[24].anchor, tasks[24].lead, tasks[24].support) == ("i4-6-4", ["机关党委", "行政处", "文化处"], [])
    assert [p.name for p in plan.phases] == ["筹备发动阶段", "组织实施阶段", "总结提高阶段", "自查迎检阶段"]
    assert plan.preamble[0].startswith("为进一步巩固深化文明创建成果")


def test_seed_002_duties_in_plan_3_and_numbering_flag_in_plan_1(parse):
    first, _, third = parse.parse_plans(clean("002"))
    assert [(f.kind, f.line, f.detail) for f in first.flags] == [("numbering", 16, "repeated 4、 (expected 5)")]
    sixth = third.sections[2].sections[1].items[1]  # 6. ends with a note whose bracket never closes
    assert (sixth.number, sixth.lead, sixth.support) == ("6", ["机关党委"], ["办公室", "各科室"])
    assert "机关党委负责" not in sixth.text


def test_seed_001_numbering_flag_points_at_the_clean_text_line(parse):
    (plan,) = parse.parse_plans(clean("001"))
    lines = clean("001").text.split("\n")
    (flag,) = plan.flags
    assert lines[flag.line - 1] == "三、创建措施"
    assert flag.detail == "repeated 三、 (expected 四)"


def test_seed_004_three_phases(parse):
    (plan,) = parse.parse_plans(clean("004"))
    assert [(p.name, p.start[-2:], p.end[-2:]) for p in plan.phases] == [
        ("宣传发动阶段", "02", "04"),
        ("全面实施阶段", "04", "10"),
        ("巩固、迎验阶段", "10", "12"),
    ]


def test_clean_flags_go_to_the_plan_whose_lines_they_are_on(parse):
    flags = [
        Flag(kind="encoding", line=0, excerpt=""),
        Flag(kind="mojibake", line=5, excerpt="a"),
        Flag(kind="placeholder", line=25, excerpt="b"),
        Flag(kind="gap", line=46, excerpt="c"),
    ]
    plans = parse.parse_plans(clean("002", flags))
    assert [[(f.kind, f.line) for f in p.flags if f.kind != "numbering"] for p in plans] == [
        [("encoding", 0), ("mojibake", 5)],
        [("encoding", 0), ("placeholder", 25)],
        [("encoding", 0), ("gap", 46)],
    ]


def test_metadata_gets_the_title_body_and_context(parse, monkeypatch):
    seen = []
    monkeypatch.setattr(parse.metadata, "extract_metadata", lambda *args: seen.append(args) or PlanMeta(years=[2023]))
    (plan,) = parse.parse_plans(clean("004"))
    ((title, body, context, page_meta, shared_title),) = seen
    assert title == "2023年精神文明建设工作实施方案"
    assert shared_title is False  # the plan's own heading, not a compilation's name
    assert body[0].startswith("为进一步强化干部职工争先创优")
    assert context == ["2024年精神文明建设工作具体实施方案"]
    assert isinstance(page_meta, PageMeta)
    assert (plan.phases[0].start, plan.phases[0].end) == ("2023-02", "2023-04")  # the plan's single year


def test_text_without_any_line_gives_no_plan(parse):
    empty = CleanResult(source="empty.txt", encoding="utf-8", text="")
    assert parse.parse_plans(empty) == []


def text_of(lines: list[str], source: str = "页面008.txt") -> CleanResult:
    return CleanResult(source=source, encoding="utf-8", text="\n".join(lines), meta=PageMeta())


def test_a_plan_nothing_names_gets_a_descriptive_name_never_its_file_stem(parse):
    lines = ["为深化文明单位创建，结合实际，特制定本方案。", "一、创建目标", "争创市级文明单位，巩固文明单位创建成果。"]
    (plan,) = parse.parse_plans(text_of(lines))
    assert "008" not in plan.title and plan.title.endswith("文明单位创建工作方案")
    (flag,) = [f for f in plan.flags if f.kind == "title"]
    assert (flag.line, flag.excerpt, flag.detail) == (1, plan.title, "no heading names it: descriptive name")


def test_a_plan_named_by_its_opening_is_flagged(parse):
    lines = ["2026年机关党建工作计划旨在推动各支部规范运行，现将有关安排说明如下。", "一、主要任务", "规范组织生活。"]
    (plan,) = parse.parse_plans(text_of(lines))
    assert plan.title == "2026年机关党建工作计划"
    assert [(f.kind, f.detail) for f in plan.flags] == [("title", "named by its opening sentence")]


def test_collection_and_doc_number_reach_the_plan(parse):
    lines = [
        "河西区文明办关于印发《河西区文明餐桌行动方案》的通知",
        "河文明〔2022〕9号",
        "各街道、区直各单位：",
        "现将《河西区文明餐桌行动方案》印发给你们，请认真执行。",
        "附件",
        "河西区文明餐桌行动方案",
        "为倡导节俭用餐，制定本方案。",
        "一、行动目标",
    ]
    (plan,) = parse.parse_plans(text_of(lines))
    assert (plan.title, plan.meta.doc_number, plan.collection) == ("河西区文明餐桌行动方案", "河文明〔2022〕9号", "")
    lines = ["文明餐桌行动方案（精选5篇）", "文明餐桌行动方案篇1", "为倡导节俭用餐，制定本方案。", "一、行动目标"]
    (plan,) = parse.parse_plans(text_of(lines))
    assert (plan.title, plan.collection) == ("文明餐桌行动方案", "文明餐桌行动方案（精选5篇）")


def test_numbering_flags_point_at_clean_text_lines_past_a_glued_line(parse):
    lines = ["文明餐桌行动方案", "为倡导节俭用餐，制定本方案。", "一、行动目标", "【重点任务】开展光盘行动宣传，组织志愿者劝导。", "一、行动内容", "光盘行动。"]
    (plan,) = parse.parse_plans(text_of(lines))
    (flag,) = [f for f in plan.flags if f.kind == "numbering"]
    assert lines[flag.line - 1] == "一、行动内容"


def test_a_compilations_shared_title_yields_to_the_target_each_plan_aims_at(parse):
    lines = [
        "乡镇争创全国文明村镇工作方案（精选2篇）",
        "乡镇争创全国文明村镇工作方案篇1",
        "为加快创建省级文明县城，结合我县实际，特制定本方案。",
        "一、工作目标",
        "全县上下统一思想。",
        "乡镇争创全国文明村镇工作方案篇2",
        "为巩固创建成果，特制定本方案。",
        "一、工作目标",
        "各村对照标准查漏补缺。",
    ]
    first, second = parse.parse_plans(text_of(lines))
    assert (first.title, first.collection) == ("乡镇争创全国文明村镇工作方案", "乡镇争创全国文明村镇工作方案（精选2篇）")
    assert (first.meta.target, first.meta.level) == ("文明县城", "省级")  # what its body aims at
    assert (second.meta.target, second.meta.level) == ("文明村镇", "全国")  # its body aims at nothing: the title's


def test_a_bracketed_heading_under_the_page_title_is_the_plans_own(parse):
    lines = ["2025年林场植树节活动方案", "【2019林场植树节活动方案3】", "为绿化家园，制定本方案。", "一、活动目标"]
    (plan,) = parse.parse_plans(text_of(lines))
    assert (plan.title, plan.meta.years) == ("2019林场植树节活动方案", [2019])
    lines = ["林场文明单位创建工作方案", "【征求意见稿】", "为巩固创建成果，制定本方案。", "一、创建目标"]
    (plan,) = parse.parse_plans(text_of(lines))
    assert plan.title == "林场文明单位创建工作方案【征求意见稿】"  # a tail of the title above, not a title


def test_a_title_the_site_furniture_carried_names_the_plan(parse):
    body = ["为绿化家园，结合实际，特制定本方案。", "一、活动目标", "植树一千株。"]
    kept = parse.parse_plans(text_of(["当前位置：首页 > 活动方案 > 林场植树节活动方案", *body]))
    assert [p.title for p in kept] == ["林场植树节活动方案"]  # a breadcrumb the cleaner left
    removed = [RemovedSpan(rule="chrome.nav.breadcrumb", category="nav", text="首页 » 方案 » 林场植树节活动方案", line=1)]
    (plan,) = parse.parse_plans(CleanResult(source="x.txt", encoding="utf-8", text="\n".join(body), removed=removed))
    assert plan.title == "林场植树节活动方案"
    assert [(f.kind, f.detail) for f in plan.flags] == [("title", "named by the page title in the site's furniture above it")]
    related = [RemovedSpan(rule="chrome.related.related_list", category="related", text="首页 » 方案 » 林场植树节活动方案", line=9)]
    (plan,) = parse.parse_plans(CleanResult(source="x.txt", encoding="utf-8", text="\n".join(body), removed=related))
    assert plan.title != "林场植树节活动方案"  # a related document's title names another page


def test_the_removed_site_intro_marks_the_site_title_above_the_heading(parse):
    """The cleaner removed the site's intro that repeats the page's title: the heading under that
    title is the document's own (the site title's year, repeated by the body, does not win)."""
    text = "2024年单位食堂节约用餐活动方案\n“光盘在行动”节约粮食主题活动方案\n为倡导节约，工会决定自2024年5月起开展主题活动。\n一、活动对象\n全体职工。"
    intro = "以下是小编整理的2024年单位食堂节约用餐活动方案，仅供参考，大家一起来看看吧。"
    removed = [RemovedSpan(rule="chrome.intro.site_intro", category="furniture", text=intro, line=2)]
    result = CleanResult(source="p.txt", encoding="utf-8", text=text, removed=removed, meta=PageMeta())
    without = CleanResult(source="p.txt", encoding="utf-8", text=text, meta=PageMeta())
    assert [plan.title for plan in parse.parse_plans(result)] == ["“光盘在行动”节约粮食主题活动方案"]
    assert [plan.title for plan in parse.parse_plans(without)] == ["2024年单位食堂节约用餐活动方案"]


@pytest.mark.parametrize(
    "lines",
    [
        ["2、由县交通局牵头，整治车站周边秩序，营造整洁的出行环境。", "3、各乡镇要开展环境卫生集中整治活动。"],
        ["三、创建内容", "（一）提高卫生水平，实现环境净化。街道每日定时清扫保洁。"],
        ["”主题志愿服务活动，组织党员每月进社区开展文明劝导。", "二、保障措施", "加强组织领导。"],
    ],
)
def test_a_later_page_of_a_plan_is_kept_and_flagged(parse, lines):
    """A text nothing names that opens mid-plan (2、…, 三、…, a quote closing a sentence begun on the
    page before) is a later page: kept whole, under a descriptive name, flagged for a curator."""
    (plan,) = parse.parse_plans(text_of(lines))
    details = [flag.detail for flag in plan.flags if flag.kind == "title"]
    assert details == ["opens in the middle of a plan begun on another page (a later page of it): descriptive name"]


@pytest.mark.parametrize(
    "lines",
    [
        ["一、指导思想", "以创建促发展。", "二、工作措施", "加强组织领导。"],  # a plan opening at its first heading
        ["为推进创建工作，结合实际，制定本方案。", "一、工作目标"],  # an untitled plan from its opening
        ["县交通局文明单位创建工作方案", "2、由县交通局牵头，整治车站周边秩序。"],  # titled: its own plan
    ],
)
def test_a_plan_that_opens_at_its_start_is_not_a_later_page(parse, lines):
    (plan,) = parse.parse_plans(text_of(lines))
    assert not any("another page" in flag.detail for flag in plan.flags)


@pytest.mark.parametrize("number", ["青水发〔2023〕5号", "白鹭文明委 〔2022〕 3号"])
def test_a_document_number_under_the_title_is_metadata_not_text(parse, number):
    lines = ["县水利局创建文明单位工作方案", number, "为推进创建工作，结合实际，制定本方案。", "一、工作目标", "创建市级文明单位。"]
    (plan,) = parse.parse_plans(text_of(lines))
    assert plan.meta.doc_number == number.replace(" ", "")
    assert plan.preamble == ["为推进创建工作，结合实际，制定本方案。"]
    assert [s.title for s in plan.sections] == ["工作目标"]


def test_a_document_number_cited_in_a_sentence_stays_text(parse):
    lines = ["县水利局创建文明单位工作方案", "根据青水发〔2023〕5号文件精神，制定本方案。", "一、工作目标", "创建市级文明单位。"]
    (plan,) = parse.parse_plans(text_of(lines))
    assert (plan.meta.doc_number, plan.preamble) == ("", ["根据青水发〔2023〕5号文件精神，制定本方案。"])


def test_plans_of_one_file_with_the_same_title_are_told_apart(parse):
    lines = [
        "楼院文明公约推行安排（通用3篇）",
        "楼院文明公约推行安排 篇1",
        "为营造文明和谐的社区环境，制定本计划。",
        "一、开展文明楼栋评比，每季度评选一次。",
        "楼院文明公约推行安排 篇2",
        "为提升居民文明素养，结合社区实际，制定本计划。",
        "一、组织志愿者清理楼道堆物。",
        "楼院文明公约推行安排 篇3",
        "为巩固文明社区创建成果，制定本计划。",
        "一、办好居民学校，每月开展一次宣讲。",
    ]
    plans = parse.parse_plans(text_of(lines))
    assert [p.title for p in plans] == ["楼院文明公约推行安排", "楼院文明公约推行安排（二）", "楼院文明公约推行安排（三）"]
    assert {p.collection for p in plans} == {"楼院文明公约推行安排（通用3篇）"}


def test_plans_of_one_file_with_different_titles_keep_them(parse):
    lines = [
        "道德讲堂活动方案2篇",
        "篇一：机关道德讲堂活动方案",
        "为弘扬传统美德，制定本方案。",
        "一、每季度举办一期道德讲堂。",
        "篇二：校园道德讲堂活动方案",
        "为加强学生品德教育，制定本方案。",
        "一、每月第一周班会课开讲。",
    ]
    assert [p.title for p in parse.parse_plans(text_of(lines))] == ["机关道德讲堂活动方案", "校园道德讲堂活动方案"]


@pytest.mark.parametrize(
    "opening, title",
    [
        ("为增进邻里感情，社区将于中秋节前开展“月满邻里”系列活动，现将安排告知如下：", "“月满邻里”系列活动"),
        ("为丰富职工文化生活，局工会决定举办“书香机关”读书月活动，具体安排如下：", "“书香机关”读书月活动"),
    ],
)
def test_a_notice_style_plan_is_named_by_the_activity_it_announces(parse, opening, title):
    lines = [opening, "1.时间：9月20日上午。", "2.地点：社区活动室。"]
    (plan,) = parse.parse_plans(text_of(lines))
    assert plan.title == title


def test_an_activity_named_in_a_task_does_not_name_the_plan(parse):
    lines = ["为做好创建工作，各科室要开展“文明科室”评比活动，每季度评选一次。", "一、工作要求", "各科室要高度重视。"]
    (plan,) = parse.parse_plans(text_of(lines))
    assert plan.title != "“文明科室”评比活动"


def test_a_headline_above_an_untitled_plan_does_not_hide_its_opening(parse):
    lines = ["月满邻里情更浓，邀您来社区一起做月饼！", "为增进邻里感情，社区将于中秋节前开展“月满邻里”系列活动，现将安排告知如下：", "1.时间：9月20日上午。"]
    (plan,) = parse.parse_plans(text_of(lines))
    assert plan.title == "“月满邻里”系列活动"
    assert plan.preamble[0] == "月满邻里情更浓，邀您来社区一起做月饼！"
