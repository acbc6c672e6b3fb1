"""Chrome in wordings no rule names, placed where blind sites put it: between a plan's paragraphs, and lines that
an inline rule leaves as a stub. The plan's own short lines in the same places stay.

Every page here is invented in the shapes such sites print.
"""
import pytest

from conftest import page_lines
from scripts.clean.chrome import strip_chrome

TITLE = "县卫生院2025年文明单位创建工作方案"
BODY = [
    "为深入推进精神文明建设，巩固文明单位创建成果，结合本院实际，制定本方案。",
    "一、工作目标",
    "坚持以社会主义核心价值观为引领，广泛开展志愿服务活动，组织职工参加文明实践，落实创建责任。",
    "二、组织领导",
    "组长：孙立新",
    "副组长：周红、钱明",
    "三、工作措施",
    "各科室要加强组织领导，明确责任分工，把创建工作与业务工作同部署、同检查、同落实。",
    "联系电话：0391-7654321",
    "附件：1.创建任务分解表",
]
SIGN = ["县卫生院", "2025年2月20日"]


def between(line: str) -> str:
    """The page with ``line`` set between the plan's first paragraphs."""
    return page_lines(TITLE, [*BODY[:3], line, *BODY[3:]], tail=SIGN)


PLAN = page_lines(TITLE, BODY, tail=SIGN)


@pytest.mark.parametrize(
    "line",
    ["用户登录", "热门文章排行", "下载文档查看全文", "微信扫码关注我们", "点击加载更多", "扫码下载APP"],
)
def test_a_widget_between_the_plans_paragraphs_goes(line):
    result = strip_chrome(between(line))
    assert [s.rule for s in result.removed] == ["chrome.furniture.score"]
    assert result.text == PLAN


@pytest.mark.parametrize(
    "line", ["资料收集", "推荐评选", "四、宣传发动", "（二）微信公众号宣传", "联系人：孙立新", "时间：2025-03-05", "免费资料，欢迎下载。"]
)
def test_a_plans_short_line_between_its_paragraphs_stays(line):
    result = strip_chrome(between(line))
    assert result.removed == []


@pytest.mark.parametrize("line", ["本文共4页，当前第2页", "剩余内容已隐藏，开通会员即可查看"])
def test_a_stub_an_inline_cut_leaves_goes_with_it(line):
    result = strip_chrome(between(line))
    assert sorted("".join(s.text for s in result.removed)) == sorted(line)
    assert result.text == PLAN


def test_a_heading_that_only_loses_its_markup_keeps_its_word():
    result = strip_chrome(between("#### 引言"))
    assert "引言" in result.text.splitlines()


@pytest.mark.parametrize("line", ["…… 本文未完，登录后查看全文", "查看完整版", "未完待续 获取完整版"])
def test_a_preview_wall_in_new_words_below_the_plan_goes(line):
    result = strip_chrome(PLAN + "\n" + line)
    assert [s.rule for s in result.removed] == ["chrome.furniture.score"]
    assert result.text == PLAN


@pytest.mark.parametrize("line", ["官方微博", "全屏阅读", "—— 摘自某某资料站", "文章出自：某某公文网"])
def test_a_sites_accounts_tools_and_sources_below_the_plan_go(line):
    result = strip_chrome(PLAN + "\n" + line)
    assert [s.rule for s in result.removed] == ["chrome.furniture.score"]
    assert result.text == PLAN
