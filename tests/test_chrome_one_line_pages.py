"""A page without line breaks whose one line holds a site's question, its answer's plan and the answer's furniture:
a line rule that matches the site's words there must not take the plan with it (issue 14, nothing lost). The line
is kept and flagged; the furniture words of the whole line do not outvote the plan's numbered sentences.

Every page here is invented in the shapes such sites print.
"""
import pytest

from scripts.clean.chrome import content_like, strip_chrome

PLAN = (
    "楼道文明劝导周活动方案 为提升居民文明素质，居委会决定开展楼道文明劝导周活动。"
    "一、在各单元门口张贴文明公约，宣传楼道整洁要求。二、组织党员志愿者每晚巡查楼道，劝导乱堆乱放。"
    "三、开展“最美楼道”评比，激发居民参与热情。"
)
QUESTIONS = ["楼道文明活动方案怎么写？", "社区活动方案应该如何写？", "那么文明劝导方案该怎么写呢？"]


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_one_line_answer_page_keeps_its_plan_and_flags_the_line(question):
    line = f"某某知道 > 生活 > 社区 {question} 提问者：热心网友 2023-05-06 最佳答案 {PLAN} 回答者：小区达人 | 赞同(12) 评论(2)"
    result = strip_chrome(line)
    assert "组织党员志愿者每晚巡查楼道" in result.text
    assert "uncertain_chrome" in {flag.kind for flag in result.flags}
    assert not any("巡查楼道" in span.text for span in result.removed)


def test_the_site_s_own_question_alone_still_goes():
    result = strip_chrome("\n".join(["楼道文明活动方案怎么写？", "", *PLAN.split(" ", 1)]))
    assert [span.rule for span in result.removed] == ["chrome.disclaimer.reader_question"]


@pytest.mark.parametrize(
    "line, reads_as_plan",
    [
        (PLAN + " 回答者：某某 | 赞同(3) 评论(1) 相关问题 分享 收藏", True),
        ("本站整理了多篇方案范文，供大家参考。欢迎收藏本站。喜欢请分享给朋友。", False),
        ("首页 | 下载 | 收藏。登录后可阅读全文。会员专享。", False),
    ],
)
def test_numbered_plan_sentences_make_a_furnished_line_read_as_plan_text(line, reads_as_plan):
    assert content_like(line) is reads_as_plan
