"""Build: docs/ → site/ with MkDocs, then the Pagefind search index, swapped in only when complete.

The site is built into a temporary folder beside the target; a failure anywhere (MkDocs, the
search indexer, a killed process) leaves the previously published site untouched.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from . import search_index

ROOT = Path(__file__).resolve().parent.parent


def build_site(site_dir: Path, docs_dir: Path | None = None, config_file: Path = ROOT / "mkdocs.yml") -> dict:
    """Build the site into ``site_dir`` atomically; returns the search index statistics."""
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    try:
        overrides = {"site_dir": str(staging)}
        if docs_dir is not None:
            overrides["docs_dir"] = str(Path(docs_dir).resolve())
        config = load_config(str(config_file), strict=True, **overrides)
        mkdocs_build(config)
        stats = search_index.build_search_index(staging)
        swap_in(staging, site_dir)
        return stats
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap_in(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new`` with two renames, so readers see the old or the new site, never half."""
    if target.exists():
        trash = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(trash)
        new.rename(target)
        shutil.rmtree(trash, ignore_errors=True)
    else:
        new.rename(target)
