"""strip_pinyin_annotations: readings after characters go, other brackets stay."""
import time

import pytest

from scripts.clean.pinyin_notes import strip_pinyin_annotations
from scripts.models import RemovedSpan


def span(text: str, line: int = 1) -> RemovedSpan:
    return RemovedSpan(rule="pinyin.annotation", category="pinyin", text=text, line=line)


@pytest.mark.parametrize(
    "raw, clean, removed",
    [
        ("深入开展文明创建活动,营造良好氛(fēn)围。", "深入开展文明创建活动,营造良好氛围。", "(fēn)"),
        ("创(chuàng)建文明单位", "创建文明单位", "(chuàng)"),
        ("幸福运（yùn）动会", "幸福运动会", "（yùn）"),
        ("组织开展捐赠(zèng)活动", "组织开展捐赠活动", "(zèng)"),
        ("强化服务意识(shi)", "强化服务意识", "(shi)"),  # no tone mark
        ("践行核心价值(zhi2)观", "践行核心价值观", "(zhi2)"),  # tone digit
        ("倡导绿(lǜ)色出行", "倡导绿色出行", "(lǜ)"),
        ("倡导绿(lv4)色出行", "倡导绿色出行", "(lv4)"),
        ("倡导绿(lü)色出行", "倡导绿色出行", "(lü)"),
        ("关爱妇女(nǚ)儿童", "关爱妇女儿童", "(nǚ)"),
        ("组织银行(háng)职工", "组织银行职工", "(háng)"),  # heteronym 行 xíng/háng
        ("深入创建(chuàng jiàn)活动", "深入创建活动", "(chuàng jiàn)"),
        ("深入创建(chuangjian)活动", "深入创建活动", "(chuangjian)"),
        ("深入开展文明创建(wén míng chuàng jiàn)", "深入开展文明创建", "(wén míng chuàng jiàn)"),
        ("赴西安(xī'ān)学习", "赴西安学习", "(xī'ān)"),
        ("加强组织(zu zhi)领导", "加强组织领导", "(zu zhi)"),
    ],
)
def test_readings_are_removed(raw, clean, removed):
    assert strip_pinyin_annotations(raw) == (clean, [span(removed)])


@pytest.mark.parametrize(
    "line",
    [
        "附件(二)：考核细则",
        "附件（1）",
        "培训课件(PPT)下载",
        "湖南省财政厅创建全国文明单位工作方案（2019-2020年）",
        "文明单位测评体系(试行)",
        "使用手机(app)报名",
        "开展志愿服务(volunteer)活动",
        "提升服务(fw)水平",
        "加强领导(Ling)",  # capitalised: an English/ID word, not a site's pinyin note
        "按照要求(a)执行",
        "一、指导思想(yi)",  # 想 is xiang, not yi
    ],
)
def test_other_brackets_stay(line):
    assert strip_pinyin_annotations(line) == (line, [])


def test_line_numbers_and_several_spans():
    text = "市财政局文明创建工作方案\n\n一、指导思(sī)想\n以三个代表重要思想为指导\n营(yíng)造(zào)良好氛围"
    clean, removed = strip_pinyin_annotations(text)
    assert clean == "市财政局文明创建工作方案\n\n一、指导思想\n以三个代表重要思想为指导\n营造良好氛围"
    assert removed == [span("(sī)", 3), span("(yíng)", 5), span("(zào)", 5)]


def test_text_without_annotations_is_unchanged():
    text = "（一）加强组织领导。成立创建工作领导小组（见附件1），组长：XXX。"
    assert strip_pinyin_annotations(text) == (text, [])


def test_large_text_is_fast():
    text = ("以习近平新时代中国特色社会主义思想为指导，运(yùn)用附件(二)的方法(PPT)。\n" * 60000)
    started = time.perf_counter()
    clean, removed = strip_pinyin_annotations(text)
    assert len(removed) == 60000 and "(yùn)" not in clean and clean.count("附件(二)") == 60000
    assert time.perf_counter() - started < 5


def test_a_doubled_note_goes_in_one_pass():
    text, removed = strip_pinyin_annotations("运(yùn)(yùn)动会")
    assert text == "运动会"
    assert [r.text for r in removed] == ["(yùn)", "(yùn)"]
