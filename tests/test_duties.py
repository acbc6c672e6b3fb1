"""split_duties and extract_phases: who leads a task, who supports it, and the plan's timeline."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.models import Phase
from scripts.parse.duties import extract_phases, split_duties
from scripts.parse.outline import parse_outline
from scripts.parse.split import split_plans

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "parse"
TASK = "开展道德讲堂活动，每季度不少于一次。"


@pytest.mark.parametrize(
    ("note", "lead", "support"),
    [
        ("（牵头单位：机关党委，责任单位：各处室、单位）", ["机关党委"], ["各处室", "各单位"]),
        ("（牵头单位：机关党委、人教处，责任单位：各处室、单位）", ["机关党委", "人教处"], ["各处室", "各单位"]),
        ("（牵头单位：机关党委、厅工会，责任单位：相关处室、单位）", ["机关党委", "厅工会"], ["相关处室", "相关单位"]),
        ("（牵头单位：后勤服务中心）", ["后勤服务中心"], []),
        ("（牵头单位：厅机关各处室、单位）", ["厅机关各处室", "厅机关各单位"], []),
        ("（牵头单位：厅工会、各协会组织、兴趣小组）", ["厅工会", "各协会组织", "兴趣小组"], []),
        ("（机关党委负责，办公室协助）", ["机关党委"], ["办公室"]),
        ("（机关党委负责，办公室、各科室协助）", ["机关党委"], ["办公室", "各科室"]),
        ("(机关党委负责,工会妇委会、办公室、各科室协助)", ["机关党委"], ["工会妇委会", "办公室", "各科室"]),
        ("（机关党委负责，办公室、各科室协助", ["机关党委"], ["办公室", "各科室"]),  # bracket never closed
        ("（由政工科牵头，团支部、妇委会配合）", ["政工科"], ["团支部", "妇委会"]),
        ("（办公室、财务科负责）", ["办公室", "财务科"], []),
        ("（责任领导：王副局长；责任科室：办公室、财务科）", ["王副局长"], ["办公室", "财务科"]),
        ("（责任单位：党建办、工会）", ["党建办", "工会"], []),
    ],
)
def test_duty_notes(note, lead, support):
    assert split_duties(TASK + note) == (TASK, lead, support)


def test_labelled_duties_at_the_end_without_brackets():
    assert split_duties("开展文明餐桌行动。责任单位：办公室、工会") == ("开展文明餐桌行动。", ["办公室", "工会"], [])
    assert split_duties("开展文明餐桌行动。牵头部门：办公室；配合部门：各股室。") == ("开展文明餐桌行动。", ["办公室"], ["各股室"])


def test_full_stop_after_the_note_is_kept():
    assert split_duties("开展志愿服务活动（团支部负责）。") == ("开展志愿服务活动。", ["团支部"], [])


@pytest.mark.parametrize(
    "text",
    [
        "以文明交通、文明旅游、文明观赛（观演）等为重点。",
        "起草《创建工作方案（2019-2020年）》",
        "日常工作由办公室负责。",
        "各科室要认真落实（具体见附件）",
        "开展“文明科室”评比（每年一次，年底进行）",
    ],
)
def test_text_without_a_duty_note_is_unchanged(text):
    assert split_duties(text) == (text, [], [])


def phases_of(name: str, year=None):
    (chunk,) = split_plans((FIXTURES / f"{name}.txt").read_text(encoding="utf-8").split("\n"))
    return extract_phases(parse_outline(chunk.body).sections, chunk.body, year=year)


def test_seed_003_four_phases_from_numbered_paragraphs():
    phases = phases_of("003")
    assert [(p.name, p.start, p.end) for p in phases] == [
        ("筹备发动阶段", "2019-11", "2019-11"),
        ("组织实施阶段", "2019-12", "2020-02"),
        ("总结提高阶段", "2020-03", "2020-03"),
        ("自查迎检阶段", "2020-04", "2020-04"),
    ]
    assert phases[0].text.startswith("起草《湖南省财政厅创建全国文明单位工作方案（2019-2020年）》，成立组织机构")


def test_seed_004_three_phases_from_headings_month_only_or_with_the_plan_year():
    phases = phases_of("004")
    assert [(p.name, p.start, p.end) for p in phases] == [
        ("宣传发动阶段", "02", "04"),
        ("全面实施阶段", "04", "10"),
        ("巩固、迎验阶段", "10", "12"),
    ]
    assert phases[2].text.startswith("本阶段精神文明创建办公室根据全年开展创建工作情况")
    assert [(p.start, p.end) for p in phases_of("004", year=2023)][0] == ("2023-02", "2023-04")


def test_phases_written_as_steps_and_plain_lines():
    lines = [
        "第一步：动员部署（3月1日—3月15日）。召开动员大会，印发创建方案。",
        "第二步：全面推进（2021年4月至11月）。对照测评体系逐项落实。",
        "本阶段要加强督查。",
        "创建工作分两个阶段进行。",
    ]
    assert extract_phases([], lines, year=2021) == [
        Phase(name="动员部署", start="2021-03-01", end="2021-03-15", text="召开动员大会，印发创建方案。"),
        Phase(name="全面推进", start="2021-04", end="2021-11", text="对照测评体系逐项落实。"),
    ]


def test_heading_phase_takes_its_paragraphs_and_other_headings_are_not_phases():
    body = ["五、实施步骤", "（一）准备阶段（2022年3月）", "成立领导小组，制定方案。", "（二）阶段性目标", "完成年度任务。"]
    phases = extract_phases(parse_outline(body).sections, body)
    assert phases == [Phase(name="准备阶段", start="2022-03", end="2022-03", text="成立领导小组，制定方案。")]
