"""Index pages around the plan pages: home, themes, activity types, and browse-by-facet pages.

Every page is Markdown for MkDocs, built from tagged ``Plan`` objects and the taxonomy. Plan text
is data: it reaches a page only through ``md_text``. Links are relative ``.md`` paths, so MkDocs
checks them (``--strict``) and the site works under any sub-path. Every list that grows with the
collection is split into numbered pages (``x.md``, ``x-2.md`` …), so no page grows without bound.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby
from typing import Callable, Iterator
from urllib.parse import quote

import yaml

from .models import Item, Plan, walk_sections
from .render import md_text, years_text
from .slugs import slugify

ITEMS_PER_PAGE = 200  # tagged items on one activity-type page (a large plan continues on the next page)
PLAN_GROUPS_PER_PAGE = 50  # plan groups on one activity-type page
PLANS_PER_PAGE = 50  # rows of a plan table on a browse page
VALUES_PER_PAGE = 200  # units, sectors … listed on one browse index page
SAMPLES_PER_TYPE = 3  # example items per activity type on a theme page
EXCERPT_CHARS = 80
UNKNOWN = "未注明"  # facet value for plans that do not state it
NO_TITLE = "（无标题）"
HOME_TITLE = "文明创建工作方案参考库"

_PAGE_SUFFIX = re.compile(r"-\d+$")  # reserved for page numbers: types/x-2.md is page 2 of types/x.md


@dataclass(frozen=True)
class Facet:
    """One way to browse plans: a folder under browse/ and the values a plan has for it."""

    folder: str
    label: str
    values: Callable[[Plan], list[str]]


FACETS = (
    Facet("units", "单位", lambda p: [p.meta.unit]),
    Facet("sectors", "行业", lambda p: [p.meta.sector]),
    Facet("regions", "地区", lambda p: [p.meta.region]),
    Facet("years", "年份", lambda p: [str(y) for y in p.meta.years]),
    Facet("levels", "级别", lambda p: [p.meta.level]),
)


# ---------------------------------------------------------------- small helpers


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative link target from one docs page to another (both docs-relative ``.md`` paths).

    Computed on the path strings alone (posixpath.relpath asks the OS for the working directory
    on every call, which dominates the time for tens of thousands of links).
    """
    here = from_page.split("/")[:-1]
    there = to_page.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    target = "/".join([".."] * (len(here) - common) + there[common:])
    return quote(target) + (f"#{quote(anchor)}" if anchor else "")


def site_url(page: str) -> str:
    """The URL of a (non-index) page under ``use_directory_urls``, for raw HTML, which MkDocs leaves alone."""
    return page[: -len(".md")] + "/"


# Front matter of index pages: they are for browsing, not search results (see overrides/main.html).
NOT_SEARCHED = "---\n" + yaml.safe_dump({"pagefind": False}) + "---\n\n"


def theme_page(theme: str) -> str:
    return f"themes/{slugify(theme)}.md"


def plan_page(plan: Plan) -> str:
    return f"plans/{plan.slug}.md"


def plan_key(plan: Plan) -> tuple[str, str]:
    return (plan.slug, plan.id)


def iter_items(plan: Plan) -> Iterator[Item]:
    """Every item of the plan in reading order."""
    for section in walk_sections(plan.sections):
        yield from section.items


def excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


def plan_line(plan: Plan) -> str:
    """Unit · years · level, the facts a reader wants next to a plan's title."""
    parts = [plan.meta.unit, years_text(plan.meta.years), plan.meta.level]
    return " · ".join(md_text(p) for p in parts if p) or UNKNOWN


def page_paths(base: str, count: int) -> list[str]:
    """``base.md``, ``base-2.md`` … for ``count`` pages (at least one)."""
    return [f"{base}.md"] + [f"{base}-{n}.md" for n in range(2, max(count, 1) + 1)]


def pager(paths: list[str], index: int) -> list[str]:
    """Previous / next links between the numbered pages of one list; nothing for a single page."""
    if len(paths) == 1:
        return []
    here = paths[index]
    parts = []
    if index > 0:
        parts.append(f"[« 上一页]({link(here, paths[index - 1])})")
    parts.append(f"第 {index + 1} / {len(paths)} 页")
    if index + 1 < len(paths):
        parts.append(f"[下一页 »]({link(here, paths[index + 1])})")
    return ['<nav class="kb-pager" markdown="1">', "", " · ".join(parts), "", "</nav>", ""]


def chunks(rows: list, size: int) -> list[list]:
    return [rows[i : i + size] for i in range(0, len(rows), size)] or [[]]


def facet_slugs(names: list[str]) -> dict[str, str]:
    """A file slug per facet value. Two values that read alike, or a slug that looks like a page
    number (``-2``), get a short hash of the value, so no two values share a page."""
    bases = {name: slugify(name) for name in names}
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(bases, key=lambda n: (bases[n], n)):
        slug = bases[name]
        if slug in taken or _PAGE_SUFFIX.search(slug):
            slug = f"{slug}-h{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"
        taken.add(slug)
        slugs[name] = slug
    return slugs


# ---------------------------------------------------------------- the data the pages show


@dataclass(frozen=True)
class TypeInfo:
    name: str
    theme: str
    description: str
    slug: str

    @property
    def page(self) -> str:
        return f"types/{self.slug}.md"

    @property
    def theme_page(self) -> str:
        return theme_page(self.theme)


def type_infos(taxonomy) -> list[TypeInfo]:
    """Taxonomy types in taxonomy order.

    Plan pages link to ``types/<slugify(name)>.md``, so a type's slug cannot be disambiguated here:
    two names that read alike (or one that reads like another's page 2) must be renamed in the taxonomy.
    """
    infos = [
        TypeInfo(t.name, theme.name, getattr(t, "description", "") or "", slugify(t.name))
        for theme in taxonomy.themes
        for t in theme.types
    ]
    for kind, names in (("activity types", [i.name for i in infos]), ("themes", [t.name for t in taxonomy.themes])):
        by_slug: dict[str, list[str]] = defaultdict(list)
        for name in names:
            by_slug[slugify(name)].append(name)
        for slug, same in sorted(by_slug.items()):
            if len(same) > 1 or _PAGE_SUFFIX.sub("", slug) in by_slug.keys() - {slug}:
                raise ValueError(f"{kind} {same} need distinct page slugs (got {slug!r}); rename one in rules/taxonomy.yml")
    return infos


def tagged_rows(plans: list[Plan]) -> dict[str, list[tuple[Plan, Item]]]:
    """Activity type → (plan, item) rows, plans by slug then id, items in reading order."""
    rows: dict[str, list[tuple[Plan, Item]]] = defaultdict(list)
    for plan in sorted(plans, key=plan_key):
        for item in iter_items(plan):
            for tag in dict.fromkeys(item.tags):
                rows[tag].append((plan, item))
    return rows


# ---------------------------------------------------------------- activity-type and theme pages


def split_type_rows(rows: list[tuple[Plan, Item]]) -> list[list[tuple[Plan, Item]]]:
    """Cut rows into pages of at most ITEMS_PER_PAGE items and PLAN_GROUPS_PER_PAGE plans."""
    pages: list[list[tuple[Plan, Item]]] = []
    current: list[tuple[Plan, Item]] = []
    groups = 0
    for plan, item in rows:
        new_group = not current or current[-1][0] is not plan
        if current and (len(current) == ITEMS_PER_PAGE or (new_group and groups == PLAN_GROUPS_PER_PAGE)):
            pages.append(current)
            current, groups, new_group = [], 0, True
        groups += new_group
        current.append((plan, item))
    return pages + [current] if current or not pages else pages


def item_link_line(page: str, plan: Plan, item: Item) -> str:
    return f"- [{md_text(excerpt(item.text))}]({link(page, plan_page(plan), item.anchor)})"


def render_type_pages(info: TypeInfo, rows: list[tuple[Plan, Item]]) -> dict[str, str]:
    pieces = split_type_rows(rows)
    paths = page_paths(f"types/{info.slug}", len(pieces))
    intro = [f"# {md_text(info.name)}", ""]  # the same on every page: all live in types/
    if info.description:
        intro += [md_text(info.description), ""]
    intro += [f"主题：[{md_text(info.theme)}]({link(paths[0], info.theme_page)})。共 {type_counts(rows)}。", ""]
    if not rows:
        intro += ["暂无条目。", ""]
    pages = {}
    previous_plan = None
    for index, (path, piece) in enumerate(zip(paths, pieces)):
        head = NOT_SEARCHED if index else ""  # only the first page is searchable
        lines = [head + intro[0], *intro[1:], *pager(paths, index)]
        lines += ['<div class="kb-type-list" data-pagefind-ignore="all" markdown="1">', ""]
        for plan, group in groupby(piece, key=lambda row: row[0]):
            cont = "（续）" if plan is previous_plan else ""
            lines += [f"## [{md_text(plan.title or NO_TITLE)}]({link(path, plan_page(plan))}){cont}", ""]
            lines += [plan_line(plan), ""]
            lines += [item_link_line(path, plan, item) for _, item in group]
            lines.append("")
            previous_plan = plan
        lines += ["</div>", "", *pager(paths, index)]
        pages[path] = "\n".join(lines)
    return pages


def type_counts(rows: list[tuple[Plan, Item]]) -> str:
    return f"{len(rows)} 条，{len({plan.id for plan, _ in rows})} 份方案"


def render_theme_page(theme_name: str, infos: list[TypeInfo], rows: dict[str, list]) -> tuple[str, str]:
    path = theme_page(theme_name)
    total = sum(len(rows.get(i.name, [])) for i in infos)
    lines = [f"# {md_text(theme_name)}", "", f"本主题下 {len(infos)} 个活动类型，共 {total} 条条目。", ""]
    for info in infos:
        type_rows = rows.get(info.name, [])
        lines += [f"## [{md_text(info.name)}]({link(path, info.page)})", ""]
        if info.description:
            lines += [md_text(info.description), ""]
        lines += [type_counts(type_rows) + "。", ""]
        if type_rows:
            lines += ['<div class="kb-samples" data-pagefind-ignore="all" markdown="1">', ""]
            lines += [item_link_line(path, plan, item) for plan, item in type_rows[:SAMPLES_PER_TYPE]]
            lines += ["", "</div>", ""]
    return path, "\n".join(lines)


def render_themes_index(infos: list[TypeInfo], rows: dict[str, list]) -> str:
    path = "themes/index.md"
    themes = list(dict.fromkeys(i.theme for i in infos))
    lines = [NOT_SEARCHED, "# 主题与活动类型", "", f"共 {len(themes)} 个主题、{len(infos)} 个活动类型。", ""]
    for theme in themes:
        lines += [f"## [{md_text(theme)}]({link(path, theme_page(theme))})", ""]
        lines += [
            f"- [{md_text(i.name)}]({link(path, i.page)})：{type_counts(rows.get(i.name, []))}" for i in infos if i.theme == theme
        ]
        lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------- browse pages


def plan_table(page: str, plans: list[Plan]) -> list[str]:
    lines = ["| 方案 | 单位 | 年份 | 级别 | 行业 | 条目（已标注） |", "| --- | --- | --- | --- | --- | --- |"]
    for plan in plans:
        items = list(iter_items(plan))
        tagged = sum(1 for item in items if item.tags)
        cells = [
            f"[{md_text(plan.title or NO_TITLE)}]({link(page, plan_page(plan))})",
            md_text(plan.meta.unit) or "—",
            md_text(years_text(plan.meta.years)) or "—",
            md_text(plan.meta.level) or "—",
            md_text(plan.meta.sector) or "—",
            f"{len(items)}（{tagged}）",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines + [""]


def render_facet_pages(facet: Facet, plans: list[Plan]) -> dict[str, str]:
    """browse/<facet>/index.md (paginated list of values) and one paginated page per value."""
    members: dict[str, list[Plan]] = defaultdict(list)
    for plan in sorted(plans, key=plan_key):
        for value in dict.fromkeys(v or UNKNOWN for v in facet.values(plan) or [""]):
            members[value].append(plan)
    slugs = facet_slugs(list(members))
    values = sorted(members, key=lambda v: slugs[v])
    folder = f"browse/{facet.folder}"
    pages = {}
    for value in values:
        pieces = chunks(members[value], PLANS_PER_PAGE)
        paths = page_paths(f"{folder}/{slugs[value]}", len(pieces))
        for index, (path, piece) in enumerate(zip(paths, pieces)):
            lines = [NOT_SEARCHED, f"# {facet.label}：{md_text(value)}", ""]
            lines += [f"共 {len(members[value])} 份方案。[全部{facet.label}]({link(path, f'{folder}/index.md')})", ""]
            lines += pager(paths, index) + plan_table(path, piece) + pager(paths, index)
            pages[path] = "\n".join(lines)
    pieces = chunks(values, VALUES_PER_PAGE)
    paths = page_paths(f"{folder}/index", len(pieces))
    for index, (path, piece) in enumerate(zip(paths, pieces)):
        lines = [NOT_SEARCHED, f"# 按{facet.label}浏览", "", f"共 {len(values)} 个{facet.label}。", ""]
        lines += pager(paths, index)
        lines += [f"- [{md_text(v)}]({link(path, f'{folder}/{slugs[v]}.md')})：{len(members[v])} 份" for v in piece]
        lines += [""] + pager(paths, index)
        pages[path] = "\n".join(lines)
    return pages


def facet_value_count(facet: Facet, plans: list[Plan]) -> int:
    return len({v for plan in plans for v in facet.values(plan) if v})


def render_browse_index(plans: list[Plan]) -> str:
    path = "browse/index.md"
    lines = [NOT_SEARCHED, "# 浏览", "", f"按以下方式浏览全部 {len(plans)} 份方案：", ""]
    for facet in FACETS:
        lines.append(f"- [按{facet.label}]({link(path, f'browse/{facet.folder}/index.md')})：{facet_value_count(facet, plans)} 个{facet.label}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- home page


def type_chart(bars: list[tuple[TypeInfo, int]]) -> str:
    """A horizontal bar chart as inline SVG: one bar per activity type, each a link to its page.

    Drawn at build time so the home page needs no script; labels go through md_text, whose
    character references are valid in SVG text.
    """
    row, bar, label_w, plot_w, count_w = 26, 18, 150, 420, 70
    top = max((count for _, count in bars), default=0) or 1
    height = row * len(bars) + 8
    width = label_w + plot_w + count_w
    parts = [
        '<div class="kb-chart">',
        f'<svg class="kb-chart-svg" viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="活动类型条目数">',
    ]
    for n, (info, count) in enumerate(bars):
        y = 4 + n * row
        w = round(plot_w * count / top, 1)
        name = md_text(info.name)
        parts.append(
            f'<a class="kb-bar" href="{site_url(info.page)}"><title>{name}：{count} 条</title>'
            f'<text class="kb-bar-label" x="{label_w - 8}" y="{y + 14}" text-anchor="end">{name}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar}" rx="2"></rect>'
            f'<text class="kb-bar-count" x="{label_w + w + 6}" y="{y + 14}">{count}</text></a>'
        )
    parts += ["</svg>", "</div>"]
    return "\n".join(parts)


def render_home(plans: list[Plan], infos: list[TypeInfo], rows: dict[str, list]) -> str:
    items = [item for plan in plans for item in iter_items(plan)]
    tagged = sum(1 for item in items if item.tags)
    years = sorted({y for plan in plans for y in plan.meta.years})
    span = f"（{years[0]}—{years[-1]}）" if years else ""
    counts = {f.folder: facet_value_count(f, plans) for f in FACETS}
    bars = sorted(((i, len(rows.get(i.name, []))) for i in infos), key=lambda b: (-b[1], b[0].slug))
    lines = [
        NOT_SEARCHED,
        f"# {HOME_TITLE}",
        "",
        f"本库收录 **{len(plans)}** 份精神文明建设与文明单位创建工作方案，来自 {counts['units']} 个单位、"
        f"{counts['sectors']} 个行业、{counts['regions']} 个地区，涉及 {counts['years']} 个年份{span}；"
        f"共 {len(items)} 条工作条目，其中 {tagged} 条已按活动类型标注。",
        "",
        "每条工作条目都有固定链接，可直接引用到课件或文件中。用页面顶部的搜索框按方案、单位、活动类型检索。",
        "",
        "## 活动类型",
        "",
        "各活动类型的条目数（点击查看全部条目）：",
        "",
        type_chart(bars),
        "",
        "## 浏览",
        "",
        f"- [按主题与活动类型](themes/index.md)：{len(dict.fromkeys(i.theme for i in infos))} 个主题、{len(infos)} 个活动类型",
    ]
    lines += [f"- [按{f.label}](browse/{f.folder}/index.md)：{counts[f.folder]} 个{f.label}" for f in FACETS]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- all together


def render_index_pages(plans: list[Plan], taxonomy) -> dict[str, str]:
    """Every index page as {docs-relative path: Markdown}. ``plans`` carry ids, slugs, anchors and tags."""
    infos = type_infos(taxonomy)
    rows = tagged_rows(plans)
    pages = {"index.md": render_home(plans, infos, rows), "themes/index.md": render_themes_index(infos, rows)}
    for theme in taxonomy.themes:
        path, text = render_theme_page(theme.name, [i for i in infos if i.theme == theme.name], rows)
        pages[path] = text
    for info in infos:
        pages.update(render_type_pages(info, rows.get(info.name, [])))
    pages["browse/index.md"] = render_browse_index(plans)
    for facet in FACETS:
        pages.update(render_facet_pages(facet, plans))
    return pages
