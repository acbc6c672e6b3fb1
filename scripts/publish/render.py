"""The plan page (docs/plans/<slug>.md): front matter with the plan's facts, then an HTML body.

Plan text comes from arbitrary websites, so it is data: every piece of it goes through
``markup.md_text`` and every attribute through ``markup.attr``; anchors must be plain ids. The body is
HTML (see scripts/publish/markup.py for why), its headings feed the table of contents. Links are relative
because the site is served under a sub-path (plans/<slug>/ → ../../types/<type>/).
"""
from __future__ import annotations

import re
from itertools import groupby
from urllib.parse import urlsplit

from scripts.models import Flag, Item, Member, Note, Phase, Plan, RemovedSpan, Section
from scripts.publish.markup import Page, attr, link, md_text, safe_id
from scripts.tag.tagger import main_types, tag_counts

RELATED_LIMIT = 5
SEQUENCE_LIMIT = 3  # plans linked as the unit's previous / next year (one unit may file many in a year)
PLAN_FOLDER_PAGE = "plans/any.md"  # every plan page lives in plans/: links from one are alike

FLAG_LABELS = {
    "mojibake": "疑似乱码",
    "placeholder": "占位符",
    "gap": "疑似缺字",
    "truncation": "疑似截断",
    "numbering": "编号异常",
    "uncertain_chrome": "疑似网站杂项",
    "encoding": "编码存疑",
    "title": "标题为推断",
}
# The pipeline writes a flag's detail for maintainers, in English; a reader sees it in Chinese. Each
# pattern is one shape of detail; a detail no pattern knows is shown as written.
_FLAG_DETAILS = [
    (re.compile(r"text ends mid-sentence"), "文末句子不完整"),
    (re.compile(r"text ends in an ellipsis"), "文末为省略号"),
    (re.compile(r"named by its opening sentence"), "正文没有标题，按首句命名"),
    (re.compile(r"named by the site's intro above it"), "正文没有标题，按网站的导语命名"),
    (re.compile(r"no heading names it: descriptive name"), "正文没有标题，按类型、单位、年度命名"),
    (re.compile(r"starts at (.+) \(expected (.+)\)"), r"从「\1」开始（应为「\2」）"),
    (re.compile(r"skipped to (.+) \(expected (.+)\)"), r"跳到「\1」（应为「\2」）"),
    (re.compile(r"repeated (.+) \(expected (.+)\)"), r"重复「\1」（应为「\2」）"),
    (re.compile(r"(.+) after (.+) kept as text"), r"「\2」之后的「\1」按正文保留"),
    (re.compile(r"([a-z_]+(?:\.[a-z_]+)+) kept: the line reads as plan content"), r"未按规则 \1 删除：该行像方案正文"),
    (re.compile(r"([a-z_]+(?:\.[a-z_]+)+) kept: outside its zone or in a long line"), r"未按规则 \1 删除：不在其适用位置或该行较长"),
    (re.compile(r"([a-z_]+(?:\.[a-z_]+)+)"), r"规则 \1"),
]
# How each heading level prints its number (GB/T 9704 ladder: 一、（一）1.（1）①).
_NUMBER_STYLE = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）"}


def _http_url(url: str) -> str:
    """The URL if it is http(s) with a host, else "" (javascript:, data:, relative paths are shown as text)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def plan_types(plan: Plan) -> list[str]:
    return sorted(tag_counts(plan))


# --- page parts ------------------------------------------------------------------------------------


def years_text(years: list[int]) -> str:
    """2019—2020 for a run of years, 2014、2016 otherwise."""
    ordered = sorted(set(years))
    if len(ordered) > 1 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}—{ordered[-1]}"
    return "、".join(str(y) for y in ordered)


def _card(plan: Plan) -> str:
    meta = plan.meta
    unit = meta.unit + ("（原文匿名）" if meta.unit_anonymised else "")
    rows = [
        ("单位", md_text(unit)),
        ("行业", md_text(meta.sector)),
        ("地区", md_text(meta.region)),
        ("年度", md_text(years_text(meta.years))),
        ("创建级别", md_text(meta.level)),
        ("印发日期", md_text(meta.issue_date)),
        ("文号", md_text(meta.doc_number)),
        ("发布日期", md_text(meta.publish_date)),
        ("来源", _source(meta.source_site, meta.source_url)),
        ("所在合集", md_text(plan.collection)),
        ("原始文件", md_text(plan.source_file)),
        ("永久编号", f"<code>{md_text(plan.id)}</code>" if plan.id else ""),
    ]
    lines = [_card_row(label, value) for label, value in rows if value]
    return '<div class="kb-card">\n<dl>\n' + "\n".join(lines) + "\n</dl>\n</div>"


# Card rows for the curator, not for searching: a file name or an id in a result's excerpt says nothing.
UNSEARCHED_CARD_ROWS = frozenset({"原始文件", "永久编号"})


def _card_row(label: str, value: str) -> str:
    ignore = " data-pagefind-ignore" if label in UNSEARCHED_CARD_ROWS else ""
    return f"<dt{ignore}>{label}</dt><dd{ignore}>{value}</dd>"


def _source(site: str, url: str) -> str:
    address = _http_url(url)
    if address:
        text = md_text(site or address)
        return f'<a href="{attr(address)}" rel="nofollow noopener noreferrer">{text}</a>'
    return "　".join(md_text(part) for part in (site, url) if part)


def flag_detail(detail: str) -> str:
    """A flag's detail in the reader's language (see _FLAG_DETAILS); unknown shapes unchanged."""
    for pattern, chinese in _FLAG_DETAILS:
        if pattern.fullmatch(detail):
            return pattern.sub(chinese, detail)
    return detail


def _flags(flags: list[Flag]) -> str:
    rows = []
    for flag in flags:
        where = f"第 {flag.line} 行" if flag.line else "全文"
        detail = f"（{md_text(flag_detail(flag.detail))}）" if flag.detail else ""
        label = md_text(FLAG_LABELS.get(flag.kind, flag.kind))
        rows.append(f'<li><span class="kb-flag-kind">{label}</span> {where}：{md_text(flag.excerpt)}{detail}</li>')
    return (
        '<div class="admonition warning kb-flags" data-pagefind-ignore>\n'
        f'<p class="admonition-title">待核对：{len(flags)} 处</p>\n<ul>\n' + "\n".join(rows) + "\n</ul>\n</div>"
    )


def heading_text(section: Section) -> str:
    """A heading as the source printed it: 一、指导思想, （二）…, 第一阶段 …"""
    if not section.number:
        return section.title
    if section.marker:
        return section.marker + ("" if section.marker[-1] in "、.．。：:）)" else " ") + section.title
    if section.number.startswith("第"):
        return f"{section.number} {section.title}"
    return _NUMBER_STYLE.get(section.level, "{}").format(section.number) + section.title


def _alias_targets(anchors: list[str]) -> str:
    return "".join(f'<span class="kb-alias" id="{safe_id(a)}"></span>' for a in anchors)


def _chips(tags: list[str], type_slugs: dict[str, str]) -> str:
    chips = []
    for tag in dict.fromkeys(tags):
        slug = type_slugs.get(tag)
        if slug:
            chips.append(link(PLAN_FOLDER_PAGE, f"types/{slug}.md", md_text(tag), css="kb-chip"))
        else:
            chips.append(f'<span class="kb-chip">{md_text(tag)}</span>')
    return f' <span class="kb-chips">{"".join(chips)}</span>' if chips else ""


def _item(item: Item, type_slugs: dict[str, str], aliases: dict[str, list[str]]) -> str:
    anchor = safe_id(item.anchor)
    number = f"¶ {md_text(item.number)}" if item.number else "¶"
    return (
        f'<p class="kb-item" id="{anchor}">{_alias_targets(aliases.get(anchor, []))}'
        f'<a class="kb-anchor" href="#{anchor}" title="本条链接">{number}</a> {md_text(item.text)}'
        f"{_chips(item.tags, type_slugs)}</p>"  # overrides/assets/kb.js adds the 复制链接 button
    )


def _members(members: list[Member]) -> str:
    """A leading group's member list: role, then the names as printed (not items: no anchor, no tags)."""
    rows = "".join(f"<dt>{md_text(m.role)}</dt><dd>{md_text(m.names)}</dd>" for m in members)
    return f'<dl class="kb-members">{rows}</dl>'


def _note(note: Note) -> str:
    """A line kept as printed that is not an item (a date, a field, a signature, a fragment, a link)."""
    return f'<p class="kb-note kb-note-{safe_id(note.kind)}">{md_text(note.text)}</p>'


def _section_blocks(section: Section, type_slugs: dict[str, str], aliases: dict[str, list[str]]) -> list[str]:
    """The section's items in order, with its member list and notes where they were printed."""
    asides: dict[int, list[str]] = {}
    for after, group in groupby(section.members, key=lambda m: m.after):
        asides.setdefault(after, []).append(_members(list(group)))
    for note in section.notes:
        asides.setdefault(note.after, []).append(_note(note))
    blocks = []
    for position in range(len(section.items) + 1):
        blocks += asides.get(position, [])
        if position < len(section.items):
            blocks.append(_item(section.items[position], type_slugs, aliases))
    return blocks


def _table(css_class: str, header: list[str], rows: list[list[str]]) -> str:
    """An HTML table; cells must already be escaped."""
    head = "".join(f"<th>{cell}</th>" for cell in header)
    body = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table class="{css_class}">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>'


def _duties(section: Section) -> str:
    rows = [
        [
            f'<a href="#{safe_id(item.anchor)}">{md_text(item.number) or "¶"}</a>',
            md_text("、".join(item.lead)),
            md_text("、".join(item.support)),
        ]
        for item in section.items
        if item.lead or item.support
    ]
    return _table("kb-duties", ["条目", "牵头单位", "责任单位"], rows) if rows else ""


def _section(page: Page, section: Section, type_slugs: dict[str, str], aliases: dict[str, list[str]]) -> None:
    anchor = safe_id(section.anchor)
    page.add("".join(f'<div class="kb-alias" id="{safe_id(a)}"></div>' for a in aliases.get(anchor, [])))
    page.heading(min(section.level + 1, 6), md_text(heading_text(section)), anchor)
    page.add(*_section_blocks(section, type_slugs, aliases), _duties(section))
    for child in section.sections:
        _section(page, child, type_slugs, aliases)


def _when(phase: Phase) -> str:
    if phase.start and phase.end:
        return f"{phase.start} 至 {phase.end}"
    return phase.start or phase.end


def _phases(page: Page, phases: list[Phase]) -> None:
    rows = [[md_text(p.name), md_text(_when(p)), md_text(p.text)] for p in phases]
    page.heading(2, "工作阶段", "kb-phases")
    page.add(_table("kb-phases", ["阶段", "时间", "内容"], rows))


def _plan_link(other: Plan, text_html: str) -> str:
    return link(PLAN_FOLDER_PAGE, f"plans/{other.slug}.md", text_html)


def _related(page: Page, plans: list[Plan]) -> None:
    rows = []
    for other in plans:
        details = "　".join(md_text(v) for v in (other.meta.unit, years_text(other.meta.years)) if v)
        extra = f' <span class="kb-related-meta">{details}</span>' if details else ""
        rows.append(f"<li>{_plan_link(other, md_text(other.title or other.slug))}{extra}</li>")
    page.heading(2, "相关方案", "kb-related")
    page.add('<div class="kb-related">\n<ul>\n' + "\n".join(rows) + "\n</ul>\n</div>")


def _download(plan: Plan) -> str:
    """The link to plans/<slug>.docx, which the caller writes beside the page."""
    return f'<p class="kb-download" data-pagefind-ignore>{link(f"plans/{plan.slug}.md", f"plans/{plan.slug}.docx", "下载 Word 版")}</p>'


def _year_links(label: str, plans: list[Plan]) -> str:
    """Links to a few of the unit's plans of that year; the page must not grow with the collection."""
    links = "、".join(
        _plan_link(other, f"{md_text(years_text(other.meta.years))} {md_text(other.title or other.slug)}")
        for other in plans[:SEQUENCE_LIMIT]
    )
    more = f"等 {len(plans)} 份（见该单位的浏览页）" if len(plans) > SEQUENCE_LIMIT else ""
    return f"<span>{label}：{links}{more}</span>"


def _sequence(previous: list[Plan], following: list[Plan]) -> str:
    parts = []
    if previous:
        parts.append(_year_links("上一年度", previous))
    if following:
        parts.append(_year_links("下一年度", following))
    return '<nav class="kb-sequence" data-pagefind-ignore>' + "　".join(parts) + "</nav>"


def _sources(page: Page, plan: Plan) -> None:
    """Every copy of a merged plan, and the sentences in which the copies differ."""
    rows = []
    for source in plan.sources:
        shown = "（显示此版本）" if source is plan.sources[0] else f"相似度 {source.similarity:.0%}"
        rows.append([
            md_text(source.source_file),
            _source(source.source_site, source.source_url),
            md_text(source.publish_date),
            md_text(str(source.flags)),
            md_text(shown),
        ])
    page.heading(2, "来源与版本", "kb-sources")
    page.add(
        f"<p>本方案在 {len(plan.sources)} 个来源中出现，内容基本相同，已合并为一页；下面显示损坏最少、最完整的版本。</p>",
        _table("kb-sources", ["文件", "来源", "发布日期", "待核对", "说明"], rows),
    )
    if plan.variants:
        variant_rows = [[md_text(v.source_file), md_text(v.shown) or "（无）", md_text(v.other) or "（无）"] for v in plan.variants]
        page.add(
            '<details class="kb-variants" data-pagefind-ignore>\n'
            f"<summary>各版本不同的句子（{len(plan.variants)} 处）</summary>\n"
            + _table("kb-variants-table", ["来源", "显示的版本", "该来源的版本"], variant_rows)
            + "\n</details>"
        )


def _context(lines: list[str]) -> str:
    """The file's lines that are neither the plan's text nor removed chrome (a notice that issued it, its
    addressees, the signature): folded, in the order of the file, so nothing the source said goes unseen."""
    paragraphs = "".join(f"<p>{md_text(line)}</p>" for line in lines)
    return (
        '<details class="kb-context" data-pagefind-ignore>\n'
        f"<summary>原文中正文以外的文字（{len(lines)} 行：印发通知、署名等）</summary>\n{paragraphs}\n</details>"
    )


def _report(removed: list[RemovedSpan]) -> str:
    rows = [
        [str(span.line) if span.line else "", md_text(span.rule), md_text(span.category), md_text(span.text)]
        for span in removed
    ]
    return (
        '<details class="kb-report" data-pagefind-ignore>\n<summary>清理记录（维护者）</summary>\n'
        + _table("kb-report-table", ["行", "规则", "类别", "删除的文字"], rows)
        + "\n</details>"
    )


def render_plan_page(
    plan: Plan,
    *,
    related: list[Plan],
    removed: list[RemovedSpan],
    type_slugs: dict[str, str],
    aliases: dict[str, list[str]] | None = None,
    previous: list[Plan] | None = None,
    following: list[Plan] | None = None,
    download: bool = False,
) -> str:
    """The file docs/plans/<slug>.md: the plan's facts as front matter (search filters), the page as HTML.

    ``related`` is already ranked by the caller (at most RELATED_LIMIT are shown). ``aliases`` maps a
    live anchor to retired anchors that must still land on it (``Registry.aliases_for``).
    ``previous`` / ``following`` are the same unit's plans of the nearest earlier / later year;
    ``download`` links the plans/<slug>.docx the caller writes beside the page.
    """
    aliases = aliases or {}
    meta = plan.meta
    counts = tag_counts(plan)
    page = Page(
        {
            "title": plan.title or plan.slug,
            "plan_id": plan.id,
            "unit": meta.unit,
            "sector": meta.sector,
            "region": meta.region,
            "years": list(meta.years),
            "level": meta.level,
            "issue_date": meta.issue_date,
            "publish_date": meta.publish_date,
            "source_site": meta.source_site,
            "source_url": meta.source_url,
            "source_file": plan.source_file,
            "types": sorted(counts),
            "main_types": main_types(counts),
            "flags": len(plan.flags),
        }
    )
    page.add(_card(plan))
    if previous or following:
        page.add(_sequence(previous or [], following or []))
    if download:
        page.add(_download(plan))
    if plan.flags:
        page.add(_flags(plan.flags))
    page.add(*(f"<p>{md_text(paragraph)}</p>" for paragraph in plan.preamble if paragraph.strip()))
    for section in plan.sections:
        _section(page, section, type_slugs, aliases)
    if plan.phases:
        _phases(page, plan.phases)
    if plan.context:
        page.add(_context(plan.context))
    if len(plan.sources) > 1:
        _sources(page, plan)
    chosen = [other for other in related if other is not plan][:RELATED_LIMIT]
    if chosen:
        _related(page, chosen)
    if removed:
        page.add(_report(removed))
    return page.text()
