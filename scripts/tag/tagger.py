"""Tag every plan item with the activity types of ``rules/taxonomy.yml``.

文明办 officers look up all concrete activities of one type (志愿服务, 道德讲堂, 文明餐桌 …)
across plans, so each numbered item gets the types whose keywords it contains.

How a text is tagged:
- quote marks and spaces are removed first, so 开展“文明餐桌”活动 and 文明 餐桌 match like 文明餐桌;
- all keywords are compiled into one trie-shaped regex and scanned once, longest phrase first,
  so a longer keyword wins over a shorter one inside it (最美家庭 is 文明家庭, not 身边好人);
- a second scan finds the exclusion phrases; a hit of type T inside an exclusion phrase of T is
  dropped (扶贫济困 is a virtue, not 驻村扶贫 — yet 济困 inside it still means 关爱帮扶);
- organisational types (考核, 领导小组 …) count only in the item's lead clause, unless the item
  sits under a measures heading (工作措施, 创建要求 …), because these words occur in passing
  in nearly every task;
- other types do not count inside a framing clause ("与新时代文明实践活动紧密结合"), which
  names something only in passing;
- the item's heading is weak evidence: items under aim headings (指导思想, 创建目标 …) get no
  tags, and a short item with no tag of its own borrows its heading's tags.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from scripts.models import Plan, walk_sections
from scripts.rules import load_rules

# Characters that carry no meaning for matching: quotes of every style and spaces.
_NOISE = "“”\"'‘’「」『』《》〈〉 \u3000\t"
# Punctuation that ends a clause, for finding framing clauses.
_CLAUSE = re.compile(r"[^，,。；;：:！？!?]+")
# A heading's own number (一、 （二） 3. 第一阶段：) and trailing punctuation, to compare its title.
_HEADING_NUMBER = re.compile(r"^(?:第[一二三四五六七八九十百\d]+[部分阶段章节篇]*|[（(]?[一二三四五六七八九十百\d]{1,3}[)）]?)[、.．:：]?")
_HEADING_TAIL = re.compile(r"[。：:；;，,、]+$")


@dataclass
class ActivityType:
    name: str
    theme: str
    keywords: list[str]  # keywords and synonyms together: any of them tags the item
    exclude: list[str]
    description: str = ""


@dataclass
class Theme:
    name: str
    types: list[ActivityType]


@dataclass
class Taxonomy:
    themes: list[Theme]
    non_activity_headings: list[str] = field(default_factory=list)
    short_item_chars: int = 0
    main_type_min_items: int = 1
    lead_only_types: list[str] = field(default_factory=list)
    measures_headings: list[str] = field(default_factory=list)
    passing_clause_markers: list[str] = field(default_factory=list)

    @property
    def types(self) -> list[ActivityType]:
        return [t for theme in self.themes for t in theme.types]

    @cached_property
    def matcher(self) -> "Matcher":
        return _matcher(
            tuple((t.name, tuple(t.keywords), tuple(t.exclude)) for t in self.types),
            tuple(self.passing_clause_markers),
            tuple(self.lead_only_types),
        )


class Matcher:
    """Compiled scans over the taxonomy's phrases: keywords (→ types), exclusions (→ types cancelled)
    and framing markers (→ clauses whose activity keywords do not count)."""

    def __init__(self, types: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...], passing_markers, organisational):
        """``types`` are (name, keywords, exclusions); ``organisational`` types are lead-clause-only
        and exempt from the framing-clause rule."""
        self.order = {name: i for i, (name, _, _) in enumerate(types)}
        self.keyword_types = _phrase_index((name, keywords) for name, keywords, _ in types)
        self.exclude_types = _phrase_index((name, exclude) for name, _, exclude in types)
        self.keywords = _compile(self.keyword_types)
        self.excludes = _compile(self.exclude_types)
        self.passing = _compile(map(normalise, passing_markers))
        self.organisational = frozenset(organisational)

    def types_in(self, text: str, lead_only: frozenset[str] = frozenset(), lead_end: int = 0) -> set[str]:
        """Types whose keywords occur in normalised ``text``; ``lead_only`` types only before ``lead_end``."""
        cancels = Spans((m.start(), m.end(), self.exclude_types[m.group()]) for m in self.excludes.finditer(text))
        passing = Spans(self.passing_clauses(text))
        found: set[str] = set()
        for match in self.keywords.finditer(text):
            names = self.keyword_types[match.group()]
            if names <= found:
                continue
            start, end = match.span()
            names -= cancels.covering(start, end, default=frozenset())
            if passing.covering(start, end, default=False):
                names &= self.organisational
            found |= {name for name in names if name not in lead_only or end <= lead_end}
        return found

    def passing_clauses(self, text: str) -> list[tuple[int, int, bool]]:
        """Spans of the clauses that contain a framing marker (与…结合起来, 融入 …)."""
        if not self.passing.search(text):
            return []
        return [(*clause.span(), True) for clause in _CLAUSE.finditer(text) if self.passing.search(clause.group())]


@lru_cache(maxsize=4)
def _matcher(types, passing_markers, organisational) -> Matcher:
    """One Matcher per distinct taxonomy: compiling the scans takes milliseconds, and a worker
    loads the taxonomy once per file."""
    return Matcher(types, passing_markers, organisational)


class Spans:
    """Sorted, non-overlapping (start, end, value) spans; finds the one covering a match in O(log n)
    so that a 5 MB text with thousands of spans stays linear-ish."""

    def __init__(self, spans):
        self.spans = list(spans)
        self.starts = [start for start, _, _ in self.spans]

    def covering(self, start: int, end: int, default):
        """The value of the span containing [start, end), else ``default``."""
        i = bisect_right(self.starts, start) - 1
        return self.spans[i][2] if i >= 0 and end <= self.spans[i][1] else default


def normalise(text: str) -> str:
    """Drop quote marks and spaces (str.replace is far faster than translate on CJK text)."""
    for char in _NOISE:
        if char in text:
            text = text.replace(char, "")
    return text


def _phrase_index(named_phrases) -> dict[str, frozenset[str]]:
    """phrase → the type names listing it (normally one)."""
    index: dict[str, set[str]] = {}
    for name, phrases in named_phrases:
        for phrase in phrases:
            index.setdefault(normalise(phrase), set()).add(name)
    return {phrase: frozenset(names) for phrase, names in index.items()}


def _compile(phrases) -> re.Pattern:
    """Build a regex shaped like a trie of the phrases (shared prefixes factored out).

    Each node is an alternation of distinct characters, optionally ended, so matching is
    linear in the text with at most one phrase length of backtracking, and the greedy ``?``
    makes the longest phrase win.
    """
    trie: dict = {}
    for phrase in sorted(phrases):
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile("|".join(_branches(trie)) or r"(?!)")


def _branches(node: dict) -> list[str]:
    return [re.escape(char) + _suffix(child) for char, child in sorted(node.items()) if char]


def _suffix(node: dict) -> str:
    branches = _branches(node)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body


def load_taxonomy() -> Taxonomy:
    """Read ``rules/taxonomy.yml`` into dataclasses (keywords and synonyms merged, order kept)."""
    rules = load_rules("taxonomy")
    themes = []
    for theme in rules["themes"]:
        types = [
            ActivityType(
                name=t["name"],
                theme=theme["name"],
                keywords=list(dict.fromkeys((t.get("keywords") or []) + (t.get("synonyms") or []))),
                exclude=list(t.get("exclude") or []),
                description=t.get("description") or "",
            )
            for t in theme["types"]
        ]
        themes.append(Theme(name=theme["name"], types=types))
    return Taxonomy(
        themes=themes,
        non_activity_headings=list(rules.get("non_activity_headings") or []),
        short_item_chars=int(rules.get("short_item_chars") or 0),
        main_type_min_items=int(rules.get("main_type_min_items") or 1),
        lead_only_types=list(rules.get("lead_only_types") or []),
        measures_headings=list(rules.get("measures_headings") or []),
        passing_clause_markers=list(rules.get("passing_clause_markers") or []),
    )


@lru_cache(maxsize=1)
def _default_taxonomy() -> Taxonomy:
    return load_taxonomy()


@lru_cache(maxsize=4096)
def heading_title(heading: str) -> str:
    """The heading without its number and closing punctuation: （一）指导思想： → 指导思想."""
    if not heading:
        return ""
    return _HEADING_TAIL.sub("", _HEADING_NUMBER.sub("", normalise(heading).strip()))


def tag_text(text: str, taxonomy: Taxonomy | None = None, context: str = "") -> list[str]:
    """Activity-type names for one item, in taxonomy order; ``context`` is its section heading."""
    taxonomy = taxonomy or _default_taxonomy()
    title = heading_title(context)
    if title in taxonomy.non_activity_headings:
        return []
    matcher = taxonomy.matcher
    text = normalise(text)
    under_measures = any(word in title for word in taxonomy.measures_headings)
    lead_only = frozenset() if under_measures else matcher.organisational
    found = matcher.types_in(text, lead_only, lead_end=_lead_end(text))
    if not found and title and len(text) < taxonomy.short_item_chars:
        found = matcher.types_in(normalise(context))
    return sorted(found, key=matcher.order.__getitem__)


def _lead_end(text: str) -> int:
    """End of the lead clause: the item's own title sentence, up to and including the first 。."""
    stop = text.find("。")
    return len(text) if stop < 0 else stop + 1


def tag_plan(plan: Plan, taxonomy: Taxonomy | None = None) -> None:
    """Fill ``Item.tags`` for every item of every section, using the section title as context."""
    taxonomy = taxonomy or _default_taxonomy()
    for section in walk_sections(plan.sections):
        for item in section.items:
            item.tags = tag_text(item.text, taxonomy, context=section.title)


def tag_counts(plan: Plan) -> Counter:
    """Activity type → how many of the plan's items carry it."""
    return Counter(tag for section in walk_sections(plan.sections) for item in section.items for tag in item.tags)


def main_types(counts: Counter, taxonomy: Taxonomy | None = None) -> list[str]:
    """The types of ``tag_counts`` with at least ``main_type_min_items`` items, by name (the search filter)."""
    taxonomy = taxonomy or _default_taxonomy()
    return sorted(name for name, count in counts.items() if count >= taxonomy.main_type_min_items)


def tag_item(plan_title: str, headings: list[str], text: str, taxonomy: Taxonomy | None = None) -> list[str]:
    """Activity types of one item given its plan's title and its headings (outermost first): the one
    function ingest, ``python -m scripts tag`` and the quality command call."""
    return tag_text(text, taxonomy, context=headings[-1] if headings else "")


def tag_lines(lines, out) -> list[tuple[int, str]]:
    """``python -m scripts tag``: one JSON line in → one JSON line out, in order. A line that is not an
    object with a string ``text`` (optional ``plan_title`` string, ``headings`` list of strings) gets
    ``{"error": …}`` in its place, so outputs stay aligned with inputs; returns (line number, error)."""
    import json

    errors = []
    for number, line in enumerate(lines, 1):
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError('expected an object with a string "text"')
            title, headings = item.get("plan_title") or "", item.get("headings") or []
            if not isinstance(title, str) or not isinstance(headings, list) or not all(isinstance(h, str) for h in headings):
                raise ValueError('"plan_title" must be a string and "headings" a list of strings')
            result = {"types": tag_item(title, headings, item["text"])}
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            errors.append((number, str(exc)))
            result = {"error": str(exc)}
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return errors
