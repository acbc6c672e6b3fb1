"""Build: docs/ → site/ with MkDocs and, at the same time, the Pagefind search index; swapped in only when complete.

MkDocs runs in this process (Python, one core); the search index (search_index.py: Python that
writes search documents, and Pagefind's own processes) runs in a forked process, so the two share the
cores, and its Python does not wait for MkDocs's interpreter lock.

The site is built into a temporary folder beside the target; a failure anywhere (MkDocs, the
search indexer, a full disk, a killed process) leaves the previously published site untouched.
A killed build leaves its hidden staging folder behind; the next build removes it.

A build whose inputs (every docs file, the MkDocs config, theme overrides, hooks and the pipeline code
that shapes pages) are byte for byte those of the site already in place is skipped: re-running
`make site` on an unchanged collection costs the ingest cache lookups, not a new site.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from scripts import children
from scripts.site import search_index
from scripts.publish.writer import swap_in

ROOT = Path(__file__).resolve().parents[2]
# Besides docs/ and the config file: what else decides the site's bytes.
BUILD_INPUTS = ("overrides", "hooks", "scripts/publish/markup.py", "scripts/site", "requirements.txt")
STAMP = ".kb-build.json"  # in the site: the fingerprint of the inputs it was built from


def build_site(site_dir: Path, docs_dir: Path | None = None, config_file: Path = ROOT / "mkdocs.yml") -> dict:
    """Build the site into ``site_dir`` atomically.

    Returns the search index statistics, plus the seconds the theme (``site_seconds``) and the
    search index (``search_seconds``) took, each on its own, while running side by side.
    """
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(site_dir)
    overrides = {} if docs_dir is None else {"docs_dir": str(Path(docs_dir).resolve())}
    staging = Path(tempfile.mkdtemp(prefix=f"{_staging_prefix(site_dir)}{os.getpid()}-", dir=site_dir.parent))
    try:
        config = load_config(str(config_file), strict=True, site_dir=str(staging / "site"), **overrides)
        fingerprint = inputs_fingerprint(Path(config.docs_dir), Path(config_file))
        built = _read_stamp(site_dir)
        if built and built.get("fingerprint") == fingerprint:
            return {**built["stats"], "site_seconds": 0.0, "search_seconds": 0.0, "skipped": True}
        fork = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=1, mp_context=fork, initializer=children.stop_with, initargs=(os.getpid(),)) as pool:
            search = pool.submit(_timed_search_index, Path(config.docs_dir), staging / "pagefind")
            site_seconds = _timed(mkdocs_build, config)[1]
            stats, search_seconds = search.result()
        (staging / "pagefind").rename(staging / "site" / search_index.BUNDLE)
        (staging / "site" / STAMP).write_text(json.dumps({"fingerprint": fingerprint, "stats": stats}), encoding="utf-8")
        swap_in(staging / "site", site_dir, trash_prefix=f"{_staging_prefix(site_dir)}{os.getpid()}-old-")
        return {**stats, "site_seconds": site_seconds, "search_seconds": search_seconds, "skipped": False}
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def inputs_fingerprint(docs_dir: Path, config_file: Path) -> str:
    """A hash of every byte the site is built from (hidden folders such as the ingest cache excepted)."""
    digest = hashlib.blake2b(digest_size=20)
    sources = [(f"docs/{p.relative_to(docs_dir).as_posix()}", p) for p in _files(docs_dir)]
    sources.append(("mkdocs.yml", config_file))
    for name in BUILD_INPUTS:
        path = ROOT / name
        sources += [(p.relative_to(ROOT).as_posix(), p) for p in _files(path)] if path.is_dir() else [(name, path)]
    for name, path in sources:
        data = path.read_bytes()
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith((".", "__pycache__")) for part in p.relative_to(folder).parts)
    )


def _read_stamp(site_dir: Path) -> dict | None:
    try:
        return json.loads((site_dir / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _timed_search_index(docs_dir: Path, bundle: Path):
    # In the forked process; the function is looked up when called, as the tests replace it.
    return _timed(search_index.build_search_index, docs_dir, bundle)


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
