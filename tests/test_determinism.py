"""Same inputs → byte-identical docs/, plans.json and permalink registry, whatever the order the
files were created in, the order the folders are named on the command line, or --jobs.
"""
from __future__ import annotations

import shutil

import pytest

from conftest import copy_seeds, generated_files
from fixtures.bad.make import make_bad_files

tree = generated_files


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds plus the bad files, split over two folders."""
    base = tmp_path_factory.mktemp("det")
    make_bad_files(base / "bad")
    copy_seeds(base / "seeds")
    return base


def copy_in_order(src, dst, reverse: bool) -> None:
    """Copy ``src`` to ``dst`` creating the files in sorted or reversed order (directory order differs)."""
    dst.mkdir(parents=True)
    for path in sorted(src.iterdir(), reverse=reverse):
        if path.is_symlink():
            (dst / path.name).symlink_to(path.resolve())
        else:
            shutil.copy(path, dst / path.name)


def ingest(run_cli, base, name: str, folders: list, jobs: int):
    out, registry = base / name / "docs", base / name / "permalinks.json"
    result = run_cli("ingest", *map(str, folders), "--out", str(out), "--registry", str(registry), "--jobs", str(jobs), "--quiet")
    assert result.returncode == 0, result.stderr
    return tree(out), registry.read_bytes()


def test_docs_and_registry_do_not_depend_on_order_or_jobs(run_cli, corpus, tmp_path):
    for reverse in (False, True):
        for folder in ("bad", "seeds"):
            copy_in_order(corpus / folder, tmp_path / f"{folder}-{reverse}", reverse)
    first = ingest(run_cli, tmp_path, "a", [tmp_path / "bad-False", tmp_path / "seeds-False"], jobs=1)
    second = ingest(run_cli, tmp_path, "b", [tmp_path / "seeds-True", tmp_path / "bad-True"], jobs=2)
    assert first[0] == second[0]
    assert "data/plans.json" in first[0] and len([k for k in first[0] if k.startswith("plans/") and k.endswith(".md")]) >= 5
    assert first[1] == second[1]
