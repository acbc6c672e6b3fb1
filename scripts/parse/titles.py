"""What a plan is called: the title as its source means it.

A title line on a page often carries more than the plan's name: a compilation's number (篇一,
【第一篇】, (2), 方案3, 方案②), a site's label (范文, 模板, .docx, | 栏目, -某某网, 附件1：), a notice's
document number. Other lines at the top of a plan are never titles: site furniture (welcome banners,
breadcrumbs, share lines), a site's intro sentence, a numbered heading, a news headline (某某局扎实开展…). When no line names the plan, its opening sentence
may (特制定XX工作计划); when nothing does, the plan gets a descriptive name. Patterns are in
rules/structure.yml (``titles``); split.py decides which line is the title, this module reads it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from scripts.parse.metadata import headline_subject
from scripts.parse.outline import number_value
from scripts.rules import load_rules, prefiltered


@dataclass(frozen=True)
class Title:
    text: str  # the plan's name, markers off
    number: int = 0  # the plan's number in its compilation (篇2 → 2), 0 if none
    marker: str = ""  # id of the number's marker (pian_number, paren_number …)
    number_text: str = ""  # the number as printed at the end of the line ((1)), "" if at its start
    counted: bool = False  # the line is a compilation's own title (…（精选8篇）)
    doc_number: str = ""  # a notice's number printed in the line (X发〔2014〕31号)


@lru_cache(maxsize=None)
def _rules() -> dict:
    rules = load_rules("structure")
    titles = rules["titles"]

    def markers(key: str) -> list[tuple[str, str, re.Pattern]]:
        return [(m["id"], m["kind"], re.compile(m["pattern"])) for m in titles[key]]

    strong = "|".join(map(re.escape, sorted(rules["title_words"], key=len, reverse=True)))
    weak = "|".join(map(re.escape, sorted(titles["weak_words"], key=len, reverse=True)))
    return {
        "strong": re.compile(strong),
        "weak": re.compile(weak),
        "weak_end": re.compile(f"(?:{weak}|{strong})$"),
        "strong_end": re.compile(f"(?:{strong})$"),
        "title_opening": re.compile(titles["title_opening"]),
        "notice_opening": re.compile(titles["title_opening"].removeprefix("^")),
        "furniture": re.compile(titles["furniture"]),
        "intro": re.compile(titles["intro"]),
        "chrome_titles": [re.compile(pattern) for pattern in titles["chrome_titles"]],
        "chrome_title_categories": frozenset(titles["chrome_title_categories"]),
        "numbered": re.compile(titles["numbered"]),
        "bare_number": re.compile(titles["bare_number"]),
        "generic": re.compile(titles["generic_words"]),
        "suffixes": markers("suffixes"),
        # 附件1：XX方案 (not 附件管理…: a number, colon or space ends the label)
        "prefixes": markers("prefixes") + [("attachment", "site", re.compile(rules["split"]["attachment_label"] + r"(?<=[:：\s\d一二三四五六七八九十])"))],
        "hanging": re.compile(titles["hanging"]),
        "wrappers": tuple(titles["wrappers"]),
        "kept_in_runs": set(titles["kept_in_runs"]),
        "doc_number": re.compile(titles["doc_number"]),
        "addressee": re.compile(titles["addressee"]),
        "glued": [prefiltered(g["pattern"]) for g in titles["glued"]],  # tried on every line: most lack what they need
        "opening": [re.compile(p) for p in titles["opening"]],
        "generic_name": re.compile(titles["generic_name"]),
        "kinds": [(k["name"], k["words"]) for k in titles["descriptive"]["kinds"]],
        "default_kind": titles["descriptive"]["default"],
        "genres": titles["descriptive"]["genres"],
        "max_title": rules["max_title_chars"],
        "max_unit_prefix": titles["max_issuer_prefix_chars"],
        "clause": re.compile("[" + re.escape(rules["sentence_end"]) + "，,]"),
        "punct": re.compile("[" + re.escape(rules["any_punctuation"]) + r"\s（）()【】\[\]〔〕]"),
    }


def read_title(line: str) -> Title:
    """``line`` as a title: its compilation number, site labels and document number taken off."""
    rules = _rules()
    text = line.strip().removesuffix("。")
    halves = text.split()
    if len(halves) == 2 and read_title(halves[0]) == read_title(halves[1]):
        return read_title(halves[0])  # a page printing the title twice on one line
    if len(halves) == 2 and all(_whole_title(half) for half in halves):
        return read_title(halves[1])  # a site's page title, then the document's own heading
    text = _unwrapped(text)
    doc = rules["doc_number"].match(text)
    doc_number = doc.group(0) if doc else ""
    if doc:
        text = text[doc.end() :].strip()
    number, marker, number_text, counted = 0, "", "", False
    changed = True
    while changed and text:
        changed = False
        for name, kind, pattern in rules["prefixes"] + rules["suffixes"]:
            match = pattern.search(text)
            rest = (text[match.end() :] if match and match.start() == 0 else text[: match.start()]) if match else ""
            if not match or not rest.strip():
                continue  # a marker alone is not a title with a marker
            if kind == "number" and not number:
                number, marker = number_value(match["num"]), name
                number_text = match.group(0).strip() if match.start() > 0 else ""
            counted = counted or kind == "count"
            text, changed = rules["hanging"].sub("", rest), True
            break
    return Title(_unwrapped(text), number, marker, number_text, counted, doc_number)


def _unwrapped(text: str) -> str:
    """A title printed inside 《》, 【】 or “” as a whole, without them (its markers may be inside)."""
    pair = text[:1] + text[-1:]
    if pair in _rules()["wrappers"] and text.count(pair[0]) == 1 and text.count(pair[1]) == 1:
        return text[1:-1]
    return text


def _whole_title(text: str) -> bool:
    """Is ``text`` a title on its own: a name and a strong genre word at its end (XX活动方案, not
    实施方案 or （2019年）)? Two such on one line are two titles, not one split by a space."""
    title = read_title(text).text
    return bool(_rules()["strong_end"].search(title)) and not is_generic(title)


def may_be_numbered(line: str) -> bool:
    """A quick test before ``read_title``: every number marker holds 篇 or ends in a numeral (①
    too) or a closing bracket (an optional colon after it)."""
    return "篇" in line or bool(_MAY_BE_NUMBERED.search(line))


_MAY_BE_NUMBERED = re.compile(r"[\d一二三四五六七八九十百①-⑳）)】\]]\s*[:：]?$")


def run_title(title: Title) -> str:
    """The title of one plan in a run of same-named plans: the number stays when its marker is one
    the source names plans apart by (民政精神文明建设工作计划(1), (2), (3))."""
    if title.marker in _rules()["kept_in_runs"] and title.number_text:
        return title.text + title.number_text
    return title.text


def has_vocabulary(text: str) -> bool:
    """Does ``text`` use the genre's title words? A weak word alone must end it (创建活动, not 活动内容)."""
    rules = _rules()
    return (
        bool(rules["strong"].search(text))
        or bool(rules["weak"].search(text) and rules["weak_end"].search(text))
        or bool(rules["title_opening"].match(text))
    )


def opens_like_title(text: str) -> str:
    """Does ``text`` open like a notice's title, its issuer's name allowed before it (XX局关于开展…)?
    Such a title still reads as one when the page cut its end (…活动的通)."""
    rules = _rules()
    return any(rules["notice_opening"].match(text, start) for start in range(min(len(text), rules["max_unit_prefix"]) + 1))


def ends_like_title(text: str) -> bool:
    """Does ``text`` end with a genre word (…工作计划, …创建活动)?"""
    return bool(_rules()["weak_end"].search(text))


def is_headline(text: str) -> bool:
    """A news headline, not a plan's title: a unit's or a place's name, then a verb of news (某某局扎实开展
    文明单位创建活动, 2025年某某社区召开…推进会; lexicon headline_verbs), no strong genre word at its end."""
    return not _rules()["strong_end"].search(text) and bool(headline_subject(text))


def is_generic(text: str) -> bool:
    """Nothing is left of ``text`` but genre and site words (方案精选, 实用范文, 2025计划)."""
    rules = _rules()
    rest = rules["punct"].sub("", rules["generic"].sub("", text))
    return len(rest) < 2


def is_chrome(line: str) -> bool:
    """A short line of site furniture or an addressee line: never a title."""
    rules = _rules()
    return (len(line) <= rules["max_title"] and bool(rules["furniture"].search(line))) or is_addressee(line)


def has_furniture(line: str) -> bool:
    """Does ``line`` hold a word of site furniture, however long it is (a sharing blurb may run on)?"""
    return bool(_rules()["furniture"].search(line)) or is_addressee(line)


def title_in_chrome(line: str) -> str:
    """The page's title a line of site furniture carries (首页 > 方案 > XX活动方案, 标题：XX活动方案,
    XX活动方案.doc 下载, 某某网 | XX活动方案), its markers off: the first pattern's whose title is one of
    the genre; "" if it carries none."""
    for pattern in _rules()["chrome_titles"]:
        match = pattern.search(line)
        if match:
            title = match["title"].strip()
            text = read_title(title).text
            if has_vocabulary(text) and not is_generic(text) and not is_chrome(title):
                return text
    return ""


def carries_titles(category: str) -> bool:
    """May a removed span of this chrome category hold the page's title (a breadcrumb, an upload
    line; not a list of related documents, whose titles are other pages')?"""
    return category in _rules()["chrome_title_categories"]


def is_numbered(line: str) -> bool:
    """A multi-level number (1.2.2) opens a section heading, never a title."""
    return bool(_rules()["numbered"].match(line))


def is_bare_number(line: str) -> bool:
    """A list number alone on its line (1.), with no text of its own."""
    return bool(_rules()["bare_number"].match(line.strip()))


def number_markers() -> list[str]:
    """Ids of the markers that number a title at its end (compilation markers in split.py)."""
    return [name for name, kind, _ in _rules()["suffixes"] if kind == "number"]


def as_collection(line: str) -> str:
    """A compilation's title as printed, a file's suffix and a word count off."""
    text = line.strip()
    for name, kind, pattern in _rules()["suffixes"]:
        if kind == "site" and name in ("file_suffix", "word_count"):
            text = pattern.sub("", text).strip()
    return text[1:-1] if text.startswith("《") and text.endswith("》") else text


def is_intro(line: str) -> bool:
    """A site's sentence introducing the plan (以下是小编整理的…，仅供参考)."""
    rules = _rules()
    return bool(rules["intro"].search(line)) and bool(rules["clause"].search(line))


def is_addressee(line: str) -> bool:
    return bool(_rules()["addressee"].match(line))


def doc_number_in(lines: list[str]) -> str:
    """The first document number (文号) printed in ``lines``, "" if none."""
    pattern = _rules()["doc_number"]
    for line in lines:
        match = pattern.search(line)
        if match:
            return re.sub(r"\s+", "", match.group(0))
    return ""


def doc_number_line(lines: list[str]) -> str:
    """The document number printed on a line of its own (under a plan's title: 青水发〔2023〕5号), "" if
    no line is only that; a number cited inside a sentence is another document's."""
    pattern = _rules()["doc_number"]
    for line in lines:
        match = pattern.fullmatch(line.strip())
        if match:
            return re.sub(r"\s+", "", match.group(0))
    return ""


def unglue(line: str) -> list[str]:
    """``line`` split where the page glued lines together (a title and its body, a notice and its
    addressees or attachment); the parts, in order, nothing dropped."""
    for pattern in _rules()["glued"]:
        match = pattern.match(line)
        if match:
            parts = [(match.groupdict().get(name) or "").strip() for name in ("head", "addressee", "body")]
            parts = [part for part in parts if part]
            if len(parts) > 1:
                return parts[:-1] + unglue(parts[-1])
    return [line]


def named_in_intro(line: str) -> str:
    """The plan a site's intro sentence names in 《》 (小编整理了…《XX活动方案》，供参考), "" if none
    or if what it names is no title of the genre."""
    if not is_intro(line):
        return ""
    for name in re.findall(r"《([^《》]{4,60})》", line):
        text = read_title(name).text
        if has_vocabulary(text) and not is_generic(text):
            return text
    return ""


def named_in_opening(paragraph: str) -> str:
    """The name a plan's opening gives it (2025年XX工作计划旨在… / 特制定XX方案。), "" if none."""
    rules = _rules()
    opening = "".join(re.split(r"(?<=[。！？])", paragraph)[:3])
    for pattern in rules["opening"]:
        for match in pattern.finditer(opening):
            found = match.groupdict()
            name = found["activity"] + found["kind"] if found.get("activity") else found["name"]
            name = read_title(name).text
            if not rules["generic_name"].match(name) and not is_generic(name):
                return name
    return ""


def descriptive_name(body: list[str], unit: str, years: list[int]) -> str:
    """A name for a plan nothing names: years, unit, and the kind of plan its text is about."""
    rules = _rules()
    text = "".join(body)
    counts = [(sum(text.count(word) for word in words), -order, name) for order, (name, words) in enumerate(rules["kinds"])]
    best = max(counts)
    kind = best[2] if best[0] else rules["default_kind"]
    own = Counter({genre: text.count("本" + genre) for genre in rules["genres"]})
    genre, count = own.most_common(1)[0] if own else ("", 0)
    if count > text.count("本方案") and kind.endswith("方案"):
        kind = kind[: -len("方案")] + genre
    span = f"{years[0]}-{years[-1]}年" if len(years) > 1 else (f"{years[0]}年" if years else "")
    return span + unit + kind
