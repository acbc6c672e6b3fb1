"""Titles and units of an article copied from a social feed: the headline wraps the plan's name in
the feed's words (a series tag in quotes before a separator, a call such as 来啦！ after it), and the
opening asks the addressees to act (请各社区…), which names no unit. Every name here is invented."""
from __future__ import annotations

import pytest

from scripts import clean, parse
from scripts.parse import titles

BODY = [
    "各社区、各单位：",
    "为深入开展“我们的节日·中秋”主题活动，弘扬传统文化，街道文明办制定了中秋节系列活动方案，请各社区结合实际认真组织实施。",
    "一、活动时间",
    "2025年9月20日至9月28日",
    "二、活动内容",
    "（一）“月圆邻里”联欢活动",
    "各社区组织居民、志愿者开展中秋联欢，为独居老人送去月饼。",
]


def first_plan(headline: str):
    text = "\n".join([headline, *BODY]) + "\n"
    return parse.parse_plans(clean.clean_bytes(text.encode("utf-8"), "feed.txt"))[0]


@pytest.mark.parametrize(
    ("headline", "title"),
    [
        ("“我们的节日·中秋”丨南湖街道中秋节系列活动方案来啦！", "南湖街道中秋节系列活动方案"),
        ("【节日活动】｜南湖街道中秋节系列活动方案出炉了", "南湖街道中秋节系列活动方案"),
        ("南湖街道中秋节系列活动方案来了~", "南湖街道中秋节系列活动方案"),
        ("南湖街道2025年中秋节活动安排请查收！", "南湖街道2025年中秋节活动安排"),
    ],
)
def test_a_feed_headline_gives_the_plan_its_name(headline, title):
    assert titles.read_title(headline).text == title
    assert first_plan(headline).title == title


@pytest.mark.parametrize("line", ["中秋佳节的好消息来了", "南湖街道中秋节系列活动方案", "南湖街道中秋游园会，来了"])
def test_a_call_is_cut_only_after_a_genre_word(line):
    assert titles.read_title(line).text == line


def test_a_series_tag_goes_only_before_a_separator():
    assert titles.read_title("“南湖”丨中秋节活动方案").text == "中秋节活动方案"
    assert titles.read_title("“南湖”中秋节活动方案").text == "“南湖”中秋节活动方案"


def test_a_request_to_the_addressees_names_no_unit():
    assert first_plan("南湖街道中秋节系列活动方案").meta.unit == ""  # 街道文明办 names no place: no unit, not 请各社区


BLOG_BODY = [
    "为把青溪网点办成全城口碑最好的营业厅，支行今年争创市级文明单位，现结合网点实际制定方案如下：",
    "一、总体思路",
    "围绕客户最关心的排队、收费和适老服务三件事，以创建带服务，以服务立口碑。",
    "二、工作措施",
    "（一）每月请礼仪老师给柜员上一堂课，柜员上岗一律挂牌、着行服。",
]


def test_a_poster_remark_between_the_page_title_and_the_fuller_own_heading():
    """A blog prints its page title, the poster's words, then the document's own heading: the heading wins."""
    own = "宏达农商银行青溪支行2026年创建市级文明单位工作方案"
    lines = ["青溪支行创建市级文明单位工作方案", "单位让写创建方案，自己整理了一份，放在这里给同行参考。", own, *BLOG_BODY]
    plan = parse.parse_plans(clean.clean_bytes("\n".join(lines).encode("utf-8"), "blog.txt"))[0]
    assert plan.title == own
    assert plan.meta.unit == "宏达农商银行青溪支行"


def test_a_short_paragraph_under_a_title_stays_the_body_when_no_fuller_title_follows():
    lines = ["青溪支行创建市级文明单位工作方案", "单位让写创建方案，自己整理了一份，放在这里给同行参考。", "志愿服务活动安排", *BLOG_BODY]
    plan = parse.parse_plans(clean.clean_bytes("\n".join(lines).encode("utf-8"), "blog.txt"))[0]
    assert plan.title == "青溪支行创建市级文明单位工作方案"


TWO_LINE_BODY = [
    "为深入开展创建活动，充分发挥青年员工在优质服务中的作用，结合中心工作实际，制定本方案。",
    "一、创建目标",
    "力争年内成功创建青年文明号，把服务中心打造成服务一流的示范集体。",
]


@pytest.mark.parametrize(
    ("first", "second", "title"),
    [
        ("华岭电力公司营销部客户服务中心", "创建全国青年文明号工作方案", "华岭电力公司营销部客户服务中心创建全国青年文明号工作方案"),
        ("南湖区税务局第二税务分局（办税服务厅）", "2024年创建“巾帼文明岗”实施方案", "南湖区税务局第二税务分局（办税服务厅）2024年创建“巾帼文明岗”实施方案"),
    ],
)
def test_a_unit_alone_on_the_line_above_joins_its_title(first, second, title):
    plan = parse.parse_plans(clean.clean_bytes("\n".join([first, second, *TWO_LINE_BODY]).encode("utf-8"), "two.txt"))[0]
    assert plan.title == title


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("华岭电力公司营销部客户服务中心", "华岭电力公司2024年创建青年文明号工作方案"),  # the title names its unit itself
        ("青年文明号创建工作", "2024年创建青年文明号工作方案"),  # a heading of the site, no unit's name
    ],
)
def test_no_join_when_the_title_names_its_unit_or_the_line_above_is_no_unit(first, second):
    plan = parse.parse_plans(clean.clean_bytes("\n".join([first, second, *TWO_LINE_BODY]).encode("utf-8"), "two.txt"))[0]
    assert plan.title == second
