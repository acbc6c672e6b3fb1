"""CLEAN stage: the text of one file → ``CleanResult`` (clean simplified text, every removed span with
its rule, the flags to check by hand, page metadata).

Order matters: traditional→simplified first (so every rule below is written once, in simplified) →
pinyin annotations (pinyin_notes.py) → site chrome (chrome.py, rules/boilerplate.yml) → repair
(repair.py) → flags (flags.py). ``clean_bytes`` reads the file first (the read stage).
"""
from __future__ import annotations

from pathlib import Path

from scripts import read
from scripts.clean import chrome, flags, pinyin_notes, repair, t2s
from scripts.models import CleanResult, PageMeta


def clean_text(text: str, source: str = "", encoding: str = "", meta: PageMeta | None = None) -> CleanResult:
    """Clean already-decoded text. Idempotent: cleaning the result again changes nothing."""
    simplified, was_traditional = t2s.to_simplified(text)
    without_pinyin, pinyin_removed = pinyin_notes.strip_pinyin_annotations(simplified)
    dechromed = chrome.strip_chrome(without_pinyin)
    repaired, repair_removed = repair.repair_text(dechromed.text)
    return CleanResult(
        source=source,
        encoding=encoding,
        text=repaired,
        removed=pinyin_removed + dechromed.removed + repair_removed,
        flags=dechromed.flags + flags.find_flags(repaired),
        meta=(meta or PageMeta()).merge(dechromed.meta),
        was_traditional=was_traditional,
    )


def clean_bytes(data: bytes, name: str) -> CleanResult:
    """Read and clean one file's bytes; raises ``read.DecodeError`` for files we cannot read."""
    document = read.read_bytes(data, name)
    return clean_text(document.text, source=name, encoding=document.encoding, meta=document.meta)


def clean_file(path: Path) -> CleanResult:
    return clean_bytes(Path(path).read_bytes(), Path(path).name)
