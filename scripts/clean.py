"""The clean stage: raw bytes of one file → ``CleanResult`` (clean simplified text + what was removed).

Order matters: decode → extract the article (web pages) → traditional→simplified (so every rule
below is written once, in simplified) → pinyin annotations → site chrome → repair → flags.
"""
from __future__ import annotations

from pathlib import Path

from . import chrome, decode, flags, htmlpage, pinyin_notes, repair, t2s
from .models import CleanResult, PageMeta

SUPPORTED_SUFFIXES = {".txt", ".text", ".htm", ".html", ".md"}


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
    """Decode and clean one file's bytes; raises ``decode.DecodeError`` for files that are not text."""
    decoded = decode.decode_bytes(data)
    text, meta = decoded.text, PageMeta()
    if htmlpage.looks_like_html(name, text):
        page = htmlpage.html_to_text(text)
        text, meta = page.text, page.meta
    return clean_text(text, source=name, encoding=decoded.encoding, meta=meta)


def clean_file(path: Path) -> CleanResult:
    return clean_bytes(Path(path).read_bytes(), Path(path).name)
