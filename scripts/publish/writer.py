"""Write generated pages into the docs folder so that a crash never leaves it half-written, and
rewrite only what changed, so that re-publishing 10,000 plans after one edit costs seconds.

Every page is compared with the bytes already on disk. A generated entry (``plans/``, ``types/`` …)
in which nothing changed is left alone. An entry in which something changed is rebuilt in a staging
folder inside ``out_dir``, unchanged pages hard-linked from the current tree (no copy, no rewrite)
and changed ones written, and only when every entry is staged is each swapped in by rename. Hand-
written files in ``out_dir`` are left alone and stale generated pages disappear. A run that was
killed leaves only hidden ``.gen-*`` / ``.old-*`` folders behind (MkDocs ignores hidden names); the
next run removes them.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

GENERATED = ("index.md", "report.md", "report", "plans", "themes", "types", "browse", "data")
LEFTOVERS = (".gen-*", ".old-*")
RECORD = Path(".cache") / "published.json"  # inside out_dir: the stamp of the last run and the hash of every page


@dataclass
class WriteStats:
    """What one run did: pages written (new or changed bytes), pages kept as they were, stale pages removed."""

    written: list[str] = field(default_factory=list)  # docs-relative, sorted
    kept: int = 0
    removed: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{len(self.written)} written, {self.kept} unchanged, {len(self.removed)} removed"


def write_pages(pages: dict[str, str | bytes], out_dir: Path, stamp: str = "") -> WriteStats:
    """Write ``pages`` ({docs-relative path: text, or bytes for a download}) into ``out_dir``; see the module doc.

    ``stamp`` (what the pages were made from, see ``cache.publish_stamp``) is recorded with the hash
    of every page, so that ``published`` can tell the next run that nothing needs publishing.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(out_dir)
    (out_dir / RECORD).unlink(missing_ok=True)  # from here until the new record, the old one is not true
    by_entry: dict[str, dict[str, str | bytes]] = {}
    for rel in sorted(pages):
        by_entry.setdefault(_entry_of(rel), {})[rel] = pages[rel]
    digests: dict[str, str] = {}  # of every page, for the record
    stats = WriteStats()
    staging = Path(tempfile.mkdtemp(prefix=".gen-", dir=out_dir))
    try:
        staged = [name for name in GENERATED if name in by_entry and _stage(by_entry[name], out_dir, staging, name, stats, digests)]
        for name in staged:
            swap_in(staging / name, out_dir / name, trash_prefix=f".old-{name}-")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    stats.written.sort()
    stats.removed.sort()
    if stamp:
        _record(out_dir, stamp, digests)
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
    on_disk = {rel for name in entries for rel in _current_files(out_dir / name, out_dir)}
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
    path = out_dir / RECORD
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"stamp": stamp, "pages": pages}, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, path)


def _entry_of(rel: str) -> str:
    """The generated entry a page belongs to; refuse any path that would land outside one."""
    parts = rel.split("/")
    if any(part in ("", ".", "..") for part in parts) or parts[0] not in GENERATED or (len(parts) == 1) != parts[0].endswith(".md"):
        raise ValueError(f"refusing to write outside the generated pages: {rel!r}")
    return parts[0]


def _encoded(content: str | bytes) -> bytes:
    """A page's bytes, made when it is compared or written, so the writer never holds every page twice
    (as text and encoded)."""
    return content.encode("utf-8") if isinstance(content, str) else content


def _stage(pages: dict[str, str | bytes], out_dir: Path, staging: Path, name: str, stats: WriteStats, digests: dict[str, str]) -> bool:
    """Build entry ``name`` under ``staging`` if any of its pages changed or went stale; return whether it did.
    Records every page's SHA-256 in ``digests``."""
    current = _current_files(out_dir / name, out_dir)
    changed = []
    for rel, content in pages.items():
        data = _encoded(content)
        digests[rel] = hashlib.sha256(data).hexdigest()
        if not _same_bytes(current.get(rel), data):
            changed.append(rel)
    stale = sorted(current.keys() - pages.keys())
    if not changed and not stale and (out_dir / name).exists():
        stats.kept += len(pages)
        return False
    changed_set = set(changed)
    for rel, content in pages.items():
        if rel in changed_set:
            _write(staging, rel, _encoded(content))
        else:
            _link(current[rel], staging / rel, content)
    stats.written.extend(changed)
    stats.kept += len(pages) - len(changed)
    stats.removed.extend(stale)
    return True


def _current_files(entry: Path, out_dir: Path) -> dict[str, tuple[Path, int]]:
    """Regular files of one generated entry now on disk: {docs-relative path: (path, size)}; symlinks are never reused."""
    if entry.is_symlink() or not entry.exists():
        return {}
    if entry.is_file():
        return {entry.name: (entry, entry.stat().st_size)}
    found = {}
    for dirpath, _, filenames in os.walk(entry):
        for filename in filenames:
            path = Path(dirpath) / filename
            if not path.is_symlink():
                found[path.relative_to(out_dir).as_posix()] = (path, path.stat().st_size)
    return found


def _same_bytes(current: tuple[Path, int] | None, content: bytes) -> bool:
    """Whether the file on disk holds exactly ``content`` (the size is checked first: most changes change it)."""
    if current is None or current[1] != len(content):
        return False
    try:
        return current[0].read_bytes() == content
    except OSError:
        return False


def swap_in(new: Path, target: Path, trash_prefix: str) -> None:
    """Replace ``target`` by ``new`` with renames, so readers see the old or the new one, never half.

    A folder goes aside into a hidden ``trash_prefix*`` folder first (removed afterwards, or by the
    next run if this one is killed); a file is replaced in one rename.
    """
    if target.is_dir() and not target.is_symlink():
        trash = Path(tempfile.mkdtemp(prefix=trash_prefix, dir=target.parent))
        target.replace(trash)
        new.rename(target)
        shutil.rmtree(trash, ignore_errors=True)
    else:
        os.replace(new, target)


def _write(staging: Path, rel: str, content: bytes) -> None:
    """Write one new or changed page under ``staging``."""
    target = staging / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)


def _link(current: tuple[Path, int], staged: Path, content: str | bytes) -> None:
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
