"""Shared fixtures: the repo root, the seed corpus, and a CLI runner."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"


def seed(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` (e.g. "003")."""
    return next(RAW.glob(f"{prefix}_*.txt"))


@pytest.fixture
def run_cli():
    """Run ``python -m scripts ARGS`` from the repo root; returns the CompletedProcess."""

    def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "scripts", *args], cwd=cwd, capture_output=True, text=True, timeout=300)

    return run
