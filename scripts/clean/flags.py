"""Flag stage of the clean step: point at damage in the clean text that no rule can undo.

Mojibake, names removed by a filter (gaps), anonymised placeholders and a cut-off ending
are kept as found: guessing the lost words would invent content. A flag tells the reader
(and the report page) where the text is doubtful; the patterns live in ``rules/flags.yml``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from scripts.clean.repair import CJK_RANGES, display_width, ends_sentence, is_date_line, is_heading_line
from scripts.models import Flag
from scripts.rules import load_rules, prefiltered

KINDS = ("mojibake", "gap", "placeholder")
# Hits of one kind this close together are one finding (经?;幕顒? is one damaged word).
MERGE_DISTANCE = 3


@lru_cache(maxsize=1)
def _rules() -> dict:
    """The flag rules with their regexes compiled once (each behind its prefilter: most texts hold no hit)."""
    rules = dict(load_rules("flags"))
    labels = "|".join(r"[^\S\n]*".join(map(re.escape, label)) for label in rules["field_labels"])
    empty_field = rf"(?:^|(?<=[^\S\n]|[，,；;。]))(?:{labels})[^\S\n]*[:：][^\S\n]*(?=$|(?:{labels})[^\S\n]*[:：])"
    patterns = [(kind, p) for kind in KINDS for p in rules[kind]] + [("placeholder", empty_field)]
    rules["detectors"] = [(kind, prefiltered(p.replace("{cjk}", CJK_RANGES), re.MULTILINE)) for kind, p in patterns]
    common = load_rules("common_chars")
    rules["rare_run"] = re.compile(f"[{_rare_class(set(''.join(common['simplified'] + common['traditional'])))}]{{{rules['rare_run_length']},}}")
    rules["ellipsis_end"] = re.compile(rules["truncation"]["ellipsis_end"])
    return rules


def _rare_class(common: set[str]) -> str:
    """A regex character class of every CJK character that is not a common one.

    Built once as explicit ranges, so the scan is one regex pass over the text.
    """
    cjk = sorted({c for lo, hi in re.findall(r"(.)(?:-(.))?", CJK_RANGES) for c in range(ord(lo), ord(hi or lo) + 1)})
    ranges: list[list[int]] = []
    for code in (c for c in cjk if chr(c) not in common):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)


def find_flags(text: str) -> list[Flag]:
    """One flag per finding in the clean ``text`` (one paragraph per line), in line order.

    The patterns run over the whole text at once (fast on 5 MB) and each hit is mapped
    back to its line.
    """
    rules = _rules()
    lines = text.split("\n")
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line) + 1)
    hits: dict[tuple[int, str], list[tuple[int, int]]] = {}
    found = [(kind, m.span()) for kind, pattern in rules["detectors"] for m in pattern.finditer(text)]
    found += [("mojibake", m.span()) for m in rules["rare_run"].finditer(text)]
    for kind, (start, end) in found:
        index = bisect_right(line_starts, start) - 1
        offset = line_starts[index]
        hits.setdefault((index, kind), []).append((start - offset, end - offset))
    findings = sorted((index, start, kind, end) for (index, kind), spans in hits.items() for start, end in _merge(spans))
    flags = [Flag(kind, index + 1, _excerpt(lines[index], start, end), lines[index][start:end]) for index, start, kind, end in findings]
    return flags + _truncation(lines)


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
    left = max(0, start - max(0, (size - (end - start)) // 2))
    return line[left : left + size].strip()


def _truncation(lines: list[str]) -> list[Flag]:
    """A flag on the last line if the text stops mid-sentence or in an ellipsis."""
    number = max((n for n, line in enumerate(lines, start=1) if line.strip()), default=0)
    if not number:
        return []
    last = lines[number - 1].strip()
    if _rules()["ellipsis_end"].search(last):
        return [Flag("truncation", number, _excerpt(last, len(last), len(last)), "text ends in an ellipsis")]
    if ends_sentence(last) or is_date_line(last) or is_heading_line(last):
        return []
    cut = any(c in last for c in "，,、") or display_width(last) >= _rules()["truncation"]["min_cut_width"]
    return [Flag("truncation", number, _excerpt(last, len(last), len(last)), "text ends mid-sentence")] if cut else []
