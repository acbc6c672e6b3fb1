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

from scripts.clean.repair import drop_invisible, is_fragment
from scripts.dates import iso_date
from scripts.models import Flag, PageMeta, RemovedSpan
from scripts.rules import load_rules

SCOPES = ("line", "inline", "block")
ZONES = ("any", "edge", "head", "tail")
META_FIELDS = ("publish_date", "source", "column", "author", "url")
VALUE_TRIM = " \t\u3000,，。;；:：|｜、【】[]()（）"
# Site chrome repeats on every page of a site, and plans are copied from site to site: the rule
# look-ups of a line are cached, so a line seen before costs one dictionary look-up.
LINE_CACHE = 1 << 15


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    regex: re.Pattern
    scope: str
    where: str = "any"
    flag: str = ""
    until: re.Pattern | None = None
    stop: re.Pattern | None = None
    max_chars: int = 40
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
        stop=re.compile(raw["stop"]) if raw.get("stop") else None,
        max_chars=int(raw.get("max_chars", 40)),
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
    """Last line of a block: the short lines after its start, or up to a line matching ``until``."""
    last, taken = start, 0
    for j in range(start + 1, len(lines)):
        line = lines[j].strip()
        if not line:
            continue
        if taken >= rule.max_lines or len(line) > rule.max_chars or (rule.stop and rule.stop.search(line)):
            break
        last, taken = j, taken + 1
        if rule.until and rule.until.search(line):
            break
    return last


def _find_hits(lines: list[str]) -> dict[int, _Hit]:
    """The first line/block rule matching each line, whatever its zone."""
    hits = {}
    for i, line in enumerate(lines):
        found = _first_rule(line)
        if found:
            rule, m = found
            last = _block_last(lines, i, rule) if rule.scope == "block" else i
            hits[i] = _Hit(rule, m, i, last)
    return hits


@lru_cache(maxsize=LINE_CACHE)
def _first_rule(line: str) -> tuple[Rule, re.Match] | None:
    for rule in _config().whole_line:
        m = rule.regex.search(line)
        if m:
            return rule, m
    return None


def _content_bounds(lines: list[str], hits: dict[int, _Hit], cfg: Config) -> tuple[int, int] | None:
    """First and last content paragraph: long sentences no rule claimed, not teasers."""
    claimed = {j for h in hits.values() for j in range(h.start, h.last + 1)}
    anchors = [
        i
        for i, line in enumerate(lines)
        if i not in claimed
        and len(line) - _spaces(line) >= cfg.content_min_chars  # 精 神 文 明 counts as the repair stage will print it
        and cfg.sentence_mark.search(line)
        and not cfg.teaser_end.search(line)
    ]
    return (anchors[0], anchors[-1]) if anchors else None


def _spaces(line: str) -> int:
    return len(line) - len("".join(line.split()))  # split() breaks on exactly the str.isspace() characters


def _zone(i: int, bounds: tuple[int, int] | None) -> str:
    """Where line ``i`` lies: "head", "body" or "tail"; "any" when the page has no content paragraph."""
    if bounds is None:
        return "any"
    return "head" if i < bounds[0] else "tail" if i > bounds[1] else "body"


def _in_zone(where: str, zone: str) -> bool:
    return where in ("any", zone) or zone == "any" or (where == "edge" and zone in ("head", "tail"))


def _capture(meta: dict, match: re.Match | None, text: str, cfg: Config) -> None:
    """Fill empty metadata fields from a rule's named groups, then from ``meta_fields``."""
    found = [(k, v) for k, v in (match.groupdict() if match else {}).items() if k in META_FIELDS and v]
    found += [(k, m.group(1)) for k, rx in cfg.meta_fields for m in [rx.search(text)] if m]
    for key, value in found:
        value = iso_date(value) if key == "publish_date" else value.strip(VALUE_TRIM)
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


@lru_cache(maxsize=LINE_CACHE)
def _cut_inline(line: str, zone: str) -> tuple[str, tuple[tuple[Rule, re.Match], ...]]:
    """Cut every inline match of the rules that apply in ``zone`` out of the line, rule by rule."""
    cuts = []
    for rule in (r for r in _config().inline if _in_zone(r.where, zone)):
        matches = [m for m in rule.regex.finditer(line) if m.end() > m.start()]
        if not matches:
            continue
        gaps = [line[a:b] for a, b in zip([0] + [m.end() for m in matches], [m.start() for m in matches] + [len(line)])]
        joined = gaps[0]
        for gap in gaps[1:]:
            joined = _splice(joined, gap)
        cuts += [(rule, m) for m in matches]
        line = joined
    return line, tuple(cuts)


def _toc_entries(kept: list[str], cfg: Config) -> tuple[list[int], int | None]:
    """Positions (in ``kept``) of a table of contents dumped before the body.

    The first copy goes only if every entry appears again later, in order, mostly
    separated by text (a duplicated heading run is not a table of contents). Returns
    the positions to remove and the position of a 目录 header that was kept for doubt.
    """
    toc = cfg.toc
    header_rx, leader = re.compile(toc["header"]), re.compile(toc["leader"])
    nonblank = [p for p, line in enumerate(kept) if line.strip()]
    header = next((n for n in range(min(3, len(nonblank))) if header_rx.search(kept[nonblank[n]])), None)
    least = toc["min_entries"] if header is None else toc["min_entries_with_header"]

    def key(line: str) -> str:
        return "".join(leader.sub("", line).split())

    run, keys = [], []  # positions in ``nonblank`` of the candidate entries, and their keys
    for n in range(0 if header is None else header + 1, min(len(nonblank), toc["max_entries"])):
        line = kept[nonblank[n]].strip()
        if len(line) > toc["max_entry_chars"] or cfg.sentence_mark.search(line) or key(line) in keys or is_fragment(line):
            break  # the body begins: a sentence, an entry coming round again, or text broken one word per line
        run.append(n)
        keys.append(key(line))
    doubtful = None if header is None else nonblank[header]
    if len(run) < least:
        return [], doubtful

    wanted, firsts = set(keys), {k[0] for k in keys}
    later: dict[str, list[int]] = {}  # key -> positions in ``nonblank`` after the run
    for n in range(run[-1] + 1, len(nonblank)):
        line = kept[nonblank[n]].lstrip()
        if line[:1] in firsts and len(line) <= toc["max_entry_chars"] + 10 and key(line) in wanted:
            later.setdefault(key(line), []).append(n)

    def reappears(entry_keys: list[str]) -> bool:
        spots = [-1]
        for k in entry_keys:
            found = later.get(k, [])
            nxt = bisect_right(found, spots[-1])
            if nxt == len(found):
                return False
            spots.append(found[nxt])
        gaps = [b - a > 1 for a, b in zip(spots[1:], spots[2:])]  # text between two entries
        return sum(gaps) * 2 >= len(gaps)

    for j in [0] if header is not None else range(len(run) - least + 1):
        if reappears(keys[j:]):
            entries = ([header] if header is not None else []) + run[j:]
            return [nonblank[n] for n in entries], None
    return [], doubtful


@dataclass
class _Walk:
    """What the walk over the page has collected; flags point at input lines until the end."""

    kept: list[tuple[int, str]] = field(default_factory=list)  # (input index, text)
    removed: list[RemovedSpan] = field(default_factory=list)
    flags: list[tuple[int, str, str, str]] = field(default_factory=list)  # (input index, kind, excerpt, detail)
    meta: dict[str, str] = field(default_factory=dict)


def _excerpt(line: str, m: re.Match) -> str:
    return line[max(0, m.start() - 20) : m.end() + 20].strip()


def _remove_hit(walk: _Walk, lines: list[str], hit: _Hit, cfg: Config) -> None:
    rule = hit.rule
    for j in range(hit.start, hit.last + 1):
        if lines[j].strip():
            walk.removed.append(RemovedSpan(rule.name, rule.category, lines[j], j + 1))
            _capture(walk.meta, hit.match if j == hit.start else None, lines[j], cfg)
    if rule.flag:
        walk.flags.append((hit.start, rule.flag, lines[hit.start].strip()[:80], rule.name))


def _keep_line(walk: _Walk, i: int, line: str, zone: str, cfg: Config) -> None:
    """Keep the line minus its inline chrome; drop it if only punctuation is left."""
    new_line, cuts = _cut_inline(line, zone)
    for rule, m in cuts:
        walk.removed.append(RemovedSpan(rule.name, rule.category, m.group(0), i + 1))
        _capture(walk.meta, m, m.group(0), cfg)
        if rule.flag:
            walk.flags.append((i, rule.flag, m.group(0).strip()[:80], rule.name))
    if not cuts or any(ch.isalnum() for ch in new_line):
        walk.kept.append((i, new_line))
    elif new_line.strip():
        rule = cuts[-1][0]
        walk.removed.append(RemovedSpan(rule.name, rule.category, new_line, i + 1))


def _drop_toc(walk: _Walk, cfg: Config) -> None:
    positions, doubtful = _toc_entries([text for _, text in walk.kept], cfg)
    for p in positions:
        i, text = walk.kept[p]
        walk.removed.append(RemovedSpan("chrome.toc.toc_dump", "toc", text, i + 1))
    if doubtful is not None:
        i, text = walk.kept[doubtful]
        walk.flags.append((i, "uncertain_chrome", text.strip()[:80], "chrome.toc kept: entries do not all reappear"))
    dropped = set(positions)
    walk.kept = [item for p, item in enumerate(walk.kept) if p not in dropped]


def strip_chrome(text: str) -> ChromeResult:
    """Remove site chrome from ``text`` (already t2s-simplified); kept lines are joined with "\\n"."""
    cfg = _config()
    walk = _Walk()
    # Every kind of line break and no invisible marks, as the repair stage will see them.
    lines = [drop_invisible(line, number, walk.removed) for number, line in enumerate(text.splitlines(), start=1)]
    hits = _find_hits(lines)
    bounds = _content_bounds(lines, hits, cfg)
    i = 0
    while i < len(lines):
        hit, zone = hits.get(i), _zone(i, bounds)
        if hit and _in_zone(hit.rule.where, zone) and len(lines[i].strip()) <= cfg.whole_line_max_chars:
            _remove_hit(walk, lines, hit, cfg)
            i = hit.last + 1
            continue
        if hit:
            detail = f"{hit.rule.name} kept: outside its zone or in a long line"
            walk.flags.append((i, "uncertain_chrome", _excerpt(lines[i], hit.match), detail))
        _keep_line(walk, i, lines[i], zone, cfg)
        i += 1
    _drop_toc(walk, cfg)

    kept_inputs = [idx for idx, _ in walk.kept]
    return ChromeResult(
        text="\n".join(t for _, t in walk.kept),
        removed=sorted(walk.removed, key=lambda span: span.line),
        meta=PageMeta(**{k: walk.meta.get(k, "") for k in META_FIELDS}),
        flags=[Flag(kind, bisect_right(kept_inputs, idx), excerpt, detail) for idx, kind, excerpt, detail in walk.flags],
    )
