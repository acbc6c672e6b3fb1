"""PARSE stage: clean text → plans.

split (which plans, their titles and context) → outline (sections and items) → duties on
every item → phases → metadata. A plan nothing names gets a descriptive name (kind, unit, years),
never its file's name. Tags, ids and slugs are filled by later stages.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from scripts.models import CleanResult, Flag, Plan, Section, walk_sections
from scripts.parse import metadata, titles
from scripts.parse.duties import extract_phases, split_duties
from scripts.parse.outline import chinese_numeral, parse_outline
from scripts.parse.split import PlanChunk, continues_a_page, split_plans
from scripts.rules import load_rules


def parse_plans(clean: CleanResult) -> list[Plan]:
    """Every plan in one cleaned file, in the order they appear."""
    intros = tuple(span.text for span in clean.removed if titles.is_intro(span.text))
    chunks = split_plans(clean.text.split("\n"), intros)
    if chunks and not chunks[0].title:
        chunks[0] = _named_by_intro(chunks[0], clean)
    if len(chunks) == 1 and continues_a_page(chunks[0]):
        chunks[0] = replace(chunks[0], named_by="continued")  # kept (nothing lost), flagged for a curator
    plans = []
    copies: Counter = Counter()  # plans of this file per title
    for index, chunk in enumerate(chunks):
        outline = parse_outline(chunk.body)
        _lift_duties(outline.sections)
        shared = bool(chunk.collection) and titles.read_title(chunk.collection).text == chunk.title
        meta = metadata.extract_metadata(chunk.title, chunk.body, chunk.context, clean.meta, shared)
        meta.doc_number = meta.doc_number or chunk.doc_number
        single_year = meta.years[0] if len(meta.years) == 1 else None
        numbering = [_shift(flag, chunk) for flag in outline.flags]
        title = _told_apart(chunk.title or titles.descriptive_name(chunk.body, "" if meta.unit_anonymised else meta.unit, meta.years), copies)
        plans.append(
            Plan(
                title=title,
                meta=meta,
                source_file=clean.source,
                preamble=outline.preamble,
                sections=outline.sections,
                phases=extract_phases(outline.sections, chunk.body, year=single_year),
                flags=sorted(_clean_flags_in(clean.flags, chunks, index) + numbering + _title_flag(chunk, title), key=lambda f: f.line),
                index_in_file=index,
                collection=chunk.collection,
                context=list(chunk.context),
            )
        )
    return plans


def _told_apart(title: str, copies: Counter) -> str:
    """``title``, with its place among the file's plans of that title from the second copy on:
    某某节日活动方案, 某某节日活动方案（二）, …（三） (rules/structure.yml titles.repeated_in_file)."""
    copies[title] += 1
    if copies[title] == 1:
        return title
    return title + load_rules("structure")["titles"]["repeated_in_file"].format(number=chinese_numeral(copies[title]))


def _named_by_intro(chunk: PlanChunk, clean: CleanResult) -> PlanChunk:
    """A first plan nothing on its lines names takes the name a removed site intro gives it, else
    the page title a removed line of site furniture carried (首页 > 方案 > XX活动方案, XX方案.doc 下载)."""
    for span in clean.removed:
        name = titles.named_in_intro(span.text)
        if name:
            return replace(chunk, title=name, named_by="intro")
    for span in clean.removed:
        name = titles.title_in_chrome(span.text) if titles.carries_titles(span.category) else ""
        if name:
            return replace(chunk, title=name, named_by="furniture")
    return chunk


def _title_flag(chunk: PlanChunk, title: str) -> list[Flag]:
    """A plan named by anything but its heading says so, for a curator to check (or correct)."""
    if chunk.named_by == "heading":
        return []
    details = {
        "opening": "named by its opening sentence",
        "intro": "named by the site's intro above it",
        "furniture": "named by the page title in the site's furniture above it",
        "continued": "opens in the middle of a plan begun on another page (a later page of it): descriptive name",
    }
    detail = details.get(chunk.named_by, "no heading names it: descriptive name")
    return [Flag(kind="title", line=chunk.body_line, excerpt=title, detail=detail)]


def _lift_duties(sections: list[Section]) -> None:
    """Move each item's duty note into ``lead`` / ``support``."""
    for section in walk_sections(sections):
        for item in section.items:
            item.text, item.lead, item.support = split_duties(item.text)


def _clean_flags_in(flags: list[Flag], chunks: list[PlanChunk], index: int) -> list[Flag]:
    """The clean-stage flags on this plan's lines; whole-file flags (line 0) go to every plan.
    The first plan also owns the lines above it (a notice, a site title)."""
    first = 1 if index == 0 else chunks[index].start_line
    last = chunks[index + 1].start_line - 1 if index + 1 < len(chunks) else float("inf")
    return [flag for flag in flags if flag.line == 0 or first <= flag.line <= last]


def _shift(flag: Flag, chunk: PlanChunk) -> Flag:
    """An outline flag (its line counted in the body) on the clean text's line."""
    return Flag(kind=flag.kind, line=chunk.body_lines[flag.line - 1], excerpt=flag.excerpt, detail=flag.detail)
