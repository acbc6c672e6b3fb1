"""Near-duplicate plans: the same text collected from several websites becomes one page listing every source.

Sites copy each other: the same plan comes back with other chrome, a few sentences edited or
damaged, converted to traditional characters and back, or cut short by a preview wall. Byte- or
text-identical files are already dropped by ``ingest.mark_duplicates``; this stage finds the rest.

- Candidate pairs come from an inverted index of normalised sentences: copies share many sentences
  word for word, so 10,000 plans never mean 50 million comparisons. Each candidate pair is then
  scored on the plans' bodies (title left out: sites retitle freely), normalised and cut into
  character shingles (``fingerprints.Shingled``), by *containment*: the share of the smaller plan's
  shingles found in the larger one. A
  truncated copy is fully contained in its original, an edited copy nearly so; two different plans
  of one unit share phrases but not most of their text (see THRESHOLD).
- Copies are kept apart when the plans carry different years (one unit's 2014 and 2015 plans are
  editions, linked as a sequence instead) or name different units (one template used by two units).
  The report lists such a pair while either of its plans is in fewer than KEPT_APART_PER_PLAN
  listed pairs, pairs sharing the most sentences first: the list grows like N, not like the pairs
  of a template used by thousands of units. A pair whose plans both have their share is not scored.
- Of each group the copy with the least damage is shown: complete copies before truncated ones,
  then fewest flags, then longest. The sentences in which the copies differ are listed.
"""
from __future__ import annotations

import dataclasses
import difflib
import functools
import hashlib
import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from scripts.fingerprints import Shingled, normalise
from scripts.models import Plan, PlanSource, Variant, walk_sections

# Containment of the smaller plan's shingles in the larger. Measured on the seed corpus
# (tests/test_dedupe.py builds the pairs): copies with other chrome 1.00, traditional original vs a
# simplified copy 1.00, 5% of sentences edited ≥ 0.95, a truncated half 1.00; different plans of
# one unit (seed 002's three 民政 plans) ≤ 0.20, different units' plans of the same genre ≤ 0.15.
THRESHOLD = 0.6
MIN_SHARED = 2  # candidates share at least this many sentences (an edited copy shares nearly all)
MIN_SENTENCE = 8  # shorter sentences (一、指导思想) say nothing about copying
COMMON_SENTENCE = 100  # a sentence in more plans than this is a genre formula, not evidence of copying
MIN_SHINGLES = 30  # shorter plans say too little to be called copies of each other
COMPLETE = 0.9  # a copy with less than this share of the longest copy's text counts as truncated
MAX_VARIANTS = 20  # differing sentences listed per copy
KEPT_APART_PER_PLAN = 3  # kept-apart pairs listed per plan: enough to explain why it was not merged
SENTENCE_BREAK = re.compile(r"[。！？；!?;，,\s]+")  # clause ends too: an edit then spoils one clause only
SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")


@dataclass
class Merge:
    """One copy folded into the shown plan, and why."""

    shown: Plan
    copy: Plan
    similarity: float
    reason: str


@dataclass
class KeptApart:
    """Two plans similar enough to be copies that were kept apart, and why (for the report)."""

    first: Plan
    second: Plan
    similarity: float
    reason: str


@dataclass
class Remembered:
    """What was worked out about texts (by a hash of each) and pairs of them, for the next run: two texts
    always give the same. Scoring pairs, cutting sentences and listing differences were most of the time
    of this stage at 10,000 plans, run after run on the same texts."""

    scores: dict[tuple[str, str], float] = field(default_factory=dict)  # every candidate pair's score
    sentences: dict[str, frozenset[int]] = field(default_factory=dict)  # text → its sentence keys
    lengths: dict[str, int] = field(default_factory=dict)  # text → its normalised length
    shares: dict[tuple[str, str], float] = field(default_factory=dict)  # (copy, shown) → share of the copy in the shown
    variants: dict[tuple[str, str, bool], list[tuple[str, str]]] = field(default_factory=dict)  # (shown, copy, truncated) → differing sentences

    @classmethod
    def of(cls, tables: dict) -> "Remembered":
        """From its tables as kept (``vars``); anything else kept there (an older layout) is forgotten."""
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**tables) if tables.keys() == names and all(isinstance(v, dict) for v in tables.values()) else cls()


@dataclass
class DedupeResult:
    plans: list[Plan]  # what gets a page, in input order
    merges: list[Merge]
    kept_apart: list[KeptApart]
    remembered: Remembered = field(default_factory=Remembered)  # for the next run

    @property
    def scores(self) -> dict[tuple[str, str], float]:
        return self.remembered.scores


def plan_text(plan: Plan) -> str:
    """The body of a plan as one text: preamble, headings and items, in order."""
    parts = list(plan.preamble)
    for section in walk_sections(plan.sections):
        parts.append(section.title)
        parts.extend(item.text for item in section.items)
    return "\n".join(parts)


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """|A∩B| / min(|A|, |B|): 1.0 when one text is part of the other."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return (len(small) - len(small - large)) / len(small)  # |A-B| is small for copies: 3x faster than |A&B|


def _sentence_keys(text: str) -> set[int]:
    """Hashes of a plan's sentences as cleaned (copies went through the same cleaning), spaces ignored."""
    pieces = SENTENCE_BREAK.split(text)
    return {zlib.crc32(piece.encode("utf-8")) for piece in pieces if len(piece) >= MIN_SENTENCE}


def _candidates(sentences: list[frozenset[int]]) -> list[tuple[int, int]]:
    """Pairs of plan indexes (of their ``_sentence_keys``) sharing at least MIN_SHARED uncommon sentences, most shared first, then in order."""
    holders: dict[int, list[int]] = defaultdict(list)
    for index, keys in enumerate(sentences):
        for key in keys:
            holders[key].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for indexes in holders.values():
        if len(indexes) > COMMON_SENTENCE:
            continue
        for position, first in enumerate(indexes):
            for second in indexes[position + 1 :]:
                shared[(first, second)] += 1
    return [pair for pair, count in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])) if count >= MIN_SHARED]


def _apart_reason(a: Plan, b: Plan) -> str:
    """Why two near-identical texts are different plans, or "" if they are copies."""
    if a.meta.years and b.meta.years and not set(a.meta.years) & set(b.meta.years):
        return f"不同年度（{'、'.join(map(str, a.meta.years))} / {'、'.join(map(str, b.meta.years))}），作为年度序列链接"
    ua, ub = a.meta.unit, b.meta.unit
    if ua and ub and ua not in ub and ub not in ua:
        return f"不同单位（{ua} / {ub}）"
    if a.source_file == b.source_file:
        return "同一文件中的不同篇目"
    return ""


def _rank(plans: list[Plan], lengths: dict[int, int]) -> list[Plan]:
    """Best copy first: complete before truncated, then fewest flags, longest, file name."""
    longest = max(lengths[id(p)] for p in plans)
    return sorted(
        plans,
        key=lambda p: (lengths[id(p)] < COMPLETE * longest, len(p.flags), -lengths[id(p)], p.source_file, p.index_in_file),
    )


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.findall(text) if normalise(s)]


def differing_sentences(shown: str, copy: str, truncated: bool) -> list[tuple[str, str]]:
    """Sentences that differ between the texts of two copies, as (shown, other) pairs; a truncated copy's
    missing tail is not listed."""
    mine, theirs = _sentences(shown), _sentences(copy)
    matcher = difflib.SequenceMatcher(None, [normalise(s) for s in mine], [normalise(s) for s in theirs], autojunk=False)
    opcodes = matcher.get_opcodes()
    variants = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            continue
        if truncated and index == len(opcodes) - 1 and tag == "delete":
            break
        left, right = mine[i1:i2], theirs[j1:j2]
        for position in range(max(len(left), len(right))):
            variants.append((left[position] if position < len(left) else "", right[position] if position < len(right) else ""))
    return variants[:MAX_VARIANTS]


def _source(plan: Plan, length: int, similarity: float, reason: str) -> PlanSource:
    return PlanSource(
        source_file=plan.source_file,
        index_in_file=plan.index_in_file,
        title=plan.title,
        source_site=plan.meta.source_site,
        source_url=plan.meta.source_url,
        publish_date=plan.meta.publish_date,
        flags=len(plan.flags),
        length=length,
        similarity=round(similarity, 3),
        reason=reason,
    )


def merge_duplicates(
    plans: list[Plan], known_scores: dict[tuple[str, str], float] | None = None, known: Remembered | None = None
) -> DedupeResult:
    """Fold near-duplicate plans into one shown plan each (its ``sources`` and ``variants`` filled).

    ``known`` (``DedupeResult.remembered`` of an earlier run; or only its ``known_scores``) saves working
    out again what unchanged texts give: two texts always give the same.
    """
    texts = [plan_text(plan) for plan in plans]
    known = known or Remembered()
    known_scores = known_scores or known.scores
    now = Remembered()  # what this run's texts gave, known or new
    scores = now.scores
    shingled: dict[int, Shingled] = {}  # only plans in some candidate pair are shingled
    one_object: dict[int, int] = {}  # equal shingle hashes as one int object: set lookups then stop at identity (2.5x faster)

    def shingles(index: int) -> Shingled:
        if index not in shingled:
            made = Shingled.of(texts[index])
            shingled[index] = Shingled(made.norm, frozenset(map(one_object.setdefault, made.hashes, made.hashes)))
        return shingled[index]

    @functools.cache
    def text_key(index: int) -> str:
        return hashlib.blake2b(texts[index].encode("utf-8"), digest_size=12).hexdigest()

    def score(first: int, second: int) -> float:
        """Containment of the two texts; -1 when one is too short to call anything a copy of it."""
        pair = (text_key(first), text_key(second))
        if pair in known_scores:
            scores[pair] = known_scores[pair]
        elif pair not in scores:
            a, b = shingles(first).hashes, shingles(second).hashes
            scores[pair] = containment(a, b) if min(len(a), len(b)) >= MIN_SHINGLES else -1.0
        return scores[pair]

    parent = list(range(len(plans)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def remember(table: str, key, work):
        """``work()``, or what it gave last time for ``key`` in ``Remembered.<table>``."""
        value = getattr(known, table).get(key)
        getattr(now, table)[key] = value = work() if value is None else value
        return value

    sentences = [remember("sentences", text_key(i), functools.partial(_sentence_keys, text)) for i, text in enumerate(texts)]
    kept_apart: list[tuple[int, int, KeptApart]] = []
    listed: Counter[int] = Counter()  # kept-apart pairs listed per plan
    for first, second in _candidates(sentences):
        reason = _apart_reason(plans[first], plans[second])
        if not reason and root(first) == root(second):
            continue  # already one group (through other copies): scoring would change nothing
        if reason and min(listed[first], listed[second]) >= KEPT_APART_PER_PLAN:
            continue  # both plans' lists are full: the pair could only be listed, and will not be
        similarity = score(first, second)
        if similarity < THRESHOLD:
            continue
        if reason:
            kept_apart.append((first, second, KeptApart(plans[first], plans[second], round(similarity, 3), reason)))
            listed.update((first, second))
            continue
        parent[root(second)] = root(first)

    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(plans)):
        groups[root(index)].append(index)
    shown_plans, merges = [], []
    hidden: set[int] = set()
    for members in groups.values():
        if len(members) == 1:
            continue
        lengths = {id(plans[i]): remember("lengths", text_key(i), lambda i=i: len(shingles(i).norm)) for i in members}
        ranked = _rank([plans[i] for i in members], lengths)
        shown, index_of = ranked[0], {id(plans[i]): i for i in members}
        shown_at = index_of[id(shown)]
        longest = max(lengths[id(p)] for p in ranked)
        shown.sources = [_source(shown, lengths[id(shown)], 1.0, "显示的版本：损坏最少、最完整")]
        shown.variants = []
        for copy in ranked[1:]:
            copy_at = index_of[id(copy)]
            similarity = remember("shares", (text_key(copy_at), text_key(shown_at)), lambda a=copy_at: _share(shingles(a).hashes, shingles(shown_at).hashes))
            truncated = lengths[id(copy)] < COMPLETE * longest
            reason = f"与 {shown.source_file} 的文字 {similarity:.0%} 相同" + (
                f"；只有最长版本的 {lengths[id(copy)] / longest:.0%}，疑似截断" if truncated else ""
            ) + (f"；待核对 {len(copy.flags)} 处（显示的版本 {len(shown.flags)} 处）" if len(copy.flags) != len(shown.flags) else "")
            shown.sources.append(_source(copy, lengths[id(copy)], similarity, reason))
            differing = remember("variants", (text_key(shown_at), text_key(copy_at), truncated), lambda a=copy_at, t=truncated: differing_sentences(texts[shown_at], texts[a], t))
            shown.variants.extend(Variant(source_file=copy.source_file, shown=a, other=b) for a, b in differing)
            merges.append(Merge(shown, copy, round(similarity, 3), reason))
            hidden.add(id(copy))
    shown_plans = [p for p in plans if id(p) not in hidden]
    return DedupeResult(shown_plans, merges, [pair for *_, pair in sorted(kept_apart, key=lambda k: k[:2])], now)


def _share(copy: frozenset[int], shown: frozenset[int]) -> float:
    """The share of a copy's shingles found in the shown text."""
    return len(copy & shown) / len(copy) if copy else 0.0
