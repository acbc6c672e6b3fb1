"""Repair keeps what numbers a plan and the line a title stands on (issue 14: nothing of the plan lost).

Every text here is invented.
"""
import pytest

from scripts.clean.repair import repair_text


def repaired(text: str) -> str:
    return repair_text(text)[0]


@pytest.mark.parametrize(
    "line",
    [
        "村文明创建活动方案1为贯彻落实上级部署，结合我村实际，制定本方案。",
        "篇2为巩固创建成果，提升居民文明素质，特制定本方案。",
        "详见附件1和表3，各村对照落实。",
        "社区志愿服务计划2为进一步弘扬志愿精神，制定本计划。",
        "每个科室请2至3名职工参加，各支部选派2到3人。",
    ],
)
def test_a_digit_numbering_a_part_or_a_kind_of_document_stays(line):
    assert repaired(line) == line + "\n"


@pytest.mark.parametrize("line, clean", [("精1神文明建设", "精神文明建设"), ("推进文1明创建", "推进文明创建")])
def test_a_digit_stuck_inside_a_word_is_still_noise(line, clean):
    assert repaired(line) == clean + "\n"


def test_a_title_line_under_a_long_paragraph_is_not_joined_to_it():
    notice = "各村、社区：现将《某某镇文明创建工作方案》印发给你们，请认真贯彻落实，抓好各项工作。附件：某某镇文明创建工作方案"
    text = "\n".join([notice, "某某镇文明创建工作方案", "为深入推进精神文明建设，结合本镇实际，制定本方案。"])
    assert repaired(text) == text + "\n"


def test_a_long_paragraph_cut_before_its_rest_is_still_joined():
    first = "各村、社区要把文明创建与乡村振兴结合起来，统筹推进农村人居环境整治、移风易俗、文明家庭评选、道德讲堂建设和"
    text = "\n".join([first, "志愿服务等工作，确保各项任务落到实处。"])
    assert repaired(text) == first + "志愿服务等工作，确保各项任务落到实处。\n"


def test_an_apostrophe_between_an_ascii_quote_and_a_word_goes_in_the_first_repair():
    # the quote becomes “ after this step: the second repair would otherwise find the mark beside it
    once = repaired('精"\'精"')
    assert once == "精“精”\n"
    assert repaired(once) == once


def test_an_apostrophe_after_an_ascii_comma_goes_in_the_first_repair():
    once = repaired("精,'精")
    assert once == "精，精\n"
    assert repaired(once) == once
