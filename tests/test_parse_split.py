"""split_plans on shapes of sites nobody had seen (issue 15): which line is the plan's own title, where a
compilation's plans begin and end. Each category has two or more members worded differently and a near miss.
"""
from __future__ import annotations

import pytest

from scripts.parse.split import split_plans


@pytest.mark.parametrize(
    "site_title, heading, intro",
    [
        ("2025年社区重阳节活动方案", "“九九重阳·情暖夕阳”敬老主题活动方案", "以下是小编整理的2025年社区重阳节活动方案，仅供参考。"),
        ("2023年机关学雷锋志愿服务活动计划", "“雷锋精神代代传”志愿服务月活动计划",
         "计划是对未来工作的安排。下面是本站为大家收集的2023年机关学雷锋志愿服务活动计划，欢迎阅读。"),
    ],
)
def test_a_title_the_site_intro_repeats_yields_to_the_heading_under_it(site_title, heading, intro):
    """The site's own name for a page (with a year the body repeats) sits above its removed intro;
    the document's heading printed under it is the plan's title."""
    body = ["为弘扬传统美德，社区决定于" + site_title[:4] + "10月开展主题活动，具体方案如下。", "一、活动对象", "辖区全体居民。"]
    (chunk,) = split_plans([site_title, heading, *body], (intro,))
    assert chunk.title == heading
    assert chunk.body == body


def test_an_intro_naming_the_lowest_title_or_none_changes_nothing():
    """Near misses: the intro repeats the lowest title (the document's own), or no title at all:
    nothing is dropped, and the title whose year the body repeats wins as without an intro."""
    lines = ["2025年社区重阳节活动方案", "重阳节敬老活动方案", "为弘扬传统美德，社区决定于2025年10月开展活动。", "一、活动对象"]
    (lowest,) = split_plans(lines, ("以下是小编整理的重阳节敬老活动方案，仅供参考。",))
    (other,) = split_plans(lines, ("以下是小编整理的活动方案范文，仅供参考。",))
    (plain,) = split_plans(lines)
    assert lowest.title == other.title == plain.title == "2025年社区重阳节活动方案"


def test_a_long_sharing_blurb_names_the_plan_and_stays_out_of_the_body():
    blurb = "《林场创建文明单位工作实施方案》由会员上传分享，免费在线阅读，更多相关内容在行业资料、党政司法、工作计划频道中查看"
    body = ["为做好创建工作，结合林场实际，制定本方案。", "一、工作目标", "创建市级文明单位。"]
    (chunk,) = split_plans([blurb, *body])
    assert (chunk.title, chunk.body) == ("林场创建文明单位工作实施方案", body)



@pytest.mark.parametrize("mark", ["»", ">", "›", "|"])
def test_a_sentence_under_the_title_with_a_mark_of_furniture_in_it_stays_in_the_body(mark):
    line = f"{mark}组织开展志愿服务，开展文明劝导，开展垃圾分类。"
    (chunk,) = split_plans(["某某社区文明创建工作方案", line, "一、工作目标"])
    assert chunk.body[0] == line


@pytest.mark.parametrize(
    "opening", ["根据县委部署，第四季度重点做好以下工作：", "结合本校实际，本学期安排以下项目：", "经研究，本年度重点抓好以下三个项目："]
)
def test_an_opening_sentence_ending_in_a_colon_after_a_label_like_word_is_the_body_s_first_line(opening):
    (chunk,) = split_plans(["某某中学2024年第四季度文明校园创建工作安排", opening, "一、开展文明礼仪月活动。"])
    assert chunk.body[0] == opening


def test_a_publish_label_under_the_title_is_still_no_part_of_the_body():
    (chunk,) = split_plans(["某某中学2024年文明校园创建工作安排", "作者：某某", "一、开展文明礼仪月活动。"])
    assert chunk.body == ["一、开展文明礼仪月活动。"]

@pytest.mark.parametrize(
    "collection, numbers",
    [("道德讲堂活动方案（精选2篇）", ["（一）", "（二）"]), ("道德讲堂活动方案汇总3篇", ["(1)", "(2)", "(3)"])],
)
def test_run_numbers_under_a_counted_compilation_title_come_off(collection, numbers):
    """Under a compilation's counted title the (一) (二) of a run are its markers, as 篇1 篇2 are."""
    lines = [collection]
    for number in numbers:
        lines += [f"道德讲堂活动方案{number}", "为弘扬传统美德，制定本方案。", "一、活动时间", "每月一次。"]
    chunks = split_plans(lines)
    assert [c.title for c in chunks] == ["道德讲堂活动方案"] * len(numbers)
    assert {c.collection for c in chunks} == {collection}


def test_run_numbers_without_a_counted_title_stay_the_plans_names():
    """Near miss: with no compilation title above, (1) (2) are all that tell the plans apart."""
    lines = []
    for number in ("(1)", "(2)"):
        lines += [f"道德讲堂活动方案{number}", "为弘扬传统美德，制定本方案。", "一、活动时间", "每月一次。"]
    assert [c.title for c in split_plans(lines)] == ["道德讲堂活动方案(1)", "道德讲堂活动方案(2)"]


@pytest.mark.parametrize(
    "first, second",
    [("社区创建文明城市工作方案（八篇）篇一", "篇二"), ("机关学雷锋活动计划篇1", "【篇2】")],
)
def test_a_title_numbered_at_its_end_and_markers_at_line_start_are_one_run(first, second):
    """A site numbers its first plan inside the title line and the next ones by a marker alone."""
    body = ["为推进创建工作，制定本方案。", "一、工作目标", "全面达标。"]
    lines = [first, *body, second]
    lines.append(first.split("（")[0].removesuffix("篇1"))  # a bare marker: its title on the next line
    lines += body
    chunks = split_plans(lines)
    assert len(chunks) == 2
    assert chunks[0].title == chunks[1].title == first.split("（")[0].removesuffix("篇1")
    assert chunks[0].body == chunks[1].body == body


def test_one_title_numbered_at_its_end_is_one_plan():
    lines = ["社区创建文明城市工作方案（八篇）篇一", "为推进创建工作，制定本方案。", "一、篇目安排", "全面达标。"]
    (chunk,) = split_plans(lines)
    assert chunk.title == "社区创建文明城市工作方案"


@pytest.mark.parametrize("last", ["篇3：楼院文明共建行动计划", "楼院文明共建行动计划（3）"])
def test_a_last_marker_with_nothing_under_it_begins_no_plan(last):
    """A page cut after its last marker (the rest behind a paywall): that plan was never printed;
    its line stays in the previous plan's context."""
    plan = ["为推进创建工作，制定本计划。", "一、工作目标", "创成市级文明社区。"]
    numbered = "篇{}：楼院文明共建行动计划" if last.startswith("篇") else "楼院文明共建行动计划（{}）"
    lines = [numbered.format(1), *plan, numbered.format(2), *plan, last]
    chunks = split_plans(lines)
    assert [c.body for c in chunks] == [plan, plan]
    assert chunks[-1].context[-1].startswith("楼院文明共建行动计划")


def test_a_last_plan_with_a_line_under_it_is_a_plan():
    plan = ["为推进创建工作，制定本计划。", "一、工作目标"]
    lines = ["篇1：楼院文明共建行动计划", *plan, "篇2：楼院文明共建行动计划", *plan, "篇3：楼院文明共建行动计划", "为推进创建工作，制定本计划。"]
    assert len(split_plans(lines)) == 3


@pytest.mark.parametrize(
    "first, collection",
    [("社区创建文明城市工作方案（八篇）篇一", "社区创建文明城市工作方案（八篇）"), ("机关学雷锋活动计划精选3篇 第1篇", "机关学雷锋活动计划精选3篇")],
)
def test_a_counted_first_marker_line_is_the_collection(first, collection):
    body = ["为推进创建工作，制定本方案。", "一、工作目标", "全面达标。"]
    chunks = split_plans([first, *body, "篇二" if "篇一" in first else "第2篇", "楼院文明共建行动计划", *body])
    assert [c.collection for c in chunks] == [collection, collection]


def test_a_first_marker_line_without_a_count_names_no_collection_of_its_own():
    body = ["为推进创建工作，制定本方案。", "一、工作目标"]
    chunks = split_plans(["社区创建文明城市工作方案篇一", *body, "篇二", "楼院文明共建行动计划", *body])
    assert chunks[0].collection != "社区创建文明城市工作方案篇一"
