"""Units unseen sites name: a bank's branch office (营业部) opening the title is the unit, whole, not
the bank it belongs to; a 营业部 alone names no one. Every name here is invented."""
from __future__ import annotations

import pytest

from scripts.models import PageMeta
from scripts.parse.metadata import extract_metadata

BODY = ["为提升服务水平，特制定本方案。", "一、主要任务", "开展文明服务竞赛。"]


def unit(title: str, body=BODY) -> str:
    return extract_metadata(title, list(body), [], PageMeta()).unit


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("青河农商银行营业部2026年争创市级青年文明号工作方案", "青河农商银行营业部"),
        ("北岭农村商业银行营业部创建文明窗口工作计划", "北岭农村商业银行营业部"),
        ("滨海证券营业部2027年文明单位创建方案", "滨海证券营业部"),
        ("云川村镇银行营业部巾帼文明岗创建方案", "云川村镇银行营业部"),
        ("南沙邮储银行营业部2026年文明优质服务活动方案", "南沙邮储银行营业部"),
        ("东渡信用社营业部创建青年文明号实施方案", "东渡信用社营业部"),
        ("松江农商银行城东支行营业部文明窗口创建计划", "松江农商银行城东支行营业部"),
        ("金沙银行营业部2028年精神文明建设工作要点", "金沙银行营业部"),
        ("西湖农信联社营业部创建省级青年文明号工作方案", "西湖农信联社营业部"),
        ("凤台农商银行营业部“文明服务月”活动方案", "凤台农商银行营业部"),
    ],
)
def test_a_branch_office_in_the_title_is_the_unit(title, want):
    assert unit(title) == want


def test_a_branch_office_alone_names_no_unit():
    assert unit("2026年营业部创建青年文明号工作方案") == ""
