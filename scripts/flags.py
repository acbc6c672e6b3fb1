"""Flag stage of the clean step: point at damage in the clean text that no rule can undo.

Mojibake, names removed by a filter (gaps), anonymised placeholders and a cut-off ending
are kept as found: guessing the lost words would invent content. A flag tells the reader
(and the report page) where the text is doubtful; the patterns live in ``rules/flags.yml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .models import Flag
from .repair import CJK, CJK_RANGES, display_width, ends_sentence, is_date_line, is_heading_line
from .rules import load_rules

# Hits of one kind this close together are one finding (经?;幕顒? is one damaged word).
MERGE_DISTANCE = 3


@dataclass(frozen=True)
class _Detector:
    kind: str
    pattern: re.Pattern


@lru_cache(maxsize=1)
def _rules() -> dict:
    rules = dict(load_rules("flags"))
    patterns = [(kind, p) for kind in ("mojibake", "gap", "placeholder") for p in rules[kind]]
    labels = "|".join(r"\s*".join(map(re.escape, label)) for label in rules["field_labels"])
    empty_field = rf"(?:^|(?<=[\s，,；;。]))(?:{labels})\s*[:：]\s*(?=$|(?:{labels})\s*[:：])"
    patterns.append(("placeholder", empty_field))
    rules["detectors"] = [_Detector(kind, re.compile(p.replace("{cjk}", CJK_RANGES))) for kind, p in patterns]
    common = load_rules("common_chars")
    rules["common_chars"] = frozenset("".join(common["simplified"] + common["traditional"]))
    rules["ellipsis_end"] = re.compile(rules["truncation"]["ellipsis_end"])
    return rules


def find_flags(text: str) -> list[Flag]:
    """One flag per finding in the clean ``text`` (one paragraph per line), in line order."""
    flags: list[Flag] = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        flags.extend(_line_flags(line, number))
    last = max((n for n, line in enumerate(lines, start=1) if line.strip()), default=0)
    if last and _is_cut_off(lines[last - 1].strip()):
        flags.append(Flag("truncation", last, _excerpt(lines[last - 1], len(lines[last - 1]), len(lines[last - 1])), "text ends mid-sentence"))
    return flags


def _line_flags(line: str, number: int) -> list[Flag]:
    """Findings in one line: pattern hits merged per kind, plus runs of rare characters."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for detector in _rules()["detectors"]:
        for m in detector.pattern.finditer(line):
            hits.setdefault(detector.kind, []).append(m.span())
    hits.setdefault("mojibake", []).extend(_rare_runs(line))
    findings = sorted((start, kind, end) for kind, spans in hits.items() for start, end in _merge(spans))
    return [Flag(kind, number, _excerpt(line, start, end), line[start:end]) for start, kind, end in findings]


def _rare_runs(line: str) -> list[tuple[int, int]]:
    """Spans of several Chinese characters in a row, none of them common: a text read with the wrong codec."""
    common = _rules()["common_chars"]
    needed = _rules()["rare_run_length"]
    spans, start = [], None
    for i, char in enumerate(line + "\n"):
        rare = bool(CJK.match(char)) and char not in common
        if rare and start is None:
            start = i
        elif not rare and start is not None:
            if i - start >= needed:
                spans.append((start, i))
            start = None
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start - merged[-1][1] <= MERGE_DISTANCE:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _excerpt(line: str, start: int, end: int) -> str:
    """At most ``excerpt_chars`` characters of the line, centred on the hit."""
    size = _rules()["excerpt_chars"]
    context = max(0, (size - (end - start)) // 2)
    left = max(0, start - context)
    return line[left : left + size].strip()


def _is_cut_off(last_line: str) -> bool:
    """The last line ends in an ellipsis, or mid-sentence (not a heading, date or signature)."""
    if _rules()["ellipsis_end"].search(last_line):
        return True
    if ends_sentence(last_line) or is_date_line(last_line) or is_heading_line(last_line):
        return False
    has_comma = any(c in last_line for c in "，,、")
    return has_comma or display_width(last_line) >= _rules()["truncation"]["min_cut_width"]
