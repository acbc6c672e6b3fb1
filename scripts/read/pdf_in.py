"""Read the text layer of a PDF into paragraphs, without the page furniture the layout adds.

A PDF knows lines, not paragraphs: a sentence is broken wherever the line was full, and every page
repeats its header, footer and page number. We read each line with its position (pdfminer.six),
drop the lines at a page's top or bottom that are page numbers (`- 3 -`, `第3页 共5页`) or that
repeat on most pages (digits ignored), then join a line to the next when it runs to the right
margin and the next one is not indented (a Chinese paragraph starts two characters in).
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTContainer
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.psexceptions import PSException

from scripts.models import Extracted, PageMeta
from scripts.read.decode import DecodeError
from scripts.rules import load_rules

SENTENCE_END = ("。", "！", "？", "：", "；", "…", "”", "」")
DIGITS = re.compile(r"\d+")
SPACES = re.compile(r"\s+")
PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})")
FULL_LINE_SLACK = 2.5  # a line ending within this many character widths of the right margin is full
# (line-breaking rules keep a closing mark off a line start, so full lines can end two characters short)
INDENT_SLACK = 0.8  # a line starting this many character widths right of the margin is indented
SAME_LINE = 0.4  # characters whose middles are closer than this share of the font size share a line
WORD_GAP = 0.25  # a gap this share of a character wide between Latin letters or digits is a space


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    x1: float
    char_width: float


def _chars(element, found: list[LTChar]) -> None:
    if isinstance(element, LTChar):
        found.append(element)
    elif isinstance(element, LTContainer):
        for child in element:
            _chars(child, found)


def _lines(layout) -> list[Line]:
    """Text lines of one page, top to bottom, built from characters by their baseline.

    pdfminer's own line grouping splits a line wherever the font changes (Latin quotes inside
    Chinese text come out as lines of their own), so characters are grouped here instead.
    """
    chars: list[LTChar] = []
    _chars(layout, chars)
    chars = [c for c in chars if c.get_text().strip()]
    chars.sort(key=lambda c: (-(c.y0 + c.y1) / 2, c.x0))
    rows: list[list[LTChar]] = []
    for char in chars:
        middle = (char.y0 + char.y1) / 2
        if rows:
            last = rows[-1][0]
            if abs((last.y0 + last.y1) / 2 - middle) < SAME_LINE * max(last.size, char.size):
                rows[-1].append(char)
                continue
        rows.append([char])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        width = sorted(c.width for c in row)[len(row) // 2] or 1.0
        pieces = [row[0].get_text()]
        for before, char in zip(row, row[1:]):
            gap = char.x0 - before.x1
            text = char.get_text()
            if gap > WORD_GAP * width and (pieces[-1][-1:].isascii() or text[:1].isascii()):
                pieces.append(" ")
            pieces.append(text)
        lines.append(Line(SPACES.sub(" ", "".join(pieces)).strip(), row[0].x0, row[-1].x1, width))
    return [line for line in lines if line.text]


def _furniture(pages: list[list[Line]]) -> list[set[int]]:
    """Indexes of the page-number, header and footer lines of each page."""
    rules = load_rules("word")
    page_number = re.compile(rules["pdf_page_number"])
    edge = rules["pdf_edge_lines"]

    def edges(lines: list[Line]) -> list[int]:
        return sorted(set(range(min(edge, len(lines)))) | set(range(max(0, len(lines) - edge), len(lines))))

    repeats = Counter(key for lines in pages for key in {DIGITS.sub("#", lines[i].text) for i in edges(lines)})
    minimum = max(2, rules["pdf_running_share"] * len(pages))
    dropped = []
    for lines in pages:
        drop = set()
        for i in edges(lines):
            text = lines[i].text
            if page_number.match(text) or (len(pages) > 1 and repeats[DIGITS.sub("#", text)] >= minimum):
                drop.add(i)
        dropped.append(drop)
    return dropped


def _join(lines: list[Line]) -> list[str]:
    """Paragraphs: a full line continues into the next unless that one is indented."""
    if not lines:
        return []
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    starts_paragraph = re.compile(load_rules("word")["pdf_paragraph_start"])
    paragraphs: list[str] = []
    joining = False
    for line in lines:
        indented = line.x0 - left > INDENT_SLACK * line.char_width
        # A numbered line after a finished sentence or after a heading (numbered, no full stop) starts anew.
        new_item = bool(paragraphs) and bool(starts_paragraph.match(line.text)) and (
            paragraphs[-1].endswith(SENTENCE_END) or (bool(starts_paragraph.match(paragraphs[-1])) and "。" not in paragraphs[-1])
        )
        if joining and not indented and not new_item:
            previous = paragraphs[-1]
            gap = " " if previous[-1:].isascii() and line.text[:1].isascii() and previous[-1:].isalnum() else ""
            paragraphs[-1] = previous + gap + line.text
        else:
            paragraphs.append(line.text)
        joining = right - line.x1 < FULL_LINE_SLACK * line.char_width
    return paragraphs


def _meta(data: bytes) -> PageMeta:
    """Title and creation date from the PDF's document information, when it has them."""
    try:
        info = PDFDocument(PDFParser(io.BytesIO(data))).info
    except (PSException, PDFSyntaxError, PDFEncryptionError, PDFPasswordIncorrect, ValueError, KeyError):
        return PageMeta()
    fields = info[0] if info else {}

    def text(key: str) -> str:
        value = fields.get(key, b"")
        value = value.resolve() if hasattr(value, "resolve") else value
        if isinstance(value, bytes):
            value = value.decode("utf-16") if value.startswith(b"\xfe\xff") else value.decode("latin-1")
        return value.strip() if isinstance(value, str) else ""

    match = PDF_DATE.match(text("CreationDate"))
    date = ""
    if match:
        try:
            date = datetime(*(int(part) for part in match.groups())).date().isoformat()
        except ValueError:
            date = ""
    return PageMeta(publish_date=date, page_title=text("Title"))


def pdf_to_text(data: bytes) -> Extracted:
    """The paragraphs of a PDF with a text layer; a scanned or locked PDF is a ``DecodeError``."""
    try:
        pages = [_lines(page) for page in extract_pages(io.BytesIO(data), laparams=LAParams())]
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise DecodeError("PDF 有密码保护；请另存一份未加密的副本") from exc
    except (PSException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise DecodeError(f"无法读取的 PDF 文件（{type(exc).__name__}）；请打开后重新保存，或另存为 .docx") from exc
    dropped = _furniture(pages)
    body = [line for lines, drop in zip(pages, dropped) for i, line in enumerate(lines) if i not in drop]
    if not any(line.text.strip() for line in body):
        raise DecodeError("PDF 没有文字层（扫描件？）；请先做文字识别（OCR），或把文字另存为 .docx")
    return Extracted("\n".join(_join(body)), _meta(data))
