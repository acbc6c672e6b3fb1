"""Turn the bytes of a collected file into text.

Files come from many websites: UTF-8 with or without a BOM, UTF-16, GB2312/GBK/GB18030, Big5.
Most carry no BOM and many are short, which defeats single-guess detectors. So, unless a BOM
settles it, we decode the bytes with every plausible codec and keep the result that reads most
like everyday Chinese (see ``rules/common_chars.yml``). A wrong codec turns Chinese into rare
characters, kana, Hangul or private-use code points, which scores low.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from scripts.models import Decoded
from scripts.rules import load_rules


class DecodeError(Exception):
    """The bytes are not a text file we can read; the message says why, for a person."""


# (BOM, codec), longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Magic numbers of files people save next to their texts by mistake.
BINARY_SIGNATURES = (
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"%PDF", "PDF 文档"),
    (b"PK\x03\x04", "ZIP 压缩包或 .docx/.xlsx/.pptx 文档"),
    (b"\xd0\xcf\x11\xe0", "旧版 Office .doc/.xls/.ppt 文档"),
    (b"{\\rtf", "RTF 文档"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf", "7z 压缩包"),
    (b"\x1f\x8b", "gzip 压缩包"),
    (b"RIFF", "WEBP/WAV/AVI 媒体文件"),
    (b"\x7fELF", "可执行程序"),
)

# What to tell the user about a file that is not text.
BINARY_ADVICE = "如果它是 Word 或 PDF 文档，请改用它真正的扩展名（.docx、.doc、.pdf），否则请把它移出输入文件夹"

# Codec families tried on BOM-less bytes, in order of preference when scores tie.
# Within a family the narrowest codec that decodes cleanly names the result; if none does,
# the broadest one decodes with replacement characters.
CODEC_FAMILIES = (
    ("utf-8",),
    ("gb18030",),
    ("big5", "cp950", "big5hkscs"),
)
UTF16_CODECS = ("utf-16-le", "utf-16-be")

UTF8_WINS_AT = 0.5  # a clean UTF-8 decoding is taken at once if it scores at least this
READABLE_AT = 0.5  # below this score no decoding reads as text
MAX_DAMAGE = 0.01  # share of replacement characters tolerated in a lossy decoding...
STRAY_BYTES = 8  # ...or this many in all: a few stray bytes in a short file are damage, not binary
NUL_HEAVY = 0.01  # share of NUL bytes that plain text in a one- or two-byte codec never has
SCORE_SAMPLE = 200_000  # characters scored per candidate; enough to decide, fast on 5 MB

# Weights for characters outside ASCII (ASCII letters, digits and white space are neutral).
COMMON_WEIGHT = 1.0  # listed common character, or CJK/fullwidth punctuation
RARE_CJK_WEIGHT = 0.25  # a real but uncommon ideograph: fine once, suspicious in bulk
LATIN_WEIGHT = 0.25  # pinyin tone letters are real, but so is UTF-8 read as Latin-1
OTHER_WEIGHT = 0.0  # kana, Hangul, Cyrillic, symbols... in a Chinese plan: likely mojibake
BROKEN_WEIGHT = -2.0  # replacement, control, private-use and unassigned code points


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes to text with ``\\n`` line ends and no NULs, or raise ``DecodeError``."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            text, encoding = _decode_trusted(data[len(bom):], codec)
            return Decoded(_normalise(text), encoding)
    _reject_binary(data)
    text, encoding = _decode_guessed(data)
    return Decoded(_normalise(text), encoding)


def _decode_trusted(body: bytes, codec: str) -> tuple[str, str]:
    """A BOM names the codec; only damage beyond ``MAX_DAMAGE`` makes us give up."""
    try:
        return body.decode(codec), codec
    except UnicodeDecodeError:
        text = body.decode(codec, errors="replace")
    if _too_damaged(text):
        raise DecodeError(f"文件以 {codec} 字节序标记开头，但大部分内容不是有效的 {codec}；请另存为 UTF-8")
    return text, f"{codec}+replace"


def _reject_binary(data: bytes) -> None:
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise DecodeError(f"不是文本文件：看起来是二进制文件（{kind} 文件头）；{BINARY_ADVICE}")


def _nul_heavy(data: bytes) -> bool:
    """Many NULs: UTF-16/32 without a BOM, or binary data (which then scores as unreadable)."""
    return data.count(0) > NUL_HEAVY * len(data)


def _decode_guessed(data: bytes) -> tuple[str, str]:
    """Score every candidate decoding and keep the most Chinese-looking one."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _score(text) >= UTF8_WINS_AT:
            return text, "utf-8"
    candidates = [_decode_family(data, family) for family in _families(data)]
    candidates += _decode_mixed(data)
    # max() keeps the first of equal scores, so CODEC_FAMILIES' order breaks ties.
    score, text, encoding = max(((_score(text), text, encoding) for text, encoding in candidates), key=lambda c: c[0])
    if score < READABLE_AT:
        why = "看起来是二进制文件（大量 NUL 字节）" if _nul_heavy(data) else "没有一种编码能读出通顺的中文"
        raise DecodeError(
            f"不是文本文件：{why}；已试过 UTF-8、UTF-16、GB18030 和 Big5"
            f"（最接近的 {encoding.removesuffix('+replace')} 得分 {score:.2f}，满分 1）；{BINARY_ADVICE}"
        )
    if _too_damaged(text):
        raise DecodeError(
            f"无法解码的字节太多：即使最接近的编码（{encoding.removesuffix('+replace')}）"
            f"也会丢失 {_damage(text):.0%} 的字符；请另存为 UTF-8"
        )
    return text, encoding


def _families(data: bytes) -> tuple[tuple[str, ...], ...]:
    """UTF-16 needs an even length; UTF-32 is only worth trying when NULs say so."""
    families = CODEC_FAMILIES
    if len(data) % 2 == 0:
        families += tuple((codec,) for codec in UTF16_CODECS)
    if len(data) % 4 == 0 and _nul_heavy(data):
        families += (("utf-32-le",), ("utf-32-be",))
    return families


def _decode_family(data: bytes, family: tuple[str, ...]) -> tuple[str, str]:
    for codec in family:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return data.decode(family[-1], errors="replace"), f"{family[-1]}+replace"


def _decode_mixed(data: bytes) -> list[tuple[str, str]]:
    """A file pasted together from two sources: its UTF-8 lines as UTF-8, the others in one legacy codec.

    Offered only when both kinds of line hold non-ASCII text; the scoring decides whether it wins.
    """
    lines = data.split(b"\n")
    utf8 = [_strict_utf8(line) for line in lines]
    other = b"\n".join(line for line, text in zip(lines, utf8) if text is None)
    if not other or not any(text and not text.isascii() for text in utf8):
        return []
    legacy = [_decode_family(other, family) for family in CODEC_FAMILIES[1:]]
    _, codec = max(((_score(text), codec.removesuffix("+replace")) for text, codec in legacy), key=lambda c: c[0])
    decoded = [text if text is not None else line.decode(codec, errors="replace") for line, text in zip(lines, utf8)]
    return [("\n".join(decoded), f"utf-8+{codec}")]


def _strict_utf8(line: bytes) -> str | None:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _score(text: str) -> float:
    """How much the text reads like Chinese: mean weight of its non-ASCII characters (1 is best).

    The neutral characters and the common ones, most of any text, are counted by two regex passes;
    only the others are weighed one by one. Every weight is a multiple of 1/4, so the sum is exact
    in any order.
    """
    weighed = _NEUTRAL.sub("", text[:SCORE_SAMPLE])
    rest = _common_pattern().sub("", weighed)
    weight = (len(weighed) - len(rest)) * COMMON_WEIGHT
    weight += sum(count * _char_weight(char) for char, count in Counter(rest).items())
    return weight / len(weighed) if weighed else 1.0


_NEUTRAL = re.compile(r"[\s -~]+")  # what ``_char_weight`` calls neutral: white space, printable ASCII


@lru_cache(maxsize=65536)
def _char_weight(char: str) -> float | None:
    """Weight of one character; ``None`` for the neutral ones (printable ASCII, white space)."""
    if char.isspace() or " " <= char <= "~":
        return None
    if char in _common_chars():
        return COMMON_WEIGHT
    category = unicodedata.category(char)
    if char == "\ufffd" or category in ("Cc", "Co", "Cn", "Cs"):
        return BROKEN_WEIGHT
    if "\u4e00" <= char <= "\u9fff":
        return RARE_CJK_WEIGHT
    if category[0] in "PSN" and unicodedata.east_asian_width(char) in ("W", "F", "A"):
        return COMMON_WEIGHT  # punctuation and symbols of Chinese typesetting: 、。，“”…—（）①×≤
    if category[0] == "L" and char < "\u0250":
        return LATIN_WEIGHT
    return OTHER_WEIGHT


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    rules = load_rules("common_chars")
    return frozenset("".join(rules["simplified"] + rules["traditional"]))


@lru_cache(maxsize=1)
def _common_pattern() -> re.Pattern:
    """Runs of characters of weight ``COMMON_WEIGHT``: the listed ones (neutral ones are taken out
    before) and the punctuation of Chinese typesetting (、。，“”…—（）) that ``_char_weight`` finds so."""
    blocks = (range(0x2000, 0x2070), range(0x3000, 0x3040), range(0xFF00, 0xFFF0))
    punctuation = {chr(code) for block in blocks for code in block if _char_weight(chr(code)) == COMMON_WEIGHT}
    return re.compile("[" + "".join(map(re.escape, sorted(_common_chars() | punctuation))) + "]+")


def _damage(text: str) -> float:
    return text.count("\ufffd") / len(text) if text else 0.0


def _too_damaged(text: str) -> bool:
    return _damage(text) > MAX_DAMAGE and text.count("\ufffd") > STRAY_BYTES


def _normalise(text: str) -> str:
    """One line-end convention and no NULs, so later stages can split on ``\\n`` alone."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
