"""rules.needed_chars, Prefiltered and fast_start: what is worked out from a pattern to scan faster never changes its results."""
import re

import pytest

from scripts.rules import Prefiltered, fast_start, needed_chars, prefiltered


@pytest.mark.parametrize(
    "pattern, needed",
    [
        (r"\s*\d{1,3}\s*篇\s*$", "篇"),  # the one literal among optional parts
        (r"×{2,}|某某|○{2,}|[_＿]{2,}", "_×○某＿"),  # one per alternative
        (r"[一-龥]\?|\?[一-龥]|\d\?\d", "?"),  # common to every alternative
        (r"(?<=甲)乙|丙", "丙甲"),  # a lookbehind sees the same string
        (r"[^乙]甲", "甲"),
        (r"(?i:a)b", "b"),
    ],
)
def test_needed_chars(pattern, needed):
    found = needed_chars(re.compile(pattern))
    assert {c for c in map(chr, range(0x20, 0x10000)) if found.fullmatch(c)} == set(needed)


@pytest.mark.parametrize(
    "pattern",
    [
        r"甲?乙*",  # nothing is needed
        r"(?i)abc",  # case folded: the class would miss A
        r"[一-龥]{2}",  # too many characters to be of use
        r"甲|\d",  # one alternative needs no known character
        r"(?!甲)\w",  # a negative lookahead needs nothing
    ],
)
def test_no_needed_chars(pattern):
    assert needed_chars(re.compile(pattern)) is None


TEXTS = ["", "甲", "乙丙", "某某单位", "20__年", "第3篇", "第 12 篇。", "××", "精选10篇", "无关的一行字", "A?B", "汉?字"]


@pytest.mark.parametrize("pattern", [r"\s*(?:精选)?\s*\d{1,3}\s*篇\s*[。.]?\s*$", r"×{2,}|某某|[_＿]{2,}", r"[一-龥]\?|\?[一-龥]"])
def test_prefiltered_gives_the_patterns_results(pattern):
    compiled, fast = re.compile(pattern), prefiltered(pattern)
    assert isinstance(fast, Prefiltered)
    for text in TEXTS:
        assert _span(fast.search(text)) == _span(compiled.search(text))
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert fast.findall(text) == compiled.findall(text)
        assert fast.sub("", text) == compiled.sub("", text)
        assert _span(fast.match(text)) == _span(compiled.match(text))
        assert _span(fast.fullmatch(text)) == _span(compiled.fullmatch(text))


def _span(match):
    return match.span() if match else None


def test_a_pattern_without_needed_chars_is_left_as_compiled():
    assert isinstance(prefiltered(r"\d+"), re.Pattern)


@pytest.mark.parametrize(
    "pattern, lookahead",
    [
        (r"(?:全国|省级)?(?:创建)?文明单位", "(?=[全创文省])"),  # optional words first: any of them, or the core
        (r"(?<![\d.])(\d{1,2})\s*[、．]", r"(?=[\d])"),  # a lookbehind consumes nothing
        (r"(?<=[一-龥])(?:[`'.]{1,3}|\d)(?=[一-龥])|(?<=[“”])[·]", r"(?=['\.\d`·])"),
    ],
)
def test_fast_start_puts_the_first_characters_in_front(pattern, lookahead):
    fast = fast_start(re.compile(pattern))
    assert fast.pattern == f"{lookahead}(?:{pattern})"
    for text in TEXTS + ["争创全国文明单位", "3．一、12、", "文`明", "“·", "省级创建文明单位和文明单位"]:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]


@pytest.mark.parametrize("pattern", [r"^甲乙", r"甲?", r".甲", r"[^甲]乙", r"(?i)ab"])
def test_fast_start_leaves_what_it_cannot_help(pattern):
    """Anchored at the start, may match empty, begins with any character or a negated class, folds case."""
    compiled = re.compile(pattern)
    assert fast_start(compiled) is compiled
