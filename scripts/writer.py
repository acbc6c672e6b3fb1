"""Write generated pages into the docs folder so that a crash never leaves it half-written.

The whole generated tree is written into a staging folder inside ``out_dir`` first; only then
is each generated entry swapped in by rename. Hand-written files in ``out_dir`` are left alone
and stale generated pages disappear.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

GENERATED = ("index.md", "report.md", "plans", "themes", "types", "browse", "data")


def write_pages(pages: dict[str, str], out_dir: Path) -> None:
    """Write ``pages`` ({docs-relative path: text}) into ``out_dir``, swapping each generated entry in."""
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".gen-", dir=out_dir))
    try:
        for rel, text in sorted(pages.items()):
            target = (staging / rel).resolve()
            if not target.is_relative_to(staging.resolve()):
                raise ValueError(f"refusing to write outside the output folder: {rel!r}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        for name in GENERATED:
            new, old = staging / name, out_dir / name
            if not new.exists():
                continue
            if old.is_dir() and not old.is_symlink():
                trash = out_dir / f".old-{name}-{os.getpid()}"
                old.rename(trash)
                new.rename(old)
                shutil.rmtree(trash)
            else:
                os.replace(new, old)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
