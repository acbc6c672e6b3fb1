"""The unit by the kind of evidence a reader uses on pages of sites never seen: the signature after
the body, the issuing body of a carrying notice, the title's own unit, the opening sentence, a
制定单位 line, and a place standing for its government; never the site's own chrome. Sectors and
word orders no page of the corpus has (courts, tax offices, banks, schools, streets, villages,
state firms, faculties, traffic police). Every name here is invented."""
from __future__ import annotations

import pytest

from scripts.models import PageMeta
from scripts.parse.metadata import extract_metadata

BODY = ["为扎实推进精神文明建设，提升干部职工文明素养，特制定本方案。", "一、主要任务", "办好道德讲堂，每季度一次。"]


def unit(title: str, body=BODY, context=(), page_meta=None) -> str:
    return extract_metadata(title, list(body), list(context), page_meta or PageMeta()).unit


# --- the signature after the body: a name, then a date ----------------------------------------

# name as signed → the unit as a reader names it (a community's or village's committee as it signs)
NAMED = {
    "白鹭县人民法院": "白鹭县人民法院",
    "国家税务总局青岗区税务局": "国家税务总局青岗区税务局",
    "中国农业银行青岗支行": "中国农业银行青岗支行",
    "青岗区中医医院": "青岗区中医医院",
    "青岗市第三中学": "青岗市第三中学",
    "青岗区柳岸街道办事处": "青岗区柳岸街道办事处",
    "柳岸街道办事处": "柳岸街道办事处",
    "青岗区东篱社区居民委员会": "青岗区东篱社区居民委员会",
    "东篱社区居委会": "东篱社区居委会",
    "柳塘村村民委员会": "柳塘村村民委员会",
    "柳塘村委会": "柳塘村委会",
    "青岗能源集团有限公司": "青岗能源集团有限公司",
    "青岗能源集团": "青岗能源集团",
    "青岗县公安局交通警察大队": "青岗县公安局交通警察大队",
    "青岗县公安局交警大队": "青岗县公安局交警大队",
    "青岗大学经济管理学院": "青岗大学经济管理学院",
}
SIGNERS = list(NAMED)


@pytest.mark.parametrize("name", SIGNERS)
@pytest.mark.parametrize("date", ["2025年3月6日", "二〇二五年三月六日", "2025-03-06"])
def test_a_signature_on_its_own_line_names_the_unit(name, date):
    assert unit("精神文明建设工作计划", BODY + [name, date]) == NAMED[name]


@pytest.mark.parametrize("name", SIGNERS)
def test_a_signature_with_its_date_on_one_line_names_the_unit(name):
    assert unit("文明单位创建实施方案", BODY + [f"{name}  2024年12月20日"]) == NAMED[name]


# --- the issuing body of a carrying notice ------------------------------------------------------

ISSUERS = NAMED | {name: name for name in ["中共青岗区委精神文明建设委员会办公室", "青岗市创建全国文明城市工作指挥部"]}


@pytest.mark.parametrize("name", ISSUERS)
def test_a_notice_opening_with_its_issuer_names_it(name):
    context = [f"{name}关于印发《2025年文明创建工作方案》的通知", "各科室："]
    assert unit("2025年文明创建工作方案", BODY, context) == ISSUERS[name]


@pytest.mark.parametrize("name", ISSUERS)
def test_a_notice_signed_under_its_text_names_its_signer(name):
    context = ["关于印发《2025年文明创建工作方案》的通知", "各科室：", "现将方案印发给你们，请认真贯彻落实。", name, "2025年2月8日"]
    assert unit("2025年文明创建工作方案", BODY, context) == ISSUERS[name]


@pytest.mark.parametrize(
    ("title", "signer"),
    [
        ("青岗区2024年学雷锋志愿服务活动方案", "中共青岗区委精神文明建设委员会办公室"),
        ("青岗市2019年创建全国文明城市工作实施方案", "青岗市创建全国文明城市工作指挥部"),
        ("白鹭县2025年文明交通行动方案", "白鹭县文明办"),
        ("柳岸街道2023年垃圾分类工作方案", "青岗区柳岸街道办事处"),
        ("柳塘镇2024年移风易俗工作方案", "柳塘镇人民政府"),
    ],
)
def test_the_signer_of_the_notice_wins_over_the_place_the_title_opens_with(title, signer):
    context = [f"关于印发《{title}》的通知", "各有关单位：", "现将方案印发给你们，请认真贯彻执行。", signer, "2024年3月1日"]
    assert unit(title, BODY, context) == signer


def test_the_place_stays_when_the_signer_is_of_another_place():
    context = ["关于转发《白鹭县2025年文明交通行动方案》的通知", "各科室：", "青岗市交通运输局", "2025年3月1日"]
    assert unit("白鹭县2025年文明交通行动方案", BODY, context) == "白鹭县"


# --- the title's own unit -----------------------------------------------------------------------


@pytest.mark.parametrize("name", SIGNERS)
@pytest.mark.parametrize(
    "pattern",
    ["{}关于开展文明单位创建活动的实施方案", "{}2025年精神文明建设工作要点", "{}创建省级文明单位工作方案", "{}2024—2026年文明创建规划"],
)
def test_a_title_opening_with_a_unit_names_it(name, pattern):
    assert unit(pattern.format(name)) == NAMED[name]


# --- the opening sentence -----------------------------------------------------------------------


@pytest.mark.parametrize("name", SIGNERS)
@pytest.mark.parametrize(
    "opening",
    [
        "为深入推进文明单位创建，{}决定在全体干部职工中开展“文明岗位”评比活动。",
        "为贯彻落实上级部署，经{}研究，决定开展道德讲堂活动。",
        "为进一步提升服务水平，结合{}工作实际，制定本方案。",
        "近年来，{}坚持以创建促发展，精神文明建设取得明显成效。",
        "为推动精神文明建设再上新台阶，现就{}2025年精神文明建设工作安排如下。",
        "{}（以下简称“我单位”）始终把文明创建作为一项基础工程。",
    ],
)
def test_the_opening_sentence_names_the_unit(name, opening):
    assert unit("道德讲堂活动方案", [opening.format(name), "一、活动内容", "每季度举办一期。"]) == NAMED[name]


# --- a 制定单位 / 发布单位 line ------------------------------------------------------------------------


@pytest.mark.parametrize("name", SIGNERS)
@pytest.mark.parametrize("label", ["制定单位：", "发布单位：", "起草单位：", "编制单位:", "签发单位："])
def test_a_label_line_naming_who_wrote_it_names_the_unit(name, label):
    assert unit("文明餐桌行动方案", BODY + [f"{label}{name}"]) == NAMED[name]


@pytest.mark.parametrize("label", ["责任单位：", "具体组织单位：", "配合单位：", "牵头单位："])
def test_a_duty_label_names_no_author(label):
    assert unit("文明餐桌行动方案", BODY + [f"{label}青岗区中医医院"]) == ""


# --- the site's chrome is never the unit --------------------------------------------------------


@pytest.mark.parametrize(
    "chrome",
    [
        "欢迎访问白鹭县人民法院网站",
        "首页 > 青岗区税务局 > 党建园地",
        "当前位置：首页 > 青岗市第三中学 > 校园文化",
        "版权所有：青岗能源集团有限公司",
        "主办：青岗区中医医院  备案号：ICP备12345678号",
    ],
)
def test_a_chrome_line_is_never_the_unit(chrome):
    assert unit("文明单位创建工作方案", BODY, [chrome]) == ""


def test_the_site_host_is_never_the_unit():
    meta = PageMeta(url="https://www.bailuxianfayuan.gov.cn/dj/2025/0306.html")
    assert unit("文明单位创建工作方案", BODY, (), meta) == ""


# --- a place standing for its government --------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("白鹭县2025年创建省级文明县城工作方案", "白鹭县"),
        ("青岗市文明城市创建三年行动计划", "青岗市"),
        ("柳岸街道精神文明建设工作要点", "柳岸街道"),
        ("柳塘村文明村创建实施方案", "柳塘村"),
        ("2024年青岗区新时代文明实践工作安排", "青岗区"),
    ],
)
def test_a_title_opening_with_a_place_names_the_place(title, want):
    assert unit(title) == want


def test_a_place_signed_for_by_its_party_committee_and_government_together_stays_the_place():
    context = ["现将《白鹭县2025年文明交通行动方案》印发给你们，请认真贯彻执行。", "中共白鹭县委", "白鹭县人民政府", "2025年3月1日"]
    assert unit("白鹭县2025年文明交通行动方案", BODY, context) == "白鹭县"


@pytest.mark.parametrize("signer", ["社区居委会", "村委会", "街道办事处", "集团"])
def test_a_committee_or_body_without_its_own_name_names_no_unit(signer):
    assert unit("精神文明建设工作计划", BODY + [signer, "2025年3月6日"]) == ""
