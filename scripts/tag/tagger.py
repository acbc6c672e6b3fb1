"""Tag every plan item with the activity types of ``rules/taxonomy.yml``.

文明办 officers look up all concrete activities of one type (志愿服务, 道德讲堂, 文明餐桌 …)
across plans, so an item gets the types of the activities it says the unit will carry out —
not of every word it mentions in passing. ``tag_item`` is the one function that decides, for
ingest (``tag_plan``) and for the ``tag`` command alike. It reads an item with its plan's title
and the headings above it (the cues are data, in ``rules/tagging.yml``), all read as the cleaner
leaves a page, in mainland words (an item handed over in traditional characters or with pinyin readings
reads as its simplified, unannotated twin; a Taiwan-style converter's 网路 is 网络):

1. not an item — a bare heading, a member list (副组长：某某, 号长：某某), a field line (时间：…), a date,
   a slogan, a link — gets nothing; nor does background, which reports and plans nothing (an item under 基本情况 or
   工作基础, or shaped 某村位于…, 近年来先后…);
2. a statement — aims, background, a theme, criteria, by its section's heading (指导思想, 活动目的,
   评选标准 …, also above an unlabelled point) or its shape (为…制定本方案, 以…为指导) — gets only the
   types it names after an action verb ("广泛开展志愿服务活动"), not those of its ideals ("弘扬雷锋精神");
   a standard of a campaign's own selection keeps the plan's kind (step 5);
3. otherwise the taxonomy's keywords and synonyms count, scanned once as a trie-shaped regex,
   longest phrase first (最美家庭 is 文明家庭, not 身边好人); a hit inside one of its type's
   exclusion phrases is dropped (扶贫济困 is not 驻村扶贫); organisational types (考核, 领导小组 …)
   count only in the lead clause unless the item sits under a measures heading; keywords in a
   framing clause ("与新时代文明实践活动紧密结合"), in a list of virtues the item fosters
   ("倡导诚实守信、勤俭节约的传统美德") and keywords naming a body or a document
   (文明城市创建工作领导小组) do not count, nor those of a clause that only appoints people (站长由…担任: 组织领导),
   of a list of the fields teams are named after or of the standards a selection goes by (组建文艺、助老2支志愿服务队;
   对照孝老爱亲、庭院整洁等十条标准), nor a venue a report goes to (报送…新时代文明实践所), nor a leading body that only does or is told of another
   step (由领导小组进行检查验收, 上报领导小组), nor 文明城市创建 where the item only mentions the
   creation ("为创建全国文明城市作出贡献") rather than taking part in it; an item that urges an event on
   under its requirements heading (活动要求 > 要把学雷锋活动作为重要工作抓紧抓好) names an activity only
   after an action verb, as a statement does, while organisational types count as they are;
4. a short item without an activity of its own does the one its nearest heading names
   (（三）开展关爱空巢老人活动 → 每周上门一次。 is 关爱帮扶); an activity under a heading naming an
   audience or festival type (四、加强未成年人思想道德建设, （三）中秋节) is for it, however long — a step that
   prepares or reports the work (活动结束后，及时报送信息) borrows neither;
5. an item of a plan whose title names a campaign type (学雷锋, 道德讲堂, 重阳节 … — after the title's year, if one
   is named there: before it a type is the issuer's name, 某社区新时代文明实践站2030年端午活动方案) is an
   activity of that campaign, unless it is an organisational or procedural step or sits under a
   support heading (保障措施, 考核 …); a step of the campaign's own procedure (a selection's 公示 or
   表彰, the 宣传栏 its winners are shown on: procedure words of a type that yields_to the plan's kind or
   is a step_of it) is the campaign's alone — and so is such a step of a selection the item itself
   names (评选最美教师…，举行表彰大会); plain words beside the type theirs yields to (浪费 beside 光盘行动) are that type's.

Everything is compiled once per taxonomy; an item costs a few regex scans of its own text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from scripts.clean.pinyin_notes import strip_pinyin_annotations
from scripts.clean.t2s import has_traditional, to_simplified
from scripts.models import Plan, Section, walk_sections
from scripts.rules import load_rules

# Characters that carry no meaning for matching: quotes of every style and spaces.
_NOISE = "“”\"'‘’「」『』《》〈〉 \u3000\t"
# Punctuation that ends a clause, for framing and action clauses.
_CLAUSE = re.compile(r"[^，,。；;：:！？!?]+")
_SPACE = re.compile(r"\s+")
_LEAD_STOP = re.compile(r"[。：:]")
# A heading's own number (一、 （二） 3. 第一阶段：) and trailing punctuation, to compare its title.
_HEADING_NUMBER = re.compile(r"^(?:第[一二三四五六七八九十百\d]+[部分阶段章节篇]*|[（(]?[一二三四五六七八九十百\d]{1,3}[)）]?)[、.．:：]?")
_HEADING_TAIL = re.compile(r"[。：:；;，,、]+$")


@dataclass
class ActivityType:
    name: str
    theme: str
    keywords: list[str]  # keywords and synonyms together: any of them tags the item
    exclude: list[str]
    description: str = ""
    yields_to: list[str] = field(default_factory=list)  # types whose activity a hit in the same clause belongs to
    step_of: list[str] = field(default_factory=list)  # types whose procedure its procedure words are a step of (only)


@dataclass
class Theme:
    name: str
    types: list[ActivityType]


@dataclass(frozen=True)
class Cues:
    """The context rules of ``rules/tagging.yml`` (regex sources and word lists, as tuples)."""

    decoration: str = r"(?!)"
    not_item: tuple[tuple[str, str], ...] = ()  # (id, regex)
    not_item_max_chars: int = 0
    statement_heading_words: tuple[str, ...] = ()
    criteria_heading_words: tuple[str, ...] = ()
    background_heading_words: tuple[str, ...] = ()
    background_shapes: tuple[tuple[str, str], ...] = ()
    setting_heading_words: tuple[str, ...] = ()
    activity_heading_words: tuple[str, ...] = ()
    requirement_heading_words: tuple[str, ...] = ()
    urging_lead: str = r"(?!)"
    statement_shapes: tuple[tuple[str, str], ...] = ()
    action_verb: str = r"(?!)"
    naming_suffixes: tuple[str, ...] = ()
    naming_gap_chars: int = 0
    bodies: tuple[str, ...] = ()
    body_role: str = r"(?!)"
    body_in_charge: str = r"(?!)"
    body_set_up: str = r"(?!)"
    body_checks: str = r"(?!)"
    report_to: str = r"(?!)"  # what comes before a venue named as a report's addressee (报送…)
    venue_suffixes: tuple[str, ...] = ()
    appointment: str = r"(?!)"  # a sentence that only appoints people to roles (站长由…担任)
    appointment_type: str = ""
    appointment_verbs: tuple[str, ...] = ()
    title_heading: str = r"(?!)"
    title_year: str = r"(?!)"  # the year in a plan title, after the issuer's name
    procedural_lead: str = r"(?!)"
    plan_kind_types: tuple[str, ...] = ()
    procedure_words: tuple[str, ...] = ()
    served_words: tuple[str, ...] = ()  # whom a service is for (老年人): beside that service, its own words
    plain_words: tuple[str, ...] = ()  # too plain to stand beside the type they yield to (浪费 beside 光盘)
    acted_only_types: tuple[str, ...] = ()
    taking_part_verb: str = r"(?!)"
    short_item_chars: int = 0
    audience_types: tuple[str, ...] = ()
    purpose_lead: str = r"(?!)"
    regional_words: tuple[tuple[str, str], ...] = ()  # (converter's word, mainland word), longest first
    virtue_list: str = r"(?!)"
    virtue_tail: str = r"(?!)"


@dataclass
class Taxonomy:
    themes: list[Theme]
    main_type_min_items: int = 1
    lead_only_types: list[str] = field(default_factory=list)
    measures_headings: list[str] = field(default_factory=list)
    support_headings: list[str] = field(default_factory=list)
    passing_clause_markers: list[str] = field(default_factory=list)
    cues: Cues = field(default_factory=Cues)
    contexts: dict = field(default_factory=dict, repr=False, compare=False)  # see _context

    @property
    def types(self) -> list[ActivityType]:
        return [t for theme in self.themes for t in theme.types]

    @cached_property
    def matcher(self) -> "Matcher":
        return _matcher(
            tuple((t.name, tuple(t.keywords), tuple(t.exclude), tuple(t.yields_to), tuple(t.step_of)) for t in self.types),
            tuple(self.passing_clause_markers),
            tuple(self.lead_only_types),
            self.cues,
        )

    @cached_property
    def reader(self) -> "Reader":
        return _reader(self.cues, tuple(self.measures_headings), tuple(self.support_headings))


class Matcher:
    """Compiled scans over the taxonomy's phrases: keywords (→ types), exclusions (→ types cancelled),
    framing markers (→ clauses whose activity keywords do not count), naming suffixes and action verbs."""

    def __init__(self, types: tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...], passing_markers, organisational, cues: Cues):
        """``types`` are (name, keywords, exclusions, yields_to, step_of); ``organisational`` types are
        lead-clause-only and exempt from the framing-clause rule."""
        self.order = {name: i for i, (name, *_) in enumerate(types)}
        # phrases are read in mainland words like the texts, so a keyword written 网路安全 still matches
        self.keyword_types = _phrase_index(((name, keywords) for name, keywords, *_ in types), cues.regional_words)
        self.exclude_types = _phrase_index(((name, exclude) for name, _, exclude, *_ in types), cues.regional_words)
        self.yields = {name: frozenset(yields_to) for name, _, _, yields_to, _ in types if yields_to}
        self.yielding = frozenset(self.yields)
        # the campaigns whose own procedure a type's procedure words can be a step of: yields_to and step_of
        self.steps = {name: frozenset(yields_to + step_of) for name, _, _, yields_to, step_of in types if yields_to or step_of}
        self.keywords = _compile(self.keyword_types)
        self.excludes = _compile(self.exclude_types)
        self.passing = _compile(map(normalise, passing_markers))
        self.organisational = frozenset(organisational)
        self.action = re.compile(cues.action_verb)
        self.taking_part = re.compile(f"(?:{cues.action_verb})|(?:{cues.taking_part_verb})")
        suffixes = "|".join(map(re.escape, cues.naming_suffixes)) or r"(?!)"
        self.naming = re.compile(rf"[^，,。；;：:、！？!?]{{0,{cues.naming_gap_chars}}}?(?:{suffixes})")
        self.any_naming = _compile(cues.naming_suffixes)  # most texts have no suffix: one scan skips the rest
        self.bodies = frozenset(map(normalise, cues.bodies))
        self.body_role = re.compile(rf"(?:{cues.body_role})[^，,。；;：:]{{0,20}}$")
        self.body_in_charge = re.compile(cues.body_in_charge)
        self.body_set_up = re.compile(rf"(?:{cues.body_set_up})[^，,。；;：:]*$")
        self.body_checks = re.compile(cues.body_checks)
        self.appointment = re.compile(cues.appointment)
        self.report_to = re.compile(cues.report_to)
        self.venue_suffixes = cues.venue_suffixes
        suffixes = "|".join(map(re.escape, cues.venue_suffixes)) or r"(?!)"
        self.venue = re.compile(rf"[^，,。；;：:、]{{0,4}}?(?:{suffixes})")
        self.appointment_type = cues.appointment_type
        self.appointment_verbs = _compile(cues.appointment_verbs)  # most texts appoint no one: one scan skips the rest
        self.virtue_list = re.compile(rf"(?:{cues.virtue_list})$")
        self.virtue_tail = re.compile(cues.virtue_tail)

    def hits(self, text: str, naming: bool = True) -> list[tuple[int, int, frozenset[str]]]:
        """(start, end, type names) of every keyword in normalised ``text``, exclusions applied;
        with ``naming``, keywords that name a body or a document (…领导小组, …实施方案) are left out."""
        cancels = Spans((m.start(), m.end(), self.exclude_types[m.group()]) for m in self.excludes.finditer(text))
        naming = naming and self.any_naming.search(text) is not None
        found = []
        yielding = False
        for match in self.keywords.finditer(text):
            start, end = match.span()
            names = self.keyword_types[match.group()]
            if cancels.spans:
                names = names - cancels.covering(start, end, default=frozenset())
            if naming and self.naming.match(text, end):
                names &= self.organisational
            if names:
                found.append((start, end, names))
                yielding = yielding or not names.isdisjoint(self.yielding)
        return self._yielded(text, found) if yielding else found

    def _yielded(self, text: str, found: list[tuple[int, int, frozenset[str]]]) -> list[tuple[int, int, frozenset[str]]]:
        """Drop a type from a hit when its clause also names one of the types it yields to
        (道德模范评选表彰: the 表彰 is the selection's own, not 考核奖惩)."""
        clauses = Spans((*clause.span(), clause.start()) for clause in _CLAUSE.finditer(text))
        named: dict[int, set[str]] = {}
        for start, end, names in found:
            named.setdefault(clauses.covering(start, end, default=-1), set()).update(names)
        kept = []
        for start, end, names in found:
            in_clause = named[clauses.covering(start, end, default=-1)]
            names = frozenset(name for name in names if not self.yields.get(name, frozenset()) & in_clause)
            if names:
                kept.append((start, end, names))
        return kept

    def types_in(self, text: str, lead_only: frozenset[str] = frozenset(), lead_end: int = 0) -> set[str]:
        """Types whose keywords occur in normalised ``text``; ``lead_only`` types only before ``lead_end``."""
        passing = Spans(self.passing_clauses(text))
        virtues = Spans(self.virtue_lists(text))
        appointing = self.appointment_verbs.search(text) is not None
        appointed = Spans((*m.span(), True) for m in self.appointment.finditer(text)) if appointing else Spans(())
        found: set[str] = {self.appointment_type} if appointed.spans and self.appointment_type else set()
        for start, end, names in self.hits(text):
            if passing.spans and passing.covering(start, end, default=False):
                names &= self.organisational
            if virtues.spans and virtues.covering(start, end, default=False):
                names &= self.organisational
            if appointed.spans and appointed.covering(start, end, default=False):
                names &= self.organisational
            if self._addressee(text, start, end):
                continue
            if text[start:end] in self.bodies and self._body_in_passing(text, start, end):
                names -= self.organisational
            found |= {name for name in names if name not in lead_only or end <= lead_end}
        return found

    def _addressee(self, text: str, start: int, end: int) -> bool:
        """A venue of a type named as where a report goes (报送街道新时代文明实践所), not its activity."""
        venue = text.endswith(self.venue_suffixes, start, end) or self.venue.match(text, end)
        return bool(venue) and self.report_to.search(text, max(0, start - 16), start) is not None

    def _body_in_passing(self, text: str, start: int, end: int) -> bool:
        """A leading body named as the doer or the addressee of another step (由领导小组进行检查验收,
        上报领导小组), or as the checker of a check (领导小组每季度督查一次), rather than set up or put in charge
        (成立由局长任组长的领导小组, 由领导小组统一负责)."""
        if self.body_checks.match(text, end) and not self.body_in_charge.match(text, end):
            return True
        before = max(0, start - 24)
        if not self.body_role.search(text, before, start) or self.body_set_up.search(text, before, start):
            return False
        return not self.body_in_charge.match(text, end)

    def acted_types(self, text: str, verbs: re.Pattern | None = None) -> set[str]:
        """Types whose keywords follow an action verb in their own clause (开展…志愿服务活动):
        what a statement names as an activity to carry out (``verbs``: the verbs that count, action verbs
        unless told); not in a framing clause (以迎接…为契机)."""
        found: set[str] = set()
        framed = self.passing.search(text) is not None  # most texts frame nothing: one scan skips the rest
        for clause in _CLAUSE.finditer(text):
            if framed and self.passing.search(clause.group()):
                continue
            verb = (verbs or self.action).search(clause.group())
            if verb:
                found |= {name for start, _, names in self.hits(clause.group()) if start >= verb.end() for name in names}
        return found

    def passing_clauses(self, text: str) -> list[tuple[int, int, bool]]:
        """Spans of the clauses that contain a framing marker (与…结合起来, 融入 …)."""
        if not self.passing.search(text):
            return []
        return [(*clause.span(), True) for clause in _CLAUSE.finditer(text) if self.passing.search(clause.group())]

    def virtue_lists(self, text: str) -> list[tuple[int, int, bool]]:
        """Spans of the lists of virtues an item names as the ethos it fosters (诚实守信、勤俭节约的传统美德):
        found from their closing words (的传统美德), which are rare, then the list right before them."""
        spans = []
        for tail in self.virtue_tail.finditer(text):
            listed = self.virtue_list.search(text, max(0, tail.start() - 64), tail.start())
            if listed and (not spans or listed.start() >= spans[-1][1]):
                spans.append((listed.start(), tail.end(), True))
        return spans

    def ordered(self, names) -> list[str]:
        return sorted(names, key=self.order.__getitem__)


@lru_cache(maxsize=4)
def _matcher(types, passing_markers, organisational, cues) -> Matcher:
    """One Matcher per distinct taxonomy: compiling the scans takes milliseconds, and a worker
    loads the taxonomy once per file."""
    return Matcher(types, passing_markers, organisational, cues)


class Reader:
    """Compiled context cues of ``rules/tagging.yml``: what is not an item, what is a statement,
    which headings are titles, statements or measures."""

    def __init__(self, cues: Cues, measures_headings: tuple[str, ...], support_headings: tuple[str, ...]):
        self.decoration = re.compile(cues.decoration)
        self.not_item = [(rule_id, re.compile(regex)) for rule_id, regex in cues.not_item]
        self.not_item_max_chars = cues.not_item_max_chars
        self.statement_heading = _compile(
            cues.statement_heading_words + cues.background_heading_words + cues.criteria_heading_words + cues.setting_heading_words
        )
        self.aims_heading = _compile(cues.statement_heading_words + cues.background_heading_words)
        self.background_heading = _compile(cues.background_heading_words)
        self.background_shapes = [re.compile(regex) for _, regex in cues.background_shapes]
        self.criteria_heading = _compile(cues.criteria_heading_words)
        self.activity_heading = _compile(cues.activity_heading_words)
        self.statement_shapes = [(rule_id, re.compile(regex)) for rule_id, regex in cues.statement_shapes]
        self.title_heading = re.compile(cues.title_heading)
        self.title_year = re.compile(cues.title_year)
        self.procedural = re.compile(cues.procedural_lead)
        self.measures = _compile(measures_headings)
        self.support = _compile(support_headings)
        self.requirements = _compile(cues.requirement_heading_words)
        self.urging = re.compile(cues.urging_lead)
        self.plan_kind_types = frozenset(cues.plan_kind_types)
        # words that, beside the type they yield to, only name a step of its procedure or whom it serves
        self.procedure_words = frozenset(map(normalise, cues.procedure_words + cues.served_words + cues.plain_words))
        self.acted_only_types = frozenset(cues.acted_only_types)
        self.short_item_chars = cues.short_item_chars
        self.audience_types = frozenset(cues.audience_types)
        self.purpose_lead = re.compile(cues.purpose_lead)
        self.regional_words = cues.regional_words

    def strip(self, text: str) -> str:
        """The text without list bullets, Markdown emphasis and spaces, in simplified mainland words."""
        return self.mainland(_SPACE.sub("", self.decoration.sub("", text.replace("**", ""))))

    def mainland(self, text: str) -> str:
        """The text as the cleaner leaves a page — simplified characters, no pinyin readings (an item handed
        to the ``tag`` command may be neither, as a page before cleaning) — in mainland words."""
        if has_traditional(text):
            text = to_simplified(text)[0]
        if "(" in text or "（" in text:
            text = strip_pinyin_annotations(text)[0]
        return mainland(text, self.regional_words)

    def not_item_rule(self, text: str) -> str:
        """The id of the not_item rule the (stripped) text matches, or ""."""
        if len(text) > self.not_item_max_chars:
            return ""
        return next((rule_id for rule_id, regex in self.not_item if regex.search(text)), "")

    def statement_shape(self, text: str) -> str:
        """The id of the statement shape the normalised text has, or ""."""
        return next((rule_id for rule_id, regex in self.statement_shapes if regex.search(text)), "")

    def is_background(self, text: str) -> bool:
        """The normalised text reports the past or describes the unit (某村位于…, 近年来先后…)."""
        return any(regex.search(text) for regex in self.background_shapes)

    def lead_clause(self, text: str) -> str:
        """The item's first clause (up to the first ，。；：), where it names what it is about —
        unless it states a purpose or basis (为…, 按照…)."""
        clause = _CLAUSE.match(text)
        return clause.group() if clause and not self.purpose_lead.match(clause.group()) else ""

    def is_title(self, title: str) -> bool:
        return bool(self.title_heading.search(title))

    def is_statement_heading(self, title: str) -> bool:
        """A heading of aims, background, theme, criteria, who or when — unless the rest of it names work to do."""
        return self._states(self.statement_heading, title)

    def covers_points(self, title: str, campaign: bool) -> bool:
        """A statement heading whose unlabelled points say more of the same: aims, and in a campaign plan the
        standards of its selection. A theme, time or place heading is a statement for its own lines only (the
        points under 三、活动时间 are stages), and so are a unit's own creation standards (创建标准 of a
        文明单位 plan), whose points list its work."""
        return self._states(self.aims_heading, title) or (campaign and self._states(self.criteria_heading, title))

    def _states(self, words: re.Pattern, title: str) -> bool:
        rest = words.sub("", title)
        return rest != title and not self.activity_heading.search(rest)

    def names_work(self, title: str) -> bool:
        """A heading word of work to do (内容, 措施, 步骤 …): the section is not a statement, whatever is above it."""
        return bool(self.activity_heading.search(title))


@lru_cache(maxsize=4)
def _reader(cues, measures_headings, support_headings) -> Reader:
    return Reader(cues, measures_headings, support_headings)


class Spans:
    """Sorted, non-overlapping (start, end, value) spans; finds the one covering a match in O(log n)
    so that a 5 MB text with thousands of spans stays linear-ish."""

    def __init__(self, spans):
        self.spans = list(spans)
        self.starts = [start for start, _, _ in self.spans]

    def covering(self, start: int, end: int, default):
        """The value of the span containing [start, end), else ``default``."""
        i = bisect_right(self.starts, start) - 1
        return self.spans[i][2] if i >= 0 and end <= self.spans[i][1] else default


def normalise(text: str) -> str:
    """Drop quote marks and spaces (str.replace is far faster than translate on CJK text)."""
    for char in _NOISE:
        if char in text:
            text = text.replace(char, "")
    return text


def mainland(text: str, regional_words: tuple[tuple[str, str], ...]) -> str:
    """The text with a Taiwan-style converter's words read back as the mainland ones (网路 → 网络)."""
    for word, mainland_word in regional_words:
        if word in text:
            text = text.replace(word, mainland_word)
    return text


def _phrase_index(named_phrases, regional_words: tuple[tuple[str, str], ...]) -> dict[str, frozenset[str]]:
    """phrase (normalised, in mainland words) → the type names listing it (normally one)."""
    index: dict[str, set[str]] = {}
    for name, phrases in named_phrases:
        for phrase in phrases:
            index.setdefault(mainland(normalise(phrase), regional_words), set()).add(name)
    return {phrase: frozenset(names) for phrase, names in index.items()}


def _compile(phrases) -> re.Pattern:
    """Build a regex shaped like a trie of the phrases (shared prefixes factored out).

    Each node is an alternation of distinct characters, optionally ended, so matching is
    linear in the text with at most one phrase length of backtracking, and the greedy ``?``
    makes the longest phrase win.
    """
    trie: dict = {}
    for phrase in sorted(phrases):
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile("|".join(_branches(trie)) or r"(?!)")


def _branches(node: dict) -> list[str]:
    return [re.escape(char) + _suffix(child) for char, child in sorted(node.items()) if char]


def _suffix(node: dict) -> str:
    branches = _branches(node)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body


def load_taxonomy() -> Taxonomy:
    """Read ``rules/taxonomy.yml`` (types and their words) and ``rules/tagging.yml`` (context cues)."""
    rules, cues = load_rules("taxonomy"), load_rules("tagging")
    themes = []
    for theme in rules["themes"]:
        types = [
            ActivityType(
                name=t["name"],
                theme=theme["name"],
                keywords=list(dict.fromkeys((t.get("keywords") or []) + (t.get("synonyms") or []))),
                exclude=list(t.get("exclude") or []),
                description=t.get("description") or "",
                yields_to=list(t.get("yields_to") or []),
                step_of=list(t.get("step_of") or []),
            )
            for t in theme["types"]
        ]
        themes.append(Theme(name=theme["name"], types=types))
    return Taxonomy(
        themes=themes,
        main_type_min_items=int(rules.get("main_type_min_items") or 1),
        lead_only_types=list(cues.get("lead_only_types") or []),
        measures_headings=list(cues.get("measures_headings") or []),
        support_headings=list(cues.get("support_headings") or []),
        passing_clause_markers=list(cues.get("passing_clause_markers") or []),
        cues=load_cues(),
    )


def load_cues() -> Cues:
    """Read ``rules/tagging.yml`` into a hashable Cues (so compiled readers are shared)."""
    rules = load_rules("tagging")
    rule_list = lambda key: tuple((rule["id"], rule["regex"]) for rule in rules.get(key) or [])  # noqa: E731
    words = lambda key: tuple(rules.get(key) or [])  # noqa: E731
    return Cues(
        decoration=rules.get("decoration") or r"(?!)",
        not_item=rule_list("not_item"),
        not_item_max_chars=int(rules.get("not_item_max_chars") or 0),
        statement_heading_words=words("statement_heading_words"),
        criteria_heading_words=words("criteria_heading_words"),
        background_heading_words=words("background_heading_words"),
        background_shapes=rule_list("background_shapes"),
        setting_heading_words=words("setting_heading_words"),
        activity_heading_words=words("activity_heading_words"),
        requirement_heading_words=words("requirement_heading_words"),
        urging_lead=rules.get("urging_lead") or r"(?!)",
        statement_shapes=rule_list("statement_shapes"),
        action_verb=rules.get("action_verb") or r"(?!)",
        naming_suffixes=words("naming_suffixes"),
        naming_gap_chars=int(rules.get("naming_gap_chars") or 0),
        bodies=words("bodies"),
        body_role=rules.get("body_role") or r"(?!)",
        body_in_charge=rules.get("body_in_charge") or r"(?!)",
        body_set_up=rules.get("body_set_up") or r"(?!)",
        body_checks=rules.get("body_checks") or r"(?!)",
        appointment=rules.get("appointment") or r"(?!)",
        report_to=rules.get("report_to") or r"(?!)",
        venue_suffixes=words("venue_suffixes"),
        appointment_type=rules.get("appointment_type") or "",
        appointment_verbs=words("appointment_verbs"),
        title_heading=rules.get("title_heading") or r"(?!)",
        title_year=rules.get("title_year") or r"(?!)",
        procedural_lead=rules.get("procedural_lead") or r"(?!)",
        plan_kind_types=words("plan_kind_types"),
        procedure_words=words("procedure_words"),
        served_words=words("served_words"),
        plain_words=words("plain_words"),
        acted_only_types=words("acted_only_types"),
        taking_part_verb=rules.get("taking_part_verb") or r"(?!)",
        short_item_chars=int(rules.get("short_item_chars") or 0),
        audience_types=words("audience_types"),
        purpose_lead=rules.get("purpose_lead") or r"(?!)",
        regional_words=tuple(sorted((rules.get("regional_words") or {}).items(), key=lambda pair: -len(pair[0]))),
        virtue_list=rules.get("virtue_list") or r"(?!)",
        virtue_tail=rules.get("virtue_tail") or r"(?!)",
    )


@lru_cache(maxsize=1)
def _default_taxonomy() -> Taxonomy:
    return load_taxonomy()


@lru_cache(maxsize=4096)
def heading_title(heading: str) -> str:
    """The heading without its number, decoration and closing punctuation: （一）指导思想： → 指导思想."""
    if not heading:
        return ""
    text = normalise(heading).strip().strip("*#").strip()
    return _HEADING_TAIL.sub("", _HEADING_NUMBER.sub("", text))


@dataclass
class Context:
    """What the headings above an item tell about it (worked out once per distinct heading list)."""

    plan_kinds: frozenset[str]  # campaign types named by the plan's title or a title heading
    statement: bool  # the item's section states aims, background, a theme, criteria, who or when
    criteria: bool  # that statement is the standard of the plan's own selection (评选标准, 创建标准 …)
    background: bool  # that statement is background (基本情况, 工作基础 …): it names no activity at all
    measures: bool  # the nearest heading is a measures heading (措施, 步骤, 组织领导 …)
    support: bool  # the nearest heading is a support heading (保障措施, 组织领导, 考核 …)
    requirements: bool  # the nearest heading is an event's requirements heading (活动要求, 注意事项)
    heading_types: frozenset[str]  # types of the activity the nearest section heading names
    audience: frozenset[str]  # audience types (未成年人思想道德建设) any section heading above names


def tag_item(plan_title: str, headings: list[str], text: str, taxonomy: Taxonomy | None = None) -> list[str]:
    """Activity-type names for one item, in taxonomy order.

    ``headings`` are the headings above the item, outermost first (numbers included or not);
    ``plan_title`` is the title of its plan. The five steps are in the module docstring.
    """
    taxonomy = taxonomy or _default_taxonomy()
    reader, matcher = taxonomy.reader, taxonomy.matcher
    stripped = reader.strip(text)
    if reader.not_item_rule(stripped):  # 1
        return []
    body = normalise(stripped)
    unnumbered = _HEADING_NUMBER.sub("", body)
    context = _context(taxonomy, plan_title, tuple(headings))
    if context.background or reader.is_background(unnumbered):  # 1: background reports, it plans nothing
        return []
    if context.statement or reader.statement_shape(unnumbered):  # 2
        acted = matcher.acted_types(body)
        return matcher.ordered(acted | context.plan_kinds if context.criteria else acted)
    lead_only = frozenset() if context.measures else matcher.organisational
    found = matcher.types_in(body, lead_only, _lead_end(matcher, body))  # 3
    if found & reader.acted_only_types:
        found -= reader.acted_only_types - matcher.acted_types(body, matcher.taking_part) - matcher.types_in(reader.lead_clause(body))
    if context.requirements and found - matcher.organisational and reader.urging.match(unnumbered):
        found &= matcher.organisational | matcher.acted_types(body)  # 要把学雷锋活动作为重要工作抓好 urges, does not do
    procedural = bool(reader.procedural.search(unnumbered))  # 活动结束后及时总结 prepares or reports, does not do
    if not found and context.heading_types and context.heading_types <= matcher.organisational:  # 4
        found |= context.heading_types  # the work under 资金保障 is that guarantee, however long told
    elif not found - matcher.organisational and len(body) < reader.short_item_chars and not procedural:
        found |= context.heading_types
    if context.audience and not (found and found <= matcher.organisational) and not procedural:
        found |= context.audience  # the work under 加强未成年人思想道德建设 is work for minors, however long told
    found -= _procedure_steps(reader, matcher, body, found, frozenset(found))  # the 表彰 of the item's own 最美 selection
    if context.plan_kinds:  # 5
        own = found - _procedure_steps(reader, matcher, body, found, context.plan_kinds)
        if _takes_plan_kind(reader, matcher, context, own, unnumbered):
            found = own | context.plan_kinds
    return matcher.ordered(found)


def _procedure_steps(reader: Reader, matcher: Matcher, text: str, found: set[str], plan_kinds: frozenset[str]) -> set[str]:
    """The found types that only name a step of the campaign's own procedure: all their words in the item
    are procedure words (表彰, 公示, 宣传栏 …) and their yields_to or step_of names one of ``plan_kinds`` (the
    plan's, or the item's own types) — the 表彰 of a 最美家庭 selection's winners and the 宣传栏 they are shown
    on are the selection's, a 考核 of its creation work is not; so are words of whom a service is for
    (served_words): the 老年人 of a window's priority counter are the window's, in any clause."""
    yielding = {name for name in found if matcher.steps.get(name, frozenset()) & plan_kinds}
    if not yielding:
        return set()
    words: dict[str, set[str]] = {}
    for start, end, names in matcher.hits(text):
        for name in names & yielding:
            words.setdefault(name, set()).add(text[start:end])
    return {name for name, said in words.items() if said <= reader.procedure_words}


def _takes_plan_kind(reader: Reader, matcher: Matcher, context: Context, found: set[str], text: str) -> bool:
    """An activity item inherits its plan's kind; organisational steps (only 组织领导, 考核奖惩 …),
    procedural ones (制定活动计划, 总结上报) and items under a support heading (保障措施) do not —
    items under 实施步骤 or 活动措施 are the campaign's own steps and do."""
    if context.support or reader.procedural.search(text):
        return False
    return not (found and found <= matcher.organisational)


def _context(taxonomy: Taxonomy, plan_title: str, headings: tuple[str, ...]) -> Context:
    """Read the plan title and headings once per distinct combination (items of one section share it)."""
    cache = taxonomy.contexts
    key = (plan_title, headings)
    if key not in cache:
        if len(cache) > 4096:
            cache.clear()
        cache[key] = _read_context(taxonomy, plan_title, headings)
    return cache[key]


def _read_context(taxonomy: Taxonomy, plan_title: str, headings: tuple[str, ...]) -> Context:
    """Plan kinds from the plan title and title-shaped headings (a compilation's own plan titles);
    the rest from the nearest section heading."""
    reader, matcher = taxonomy.reader, taxonomy.matcher
    titles = [reader.mainland(heading_title(h)) for h in headings]
    sections = [t for t in titles if t and not reader.is_title(t)]
    plan_titles = [reader.mainland(normalise(plan_title))] + [t for t in titles if t and reader.is_title(t)]
    plan_kinds = frozenset(name for title in plan_titles for name in _campaigns(reader, matcher, title))
    nearest = sections[-1] if sections else ""
    stated = _stating_heading(reader, matcher, sections, campaign=bool(plan_kinds))
    statement = bool(stated)
    criteria = statement and bool(reader.criteria_heading.search(stated))
    background = statement and bool(reader.background_heading.search(stated))
    measures = bool(reader.measures.search(nearest))
    support = bool(reader.support.search(nearest))
    requirements = bool(reader.requirements.search(nearest))
    heading_types = frozenset() if statement or not nearest else frozenset(matcher.types_in(nearest))
    audience = frozenset() if statement else frozenset(
        name for title in sections for name in matcher.types_in(title) if name in reader.audience_types
    )
    return Context(plan_kinds, statement, criteria, background, measures, support, requirements, heading_types, audience)


def _campaigns(reader: Reader, matcher: Matcher, title: str) -> set[str]:
    """The plan kinds a title names: those after its year, if any — before the year a kind is only in the
    issuer's name (某社区新时代文明实践站2021年“我们的节日”活动方案 is a festival plan, not the station's work)."""
    kinds = [(start, names & reader.plan_kind_types) for start, _, names in matcher.hits(title, naming=False)]
    year = reader.title_year.search(title)
    after = {name for start, names in kinds if year and start >= year.end() for name in names}
    return after or {name for _, names in kinds for name in names}


def _stating_heading(reader: Reader, matcher: Matcher, sections: list[str], campaign: bool) -> str:
    """The statement heading the item's section falls under, or "": its own heading, or the heading above a
    run of unlabelled points that covers them ((三)“科技星” under 二、创建标准 of a 星级文明户 plan) — a point
    that names work to do (内容, 措施 …) or an activity type is a section of its own and ends the run."""
    if sections and reader.is_statement_heading(sections[-1]):
        return sections[-1]
    for title in reversed(sections):
        if reader.covers_points(title, campaign):
            return title
        if reader.names_work(title) or matcher.types_in(title):
            return ""
    return ""


def _lead_end(matcher: Matcher, text: str) -> int:
    """End of the lead clause: the item's own title, up to and including the first 。 or ：
    (开展道德模范评选：… 表彰… — the 表彰 belongs to the activity, not to 考核奖惩). A label that
    names no activity (宣传发动：, 第一阶段：) is not a title: the lead runs on to the next stop."""
    stop = _LEAD_STOP.search(text)
    if stop and stop.group() != "。" and not matcher.hits(text[: stop.start()]):
        stop = _LEAD_STOP.search(text, stop.end())
    return stop.end() if stop else len(text)


def tag_plan(plan: Plan, taxonomy: Taxonomy | None = None) -> None:
    """Fill ``Item.tags`` for every item of every section: ``tag_item`` with the plan title and the
    titles of the item's section and of the sections around it."""
    taxonomy = taxonomy or _default_taxonomy()
    _tag_sections(plan.title, plan.sections, (), taxonomy)


def _tag_sections(plan_title: str, sections: list[Section], above: tuple[str, ...], taxonomy: Taxonomy) -> None:
    for section in sections:
        headings = above + (section.title,)
        for item in section.items:
            item.tags = tag_item(plan_title, list(headings), item.text, taxonomy)
        _tag_sections(plan_title, section.sections, headings, taxonomy)


def tag_counts(plan: Plan) -> Counter:
    """Activity type → how many of the plan's items carry it."""
    return Counter(tag for section in walk_sections(plan.sections) for item in section.items for tag in item.tags)


def main_types(counts: Counter, taxonomy: Taxonomy | None = None) -> list[str]:
    """The types of ``tag_counts`` with at least ``main_type_min_items`` items, by name (the search filter)."""
    taxonomy = taxonomy or _default_taxonomy()
    return sorted(name for name, count in counts.items() if count >= taxonomy.main_type_min_items)


def tag_lines(lines, out) -> list[tuple[int, str]]:
    """``python -m scripts tag``: one JSON line in → one JSON line out, in order. A line that is not an
    object with a string ``text`` (optional ``plan_title`` string, ``headings`` list of strings) gets
    ``{"error": …}`` in its place, so outputs stay aligned with inputs; returns (line number, error)."""
    import json

    errors = []
    for number, line in enumerate(lines, 1):
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError('expected an object with a string "text"')
            title, headings = item.get("plan_title") or "", item.get("headings") or []
            if not isinstance(title, str) or not isinstance(headings, list) or not all(isinstance(h, str) for h in headings):
                raise ValueError('"plan_title" must be a string and "headings" a list of strings')
            result = {"types": tag_item(title, headings, item["text"])}
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            errors.append((number, str(exc)))
            result = {"error": str(exc)}
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return errors
