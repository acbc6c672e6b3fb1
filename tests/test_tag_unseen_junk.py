"""Lines that are not items get no activity type, by their shape (rules/tagging.yml, not_item), whatever
plan they sit in: a campaign plan's kind (学雷锋 …) must not make a member list or a date an activity.
Every line here is invented for these tests, in the shapes plans of other sites take: bare headings,
member lists, field lines (who, when, where, which department), dates, names of a station or team
alone, and pieces of sentences. Next to them, items of the same look that are activities keep their types."""
from __future__ import annotations

import pytest

from scripts.tag.tagger import tag_item

PLAN = "某某社区2030年学雷锋志愿服务活动方案"
HEADINGS = ["二、活动内容"]

JUNK = [
    # a heading alone, numbered or labelled
    "三、活动内容",
    "（二）具体安排：",
    "第二阶段：宣传发动",
    "（三）开展关爱空巢老人活动",
    "五、工作要求",
    "第一阶段（3月1日—3月10日）：宣传发动阶段",
    "具体安排如下：",
    # a member list, the role named alone or with its body
    "组长：王某某",
    "副组长：李某某、张某某",
    "成员：各科室负责人",
    "组 长：某某（局长）",
    "成员单位：区文明办、团区委、区妇联",
    "领导小组成员：某某、某某、某某",
    "办公室主任：某某某",
    "志愿服务队队长：某某",
    "联络员：各支部宣传委员",
    # who, when, where, with what: a field line
    "时间：2030年3月5日上午9:00",
    "活动地点：敬老院",
    "主持人：某某",
    "主讲人：某某教授",
    "受邀嘉宾：社区老党员代表",
    "参会人员：全体干部职工",
    "活动经费：从工会经费中列支",
    "装备：红马甲、小红帽",
    "备注：雨天顺延",
    "注：以上时间如有变动另行通知。",
    # the department in charge and the deadline
    "责任部门：办公室",
    "牵头部门：宣传部 配合部门：各社区",
    "责任人：各支部书记",
    "完成时限：6月底前",
    "责任单位：团委、志愿者协会",
    "（责任科室：宣传科）",
    # a date, a period or an hour alone
    "2030年3月5日（星期二）",
    "每月第一个周六",
    "农历九月初九",
    "星期六上午",
    # a station, a team or a body named alone (a signature)
    "某某社区新时代文明实践站",
    "某某镇学雷锋志愿服务队",
    "某某小学红领巾志愿服务队",
    "某某村妇女之家",
    "某某街道社区书屋",
    "某某区妇女联合会",
    # a piece of a sentence
    "为了使广大中小学生了解我市创建文明城市的目的、",
    "的目的、意义和要求",
    "等多种形式",
    "志愿服务活动的",
]


@pytest.mark.parametrize("line", JUNK)
def test_a_line_that_is_no_item_gets_no_type(line):
    assert tag_item(PLAN, HEADINGS, line) == []
    assert tag_item("", [], line) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a station or team that does something is an item
        ("某某社区志愿服务站每周六组织志愿者上门看望空巢老人。", {"学雷锋志愿服务", "关爱帮扶"}),
        ("每个村建成一个新时代文明实践站，常态化开展文明实践活动。", {"新时代文明实践"}),
        # a role, a note or a time word that only starts a sentence
        ("领导小组成员要带头参加志愿服务活动。", {"学雷锋志愿服务"}),
        ("注重挖掘志愿服务中的好人好事，及时宣传。", {"学雷锋志愿服务", "身边好人"}),
        ("主持人培训：组织志愿者参加道德讲堂主持技巧培训。", {"学雷锋志愿服务", "道德讲堂"}),
        ("每月第一个周六组织志愿者到敬老院慰问老人。", {"学雷锋志愿服务", "关爱帮扶"}),
        # a sentence ending in 目的 is whole
        ("组织学生参观烈士陵园，达到爱国主义教育的目的", {"爱国主义教育"}),
    ],
)
def test_an_item_of_the_same_look_keeps_its_types(text, expected):
    assert expected <= set(tag_item("", HEADINGS, text))
