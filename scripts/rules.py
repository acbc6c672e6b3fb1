"""Load the rule files (YAML) that maintainers edit: boilerplate, lexicons, taxonomy.

Rules are data, not code: every stage reads its patterns from ``rules/*.yml``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from re import _constants as _c  # the regex parser's node kinds, for needed_chars
from re import _parser

import yaml

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@lru_cache(maxsize=None)
def load_rules(name: str) -> dict:
    """Return the parsed ``rules/<name>.yml``; cached, so callers must not mutate it."""
    path = RULES_DIR / f"{name}.yml"
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


# ---------------------------------------------------------------- prefilters for rule patterns

NEEDED_MAX_CHARS = 256  # a larger class would let most lines through: no use as a prefilter


def needed_chars(pattern: re.Pattern) -> re.Pattern | None:
    """A class of a few characters one of which every match of ``pattern`` contains, or None.

    Worked out from the pattern itself (a literal, a small class, or one per alternative), so a
    maintainer who edits a rule never has to keep a prefilter in step: ``needed.search(text) is
    None`` proves ``pattern.search(text) is None`` for the same ``text``, at the cost of one fast
    scan instead of a regex attempt at every position. Rules tried on thousands of lines where
    they almost never match use it.
    """
    if pattern.flags & re.IGNORECASE:
        return None
    chars = _needed(_parser.parse(pattern.pattern, pattern.flags))
    return re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]") if chars else None


def _needed(sequence) -> frozenset[str] | None:
    """The smallest set of characters some element of the sequence needs, or None."""
    found = [chars for op, av in sequence for chars in [_needed_by(op, av)] if chars]
    return min(found, key=len) if found else None


def _needed_by(op, av) -> frozenset[str] | None:
    """Characters one of which the element matches or (a lookaround) sees in the text, or None."""
    if op is _c.LITERAL:
        return frozenset(chr(av))
    if op is _c.IN:
        if any(kind not in (_c.LITERAL, _c.RANGE) for kind, _ in av):
            return None  # a negated class or a category (\d, \s): too many characters
        chars = {chr(a) for kind, a in av if kind is _c.LITERAL}
        for kind, span in av:
            if kind is _c.RANGE and span[1] - span[0] < NEEDED_MAX_CHARS:
                chars.update(map(chr, range(span[0], span[1] + 1)))
            elif kind is _c.RANGE:
                return None
        return frozenset(chars) if len(chars) <= NEEDED_MAX_CHARS else None
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _, body = av
        return _needed(body) if low >= 1 else None
    if op is _c.SUBPATTERN:
        _, add_flags, _, body = av
        return None if add_flags & re.IGNORECASE else _needed(body)
    if op in (_c.ATOMIC_GROUP,):
        return _needed(av)
    if op is _c.ASSERT:  # a lookahead or lookbehind sees text of the same string
        return _needed(av[1])
    if op is _c.BRANCH:
        alternatives = [_needed(branch) for branch in av[1]]
        if any(chars is None for chars in alternatives):
            return None
        union = frozenset().union(*alternatives)
        return union if len(union) <= NEEDED_MAX_CHARS else None
    return None


_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}  # fmt: skip


def fast_start(pattern: re.Pattern) -> re.Pattern:
    """The same pattern behind a lookahead of the characters a match can begin with.

    A pattern that begins with optional parts or a lookbehind is tried in full at every position
    of the text; the lookahead turns most positions away with one character test. Matches are the
    same (every match begins with one of those characters); a pattern whose first character cannot
    be worked out (it may match the empty string, begin with any character, or fold case) is
    returned as it is.
    """
    if pattern.flags & re.IGNORECASE:
        return pattern
    sequence = _parser.parse(pattern.pattern, pattern.flags).data
    if sequence and sequence[0][0] is _c.AT and sequence[0][1] in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING):
        return pattern  # anchored at the start: tried at few positions already
    first = _first(sequence)
    if first is None or first[1]:
        return pattern
    try:
        return re.compile(f"(?=[{''.join(sorted(first[0]))}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # inline global flags must stay at the start
        return pattern


def _first(sequence) -> tuple[set[str], bool] | None:
    """(class items a match of the sequence can begin with, whether it can match empty), or None."""
    items: set[str] = set()
    for op, av in sequence:
        found = _first_of(op, av)
        if found is None:
            return None
        items |= found[0]
        if not found[1]:
            return items, False
    return items, True


def _first_of(op, av) -> tuple[set[str], bool] | None:
    if op is _c.LITERAL:
        return {re.escape(chr(av))}, False
    if op is _c.IN:
        items = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                items.add(re.escape(chr(value)))
            elif kind is _c.RANGE:
                items.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif kind is _c.CATEGORY and value in _CATEGORIES:
                items.add(_CATEGORIES[value])
            else:
                return None  # a negated class, or a category without a class escape
        return items, False
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _, body = av
        found = _first(body)
        return None if found is None else (found[0], found[1] or low == 0)
    if op is _c.SUBPATTERN:
        return _first(av[3])
    if op is _c.ATOMIC_GROUP:
        return _first(av)
    if op is _c.BRANCH:
        alternatives = [_first(branch) for branch in av[1]]
        if any(found is None for found in alternatives):
            return None
        return set().union(*(found[0] for found in alternatives)), any(found[1] for found in alternatives)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True  # zero width: the next element begins the match
    return None


class Prefiltered:
    """A compiled rule pattern that skips texts without any of its ``needed_chars``: the same
    results as the pattern (``search``, ``match``, ``fullmatch``, ``finditer``, ``findall``, ``sub``),
    much faster on the many texts a rarely matching rule is tried on."""

    __slots__ = ("pattern", "needs")

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.needs = needed_chars(pattern)

    def _may_match(self, text: str) -> bool:
        return self.needs is None or self.needs.search(text) is not None

    def search(self, text: str, *span) -> re.Match | None:
        return self.pattern.search(text, *span) if self._may_match(text) else None

    def match(self, text: str, *span) -> re.Match | None:
        return self.pattern.match(text, *span) if self._may_match(text) else None

    def fullmatch(self, text: str, *span) -> re.Match | None:
        return self.pattern.fullmatch(text, *span) if self._may_match(text) else None

    def finditer(self, text: str, *span):
        return self.pattern.finditer(text, *span) if self._may_match(text) else iter(())

    def findall(self, text: str, *span) -> list:
        return self.pattern.findall(text, *span) if self._may_match(text) else []

    def sub(self, replacement, text: str, count: int = 0) -> str:
        return self.pattern.sub(replacement, text, count) if self._may_match(text) else text


def prefiltered(pattern: str, flags: int = 0) -> re.Pattern | Prefiltered:
    """``re.compile(pattern, flags)``, behind its ``needed_chars`` prefilter when it has one."""
    filtered = Prefiltered(re.compile(pattern, flags))
    return filtered if filtered.needs is not None else filtered.pattern
