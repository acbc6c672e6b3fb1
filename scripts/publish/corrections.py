"""Corrections a curator makes by hand: ``corrections.yml`` fixes a plan's title or metadata, or leaves
a file or one of its plans out of the site.

The file is kept beside raw/ and never written into it: every ingest parses the raw files afresh
and ``apply`` corrects the outcomes again, after parse and tag and before publishing, so a fix
survives re-ingesting and improvements to the parser (the outcome cache holds uncorrected
outcomes; the corrections file is part of the publish stamp instead).

Each entry names its plan by permanent id (``plan: k3x7qa``, shown on the plan's page and kept in
permalinks.json) or by source file (``file: NAME``, with ``plan_index: N`` for one plan of a
multi-plan file, 0 being the first; without it, every plan of the file). ``load`` checks the file:
a bad entry is reported with its line and left out while the others stand; a file that is not
YAML at all is reported and ignored. ``apply`` says what each entry changed (old → new), or why it
matched nothing. A correction's text is data like any raw text: pages escape it like parsed text.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from scripts.publish.reportpage import STATUS_LABELS
from scripts.rules import load_rules

DEFAULT_NAME = "corrections.yml"
FIELDS = ("title", "unit", "sector", "region", "years", "level")  # what ``set:`` may fix
KEYS = ("plan", "file", "plan_index", "set", "exclude", "note")  # what an entry may hold
EXCLUDED = "excluded"  # the status of a file left out (FileOutcome.status)

_NULL, _INT, _BOOL = (f"tag:yaml.org,2002:{name}" for name in ("null", "int", "bool"))
_CONSTRUCT = yaml.constructor.SafeConstructor()
_MAKE = {_INT: _CONSTRUCT.construct_yaml_int, _BOOL: _CONSTRUCT.construct_yaml_bool}  # the scalars that are not text


@dataclass(frozen=True)
class Correction:
    """One checked entry of the file: what it names and what it does."""

    line: int  # 1-based line of the entry's first key
    plan: str = ""  # permanent id, or ""
    file: str = ""  # source file as the report names it, or ""
    plan_index: int | None = None  # with ``file``: 0 for the file's first plan; None for every plan
    changes: tuple[tuple[str, object], ...] = ()  # (field, new value) in the order written; years as a tuple
    exclude: bool = False
    note: str = ""

    def target(self) -> str:
        """The entry's key as written, for the report."""
        if self.plan:
            return f"plan: {self.plan}"
        return f"file: {self.file}" + ("" if self.plan_index is None else f", plan_index: {self.plan_index}")


@dataclass(frozen=True)
class Problem:
    """Why an entry (or the whole file) was left out."""

    line: int
    message: str


@dataclass(frozen=True)
class Corrections:
    """The checked file; no file (or none given) is no corrections."""

    name: str = ""  # file name shown in the report, "" when there is no file
    digest: str = ""  # hash of name and bytes, for the publish stamp ("" when there is no file)
    entries: tuple[Correction, ...] = ()
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Change:
    field: str
    old: object
    new: object


@dataclass(frozen=True)
class Applied:
    """What one entry did to one plan, or to a whole file (``index_in_file`` None)."""

    correction: Correction
    source_file: str
    index_in_file: int | None
    title: str  # the plan's title after the correction ("" for a whole file)
    changes: tuple[Change, ...] = ()  # empty for an exclusion, or when the plan already had these values


@dataclass(frozen=True)
class Unmatched:
    correction: Correction
    reason: str


@dataclass
class Corrected:
    """``apply``'s result: the corrected outcomes and the account the report gives of every entry."""

    outcomes: list
    corrections: Corrections
    applied: list[Applied]
    unmatched: list[Unmatched]


# --- reading the file --------------------------------------------------------------------------------


class _Bad(Exception):
    """An entry that cannot be used, and the line to blame."""

    def __init__(self, node: yaml.Node, message: str):
        super().__init__(message)
        self.line = node.start_mark.line + 1


def load(path: Path | None) -> Corrections:
    """The checked corrections in ``path``; no file there means no corrections. Never raises on content."""
    if path is None or not Path(path).exists():
        return Corrections()
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Corrections(path.name, _digest(path.name, b""), problems=(Problem(0, f"无法读取文件：{exc.strerror or exc}"),))
    digest = _digest(path.name, data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return Corrections(path.name, digest, problems=(Problem(line, "不是 UTF-8 文本：请把文件另存为 UTF-8"),))
    entries, problems = parse(text)
    return Corrections(path.name, digest, entries, problems)


def _digest(name: str, data: bytes) -> str:
    return hashlib.sha256(name.encode("utf-8") + b"\0" + data).hexdigest()


def parse(text: str) -> tuple[tuple[Correction, ...], tuple[Problem, ...]]:
    """The good entries of a corrections file, and a problem for each bad one (or for the whole file)."""
    try:
        loader = yaml.SafeLoader(text)  # reads the text at once: a forbidden character fails here
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        return (), (Problem(_error_line(exc, text), f"不是有效的 YAML（{getattr(exc, 'problem', None) or getattr(exc, 'reason', None) or exc}），整个文件未使用"),)
    except RecursionError:
        return (), (Problem(1, "列表或映射嵌套太深，整个文件未使用"),)
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag == _NULL):
        return (), ()
    if not isinstance(root, yaml.SequenceNode):
        return (), (Problem(root.start_mark.line + 1, "文件应是一列条目，每条以「- 」开头；整个文件未使用"),)
    entries, problems = [], []
    for node in root.value:
        try:
            entries.append(_entry(node))
        except _Bad as bad:
            problems.append(Problem(bad.line, f"{bad}；这一条未使用"))
    return tuple(entries), tuple(problems)


def _error_line(exc: yaml.YAMLError, text: str) -> int:
    """The 1-based line a YAML error points at (a reader error gives a character position instead)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        return mark.line + 1
    return text[: getattr(exc, "position", 0)].count("\n") + 1


def _entry(node: yaml.Node) -> Correction:
    fields = _mapping(node, KEYS, "条目", "每一条应写成若干「名称: 值」，如「plan: abc234」或「file: 文件名」")
    if ("plan" in fields) == ("file" in fields):
        raise _Bad(node, "每一条用「plan: 永久编号」或「file: 文件名」指明方案，两者只写一个")
    if "plan_index" in fields and "file" not in fields:
        raise _Bad(fields["plan_index"][0], "plan_index 只与 file: 一起用（plan: 永久编号已经指明一篇）")
    exclude = _flag(fields["exclude"][1]) if "exclude" in fields else False
    changes = _changes(fields["set"][1]) if "set" in fields else ()
    if exclude and changes:
        raise _Bad(node, "一条不能既排除（exclude）又修改（set）")
    if not exclude and not changes:
        raise _Bad(node, "这一条什么也不改：请写 set: 和要改的项，或写 exclude: true")
    index = fields.get("plan_index")
    return Correction(
        line=node.start_mark.line + 1,
        plan=_text(fields["plan"][1], required=True) if "plan" in fields else "",
        file=_text(fields["file"][1], required=True) if "file" in fields else "",
        plan_index=_index(index[1]) if index else None,
        changes=changes,
        exclude=exclude,
        note=_text(fields["note"][1]) if "note" in fields else "",
    )


def _mapping(node: yaml.Node, allowed: tuple[str, ...], what: str, wrong: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """{key: (key node, value node)} of a mapping whose keys are all ``allowed`` and none repeated."""
    if not isinstance(node, yaml.MappingNode):
        raise _Bad(node, wrong)
    found: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key not in allowed:
            raise _Bad(key_node, f"{what}中没有「{key}」这一项（可写：{'、'.join(allowed)}）")
        if key in found:
            raise _Bad(key_node, f"{what}中「{key}」写了两次")
        found[key] = (key_node, value_node)
    return found


def _changes(node: yaml.Node) -> tuple[tuple[str, object], ...]:
    fields = _mapping(node, FIELDS, "set: ", f"set: 下应写要改的项及新值（{'、'.join(FIELDS)}）")
    return tuple((name, _value(name, value)) for name, (_, value) in fields.items())


def _value(name: str, node: yaml.Node) -> object:
    """A field's new value, checked: text on one line, years as a sorted tuple, a known level."""
    if name == "years":
        return _years(node)
    value = _text(node, required=name == "title")
    if name == "level" and value and value not in known_levels():
        raise _Bad(node, f"没有「{value}」这个级别（可写：{'、'.join(sorted(known_levels()))}，或留空）")
    return value


def _text(node: yaml.Node, required: bool = False) -> str:
    """A scalar's text exactly as written (plan: 234567 stays the id "234567"); null is ""."""
    if not isinstance(node, yaml.ScalarNode):
        raise _Bad(node, "这里应写文字，不是列表或映射")
    value = "" if node.tag == _NULL else node.value.strip()
    if "\n" in value or "\r" in value:
        raise _Bad(node, "文字必须写在一行内")
    if required and not value:
        raise _Bad(node, "不能为空")
    return value


def _scalar(node: yaml.Node, tag: str, wrong: str):
    if not isinstance(node, yaml.ScalarNode) or node.tag != tag:
        raise _Bad(node, f"{wrong}，不能是「{node.value}」" if isinstance(node, yaml.ScalarNode) else wrong)
    return _MAKE[tag](node)


def _flag(node: yaml.Node) -> bool:
    return _scalar(node, _BOOL, "exclude 只能是 true 或 false")


def _index(node: yaml.Node) -> int:
    value = _scalar(node, _INT, "plan_index 应是整数（0 是文件中的第一篇）")
    if value < 0:
        raise _Bad(node, "plan_index 不能小于 0（0 是文件中的第一篇）")
    return value


def _years(node: yaml.Node) -> tuple[int, ...]:
    """``years: 2019`` or ``years: [2019, 2020]`` (``[]`` clears them), each a plausible year."""
    nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
    years = []
    for item in nodes:
        year = _scalar(item, _INT, "years 应是一个年份或一列年份，例如 [2019, 2020]")
        if not re.fullmatch(load_rules("lexicon")["years"]["year"], str(year)):
            raise _Bad(item, f"{year} 不是合理的年份（见 rules/lexicon.yml 的 years.year）")
        years.append(year)
    return tuple(sorted(set(years)))


@lru_cache(maxsize=1)
def known_levels() -> frozenset[str]:
    """The levels metadata gives (rules/lexicon.yml levels.words), each also with a qualifier: 省级最佳."""
    levels = load_rules("lexicon")["levels"]
    return frozenset(word + qualifier for word in levels["words"] for qualifier in ["", *levels["qualifiers"]])


# --- applying it ---------------------------------------------------------------------------------------


Place = tuple[str, int, str]  # where the registry last saw a plan: source file, index in it, print hash


def apply(outcomes: list, corrections: Corrections, place_of: Callable[[str], Place | None] = lambda plan_id: None) -> Corrected:
    """The outcomes with every entry applied in the file's order, and what each did or why it matched nothing.

    ``place_of`` tells where the plan of a permanent id was last published (``Registry.place_of``):
    the plan of that file whose text is unchanged, else the plan at the same place in it, else a plan
    with the same text in another file (the file was renamed). The input outcomes are not changed.
    """
    if not corrections.entries:
        return Corrected(outcomes, corrections, [], [])
    state = _State([dataclasses.replace(o, plans=list(o.plans), prints=list(o.prints)) for o in outcomes], corrections.name)
    for entry in corrections.entries:
        state.run(entry, place_of)
    return Corrected(state.finish(), corrections, state.applied, state.unmatched)


class _State:
    """The outcomes being corrected; excluded plans stay in place (as None) until ``finish``, so later entries can say why they miss."""

    def __init__(self, outcomes: list, name: str):
        self.outcomes = outcomes
        self.name = name
        self.applied: list[Applied] = []
        self.unmatched: list[Unmatched] = []
        self.excluded_by: dict[tuple[str, int | None], int] = {}  # (file, index or None for the file) → line

    def run(self, entry: Correction, place_of: Callable[[str], Place | None]) -> None:
        found = self._by_id(entry, place_of) if entry.plan else self._by_file(entry)
        if isinstance(found, str):
            self.unmatched.append(Unmatched(entry, found))
            return
        if entry.exclude and entry.file and entry.plan_index is None:
            for outcome in found:
                self._exclude_file(outcome, entry)
            return
        for outcome, position in found:
            plan = outcome.plans[position]
            if entry.exclude:
                outcome.plans[position] = None
                self.excluded_by[(outcome.source, plan.index_in_file)] = entry.line
                self.applied.append(Applied(entry, outcome.source, plan.index_in_file, plan.title))
            else:
                outcome.plans[position], changes = _corrected(plan, entry.changes)
                self.applied.append(Applied(entry, outcome.source, plan.index_in_file, outcome.plans[position].title, changes))

    def _by_id(self, entry: Correction, place_of) -> list | str:
        place = place_of(entry.plan)
        if place is None:
            return f"没有永久编号为 {entry.plan} 的方案（永久编号见各方案页，也记在 permalinks.json 中）"
        source, index, print_hash = place
        live = [(o, k) for o in self.outcomes for k, p in enumerate(o.plans) if p is not None and k < len(o.prints)]  # outcomes made without prints: by file only
        for same in (
            lambda o, k: o.source == source and o.prints[k].plan.hash == print_hash,
            lambda o, k: o.source == source and o.plans[k].index_in_file == index,
            lambda o, k: o.prints[k].plan.hash == print_hash,
        ):
            hits = [(o, k) for o, k in live if same(o, k)]
            if hits:
                return hits[:1]
        gone = self._excluded(source, index)
        return gone or f"方案 {entry.plan} 原在 {source}（plan_index: {index}），该文件中已没有它"

    def _by_file(self, entry: Correction) -> list | str:
        outcomes = [o for o in self.outcomes if o.source == entry.file]
        if not outcomes:
            return f"没有名为 {entry.file} 的原始文件"
        if entry.exclude and entry.plan_index is None:
            return [o for o in outcomes if o.status != EXCLUDED] or self._excluded(entry.file, None)
        hits = [
            (o, k) for o in outcomes for k, p in enumerate(o.plans) if p is not None and entry.plan_index in (None, p.index_in_file)
        ]
        if hits:
            return hits
        if gone := self._excluded(entry.file, entry.plan_index):
            return gone
        counted = sum(1 for o in outcomes for p in o.plans if p is not None)
        if entry.plan_index is None or not counted:
            return f"{entry.file} 中没有方案（{_status(outcomes[0])}）"
        return f"{entry.file} 中没有 plan_index: {entry.plan_index}（它的方案是 0 到 {counted - 1}）"

    def _excluded(self, source: str, index: int | None) -> str:
        line = self.excluded_by.get((source, index)) or self.excluded_by.get((source, None))
        return f"已被第 {line} 行排除" if line else ""

    def _exclude_file(self, outcome, entry: Correction) -> None:
        was = "" if outcome.status == "plans" else f"（原为{_status(outcome)}）"
        outcome.status, outcome.reason = EXCLUDED, f"被 {self.name} 第 {entry.line} 行排除{was}"
        outcome.plans, outcome.prints = [], []
        self.excluded_by[(outcome.source, None)] = entry.line
        self.applied.append(Applied(entry, outcome.source, None, ""))

    def finish(self) -> list:
        """Excluded plans removed (with their prints); a file left without plans is itself excluded."""
        for outcome in self.outcomes:
            if None not in outcome.plans:
                continue
            kept = [k for k, plan in enumerate(outcome.plans) if plan is not None]
            outcome.prints = [outcome.prints[k] for k in kept if k < len(outcome.prints)]
            outcome.plans = [outcome.plans[k] for k in kept]
            if not outcome.plans:
                outcome.status, outcome.reason = EXCLUDED, f"每一篇都被 {self.name} 排除"
        return self.outcomes


def _status(outcome) -> str:
    """A file's state as the report names it, with its reason: 拒收：无法读取文件 …"""
    label = STATUS_LABELS.get(outcome.status, outcome.status)
    return f"{label}：{outcome.reason}" if outcome.reason else label


def _corrected(plan, changes: tuple[tuple[str, object], ...]):
    """A copy of the plan with the fields set, and the changes it made. Naming the unit makes it no longer anonymised."""
    meta = plan.meta
    made = []
    title = plan.title
    for name, new in changes:
        old = title if name == "title" else getattr(meta, name)
        old = tuple(old) if name == "years" else old
        if old == new:
            continue
        made.append(Change(name, old, new))
        if name == "title":
            title = new
        else:
            meta = dataclasses.replace(meta, **{name: list(new) if name == "years" else new})
            if name == "unit" and new and meta.unit_anonymised:
                meta = dataclasses.replace(meta, unit_anonymised=False)
                made.append(Change("unit_anonymised", True, False))
    return dataclasses.replace(plan, title=title, meta=meta), tuple(made)


# --- the account ----------------------------------------------------------------------------------------


def report(corrected: Corrected | None, outcomes: list) -> dict:
    """The ``corrections`` part of data/report.json; ``outcomes`` are the published ones (plans carry ids and slugs)."""
    if corrected is None:
        return {"file": "", "applied": [], "unmatched": [], "problems": []}
    plans = {(o.source, p.index_in_file): p for o in outcomes for p in o.plans}
    applied = []
    for a in corrected.applied:
        plan = plans.get((a.source_file, a.index_in_file))
        applied.append(
            {
                "line": a.correction.line,
                "target": a.correction.target(),
                "source": a.source_file,
                "index_in_file": a.index_in_file,
                "id": plan.id if plan else "",
                "slug": plan.slug if plan else "",
                "title": a.title,
                "exclude": a.correction.exclude,
                "changes": [{"field": c.field, "old": _plain(c.old), "new": _plain(c.new)} for c in a.changes],
                "note": a.correction.note,
            }
        )
    return {
        "file": corrected.corrections.name,
        "applied": applied,
        "unmatched": [{"line": u.correction.line, "target": u.correction.target(), "reason": u.reason, "note": u.correction.note} for u in corrected.unmatched],
        "problems": [{"line": p.line, "message": p.message} for p in corrected.corrections.problems],
    }


def _plain(value: object) -> object:
    """Years as a list, as JSON has them (the report page reads this document before it is written)."""
    return list(value) if isinstance(value, tuple) else value


def summary_lines(corrected: Corrected) -> list[str]:
    """For the terminal: counts, then every problem and unmatched entry (the report lists them too)."""
    c = corrected.corrections
    if not c.name:
        return []
    lines = [f"人工修正 {c.name}：应用 {len(corrected.applied)} 条，未匹配 {len(corrected.unmatched)} 条，有误 {len(c.problems)} 条"]
    lines += [f"  {c.name}:{p.line}: {p.message}" for p in c.problems]
    lines += [f"  {c.name}:{u.correction.line}: {u.correction.target()}：没有匹配：{u.reason}" for u in corrected.unmatched]
    return lines
