"""Tests for the repair stage: joins, punctuation, zeros in dates, anti-copy marks, spaces."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import seed
from scripts.clean.repair import repair_text

CJK = re.compile(r"[\u4e00-\u9fff]")


def repaired(text: str) -> str:
    return repair_text(text)[0]


def rules_hit(text: str) -> list[str]:
    return [span.rule for span in repair_text(text)[1]]


# ---------------------------------------------------------------- output format


def test_output_is_one_stripped_paragraph_per_line_with_final_newline():
    text = "\ufeff\u3000\u3000一、指导思想\r\n\r\n\u00a0 以科学发展观为指导，加强建设。  \n\n\n二、工作目标\n"
    assert repaired(text) == "一、指导思想\n以科学发展观为指导，加强建设。\n二、工作目标\n"


def test_empty_and_blank_text_give_empty_output():
    assert repaired("") == ""
    assert repaired(" \n\u3000\n\n") == ""


# ---------------------------------------------------------------- joining lines


def test_fixed_width_wrapped_paragraphs_are_joined():
    text = (
        "一、指导思想\n"
        "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神，\n"
        "围绕中心、服务大局，深入推进群众性精神文明创建活动，着力提高干部职\n"
        "工文明素质和机关文明程度，为财政改革发展提供强大精神动力和良好文化\n"
        "条件。\n"
        "二、创建目标\n"
        "通过创建活动的开展，使全厅干部职工的文明意识进一步强化，文明素质进\n"
        "一步提高，服务水平进一步提升，确保成功创建全国文明单位。\n"
    )
    assert repaired(text) == (
        "一、指导思想\n"
        "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神，围绕中心、服务大局，"
        "深入推进群众性精神文明创建活动，着力提高干部职工文明素质和机关文明程度，"
        "为财政改革发展提供强大精神动力和良好文化条件。\n"
        "二、创建目标\n"
        "通过创建活动的开展，使全厅干部职工的文明意识进一步强化，文明素质进一步提高，"
        "服务水平进一步提升，确保成功创建全国文明单位。\n"
    )


def test_wrapped_numbered_items_keep_their_numbers_on_new_lines():
    text = (
        "1、加强组织领导。成立创建工作领导小组，由主要负责同志任组长，分管同志\n"
        "任副组长，各科室负责人为成员。\n"
        "2、完善工作制度。建立健全学习、考勤、卫生、安全等各项规章制度，做到\n"
        "用制度管人、按制度办事，推动各项工作规范化、制度化、常态化地运行，\n"
        "形成长效机制。\n"
        "3、强化督促检查。领导小组办公室定期检查创建工作进展情况并通报结果。\n"
    )
    lines = repaired(text).splitlines()
    assert [line[:2] for line in lines] == ["1、", "2、", "3、"]
    assert lines[1] == "2、完善工作制度。建立健全学习、考勤、卫生、安全等各项规章制度，做到用制度管人、按制度办事，推动各项工作规范化、制度化、常态化地运行，形成长效机制。"


def test_page_marker_removed_mid_word_is_joined():
    text = "按照全市精神文明建设工作要点，紧紧围绕市委政府的中心工作，以践行社会主义核心价值体系为根本，大力加强社会主义精\n神文明建设。"
    assert repaired(text) == text.replace("\n", "") + "\n"
    assert repaired("推进精\n神\n文明建设。") == "推进精神文明建设。\n"


def test_page_marker_removed_mid_sentence_of_a_long_paragraph_is_joined():
    text = (
        "坚持以人为本，扎实工作，务求实效，为全面推进各项工作打牢思想基础，提供强大的精神动力，营造和谐的舆论氛围，推动\n"
        "\n"
        "全局各项工作再上新台阶。\n"
    )
    assert repaired(text).count("\n") == 1


def test_pdf_one_word_per_line_is_joined():
    text = "深入\n学习\n贯\n彻\n党的十九大精神，\n推动文明创建工作。\n三、工作措施\n"
    assert repaired(text) == "深入学习贯彻党的十九大精神，推动文明创建工作。\n三、工作措施\n"


def test_line_ending_with_comma_or_open_bracket_is_joined():
    assert repaired("组织开展“我们的节日”系列活动，\n传承中华优秀传统文化。") == "组织开展“我们的节日”系列活动，传承中华优秀传统文化。\n"
    assert repaired("印发《湖南省财政厅创建全国文明单位\n工作方案》的通知") == "印发《湖南省财政厅创建全国文明单位工作方案》的通知\n"
    assert repaired("（牵头单位：机关党委\n责任单位：各处室）") == "（牵头单位：机关党委责任单位：各处室）\n"


def test_line_starting_with_closing_punctuation_is_joined():
    assert repaired("加强领导\n，落实责任。") == "加强领导，落实责任。\n"


@pytest.mark.parametrize(
    "text",
    [
        "一、指导思想\n以邓小平理论为指导。",
        "（一）学习中国特色社会主义理论体系，提升全局干部职工的综合素质\n1、坚持理论武装。",
        "1.工作目标\n紧紧围绕中心工作。",
        "（1）组织领导\n成立领导小组。",
        "⑴组织领导\n成立领导小组。",
        "①组织领导\n成立领导小组。",
        "第一阶段：宣传发动阶段（2月—4月）\n召开动员大会。",
        "第一部分 总体要求\n坚持以人为本。",
        "篇一\n为进一步推进文明创建工作。",
        "附件\n湖南省财政厅创建全国文明单位工作方案",
        "市政府机关事务管理局2010-2011年区级文明单位创建方案\n为进一步推进我局文明单位创建工作。",
        "工作目标\n通过创建活动的开展，使全厅干部职工的文明意识进一步强化。",
        "中共湖南省财政厅党组\n2019年12月10日",
        "二〇一〇年四月十六日\n附件",
        "组织机构如下：\n组长：石建辉",
        "开展“文明处室”\n评比活动。",
        "宣传发动阶段\n本阶段要召开创建动员大会。",
    ],
)
def test_headings_titles_dates_and_terminated_lines_are_not_joined(text):
    assert repaired(text) == text + "\n"


def test_list_number_after_a_break_is_an_item_when_it_follows_the_sequence():
    text = "1、全面提升\n\n2、核心竞争力明显增强。"
    assert repaired(text) == "1、全面提升\n2、核心竞争力明显增强。\n"


def test_join_is_recorded_as_a_removed_span():
    text, removed = repair_text("一、指导思想\n组织开展“我们的节日”系列活动，\n传承中华优秀传统文化。")
    assert text == "一、指导思想\n组织开展“我们的节日”系列活动，传承中华优秀传统文化。\n"
    assert [(s.rule, s.category, s.line) for s in removed] == [("repair.join_wrap", "repair", 2)]
    assert "活动，\n传承" in removed[0].text


# ---------------------------------------------------------------- spaces


def test_spaces_inside_chinese_are_removed():
    assert repaired("大力加强精 神文明建设，目  录") == "大力加强精神文明建设，目录\n"
    assert repaired("组  长：石建辉") == "组长：石建辉\n"
    assert repaired("指 导 思 想") == "指导思想\n"
    assert repaired("开展“文明处室” “文明标兵”评比") == "开展“文明处室”“文明标兵”评比\n"


def test_spaces_next_to_latin_and_digits_and_in_name_lists_stay():
    assert repaired("推广使用 Office 软件") == "推广使用 Office 软件\n"
    assert repaired("中共湖南省财政厅党组      2019年12月10日印发") == "中共湖南省财政厅党组 2019年12月10日印发\n"
    assert repaired("成员：张三 李四 王五") == "成员：张三 李四 王五\n"
    assert repaired("第一章 总则") == "第一章 总则\n"


# ---------------------------------------------------------------- punctuation


def test_ascii_punctuation_between_chinese_becomes_full_width():
    assert repaired("加强领导,落实责任;强化考核:定期检查!") == "加强领导，落实责任；强化考核：定期检查！\n"
    assert repaired("(一)统一思想,提高认识") == "（一）统一思想，提高认识\n"
    assert repaired("落实“四进社区”(科技、文化、卫生、法律)的要求") == "落实“四进社区”（科技、文化、卫生、法律）的要求\n"
    assert repaired("工作方案(2019-2020年)") == "工作方案（2019-2020年）\n"
    assert repaired("这是为什么?") == "这是为什么？\n"


@pytest.mark.parametrize(
    "text",
    [
        "1.5%",
        "增长2.5%，完成1,000万元",
        "时间：04:09:04",
        "http://www.zcbk.cn/uploads/allimg/1.jpg",
        "Hello, world (test)!",
        "利用“七•一”建党节和“十•一”国庆节",
        "①加强学习",
        "20XX年工作要点",
        "继续抓好4?7个社区综合服务场所建设",
        "有经?;幕颙?、有8个环节",
    ],
)
def test_traps_are_left_alone(text):
    assert repaired(text) == text + "\n"


def test_reversed_and_ascii_quotes_are_paired():
    assert repaired("深化”中国梦“教育，开展”六个一“活动") == "深化“中国梦”教育，开展“六个一”活动\n"
    assert repaired("以‚三个代表‛重要思想为指导") == "以‘三个代表’重要思想为指导\n"
    assert repaired('开展"文明科室"创建') == "开展“文明科室”创建\n"


def test_odd_quotes_are_not_guessed():
    text = "以“三严三实”专题教育活动“紧密结合起来"
    assert repaired(text) == text + "\n"


def test_letters_for_zero_in_a_chinese_year_become_ling():
    assert repaired("二Ο一Ο年四月十六日") == "二〇一〇年四月十六日\n"  # Greek Omicron
    assert repaired("二OO九年") == "二〇〇九年\n"
    assert repaired("二○一九年十二月") == "二〇一九年十二月\n"
    assert repaired("二0二0年") == "二〇二〇年\n"
    assert repaired("○○单位") == "○○单位\n"  # a placeholder, not a year


# ---------------------------------------------------------------- anti-copy marks


def test_anti_copy_marks_inside_chinese_words_are_removed_and_recorded():
    text, removed = repair_text("大力加强精`神文明建设，弘扬文'明新风。\n提升道.德素质，精3神面貌")
    assert text == "大力加强精神文明建设，弘扬文明新风。\n提升道德素质，精神面貌\n"
    assert [(s.rule, s.category, s.text, s.line) for s in removed] == [
        ("repair.anti_copy", "noise", "`", 1),
        ("repair.anti_copy", "noise", "'", 1),
        ("repair.anti_copy", "noise", ".", 2),
        ("repair.anti_copy", "noise", "3", 2),
    ]


def test_anti_copy_marks_beside_a_quote_are_removed():
    text, removed = repair_text("建立覆盖面广的'“道德讲堂”`阵地，开展《家风家训》'宣讲。")
    assert text == "建立覆盖面广的“道德讲堂”阵地，开展《家风家训》宣讲。\n"
    assert [s.text for s in removed] == ["'", "`", "'"]


def test_numbers_that_make_sense_are_kept():
    for text in ("组织3次活动", "第3季度", "共5个社区", "二0一0年", "一.指导思想"):
        assert repaired(text) == text.replace("二0一0", "二〇一〇") + "\n"


def test_zero_width_characters_are_removed():
    text, removed = repair_text("精\u200b神文明")
    assert text == "精神文明\n"
    assert removed[0].rule == "repair.anti_copy"


# ---------------------------------------------------------------- seeds


@pytest.mark.parametrize("prefix", ["001", "002", "003", "004"])
def test_seed_keeps_every_chinese_character_and_numbered_headings(prefix):
    raw = seed(prefix).read_text(encoding="utf-8")
    text = repaired(raw)
    assert CJK.findall(raw) == CJK.findall(text)
    for heading in re.findall(r"^(?:[一二三四五六七八九十]、|（[一二三四五六七八九十]）|\([一二三四五六七八九十]\))[^\n]{0,30}$", raw, re.M):
        normalised = heading.translate(str.maketrans("(),:;", "（），：；"))
        assert normalised.strip() in text.splitlines()
    assert repaired(text) == text


def test_seed_001_date_and_seed_003_wrapped_lines():
    assert "二〇一〇年四月十六日" in repaired(seed("001").read_text(encoding="utf-8")).splitlines()
    lines = repaired(seed("003").read_text(encoding="utf-8")).splitlines()
    assert "《湖南省财政厅创建全国文明单位工作方案（2019-2020年）》的通知" in lines
    assert "组长：石建辉" in lines
    assert any(line.startswith("副组长：石建国") and line.endswith("张燮、陈其辉") for line in lines)


# ---------------------------------------------------------------- properties

CHINESE_HEAVY = st.lists(
    st.sampled_from(
        list("精神文明建设一二三四五六七八九十工作方案的是和〇零")
        + list("，。、；：？！“”‘’（）《》…•①")
        + list(",.;:?!()\"'`0123456789XxOΟ○ ")
        + ["\n", "\n\n", "\u3000", "\u00a0", "\t", "\u200b", "1、", "（一）", "一、", "第一阶段", "附件", "2019年12月10日"]
    ),
    max_size=80,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(CHINESE_HEAVY)
def test_repair_is_idempotent(text):
    once = repaired(text)
    assert repaired(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_repair_never_raises_and_keeps_the_output_format(text):
    out = repaired(text)
    assert out == "" or (out.endswith("\n") and "\n\n" not in out)
    assert all(line == line.strip() and line for line in out.splitlines())


@settings(max_examples=300, deadline=None)
@given(CHINESE_HEAVY)
def test_repair_keeps_every_chinese_character_in_order(text):
    assert CJK.findall(repaired(text)) == CJK.findall(text)
