"""Write generated pages into the docs folder so that a crash never leaves it half-written, and
rewrite only what changed, so that re-publishing 10,000 plans after one edit costs seconds.

Every page is compared with the bytes already on disk: with the digest the last run noted for it (in
``marks_file``), while the file is the one that run left (same size, time and inode), else with the
file's bytes. A
generated entry (``plans/``, ``types/`` …) in which nothing changed is left alone. The changed pages
of every entry are written into a staging folder inside ``out_dir`` first; only when all are staged
does each go into place by rename. An entry that is not yet a plain folder of files is built whole in
the staging folder (unchanged pages hard-linked from the current tree) and swapped in by one rename;
in an existing folder each changed page replaces its file by rename and stale pages are removed, so
an update of a few pages in a folder of 20,000 moves a few files, not the folder. A reader sees every
page whole, old or new. Hand-written files in ``out_dir`` are left alone and stale generated pages
disappear. A run that was killed leaves only hidden ``.gen-*`` / ``.old-*`` folders behind (MkDocs
ignores hidden names), and no record, so the next run removes them and publishes again.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

GENERATED = ("index.md", "report.md", "report", "plans", "themes", "types", "browse", "data")
LEFTOVERS = (".gen-*", ".old-*")
RECORD = Path(".cache") / "published.json"  # inside out_dir: the stamp of the last run and the hash of every page


@dataclass(frozen=True)
class Made:
    """A page made before from the same inputs, known by ``key`` (a hash of everything it is made from):
    ``load``-ed only when the file on disk is not the one the last write noted for that key. At 10,000
    plans, loading every unchanged page and Word file from the cache to compare it was seconds of an update."""

    key: str
    load: Callable[[], str | bytes]


@dataclass
class WriteStats:
    """What one run did: pages written (new or changed bytes), pages kept as they were, stale pages removed."""

    written: list[str] = field(default_factory=list)  # docs-relative, sorted
    kept: int = 0
    removed: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{len(self.written)} written, {self.kept} unchanged, {len(self.removed)} removed"


def write_pages(pages: dict[str, str | bytes | Made], out_dir: Path, stamp: str = "", marks_file: Path | None = None) -> WriteStats:
    """Write ``pages`` ({docs-relative path: text, bytes for a download, or ``Made``}) into ``out_dir``; see the module doc.

    ``stamp`` (what the pages were made from, see ``cache.publish_stamp``) is recorded with the hash
    of every page, so that ``published`` can tell the next run that nothing needs publishing.
    ``marks_file`` (outside ``out_dir``: marks are of this machine's files, and docs/ is the same bytes
    wherever it is built) keeps each page's hash, mark and ``Made`` key, so that the next write need not
    read an unchanged file to compare it, nor load a page made before; None for none.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(out_dir)
    recorded = _noted(marks_file, out_dir) if marks_file else {}
    if marks_file:
        marks_file.unlink(missing_ok=True)  # until the new one, the old one is not true
    (out_dir / RECORD).unlink(missing_ok=True)  # from here until the new record, the old one is not true
    by_entry: dict[str, dict[str, str | bytes]] = {}
    for rel in sorted(pages):
        by_entry.setdefault(_entry_of(rel), {})[rel] = pages[rel]
    digests: dict[str, str] = {}  # of every page, for the record
    marks: dict[str, list[int]] = {}  # ... and of each one left as it was on disk
    keys = {rel: content.key for rel, content in pages.items() if isinstance(content, Made)}
    stats = WriteStats()
    staging = Path(tempfile.mkdtemp(prefix=".gen-", dir=out_dir))
    try:
        staged = [_stage(by_entry[name], out_dir, staging, name, stats, digests, marks, recorded) for name in GENERATED if name in by_entry]
        for entry in filter(None, staged):
            entry.put_in_place(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    stats.written.sort()
    stats.removed.sort()
    if stamp:
        _record(out_dir, stamp, digests)
    if marks_file:
        for rel in stats.written:
            marks[rel] = _mark((out_dir / rel).stat())
        _note(marks_file, out_dir, {rel: [digests[rel], mark, keys.get(rel, "")] for rel, mark in marks.items()})
    return stats


def published(out_dir: Path, stamp: str) -> int | None:
    """The number of pages if ``out_dir`` holds exactly what the last run published from ``stamp``, else None.

    Every recorded page is read and hashed (a second at 10,000 plans) and no other file may sit in a
    generated folder: a page edited, removed or added by hand since makes the run publish again.
    """
    try:
        record = json.loads((out_dir / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("stamp") != stamp or not isinstance(record.get("pages"), dict):
        return None
    pages: dict[str, str] = record["pages"]
    try:
        entries = {_entry_of(rel) for rel in pages}
    except ValueError:
        return None
    on_disk = {rel for name in entries for rel in _current_files(out_dir / name, out_dir)[0]}
    if on_disk != pages.keys():
        return None
    for rel, digest in pages.items():
        try:
            if hashlib.sha256((out_dir / rel).read_bytes()).hexdigest() != digest:
                return None
        except OSError:
            return None
    return len(pages)


def _record(out_dir: Path, stamp: str, pages: dict[str, str]) -> None:
    _write_json(out_dir / RECORD, {"stamp": stamp, "pages": pages})


def _write_json(path: Path, value: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(value, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, path)


def _note(marks_file: Path, out_dir: Path, pages: dict[str, list]) -> None:
    """Keep {docs-relative path: [hash, mark, Made key or ""]} of the pages now in ``out_dir`` for the next write."""
    _write_json(marks_file, {"docs": str(out_dir.resolve()), "pages": pages})


def _noted(marks_file: Path, out_dir: Path) -> dict[str, list]:
    """{docs-relative path: [hash, mark, Made key or ""]} kept by the last write into ``out_dir`` (``_note``), or {}."""
    try:
        noted = json.loads(marks_file.read_text(encoding="utf-8"))
        return noted["pages"] if noted["docs"] == str(out_dir.resolve()) and isinstance(noted["pages"], dict) else {}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _mark(stat: os.stat_result) -> list[int]:
    """What tells that a file was not written since: its size, modification time and inode."""
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino]


def _entry_of(rel: str) -> str:
    """The generated entry a page belongs to; refuse any path that would land outside one."""
    parts = rel.split("/")
    if any(part in ("", ".", "..") for part in parts) or parts[0] not in GENERATED or (len(parts) == 1) != parts[0].endswith(".md"):
        raise ValueError(f"refusing to write outside the generated pages: {rel!r}")
    return parts[0]


def _encoded(content: str | bytes | Made) -> bytes:
    """A page's bytes, made when it is compared or written, so the writer never holds every page twice
    (as text and encoded)."""
    if isinstance(content, Made):
        content = content.load()
    return content.encode("utf-8") if isinstance(content, str) else content


@dataclass
class _Staged:
    """One entry whose changed pages are written under the staging folder: the entry built ``whole`` there
    (to swap in), or the pages ``changed`` to move into the folder in place and the ``stale`` ones to remove."""

    name: str
    whole: bool
    changed: list[str]
    stale: list[str]

    def put_in_place(self, staging: Path, out_dir: Path) -> None:
        if self.whole:
            swap_in(staging / self.name, out_dir / self.name, trash_prefix=f".old-{self.name}-")
            return
        for rel in self.changed:
            (out_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / rel, out_dir / rel)
        for rel in self.stale:
            (out_dir / rel).unlink(missing_ok=True)
            _remove_empty_folders((out_dir / rel).parent, out_dir / self.name)


def _stage(
    pages: dict[str, str | bytes | Made],
    out_dir: Path,
    staging: Path,
    name: str,
    stats: WriteStats,
    digests: dict[str, str],
    marks: dict[str, list[int]],
    recorded: dict[str, list],
) -> _Staged | None:
    """Stage entry ``name`` under ``staging`` if any of its pages changed or went stale (None if none did).
    Records every page's SHA-256 in ``digests`` and the mark of each unchanged one in ``marks``."""
    current, plain = _current_files(out_dir / name, out_dir)
    changed = []
    for rel, content in pages.items():
        noted = recorded.get(rel)
        if isinstance(content, Made) and rel in current and noted is not None and noted[1:] == [_mark(current[rel][1]), content.key]:
            digests[rel], marks[rel] = noted[0], noted[1]  # the file the last write left, of the page made from the same inputs
            continue
        data = _encoded(content)
        digests[rel] = digest = hashlib.sha256(data).hexdigest()
        if _same_bytes(current.get(rel), data, digest, recorded.get(rel)):
            marks[rel] = _mark(current[rel][1])
        else:
            changed.append(rel)
    stale = sorted(current.keys() - pages.keys())
    if not changed and not stale and (out_dir / name).exists():
        stats.kept += len(pages)
        return None
    # a page where a folder is, or under what is now a file, is not written in place
    whole = not plain or any((out_dir / rel).is_dir() or any(parent in current for parent in _parents(rel)) for rel in changed)
    for rel in changed:
        _write(staging, rel, _encoded(pages[rel]))
    if whole:
        changed_set = set(changed)
        for rel, content in pages.items():
            if rel not in changed_set:
                _link(current[rel], staging / rel, content)
    stats.written.extend(changed)
    stats.kept += len(pages) - len(changed)
    stats.removed.extend(stale)
    return _Staged(name, whole, changed, stale)


def _parents(rel: str) -> list[str]:
    """The folders a docs-relative path lies in, as docs-relative paths (``a/b/c.md`` → ``a``, ``a/b``)."""
    parts = rel.split("/")
    return ["/".join(parts[:end]) for end in range(1, len(parts))]


def _current_files(entry: Path, out_dir: Path) -> tuple[dict[str, tuple[Path, os.stat_result]], bool]:
    """Regular files of one generated entry now on disk, {docs-relative path: (path, stat)}, and whether the
    entry is a plain folder (no symbolic link in it: pages are replaced in it in place). Symlinks are never reused."""
    if entry.is_symlink() or not entry.exists():
        return {}, False
    if entry.is_file():
        return {entry.name: (entry, entry.stat())}, False
    found = {}
    plain = True
    for dirpath, dirnames, filenames in os.walk(entry):
        plain = plain and not any(os.path.islink(os.path.join(dirpath, d)) for d in dirnames)
        for filename in filenames:
            path = Path(dirpath) / filename
            if path.is_symlink():
                plain = False
            else:
                found[path.relative_to(out_dir).as_posix()] = (path, path.stat())
    return found, plain


def _same_bytes(current: tuple[Path, os.stat_result] | None, content: bytes, digest: str, recorded: list | None) -> bool:
    """Whether the file on disk holds exactly ``content`` (of SHA-256 ``digest``): the size first (most
    changes change it), then the record of the last run if the file is the one it left, else its bytes."""
    if current is None or current[1].st_size != len(content):
        return False
    if recorded is not None and recorded[:2] == [digest, _mark(current[1])]:
        return True
    try:
        return current[0].read_bytes() == content
    except OSError:
        return False


def _remove_empty_folders(folder: Path, entry: Path) -> None:
    """Remove ``folder`` and its parents up to (not including) ``entry`` while they are empty."""
    while folder != entry and folder.is_relative_to(entry):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def swap_in(new: Path, target: Path, trash_prefix: str, discard: Callable[[Path], object] = functools.partial(shutil.rmtree, ignore_errors=True)) -> None:
    """Replace ``target`` by ``new`` with renames, so readers see the old or the new one, never half.

    A folder goes aside into a hidden ``trash_prefix*`` folder first, then to ``discard`` (removed at once
    by default, or by the next run if this one is killed); a file is replaced in one rename.
    """
    if target.is_dir() and not target.is_symlink():
        trash = Path(tempfile.mkdtemp(prefix=trash_prefix, dir=target.parent))
        target.replace(trash)
        new.rename(target)
        discard(trash)
    else:
        os.replace(new, target)


def _write(staging: Path, rel: str, content: bytes) -> None:
    """Write one new or changed page under ``staging``."""
    target = staging / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)


def _link(current: tuple[Path, os.stat_result], staged: Path, content: str | bytes | Made) -> None:
    """Put an unchanged page into the staging tree without writing it: a hard link to the live file
    (the live file is never modified, only renamed away). Where links are not possible, write it."""
    staged.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(current[0], staged)
    except OSError:
        staged.write_bytes(_encoded(content))


def _remove_leftovers(out_dir: Path) -> None:
    """Staging and trash folders of a run that was killed before it could tidy up."""
    for pattern in LEFTOVERS:
        for path in sorted(out_dir.glob(pattern)):
            shutil.rmtree(path, ignore_errors=True)
