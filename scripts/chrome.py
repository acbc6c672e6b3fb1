"""Strip site chrome (nav bars, publish lines, disclaimers, page markers …) from a page.

Websites wrap every plan in their own furniture. The patterns are data in
``rules/boilerplate.yml`` so a maintainer can teach the cleaner a new site without
touching code; this module only applies them, with two safeguards for plan content:

* context: rules marked ``where: head/tail/edge`` fire only before the first or after the
  last content paragraph (a ``来源:`` line inside an official notice is content);
* doubt: a match outside its zone, or on a very long line, is kept and flagged.

Metadata printed in the chrome (publish date, source, column …) is captured before the
lines go. Removed text is reported exactly, with its 1-based line in the input.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from scripts.models import Flag, PageMeta, RemovedSpan
from scripts.rules import load_rules

SCOPES = ("line", "inline", "block")
ZONES = ("any", "edge", "head", "tail")
META_FIELDS = ("publish_date", "source", "column", "author", "url")
ISO_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
VALUE_TRIM = " \t\u3000,，。;；:：|｜、"


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    regex: re.Pattern
    scope: str
    where: str = "any"
    flag: str = ""
    until: re.Pattern | None = None
    max_chars: int = 60
    max_lines: int = 20

    @property
    def name(self) -> str:
        return f"chrome.{self.category}.{self.id}"


@dataclass(frozen=True)
class Config:
    whole_line: tuple[Rule, ...]  # line and block rules, in file order
    inline: tuple[Rule, ...]
    meta_fields: tuple[tuple[str, re.Pattern], ...]
    content_min_chars: int
    sentence_mark: re.Pattern
    teaser_end: re.Pattern
    whole_line_max_chars: int
    toc: dict


@dataclass
class ChromeResult:
    text: str  # the kept lines, in order, joined with "\n"
    removed: list[RemovedSpan] = field(default_factory=list)
    meta: PageMeta = field(default_factory=PageMeta)
    flags: list[Flag] = field(default_factory=list)


@dataclass(frozen=True)
class _Hit:
    """A line or block rule matching at ``start``; the block runs to ``last`` (inclusive)."""

    rule: Rule
    match: re.Match
    start: int
    last: int


def _rule(category: str, raw: dict) -> Rule:
    scope, where = raw.get("scope", "line"), raw.get("where", "any")
    if scope not in SCOPES or where not in ZONES:
        raise ValueError(f"boilerplate rule {category}.{raw.get('id')}: bad scope/where {scope}/{where}")
    return Rule(
        id=raw["id"],
        category=category,
        regex=re.compile(raw["regex"]),
        scope=scope,
        where=where,
        flag=raw.get("flag", ""),
        until=re.compile(raw["until"]) if raw.get("until") else None,
        max_chars=int(raw.get("max_chars", 60)),
        max_lines=int(raw.get("max_lines", 20)),
    )


@lru_cache(maxsize=1)
def _config() -> Config:
    """Compile rules/boilerplate.yml once per process."""
    data = load_rules("boilerplate")
    rules = [_rule(cat, raw) for cat, raws in data["categories"].items() for raw in raws]
    names = [r.name for r in rules]
    if len(names) != len(set(names)):
        raise ValueError("boilerplate rule ids must be unique within a category")
    zones = data["zones"]
    return Config(
        whole_line=tuple(r for r in rules if r.scope != "inline"),
        inline=tuple(r for r in rules if r.scope == "inline"),
        meta_fields=tuple((k, re.compile(v)) for k, v in data["meta_fields"].items()),
        content_min_chars=int(zones["content_min_chars"]),
        sentence_mark=re.compile(zones["sentence_mark"]),
        teaser_end=re.compile(zones["teaser_end"]),
        whole_line_max_chars=int(zones["whole_line_max_chars"]),
        toc=data["toc"],
    )


def _block_last(lines: list[str], start: int, rule: Rule) -> int:
    """Last line of a block: short lines after the start, or up to a line matching ``until``."""
    last, taken = start, 0
    for j in range(start + 1, len(lines)):
        line = lines[j].strip()
        if not line:
            continue
        if taken >= rule.max_lines or len(line) > rule.max_chars:
            break
        last, taken = j, taken + 1
        if rule.until and rule.until.search(line):
            break
    return last


def _find_hits(lines: list[str], cfg: Config) -> dict[int, _Hit]:
    """The first line/block rule matching each line, whatever its zone."""
    hits = {}
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        for rule in cfg.whole_line:
            m = rule.regex.search(line)
            if m:
                last = _block_last(lines, i, rule) if rule.scope == "block" else i
                hits[i] = _Hit(rule, m, i, last)
                break
    return hits


def _content_bounds(lines: list[str], hits: dict[int, _Hit], cfg: Config) -> tuple[int, int] | None:
    """First and last content paragraph: long sentences no rule claimed, not teasers."""
    claimed = {j for h in hits.values() for j in range(h.start, h.last + 1)}
    anchors = [
        i
        for i, line in enumerate(lines)
        if i not in claimed
        and len(line.strip()) >= cfg.content_min_chars
        and cfg.sentence_mark.search(line)
        and not cfg.teaser_end.search(line)
    ]
    return (anchors[0], anchors[-1]) if anchors else None


def _in_zone(where: str, i: int, bounds: tuple[int, int] | None) -> bool:
    if where == "any" or bounds is None:
        return True
    head, tail = i < bounds[0], i > bounds[1]
    return {"head": head, "tail": tail, "edge": head or tail}[where]


def _iso_date(value: str) -> str:
    m = ISO_DATE.search(value)
    if not m:
        return ""
    y, mo, d = (int(g) for g in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else ""


def _capture(meta: dict, match: re.Match | None, text: str, cfg: Config) -> None:
    """Fill empty metadata fields from a rule's named groups, then from ``meta_fields``."""
    found = [(k, v) for k, v in (match.groupdict() if match else {}).items() if k in META_FIELDS and v]
    found += [(k, m.group(1)) for k, rx in cfg.meta_fields for m in [rx.search(text)] if m]
    for key, value in found:
        value = _iso_date(value) if key == "publish_date" else value.strip(VALUE_TRIM)
        if value and not meta.get(key):
            meta[key] = value


def _splice(left: str, right: str) -> str:
    """Join the text around a cut: no gap between CJK, one space between Latin words."""
    l, r = left.rstrip(), right.lstrip()
    if not l:
        return left + r  # keep the indentation of a line that began with the cut
    if not r:
        return l
    latin = l[-1].isascii() and l[-1].isalnum() and r[0].isascii() and r[0].isalnum()
    return l + (" " if latin else "") + r


def _cut_inline(line: str, rules: tuple[Rule, ...]) -> tuple[str, list[tuple[Rule, re.Match]]]:
    """Cut every inline match out of the line, rule by rule."""
    cuts = []
    for rule in rules:
        matches = [m for m in rule.regex.finditer(line) if m.end() > m.start()]
        if not matches:
            continue
        gaps = [line[a:b] for a, b in zip([0] + [m.end() for m in matches], [m.start() for m in matches] + [len(line)])]
        joined = gaps[0]
        for gap in gaps[1:]:
            joined = _splice(joined, gap)
        cuts += [(rule, m) for m in matches]
        line = joined
    return line, cuts


def _toc_entries(kept: list[str], cfg: Config) -> tuple[list[int], int | None]:
    """Positions (in ``kept``) of a table of contents dumped before the body.

    The first copy goes only if every entry appears again later, in order, mostly
    separated by text (a duplicated heading run is not a table of contents). Returns
    the positions to remove and the position of a 目录 header that was kept for doubt.
    """
    toc = cfg.toc
    header_rx, leader = re.compile(toc["header"]), re.compile(toc["leader"])
    nonblank = [p for p, line in enumerate(kept) if line.strip()]
    header = next((p for p in nonblank[:3] if header_rx.search(kept[p])), None)
    begin = nonblank.index(header) + 1 if header is not None else 0
    run = []
    for p in nonblank[begin : begin + toc["max_entries"]]:
        if len(kept[p].strip()) > toc["max_entry_chars"]:
            break
        run.append(p)
    if not run:
        return [], header

    def key(p: int) -> str:
        return re.sub(r"\s+", "", leader.sub("", kept[p]))

    later: dict[str, list[int]] = {}
    for p in nonblank[nonblank.index(run[-1]) + 1 :]:
        if len(kept[p].strip()) <= toc["max_entry_chars"] + 10:
            later.setdefault(key(p), []).append(p)

    def reappears(entries: list[int]) -> bool:
        prev, spots = -1, []
        for p in entries:
            spots_k = later.get(key(p), [])
            nxt = bisect_right(spots_k, prev)
            if nxt == len(spots_k):
                return False
            prev = spots_k[nxt]
            spots.append(prev)
        pairs = list(zip(spots, spots[1:]))
        spread = sum(1 for a, b in pairs if any(kept[q].strip() for q in range(a + 1, b)))
        return spread * 2 >= len(pairs)

    starts = [0] if header is not None else range(len(run))
    least = toc["min_entries_with_header"] if header is not None else toc["min_entries"]
    for j in starts:
        entries = run[j:]
        if len(entries) < least:
            break
        if reappears(entries):
            return ([header] if header is not None else []) + entries, None
    return [], header


def strip_chrome(text: str) -> ChromeResult:
    """Remove site chrome from ``text`` (already t2s-simplified, lines split on "\\n")."""
    cfg = _config()
    lines = text.split("\n")
    hits = _find_hits(lines, cfg)
    bounds = _content_bounds(lines, hits, cfg)
    meta: dict[str, str] = {}
    removed: list[RemovedSpan] = []
    pending_flags: list[tuple[int, str, str, str]] = []  # (input index, kind, excerpt, detail)
    kept: list[tuple[int, str]] = []

    i = 0
    while i < len(lines):
        line, hit = lines[i], hits.get(i)
        if hit:
            rule = hit.rule
            if _in_zone(rule.where, i, bounds) and len(line.strip()) <= cfg.whole_line_max_chars:
                for j in range(i, hit.last + 1):
                    if lines[j].strip():
                        removed.append(RemovedSpan(rule.name, rule.category, lines[j], j + 1))
                        _capture(meta, hit.match if j == i else None, lines[j], cfg)
                if rule.flag:
                    pending_flags.append((i, rule.flag, line.strip()[:80], rule.name))
                i = hit.last + 1
                continue
            pending_flags.append((i, "uncertain_chrome", line.strip()[:80], f"{rule.name} kept: outside its zone or too long"))
        new_line, cuts = _cut_inline(line, tuple(r for r in cfg.inline if _in_zone(r.where, i, bounds)))
        for rule, m in cuts:
            removed.append(RemovedSpan(rule.name, rule.category, m.group(0), i + 1))
            _capture(meta, m, m.group(0), cfg)
            if rule.flag:
                pending_flags.append((i, rule.flag, m.group(0).strip()[:80], rule.name))
        if cuts and not any(ch.isalnum() for ch in new_line):
            if new_line.strip():
                last_rule = cuts[-1][0]
                removed.append(RemovedSpan(last_rule.name, last_rule.category, new_line, i + 1))
        else:
            kept.append((i, new_line))
        i += 1

    toc_positions, doubtful_header = _toc_entries([t for _, t in kept], cfg)
    for p in toc_positions:
        removed.append(RemovedSpan("chrome.toc.toc_dump", "toc", kept[p][1], kept[p][0] + 1))
    if doubtful_header is not None:
        pending_flags.append((kept[doubtful_header][0], "uncertain_chrome", kept[doubtful_header][1].strip()[:80], "chrome.toc kept: entries do not all reappear"))
    dropped = set(toc_positions)
    kept = [item for p, item in enumerate(kept) if p not in dropped]

    kept_inputs = [idx for idx, _ in kept]
    flags = [Flag(kind, bisect_right(kept_inputs, idx), excerpt, detail) for idx, kind, excerpt, detail in pending_flags]
    removed.sort(key=lambda span: span.line)
    return ChromeResult(
        text="\n".join(t for _, t in kept),
        removed=removed,
        meta=PageMeta(**{k: meta.get(k, "") for k in META_FIELDS}),
        flags=flags,
    )
