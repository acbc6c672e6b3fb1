"""Convert traditional Chinese to simplified, so every later rule is written for simplified only.

OpenCC converts phrase by phrase (乾淨→干净, 幹部→干部) and leaves simplified text alone. Two
things it cannot know are fixed here: Taiwan-style text writes the particle 着 as 著, which
OpenCC keeps because 著 is also simplified (显著, 著名); and pages sometimes carry compatibility
or radical code points that look like ideographs but that fonts and search do not treat as such.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

import opencc

from scripts.rules import load_rules

# CJK Radicals Supplement, Kangxi Radicals, CJK Compatibility Ideographs (+ Supplement):
# NFKC maps these to ordinary ideographs. Only these: NFKC on the whole text would also
# turn ① into 1 and full-width punctuation into ASCII.
VARIANT_CHARS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")
ZHU = "著"
ZHE = "着"


def to_simplified(text: str) -> tuple[str, bool]:
    """Return the simplified text and whether the input looked traditional."""
    text = VARIANT_CHARS.sub(lambda match: unicodedata.normalize("NFKC", match.group()), text)
    looked_traditional = _looks_traditional(text)
    simplified = _opencc("t2s").convert(text).translate(_variants())
    if looked_traditional:
        simplified = _fix_zhe(simplified)
    return simplified, looked_traditional


@lru_cache(maxsize=1)
def _variants() -> dict[int, str]:
    """rules/t2s.yml ``variants``: traditional variant characters OpenCC's t2s keeps, as a str.translate table."""
    return str.maketrans(load_rules("t2s").get("variants") or {})


@lru_cache(maxsize=None)
def _opencc(config: str) -> opencc.OpenCC:
    """Loading a dictionary takes a while: one converter per config, created on first use."""
    return opencc.OpenCC(config)


def _looks_traditional(text: str) -> bool:
    """More characters that exist only in traditional than only in simplified.

    A majority vote, because pages mix scripts: simplified site chrome around a traditional
    body, and site converters that leave some characters (干部) unconverted.
    """
    votes = Counter()
    for char, n in Counter(text).items():  # counting every character in C beats a regex over the text
        if "\u3400" <= char <= "\u9fff":
            votes[_script_of(char)] += n
    return votes["traditional"] > votes["simplified"]


@lru_cache(maxsize=None)
def _script_of(char: str) -> str:
    """"traditional" if t2s changes the character, "simplified" if s2t does, else "" (both)."""
    if _opencc("t2s").convert(char) != char:
        return "traditional"
    return "simplified" if _opencc("s2t").convert(char) != char else ""


def _fix_zhe(text: str) -> str:
    """Turn 著 into 着 except inside words where 著 means "write / notable" (see rules/t2s.yml)."""
    rules = load_rules("t2s")
    pieces = []
    start = 0
    index = text.find(ZHU)
    while index != -1:
        keep = _inside_word(text, index, rules["zhu_keep"]) and not _inside_word(text, index, rules["zhe_words"])
        pieces.append(text[start:index])
        pieces.append(ZHU if keep else ZHE)
        start = index + 1
        index = text.find(ZHU, start)
    pieces.append(text[start:])
    return "".join(pieces)


def _inside_word(text: str, index: int, words: list[str]) -> bool:
    """Whether the 著 at ``index`` is part of one of ``words`` as written in ``text``."""
    for word in words:
        word_start = index - word.index(ZHU)
        if word_start >= 0 and text.startswith(word, word_start):
            return True
    return False
