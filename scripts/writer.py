"""Write generated pages into the docs folder so that a crash never leaves it half-written.

The whole generated tree is written into a staging folder inside ``out_dir`` first; only then
is each generated entry swapped in by rename. Hand-written files in ``out_dir`` are left alone
and stale generated pages disappear. A run that was killed leaves only hidden ``.gen-*`` /
``.old-*`` folders behind (MkDocs ignores hidden names); the next run removes them.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

GENERATED = ("index.md", "report.md", "report", "plans", "themes", "types", "browse", "data")
LEFTOVERS = (".gen-*", ".old-*")


def write_pages(pages: dict[str, str | bytes], out_dir: Path) -> None:
    """Write ``pages`` ({docs-relative path: text, or bytes for a download}) into ``out_dir``, swapping each generated entry in."""
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(out_dir)
    staging = Path(tempfile.mkdtemp(prefix=".gen-", dir=out_dir))
    try:
        for rel, text in sorted(pages.items()):
            _write(staging, rel, text)
        for name in GENERATED:
            if (staging / name).exists():
                swap_in(staging / name, out_dir / name, trash_prefix=f".old-{name}-")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


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


def _write(staging: Path, rel: str, content: str | bytes) -> None:
    """Write one page under ``staging``; refuse any path that would land outside a generated entry."""
    target = (staging / rel).resolve()
    inside = target.relative_to(staging.resolve()).parts if target.is_relative_to(staging.resolve()) else ()
    if not inside or inside[0] not in GENERATED:
        raise ValueError(f"refusing to write outside the generated pages: {rel!r}")
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")


def _remove_leftovers(out_dir: Path) -> None:
    """Staging and trash folders of a run that was killed before it could tidy up."""
    for pattern in LEFTOVERS:
        for path in sorted(out_dir.glob(pattern)):
            shutil.rmtree(path, ignore_errors=True)
