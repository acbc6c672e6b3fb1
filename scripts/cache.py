"""Content-hash cache of ingest outcomes, so that re-ingesting 10,000 unchanged files costs seconds.

A collection is re-ingested whenever one file in its folder changes; cleaning and parsing every
file again would cost minutes. One file's outcome depends only on its bytes, its display name
and the code and rules that processed it, so the outcome is stored under a hash of exactly those.
Any change to a module under scripts/ or a file under rules/ gives every entry a new key: a stale
outcome can never be served, at the price of a full re-ingest after an upgrade.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of every module and rule file that can change an outcome (and of the Python version: pickles)."""
    digest = hashlib.sha256(f"python-{sys.version_info[:2]}".encode())
    for path in sorted([*(ROOT / "scripts").rglob("*.py"), *(ROOT / "rules").glob("*.yml")]):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


class OutcomeCache:
    """Pickled outcomes under ``folder/<key[:2]>/<key>``; counts hits and misses of one run."""

    def __init__(self, folder: Path, version: str | None = None):
        self.folder = Path(folder)
        self.version = version or code_version()
        self.hits = 0
        self.misses = 0
        self._hashed: dict[tuple, str] = {}

    def file_sha256(self, path: Path) -> str:
        """``file_sha256`` of an input file, read again only when written since (its size, time or inode
        changed): a run that finds something to publish looked for the kept outcomes first, and reading and
        hashing every file again cost 2 s at 10,000 files."""
        stat = os.stat(path)
        mark = (str(path), stat.st_size, stat.st_mtime_ns, stat.st_ino)
        if mark not in self._hashed:
            self._hashed[mark] = file_sha256(path)
        return self._hashed[mark]

    def __getstate__(self) -> dict:
        return {**vars(self), "_hashed": {}}  # a worker is sent the cache, not every file's hash

    def key(self, source: str, content_sha256: str) -> str:
        return outcome_key(self.version, source, content_sha256)

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get(self, key: str):
        """The stored outcome, or None (missing or unreadable entries are simply recomputed)."""
        outcome = _read_pickle(self._path(key))
        if outcome is None:
            self.misses += 1
        else:
            self.hits += 1
        return outcome

    def put(self, key: str, outcome) -> None:
        _write_pickle(self._path(key), outcome)

    def dedupe_scores(self) -> dict:
        """The near-duplicate scores of the last run (``dedupe.DedupeResult.scores``) if the code is the same, else {}."""
        version, scores = _read_pair(self.folder / SCORES)
        return scores if version == self.version and isinstance(scores, dict) else {}

    def keep_dedupe_scores(self, scores: dict) -> None:
        _write_pickle(self.folder / SCORES, (self.version, scores))

    def made_key(self, inputs: bytes) -> str:
        """The key of what publishing makes from these inputs (one plan's, written out) with this code."""
        return hashlib.sha256(self.version.encode() + b"\0" + inputs).hexdigest()

    def made(self, key: str):
        """What publishing made last time under ``made_key``, or None."""
        return _read_pickle(self._made_path(key))

    def has_made(self, key: str) -> bool:
        return self._made_path(key).is_file()

    def keep_made(self, key: str, made) -> None:
        _write_pickle(self._made_path(key), made)

    def forget_made_except(self, keys: set[str]) -> None:
        """Drop what was made from inputs no longer published, so the folder does not grow with every edit.
        Listed with os.scandir: pathlib's glob took 2.7 s over the 20,000 entries of 10,000 plans."""
        with contextlib.suppress(FileNotFoundError), os.scandir(self.folder / MADE) as folders:
            for folder in folders:
                with os.scandir(folder.path) as entries:
                    for entry in entries:
                        if entry.name not in keys:
                            Path(entry.path).unlink(missing_ok=True)

    def plan_entries(self) -> dict[str, str]:
        """{made key: plans.json entry} of every plan the last run published (``keep_plan_entries``), or {}."""
        version, entries = _read_pair(self.folder / ENTRIES)
        return entries if version == self.version and isinstance(entries, dict) else {}

    def keep_plan_entries(self, entries: dict[str, str]) -> None:
        """One file for every plan's entry, not one per plan: loading 10,000 of them one by one took 12 s of an update."""
        _write_pickle(self.folder / ENTRIES, (self.version, entries))

    def _made_path(self, key: str) -> Path:
        return self.folder / MADE / key[:2] / key

    def file_contents(self) -> dict[str, str] | None:
        """{source: content key} of the files of the last run (``keep_file_contents``), or None if there was none."""
        contents = _read_pickle(self.folder / CONTENTS)
        return contents if isinstance(contents, dict) else None

    def keep_file_contents(self, contents: dict[str, str]) -> None:
        _write_pickle(self.folder / CONTENTS, contents)

    def summaries(self, stamp: str) -> list | None:
        """The outcome summaries kept by ``keep_summaries`` for this publish stamp, or None."""
        kept, summaries = _read_pair(self.folder / SUMMARIES)
        return summaries if kept == stamp else None

    def keep_summaries(self, stamp: str, summaries: list) -> None:
        _write_pickle(self.folder / SUMMARIES, (stamp, summaries))


def outcome_key(version: str, source: str, content_sha256: str) -> str:
    """What one file's outcome is a function of: the code, the file's display name and its bytes."""
    return hashlib.sha256(f"{version}\0{source}\0{content_sha256}".encode()).hexdigest()


SCORES = "dedupe-scores.pickle"  # one file beside the outcomes: scores of pairs of plan texts
SUMMARIES = "published-summaries.pickle"  # ... and what the last publishing run returned, without the plans' text
MADE = "made"  # ... and each plan's files (page, .docx) and index page by a hash of what they were made from
ENTRIES = "plan-entries.pickle"  # ... and each plan's plans.json entry by the same hash as its files
CONTENTS = "file-contents.pickle"  # ... and which files the last run read, with their bytes' hashes (new, changed, removed)
PAGE_MARKS = "page-marks.json"  # ... and the hash and mark of each page the last run left in docs/ (publish.writer)


def _read_pickle(path: Path):
    """The value stored at ``path``, or None if it is missing or unreadable (it is then simply made again)."""
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None


def _read_pair(path: Path) -> tuple:
    """A (key, value) pair stored by ``_write_pickle``, or (None, None)."""
    value = _read_pickle(path)
    return value if isinstance(value, tuple) and len(value) == 2 else (None, None)


def _write_pickle(path: Path, value) -> None:
    """Write atomically, so a killed run never leaves a truncated entry behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def publish_stamp(file_keys: list[str], registry: Path, corrections: str = "") -> str:
    """What the published pages are a function of: the code and rules, every file's outcome, the registry,
    and the curator's corrections (``corrections.Corrections.digest``, "" for none).

    A file's outcome is fixed by its key (``outcome_key``: code, name and bytes), or, for a file that
    could not be read, by the reason it was refused (see ``ingest.file_key``). Two runs with the same
    stamp publish the same bytes, so the second need not publish at all, nor even load the outcomes.
    """
    digest = hashlib.sha256(code_version().encode())
    digest.update(Path(registry).read_bytes() if Path(registry).exists() else b"")
    digest.update(corrections.encode("ascii"))
    for key in file_keys:
        digest.update(key.encode("utf-8") + b"\0")
    return digest.hexdigest()
