"""The ingest report page: every input file with its outcome, plans, removals by rule, and flags.

Maintainers read it to see what the pipeline did to each file; nothing is left out, long
per-file lists are folded so the page stays readable.
"""
from __future__ import annotations

import html
from collections import Counter

STATUS_LABELS = {"plans": "已入库", "skipped": "跳过", "rejected": "拒收", "duplicate": "重复"}


def _cell(value: object) -> str:
    """Escape for an HTML block; newlines become ⏎ because a blank line would end the block."""
    return html.escape(" ⏎ ".join(str(value).splitlines()), quote=True)


def _file_block(entry: dict) -> list[str]:
    status = STATUS_LABELS.get(entry["status"], entry["status"])
    plans = "".join(
        f'<li><a href="../plans/{_cell(p["slug"])}/">{_cell(p["title"]) or "（无标题）"}</a> <code>{_cell(p["id"])}</code></li>' for p in entry["plans"]
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


def render_report_page(report: dict) -> str:
    """Markdown (with escaped HTML blocks) for docs/report.md from the report document."""
    files = report["files"]
    counts = Counter(f["status"] for f in files)
    lines = [
        "---",
        "title: 清理报告",
        "---",
        "",
        "# 清理报告",
        "",
        f"共 {len(files)} 个输入文件：" + "，".join(f"{STATUS_LABELS.get(k, k)} {v}" for k, v in sorted(counts.items())) + "。",
        "每个文件的处理结果、删除的网站杂质（及删除规则）和需要人工核对的标记如下；完整数据见 `data/report.json`。",
        "",
        '<div class="kb-report" data-pagefind-ignore>',
    ]
    for entry in files:
        lines.extend(_file_block(entry))
    lines.append("</div>")
    return "\n".join(lines) + "\n"
