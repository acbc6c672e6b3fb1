"""PARSE stage: clean text → plans.

split (which plans, their titles and context) → outline (sections and items) → duties on
every item → phases → metadata. Tags, ids and slugs are filled by later stages.
"""
from __future__ import annotations

from pathlib import PurePosixPath

from scripts.models import CleanResult, Flag, Plan, Section, walk_sections
from scripts.parse import metadata
from scripts.parse.duties import extract_phases, split_duties
from scripts.parse.outline import parse_outline
from scripts.parse.split import PlanChunk, split_plans


def parse_plans(clean: CleanResult) -> list[Plan]:
    """Every plan in one cleaned file, in the order they appear."""
    chunks = split_plans(clean.text.split("\n"))
    plans = []
    for index, chunk in enumerate(chunks):
        outline = parse_outline(chunk.body)
        _lift_duties(outline.sections)
        meta = metadata.extract_metadata(chunk.title, chunk.body, chunk.context, clean.meta)
        single_year = meta.years[0] if len(meta.years) == 1 else None
        numbering = [_shift(flag, chunk.body_line - 1) for flag in outline.flags]
        plans.append(
            Plan(
                title=chunk.title or untitled(clean.source, index, len(chunks)),
                meta=meta,
                source_file=clean.source,
                preamble=outline.preamble,
                sections=outline.sections,
                phases=extract_phases(outline.sections, chunk.body, year=single_year),
                flags=sorted(_clean_flags_in(clean.flags, chunks, index) + numbering, key=lambda f: f.line),
                index_in_file=index,
            )
        )
    return plans


def untitled(source: str, index: int, count: int) -> str:
    """A plan with no recognisable title is named after its file (and its place in the file)."""
    stem = PurePosixPath(source).stem or source
    return f"{stem}（{index + 1}）" if count > 1 else stem


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


def _shift(flag: Flag, offset: int) -> Flag:
    return Flag(kind=flag.kind, line=flag.line + offset, excerpt=flag.excerpt, detail=flag.detail)
