"""Near-duplicates: the same plan from other websites is merged into one page; different plans stay apart.

The pairs are built from the seeds the way sites damage copies: other chrome around the text, 5% of
the sentences edited, a copy cut in half by a preview wall, the traditional seed 000 against a
simplified copy. Seed 002's three 民政 plans (one unit) and the seeds among themselves must stay apart.
Measured containment (see dedupe.THRESHOLD): copies ≥ 0.99, different plans ≤ 0.20.
"""
from __future__ import annotations

import copy
import itertools
import re

import pytest

from conftest import seed
from scripts import clean, parse, publish
from scripts.fingerprints import Shingled
from scripts.models import Plan
from scripts.publish import dedupe
from scripts.read import decode

CHROME_HEAD = "首页 > 范文大全 > 工作计划 > 文明创建\n发布时间：2021-03-05 来源：某某范文网 作者：admin\n"
CHROME_TAIL = "\n相关推荐：\n2021年文明单位创建工作方案\n本文来源于网络，版权归原作者所有。"


def raw(prefix: str) -> str:
    return decode.decode_bytes(seed(prefix).read_bytes()).text


def plans_of(text: str, name: str) -> list[Plan]:
    return parse.parse_plans(clean.clean_text(text, source=name))


def edited(text: str, every: int = 20) -> str:
    """Every ``every``-th sentence gets two characters replaced (5% of sentences for every=20)."""
    count = 0

    def edit(match: re.Match) -> str:
        nonlocal count
        sentence = match.group(0)
        if len(sentence) <= 12:
            return sentence
        count += 1
        return sentence[:4] + "进一步" + sentence[6:] if count % every == 0 else sentence

    return re.sub(r"[^。；\n]+[。；]?", edit, text)


def truncated(text: str) -> str:
    lines = text.split("\n")
    return "\n".join(lines[: len(lines) // 2]) + "\n……此处隐藏3281个字……"


def similarity(a: Plan, b: Plan) -> float:
    return dedupe.containment(Shingled.of(dedupe.plan_text(a)).hashes, Shingled.of(dedupe.plan_text(b)).hashes)


@pytest.fixture(scope="module")
def originals() -> dict[str, Plan]:
    return {p: plans_of(raw(p), f"{p}.txt")[0] for p in ("000", "001", "003", "004")}


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
@pytest.mark.parametrize("damage", [lambda t: CHROME_HEAD + t + CHROME_TAIL, edited, truncated], ids=["chrome", "edited5pct", "truncated"])
def test_copies_are_far_above_the_threshold(originals, prefix, damage):
    copy_plan = plans_of(damage(raw(prefix)), "copy.html")[0]
    assert similarity(originals[prefix], copy_plan) >= 0.95 > dedupe.THRESHOLD


def test_traditional_original_and_simplified_copy_are_one_plan(originals):
    simplified = clean.clean_file(seed("000")).text
    assert similarity(originals["000"], plans_of(CHROME_HEAD + simplified, "copy.txt")[0]) >= 0.99


def test_different_plans_are_far_below_the_threshold(originals):
    unit_002 = plans_of(raw("002"), "002.txt")
    assert len(unit_002) == 3
    for a, b in itertools.combinations(unit_002 + list(originals.values()), 2):
        assert similarity(a, b) <= 0.3 < dedupe.THRESHOLD, (a.title, b.title)


def test_merge_shows_the_best_copy_and_lists_every_source_and_differing_sentence():
    full = plans_of(raw("003"), "003.txt")[0]
    damaged_text = edited(raw("003")).replace("领导小组办公室设在厅机关党委", "领导小组办公室设在厅机关XX")
    damaged = plans_of(CHROME_HEAD + damaged_text, "copy_site_b.html")[0]
    half = plans_of(truncated(raw("003")), "copy_site_c.txt")[0]
    other = plans_of(raw("001"), "001.txt")[0]
    result = dedupe.merge_duplicates([half, damaged, other, full])
    assert [p.source_file for p in result.plans] == ["001.txt", "003.txt"]
    shown = result.plans[1]
    assert [s.source_file for s in shown.sources] == ["003.txt", "copy_site_b.html", "copy_site_c.txt"]
    assert "疑似截断" in shown.sources[2].reason
    assert {(m.copy.source_file, m.shown.source_file) for m in result.merges} == {("copy_site_b.html", "003.txt"), ("copy_site_c.txt", "003.txt")}
    edits = [v for v in shown.variants if v.source_file == "copy_site_b.html"]
    assert any("厅机关XX" in v.other and "厅机关党委" in v.shown for v in edits)
    assert all("进一步" in v.other or "XX" in v.other for v in edits)
    assert not [v for v in shown.variants if v.source_file == "copy_site_c.txt"]  # a cut copy's missing half is not "different"


def test_the_three_plans_of_one_unit_stay_apart():
    plans = plans_of(raw("002"), "002.txt")
    result = dedupe.merge_duplicates(plans)
    assert result.plans == plans and not result.merges


def test_the_same_text_for_another_year_is_an_edition_not_a_copy():
    text = raw("001")
    later = text.replace("2010-2011", "2012-2013")
    first, second = plans_of(text, "2010.txt")[0], plans_of(later, "2012.txt")[0]
    result = dedupe.merge_duplicates([first, second])
    assert len(result.plans) == 2 and not result.merges
    assert result.kept_apart and "不同年度" in result.kept_apart[0].reason


def test_year_sequence_links_one_units_plans():
    base = plans_of(raw("001"), "2010.txt")[0]
    editions = []
    for index, years in enumerate(([2010, 2011], [2012, 2013], [2014])):
        plan = copy.deepcopy(base)
        plan.id, plan.meta.years = f"p{index}", years
        editions.append(plan)
    other_unit = copy.deepcopy(base)
    other_unit.id, other_unit.meta.unit = "q", "某县民政局"
    sequences = publish.year_sequences(editions + [other_unit])
    assert [p.id for p in sequences["p1"][0]] == ["p0"] and [p.id for p in sequences["p1"][1]] == ["p2"]
    assert sequences["p0"][0] == [] and sequences["p2"][1] == []
    assert sequences["q"] == ([], [])


def test_scores_of_an_earlier_run_give_the_same_result_without_scoring_again(monkeypatch):
    def copies():
        full = plans_of(raw("003"), "003.txt")[0]
        damaged = plans_of(CHROME_HEAD + edited(raw("003")), "copy_site_b.html")[0]
        text = raw("001")
        editions = [plans_of(text, "2010.txt")[0], plans_of(text.replace("2010-2011", "2012-2013"), "2012.txt")[0]]
        return [damaged, full, *editions]

    def summary(result):
        return (
            [p.source_file for p in result.plans],
            [(m.shown.source_file, m.copy.source_file, m.similarity) for m in result.merges],
            [(k.first.source_file, k.second.source_file, k.similarity, k.reason) for k in result.kept_apart],
        )

    first = dedupe.merge_duplicates(copies())
    assert len(first.scores) == 2 and first.merges and first.kept_apart
    monkeypatch.setattr(dedupe, "containment", lambda a, b: pytest.fail("a known pair was scored again"))
    again = dedupe.merge_duplicates(copies(), dict(first.scores))
    assert summary(again) == summary(first)
    assert again.scores == first.scores


def test_kept_apart_pairs_are_listed_a_few_per_plan_and_the_rest_not_scored(monkeypatch):
    """Eight editions of one text: 28 pairs kept apart, but a pair is listed (and scored) only while
    one of its plans is in fewer than three listed pairs; equal sharing keeps plan order."""
    text = raw("001")
    editions = [
        plans_of(text.replace("2010-2011", f"{year}-{year + 1}").replace("领导小组", f"第{year}届领导小组", 1), f"{year}.txt")[0]
        for year in range(2010, 2026, 2)
    ]  # one edited sentence: eight different texts, each pair scored on its own
    assert len({dedupe.plan_text(p) for p in editions}) == 8
    assert all(len(set(p.meta.years)) == 2 for p in editions) and len({tuple(p.meta.years) for p in editions}) == 8
    scored = []
    monkeypatch.setattr(dedupe, "containment", lambda a, b: scored.append(1) or 1.0)
    result = dedupe.merge_duplicates(editions)
    assert not result.merges and len(result.plans) == 8
    listed = [(editions.index(k.first), editions.index(k.second)) for k in result.kept_apart]
    assert listed == [(first, second) for first in range(3) for second in range(first + 1, 8)]
    assert len(scored) == len(listed) == 18
    assert all("不同年度" in k.reason for k in result.kept_apart)
