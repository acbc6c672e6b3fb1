"""Convert traditional Chinese to simplified, so every later rule is written for simplified only.

OpenCC converts phrase by phrase (乾淨→干净, 幹部→干部) and leaves simplified text alone. Two
things it cannot know are fixed here: Taiwan-style text writes the particle 着 as 著, which
OpenCC keeps because 著 is also simplified (显著, 著名); and pages sometimes carry compatibility
or radical code points that look like ideographs but that fonts and search do not treat as such.
"""
from __future__ import annotations

import re
import unicodedata
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
    variants, replacement = _variants()
    simplified = variants.sub(lambda match: replacement[match.group()], _opencc("t2s").convert(text))
    if looked_traditional:
        simplified = _fix_zhe(simplified)
    return simplified, looked_traditional


def has_traditional(text: str) -> bool:
    """Whether any character of ``text`` exists only in traditional script: one regex search, so a
    later stage can skip converting the (already simplified) text it is usually given."""
    return _script_classes()[0].search(text) is not None


@lru_cache(maxsize=1)
def _variants() -> tuple[re.Pattern, dict[str, str]]:
    """rules/t2s.yml ``variants``: traditional variant characters OpenCC's t2s keeps, as a pattern of
    them and their replacements (one regex scan is far faster than ``str.translate`` on CJK text)."""
    replacement = {str(old): str(new) for old, new in (load_rules("t2s").get("variants") or {}).items()}
    return re.compile("|".join(map(re.escape, replacement)) or r"(?!)"), replacement


@lru_cache(maxsize=None)
def _opencc(config: str) -> opencc.OpenCC:
    """Loading a dictionary takes a while: one converter per config, created on first use."""
    return opencc.OpenCC(config)


def _looks_traditional(text: str) -> bool:
    """More characters that exist only in traditional than only in simplified.

    A majority vote, because pages mix scripts: simplified site chrome around a traditional
    body, and site converters that leave some characters (干部) unconverted.
    """
    traditional, simplified = _script_classes()
    return len(traditional.findall(text)) > len(simplified.findall(text))


@lru_cache(maxsize=1)
def _script_classes() -> tuple[re.Pattern, re.Pattern]:
    """Regex classes of the characters U+3400–U+9FFF that exist only in traditional (t2s changes them)
    and only in simplified (s2t changes them, t2s does not). Both converters run once over the whole
    range, one character a line, so each character is converted on its own: a few milliseconds."""
    chars = [chr(code) for code in range(0x3400, 0xA000)]
    to_simplified = _opencc("t2s").convert("\n".join(chars)).split("\n")
    to_traditional = _opencc("s2t").convert("\n".join(chars)).split("\n")
    traditional = [c for c, s in zip(chars, to_simplified) if s != c]
    simplified = [c for c, s, t in zip(chars, to_simplified, to_traditional) if s == c and t != c]
    return _char_class(traditional), _char_class(simplified)


def _char_class(chars: list[str]) -> re.Pattern:
    """A regex matching any one of ``chars`` (ascending), written as ranges."""
    ranges: list[list[str]] = []
    for char in chars:
        if ranges and ord(ranges[-1][1]) == ord(char) - 1:
            ranges[-1][1] = char
        else:
            ranges.append([char, char])
    return re.compile("[" + "".join(a if a == b else f"{a}-{b}" for a, b in ranges) + "]" if ranges else r"(?!)")


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
