"""Repair stage of the clean step: turn de-chromed text into one paragraph per line.

Web and PDF copies of a plan arrive hard-wrapped, split one word per line, cut by page
markers mid-word, with half-width or reversed punctuation and anti-copy marks inside words.
This stage undoes that damage where the evidence is clear and leaves the rest alone:
a short line without punctuation stays a heading, and a ``?`` inside Chinese stays
for the flag stage (it is a lost character, not a question mark).

Output: one paragraph or heading per line, no blank lines, no indents, ``\\n`` line ends,
a final newline. Repairing repaired text changes nothing.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from scripts.models import RemovedSpan
from scripts.rules import fast_start, load_rules

CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007\U00020000-\U0002fa1f"
CJK = re.compile(f"[{CJK_RANGES}]")
# Full-width punctuation of Chinese typesetting: no space is needed next to it.
FULLWIDTH_PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…"
CLOSING_QUOTES = "”’」』"
WHITESPACE = re.compile(r"[^\S\n]+")
LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f]")
CLAUSE_PUNCTUATION = re.compile("[，。；,;]")
ASCII_PUNCTUATION_RUN = re.compile(r"[,;:!?]+")
NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
PARENTHESES = re.compile(r"[()]")
CHINESE_NUMERAL = re.compile("[一二三四五六七八九十]+")
# Joined paragraphs are offered for joining again; real text settles in two rounds.
MAX_JOIN_ROUNDS = 10


@lru_cache(maxsize=1)
def _rules() -> dict:
    """The repair rules with their regexes compiled once."""
    rules = dict(load_rules("repair"))
    rules["heading_marker"] = re.compile("|".join(f"(?:{p})" for p in rules["heading_markers"]))
    for key in ("arabic_marker", "arabic_marker_anywhere", "date_line", "keep_space_after"):
        rules[key] = re.compile(rules[key])
    rules["arabic_marker_anywhere"] = fast_start(rules["arabic_marker_anywhere"])  # searched in every paragraph
    rules["heading_words"] = frozenset(rules["heading_words"])
    rules["fragment"] = re.compile(f"[{CJK_RANGES}]{{1,{rules['fragment_max_width']}}}")
    rules["title_words"] = tuple(rules["title_words"])
    zeros = re.escape(rules["zero_lookalikes"])
    numerals = f"〇零一二三四五六七八九{zeros}"
    rules["numeral_year"] = fast_start(re.compile(f"(?<![{numerals}])[{numerals}]{{4}}(?=\\s*年)"))
    rules["zero_table"] = str.maketrans({z: "〇" for z in rules["zero_lookalikes"]})
    rules["invisible_re"] = re.compile(f"[{re.escape(rules['invisible'])}]")
    rules["hidden_re"] = re.compile(f"[{re.escape(rules['invisible'])}]|{CONTROL.pattern}")  # either kind: most lines have neither
    rules["bracket_re"] = re.compile(f"[{re.escape(''.join(rules['brackets']) + ''.join(rules['brackets'].values()))}]")
    rules["bracket_sign"] = {c: (o, 1) for o in rules["brackets"] for c in o}
    rules["bracket_sign"].update({c: (o, -1) for o, closing in rules["brackets"].items() for c in closing})
    quotes = "“”‘’‚‛\"\ufffd"
    rules["repairable"] = re.compile(f"[\\s,;:!?(){quotes}{zeros}{re.escape(rules['noise_marks'])}\\d]")
    marks = re.escape(rules["noise_marks"])
    beside, next_to = (re.escape(rules["noise_beside"][k]) for k in ("marks", "quotes"))
    rules["noise_re"] = fast_start(
        re.compile(
            f"(?<=[{CJK_RANGES}])(?:[{marks}]{{1,3}}|\\d)(?=[{CJK_RANGES}])"
            f"|(?<=[{CJK_RANGES}])[{beside}]{{1,3}}(?=[{next_to}])|(?<=[{next_to}])[{beside}]{{1,3}}(?=[{CJK_RANGES}])"
        )
    )
    return rules


def repair_text(text: str) -> tuple[str, list[RemovedSpan]]:
    """Repair ``text``; return the clean text and the spans removed (anti-copy marks, line joins).

    Lines are repaired, then joined; joined paragraphs are repaired again (a mark or quote
    may straddle the old line break) and offered for joining again, until nothing joins.
    The result is a fixed point, so repairing it again changes nothing.
    """
    removed: list[RemovedSpan] = []
    pieces = [_Paragraph.of_line(number, line).repaired(removed) for number, line in _input_lines(text, removed)]
    pieces = [piece for piece in pieces if piece.text]
    for _ in range(MAX_JOIN_ROUNDS):
        joined = _join_wrapped_lines(pieces, removed)
        if len(joined) == len(pieces):
            break
        pieces = [piece.repaired(removed) if len(piece.starts) > 1 else piece for piece in joined]
    return "".join(piece.text + "\n" for piece in pieces), removed


def _input_lines(text: str, removed: list[RemovedSpan]) -> list[tuple[int, str]]:
    """(line number, text) for every line, split on every kind of line break; invisible and control characters dropped."""
    return [(number, drop_invisible(raw, number, removed)) for number, raw in enumerate(LINE_BREAKS.split(text), start=1)]


def drop_invisible(line: str, number: int, removed: list[RemovedSpan]) -> str:
    """``line`` without control characters and invisible anti-copy marks (zero-width spaces, soft hyphens).

    The chrome stage calls it too, before its rules: a mark hidden inside 首\u200b页 must not
    save a menu line from the first cleaning and lose it to the second.
    """
    if not _rules()["hidden_re"].search(line):
        return line
    invisible = _rules()["invisible_re"]
    for hit in invisible.finditer(line):
        removed.append(RemovedSpan("repair.anti_copy", "noise", hit.group(), number))
    return CONTROL.sub("", invisible.sub("", line))


def display_width(text: str) -> float:
    """Width in Chinese characters: an ASCII character is half as wide as a CJK one."""
    return len(text) - 0.5 * len(NOT_ASCII.sub("", text))


# ------------------------------------------------------------------ kinds of line (also used by flags)


def ends_sentence(line: str) -> bool:
    """The line ends with terminal punctuation (。！？；：…” and their ASCII forms)."""
    return bool(line) and line[-1] in _rules()["terminal_end"]


def is_date_line(line: str) -> bool:
    """A date, or a signature followed by a date: 2019年12月10日, 中共某某党组 二〇一〇年四月十六日印发."""
    return bool(_rules()["date_line"].match(line))


def starts_with_marker(line: str) -> bool:
    """The line starts with a heading or list number: 一、 （一） 1. （1） ① 第一阶段 篇一 附件."""
    return bool(_rules()["heading_marker"].match(line))


def is_heading_line(line: str) -> bool:
    """A numbered heading, a heading word (附件, 目录) or a short title line (…工作方案)."""
    rules = _rules()
    if starts_with_marker(line):
        return True
    short = display_width(line) <= rules["max_title_width"]
    return short and (line in rules["heading_words"] or line.endswith(rules["title_words"]))


# ------------------------------------------------------------------ joining lines


@dataclass
class _Paragraph:
    """Text with the input line each of its pieces came from."""

    text: str
    starts: list[tuple[int, int]]  # (offset in text, input line number), one per joined input line

    @classmethod
    def of_line(cls, number: int, text: str) -> "_Paragraph":
        return cls(text, [(0, number)])

    def line_at(self, offset: int) -> int:
        """Input line number of the character at ``offset``."""
        index = bisect_right(self.starts, (offset, float("inf"))) - 1
        return self.starts[max(index, 0)][1]

    def repaired(self, removed: list[RemovedSpan]) -> "_Paragraph":
        """The paragraph after the repairs inside a line; offsets follow the removed characters."""
        if not _rules()["repairable"].search(self.text):
            return self  # plain Chinese text with full-width punctuation: the common case, made fast
        text, gone = _remove_anti_copy_marks(self.text, self.line_at, removed)
        starts = _shift(self.starts, gone)
        text = _normalise_punctuation(text)
        text, gone = _normalise_spaces(text)
        return _Paragraph(text, _shift(starts, gone))


def _shift(starts: list[tuple[int, int]], removed_offsets: list[int]) -> list[tuple[int, int]]:
    return [(offset - bisect_left(removed_offsets, offset), number) for offset, number in starts]


class _Joining:
    """A paragraph being built from pieces, with the facts the join decision needs.

    The facts are measured lazily (most lines end a sentence and need none) and
    incrementally (a long run of joined fragments is measured once).
    """

    def __init__(self, piece: _Paragraph) -> None:
        self.parts = [piece.text]
        self.starts = list(piece.starts)
        self.length = len(piece.text)
        self._measured = 0  # parts already counted in the facts below
        self._width = 0.0
        self._has_clause_punctuation = False
        self._bracket_balance: dict[str, int] = {}
        self._long_prose = False

    def add(self, piece: _Paragraph, separator: str = "") -> None:
        text = separator + piece.text
        shift = self.length + len(separator)
        self.starts += [(shift + offset, number) for offset, number in piece.starts]
        self.parts.append(text)
        self.length += len(text)

    def paragraph(self) -> _Paragraph:
        return _Paragraph("".join(self.parts), self.starts)

    @property
    def first(self) -> str:
        return self.parts[0]

    @property
    def last(self) -> str:
        return self.parts[-1]

    @property
    def width(self) -> float:
        self._measure()
        return self._width

    @property
    def has_clause_punctuation(self) -> bool:
        self._measure()
        return self._has_clause_punctuation

    @property
    def has_open_bracket(self) -> bool:
        self._measure()
        return any(balance > 0 for balance in self._bracket_balance.values())

    @property
    def is_long_prose(self) -> bool:
        """Too wide for a title or a date and not numbered: it stays so as pieces are added."""
        if not self._long_prose:
            self._long_prose = self.width > _rules()["max_title_width"] and not starts_with_marker(self.first)
        return self._long_prose

    def _measure(self) -> None:
        sign = _rules()["bracket_sign"]
        for text in self.parts[self._measured :]:
            self._width += display_width(text)
            self._has_clause_punctuation = self._has_clause_punctuation or bool(CLAUSE_PUNCTUATION.search(text))
            for bracket in _rules()["bracket_re"].findall(text):
                kind, step = sign[bracket]
                self._bracket_balance[kind] = self._bracket_balance.get(kind, 0) + step
        self._measured = len(self.parts)


@dataclass(frozen=True)
class _Evidence:
    """File-wide facts the join decision needs."""

    wrap_width: float | None
    broken: frozenset[int]  # indexes of lines in a run of one-word fragments


def _join_wrapped_lines(pieces: list[_Paragraph], removed: list[RemovedSpan]) -> list[_Paragraph]:
    """Join pieces (lines) cut mid-sentence; every other line break ends a paragraph."""
    texts = [piece.text for piece in pieces]
    evidence = _Evidence(_wrap_width(texts), _broken_fragment_lines(texts))
    seen_numbers: set[int] = set()
    arabic_marker_anywhere = _rules()["arabic_marker_anywhere"]
    joining: list[_Joining] = []
    for index, piece in enumerate(pieces):
        if joining and _continues(joining[-1], texts[index - 1], piece.text, index, evidence, seen_numbers):
            current = joining[-1]
            excerpt = f"{current.last[-10:]}\n{piece.text[:10]}"
            removed.append(RemovedSpan("repair.join_wrap", "repair", excerpt, pieces[index - 1].starts[-1][1]))
            current.add(piece, _separator(current.last, piece.text))
        else:
            joining.append(_Joining(piece))
        for number, _ in arabic_marker_anywhere.findall(piece.text):
            seen_numbers.add(int(number))
    return [j.paragraph() for j in joining]


def _continues(paragraph: _Joining, prev: str, nxt: str, index: int, evidence: _Evidence, seen_numbers: set[int]) -> bool:
    """Whether line ``nxt`` continues ``paragraph`` (whose last line is ``prev``, line ``index - 1``)."""
    rules = _rules()
    if nxt[0] in rules["closing_start"]:
        return True  # no line starts with a comma or a closing bracket
    if index - 1 in evidence.broken and index in evidence.broken and paragraph.is_long_prose:
        return not is_date_line(nxt)  # inside a run of one-word lines: the checks below all say "join"
    end = paragraph.last[-1]
    cut_at_wrap = bool(evidence.wrap_width) and max(len(prev), display_width(prev)) >= evidence.wrap_width - rules["wrap_tolerance"]
    if end in rules["terminal_end"] and (end in rules["sentence_end"] or not cut_at_wrap):
        return False
    in_broken_run = index - 1 in evidence.broken or index in evidence.broken
    could_join = cut_at_wrap or in_broken_run or end in rules["continuation_end"] or paragraph.has_open_bracket
    if not could_join and paragraph.width < rules["long_line_width"]:
        return False  # none of the reasons to join below applies: skip the costlier checks
    if _starts_item(nxt, seen_numbers) or nxt in rules["heading_words"] or is_date_line(nxt):
        return False
    if paragraph.width <= rules["max_title_width"] and is_date_line("".join(paragraph.parts)):
        return False
    if end in rules["continuation_end"] or paragraph.has_open_bracket:
        return True
    if _is_heading(paragraph):
        return cut_at_wrap and paragraph.has_clause_punctuation
    if cut_at_wrap or in_broken_run:
        return True
    if display_width(nxt) <= rules["max_title_width"] and nxt.endswith(rules["title_words"]):
        return False  # a title on its own line (附件：某某方案 / 某某方案) is no wrapped rest of the paragraph above
    return paragraph.width >= rules["long_line_width"] and paragraph.has_clause_punctuation and bool(CJK.match(end))


def _starts_item(line: str, seen_numbers: set[int]) -> bool:
    """A heading or list marker starts the line; an arabic ``k、`` counts only after ``k-1`` (or as 1)."""
    if not starts_with_marker(line):
        return False
    arabic = _rules()["arabic_marker"].match(line)
    return not arabic or int(arabic.group(1)) <= 1 or int(arabic.group(1)) - 1 in seen_numbers


def _is_heading(paragraph: _Joining) -> bool:
    """A numbered heading, a heading word, or a short title line (``…工作方案``)."""
    short = paragraph.width <= _rules()["max_title_width"]
    return starts_with_marker(paragraph.first) or (short and is_heading_line("".join(paragraph.parts)))


def _wrap_width(texts: list[str]) -> float | None:
    """The width a fixed-width wrapper cut this file's lines at, if the lines show one."""
    rules = _rules()
    measured = [(display_width(t), t) for t in texts]
    measured = [(w, t) for w, t in measured if w >= rules["min_wrap_width"]]
    if len(measured) < rules["wrap_min_lines"]:
        return None
    counts = Counter(round(w) for w, _ in measured)
    width = max(counts, key=lambda w: (counts[w], w))
    near = [t for w, t in measured if abs(w - width) <= 1]
    unterminated = [t for t in near if t[-1] not in rules["terminal_end"]]
    wider = [w for w, _ in measured if w > width + 2]
    trusted = (
        len(near) >= rules["wrap_min_lines"]
        and len(near) >= rules["wrap_min_share"] * len(measured)
        and 2 * len(unterminated) > len(near)
        and len(wider) <= rules["wrap_max_wider_share"] * len(measured)
    )
    return float(width) if trusted else None


def _broken_fragment_lines(texts: list[str]) -> frozenset[int]:
    """Indexes of lines in runs of one-word fragments that hold a single character (PDF extraction)."""
    broken: set[int] = set()
    run: list[int] = []
    for index, text in enumerate(texts + [""]):
        if is_fragment(text):
            run.append(index)
            continue
        if any(len(texts[i]) == 1 for i in run):
            broken.update(run)
        run = []
    return frozenset(broken)


def is_fragment(text: str) -> bool:
    """A piece of a word or phrase: a few Chinese characters, no punctuation, not a heading."""
    rules = _rules()
    return (
        rules["fragment"].fullmatch(text) is not None
        and text not in rules["heading_words"]
        and not CHINESE_NUMERAL.fullmatch(text)
        and not starts_with_marker(text)
    )


def _separator(left: str, right: str) -> str:
    """A space between two pieces of Latin text or numbers, nothing between Chinese ones."""
    return " " if left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum() else ""


# ------------------------------------------------------------------ inside a paragraph


def _normalise_punctuation(text: str) -> str:
    """Full-width punctuation, paired quotes and 〇 in years, repeated until nothing changes.

    Each replacement makes a character Chinese-looking, which can decide a neighbour's
    case (a quote next to a new ``，``); every round only turns ASCII into full width,
    so the loop ends, and its result is a fixed point (the stage stays idempotent).
    """
    while True:
        fixed = _fullwidth_punctuation(text)
        fixed = _pair_quotes(fixed, "“”", '"')
        fixed = _pair_quotes(fixed, "‘’‚‛", "")
        fixed = _numeral_year_zeros(fixed)
        if fixed == text:
            return text
        text = fixed


def _is_tight(char: str) -> bool:
    """A Chinese character or full-width punctuation: it needs no space next to it."""
    return bool(char) and (char in FULLWIDTH_PUNCTUATION or bool(CJK.match(char)))


def _fullwidth_punctuation(text: str) -> str:
    """Runs of ASCII , ; : ! ? in Chinese text → full width; with a ``?`` only where the run ends a clause."""
    table = _rules()["fullwidth_punctuation"]

    def convert(run: re.Match) -> str:
        start, end = run.span()
        prev = text[start - 1] if start else ""
        nxt = text[end] if end < len(text) else ""
        if "\ufffd" in (prev, nxt):
            return run.group()  # part of a mojibake run: leave it as found
        if "?" in run.group():
            ok = _is_tight(prev) and (not nxt or nxt.isspace() or nxt in CLOSING_QUOTES)
        else:
            ok = _is_tight(prev) or (_is_tight(nxt) and not (prev.isascii() and prev.isalnum()))
        return "".join(table[c] for c in run.group()) if ok else run.group()

    return _fullwidth_parentheses(ASCII_PUNCTUATION_RUN.sub(convert, text))


def _fullwidth_parentheses(text: str) -> str:
    """Matching ( ) that enclose or touch Chinese text become （ ）; ``(2019-2020年)`` too."""
    stack: list[int] = []
    pairs: list[int] = []
    for paren in PARENTHESES.finditer(text):
        i = paren.start()
        if paren.group() == "(":
            stack.append(i)
        elif stack:
            start = stack.pop()
            before = text[start - 1] if start else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if _is_tight(before) or _is_tight(after) or CJK.search(text, start, i):
                pairs += [start, i]
    if not pairs:
        return text
    chars = list(text)
    for i in pairs:
        chars[i] = "（" if chars[i] == "(" else "）"
    return "".join(chars)


def _pair_quotes(text: str, quotes: str, ascii_quote: str) -> str:
    """Reversed or ASCII quotes (”中国梦“, ‚三个代表‛, "文明") → opening/closing pairs.

    Only a line with an even number of quotes is re-paired; an odd count means a quote
    spans lines or is stray, and guessing would make it worse.
    """
    marks = re.finditer(f"[{quotes}{re.escape(ascii_quote)}]", text)
    positions = [m.start() for m in marks if m.group() != ascii_quote or _touches_chinese(text, m.start())]
    if len(positions) % 2 or all(text[i] == quotes[n % 2] for n, i in enumerate(positions)):
        return text
    chars = list(text)
    for n, i in enumerate(positions):
        chars[i] = quotes[n % 2]
    return "".join(chars)


def _touches_chinese(text: str, i: int) -> bool:
    return _is_tight(text[i - 1] if i else "") or _is_tight(text[i + 1] if i + 1 < len(text) else "")


def _numeral_year_zeros(text: str) -> str:
    """二Ο一Ο年 → 二〇一〇年: letters and circles used for zero in a year in Chinese numerals."""
    rules = _rules()

    def fix(match: re.Match) -> str:
        year = match.group()
        has_numeral = any(c in "一二三四五六七八九" for c in year)
        return year.translate(rules["zero_table"]) if has_numeral else year

    return rules["numeral_year"].sub(fix, text)


def _remove_anti_copy_marks(text: str, line_of: Callable[[int], int], removed: list[RemovedSpan]) -> tuple[str, list[int]]:
    """Drop backticks, apostrophes, periods and stray digits that sites insert inside Chinese words.

    Returns the text and the offsets of the removed characters.
    """
    rules = _rules()
    kept: list[str] = []
    gone: list[int] = []
    last = 0
    for hit in rules["noise_re"].finditer(text):
        start, mark = hit.start(), hit.group()
        if mark.isdigit() and (text[start - 1] in rules["number_precedes"] or text[start + 1] in rules["number_follows"]):
            continue
        if mark == "." and start <= 3 and CHINESE_NUMERAL.fullmatch(text, 0, start):
            continue  # 一.指导思想: a heading number
        kept.append(text[last:start])
        gone.extend(range(start, hit.end()))
        last = hit.end()
        removed.append(RemovedSpan("repair.anti_copy", "noise", mark, line_of(start)))
    kept.append(text[last:])
    return "".join(kept), gone


def _normalise_spaces(text: str) -> tuple[str, list[int]]:
    """Strip; drop spaces next to Chinese text (精 神 → 精神); one ASCII space elsewhere.

    Returns the text and the offsets of the removed characters.
    """
    if not WHITESPACE.search(text):
        return text, []
    keep_after = _rules()["keep_space_after"]
    name_list = _is_name_list(text)
    out: list[str] = []
    gone: list[int] = []
    last = 0
    for gap in WHITESPACE.finditer(text):
        start, end = gap.span()
        out.append(text[last:start])
        last = end
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        between_chinese = bool(CJK.match(before) and CJK.match(after))
        keep = not (_is_tight(before) and _is_tight(after)) or (between_chinese and name_list)
        if before and after and (keep or keep_after.match(text, 0, start)):
            out.append(" ")
            start += 1
        gone.extend(range(start, end))
    out.append(text[last:])
    return "".join(out), gone


def _is_name_list(text: str) -> bool:
    """张三 李四 王五: every space between Chinese characters separates a short name."""
    rules = _rules()
    runs = [m.span() for m in re.finditer(f"[{CJK_RANGES}]+", text)]
    ends = {end: end - start for start, end in runs}
    starts = {start: end - start for start, end in runs}
    gaps = [g for g in WHITESPACE.finditer(text) if g.start() in ends and g.end() in starts]
    name = range(rules["name_min"], rules["name_max"] + 1)
    return len(gaps) >= rules["name_list_min_gaps"] and all(
        ends[g.start()] in name and starts[g.end()] in name for g in gaps
    )
