"""The plan's years in the forms unseen sites write them: ranges with a dash, 至 or ~, 年度 and 学年,
years in Chinese numerals (a range too: 二〇二四至二〇二六年), a 十四五 period (no year: []), and a
signature's or an issue date (a date, not the period). Every title and sentence here is invented."""
from __future__ import annotations

import pytest

from scripts.models import PageMeta
from scripts.parse.metadata import extract_metadata

BODY = ["为做好创建工作，特制定本方案。", "一、主要任务", "办好道德讲堂。"]


def years(title: str, body=BODY) -> list[int]:
    return extract_metadata(title, list(body), [], PageMeta()).years


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("2024—2026年文明单位创建规划", [2024, 2025, 2026]),
        ("2024-2026年度文明创建工作方案", [2024, 2025, 2026]),
        ("2024年至2026年文明创建规划", [2024, 2025, 2026]),
        ("2024~2026年文明创建三年行动计划", [2024, 2025, 2026]),
        ("2024年度—2026年度文明创建规划", [2024, 2025, 2026]),
        ("二〇二四年精神文明建设工作要点", [2024]),
        ("二〇二四至二〇二六年文明创建规划", [2024, 2025, 2026]),
        ("二〇二四—二〇二五年度文明窗口创建方案", [2024, 2025]),
        ("2024学年文明校园创建工作计划", [2024]),
        ("2024—2025学年文明校园创建工作计划", [2024, 2025]),
        ("2024年春季学期文明校园创建工作计划", [2024]),
        ("“十四五”精神文明建设规划", []),
        ("十四五时期文明城市创建规划", []),
        ("文明单位创建工作方案（2024年3月6日）", []),
    ],
)
def test_a_title_states_the_years_in_its_own_form(title, want):
    assert years(title) == want


def test_a_signature_date_is_not_the_plan_period():
    assert years("精神文明建设工作计划", BODY + ["青岗区中医医院", "二〇二五年三月六日"]) == []


def test_a_year_in_chinese_numerals_alone_stays_a_year_of_its_own():
    assert years("二〇二四年与二〇二五年工作衔接方案") == [2024]
