"""Units, levels and titles as pages of sites never seen print them (round two): the fullest name the
text gives for the unit that writes the plan (the title's 某某医院 signed by its 团委, a village signed
by its 村民委员会, a group by its 有限公司); two organs signing side by side are the place, never glued;
no level from a campaign the plan only supports or honours it recommends upwards; an asker's
question (求一份… / 谁有… / 有没有…) is never the plan's title. Every name here is invented."""
from __future__ import annotations

import pytest

from scripts import clean, parse
from scripts.models import PageMeta
from scripts.parse.metadata import extract_metadata

BODY = ["为扎实推进精神文明建设，提升干部群众文明素养，特制定本方案。", "一、主要任务", "开展文明实践志愿服务活动。"]


def meta(title: str, body=BODY, context=()):
    return extract_metadata(title, list(body), list(context), PageMeta())


def unit(title: str, body=BODY, context=()) -> str:
    return meta(title, body, context).unit


# --- the fullest name: the title's unit, and its organ signing or opening ------------------------


@pytest.mark.parametrize(
    ("title", "signer"),
    [
        ("栖霞县中医院药剂科创建青年文明号活动方案", "栖霞县中医院团委"),
        ("栖霞县中医院药剂科创建青年文明号活动方案", "栖霞县中医院药剂科团支部"),
        ("苇塘村移风易俗实施方案", "苇塘村村民委员会"),
        ("栖霞县芦花社区文明楼院评比方案", "栖霞县芦花社区居民委员会"),
        ("鸿远物流集团2025年创建文明单位工作方案", "鸿远物流集团有限公司"),
        ("市水务局机关节约型机关建设方案", "市水务局机关事务中心"),
        ("苇塘村2024年文明实践活动方案", "苇塘村新时代文明实践站"),
        ("栖霞县2025年未成年人思想道德建设工作要点", "栖霞县精神文明建设指导委员会办公室"),
        ("鸿远物流集团职工道德讲堂活动方案", "鸿远物流集团工会"),
    ],
)
def test_the_organ_of_the_titles_unit_signing_the_plan_is_the_unit(title, signer):
    assert unit(title, context=[signer, "2025年3月6日"]) == signer


def test_the_organ_of_the_titles_unit_opening_the_plan_is_the_unit():
    opening = "为弘扬勤俭节约的传统美德，市水务局机关事务中心决定在机关食堂开展光盘行动，特制定本方案。"
    assert unit("市水务局机关食堂光盘行动实施方案", [opening, *BODY[1:]]) == "市水务局机关事务中心"


def test_no_organ_is_added_that_the_text_does_not_write():
    assert unit("栖霞县中医院药剂科创建青年文明号活动方案") == "栖霞县中医院"
    assert unit("苇塘村移风易俗实施方案", context=["苇塘村", "2024年9月"]) == "苇塘村"


def test_a_bodys_general_office_signs_for_the_body():
    assert unit("市水务局2025年文明单位创建工作方案", context=["市水务局办公室", "2025年3月6日"]) == "市水务局"


def test_an_organ_of_another_unit_is_not_the_titles_units():
    assert unit("栖霞县中医院创建文明单位工作方案", context=["栖霞县卫生健康局团委", "2025年3月6日"]) == "栖霞县中医院"


# --- two organs side by side: the place, never the two glued ---------------------------------------


@pytest.mark.parametrize(
    "signer",
    [
        "芦湾镇苇塘村党支部  苇塘村村民委员会",
        "芦湾镇苇塘村党支部苇塘村村民委员会",
        "苇塘村党支部  苇塘村村民委员会",
        "中共苇塘村支部委员会  苇塘村村民委员会",
    ],
)
def test_a_villages_branch_and_committee_signing_together_are_the_village(signer):
    assert unit("苇塘村创建市级文明村工作方案", context=[signer, "2022年4月"]) == "苇塘村"


def test_a_places_party_committee_and_government_signing_together_are_the_place():
    assert unit("精神文明建设工作方案", context=["中共芦湾镇委员会  芦湾镇人民政府", "2025年3月6日"]) == "芦湾镇"


# --- levels nobody states -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "opening",
    [
        "为大力弘扬勤俭节约的传统美德，助力巩固全国文明城市创建成果，市商务局决定开展文明餐桌行动。",
        "各窗口要配合创建省级文明城市，做好优质服务。",
        "全体职工要服务创建全国文明城市大局。",
    ],
)
def test_a_campaign_the_plan_only_supports_gives_no_level(opening):
    got = meta("餐饮行业文明餐桌行动实施方案", [opening, *BODY[1:]])
    assert got.level == ""


@pytest.mark.parametrize(
    "opening",
    ["评选出一批镇级文明家庭，推荐一批县级文明家庭。", "年底择优推选3户市级文明家庭。", "向县文明委推报若干县级文明家庭。"],
)
def test_honours_recommended_upwards_give_no_level(opening):
    got = meta("文明家庭创建活动方案", [opening, *BODY[1:]])
    assert (got.target, got.level) == ("文明家庭", "")


def test_a_past_award_is_no_target_unless_the_plan_keeps_it():
    past = "苇塘村位于芦湾镇东部，2020年被评为县级文明村。"
    assert meta("苇塘村精神文明建设工作方案", [past, *BODY]).level == ""
    kept = "苇塘村2020年被评为县级文明村，今年要巩固县级文明村创建成果。"
    assert meta("苇塘村精神文明建设工作方案", [kept, *BODY]).level == "县级"


def test_selecting_at_the_plans_own_level_stays_the_target():
    got = meta("文明家庭创建活动方案", ["评选一批县级文明家庭。", *BODY[1:]])
    assert (got.target, got.level) == ("文明家庭", "县级")


# --- an asker's question is never the plan's title ------------------------------------------------

PLAN = "\n".join(
    [
        "为深入推进文明城市创建工作，提升居民文明素养，结合我社区实际，特制定本方案。",
        "一、工作目标",
        "1. 社区环境整洁有序，居民文明素质明显提升。",
        "二、主要措施",
        "1. 开展文明楼道评比活动。",
    ]
)


def plans(text: str):
    return parse.parse_plans(clean.clean_text(text, source="page.txt"))


@pytest.mark.parametrize(
    "question",
    ["求一份社区创建文明城市工作方案", "求一份社区创建文明城市工作方案，谢谢", "谁有社区创建文明城市工作方案",
     "有没有社区创建文明城市工作方案", "急求社区创建文明城市工作方案", "【求助】社区创建文明城市工作方案",
     "问：求一份社区创建文明城市工作方案", "提问：谁有社区创建文明城市工作方案", "哪位大神有社区创建文明城市工作方案"],
)
def test_an_askers_question_over_the_plan_is_no_title(question):
    (plan,) = plans(f"{question}\n\n{PLAN}\n")
    assert "求" not in plan.title and "有" not in plan.title
    assert not plan.meta.unit


@pytest.mark.parametrize("question", ["求一份社区创建文明城市工作方案，最好是今年的", "有没有社区创建文明城市工作方案"])
def test_the_plans_own_heading_wins_over_the_question_under_it(question):
    text = f"求一份社区创建文明城市工作方案 - 某某问答\n青柳社区创建文明城市工作方案\n{question}\n最佳答案\n{PLAN}\n"
    (plan,) = plans(text)
    assert plan.title == "青柳社区创建文明城市工作方案"


@pytest.mark.parametrize("duty", ["栖霞县中医院工会要组织职工参加志愿服务。", "栖霞县中医院团委结合实际，组织青年志愿者开展服务。"])
def test_an_organ_given_duties_in_the_body_is_not_the_unit(duty):
    body = [*BODY, "二、职责分工", duty]
    assert unit("栖霞县中医院创建文明单位工作方案", body) == "栖霞县中医院"


@pytest.mark.parametrize("heading", ["问题楼院整治工作方案", "求真务实作风建设活动方案"])
def test_a_heading_opening_with_a_question_word_is_still_a_title(heading):
    (plan,) = plans(f"{heading}\n\n{PLAN}\n")
    assert plan.title == heading
