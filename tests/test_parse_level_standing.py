"""A level named in the body that is not the plan's aim: an honour the unit already has (我院是省级
文明单位, 作为全国文明城市, 荣获市级文明校园) or another's campaign the plan only supports (助力全国
文明城市创建). Such a mention names the kind of target but no level; an aim in the same clause, or
anywhere in the plan, still gives one. Every sentence here is invented."""
from __future__ import annotations

import pytest

from scripts.models import PageMeta
from scripts.parse.metadata import extract_metadata


def target(title: str, body: list[str]) -> tuple[str, str]:
    meta = extract_metadata(title, body, [], PageMeta())
    return meta.target, meta.level


@pytest.mark.parametrize(
    ("title", "sentence", "kind"),
    [
        ("垃圾分类主题活动方案", "为提高居民垃圾分类参与率，助力全国文明城市创建，结合社区实际，制定本方案。", "文明城市"),
        ("文明交通劝导活动方案", "为服务全国文明城市创建大局，交警大队决定开展文明交通劝导活动。", "文明城市"),
        ("文明餐桌行动方案", "为助推省级文明县城创建，倡导光盘行动，特制定本方案。", "文明县城"),
        ("学雷锋活动方案", "为展示全国文明城市风采，开展学雷锋志愿服务活动。", "文明城市"),
        ("道德讲堂活动方案", "我院是省级文明单位，多年来坚持举办道德讲堂。", "文明单位"),
        ("道德讲堂活动方案", "作为省级文明单位，我行始终重视职工道德教育。", "文明单位"),
        ("文明餐桌行动方案", "我市是全国文明城市，市民文明素养不断提高。", "文明城市"),
        ("书香校园建设方案", "我校于去年荣获市级文明校园称号，师生读书氛围浓厚。", "文明校园"),
        ("诚信建设活动方案", "近年来，我县先后获得省级文明县城、国家卫生县城等称号。", "文明县城"),
        ("家风建设活动方案", "去年我村被评为县级文明村，村风民风持续向好。", "文明村镇"),
        ("青年志愿服务方案", "营业厅已是全国青年文明号，今年继续开展志愿服务。", "青年文明号"),
    ],
)
def test_a_standing_or_supported_honour_names_no_level(title, sentence, kind):
    assert target(title, [sentence, "一、主要内容", "每月开展一次活动。"]) == (kind, "")


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("我院是市级文明单位，今年力争创建省级文明单位。", "省级"),
        ("创建目标是省级文明单位。", "省级"),
        ("力争获得全国文明单位称号。", "全国"),
        ("为巩固市级文明单位成果，制定本方案。", "市级"),
        ("巩固我局荣获“市级文明单位”的各项成果。", "市级"),
        ("对照省级文明单位的标准和要求，逐项落实。", "省级"),
    ],
)
def test_an_aim_or_a_kept_honour_still_names_the_level(sentence, level):
    assert target("文明单位创建工作计划", [sentence, "一、主要任务", "办好道德讲堂。"])[1] == level


def test_a_title_naming_its_level_is_not_undone_by_the_body():
    body = ["我局是市级文明单位。", "一、主要任务", "办好道德讲堂。"]
    assert target("创建省级文明单位工作方案", body) == ("文明单位", "省级")
