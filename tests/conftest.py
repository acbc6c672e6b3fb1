"""Shared fixtures: the repo root, the seed corpus, and a CLI runner."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"


def generated_files(folder: Path) -> dict[str, str]:
    """Every generated file under ``folder`` with the hash of its bytes; the ingest cache is not output."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".cache" not in p.relative_to(folder).parts
    }


def copy_seeds(folder: Path) -> Path:
    """The seed files copied into ``folder`` (made if missing), for tests that add files beside them."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(RAW.iterdir()):
        shutil.copy(path, folder / path.name)
    return folder


def page_parts(page_file: str) -> tuple[dict, str]:
    """A generated docs page → (front matter, HTML body), read the way MkDocs and hooks/kb.py read it."""
    body, meta = get_data(page_file)
    assert meta.get("html") is True  # the hook passes the body through only when this says so
    if "toc" in meta:
        meta["toc"] = json.loads(meta["toc"])
    return meta, body


def compact(text: str) -> str:
    """The text without any white space, to compare content whatever the line breaks."""
    return re.sub(r"\s+", "", text)


def shown_text(plan) -> str:
    """Everything a plan page shows of the text, in order (the quality command's ``output_pieces``)."""
    from scripts.quality import output_pieces

    return "\n".join(output_pieces([plan]))


def page_lines(title: str, body: list[str], head=(), tail=()) -> str:
    """A page of the chrome tests: lines above the plan, its title and body, lines below it."""
    return "\n".join([*head, title, *body, *tail])


def removed(result) -> list[tuple[str, str]]:
    """What the cleaner removed, as (rule id, text) pairs."""
    return [(s.rule, s.text) for s in result.removed]


def rules_of(result) -> set[str]:
    """The ids of the rules that removed something."""
    return {rule for rule, _ in removed(result)}


def seed(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` (e.g. "003")."""
    return next(RAW.glob(f"{prefix}_*.txt"))


@pytest.fixture
def run_cli():
    """Run ``python -m scripts ARGS`` from the repo root; returns the CompletedProcess."""

    def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "scripts", *args], cwd=cwd, capture_output=True, text=True, timeout=300)

    return run
