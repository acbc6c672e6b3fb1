"""Dataclasses passed between pipeline stages.

Data flows one way: bytes → ``Decoded`` → ``CleanResult`` → ``Plan`` → pages.
Every stage is a pure function from one of these to the next; nothing here does I/O.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RemovedSpan:
    """A piece of text a stage removed, and the rule that removed it.

    ``rule`` is a dotted id such as ``chrome.publish.publish_line`` or ``pinyin.annotation``;
    ``category`` is the rule's category (nav, publish, disclaimer, upload, page_marker,
    qr_image, related, watermark, markup, spam_html, qa, furniture (scored), repeated_title, toc,
    pinyin, noise, repair).
    ``line`` is the 1-based line number in the text the stage received (0 if not line-based).
    ``reason`` says which signals decided, where a score rather than one pattern did (else "").
    """

    rule: str
    category: str
    text: str
    line: int = 0
    reason: str = ""


@dataclass(frozen=True)
class Flag:
    """Something doubtful that was kept rather than guessed away.

    ``kind`` is one of: mojibake, placeholder, gap, truncation, numbering, uncertain_chrome,
    encoding, title (the plan's name is not its heading: taken from its opening, or made up). ``line`` is the 1-based line in the clean text (0 for the whole file).
    """

    kind: str
    line: int
    excerpt: str
    detail: str = ""


@dataclass
class PageMeta:
    """Metadata the website printed around the article, captured before its lines are removed."""

    publish_date: str = ""  # ISO date, e.g. 2010-06-28
    source: str = ""  # 来源 / site name
    column: str = ""  # 栏目
    author: str = ""
    url: str = ""
    page_title: str = ""  # <title> of a saved web page

    def merge(self, other: "PageMeta") -> "PageMeta":
        """Fields already set win; empty fields are filled from ``other``."""
        return PageMeta(**{k: getattr(self, k) or getattr(other, k) for k in self.__dataclass_fields__})


@dataclass
class Extracted:
    """The text of one file (plain text, web page, Word, PDF), one paragraph per line, and what it says about itself."""

    text: str
    meta: PageMeta = field(default_factory=PageMeta)
    encoding: str = ""  # how it was read: a text codec (utf-8-sig, gb18030 …) or the document kind (docx, pdf …)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec that decoded it, e.g. utf-8-sig, gb18030, big5


@dataclass
class CleanResult:
    """The output of the clean stage for one file."""

    source: str  # the file name as given
    encoding: str
    text: str  # clean simplified text, one paragraph per line
    removed: list[RemovedSpan] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    meta: PageMeta = field(default_factory=PageMeta)
    was_traditional: bool = False


@dataclass
class Item:
    """A numbered item (or unnumbered paragraph) inside a section."""

    anchor: str  # explicit, stable anchor id within the plan page, e.g. "i4-2-6"
    number: str  # the number as printed without punctuation, e.g. "6", "1", "①"; "" if none
    text: str
    lead: list[str] = field(default_factory=list)  # 牵头单位 / 负责
    support: list[str] = field(default_factory=list)  # 责任单位 / 协助
    tags: list[str] = field(default_factory=list)  # activity types, filled by the tagger


@dataclass
class Note:
    """A line of a section that is kept as printed but is not an item (not tagged, no anchor).

    ``kind``: date (活动时间：3月1日—9日), field (活动地点：…, or any line under a 活动主题 / 活动对象
    heading), signature (a unit's name alone), fragment (a few characters cut off), link (a URL line),
    lead_in (a short line ending in a colon that introduces what follows: 创建工作分三个阶段进行：).
    ``after``: how many of the section's items come before it, to show it in its place.
    """

    kind: str
    text: str
    after: int = 0


@dataclass
class Member:
    """One line of a leading group's member list: 组长：张三（局长）, 成员：各科室负责人.

    ``names`` as printed (continuation lines joined with ；); ``after`` as for ``Note``."""

    role: str
    names: str
    after: int = 0


@dataclass
class Section:
    """A heading of the plan with its own paragraphs/items and sub-sections."""

    anchor: str  # e.g. "s4", "s4-2"
    number: str  # e.g. "四", "二", "第一阶段"; "" for an unnumbered heading
    title: str
    level: int  # depth in the plan's heading tree, 1 = top (一、 in most plans, but 1. in a plan that starts there)
    items: list[Item] = field(default_factory=list)
    sections: list["Section"] = field(default_factory=list)
    marker: str = ""  # the number as printed with its punctuation: 一、 （二） 1. ⑴ 第一阶段：
    members: list[Member] = field(default_factory=list)  # a leading group's member list under this heading
    notes: list[Note] = field(default_factory=list)  # lines kept as printed that are not items


@dataclass
class Phase:
    """A stage of the plan's schedule, e.g. 筹备发动阶段（2019年11月）."""

    name: str
    start: str = ""  # "2019-11", "2019-12-01" or "02" (month only) as far as stated
    end: str = ""
    text: str = ""


@dataclass
class PlanMeta:
    unit: str = ""  # normalised issuing organisation, e.g. 湖南省财政厅
    unit_anonymised: bool = False  # the text names its unit only as XX / 某某
    sector: str = ""
    region: str = ""
    years: list[int] = field(default_factory=list)  # plan period, e.g. [2019, 2020]
    level: str = ""  # 全国 / 省级 / 市级 / 区级 / 县级, may carry 最佳 / 标兵; the level of ``target``
    target: str = ""  # the kind of 创建 target: 文明单位, 文明城市, 文明校园, 青年文明号 … ("" if none)
    issue_date: str = ""  # ISO date of the document
    doc_number: str = ""  # the carrying notice's document number (文号), e.g. 某发〔2014〕31号
    publish_date: str = ""  # ISO date the website gave
    source_site: str = ""
    source_url: str = ""


@dataclass
class PlanSource:
    """One copy of a plan: near-duplicates from several files are merged into one page listing them all."""

    source_file: str
    index_in_file: int = 0
    title: str = ""
    source_site: str = ""
    source_url: str = ""
    publish_date: str = ""
    flags: int = 0  # number of flags on this copy
    length: int = 0  # characters of plan text
    similarity: float = 1.0  # share of this copy's text found in the shown copy (1.0 for the shown copy)
    reason: str = ""  # why it was merged, for the report


@dataclass
class Variant:
    """A sentence that differs between the shown copy and another copy of the same plan."""

    source_file: str  # the other copy
    shown: str  # the sentence in the shown copy, "" if the other copy adds one
    other: str  # the sentence in the other copy, "" if it lacks one


@dataclass
class Plan:
    title: str
    meta: PlanMeta
    source_file: str
    preamble: list[str] = field(default_factory=list)  # paragraphs before the first heading
    sections: list[Section] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    index_in_file: int = 0  # 0 for the first plan of a file
    collection: str = ""  # the compilation the file printed it in (…工作方案（精选8篇）), "" if none
    context: list[str] = field(default_factory=list)  # the file's other lines around it: a notice carrying it, its signature
    id: str = ""  # short permanent id, assigned by the permalink registry
    slug: str = ""  # URL slug, assigned by the permalink registry
    sources: list[PlanSource] = field(default_factory=list)  # every copy when near-duplicates were merged (shown copy first)
    variants: list[Variant] = field(default_factory=list)  # sentences that differ between the copies

    def card(self) -> "Plan":
        """The plan without its text: title, metadata, place in its file, id and slug (what a link to it shows)."""
        return Plan(self.title, self.meta, self.source_file, index_in_file=self.index_in_file, id=self.id, slug=self.slug)


def walk_sections(sections: list[Section]) -> list[Section]:
    """All sections in reading order (a heading before its sub-sections)."""
    result: list[Section] = []
    for section in sections:
        result.append(section)
        result.extend(walk_sections(section.sections))
    return result
