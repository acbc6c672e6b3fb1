"""Split clean text into the plans it holds, and find each plan's own title.

A file may hold one plan, a compilation (篇一 … 篇十五, 方案1, 计划(1) (2) (3)), or a notice
that carries the plan as its attachment. What is not the plan's body — the notice, a site
title above the plan, the issuer/date signature below it — is kept as ``context``, because
the metadata (issuer, issue date) often lives there. Patterns are in rules/structure.yml.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from scripts.parse.outline import number_value
from scripts.rules import load_rules


@dataclass
class PlanChunk:
    title: str
    body: list[str]  # the plan's lines after its title
    context: list[str] = field(default_factory=list)  # notice, site titles, signature
    start_line: int = 1  # 1-based line of the plan's title (or first line) in the clean text
    body_line: int = 1  # 1-based line of body[0]; the body is contiguous
    end_line: int = 0  # 1-based last line of the chunk


@dataclass(frozen=True)
class _Marker:
    line: int  # 0-based index
    title: str  # title printed on the marker line, "" if bare


@lru_cache(maxsize=None)
def _rules() -> dict:
    rules = load_rules("structure")
    split = rules["split"]
    words = "|".join(map(re.escape, rules["title_words"]))
    return {
        "markers": [(re.compile(m["pattern"]), m.get("whole_title", False)) for m in split["markers"]],
        "attachment": re.compile(split["attachment_line"]),
        "notice": re.compile(split["notice"]),
        "notice_lines": split["notice_lines"],
        "continuation": re.compile(split["title_continuation"]),
        "fragment": split["max_title_tail_offset"],
        "date_line": re.compile(split["date_line"]),
        "signature": split["max_signature_chars"],
        "year": re.compile(split["year"]),
        "title_word": re.compile(words),
        "max_title": rules["max_title_chars"],
        "sentence_end": re.compile("[" + re.escape(rules["sentence_end"]) + "]"),
        "punct": re.compile("[" + re.escape(rules["any_punctuation"]) + "]"),
        "heading": [re.compile(p) for p in rules["outline"]["styles"].values()],
    }


def split_plans(lines: list[str]) -> list[PlanChunk]:
    """The plans in ``lines`` (clean text, one paragraph per line), in order."""
    lines = [line.strip() for line in lines]
    if not any(lines):
        return []
    markers = _compilation_markers(lines)
    if not markers:
        return [_single_plan(lines, 0, len(lines), [])]
    shared = [line for line in lines[: markers[0].line] if line]  # site title and intro
    chunks = []
    for marker, following in zip(markers, markers[1:] + [None]):
        end = following.line if following else len(lines)
        chunks.append(_compiled_plan(lines, marker, end, shared))
    return chunks


def _compilation_markers(lines: list[str]) -> list[_Marker]:
    """The longest run of markers of one kind numbered 1, 2, 3 … (at least two)."""
    best: list[_Marker] = []
    for pattern, whole_title in _rules()["markers"]:
        run: list[_Marker] = []
        for index, line in enumerate(lines):
            match = pattern.match(line)
            if match and number_value(match["num"]) == len(run) + 1:
                title = line if whole_title else (match["rest"] or "").strip()
                run.append(_Marker(index, title))
        if len(run) >= 2 and len(run) > len(best):
            best = run
    return best


def _compiled_plan(lines: list[str], marker: _Marker, end: int, shared: list[str]) -> PlanChunk:
    if not marker.title:  # a bare 篇一: the title is on the next lines
        chunk = _single_plan(lines, marker.line + 1, end, list(shared))
        chunk.start_line = marker.line + 1
        return chunk
    start = marker.line + 1
    while start < end and (not lines[start] or _same_title(lines[start], marker.title)):
        start += 1  # sites often repeat the title under the marker
    body, signature = _split_signature(lines[start:end])
    return PlanChunk(
        title=marker.title,
        body=body,
        context=list(shared) + signature,
        start_line=marker.line + 1,
        body_line=start + 1,
        end_line=end,
    )


def _single_plan(lines: list[str], start: int, end: int, context: list[str]) -> PlanChunk:
    """One plan in ``lines[start:end]``: skip a carrying notice, pick the title, keep the rest."""
    while start < end and not lines[start]:
        start += 1
    attachment = _attachment_start(lines, start, end)
    if attachment > start:
        context = context + [line for line in lines[start:attachment] if line]
        start = attachment
        while start < end and not lines[start]:
            start += 1
    title, title_context, body_start = _title_block(lines, start, end)
    body, signature = _split_signature(lines[body_start:end])
    return PlanChunk(
        title=title,
        body=body,
        context=context + title_context + signature,
        start_line=start + 1,
        body_line=body_start + 1,
        end_line=end,
    )


def _attachment_start(lines: list[str], start: int, end: int) -> int:
    """Where the carried plan begins if ``lines[start:]`` open with a notice; else ``start``."""
    rules = _rules()
    head = [line for line in lines[start : min(end, start + rules["notice_lines"])] if line]
    notice = rules["notice"].search("".join(head))
    if not notice:
        return start
    for index in range(start, end):
        if rules["attachment"].match(lines[index]):
            return index + 1
    carried = _compact(notice["doc"])
    for index in range(start + 1, end):  # no 附件 line: the carried title is repeated
        line = _compact(lines[index])
        if line and len(line) <= rules["max_title"] and carried.startswith(line) and (
            rules["title_word"].search(line) or 2 * len(line) >= len(carried)
        ):
            return index
    return start


def _title_block(lines: list[str], start: int, end: int) -> tuple[str, list[str], int]:
    """(title, other title lines, index of the first body line) at ``lines[start:]``."""
    rules = _rules()
    groups: list[tuple[str, int]] = []  # (text, index after its last line)
    index = start
    while index < end and _title_like(lines[index]):
        if groups and _continues(groups[-1][0], lines[index]):
            groups[-1] = (groups[-1][0] + lines[index], index + 1)
        else:
            groups.append((lines[index], index + 1))
        index += 1
    while groups and not rules["title_word"].search(groups[-1][0]):
        groups.pop()  # an unnumbered heading under the title belongs to the body
    if not groups:
        return _fallback_title(lines, start, end)
    body_start = groups[-1][1]
    texts = _dedupe([text for text, _ in groups])
    title = _best_title([t for t in texts if rules["title_word"].search(t)], lines[body_start:end])
    others = [t for t in texts if t != title]
    if title.startswith("《") and title.endswith("》"):
        title = title[1:-1]
    return title, others, body_start


def _fallback_title(lines: list[str], start: int, end: int) -> tuple[str, list[str], int]:
    """No title-like line: a short first line is the title, else there is none."""
    if start < end and _title_like(lines[start]):
        return lines[start], [], start + 1
    return "", [], start


def _title_like(line: str) -> bool:
    rules = _rules()
    return (
        0 < len(line) <= rules["max_title"]
        and not rules["sentence_end"].search(line)
        and not _is_numbered(line)
    )


def _is_numbered(line: str) -> bool:
    return any(p.match(line) for p in _rules()["heading"])


def _continues(previous: str, line: str) -> bool:
    """Is ``line`` the second half of a title split over lines?"""
    rules = _rules()
    if rules["continuation"].match(line):  # （2019-2020年）
        return True
    if previous.count("《") > previous.count("》") or previous.count("（") > previous.count("）"):
        return True
    tail = rules["title_word"].search(line)  # 工作方案（2019-2020年） ends a title begun above
    return not rules["title_word"].search(previous) and bool(tail) and tail.start() <= rules["fragment"]


def _best_title(candidates: list[str], body: list[str]) -> str:
    """The plan's own title: the one whose years the body mentions most; ties go to the
    lowest candidate, since a site's title sits above the document's own."""
    years = _rules()["year"]
    body_years = Counter(years.findall("".join(body)))

    def score(title: str) -> int:
        return sum(body_years[y] for y in set(years.findall(title)))

    best = candidates[-1]
    for candidate in reversed(candidates):
        if score(candidate) > score(best):
            best = candidate
    return best


def _split_signature(body: list[str]) -> tuple[list[str], list[str]]:
    """Move the trailing issuer/date lines (and blank lines) out of the body."""
    rules = _rules()
    end = len(body)
    after_date = False
    while end > 0:
        line = body[end - 1]
        if not line:
            end -= 1
        elif rules["date_line"].match(line):
            end, after_date = end - 1, True
        elif after_date and len(line) <= rules["signature"] and not rules["punct"].search(line):
            end, after_date = end - 1, False  # the issuer's name above the date
        else:
            break
    return body[:end], [line for line in body[end:] if line]


def _dedupe(items: list[str]) -> list[str]:
    """Keep the first of lines that differ only in spaces (seed 001 prints its title twice)."""
    seen: set[str] = set()
    kept = []
    for item in items:
        if _compact(item) not in seen:
            seen.add(_compact(item))
            kept.append(item)
    return kept


def _same_title(line: str, title: str) -> bool:
    return _compact(line) == _compact(title)


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)
