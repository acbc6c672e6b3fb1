"""NFKC for Chinese text, without the cost of decomposing every line (shared by fingerprints and metadata).

Almost every Chinese line holds a full-width form (，（）：！), so almost none is NFKC-stable and
``unicodedata.normalize`` decomposes and recomposes the whole line. Folding those forms first gives
the same result at a fraction of the cost.
"""
from __future__ import annotations

import re
import unicodedata

# NFKC of each full-width form (！ … ～ → ! … ~): one ASCII character each.
FULLWIDTH_FORMS = {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFF01, 0xFF5F)}
FULLWIDTH = re.compile("[\uff01-\uff5e]")


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, faster.

    NFKC decomposes each character on its own, and a full-width form decomposes to its ASCII
    character: so the folded line has the same NFKC as the line, and if it is already stable, it is that.
    A line holds few distinct full-width forms: each is replaced throughout at once.
    """
    folded = text
    for char in set(FULLWIDTH.findall(text)):
        folded = folded.replace(char, FULLWIDTH_FORMS[char])
    return folded if unicodedata.is_normalized("NFKC", folded) else unicodedata.normalize("NFKC", text)
