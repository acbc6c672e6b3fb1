"""Chrome of kinds of sites never seen before: a note that the text was left out and where to get it, a news story's
closing aside below the plan it printed, a forum thread's later posts below the plan of its first post, and a page
without line breaks whose site head (name, title, uploader's keys) is glued before the title printed again.

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
    "二、工作措施",
    "各科室要加强组织领导，明确责任分工，把创建工作与业务工作同部署、同检查、同落实。",
]
PLAN = page_lines(TITLE, BODY)


@pytest.mark.parametrize(
    "note", ["（内容略，完整版请下载）", "【以下省略，全文需登录查看】", "(此处略 详见完整版下载)", "（内容略 请下载后查看）"]
)
def test_a_note_that_the_text_was_left_out_goes_and_flags_truncation(note):
    line = "为进一步做好文明单位创建工作……" + note
    result = strip_chrome(page_lines(TITLE, [*BODY, line]))
    assert [(s.rule, s.text) for s in result.removed] == [("chrome.page_marker.omitted_note", note)]
    assert result.text.splitlines()[-1] == "为进一步做好文明单位创建工作……"
    assert [f.kind for f in result.flags] == ["truncation"]


@pytest.mark.parametrize("line", ["附件：1.报名表（内容略）", "具体安排（略）", "（详见附件，此处从略）"])
def test_a_plans_own_omission_stays(line):
    assert strip_chrome(page_lines(TITLE, [*BODY, line])).removed == []


@pytest.mark.parametrize(
    "aside", ["据了解，该院共有职工320人，其中党员86名。", "据悉，该院去年获评市级文明单位。", "记者从县卫健局获悉，全县已有5家医院参与创建。"]
)
def test_a_news_storys_aside_below_the_plan_goes(aside):
    result = strip_chrome("\n".join([PLAN, aside, "责任编辑：王某"]))
    assert result.text == PLAN
    assert ("chrome.publish.news_aside", aside) in [(s.rule, s.text) for s in result.removed]


def test_a_plans_own_background_sentence_above_its_last_paragraph_stays():
    body = [BODY[0], "据统计，全院现有职工320人，其中党员86名，志愿者120名，已开展志愿服务活动50余次。", *BODY[1:]]
    assert strip_chrome(page_lines(TITLE, body)).removed == []


REPLIES = [
    "2楼  白衣天使  发表于 2025-3-2 09:15",
    "可以再细化一下时间安排。",
    "3楼  院办小李  发表于 2025-3-2 10:01",
    "收到，谢谢！",
    "—— 签名：健康所系，性命相托 ——",
]


def test_a_forum_threads_later_posts_below_the_plan_go():
    result = strip_chrome("\n".join([PLAN, *REPLIES]))
    assert result.text == PLAN
    assert {s.rule for s in result.removed} == {"chrome.publish.reply_floor"}


def test_a_reply_that_reads_as_plan_content_stays():
    """A long reply in the genre's words reads as the plan's last paragraph: the floor above it is no tail, the text stays."""
    long_reply = "建议增加开展志愿服务活动的内容，组织职工深入社区宣传文明创建工作，落实创建责任，加强考核，确保创建目标任务落到实处。"
    result = strip_chrome("\n".join([PLAN, REPLIES[0], long_reply, *REPLIES[2:]]))
    assert long_reply in result.text.splitlines()


def test_a_floor_number_without_a_posting_stamp_is_no_reply():
    line = "3楼  会议室  2025年3月5日"
    assert strip_chrome("\n".join([PLAN, line])).text.splitlines()[-1] == line


def test_a_site_head_glued_before_the_title_printed_again_goes():
    head = "某某文库 - 海量文档免费阅读" + TITLE + " - 某某文库上传者：abc_123  分类：党建  日期：2025-03-01  页数：3"
    result = strip_chrome(head + TITLE + "".join(BODY))
    assert result.text == TITLE + "".join(BODY)
    assert [s.rule for s in result.removed] == ["chrome.repeated_title.glued_head"]


def test_a_title_with_the_sites_label_printed_twice_before_the_text_keeps_one():
    result = strip_chrome(TITLE + "范文 " + TITLE + "范文" + BODY[0])
    assert result.text == TITLE + "范文" + BODY[0]


@pytest.mark.parametrize(
    "line",
    [
        TITLE + "精选3篇" + TITLE + "篇1" + BODY[0],  # a compilation's title glued to its first plan's
        TITLE + BODY[0],
        "关于印发" + TITLE + "的通知各科室：现将" + TITLE + "印发给你们，请认真贯彻执行。",
    ],
)
def test_a_title_twice_without_furniture_between_stays(line):
    assert strip_chrome(line).text == line
