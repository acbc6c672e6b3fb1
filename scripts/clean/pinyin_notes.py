"""Remove pinyin readings that sites insert after characters: 运(yùn), 创(chuàng)建, 创建(chuang jian).

A bracket is only a reading if its letters spell a pinyin reading of the characters just
before it (checked with pypinyin, every heteronym), so 附件(二), (PPT), (1), (试行) and
English words in brackets stay. Tones are ignored when comparing: sites often print the
wrong tone, and the syllables already have to match the characters.
Runs on simplified text, after t2s.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, pinyin

from scripts.models import RemovedSpan

# A bracket of pinyin letters, tone marks/digits, spaces and apostrophes right after a CJK character
# (or right after such a bracket: some sites print the note twice).
ANNOTATION = re.compile(
    r"(?<=[\u3400-\u9fff)）])[(（](?P<reading>[a-zA-Züāáǎàēéěèêīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ:'’ 0-5-]{1,60})[)）]"
)
# A bracket of tone-marked syllables after any other character: the character it reads was garbled
# (mojibake, a placeholder x), so it cannot be checked, but tone marks on pinyin syllables in a
# bracket are a reading and nothing else.
TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
MARKED = re.compile(rf"(?<=[^\s(（)）])[(（]\s*(?P<reading>[a-zü{TONES}]{{1,6}}(?: [a-zü{TONES}]{{1,6}}){{0,3}})\s*[)）]")
SYLLABLE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ve|ue|vn|a|o|e|i|u|v)"
)
MAX_WORD = 8  # longest word one bracket may annotate
SEPARATORS = re.compile(r"[\s'’:0-5-]")  # syllable breaks and tone digits; ":" of "u:" for ü


def strip_pinyin_annotations(text: str) -> tuple[str, list[RemovedSpan]]:
    """Return the text without reading annotations, and one ``RemovedSpan`` per removed bracket."""
    pieces: list[str] = []
    removed: list[RemovedSpan] = []
    line = 1
    kept_from = 0
    word = ""
    for match in ANNOTATION.finditer(text):
        # A note right after a removed note (运(yùn)(yùn)) reads the same word, so one pass is enough.
        if not (removed and match.start() == kept_from):
            word = _word_before(text, match.start())
        if not _is_reading_of(match.group("reading"), word):
            continue
        line += text.count("\n", kept_from, match.start())
        pieces.append(text[kept_from : match.start()])
        removed.append(RemovedSpan(rule="pinyin.annotation", category="pinyin", text=match.group(), line=line))
        kept_from = match.end()
    pieces.append(text[kept_from:])
    return _strip_marked_readings("".join(pieces), removed)


def _strip_marked_readings(text: str, removed: list[RemovedSpan]) -> tuple[str, list[RemovedSpan]]:
    """Remove the brackets of tone-marked pinyin ``MARKED`` finds (the characters before them garbled)."""
    hits = [m for m in MARKED.finditer(text) if _is_marked_pinyin(m.group("reading"))]
    if not hits:
        return text, removed
    pieces, kept_from = [], 0
    for m in hits:
        pieces.append(text[kept_from : m.start()])
        removed.append(RemovedSpan("pinyin.annotation", "pinyin", m.group(), text.count("\n", 0, m.start()) + 1))
        kept_from = m.end()
    pieces.append(text[kept_from:])
    return "".join(pieces), sorted(removed, key=lambda span: span.line)


def _is_marked_pinyin(reading: str) -> bool:
    """Every syllable carries a tone mark and spells a pinyin syllable once the marks are gone."""
    syllables = reading.split()
    return all(any(c in TONES for c in s) and SYLLABLE.fullmatch(_toneless(s)) for s in syllables)


def _word_before(text: str, end: int) -> str:
    """The run of CJK characters (at most ``MAX_WORD``) that ends at ``end``."""
    word = text[max(0, end - MAX_WORD) : end]
    start = len(word)
    while start > 0 and "\u3400" <= word[start - 1] <= "\u9fff":
        start -= 1
    return word[start:]


def _is_reading_of(reading: str, word: str) -> bool:
    """Whether ``reading`` spells the last 1, 2, … characters of ``word``; pinyin is lower case."""
    if reading != reading.lower():
        return False
    target = _toneless(reading)
    return bool(target) and any(_spells(word[-size:], target) for size in range(1, len(word) + 1))


def _spells(chars: str, target: str) -> bool:
    if not chars:
        return not target
    return any(
        target.startswith(syllable) and _spells(chars[1:], target[len(syllable) :])
        for syllable in _readings(chars[0])
    )


@lru_cache(maxsize=8192)
def _readings(char: str) -> frozenset[str]:
    """All toneless readings of a character, ü written as v (pypinyin's own convention)."""
    return frozenset(_toneless(reading) for reading in pinyin(char, style=Style.NORMAL, heteronym=True)[0])


def _toneless(syllables: str) -> str:
    """Lower-case letters only: tone marks and digits dropped, ü/u: as v, separators removed."""
    text = unicodedata.normalize("NFD", syllables.lower()).replace("u\u0308", "v").replace("u:", "v")
    return SEPARATORS.sub("", "".join(c for c in text if not unicodedata.combining(c)))
