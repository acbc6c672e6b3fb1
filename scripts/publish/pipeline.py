"""Files and folders → the pages in the output folder: ingest every file, publish, write.

The one path from raw files to docs/ that the ``ingest``, ``build`` and ``serve`` commands and the
benchmarks share. A run with nothing to do (same code, files and registry, and the pages on disk as the
last run left them) loads no outcome and writes nothing.
"""
from __future__ import annotations

import functools
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from scripts import cache, ingest, publish
from scripts.publish import corrections, permalinks, writer


@dataclass
class RunReport:
    """What one run did, for the command line's summary and the benchmarks.

    Files are compared by their bytes with the last run's (kept in the ingest cache): ``new``,
    ``changed``, ``unchanged``, ``removed`` (None without a cache: nothing to compare with). ``processed``
    files were cleaned and parsed (the others came from the cache); ``pages`` is None when nothing needed
    publishing; ``seconds`` is phase → seconds, in the order they ran.
    """

    new: int | None = None
    changed: int | None = None
    unchanged: int | None = None
    removed: int | None = None
    processed: int = 0
    pages: writer.WriteStats | None = None
    pages_unchanged: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def compare(self, previous: dict[str, str] | None, current: dict[str, str]) -> None:
        """Count files new, changed, unchanged and removed between two {source: content key} maps."""
        if previous is None:
            return
        self.new = len(current.keys() - previous.keys())
        self.removed = len(previous.keys() - current.keys())
        self.unchanged = sum(previous.get(source) == key for source, key in current.items())
        self.changed = len(current) - self.new - self.unchanged


def _contents(outcomes) -> dict[str, str]:
    """{source: its bytes' hash, or why it was refused unread}: what tells a changed file from an unchanged one."""
    return {o.source: o.sha256 or f"refused\0{o.reason}" for o in outcomes}


def run_ingest(
    inputs: list[Path],
    out: Path,
    jobs: int,
    registry: Path,
    quiet: bool = False,
    cache_dir: str = "",
    corrections_file: Path | None = None,
    report: RunReport | None = None,
):
    """Ingest, correct (``corrections_file``, None for none) and publish; ``cache_dir`` "" means no outcome cache (every file is processed).

    Returns the outcomes. When nothing changed since the last run (same code, files, corrections and
    registry, and the pages on disk as that run left them), it returns their summaries (``ingest.summary``)
    without loading a single outcome. ``report``, if given, is filled in with what the run did.
    """
    report = report if report is not None else RunReport()
    clock = time.perf_counter()
    missing = [p for p in inputs if not p.exists()]
    if missing:
        raise SystemExit(f"error: no such file or folder: {', '.join(map(str, missing))}")
    store = cache.OutcomeCache(Path(cache_dir)) if cache_dir else None
    fixes = corrections.load(corrections_file)
    if store:
        with ingest.cycle_collector_paused():
            unchanged, count = published_summaries(inputs, out, registry, store, fixes.digest)
        if unchanged is not None:
            report.compare(store.file_contents(), _contents(unchanged))
            report.pages_unchanged = count
            report.seconds["检查"] = time.perf_counter() - clock
            if not quiet and fixes.name:
                print(f"人工修正 {fixes.name}：与上次运行相同（有误 {len(fixes.problems)} 条，见清理报告）", file=sys.stderr)
            return unchanged
    progress = None if quiet else functools.partial(tqdm, desc="ingest", unit="file", disable=None, file=sys.stderr)
    outcomes = ingest.process_all(inputs, jobs=jobs, progress=progress, cache=store)
    report.processed = store.misses if store else len(outcomes)
    if store:
        report.compare(store.file_contents(), _contents(outcomes))
        store.keep_file_contents(_contents(outcomes))
    report.seconds["处理文件"] = time.perf_counter() - clock
    version = store.version if store else cache.code_version()
    keys = [ingest.file_key(o, version) for o in outcomes]  # as parsed: the corrections count in the stamp by their digest
    # the curator's corrections, after parse and tag (the cache holds outcomes as parsed)
    reg = permalinks.Registry.load(registry) if fixes.entries else None  # ids are resolved to where they were published
    corrected = corrections.apply(outcomes, fixes, reg.place_of if reg else lambda plan_id: None)
    outcomes = corrected.outcomes
    for line in [] if quiet else corrections.summary_lines(corrected):
        print(line, file=sys.stderr)
    stamp = cache.publish_stamp(keys, registry, fixes.digest)
    count = writer.published(out, stamp) if store else None
    if count is not None:  # same code, same files, same registry: the pages on disk are what publishing would give
        report.pages_unchanged = count
    else:
        with ingest.cycle_collector_paused():
            clock = time.perf_counter()
            reg = reg or permalinks.Registry.load(registry)
            pages, _ = publish.render_pages(outcomes, reg, jobs=jobs or os.cpu_count() or 1, store=store, corrected=corrected)
            reg.save()  # before the pages: a page never carries an id the registry does not hold
            report.seconds["发布"] = time.perf_counter() - clock
            clock = time.perf_counter()
            stamp = cache.publish_stamp(keys, registry, fixes.digest)  # the registry may have grown
            report.pages = writer.write_pages(pages, out, stamp=stamp, marks_file=store.folder / cache.PAGE_MARKS if store else None)
            report.seconds["写入"] = time.perf_counter() - clock
    if store:  # for the next run, should nothing change (12 s at 10,000 plans with the collector on, 0.5 s without)
        with ingest.cycle_collector_paused():
            store.keep_summaries(stamp, [ingest.summary(o) for o in outcomes])
    return outcomes


def published_summaries(inputs: list[Path], out: Path, registry: Path, store, corrections_digest: str = ""):
    """(the kept outcome summaries, the number of pages) if ``out`` holds what publishing the inputs (and the
    corrections of that digest) would give, else (None, 0)."""
    keys = ingest.cached_file_keys(inputs, store)
    if keys is None:
        return None, 0
    stamp = cache.publish_stamp(keys, registry, corrections_digest)
    summaries = store.summaries(stamp)
    count = writer.published(out, stamp) if summaries is not None else None
    return (summaries, count) if count is not None else (None, 0)
