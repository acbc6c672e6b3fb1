"""Per-plan metadata: who issued a plan, where, for which years, aiming at which 文明单位 level.

Each field is read where a reader would look, in order of trust — the title, the signature and
carrying notice (``context``), the body, then what the website printed — and stays empty when
the text does not say it: a wrong unit or year on a public page is worse than none. Placeholders
(XX, 20XX, 某某) are never read as facts. Every lexicon lives in rules/lexicon.yml.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from scripts.models import PageMeta, PlanMeta
from scripts.nfkc import nfkc
from scripts.rules import fast_start, load_rules

CJK = "\u4e00-\u9fff"
CLAUSE_END = "，。；！？,;!?：:\n"
SENTENCE_END = "[。；！？;!?]"
NAME_BREAKS = r"\s\d，。；：、,.;:!?！？（）()《》<>“”\"'‘’【】\[\]"
CN_DIGITS = "一二三四五六七八九"
PLACE_CHARS = "省市州区县旗镇乡村"  # the characters a place's name ends with
UNIT_PREFIX_MAX = 40  # a unit name (≤ 30) plus a stripped 机关党委: longer title openings are not names


def _alt(words) -> str:
    """A regex alternation of literal ``words``, longest first so the longest one wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class _Place:
    display: str  # 湖南省, 宜昌市, 恩施州
    rank: int  # 1 province, 2 prefecture, 3 county or district
    needs_suffix: bool  # 长治 alone is 长治久安, not the city


@dataclass(frozen=True)
class _Lexicon:
    suffixes: tuple[str, ...]  # longest first
    suffix_set: frozenset[str]  # ``suffixes`` again, and their lengths longest first: a name's suffix is
    suffix_lengths: tuple[int, ...]  # looked up by length, not searched for among them all
    institutional: frozenset[str]
    full_name_suffixes: tuple[str, ...]  # 有限公司, 支行: endings no phrase has
    strip_prefixes: tuple[str, ...]
    party_committee: re.Pattern
    leading_group: re.Pattern  # 某某局精神文明建设领导小组 → 某某局
    place_leadership: re.Pattern  # 某某镇党委、政府 → 某某镇
    organ_suffix: re.Pattern  # 团委, 村民委员会, 机关事务中心: a unit's organ after its name
    lead_words: re.Pattern
    generic_heads: frozenset[str]
    chrome_word: re.Pattern
    organiser: re.Pattern
    place_unit: re.Pattern
    name_chars: re.Pattern
    strip_suffixes: tuple[str, ...]
    level_chars: str
    non_name_start: re.Pattern
    non_name_word: re.Pattern
    title_stop: re.Pattern
    title_owner: re.Pattern  # （某某医院） closing a title
    title_lead: re.Pattern  # 关于, 关于在, 《 before a title's unit
    headline_verb: re.Pattern  # 扎实开展, 召开 … after a news headline's subject
    example_subtitle: re.Pattern  # ——以某某局为例
    leading_year: re.Pattern
    body_units: tuple[re.Pattern, ...]  # names trusted only when placed (市财政局在…)
    decision_units: tuple[re.Pattern, ...]  # names trusted as they are (学院团委决定…)
    joint_decision: re.Pattern  # issuers named together before a verb of decision (市文明办、市教育局决定…)
    decision_hint: re.Pattern  # a lead-in or a verb of decision: only such lines hold them
    jurisdiction: re.Pattern  # 在X所辖范围内: the place the plan covers
    jurisdiction_areas: tuple[str, ...]  # 片区, 社区: areas that are a unit only as such a scope
    self_named: re.Pattern  # 我某某小学、…: a unit the text calls its own
    self_bracketed: re.Pattern  # 我局（某某县林业局）
    self_alias: re.Pattern  # 某某县林业局（以下简称“我局”）
    own_kind: re.Pattern  # 我院, 本校: the text calls itself by its kind (group ``kind``)
    own_kind_names: dict  # kind → a pattern of the names of that kind a clause may open with
    own_place: re.Pattern  # 我县, 本社区: the text calls itself by its place's kind (group ``kind``)
    own_place_title: re.Pattern  # 全省…: a title opening with the whole of a place's kind
    own_place_word: re.Pattern  # 县城, 区域: a kind's word opening a longer word
    notice: re.Pattern
    signature: re.Pattern
    year_span: re.Pattern
    school_year: re.Pattern  # 2023—2024学年
    year_chinese: re.Pattern
    month_after: re.Pattern  # 年3月 after a year: a month of that year
    day_after: re.Pattern  # 年3月14日 or -03-14 after a year: a full date (an issue date, not the period)
    date_line: re.Pattern  # a line that is only a year and month: 2009.3, 2019年3月
    dated_opening: re.Pattern  # 2021年3月5日是…
    self_reference: re.Pattern  # 本方案, 如下工作方案
    deadline: re.Pattern  # 到, 截至 right before a year (anchored at the end of the text before it)
    decided_year: re.Pattern  # 决定在, 拟于, 将于 … right before a year: a clause scheduling the plan's activity
    plan_noun: re.Pattern
    citation: re.Pattern
    level: re.Pattern
    level_of: dict  # level word → 全国 / 省级 …
    target_of: dict  # word of a target's name → its kind: 村 → 文明村镇
    target_hint: re.Pattern  # a word every mention holds (文明, 先锋号)
    citation_brackets: tuple[str, ...]  # pairs of brackets that cite another document: 《》
    cited_aim: re.Pattern  # a cited document that is a creation plan or test: 创建, 测评
    level_verb: re.Pattern
    aim_words: frozenset[str]
    standing_words: frozenset[str]  # 是, 荣获, 助力: the honour is the unit's standing or another's campaign
    aim_after: re.Pattern
    quota_after: re.Pattern  # 5户 after a mention: honours awarded to others
    quota_before: re.Pattern  # 推荐一批 before it: the same
    supporting_words: tuple[str, ...]  # 助力, 配合: another's campaign before a word of aim
    places: dict  # stem → _Place
    place: re.Pattern
    generic_places: tuple[tuple[re.Pattern, int], ...]
    not_place: re.Pattern
    name_prefixes: tuple[str, ...]  # 中共, 国网: a place may start after them
    sector_unit_words: tuple[tuple[str, str], ...]  # (word, sector)
    sector_text: re.Pattern
    sector_of_text_word: dict
    anonymous: re.Pattern
    anonymous_unit: re.Pattern
    single_marker: re.Pattern
    marked_place: re.Pattern  # 某县, X镇: a place left unnamed
    self_reference_unit: re.Pattern
    config: dict


@lru_cache(maxsize=None)
def _lexicon() -> _Lexicon:
    rules = load_rules("lexicon")
    unit, regions, levels = rules["unit"], rules["regions"], rules["levels"]
    years, dates = rules["years"], rules["dates"]
    year, placeholder = years["year"], years["placeholder"]
    any_year = f"(?:{year}|{placeholder})"
    suffixes = unit["suffixes"]["generic"] + unit["suffixes"]["institutional"]
    level_chars = "".join(unit["level_chars"])
    zero = dates["zero_chars"]
    cn_year = f"[{CN_DIGITS}{zero}]{{4}}"
    number = f"[0-9{CN_DIGITS}十]{{1,3}}"
    date = (
        rf"(?:{year}|{cn_year})\s*年\s*{number}\s*月(?:\s*{number}\s*日)?"
        rf"|{year}[./\-]\d{{1,2}}[./\-]\d{{1,2}}"
    )
    name = f"[^{NAME_BREAKS}]{{2,30}}?"
    lead_followers = f"(?={_alt(unit['body_lead_in_followers'])}|{any_year})"
    subject_followers = f"(?={_alt(unit['sentence_subject_followers'])}|{any_year})"
    separators = re.escape(years["range_separators"])
    marker_chars = re.escape(rules["anonymisation"]["marker_chars"])
    markers = f"(?<![0-9{marker_chars}])[{marker_chars}]{{2,}}+"  # whole runs only: linear

    places: dict[str, _Place] = {}
    needs = set(regions["needs_suffix"])
    for province, short in regions["provinces"].items():
        for stem in [province, *short]:
            places[stem] = _Place(province, 1, False)
    for kind, display in (("cities", "市"), ("prefectures", "州")):
        for names in regions[kind].values():
            for stem in names:
                places.setdefault(stem, _Place(stem + display, 2, stem in needs))
    place_suffix = rf"(?P<suffix>特别行政区|自治区|[{CJK}]{{0,8}}?自治州|省|市|州|地区|盟)?"

    quote = "[“”\"'‘’「」『』]?"
    stems = [w for words in levels["words"].values() for w in words]
    single, multi = [w for w in stems if len(w) == 1], [w for w in stems if len(w) > 1]
    qualifiers = _alt(levels["qualifiers"])
    level_word = (
        rf"(?:(?P<lvl>{_alt(multi)})|(?<![{''.join(levels['single_char_blockers'])}])(?P<lvl1>[{''.join(single)}]))"
        r"(?P<ji>一级|级)?"
    )
    nouns = [w for words in levels["targets"].values() for w in words]
    noun = (
        f"(?P<noun>{_alt([w for w in nouns if len(w) > 1])}"
        f"|[{''.join(w for w in nouns if len(w) == 1)}](?![{''.join(levels['target_word_blockers'])}]))"
    )
    named = [w for words in levels["named_targets"].values() for w in words]
    level = (  # a rank inside the honour's name (全国县级文明城市) only after a level word
        rf"(?:{level_word}(?:{_alt(levels['inner_ranks'])})?)?(?P<q1>{qualifiers})?(?P<verb>创建)?{quote}"
        rf"(?:(?:精神)?文明(?P<q2>{qualifiers})?{noun}|(?P<named>{_alt(named)})){quote}(?P<q3>{qualifiers})?"
    )
    kinds = {w: kind for kind, words in levels["targets"].items() for w in words}
    kinds |= {w: kind for kind, words in levels["named_targets"].items() for w in words}

    sectors = rules["sectors"]
    text_words = {w: s for s, entry in sectors.items() for w in entry["text"]}
    return _Lexicon(
        suffixes=tuple(sorted(set(suffixes), key=lambda w: (-len(w), w))),
        suffix_set=frozenset(suffixes),
        suffix_lengths=tuple(sorted({len(w) for w in suffixes}, reverse=True)),
        institutional=frozenset(unit["suffixes"]["institutional"]),
        full_name_suffixes=tuple(unit["full_name_suffixes"]),
        strip_prefixes=tuple(unit["strip_prefixes"]),
        party_committee=re.compile(unit["party_committee"]),
        leading_group=re.compile(unit["leading_group"]),
        organ_suffix=re.compile(f"[{CJK}]{{0,{unit['organ_head_max']}}}?(?:{_alt(unit['organ_suffixes'])})"),
        lead_words=re.compile(f"^(?:{_alt(unit['lead_words'] + rules['anonymisation']['self_references'])})"),
        place_leadership=re.compile(unit["place_leadership"]),
        generic_heads=frozenset(unit["generic_heads"]),
        chrome_word=re.compile(_alt(unit["chrome_words"])),
        organiser=re.compile(
            "".join(f"(?<!{re.escape(word)})" for word in unit["organiser_label_blockers"])
            + rf"(?:{_alt(unit['organiser_labels'])})\s*[:：]\s*(?P<u>[^{NAME_BREAKS}]{{2,30}})"
        ),
        place_unit=re.compile(unit["place_unit"]),
        name_chars=re.compile(f"[{CJK}A-Za-z0-9·{marker_chars}]+"),
        strip_suffixes=tuple(sorted(unit["strip_suffixes"], key=len, reverse=True)),
        level_chars=level_chars,
        non_name_start=re.compile(f"^(?:{_alt(unit['non_name_starts'] + unit['body_lead_ins'])})"),
        non_name_word=re.compile(_alt(unit["non_name_words"])),
        title_stop=re.compile(f"{_alt(unit['title_topic_words'])}|{any_year}|{cn_year}"),
        title_owner=re.compile(unit["title_owner"]),
        title_lead=re.compile(f"^(?:{_alt(unit['title_lead_words'])})+"),
        headline_verb=re.compile(_alt(unit["headline_verbs"])),
        example_subtitle=re.compile(unit["example_subtitle"]),
        leading_year=re.compile(rf"^(?:{any_year})(?:\s*[{separators}]{{1,2}}\s*{year})?\s*年?度?"),
        body_units=(
            re.compile(
                f"(?:^|(?<=[。！？；!?;])|(?<=^\\d{{4}}年[，,]))\\s*(?:(?:{_alt(unit['subject_time_words'])})[，,]\\s*)?(?P<u>{name}){subject_followers}"
            ),
            re.compile(f"(?:{_alt(unit['fitting_lead_ins'])})(?P<u>{name})(?={_alt(unit['fitting_followers'])}|{any_year})"),
        ),
        decision_hint=re.compile(_alt(unit["body_lead_ins"] + unit["decision_followers"])),
        joint_decision=re.compile(f"(?:^|(?<=[。！？；!?;，,]))\\s*(?P<u>{name}(?:、{name})+)(?={_alt(unit['decision_followers'])})"),
        decision_units=(
            re.compile(f"(?:{_alt(unit['body_lead_ins'])})(?P<u>{name}){lead_followers}"),
            re.compile(f"(?:^|(?<=[。！？；!?;，,]))\\s*(?:由|此活动由)?(?P<u>{name})(?={_alt(unit['decision_followers'])})"),
        ),
        jurisdiction=re.compile(f"(?:{_alt(unit['jurisdiction_lead_ins'])})(?P<u>{name})(?={_alt(unit['jurisdiction_followers'])})"),
        jurisdiction_areas=tuple(unit["jurisdiction_areas"]),
        self_named=re.compile(f"我(?P<u>{name})(?={_alt(unit['self_named_followers'])})"),
        self_bracketed=re.compile(unit["self_bracketed"]),
        self_alias=re.compile(
            rf"(?P<u>[^{NAME_BREAKS}]{{2,30}})\((?:{_alt(unit['self_alias_lead_ins'])})[“\"]?(?:{_alt(rules['anonymisation']['self_references'])})"
        ),
        own_kind=re.compile(f"[我本](?P<kind>{_alt(unit['own_kinds'])})"),
        own_kind_names={
            kind: re.compile(
                f"(?:^|(?<=[{NAME_BREAKS}]))(?:{_alt(unit['own_name_lead_words'])})?(?P<u>[{CJK}]{{2,16}}?(?:{_alt(endings)}))"
            )
            for kind, endings in unit["own_kinds"].items()
        },
        own_place=re.compile(f"(?:{_alt(unit['own_places']['openers'])})(?P<kind>{_alt(unit['own_places']['kinds'])})"),
        own_place_title=re.compile(f"^(?:{_alt(unit['own_places']['title_openers'])})(?P<kind>{_alt(unit['own_places']['kinds'])})"),
        own_place_word=re.compile(_alt(unit["own_places"]["word_followers"])),
        notice=re.compile(f"^(?:(?:{_alt(unit['notice_lead_ins'])})[^，,。]{{0,8}}[，,]\\s*)?(?P<u>{name})(?:{_alt(unit['notice_verbs'])})"),
        signature=re.compile(
            rf"^(?:(?P<u>[^{NAME_BREAKS}]{{2,30}})\s*)?(?P<date>{date})\s*(?:{_alt(dates['after_date'])})?$"
        ),
        year_span=re.compile(
            rf"(?<![\d〔\[［第])(?:(?P<ph>{placeholder})(?=\s*[年{separators}])|(?P<a>{year})(?P<nian>\s*(?:年度?|学年))?"
            rf"(?:\s*[{separators}]{{1,2}}\s*(?P<b>{year})\s*(?:年度?|学年)?)?)(?![\d〕\]］号])"
        ),
        school_year=re.compile(rf"(?P<a>{year})\s*年?\s*[{separators}]{{1,2}}\s*(?P<b>{year})\s*年?\s*学年"),
        year_chinese=re.compile(f"{cn_year}(?=\\s*(?:年|[{separators}]{{1,2}}\\s*{cn_year}\\s*年))"),  # 二〇二四至二〇二六年
        month_after=re.compile(r"\s*年\s*\d{1,2}\s*月"),
        day_after=re.compile(r"\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[./\-]\d{1,2}[./\-]\d{1,2}"),
        date_line=re.compile(rf"(?P<y>{year})\s*[年./\-]\s*\d{{1,2}}\s*月?$"),
        dated_opening=re.compile(rf"(?P<y>{year})\s*年\s*{number}\s*月\s*{number}\s*日\s*(?:{_alt(years['dated_opening_verbs'])})"),
        self_reference=re.compile(years["self_reference"]),
        deadline=re.compile(f"(?:{_alt(years['deadline_lead_ins'])})\\s*$"),
        decided_year=_decided_year_pattern(rules["decided_years"], years["year"]),
        plan_noun=re.compile(_alt(years["plan_nouns"])),
        citation=re.compile(_alt(years["citation_words"])),
        level=fast_start(re.compile(level)),  # most of it optional: the lookahead skips most positions
        level_of={w: value for value, words in levels["words"].items() for w in words},
        target_of=kinds,
        target_hint=re.compile(_alt(["文明", *named])),
        citation_brackets=tuple(levels["citation_brackets"]),
        cited_aim=re.compile(_alt(levels["cited_aim_words"])),
        level_verb=re.compile(_alt(levels["aim_words"] + levels["keep_words"] + levels["standing_words"])),
        aim_words=frozenset(levels["aim_words"]),
        standing_words=frozenset(levels["standing_words"]),
        aim_after=re.compile(f"(?:{_alt(levels['aim_after'])})(?!{_alt(levels['aim_after_blockers'])})"),
        quota_after=re.compile(levels["quota_after"]),
        quota_before=re.compile(levels["quota_before"]),
        supporting_words=tuple(levels["supporting_words"]),
        places=places,
        place=re.compile(f"(?P<stem>{_alt(places)}){place_suffix}"),
        generic_places=tuple(
            (re.compile(f"(?![{level_chars}])[{CJK}]{{2,{spec['max_name']}}}?{re.escape(suffix)}"), spec["rank"])
            for suffix, spec in regions["generic_suffixes"].items()
        ),
        not_place=re.compile(_alt(regions["not_places"])),
        name_prefixes=tuple(regions["name_prefixes"]),
        sector_unit_words=tuple((w, s) for s, entry in sectors.items() for w in entry["unit"]),
        sector_text=re.compile(_alt(text_words)),
        sector_of_text_word=text_words,
        anonymous=re.compile(markers),
        anonymous_unit=re.compile(f"{markers}(?:{_alt(rules['anonymisation']['unit_nouns'] + suffixes)})"),
        single_marker=re.compile(f"^(?:{_alt(rules['anonymisation']['single_markers'])})(?![A-Za-z])"),
        marked_place=re.compile(f"^(?:{_alt(rules['anonymisation']['single_markers'])})(?:{_alt(rules['anonymisation']['marked_places'])})$"),
        self_reference_unit=re.compile(_alt(rules["anonymisation"]["self_references"])),
        config=rules,
    )


def _decided_year_pattern(decided: dict, year: str) -> re.Pattern:
    """决定(，)(在)2022年 / 将于2024年: a verb of decision or scheduling, then a year."""
    prepositions = _alt(decided["prepositions"])
    return re.compile(
        f"(?:(?:{_alt(decided['verbs'])})[,，]?(?:{prepositions})?|(?:{_alt(decided['scheduling_verbs'])})(?:{prepositions}))"
        f"\\s*(?={year})"
    )


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------


def extract_metadata(title: str, body: list[str], context: list[str], page_meta: PageMeta, shared_title: bool = False) -> PlanMeta:
    """Metadata of one plan.

    ``shared_title``: the title only repeats its compilation's name (…方案 篇1 under …方案（精选5篇）),
    which sites put over whatever plans they gathered: the target the body aims at wins over it.

    ``body`` is the plan after its title; ``context`` holds the lines around it that are not
    the plan (a carrying notice, a site title, the signature); ``page_meta`` is what the website
    printed. A bare ``市财政局`` is qualified with the plan's region when the region ends in the
    same level (宜昌市 + 市政府机关事务管理局 → 宜昌市政府机关事务管理局; 恩施州 + 州民政局), since
    that is the reading every local reader makes; nothing else is ever added to a name.
    """
    # NFKC folds full-width letters, digits and brackets (２０１９, ＸＸ, （）): one pattern reads both forms
    title, body, context = nfkc(title), [nfkc(x) for x in body], [nfkc(x) for x in context]
    name, anonymised = _issuing_unit(title, body, context, page_meta)
    region = _plan_region(name if not anonymised else "", title, body, context, page_meta)
    unit = "" if anonymised else _qualified(name, region)
    target, level = _target(title, body, shared_title)
    return PlanMeta(
        unit=unit,
        unit_anonymised=anonymised,
        sector=_plan_sector(name, title, body),
        region=region,
        years=_plan_years(title, body, context),
        target=target,
        level=level,
        issue_date=_issue_date(body, context),
        publish_date=page_meta.publish_date,
        source_site=page_meta.source,
        source_url=page_meta.url,
    )


# ---------------------------------------------------------------------------
# Unit
# ---------------------------------------------------------------------------


def _issuing_unit(title: str, body: list[str], context: list[str], page_meta: PageMeta) -> tuple[str, bool]:
    """(unit name as the text gives it, anonymised?).

    Sources by trust: title, signature, notice and organiser lines (主办单位：…), the body's own
    sentences, then the website's source when it is an organisation with a place in its name.
    A later source may only make the chosen name more specific (财政局 → 市财政局), and a signer or the
    opening may name the organ of the unit that wrote it (县人民医院 → 县人民医院团委; not the body's
    later lines, where a unit gives its organs their duties). A line of
    site furniture (欢迎光临…网站) is never a source. A place (a title's 某某区) yields to the one signer
    whose name holds it (中共某某区委…办公室 under the carrying notice): the body that wrote it; its
    party committee and government signing together speak for the place. A name written with XX /
    某某 / 某… is anonymised; so is a plan that names no unit but writes XXX队伍 or XX文明单位, or calls
    itself only 我局 / 我校, or whose bare name (人民医院) the text writes in full only with a placeholder
    (XX县人民医院).
    """
    lex = _lexicon()
    tail = body[-lex.config["dates"]["body_tail_lines"] :]
    signers, opening = _signature_units(context + tail), next((line for line in body if line), "")
    sources = [
        _title_units(title),
        signers + _organiser_units(body) + _subtitle_units(body[:3] + context),
        _body_units(body),
        _headline_units([opening, *context]),
        _own_kind_units(title, body),
        _website_units(page_meta),
        _own_place_units(title, body, context, page_meta),
    ]
    candidates = [c for source in sources for c in source]
    if not candidates:
        text = [title, *body]
        anonymous = (lex.anonymous_unit, lex.self_reference_unit)
        return "", any(pattern.search(line) for line in text for pattern in anonymous)
    chosen = candidates[0]
    holders = {signer for signer in signers if chosen in signer}
    if not is_unit_name(chosen) and len(holders) == 1:  # 江河区2024年…方案 signed by one of its bodies
        chosen = holders.pop()
    for candidate in candidates:  # 财政局 → 市财政局, but never towards a placeholder
        longer = candidate.endswith(chosen) and len(candidate) > len(chosen)
        if longer and _placed(candidate) and not _anonymised(candidate):
            chosen = candidate
    chosen = next((name for name in signers + _body_units([opening]) if _organ_of(chosen, name)), chosen)
    return chosen, _anonymised(chosen) or _hidden_in_full(chosen, [*body, *context])


def _organ_of(unit: str, name: str) -> bool:
    """Is ``name`` the organ of ``unit`` that writes the plan (县人民医院 → 县人民医院团委, 某某村 →
    某某村村民委员会): the unit's name, then lexicon ``organ_suffixes`` after a few words at most?"""
    lex = _lexicon()
    return name.startswith(unit) and bool(lex.organ_suffix.fullmatch(name, len(unit))) and not _anonymised(name)


def _hidden_in_full(name: str, lines: list[str]) -> bool:
    """Does the text write an unplaced ``name`` (人民医院) in full only with a placeholder for its place
    (XX县人民医院党委)? Then it hides which one it is: anonymised."""
    if not name or _placed(name):
        return False
    full = re.compile(f"{_lexicon().anonymous.pattern}[{PLACE_CHARS}]?{re.escape(name)}")
    return any(name in line and full.search(line) for line in lines)


def _anonymised(name: str) -> bool:
    lex = _lexicon()
    return bool(lex.anonymous.search(name) or lex.single_marker.match(name))


def normalise_unit(name: str) -> str:
    """The organ itself: 中共湖南省财政厅党组 → 湖南省财政厅, 市财政局机关 → 市财政局,
    中共XX学院委员会 → XX学院, 现将XX局 → XX局, 我校XX小学 → XX小学, XX局精神文明建设领导小组 → XX局;
    a place's leadership acting together is the place: XX镇党委、政府 → XX镇, XX村两委 → XX村."""
    lex = _lexicon()
    name = lex.lead_words.sub("", "".join(name.split()))
    leadership = lex.place_leadership.match(name)
    if leadership:  # the place, named or not (村两委 is no unit: 村 is none)
        return leadership["place"]
    for pattern in (lex.party_committee, lex.leading_group):
        organ = pattern.match(name)
        if organ and is_unit_name(organ["organ"]):
            return organ["organ"]
    for suffix in lex.strip_suffixes:
        if name.endswith(suffix):
            organ = name[: -len(suffix)]
            for prefix in lex.strip_prefixes:
                organ = organ.removeprefix(prefix)
            if is_unit_name(organ):
                return organ
    return name


def is_unit_name(name: str) -> bool:
    """Does ``name`` look like an organisation's name (not 我局, 省局, 中心, 中小学 or a phrase)?"""
    lex = _lexicon()
    if not 2 <= len(name) <= 30 or not lex.name_chars.fullmatch(name) or lex.non_name_start.search(name):
        return False
    suffix = next((name[-n:] for n in lex.suffix_lengths if n <= len(name) and name[-n:] in lex.suffix_set), "")
    if not suffix:
        return False
    head = name[: -len(suffix)]
    for prefix in lex.strip_prefixes:
        head = head.removeprefix(prefix)
    if lex.non_name_word.search(head) or lex.chrome_word.search(name):
        return False
    core = head.lstrip(lex.level_chars)
    if core in lex.generic_heads or not (re.search(f"[{CJK}]", head or suffix) or lex.anonymous.fullmatch(head)):
        return False  # a name needs a Chinese head, or a placeholder for one (XX中学, ××医院)
    return bool(core) or (suffix in lex.institutional and bool(head))


def headline_subject(line: str) -> str:
    """The unit or place a news headline opens with (某某局|扎实开展…, 2025年某某社区|召开…: a name, then
    one of lexicon ``headline_verbs``), "" if the line opens with none. Not told from a title here: a
    title ends with a genre word (titles.is_headline)."""
    lex = _lexicon()
    text = lex.leading_year.sub("", nfkc("".join(line.split())))
    if len(text) > UNIT_PREFIX_MAX + 20:
        return ""
    for match in lex.headline_verb.finditer(text):
        name = normalise_unit(text[: match.start()].rstrip(":：，,"))  # 某某局：多措并举…
        if match.start() >= 2 and (is_unit_name(name) or _is_place_unit(name) or _is_named_area(name)):
            return name
    return ""


def _headline_units(lines: list[str]) -> list[str]:
    """The subjects of the news headlines among ``lines`` (the body's first line, the lines above the
    title), [] if there are none."""
    names = [headline_subject(line) for line in lines if line and not re.search(SENTENCE_END, line)]
    return [name for name in names if name]


def _is_place_unit(name: str) -> bool:
    """A place alone (某某市, 某某镇) where a unit is expected: its government or community."""
    lex = _lexicon()
    if lex.marked_place.match(name):
        return True  # 某县: a place left unnamed (anonymised)
    if not lex.place_unit.match(name) or lex.non_name_start.search(name) or lex.non_name_word.search(name):
        return False
    return not lex.not_place.search(name) and name.rstrip("省市区县旗镇乡村街道") not in lex.generic_heads


def _units(raw: list[str], places: bool = False) -> list[str]:
    """The names among ``raw`` that are units (or, with ``places``, places standing for one)."""
    names = (normalise_unit(r) for r in raw)
    return [n for n in names if is_unit_name(n) or (places and _is_place_unit(n))]


def _title_units(title: str) -> list[str]:
    """The name a title opens with: 湖南省财政厅|创建全国文明单位工作方案（2019-2020年）, or the
    place it opens with: 2026年某某市|文明实践重点安排; failing both, a name in brackets closing it.
    After a lead word (关于某某局创建…, 《某某局…》) a verb is as likely as a name: only a placed name counts."""
    lex = _lexicon()
    if lex.chrome_word.search(title):
        return []
    text = "".join(title.split())
    lead = lex.title_lead.match(text)
    if lead:
        return [name for name in _opening_units(text[lead.end() :]) if _placed(name)]
    return _opening_units(text)


def _opening_units(title: str) -> list[str]:
    """The unit or place a title (its lead words off) opens with, else one in brackets closing it."""
    lex = _lexicon()
    text = lex.leading_year.sub("", title)
    stops = (m.start() for m in lex.title_stop.finditer(text) if not text.startswith(lex.suffixes, m.start()))
    prefix = text[: next(stops, len(text))][:UNIT_PREFIX_MAX]  # a stop word opening a suffix (文明办) is the name's
    areas = lex.jurisdiction_areas
    cuts = {end for m in lex.not_place.finditer(prefix) for end in range(m.start() + 1, m.end())}
    for end in range(len(prefix), 1, -1):
        if _is_named_area(prefix[:end]):
            return [prefix[:end]]  # 桃源社区|重阳节活动方案
        if end in cuts or any(prefix.startswith(area, end - cut) for area in areas for cut in range(1, len(area))):
            continue  # a name ends where a word ends: not 桃源社 (社区), not 滨江办 (办公区)
        name = normalise_unit(prefix[:end])
        if is_unit_name(name):
            return [name]
    owner = lex.title_owner.search(text)
    return _units([prefix], places=True) or (_units([owner["u"]]) if owner else [])


def _signature_units(lines: list[str]) -> list[str]:
    """Issuer lines: 中共湖南省财政厅党组关于印发…, a name alone, a name before a date, the same in
    brackets ((某某局 2024年3月5日)); on an official page's 印发 line (某某局办公室 2024年3月5日印发, or the
    office on its own line over the dated one) the office that printed it stands for its organ (某某局). A place or a named area signs only with
    a date on its line or the next (某某街道 / 2024年3月5日, 某某示范区 2024年3月5日): its government."""
    lex = _lexicon()
    raw, dated = [], []  # dated: names signed with a date, where a place or a named area signs too
    lines = [line.strip() for line in lines]
    following = [""] * len(lines)  # the next non-blank line after each
    for index in range(len(lines) - 2, -1, -1):
        following[index] = lines[index + 1] or following[index + 1]
    for index, line in enumerate(lines):
        if line[:1] == "(" and line[-1:] == ")":
            line = line[1:-1].strip()
        if lex.chrome_word.search(line):
            continue
        for pattern in (lex.notice, lex.signature):
            match = pattern.match(line)
            if match and match["u"]:
                raw += [_printing_organ(name, line) for name in _joint_issuers(match["u"])]
                dated += [match["u"]] if pattern is lex.signature else []
        if len(line) <= 30:
            signed = lex.signature.match(following[index])
            over_date = bool(signed and not signed["u"])  # a name over its date line (2024年3月5日印发)
            dated += [line] if over_date else []
            raw += [_printing_organ(name, following[index]) if over_date else name for name in _joint_issuers(line)]
    places = [name for name in map(normalise_unit, dated) if _is_place_unit(name) or _is_named_area(name)]
    return _units(raw) + places


def _printing_organ(name: str, line: str) -> str:
    """The organ whose office printed the document on a 印发 line (某某局办公室 → 某某局), else ``name``."""
    lex = _lexicon()
    printing = lex.config["unit"]["printing"]
    if not line.endswith(tuple(printing["verbs"])):
        return name
    for office in printing["offices"]:
        organ = name.strip().removesuffix(office)
        if organ != name.strip() and is_unit_name(normalise_unit(organ)):
            return organ
    return name


def _joint_issuers(text: str) -> list[str]:
    """Issuers signing together, spaced apart on one line (共青团某县委  某县文明办), each on its own;
    else the text as one name (a name printed letter-spaced, 某 某 县 文 明 办, is still one)."""
    parts = text.split()
    if _lexicon().place_leadership.match("".join(parts)):
        return [text]  # 某某社区党支部  某某社区居委会: the community, signing as one
    if len(parts) > 1 and all(is_unit_name(normalise_unit(part)) for part in parts):
        return parts
    return [text]


def _subtitle_units(lines: list[str]) -> list[str]:
    """——以某某区水务局为例: a subtitle naming the unit as the plan's case."""
    lex = _lexicon()
    return _units([m["u"] for line in lines for m in [lex.example_subtitle.match(line)] if m])


def _organiser_units(body: list[str]) -> list[str]:
    """主办单位：西南大学某学院 — who runs the activity."""
    lex = _lexicon()
    lines = [line for line in body if ":" in line or "：" in line]  # every label ends in a colon: most lines have none
    raw = [m["u"] for line in lines if not lex.chrome_word.search(line) for m in lex.organiser.finditer(line)]
    return _units(raw)


def _body_units(body: list[str]) -> list[str]:
    """Names in the body's own sentences, most frequent first: after a lead-in or before a verb
    of decision as they are (现制定市财政局2014—2015年度…, 成立某某中心文明家庭评选小组,
    学院团委决定…), a place or a named area included (成立某某镇新时代文明实践所, 某某示范区结合实际…,
    某某镇党委、政府决定…); opening a sentence only with a place (市财政局在市委…); the name in brackets
    after the text's word for itself (我局（某某县林业局）)."""
    lex = _lexicon()
    hinted = [line for line in body if lex.decision_hint.search(line)]
    trusted = [m["u"] for line in hinted for pattern in lex.decision_units for m in pattern.finditer(line)]
    placed = [m["u"] for line in body for pattern in lex.body_units for m in pattern.finditer(line)]
    own = [m["u"] for line in body if "我" in line for m in lex.self_named.finditer(line)]
    scope = [m["u"] for line in body if "辖" in line for m in lex.jurisdiction.finditer(line)]
    joint = [m["u"] for line in hinted for m in lex.joint_decision.finditer(line)]
    names = [name for name in joint if all(is_unit_name(part) and _placed(part) for part in name.split("、"))]
    names += [name for name in map(normalise_unit, joint) if _is_place_unit(name)]  # 某某镇党委、政府决定…
    names += _units(trusted, places=True) + [name for name in _units(placed) if _placed(name)]
    names += [name for name in map(normalise_unit, placed + trusted) if _is_named_area(name)]  # 桃源社区结合实际…
    names += [name for name in _units(scope, places=True) if _placed(name) or _is_place_unit(name)]
    names += [name for name in map(normalise_unit, scope) if _is_named_area(name)]
    names += [name for name in _units(own) if name.endswith(tuple(lex.institutional))]
    bracketed = [m["u"] for line in body if "(" in line for pattern in (lex.self_bracketed, lex.self_alias) for m in pattern.finditer(line)]
    names += _units(bracketed)
    counts = Counter(names)
    return sorted(counts, key=lambda name: -counts[name])  # stable: ties keep first appearance


def _own_kind_units(title: str, body: list[str]) -> list[str]:
    """The unit a plan that calls itself by its kind (我院, 本校) names with a place of its own, most
    often first: 某某区人民医院 for 我院, not 市人民医院; [] when it does not call itself so."""
    lex = _lexicon()
    text = [title, *body]
    kinds = {m["kind"] for line in text for m in lex.own_kind.finditer(line)}
    found = [m["u"] for kind in sorted(kinds) for line in text for m in lex.own_kind_names[kind].finditer(line)]
    names = [name for name in found if name[:1] not in lex.level_chars and is_unit_name(name) and _placed(name)]
    counts = Counter(names)
    return sorted(counts, key=lambda name: -counts[name])


def _own_place_units(title: str, body: list[str], context: list[str], page_meta: PageMeta) -> list[str]:
    """The place a plan of a place calls its own (我县, 本社区, a title opening 全省…): the plan's
    region when it is of that kind, else the names of that kind the text repeats (小康某县, 和谐某县
    → 某县), most often first. [] when the plan calls itself a body (我局, 本单位): a department
    speaks of 我县 too, and its place is not its unit."""
    lex = _lexicon()
    text = [title, *body]
    if any(lex.self_reference_unit.search(line) for line in text):
        return []
    kinds = {m["kind"] for line in text for m in lex.own_place.finditer(line)}
    kinds |= {m["kind"] for m in [lex.own_place_title.match(title)] if m}
    region = _plan_region("", title, body, context, page_meta) if kinds else ""
    if any(region.endswith(kind) for kind in kinds):
        return [region]
    counts = Counter(name for kind in sorted(kinds) for line in text for name in _place_names(line, kind))
    config = lex.config["unit"]["own_places"]
    ranked = sorted(counts, key=lambda name: (-counts[name], -len(name)))
    return [name for name in ranked if counts[name] >= config["min_mentions"]][:1]


def _place_names(line: str, kind: str) -> list[str]:
    """Every name of a place of ``kind`` a mention in ``line`` may be, one per length of its head
    (和谐某县 → 某县, 谐某县, 和谐某县): the text's repetitions tell which one it is."""
    lex = _lexicon()
    config = lex.config["unit"]["own_places"]
    openers = config["openers"] + config["title_openers"]
    names = []
    for match in re.finditer(re.escape(kind), line):
        if lex.own_place_word.match(line, match.end()):
            continue  # 县城, 区域: not a place's name ending here
        before = re.search(f"[{CJK}]{{0,{config['max_head']}}}$", line[: match.start()]).group()
        for size in range(1 if kind in config["one_char_heads"] else 2, len(before) + 1):
            head = before[-size:]
            if head[0] in lex.level_chars or head[-1] in PLACE_CHARS or any(word in head for word in openers):
                continue
            if lex.non_name_start.search(head) or lex.non_name_word.search(head):
                continue
            if not lex.not_place.search(head + kind) and head not in lex.generic_heads:
                names.append(head + kind)
    return names


def _is_named_area(name: str) -> bool:
    """An area with a proper name (青溪片区, 石门社区) given as the plan's scope: not 各片区, 本社区, 风景区."""
    lex = _lexicon()
    area = next((word for word in lex.jurisdiction_areas if name.endswith(word)), "")
    head = name[: -len(area)] if area else ""
    if len(head) < 2 or not lex.name_chars.fullmatch(name) or lex.non_name_start.search(name):
        return False
    return not lex.non_name_word.search(head) and head.lstrip(lex.level_chars) not in lex.generic_heads


def _placed(name: str) -> bool:
    """Does the name open with a level character, a place or a placeholder (市财政局, 宜昌市…, XX局),
    maybe after an organisation's prefix (中共某某县委, 国家税务总局某某区税务局), or end as only a full
    name does (某某集团有限公司)? Only such names are trusted from running text, where a phrase can end
    like a name."""
    lex = _lexicon()
    if name[:1] in lex.level_chars or lex.anonymous.match(name) or name.endswith(lex.full_name_suffixes):
        return True
    start = next((len(p) for p in lex.name_prefixes if name.startswith(p)), 0)
    return any(at == start for at, _, _ in _known_places(name)) or any(
        pattern.match(name, start) for pattern, _ in lex.generic_places
    )


def _website_units(page_meta: PageMeta) -> list[str]:
    """The site's 来源, else its 作者 / 发布者, when it is an organisation with a place (宜昌市机关事务服务中心;
    not a person's name)."""
    return [name for name in _units([page_meta.source, page_meta.author]) if _place_in_name(name)]


def _qualified(unit: str, region: str) -> str:
    """市财政局 in 宜昌市 → 宜昌市财政局: only when the bare level character matches the region's."""
    if unit and region and unit[0] == region[-1] and unit[0] in _lexicon().level_chars:
        return region + unit[1:]
    return unit


# ---------------------------------------------------------------------------
# Region
# ---------------------------------------------------------------------------


def _plan_region(unit: str, title: str, body: list[str], context: list[str], page_meta: PageMeta) -> str:
    """The most specific place named by the unit, the title, the context or the website, in that
    order; failing those, a known place the body names at least ``body_min_mentions`` times."""
    for text in (unit, title, *context, page_meta.source, page_meta.column, page_meta.page_title):
        place = _place_in_name(_lexicon().title_lead.sub("", nfkc(text)))  # 关于转发市林业局…: no place 关于转发市
        if place:
            return place
    return _body_place(body)


def _place_in_name(text: str) -> str:
    """The most specific place in a name: 国家税务总局湖南省税务局 → 湖南省, 宜都市财政局 → 宜都市.

    Known names count anywhere; an unlisted XX市 / XX区 only at the start (after an organisation's
    prefix such as 中共 or 国网) or right after a known place, where it cannot be the tail of a longer
    phrase."""
    lex = _lexicon()
    hits = _known_places(text)
    found = [(place.rank, start, place.display) for start, end, place in hits]
    prefix = next((len(p) for p in lex.name_prefixes if text.startswith(p)), 0)
    for start in {prefix} | {end for _, end, _ in hits}:
        for pattern, rank in lex.generic_places:
            match = pattern.match(text, start)
            if match and not lex.not_place.search(match.group()):
                found.append((rank, start, match.group()))
    return max(found)[2] if found else ""


def _known_places(text: str) -> list[tuple[int, int, _Place]]:
    lex = _lexicon()
    hits = []
    for match in lex.place.finditer(text):
        place = lex.places[match["stem"]]
        suffix = match["suffix"] or ""
        if place.needs_suffix and suffix not in ("市", "州"):
            continue
        if place.rank == 2 and suffix == "市" and not place.display.endswith("市"):
            place = _Place(match["stem"] + "市", 2, False)  # 恩施市, not 恩施州
        hits.append((match.start(), match.end(), place))
    return hits


def _body_place(body: list[str]) -> str:
    lex = _lexicon()
    counts: Counter[str] = Counter()
    ranks: dict[str, int] = {}
    for line in body:
        for _, _, place in _known_places(line):
            counts[place.display] += 1
            ranks[place.display] = place.rank
    frequent = [p for p in counts if counts[p] >= lex.config["regions"]["body_min_mentions"]]
    return max(frequent, key=lambda p: (counts[p], ranks[p]), default="")


# ---------------------------------------------------------------------------
# Sector
# ---------------------------------------------------------------------------


def _plan_sector(unit: str, title: str, body: list[str]) -> str:
    """From the unit's head noun; else the first sector word of the title; else the sector the
    body clearly talks about as its own (民政系统, 师生 …)."""
    lex = _lexicon()
    if unit:
        ends = [(unit.rfind(w) + len(w), len(w), s) for w, s in lex.sector_unit_words if w in unit]
        if ends:
            return max(ends)[2]
    starts = [(title.find(w), -len(w), s) for w, s in lex.sector_unit_words if w in title]
    starts += [(m.start(), -len(m.group()), lex.sector_of_text_word[m.group()]) for m in lex.sector_text.finditer(title)]
    if starts:
        return min(starts)[2]
    counts = Counter(lex.sector_of_text_word[m.group()] for line in body for m in lex.sector_text.finditer(line))
    ranked = counts.most_common(2) + [("", 0), ("", 0)]
    (best, first), (_, second) = ranked[0], ranked[1]
    if first >= lex.config["sector_text_min_mentions"] and first >= 2 * second:
        return best
    return ""


# ---------------------------------------------------------------------------
# Years
# ---------------------------------------------------------------------------


def _plan_years(title: str, body: list[str], context: list[str] = ()) -> list[int]:
    """The plan period: from the title (2025年3月…活动方案 too), else from the head of the body —
    a date line under the title (2009.3), a first line opening with the year (2018年是…开局之年,
    2026年3月5日是学雷锋纪念日), a clause that names the plan (现制定市财政局2014—2015年度
    文明创建工作方案) or a sentence that refers to the plan itself (抓好2026年度…工作，特拟
    本方案), failing all those a clause of the opening or of the carrying notice (``context``)
    that schedules the activity (决定在2022年开展…). A placeholder (20XX年) means unknown: []."""
    config = _lexicon().config["years"]
    found = _years_in(title)
    if found is not None:
        return _school_year(found, body[: config["opening_lines"]]) or found
    for index, line in enumerate(body[: config["body_head_lines"]]):
        found = _date_line_years(line) if index < config["date_line_head"] else None
        if found is None and index < config["opening_lines"]:
            found = _opening_years(line)
        for clause in re.split(f"[{CLAUSE_END}]", line) if found is None else []:
            found = _plan_clause_years(clause)
            if found is not None:
                break
        for sentence in re.split(SENTENCE_END, line) if found is None else []:
            found = _self_reference_years(sentence)
            if found is not None:
                break
        if found is not None:
            return found
    return _decided_years(body[: config["opening_lines"]] + list(context))


def _school_year(found: list[int], lines: list[str]) -> list[int]:
    """A title's single year that opens the school year its opening names (2023年…文明校园实施方案 over
    …在2023—2024学年开展…) is that school year, both years; else []."""
    for line in lines if len(found) == 1 else []:
        for match in _lexicon().school_year.finditer(_arabic_years(line)):
            if int(match["a"]) == found[0] and int(match["b"]) == found[0] + 1:
                return [found[0], found[0] + 1]
    return []


def _decided_years(lines: list[str]) -> list[int]:
    """The year a scheduling clause names: 决定从2020年1月起…, 将于2024年3月至6月开展…; not a
    full date (决定于2024年5月20日前上报: a day or a deadline)."""
    lex = _lexicon()
    for line in lines:
        line = _arabic_years(line)
        for verb in lex.decided_year.finditer(line):
            match = lex.year_span.match(line, verb.end())
            if match and not lex.day_after.match(line, match.end()):
                return _span_years(match)
    return []


def _date_line_years(line: str) -> list[int] | None:
    """A line that is only a year and month (2009.3, 2019年3月) dates the plan above it; a full date
    alone (2022-03-01) is when the plan was issued or the page posted, not its period."""
    match = _lexicon().date_line.match(_arabic_years(line.strip()))
    return [int(match["y"])] if match else None


def _opening_years(line: str) -> list[int] | None:
    """A head line that opens with the year speaks of the plan's year: 2018年是…开局之年,
    2015年，我局…, 2021年3月5日是…纪念日; not 2019年11月，成立领导小组 (a date)."""
    lex = _lexicon()
    line = _arabic_years(line)
    match = lex.year_span.match(line)
    if match and (match["ph"] or match["nian"] or match["b"]) and not re.match(r"\s*\d", line[match.end() :]):
        return _span_years(match)
    dated = lex.dated_opening.match(line)
    return [int(dated["y"])] if dated else None


def _plan_clause_years(clause: str) -> list[int] | None:
    """Years before the clause's plan noun, outside 《》 and before any citation verb; a full date
    (2012年3月14日) is an issue date, not the period."""
    lex = _lexicon()
    clause = _arabic_years(clause)
    nouns = [m.start() for m in lex.plan_noun.finditer(clause)]
    citation = lex.citation.search(clause)
    limit = min(nouns[-1] if nouns else 0, citation.start() if citation else len(clause))
    return _first_uncited_years(clause, limit)


def _self_reference_years(sentence: str) -> list[int] | None:
    """The years of a sentence that names the plan itself (…，特制定本方案), outside 《》."""
    lex = _lexicon()
    sentence = _arabic_years(sentence)
    if not lex.self_reference.search(sentence):
        return None
    return _first_uncited_years(sentence, len(sentence))


def _first_uncited_years(text: str, limit: int) -> list[int] | None:
    """The first year expression before ``limit`` outside 《》 that is not part of a full date nor a
    deadline (到2025年底)."""
    lex = _lexicon()
    depth, scanned = 0, 0  # 《》 nesting up to ``scanned``, counted once: linear on long texts
    for match in lex.year_span.finditer(text, 0, limit):
        between = text[scanned : match.start()]
        depth, scanned = depth + between.count("《") - between.count("》"), match.start()
        deadline = lex.deadline.search(text, max(0, match.start() - 4), match.start())
        if depth <= 0 and not deadline and not lex.day_after.match(text, match.end()):
            return _span_years(match)
    return None


def _years_in(title: str) -> list[int] | None:
    """Years of the first year expression in a title; None when there is none. In a title a
    bare year (社区重阳节活动方案2015) or a year with its month (2025年3月…) is the plan's;
    a full date (（2013年12月23日）) is when it was issued."""
    lex = _lexicon()
    title = _arabic_years(title)
    for match in lex.year_span.finditer(title):
        if not lex.day_after.match(title, match.end()):
            return _span_years(match)
    return None


def _span_years(match: re.Match) -> list[int]:
    if match["ph"]:
        return []
    first = int(match["a"])
    last = int(match["b"]) if match["b"] else first
    if not 0 <= last - first <= _lexicon().config["years"]["max_span"]:
        return [first]
    return list(range(first, last + 1))


def _arabic_years(text: str) -> str:
    """二〇一〇年 → 2010年, so one pattern reads both."""
    return _lexicon().year_chinese.sub(lambda m: str(_chinese_digits(m.group())), text)


def _chinese_digits(text: str) -> int:
    zero = _lexicon().config["dates"]["zero_chars"]
    digits = "".join("0" if c in zero else str(CN_DIGITS.index(c) + 1) if c in CN_DIGITS else c for c in text)
    return int(digits)


# ---------------------------------------------------------------------------
# Target: the kind of 创建 target and its level
# ---------------------------------------------------------------------------


_AIMED = 2  # the score of a mention a verb marks as the plan's aim (3: the plan's own unit is its subject)


@dataclass(frozen=True)
class _Mention:
    score: int  # 3 aimed at by the plan's own unit, 2 aimed at, 1 held, 0 merely named, -1 named by a cited creation plan
    kind: str  # 文明单位, 文明城市, 青年文明号 …
    level: str  # 全国, 省级最佳 …, "" when the mention names no level


def _target(title: str, body: list[str], shared_title: bool = False) -> tuple[str, str]:
    """(kind of target, level aimed at): (文明城市, 全国), (文明单位, 省级最佳), (文明校园, "").

    The kind is the first one the title names, else the body's mention that a verb marks as
    the aim (创建, 争创, 确保) — the plan's own unit's aim (我局争创…) first — over one marked as held
    (巩固, 荣获) over a bare one; ties go to the first. The level is that kind's: the title's when it states one, else the body's best
    mention of the same kind — a plan for 文明单位 that mentions the city's 全国文明城市 in
    passing aims at no stated level. Mentions inside 《》 cite another document and are skipped.
    A shared compilation title (``shared_title``) counts only when the body aims at nothing."""
    in_title = _mentions(title, in_title=True)
    in_body = [m for line in body for m in _mentions(line)]
    if shared_title and any(m.score >= _AIMED for m in in_body):
        in_title = []
    if in_title:
        kind = in_title[0].kind
    elif in_body:
        kind = max(in_body, key=lambda m: m.score).kind
    else:
        return "", ""
    for mentions in (in_title, in_body):
        levels = [m for m in mentions if m.kind == kind and m.level]
        if levels:
            return kind, max(levels, key=lambda m: m.score).level
    return kind, ""


def _mentions(line: str, in_title: bool = False) -> list[_Mention]:
    """The targets a line names. In the body, one inside 《》 cites another document: it is
    skipped, unless that document is itself a creation plan or test (《争创全国文明城市三年计划》,
    of a campaign the plan takes part in), which counts as the weakest mention (score -1). In a
    title, 《》 holds the plan's own name (关于印发《…方案》的通知). In the body, an honour the unit
    already has (我院是省级文明单位, 荣获市级文明校园) or another's campaign the plan only supports
    (助力全国文明城市创建) names the kind, never a level the plan aims at."""
    lex = _lexicon()
    if not lex.target_hint.search(line):  # most lines name no target: skip the long pattern
        return []
    cited = [] if in_title else _cited_spans(line)
    mentions = []
    for match in lex.level.finditer(line):
        span = next(((start, end) for start, end in cited if start < match.start() < end), None)
        if span and not lex.cited_aim.search(line, span[0], span[1]):
            continue
        word = match["lvl"] or match["lvl1"]
        if match["lvl1"] and match["verb"] and not match["ji"]:
            word = None  # 宜昌市创建文明城市: the place's last character, not a level (市级创建… keeps it)
        qualifier = match["q1"] or match["q2"] or match["q3"] or ""
        level = lex.level_of[word] + qualifier if word else ""
        kind = lex.target_of[match["noun"] or match["named"]]
        verb = _verb_before(line, match)
        before = line[max(0, match.start() - lex.config["levels"]["verb_window"]) : match.start()]
        quota = lex.quota_after.match(line, match.end()) or lex.quota_before.search(before)
        if not in_title and (verb in lex.standing_words or quota):
            mentions.append(_Mention(0, kind, ""))  # an honour held or supported, or a quota awarded to others
            continue
        mentions.append(_Mention(-1 if span else _aim_score(line, match, verb), kind, level))
    return mentions


def _cited_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each 《…》 in the line (an unclosed one runs to the end)."""
    spans = []
    for opening, closing in _lexicon().citation_brackets:
        start = line.find(opening)
        while start >= 0:
            end = line.find(closing, start)
            end = len(line) if end < 0 else end
            spans.append((start, end))
            start = line.find(opening, end)
    return spans


def _verb_before(line: str, match: re.Match) -> str:
    """The last verb of aim, keeping or standing in the clause just before the mention, "" if none;
    a standing word after one of aim or keeping (目标是…, 力争获得…, 巩固我局荣获…的成果) leaves
    that one in force; a supporting word right before it (助力巩固…, 配合创建…) overrules it."""
    lex = _lexicon()
    window = line[max(0, match.start() - lex.config["levels"]["verb_window"]) : match.start()]
    clause = re.split(f"[{CLAUSE_END}]", window)[-1]
    verbs = list(lex.level_verb.finditer(clause))
    moving = [verb for verb in verbs if verb.group() not in lex.standing_words]
    last = (moving or verbs or [None])[-1]
    if last is None:
        return ""
    supported = next((word for word in lex.supporting_words if clause.endswith(word, 0, last.start())), "")
    return supported or last.group()


def _aim_score(line: str, match: re.Match, verb: str) -> int:
    """3 aimed at in a sentence of the plan's own unit (我县正在创建省级文明县城，我局全力争创市级文明单位),
    2 aimed at, 1 held, 0 merely named — from the clause's ``verb`` before the mention, else a word
    of aim right after it (省级文明单位创建标准)."""
    lex = _lexicon()
    if verb in lex.aim_words:
        window = line[max(0, match.start() - lex.config["levels"]["own_aim_window"]) : match.start()]
        return 3 if lex.self_reference_unit.search(re.split(SENTENCE_END, window)[-1]) else 2
    if verb:
        return 1
    return 2 if lex.aim_after.match(line, match.end()) else 0


# ---------------------------------------------------------------------------
# Issue date
# ---------------------------------------------------------------------------


def _issue_date(body: list[str], context: list[str]) -> str:
    """ISO date of the first signature line (a date alone, a unit then a date, …印发) in the
    context, else in the last lines of the body. Dates inside sentences, or after words that are
    not a unit (截止时间2019年12月31日), are never read."""
    lex = _lexicon()
    dates = lex.config["dates"]
    for line in context + body[-dates["body_tail_lines"] :]:
        line = line.strip()
        if len(line) > dates["max_signature_chars"]:
            continue
        match = lex.signature.match(line)
        if match and (not match["u"] or is_unit_name(normalise_unit(match["u"]))):
            return parse_date(match["date"])
    return ""


def parse_date(text: str) -> str:
    """2019年12月10日 / 二〇一〇年四月十六日 / 2010.4.16 → 2010-04-16; 2010年4月 → 2010-04; else ""."""
    text = _arabic_years(nfkc(text))
    numbers = [_number(n) for n in re.findall(f"[0-9]+|[{CN_DIGITS}十]+", text)]
    if len(numbers) < 2 or not 1 <= numbers[1] <= 12:
        return ""
    if len(numbers) == 2:
        return f"{numbers[0]:04d}-{numbers[1]:02d}"
    if not 1 <= numbers[2] <= 31:
        return ""
    return f"{numbers[0]:04d}-{numbers[1]:02d}-{numbers[2]:02d}"


def _number(text: str) -> int:
    """An Arabic or Chinese number below 100: 16, 十六, 二十一 (0 when malformed)."""
    if text.isdigit():
        return int(text)
    tens, ten, ones = text.partition("十")
    if not ten:
        return _digit(text)
    return (_digit(tens) if tens else 1) * 10 + (_digit(ones) if ones else 0)


def _digit(text: str) -> int:
    return CN_DIGITS.index(text) + 1 if len(text) == 1 and text in CN_DIGITS else 0
