"""Build: docs/ → site/ with MkDocs and, at the same time, the Pagefind search index; swapped in only when complete.

MkDocs runs in this process (Python, one core); the search index (search_index.py: Python that
writes search documents, and Pagefind's own processes) runs in a forked process, so the two share the
cores, and its Python does not wait for MkDocs's interpreter lock.

The site is built into a temporary folder beside the target; a failure anywhere (MkDocs, the
search indexer, a full disk, a killed process) leaves the previously published site untouched.
A killed build leaves its hidden staging folder behind; the next build removes it.

A build whose inputs (every docs file, the MkDocs config, theme overrides, hooks and the pipeline code
that shapes pages) are byte for byte those of the site already in place is skipped: re-running
`make site` on an unchanged collection costs the ingest cache lookups, not a new site. When only some
docs files changed, the previous site's other pages are hard-linked into the staging folder
(``carry_over``) and MkDocs renders the rest (its dirty build); the search index indexes again only the
bundles that hold a changed page. The stamp keeps each docs file's hash for that; the result is the
site a build from nothing gives (tests/test_incremental.py).
"""
from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from scripts import children
from scripts.publish.writer import swap_in
from scripts.site import search_index

ROOT = Path(__file__).resolve().parents[2]
# Besides docs/ and the config file: what else decides the site's bytes.
BUILD_INPUTS = ("overrides", "hooks", "scripts/publish/markup.py", "scripts/site", "requirements.txt")
STAMP = ".kb-build.json"  # in the site: the fingerprint of the inputs it was built from


def build_site(site_dir: Path, docs_dir: Path | None = None, config_file: Path = ROOT / "mkdocs.yml") -> dict:
    """Build the site into ``site_dir`` atomically, rendering only what changed since the site in place.

    Returns the search index statistics, plus the seconds the theme (``site_seconds``) and the
    search index (``search_seconds``) took, each on its own, while running side by side, and how many
    pages were rendered and carried over from the previous site (``pages_rendered``, ``pages_carried``).
    """
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(site_dir)
    overrides = {} if docs_dir is None else {"docs_dir": str(Path(docs_dir).resolve())}
    staging = Path(tempfile.mkdtemp(prefix=f"{_staging_prefix(site_dir)}{os.getpid()}-", dir=site_dir.parent))
    try:
        config = load_config(str(config_file), strict=True, site_dir=str(staging / "site"), **overrides)
        docs = Path(config.docs_dir)
        built = _read_stamp(site_dir)
        theme, (sources, marks) = theme_fingerprint(Path(config_file)), source_digests(docs, _known_sources(built))
        fingerprint = _fingerprint(theme, sources)
        if built and built.get("fingerprint") == fingerprint:
            return {**built["stats"], "site_seconds": 0.0, "search_seconds": 0.0, "skipped": True}
        previous = built if built and built.get("theme") == theme and isinstance(built.get("sources"), dict) else None
        earlier = (site_dir / search_index.BUNDLE, previous.get("search")) if previous else None
        fork = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=1, mp_context=fork, initializer=children.stop_with, initargs=(os.getpid(),)) as pool:
            # the search index needs nothing of the theme: it starts first, and the carry-over runs beside it
            search = pool.submit(_timed_search_index, docs, staging / "pagefind", sources, earlier)
            carried, pages = carry_over(config, sources, previous["sources"], site_dir, staging / "site") if previous else (0, 0)
            site_seconds = _timed(_mkdocs, config, carried > 0)[1]
            stats, search_seconds = search.result()
        state = stats.pop("state")
        (staging / "pagefind").rename(staging / "site" / search_index.BUNDLE)
        stamp = {"fingerprint": fingerprint, "theme": theme, "sources": sources, "marks": marks, "stats": stats, "search": state}
        (staging / "site" / STAMP).write_text(json.dumps(stamp, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        swap_in(staging / "site", site_dir, trash_prefix=f"{_staging_prefix(site_dir)}{os.getpid()}-old-", discard=remove_in_background)
        rendered = {"pages_carried": carried, "pages_rendered": pages - carried if previous else None}
        return {**stats, "site_seconds": site_seconds, "search_seconds": search_seconds, "skipped": False, **rendered}
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def theme_fingerprint(config_file: Path) -> str:
    """A hash of everything besides docs/ that shapes every page: the config, theme overrides, hooks, code, versions.
    When it changes, no page of the previous site can be carried over."""
    digest = hashlib.blake2b(digest_size=20)
    sources = [("mkdocs.yml", config_file)]
    for name in BUILD_INPUTS:
        path = ROOT / name
        sources += [(p.relative_to(ROOT).as_posix(), p) for p in _files(path)] if path.is_dir() else [(name, path)]
    for name, path in sources:
        data = path.read_bytes()
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def source_digests(docs_dir: Path, known: dict[str, tuple[str, list[int]]] | None = None) -> tuple[dict[str, str], dict[str, list[int]]]:
    """{docs-relative path: hash of its bytes} of every docs file (hidden folders such as the ingest cache
    excepted), and each file's mark: size, modification time and inode.

    ``known``: {path: (hash, mark)} of the last build. A file whose mark is the same was not written since
    (publishing writes a changed page as a new file, an edit changes the time): its hash is taken from
    there, not read again (4 s of an update at 10,000 plans).
    """
    known = known or {}
    digests, marks = {}, {}
    for path in _files(docs_dir):
        rel = path.relative_to(docs_dir).as_posix()
        stat = path.stat()
        marks[rel] = mark = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
        before = known.get(rel)
        digests[rel] = before[0] if before and before[1] == mark else hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    return digests, marks


def _known_sources(built: dict | None) -> dict[str, tuple[str, list[int]]]:
    """{path: (hash, mark)} of the docs files a build's stamp recorded (see ``source_digests``)."""
    if not built or not isinstance(built.get("sources"), dict) or not isinstance(built.get("marks"), dict):
        return {}
    return {rel: (digest, built["marks"][rel]) for rel, digest in built["sources"].items() if rel in built["marks"]}


def _fingerprint(theme: str, sources: dict[str, str]) -> str:
    """What the whole site is a function of: the theme's inputs and every docs file."""
    digest = hashlib.blake2b(theme.encode(), digest_size=20)
    for rel, source in sorted(sources.items()):
        digest.update(f"{rel}\0{source}\0".encode())
    return digest.hexdigest()


def carry_over(config, sources: dict[str, str], previous: dict[str, str], old_site: Path, new_site: Path) -> tuple[int, int]:
    """Hard-link into ``new_site`` the files of ``old_site`` that MkDocs would make again with the same bytes;
    returns (pages carried, pages in the site).

    A page is carried when its docs file has the bytes it had (the theme's inputs are the same, or this
    is not called) and it is not in the navigation: a page out of the navigation is a function of its own
    file and the navigation, whose pages are always rendered. Static files (the .docx downloads, the
    theme's assets) are carried when their source is the same. MkDocs's dirty build then leaves a carried
    file alone, as its output is not older than its source; a file it would rewrite (older than its source)
    is not carried, as writing through the link would change the live site. Everything not carried
    (sitemap, 404 page, redirects, changed pages) is written anew.
    """
    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    carried = pages = 0
    for file in files:
        if file.inclusion.is_excluded():
            continue
        in_docs = Path(file.abs_src_path).is_relative_to(config.docs_dir)
        page = file.is_documentation_page()
        pages += page
        if in_docs and (sources.get(file.src_uri) is None or sources.get(file.src_uri) != previous.get(file.src_uri)):
            continue
        if page and not file.inclusion.is_not_in_nav():
            continue
        old = old_site / file.dest_uri
        try:
            if old.is_symlink() or old.stat().st_mtime < os.stat(file.abs_src_path).st_mtime:
                continue
            target = new_site / file.dest_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(old, target)
        except OSError:
            continue
        carried += page
    return carried, pages


class _DirtyBuildNotice(logging.Filter):
    """MkDocs warns that a dirty build may get links wrong (and strict mode would fail on it): here only pages
    whose inputs are unchanged are carried over (``carry_over``), so the warning does not apply."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build")


def _mkdocs(config, dirty: bool) -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    notice = _DirtyBuildNotice()
    logger.addFilter(notice)
    try:
        mkdocs_build(config, dirty=dirty)
    finally:
        logger.removeFilter(notice)


def _files(folder: Path) -> list[Path]:
    """The files under ``folder``, none hidden or in a hidden or __pycache__ folder, in path order (os.walk:
    pathlib's rglob took 2.4 s over the 28,000 docs files of 10,000 plans)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [name for name in dirnames if not name.startswith((".", "__pycache__"))]
        found += [os.path.join(dirpath, name) for name in filenames if not name.startswith((".", "__pycache__"))]
    return sorted(Path(path) for path in found if os.path.isfile(path))


def _read_stamp(site_dir: Path) -> dict | None:
    try:
        return json.loads((site_dir / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _timed_search_index(docs_dir: Path, bundle: Path, sources: dict[str, str], earlier: tuple | None):
    # In the forked process; the function is looked up when called, as the tests replace it.
    return _timed(search_index.build_search_index, docs_dir, bundle, search_index.SHARD_PAGES, sources, earlier)


def _timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def remove_in_background(folder: Path) -> subprocess.Popen:
    """Remove the previous site, swapped out, in a process of its own that the build does not wait for:
    unlinking its 28,000 files and 18,000 folders was 14 s of a 45 s site update at 10,000 plans (profiled),
    and nothing reads it any more. Should that process be killed, the next build removes what is left
    (``_remove_leftovers``: the folder is named after this build's process)."""
    code = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"
    return subprocess.Popen([sys.executable, "-c", code, str(folder)], start_new_session=True, stdin=subprocess.DEVNULL)


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
