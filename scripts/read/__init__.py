"""READ stage: the bytes of one file → its text (``Extracted``: text, page metadata, how it was read).

Text files are decoded (the encoding is guessed when not declared; see decode.py); web pages saved as
text or .html lose their markup (htmlpage.py); Word and PDF files give their paragraphs (docx_in.py,
doc_in.py through LibreOffice, pdf_in.py). Nothing is cleaned here: site chrome, traditional
characters and damage are the clean stage's. A file that is not text raises ``DecodeError``.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from scripts.models import Extracted, PageMeta
from scripts.read import decode, doc_in, docx_in, htmlpage, pdf_in
from scripts.read.decode import DecodeError

__all__ = ["SUPPORTED_SUFFIXES", "DecodeError", "read_bytes"]

# Binary document formats: suffix → (extractor of bytes → ``Extracted``, name shown as the "encoding").
DOCUMENT_READERS = {
    ".docx": (docx_in.docx_to_text, "docx"),
    ".doc": (doc_in.doc_to_text, "doc (LibreOffice)"),
    ".pdf": (pdf_in.pdf_to_text, "pdf"),
}
SUPPORTED_SUFFIXES = {".txt", ".text", ".htm", ".html", ".md", *DOCUMENT_READERS}


def read_bytes(data: bytes, name: str) -> Extracted:
    """Decode (or extract) one file's bytes; ``name`` (its file name) tells the format."""
    reader = DOCUMENT_READERS.get(Path(name).suffix.lower())
    if reader:
        extract, kind = reader
        return dataclasses.replace(extract(data), encoding=kind)
    decoded = decode.decode_bytes(data)
    if htmlpage.looks_like_html(name, decoded.text):
        page = htmlpage.html_to_text(decoded.text)
        return Extracted(page.text, page.meta, decoded.encoding)
    return Extracted(decoded.text, PageMeta(), decoded.encoding)
