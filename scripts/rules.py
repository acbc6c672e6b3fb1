"""Load the rule files (YAML) that maintainers edit: boilerplate, lexicons, taxonomy.

Rules are data, not code: every stage reads its patterns from ``rules/*.yml``.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@lru_cache(maxsize=None)
def load_rules(name: str) -> dict:
    """Return the parsed ``rules/<name>.yml``; cached, so callers must not mutate it."""
    path = RULES_DIR / f"{name}.yml"
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}
