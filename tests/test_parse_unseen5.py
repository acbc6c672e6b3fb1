"""Units, titles and years as pages of sites never seen print them: named areas (示范区, 小区, 园区 …) and
residents' committees as units, a place's leadership acting together, the name a text gives itself
(我校某某小学, 我局（某某局）), a place signing with a date; a deadline year is not the plan's; a
compilation's 推荐第N篇 marker glued to its first plan; an answer's numbered （3）…方案 line as the
plan's title. Every name here is invented."""
from __future__ import annotations

import pytest

from scripts import clean, parse
from scripts.models import PageMeta
from scripts.parse import titles
from scripts.parse.metadata import extract_metadata

BODY = ["为扎实推进精神文明建设，提升居民文明素养，特制定本方案。", "一、主要任务", "开展文明实践志愿服务活动。"]


def meta(title: str, body=BODY, context=()):
    return extract_metadata(title, list(body), list(context), PageMeta())


def unit(title: str = "精神文明建设工作方案", body=BODY, context=()) -> str:
    return meta(title, body, context).unit


AREAS = ["雁栖示范区", "云岫经济开发区", "枫林湾小区", "桂坪工业园区", "松涛高新区", "石湾经开区", "鹤鸣产业集聚区", "丹霞里楼委会", "翠苑业委会"]


@pytest.mark.parametrize("name", AREAS)
def test_a_named_area_opening_the_title_is_the_unit(name):
    assert unit(f"{name}2026年创建文明城市工作方案") == name


@pytest.mark.parametrize("name", AREAS)
def test_a_named_area_in_the_opening_clause_is_the_unit(name):
    body = [f"为加快推进文明城市创建，{name}结合实际，制定本方案。", *BODY[1:]]
    assert unit(body=body) == name


@pytest.mark.parametrize("name", AREAS)
def test_a_named_area_signing_with_a_date_is_the_unit(name):
    assert unit(context=[name, "2026年3月5日"]) == name
    assert unit(context=[f"{name}  2026年3月5日"]) == name


@pytest.mark.parametrize(
    "title",
    ["文明小区创建工作方案", "老旧小区文明创建方案", "居民小区文明创建工作计划", "国家级示范区文明创建方案", "省级开发区文明创建方案", "示范区创建文明城市工作方案"],
)
def test_a_kind_of_area_is_no_unit(title):
    assert unit(title) == ""


@pytest.mark.parametrize("opening", ["各小区结合实际，制定本方案。", "本示范区结合实际，制定本方案。", "文明小区结合实际，制定本方案。"])
def test_areas_that_are_not_named_give_no_unit(opening):
    assert unit(body=["为推进文明创建，" + opening, *BODY[1:]]) == ""


@pytest.mark.parametrize(
    ("opening", "want"),
    [
        ("为进一步提升我镇文明程度，杏林镇党委、政府决定在全镇开展文明村镇创建活动。", "杏林镇"),
        ("为提高村民文明素质，竹溪村两委决定开展文明家庭评选活动。", "竹溪村"),
        ("为推进文明社区创建，芦荡社区两委结合实际，制定本计划。", "芦荡社区"),
        ("为推进文明创建，村两委决定开展评选活动。", ""),
        ("为推进文明城市创建，白芷县委、县政府决定开展城乡环境整治行动。", "白芷县"),
        ("为推进文明城市创建，柳汀街道党工委、办事处决定开展文明楼院评选。", "柳汀街道"),
        ("为推进文明城市创建，县委县政府决定开展城乡环境整治行动。", ""),
        ("为推进文明创建，镇党委、政府决定开展创建活动。", ""),
    ],
)
def test_a_places_leadership_acting_together_speaks_for_the_place(opening, want):
    assert unit(body=[opening, *BODY[1:]]) == want


@pytest.mark.parametrize(
    ("opening", "want"),
    [
        ("为深入开展精神文明创建活动，我局（白芷县林业局）特制定本方案。", "白芷县林业局"),
        ("为推进文明校园创建，本校（白芷县实验小学）结合实际，制定本计划。", "白芷县实验小学"),
        ("为深入开展精神文明创建活动，我校白芷县第二中学特制定本方案。", "白芷县第二中学"),
        ("为深入开展精神文明创建活动，我院（苍梧区人民医院）制定本方案。", "苍梧区人民医院"),
    ],
)
def test_the_name_a_text_gives_itself_is_the_unit(opening, want):
    assert unit(body=[opening, *BODY[1:]]) == want


def test_a_place_signing_with_a_date_is_the_unit():
    assert unit(context=["柳汀街道", "2026年3月5日"]) == "柳汀街道"
    assert unit(context=["各社区", "2026年3月5日"]) == ""


def test_a_sites_own_name_in_the_title_is_no_unit():
    assert unit("某某科技官网文明单位创建方案") == ""
    assert unit("星河集团官方网站创建省级文明单位工作方案") == ""


# --- years ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "opening",
    [
        "为深入推进文明创建，力争到2027年底建成省级文明单位，特制定本方案。",
        "为深入推进文明创建，确保至2028年成功创建全国文明城市，特制定本方案。",
        "为巩固创建成果，截至2027年全面达标，制定本方案。",
    ],
)
def test_a_deadline_year_is_not_the_plans(opening):
    assert meta("精神文明建设工作方案", [opening, *BODY[1:]]).years == []


@pytest.mark.parametrize(
    ("title", "opening", "want"),
    [
        ("2026-2027学年文明校园创建工作计划", BODY[0], [2026, 2027]),
        ("2026—2027学年度第一学期文明校园创建工作计划", BODY[0], [2026, 2027]),
        ("文明校园创建工作计划", "为做好2026-2027学年文明校园创建工作，特制定本计划。", [2026, 2027]),
        ("20XX年文明单位创建工作方案", BODY[0], []),
        ("20__年文明单位创建工作方案", BODY[0], []),
        ("文明单位创建工作方案", "为做好2026年度文明创建工作，力争到2028年底建成省级文明单位，特制定本方案。", [2026]),
        ("2026年创建市级文明校园实施方案", "为加强学校文明建设，我校决定在2026—2027学年开展创建活动，特制定本方案。", [2026, 2027]),
        ("2026年创建市级文明校园实施方案", "为加强学校文明建设，总结2025-2026学年创建经验，特制定本方案。", [2026]),
    ],
)
def test_years_a_title_or_opening_states(title, opening, want):
    assert meta(title, [opening, *BODY[1:]]).years == want


# --- titles ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "2026年文明家风活动方案（精选多篇）推荐第1篇：文明家风活动方案范文一：为大力弘扬好家风，特制定如下方案。一、指导思想",
        "2026年文明家风活动方案(精选3篇)精选第1篇:文明家风活动方案范文1:为大力弘扬好家风，特制定如下方案。一、指导思想",
        "文明家风活动方案（通用5篇）推荐篇1：文明家风活动方案模板一：为大力弘扬好家风，特制定如下方案。一、指导思想",
    ],
)
def test_a_compilation_title_glued_to_its_first_plan_is_split(line):
    parts = titles.unglue(line)
    assert titles.read_title(parts[0]).counted
    assert titles.read_title(parts[1]).text == "文明家风活动方案"
    assert parts[2].startswith("为大力弘扬好家风")


def plans(text: str):
    return parse.parse_plans(clean.clean_text(text, source="page.txt"))


PLAN = """为深入推进全国文明城市创建，提升居民文明素质，结合本社区实际，特制定本方案。

一、指导思想

以习近平新时代中国特色社会主义思想为指导，全面提升社区文明程度。

二、主要任务

1、开展环境卫生整治活动，每月组织一次大扫除。

2、开展志愿服务活动，组建社区志愿服务队。
"""


@pytest.mark.parametrize(
    "above",
    [
        "",
        "社区创建文明城市工作方案怎么写？\n\n答：下面是一个社区的写法，供参考。\n\n",
        "问：社区创建文明城市的工作方案怎么写？\n\n答：方案一般包括指导思想、工作目标和主要任务几个部分。\n\n（1）明确指导思想和目标。\n\n（2）细化任务分工。\n\n",
    ],
)
def test_an_answers_numbered_plan_title_names_the_plan(above):
    found = plans(above + "（3）荻港社区创建全国文明城市工作方案\n\n" + PLAN)
    assert len(found) == 1
    assert found[0].title == "荻港社区创建全国文明城市工作方案"
    assert found[0].meta.unit == "荻港社区"
    assert found[0].preamble[0].startswith("为深入推进全国文明城市创建")


def test_an_answers_numbered_plan_title_over_an_opening_lead_in():
    found = plans("问：学雷锋活动方案怎么写？\n\n答：供参考。\n\n（2）石门小学学雷锋主题月活动方案\n\n为弘扬雷锋精神，学校决定开展主题月活动，方案如下：\n\n一、活动主题\n\n学习雷锋好榜样。\n")
    assert [plan.title for plan in found] == ["石门小学学雷锋主题月活动方案"]


def test_a_numbered_section_heading_under_an_opening_is_no_title():
    found = plans("为促进我乡精神文明建设，经乡党委研究，做出如下安排：\n\n一、指导思想\n\n以人为本。\n\n三、制定实施方案\n\n为确保落实，各村要制定方案。\n")
    assert len(found) == 1
    assert found[0].title != "制定实施方案"


# --- pages with no plan ---------------------------------------------------------------------

LISTED = ["芦花社区文明创建工作方案", "石门小学文明校园创建工作计划", "县林业局文明单位创建实施方案", "2026年文明家庭评选活动方案", "柿子村文明村镇创建工作方案"]


@pytest.mark.parametrize(
    "lines",
    [
        ["文明创建工作方案", *LISTED],
        ["文明创建", *(f"{title} 2026-03-0{day}" for day, title in enumerate(LISTED, 1))],
        [*(f"{title}  2026.03.0{day}" for day, title in enumerate(LISTED, 1))],
        ["文明单位", "".join(f"· {title} 2026-03-0{day}" for day, title in enumerate(LISTED, 1)) + "共 96 条首页上一页 1 2 3 下一页", "· 我们的节日", "· 道德讲堂"],
    ],
)
def test_a_page_listing_other_pages_titles_holds_no_plan(lines):
    assert plans("\n\n".join(lines)) == []


@pytest.mark.parametrize(
    "lines",
    [
        [LISTED[0], "一、主要任务", "1、制定各科室文明创建工作方案", "2、制定干部职工学习培训计划"],
        [*LISTED[:3], "为推进文明创建，特制定本方案。"],
        [*LISTED[:3], "开展文明创建活动要坚持以人民为中心统筹推进城乡文明建设不断提升群众的获得感和幸福感让文明成为城市最亮丽的风景线和最动人的名片"],
    ],
)
def test_a_plan_cut_short_or_with_a_sentence_is_still_a_plan(lines):
    assert len(plans("\n\n".join(lines))) == 1


# --- levels ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "want"),
    [
        ("我县正在创建省级文明县城，我局作为成员单位，全力争创市级文明单位。", ("文明单位", "市级")),
        ("全市上下争创全国文明城市，本校力争创建省级文明校园。", ("文明校园", "省级")),
        ("为助力我市创建全国文明城市，我院争创省级文明单位。", ("文明单位", "省级")),
        ("我县正在创建省级文明县城，全县各单位积极参与。", ("文明县城", "省级")),
    ],
)
def test_the_plans_own_unit_aiming_at_a_target_wins_over_the_places_campaign(opening, want):
    got = meta("精神文明建设工作方案", [opening, *BODY[1:]])
    assert (got.target, got.level) == want


@pytest.mark.parametrize(
    "opening",
    ["年底评选镇级“文明家庭”30户，推荐县级文明家庭5户。", "今年向市里推荐市级“文明家庭”十户。", "评选表彰区级文明家庭20户、最美家庭10户。"],
)
def test_a_quota_of_honours_awarded_to_others_is_no_level_the_plan_aims_at(opening):
    got = meta("文明家庭创建活动方案", [opening, *BODY[1:]])
    assert (got.target, got.level) == ("文明家庭", "")


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("争创省文明县城实施方案", ("文明县城", "省级")),
        ("创建全国县级文明城市工作方案", ("文明城市", "全国")),
        ("创建自治区级文明单位工作方案", ("文明单位", "省级")),
        ("争创“全国文明城市”工作方案", ("文明城市", "全国")),
        ("创建省级巾帼文明岗实施方案", ("巾帼文明岗", "省级")),
        ("创建地市级文明校园工作计划", ("文明校园", "市级")),
    ],
)
def test_levels_of_every_kind_of_target(title, want):
    got = meta(title)
    assert (got.target, got.level) == want


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("关于印发白芷县林业局创建省级文明单位工作方案的通知", ("白芷县林业局", "白芷县")),
        ("关于印发《白芷县林业局创建省级文明单位工作方案》的通知", ("白芷县林业局", "白芷县")),
        ("关于转发市林业局创建文明单位方案的通知", ("市林业局", "")),
        ("关于印发创建文明单位工作方案的通知", ("", "")),
    ],
)
def test_a_notice_titles_lead_words_are_no_part_of_the_unit_or_place(title, want):
    got = meta(title)
    assert (got.unit, got.region) == want


def test_the_name_a_text_abbreviates_as_itself_is_the_unit():
    body = ["为推进文明创建，白芷县林业局（以下简称“我局”）决定开展创建活动。", *BODY[1:]]
    assert unit(body=body) == "白芷县林业局"
    body = ["为推进文明创建，根据《创建方案》（以下简称《方案》）要求，结合我局实际，制定本方案。", *BODY[1:]]
    assert (unit(body=body), meta("精神文明建设工作方案", body).unit_anonymised) == ("", True)


def test_a_bare_name_the_text_writes_in_full_only_with_a_placeholder_is_anonymised():
    body = ["为弘扬雷锋精神，特制定本方案。", "一、活动内容", "开展义诊活动。", "XX县中医院党委", "2026年3月1日", "附件1", "活动安排表"]
    got = meta("2026年中医院学雷锋志愿服务活动方案", body)
    assert (got.unit, got.unit_anonymised) == ("", True)
    got = meta("2026年中医院学雷锋志愿服务活动方案", BODY, ["白芷县中医院", "2026年3月1日"])
    assert (got.unit, got.unit_anonymised) == ("白芷县中医院", False)


def test_a_posts_repost_title_yields_to_the_documents_own_heading_under_the_posters_remark():
    text = "转载：卫生院重阳节敬老活动方案\n\n前两天单位让写方案，翻出去年的改了改，放这里存一下，需要的朋友可以参考。\n\n青萝镇卫生院2026年重阳节敬老爱老活动方案\n\n" + PLAN
    assert [plan.title for plan in plans(text)] == ["青萝镇卫生院2026年重阳节敬老爱老活动方案"]


REPORT = [
    "芦溪县召开创建省级文明城市推进会",
    "5月9日上午，芦溪县召开创建省级文明城市工作推进会，县委副书记出席会议并讲话。",
    "会议通报了前一阶段创建工作情况，县住建局、县城管局作了表态发言。",
    "会议指出，创建文明城市是一项系统工程，要坚持问题导向，补齐短板。",
    "会议强调，各责任单位要压实责任，确保各项任务落到实处。",
]


def test_a_news_report_about_a_campaign_holds_no_plan():
    assert plans("\n\n".join(REPORT)) == []


@pytest.mark.parametrize(
    "lines",
    [
        [*REPORT[:3], "一、整治环境卫生", "组织开展大扫除。", *REPORT[3:]],
        [*REPORT[:3], "为确保创建取得实效，特制定本方案。", *REPORT[3:]],
        ["芦溪县创建省级文明城市工作方案", *REPORT[1:]],
    ],
)
def test_a_plan_that_reports_a_meeting_is_still_a_plan(lines):
    assert len(plans("\n\n".join(lines))) == 1


def test_a_question_and_answer_pages_labels_between_the_remarks_do_not_end_the_run():
    text = (
        "单位让交一份学雷锋月的活动方案，有没有现成的可以参考一下，最好是完整的，谢谢各位了！\n\n悬赏：10 金币\n\n我有更好的答案\n\n"
        "给你一份我们去年用过的，改一下名字就能用：\n\nXX小学2026年学雷锋主题月活动方案\n\n" + PLAN
    )
    (plan,) = plans(text)
    assert plan.title == "XX小学2026年学雷锋主题月活动方案"
    assert plan.preamble[0].startswith("为深入推进全国文明城市创建")


def test_a_places_committee_and_government_signing_as_one_line_are_the_place():
    assert unit(context=["中共杏林镇委员会杏林镇人民政府", "2026年3月1日"]) == "杏林镇"
    assert unit("杏林镇2026年创建省级文明村镇工作方案", context=["中共杏林镇委员会杏林镇人民政府", "2026年3月1日"]) == "杏林镇"


@pytest.mark.parametrize("name", ["云岫移动营业厅", "白芷县人民医院门诊部", "白芷县政务服务大厅", "云岫高速服务区"])
def test_the_counters_a_youth_or_women_post_names_are_units(name):
    assert unit(f"{name}创建青年文明号活动方案") == name


def test_a_printing_office_over_its_dated_line_stands_for_its_organ():
    assert unit(context=["白芷县统计局办公室", "2026年4月2日印发"]) == "白芷县统计局"
    assert unit(context=["白芷县统计局办公室", "2026年4月2日"]) == "白芷县统计局办公室"


@pytest.mark.parametrize(
    ("signer", "want"),
    [
        ("芦荡社区党支部  芦荡社区居委会", "芦荡社区"),
        ("芦荡社区党支部芦荡社区居民委员会", "芦荡社区"),
        ("中共竹溪村支部委员会  竹溪村村民委员会", "竹溪村"),
        ("白芷县精神文明建设指导委员会办公室", "白芷县精神文明建设指导委员会办公室"),
        ("白芷县文明城市创建指挥部", "白芷县文明城市创建指挥部"),
        ("白芷县创建全国文明城市工作领导小组办公室", "白芷县创建全国文明城市工作领导小组办公室"),
    ],
)
def test_a_communitys_branch_and_committee_or_a_campaign_body_signing(signer, want):
    assert unit(context=[signer, "2026年3月1日"]) == want


@pytest.mark.parametrize("name", ["白芷一中", "城关二小", "白芷县三中", "白芷县职业中专", "县一中"])
def test_a_school_named_by_its_number_is_a_unit(name):
    assert unit(f"{name}创建文明校园工作方案") == name


def test_an_ordinal_word_is_no_school():
    assert unit("第一小组文明创建活动方案") == ""


@pytest.mark.parametrize("label", ["范文：", "模板：", "优秀范文:", "参考例文："])
def test_a_sites_label_before_the_title_is_no_part_of_it(label):
    assert titles.read_title(label + "白芷社区文明家风活动方案").text == "白芷社区文明家风活动方案"
