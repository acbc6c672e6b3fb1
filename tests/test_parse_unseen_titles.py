"""Titles of kinds unseen sites print: a reading-aid edition label after the title (（带拼音版）), a title
printed as the lead-in of the items under it (XX工作方案如下：), and a compilation whose last pieces are
listed with nothing under them (the page was cut there). Every title here is invented."""
from __future__ import annotations

import pytest

from scripts.parse.split import split_plans
from scripts.parse.titles import read_title


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("2026年敬老月志愿服务活动方案（带拼音版）", "2026年敬老月志愿服务活动方案"),
        ("青禾小学文明礼仪月活动计划(拼音版)", "青禾小学文明礼仪月活动计划"),
        ("绿洲社区邻里节活动方案【注音版】", "绿洲社区邻里节活动方案"),
        ("书香家庭评选活动方案（带注音）", "书香家庭评选活动方案"),
        ("清明节网上祭英烈活动方案（带拼音版、可编辑）", "清明节网上祭英烈活动方案"),
        ("幼儿园文明小天使评选方案[拼音版]", "幼儿园文明小天使评选方案"),
        ("2027年学雷锋月活动安排（注音版）", "2027年学雷锋月活动安排"),
        ("南渡镇文明村创建工作要点（带拼音版）", "南渡镇文明村创建工作要点"),
        ("家风家训征集活动方案 (拼音版)", "家风家训征集活动方案"),
        ("少先队文明中队创建计划（word版，带拼音版）", "少先队文明中队创建计划"),
        ("“我们的节日·端午”活动方案（带拼音版）", "“我们的节日·端午”活动方案"),
    ],
)
def test_a_reading_aid_edition_is_no_part_of_the_title(line, want):
    assert read_title(line).text == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("白桦街道2026年创建文明街道工作方案如下：", "白桦街道2026年创建文明街道工作方案"),
        ("第三税务所2027年创建巾帼文明岗工作计划如下:", "第三税务所2027年创建巾帼文明岗工作计划"),
        ("西岭村移风易俗专项行动方案如下", "西岭村移风易俗专项行动方案"),
        ("本季度文明交通劝导活动安排如下：", "本季度文明交通劝导活动安排"),
        ("2026年志愿服务重点工作要点如下：", "2026年志愿服务重点工作要点"),
        ("县图书馆全民阅读推广计划如下 ：", "县图书馆全民阅读推广计划"),
        ("东港码头文明窗口创建实施方案如下：", "东港码头文明窗口创建实施方案"),
        ("晨光幼儿园文明校园三年规划如下：", "晨光幼儿园文明校园三年规划"),
        ("2028年度道德讲堂活动方案如下：", "2028年度道德讲堂活动方案"),
        ("市中心血站无偿献血宣传月工作方案如下:", "市中心血站无偿献血宣传月工作方案"),
    ],
)
def test_a_title_printed_as_a_lead_in_loses_its_如下(line, want):
    assert read_title(line).text == want


def test_如下_after_no_genre_word_is_not_taken_off():
    assert read_title("活动流程如下：").text == "活动流程如下"


@pytest.mark.parametrize("cut", [1, 2, 3, 4, 5])
def test_listed_pieces_with_nothing_under_them_are_no_plans(cut):
    lines = ["社区文明实践活动方案精选6篇", "【第1篇】松林社区文明实践活动方案", "为丰富居民生活，特制定本方案。", "一、每月开展一次文明实践活动。",
             "【第2篇】柳岸社区文明实践活动方案", "为弘扬新风，特制定本方案。", "一、组建志愿服务队。"]
    names = ["学校", "医院", "机关", "企业", "景区"][:cut]
    lines += [f"【第{number}篇】{name}文明实践活动方案" for number, name in enumerate(names, 3)]
    chunks = split_plans(lines)
    assert [chunk.title for chunk in chunks] == ["松林社区文明实践活动方案", "柳岸社区文明实践活动方案"]
    assert len(chunks[-1].context) >= cut  # the listed titles stay, as context: nothing lost
