"""The "下载 Word 版" of a plan: a .docx written from XML templates, byte-identical for the same plan.

Readers print plans, edit them into their own unit's plan and paste items into reports, so the
download must be a real Word document: the title in the Title style, every section heading in
Heading 1–4 (so Word's navigation pane and table of contents work), numbered items with a hanging
indent, the card (unit, years, level, dates) on top and the source(s) at the end.

Numbers are printed as the source printed them (not as Word list numbering): the source's
numbering is data, and a plan that skips or repeats a number must not be silently renumbered.
The parts are generated as strings (python-docx takes ~50 ms per document; this takes ~1 ms)
and zipped with fixed entry dates, so the same plan always gives the same bytes.
"""
from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

from scripts.models import Item, Plan, Section
from scripts.publish.render import heading_text, years_text

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry: fixed, so builds are reproducible
ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
# Characters XML 1.0 forbids (Word refuses the whole file if one slips in).
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CHINESE_NUMBER = re.compile(r"[一二三四五六七八九十百]+")
ARABIC_NUMBER = re.compile(r"\d+")
MAX_HEADING = 4

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
</Relationships>"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
</Relationships>"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>文明创建工作方案参考库</Application></Properties>"""


def _style(style_id: str, name: str, ppr: str, rpr: str, based_on: str = "Normal", outline: int | None = None) -> str:
    level = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/><w:basedOn w:val="{based_on}"/>'
        f'<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/>{ppr}{level}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>'
    )


HEADING_FONT = '<w:rFonts w:ascii="SimHei" w:hAnsi="SimHei" w:eastAsia="黑体"/><w:b/>'
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:styles xmlns:w="{W_NS}">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/>'
    '<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="zh-CN" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
    '<w:pPr><w:jc w:val="both"/></w:pPr></w:style>'
    + _style("Title", "Title", '<w:jc w:val="center"/><w:spacing w:before="240" w:after="240"/>', HEADING_FONT + '<w:sz w:val="36"/><w:szCs w:val="36"/>')
    + "".join(
        _style(f"Heading{n}", f"heading {n}", '<w:spacing w:before="240" w:after="120"/>', HEADING_FONT + f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>', outline=n - 1)
        for n, size in ((1, 32), (2, 28), (3, 26), (4, 24))
    )
    + '<w:style w:type="paragraph" w:styleId="Meta"><w:name w:val="Plan Card"/><w:basedOn w:val="Normal"/><w:qFormat/>'
    '<w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="555555"/><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="ListItem"><w:name w:val="Numbered Item"/><w:basedOn w:val="Normal"/><w:qFormat/>'
    '<w:pPr><w:ind w:left="480" w:hanging="480"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body Text First Indent"/><w:basedOn w:val="Normal"/><w:qFormat/>'
    '<w:pPr><w:ind w:firstLineChars="200" w:firstLine="480"/></w:pPr></w:style>'
    "</w:styles>"
)

STATIC_PARTS = {
    "[Content_Types].xml": CONTENT_TYPES.encode("utf-8"),
    "_rels/.rels": ROOT_RELS.encode("utf-8"),
    "word/_rels/document.xml.rels": DOCUMENT_RELS.encode("utf-8"),
    "word/styles.xml": STYLES.encode("utf-8"),
    "docProps/app.xml": APP.encode("utf-8"),
}


def _x(text: str) -> str:
    """Plan text → XML character data (never markup)."""
    return escape(XML_INVALID.sub("\ufffd", text))


def _para(text: str, style: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{_x(text)}</w:t></w:r></w:p>'


def item_number(number: str) -> str:
    """An item's number as printed in front of it: 一 → （一）, 3 → 3., ① → ①."""
    if CHINESE_NUMBER.fullmatch(number):
        return f"（{number}）"
    if ARABIC_NUMBER.fullmatch(number):
        return f"{number}."
    return number


def item_text(item: Item) -> str:
    """The item as a sentence again, its duty note put back in the form the source used."""
    duties = "，".join(part for part in (
        f"牵头单位：{'、'.join(item.lead)}" if item.lead else "",
        f"责任单位：{'、'.join(item.support)}" if item.support else "",
    ) if part)
    number = item_number(item.number) if item.number else ""
    return number + item.text + (f"（{duties}）" if duties else "")


def _section(section: Section, out: list[str]) -> None:
    """The heading, then the items with the member list and notes where the source printed them
    (as on the plan page: members before notes at one place), then the sub-sections."""
    out.append(_para(heading_text(section), f"Heading{min(max(section.level, 1), MAX_HEADING)}"))
    asides: dict[int, list[str]] = {}
    for member in section.members:
        asides.setdefault(member.after, []).append(f"{member.role}：{member.names}")
    for note in section.notes:
        asides.setdefault(note.after, []).append(note.text)
    for position in range(len(section.items) + 1):
        out.extend(_para(line) for line in asides.get(position, []))
        if position < len(section.items):
            item = section.items[position]
            out.append(_para(item_text(item), "ListItem" if item.number else "Body"))
    for child in section.sections:
        _section(child, out)


def card_lines(plan: Plan) -> list[str]:
    meta = plan.meta
    rows = [
        ("单位", meta.unit + ("（原文匿名）" if meta.unit_anonymised else "")),
        ("行业", meta.sector),
        ("地区", meta.region),
        ("年度", years_text(meta.years)),
        ("创建级别", meta.level),
        ("印发日期", meta.issue_date),
    ]
    return [f"{label}：{value}" for label, value in rows if value]


def source_lines(plan: Plan) -> list[str]:
    """Where the text came from: every copy when near-duplicates were merged."""
    if plan.sources:
        lines = []
        for source in plan.sources:
            where = "　".join(part for part in (source.source_site, source.source_url, source.publish_date) if part)
            lines.append(f"{source.source_file}" + (f"（{where}）" if where else ""))
        return lines
    meta = plan.meta
    where = "　".join(part for part in (meta.source_site, meta.source_url, meta.publish_date) if part)
    return [plan.source_file + (f"（{where}）" if where else "")]


def document_xml(plan: Plan) -> str:
    body = [_para(plan.title or "（无标题）", "Title")]
    body.extend(_para(line, "Meta") for line in card_lines(plan))
    body.extend(_para(paragraph, "Body") for paragraph in plan.preamble if paragraph.strip())
    for section in plan.sections:
        _section(section, body)
    body.append(_para("来源", "Heading1"))
    body.extend(_para(line, "Meta") for line in source_lines(plan))
    if plan.id:
        body.append(_para(f"永久编号：{plan.id}", "Meta"))
    section_properties = (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1440" w:right="1531" w:bottom="1440" w:left="1531" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(body)}{section_properties}</w:body></w:document>'
    )


def core_xml(plan: Plan) -> str:
    """Title and the plan's own date; never the build time, so rebuilding changes nothing."""
    day = next((d for d in (plan.meta.issue_date, plan.meta.publish_date) if ISO_DAY.fullmatch(d)), "")
    dates = (
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{day}T00:00:00Z</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{day}T00:00:00Z</dcterms:modified>'
        if day else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_x(plan.title)}</dc:title><dc:creator>{_x(plan.meta.unit)}</dc:creator>"
        f"<dc:identifier>{_x(plan.id)}</dc:identifier>{dates}</cp:coreProperties>"
    )


def plan_docx(plan: Plan) -> bytes:
    """The .docx of one plan; the same plan always gives the same bytes."""
    parts = dict(STATIC_PARTS)
    parts["word/document.xml"] = document_xml(plan).encode("utf-8")
    parts["docProps/core.xml"] = core_xml(plan).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compresslevel=1) as package:
        for name in ("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                     "word/styles.xml", "docProps/core.xml", "docProps/app.xml"):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            package.writestr(info, parts[name])
    return buffer.getvalue()
