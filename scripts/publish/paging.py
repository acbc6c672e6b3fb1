"""Cutting long lists into pages at stable places, so one added plan rewrites a page or two, not every later page.

A list cut by position (every 200 rows) shifts every later page when a row is inserted early: at 10,000
plans one added plan rewrote 2,600 index pages. Here a list is a sequence of groups (a plan's items on a
type page, one plan on a browse page, one file in the report), each with a key that names it for good.
A page begins at a group whose key's hash says so (content-defined chunking): the cut points are a
function of the keys alone, so a group added or removed moves only the cuts of the run of pages up
to the next such group. A page also ends when it is full (``rows`` rows or ``groups`` groups; a group
larger than a page continues on the next one), so no page grows past today's size.

Pages are named after where they begin (``<base>_<key>``, with the row number when a page begins inside a
group), never by number: a page's name and links stay put when pages are added before it. Slugs and ids
are lowercase letters, digits and single hyphens, so the ``_`` never meets a name made otherwise.
"""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from typing import Sequence

SEPARATOR = "_"
_SCALE = 2**64
PLACES_PER_PAGE = 16  # places a full page may end at, on average; it ends at the last one, so pages are mostly 15/16 full


@dataclass(frozen=True)
class Part:
    """Rows ``start``… of one group, as one page shows them."""

    key: str
    start: int
    rows: Sequence

    @property
    def name(self) -> str:
        """The page name this part gives the page it begins."""
        return self.key if self.start == 0 else f"{self.key}-{self.start + 1}"


@functools.lru_cache(maxsize=1 << 16)  # a key is drawn for every page it might begin or end, on every list it is in
def _draw(key: str) -> float:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big") / _SCALE


def begins_page(key: str, weight: int, mean_rows: float) -> bool:
    """Whether a group of ``weight`` rows is a place to begin a page: true for one in ``mean_rows`` rows, by
    the key's hash (a heavy group is as likely to be one as its rows would be, one by one)."""
    return _draw(key) < 1 - (1 - 1 / max(mean_rows, 1)) ** max(weight, 1)


def cut(groups: Sequence[tuple[str, Sequence]], rows: int, mean_rows: int, groups_per_page: int | None = None) -> list[list[Part]]:
    """``groups`` ((key, rows), in display order) as pages of parts; at least one page, empty when there are no groups.

    A page begins at a group ``begins_page`` picks for ``mean_rows``. When a group does not fit (``rows``
    rows, ``groups_per_page`` groups), the page ends before its last group that ``begins_page`` picks for
    1/PLACES_PER_PAGE of a page, so that even a full page ends where the keys say, not where the count does; only
    a page without one, or a group larger than a page, is cut at the count.
    """
    pages: list[list[Part]] = []
    page: list[Part] = []
    filled = 0  # rows on ``page``
    for key, members in groups:
        if page and begins_page(key, len(members), mean_rows):
            pages.append(page)
            page, filled = [], 0
        start = 0
        while True:
            room = rows - filled
            full = room == 0 or (start == 0 and len(page) == groups_per_page)
            if page and (full or len(members) - start > room):
                back = _last_place_to_begin(page, key, rows / PLACES_PER_PAGE)
                if back:
                    pages.append(page[:back])
                    page = page[back:]
                    filled = sum(len(part.rows) for part in page)
                    continue
                if full:
                    pages.append(page)
                    page, filled = [], 0
                    continue
            taken = members[start : start + room]
            page.append(Part(key, start, taken))
            filled += len(taken)
            start += len(taken)
            if start >= len(members):
                break
    return pages + [page] if page or not pages else pages


def _last_place_to_begin(page: list[Part], placing: str, mean_rows: float) -> int:
    """The position of the page's last whole group (not its first, nor the one being placed) that ``begins_page``
    picks for ``mean_rows``; 0 for none."""
    for position in range(len(page) - 1, 0, -1):
        part = page[position]
        if part.start == 0 and part.key != placing and begins_page(part.key, len(part.rows), mean_rows):
            return position
    return 0
def page_names(base: str, pages: list[list[Part]]) -> list[str]:
    """``base.md`` for the first page, ``base_<where it begins>.md`` for the others."""
    return [f"{base}.md"] + [f"{base}{SEPARATOR}{page[0].name}.md" for page in pages[1:]]
