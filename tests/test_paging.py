"""Stable pagination: pages begin where the keys say, so an added row moves few pages; no page is over full."""
from __future__ import annotations

import random

from scripts.publish import paging


def groups(n: int, weight=lambda i: 1 + i % 3) -> list[tuple[str, list[int]]]:
    return [(f"k{i:05d}", list(range(weight(i)))) for i in range(n)]


def shape(pages) -> list[list[tuple[str, int, int]]]:
    return [[(part.key, part.start, len(part.rows)) for part in page] for page in pages]


def test_every_row_is_on_one_page_in_order_and_no_page_is_over_full():
    listed = groups(3000)
    pages = paging.cut(listed, rows=200, mean_rows=600, groups_per_page=100)
    assert [(part.key, part.start + n) for page in pages for part in page for n in range(len(part.rows))] == [
        (key, n) for key, members in listed for n in range(len(members))
    ]
    assert all(sum(len(part.rows) for part in page) <= 200 and len(page) <= 100 for page in pages)
    assert all(len({part.key for part in page}) == len(page) for page in pages)  # a group appears once on a page
    assert len(pages) < 1.2 * sum(len(m) for _, m in listed) / 200  # pages stay nearly full


def test_a_group_larger_than_a_page_continues_on_the_next():
    pages = paging.cut([("a", list(range(3))), ("big", list(range(450))), ("z", [0])], rows=200, mean_rows=600)
    assert shape(pages) == [[("a", 0, 3), ("big", 0, 197)], [("big", 197, 200)], [("big", 397, 53), ("z", 0, 1)]]
    assert [page[0].name for page in pages] == ["a", "big-198", "big-398"]
    assert paging.page_names("types/x", pages) == ["types/x.md", "types/x_big-198.md", "types/x_big-398.md"]


def test_nothing_to_list_is_one_empty_page():
    assert paging.cut([], rows=50, mean_rows=150) == [[]]


def test_begins_page_depends_on_the_key_and_the_weight_alone():
    keys = [f"id{i}" for i in range(20000)]
    light = sum(paging.begins_page(k, 1, 100) for k in keys)
    heavy = sum(paging.begins_page(k, 5, 100) for k in keys)
    assert 150 < light < 250 and 4 * light < heavy < 6 * light
    assert [paging.begins_page(k, 1, 100) for k in keys[:500]] == [paging.begins_page(k, 1, 100) for k in keys[:500]]


def test_one_inserted_group_changes_few_pages_wherever_it_lands():
    listed = groups(4000)
    before = {tuple(p) for p in shape(paging.cut(listed, rows=200, mean_rows=600, groups_per_page=100))}
    rng = random.Random(7)
    changed = []
    for _ in range(30):
        at = rng.randrange(len(listed))
        extra = (listed[at][0] + "-new", [0, 1])
        after = {tuple(p) for p in shape(paging.cut([*listed[:at], extra, *listed[at:]], rows=200, mean_rows=600, groups_per_page=100))}
        changed.append(len(after - before))
    assert len(before) > 40
    assert max(changed) <= 6 and sum(changed) / len(changed) < 3, changed
