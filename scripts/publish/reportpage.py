"""The ingest report page: every input file with its outcome, plans, removals by rule, and flags.

Maintainers read it to see what the pipeline did to each file; nothing is left out, long
per-file lists are folded so the page stays readable. Pages are HTML (``markup.Page``), like the
index pages; file names, removed text and reasons are data and go through ``md_text``.
"""
from __future__ import annotations

import functools
import hashlib
from collections import Counter, defaultdict

from scripts.publish.indexes import NO_TITLE, TITLE_ID, PageMemo, made_once, page_place, pager
from scripts.publish.markup import Page, attr, link, md_text
from scripts.publish.paging import cut
from scripts.publish.render import FLAG_LABELS, flag_detail

FILES_PER_PAGE = 25  # a file block holds all its removals and flags: a few KB each
FILES_MEAN = 3 * FILES_PER_PAGE  # see indexes.ITEMS_MEAN
STATUS_LABELS = {"plans": "已入库", "skipped": "跳过", "rejected": "拒收", "duplicate": "重复", "excluded": "已排除"}
FIELD_LABELS = {"title": "标题", "unit": "单位", "sector": "行业", "region": "地区", "years": "年度", "level": "级别", "unit_anonymised": "单位匿名"}


def _cell(value: object) -> str:
    """Escaped text; line breaks show as ⏎ (md_text alone would fold them into spaces)."""
    return md_text(" ⏎ ".join(str(value).splitlines()))


def _plan_page(slug: str) -> str:
    return f"plans/{slug}.md"


def _file_block(entry: dict, here: str) -> list[str]:
    status = STATUS_LABELS.get(entry["status"], entry["status"])
    plans = "".join(
        f'<li>{link(here, _plan_page(p["slug"]), _cell(p["title"]) or NO_TITLE)} <code>{_cell(p["id"])}</code></li>' for p in entry["plans"]
    )
    rules = Counter(r["rule"] for r in entry["removed"])
    flags = Counter(FLAG_LABELS.get(f["kind"], f["kind"]) for f in entry["flags"])
    summary = f'{_cell(entry["source"])} — {status}'
    if entry["reason"]:
        summary += f"：{_cell(entry['reason'])}"
    parts = [f'<details class="kb-report-file" data-status="{attr(entry["status"])}">', f"<summary>{summary}</summary>"]
    parts.append(
        f"<p>编码 {_cell(entry['encoding'] or '—')} · {entry['size']} 字节"
        + (" · 原文为繁体" if entry["was_traditional"] else "")
        + (" · 删除 " + "，".join(f"{_cell(k)} ×{v}" for k, v in sorted(rules.items())) if rules else "")
        + (" · 标记 " + "，".join(f"{_cell(k)} ×{v}" for k, v in sorted(flags.items())) if flags else "")
        + "</p>"
    )
    if plans:
        parts.append(f"<ul>{plans}</ul>")
    if entry["removed"]:
        rows = "".join(
            f"<tr><td>{r['line']}</td><td><code>{_cell(r['rule'])}</code></td><td>{_cell(r['text'])}</td></tr>" for r in entry["removed"]
        )
        parts.append(f"<table><thead><tr><th>行</th><th>规则</th><th>删除的文字</th></tr></thead><tbody>{rows}</tbody></table>")
    if entry["flags"]:
        rows = "".join(
            f"<tr><td>{f['line']}</td><td>{_cell(FLAG_LABELS.get(f['kind'], f['kind']))}</td><td>{_cell(f['excerpt'])}</td>"
            f"<td>{_cell(flag_detail(f['detail']))}</td></tr>"
            for f in entry["flags"]
        )
        parts.append(f"<table><thead><tr><th>行</th><th>标记</th><th>片段</th><th>说明</th></tr></thead><tbody>{rows}</tbody></table>")
    parts.append("</details>")
    return parts


def _plan_link(ref: dict, here: str) -> str:
    label = f'{_cell(ref["source"])}' + (f' 第 {ref["index_in_file"] + 1} 篇' if ref["index_in_file"] else "")
    title = _cell(ref["title"]) or NO_TITLE
    return f"{link(here, _plan_page(ref['slug']), title)}（{label}）" if ref["slug"] else f"{title}（{label}）"


def _pair_table(pairs: list[dict], left: str, right: str, headings: tuple[str, str], here: str) -> str:
    """A table of plan pairs with their similarity and the reason for the decision."""
    rows = "".join(
        f"<tr><td>{_plan_link(p[left], here)}</td><td>{_plan_link(p[right], here)}</td><td>{p['similarity']:.0%}</td><td>{_cell(p['reason'])}</td></tr>"
        for p in pairs
    )
    return f"<table><thead><tr><th>{headings[0]}</th><th>{headings[1]}</th><th>相同</th><th>原因</th></tr></thead><tbody>{rows}</tbody></table>"


def _merge_blocks(page: Page, merged: list[dict], apart: list[dict], here: str) -> None:
    """Which copies were merged into which page and why; which look-alikes were kept apart and why."""
    if not merged and not apart:
        return
    page.heading(2, "合并的重复方案", "merged")
    page.add('<div class="kb-report kb-merged">')
    if merged:
        page.add(f"<p>以下 {len(merged)} 个副本与另一来源的同一方案基本相同，已并入显示的版本（该页列出全部来源和不同的句子）。</p>")
        page.add(_pair_table(merged, "copy", "shown", ("副本", "并入"), here))
    if apart:
        page.add(f"<p>以下 {len(apart)} 对方案文字相近，但判定为不同方案，未合并：</p>")
        page.add(_pair_table(apart, "first", "second", ("方案", "方案"), here))
    page.add("</div>")


def _value(value: object) -> str:
    """A corrected field's value as text: years joined, a flag as 是/否, nothing as （空）."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        value = "、".join(map(str, value))
    return _cell(value) if value != "" else "（空）"


def _what(applied: dict) -> str:
    if applied["exclude"]:
        return "排除整个文件" if applied["index_in_file"] is None else "排除此方案"
    changes = [f"{FIELD_LABELS.get(c['field'], _cell(c['field']))}：{_value(c['old'])} → {_value(c['new'])}" for c in applied["changes"]]
    return "；".join(changes) or "无变化（已是此值）"


def _corrected_plan(applied: dict, here: str) -> str:
    ref = {**applied, "index_in_file": applied["index_in_file"] or 0, "slug": "" if applied["exclude"] else applied["slug"]}
    return _cell(applied["source"]) if applied["index_in_file"] is None else _plan_link(ref, here)


def _corrections_block(page: Page, fixes: dict, here: str) -> None:
    """What the curator's corrections file did: each entry applied (old → new), matching nothing, or left out as malformed."""
    if not fixes.get("file"):
        return
    applied, unmatched, problems = fixes["applied"], fixes["unmatched"], fixes["problems"]
    page.heading(2, "人工修正", "corrections")
    page.add(
        '<div class="kb-report kb-corrections">',
        f"<p>修正文件 <code>{_cell(fixes['file'])}</code>：应用 {len(applied)} 处，未匹配 {len(unmatched)} 条，有误 {len(problems)} 条。</p>",
    )
    if applied:
        rows = "".join(
            f"<tr><td>{a['line']}</td><td><code>{_cell(a['target'])}</code></td><td>{_corrected_plan(a, here)}</td>"
            f"<td>{_what(a)}</td><td>{_cell(a['note'])}</td></tr>"
            for a in applied
        )
        page.add(f"<table><thead><tr><th>行</th><th>条目</th><th>方案</th><th>修正</th><th>说明</th></tr></thead><tbody>{rows}</tbody></table>")
    if unmatched:
        page.add("<p>以下条目没有匹配到任何方案或文件，未起作用：</p>")
        rows = "".join(
            f"<tr><td>{u['line']}</td><td><code>{_cell(u['target'])}</code></td><td>{_cell(u['reason'])}</td><td>{_cell(u['note'])}</td></tr>"
            for u in unmatched
        )
        page.add(f"<table><thead><tr><th>行</th><th>条目</th><th>原因</th><th>说明</th></tr></thead><tbody>{rows}</tbody></table>")
    if problems:
        page.add("<p>以下条目有误，已忽略（其余条目照常应用）：</p>")
        rows = "".join(f"<tr><td>{p['line']}</td><td>{_cell(p['message'])}</td></tr>" for p in problems)
        page.add(f"<table><thead><tr><th>行</th><th>问题</th></tr></thead><tbody>{rows}</tbody></table>")
    page.add("</div>")


def file_key(source: str) -> str:
    """A file's key for the report's pages: file names are anything, page names must be plain."""
    return hashlib.blake2b(source.encode("utf-8"), digest_size=8).hexdigest()


def render_report_pages(report: dict, memo: PageMemo | None = None) -> dict[str, str]:
    """The report as {docs-relative path: page file}: report.md, then report/<key>.md … of at most FILES_PER_PAGE files each.

    Every file stays listed, but no page grows with the collection. Pages are cut where ``paging.cut``
    says, so an added file rewrites its own page and the first (the counts), not every later one. A merged
    copy, and a pair kept apart, is shown on the page of the copy's (the first plan's) file, and counts as a
    row of that page. ``memo``: the pages made before, taken from it when made from the same rows.
    """
    files = report["files"]
    counts = Counter(f["status"] for f in files)
    pairs = defaultdict(list)  # a file's source → its rows after its own: the pairs shown with it
    for pair in report.get("merged", []):
        pairs[pair["copy"]["source"]].append(("merged", pair))
    for pair in report.get("kept_apart", []):
        pairs[pair["first"]["source"]].append(("apart", pair))
    known = {f["source"] for f in files}
    astray = [row for source in pairs if source not in known for row in pairs[source]]  # shown on the first page
    # A file and its pairs are one group: a page holds FILES_PER_PAGE of these rows, so pairs cannot make it grow.
    groups = [(file_key(f["source"]), [("file", f), *pairs[f["source"]]]) for f in files]
    pieces = cut(groups, FILES_PER_PAGE, FILES_MEAN)
    paths = ["report.md"] + [f"report/{piece[0].name}.md" for piece in pieces[1:]]
    by_key = {file_key(f["source"]): f for f in files}
    first_only = (len(files), sorted(counts.items()), astray, report.get("corrections", {}))  # what only the first page shows

    def rows_of(index: int) -> list:
        return [row for part in pieces[index] for row in part.rows] + (astray if index == 0 else [])

    def render(index: int) -> str:
        path, piece, rows = paths[index], pieces[index], rows_of(index)
        entries = [row for kind, row in rows if kind == "file"]
        merged = [row for kind, row in rows if kind == "merged"]
        apart = [row for kind, row in rows if kind == "apart"]
        title = f"清理报告（{by_key[piece[0].key]['source']} 起）" if index else "清理报告"
        page = Page({"title": title, "pagefind": False})
        page.heading(1, "清理报告", TITLE_ID)
        if index == 0:  # the counts on the first page only: on every page, one added file would rewrite them all
            page.add(
                f"<p>共 {len(files)} 个输入文件："
                + "，".join(f"{STATUS_LABELS.get(k, k)} {v}" for k, v in sorted(counts.items()))
                + "。每个文件的处理结果、删除的网站杂质（及删除规则）和需要人工核对的标记如下；完整数据见 <code>data/report.json</code>。</p>"
            )
        else:
            page.add(f"<p>从 {_cell(by_key[piece[0].key]['source'])} 起的文件（全部文件的统计见{link(path, paths[0], '第一页')}）。</p>")
        page.add(pager(paths, index), '<div class="kb-report">')
        for entry in entries:
            page.add(*_file_block(entry, path))
        page.add("</div>")
        _merge_blocks(page, merged, apart, path)
        if index == 0:
            _corrections_block(page, report.get("corrections", {}), path)
        page.add(pager(paths, index))
        return page.text()

    def inputs(index: int) -> tuple:
        return ("report", *page_place(paths, index), first_only if index == 0 else (), [row for part in pieces[index] for row in part.rows])

    return {path: made_once(memo, functools.partial(inputs, index), functools.partial(render, index)) for index, path in enumerate(paths)}
