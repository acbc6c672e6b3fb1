"""The plan page, and the one escaping rule every page writer uses (``md_text``).

Plan text comes from arbitrary websites, so it is data: it must show as its characters and never become
HTML, Markdown structure, attr_list, Jinja or front matter. Page structure is written here as raw HTML
blocks (which Markdown passes through) and Markdown headings (for the table of contents); text inside
both goes through ``md_text``, attribute values through ``html.escape``. Links are relative because the
site is served under a sub-path (plans/<slug>/ → ../../types/<type>/).
"""
from __future__ import annotations

import html
import re
import string
from urllib.parse import quote, urlsplit

import yaml

from .models import Flag, Item, Phase, Plan, RemovedSpan, Section, walk_sections

RELATED_LIMIT = 5

# Every ASCII punctuation character becomes a character reference: none can then start Markdown
# structure, an attr_list, a Jinja tag or an HTML tag, and the browser still shows the same character.
_ESCAPES = {ord(ch): f"&#{ord(ch)};" for ch in string.punctuation} | {
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    ord('"'): "&quot;",
}
_WHITESPACE_RUN = re.compile(r"[ \t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]+")
# Control characters cannot be shown, and \x02/\x03 are Python-Markdown's own placeholder markers.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_SAFE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")

FLAG_LABELS = {
    "mojibake": "疑似乱码",
    "placeholder": "占位符",
    "gap": "疑似缺字",
    "truncation": "疑似截断",
    "numbering": "编号异常",
    "uncertain_chrome": "疑似网站杂项",
    "encoding": "编码存疑",
}
# How each heading level prints its number (GB/T 9704 ladder: 一、（一）1.（1）①).
_NUMBER_STYLE = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）"}


def md_text(s: str) -> str:
    """Plan text → Markdown/HTML that renders exactly as these characters and as nothing else.

    Whitespace runs (newlines included) become one space, so text can neither end a block nor
    indent one; control characters become U+FFFD.
    """
    s = _CONTROL.sub("\ufffd", s)
    s = _WHITESPACE_RUN.sub(" ", s)
    return s.translate(_ESCAPES)


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _anchor(anchor: str) -> str:
    """Anchors come from the permalink registry; refuse anything that is not a plain id."""
    if not _SAFE_ID.fullmatch(anchor):
        raise ValueError(f"unsafe anchor {anchor!r}")
    return anchor


def _http_url(url: str) -> str:
    """The URL if it is http(s) with a host, else "" (javascript:, data:, relative paths are shown as text)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


# --- front matter --------------------------------------------------------------------------------


class _FrontMatterDumper(yaml.SafeDumper):
    """safe_dump, but strings holding line breaks or unprintables are double-quoted on one line.

    Plain and single-quoted YAML would fold or mangle U+2028 / U+0085 and could put a text line like
    "---" at the start of a line, which ends the front matter early.
    """


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    risky = not value.isprintable() or any(ch in value for ch in "\n\r\x85\u2028\u2029")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"' if risky else None)


_FrontMatterDumper.add_representer(str, _represent_str)


def front_matter(data: dict) -> str:
    body = yaml.dump(data, Dumper=_FrontMatterDumper, allow_unicode=True, sort_keys=False, width=2**31)
    return f"---\n{body}---\n"


def plan_types(plan: Plan) -> list[str]:
    return sorted({tag for section in walk_sections(plan.sections) for item in section.items for tag in item.tags})


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
        ("发布日期", md_text(meta.publish_date)),
        ("来源", _source(meta.source_site, meta.source_url)),
        ("原始文件", md_text(plan.source_file)),
        ("永久编号", f"<code>{md_text(plan.id)}</code>" if plan.id else ""),
    ]
    lines = [f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows if value]
    return '<div class="kb-card">\n<dl>\n' + "\n".join(lines) + "\n</dl>\n</div>"


def _source(site: str, url: str) -> str:
    link = _http_url(url)
    if link:
        text = md_text(site or link)
        return f'<a href="{_attr(link)}" rel="nofollow noopener noreferrer">{text}</a>'
    return "　".join(md_text(part) for part in (site, url) if part)


def _flags(flags: list[Flag]) -> str:
    rows = []
    for flag in flags:
        where = f"第 {flag.line} 行" if flag.line else "全文"
        detail = f"（{md_text(flag.detail)}）" if flag.detail else ""
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
    return "".join(f'<span class="kb-alias" id="{_anchor(a)}"></span>' for a in anchors)


def _chips(tags: list[str], type_slugs: dict[str, str]) -> str:
    chips = []
    for tag in dict.fromkeys(tags):
        slug = type_slugs.get(tag)
        if slug:
            href = _attr(f"../../types/{quote(slug)}/")
            chips.append(f'<a class="kb-chip" href="{href}">{md_text(tag)}</a>')
        else:
            chips.append(f'<span class="kb-chip">{md_text(tag)}</span>')
    return f' <span class="kb-chips">{"".join(chips)}</span>' if chips else ""


def _item(item: Item, type_slugs: dict[str, str], aliases: dict[str, list[str]]) -> str:
    anchor = _anchor(item.anchor)
    number = f"¶ {md_text(item.number)}" if item.number else "¶"
    return (
        f'<p class="kb-item" id="{anchor}">{_alias_targets(aliases.get(anchor, []))}'
        f'<a class="kb-anchor" href="#{anchor}" title="本条链接">{number}</a> {md_text(item.text)}'
        f"{_chips(item.tags, type_slugs)}"
        f' <button class="kb-copy" type="button" data-anchor="{anchor}" title="复制链接" data-pagefind-ignore>'
        "复制链接</button></p>"
    )


def _table(css_class: str, header: list[str], rows: list[list[str]]) -> str:
    """An HTML table; cells must already be escaped."""
    head = "".join(f"<th>{cell}</th>" for cell in header)
    body = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table class="{css_class}">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>'


def _duties(section: Section) -> str:
    rows = [
        [
            f'<a href="#{_anchor(item.anchor)}">{md_text(item.number) or "¶"}</a>',
            md_text("、".join(item.lead)),
            md_text("、".join(item.support)),
        ]
        for item in section.items
        if item.lead or item.support
    ]
    return _table("kb-duties", ["条目", "牵头单位", "责任单位"], rows) if rows else ""


def _section(section: Section, type_slugs: dict[str, str], aliases: dict[str, list[str]]) -> list[str]:
    anchor = _anchor(section.anchor)
    blocks = []
    if aliases.get(anchor):
        blocks.append(
            "\n".join(f'<div class="kb-alias" id="{_anchor(a)}"></div>' for a in aliases[anchor])
        )
    level = min(section.level + 1, 6)
    blocks.append(f"{'#' * level} {md_text(heading_text(section))} {{#{anchor}}}")
    blocks.extend(_item(item, type_slugs, aliases) for item in section.items)
    duties = _duties(section)
    if duties:
        blocks.append(duties)
    for child in section.sections:
        blocks.extend(_section(child, type_slugs, aliases))
    return blocks


def _when(phase: Phase) -> str:
    if phase.start and phase.end:
        return f"{phase.start} 至 {phase.end}"
    return phase.start or phase.end


def _phases(phases: list[Phase]) -> str:
    rows = [[md_text(p.name), md_text(_when(p)), md_text(p.text)] for p in phases]
    return "## 工作阶段 {#kb-phases}\n\n" + _table("kb-phases", ["阶段", "时间", "内容"], rows)


def _related(plans: list[Plan]) -> str:
    rows = []
    for other in plans:
        details = "　".join(md_text(v) for v in (other.meta.unit, years_text(other.meta.years)) if v)
        extra = f' <span class="kb-related-meta">{details}</span>' if details else ""
        href = _attr(f"../{quote(other.slug)}/")
        rows.append(f'<li><a href="{href}">{md_text(other.title or other.slug)}</a>{extra}</li>')
    return '## 相关方案 {#kb-related}\n\n<div class="kb-related">\n<ul>\n' + "\n".join(rows) + "\n</ul>\n</div>"


def _download(plan: Plan) -> str:
    """A Markdown link to plans/<slug>.docx; MkDocs checks the target exists and makes it relative."""
    return f'<p class="kb-download" data-pagefind-ignore markdown="span">[下载 Word 版]({quote(plan.slug)}.docx)</p>'


def _year_links(label: str, plans: list[Plan]) -> str:
    links = "、".join(
        f'<a href="{_attr(f"../{quote(other.slug)}/")}">{md_text(years_text(other.meta.years))} {md_text(other.title or other.slug)}</a>'
        for other in plans
    )
    return f"<span>{label}：{links}</span>"


def _sequence(previous: list[Plan], following: list[Plan]) -> str:
    parts = []
    if previous:
        parts.append(_year_links("上一年度", previous))
    if following:
        parts.append(_year_links("下一年度", following))
    return '<nav class="kb-sequence" data-pagefind-ignore>' + "　".join(parts) + "</nav>"


def _sources(plan: Plan) -> str:
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
    blocks = [
        "## 来源与版本 {#kb-sources}",
        f"<p>本方案在 {len(plan.sources)} 个来源中出现，内容基本相同，已合并为一页；下面显示损坏最少、最完整的版本。</p>",
        _table("kb-sources", ["文件", "来源", "发布日期", "待核对", "说明"], rows),
    ]
    if plan.variants:
        variant_rows = [[md_text(v.source_file), md_text(v.shown) or "（无）", md_text(v.other) or "（无）"] for v in plan.variants]
        blocks.append(
            '<details class="kb-variants" data-pagefind-ignore>\n'
            f"<summary>各版本不同的句子（{len(plan.variants)} 处）</summary>\n"
            + _table("kb-variants-table", ["来源", "显示的版本", "该来源的版本"], variant_rows)
            + "\n</details>"
        )
    return "\n\n".join(blocks)


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
    """The Markdown source of docs/plans/<slug>.md.

    ``related`` is already ranked by the caller (at most RELATED_LIMIT are shown). ``aliases`` maps a
    live anchor to retired anchors that must still land on it (``Registry.aliases_for``).
    ``previous`` / ``following`` are the same unit's plans of the nearest earlier / later year;
    ``download`` links the plans/<slug>.docx the caller writes beside the page.
    """
    aliases = aliases or {}
    meta = plan.meta
    head = front_matter(
        {
            "title": plan.title,
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
            "types": plan_types(plan),
            "flags": len(plan.flags),
        }
    )
    blocks = [_card(plan)]
    if previous or following:
        blocks.append(_sequence(previous or [], following or []))
    if download:
        blocks.append(_download(plan))
    if plan.flags:
        blocks.append(_flags(plan.flags))
    blocks.extend(md_text(paragraph) for paragraph in plan.preamble if paragraph.strip())
    for section in plan.sections:
        blocks.extend(_section(section, type_slugs, aliases))
    if plan.phases:
        blocks.append(_phases(plan.phases))
    if len(plan.sources) > 1:
        blocks.append(_sources(plan))
    chosen = [other for other in related if other is not plan][:RELATED_LIMIT]
    if chosen:
        blocks.append(_related(chosen))
    if removed:
        blocks.append(_report(removed))
    return head + "\n" + "\n\n".join(blocks) + "\n"
