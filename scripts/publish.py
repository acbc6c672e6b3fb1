"""Publish: file outcomes → docs/ pages, ``data/plans.json`` and ``data/report.json``.

Tags every item, fixes ids, slugs and anchors through the permalink registry, renders every page
in memory and only then writes, so a failure half-way leaves the previous pages in place.
"""
from __future__ import annotations

import dataclasses
import json
from collections import Counter, defaultdict

from . import indexes, permalinks, render, reportpage, slugs, tagger
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


def plans_document(plans: list[Plan]) -> dict:
    return {"schema_version": SCHEMA_VERSION, "plans": [dataclasses.asdict(p) for p in plans]}


def report_document(outcomes: list[FileOutcome]) -> dict:
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
    return {"schema_version": SCHEMA_VERSION, "summary": dict(sorted(counts.items())), "files": files}


def render_pages(outcomes: list[FileOutcome], registry: permalinks.Registry) -> tuple[dict[str, str], list]:
    """All generated pages as {docs-relative path: text}, plus the redirects the registry asks for."""
    taxonomy = tagger.load_taxonomy()
    plans = [p for o in outcomes for p in o.plans]
    for plan in plans:
        tagger.tag_plan(plan, taxonomy)
    redirects = registry.assign(plans)
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
        )
    pages.update(indexes.render_index_pages(plans, taxonomy))
    pages["report.md"] = reportpage.render_report_page(report_document(outcomes))
    pages["data/redirects.json"] = json.dumps({r.old_path: r.new_path for r in redirects}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    pages["data/plans.json"] = json.dumps(plans_document(plans), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    pages["data/report.json"] = json.dumps(report_document(outcomes), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return pages, redirects
