"""The clean stage: raw bytes of one file → ``CleanResult`` (clean simplified text + what was removed).

Order matters: decode (text files) or extract (web pages, Word, PDF) → traditional→simplified (so every rule
below is written once, in simplified) → pinyin annotations → site chrome → repair → flags.
"""
from __future__ import annotations

from pathlib import Path

from . import chrome, decode, doc_in, docx_in, flags, htmlpage, pdf_in, pinyin_notes, repair, t2s
from .models import CleanResult, PageMeta

# Binary document formats: suffix → (extractor of bytes → ``Extracted``, name shown as the "encoding").
DOCUMENT_READERS = {
    ".docx": (docx_in.docx_to_text, "docx"),
    ".doc": (doc_in.doc_to_text, "doc (LibreOffice)"),
    ".pdf": (pdf_in.pdf_to_text, "pdf"),
}
SUPPORTED_SUFFIXES = {".txt", ".text", ".htm", ".html", ".md", *DOCUMENT_READERS}


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
    """Decode (or extract) and clean one file's bytes; raises ``decode.DecodeError`` for files we cannot read."""
    reader = DOCUMENT_READERS.get(Path(name).suffix.lower())
    if reader:
        extract, kind = reader
        document = extract(data)
        return clean_text(document.text, source=name, encoding=kind, meta=document.meta)
    decoded = decode.decode_bytes(data)
    text, meta = decoded.text, PageMeta()
    if htmlpage.looks_like_html(name, text):
        page = htmlpage.html_to_text(text)
        text, meta = page.text, page.meta
    return clean_text(text, source=name, encoding=decoded.encoding, meta=meta)


def clean_file(path: Path) -> CleanResult:
    return clean_bytes(Path(path).read_bytes(), Path(path).name)
