"""PDF input: lines joined back into paragraphs, running headers, footers and page numbers dropped.

The fixture tests/fixtures/docs/seed001.pdf was made from seed 001 with tests/fixtures/word_docs.plan_docx
(running header "宜昌市机关事务服务中心 文明创建资料汇编", footer "- N -") and LibreOffice; no converter
is needed to read it.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import seed
from scripts import clean, parse
from scripts.read import decode, pdf_in
from scripts.read.pdf_in import Line

PDF = Path(__file__).parent / "fixtures" / "docs" / "seed001.pdf"


@pytest.fixture(scope="module")
def extracted():
    return pdf_in.pdf_to_text(PDF.read_bytes())


def test_running_header_and_page_numbers_are_gone(extracted):
    assert "文明创建资料汇编" not in extracted.text
    assert not re.search(r"^-\s*\d+\s*-$", extracted.text, re.MULTILINE)


def test_lines_broken_by_the_layout_are_joined(extracted):
    lines = extracted.text.split("\n")
    assert "二、创建目标" in lines and "三、创建内容" in lines
    assert "（一）学习中国特色社会主义理论体系，提升全局干部职工的综合素质" in lines
    assert any(line.startswith("3.广泛开展群众性文明创建活动。") and line.endswith("营造良好的文明氛围。") for line in lines)
    assert "“三个代表”重要思想" in extracted.text  # quotes set in another font stay inside their line


def test_the_pdf_parses_like_the_text_file():
    from_pdf = parse.parse_plans(clean.clean_bytes(PDF.read_bytes(), "seed001.pdf"))[0]
    from_text = parse.parse_plans(clean.clean_file(seed("001")))[0]
    assert from_pdf.title == from_text.title
    assert [s.title for s in from_pdf.sections][:3] == [s.title for s in from_text.sections][:3]
    assert [len(s.items) for s in from_pdf.sections[2].sections] == [len(s.items) for s in from_text.sections[2].sections]


def line(text: str, x0: float = 90.0, x1: float = 505.0) -> Line:
    return Line(text, x0, x1, 10.5)


def test_join_keeps_indented_paragraphs_and_numbered_items_apart():
    lines = [
        line("为进一步推进文明单位创建工作，结合我局实际，制定本方案，请各科室认真", x0=111.0),
        line("贯彻落实。"),
        line("一、指导思想", x1=153.0),
        line("以社会主义核心价值观为引领，深入开展群众性精神文明创建活动。各科室要高度重视。"),
        line("1.成立领导小组。", x1=180.0),
    ]
    assert pdf_in._join(lines) == [
        "为进一步推进文明单位创建工作，结合我局实际，制定本方案，请各科室认真贯彻落实。",
        "一、指导思想",
        "以社会主义核心价值观为引领，深入开展群众性精神文明创建活动。各科室要高度重视。",
        "1.成立领导小组。",
    ]


def test_furniture_lines_repeating_on_most_pages_are_dropped():
    bodies = ["深入开展道德讲堂活动。", "广泛开展志愿服务。", "加强组织领导，落实责任。"]
    pages = [[line(f"某某市文明办文件 {n}"), line(body), line(f"第{n}页 共3页")] for n, body in zip((1, 2, 3), bodies)]
    assert pdf_in._furniture(pages) == [{0, 2}, {0, 2}, {0, 2}]


def test_a_pdf_without_text_is_rejected_with_a_reason():
    with pytest.raises(decode.DecodeError, match="无法读取的 PDF"):
        clean.clean_bytes(b"%PDF-1.4 broken", "扫描件.pdf")
