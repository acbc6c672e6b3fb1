"""extract_metadata on shapes of sites nobody had seen: years a scheduling clause states, and a
unit name read from a title that must not be cut inside a word.

Every case is written for its category: two or more members worded differently, and a near miss
of the same shape that must not be read.
"""
import pytest

from scripts.models import PageMeta
from scripts.parse.metadata import extract_metadata


def meta(title: str, body=(), context=()):
    return extract_metadata(title, list(body), list(context), PageMeta())


# ---------------------------------------------------------------------------
# Years: a clause of the opening that schedules the plan's activity
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "opening, years",
    [
        (["为提升窗口服务水平，经支部研究，营业所决定在2024年开展优质服务竞赛活动。", "一、活动目标"], [2024]),
        (["为弘扬传统美德，经党组研究，决定2025年在全系统开展孝老爱亲主题活动。"], [2025]),
        (["为推动全员读书，机关党委决定从2023年3月起每月举办一次读书分享会，现制定方案如下。"], [2023]),
        (["为培育文明乡风，镇党委、镇政府决定，从2021年起，用两年时间开展移风易俗行动。"], [2021]),
        (["为丰富职工生活，工会拟于2026年组织开展健步走系列活动。"], [2026]),
        (["为改善校园环境，学校将于2022年4月至6月开展“净美校园”行动。"], [2022]),
    ],
)
def test_years_a_scheduling_clause_of_the_opening_states(opening, years):
    assert meta("窗口服务竞赛活动方案", opening).years == years


def test_years_the_carrying_notice_schedules():
    """A notice carries the plan: its decision dates the plan whose own heading and body state none."""
    context = [
        "县文明办关于开展“文明餐桌”行动的通知",
        "各乡镇、县直各单位：",
        "为倡导节约风尚，经研究，决定于2027年5月至9月在全县开展“文明餐桌”行动。现将实施方案印发给你们。",
    ]
    got = meta("“文明餐桌”行动实施方案", ["一、工作目标", "餐饮单位普遍推行公筷公勺。"], context)
    assert got.years == [2027]


@pytest.mark.parametrize(
    "opening",
    [
        # a deadline or a day, not the period
        ["为做好年度考核，局党组决定于2024年12月20日前完成各科室自查。"],
        # a target year, not a schedule
        ["为建设书香机关，我们计划2028年建成职工书屋。"],
        # the year stands before the decision: a past decision, not the plan's schedule
        ["市委于2019年决定在全市推行志愿服务积分制。"],
        # past the opening lines: a step of the plan, not its period
        ["为营造浓厚氛围，特制定本方案。", "一、活动内容", "（一）宣讲。决定在2023年6月举办宣讲比赛。"],
    ],
)
def test_no_years_from_a_deadline_a_target_or_a_later_step(opening):
    assert meta("志愿服务活动方案", opening).years == []


def test_the_title_year_wins_over_a_scheduling_clause():
    body = ["为深化文明创建，局党组决定在2021年开展“文明科室”评选。"]
    assert meta("2022年文明科室评选方案", body).years == [2022]


@pytest.mark.parametrize(
    "opening, years",
    [
        (["为做好2024年度精神文明建设工作，结合单位实际，制定以下实施方案。"], [2024]),
        (["为扎实推进2025年文明校园创建，特制定以下工作计划："], [2025]),
        # the year of a cited document is not the plan's
        (["按照《2023年全市文明创建工作要点》要求，制定以下方案。"], []),
    ],
)
def test_years_of_a_sentence_naming_the_following_plan(opening, years):
    assert meta("文明创建工作方案", opening).years == years


# ---------------------------------------------------------------------------
# Units: a name read from a title ends where a word ends
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, unit",
    [
        ("翠竹社区2024年“我们的节日·中秋”活动方案", "翠竹社区"),  # a named area, not 翠竹社
        ("滨江办公区2023年文明创建工作方案", ""),  # not 滨江办
        ("晨光报社2024年文明单位创建方案", "晨光报社"),  # 社 ends the word here
        ("青石镇文化站2023年文明创建方案", "青石镇文化站"),
    ],
)
def test_a_title_name_is_not_cut_inside_a_word(title, unit):
    assert meta(title, ["为深化文明创建，特制定本方案。"]).unit == unit


@pytest.mark.parametrize(
    "title",
    ["某县争创全国县级文明城市实施方案", "X镇2024年文明村镇创建工作计划", "某社区创建文明社区活动方案", "某区巩固全国文明城区创建成果工作要点"],
)
def test_a_place_left_unnamed_marks_the_unit_anonymised(title):
    result = meta(title, ["为做好创建工作，制定本方案。"])
    assert (result.unit, result.unit_anonymised) == ("", True)


@pytest.mark.parametrize(
    "title, unit",
    [("青山县争创全国县级文明城市实施方案", "青山县"), ("全县争创全国县级文明城市实施方案", ""), ("某些科室作风整改工作方案", "")],
)
def test_named_places_and_other_words_are_not_anonymised(title, unit):
    result = meta(title, ["为做好创建工作，制定本方案。"])
    assert (result.unit, result.unit_anonymised) == (unit, False)


@pytest.mark.parametrize(
    "title, unit, region",
    [
        ("中共青山县委宣传部2023年精神文明建设工作要点", "中共青山县委宣传部", "青山县"),
        ("国网青山县供电公司创建文明单位工作方案", "国网青山县供电公司", "青山县"),
        ("共青团白鹭市委青年文明号创建活动方案", "共青团白鹭市委", "白鹭市"),
    ],
)
def test_an_organisations_prefix_is_not_part_of_its_place(title, unit, region):
    result = meta(title, ["为做好创建工作，制定本方案。"])
    assert (result.unit, result.region) == (unit, region)


def test_a_prefix_word_alone_names_no_place():
    assert meta("中共中央文件学习活动方案", ["为做好学习，制定本方案。"]).region == ""


# ---------------------------------------------------------------------------
# Level: a place's last character before 创建 is not a level
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, body, level",
    [
        ("白鹭市创建文明城市工作方案", ["为推进创建工作，制定本方案。"], ""),  # 市 ends the city's name
        ("青山县创建文明县城工作方案", ["为创建省级文明县城，制定本方案。"], "省级"),  # the body states it
        ("枫桥镇创建文明村镇实施方案", ["全镇动员，制定本方案。"], ""),
    ],
)
def test_a_place_before_chuangjian_states_no_level(title, body, level):
    assert meta(title, body).level == level


@pytest.mark.parametrize(
    "title, level",
    [("白鹭市创建省级文明城市方案", "省级"), ("市级创建文明单位实施方案", "市级"), ("省文明城市创建工作方案", "省级")],
)
def test_a_level_written_as_one_still_counts(title, level):
    assert meta(title, ["为推进创建工作，制定本方案。"]).level == level


@pytest.mark.parametrize(
    "opening, unit",
    [
        ("2023年，翠柳社区精神文明创建以评选文明楼栋为抓手，每季度评比一次。", "翠柳社区"),
        ("2024年，石泉社区将以邻里互助为重点，组建楼栋志愿服务小队。", "石泉社区"),
    ],
)
def test_a_named_area_opening_the_plans_first_sentence_is_its_unit(opening, unit):
    assert meta("居民文明素养提升安排", [opening]).unit == unit


def test_an_area_without_a_name_of_its_own_is_no_unit():
    assert meta("居民文明素养提升安排", ["2023年，本社区精神文明创建以评选文明楼栋为抓手。"]).unit == ""
