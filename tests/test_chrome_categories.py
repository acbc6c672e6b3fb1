"""Chrome by category, in wordings no rule was written from (issue 14, third pass).

Each category has two or more members worded differently, and a near miss: plan content of the
same shape that must stay. Every page here is invented.
"""
import pytest

from conftest import page_lines, removed
from scripts.clean.chrome import strip_chrome

TITLE = "镇卫生院2025年文明单位创建工作方案"
BODY = [
    "为深入推进精神文明建设，巩固提升文明单位创建成果，结合本院实际，制定本方案。",
    "一、工作目标",
    "以社会主义核心价值观为引领，广泛开展志愿服务活动，组织职工参加文明实践，落实创建责任。",
    "二、主要措施",
    "各科室要加强组织领导，明确责任分工，把创建工作与日常工作同部署、同检查、同落实。",
]
SIGNATURE = ["镇卫生院", "2025年3月1日"]


def page(head=(), tail=(), body=BODY) -> str:
    return page_lines(TITLE, body, head, tail)


def assert_only_plan_left(result, tail=()):
    assert result.text == page(tail=tail)


# --- markup around a line hides its shape: it is cut first ------------------------------------


@pytest.mark.parametrize(
    "line, rule",
    [
        ("<p>发布时间：2024-03-05</p>", "chrome.publish.publish_date_line"),
        ('<div class="nav">上一篇：关于开展志愿服务的通知</div>', "chrome.related.prev_next"),
        ("&nbsp;&nbsp;返回顶部", "chrome.nav.back_links"),
    ],
)
def test_a_chrome_line_wrapped_in_markup_goes(line, rule):
    result = strip_chrome(page(head=[line]))
    assert rule in [s.rule for s in result.removed]
    assert_only_plan_left(result)


def test_a_plan_line_wrapped_in_markup_keeps_its_text():
    line = "<p>三、工作要求</p>"
    result = strip_chrome(page(body=[*BODY, line]))
    assert result.text.splitlines()[-1] == "三、工作要求"
    assert removed(result) == [("chrome.spam_html.html_tag", "<p>"), ("chrome.spam_html.html_tag", "</p>")]


def test_a_line_of_markup_alone_goes_whole():
    result = strip_chrome(page(body=[BODY[0], "<br/>", *BODY[1:]]))
    assert_only_plan_left(result)
