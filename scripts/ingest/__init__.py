"""INGEST: raw files and folders → one ``FileOutcome`` per input file (its tagged plans and their
fingerprints, the removed spans, the flags, or why it was skipped or rejected).

Each file goes through the per-file stages on its own (read → clean → parse → tag), in parallel, by a
pure function that never raises: a bad file becomes a "rejected" outcome with a reason, and the others
go on. Outcomes of unchanged files come from the cache (cache.py).
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from scripts import clean, parse, read
from scripts.cache import OutcomeCache, outcome_key
from scripts.fingerprints import PlanPrints
from scripts.models import Flag, Plan, RemovedSpan
from scripts.tag import tagger

MAX_FILE_BYTES = 16 * 1024 * 1024  # a plan is tens of KB; a bigger file is a dump to split first


@dataclass
class FileOutcome:
    """What became of one input file. ``status``: plans, skipped, rejected or duplicate."""

    source: str  # path as shown to the user, relative to its input folder
    status: str
    reason: str = ""
    encoding: str = ""
    size: int = 0
    sha256: str = ""
    was_traditional: bool = False
    plans: list[Plan] = field(default_factory=list)
    removed: list[RemovedSpan] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    text_sha256: str = ""
    prints: list[PlanPrints] = field(default_factory=list)  # one per plan, for the permalink registry


def discover(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """All files under ``paths`` as (path, display name), sorted by display name.

    Hidden files and folders are skipped; symlinks are listed (and rejected later if they
    point outside their input folder) so that nothing disappears silently.
    """
    found: dict[str, Path] = {}
    for root in paths:
        root = Path(root)
        if root.is_dir():
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in filenames:
                    if name.startswith("."):
                        continue
                    path = Path(dirpath) / name
                    found[path.relative_to(root).as_posix()] = path
        else:
            found[root.name] = root
    return [(found[name], name) for name in sorted(found)]


def _check_readable(path: Path, root_of: Path | None) -> str:
    """Return a reason to reject the file before reading it, or ""."""
    if path.is_symlink() and root_of is not None:
        target = path.resolve()
        if not target.is_relative_to(root_of.resolve()):
            return f"符号链接指向输入文件夹之外（{target}）；请把文件复制到文件夹里"
    if not path.is_file():
        return "不是普通文件"
    if path.suffix.lower() not in read.SUPPORTED_SUFFIXES:
        return f"不支持的文件类型 {path.suffix or '（无扩展名）'}；请另存为 .txt（UTF-8）或 .html"
    if path.stat().st_size > MAX_FILE_BYTES:
        return f"文件大于 {MAX_FILE_BYTES // 2**20} MB；请拆成每个方案一个文件"
    return ""


def process_file(path: Path, source: str, root: Path | None = None) -> FileOutcome:
    """Clean and parse one file. Never raises: every failure becomes a rejected outcome."""
    try:
        reason = _check_readable(path, root)
        if reason:
            return FileOutcome(source=source, status="rejected", reason=reason)
        data = path.read_bytes()
        outcome = FileOutcome(source=source, status="plans", size=len(data), sha256=hashlib.sha256(data).hexdigest())
        if not data.strip():
            outcome.status, outcome.reason = "skipped", "空文件"
            return outcome
        try:
            result = clean.clean_bytes(data, source)
        except read.DecodeError as exc:  # read but not text: the outcome keeps the file's size and hash
            outcome.status, outcome.reason = "rejected", str(exc)
            return outcome
        outcome.encoding = result.encoding
        outcome.was_traditional = result.was_traditional
        outcome.removed, outcome.flags = result.removed, result.flags
        outcome.text_sha256 = hashlib.sha256(result.text.encode("utf-8")).hexdigest()
        outcome.plans = parse.parse_plans(result)
        taxonomy = tagger.load_taxonomy()
        for plan in outcome.plans:  # tags and prints depend on the plan alone: made here, in parallel, and cached
            tagger.tag_plan(plan, taxonomy)
        outcome.prints = [PlanPrints.of(plan) for plan in outcome.plans]
        if not outcome.plans:
            outcome.status = "skipped"
            if result.text.strip():
                outcome.reason = "文本中没有找到方案"
            elif result.removed:
                outcome.reason = "没有找到方案：去掉网站杂项后什么都不剩（见删除的行）"
            else:
                outcome.reason = "空文件（只有空白）"
        return outcome
    except read.DecodeError as exc:
        return FileOutcome(source=source, status="rejected", reason=str(exc))
    except OSError as exc:
        return FileOutcome(source=source, status="rejected", reason=f"无法读取文件：{exc.strerror or exc}")
    except Exception as exc:  # a bug must not stop the other files; report it loudly instead
        return FileOutcome(source=source, status="rejected", reason=f"内部错误（{type(exc).__name__}: {exc}）；请报告这个文件")


def _process_job(job: tuple[Path, str, Path | None], cache: OutcomeCache | None = None) -> FileOutcome:
    """``process_file``, its outcome stored in ``cache`` by the worker that made it (in parallel, not
    one by one in the parent). Only a file that was read is stored: its outcome is a function of name,
    bytes and code, while one that could not be read may be readable next time."""
    outcome = process_file(*job)
    if cache and outcome.sha256:
        cache.put(cache.key(outcome.source, outcome.sha256), outcome)
    return outcome


def process_all(
    paths: Iterable[Path],
    jobs: int = 0,
    progress: Callable[[Iterable], Iterator] | None = None,
    cache: OutcomeCache | None = None,
) -> list[FileOutcome]:
    """Process every file under ``paths``; outcomes are in display-name order whatever ``jobs`` is.

    With a ``cache``, a file whose bytes, name and processing code are unchanged is not processed
    again: its stored outcome is used (``cache.hits`` / ``cache.misses`` count them).
    """
    work = file_jobs(paths)
    with cycle_collector_paused():
        outcomes: list[FileOutcome | None] = [_cached(job, cache) if cache else None for job in work]
    todo = [job for job, outcome in zip(work, outcomes) if outcome is None]
    fresh = _run(todo, jobs or os.cpu_count() or 1, progress, cache)
    remaining = iter(fresh)
    outcomes = [outcome or next(remaining) for outcome in outcomes]
    mark_duplicates(outcomes)
    return outcomes


@contextlib.contextmanager
def cycle_collector_paused():
    """Outcomes are trees of millions of objects and no reference cycles: CPython's collector walks every
    live object again and again while they pile up (loading 5,000 cached outcomes took 29 s with it, 5 s
    without; publishing spent 10% of its time in it). Files are processed with the collector on: a parsed
    web page or Word file is a web of cycles (tests/test_cli.py)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def file_jobs(paths: Iterable[Path]) -> list[tuple[Path, str, Path | None]]:
    """(path, display name, input folder or None) for every input file, in the order of the outcomes."""
    work = []
    for root in map(Path, paths):
        base = root if root.is_dir() else None
        for path, name in discover([root]):
            work.append((path, name, base))
    work.sort(key=lambda job: (job[1], str(job[2])))  # same name in two folders: the folder decides, not the argument order
    return work


def file_key(outcome: FileOutcome, version: str) -> str:
    """What a file's outcome is a function of (``cache.publish_stamp`` hashes these): its cache key once
    its bytes were read, else the reason it was refused before reading."""
    if outcome.sha256:
        return outcome_key(version, outcome.source, outcome.sha256)
    return _refused_key(outcome.source, outcome.reason)


def _refused_key(source: str, reason: str) -> str:
    """``file_key`` of a file refused before it was read (``_check_readable``)."""
    return f"{source}\0rejected\0{reason}"


def cached_file_keys(paths: Iterable[Path], cache: OutcomeCache) -> list[str] | None:
    """Every input file's ``file_key``, in the order of the outcomes, from the files' bytes alone (no
    outcome is loaded: at 10,000 plans that takes longer than everything else a warm run does).
    None if some file has no stored outcome or cannot be read."""
    keys = []
    for path, source, root in file_jobs(paths):
        try:
            reason = _check_readable(path, root)
            key = _refused_key(source, reason) if reason else cache.key(source, cache.file_sha256(path))
        except OSError:
            return None
        if not reason and not cache.has(key):
            return None
        keys.append(key)
    return keys


def summary(outcome: FileOutcome) -> FileOutcome:
    """The outcome without its plans' text, removed lines and permalink prints: what a run that has
    nothing to publish reports (each plan keeps its title, metadata, id and slug)."""
    return dataclasses.replace(outcome, plans=[plan.card() for plan in outcome.plans], removed=[], prints=[])


def _cached(job: tuple[Path, str, Path | None], cache: OutcomeCache) -> FileOutcome | None:
    """The stored outcome of an unchanged, readable file (checked first: a file may have become a bad symlink)."""
    path, source, root = job
    try:
        if _check_readable(path, root):
            return None
        return cache.get(cache.key(source, cache.file_sha256(path)))
    except OSError:
        return None


def _run(work: list, jobs: int, progress, cache: OutcomeCache | None) -> list[FileOutcome]:
    # Files are processed with the collector on, but what this process holds by then (the cached outcomes,
    # millions of objects at 10,000 plans) is frozen first, out of its sight: walking it again and again,
    # the collector made processing the 2 files of an update take 19 s at 10,000 plans (1.9 s at 2,000),
    # and a forked worker copied its parent's memory page by page.
    gc.freeze()
    try:
        return _process(work, jobs, progress, functools.partial(_process_job, cache=cache))
    finally:
        gc.unfreeze()


def _process(work: list, jobs: int, progress, job: Callable) -> list[FileOutcome]:
    if jobs == 1 or len(work) < 2:
        results: Iterable[FileOutcome] = map(job, work)
        return list(progress(results, total=len(work)) if progress else results)
    # this process only receives outcomes; the workers, forked meanwhile, process files with the collector on
    with ProcessPoolExecutor(max_workers=min(jobs, len(work)), initializer=gc.enable) as pool, cycle_collector_paused():
        results = pool.map(job, work, chunksize=max(1, len(work) // (jobs * 8)))
        return list(progress(results, total=len(work)) if progress else results)


def mark_duplicates(outcomes: list[FileOutcome]) -> None:
    """A file whose bytes or clean text equal an earlier file's is a duplicate: its plans are dropped."""
    seen: dict[str, str] = {}
    for outcome in outcomes:
        if outcome.status != "plans":
            continue
        keys = [k for k in (outcome.sha256, outcome.text_sha256) if k]
        first = next((seen[k] for k in keys if k in seen), None)
        if first is not None:
            outcome.status, outcome.reason, outcome.plans, outcome.prints = "duplicate", f"与 {first} 文本相同", [], []
            continue
        for key in keys:
            seen[key] = outcome.source
