"""Publishing keeps what it worked out about unchanged plans between runs, and what it takes from there is
what working it out again gives: anchors of settled plans, related lists."""
from __future__ import annotations

import copy
import json

import pytest

from scripts.models import Item, Plan, PlanMeta, Section
from scripts.publish import permalinks
from scripts.publish.permalinks import Registry

STUDY = "坚持每月集中学习制度，组织干部职工深入学习理论，每季度开展一次专题研讨"
SERVE = "组建志愿服务队，每月第三个周六到结对社区开展环境整治和关爱老人活动"
LECTURE = "每季度举办一期道德讲堂，讲身边好人故事，评选表彰最美家庭和文明科室"
TIDY = "开展办公环境卫生大整治，落实门前三包责任制，做到办公区域整洁有序"
LEAD = "成立创建工作领导小组，由局长任组长，各科室负责人为成员，定期召开会议"


def plan(sections: list[tuple[str, list[str]]], source: str = "a.txt") -> Plan:
    built = []
    for s, (heading, texts) in enumerate(sections, 1):
        items = [Item(anchor=f"i{s}-{n}", number=str(n), text=text) for n, text in enumerate(texts, 1)]
        built.append(Section(anchor=f"s{s}", number=str(s), title=heading, level=1, items=items))
    return Plan(title="某局文明单位创建工作方案", meta=PlanMeta(), source_file=source, sections=built)


def shown(plans: list[Plan], registry: Registry) -> list:
    """Every anchor and alias the pages show, and the registry as it would be saved."""
    walked = [[(s.anchor, [i.anchor for i in s.items]) for s in permalinks.walk_sections(p.sections)] for p in plans]
    return [walked, [registry.aliases_for(p) for p in plans], json.dumps(registry._plans, sort_keys=True)]


# Each version of the collection, in the order a curator might make them: items edited, moved,
# repeated (two items with one text), a section renamed, a plan removed and added back.
VERSIONS = [
    [[("措施", [STUDY, SERVE, LECTURE]), ("保障", [LEAD])], [("内容", [TIDY, SERVE])]],
    [[("措施", [STUDY, SERVE, LECTURE]), ("保障", [LEAD])], [("内容", [TIDY, SERVE])]],
    [[("措施", [SERVE, STUDY, LECTURE + "，每年评选一次"]), ("保障", [LEAD])], [("内容", [TIDY, SERVE])]],
    [[("措施", [SERVE, STUDY, SERVE]), ("保障措施", [LEAD, TIDY])], [("内容", [TIDY, SERVE])]],
    [[("措施", [SERVE, STUDY, SERVE]), ("保障措施", [LEAD, TIDY])]],
    [[("措施", [STUDY, SERVE, LECTURE]), ("保障", [LEAD])], [("内容", [TIDY, SERVE])]],
    [[("措施", [STUDY, SERVE, LECTURE]), ("保障", [LEAD])], [("内容", [TIDY, SERVE])]],
    [[("措施", [STUDY, SERVE, LECTURE]), ("保障", [LEAD])], [("内容", [TIDY]), ("内容", [SERVE]), ("内容", [])]],
    [[("措施", [STUDY, SERVE, LECTURE]), ("保障", [LEAD])], [("内容", [TIDY]), ("内容", [SERVE]), ("内容", [])]],
    [[("措施", [STUDY, SERVE, LECTURE]), ("保障", [LEAD])], [("内容", [TIDY]), ("内容", []), ("内容", [])]],
    [[("措施", [STUDY, SERVE, LECTURE]), ("保障", [LEAD])], [("内容", [TIDY]), ("内容", []), ("内容", [])]],
]


def test_settled_anchors_are_those_matching_again_gives(tmp_path):
    """Run after run, a registry given the settled plans' anchors ends as one that matched every plan again."""
    settled: dict = {}
    hits = []
    for number, version in enumerate(VERSIONS):
        plans = [plan(sections, f"{n}.txt") for n, sections in enumerate(version)]
        again = copy.deepcopy(plans)
        with_memo = Registry.load(tmp_path / "memo.json")
        without = Registry.load(tmp_path / "plain.json")
        before = dict(settled)
        with_memo.assign(plans, settled=settled)
        without.assign(again)
        assert shown(plans, with_memo) == shown(again, without), f"version {number}"
        with_memo.save()
        without.save()
        hits.append(len(before.keys() & settled.keys()))
    assert (tmp_path / "memo.json").read_bytes() == (tmp_path / "plain.json").read_bytes()
    # an unchanged plan is taken as settled from its second run on (not after a gap: the second plan in
    # version 5), a text repeated in it too (version 4); the first plan no more once its entry keeps a
    # retired anchor of a text it shows (the second SERVE of version 3: versions 5 on); sections of one title
    # are settled by their items (version 8), not when two of them are empty (version 10)
    assert hits == [0, 2, 1, 1, 1, 0, 1, 0, 1, 0, 0]


def test_a_plan_whose_text_is_also_held_by_a_retired_anchor_is_not_settled(tmp_path):
    """Matching again might then give the text the retired anchor (equal matches go in anchor order)."""
    registry = Registry.load(tmp_path / "r.json")
    settled: dict = {}
    registry.assign([plan([("措施", [STUDY, STUDY, SERVE])])], settled=settled)
    assert [items for _, items, _ in settled.values()] == [["i1-1", "i1-2", "i1-3"]]
    registry.assign([plan([("措施", [STUDY, SERVE])])], settled=settled)  # i1-2 retired, still holding STUDY
    assert settled == {}


def test_related_lists_are_those_of_scoring_every_plan_on_its_own():
    """Plans alike in types and sector share one ranking; each list is the one scoring plan by plan gives."""
    import random
    from collections import Counter

    from scripts.publish import related_plans, render

    rng = random.Random(7)
    types, sectors = ["志愿服务", "道德讲堂", "环境整治", "文明礼仪", "理论学习", "窗口服务"], ["", "财政", "教育"]
    plans = []
    for number in range(80):
        tagged = rng.sample(types, rng.randint(0, 3))
        items = [Item(anchor=f"i{n}", number=str(n), text=name, tags=[name]) for n, name in enumerate(tagged)]
        meta = PlanMeta(sector=rng.choice(sectors))
        plans.append(Plan(title=f"方案{number}", meta=meta, source_file=f"{number}.txt", id=f"p{number:02d}", sections=[Section(anchor="s1", number="一", title="措施", level=1, items=items)]))

    def plainly(plan: Plan) -> list[str]:
        scores: Counter[str] = Counter()
        for other in plans:
            if other is not plan:
                scores[other.id] = len(set(render.plan_types(plan)) & set(render.plan_types(other)))
                if scores[other.id] and plan.meta.sector and other.meta.sector == plan.meta.sector:
                    scores[other.id] += 2
        ranked = sorted((kv for kv in scores.items() if kv[1]), key=lambda kv: (-kv[1], kv[0]))
        return [plan_id for plan_id, _ in ranked[: render.RELATED_LIMIT]]

    related = related_plans(plans)
    assert {plan_id: [p.id for p in listed] for plan_id, listed in related.items()} == {p.id: plainly(p) for p in plans}
    assert sum(len(listed) == render.RELATED_LIMIT for listed in related.values()) == 59  # the plans without types have none


def test_near_duplicates_found_again_from_what_was_remembered(monkeypatch):
    """The second run over the same texts cuts no sentence, scores no pair, lists no difference again,
    and merges what the first merged, with the same sources and differing sentences."""
    from scripts.publish import dedupe

    body = [STUDY, SERVE, LECTURE, TIDY, LEAD]

    def copies() -> list[Plan]:
        edited = [STUDY, SERVE.replace("第三个周六", "最后一个周日"), LECTURE, TIDY, LEAD]
        return [plan([("措施", body)], "a.txt"), plan([("措施", edited)], "b.txt"), plan([("措施", body[:3])], "c.txt")]

    def summary(result) -> list:
        return [[(p.source_file, [s.similarity for s in p.sources], [(v.source_file, v.shown, v.other) for v in p.variants]) for p in result.plans], [m.reason for m in result.merges]]

    first = dedupe.merge_duplicates(copies())
    assert summary(first)[0][0][0] == "b.txt" and len(first.merges) == 2 and first.plans[0].variants  # the longest shown
    for name in ("_sentence_keys", "containment", "differing_sentences", "_share"):
        monkeypatch.setattr(dedupe, name, lambda *args, name=name: pytest.fail(f"{name} again"))
    again = dedupe.merge_duplicates(copies(), known=dedupe.Remembered.of(vars(first.remembered)))
    assert summary(again) == summary(first)
    assert vars(again.remembered) == vars(first.remembered)
    assert dedupe.Remembered.of({("x", "y"): 1.0}) == dedupe.Remembered()  # scores kept in the older layout: forgotten


def test_a_docs_file_is_hashed_again_only_when_written_since(tmp_path):
    """The site build takes a docs file's hash from its last stamp while the file's size, time and inode are
    those recorded; a file written since, even in place with the same size, is read again."""
    import os

    from scripts.site.build import source_digests

    (tmp_path / "a.md").write_text("甲", encoding="utf-8")
    (tmp_path / "b.md").write_text("乙", encoding="utf-8")
    digests, marks = source_digests(tmp_path)
    assert set(digests) == set(marks) == {"a.md", "b.md"} and digests["a.md"] != digests["b.md"]
    known = {rel: ("recorded", marks[rel]) for rel in digests}
    with open(tmp_path / "b.md", "r+b") as fh:  # the same size, in place
        fh.write("丙".encode("utf-8"))
    stat = (tmp_path / "b.md").stat()
    os.utime(tmp_path / "b.md", ns=(stat.st_atime_ns, marks["b.md"][1] + 1))
    again, _ = source_digests(tmp_path, known)
    assert again == {"a.md": "recorded", "b.md": source_digests(tmp_path)[0]["b.md"]} and again["b.md"] != digests["b.md"]


def test_cached_outcomes_are_loaded_with_the_cycle_collector_paused_and_files_processed_with_it_on(tmp_path, monkeypatch):
    import gc

    from scripts import cache, ingest

    raw = tmp_path / "raw"
    raw.mkdir()
    for number in range(3):
        (raw / f"{number}.txt").write_text(f"某局文明单位创建工作方案\n一、主要措施\n1. {STUDY}{number}。\n2. {SERVE}。\n", encoding="utf-8")
    store = cache.OutcomeCache(tmp_path / "cache")
    states = []
    monkeypatch.setattr(ingest, "process_file", lambda *job, real=ingest.process_file: states.append(gc.isenabled()) or real(*job))
    first = ingest.process_all([raw], jobs=1, cache=store)
    loaded = []
    monkeypatch.setattr(ingest, "_cached", lambda job, store, real=ingest._cached: loaded.append(gc.isenabled()) or real(job, store))
    assert ingest.process_all([raw], jobs=1, cache=cache.OutcomeCache(tmp_path / "cache")) == first
    assert states == [True, True, True] and loaded == [False, False, False] and gc.isenabled()
