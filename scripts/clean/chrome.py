"""Strip site chrome (nav bars, publish lines, disclaimers, page markers …) from a page.

Websites wrap every plan in their own furniture. The patterns are data in
``rules/boilerplate.yml`` so a maintainer can teach the cleaner a new site without
touching code; this module only applies them, with two safeguards for plan content:

* context: rules marked ``where: head/tail/edge`` fire only before the first or after the
  last content paragraph (a ``来源:`` line inside an official notice is content);
* doubt: a match outside its zone, or on a very long line, is kept and flagged.

Lines no pattern names are scored (``signals`` in the YAML): a short line outside the article
made of site-furniture words and shapes goes, one with plan vocabulary stays. A content-like
line (long, punctuated, full of the genre's words) stops a block rule; a line rule whose match
leaves a content-like rest keeps the line and flags uncertain_chrome; a notice glued to a sentence
(in brackets, after the last sentence) or metadata glued after a title loses only its piece, and so does any
line's worth of chrome glued after the last sentence of the plan's last line (…同落实。上一篇：某某). Beyond
two copies in a row of a title line, copies left where a page marker was cut from it, a title cut
short or a site's excerpt right above the line they were cut from go; the first or full one stays.
A name right under the title, above the plan, is the page's byline. A repost's tail block (a source,
editor or comment line below every plan sentence, see ``tail_block``) is tail down to the page's end,
and its lines no rule names go with it, but a date and a unit's name over it stay, flagged.

Metadata printed in the chrome (publish date, source, column …) is captured before the
lines go. Removed text is reported exactly, with its 1-based line in the input.
"""
from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from scripts.clean.repair import drop_invisible, is_date_line, is_fragment
from scripts.dates import iso_date
from scripts.models import Flag, PageMeta, RemovedSpan
from scripts.rules import Prefiltered, load_rules, prefiltered

SCOPES = ("line", "inline", "block")
ZONES = ("any", "edge", "head", "tail")
META_FIELDS = ("publish_date", "source", "column", "author", "url")
VALUE_TRIM = " \t\u3000,，。;；:：|｜、【】[]()（）"
# Site chrome repeats on every page of a site, and plans are copied from site to site: the rule
# look-ups of a line are cached, so a line seen before costs one dictionary look-up.
LINE_CACHE = 1 << 15


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    regex: re.Pattern
    scope: str
    where: str = "any"
    flag: str = ""
    until: re.Pattern | None = None
    stop: re.Pattern | None = None
    max_chars: int = 40
    max_lines: int = 20
    needed: frozenset[str] | None = None  # the rule is tried only on lines with one of these characters
    doubt_outside: bool = True  # a match outside the rule's zone is flagged (False: it is plain text there)
    cut_glued: bool = False  # a match glued to a sentence cuts only its piece (see ``glued_reach``)
    first: bool = False  # inline: cut before any line rule is tried (markup hides a line's shape)

    @property
    def name(self) -> str:
        return f"chrome.{self.category}.{self.id}"


@dataclass(frozen=True)
class Signals:
    """The furniture score and the content-like test (``signals`` in rules/boilerplate.yml)."""

    max_chars: int
    min_score: int
    long_max_chars: int
    long_min_score: int
    body_min_score: int  # a short line inside the article needs this much (see ``body_min_score``)
    only_furniture: int
    sentence_mark: re.Pattern
    sentence_penalty: int
    clause_split: re.Pattern
    genre_weight: int
    furniture: re.Pattern  # alternation of furniture words, longest first
    weights: dict
    shapes: tuple[tuple[str, re.Pattern, int], ...]
    genre: re.Pattern  # genre and document words: against a furniture score
    plan_genre: re.Pattern  # genre words only: evidence of plan sentences
    reader: re.Pattern
    separators: re.Pattern  # what may stand between furniture words on an "only furniture" line
    content_min_chars: int
    content_min_genre: int
    content_max_furniture: int
    content_sentence_split: re.Pattern
    content_sentence_min_genre: int
    content_min_plan_sentences: int
    heading: re.Pattern
    menu: re.Pattern  # a row of short labels (see ``menu`` in the YAML)
    menu_separator: re.Pattern
    menu_long_items: int
    menu_long_chars: int
    menu_weight: int
    unit_end: re.Pattern  # an item ending like a unit's name (a row of them is a list of units)


@dataclass(frozen=True)
class Config:
    whole_line: tuple[Rule, ...]  # line and block rules, in file order
    inline: tuple[Rule, ...]
    markup: tuple[Rule, ...]  # inline rules cut first (order: first), in file order
    markup_needs: re.Pattern  # a character one of them needs (they all have ``needs``): most lines have none
    meta_fields: tuple[tuple[str, re.Pattern], ...]
    content_min_chars: int
    stub_max_chars: int  # letters and digits an inline cut may leave of a line and the line still goes
    sentence_mark: re.Pattern
    teaser_end: re.Pattern | Prefiltered
    title_shape: re.Pattern
    title_end: re.Pattern
    after_title: tuple[str, ...]
    after_sentence: tuple[str, ...]  # categories whose line rules take only a piece glued after the last sentence
    after_title_max_chars: int
    paragraph_end: re.Pattern
    whole_line_max_chars: int
    glued_reach: int
    toc: dict
    signals: Signals
    title_max_chars: int
    title_min_chars: int
    gap_title_min_chars: int  # a shorter title-shaped line inside the plans is a heading: no plan begins there
    gap_marks: re.Pattern  # a compilation's mark of its next plan (篇二 / 第2篇)
    title_sentence: re.Pattern
    title_copies: int
    column_label: re.Pattern
    count_suffix: re.Pattern | Prefiltered  # tried on every kept line: behind its prefilter
    title_extra: re.Pattern  # a site's name or address in what a title line has more than the title
    title_extra_not: re.Pattern  # ... and a plan's number there: no site's words
    title_marks: frozenset[str]  # names of the inline rules that cut a site's or a file's mark from a title line
    cut_min_chars: int
    title_cut_chars: int
    cut_lines: int  # how many lines below an excerpt are read as one text
    cut_key: re.Pattern  # a key before an excerpt (简介：)
    cut_ellipsis: re.Pattern | Prefiltered
    byline: re.Pattern
    byline_unit: re.Pattern
    byline_next: tuple[str, ...]
    person_name: re.Pattern
    chunk_number: re.Pattern
    chunk_min_chars: int
    chunk_sentence_end: re.Pattern
    entity: re.Pattern
    link_min_lines: int
    link_bullet: re.Pattern
    link_date: re.Pattern
    link_not: re.Pattern  # a line that is no link (a numbered entry, an attachment), nor are the titles under it
    entity_kept: str  # characters whose entities stay as written
    entity_classes: str  # first letters of the Unicode classes whose entities are decoded
    tail_markers: frozenset[str]  # names of the rules whose line may begin a repost's tail (see ``tail_block``)
    tail_plan_line: re.Pattern  # a line of the plan's structure: no tail block begins above it
    tail_kept: re.Pattern  # a line the tail block keeps and flags (a date: maybe the plan's own)
    tail_sentence: re.Pattern  # with a genre word, a line the tail block keeps and flags (maybe the plan's sentence)
    footer_anchors: frozenset[str]  # names of the rules of a site's footer line (see ``footer_neighbours``)
    footer_min_score: int
    footer_plan_field: re.Pattern  # a plan's own field (时间：…): never the footer's


@dataclass
class ChromeResult:
    text: str  # the kept lines, in order, joined with "\n"
    removed: list[RemovedSpan] = field(default_factory=list)
    meta: PageMeta = field(default_factory=PageMeta)
    flags: list[Flag] = field(default_factory=list)


@dataclass(frozen=True)
class _Hit:
    """A line or block rule matching at ``start``; the block runs to ``last`` (inclusive)."""

    rule: Rule
    match: re.Match
    start: int
    last: int
    stopped_at: int = -1  # a content-like line the block would have taken: kept and flagged
    glued: tuple[int, int] | None = None  # a line rule's match glued to a sentence: only this piece goes


def _rule(category: str, raw: dict) -> Rule:
    scope, where = raw.get("scope", "line"), raw.get("where", "any")
    outside, glued, order = raw.get("outside", "flag"), raw.get("glued", "line"), raw.get("order", "lines")
    bad = outside not in ("flag", "keep") or glued not in ("line", "cut") or order not in ("lines", "first")
    if scope not in SCOPES or where not in ZONES or bad or (order == "first" and (scope != "inline" or where != "any")):
        raise ValueError(f"boilerplate rule {category}.{raw.get('id')}: bad scope/where/outside/glued/order {scope}/{where}/{outside}/{glued}/{order}")
    return Rule(
        id=raw["id"],
        category=category,
        regex=re.compile(raw["regex"]),
        scope=scope,
        where=where,
        flag=raw.get("flag", ""),
        until=re.compile(raw["until"]) if raw.get("until") else None,
        stop=re.compile(raw["stop"]) if raw.get("stop") else None,
        max_chars=int(raw.get("max_chars", 40)),
        max_lines=int(raw.get("max_lines", 20)),
        needed=frozenset(raw["needs"]) if raw.get("needs") else None,
        doubt_outside=outside == "flag",
        cut_glued=glued == "cut",
        first=order == "first",
    )


def _any_needed(rules: list[Rule]) -> re.Pattern:
    """One character class of what any of ``rules`` needs; a rule without ``needs`` may match anything."""
    if any(r.needed is None for r in rules):
        return re.compile("")
    return re.compile("[" + re.escape("".join(sorted(frozenset().union(*(r.needed for r in rules))))) + "]")


def _alternation(words) -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _signals(raw: dict, unit_end: str) -> Signals:
    weights = {w: int(weight) for weight, words in raw["furniture_words"].items() for w in words}
    content = raw["content_like"]
    return Signals(
        max_chars=int(raw["max_chars"]),
        min_score=int(raw["min_score"]),
        long_max_chars=int(raw["long_max_chars"]),
        long_min_score=int(raw["long_min_score"]),
        body_min_score=int(raw["body_min_score"]),
        only_furniture=int(raw["only_furniture"]),
        sentence_mark=re.compile(raw["sentence_mark"]),
        sentence_penalty=int(raw["sentence_penalty"]),
        clause_split=re.compile(raw["clause_split"]),
        genre_weight=int(raw["genre_weight"]),
        furniture=_alternation(weights),
        weights=weights,
        shapes=tuple((x["id"], re.compile(x["regex"]), int(x["weight"])) for x in raw["shapes"]),
        genre=_alternation(raw["genre_words"] + raw["document_words"]),
        plan_genre=_alternation(raw["genre_words"]),
        reader=_alternation(content["reader_words"]),
        separators=re.compile(r"[\s|｜/·•\-—>＞›»:：,，、()（）\[\]【】#*\d." + raw["icon_marks"] + "]+"),
        content_min_chars=int(content["min_chars"]),
        content_min_genre=int(content["min_genre"]),
        content_max_furniture=int(content["max_furniture"]),
        content_sentence_split=re.compile(content["plan_sentences"]["split"]),
        content_sentence_min_genre=int(content["plan_sentences"]["min_genre"]),
        content_min_plan_sentences=int(content["plan_sentences"]["min_count"]),
        heading=re.compile(raw["heading"]),
        menu=re.compile(raw["menu"]["row"]),
        menu_separator=re.compile(raw["menu"]["separator"]),
        menu_long_items=int(raw["menu"]["min_long_items"]),
        menu_long_chars=int(raw["menu"]["long_item_chars"]),
        menu_weight=int(raw["menu"]["weight"]),
        unit_end=re.compile(unit_end),
    )


@lru_cache(maxsize=1)
def _config() -> Config:
    """Compile rules/boilerplate.yml once per process."""
    data = load_rules("boilerplate")
    rules = [_rule(cat, raw) for cat, raws in data["categories"].items() for raw in raws]
    names = [r.name for r in rules]
    if len(names) != len(set(names)):
        raise ValueError("boilerplate rule ids must be unique within a category")
    zones = data["zones"]
    return Config(
        whole_line=tuple(r for r in rules if r.scope != "inline"),
        inline=tuple(r for r in rules if r.scope == "inline" and not r.first),
        markup=tuple(r for r in rules if r.first),
        markup_needs=_any_needed([r for r in rules if r.first]),
        meta_fields=tuple((k, re.compile(v)) for k, v in data["meta_fields"].items()),
        content_min_chars=int(zones["content_min_chars"]),
        stub_max_chars=int(zones["stub_max_chars"]),
        sentence_mark=re.compile(zones["sentence_mark"]),
        teaser_end=prefiltered(zones["teaser_end"]),
        title_shape=re.compile(zones["title_shape"]),
        title_end=re.compile(zones["title_end"]),
        after_title=tuple(zones["after_title_categories"]),
        after_sentence=tuple(zones["after_sentence_categories"]),
        after_title_max_chars=int(zones["after_title_max_chars"]),
        paragraph_end=re.compile(zones["paragraph_end"]),
        whole_line_max_chars=int(zones["whole_line_max_chars"]),
        glued_reach=int(zones["glued_reach"]),
        toc=data["toc"],
        signals=_signals(data["signals"], data["byline"]["unit_end"]),
        title_max_chars=int(data["repeated_title"]["max_chars"]),
        title_min_chars=int(data["repeated_title"]["min_chars"]),
        gap_title_min_chars=int(zones["gap_title_min_chars"]),
        gap_marks=re.compile(zones["gap_marks"]),
        title_sentence=re.compile(data["repeated_title"]["sentence_mark"]),
        title_copies=int(data["repeated_title"]["copies_kept"]),
        column_label=re.compile(data["repeated_title"]["column_label"]),
        count_suffix=prefiltered(data["repeated_title"]["count_suffix"]),
        title_extra=re.compile(data["repeated_title"]["site_extra"]),
        title_extra_not=re.compile(data["repeated_title"]["plan_extra"]),
        title_marks=_rule_names(data["repeated_title"]["mark_rules"], names, "repeated_title.mark_rules"),
        cut_min_chars=int(data["cut_copies"]["min_chars"]),
        title_cut_chars=int(data["cut_copies"]["title_cut_chars"]),
        cut_lines=int(data["cut_copies"]["max_lines"]),
        cut_key=re.compile(data["cut_copies"]["key"]),
        cut_ellipsis=prefiltered(data["cut_copies"]["ellipsis"]),
        byline=re.compile(data["byline"]["shape"]),
        byline_unit=re.compile(data["byline"]["unit_end"]),
        byline_next=tuple(data["byline"]["next_removed_as"]),
        person_name=re.compile(data["byline"]["person_name"]),
        chunk_number=re.compile(data["page_chunks"]["number"]),
        chunk_min_chars=int(data["page_chunks"]["min_chars"]),
        chunk_sentence_end=re.compile(data["page_chunks"]["sentence_end"]),
        entity=re.compile(data["html_entities"]["pattern"]),
        link_min_lines=int(data["link_runs"]["min_lines"]),
        link_bullet=re.compile(data["link_runs"]["bullet"]),
        link_date=re.compile(data["link_runs"]["date"]),
        link_not=re.compile(data["link_runs"]["not_a_link"]),
        entity_kept=data["html_entities"]["kept"],
        entity_classes=data["html_entities"]["classes"],
        tail_markers=_rule_names(data["tail_block"]["markers"], names, "tail_block.markers"),
        tail_plan_line=re.compile(data["tail_block"]["plan_line"]),
        tail_kept=re.compile(data["tail_block"]["kept"]),
        tail_sentence=re.compile(data["tail_block"]["sentence"]),
        footer_anchors=_rule_names(data["footer_neighbours"]["anchors"], names, "footer_neighbours.anchors"),
        footer_min_score=int(data["footer_neighbours"]["min_score"]),
        footer_plan_field=re.compile(data["footer_neighbours"]["plan_field"]),
    )


def _rule_names(wanted: list[str], names: list[str], key: str) -> frozenset[str]:
    """The full names (chrome.<category>.<id>) of the rules listed as <category>.<id>; a name no rule has is an error."""
    full = frozenset(f"chrome.{name}" for name in wanted)
    unknown = sorted(full - set(names))
    if unknown:
        raise ValueError(f"boilerplate {key}: no such rule {', '.join(unknown)}")
    return full


@lru_cache(maxsize=LINE_CACHE)
def furniture_score(line: str) -> tuple[int, str]:
    """Score of a short line as site furniture, and the signals that made it (see ``signals``)."""
    sig = _config().signals
    text = line.strip()
    if not text or len(text) > sig.long_max_chars:
        return 0, ""
    found = dict.fromkeys(m.group() for m in sig.furniture.finditer(text))
    parts = [f"{w}+{sig.weights[w]}" for w in found]
    score = sum(sig.weights[w] for w in found)
    for name, rx, weight in sig.shapes:
        if rx.search(text):
            score += weight
            parts.append(f"{name}+{weight}")
    if found and not sig.separators.sub("", sig.furniture.sub("", text)):
        score += sig.only_furniture
        parts.append(f"only_furniture+{sig.only_furniture}")
    if _is_menu(text, sig):
        score += sig.menu_weight
        parts.append(f"menu+{sig.menu_weight}")
        return score, f"furniture score {score}: " + " ".join(parts)  # labels, not sentences: genre words say nothing
    genre = set(sig.genre.findall(text))
    if genre:
        score -= sig.genre_weight * len(genre)
        parts.append(f"genre-{sig.genre_weight * len(genre)}")
    clauses = filter(None, sig.clause_split.split(text))
    if sig.sentence_mark.search(text) and (genre or not all(map(sig.furniture.search, clauses))):
        score -= sig.sentence_penalty
        parts.append(f"sentence-{sig.sentence_penalty}")
    return score, f"furniture score {score}: " + " ".join(parts)


def _is_menu(text: str, sig: Signals) -> bool:
    """A row of short labels (a menu, a tag cloud): enough long ones, fewer than half named like units."""
    if not sig.menu.fullmatch(text):
        return False
    items = sig.menu_separator.split(text)
    units = sum(bool(sig.unit_end.search(item)) for item in items)
    return sum(len(item) >= sig.menu_long_chars for item in items) >= sig.menu_long_items and 2 * units < len(items)


@lru_cache(maxsize=LINE_CACHE)
def content_like(line: str) -> bool:
    """A line that reads as plan text: long, punctuated, several genre words, (almost) no furniture."""
    sig = _config().signals
    text = line.strip()
    if len(text) < sig.content_min_chars or not sig.sentence_mark.search(text):
        return False
    if _plan_sentences(text, sig) >= sig.content_min_plan_sentences:
        return True
    genre, furniture = _genre_and_furniture(text, sig)
    return len(genre) >= sig.content_min_genre and len(furniture) <= sig.content_max_furniture


def _genre_and_furniture(text: str, sig: Signals) -> tuple[set[str], set[str]]:
    """The distinct genre words of ``text``, and its distinct furniture and reader words."""
    return set(sig.plan_genre.findall(text)), set(sig.furniture.findall(text)) | set(sig.reader.findall(text))


def _plan_sentences(text: str, sig: Signals) -> int:
    """Sentences that read as a plan's, each counted alone: on a page without line breaks the site's furniture
    shares the one line with the plan, and the line's furniture words must not outvote its sentences."""
    count = 0
    for sentence in sig.content_sentence_split.split(text):
        genre, furniture = _genre_and_furniture(sentence, sig)
        count += len(genre) >= sig.content_sentence_min_genre and len(furniture) <= sig.content_max_furniture
    return count


def _unmatched(line: str, m: re.Match) -> str:
    """The line without what a rule matched: whether *that* reads as plan content decides doubt."""
    return line[: m.start()] + line[m.end() :]


def _is_furniture(line: str, cfg: Config, zone: str = "head") -> bool:
    """A furniture line by its score; inside the article (or on a page without one) only a short label (no digit,
    no sentence punctuation) with a score of ``body_min_score``: a plan's own short lines (headings, fields with
    their dates and numbers, sentences) score low or have digits or punctuation, a site's widget does not."""
    sig = cfg.signals
    short = len(line.strip()) <= sig.max_chars
    if zone in ("body", "any"):
        label = short and not any(ch.isdigit() for ch in line) and not sig.sentence_mark.search(line.strip())
        return label and furniture_score(line)[0] >= sig.body_min_score
    return furniture_score(line)[0] >= (sig.min_score if short else sig.long_min_score)


def _block_last(lines: list[str], start: int, rule: Rule) -> tuple[int, int]:
    """Last line of a block: the short lines after its start, or up to a line matching ``until``.

    Also returns the content-like line the block stopped before, within its reach (else -1)."""
    last, taken = start, 0
    for j in range(start + 1, len(lines)):
        line = lines[j].strip()
        if not line:
            continue
        if taken >= rule.max_lines or len(line) > rule.max_chars or (rule.stop and _stops_block(line, rule)):
            break
        if content_like(line):
            return last, j  # the plan resumes: a block never runs into it
        if _config().signals.heading.search(line):
            break
        last, taken = j, taken + 1
        if rule.until and rule.until.search(line):
            break
    return last, -1


def _stops_block(line: str, rule: Rule) -> bool:
    """A block stops at its ``stop`` line unless another rule claims that line whole (上一篇：…方案 looks like a
    title but is chrome): it goes either way, so the block must not end there, or a second cleaning, which no
    longer sees the line, would find a longer block than the first."""
    if not rule.stop.search(line):
        return False
    found = _first_rule(line)
    return found is None or found[0] is rule


def _hit(lines: list[str], i: int, rule: Rule, m: re.Match) -> _Hit:
    if rule.scope == "line":
        cfg = _config()
        after_title = _after_title(lines[i], rule, cfg) if rule.category in cfg.after_title else None
        after = rule.cut_glued or rule.category in cfg.after_sentence
        glued = after_title or (_glued_piece(lines[i], m, cfg, anywhere=rule.cut_glued) if after else None)
        return _Hit(rule, m, i, i, glued=glued)
    last, content = _block_last(lines, i, rule) if rule.scope == "block" else (i, -1)
    return _Hit(rule, m, i, last, content)


OPENERS, CLOSERS = "(（【[", ")）】]"
SENTENCE_END = "。！？!?"


def _first_sentence_end(line: str, start: int = 0) -> int:
    """Where the first sentence end at or after ``start`` stands in ``line``, or -1."""
    return min((j for j in (line.find(c, start) for c in SENTENCE_END) if j >= 0), default=-1)


def _glued_piece(line: str, m: re.Match, cfg: Config, anywhere: bool) -> tuple[int, int] | None:
    """Where a line rule's match sits in a line that is a sentence without it: the brackets around it
    (（转载请注明出处）), the piece after the last sentence end (…落到实处。--本文来源于网络) or the piece
    before the first one (``anywhere``: rules with ``glued: cut``); for the other line rules of the categories of
    ``zones.after_sentence_categories`` only a piece after the last sentence end that is no sentence itself
    (…同落实。点击下载全文). None when the rest is no sentence of ``content_min_chars``: the line goes whole."""
    piece = _brackets_around(line, m, cfg.glued_reach) if anywhere else None
    if piece is None:
        last_end = max(line.rfind(c, 0, m.start()) for c in SENTENCE_END)
        first_end = _first_sentence_end(line, m.end())
        ends_there = first_end < 0 or (anywhere and first_end == len(line.rstrip()) - 1)
        if last_end >= 0 and ends_there and len(line) - last_end <= cfg.glued_reach:
            piece = last_end + 1, len(line)
        elif anywhere and last_end < 0 and 0 <= first_end < cfg.glued_reach:
            piece = 0, first_end + 1
        else:
            return None
    rest = line[: piece[0]] + line[piece[1] :]
    return piece if _holds_a_sentence(rest, cfg) and not _rest_is_chrome(rest) else None


def _trailing_chrome(line: str, cfg: Config) -> tuple[int, str, str, str] | None:
    """Chrome glued after the last sentence of the plan's last line (…同落实。上一篇：某某 / …落实。（完）): the text
    after the line's last sentence end, at most ``glued_reach`` long, the rest holding a sentence, which would go as
    a line of its own below the plan (a line or block rule of the tail, or the furniture score). Returns where the
    piece starts, its rule's name and category, and the reason; None when the line ends with its sentence."""
    text = line.rstrip()
    end = max(text.rfind(c) for c in SENTENCE_END)
    piece = text[end + 1 :].strip()
    if end < 0 or not piece or len(piece) > cfg.glued_reach or not _holds_a_sentence(text[: end + 1], cfg):
        return None
    reason = "glued after the last sentence: only this piece goes"
    for rule, _ in _matching_rules(piece):
        if rule.scope != "inline" and _in_zone(rule.where, "tail"):
            return end + 1, rule.name, rule.category, reason
    if _is_furniture(piece, cfg):
        return end + 1, "chrome.furniture.score", "furniture", f"{reason}; {furniture_score(piece)[1]}"
    return None


def _cut_trailing(walk: _Walk, i: int, line: str, cfg: Config) -> str:
    """The plan's last line without the chrome glued after its last sentence (see ``_trailing_chrome``)."""
    found = _trailing_chrome(line, cfg)
    if found is None:
        return line
    start, name, category, reason = found
    walk.removed.append(RemovedSpan(name, category, line[start:], i + 1, reason))
    _capture(walk.meta, None, line[start:], cfg)
    return line[:start]


def _rest_is_chrome(rest: str) -> bool:
    """Whether what is left of a line once its glued piece is cut is itself named by a line or block rule
    (免责声明：本文档由用户上传… 如有侵权请联系删除。): a notice glued to a notice goes whole, not in halves."""
    return _first_rule(rest.strip()) is not None


def _after_title(line: str, rule: Rule, cfg: Config) -> tuple[int, int] | None:
    """The chrome after a title it is glued to (某某方案 发布时间:… 来源:…): the longest title-shaped start
    of the line after which the rule still matches; that rest goes, the title stays. A rest with a sentence
    end or longer than ``after_title_max_chars`` holds text of the plan: None."""
    ends = [m.end() for m in cfg.title_end.finditer(line)]
    for end in reversed(ends):
        title, rest = line[:end], line[end:]
        short = len(rest) <= cfg.after_title_max_chars and not any(c in rest for c in SENTENCE_END)  # no text of the plan
        if short and rest.strip() and _search(rule, rest) and cfg.title_shape.search(title) and not _search(rule, title):
            return (end, len(line)) if not _is_furniture(title, cfg) else None
    return None


def _brackets_around(line: str, m: re.Match, reach: int) -> tuple[int, int] | None:
    start = next((j for j in range(m.start(), max(-1, m.start() - reach), -1) if line[j] in OPENERS + CLOSERS), -1)
    end = next((j for j in range(m.end() - 1, min(len(line), m.end() + reach)) if line[j] in OPENERS + CLOSERS), -1)
    if start >= 0 and end > start and line[start] in OPENERS and line[end] in CLOSERS:
        return start, end + 1
    return None


def _without_glued(line: str, hit: _Hit | None) -> str:
    if hit is None or hit.glued is None:
        return line
    a, b = hit.glued
    return _splice(line[:a], line[b:])


def _find_hits(lines: list[str]) -> dict[int, _Hit]:
    """The first line/block rule matching each line, whatever its zone (for the content bounds)."""
    return {i: _hit(lines, i, *found) for i, line in enumerate(lines) for found in [_first_rule(line)] if found}


@lru_cache(maxsize=LINE_CACHE)
def _first_rule(line: str) -> tuple[Rule, re.Match] | None:
    chars = set(line)
    for rule in _config().whole_line:
        m = _search(rule, line, chars)
        if m:
            return rule, m
    return None


def _zone_hit(lines: list[str], i: int, zone: str, first: _Hit | None) -> _Hit | None:
    """The first rule matching line ``i`` that applies in its zone, else the first matching one."""
    if first is None or _in_zone(first.rule.where, zone):
        return first
    for rule, m in _matching_rules(lines[i])[1:]:
        if _in_zone(rule.where, zone):
            return _hit(lines, i, rule, m)
    return first


def _matching_rules(line: str) -> tuple[tuple[Rule, re.Match], ...]:
    """Every line/block rule matching ``line``, in file order (asked only when the first is out of zone)."""
    chars = set(line)
    return tuple((rule, m) for rule in _config().whole_line for m in [_search(rule, line, chars)] if m)


def _content_bounds(
    lines: list[str], hits: dict[int, _Hit], cfg: Config
) -> tuple[tuple[int, int] | None, int, dict[int, str], dict[int, int]]:
    """First and last content paragraph: long sentences no rule claimed, not teasers, not titles;
    where a repost's tail block begins (``_tail_block``), -1 when there is none; the lines in that
    block the block keeps (``_tail_sentences``); and the lines between two plans (``_plan_gaps``).
    A paragraph in that block is no content paragraph.

    A paragraph is a line, or a run of lines a hard wrap cut from one (``_wrapped_runs``), read as
    one text: the repair stage joins the run, and the second cleaning must find the same zones."""
    claimed = {j for h in hits.values() if h.glued is None for j in range(h.start, h.last + 1)}
    # as a second cleaning sees each line: without its inline chrome and its glued chrome
    seen = [_cut_inline(_without_glued(raw, hits.get(i)), "any")[0] for i, raw in enumerate(lines)]
    anchors = [[i] for i in range(len(lines)) if i not in claimed and _reads_as_content(seen[i], cfg)]
    alone = {i for [i] in anchors}
    runs = _wrapped_runs(seen, claimed, cfg)
    for run in runs:
        # a run holding a paragraph by itself is no hard wrap: the short lines by it (a name over the plan) stay lines
        if alone.isdisjoint(run) and _reads_as_content("".join(seen[i].strip() for i in run), cfg):
            anchors.append(run)
    if not anchors:
        return None, -1, {}, {}
    block = _tail_block(seen, claimed, hits, anchors, runs, cfg)
    last = max(j for run in anchors for j in run if block < 0 or j < block)
    named = {i for i, h in hits.items() if h.glued is None}  # a block's later lines may be a title: it ends there
    gaps = _plan_gaps(seen, named, sorted(j for run in anchors for j in run if j <= last), cfg)
    return (min(run[0] for run in anchors), last), block, _tail_sentences(seen, claimed, runs, block, cfg), gaps


def _plan_gaps(seen: list[str], named: set[int], paragraphs: list[int], cfg: Config) -> dict[int, int]:
    """The lines between one plan's last paragraph and the title of the next plan on the page (a compilation), each with
    where that title stands: the first plan's tail, where its tail rules apply as below the page's last plan (上一篇：… /
    本文来源：… / 扫码关注…), and a block stops before the title. A head rule does not apply: the first plan's 落款 date is
    there. The title is the last title-shaped line before the next paragraph (the titles of a link list above it are
    the gap's), unnumbered (a plan's heading 三、工作计划 is none) and at least ``gap_title_min_chars`` letters long (a
    heading 工作安排 is none either); and a plan ends there: a date line (its 落款) or a compilation's mark (篇二 / 第2篇,
    ``gap_marks``) is in the gap or on the title's line. A title-shaped line under a plan's own fields (时间：… 地点：…)
    is no new plan: those stay the plan's body."""
    gaps: dict[int, int] = {}
    for t, line in enumerate(seen):
        if t in named or not paragraphs[0] < t < paragraphs[-1] or not cfg.title_shape.search(line):
            continue
        if cfg.tail_plan_line.search(line) or sum(ch.isalnum() for ch in line) < cfg.gap_title_min_chars:
            continue
        above = paragraphs[bisect_right(paragraphs, t) - 1]
        gap = [j for j in range(above + 1, t) if seen[j].strip()]
        if cfg.gap_marks.search(line) or any(is_date_line(seen[j].strip()) or cfg.gap_marks.search(seen[j]) for j in gap):
            gaps.update((j, t) for j in gap)
    return gaps


def _tail_sentences(seen: list[str], claimed: set[int], runs: list[list[int]], block: int, cfg: Config) -> dict[int, str]:
    """The lines of a tail block that read as a sentence in the genre's words (``_plan_sentence``), alone or
    as a hard-wrapped run: maybe the plan's own, so kept. Maps each such line to the sentence's text on its
    first line and to "" on the others (one flag per sentence)."""
    if block < 0:
        return {}
    pieces = [run for run in runs if run[0] >= block]
    wrapped = {j for run in pieces for j in run}
    pieces += [[j] for j in range(block, len(seen)) if j not in claimed and j not in wrapped]
    kept: dict[int, str] = {}
    for run in pieces:
        text = "".join(seen[j].strip() for j in run)
        if _plan_sentence(text, cfg):
            kept.update({j: "" for j in run} | {run[0]: text})
    return kept


def _tail_block(seen: list[str], claimed: set[int], hits: dict[int, _Hit], anchors: list[list[int]], runs: list[list[int]], cfg: Config) -> int:
    """The first line a marker rule of ``tail_block`` names, below the first content paragraph and below
    every plan sentence (a paragraph, a line of the plan's structure no rule claimed), and not inside a
    hard-wrapped paragraph (a run of ``runs`` around it): the repost's tail begins there; -1 when there is
    none. A run bridging lines a rule claimed is no plan sentence here: a list's headlines and a reader's
    comment between the tail's own lines do not join into one."""
    plan = [run[-1] for run in anchors if not _bridges(run, claimed, seen)]
    plan += [j for j, line in enumerate(seen) if j not in claimed and cfg.tail_plan_line.search(line)]
    after = max(min(run[0] for run in anchors), max(plan, default=-1))
    inside = {j for run in runs for j in range(run[0] + 1, run[-1])}
    return min((i for i, h in hits.items() if i > after and i not in inside and h.rule.name in cfg.tail_markers), default=-1)


def _signature_line(lines: list[str], i: int, cfg: Config) -> bool:
    """A date alone on its line (``tail_block.kept``), or a unit's name right above one: maybe the plan's signature."""
    if cfg.tail_kept.search(lines[i]):
        return True
    below = next((line for line in lines[i + 1 :] if line.strip()), "")
    return bool(cfg.byline_unit.search(lines[i].strip()) and cfg.tail_kept.search(below))


def _plan_sentence(line: str, cfg: Config) -> bool:
    """A sentence (``tail_block.sentence``) with a genre word, however short: maybe the plan's own.
    Read without its spaces, as the repair stage prints 开 展 志 愿 服 务 ， …"""
    text = "".join(line.split())
    return bool(cfg.tail_sentence.search(text) and cfg.signals.plan_genre.search(text))


def _bridges(run: list[int], claimed: set[int], lines: list[str]) -> bool:
    """Whether a run of lines steps over a non-blank line a rule claimed."""
    return any(j in claimed and lines[j].strip() for a, b in zip(run, run[1:]) for j in range(a + 1, b))


def _holds_a_sentence(text: str, cfg: Config) -> bool:
    # 精 神 文 明 counts as the repair stage will print it
    return len(text) - _spaces(text) >= cfg.content_min_chars and bool(cfg.sentence_mark.search(text))


def _reads_as_content(text: str, cfg: Config) -> bool:
    return (
        _holds_a_sentence(text, cfg)
        and not cfg.teaser_end.search(text)
        and not cfg.title_shape.search(text)
        and not _is_furniture(text, cfg)
    )


def _wrapped_runs(lines: list[str], claimed: set[int], cfg: Config) -> list[list[int]]:
    """Runs of two lines or more a hard wrap cut from one paragraph: each but the last ends mid-sentence.

    Blank lines, lines a rule claimed and furniture lines are not in a run and do not end it: either
    they go, and the second cleaning does not see them, or they stay and it skips them again. A
    title is no part of a paragraph; a numbered heading begins one, and is one by itself unless
    it runs on into a sentence (the repair stage joins no line to a short heading), and a date line is a paragraph
    of its own (nor does it join one to a date: a plan's 落款 ends its last paragraph)."""
    runs: list[list[int]] = [[]]
    filled = [i for i, line in enumerate(lines) if line.strip()]
    dates = {i for i in filled if is_date_line(lines[i].strip())}
    for n, i in enumerate(filled):
        line = lines[i]
        if i in claimed or _is_furniture(line, cfg):
            continue
        if cfg.title_shape.search(line) or i in dates:
            runs.append([])
            continue
        heading = bool(cfg.signals.heading.search(line))
        if heading:
            runs.append([])
        runs[-1].append(i)
        ends = cfg.paragraph_end.search(line) or (heading and not cfg.sentence_mark.search(line))
        if ends or (n + 1 < len(filled) and filled[n + 1] in dates):
            runs.append([])
    return [run for run in runs if len(run) > 1]


def _spaces(line: str) -> int:
    return len(line) - len("".join(line.split()))  # split() breaks on exactly the str.isspace() characters


def _zone(i: int, bounds: tuple[int, int] | None) -> str:
    """Where line ``i`` lies: "head", "body" or "tail"; "any" when the page has no content paragraph."""
    if bounds is None:
        return "any"
    return "head" if i < bounds[0] else "tail" if i > bounds[1] else "body"


def _in_zone(where: str, zone: str) -> bool:
    return where in ("any", zone) or zone == "any" or (where == "edge" and zone in ("head", "tail"))


def _capture(meta: dict, match: re.Match | None, text: str, cfg: Config) -> None:
    """Fill empty metadata fields from a rule's named groups, then from ``meta_fields``."""
    found = [(k, v) for k, v in (match.groupdict() if match else {}).items() if k in META_FIELDS and v]
    found += [(k, m.group(1)) for k, rx in cfg.meta_fields for m in [rx.search(text)] if m]
    for key, value in found:
        value = iso_date(value) if key == "publish_date" else value.strip(VALUE_TRIM)
        if value and not meta.get(key):
            meta[key] = value


def _splice(left: str, right: str) -> str:
    """Join the text around a cut: no gap between CJK, one space between Latin words."""
    l, r = left.rstrip(), right.lstrip()
    if not l:
        return left + r  # keep the indentation of a line that began with the cut
    if not r:
        return l
    latin = l[-1].isascii() and l[-1].isalnum() and r[0].isascii() and r[0].isalnum()
    return l + (" " if latin else "") + r


def _search(rule: Rule, line: str, chars: set[str] | None = None) -> re.Match | None:
    """``rule``'s match in ``line``, tried only when the line holds a character the rule needs (``chars``: the
    line's characters, when the caller tries many rules on one line)."""
    if rule.needed is not None and rule.needed.isdisjoint(set(line) if chars is None else chars):
        return None
    return rule.regex.search(line)


@lru_cache(maxsize=None)
def _inline_rules(zone: str) -> tuple[Rule, ...]:
    return tuple(r for r in _config().inline if _in_zone(r.where, zone))


@lru_cache(maxsize=LINE_CACHE)
def _cut_inline(line: str, zone: str) -> tuple[str, tuple[tuple[Rule, re.Match], ...]]:
    """Cut every inline match of the rules that apply in ``zone`` out of the line, rule by rule."""
    if zone != "any" and not _cut_inline(line, "any")[1]:
        return line, ()  # no rule of any zone matches (most lines): one pass, cached, serves every zone
    return _cut(line, _inline_rules(zone))


@lru_cache(maxsize=LINE_CACHE)
def _cut_markup(line: str) -> tuple[str, tuple[tuple[Rule, re.Match], ...]]:
    """The line without its markup (``order: first`` rules), as a reader of the page sees it."""
    return _cut(line, _config().markup)


def _cut(line: str, rules: tuple[Rule, ...]) -> tuple[str, tuple[tuple[Rule, re.Match], ...]]:
    cuts, chars = [], set(line)
    for rule in rules:
        if not _search(rule, line, chars):
            continue  # most lines match no inline rule: no iterator, no list
        matches = [m for m in rule.regex.finditer(line) if m.end() > m.start()]
        if not matches:
            continue
        gaps = [line[a:b] for a, b in zip([0] + [m.end() for m in matches], [m.start() for m in matches] + [len(line)])]
        joined = gaps[0]
        for gap in gaps[1:]:
            joined = _splice(joined, gap)
        cuts += [(rule, m) for m in matches]
        line, chars = joined, set(joined)
    return line, tuple(cuts)


def _toc_entries(kept: list[str], cfg: Config) -> tuple[list[int], int | None]:
    """Positions (in ``kept``) of a table of contents dumped before the body.

    The first copy goes only if every entry appears again later, in order, mostly
    separated by text (a duplicated heading run is not a table of contents). Returns
    the positions to remove and the position of a 目录 header that was kept for doubt.
    """
    toc = cfg.toc
    header_rx, leader = re.compile(toc["header"]), re.compile(toc["leader"])
    nonblank = [p for p, line in enumerate(kept) if line.strip()]
    header = next((n for n in range(min(3, len(nonblank))) if header_rx.search(kept[nonblank[n]])), None)
    least = toc["min_entries"] if header is None else toc["min_entries_with_header"]

    def key(line: str) -> str:
        return "".join(leader.sub("", line).split())

    run, keys = [], []  # positions in ``nonblank`` of the candidate entries, and their keys
    cover = {key(kept[nonblank[n]]) for n in range(header or 0)}  # the lines above the header: the title
    for n in range(0 if header is None else header + 1, min(len(nonblank), toc["max_entries"])):
        line = kept[nonblank[n]].strip()
        if len(line) > toc["max_entry_chars"] or cfg.sentence_mark.search(line) or key(line) in {*keys, *cover} or is_fragment(line):
            break  # the body begins: a sentence, an entry coming round again, the title again, or text broken one word per line
        run.append(n)
        keys.append(key(line))
    numbered = [i for i, n in enumerate(run) if leader.search(kept[nonblank[n]])]
    if numbered:  # entries that carry page numbers end at the last one: a title line under them is the body's
        run, keys = run[: numbered[-1] + 1], keys[: numbered[-1] + 1]
    doubtful = None if header is None else nonblank[header]
    if len(run) < least:
        return [], doubtful

    wanted, firsts = set(keys), {k[0] for k in keys}
    later: dict[str, list[int]] = {}  # key -> positions in ``nonblank`` after the run
    for n in range(run[-1] + 1, len(nonblank)):
        line = kept[nonblank[n]].lstrip()
        if line[:1] in firsts and len(line) <= toc["max_entry_chars"] + 10 and key(line) in wanted:
            later.setdefault(key(line), []).append(n)

    def reappears(entry_keys: list[str]) -> bool:
        spots = [-1]
        for k in entry_keys:
            found = later.get(k, [])
            nxt = bisect_right(found, spots[-1])
            if nxt == len(found):
                return False
            spots.append(found[nxt])
        gaps = [b - a > 1 for a, b in zip(spots[1:], spots[2:])]  # text between two entries
        return sum(gaps) * 2 >= len(gaps)

    for j in [0] if header is not None else range(len(run) - least + 1):
        if reappears(keys[j:]):
            entries = ([header] if header is not None else []) + run[j:]
            return [nonblank[n] for n in entries], None
    return [], doubtful


@dataclass
class _Walk:
    """What the walk over the page has collected; flags point at input lines until the end."""

    kept: list[tuple[int, str]] = field(default_factory=list)  # (input index, text)
    removed: list[RemovedSpan] = field(default_factory=list)
    flags: list[tuple[int, str, str, str]] = field(default_factory=list)  # (input index, kind, excerpt, detail)
    meta: dict[str, str] = field(default_factory=dict)
    marked: set[int] = field(default_factory=set)  # input lines a page marker was cut from
    title_marked: set[int] = field(default_factory=set)  # input lines a site's or a file's mark was cut from


def _excerpt(line: str, m: re.Match) -> str:
    return line[max(0, m.start() - 20) : m.end() + 20].strip()


def _remove_hit(walk: _Walk, lines: list[str], hit: _Hit, cfg: Config) -> None:
    rule = hit.rule
    for j in range(hit.start, hit.last + 1):
        if lines[j].strip():
            walk.removed.append(RemovedSpan(rule.name, rule.category, lines[j], j + 1))
            _capture(walk.meta, hit.match if j == hit.start else None, lines[j], cfg)
    if rule.flag:
        walk.flags.append((hit.start, rule.flag, lines[hit.start].strip()[:80], rule.name))
    if hit.stopped_at >= 0:
        detail = f"{rule.name} stopped before this line: it reads as plan content"
        walk.flags.append((hit.stopped_at, "uncertain_chrome", lines[hit.stopped_at].strip()[:80], detail))


def _keep_line(walk: _Walk, i: int, line: str, zone: str, cfg: Config, last: bool = False) -> None:
    """Keep the line minus its inline chrome (and, on the plan's ``last`` line, the chrome glued after its last
    sentence); drop it if only punctuation or a stub of the chrome's own words is left (see ``zones.stub_max_chars``)."""
    new_line, cuts = _cut_inline(line, zone)
    _record_cuts(walk, i, cuts, cfg)
    if last:
        new_line = _cut_trailing(walk, i, new_line, cfg)
    if not cuts or not _stub(new_line, cuts, cfg):
        walk.kept.append((i, new_line))
    elif new_line.strip():
        rule = cuts[-1][0]
        walk.removed.append(RemovedSpan(rule.name, rule.category, new_line, i + 1))


def _stub(rest: str, cuts: tuple[tuple[Rule, re.Match], ...], cfg: Config) -> bool:
    """What inline cuts left of a line is a stub of the chrome: at most ``stub_max_chars`` letters and digits, and
    fewer than the cuts took (a heading that only lost its markup, #### 引言, keeps its word)."""
    left = sum(ch.isalnum() for ch in rest)
    return left <= cfg.stub_max_chars and left < sum(ch.isalnum() for _, m in cuts for ch in m.group(0))


def _record_cuts(walk: _Walk, i: int, cuts: tuple[tuple[Rule, re.Match], ...], cfg: Config) -> None:
    for rule, m in cuts:
        walk.removed.append(RemovedSpan(rule.name, rule.category, m.group(0), i + 1))
        _capture(walk.meta, m, m.group(0), cfg)
        if rule.flag:
            walk.flags.append((i, rule.flag, m.group(0).strip()[:80], rule.name))
        if rule.category == "page_marker":
            walk.marked.add(i)
        if rule.name in cfg.title_marks:
            walk.title_marked.add(i)


def _drop_toc(walk: _Walk, cfg: Config) -> None:
    positions, doubtful = _toc_entries([text for _, text in walk.kept], cfg)
    for p in positions:
        i, text = walk.kept[p]
        walk.removed.append(RemovedSpan("chrome.toc.toc_dump", "toc", text, i + 1))
    if doubtful is not None:
        i, text = walk.kept[doubtful]
        walk.flags.append((i, "uncertain_chrome", text.strip()[:80], "chrome.toc kept: entries do not all reappear"))
    dropped = set(positions) | _cover_titles(walk, positions, cfg)
    walk.kept = [item for p, item in enumerate(walk.kept) if p not in dropped]


def _cover_titles(walk: _Walk, positions: list[int], cfg: Config) -> set[int]:
    """Positions of the copies above a table of contents of the title printed again right under it (a Word file's
    cover page, its contents, then the body under its title): with the contents gone the copies would meet, and the
    body keeps its own."""
    if not positions:
        return set()
    below = next((text for _, text in walk.kept[max(positions) + 1 :] if text.strip()), "")
    key = _title_key(below) if cfg.title_shape.search(below) else ""
    copies = {p for p, (_, text) in enumerate(walk.kept[: min(positions)]) if key and _title_key(text) == key}
    for p in sorted(copies):
        i, text = walk.kept[p]
        reason = "the title again under the table of contents"
        walk.removed.append(RemovedSpan("chrome.repeated_title.copy", "repeated_title", text, i + 1, reason))
    return copies


@lru_cache(maxsize=LINE_CACHE)
def _title_key(line: str) -> str:
    """A short title-shaped line's letters and digits; "" for anything else (never collapsed)."""
    cfg = _config()
    text = line.strip()
    if len(text) > cfg.title_max_chars or cfg.title_sentence.search(text):
        return ""
    key = "".join(ch for ch in text if ch.isalnum())
    return key if len(key) >= cfg.title_min_chars and any("\u4e00" <= ch <= "\u9fff" for ch in key) else ""


def _page_break_lines(walk: _Walk, lines: list[str]) -> set[int]:
    """Input lines next to a page break: a page marker was cut from them, or the blank and removed lines between
    them and the nearest kept line above or below hold a line that went as a page marker (第2页/共6页)."""
    kept = {i for i, text in walk.kept if text.strip()}
    markers = {span.line - 1 for span in walk.removed if span.category == "page_marker"} - kept
    near = set(walk.marked)
    for i in kept:
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and j not in kept:
                if j in markers:
                    near.add(i)
                    break
                j += step
    return near


def _drop_repeated_titles(walk: _Walk, lines: list[str], cfg: Config) -> None:
    """Copies of a title line beyond ``copies_kept`` in a row of identical kept lines go, and so
    does a copy at a page break (a page marker cut from it or gone next to it: ``某某方案_第2页``, the title
    again under 第2页/共6页) once seen before: a document printed page by page repeats its title on every page. A copy
    with a site's name or a file's format (某某方案_某某文库, 某某方案.docx) goes wherever it stands once the title was seen,
    also when an inline rule of ``repeated_title.mark_rules`` already cut that mark from it, by the title or below it.
    Two in a row stay: the site's title over the plan's own heading is how pages print a plan.
    A bare document kind under a title ending with it is the site's column name: it goes too."""
    page_break = _page_break_lines(walk, lines)
    neighbours = _neighbour_titles(walk.kept, cfg)
    seen: set[str] = set()
    seen_titles: set[str] = set()  # the keys of the title-shaped lines kept so far
    previous, run, kept = "", 0, []
    above = ""  # the kept line above, stripped
    for p, (i, text) in enumerate(walk.kept):
        if not text.strip():
            kept.append((i, text))
            continue
        if cfg.column_label.match(text) and previous and above.endswith(text.strip()):
            walk.removed.append(RemovedSpan("chrome.publish.column_label", "publish", text, i + 1))
            continue
        above = text.strip()
        stem = _title_key(cfg.count_suffix.sub("", text)) if cfg.count_suffix.search(text) else ""
        if stem and stem == previous:
            walk.removed.append(RemovedSpan("chrome.repeated_title.count_copy", "repeated_title", text, i + 1))
            continue
        key = _title_key(text)
        if key and ((key == previous and run >= cfg.title_copies) or (i in page_break and key in seen)):
            walk.removed.append(RemovedSpan("chrome.repeated_title.copy", "repeated_title", text, i + 1))
            continue
        titles = neighbours[p] | (seen_titles if i in page_break else set())
        named = seen_titles - titles  # further off a copy goes only with a site's name or a file's format
        marked = i in walk.title_marked and key in neighbours[p] | seen_titles  # its site's mark went: a bare copy
        if key and (marked or any(_site_extra(key, t, cfg) for t in titles) or any(_site_extra(key, t, cfg, True) for t in named)):
            reason = "a title line with the site's words around it"
            walk.removed.append(RemovedSpan("chrome.repeated_title.variant", "repeated_title", text, i + 1, reason))
            continue
        run = run + 1 if key == previous else 1
        seen.add(key)
        if cfg.title_shape.search(text):
            seen_titles.add(key)
        previous = key
        kept.append((i, text))
    walk.kept = kept


def _neighbour_titles(kept: list[tuple[int, str]], cfg: Config) -> list[set[str]]:
    """For each kept line, the keys of the title-shaped lines right above and below it (blank lines aside)."""
    nonblank = [p for p, (_, text) in enumerate(kept) if text.strip()]
    keys = {p: _title_key(kept[p][1]) if cfg.title_shape.search(kept[p][1]) else "" for p in nonblank}
    around: list[set[str]] = [set() for _ in kept]
    for a, b in zip(nonblank, nonblank[1:]):
        around[a].add(keys[b])
        around[b].add(keys[a])
    return [keys_ - {""} for keys_ in around]


def _site_extra(key: str, title: str, cfg: Config, named: bool = False) -> bool:
    """Whether ``key`` is ``title`` with a site's words before or after it (某某方案_某某资料站, 某某方案.pdf 共6页,
    某某范文网：某某方案): furniture words or a site's name or address (only these when ``named``: a copy far from the
    title, inside the plan); a plan's number (某某方案 篇一) is no such word."""
    if key == title or not title:
        return False
    extra = key[len(title) :] if key.startswith(title) else key[: -len(title)] if key.endswith(title) else ""
    if not extra or cfg.title_extra_not.search(extra):
        return False
    return bool(cfg.title_extra.search(extra) or (not named and cfg.signals.furniture.search(extra)))


def _cut_copy_rule(line: str, below: list[str], cfg: Config) -> str:
    """The rule naming ``line`` a cut copy of the line below it (see ``cut_copies``), else "". An excerpt longer
    than that line may run on into the lines after it (a site glues the title and the first paragraphs into one
    summary): ``below`` holds the line below and the lines after it, and they are read as one text."""
    text = cfg.cut_ellipsis.sub("", "".join(line.split()))
    if len(text) >= cfg.cut_min_chars:
        text = cfg.cut_key.sub("", text)  # 简介：… — the site's key before its excerpt
    full = "".join(below[0].split())
    ends = {full}  # the text of the lines below up to each line's end
    for more in below[1:]:
        if len(full) > len(text) or len(text) < cfg.cut_min_chars or not text.startswith(full):
            break
        full += "".join(more.split())
        ends.add(full)
    if not text or len(full) <= len(text) or not full.startswith(text):
        return ""
    if "".join(line.split()) in ends:
        return ""  # a line said twice (the copy maybe hard-wrapped) is no excerpt of the next: a first cleaning kept both
    if len(text) >= cfg.cut_min_chars:
        return "chrome.upload.teaser_copy"
    key, below_key = _title_key(line), _title_key(below[0])
    if key and below_key and len(below_key) - len(key) <= cfg.title_cut_chars:
        return "chrome.repeated_title.cut_copy"
    return ""


def _drop_cut_copies(walk: _Walk, cfg: Config) -> None:
    """A site's excerpt, or a title cut short, right above the line it was cut from (or above the title over
    it): the copy goes."""
    nonblank = [p for p, (_, text) in enumerate(walk.kept) if text.strip()]
    dropped = set()
    for n, p in enumerate(nonblank[:-1]):
        i, text = walk.kept[p]
        below = [walk.kept[q][1] for q in nonblank[n + 1 : n + 2 + cfg.cut_lines]]
        # an excerpt of the body printed above the title: read on from the line under the title
        rule = _cut_copy_rule(text, below[: cfg.cut_lines], cfg)
        if not rule and len(below) > 1 and len(text) >= cfg.cut_min_chars and _title_key(below[0]):
            rule = _cut_copy_rule(text, below[1:], cfg)
        if rule:
            walk.removed.append(RemovedSpan(rule, rule.split(".")[1], text, i + 1, "the line below begins with all of it"))
            dropped.add(p)
    walk.kept = [item for p, item in enumerate(walk.kept) if p not in dropped]


def _filled_line(lines: list[str], start: int, step: int) -> int:
    """The index of the first line from ``start`` on, going by ``step`` (1 down, -1 up), that is not blank; -1 if none."""
    stop = len(lines) if step > 0 else -1
    return next((j for j in range(start, stop, step) if lines[j].strip()), -1)


def _under_title(lines: list[str], i: int, removed_at: dict, cfg: Config) -> bool:
    """Whether the line above ``i`` (blank lines aside) is title-shaped or went as chrome."""
    above = _filled_line(lines, i - 1, -1)
    return above >= 0 and (above in removed_at or bool(cfg.title_shape.search(lines[above])))


def _drop_bylines(walk: _Walk, lines: list[str], bounds: tuple[int, int] | None, cfg: Config) -> None:
    """A name above the plan (see ``byline``): a pen name right over a stamp line that went (听雨小筑 /
    创建于03-08), or a person's name alone under the title."""
    removed_at = {span.line - 1: span.category for span in walk.removed}
    first = _filled_line(lines, 0, 1)
    kept = []
    for i, text in walk.kept:
        name = text.strip()
        if _zone(i, bounds) != "head" or not cfg.byline.match(name):
            kept.append((i, text))  # most lines: not above the plan, or not a bare name
            continue
        below = _filled_line(lines, i + 1, 1)
        plain = not cfg.byline_unit.search(name) and not cfg.signals.genre.search(name)
        stamped = removed_at.get(below) in cfg.byline_next and any(ch.isdigit() for ch in lines[below])
        if plain and stamped:
            reason = "a name right above a stamp line"
        elif plain and i != first and cfg.person_name.match(name) and _under_title(lines, i, removed_at, cfg):
            reason = "a person's name alone under the title"
        else:
            kept.append((i, text))
            continue
        walk.removed.append(RemovedSpan("chrome.publish.byline", "publish", text, i + 1, reason))
    walk.kept = kept


def _is_link(text: str, cfg: Config) -> bool:
    """A title alone on its line (a bullet before it, a date after it aside): a link to another page."""
    title = cfg.link_date.sub("", cfg.link_bullet.sub("", text)).strip()
    return bool(title) and len(title) <= cfg.title_max_chars and bool(cfg.title_shape.search(title)) and not cfg.link_not.search(text)


def _drop_link_runs(walk: _Walk, bounds: tuple[int, int] | None, cfg: Config) -> None:
    """Below the plan, a run of ``link_runs.min_lines`` titles or more in a row is a list of other pages
    without its header (see ``link_runs``); a run under an attachments line is the plan's own list."""
    if bounds is None:
        return
    runs, run, blocked = [], [], False
    for p, (i, text) in enumerate(walk.kept):
        if i <= bounds[1] or not text.strip():
            continue
        if not blocked and _is_link(text, cfg):
            run.append(p)
            continue
        runs.append(run)
        run, blocked = [], bool(cfg.link_not.search(text)) or (blocked and _is_link(text, cfg))
    runs.append(run)
    dropped = {p for run in runs if len(run) >= cfg.link_min_lines for p in run}
    for p in sorted(dropped):
        i, text = walk.kept[p]
        walk.removed.append(RemovedSpan("chrome.related.link_run", "related", text, i + 1, "one of several titles in a row below the plan"))
    walk.kept = [item for p, item in enumerate(walk.kept) if p not in dropped]


def _drop_footer_neighbours(walk: _Walk, lines: list[str], bounds: tuple[int, int] | None, cfg: Config) -> None:
    """Below the plan, kept lines right above a site's footer line (``footer_neighbours``) that score as furniture
    are the footer's own: they go, from the footer up, until a line scores lower (or is an attachment)."""
    if bounds is None:
        return
    footer = {span.line - 1 for span in walk.removed if span.rule in cfg.footer_anchors}
    dropped: set[int] = set()
    for p in range(len(walk.kept) - 1, -1, -1):
        i, text = walk.kept[p]
        if i <= bounds[1]:
            continue
        below = _filled_line(lines, i + 1, 1)
        if below not in footer or cfg.link_not.search(text) or cfg.footer_plan_field.search(text):
            continue
        score, reason = furniture_score(text)
        if score >= cfg.footer_min_score:
            walk.removed.append(RemovedSpan("chrome.furniture.footer_neighbour", "furniture", text, i + 1, f"right above the site's footer (line {below + 1}): {reason}"))
            footer.add(i)
            dropped.add(p)
    walk.kept = [item for p, item in enumerate(walk.kept) if p not in dropped]


def _page_chunk_runs(kept: list[tuple[int, str]], cfg: Config) -> list[list[int]]:
    """Runs (positions in ``kept``) of page-numbered chunks: see ``page_chunks`` in the YAML."""
    runs, run = [], []
    nonblank = [p for p, (_, text) in enumerate(kept) if text.strip()]
    for p in nonblank:
        text = kept[p][1].strip()
        m = cfg.chunk_number.match(text)
        prev = kept[run[-1]][1].strip() if run else ""
        follows = (
            m and run and int(m.group(1)) == int(cfg.chunk_number.match(prev).group(1)) + 1
            and len(prev) >= cfg.chunk_min_chars and not cfg.chunk_sentence_end.search(prev)
        )
        if follows:
            run.append(p)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [p] if m else []
    if len(run) >= 2:
        runs.append(run)
    return runs


def _drop_page_chunk_numbers(walk: _Walk, cfg: Config) -> None:
    """Cut the page numbers of a document printed page by page; the pages' text stays."""
    for run in _page_chunk_runs(walk.kept, cfg):
        for p in run:
            i, text = walk.kept[p]
            m = cfg.chunk_number.match(text)
            walk.removed.append(RemovedSpan("chrome.page_marker.page_chunk_number", "page_marker", m.group(0), i + 1))
            walk.kept[p] = (i, text[m.end() :])


def _decode_entities(line: str, number: int, removed: list[RemovedSpan], cfg: Config) -> str:
    """The character an HTML entity names, in a page saved as text (&ldquo; is a quotation mark, not chrome).

    Space entities are left to the space_entity rule; an entity that names nothing, a character of markup
    (``html_entities.kept``: < > &) or a symbol (not of ``classes``) stays as it is, and a second cleaning agrees."""
    if "&" not in line:
        return line

    def decode(m: re.Match) -> str:
        char = html.unescape(m.group())
        named = len(char) <= 2 and not any(c in cfg.entity_kept for c in char)  # not a prefix read as one (&ampx;)
        if not named or unicodedata.category(char[0])[0] not in cfg.entity_classes:
            return m.group()
        removed.append(RemovedSpan("chrome.spam_html.entity", "spam_html", m.group(), number, f"decoded to {char}"))
        return char

    return cfg.entity.sub(decode, line)


def _strip_markup(lines: list[str], walk: _Walk, cfg: Config) -> set[int]:
    """Cut the markup out of every line in place, before any line rule: ``<p>发布时间：…</p>`` is a publish
    line. A line a rule names as it stands (document.write('<div>')) keeps its markup for that rule.
    Returns the lines nothing but markup and punctuation was left of: they go."""
    emptied = set()
    for i, line in enumerate(lines):
        if not cfg.markup_needs.search(line):
            continue
        new_line, cuts = _cut_markup(line)
        if not cuts or _first_rule(line):
            continue
        _record_cuts(walk, i, cuts, cfg)
        lines[i] = new_line
        if not any(ch.isalnum() for ch in new_line):
            emptied.add(i)
            if new_line.strip():
                walk.removed.append(RemovedSpan(cuts[-1][0].name, cuts[-1][0].category, new_line, i + 1))
    return emptied


@lru_cache(maxsize=LINE_CACHE)
def _glued_head(line: str) -> int:
    """Where the plan begins in a line that glues the site's head to it (a page without line breaks: 某某文库 - 免费阅读
    某某方案 - 某某文库 贡献者：… 页数：3 某某方案为深化…。): the title printed twice before the first sentence end, with
    furniture (see ``signals``) between the copies and nothing or furniture before the first. Returns where the second
    copy begins, or -1 (a compilation's 某某方案精选6篇某某方案篇1… has no furniture between its copies)."""
    cfg = _config()
    end = _first_sentence_end(line)
    ends = [m.end() for m in cfg.title_end.finditer(line, 0, end)] if end > 0 else []
    for second in reversed(ends):
        for first in (e for e in ends if e < second):
            same = next((n for n in range(first) if line[first - 1 - n] != line[second - 1 - n]), first)
            if same < cfg.title_min_chars or not cfg.title_shape.search(line[second - same : second]):
                continue
            between, before = line[first : second - same], line[: first - same]
            if _is_furniture(between, cfg) and (not before.strip() or _is_furniture(before, cfg)):
                return second - same
    return -1


def _cut_glued_heads(lines: list[str], walk: _Walk, cfg: Config) -> None:
    """Cut the site's head glued before the plan's title, in place (see ``_glued_head``); the title's second copy stays.
    A line whose rest after the head is itself taken whole by a line or block rule (《某某方案.docx》由会员分享… 《某某方案.docx》
    请在某某文库上搜索。) is no plan glued to a head: it is left to that rule."""
    for i, line in enumerate(lines):
        start = _glued_head(line)
        if start <= 0:
            continue
        rest = line[start:]
        if len(rest.strip()) > cfg.whole_line_max_chars or not _first_rule(rest):
            reason = "the title printed twice before the first sentence, furniture around the first copy"
            walk.removed.append(RemovedSpan("chrome.repeated_title.glued_head", "repeated_title", line[:start], i + 1, reason))
            lines[i] = line[start:]


def strip_chrome(text: str) -> ChromeResult:
    """Remove site chrome from ``text`` (already t2s-simplified); kept lines are joined with "\\n"."""
    cfg = _config()
    walk = _Walk()
    # Every kind of line break and no invisible marks, as the repair stage will see them.
    lines = [drop_invisible(line, number, walk.removed) for number, line in enumerate(text.splitlines(), start=1)]
    lines = [_decode_entities(line, number, walk.removed, cfg) for number, line in enumerate(lines, start=1)]
    emptied = _strip_markup(lines, walk, cfg)
    _cut_glued_heads(lines, walk, cfg)
    hits = _find_hits(lines)
    bounds, block, tail_kept, gaps = _content_bounds(lines, hits, cfg)
    i = 0
    while i < len(lines):
        if i in emptied:
            i += 1
            continue
        zone = "tail" if i in gaps else _zone(i, bounds)
        hit = _zone_hit(lines, i, zone, hits.get(i))
        if hit and i in gaps and hit.last >= gaps[i]:
            hit = replace(hit, last=gaps[i] - 1)  # the next plan's title ends the gap
        if hit and hit.glued and _in_zone(hit.rule.where, zone):
            a, b = hit.glued
            reason = "glued to a sentence: only this piece goes"
            walk.removed.append(RemovedSpan(hit.rule.name, hit.rule.category, lines[i][a:b], i + 1, reason))
            _capture(walk.meta, hit.match, lines[i][a:b], cfg)
            _keep_line(walk, i, _without_glued(lines[i], hit), zone, cfg)
            i += 1
            continue
        if hit and content_like(_unmatched(lines[i], hit.match)):
            detail = f"{hit.rule.name} kept: the line reads as plan content"
            walk.flags.append((i, "uncertain_chrome", _excerpt(lines[i], hit.match), detail))
        elif hit and _in_zone(hit.rule.where, zone) and len(lines[i].strip()) <= cfg.whole_line_max_chars:
            _remove_hit(walk, lines, hit, cfg)
            i = hit.last + 1
            continue
        elif (zone in ("head", "tail") or not hit) and _is_furniture(rest := _cut_inline(lines[i], zone)[0], cfg, zone):
            # scored as it will read once its inline chrome is cut, so a second cleaning agrees; a line a rule
            # names outside that rule's zone (热门文章 above the plan) is scored like any other at the edges, and
            # kept and flagged inside the article
            _record_cuts(walk, i, _cut_inline(lines[i], zone)[1], cfg)
            walk.removed.append(RemovedSpan("chrome.furniture.score", "furniture", rest, i + 1, furniture_score(rest)[1]))
            i += 1
            continue
        elif 0 <= block <= i and _signature_line(lines, i, cfg):
            walk.flags.append((i, "uncertain_chrome", lines[i].strip()[:80], "chrome.related.tail_block kept: a date or a unit over it, maybe the plan's"))
        elif i in tail_kept:
            if tail_kept[i]:
                walk.flags.append((i, "uncertain_chrome", tail_kept[i][:80], "chrome.related.tail_block kept: a sentence in the genre's words, maybe the plan's"))
        elif 0 <= block <= i and lines[i].strip():
            reason = f"in the tail block from line {block + 1} down: no plan sentence below it"
            walk.removed.append(RemovedSpan("chrome.related.tail_block", "related", lines[i], i + 1, reason))
            i += 1
            continue
        elif hit and hit.rule.doubt_outside:
            detail = f"{hit.rule.name} kept: outside its zone or in a long line"
            walk.flags.append((i, "uncertain_chrome", _excerpt(lines[i], hit.match), detail))
        _keep_line(walk, i, lines[i], zone, cfg, last=bool(bounds) and i == bounds[1])
        i += 1
    _drop_toc(walk, cfg)
    _drop_cut_copies(walk, cfg)
    _drop_bylines(walk, lines, bounds, cfg)
    _drop_repeated_titles(walk, lines, cfg)
    _drop_link_runs(walk, bounds, cfg)
    _drop_footer_neighbours(walk, lines, bounds, cfg)
    _drop_page_chunk_numbers(walk, cfg)

    kept_inputs = [idx for idx, _ in walk.kept]
    return ChromeResult(
        text="\n".join(t for _, t in walk.kept),
        removed=sorted(walk.removed, key=lambda span: span.line),
        meta=PageMeta(**{k: walk.meta.get(k, "") for k in META_FIELDS}),
        flags=[Flag(kind, bisect_right(kept_inputs, idx), excerpt, detail) for idx, kind, excerpt, detail in walk.flags],
    )
