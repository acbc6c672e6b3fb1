"""Read a Word .docx into plain lines the text cleaner understands, plus the document's own title and date.

Word keeps structure where plain text keeps it in the characters: list numbers live in numbering.xml
(a list "一、 （一） 1." can have no number in its text at all) and headings live in paragraph styles.
So this module prints what Word would show: every automatic number is computed from its level's
format and template ("%1、", "（%1）") with Word's counters and restarts, a heading without any number
gets the GB/T 9704 number of its level (一、 → （一） → 1. → （1）) so the outline parser sees the same
ladder, and every table row becomes one line (duty cells become the 牵头单位/责任单位 note).
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from scripts.models import Extracted, PageMeta
from scripts.read.decode import DecodeError
from scripts.rules import load_rules

CHINESE_DIGITS = "〇一二三四五六七八九"
LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
LEVEL_REF = re.compile(r"%([1-9])")
ENDS_IN_PUNCT = re.compile(r"[、.．:：)）\]】]$")
HEADING_LADDER = ("{}、", "（{}）", "{}.", "（{}）")  # GB/T 9704; the number style of each ladder level
HEADING_FORMATS = ("chinese", "chinese", "decimal", "decimal")
MAX_LEVELS = 9
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
DC_CREATED = "{http://purl.org/dc/terms/}created"
DC_MODIFIED = "{http://purl.org/dc/terms/}modified"
ISO_DAY = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d")


def chinese_number(n: int, digits: str = CHINESE_DIGITS, ten: str = "十", hundred: str = "百", thousand: str = "千", zero: str = "零") -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (Word's chineseCounting)."""
    if n <= 0 or n >= 10000:
        return str(n)
    out, gap = [], False
    for value, unit in ((1000, thousand), (100, hundred), (10, ten), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if gap:
                out.append(zero)
            out.append(("" if (value == 10 and digit == 1 and not out) else digits[digit]) + unit)
            gap = False
        elif out:
            gap = True
    return "".join(out)


def _letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    out = []
    for value, numeral in ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """A list counter in one of Word's number formats (``w:numFmt``); unknown formats print as decimal."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting", "chinese"):
        return chinese_number(n)
    if fmt in ("ideographLegalTraditional", "chineseLegalSimplified"):
        return chinese_number(n, LEGAL_DIGITS, "拾", "佰", "仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(CHINESE_DIGITS[int(d)] for d in str(n))
    if fmt in ("ideographTraditional", "ideographZodiac"):
        cycle = STEMS if fmt == "ideographTraditional" else BRANCHES
        return cycle[(n - 1) % len(cycle)]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return CIRCLED[n - 1] if 1 <= n <= len(CIRCLED) else f"({n})"
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        return _letters(n).upper() if fmt == "upperLetter" else _letters(n)
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


# --- numbering.xml ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int = -1  # w:lvlRestart: restart after this (1-based) level; 0 never; -1 after any higher level
    legal: bool = False  # w:isLgl: print every level's number as decimal


@dataclass
class Numbering:
    """Word's list definitions and the running counters, in document order."""

    abstract_of: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → {ilvl: start}
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId → {ilvl: level}
    counters: dict[str, list[int | None]] = field(default_factory=dict)  # abstractNumId → counter per level
    started: set[str] = field(default_factory=set)  # numIds already met (their overrides applied)

    def next_label(self, num_id: str, ilvl: int) -> str:
        """Count one paragraph of list ``num_id`` at level ``ilvl`` and return its printed number."""
        abstract = self.abstract_of.get(num_id)
        if abstract is None or not 0 <= ilvl < MAX_LEVELS:
            return ""
        levels = self.levels.get(abstract, {})
        counters = self.counters.setdefault(abstract, [None] * MAX_LEVELS)
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in self.overrides.get(num_id, {}).items():
                counters[level] = start - 1
        level = levels.get(ilvl, _Level())
        counters[ilvl] = level.start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            restart = levels.get(deeper, _Level()).restart
            if restart == -1 or (restart > 0 and restart - 1 >= ilvl):
                counters[deeper] = None

        def value(match: re.Match) -> str:
            ref = int(match.group(1)) - 1
            ref_level = levels.get(ref, _Level())
            count = counters[ref] if counters[ref] is not None else ref_level.start
            return format_number(count, "decimal" if level.legal and ref_level.fmt != "bullet" else ref_level.fmt)

        return "" if level.fmt in ("bullet", "none") else LEVEL_REF.sub(value, level.text).strip()


def _val(element, tag: str, default: str = "") -> str:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val"), default) if child is not None else default


def _int(text: str, default: int) -> int:
    try:
        return int(text)
    except ValueError:
        return default


def read_numbering(document) -> Numbering:
    """The list definitions of ``document``; an empty ``Numbering`` when it has no numbering part."""
    numbering = Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return numbering
    for abstract in root.findall(qn("w:abstractNum")):
        levels = {}
        for lvl in abstract.findall(qn("w:lvl")):
            levels[_int(lvl.get(qn("w:ilvl"), "0"), 0)] = _Level(
                start=_int(_val(lvl, "w:start", "1"), 1),
                fmt=_val(lvl, "w:numFmt", "decimal"),
                text=_val(lvl, "w:lvlText", ""),
                restart=_int(_val(lvl, "w:lvlRestart", "-1"), -1),
                legal=lvl.find(qn("w:isLgl")) is not None and _val(lvl, "w:isLgl", "1") not in ("0", "false"),
            )
        numbering.levels[abstract.get(qn("w:abstractNumId"), "")] = levels
    for num in root.findall(qn("w:num")):
        num_id = num.get(qn("w:numId"), "")
        numbering.abstract_of[num_id] = _val(num, "w:abstractNumId")
        starts = {}
        for override in num.findall(qn("w:lvlOverride")):
            start = _val(override, "w:startOverride")
            if start:
                starts[_int(override.get(qn("w:ilvl"), "0"), 0)] = _int(start, 1)
        numbering.overrides[num_id] = starts
    return numbering


# --- paragraphs and styles -------------------------------------------------------------------------


def _num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph: its own, or inherited from its style chain."""
    sources = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        sources.append(style.element.pPr)
        style = style.base_style
    num_id, ilvl = None, None
    for ppr in sources:
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if numpr is None:
            continue
        num_id = num_id if num_id is not None else (_val(numpr, "w:numId") or None)
        ilvl = ilvl if ilvl is not None else (_val(numpr, "w:ilvl") or None)
    if num_id is None or num_id == "0":
        return None
    return num_id, _int(ilvl or "0", 0)


def heading_level(paragraph: Paragraph) -> int | None:
    """0 for a title, 1–9 for a heading (by style name or outline level), None for body text."""
    rules = load_rules("word")
    style = paragraph.style
    while style is not None:
        name = (style.name or "").strip().lower()
        if name in rules["title_styles"]:
            return 0
        for n in range(1, MAX_LEVELS + 1):
            if name in (pattern.format(n=n) for pattern in rules["heading_styles"]):
                return n
        outline = _val(style.element.pPr, "w:outlineLvl")
        if outline.isdigit() and int(outline) < MAX_LEVELS:
            return int(outline) + 1
        style = style.base_style
    outline = _val(paragraph._p.pPr, "w:outlineLvl")
    return int(outline) + 1 if outline.isdigit() and int(outline) < MAX_LEVELS else None


# --- tables -------------------------------------------------------------------------------------


def _cells(row) -> list[str]:
    """A row's cell texts; a cell merged across columns is printed once."""
    seen, texts = set(), []
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        texts.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
    return texts


def _header_kinds(cells: list[str]) -> list[str] | None:
    """The role of each column when ``cells`` is a header row (number, time, duty, content); else None."""
    headers = load_rules("word")["table_headers"]
    labels = load_rules("structure")["duties"]["labels"]
    duty_words = headers["duty"] + [w for words in labels.values() for w in words]
    kinds = []
    for cell in cells:
        if any(w in cell for w in headers["number"]):
            kinds.append("number")
        elif any(w in cell for w in duty_words):
            kinds.append("duty")
        elif any(w in cell for w in headers["time"]):
            kinds.append("time")
        else:
            kinds.append("content")
    known = sum(kind != "content" for kind in kinds)
    return kinds if known and all(len(cell) <= 12 for cell in cells) else None


def table_lines(table: Table) -> list[str]:
    """One line per row: `[n、]first cell（time）：other cells（牵头单位：…，责任单位：…）`."""
    rows = [_cells(row) for row in table.rows]
    rows = [cells for cells in rows if any(cells)]
    if not rows:
        return []
    kinds = _header_kinds(rows[0])
    header = rows[0] if kinds else []
    lines = []
    for cells in rows[1:] if kinds else rows:
        if not kinds or len(cells) != len(kinds):
            lines.append(" ".join(cell for cell in cells if cell))
            continue
        number = "".join(c for c, k in zip(cells, kinds) if k == "number" and c)
        content = [c for c, k in zip(cells, kinds) if k == "content" and c]
        time = "，".join(c for c, k in zip(cells, kinds) if k == "time" and c)
        duties = "，".join(f"{h}：{c}" for h, c, k in zip(header, cells, kinds) if k == "duty" and c)
        line = content[0] if content else ""
        line += f"（{time}）" if time else ""
        line += "：" + "；".join(content[1:]) if len(content) > 1 else ""
        line += f"（{duties}）" if duties else ""
        if number and line:
            line = f"{number}{'' if ENDS_IN_PUNCT.search(number) else '、'}{line}"
        lines.append(line)
    return [line for line in lines if line]


# --- the document --------------------------------------------------------------------------------


def _blocks(container, document):
    """Paragraphs and tables in document order; content controls are looked into."""
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content, document)


class _Printer:
    """Prints paragraphs one per line with their numbers; keeps the list counters and heading ladder."""

    def __init__(self, document, title_level: int | None):
        self.document = document
        self.numbering = read_numbering(document)
        self.title_level = title_level  # the heading level of the document title, if it has one
        self.heading_counts: list[int] = []
        self.lines: list[str] = []

    def paragraph(self, paragraph: Paragraph) -> None:
        text = paragraph.text.replace("\t", " ").strip()
        if not text:
            return
        label = ""
        num = _num_pr(paragraph)
        if num:
            label = self.numbering.next_label(*num)
        level = heading_level(paragraph)
        if not label and level is not None and level != self.title_level and level > (self.title_level or 0):
            label = self._heading_number(level - (self.title_level or 0))
        elif level is not None and label:
            self._heading_number(level - (self.title_level or 0))  # keep the ladder in step
        if label and not text.startswith(label):
            text = label + ("" if ENDS_IN_PUNCT.search(label) else " ") + text
        self.lines.append(text)

    def _heading_number(self, depth: int) -> str:
        """The GB/T 9704 number of the next heading at ``depth`` (1 = top); deeper counts restart."""
        depth = max(depth, 1)
        del self.heading_counts[depth:]
        self.heading_counts.extend([0] * (depth - len(self.heading_counts)))
        self.heading_counts[depth - 1] += 1
        if depth > len(HEADING_LADDER):
            return ""
        return HEADING_LADDER[depth - 1].format(format_number(self.heading_counts[depth - 1], HEADING_FORMATS[depth - 1]))

    def block(self, block) -> None:
        if isinstance(block, Paragraph):
            self.paragraph(block)
        elif len(block.columns) == 1:  # a layout box: its paragraphs are body text
            for cell in block.column_cells(0):
                for inner in _blocks(cell._tc, self.document):
                    self.block(inner)
        else:
            self.lines.extend(table_lines(block))


def _title_level(paragraphs: list[Paragraph]) -> int | None:
    """The heading level of the document's title: a Title-styled paragraph, or a first heading
    whose level no later heading uses (one 标题 1 over a body of 标题 2)."""
    levels = [heading_level(p) for p in paragraphs if p.text.strip()]
    if 0 in levels:
        return 0
    if levels and levels[0] is not None and levels[0] not in levels[1:] and all(l is None or l > levels[0] for l in levels[1:]):
        return levels[0]
    return None


def docx_to_text(data: bytes) -> Extracted:
    """The text of a .docx (one paragraph or table row per line) and its own title and date."""
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DecodeError(f"无法读取的 Word .docx 文件（{type(exc).__name__}）；请在 Word 中打开并重新另存为 .docx") from exc
    body = document.element.body
    top_paragraphs = [b for b in _blocks(body, document) if isinstance(b, Paragraph)]
    printer = _Printer(document, _title_level(top_paragraphs))
    for block in _blocks(body, document):
        printer.block(block)
    title, date = core_properties(data)
    lines = printer.lines
    if title and not any(title in line for line in lines[:3]):
        lines = [title, *lines]  # the title lives only in the file's properties
    return Extracted("\n".join(lines), PageMeta(publish_date=date, page_title=title))


def core_properties(data: bytes) -> tuple[str, str]:
    """(title, ISO creation date) from docProps/core.xml, read directly: python-docx invents a title
    and today's date when a writer (LibreOffice) names the part with another relationship type."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            root = ElementTree.fromstring(package.read("docProps/core.xml"))
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return "", ""
    title = (root.findtext(DC_TITLE) or "").strip()
    for tag in (DC_CREATED, DC_MODIFIED):
        match = ISO_DAY.match((root.findtext(tag) or "").strip())
        if match:
            return title, match.group(0)
    return title, ""
