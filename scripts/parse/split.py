"""Split clean text into the plans it holds, and find each plan's own title.

A file may hold one plan, a compilation (篇一 … 篇十五, 方案1, 计划(1) (2) (3)), or a notice
that carries the plan as its attachment. What is not the plan's body — the notice, a site
title above the plan, the issuer/date signature below it — is kept as ``context``, because
the metadata (issuer, issue date) often lives there. Lines the page glued together are split
first (titles.unglue); what a title line says is read by titles.read_title. Patterns are in
rules/structure.yml.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from scripts.parse import metadata, titles
from scripts.parse.outline import number_value, numbering
from scripts.rules import load_rules


@dataclass
class PlanChunk:
    title: str
    body: list[str]  # the plan's lines after its title
    context: list[str] = field(default_factory=list)  # notice, site titles, signature
    start_line: int = 1  # 1-based line of the plan's title (or first line) in the clean text
    body_line: int = 1  # 1-based line of body[0] in the clean text
    end_line: int = 0  # 1-based last line of the chunk
    body_lines: list[int] = field(default_factory=list)  # 1-based clean-text line of each body line
    collection: str = ""  # the title of the compilation the plan is one of, as printed
    doc_number: str = ""  # the carrying notice's number (文号), X发〔2014〕31号
    named_by: str = "heading"  # heading, opening (its first sentence names it), intro (a site intro does), continued (a later
    # page of a plan begun elsewhere, flagged), furniture (a
    # removed breadcrumb or upload line carried the page title) or "" (nothing does)


@dataclass(frozen=True)
class _Marker:
    line: int  # 0-based index
    title: str  # title printed on the marker line, "" if bare
    unmarked: bool = False  # no marker: the compilation's first plan begins on this line


@lru_cache(maxsize=None)
def _rules() -> dict:
    rules = load_rules("structure")
    split = rules["split"]
    words = "|".join(map(re.escape, rules["title_words"]))
    return {
        "markers": [(m["name"], re.compile(m["pattern"])) for m in split["markers"]],
        "under_count": {m["name"] for m in split["markers"] if m.get("under_count")},
        "listed_title_end": re.compile(split["listed_title_end"]),
        "attachment": re.compile(split["attachment_label"] + "$"),
        "attachment_label": re.compile(split["attachment_label"]),
        "continued": split["continued_page"],
        "listing": split["listing"]["min_titles"],
        "listing_max_entries": split["listing"]["max_entries"],
        "entry_breaks": re.compile(split["listing"]["entry_breaks"]),
        "plan_words": re.compile(split["news_report"]["plan_words"]),
        "report_words": re.compile("|".join(map(re.escape, split["news_report"]["report_words"]))),
        "min_report_words": split["news_report"]["min_report_words"],
        "notice": [re.compile(p) for p in split["notice"]],
        "notice_lines": split["notice_lines"],
        "continuation": re.compile(split["title_continuation"]),
        "fragment": split["max_title_tail_offset"],
        "pairs": split["title_pairs"],
        "title_head": re.compile(split["title_head"]),
        "min_head": split["min_title_head_chars"],
        "min_late_title": split["min_late_title_chars"],
        "title_block": split["max_title_block_lines"],
        "date_line": re.compile(split["date_line"]),
        "signature": split["max_signature_chars"],
        "issuer": split["max_issuer_chars"],
        "remark": split["max_remark_chars"],
        "remark_run": split["max_remark_paragraphs"],
        "fuller_title_tail": split["fuller_title_tail_chars"],
        "unitless_title": re.compile(split["unitless_title"]),
        "unit_note": re.compile(split["unit_note"]),
        "after_signature": split["max_lines_after_signature"],
        "issue_date": re.compile(split["issue_date"]),
        "body_opener": re.compile(split["body_opener"]),
        "banner_reach": split["banner_reach_lines"],
        "document_lead_in": re.compile(split["document_lead_in"]),
        "year": re.compile(split["year"]),
        "title_word": re.compile(words),
        "title_end": re.compile(f"(?:{words})$"),
        "max_title": rules["max_title_chars"],
        "sentence_end": re.compile("[" + re.escape(rules["sentence_end"]) + "]"),
        "punct": re.compile("[" + re.escape(rules["any_punctuation"]) + "]"),
        "heading": [re.compile(p) for p in rules["outline"]["styles"].values()],
    }


def split_plans(lines: list[str], intros: tuple[str, ...] = ()) -> list[PlanChunk]:
    """The plans in ``lines`` (clean text, one paragraph per line), in order. ``intros``: the site's
    intro sentences the cleaner removed above the text (以下是小编整理的XX方案，仅供参考)."""
    lines, origin = _unglued([line.strip() for line in lines])
    if not any(lines):
        return []
    markers = _compilation_markers(lines)
    if not markers:
        chunk = _single_plan(lines, 0, len(lines), [], intros)
        return [] if _listing(chunk) or _news_report(chunk) else [_located(chunk, origin)]
    shared = [line for line in lines[: markers[0].line] if line]  # site title and intro
    chunks = []
    named_alike = len({marker.title for marker in markers}) == 1  # every marker line repeats the compilation's name
    for marker, following in zip(markers, markers[1:] + [None]):
        end = following.line if following else len(lines)
        chunks.append(_compiled_plan(lines, marker, end, shared, named_alike))
    empty = 0  # the last markers with nothing under them (a page cut there, listing the rest): no plans
    while empty < len(chunks) - 1 and not any(chunks[-1 - empty].body):
        empty += 1
    if empty:
        chunks[-1 - empty].context += [chunk.title for chunk in chunks[-empty:]]
        del chunks[-empty:]
    collection = _counted_marker_line(lines[markers[0].line]) or _shared_collection(shared, [marker.title or chunk.title for marker, chunk in zip(markers, chunks)])
    counted = bool(collection) and titles.read_title(collection).counted
    for chunk in chunks:
        chunk.collection = chunk.collection or collection
        if counted and titles.read_title(chunk.title).number:
            chunk.title = titles.read_title(chunk.title).text  # (1) (2) under …（精选2篇）: its markers, like 篇1
    return [_located(chunk, origin) for chunk in chunks]


def _listing(chunk: PlanChunk) -> bool:
    """Does ``chunk`` only list other pages' titles (a column of links, each maybe with its date)? Then
    it is no plan: cut at its bullets and dates, not one entry is a sentence, a plan's heading or a
    paragraph, and several are titles of the genre (the title block took them as titles: the one it
    chose and the others above the body, in ``context``). A column page lists tens of them, not thousands."""
    rules = _rules()
    lines = [line for line in [*chunk.context, chunk.title, *chunk.body] if line]
    entries = [entry.strip() for line in lines for entry in rules["entry_breaks"].split(line) if entry.strip()]
    if len(entries) > rules["listing_max_entries"] or any(rules["sentence_end"].search(entry) or len(entry) > rules["max_title"] or _is_numbered(entry) for entry in entries):
        return False  # a sentence, a paragraph that lost its stops, a plan's own heading (一、主要任务)
    return sum(_title_like(entry) and _candidate(entry) for entry in entries) >= rules["listing"]


def _news_report(chunk: PlanChunk) -> bool:
    """Is ``chunk`` a news report about a campaign, not a plan (某县召开…推进会; 某某指出…，强调…)? Nothing
    names a plan, no line is numbered, none speaks of the plan itself, and it reports in several words."""
    rules = _rules()
    if chunk.title:
        return False
    used = {word for line in chunk.body for word in rules["report_words"].findall(line)}
    if len(used) < rules["min_report_words"]:
        return False  # checked first: one regex a line, where the numbering check costs several
    return not any(line and (_is_numbered(line) or rules["plan_words"].search(line)) for line in chunk.body)


def continues_a_page(chunk: PlanChunk) -> bool:
    """Does this untitled text open in the middle of a plan begun on another page (2、…, 三、…, or
    ”志愿者活动… cut mid-sentence)? Such a text begins no plan of its own: it is flagged."""
    rules = _rules()["continued"]
    first = next((line for line in chunk.body if line), "")
    if chunk.title or not first:
        return False
    number = numbering(first)
    return first[0] in rules["opening_marks"] or bool(number and number.value >= rules["min_first_number"])


def _unglued(lines: list[str]) -> tuple[list[str], list[int]]:
    """The lines with glued ones split, and the 0-based clean-text line each part came from."""
    parts, origin = [], []
    for index, line in enumerate(lines):
        for part in titles.unglue(line) if line else [line]:
            parts.append(part)
            origin.append(index)
    return parts, origin


def _located(chunk: PlanChunk, origin: list[int]) -> PlanChunk:
    """``chunk`` with its line numbers (counted in the unglued lines) turned into clean-text lines."""
    first_body = chunk.body_line - 1
    chunk.body_lines = [origin[first_body + offset] + 1 for offset in range(len(chunk.body))]
    chunk.body_line = origin[min(first_body, len(origin) - 1)] + 1
    chunk.start_line = origin[min(chunk.start_line - 1, len(origin) - 1)] + 1
    chunk.end_line = origin[chunk.end_line - 1] + 1 if chunk.end_line else 0
    return chunk


def _compilation_markers(lines: list[str]) -> list[_Marker]:
    """The longest run of markers of one kind numbered 1, 2, 3 … (at least two)."""
    found = [_markers_on(line) for line in lines]
    best: list[_Marker] = []
    for kind in dict.fromkeys([name for name, _ in _rules()["markers"]] + titles.number_markers()):  # a name in both is one kind
        run: list[_Marker] = []
        for index, on_line in enumerate(found):
            number, title = on_line.get(kind, (0, ""))
            if number and number == len(run) + 1:
                run.append(_Marker(index, title))
        if kind in _rules()["under_count"] and run and not _right_under_count(lines, run[0].line):
            continue  # 1、XX方案 marks plans only under a compilation's counted title
        if len(run) >= 2 and len(run) > len(best):
            best = run
        from_two = _run_from_two(lines, found, kind)
        if len(from_two) > max(len(best), 1):
            best = from_two
    return best


def _run_from_two(lines: list[str], found: list[dict[str, tuple[int, str]]], kind: str) -> list[_Marker]:
    """A run numbered 2, 3 … under a compilation's counted title (XX方案（3篇） / YY方案 … / 篇二 …): the
    first plan, printed without a marker, begins under the counted title; [] if none is above the run."""
    run: list[_Marker] = []
    for index, on_line in enumerate(found):
        number, title = on_line.get(kind, (0, ""))
        if number and number == len(run) + 2:
            run.append(_Marker(index, title))
    counted = [index for index in range(run[0].line) if _counted_title(lines[index])] if run else []
    if not counted or not any(lines[counted[-1] + 1 : run[0].line]):
        return []
    return [_Marker(counted[-1] + 1, "", unmarked=True), *run]


def _own_heading_under(marker_title: str, line: str, named_alike: bool = False) -> bool:
    """Is ``line``, right under a compilation's marker line (【第1篇】医院志愿服务活动方案), the plan's
    own fuller heading (县人民医院“XX”志愿服务活动方案)? The site names its pieces by their kind; the
    document names itself: a longer title line ending in the same genre word as the marker's title.
    When every marker line repeats the compilation's name (``named_alike``: XX方案篇一, XX方案篇二), that
    name says nothing of the plan: a heading of the same genre word is its own even when not longer."""
    if not (_title_like(line) and _candidate(line)) or titles.read_title(line).number:
        return False
    own, given = titles.read_title(line).text, titles.read_title(marker_title).text
    genre = [found[-1] for found in (_rules()["title_word"].findall(text) for text in (own, given)) if found]
    return len(genre) == 2 and genre[0] == genre[1] and own.endswith(genre[0]) and (named_alike or len(own) > len(given))


def _counted_title(line: str) -> bool:
    """A compilation's own title line (XX方案（精选3篇）, XX计划3篇)."""
    return bool(line) and _title_like(line) and titles.read_title(line).counted


def _markers_on(line: str) -> dict[str, tuple[int, str]]:
    """{kind: (number, title printed on the line)} of the compilation markers ``line`` holds:
    a marker that opens it (篇一：…) or a title numbered at its end (…计划(1), …方案篇2)."""
    found = {}
    rules = _rules()
    for kind, pattern in rules["markers"]:
        match = pattern.match(line)
        if match:
            rest = _unwrapped_rest(line, (match["rest"] or "").strip())
            if kind in rules["under_count"] and not _listed_title(rest):
                continue
            found[kind] = (number_value(match["num"]), titles.read_title(rest).text if rest else "")
    if line and titles.may_be_numbered(line) and _title_like(line):
        title = titles.read_title(line)
        if title.number:
            found[title.marker] = (title.number, titles.run_title(title))
    return found


def _right_under_count(lines: list[str], index: int) -> bool:
    """Is ``lines[index]`` the first numbered line under a compilation's counted title (XX方案（精选3篇）
    / 1、YY方案)? A numbered line between them is a plan's heading: the list is that plan's."""
    counted = [above for above in range(index) if _counted_title(lines[above])]
    return bool(counted) and not any(_is_numbered(line) for line in lines[counted[-1] + 1 : index])


def _listed_title(text: str) -> bool:
    """Is ``text``, after a list number, a plan's own title (白沙区水务局文明单位创建工作方案), not a heading?"""
    rules = _rules()
    if len(text) < rules["min_late_title"] or not _title_like(text):
        return False
    return bool(rules["listed_title_end"].search(titles.read_title(text).text)) and _candidate(text)


def _counted_marker_line(line: str) -> str:
    """The compilation's title a first plan's line carries before its number (…方案（八篇）篇一 →
    …方案（八篇）), "" when the line names no count."""
    title = titles.read_title(line)
    if not (title.counted and title.number_text):
        return ""
    return titles.as_collection(line.strip().removesuffix(title.number_text).rstrip(" ：:"))


def _unwrapped_rest(line: str, rest: str) -> str:
    """The title on a marker line without the bracket that closes around marker and title (【篇一：XX方案】)."""
    if line[:1] in "【[" and rest[-1:] in "】]" and not any(mark in rest for mark in "【["):
        return rest[:-1].strip()
    return rest


def _shared_collection(shared: list[str], plan_titles: list[str]) -> str:
    """The compilation's title: the last title line above its first plan, else the plans' one name."""
    heads = [_once(line) for line in shared if _title_like(line) and _candidate(line)]
    counted = [line for line in heads if titles.read_title(line).counted]
    if counted or heads:
        return titles.as_collection((counted or heads)[-1])
    names = {titles.read_title(title).text for title in plan_titles}
    return names.pop() if len(names) == 1 else ""


def _once(line: str) -> str:
    """A title a page printed twice with nothing between (XX方案3篇XX方案3篇), once."""
    half = len(line) // 2
    return line[:half] if len(line) % 2 == 0 and line[:half] == line[half:] else line


def _compiled_plan(lines: list[str], marker: _Marker, end: int, shared: list[str], named_alike: bool = False) -> PlanChunk:
    """One plan of a compilation, from its marker line to the next. ``named_alike``: every marker
    line prints the compilation's name (XX方案篇一, XX方案篇二); see ``_own_heading_under``."""
    if not marker.title:  # a bare 篇一: the title is on the next lines (an unmarked first plan: on this one)
        chunk = _single_plan(lines, marker.line + (0 if marker.unmarked else 1), end, list(shared))
        if marker.unmarked and not chunk.title:  # the first plan, untitled, goes by the compilation's name
            chunk.title, chunk.named_by = titles.read_title(lines[marker.line - 1]).text, "heading"
        chunk.start_line = marker.line + 1
        return chunk
    start = marker.line + 1
    while start < end and (not lines[start] or _same_title(lines[start], marker.title)):
        start += 1  # sites often repeat the title under the marker
    title, above = marker.title, []
    if start < end and _own_heading_under(marker.title, lines[start], named_alike):
        title, above = titles.read_title(lines[start]).text, [marker.title]
        start += 1
    body, signature = _split_signature(lines[start:end])
    return PlanChunk(
        title=title,
        body=body,
        context=list(shared) + above + signature,
        start_line=marker.line + 1,
        body_line=start + 1,
        end_line=end,
    )


def _single_plan(lines: list[str], start: int, end: int, context: list[str], intros: tuple[str, ...] = ()) -> PlanChunk:
    """One plan in ``lines[start:end]``: skip a carrying notice, pick the title, keep the rest."""
    while start < end and not lines[start]:
        start += 1
    attachment = _attachment_start(lines, start, end)
    if attachment > start:
        context = context + [line for line in lines[start:attachment] if line]
        start = attachment
        while start < end and not lines[start]:
            start += 1
    head = _title_block(lines, start, end, intros)
    body_start = head.body_start
    if head.title and titles.doc_number_line(lines[body_start : body_start + 1]):
        head.context.append(lines[body_start])  # 青水发〔2023〕5号 under the title: metadata, not text
        body_start += 1
    body, signature = _split_signature(lines[body_start:end])
    title, named_by = head.title, "heading"
    if not title:
        title = next(filter(None, map(titles.named_in_opening, _opening_paragraphs(body))), "")
        named_by = "opening" if title else ""
    if not title:
        title = _heading_under_preamble(body)
        named_by = "heading" if title else ""
    numbered = _numbered_title_at(body) if not title else None
    if numbered is not None:  # an answer's （3）XX方案 under the question: the lines above are not the plan's
        title, named_by = numbering(body[numbered]).text, "heading"
        head.context += [line for line in body[:numbered] if line]
        body, body_start = body[numbered + 1 :], body_start + numbered + 1
    if not title and _trailing_title(body):
        title, body, signature = _trailing_title(body), body[: _last_filled(body)], signature + [body[_last_filled(body)]]
        named_by = "heading"  # printed below the signature, but the document's own heading
    return PlanChunk(
        title=title,
        body=body,
        context=context + head.context + signature,
        start_line=start + 1,
        body_line=body_start + 1,
        end_line=end,
        collection=head.collection,
        doc_number=head.doc_number or titles.doc_number_in(context + head.context),
        named_by=named_by,
    )


def _last_filled(lines: list[str]) -> int:
    return max((index for index, line in enumerate(lines) if line), default=-1)


def _trailing_title(body: list[str]) -> str:
    """A title printed after the signature, at the page's very end (an official page's document
    title below 单位 / 2022年6月10日), "" if none: the last line, a title, a date line among the
    three lines above it."""
    filled = [line for line in body if line]
    if len(filled) < 3 or not any(_rules()["date_line"].match(line) for line in filled[-4:-1]):
        return ""
    last = filled[-1]
    if len(last) > _rules()["max_title"] or _rules()["sentence_end"].search(last):
        return ""
    title = titles.read_title(last).text
    return title if _candidate(last) or titles.opens_like_title(title) else ""


def _heading_under_preamble(body: list[str]) -> str:
    """A title right under a one-paragraph preamble (为确保…，现分工如下： / XX任务分解表), "" if none.
    The line stays in the body, where the source printed it."""
    filled = [line for line in body[:4] if line]
    if len(filled) < 2 or not _title_like(filled[1]) or len(filled[1]) < _rules()["min_late_title"]:
        return ""
    title = titles.read_title(filled[1])
    return title.text if _candidate(filled[1]) and titles.has_vocabulary(title.text) else ""


def _attachment_start(lines: list[str], start: int, end: int) -> int:
    """Where the carried plan begins if ``lines[start:]`` open with a notice; else ``start``."""
    rules = _rules()
    head = "".join(line for line in lines[start : min(end, start + rules["notice_lines"])] if line)
    notice = next((found for found in (p.search(head) for p in rules["notice"]) if found), None)
    if not notice:
        return start
    for index in range(start, end):
        if rules["attachment"].match(lines[index]):
            return index + 1
    carried = _compact(notice.groupdict().get("doc") or "")
    if not carried:
        return start
    for index in range(start + 1, end):  # no 附件 line: the carried title is repeated (附件1：X too)
        line = _compact(rules["attachment_label"].sub("", lines[index]))
        if line and len(line) <= rules["max_title"] and (carried.startswith(line) or _issuer_before(line, carried, head) or _issuer_before(carried, line, "")) and (
            rules["title_word"].search(line) or 2 * len(line) >= len(carried)
        ):
            return index
    return start


def _issuer_before(line: str, carried: str, notice: str) -> bool:
    """Is ``line`` the carried document's title with its issuer's name before it (某某局关于印发《2021年
    XX计划》的通知 … 某某局2021年XX计划)? The name is short, and one the ``notice`` prints (pass ""
    when ``line`` is the title the notice carries: its name is printed there)."""
    prefix = line.removesuffix(carried)
    return prefix != line and 0 < len(prefix) <= _rules()["issuer"] and (not notice or prefix in notice.replace(line, ""))


@dataclass
class _Heading:
    title: str
    context: list[str]  # the other lines above the body: site titles, chrome, a notice's title
    body_start: int  # index of the first body line
    collection: str = ""
    doc_number: str = ""


def _title_block(lines: list[str], start: int, end: int, intros: tuple[str, ...] = ()) -> _Heading:
    """The plan's own title among the lines above its body at ``lines[start:]``.

    Site chrome and intro sentences there are skipped; title-like lines are gathered (a title
    split over lines is joined); those without the genre's vocabulary, or with nothing but it,
    are not titles, and the ones under the last title belong to the body. A title the site's
    intro repeats (``intros``) is the site's: a different title under it is the document's own."""
    groups: list[tuple[str, int, int]] = []  # (text, index of its first line, index after its last)
    from_chrome: set[tuple[str, int, int]] = set()  # groups that are a page title carried by furniture
    skipped: set[int] = set()
    remarks: set[int] = set()  # a poster's remark above the plan's title
    index, window = start, min(end, start + _rules()["title_block"])
    while index < window:
        line = lines[index]
        carried = titles.title_in_chrome(line) if line and titles.has_furniture(line) else ""
        if carried and _candidate(carried):
            groups.append((carried, index, index + 1))  # 首页 > 方案 > XX活动方案: the title, the rest is furniture
            from_chrome.add(groups[-1])
        elif line and (titles.is_chrome(line) or titles.is_intro(line)) and not _is_numbered(line):
            skipped.add(index)
        elif line and titles.is_bare_number(line):
            skipped.add(index)  # a stray list number among the title lines (1. / 2.)
        elif line and _title_like(line):
            if groups and groups[-1][2] == index and _continues(groups[-1][0], line):
                groups[-1] = (groups[-1][0] + line, groups[-1][1], index + 1)
            else:
                groups.append((line, index, index + 1))
        elif line and _numbered_title(lines, index, end):
            groups.append((numbering(line).text, index, index + 1))
        elif line and not groups and _banner(lines, index, end):
            skipped.add(index)
        elif line and _document_lead_in(lines, index, end):
            skipped.add(index)
        elif line and _remark_run_open(lines, remarks, index, skipped) and (not _own_title_in(groups, from_chrome) or _fuller_title_below(groups, lines, index, end)) and _remark(lines, index, end):
            remarks.add(index)  # 转自…，大家提提意见。 over the plan's own title: the page's, not the plan's
        elif line:
            break
        index += 1
    while groups and not _candidate(groups[-1][0]):
        groups.pop()  # an unnumbered heading under the title belongs to the body
    body_start = groups[-1][2] if groups else start
    while body_start < end and (not lines[body_start] or _skipped_above_body(lines, body_start, skipped) or _dated_under(lines, body_start, groups[-1][2] if groups else -1)):
        body_start += 1
    heads = _dedupe([text for text, _, _ in groups if _candidate(text)])
    if not heads:
        return _Heading("", [line for line in lines[start:body_start] if line], body_start)
    own = [text for text in heads if not titles.read_title(text).counted] or heads
    own = [text for text in own if _rules()["title_word"].search(text)] or own  # one naming its genre (方案, 计划 …) wins
    own = _not_site_titles(own, intros)
    if remarks:  # the heading under a remark is the document's own: the page's title above yields
        own = [text for text in own if text not in {text for text, _, _ in from_chrome}] or own
    chosen = _best_title(own, lines[body_start:end])
    # a title printed again lower in the block (over the issuer's lines) ends the block at its last copy
    first, after = [(a, b) for text, a, b in groups if _same_title(text, chosen)][-1]
    below = after
    while below < body_start and (not lines[below] or _skipped_above_body(lines, below, skipped) or lines[below] in own or _same_title(lines[below], chosen) or _dated_under(lines, below, after)):
        below += 1  # other titles (a site's, a repeat) under the chosen one stay above the body
    body_start = below  # lines under the title that cannot be titles are the body's: nothing is lost
    title = titles.read_title(chosen)
    name = _carried(title.text) or title.text
    context = [  # everything above the body but the title (and its repeats); a notice's title stays
        line
        for index, line in enumerate(lines[start:body_start], start)
        if line and (name != title.text or not (first <= index < after or _same_title(line, chosen)))
    ]
    return _Heading(name, context, body_start, _collection(heads, chosen, title), title.doc_number)


def _not_site_titles(heads: list[str], intros: tuple[str, ...]) -> list[str]:
    """``heads`` without the ones above the last that a site's intro sentence repeats (以下是小编整理
    的2024年XX方案：the page's own name for it): the document's heading is printed under them."""
    named = [any(_compact(text) in _compact(intro) for intro in intros) for text in heads]
    if not any(named) or named[-1]:
        return heads
    return [text for text, by_site in zip(heads, named) if not by_site]


def _dated_under(lines: list[str], index: int, title_end: int) -> bool:
    """Is ``lines[index]`` a bracketed date of issue right under the title line that ends before
    ``title_end``? It stays above the body."""
    return index == title_end and bool(_rules()["issue_date"].match(lines[index]))


def _skipped_above_body(lines: list[str], index: int, skipped: set[int]) -> bool:
    """A line of site furniture skipped while looking for the title stays out of the body. A notice's
    addressee line (各处室、单位：) is never a title but is the plan's text, and an intro-like paragraph
    the cleaner kept may be the plan's own opening, and so may a sentence the cleaner kept with a mark of furniture
    in it (»组织开展…。): the body keeps them all (nothing is lost)."""
    line = lines[index]
    return index in skipped and titles.is_chrome(line) and not titles.is_addressee(line) and not _rules()["sentence_end"].search(line)


def _own_title_in(groups: list[tuple[str, int, int]], from_chrome: set[tuple[str, int, int]]) -> bool:
    return any(_candidate(group[0]) for group in groups if group not in from_chrome)


def _fuller_title_below(groups: list[tuple[str, int, int]], lines: list[str], index: int, end: int) -> bool:
    """Does a title under the paragraph at ``index`` name the plan the title above names, more fully
    (a blog's page title 某某创建方案, the poster's remark, then 某某银行某某支行2026年某某创建方案)? Then the
    paragraph may be a remark although a title stands above it: the document's own heading follows."""
    above = titles.read_title(groups[-1][0]).text if groups else ""
    tail = _rules()["fuller_title_tail"]
    for following in [line for line in islice(lines, index + 1, end) if line][: _rules()["remark_run"]]:
        if _title_like(following) and _candidate(following):
            below = titles.read_title(following).text
            return len(above) >= tail and len(below) > len(above) and below.endswith(above[-tail:])
    return False


def _remark_run_open(lines: list[str], remarks: set[int], index: int, skipped: set[int]) -> bool:
    """May ``lines[index]`` be a remark? The first one, or the next of a run (blank lines and skipped
    furniture aside) shorter than ``max_remark_paragraphs``: a remark is never after a line of another kind."""
    between = range(max(remarks, default=index) + 1, index)
    return not remarks or (len(remarks) < _rules()["remark_run"] and all(not lines[i] or i in skipped for i in between))


def _remark(lines: list[str], index: int, end: int) -> bool:
    """A poster's remark (转自某公众号，原文贴出来。/ 领导让写的，大家帮看看。/ 我们去年写过一份，你参考：): a
    short paragraph that does not open like a plan's text, above a title line of the genre, with at
    most ``max_remark_paragraphs`` such paragraphs in all (a question, its details, an answer's lead-in),
    the site's furniture between them not counted."""
    if not _remark_like(lines[index]):
        return False
    filled = [line for line in islice(lines, index + 1, end) if line and not titles.is_chrome(line)]  # 悬赏：20 金币 skipped
    for following in filled[: _rules()["remark_run"]]:
        if _title_like(following) and _candidate(following):
            return len(following) >= _rules()["min_late_title"] and bool(_rules()["title_word"].search(following))
        if not _remark_like(following):
            return False
    return False


def _remark_like(line: str) -> bool:
    """Short, unnumbered and not opening like a plan's text: a poster's words, not the plan's."""
    return len(line) <= _rules()["remark"] and not _is_numbered(line) and not _rules()["body_opener"].match(line)


def _opening_paragraphs(body: list[str]) -> list[str]:
    """The body's first paragraph, and the next one when the first is a short line ending like a
    headline (浓情端午，邀您来社区一起包粽子！) or a news headline (某某局扎实开展…活动): the plan's
    opening that may name it."""
    filled = list(islice(filter(None, body), 2))
    headline = filled and len(filled[0]) <= _rules()["max_title"] and (filled[0].endswith(("！", "？", "!", "?")) or titles.is_headline(filled[0]))
    return filled if headline else filled[:1]


def _banner(lines: list[str], index: int, end: int) -> bool:
    """A short line at the very top, a few short lines above a title line, that no sentence of a plan
    ends like: a site's banner (…神器！立即了解), an article's headline (…，我市这样做！)."""
    line = lines[index]
    if len(line) > _rules()["max_title"] or _is_numbered(line) or line.endswith(("。", "：", ":", "；")):
        return False
    return _title_within(lines, index + 1, end, _rules()["banner_reach"])


def _document_lead_in(lines: list[str], index: int, end: int) -> bool:
    """近日，某局印发《某某方案》，全文如下： right above the title of the document it introduces."""
    return bool(_rules()["document_lead_in"].search(lines[index])) and _title_within(lines, index + 1, end, 1)


def _title_within(lines: list[str], start: int, end: int, reach: int) -> bool:
    """Is one of the next ``reach`` lines (blank ones aside) a title line, the ones before it short?"""
    for line in islice(filter(None, islice(lines, start, end)), reach):
        if _title_like(line) and _candidate(line):
            return True
        if len(line) > _rules()["max_title"]:
            return False
    return False


def _candidate(line: str) -> bool:
    """Can ``line`` be a title? A numbered compilation title always; else it needs the genre's words
    and something more than them, and not be a news headline (某某局扎实开展…活动)."""
    title = titles.read_title(line)
    if not title.text or titles.is_chrome(line):
        return False
    return bool(title.number) or (titles.has_vocabulary(title.text) and not titles.is_generic(title.text) and not titles.is_headline(title.text))


def _carried(title: str) -> str:
    """The document a notice's title carries (关于印发《X》的通知 → X), "" if it carries none."""
    for pattern in _rules()["notice"]:
        found = pattern.search(title)
        if found:
            return titles.read_title(found["doc"]).text
    return ""


def _collection(heads: list[str], chosen: str, title: titles.Title) -> str:
    """The compilation a plan is one of: a counted title above it (…（精选8篇）), else, for a
    numbered plan (…方案篇1), the title line above it that names the same plan."""
    above = heads[: heads.index(chosen)]
    counted = [line for line in above if titles.read_title(line).counted]
    if counted:
        return titles.as_collection(counted[-1])
    if title.counted:
        return titles.as_collection(chosen)
    if title.number:
        same = [line for line in above if titles.read_title(line).text == title.text]
        return titles.as_collection(same[-1] if same else title.text)
    return ""


def _title_like(line: str) -> bool:
    rules = _rules()
    if line.endswith(("!", "！", "~", "～")):  # an article headline's call after the name (XX方案来啦！) is the site's
        line = titles.read_title(line).text
    return (
        0 < len(line) <= rules["max_title"]
        and not rules["sentence_end"].search(line.removesuffix("。"))
        and not (line.endswith("。") and not titles.ends_like_title(line[:-1]))  # XX工作计划。 is a title,
        and not (line.endswith(("。", "：", ":")) and re.search("[，,]", line))  # …，制定本方案。 is not
        and not _is_numbered(line)
    )


def _numbered_title_at(body: list[str]) -> int | None:
    """The index of the first numbered plan title (``_numbered_title``) among the body's first lines, if any;
    none once a line opens the way a plan's body does (为…): the plan has begun, its own lists follow."""
    for index in range(min(len(body), _rules()["title_block"])):
        if body[index] and _numbered_title(body, index, len(body)):
            return index
        if _rules()["body_opener"].match(body[index]):
            return None
    return None


def _numbered_title(lines: list[str], index: int, end: int) -> bool:
    """Is the numbered ``lines[index]`` a plan's own title, the answer's or list's item that names a whole
    plan (（3）某某社区创建文明城市工作方案 over 为…，特制定本方案。)? Its text is a title ending with a
    document's word (方案, 计划: not a section's 三、目标任务), and the next line opens the way a plan's body does
    (为…，…如下：)."""
    number = numbering(lines[index])
    if not number or not _title_like(number.text) or not _rules()["title_end"].search(number.text) or not _candidate(number.text):
        return False
    following = next((line for line in islice(lines, index + 1, end) if line), "")
    return bool(_rules()["body_opener"].match(following) and re.search(f"{_rules()['sentence_end'].pattern}|[，,：:]", following))


def _is_numbered(line: str) -> bool:
    return any(p.match(line) for p in _rules()["heading"]) or titles.is_numbered(line)


def _continues(previous: str, line: str) -> bool:
    """Is ``line`` the second half of a title split over lines?"""
    rules = _rules()
    if rules["issue_date"].match(line):  # （2020年9月）: when it was issued, not what it is called
        return False
    if titles.ends_like_title(previous) and titles.is_headline(previous):  # a news headline over a title
        return False
    if rules["continuation"].match(line):  # （2019-2020年）, but not 【XX活动方案2】: a title of its own
        return not titles.ends_like_title(titles.read_title(line).text)
    if any(previous.count(opening) > previous.count(closing) for opening, closing in rules["pairs"]):
        return True  # 《…, （…, “最美家庭 … left open
    if rules["unitless_title"].match(line) and titles.ends_like_title(line) and metadata.is_unit_name(rules["unit_note"].sub("", previous)):
        return True  # 某某公司营销部客户服务中心 / 创建全国青年文明号工作方案: the unit on a line of its own above the rest
    tail = rules["title_word"].search(line)  # 工作方案（2019-2020年） ends a title begun above
    if rules["title_word"].search(previous) or len(previous) < rules["min_head"] or not tail:
        return False
    if titles.opens_like_title(previous) or (rules["title_head"].search(previous) and not titles.is_generic(previous)):
        return titles.ends_like_title(line)  # 关于开展… / 某市2024年XX … cut before its genre word (not 2024年最新范文)
    return tail.start() <= rules["fragment"]


def _best_title(candidates: list[str], body: list[str]) -> str:
    """The plan's own title: the one whose years the body mentions most; ties go to the
    lowest candidate, since a site's title sits above the document's own."""
    years = _rules()["year"]
    body_years = Counter(years.findall("".join(body)))

    def score(title: str) -> int:
        return sum(body_years[y] for y in set(years.findall(title)))

    best = candidates[-1]
    for candidate in reversed(candidates):
        if score(candidate) > score(best):
            best = candidate
    return best


def _split_signature(body: list[str]) -> tuple[list[str], list[str]]:
    """Move the trailing issuer/date lines (and blank lines) out of the body, and what the page
    printed under them that is not the plan's (replies under a forum post)."""
    rules = _rules()
    end = _after_signature(body)
    after_date = False
    while end > 0:
        line = body[end - 1]
        if not line:
            end -= 1
        elif rules["date_line"].match(line):
            end, after_date = end - 1, True
        elif after_date and len(line) <= rules["signature"] and not rules["punct"].search(line):
            end, after_date = end - 1, False  # the issuer's name above the date
        else:
            break
    return body[:end], [line for line in body[end:] if line]


def _may_be_title(line: str) -> bool:
    """A title of the genre, or a line opening like a notice's title (关于开展…, its end cut)."""
    return (_title_like(line) and _candidate(line)) or bool(titles.opens_like_title(line))


def _after_signature(body: list[str]) -> int:
    """Where the page's text under the plan's signature (an issuer line, then a date line) begins:
    a few lines, none a numbered heading or a title (replies under a forum post: 支持！…, 3#, a
    reader's remark). ``len(body)`` if there is none."""
    rules = _rules()
    filled = [index for index, line in enumerate(body) if line]
    for position in range(len(filled) - 2, max(len(filled) - 2 - rules["after_signature"], 0), -1):
        date, issuer = body[filled[position]], body[filled[position - 1]]
        if not rules["date_line"].match(date) or len(issuer) > rules["signature"] or rules["punct"].search(issuer):
            continue
        after = [body[index] for index in filled[position + 1 :]]
        if any(_is_numbered(line) or rules["date_line"].match(line) or _may_be_title(line) for line in after):
            return len(body)
        return filled[position] + 1
    return len(body)


def _dedupe(items: list[str]) -> list[str]:
    """Keep the first of lines that differ only in spaces (seed 001 prints its title twice)."""
    seen: set[str] = set()
    kept = []
    for item in items:
        if _compact(item) not in seen:
            seen.add(_compact(item))
            kept.append(item)
    return kept


def _same_title(line: str, title: str) -> bool:
    return _compact(line) == _compact(title)


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)
