"""The ingest report page: every input file with its outcome, plans, removals by rule, and flags.

Maintainers read it to see what the pipeline did to each file; nothing is left out, long
per-file lists are folded so the page stays readable.
"""
from __future__ import annotations

from collections import Counter

from .render import md_text

FILES_PER_PAGE = 25  # a file block holds all its removals and flags: a few KB each
STATUS_LABELS = {"plans": "已入库", "skipped": "跳过", "rejected": "拒收", "duplicate": "重复"}


def _cell(value: object) -> str:
    """Escape for an HTML block; newlines become ⏎ because a blank line would end the block."""
    return md_text(" ⏎ ".join(str(value).splitlines()))


def _file_block(entry: dict, root: str) -> list[str]:
    status = STATUS_LABELS.get(entry["status"], entry["status"])
    plans = "".join(
        f'<li><a href="{root}plans/{_cell(p["slug"])}/">{_cell(p["title"]) or "（无标题）"}</a> <code>{_cell(p["id"])}</code></li>' for p in entry["plans"]
    )
    rules = Counter(r["rule"] for r in entry["removed"])
    flags = Counter(f["kind"] for f in entry["flags"])
    summary = f'{_cell(entry["source"])} — {status}'
    if entry["reason"]:
        summary += f"：{_cell(entry['reason'])}"
    parts = [f'<details class="kb-report-file" data-status="{_cell(entry["status"])}">', f"<summary>{summary}</summary>"]
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
            f"<tr><td>{f['line']}</td><td>{_cell(f['kind'])}</td><td>{_cell(f['excerpt'])}</td><td>{_cell(f['detail'])}</td></tr>"
            for f in entry["flags"]
        )
        parts.append(f"<table><thead><tr><th>行</th><th>标记</th><th>片段</th><th>说明</th></tr></thead><tbody>{rows}</tbody></table>")
    parts.append("</details>")
    return parts


def _plan_link(ref: dict, root: str) -> str:
    label = f'{_cell(ref["source"])}' + (f' 第 {ref["index_in_file"] + 1} 篇' if ref["index_in_file"] else "")
    title = _cell(ref["title"]) or "（无标题）"
    return f'<a href="{root}plans/{_cell(ref["slug"])}/">{title}</a>（{label}）' if ref["slug"] else f"{title}（{label}）"


def _pair_table(pairs: list[dict], left: str, right: str, headings: tuple[str, str], root: str) -> str:
    """A table of plan pairs with their similarity and the reason for the decision."""
    rows = "".join(
        f"<tr><td>{_plan_link(p[left], root)}</td><td>{_plan_link(p[right], root)}</td><td>{p['similarity']:.0%}</td><td>{_cell(p['reason'])}</td></tr>"
        for p in pairs
    )
    return f"<table><thead><tr><th>{headings[0]}</th><th>{headings[1]}</th><th>相同</th><th>原因</th></tr></thead><tbody>{rows}</tbody></table>"


def _merge_blocks(merged: list[dict], apart: list[dict], root: str) -> list[str]:
    """Which copies were merged into which page and why; which look-alikes were kept apart and why."""
    if not merged and not apart:
        return []
    lines = ["", "## 合并的重复方案", "", '<div class="kb-report kb-merged" data-pagefind-ignore>']
    if merged:
        lines.append(f"<p>以下 {len(merged)} 个副本与另一来源的同一方案基本相同，已并入显示的版本（该页列出全部来源和不同的句子）。</p>")
        lines.append(_pair_table(merged, "copy", "shown", ("副本", "并入"), root))
    if apart:
        lines.append(f"<p>以下 {len(apart)} 对方案文字相近，但判定为不同方案，未合并：</p>")
        lines.append(_pair_table(apart, "first", "second", ("方案", "方案"), root))
    lines.append("</div>")
    return lines


def _pager(page: int, pages: int) -> str:
    """上一页 / 下一页 links between report pages: report.md, report/2.md, report/3.md …"""
    def target(n: int) -> str:
        here_root = "" if page == 1 else "../"
        return f"{here_root}report.md" if n == 1 else f"{'report/' if page == 1 else ''}{n}.md"

    links = []
    if page > 1:
        links.append(f"[上一页]({target(page - 1)})")
    links.append(f"第 {page} / {pages} 页")
    if page < pages:
        links.append(f"[下一页]({target(page + 1)})")
    return " · ".join(links)


def render_report_pages(report: dict) -> dict[str, str]:
    """The report as {docs-relative path: Markdown}: report.md, then report/2.md … of FILES_PER_PAGE files each.

    Every file stays listed, but no page grows with the collection.
    """
    files = report["files"]
    merged, apart = report.get("merged", []), report.get("kept_apart", [])
    counts = Counter(f["status"] for f in files)
    pages_count = max(1, -(-max(len(files), len(merged), len(apart)) // FILES_PER_PAGE))
    pages = {}
    for page in range(1, pages_count + 1):
        root = "../" if page == 1 else "../../"
        chunk = slice((page - 1) * FILES_PER_PAGE, page * FILES_PER_PAGE)
        lines = [
            "---",
            f"title: 清理报告{'' if page == 1 else f'（第 {page} 页）'}",
            "pagefind: false",
            "---",
            "",
            "# 清理报告",
            "",
            f"共 {len(files)} 个输入文件：" + "，".join(f"{STATUS_LABELS.get(k, k)} {v}" for k, v in sorted(counts.items())) + "。",
            "每个文件的处理结果、删除的网站杂质（及删除规则）和需要人工核对的标记如下；完整数据见 `data/report.json`。",
            "",
            _pager(page, pages_count),
            "",
            '<div class="kb-report" data-pagefind-ignore>',
        ]
        for entry in files[chunk]:
            lines.extend(_file_block(entry, root))
        lines.append("</div>")
        lines.extend(_merge_blocks(merged[chunk], apart[chunk], root))
        lines += ["", _pager(page, pages_count)]
        pages["report.md" if page == 1 else f"report/{page}.md"] = "\n".join(lines) + "\n"
    return pages
