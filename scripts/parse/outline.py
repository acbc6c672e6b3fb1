"""Turn a plan's body lines into a tree of sections and items.

The heading ladder (一、 → （一） → 1. → （1） → ①, plus 第一阶段 / 第一部分 …) is RELATIVE:
the first numbering style met is level 1 and a style not yet open nests under the current
one, so a plan that starts at ``1.`` still gets a tidy tree. A numbered line is a heading only
if it is a short title that has content under it; a numbered paragraph is an item.
Numbers that repeat or skip are kept and flagged, never renumbered.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from scripts.models import Flag, Item, Member, Note, Section
from scripts.parse.duties import split_duties
from scripts.parse.metadata import is_unit_name
from scripts.rules import load_rules

CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
PLAIN = "plain"  # the style of an unnumbered heading


@dataclass
class Outline:
    preamble: list[str] = field(default_factory=list)  # paragraphs before the first heading
    sections: list[Section] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)  # numbering; line = 1-based index in the body


@dataclass(frozen=True)
class _Number:
    style: str  # e.g. cn_dun, arabic, di_阶段
    printed: str  # the number as printed: 三, 1, ①, 第一阶段
    raw: str  # the numeral itself as printed: 三, 1, ⑴, 一
    marker: str  # the whole printed prefix: 三、 （1） 第一阶段：
    value: int
    text: str  # the rest of the line


def number_value(numeral: str) -> int:
    """1 for 一 / 1 / ① / ⑴ / a; 23 for 二十三; 0 when it is not a numeral."""
    if numeral.isdigit() and numeral.isascii():
        return int(numeral)
    if len(numeral) == 1 and "①" <= numeral <= "⑳":
        return ord(numeral) - ord("①") + 1
    if len(numeral) == 1 and "⑴" <= numeral <= "⒇":
        return ord(numeral) - ord("⑴") + 1
    if len(numeral) == 1 and numeral.isascii() and numeral.isalpha():
        return ord(numeral.lower()) - ord("a") + 1
    total, digit = 0, 0
    for char in numeral:
        if char in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[char]
        elif char in "十百":
            total += (digit or 1) * (10 if char == "十" else 100)
            digit = 0
        else:
            return 0
    return total + digit


def _format_like(value: int, raw: str) -> str:
    """``value`` written the way ``raw`` is written (for flag messages)."""
    if raw.isdigit() and raw.isascii():
        return str(value)
    if "①" <= raw <= "⑳" and 1 <= value <= 20:
        return chr(ord("①") + value - 1)
    if "⑴" <= raw <= "⒇" and 1 <= value <= 20:
        return chr(ord("⑴") + value - 1)
    if raw.isascii() and raw.isalpha() and 1 <= value <= 26:
        return chr(ord("a" if raw.islower() else "A") + value - 1)
    return chinese_numeral(value)


def chinese_numeral(value: int) -> str:
    """二 for 2, 十二 for 12 (and digits past 99)."""
    digits = "零一二三四五六七八九"
    if value < 10:
        return digits[value]
    tens, ones = divmod(value, 10)
    if value < 100:
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    return str(value)


def _inline_scan(sentence_end: str, style: str) -> tuple[re.Pattern, re.Pattern]:
    """(a scanner for sentence ends followed by a ``style`` number, the number itself)."""
    number = style.removeprefix("^")
    return re.compile("[" + re.escape(sentence_end) + r"]\s*(?=" + number + ")"), re.compile(number)


def _spaced(word: str) -> str:
    """A regex for ``word`` with spaces allowed between its characters (组 长, 召 集 人)."""
    return r"\s*".join(map(re.escape, word))


@lru_cache(maxsize=None)
def _rules() -> dict:
    rules = load_rules("structure")
    outline, non_items = rules["outline"], rules["non_items"]
    styles = outline["styles"]
    roles = sorted(non_items["member_roles"], key=len, reverse=True)
    field = f"[\u4e00-\u9fff]{{0,{non_items['max_field_prefix_chars']}}}?(?:" + "|".join(
        map(re.escape, sorted(non_items["field_labels"], key=len, reverse=True))
    ) + ")"
    return {
        "styles": [(name, re.compile(pattern)) for name, pattern in styles.items()],
        "inline": {name: _inline_scan(rules["sentence_end"], styles[name]) for name in outline["inline_run_styles"]},
        "trap": re.compile(outline["enumeration_trap"]),
        "sentence_end": re.compile("[" + re.escape(rules["sentence_end"]) + "]"),
        "sentence_ends": rules["sentence_end"],
        "run_in_end": re.compile("[" + re.escape(rules["sentence_end"]) + "：:]"),
        "clause_end": re.compile("[" + re.escape(outline["lead_clause"]["ends"]) + "]"),
        "min_lead_clause": outline["lead_clause"]["min_title_chars"],
        "min_clause_task": outline["lead_clause"]["min_task_chars"],
        "punct": re.compile("[" + re.escape(rules["any_punctuation"]) + "]"),
        "max_heading": rules["max_heading_chars"],
        "max_plain": rules["max_plain_heading_chars"],
        "max_label": outline["max_label_heading_chars"],
        "lead_in": re.compile(outline["lead_in_words"]),
        "max_lead_in": non_items["max_lead_in_chars"],
        "heading_marks": re.compile(outline["heading_marks"]),
        "bold_wrap": re.compile(outline["bold_wrap"]),
        "heading_bullet": re.compile(outline["heading_bullet"]),
        "role": re.compile(r"(?P<role>" + "|".join(map(_spaced, roles)) + r")\s*[:：]\s*"),
        "glued_role": re.compile(r"(?<=[。；;])\s*(?=(?:" + "|".join(map(_spaced, roles)) + r")\s*[:：])"),
        "max_member": non_items["max_member_chars"],
        "max_continuation": non_items["max_member_continuation_chars"],
        "field_line": re.compile(field + r"\s*[:：]"),
        "field_title": re.compile(field + "$"),
        "max_field": non_items["max_field_chars"],
        "date_line": re.compile(non_items["date_line"]),
        "fragment": non_items["fragment_max_chars"],
        "omitted": re.compile(non_items["omitted"]),
        "max_signature": non_items["max_signature_chars"],
        "link": re.compile(non_items["link"]),
        "max_link_words": non_items["max_link_words"],
        "max_field_value": non_items["max_field_value_chars"],
        "activity": re.compile("|".join(map(re.escape, non_items["activity_verbs"]))),
    }


def numbering(line: str) -> _Number | None:
    """The list number at the start of ``line``, or None (also for 一、二月份 / 1、2月份)."""
    for name, pattern in _rules()["styles"]:
        match = pattern.match(line)
        if match:
            return _number_from(name, match, line[match.end() :])
    return None


def _number_from(name: str, match: re.Match, text: str) -> _Number | None:
    if _rules()["trap"].match(text):
        return None
    groups = match.groupdict()
    raw = groups.get("num") or groups.get("pnum") or ""
    style, printed = name, raw
    if groups.get("word"):  # 第一阶段 and 第一章 are different levels
        style, printed = f"di_{groups['word']}", f"第{raw}{groups['word']}"
    elif groups.get("pnum"):
        printed = str(number_value(raw))
    return _Number(style, printed, raw, match.group(0).strip(), number_value(raw), text.strip())


def _unmarked(line: str) -> str:
    """The line without the markup a page left around a heading (##### （二）…, **推广全民阅读**)."""
    rules = _rules()
    marks = rules["heading_marks"].match(line)
    if marks and numbering(line[marks.end() :]):
        line = line[marks.end() :]
    bold = rules["bold_wrap"].match(line)
    return bold["text"] if bold else line


def parse_outline(body: list[str]) -> Outline:
    """Sections, items and numbering flags of a plan body (one paragraph per line)."""
    builder = _Builder()
    lines = [_unmarked(line.strip()) for line in body]
    filled = [(index + 1, line) for index, line in enumerate(lines) if line]
    for (line_no, line), (_, next_line) in zip(filled, filled[1:] + [(0, "")]):
        builder.add(line, line_no, next_line)  # a heading is told apart by what follows it
    return builder.finish()


class _Builder:
    """Walks the lines once, keeping the stack of open headings (style, section)."""

    def __init__(self) -> None:
        self.outline = Outline()
        self.stack: list[tuple[str, Section]] = []
        self.last: dict[tuple[int, str], int] = {}  # (id of parent, style) → last value
        self.last_of_style: dict[str, int] = {}  # numbering may continue across sections
        self.in_members = False  # the last line read was a member list's

    def add(self, line: str, line_no: int, next_line: str) -> None:
        number = numbering(line)
        if number and self._out_of_order(number, line, line_no):
            number = None
        if number is None:
            if self._continues_members(line):
                return
            if not _rules()["role"].match(line) and self._is_plain_heading(line, next_line):
                self._open(PLAIN, Section(anchor="", number="", title=_tidy(line), level=0))
            else:
                self._paragraph(line, None, line_no)
            return
        styles = self._styles_if_opened(number.style)
        if self._is_heading(number, next_line, styles):
            self._open_numbered(number, _tidy(number.text), line, line_no)
        elif not self.stack or number.style in [s for s, _ in self.stack]:
            self._run_in(number, line, line_no)  # a numbered paragraph at a heading's level
        else:
            self._paragraph(number.text, number, line_no)

    def finish(self) -> Outline:
        _assign_anchors(self.outline.sections, [])
        return self.outline

    # -- classification ------------------------------------------------------------

    def _styles_if_opened(self, style: str) -> list[str]:
        """The stack's styles after a heading of ``style`` opens."""
        styles = [s for s, _ in self.stack]
        if style in styles:
            styles = styles[: styles.index(style)]
        return styles + [style]

    def _is_heading(self, number: _Number, next_line: str, styles: list[str]) -> bool:
        text = number.text
        rules = _rules()
        if len(text) > rules["max_heading"] or rules["sentence_end"].search(text[:-1]):
            return False
        if text[-1:] in rules["sentence_ends"] and _is_bare_line(next_line):
            return False  # 5、建立举报机制，鼓励群众监督。 then 实施步骤: a task, and the next heading
        if next_line[:1] in "（(" or rules["run_in_end"].search(next_line[:8]):
            if split_duties(next_line)[0] == "":
                return False  # a task whose duty note is on the next line
        return _opens_below(next_line, styles)

    def _is_plain_heading(self, line: str, next_line: str) -> bool:
        rules = _rules()
        label = line[:-1]
        if line[-1:] in "：:" and len(label) <= rules["max_label"] and label and not rules["punct"].search(label):
            return bool(next_line) and not rules["lead_in"].search(label)  # 主要职责：, 注意事项：
        if len(line) > rules["max_plain"] or rules["punct"].search(line) or not next_line:
            return False
        if rules["date_line"].match(line):
            return False  # a date alone (2023.03.05, 2023年3月5日) heads nothing: a note
        if not any(char.isalnum() for char in line):
            return False  # a rule of dashes or a table border (---, |---|) names nothing
        if numbering(next_line) is None:  # a paragraph must follow, not another short line
            return len(next_line) > rules["max_plain"] or bool(rules["punct"].search(next_line))
        return _opens_below(next_line, self._styles_if_opened(PLAIN))

    def _out_of_order(self, number: _Number, line: str, line_no: int) -> bool:
        """A heading-level number that runs backwards (四 then 一) is text, not a heading."""
        styles = [s for s, _ in self.stack]
        if number.style not in styles:
            return False
        parent = self._parent_of(styles.index(number.style))
        last = self.last.get((id(parent), number.style), 0)
        if number.value >= last:
            return False
        self._flag(line_no, line, f"{number.marker} after {_format_like(last, number.raw)}, kept as text")
        return True

    # -- building ----------------------------------------------------------------

    def _parent_of(self, depth: int) -> Section | None:
        return self.stack[depth - 1][1] if depth > 0 else None

    def _open(self, style: str, section: Section) -> None:
        self.in_members = False
        styles = [s for s, _ in self.stack]
        if style in styles:
            del self.stack[styles.index(style) :]
        parent = self.stack[-1][1] if self.stack else None
        (parent.sections if parent else self.outline.sections).append(section)
        self.stack.append((style, section))

    def _open_numbered(self, number: _Number, title: str, line: str, line_no: int) -> Section:
        section = Section(anchor="", number=number.printed, title=title, level=0, marker=number.marker)
        self._open(number.style, section)
        self._check(self._parent_of(len(self.stack) - 1), number, line, line_no, restart_ok=False)
        return section

    def _run_in(self, number: _Number, line: str, line_no: int) -> None:
        """``（六）严格考核。各科室要……``: a section titled by its lead sentence."""
        rules = _rules()
        end = rules["run_in_end"].search(number.text)
        title, rest = "", number.text
        if end and end.start() <= rules["max_heading"]:
            title, rest = number.text[: end.start()].strip(), number.text[end.end() :].strip()
        if title and not rest:  # one sentence: its lead clause titles it, the rest is the task
            title, rest = _lead_clause(number.text) or (title, rest)
        self._open_numbered(number, title, line, line_no)
        if rest:
            self._paragraph(rest, None, line_no)

    def _paragraph(self, text: str, number: _Number | None, line_no: int) -> None:
        """An item (split into its inline run 1、…2、…) or, before any heading, preamble."""
        if not self.stack:
            self.outline.preamble.append(text)
            return
        section = self.stack[-1][1]
        for piece_number, piece in _inline_pieces(text, number):
            if piece_number:
                self._check(section, piece_number, piece_number.marker + piece, line_no, restart_ok=True)
            self._piece(section, piece_number, piece)

    def _piece(self, section: Section, number: _Number | None, text: str) -> None:
        """An item, or what is not one: member lines go to ``members``, dates, fields, signatures,
        fragments and links to ``notes`` (as printed, number included); an empty piece is nothing."""
        if not number and section.items and split_duties(text)[0] == "":  # （责任单位：…） on its own line
            section.items[-1].text += text
            return
        text, members = _split_members(text)
        if text:
            kind = _note_kind(text, section)
            if kind:
                printed = f"{number.marker}{text}" if number else text
                section.notes.append(Note(kind=kind, text=printed, after=len(section.items)))
            else:
                section.items.append(Item(anchor="", number=number.printed if number else "", text=text))
        for member in members:
            member.after = len(section.items)
        section.members.extend(members)
        self.in_members = bool(members)

    def _continues_members(self, line: str) -> bool:
        """高 翔 某厅副厅长 right after a member line: one more name of the same list."""
        rules = _rules()
        if not (self.in_members and self.stack) or len(line) > rules["max_continuation"]:
            return False
        if rules["punct"].search(line) or rules["role"].match(line):
            return False
        member = self.stack[-1][1].members[-1]
        member.names = f"{member.names}；{line}" if member.names else line
        return True

    def _check(self, parent: Section | None, number: _Number, line: str, line_no: int, restart_ok: bool) -> None:
        """Flag a number that repeats or skips within its parent (kept as printed)."""
        key = (id(parent), number.style)
        last = self.last.get(key)
        value, raw = number.value, number.raw
        expected = _format_like((last or 0) + 1, raw)
        if raw in number.printed:  # 第四阶段 rather than 四
            expected = number.printed.replace(raw, expected, 1)
        continues = value == self.last_of_style.get(number.style, 0) + 1
        if last is None and value != 1 and not continues:
            self._flag(line_no, line, f"starts at {number.marker} (expected {expected})")
        elif last is not None and value == last:
            self._flag(line_no, line, f"repeated {number.marker} (expected {expected})")
        elif last is not None and value > last + 1:
            self._flag(line_no, line, f"skipped to {number.marker} (expected {expected})")
        elif last is not None and value < last and not (restart_ok and value == 1):
            self._flag(line_no, line, f"{number.marker} after {_format_like(last, raw)}")
        self.last[key] = value
        self.last_of_style[number.style] = value

    def _flag(self, line_no: int, line: str, detail: str) -> None:
        self.outline.flags.append(Flag(kind="numbering", line=line_no, excerpt=line[:40], detail=detail))


def _split_members(text: str) -> tuple[str, list[Member]]:
    """(the text before a member list, the list): 组长：张三 → ("", [组长 张三]);
    …顺利开展。组长：张三 → ("…顺利开展。", [组长 张三]); 主任:X 副主任:Y → two members."""
    rules = _rules()
    glued = rules["glued_role"].search(text)
    head, tail = (text[: glued.start()].rstrip(), text[glued.end() :]) if glued else ("", text)
    roles = list(rules["role"].finditer(tail))
    if not roles or roles[0].start() != 0 or len(tail) > rules["max_member"]:
        return text, []
    members = []
    for role, following in zip(roles, roles[1:] + [None]):
        names = tail[role.end() : following.start() if following else len(tail)].strip()
        members.append(Member(role="".join(role["role"].split()), names=names))
    return head, members


def _note_kind(text: str, section: Section) -> str:
    """What a piece of a section is when it is not an item ("" when it is one)."""
    rules = _rules()
    if rules["link"].search(text) and len(rules["link"].sub("", text)) <= rules["max_link_words"]:
        return "link"
    if rules["date_line"].match(text):
        return "date"
    if rules["field_line"].match(text) and len(text) <= rules["max_field"]:
        return "field"
    if rules["field_title"].match(section.title) and len(text) <= rules["max_field_value"]:
        if not rules["activity"].search(text):
            return "field"
    if text[-1:] in "：:" and len(text) <= rules["max_lead_in"]:
        return "lead_in"
    name = text.rstrip("。 ")
    if len(name) <= rules["max_signature"] and not rules["punct"].search(name) and is_unit_name(name):
        return "signature"
    if len(text) <= rules["fragment"] and not rules["sentence_end"].search(text) and not numbering(text):
        return "fragment"  # (二、考核 out of order is a heading kept as text, not a fragment)
    if rules["omitted"].match(text):
        return "fragment"
    return ""


def _is_bare_line(line: str) -> bool:
    """A short unnumbered line without punctuation: a heading of its own, not content under one."""
    rules = _rules()
    return bool(line) and len(line) <= rules["max_plain"] and not rules["punct"].search(line) and numbering(line) is None


def _lead_clause(text: str) -> tuple[str, str] | None:
    """``2、组织开展征集活动，评选和谐家庭10户。``: (组织开展征集活动, 评选和谐家庭10户。), so a one-sentence
    task is an item under its lead clause, as ``1、抓好阵地建设。更新宣传栏……`` is; None for a sentence
    with no clause to cut (it stays the heading it always was)."""
    rules = _rules()
    for clause in rules["clause_end"].finditer(text):
        title, rest = text[: clause.start()].strip(), text[clause.end() :].strip()
        if len(title) > rules["max_heading"]:
            break
        if len(title) >= rules["min_lead_clause"] and len(rest.rstrip("。；;")) >= rules["min_clause_task"]:
            return title, rest
    return None


def _opens_below(next_line: str, styles: list[str]) -> bool:
    """Does ``next_line`` belong under a heading whose open styles are ``styles``?"""
    if not next_line:
        return False
    number = numbering(next_line)
    return number is None or number.style not in styles


def _inline_pieces(text: str, number: _Number | None) -> list[tuple[_Number | None, str]]:
    """``1、甲。2、乙。3、丙`` → three numbered pieces; only a run 1, 2, 3 after sentence ends."""
    rules = _rules()
    for name, (scan, pattern) in rules["inline"].items():
        if number and number.style != name:
            continue
        expected = number.value + 1 if number else 1
        cuts: list[tuple[int, _Number]] = []
        for boundary in scan.finditer(text):
            match = pattern.match(text, boundary.end())
            if number_value(match["num"] or match.groupdict().get("pnum") or "") != expected:
                continue
            # only a few characters are needed to spot 1、2月份; slicing more would be quadratic
            found = _number_from(name, match, text[match.end() : match.end() + 8])
            if found:
                cuts.append((boundary.end(), found))
                expected += 1
        if number or len(cuts) >= 2:
            return _cut(text, number, cuts)
    return [(number, text)]


def _cut(text: str, number: _Number | None, cuts: list[tuple[int, _Number]]) -> list[tuple[_Number | None, str]]:
    pieces: list[tuple[_Number | None, str]] = []
    start, current = 0, number
    for position, found in cuts:
        head = text[start:position].strip()
        if head:
            pieces.append((current, head))
        start, current = position + len(found.marker), found
        while start < len(text) and text[start].isspace():
            start += 1
    pieces.append((current, text[start:].strip()))
    return pieces


def _tidy(title: str) -> str:
    """A heading without its trailing colon or full stop, a decorative glyph before it (▌活动内容), or bold
    around it (2.**实施…计划**)."""
    title = _rules()["heading_bullet"].sub("", title.strip()).rstrip("：:。；;，, ")
    bold = _rules()["bold_wrap"].match(title)
    return bold["text"] if bold else title


def _assign_anchors(sections: list[Section], path: list[int]) -> None:
    """s4-2 for the 2nd sub-section of the 4th section; i4-2-6 for its 6th item."""
    for position, section in enumerate(sections, start=1):
        here = path + [position]
        tail = "-".join(map(str, here))
        section.anchor, section.level = f"s{tail}", len(here)
        for n, item in enumerate(section.items, start=1):
            item.anchor = f"i{tail}-{n}"
        _assign_anchors(section.sections, here)
