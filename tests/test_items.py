"""Items, not headings: a numbered line that is one whole sentence is a task.

Each category has two or more members worded differently and a near miss of the same shape.
"""
from __future__ import annotations

import pytest

from scripts.models import walk_sections
from scripts.parse.outline import parse_outline


def shape(body: list[str]) -> list[tuple[str, list[str]]]:
    """(section title, its item texts) for every section, in order."""
    return [(s.title, [i.text for i in s.items]) for s in walk_sections(parse_outline(body).sections)]


@pytest.mark.parametrize(
    "body",
    [
        # a run of numbered one-sentence tasks straight under the preamble
        ["为巩固创建成果，现就今年工作安排如下：", "1、开展文明科室评比，年终评选先进科室3个。", "2、实行无烟机关管理，会议室一律禁止吸烟。"],
        # the same numbered 一、二、, each ending with a semicolon
        ["社区今年重点做好以下几项工作。", "一、组织党员每月到楼院开展志愿服务，参与环境清理；", "二、建立文明家庭档案，按户分类归档；"],
    ],
)
def test_a_numbered_sentence_with_nothing_after_it_is_an_item(body):
    sections = shape(body)
    items = [text for _, texts in sections for text in texts]
    tasks = [line.split("、", 1)[1] for line in body[1:]]
    assert items == tasks
    assert all("，" not in title for title, _ in sections)  # no sentence became a heading


@pytest.mark.parametrize(
    "body, expected",
    [
        # a run-in heading: a short lead, then its sentence
        (["（六）严格考核。各科室要按月报送创建进度。"], [("严格考核", ["各科室要按月报送创建进度。"])]),
        # a lead with no clause, nothing after it: still a heading's name
        (["1、加强组织领导。", "2、营造创建氛围。"], [("加强组织领导", []), ("营造创建氛围", [])]),
    ],
)
def test_a_short_lead_stays_a_heading(body, expected):
    assert shape(body) == expected
