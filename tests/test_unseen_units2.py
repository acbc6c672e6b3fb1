"""The unit of a plan of a place that calls itself by the place's kind (我县, 本村, a title opening
全省…): the region of that kind, else the place's name the text repeats; never a phrase ending in
the kind's character (文明县城, 城乡, 是我乡), and never for a department's plan (我局). Invented."""
from __future__ import annotations

import pytest

from scripts.models import PageMeta
from scripts.parse.metadata import extract_metadata


def unit(title: str, body=(), context=()) -> str:
    return extract_metadata(title, list(body), list(context), PageMeta()).unit


def test_a_county_plan_names_the_county_it_repeats():
    body = [
        "为提高市民文明素质，优化我县发展环境，加快创建省级文明县城，建设富裕柘县，特制定本方案。",
        "一、主要任务",
        "各部门要为建设平安柘县、和谐柘县出力。",
    ]
    assert unit("创建文明县城实施方案", body) == "柘县"


def test_a_village_plan_names_its_village_from_separate_mentions():
    body = ["今年我村将评选十户最美家庭。", "青石村范围内的家庭皆可参与。", "2、青石村委将设立光荣榜。"]
    assert unit("最美家庭评选活动方案", body) == "青石村"


def test_a_title_over_the_whole_province_names_the_province():
    body = ["围绕山西发展大局，在全省开展文明餐桌活动。", "一、主要内容", "助推文明山西建设。"]
    assert unit("全省开展文明餐桌活动实施方案", body) == "山西省"


@pytest.mark.parametrize(
    "body",
    [
        ["为加快创建文明县城，我县各部门要做好工作，文明县城创建人人有责。"],  # 县城 is a word
        ["我乡要统筹城乡发展，推进城乡一体，这是我乡的大事。"],  # 城乡, 是我乡: phrases
        ["我局要服务富裕柘县、和谐柘县，为我县发展出力。"],  # a department's plan
        ["今年要建设富裕柘县、和谐柘县。"],  # never calls itself 我县
    ],
)
def test_no_place_from_a_phrase_or_for_a_department(body):
    assert unit("文明创建工作方案", body) == ""
