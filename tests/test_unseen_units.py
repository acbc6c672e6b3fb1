"""The unit where pages of unseen sites name it: a sentence introducing it, a seal's note after the
signature, a lead-in reporting the document, a bracket closing the title, and the school or
hospital a plan calls 我校 / 我院. Each shape has a near miss that must name nothing. Invented."""
from __future__ import annotations

import pytest

from scripts import clean, parse
from scripts.models import PageMeta
from scripts.parse.metadata import extract_metadata, normalise_unit


def unit(title: str, body=(), context=()) -> str:
    return extract_metadata(title, list(body), list(context), PageMeta()).unit


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (["白沙区人民医院是一所二级综合医院，职工四百余人。"], "白沙区人民医院"),
        (["白沙区实验中学现有教职工一百二十人。"], "白沙区实验中学"),
        (["白沙区图书馆位于城区中心。"], "白沙区图书馆"),
        (["创建文明单位是一项长期任务。"], ""),
        (["参评对象为石桥社区辖区内住户。"], "石桥社区"),  # a scope, read as before
    ],
)
def test_a_sentence_introducing_the_unit_names_it(body, want):
    assert unit("文明单位创建工作方案", body) == want


@pytest.mark.parametrize("seal", ["（盖章）", "(公章)"])
def test_a_seal_note_after_the_signature_is_no_part_of_the_name(seal):
    body = ["为做好今年的创建工作，拟定本计划。", "一、主要任务", "办好道德讲堂。"]
    assert unit("精神文明建设工作计划", body, [f"白沙区水务局{seal}", "2025年1月6日"]) == "白沙区水务局"


@pytest.mark.parametrize(
    ("lead_in", "want"),
    [
        ("近日，白沙区水务局印发《2025年文明单位创建工作方案》，全文如下：", "白沙区水务局"),
        ("日前，白沙区文明办印发《2025年文明单位创建工作方案》，原文如下：", "白沙区文明办"),
        ("近日，记者从有关方面获悉，全文如下：", ""),
    ],
)
def test_a_lead_in_reporting_the_document_names_its_issuer(lead_in, want):
    assert unit("2025年文明单位创建工作方案", ["为把创建做实，拟定本方案。"], [lead_in]) == want


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("文明单位创建工作方案（白沙区人民医院）", "白沙区人民医院"),
        ("文明单位创建工作方案（试行）", ""),
        ("文明单位创建工作方案（2025年）", ""),
        ("白沙区水务局文明单位创建工作方案（试行）", "白沙区水务局"),
    ],
)
def test_a_bracket_closing_the_title_may_name_the_unit(title, want):
    assert unit(title, ["为把创建做实，拟定本方案。"]) == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (["为把我院创建做实，拟定本方案。", "一、目标", "把白沙区人民医院建成文明单位。"], "白沙区人民医院"),
        (["为推进本校文明校园创建，拟定本方案。", "一、目标", "白沙区实验中学全体师生参与创建。"], "白沙区实验中学"),
        (["为把我院创建做实，拟定本方案。", "一、目标", "与市人民医院结对共建。"], ""),  # no place of its own
        (["为把我局创建做实，拟定本方案。", "一、分工", "白沙区财政局负责经费保障。"], ""),  # another bureau
    ],
)
def test_a_school_or_hospital_that_calls_itself_ours_is_the_one_it_names(body, want):
    assert unit("文明单位创建工作方案", body) == want


@pytest.mark.parametrize(
    ("opening", "want"),
    [
        ("根据上级部署，结合白沙区水务局工作实际，拟定本计划。", "白沙区水务局"),
        ("为做好今年工作，现就白沙区水务局精神文明建设拟定如下计划。", "白沙区水务局"),
        ("根据上级部署，结合我局实际，拟定本计划。", ""),
        ("根据上级部署，结合全市实际，拟定本计划。", ""),
    ],
)
def test_a_clause_fitting_the_plan_to_its_unit_names_it(opening, want):
    assert unit("精神文明建设工作计划", [opening, "一、主要任务"]) == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (["近年来，白沙区水务局始终坚持两手抓。"], "白沙区水务局"),
        (["多年来，白沙区水务局高度重视创建。"], "白沙区水务局"),
        (["为推进创建，经白沙区水务局党组会议研究，拟定本方案。"], "白沙区水务局"),
        (["为推进创建，确保白沙区水务局顺利通过复查，拟定本方案。"], "白沙区水务局"),
        (["为推进创建，推动白沙区水务局争创省级文明单位，拟定本方案。"], "白沙区水务局"),
        (["一、目标", "白沙区水务局力争年内建成市级文明单位。"], "白沙区水务局"),
        (["近年来，各单位始终坚持两手抓。"], ""),
        (["为推进创建，确保全区顺利通过测评，拟定本方案。"], ""),
    ],
)
def test_the_unit_as_the_subject_or_object_of_the_opening(body, want):
    assert unit("文明单位创建工作方案", body) == want


@pytest.mark.parametrize(
    "signature",
    [
        ["(白沙区水务局 2025年2月10日)"],
        ["抄送：区文明办", "白沙区水务局办公室 2025年2月10日印发"],
    ],
)
def test_a_bracketed_signature_or_a_printing_line_names_the_organ(signature):
    assert unit("2025年文明单位创建工作方案", ["为把创建做实，拟定本方案。"], signature) == "白沙区水务局"


def test_an_office_that_signs_without_printing_stays_itself():
    assert unit("2025年工作方案", ["为把创建做实，拟定本方案。"], ["县委办公室", "2025年2月10日"]) == "县委办公室"


@pytest.mark.parametrize(
    "table",
    [["发布机构：白沙区水务局  发文日期：2025-02-10"], ["索引号：000014349/2025-00012", "发文机关：白沙区水务局", "成文日期：2025年02月10日"]],
)
def test_a_government_pages_disclosure_table_names_the_issuer(table):
    text = "\n".join(table + ["2025年文明单位创建工作方案", "为把创建做实，拟定本方案。", "一、目标", "通过复查。"])
    (plan,) = parse.parse_plans(clean.clean_text(text, source="page.txt"))
    assert plan.meta.unit == "白沙区水务局"


def test_a_subtitle_naming_its_case_names_the_unit():
    assert unit("2025年文明单位创建工作方案", ["——以白沙区水务局为例", "为把创建做实，拟定本方案。"]) == "白沙区水务局"
    assert unit("2025年文明单位创建工作方案", ["——以党建引领创建为例", "为把创建做实，拟定本方案。"]) == ""


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("关于白沙区水务局创建市级文明单位的实施方案", "白沙区水务局"),
        ("关于在白沙区水务局开展文明单位创建活动的实施方案", "白沙区水务局"),
        ("《白沙区水务局2025年文明单位创建工作方案》", "白沙区水务局"),
        ("关于培育和践行文明新风的实施意见", ""),  # a verb after 关于, not a name
    ],
)
def test_a_unit_after_a_titles_lead_word(title, want):
    assert unit(title, ["为把创建做实，拟定本方案。"]) == want


@pytest.mark.parametrize(("line", "want"), [("作者：白沙区水务局", "白沙区水务局"), ("作者：王芳", "")])
def test_an_author_line_names_the_unit_only_when_it_is_an_organisation(line, want):
    text = "\n".join(["2025年文明单位创建工作方案", line, "为把创建做实，拟定本方案。", "一、目标", "通过复查。"])
    (plan,) = parse.parse_plans(clean.clean_text(text, source="page.txt"))
    assert plan.meta.unit == want


@pytest.mark.parametrize("signer", ["白沙区水务局精神文明建设领导小组", "白沙区水务局文明创建领导小组办公室", "白沙区水务局创建办"])
def test_a_units_leading_group_signing_the_plan_is_the_unit(signer):
    assert unit("2025年文明单位创建工作方案", ["为把创建做实，拟定本方案。"], [signer, "2025年2月10日"]) == "白沙区水务局"


def test_a_citys_creation_office_stays_itself():
    assert normalise_unit("市创建办") == "市创建办"  # 市 alone is no unit
