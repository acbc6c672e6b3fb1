"""Read an old binary Word .doc by converting it to .docx with LibreOffice, where it is installed.

The .doc format needs a full word processor to read faithfully, so we do not parse it ourselves:
``soffice --headless --convert-to docx`` runs in a private temporary folder (its own profile too,
so parallel workers never share one) with a time limit, and the .docx goes through ``docx_in``.
Without LibreOffice the file is rejected with a message saying what to install or do instead.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from scripts.models import Extracted
from scripts.read import docx_in
from scripts.read.decode import DecodeError

CONVERT_TIMEOUT = 120  # seconds; a first start of LibreOffice alone can take 10–20 s
SOFFICE_NAMES = ("soffice", "libreoffice")


def find_soffice() -> str | None:
    """The LibreOffice command on PATH, or None."""
    return next((path for name in SOFFICE_NAMES if (path := shutil.which(name))), None)


def convert(data: bytes, suffix: str, target: str, timeout: int = CONVERT_TIMEOUT) -> bytes:
    """``data`` (a file of type ``suffix``) converted by LibreOffice to ``target`` (e.g. "docx", "pdf")."""
    soffice = find_soffice()
    if soffice is None:
        raise DecodeError(
            f"读取 {suffix} 文件需要 LibreOffice，本机未安装"
            f"（apt-get install libreoffice-writer）；或在 Word/WPS 中打开并另存为 .docx"
        )
    with tempfile.TemporaryDirectory(prefix="kb-convert-") as tmp:
        folder = Path(tmp)
        source = folder / f"input{suffix}"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless", "--norestore", "--nolockcheck",
            "--convert-to", target, "--outdir", str(folder / "out"), str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            raise DecodeError(f"LibreOffice 在 {timeout} 秒内未能转换该文件；请手动另存为 .docx") from exc
        result = folder / "out" / f"input.{target.split(':')[0]}"
        if not result.is_file():
            raise DecodeError(f"LibreOffice 无法读取这个 {suffix} 文件；请在 Word/WPS 中打开并另存为 .docx")
        return result.read_bytes()


def doc_to_text(data: bytes) -> Extracted:
    """The text of a .doc, read through a LibreOffice conversion to .docx."""
    return docx_in.docx_to_text(convert(data, ".doc", "docx"))
