"""Title blocks as other sites print them, through clean and parse: the plan's own heading with a
site's suffix, a column after a bar, a source in brackets, an attachment label, a date or number
line under it, a headline or a compilation title above it. Every shape is invented; the plan's
name, unit and body are the same in all, so only the title block differs."""
from __future__ import annotations

import pytest

from scripts import clean, parse
from scripts.parse.titles import is_headline, named_in_opening, read_title

NAME = "白沙区水务局2025年文明单位创建工作方案"
BODY = [
    "为把文明单位创建做实做细，结合本局情况，拟定本方案。",
    "一、创建目标",
    "年内通过市级文明单位复查。",
    "二、主要措施",
    "1.每季度办一期文明礼仪讲座。",
]


def first_plan(head: list[str]):
    plans = parse.parse_plans(clean.clean_text("\n".join(head + BODY), source="page.txt"))
    return plans[0]


@pytest.mark.parametrize(
    "head",
    [
        [NAME],
        [f"{NAME}-某某范文网"],
        [f"{NAME}_某某文库"],
        [f"{NAME} | 工作计划"],
        [f"{NAME}｜计划总结｜某某网"],
        [f"{NAME} - 工作计划 - 某某范文网"],
        [f"{NAME}（来源：白沙发布）"],
        [f"{NAME}-白沙区人民政府门户网站"],
        [f"{NAME}——白沙在线"],
        [f"{NAME}（全文）"],
        [f"某某范文网 | {NAME}"],
        [f"计划总结 | {NAME}"],
        [f"白沙在线｜{NAME}"],
        [f"工作计划 > 文明创建 | {NAME}"],
        [f"[活动方案]{NAME}"],
        [f"工作计划：{NAME}"],
        [f"原创：{NAME}"],
        [f"{NAME}(2025-02-10)"],
        [f"{NAME}（转载）"],
        [f"{NAME}【热】"],
        [f"{NAME} new"],
        [f"{NAME}..."],
        [f"▶ {NAME}"],
        [f"※{NAME}"],
        [f"{NAME}【全文】"],
        [f"{NAME}（2025年2月10日印发）"],
        [f"《{NAME}》", "（2025年2月10日印发）"],
        [f"附件1：{NAME}"],
        ["附件2", NAME],
        [NAME, "2025-02-10"],
        [NAME, "（2025年2月10日区水务局党组会议通过）"],
        [NAME, "（此件公开发布）"],
        [NAME, "发布时间：2025-02-10 浏览次数：36"],
        [NAME, "白水发〔2025〕3号"],
        [NAME, "Work Plan of a Civilised Unit"],
        ["创文明我们在行动", NAME],
        ["文明单位创建工作方案（精选6篇）", NAME],
        ["2025年文明单位创建工作方案范文", NAME],
    ],
)
def test_the_plans_own_heading_is_its_title(head):
    plan = first_plan(head)
    assert (plan.title, plan.meta.unit, plan.meta.years) == (NAME, "白沙区水务局", [2025])


def test_a_document_number_under_the_heading_goes_to_the_metadata():
    assert first_plan([NAME, "白水发〔2025〕3号"]).meta.doc_number == "白水发〔2025〕3号"


def test_an_attachment_label_before_the_carried_title_under_a_notice():
    notice = [
        "白沙区水务局关于印发《2025年文明单位创建工作方案》的通知",
        "各科室、局属各单位：",
        "现将《2025年文明单位创建工作方案》印发给你们，请抓好落实。",
        "白沙区水务局",
        "2025年2月10日",
        "附件1：2025年文明单位创建工作方案",
    ]
    plan = first_plan(notice)
    assert (plan.title, plan.meta.unit) == ("2025年文明单位创建工作方案", "白沙区水务局")
    assert BODY[0] in "".join(plan.preamble)  # the body begins under the label, nothing lost


@pytest.mark.parametrize("line", ["附件管理工作方案", "附件"])
def test_an_attachment_word_that_labels_nothing_stays(line):
    assert read_title(line).text == line


def test_a_title_broken_after_its_guanyu_is_joined():
    plan = first_plan(["白沙区水务局关于", "深入开展文明单位创建活动的实施方案"])
    assert plan.title == "白沙区水务局关于深入开展文明单位创建活动的实施方案"


def test_an_untitled_plan_is_named_by_the_activity_its_opening_plans_for():
    lines = ["根据上级安排，现就开展“邻里守望·元宵”主题活动制定如下方案。", "一、活动时间", "元宵节当晚。"]
    plan = parse.parse_plans(clean.clean_text("\n".join(lines), source="page.txt"))[0]
    assert plan.title == "“邻里守望·元宵”主题活动方案"


@pytest.mark.parametrize(
    ("tail", "number", "counted"),
    [("篇②", 2, False), ("【3】", 3, False), ("[4]", 4, False), ("⑤", 5, False), ("（共6篇）", 0, True), ("（计7篇）", 0, True)],
)
def test_compilation_markers_in_other_shapes_are_taken_off(tail, number, counted):
    title = read_title(NAME + tail)
    assert (title.text, title.number, title.counted) == (NAME, number, counted)


def test_a_compilation_numbered_with_circled_numbers_is_split():
    lines = [f"{NAME}①", *BODY, "白沙区林业局文明单位创建工作方案②", *BODY]
    plans = parse.parse_plans(clean.clean_text("\n".join(lines), source="page.txt"))
    assert [plan.title for plan in plans] == [NAME, "白沙区林业局文明单位创建工作方案"]


def test_a_bracketed_year_or_list_number_is_no_compilation_number():
    assert read_title("白沙区水务局文明单位创建工作方案[2025]").text.endswith("[2025]")


def test_a_notice_number_glued_to_the_notice_title_goes_to_the_metadata():
    notice = [
        "白水发〔2025〕3号白沙区水务局关于印发《2025年文明单位创建工作方案》的通知",
        "各科室：",
        "现将方案印发给你们，请抓好落实。",
        "2025年文明单位创建工作方案",
    ]
    plan = first_plan(notice)
    assert (plan.title, plan.meta.unit, plan.meta.doc_number) == ("2025年文明单位创建工作方案", "白沙区水务局", "白水发〔2025〕3号")


def test_a_notice_quoting_its_plan_in_quotation_marks_carries_it():
    notice = ["白沙区水务局关于印发“2025年文明单位创建工作方案”的通知", "各科室：", "现将方案印发给你们，请抓好落实。", "2025年文明单位创建工作方案"]
    assert first_plan(notice).title == "2025年文明单位创建工作方案"


def test_a_title_printed_again_over_the_issuers_lines_ends_the_block_at_its_copy():
    head = ["白水发〔2025〕3号关于2025年文明单位创建的实施方案", "中共白沙区水务局委员会", "白沙区水务局", "关于2025年文明单位创建的", "实施方案"]
    plan = first_plan(head)
    assert (plan.title, plan.meta.unit) == ("关于2025年文明单位创建的实施方案", "白沙区水务局")
    assert BODY[0] in "".join(plan.preamble)
    assert "白沙区水务局" not in "".join(plan.preamble)


def test_a_plans_own_heading_under_a_marker_that_repeats_the_compilations_name_is_its_title():
    lines = ["文明单位创建工作方案篇一", NAME, *BODY, "文明单位创建工作方案篇二", "白沙区林业局文明单位创建工作方案", *BODY]
    plans = parse.parse_plans(clean.clean_text("\n".join(lines), source="page.txt"))
    assert [plan.title for plan in plans] == [NAME, "白沙区林业局文明单位创建工作方案"]
    assert {plan.collection for plan in plans} == {"文明单位创建工作方案"}


@pytest.mark.parametrize(
    "headline",
    ["2025年白沙区水务局扎实开展文明单位创建活动", "白沙区水务局召开文明单位创建推进会", "白沙区水务局：多措并举推进文明创建"],
)
def test_a_news_headline_above_the_heading_is_not_the_title(headline):
    lines = [headline, "文明单位创建工作方案", "为把2025年的创建做实，拟定本方案。", "一、创建目标", "2025年通过市级文明单位复查。"]
    plan = parse.parse_plans(clean.clean_text("\n".join(lines), source="page.txt"))[0]
    assert (plan.title, plan.meta.unit) == ("文明单位创建工作方案", "白沙区水务局")


def test_a_news_headline_over_an_untitled_plan_gives_way_to_its_opening_and_names_its_unit():
    lines = ["白沙区水务局扎实开展文明单位创建活动", "为把创建做实，白沙区水务局制定了2025年文明单位创建工作方案。", "一、创建目标", "通过复查。"]
    plan = parse.parse_plans(clean.clean_text("\n".join(lines), source="page.txt"))[0]
    assert (plan.title, plan.meta.unit) == ("2025年文明单位创建工作方案", "白沙区水务局")
    assert lines[0] in plan.preamble + [section.title for section in plan.sections]  # kept in the text


@pytest.mark.parametrize("line", ["白沙区水务局关于深入开展文明单位创建活动的实施方案", "深入开展学雷锋志愿服务活动", "白沙区水务局开展文明创建工作计划"])
def test_a_title_is_no_headline(line):
    assert not is_headline(read_title(line).text)


def test_plans_numbered_in_a_list_under_a_counted_title_are_split():
    lines = ["2025年文明单位创建工作方案精选2篇", f"1、{NAME}", *BODY, "2、白沙区林业局文明单位创建工作方案", *BODY]
    plans = parse.parse_plans(clean.clean_text("\n".join(lines), source="page.txt"))
    assert [plan.title for plan in plans] == [NAME, "白沙区林业局文明单位创建工作方案"]


@pytest.mark.parametrize(
    "lines",
    [
        ["文明单位创建工作方案（精选2篇）", NAME, "一、年度工作安排", "办讲座。", "二、保障措施", "落实经费。"],
        [NAME, "一、制定各科室创建工作方案", "各科室拟定方案。", "二、制定年度文明礼仪培训计划", "每季度一次。"],
    ],
)
def test_numbered_headings_of_one_plan_are_no_compilation(lines):
    plans = parse.parse_plans(clean.clean_text("\n".join(lines), source="page.txt"))
    assert [plan.title for plan in plans] == [NAME]


def test_numbered_tasks_naming_plans_under_a_counted_title_stay_in_their_plan():
    lines = ["文明单位创建工作方案（精选2篇）", NAME, "一、主要任务", "1、制定各科室文明创建工作方案", "2、制定干部职工学习培训计划"]
    plans = parse.parse_plans(clean.clean_text("\n".join(lines), source="page.txt"))
    assert [plan.title for plan in plans] == [NAME]


@pytest.mark.parametrize(
    ("opening", "name"),
    [
        ("为把创建做实，根据上级要求，现将2025年文明单位创建工作安排如下：", "2025年文明单位创建工作安排"),
        ("现将2025年文明单位创建工作计划安排如下：", "2025年文明单位创建工作计划"),
        ("2025年文明单位创建工作要点如下：", "2025年文明单位创建工作要点"),
        ("根据上级要求，就2025年文明单位创建工作提出如下实施方案：", "2025年文明单位创建工作实施方案"),
        ("为把创建做实，现提出2025年文明单位创建工作实施意见如下：", "2025年文明单位创建工作实施意见"),
        ("为把创建做实，决定开展文明单位创建活动，特制定本实施方案。", "文明单位创建活动实施方案"),
        ("为把创建做实，现将有关事项安排如下：", ""),
        ("为把创建做实，特制定以下工作计划：", ""),
    ],
)
def test_the_name_an_opening_gives_its_plan(opening, name):
    assert named_in_opening(opening) == name


@pytest.mark.parametrize("first", [f"{NAME}来源：白沙区水务局", f"{NAME}作者：王芳"])
def test_a_publish_label_glued_after_the_title_is_furniture(first):
    plan = first_plan([first])
    assert plan.title == NAME


def test_a_title_its_date_and_its_first_sentence_on_one_line_are_split():
    lines = [f"{NAME}（2025年2月10日）{BODY[0]}", *BODY[1:]]
    plan = parse.parse_plans(clean.clean_text("\n".join(lines), source="page.txt"))[0]
    assert plan.title == NAME and BODY[0] in "".join(plan.preamble)


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("某某学校德育工作计划（20XX—20XX学年）", "某某学校德育工作计划"),
        ("文明单位创建方案(20__年度)", "文明单位创建方案"),
        ("三年行动方案（2021—2023年）", "三年行动方案（2021—2023年）"),  # a real period stays
    ],
)
def test_a_templates_placeholder_period_in_brackets_is_no_part_of_the_title(line, want):
    assert read_title(line).text == want
