"""The Word download: real heading styles, numbered items, card on top, sources at the end, reproducible bytes."""
from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import pytest
from docx import Document

from conftest import seed
from scripts import clean, parse
from scripts.models import Item, Plan, PlanMeta, PlanSource, Section
from scripts.publish import docx_out
from scripts.read import docx_in


@pytest.fixture(scope="module")
def plan() -> Plan:
    result = parse.parse_plans(clean.clean_file(seed("003")))[0]
    result.id = "abc123"
    return result


def test_headings_use_word_heading_styles_and_items_keep_their_numbers(plan):
    document = Document(io.BytesIO(docx_out.plan_docx(plan)))
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert styled[0] == ("Title", plan.title)
    assert ("Heading 1", "一、指导思想") in styled
    assert ("Heading 2", "（一）认真开展理想信念教育，强化党的基层组织建设") in styled
    first_item = next(text for style, text in styled if style == "Numbered Item")
    assert first_item.startswith("1.深入学习习近平新时代中国特色社会主义思想")
    assert first_item.endswith("（牵头单位：机关党委，责任单位：各处室、各单位）")


def test_member_lists_and_notes_are_printed_where_the_source_had_them():
    body = ["一、组织领导", "组长：张三", "副组长：李四、王五", "成立创建工作领导小组。", "二、活动安排", "时间：3月1日—3月9日", "组织志愿者清扫街巷。"]
    (plan,) = parse.parse_plans(clean.clean_text("青山社区文明创建方案\n" + "\n".join(body), source="x.txt"))
    texts = [p.text for p in Document(io.BytesIO(docx_out.plan_docx(plan))).paragraphs]
    start = texts.index("一、组织领导")
    assert texts[start : start + 7] == body  # nothing the page shows is missing from the download


def test_card_on_top_and_source_at_the_end(plan):
    texts = [p.text for p in Document(io.BytesIO(docx_out.plan_docx(plan))).paragraphs]
    assert texts[1:4] == ["单位：湖南省财政厅", "行业：财政", "地区：湖南省"]
    assert texts[-3:] == ["来源", "003_71aa6518df67eea4.txt", "永久编号：abc123"]


def test_same_plan_same_bytes_and_no_build_time_inside(plan):
    first, second = docx_out.plan_docx(plan), docx_out.plan_docx(plan)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = package.read("docProps/core.xml").decode()
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2019-12-10T00:00:00Z</dcterms:created>" in core


def test_hostile_and_invalid_characters_stay_text():
    hostile = Plan(
        title="</w:t><w:p>&amp;\x01标题",
        meta=PlanMeta(unit="某局"),
        source_file="x.txt",
        sections=[Section(anchor="s1", number="一", title="<b>任务</b>", level=1, items=[Item(anchor="i1", number="1", text="A & B \x0b <c>")])],
        sources=[PlanSource(source_file="a.txt", source_site="范文网"), PlanSource(source_file="b.html", source_url="http://example.com/1")],
    )
    texts = [p.text for p in Document(io.BytesIO(docx_out.plan_docx(hostile))).paragraphs]
    assert texts[0] == "</w:t><w:p>&amp;\ufffd标题"
    assert "1.A & B \ufffd <c>" in texts
    assert texts[-2:] == ["a.txt（范文网）", "b.html（http://example.com/1）"]


def test_the_download_reads_back_as_the_same_plan(plan):
    again = parse.parse_plans(clean.clean_bytes(docx_out.plan_docx(plan), "下载.docx"))[0]
    assert again.title == plan.title
    assert [s.title for s in again.sections] == [s.title for s in plan.sections] + ["来源"]
    assert docx_in.docx_to_text(docx_out.plan_docx(plan)).meta.page_title == plan.title


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: cannot check that the .docx opens")
def test_libreoffice_opens_it_and_prints_every_heading(plan, tmp_path):
    (tmp_path / "plan.docx").write_bytes(docx_out.plan_docx(plan))
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), str(tmp_path / "plan.docx")],
        capture_output=True, timeout=120, check=True,
    )
    text = (tmp_path / "plan.txt").read_text(encoding="utf-8-sig")
    assert "四、主要任务" in text and "（牵头单位：机关党委，责任单位：各处室、各单位）" in text
