"""Index pages around the plan pages: home, themes, activity types, and browse-by-facet pages.

Every page is an HTML page for MkDocs (``markup.Page``: front matter and an HTML body, see
scripts/publish/markup.py), built from tagged ``Plan`` objects and the taxonomy. Plan text is data: it
reaches a page only through ``md_text``. Links are relative (``markup.link``), so the site works under
any sub-path. Every list that grows with the collection is split into pages (``x.md``, then
``x_<where the page begins>.md``, see paging.py) at places that stay put as plans come and go, so no
page grows without bound and one added plan rewrites a few pages of each list it is in.

At 10,000 plans the index pages hold over half a million links, so the collection is gathered in one
pass (``gather``) and every page is rendered from that.

Heading ids: ``kb-title`` for the h1 of every page; ``p-<plan id>`` for a plan's group on a type
page, ``t-<type slug>`` for a type on a theme page, ``th-<theme slug>`` for a theme on the themes
index (the prefixes keep ids that start with a digit valid).
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import groupby
from typing import Callable, Iterator
from urllib.parse import quote

from scripts.models import Item, Plan, walk_sections
from scripts.publish.markup import Page, attr, link, md_text, page_url
from scripts.publish.paging import cut, page_names
from scripts.publish.render import years_text
from scripts.publish.slugs import slugify
from scripts.publish.writer import Made

# Lists are cut where paging.begins_page says (about once per MEAN rows) and, when a page is full, at a
# place the keys choose near its end (paging.cut): pages stay nearly full and an insert moves a page or two.
ITEMS_PER_PAGE = 200  # tagged items on one activity-type page (a large plan continues on the next page)
ITEMS_MEAN = 3 * ITEMS_PER_PAGE
PLAN_GROUPS_PER_PAGE = 100  # plan groups on one activity-type page
PLANS_PER_PAGE = 50  # rows of a plan table on a browse page
PLANS_MEAN = 3 * PLANS_PER_PAGE
VALUES_PER_PAGE = 200  # units, sectors … listed on one browse index page
VALUES_MEAN = 3 * VALUES_PER_PAGE
SAMPLES_PER_TYPE = 3  # example items per activity type on a theme page
EXCERPT_CHARS = 80
UNKNOWN = "未注明"  # facet value for plans that do not state it
NO_TITLE = "（无标题）"
HOME_TITLE = "文明创建工作方案参考库"
HOME_PAGE_TITLE = "首页"  # the theme adds the site name to every <title>: the home page's would read it twice
TITLE_ID = "kb-title"  # id of every index page's h1
# Written beside plans.json: the names the search box answers with one link to their index page.
QUICK_ANSWERS = "data/quick-answers.json"

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


def new_page(title: str, searchable: bool, page_title: str = "") -> Page:
    """A page with its title (plain text) as the h1 and, unless ``page_title`` is given, as front matter.

    Index pages are for browsing, not search results, so most say ``pagefind: False`` and the
    search index leaves them out.
    """
    meta = {"title": page_title or title}
    page = Page(meta if searchable else {**meta, "pagefind": False})
    page.heading(1, md_text(title), TITLE_ID)
    return page


def linked_heading(page: Page, anchor: str, link_html: str, text_html: str, after: str = "") -> None:
    """An h2 whose text (``text_html``) links to the page it names (``link_html``). The contents get the
    text without the link: the sidebar makes each entry a link itself, and links must not nest
    (Markdown's toc, too, stripped tags from entry names)."""
    page.heading(2, link_html + after, anchor, toc_name=text_html + after)


def a_href(href: str, text_html: str) -> str:
    """``markup.link`` for an href already worked out (``attr(page_url(...))``): a plan's URL serves all its links on a page."""
    return f'<a href="{href}">{text_html}</a>'


def ul(lines: list[str]) -> str:
    """A list, one <li> per line."""
    return "<ul>\n" + "\n".join(f"<li>{line}</li>" for line in lines) + "\n</ul>" if lines else ""


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


def pager(paths: list[str], index: int) -> str:
    """Previous / next links between the pages of one list (and back to the first); nothing for a single page.

    No page numbers: a page's number would change, and the page with it, whenever a page is added before it.
    """
    if len(paths) == 1:
        return ""
    here = paths[index]
    parts = []
    if index > 0:
        parts.append(link(here, paths[index - 1], "« 上一页"))
    if index > 1:
        parts.append(link(here, paths[0], "第一页"))
    if index == 0:
        parts.append(f"共 {len(paths)} 页")
    if index + 1 < len(paths):
        parts.append(link(here, paths[index + 1], "下一页 »"))
    return f'<nav class="kb-pager">{" · ".join(parts)}</nav>'


def single_rows(keyed: list[tuple[str, object]]) -> list[tuple[str, list]]:
    """(key, value) pairs as groups of one row, for ``paging.cut``."""
    return [(key, [value]) for key, value in keyed]


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


@dataclass(eq=False)  # compared by identity: rows are grouped by their plan
class Listed:
    """One plan as the index pages show it. A plan appears on dozens of pages, so what they show of
    it is worked out once (per process: the pieces may be rendered in several)."""

    plan: Plan
    items: int
    tagged: int

    @property
    def page(self) -> str:
        return plan_page(self.plan)

    @functools.cached_property
    def title(self) -> str:
        return md_text(self.plan.title or NO_TITLE)

    @functools.cached_property
    def line(self) -> str:
        return plan_line(self.plan)

    @functools.cached_property
    def cells(self) -> str:
        """The cells of its row in a plan table after the title cell."""
        meta = self.plan.meta
        cells = [md_text(meta.unit), md_text(years_text(meta.years)), md_text(meta.level), md_text(meta.sector)]
        return "".join(f"<td>{cell or '—'}</td>" for cell in cells) + f"<td>{self.items}（{self.tagged}）</td>"


Row = tuple[Listed, Item]


@dataclass
class Collection:
    """What every index page is made from, gathered in one pass over the plans."""

    plans: list[Plan]
    listed: list[Listed]  # by slug, then id
    rows: dict[str, list[Row]]  # activity type → rows, plans in the order above, items in reading order
    plan_counts: Counter  # activity type → plans with at least one item of it
    infos: list[TypeInfo]
    themes: list[str]  # in taxonomy order

    def type_counts(self, name: str) -> str:
        return f"{len(self.rows.get(name, []))} 条，{self.plan_counts[name]} 份方案"


def gather(plans: list[Plan], taxonomy) -> Collection:
    """One walk through every plan's items: the rows of each activity type and each plan's counts."""
    rows: dict[str, list[Row]] = defaultdict(list)
    plan_counts: Counter = Counter()
    listed = []
    for plan in sorted(plans, key=plan_key):
        items = list(iter_items(plan))
        entry = Listed(plan, len(items), sum(1 for item in items if item.tags))
        listed.append(entry)
        types: set[str] = set()
        for item in items:
            for tag in dict.fromkeys(item.tags):
                rows[tag].append((entry, item))
                types.add(tag)
        plan_counts.update(types)
    return Collection(plans, listed, rows, plan_counts, type_infos(taxonomy), [theme.name for theme in taxonomy.themes])


# ---------------------------------------------------------------- pages made before


@dataclass
class PageMemo:
    """The type and browse pages the last run made, found by a key of everything a page is made from.

    At 10,000 plans these pages hold half a million links: making them all again after one edit was most
    of publishing. A page's key is what it shows written out: its place among its list's pages (path,
    neighbours, count) and, for each plan on it, the digest of the whole plan (``plan_digests``, by id) with
    the rows shown. ``key`` turns that into a cache key (with the code version); ``get`` / ``put`` read
    and keep a page's text; ``used`` collects the keys of this run's pages, so the rest can be dropped.
    ``has`` (None: read every page at once) tells whether a page is kept: such a page is given to the
    writer as ``writer.Made``, read only if the writer needs its text.
    """

    plan_digests: dict[str, str]
    key: Callable[[bytes], str]
    get: Callable[[str], str | None]
    put: Callable[[str, str], None]
    has: Callable[[str], bool] | None = None
    used: set[str] = field(default_factory=set)

    def page(self, inputs: tuple, render: Callable[[], str]) -> str | Made:
        """The page under its key (as ``Made``) whenever ``has`` is given, also when made now: the writer then
        notes the key, else the first update after a cold build loaded every kept type, browse and report
        page to compare it (8,700 loads, 10 s of a profiled update at 10,000 plans)."""
        key = self.key(repr(inputs).encode("utf-8"))
        self.used.add(key)
        if self.has is None:
            return self._kept(key, render)
        if self.has(key):
            return Made(key, functools.partial(self._kept, key, render))
        text = self._kept(key, render)
        return Made(key, lambda: text)

    def _kept(self, key: str, render: Callable[[], str]) -> str:
        text = self.get(key)
        if text is None:
            text = render()
            self.put(key, text)
        return text


def made_once(memo: PageMemo | None, inputs: Callable[[], tuple], render: Callable[[], str]) -> str | Made:
    return render() if memo is None else memo.page(inputs(), render)


def page_place(paths: list[str], index: int) -> tuple:
    """What a page's pager shows of the list (see ``pager``)."""
    return (paths[index], paths[index - 1] if index else "", paths[index + 1] if index + 1 < len(paths) else "", paths[0], len(paths) if index == 0 else 0)


# ---------------------------------------------------------------- activity-type and theme pages


def split_type_rows(rows: list[Row]) -> list[list]:
    """The rows as pages (``paging.cut``): a plan's items are one group, keyed by the plan's id; at most
    ITEMS_PER_PAGE items and PLAN_GROUPS_PER_PAGE plans on a page."""
    groups = [(entry.plan.id, list(group)) for entry, group in groupby(rows, key=lambda row: row[0])]
    return cut(groups, ITEMS_PER_PAGE, ITEMS_MEAN, PLAN_GROUPS_PER_PAGE)


def item_links(href: str, rows: list[Row]) -> str:
    """The items of one plan as a list of links to their anchors on its page at ``href`` (there are
    hundreds of thousands of these links: the plan's URL is worked out once for all of them)."""
    return ul([a_href(f"{href}#{attr(quote(item.anchor))}", md_text(excerpt(item.text))) for _, item in rows])


def render_type_pages(info: TypeInfo, rows: list[Row], counts: str, memo: PageMemo | None = None) -> dict[str, str]:
    pieces = split_type_rows(rows)
    paths = page_names(f"types/{info.slug}", pieces)
    theme = f"主题：{link(paths[0], info.theme_page, md_text(info.theme))}。"  # the same on every page: all live in types/
    description = f"<p>{md_text(info.description)}</p>" if info.description else ""

    def render(index: int) -> str:
        path, piece = paths[index], pieces[index]
        page = new_page(info.name, searchable=index == 0)  # only the first page is searchable
        # The counts only on the first page: on every page, one added plan would rewrite them all.
        intro = [f"<p>{theme}共 {counts}。</p>", "" if rows else "<p>暂无条目。</p>"] if index == 0 else [f"<p>{theme}</p>"]
        page.add(description, *intro, pager(paths, index), '<div class="kb-type-list" data-pagefind-ignore="all">')
        for part in piece:
            entry = part.rows[0][0]
            href = attr(page_url(path, entry.page))
            linked_heading(page, f"p-{entry.plan.id}", a_href(href, entry.title), entry.title, "（续）" if part.start else "")
            page.add(f"<p>{entry.line}</p>", item_links(href, part.rows))
        page.add("</div>", pager(paths, index))
        return page.text()

    def inputs(index: int) -> tuple:
        shown = [(memo.plan_digests[part.key], part.start, len(part.rows)) for part in pieces[index]]
        return ("type", info, counts if index == 0 else "", bool(rows), *page_place(paths, index), shown)

    return {path: made_once(memo, functools.partial(inputs, index), functools.partial(render, index)) for index, path in enumerate(paths)}


def render_theme_page(theme_name: str, infos: list[TypeInfo], data: Collection) -> tuple[str, str]:
    path = theme_page(theme_name)
    total = sum(len(data.rows.get(i.name, [])) for i in infos)
    page = new_page(theme_name, searchable=True)
    page.add(f"<p>本主题下 {len(infos)} 个活动类型，共 {total} 条条目。</p>")
    for info in infos:
        type_rows = data.rows.get(info.name, [])
        name = md_text(info.name)
        linked_heading(page, f"t-{info.slug}", link(path, info.page, name), name)
        page.add(f"<p>{md_text(info.description)}</p>" if info.description else "", f"<p>{data.type_counts(info.name)}。</p>")
        if type_rows:
            samples = [link(path, entry.page, md_text(excerpt(item.text)), item.anchor) for entry, item in type_rows[:SAMPLES_PER_TYPE]]
            page.add('<div class="kb-samples" data-pagefind-ignore="all">', ul(samples), "</div>")
    return path, page.text()


def render_themes_index(data: Collection) -> str:
    path = "themes/index.md"
    infos = data.infos
    themes = list(dict.fromkeys(i.theme for i in infos))  # themes without types are left out here
    page = new_page("主题与活动类型", searchable=False)
    page.add(f"<p>共 {len(themes)} 个主题、{len(infos)} 个活动类型。</p>")
    for theme in themes:
        name = md_text(theme)
        linked_heading(page, f"th-{slugify(theme)}", link(path, theme_page(theme), name), name)
        page.add(ul([f"{link(path, i.page, md_text(i.name))}：{data.type_counts(i.name)}" for i in infos if i.theme == theme]))
    return page.text()


# ---------------------------------------------------------------- browse pages


def plan_table(page: str, listed: list[Listed]) -> str:
    rows = [f"<tr><td>{link(page, entry.page, entry.title)}</td>{entry.cells}</tr>" for entry in listed]
    head = "<tr>" + "".join(f"<th>{h}</th>" for h in ("方案", "单位", "年份", "级别", "行业", "条目（已标注）")) + "</tr>"
    return f"<table>\n<thead>{head}</thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"


def facet_values(facet: Facet, plan: Plan) -> list[str]:
    """The plan's values for ``facet``, each once; ``UNKNOWN`` when it states none."""
    return list(dict.fromkeys(v or UNKNOWN for v in facet.values(plan) or [""]))


def facet_members(facet: Facet, listed: list[Listed]) -> dict[str, list[Listed]]:
    """Facet value → the plans that have it, in the order of ``listed``."""
    members: dict[str, list[Listed]] = defaultdict(list)
    for entry in listed:
        for value in facet_values(facet, entry.plan):
            members[value].append(entry)
    return members


def render_value_pages(facet: Facet, value: str, base: str, members: list[Listed], memo: PageMemo | None) -> dict[str, str]:
    """The plans with one value of a facet: ``base``.md and its continuations."""
    pieces = cut(single_rows([(entry.plan.id, entry) for entry in members]), PLANS_PER_PAGE, PLANS_MEAN)
    paths = page_names(base, pieces)
    everything = f"browse/{facet.folder}/index.md"
    count = f"共 {len(members)} 份方案。"  # on the first page only (see render_type_pages)

    def render(index: int) -> str:
        page = new_page(f"{facet.label}：{value}", searchable=False)
        page.add(f"<p>{count if index == 0 else ''}{link(paths[index], everything, f'全部{facet.label}')}</p>")
        shown = [entry for part in pieces[index] for entry in part.rows]
        page.add(pager(paths, index), plan_table(paths[index], shown), pager(paths, index))
        return page.text()

    def inputs(index: int) -> tuple:
        shown = [memo.plan_digests[part.key] for part in pieces[index]]
        return ("facet", facet.label, value, count if index == 0 else "", *page_place(paths, index), shown)

    return {path: made_once(memo, functools.partial(inputs, index), functools.partial(render, index)) for index, path in enumerate(paths)}


def render_facet_pages(facet: Facet, members: dict[str, list[Listed]], memo: PageMemo | None = None) -> dict[str, str]:
    """browse/<facet>/index.md (the values, in pages) and one page, or a few, per value."""
    slugs = facet_slugs(list(members))
    values = sorted(members, key=lambda v: slugs[v])
    folder = f"browse/{facet.folder}"
    pages = {}
    for value in values:
        pages.update(render_value_pages(facet, value, f"{folder}/{slugs[value]}", members[value], memo))
    pieces = cut(single_rows([(slugs[v], v) for v in values]), VALUES_PER_PAGE, VALUES_MEAN)
    paths = page_names(f"{folder}/index", pieces)
    for index, (path, piece) in enumerate(zip(paths, pieces)):
        page = new_page(f"按{facet.label}浏览", searchable=False)
        page.add(f"<p>共 {len(values)} 个{facet.label}。</p>" if index == 0 else "", pager(paths, index))
        shown = [v for part in piece for v in part.rows]
        page.add(ul([f"{link(path, f'{folder}/{slugs[v]}.md', md_text(v))}：{len(members[v])} 份" for v in shown]))
        page.add(pager(paths, index))
        pages[path] = page.text()
    return pages


def facet_value_count(facet: Facet, plans: list[Plan]) -> int:
    return len({v for plan in plans for v in facet.values(plan) if v})


def render_browse_index(plans: list[Plan]) -> str:
    path = "browse/index.md"
    page = new_page("浏览", searchable=False)
    page.add(f"<p>按以下方式浏览全部 {len(plans)} 份方案：</p>")
    page.add(ul([
        f"{link(path, f'browse/{f.folder}/index.md', f'按{f.label}')}：{facet_value_count(f, plans)} 个{f.label}" for f in FACETS
    ]))
    return page.text()


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
            f'<a class="kb-bar" href="{attr(page_url("index.md", info.page))}"><title>{name}：{count} 条</title>'
            f'<text class="kb-bar-label" x="{label_w - 8}" y="{y + 14}" text-anchor="end">{name}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar}" rx="2"></rect>'
            f'<text class="kb-bar-count" x="{label_w + w + 6}" y="{y + 14}">{count}</text></a>'
        )
    parts += ["</svg>", "</div>"]
    return "\n".join(parts)


def render_home(data: Collection) -> str:
    path = "index.md"
    plans, infos, rows = data.plans, data.infos, data.rows
    items = sum(entry.items for entry in data.listed)
    tagged = sum(entry.tagged for entry in data.listed)
    years = sorted({y for plan in plans for y in plan.meta.years})
    span = f"（{years[0]}—{years[-1]}）" if years else ""
    counts = {f.folder: facet_value_count(f, plans) for f in FACETS}
    bars = sorted(((i, len(rows.get(i.name, []))) for i in infos), key=lambda b: (-b[1], b[0].slug))
    page = new_page(HOME_TITLE, searchable=False, page_title=HOME_PAGE_TITLE)
    page.add(
        f"<p>本库收录 <strong>{len(plans)}</strong> 份精神文明建设与文明单位创建工作方案，来自 {counts['units']} 个单位、"
        f"{counts['sectors']} 个行业、{counts['regions']} 个地区，涉及 {counts['years']} 个年份{span}；"
        f"共 {items} 条工作条目，其中 {tagged} 条已按活动类型标注。</p>",
        "<p>每条工作条目都有固定链接，可直接引用到课件或文件中。用页面顶部的搜索框按方案、单位、活动类型检索。</p>",
    )
    page.heading(2, "活动类型", "types")
    page.add("<p>各活动类型的条目数（点击查看全部条目）：</p>", type_chart(bars))
    page.heading(2, "浏览", "browse")
    themes = len(dict.fromkeys(i.theme for i in infos))
    page.add(ul(
        [f"{link(path, 'themes/index.md', '按主题与活动类型')}：{themes} 个主题、{len(infos)} 个活动类型"]
        + [f"{link(path, f'browse/{f.folder}/index.md', f'按{f.label}')}：{counts[f.folder]} 个{f.label}" for f in FACETS]
    ))
    return page.text()


# ---------------------------------------------------------------- quick answers


def quick_answers(plans: list[Plan], taxonomy) -> str:
    """``QUICK_ANSWERS``: [label, name, page, other names] of every activity type, theme and browse value.

    The search box (scripts/site/search_index.py, overrides/kb-search/) offers the one whose name
    matches what is typed as a link above the results, which then hold plans only. An activity
    type's other names are its keywords and synonyms (文明交通 → 文明出行); a facet value's page is
    the one ``render_facet_pages`` writes (same slugs, from the same values).
    """
    keywords = {t.name: t.keywords for theme in taxonomy.themes for t in theme.types}
    answers = [["活动类型", i.name, i.page, [k for k in keywords[i.name] if k != i.name]] for i in type_infos(taxonomy)]
    answers += [["主题", theme.name, theme_page(theme.name), []] for theme in taxonomy.themes]
    for facet in FACETS:
        slugs = facet_slugs(sorted({v for plan in plans for v in facet_values(facet, plan)}))
        answers += [[facet.label, v, f"browse/{facet.folder}/{slugs[v]}.md", []] for v in sorted(slugs, key=slugs.get) if v != UNKNOWN]
    return json.dumps(answers, ensure_ascii=False, separators=(",", ":")) + "\n"


# ---------------------------------------------------------------- all together


def render_overview_pages(data: Collection) -> dict[str, str]:
    """The home page, the themes index, one page per theme and the browse index."""
    pages = {"index.md": render_home(data), "themes/index.md": render_themes_index(data)}
    for theme in data.themes:
        path, text = render_theme_page(theme, [i for i in data.infos if i.theme == theme], data)
        pages[path] = text
    pages["browse/index.md"] = render_browse_index(data.plans)
    return pages


def render_index_pages(plans: list[Plan], taxonomy, memo: PageMemo | None = None) -> dict[str, str]:
    """Every index page as {docs-relative path: page file}. ``plans`` carry ids, slugs, anchors and tags;
    ``memo``: the type and browse pages made before, taken from it when made from the same inputs."""
    data = gather(plans, taxonomy)
    pages: dict[str, str] = {}
    for info in data.infos:
        pages.update(render_type_pages(info, data.rows.get(info.name, []), data.type_counts(info.name), memo))
    for facet in FACETS:
        pages.update(render_facet_pages(facet, facet_members(facet, data.listed), memo))
    pages.update(render_overview_pages(data))
    return pages
