"""Lines of a section that are not items: fields of any qualifier, parts the page left out.

Each category has two or more members worded differently and a near miss of the same shape.
"""
from __future__ import annotations

import pytest

from scripts.models import walk_sections
from scripts.parse.outline import parse_outline


def shape(body: list[str]) -> list[tuple[str, list[str]]]:
    """(section title, its item texts) for every section, in order."""
    return [(s.title, [i.text for i in s.items]) for s in walk_sections(parse_outline(body).sections)]


def notes(body: list[str]) -> list[tuple[str, str]]:
    return [(n.kind, n.text) for s in walk_sections(parse_outline(body).sections) for n in s.notes]


@pytest.mark.parametrize(
    "body, value",
    [
        (["一、讲堂地点", "机关五楼会议室", "二、讲堂内容", "观看道德模范事迹短片，交流学习体会。"], "机关五楼会议室"),
        (["一、测评时间", "11月下旬至12月上旬，具体时间另行通知", "二、测评内容", "对照测评体系逐项自查整改。"],
         "11月下旬至12月上旬，具体时间另行通知"),
        (["一、宣讲安排", "宣讲对象：全体村民和返乡青年", "组织宣讲员进村入户开展政策宣讲。"], "宣讲对象：全体村民和返乡青年"),
    ],
)
def test_a_field_of_any_qualifier_is_a_note_not_an_item(body, value):
    """活动时间 / 讲堂地点 / 测评时间 / 宣讲对象: the qualifier before the field label is what the
    field is of, whatever the activity is called; the tasks around it stay items."""
    assert notes(body) == [("field", value)]
    assert value not in [text for _, texts in shape(body) for text in texts]


def test_a_task_under_a_heading_that_is_no_field_stays_an_item():
    body = ["一、工作措施", "机关五楼会议室改建为道德讲堂", "二、工作要求", "各科室要按月报送进度。"]
    assert notes(body) == []
    assert shape(body)[0] == ("工作措施", ["机关五楼会议室改建为道德讲堂"])


@pytest.mark.parametrize("line", ["指导思想（略）", "（此处内容省略）", "领导小组名单（略）", "以下略。"])
def test_a_part_the_page_left_out_is_no_item(line):
    body = ["一、总体要求", line, "二、主要任务", "开展文明劝导志愿服务。"]
    assert notes(body) == [("fragment", line)]


@pytest.mark.parametrize("line", ["实施人才强局战略", "会议议程略作调整，请各单位注意。", "简略介绍先进事迹，组织集中学习。"])
def test_words_ending_in_lue_that_are_tasks_stay_items(line):
    body = ["一、主要任务", line, "二、工作要求", "各科室要按月报送进度。"]
    assert shape(body)[0] == ("主要任务", [line])
