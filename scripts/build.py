"""Build: docs/ → site/ with MkDocs and, at the same time, the Pagefind search index; swapped in only when complete.

MkDocs runs in this process (Python, one core); Pagefind indexes the same docs pages in its own
process (search_index.py), so on two cores the search index costs little extra wall time.

The site is built into a temporary folder beside the target; a failure anywhere (MkDocs, the
search indexer, a full disk, a killed process) leaves the previously published site untouched.
A killed build leaves its hidden staging folder behind; the next build removes it.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from . import search_index
from .writer import swap_in

ROOT = Path(__file__).resolve().parent.parent


def build_site(site_dir: Path, docs_dir: Path | None = None, config_file: Path = ROOT / "mkdocs.yml") -> dict:
    """Build the site into ``site_dir`` atomically.

    Returns the search index statistics, plus the seconds the theme (``site_seconds``) and the
    search index (``search_seconds``) took, each on its own, while running side by side.
    """
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(site_dir)
    staging = Path(tempfile.mkdtemp(prefix=f"{_staging_prefix(site_dir)}{os.getpid()}-", dir=site_dir.parent))
    try:
        overrides = {"site_dir": str(staging / "site")}
        if docs_dir is not None:
            overrides["docs_dir"] = str(Path(docs_dir).resolve())
        config = load_config(str(config_file), strict=True, **overrides)
        with ThreadPoolExecutor(max_workers=1) as pool:
            search = pool.submit(_timed, search_index.build_search_index, Path(config.docs_dir), staging / "pagefind")
            site_seconds = _timed(mkdocs_build, config)[1]
            stats, search_seconds = search.result()
        (staging / "pagefind").rename(staging / "site" / search_index.BUNDLE)
        swap_in(staging / "site", site_dir, trash_prefix=f"{_staging_prefix(site_dir)}{os.getpid()}-old-")
        return {**stats, "site_seconds": site_seconds, "search_seconds": search_seconds}
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def _staging_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}-build-"


def _remove_leftovers(site_dir: Path) -> None:
    """Staging folders of builds whose process is gone (killed before it could tidy up)."""
    prefix = _staging_prefix(site_dir)
    for path in sorted(site_dir.parent.glob(f"{prefix}*")):
        pid = path.name[len(prefix) :].split("-", 1)[0]
        if path.is_dir() and not (pid.isdigit() and _alive(int(pid))):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
