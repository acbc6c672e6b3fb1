"""Files and folders → the pages in the output folder: ingest every file, publish, write.

The one path from raw files to docs/ that the ``ingest``, ``build`` and ``serve`` commands and the
benchmarks share. A run with nothing to do (same code, files and registry, and the pages on disk as the
last run left them) loads no outcome and writes nothing.
"""
from __future__ import annotations

import contextlib
import functools
import gc
import os
import sys
from pathlib import Path

from tqdm import tqdm

from scripts import cache, ingest, publish
from scripts.publish import corrections, permalinks, writer


@contextlib.contextmanager
def cycle_collector_paused():
    """Publishing makes millions of objects and no reference cycles: CPython's collector would walk them
    all again and again (10% of the time at 10,000 plans). Files are processed with the collector on: a
    parsed web page or Word file is a web of cycles (tests/test_cli.py)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def run_ingest(
    inputs: list[Path], out: Path, jobs: int, registry: Path, quiet: bool = False, cache_dir: str = "", corrections_file: Path | None = None
):
    """Ingest, correct (``corrections_file``, None for none) and publish; ``cache_dir`` "" means no outcome cache (every file is processed).

    Returns the outcomes. When nothing changed since the last run (same code, files, corrections and
    registry, and the pages on disk as that run left them), it returns their summaries (``ingest.summary``)
    without loading a single outcome.
    """
    missing = [p for p in inputs if not p.exists()]
    if missing:
        raise SystemExit(f"error: no such file or folder: {', '.join(map(str, missing))}")
    store = cache.OutcomeCache(Path(cache_dir)) if cache_dir else None
    fixes = corrections.load(corrections_file)
    if store:
        unchanged = published_summaries(inputs, out, registry, store, fixes.digest)
        if unchanged is not None:
            if not quiet:
                print(f"cache: {len(unchanged)} unchanged, 0 processed; pages: nothing to publish", file=sys.stderr)
                if fixes.name:
                    print(f"corrections: {fixes.name}: unchanged since the last run ({len(fixes.problems)} problems; see the report)", file=sys.stderr)
            return unchanged
    progress = None if quiet else functools.partial(tqdm, desc="ingest", unit="file", disable=None, file=sys.stderr)
    outcomes = ingest.process_all(inputs, jobs=jobs, progress=progress, cache=store)
    if store and not quiet:
        print(f"cache: {store.hits} unchanged, {store.misses} processed", file=sys.stderr)
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
        done = f"{count} unchanged, nothing to publish"
    else:
        with cycle_collector_paused():
            reg = reg or permalinks.Registry.load(registry)
            pages, _ = publish.render_pages(outcomes, reg, jobs=jobs or os.cpu_count() or 1, store=store, corrected=corrected)
            reg.save()  # before the pages: a page never carries an id the registry does not hold
            stamp = cache.publish_stamp(keys, registry, fixes.digest)  # the registry may have grown
            done = str(writer.write_pages(pages, out, stamp=stamp))
    if store:  # for the next run, should nothing change
        store.keep_summaries(stamp, [ingest.summary(o) for o in outcomes])
    if not quiet:
        print(f"pages: {done}", file=sys.stderr)
    return outcomes


def published_summaries(inputs: list[Path], out: Path, registry: Path, store, corrections_digest: str = ""):
    """The kept outcome summaries if ``out`` holds what publishing the inputs (and the corrections of that digest) would give, else None."""
    keys = ingest.cached_file_keys(inputs, store)
    if keys is None:
        return None
    stamp = cache.publish_stamp(keys, registry, corrections_digest)
    summaries = store.summaries(stamp)
    return summaries if summaries is not None and writer.published(out, stamp) is not None else None
