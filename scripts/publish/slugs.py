"""Readable URL slugs for Chinese titles: 重庆市银行 → chong-qing-shi-yin-hang.

Slugs end up in links that trainers paste into slides, so they must be plain ASCII, readable aloud
and safe as one path segment on every OS. A slug is computed once; the permalink registry then keeps it
forever, so improving this function never moves an existing page.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

import opencc
from pypinyin import lazy_pinyin

FALLBACK = "plan"

# Names Windows refuses as file names (with any extension), plus "index", which would shadow a
# directory's own index page.
RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "index"]
    + [f"com{n}" for n in range(10)]
    + [f"lpt{n}" for n in range(10)]
)

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _ascii_fold(text: str) -> str:
    """Full-width letters/digits become ASCII (ＡＢ１ → AB1), accents are dropped (é → e)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _trim(slug: str, max_len: int) -> str:
    """Cut to ``max_len`` at a hyphen so no syllable is chopped in half (unless there is no hyphen)."""
    if len(slug) <= max_len:
        return slug
    cut = slug[: max_len + 1]
    head = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return head[:max_len].strip("-")


def slugify(text: str, max_len: int = 60) -> str:
    """Return a lowercase ASCII slug: pinyin syllables, letters and digits joined by single hyphens.

    Traditional characters are simplified first so 重慶 and 重庆 give the same slug; pypinyin's phrase
    dictionary picks the right reading of polyphones (重庆 chong-qing, 银行 yin-hang, 单位 dan-wei).
    Never empty, never starts with "-" or ".", never a reserved device name.
    """
    simplified = _to_simplified().convert(text or "")
    syllables = lazy_pinyin(simplified)  # non-Han runs come back unchanged, as one chunk
    joined = "-".join(_ascii_fold(part) for part in syllables).lower()
    slug = _trim(_NOT_ALNUM.sub("-", joined).strip("-"), max(1, max_len))
    if not slug:
        return FALLBACK
    if slug in RESERVED:
        return f"{slug}-{FALLBACK}"
    return slug


class SlugBook:
    """Slugs in use, handing out free ones: ``base``, else the first free of ``base-2``, ``base-3`` …

    The number last handed out per base is remembered (slugs are only ever added), so 5,000 plans
    with one title cost 5,000 steps, not 12.5 million.
    """

    def __init__(self, taken: Iterable[str] = ()):
        self._taken = set(taken)
        self._next_number: dict[str, int] = {}

    def claim(self, base: str) -> str:
        """The first free slug for ``base`` by the rule above, now taken."""
        slug, n = base, self._next_number.get(base, 2)
        if base in self._taken:
            while f"{base}-{n}" in self._taken:
                n += 1
            slug = f"{base}-{n}"
            self._next_number[base] = n + 1
        self._taken.add(slug)
        return slug
