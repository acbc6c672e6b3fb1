"""Word input: automatic numbering from numbering.xml, heading styles, tables, title and date; .doc via LibreOffice."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from docx import Document

from conftest import seed
from fixtures.word_docs import LEVELS, add_list, number_paragraph, plan_docx
from scripts import clean, parse, read
from scripts.read import decode, doc_in, docx_in

FIXTURES = Path(__file__).parent / "fixtures" / "docs"


def save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "n, fmt, expected",
    [(1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (21, "chineseCountingThousand", "二十一"), (105, "chineseCounting", "一百零五"),
     (3, "chineseLegalSimplified", "叁"), (3, "decimalEnclosedCircle", "③"), (2, "ideographTraditional", "乙"), (4, "upperRoman", "IV"),
     (28, "lowerLetter", "bb"), (7, "decimal", "7"), (5, "bullet", "")],
)
def test_number_formats(n, fmt, expected):
    assert docx_in.format_number(n, fmt) == expected


def test_numbers_that_exist_only_in_numbering_xml_are_printed_with_levels_and_restarts():
    document = Document()
    num = add_list(document)
    for text, level in [("指导思想", 0), ("主要任务", 0), ("加强理论学习", 1), ("组织集中学习", 2), ("开展专题辅导", 2), ("深化志愿服务", 1), ("建立服务队", 2), ("每月一次", 3)]:
        number_paragraph(document.add_paragraph(text), num, level)
    lines = docx_in.docx_to_text(save(document)).text.split("\n")
    assert lines == ["一、指导思想", "二、主要任务", "（一）加强理论学习", "1.组织集中学习", "2.开展专题辅导", "（二）深化志愿服务", "1.建立服务队", "（1）每月一次"]


def test_start_override_restarts_a_list_and_tab_separated_formats_get_a_space():
    document = Document()
    first = add_list(document, [("decimal", "%1")], abstract_id=91, num_id=91)
    second = add_list(document, [("decimal", "%1")], abstract_id=91, num_id=92, start_override={0: 5})
    for text, num in [("甲项", first), ("乙项", first), ("丙项", second)]:
        number_paragraph(document.add_paragraph(text), num, 0)
    assert docx_in.docx_to_text(save(document)).text.split("\n") == ["1 甲项", "2 乙项", "5 丙项"]


def test_headings_without_numbers_get_the_ladder_under_a_single_top_heading():
    document = Document()
    document.add_heading("某县文化馆文明单位创建工作方案", level=1)
    document.add_heading("指导思想", level=2)
    document.add_paragraph("坚持以社会主义核心价值观为引领。")
    document.add_heading("工作措施", level=2)
    document.add_heading("强化组织领导", level=3)
    document.add_heading("营造创建氛围", level=3)
    assert docx_in.docx_to_text(save(document)).text.split("\n") == [
        "某县文化馆文明单位创建工作方案", "一、指导思想", "坚持以社会主义核心价值观为引领。", "二、工作措施", "（一）强化组织领导", "（二）营造创建氛围",
    ]


def test_duty_and_phase_tables_become_one_line_per_row_that_the_parser_reads():
    document = Document()
    document.add_paragraph("一、任务分工")
    table = document.add_table(rows=3, cols=4)
    for row, cells in zip(table.rows, [["序号", "工作任务", "牵头单位", "责任单位"], ["1", "开展道德讲堂活动", "机关党委", "各科室"], ["2", "组织志愿服务进社区", "团委", "各支部、工会"]]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    phases = document.add_table(rows=2, cols=3)
    for cell, text in zip(phases.rows[0].cells, ["阶段", "时间", "主要内容"]):
        cell.text = text
    for cell, text in zip(phases.rows[1].cells, ["宣传发动阶段", "2019年11月", "召开动员大会"]):
        cell.text = text
    lines = docx_in.docx_to_text(save(document)).text.split("\n")
    assert lines[1:] == ["1、开展道德讲堂活动（牵头单位：机关党委，责任单位：各科室）", "2、组织志愿服务进社区（牵头单位：团委，责任单位：各支部、工会）", "宣传发动阶段（2019年11月）：召开动员大会"]
    plan = parse.parse_plans(clean.clean_text("某局文明创建工作方案\n" + "\n".join(lines[:3])))[0]
    items = plan.sections[0].items
    assert [(i.text, i.lead, i.support) for i in items] == [
        ("开展道德讲堂活动", ["机关党委"], ["各科室"]),
        ("组织志愿服务进社区", ["团委"], ["各支部", "工会"]),
    ]


def test_title_and_date_come_from_the_core_properties():
    data = plan_docx("一、指导思想\n以创建促发展。", title_in_properties="某区民政局2021年精神文明建设工作计划")
    extracted = docx_in.docx_to_text(data)
    assert extracted.text.split("\n")[0] == "某区民政局2021年精神文明建设工作计划"
    assert extracted.meta.publish_date == "2019-12-10"
    assert extracted.meta.page_title == "某区民政局2021年精神文明建设工作计划"


def test_a_seed_made_into_word_parses_like_the_text_file():
    text = clean.clean_file(seed("001")).text
    from_word = clean.clean_bytes(plan_docx(text), "方案.docx")
    assert from_word.encoding == "docx"
    assert "1.坚持用中国特色社会主义理论体系武装头脑。" in from_word.text  # the number came from numbering.xml
    word_plan, text_plan = parse.parse_plans(from_word)[0], parse.parse_plans(clean.clean_file(seed("001")))[0]
    assert word_plan.title == text_plan.title
    assert [s.title for s in word_plan.sections] == [s.title for s in text_plan.sections]
    assert sum(len(s.items) for s in word_plan.sections[2].sections) == sum(len(s.items) for s in text_plan.sections[2].sections)
    assert word_plan.meta.unit == text_plan.meta.unit and word_plan.meta.years == [2010, 2011]


def test_a_traditional_seed_in_word_is_converted_to_simplified():
    raw = decode.decode_bytes(seed("000").read_bytes()).text
    result = clean.clean_bytes(plan_docx(raw), "財政局.docx")
    assert result.was_traditional and "财政局文明创建工作方案" in result.text


def test_a_broken_docx_is_rejected_with_a_reason():
    with pytest.raises(decode.DecodeError, match="无法读取的 Word .docx"):
        clean.clean_bytes(b"PK\x03\x04 not really a zip", "坏文件.docx")


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None, reason="LibreOffice (soffice) is not installed: .doc cannot be converted")
def test_doc_is_read_through_libreoffice():
    result = clean.clean_bytes((FIXTURES / "seed001.doc").read_bytes(), "seed001.doc")
    assert result.encoding == "doc (LibreOffice)"
    plan = parse.parse_plans(result)[0]
    assert plan.title == "市政府机关事务管理局2010-2011年区级文明单位创建方案"
    assert [s.number for s in plan.sections] == ["一", "二", "三", "四"]


def test_doc_without_libreoffice_says_what_to_do(monkeypatch):
    monkeypatch.setattr(doc_in.shutil, "which", lambda name: None)
    with pytest.raises(decode.DecodeError, match="需要 LibreOffice.*另存为 .docx"):
        clean.clean_bytes(b"\xd0\xcf\x11\xe0 old word file", "旧方案.doc")


def test_word_suffixes_are_supported():
    assert {".docx", ".doc", ".pdf"} <= read.SUPPORTED_SUFFIXES
    assert LEVELS[0] == ("chineseCounting", "%1、")
