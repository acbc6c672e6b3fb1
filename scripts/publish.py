"""Publish: file outcomes → docs/ pages, a Word file per plan, ``data/plans.json`` and ``data/report.json``.

Merges near-duplicate plans (one page lists every source), tags every item, fixes ids, slugs and
anchors through the permalink registry, links one unit's plans year by year, renders every page in
memory and only then writes, so a failure half-way leaves the previous pages in place. Page values
are text (str), except the .docx files, which are bytes.
"""
from __future__ import annotations

import dataclasses
import json
from collections import Counter, defaultdict

from . import dedupe, docx_out, indexes, permalinks, render, reportpage, slugs, tagger
from .ingest import FileOutcome
from .models import Plan

SCHEMA_VERSION = 1
RELATED_LIMIT = 5

def related_plans(plans: list[Plan]) -> dict[str, list[Plan]]:
    """For each plan id, up to five others sharing the most activity types (same sector counts double)."""
    types_of = {p.id: render.plan_types(p) for p in plans}
    by_type: dict[str, list[Plan]] = defaultdict(list)
    for plan in plans:
        for name in types_of[plan.id]:
            by_type[name].append(plan)
    by_id = {p.id: p for p in plans}
    related = {}
    for plan in plans:
        scores: Counter[str] = Counter()
        for name in types_of[plan.id]:
            if len(by_type[name]) > 500:  # a type nearly every plan has says nothing about likeness
                continue
            for other in by_type[name]:
                if other.id != plan.id:
                    scores[other.id] += 1
        for other_id in scores:
            if plan.meta.sector and by_id[other_id].meta.sector == plan.meta.sector:
                scores[other_id] += 2
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:RELATED_LIMIT]
        related[plan.id] = [by_id[other_id] for other_id, _ in ranked]
    return related


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


def plans_document(plans: list[Plan]) -> dict:
    return {"schema_version": SCHEMA_VERSION, "plans": [dataclasses.asdict(p) for p in plans]}


def _plan_ref(plan: Plan) -> dict:
    return {"source": plan.source_file, "index_in_file": plan.index_in_file, "id": plan.id, "slug": plan.slug, "title": plan.title}


def report_document(outcomes: list[FileOutcome], merged: dedupe.DedupeResult | None = None) -> dict:
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
                "removed": [dataclasses.asdict(r) for r in o.removed],
                "flags": [dataclasses.asdict(f) for f in o.flags],
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
    }


def render_pages(outcomes: list[FileOutcome], registry: permalinks.Registry) -> tuple[dict[str, str | bytes], list]:
    """All generated pages as {docs-relative path: text, or bytes for plans/<slug>.docx}, plus the
    redirects the registry asks for."""
    taxonomy = tagger.load_taxonomy()
    merged = dedupe.merge_duplicates([p for o in outcomes for p in o.plans])
    plans = merged.plans
    for plan in plans:
        tagger.tag_plan(plan, taxonomy)
    computed = {id(plan): prn for o in outcomes for plan, prn in zip(o.plans, o.prints)}  # made in the workers
    redirects = registry.assign(plans, [computed.get(id(plan)) or permalinks.PlanPrints.of(plan) for plan in plans])
    for merge in merged.merges:  # the report links a merged copy to the page that shows it
        merge.copy.id, merge.copy.slug = merge.shown.id, merge.shown.slug
    sequences = year_sequences(plans)
    type_slugs = {t.name: slugs.slugify(t.name) for theme in taxonomy.themes for t in theme.types}
    related = related_plans(plans)
    removed_of = {o.source: o.removed for o in outcomes}
    pages = {}
    for plan in plans:
        pages[f"plans/{plan.slug}.md"] = render.render_plan_page(
            plan,
            related=related[plan.id],
            removed=removed_of[plan.source_file] if plan.index_in_file == 0 else [],
            type_slugs=type_slugs,
            aliases=registry.aliases_for(plan),
            previous=sequences.get(plan.id, ([], []))[0],
            following=sequences.get(plan.id, ([], []))[1],
            download=True,
        )
        pages[f"plans/{plan.slug}.docx"] = docx_out.plan_docx(plan)
    pages.update(indexes.render_index_pages(plans, taxonomy))
    report = report_document(outcomes, merged)
    pages.update(reportpage.render_report_pages(report))
    pages["data/redirects.json"] = json.dumps({r.old_path: r.new_path for r in redirects}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    pages["data/plans.json"] = json.dumps(plans_document(plans), ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    pages["data/report.json"] = json.dumps(report, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    return pages, redirects
