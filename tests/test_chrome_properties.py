"""Property tests of the chrome stage on pages built from invented plan lines and site furniture.

Whatever the mix: cleaning twice changes nothing, every character that goes is in the audit, and a
content-like line is never taken by a block rule that starts above it.
"""
from __future__ import annotations

import os
import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts import clean
from scripts.clean import chrome, t2s

EXAMPLES = int(os.environ.get("KB_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CJK = re.compile(r"[\u4e00-\u9fff]")

WORDS = ("开展", "志愿服务", "活动", "组织", "职工", "社区", "推进", "建设", "弘扬", "加强", "领导", "落实",
         "责任", "宣传", "教育", "群众", "创建", "工作", "提升", "深入", "精神", "文明", "单位", "实践")
TITLES = ("县图书馆文明单位创建工作方案", "街道新时代文明实践活动计划", "镇学雷锋志愿服务活动方案")
HEADINGS = ("一、指导思想", "二、工作目标", "（一）加强组织领导", "三、实施步骤", "附件：任务分解表", "县图书馆")
FURNITURE = (
    "设为首页 | 加入收藏", "用户登录", "立即注册", "2024-05-06 08:15:42", "63.5KB", "5 页", "分享到：",
    "首页 > 范文 > 工作计划 >", "举报 收藏", "我要投稿", "相关推荐", "上一篇：县馆读书月活动方案",
    "下面是小编为大家整理的活动方案，供大家参考。", "精选优质文档-倾情为你奉上", "全文预览已结束",
    "版权说明：本文档由用户上传", "申明敬告：", "第2页 共5页", "免责声明：", "…………", "### ", "**",
)
BLOCK_STARTS = ("版权说明：", "申明敬告：", "免责声明：", "相关推荐", "猜你喜欢")


@st.composite
def content_line(draw) -> str:
    """A plan sentence: several clauses of genre words, punctuated, 40 characters or more."""
    clauses = draw(st.lists(st.lists(st.sampled_from(WORDS), min_size=3, max_size=6), min_size=3, max_size=5))
    return "，".join("".join(c) for c in clauses) + "。"


def any_line():
    return st.one_of(
        content_line(), st.sampled_from(TITLES), st.sampled_from(HEADINGS), st.sampled_from(FURNITURE), st.just("")
    )


@st.composite
def pages(draw) -> list[str]:
    head = draw(st.lists(st.one_of(st.sampled_from(FURNITURE), st.sampled_from(TITLES)), max_size=5))
    body = draw(st.lists(any_line(), min_size=1, max_size=14))
    tail = draw(st.lists(st.sampled_from(FURNITURE), max_size=5))
    return head + body + tail


@FUZZ
@given(pages())
def test_cleaning_twice_changes_nothing(lines):
    once = clean.clean_text("\n".join(lines))
    twice = clean.clean_text(once.text)
    assert twice.text == once.text
    assert twice.removed == []


def test_a_block_does_not_stop_at_a_line_another_rule_removes():
    """Found by the property above: a 申明敬告 block stopped at a title-shaped 上一篇：…方案 line, which its own rule
    removes; the second cleaning then saw the block run on and removed more than the first."""
    sentence = "开展开展开展，开展开展开展开展开展，开展开展开展开展开展开展。"
    once = clean.clean_text("\n".join([sentence, "申明敬告：", "上一篇：县馆读书月活动方案", sentence]))
    assert once.text == sentence + "\n"
    assert [span.rule for span in once.removed] == ["chrome.disclaimer.statement_block"] * 3
    assert clean.clean_text(once.text).removed == []


@FUZZ
@given(pages())
def test_every_character_that_goes_is_in_the_audit(lines):
    """The CJK characters of the page are those of the output plus those of the removed spans."""
    text = "\n".join(lines)
    result = clean.clean_text(text)
    assert all(span.rule and span.category for span in result.removed)
    removed = Counter(ch for span in result.removed for ch in CJK.findall(span.text))
    assert Counter(CJK.findall(t2s.to_simplified(text)[0])) == Counter(CJK.findall(result.text)) + removed


@FUZZ
@given(st.sampled_from(BLOCK_STARTS), st.lists(st.one_of(content_line(), st.sampled_from(FURNITURE)), min_size=1, max_size=10),
       st.sampled_from(("head", "tail")))
def test_a_content_like_line_in_a_blocks_reach_is_kept(start, run, where):
    body = ["县图书馆文明单位创建工作方案", "为深入推进文明单位创建，结合我馆实际，制定本方案。"]
    lines = [start, *run, *body] if where == "head" else [*body, start, *run]
    result = chrome.strip_chrome("\n".join(lines))
    kept = result.text.splitlines()
    for line in run:
        if chrome.content_like(line):
            assert line in kept
