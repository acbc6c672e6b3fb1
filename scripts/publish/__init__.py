"""Publish: file outcomes → docs/ pages, a Word file per plan, ``data/plans.json`` and ``data/report.json``.

Merges near-duplicate plans (one page lists every source; items were tagged at ingest), fixes ids, slugs and
anchors through the permalink registry, links one unit's plans year by year, renders every page in
memory and only then writes, so a failure half-way leaves the previous pages in place. Page values
are text (str), except the .docx files, which are bytes.

What one plan's files say depends on the others (ids, related plans, year links), so it is decided
here, in one process; writing the files themselves (page, .docx, its plans.json entry) is the bulk
of the work and is spread over ``jobs`` processes, each slice a pure function of its inputs, so the
bytes are the same whatever ``jobs`` is. While the workers render, this process writes the index
pages and the report, which read every plan.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import heapq
import json
import multiprocessing
import os
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Callable

from scripts import children
from scripts.cache import OutcomeCache
from scripts.fingerprints import PlanPrints
from scripts.ingest import FileOutcome
from scripts.models import Plan
from scripts.publish import corrections, dedupe, docx_out, indexes, permalinks, render, reportpage, slugs, writer
from scripts.tag import tagger

SCHEMA_VERSION = 1

def related_plans(plans: list[Plan]) -> dict[str, list[Plan]]:
    """For each plan id, the few others (as many as a plan page shows) sharing the most activity types; same sector counts double.

    Plans with the same telling types and sector score every other plan alike, so the ranking is made once
    for all of them (one place longer, as each drops itself from it): at 10,000 plans scoring plan by plan
    was seconds of every update.
    """
    types_of = {p.id: render.plan_types(p) for p in plans}
    by_type: dict[str, list[str]] = defaultdict(list)
    for plan in plans:
        for name in types_of[plan.id]:
            by_type[name].append(plan.id)
    by_id = {p.id: p for p in plans}
    ranked_for: dict[tuple, list[str]] = {}
    related = {}
    for plan in plans:
        telling = tuple(name for name in types_of[plan.id] if len(by_type[name]) <= 500)  # a type nearly every plan has says nothing
        likeness = (telling, plan.meta.sector)
        if likeness not in ranked_for:
            ranked_for[likeness] = _ranked(telling, plan.meta.sector, by_type, by_id)
        related[plan.id] = [by_id[other_id] for other_id in ranked_for[likeness] if other_id != plan.id][: render.RELATED_LIMIT]
    return related


def _ranked(types: tuple[str, ...], sector: str, by_type: dict[str, list[str]], by_id: dict[str, Plan]) -> list[str]:
    """The RELATED_LIMIT + 1 plan ids sharing the most of ``types`` (each listed type counts once per listing), same ``sector`` +2."""
    scores: Counter[str] = Counter()
    for name in types:
        scores.update(by_type[name])
    if sector:
        for other_id in scores:
            if by_id[other_id].meta.sector == sector:
                scores[other_id] += 2
    return [other_id for other_id, _ in heapq.nsmallest(render.RELATED_LIMIT + 1, scores.items(), key=lambda kv: (-kv[1], kv[0]))]


def year_sequences(plans: list[Plan]) -> dict[str, tuple[list[Plan], list[Plan]]]:
    """For each plan id: the same unit's plans of the nearest earlier year and of the nearest later year.

    A plan's year is the first year of its period (2019—2020 follows 2017—2018); plans without a
    named unit or without years are not in any sequence.
    """
    by_unit: dict[str, dict[int, list[Plan]]] = defaultdict(lambda: defaultdict(list))
    for plan in plans:
        if plan.meta.unit and not plan.meta.unit_anonymised and plan.meta.years:
            by_unit[plan.meta.unit][min(plan.meta.years)].append(plan)
    sequences = {}
    for years in by_unit.values():
        ordered = sorted(years)
        for position, year in enumerate(ordered):
            previous = years[ordered[position - 1]] if position > 0 else []
            following = years[ordered[position + 1]] if position + 1 < len(ordered) else []
            for plan in years[year]:
                sequences[plan.id] = (previous, following)
    return sequences


def plan_json(plan: Plan) -> str:
    """One plan's entry in data/plans.json; the file is these joined, so each is made where the plan's page is."""
    return json.dumps(plain(plan), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def plans_json(entries: list[str]) -> str:
    """data/plans.json from the plans' entries: the bytes json.dumps of the whole document (keys sorted) gives."""
    return '{"plans":[' + ",".join(entries) + f'],"schema_version":{SCHEMA_VERSION}}}\n'


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def plain(value):
    """A dataclass tree as dicts and lists, as dataclasses.asdict gives it, five times faster (no deep copies)."""
    if isinstance(value, (str, int, float)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return {name: plain(getattr(value, name)) for name in _field_names(type(value))}


def _plan_ref(plan: Plan) -> dict:
    return {"source": plan.source_file, "index_in_file": plan.index_in_file, "id": plan.id, "slug": plan.slug, "title": plan.title}


def report_document(
    outcomes: list[FileOutcome], merged: dedupe.DedupeResult | None = None, corrected: corrections.Corrected | None = None
) -> dict:
    files = []
    for o in outcomes:
        files.append(
            {
                "source": o.source,
                "status": o.status,
                "reason": o.reason,
                "encoding": o.encoding,
                "size": o.size,
                "sha256": o.sha256,
                "was_traditional": o.was_traditional,
                "plans": [{"id": p.id, "slug": p.slug, "title": p.title} for p in o.plans],
                "removed": plain(o.removed),
                "flags": plain(o.flags),
            }
        )
    counts = Counter(o.status for o in outcomes)
    merged = merged or dedupe.DedupeResult([], [], [])
    return {
        "schema_version": SCHEMA_VERSION,
        "summary": dict(sorted(counts.items())),
        "files": files,
        "merged": [
            {"shown": _plan_ref(m.shown), "copy": _plan_ref(m.copy), "similarity": m.similarity, "reason": m.reason} for m in merged.merges
        ],
        "kept_apart": [
            {"first": _plan_ref(k.first), "second": _plan_ref(k.second), "similarity": k.similarity, "reason": k.reason}
            for k in merged.kept_apart
        ],
        "corrections": corrections.report(corrected, outcomes),
    }


@dataclass
class PlanFiles:
    """Everything one plan's files are made from (decided across all plans, in the parent process).
    Other plans are their cards: a page links to them, and the worker is sent less."""

    plan: Plan
    related: list[Plan]
    removed: list
    aliases: dict[str, list[str]]
    previous: list[Plan]
    following: list[Plan]
    type_slugs: dict[str, str]

    def make(self) -> tuple[str, bytes, str]:
        """The plan's page, its .docx and its plans.json entry."""
        page = render.render_plan_page(
            self.plan,
            related=self.related,
            removed=self.removed,
            type_slugs=self.type_slugs,
            aliases=self.aliases,
            previous=self.previous,
            following=self.following,
            download=True,
        )
        return page, docx_out.plan_docx(self.plan), plan_json(self.plan)


MIN_PER_WORKER = 200  # fewer plans than this per worker: starting processes costs more than it saves


@dataclass
class Cards:
    """Each plan's card (``Plan.card``), made once however many pages link to it, and its digest."""

    made: dict[str, Plan] = dataclasses.field(default_factory=dict)
    digests: dict[str, str] = dataclasses.field(default_factory=dict)

    def of(self, plans: list[Plan]) -> list[Plan]:
        return [self.made[plan.id] if plan.id in self.made else self.made.setdefault(plan.id, plan.card()) for plan in plans]

    def digest(self, card: Plan) -> str:
        if card.id not in self.digests:
            self.digests[card.id] = plan_digest(card)
        return self.digests[card.id]


def _make_each(work: list[PlanFiles]) -> list[tuple[str, bytes, str]]:
    return [files.make() for files in work]


def plan_tasks(work: list[PlanFiles], jobs: int) -> list[Callable[[], list[tuple[str, bytes, str]]]]:
    """``PlanFiles.make`` in slices, a few per worker, so one slow slice does not keep the others waiting."""
    step = max(1, -(-len(work) // (jobs * 4)))
    return [functools.partial(_make_each, work[start : start + step]) for start in range(0, len(work), step)]


def run_tasks(tasks: list[Callable[[], object]], jobs: int, meanwhile: Callable[[], object]) -> tuple[list, object]:
    """Each task's result, in order, from ``jobs`` new processes (from this one if ``jobs`` is 1),
    and ``meanwhile()``, called in this process while they work.

    The tasks travel pickled to spawned processes. Forked ones would inherit them for free, but
    CPython writes the reference count of every object it reads, so each forked worker copied
    most of this process's memory: 1.5 GB per worker at 10,000 plans.
    """
    if jobs <= 1:
        return [task() for task in tasks], meanwhile()
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=spawn, initializer=children.stop_with, initargs=(os.getpid(),)) as pool:
        futures = [pool.submit(task) for task in tasks]
        aside = meanwhile()
        return [future.result() for future in futures], aside


def plan_digest(plan: Plan) -> str:
    """A digest of everything a plan holds, written out (a pickle would not do: it shares repeated objects,
    so equal plans can pickle differently)."""
    return hashlib.blake2b(repr(plan).encode("utf-8"), digest_size=20).hexdigest()


def _made_before(work: list[PlanFiles], digests: list[str], store: OutcomeCache | None, cards: Cards) -> tuple[list, list[str]]:
    """Each plan's plans.json entry as the last run made it from the same inputs, where that run's page and
    Word file are kept too (else None), and the key of each plan's inputs. The entries are kept in one file
    (``OutcomeCache.plan_entries``); the page and the Word file are loaded only if the writer needs them
    (``_kept_files``).

    The key is the plan's digest and the rest of its ``PlanFiles`` written out (with the code version), the
    other plans by their cards' digests: every value a plan's files are made from, so equal keys make equal
    files. At 10,000 plans, making every plan's page and Word file again after one edit was most of
    publishing.
    """
    if store is None:
        return [None] * len(work), []
    shared = repr(work[0].type_slugs) if work else ""  # the same for every plan

    def key(files: PlanFiles, digest: str) -> str:
        linked = [[cards.digest(card) for card in listed] for listed in (files.related, files.previous, files.following)]
        return store.made_key("\0".join([digest, shared, repr(linked), repr(files.removed), repr(files.aliases)]).encode("utf-8"))

    keys = [key(files, digest) for files, digest in zip(work, digests)]
    kept = store.plan_entries()
    return [kept[key] if key in kept and store.has_made(key) else None for key in keys], keys


def _kept_files(store: OutcomeCache, key: str, files: PlanFiles) -> tuple[writer.Made, writer.Made]:
    """A plan's page and Word file as made before under ``key``, loaded when the writer needs them (made
    again should the kept ones have become unreadable since)."""

    def load(index: int):
        return (store.made(key) or files.make())[index]

    return _made(key, functools.partial(load, 0), functools.partial(load, 1))


def _keyed(key: str, files: tuple[str, bytes]) -> tuple[writer.Made, writer.Made]:
    """A plan's page and Word file just made, under the keys ``_kept_files`` gives them, so the writer notes
    the key: else the first update after a cold build found no key noted and loaded every kept page and Word
    file to compare it (33 s of a 112 s update at 10,000 plans)."""
    page, docx = files
    return _made(key, lambda: page, lambda: docx)


def _made(key: str, page, docx) -> tuple[writer.Made, writer.Made]:
    """The writer's keys of a plan's page and Word file made under ``key``: one spelling for made and kept files."""
    return writer.Made(f"{key}:page", page), writer.Made(f"{key}:docx", docx)


def render_pages(
    outcomes: list[FileOutcome],
    registry: permalinks.Registry,
    jobs: int = 1,
    store: OutcomeCache | None = None,
    corrected: corrections.Corrected | None = None,
) -> tuple[dict[str, str | bytes], list]:
    """All generated pages as {docs-relative path: text, or bytes for plans/<slug>.docx}, plus the
    redirects the registry asks for. ``jobs``: processes that make the plans' files; ``store``: the
    ingest cache, which also keeps the near-duplicate scores for the next run; ``corrected``: what the
    curator's corrections did (already applied to ``outcomes``), for the report."""
    taxonomy = tagger.load_taxonomy()
    merged = dedupe.merge_duplicates([p for o in outcomes for p in o.plans], known=dedupe.Remembered.of(store.dedupe_scores()) if store else None)
    if store:
        store.keep_dedupe_scores(vars(merged.remembered))
    plans = merged.plans  # tagged at ingest
    computed = {id(plan): prn for o in outcomes for plan, prn in zip(o.plans, o.prints)}  # made in the workers
    settled_key = store.made_key(b"settled anchors") if store else ""
    settled = (store.made(settled_key) or {}) if store else None
    redirects = registry.assign(plans, [computed.get(id(plan)) or PlanPrints.of(plan) for plan in plans], settled)
    if store:
        store.keep_made(settled_key, settled)
    for merge in merged.merges:  # the report links a merged copy to the page that shows it
        merge.copy.id, merge.copy.slug = merge.shown.id, merge.shown.slug
    sequences = year_sequences(plans)
    type_slugs = {t.name: slugs.slugify(t.name) for theme in taxonomy.themes for t in theme.types}
    related = related_plans(plans)
    removed_of = {o.source: o.removed for o in outcomes}
    cards = Cards()
    work = []
    for plan in plans:
        previous, following = sequences.get(plan.id, ([], []))
        work.append(
            PlanFiles(
                plan,
                related=cards.of(related[plan.id]),
                removed=removed_of[plan.source_file] if plan.index_in_file == 0 else [],
                aliases=registry.aliases_for(plan),
                previous=cards.of(previous),
                following=cards.of(following),
                type_slugs=type_slugs,
            )
        )

    digests = [plan_digest(plan) for plan in plans] if store else []
    memo = indexes.PageMemo(dict(zip([p.id for p in plans], digests)), store.made_key, store.made, store.keep_made, store.has_made) if store else None

    def index_and_report_pages() -> dict[str, str | bytes]:
        answers = {indexes.QUICK_ANSWERS: indexes.quick_answers(plans, taxonomy)}
        return {**indexes.render_index_pages(plans, taxonomy, memo), **answers, **report_files(outcomes, merged, corrected, memo)}

    entries, keys = _made_before(work, digests, store, cards)
    todo = [number for number, entry in enumerate(entries) if entry is None]
    jobs = max(1, min(jobs, len(todo) // MIN_PER_WORKER))
    results, pages = run_tasks(plan_tasks([work[number] for number in todo], jobs), jobs, index_and_report_pages)
    made: dict[int, tuple] = {}
    for number, (page, docx, entry) in zip(todo, [files for made_slice in results for files in made_slice]):
        made[number], entries[number] = (page, docx), entry
        if store:
            store.keep_made(keys[number], (page, docx))
    if store:
        store.keep_plan_entries(dict(zip(keys, entries)))
        store.forget_made_except({*keys, *memo.used, settled_key})
    for number, plan in enumerate(plans):
        fresh = made.get(number)
        files = _keyed(keys[number], fresh) if fresh and store else fresh or _kept_files(store, keys[number], work[number])
        pages[f"plans/{plan.slug}.md"], pages[f"plans/{plan.slug}.docx"] = files
    pages["data/redirects.json"] = json.dumps({r.old_path: r.new_path for r in redirects}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    pages["data/plans.json"] = plans_json(entries)
    return pages, redirects


def report_files(
    outcomes: list[FileOutcome], merged: dedupe.DedupeResult, corrected: corrections.Corrected | None = None, memo: indexes.PageMemo | None = None
) -> dict[str, str]:
    """The report pages (those made before from the same rows taken from ``memo``) and data/report.json."""
    report = report_document(outcomes, merged, corrected)
    pages = reportpage.render_report_pages(report, memo)
    pages["data/report.json"] = json.dumps(report, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    return pages
