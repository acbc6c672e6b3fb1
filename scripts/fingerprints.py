"""Fingerprints of plans, sections and items: what a plan is recognised by across runs and copies.

Computed per plan at ingest (in parallel, and cached with the file's outcome), used by publishing: the
permalink registry recognises re-ingested plans and items by them (publish/permalinks.py), and
near-duplicate detection compares their shingles (publish/dedupe.py). They depend on the plan alone.
"""
from __future__ import annotations

import base64
import hashlib
import re
import struct
import zlib
from dataclasses import dataclass

from scripts.models import Plan, walk_sections
from scripts.nfkc import nfkc

SHINGLE = 3  # characters per shingle: long enough to be specific in Chinese, short enough for small edits
PLAN_SKETCH = 64  # hashes kept per plan
ITEM_SKETCH = 16  # hashes kept per item or section title

_NOT_WORD = re.compile(r"[\W_]+")
_NOT_THREE_BYTES = re.compile("[^\u0800-\ud7ff\ue000-\uffff]")  # not three bytes in UTF-8, as CJK is


def normalise(text: str) -> str:
    """Letters and digits only, width- and case-folded: punctuation and spacing changes are not edits."""
    return _NOT_WORD.sub("", nfkc(text).casefold())


@dataclass(frozen=True)
class Shingled:
    """One text, normalised and cut into hashed character shingles; computed once, used by every print."""

    norm: str
    hashes: frozenset[int]

    @classmethod
    def of(cls, text: str) -> "Shingled":
        # crc32 of each shingle's UTF-8: fast, and fixed forever by the zlib standard, so committed sketches stay comparable
        norm = normalise(text)
        if len(norm) <= SHINGLE:
            return cls(norm, frozenset([zlib.crc32(norm.encode())] if norm else []))
        if _NOT_THREE_BYTES.search(norm):
            shingles = {norm[i : i + SHINGLE] for i in range(len(norm) - SHINGLE + 1)}
            return cls(norm, frozenset(map(zlib.crc32, map(str.encode, shingles))))
        data, width = norm.encode(), 3 * SHINGLE  # every character three bytes: a shingle is a slice of the bytes
        return cls(norm, frozenset(map(zlib.crc32, [data[i : i + width] for i in range(0, len(data) - width + 1, 3)])))


@dataclass(frozen=True)
class Similarity:
    jaccard: float  # |A∩B| / |A∪B|
    overlap: float  # |A∩B| / min(|A|, |B|): 1.0 when one text is a part of the other (split, merge)
    contained: float  # |A∩B| / |A|: how much of the first text survives in the second


@dataclass(frozen=True)
class Sketch:
    """A bottom-k sketch: the k smallest shingle hashes plus the shingle count.

    Comparing two sketches estimates the Jaccard similarity of the full shingle sets in O(k), and a
    sketch is small enough to commit for every item.
    """

    mins: tuple[int, ...]  # ascending
    size: int

    @classmethod
    def of(cls, hashes: frozenset[int] | set[int], k: int) -> "Sketch":
        # crc32 spreads hashes evenly: the k smallest are almost surely among those below the bound that
        # 4k of them stay under on average, so only those are sorted (all of them if fewer than k are)
        if len(hashes) <= 4 * k:  # the bound below would be 2**32 or more: every hash is under it
            return cls(tuple(sorted(hashes)[:k]), len(hashes))
        bound = 4 * k * 2**32 // len(hashes)
        small = [h for h in hashes if h < bound]
        return cls(tuple(sorted(small if len(small) >= k else hashes)[:k]), len(hashes))

    def encode(self) -> str:
        """``size/`` then the hashes as 4-byte big-endian words in base64: a third shorter than hex.

        Item sketches are most of the registry (about 10 KB per plan in hex).
        """
        packed = struct.pack(f">{len(self.mins)}I", *self.mins)
        return f"{self.size}/" + base64.b64encode(packed).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, encoded: str) -> "Sketch":
        """Either encoding: ``size/base64`` (now) or ``size:hex`` (registries written before)."""
        if ":" in encoded:
            size, _, hexes = encoded.partition(":")
            return cls(tuple(int(hexes[i : i + 8], 16) for i in range(0, len(hexes), 8)), int(size))
        size, _, packed = encoded.partition("/")
        raw = base64.b64decode(packed + "=" * (-len(packed) % 4))
        return cls(struct.unpack(f">{len(raw) // 4}I", raw), int(size))

    def compare(self, other: "Sketch") -> Similarity:
        k = min(len(self.mins), len(other.mins))
        if k == 0:
            return Similarity(0.0, 0.0, 0.0)
        if self == other:
            return Similarity(1.0, 1.0, 1.0)  # what the arithmetic below gives, without it: unchanged items are most pairs
        mine, theirs = set(self.mins), set(other.mins)
        union_k = sorted(mine | theirs)[:k]
        jaccard = sum(1 for h in union_k if h in mine and h in theirs) / k
        shared = jaccard * (self.size + other.size) / (1 + jaccard)
        return Similarity(jaccard, min(1.0, shared / min(self.size, other.size)), min(1.0, shared / self.size))


@dataclass(frozen=True)
class Print:
    """What a plan, section or item is recognised by: an exact hash and a similarity sketch."""

    hash: str
    sketch: Sketch

    @classmethod
    def of(cls, parts: list[Shingled], k: int) -> "Print":
        joined = "\n".join(part.norm for part in parts)
        exact = hashlib.blake2b(joined.encode("utf-8"), digest_size=8).hexdigest()
        hashes = parts[0].hashes if len(parts) == 1 else frozenset().union(*(part.hashes for part in parts))
        return cls(exact, Sketch.of(hashes, k))


@dataclass(frozen=True)
class PlanPrints:
    """The prints of a plan and of its sections and items (in reading order)."""

    plan: Print
    sections: list[Print]
    items: list[Print]

    @classmethod
    def of(cls, plan: Plan) -> "PlanPrints":
        sections = walk_sections(plan.sections)
        preamble = [Shingled.of(text) for text in plan.preamble]
        titles = [Shingled.of(section.title) for section in sections]
        items = [Shingled.of(item.text) for section in sections for item in section.items]
        return cls(
            Print.of(preamble + titles + items, PLAN_SKETCH),  # the title is left out on purpose
            [Print.of([title], ITEM_SKETCH) for title in titles],
            [Print.of([item], ITEM_SKETCH) for item in items],
        )
