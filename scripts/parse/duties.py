"""Who does what, and when: duty notes on tasks and the phases of a plan's schedule.

A task often ends with a note naming the units in charge — ``（牵头单位：机关党委，责任单位：
各处室、单位）`` or ``（机关党委负责，办公室协助）`` — which we lift out of the text so pages
can list tasks by unit. Phases (``筹备发动阶段（2019年11月）``) become a timeline.
Labels, verbs and patterns are in rules/structure.yml.
"""
from __future__ import annotations

import re
from functools import lru_cache

from scripts.models import Phase, Section
from scripts.rules import fast_start, load_rules


@lru_cache(maxsize=None)
def _rules() -> dict:
    rules = load_rules("structure")
    duties, phases = rules["duties"], rules["phases"]
    roles = {label: role for role, labels in duties["labels"].items() for label in labels}
    labels = "|".join(map(re.escape, sorted(roles, key=len, reverse=True)))
    verbs = {verb: "lead" for verb in duties["lead_verbs"]} | {verb: "support" for verb in duties["support_verbs"]}
    return {
        "roles": roles,
        "label": re.compile(rf"({labels})\s*[:：]\s*"),
        # a note in brackets at the end of the text; the closing bracket may be lost
        "bracket_note": re.compile(r"[（(](?P<note>[^（）()]{1,120})(?:[）)]\s*(?P<stop>[。；;.]?))?\s*$"),
        "label_note": fast_start(re.compile(rf"(?:^|(?<=[。；;！!]))\s*(?P<note>(?:{labels})\s*[:：][^。]{{1,120}})[。]?\s*$")),
        "verbs": sorted(verbs.items(), key=lambda kv: len(kv[0]), reverse=True),
        "unit_separators": re.compile(duties["unit_separators"]),
        "qualifier": re.compile("^(.*(?:" + "|".join(map(re.escape, duties["qualifiers"])) + "))(.+)$"),
        "generic": set(duties["generic_units"]),
        "phase_name": re.compile(phases["name"]),
        "period": re.compile(phases["period"]),
        "date": re.compile(phases["date"]),
        "range_separator": re.compile(phases["range_separator"]),
    }


def split_duties(text: str) -> tuple[str, list[str], list[str]]:
    """(text without the duty note, lead units, support units); the text unchanged if none."""
    rules = _rules()
    for pattern in (rules["bracket_note"], rules["label_note"]):
        match = pattern.search(text)
        if not match:
            continue
        duties = _read_note(match["note"])
        if duties:
            kept = text[: match.start()].rstrip()
            if match.groupdict().get("stop") == "。" and kept and kept[-1] not in "。！？；!?;":
                kept += "。"
            return kept, duties[0], duties[1]
    return text, [], []


def _read_note(note: str) -> tuple[list[str], list[str]] | None:
    """(lead, support) named in a duty note, or None when the note is not about duties."""
    rules = _rules()
    note = note.strip()
    labels = list(rules["label"].finditer(note))
    if labels and labels[0].start() == 0:
        found: dict[str, list[str]] = {"lead": [], "responsible": [], "support": []}
        for label, following in zip(labels, labels[1:] + [None]):
            segment = note[label.end() : following.start() if following else len(note)]
            found[rules["roles"][label[1]]] += _units(segment)
        if found["lead"]:
            return found["lead"], found["responsible"] + found["support"]
        return found["responsible"], found["support"]
    return _read_clauses(note)


def _read_clauses(note: str) -> tuple[list[str], list[str]] | None:
    """``机关党委负责，办公室、各科室协助``: each clause ends with its verb."""
    found: dict[str, list[str]] = {"lead": [], "support": []}
    pending: list[str] = []  # units listed before the clause that names their role
    for clause in re.split(r"[，,；;]", note):
        clause = clause.strip().removeprefix("由")
        role, units = _clause_role(clause)
        if role:
            found[role] += pending + units
            pending = []
        elif clause:
            pending += _units(clause)
    if pending or not found["lead"] + found["support"]:
        return None
    return found["lead"], found["support"]


def _clause_role(clause: str) -> tuple[str, list[str]]:
    for verb, role in _rules()["verbs"]:
        if clause.endswith(verb) and len(clause) > len(verb):
            units = _units(clause[: -len(verb)])
            if units:
                return role, units
    return "", []


def _units(segment: str) -> list[str]:
    """``各处室、单位`` → [各处室, 各单位]: a bare generic noun inherits the qualifier before it."""
    rules = _rules()
    units: list[str] = []
    for part in rules["unit_separators"].split(segment):
        unit = part.strip().strip("。.").removesuffix("等").strip()
        if not unit:
            continue
        if unit in rules["generic"] and units:
            qualified = rules["qualifier"].match(units[-1])
            if qualified and qualified[2] in rules["generic"]:
                unit = qualified[1] + unit
        units.append(unit)
    return units


def extract_phases(sections: list[Section], lines: list[str], year: int | None = None) -> list[Phase]:
    """The phases of the schedule, from headings or items like ``筹备发动阶段（2019年11月）``;
    from the plain ``lines`` when no section names one. ``year`` completes dates like 2月."""
    phases = [phase for section in sections for phase in _section_phases(section, year)]
    if phases:
        return phases
    return [phase for line in lines if (phase := _phase_in(line, year, need_period=True))]


def _section_phases(section: Section, year: int | None) -> list[Phase]:
    heading = f"{section.number}：{section.title}" if section.number.startswith("第") else section.title
    phase = _phase_in(heading, year, need_period=False)
    if phase:  # the phase's description is the section's paragraphs
        phase.text = "\n".join(t for t in [phase.text] + [item.text for item in section.items] if t)
        return [phase]
    found = [p for item in section.items if (p := _phase_in(item.text, year, need_period=True))]
    return found + [p for child in section.sections for p in _section_phases(child, year)]


def _phase_in(text: str, year: int | None, need_period: bool) -> Phase | None:
    """A phase named at the start of ``text``; its period in brackets right after the name."""
    rules = _rules()
    text = text.strip()
    match = rules["phase_name"].match(text)
    if not match:
        return None
    rest = text[match.end() :]
    period = rules["period"].match(rest)
    named = bool(period) or text.startswith("第")  # 第一阶段 / 第一步, or a stated period
    if not named and (need_period or rest):
        return None  # 本阶段要… / 创建工作共分三个阶段进行 only mention phases
    start = end = ""
    if period:
        start, end = _period(period["period"], year)
        rest = rest[period.end() :]
    return Phase(name=match["name"] or match["plain"], start=start, end=end, text=rest.lstrip("。．.：:，,、 "))


def _period(period: str, year: int | None) -> tuple[str, str]:
    """``2019年12月—2020年2月`` → (2019-12, 2020-02); ``2月—4月`` → (02, 04) or with a year."""
    rules = _rules()
    dates = list(rules["date"].finditer(period))
    if not dates:
        return "", ""
    first = _date(dates[0], year)
    if len(dates) == 1 or not rules["range_separator"].search(period[dates[0].end() : dates[1].start()]):
        return first, first
    first_year = dates[0]["year"] or dates[0]["only_year"]
    return first, _date(dates[1], int(first_year) if first_year else year)


def _date(match: re.Match, year: int | None) -> str:
    if match["only_year"]:
        return match["only_year"]
    parts = [f"{int(match['month']):02d}"]
    if match["day"]:
        parts.append(f"{int(match['day']):02d}")
    stated = match["year"] or (str(year) if year else "")
    return "-".join([stated] + parts if stated else parts)
