"""The quality command: how well clean → parse → tag do on a labelled corpus of other sites' pages.

A corpus folder holds ``pages/*.txt`` (first line ``URL: …``, a blank line, then the page as collected),
``labels.jsonl`` (one object per page: first_title, n_plans_visible, unit, level, years,
first_body_sentence, chrome spans …) and ``items.jsonl`` (items with activity-type labels, or junk).
Every page goes through the project's own clean and parse; what a user would see of its plans (the
"output": titles, preambles, headings, item texts and duty notes) is scored against the labels, and every
labelled item through the tagger. Pages are split by site (``site_half``): rules are written looking at
``tune`` and checked on ``holdout``. The first round of rules left holdout figures far below tune's, so
the second round opened half of the old holdout for reading (``tune2``); ``holdout`` is the quarter of
the sites nobody has read since.

Text is compared in a normal form (``norm``) so that punctuation repair or a converter's choice of
variant does not hide a leftover: simplified, pinyin notes out, NFKC, letters/digits/CJK only.

How each figure is scored:
- chrome left (``score_chrome``): occurrences of each labelled span are counted on the page and in the
  output. A span with no letter, digit or CJK character (``**``, ``…………``, an anti-copy ``'``), or a
  site label the corpus README names (范文, .docx), is chrome wherever it occurs: any copy left counts.
  A ``repeated_title`` is left when the output has as many copies as the page. Any other span is left
  when the output has more copies than the page has outside the labelled ones (a span labelled once
  on a page that also uses it as content may stay once). Spans shorter than ``SHORT_SPAN`` in normal
  form are counted with their punctuation (1、 is not every 1); ``chrome_unsure`` is not scored.
- first body sentence kept: its normal form is in the output (not scored when the page lacks it);
- item text kept: characters of the non-junk items' sentence pieces found in the output (``kept_share``);
- first title: normal forms equal (a null first_title is scored only when no plan is visible: right
  when the parser gives none); unit: equal, or for a null label none or a placeholder; level: equal
  where stated, and how often one is given where none is; years: equal as sets; plan count: the
  number of plans the parser returns against n_plans_visible (a notice carrying a plan is one plan,
  as split.py returns it). Unit, level and years are those of the parser's first plan;
- traditional characters and pinyin notes left in the output; tags: micro precision/recall of
  ``tagger.tag_item`` over (item, type) pairs, and junk items given any type.
Everything here is a pure function of its arguments, except ``load_corpus`` which reads the folder.
"""
from __future__ import annotations

import json
import re
import time
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from scripts import clean, parse
from scripts.clean import pinyin_notes
from scripts.models import Plan, PlanMeta, walk_sections
from scripts.publish.render import heading_text
from scripts.read import htmlpage
from scripts.tag import tagger

HALVES = ("tune", "tune2", "holdout")
# Spans that mean "every occurrence on the page is chrome" (the corpus README names them): site labels.
# Spans with no letter, digit or CJK character at all (**, …………, an anti-copy ' or `) count the same way.
EVERY_OCCURRENCE = frozenset({"范文", ".docx"})
# A span whose normal form is shorter than this is counted with its punctuation kept (1、 is not 1).
SHORT_SPAN = 4
# Unit names that only stand for a unit (the label gives null for them).
PLACEHOLDER_UNIT = re.compile(r"[XxＸｘ×*＊]{2,}|某某|^我(?:局|院|校|委|办|单位|公司|部|所|中心)$")
TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A reading note the clean stage should have removed: a bracket of pinyin with a tone mark, normally right
# after a CJK character; counted wherever it sits, because mojibake can eat the character before it.
PINYIN_NOTE = re.compile(rf"[(（]\s*[a-zü{TONES}' ]*[{TONES}][a-zü{TONES}' ]*\s*[)）]")
# Where a labelled item is cut into the pieces that are looked up (a piece kept counts for its length).
PIECE_END = re.compile(r"[。；;！!？?\n]")
SHOWN = 16  # characters of page text quoted on screen


# ---------------------------------------------------------------- corpus


@dataclass
class Page:
    file: str
    url: str
    text: str  # the page as collected, without the URL line
    half: str


@dataclass
class Corpus:
    pages: list[Page]
    labels: dict[str, dict]  # file → label object
    items: list[dict] = field(default_factory=list)


def site_half(url: str) -> str:
    """``tune``, ``tune2`` or ``holdout`` by the page's site: host lowercased, one leading www./m./wap.
    dropped, crc32 of it: even is tune (the first round's), 1 mod 4 is tune2 (read in the second round),
    3 mod 4 is holdout (never read)."""
    host = (urlparse(url).hostname or "").lower()
    for prefix in ("www.", "m.", "wap."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
            break
    return ("tune", "tune2", "tune", "holdout")[zlib.crc32(host.encode()) % 4]


def split_page(raw: str) -> tuple[str, str]:
    """(url, text) of a corpus page: the ``URL: …`` line and the blank line after it are not the page."""
    first, _, rest = raw.partition("\n")
    if not first.startswith("URL:"):
        return "", raw
    if rest.startswith("\n"):
        rest = rest[1:]
    elif rest.startswith("\r\n"):
        rest = rest[2:]
    return first[len("URL:") :].strip(), rest


def load_corpus(root: Path) -> Corpus:
    """Read a corpus folder; a page without a label is still evaluated (only for failures and leftovers)."""
    root = Path(root)
    labels = {label["file"]: label for label in _jsonl(root / "labels.jsonl")}
    pages = []
    for path in sorted((root / "pages").glob("*.txt")):
        url, text = split_page(path.read_text(encoding="utf-8", errors="replace"))
        url = url or labels.get(path.name, {}).get("url", "")
        pages.append(Page(path.name, url, text, site_half(url)))
    return Corpus(pages, labels, _jsonl(root / "items.jsonl"))


def _jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# ---------------------------------------------------------------- pipeline


def clean_and_parse(name: str, text: str) -> list[Plan]:
    """The project's clean and parse on one page's text, as ``clean.clean_bytes`` does after decoding."""
    text, meta = readable_text(name, text)
    return parse.parse_plans(clean.clean_text(text, source=name, meta=meta))


def output_pieces(plans: list[Plan]) -> list[str]:
    """What a reader sees of the plans, in the order their pages show it: title, preamble, headings as
    printed, items (number, text, duties), and member lists and notes where they were printed."""
    pieces: list[str] = []
    for plan in plans:
        pieces += [plan.title, *plan.preamble]
        for section in walk_sections(plan.sections):
            pieces.append(heading_text(section))
            asides = [(m.after, m.role + "：" + m.names) for m in section.members] + [(n.after, n.text) for n in section.notes]
            for position in range(len(section.items) + 1):
                pieces += [text for after, text in asides if after == position]
                if position < len(section.items):
                    item = section.items[position]
                    pieces += [*filter(None, [item.number, item.text]), *item.lead, *item.support]
    return pieces


# ---------------------------------------------------------------- normal forms


@lru_cache(maxsize=1)
def _t2s():
    """OpenCC's hk2s: t2s plus the variant characters (衞 → 卫) that plain t2s leaves alone."""
    import opencc

    return opencc.OpenCC("hk2s")


def simplified(text: str) -> str:
    """Phrase-level t2s (with variants), pinyin notes out, and 著 folded to 着 (Taiwan-style pages keep
    the particle 著)."""
    text = _t2s().convert(text)
    text = pinyin_notes.strip_pinyin_annotations(text)[0]
    return text.replace("著", "着")


def norm(text: str) -> str:
    """The comparison form: simplified, NFKC, lower case, only letters, digits and CJK characters."""
    text = unicodedata.normalize("NFKC", simplified(text)).casefold()
    return "".join(char for char in text if char.isalnum())


def norm_punct(text: str) -> str:
    """The comparison form for short spans: like ``norm`` but punctuation kept, only white space dropped."""
    text = unicodedata.normalize("NFKC", simplified(text)).casefold()
    return "".join(text.split())


def same_title(got: str, want: str) -> bool:
    return norm(got) == norm(want)


# ---------------------------------------------------------------- chrome


def chrome_rule(span: dict) -> str:
    """How a labelled span is scored: ``every`` (no occurrence may be left), ``repeat`` (fewer copies than on
    the page), or ``count`` (no more copies than the page has outside the labelled ones)."""
    text = span["text"].strip()
    if text in EVERY_OCCURRENCE or not norm(text):
        return "every"
    return "repeat" if span["category"] == "repeated_title" else "count"


def span_form(text: str) -> tuple[str, str]:
    """(form name, normal form) a span is counted in: ``norm``, or ``punct`` for short spans."""
    form = norm(text)
    return ("norm", form) if len(form) >= SHORT_SPAN else ("punct", norm_punct(text))


FORMS = {"norm": norm, "punct": norm_punct}


def score_chrome(spans: list[dict], page_text: str, output_text: str) -> list[dict]:
    """Each labelled chrome span with ``left`` (True: still in the output) and the counts behind it.

    Counts are of non-overlapping occurrences in the span's normal form of the whole page and of the
    output. ``left`` is None for a span its normal form cannot find on the page (nothing to score).
    """
    forms = [span_form(span["text"]) for span in spans]
    labelled = Counter(form for form, span in zip(forms, spans) if chrome_rule(span) == "count")
    page = {name: FORMS[name](page_text) for name in {name for name, _ in forms}}
    output = {name: FORMS[name](output_text) for name in page}
    results = []
    for span, (name, form) in zip(spans, forms):
        rule = chrome_rule(span)
        on_page = page[name].count(form) if form else 0
        in_output = output[name].count(form) if form else 0
        if rule == "every":
            allowed = 0
        elif rule == "repeat":
            allowed = on_page - 1
        else:
            allowed = max(0, on_page - labelled[(name, form)])
        left = None if not form or (on_page == 0 and rule != "every") else in_output > allowed
        results.append({**span, "rule": rule, "on_page": on_page, "in_output": in_output, "left": left})
    return results


# ---------------------------------------------------------------- damage left


def traditional_left(text: str) -> int:
    """Characters OpenCC t2s (with variants) would still change in ``text``."""
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return sum(a != b for a, b in zip(text, converted))
    return sum(_t2s().convert(char) != char for char in text)


def pinyin_left(text: str) -> int:
    return len(PINYIN_NOTE.findall(text))


# ---------------------------------------------------------------- one file


def kept_share(texts: list[str], output_norm: str, page_norm: str) -> tuple[int, int]:
    """(characters kept, characters) of the labelled item texts, counted by sentence piece: a piece
    counts if the page has it (items of an older cut of the page may be gone) and kept if the output has it."""
    kept = total = 0
    for text in texts:
        for piece in map(norm, PIECE_END.split(text)):
            if len(piece) >= 2 and piece in page_norm:
                total += len(piece)
                kept += len(piece) if piece in output_norm else 0
    return kept, total


def readable_text(name: str, text: str):
    """(text, page metadata) as the clean stage receives them: a saved web page is read as one."""
    if htmlpage.looks_like_html(name, text):
        page = htmlpage.html_to_text(text)
        return page.text, page.meta
    return text, None


def first_meta(plans: list[Plan]) -> PlanMeta:
    return plans[0].meta if plans else PlanMeta()


def unit_right(got: PlanMeta, want: str | None) -> bool:
    """A null label is right when the parser names no unit or only a placeholder."""
    if want is None:
        return not got.unit or got.unit_anonymised or bool(PLACEHOLDER_UNIT.search(got.unit))
    return norm(got.unit) == norm(want)


def score_file(page: Page, label: dict | None, items: list[dict], plans: list[Plan] | None, error: str = "") -> dict:
    """Every figure of one file. ``plans`` is None when clean or parse raised ``error``."""
    result: dict = {"file": page.file, "half": page.half, "url": page.url, "error": error}
    if plans is None:
        return result
    output = "\n".join(output_pieces(plans))
    output_norm = norm(output)
    result.update(plans=len(plans), traditional_left=traditional_left(output), pinyin_left=pinyin_left(output))
    result["titles"] = [plan.title for plan in plans]
    if label is None:
        return result
    result["chrome"] = score_chrome(label.get("chrome") or [], page.text, output)
    page_norm = norm(readable_text(page.file, page.text)[0])
    sentence = norm(label.get("first_body_sentence") or "")
    # A sentence the labeller mended (mojibake, a lost character) is not on the page: nothing to keep.
    result["first_sentence"] = sentence in output_norm if sentence and sentence in page_norm else None
    texts = [item["text"] for item in items if not item.get("junk")]
    result["items_kept"], result["items_chars"] = kept_share(texts, output_norm, page_norm)
    want_plans = label.get("n_plans_visible")
    result["count"] = {"got": len(plans), "want": want_plans, "right": len(plans) == want_plans}
    got_title = plans[0].title if plans else None
    if label.get("first_title") is not None:
        result["title"] = {"got": got_title, "want": label["first_title"], "right": bool(plans) and same_title(got_title, label["first_title"])}
    elif want_plans == 0:
        result["title"] = {"got": got_title, "want": None, "right": not plans}
    if want_plans != 0:
        meta = first_meta(plans)
        result["unit"] = {"got": meta.unit, "want": label.get("unit"), "right": unit_right(meta, label.get("unit"))}
        want_level = label.get("level")
        result["level"] = {"got": meta.level, "want": want_level, "right": norm(meta.level) == norm(want_level or "")}
        want_years = label.get("years") or []
        result["years"] = {"got": sorted(set(meta.years)), "want": sorted(set(want_years)), "right": set(meta.years) == set(want_years)}
    return result


def problems(result: dict) -> list[str]:
    """What went wrong in one file, short enough for one screen."""
    if result.get("error"):
        return [f"failed: {result['error']}"]
    found = []
    for name in ("title", "count", "unit", "level", "years"):
        score = result.get(name)
        if score and not score["right"]:
            found.append(f"{name}: got {_show(score['got'])} want {_show(score['want'])}")
    if result.get("first_sentence") is False:
        found.append("first sentence lost")
    if result.get("items_chars") and result["items_kept"] < result["items_chars"]:
        found.append(f"items kept {result['items_kept'] / result['items_chars']:.0%}")
    for span in result.get("chrome", []):
        if span["left"]:
            found.append(f"chrome left: [{span['category']}] {_show(span['text'])}")
    if result.get("traditional_left"):
        found.append(f"traditional chars left: {result['traditional_left']}")
    if result.get("pinyin_left"):
        found.append(f"pinyin notes left: {result['pinyin_left']}")
    return found


def _show(value) -> str:
    if isinstance(value, str):
        value = " ".join(value.split())
        return repr(value if len(value) <= SHOWN else value[:SHOWN] + "…")
    return repr(value)


# ---------------------------------------------------------------- tagging


def score_tags(items: list[dict], tag=None) -> list[dict]:
    """Each labelled item with the tagger's answer ``got`` next to the label's ``types``."""
    tag = tag or tagger.tag_item
    return [
        {
            "file": item.get("file", ""),
            "text": item["text"],
            "want": list(item.get("types") or []),
            "got": list(tag(item.get("plan_title") or "", list(item.get("headings") or []), item["text"])),
            "junk": bool(item.get("junk")),
            "borderline": bool(item.get("borderline")),
        }
        for item in items
    ]


def tag_figures(tagged: list[dict]) -> dict:
    """Micro precision/recall over (item, type) pairs of non-junk items, overall and per type;
    and how many junk items got any type."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for item in tagged:
        if item["junk"]:
            continue
        got, want = set(item["got"]), set(item["want"])
        tp.update(got & want)
        fp.update(got - want)
        fn.update(want - got)
    per_type = {
        name: _prf(tp[name], fp[name], fn[name]) for name in sorted(set(tp) | set(fp) | set(fn))
    }
    junk = [item for item in tagged if item["junk"]]
    return {
        **_prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "items": sum(not item["junk"] for item in tagged),
        "junk": len(junk),
        "junk_tagged": sum(bool(item["got"]) for item in junk),
        "per_type": per_type,
    }


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


# ---------------------------------------------------------------- totals


def summarise(results: list[dict], tagged: list[dict]) -> dict:
    """The totals of a set of file results and tagged items (one half, or all)."""
    parsed = [r for r in results if not r.get("error")]
    spans = [span for r in parsed for span in r.get("chrome", []) if span["left"] is not None]
    left_by_category = Counter(span["category"] for span in spans if span["left"])
    all_by_category = Counter(span["category"] for span in spans)
    summary = {
        "files": len(results),
        "failed": len(results) - len(parsed),
        "plans": sum(r["plans"] for r in parsed),
        "chrome_files": _ratio(sum(any(s["left"] for s in r.get("chrome", [])) for r in parsed), sum(bool(r.get("chrome")) for r in parsed)),
        "chrome_spans": _ratio(sum(left_by_category.values()), len(spans)),
        "chrome_by_category": {c: _ratio(left_by_category[c], all_by_category[c]) for c in sorted(all_by_category)},
        "chrome_unfound": sum(span["left"] is None for r in parsed for span in r.get("chrome", [])),
        "first_sentence": _count(parsed, lambda r: r.get("first_sentence")),
        "items_kept": _ratio(sum(r.get("items_kept", 0) for r in parsed), sum(r.get("items_chars", 0) for r in parsed)),
        "traditional_left": {"chars": sum(r["traditional_left"] for r in parsed), "files": sum(bool(r["traditional_left"]) for r in parsed)},
        "pinyin_left": {"notes": sum(r["pinyin_left"] for r in parsed), "files": sum(bool(r["pinyin_left"]) for r in parsed)},
    }
    for name in ("title", "unit", "level", "years", "count"):
        summary[name] = _count(parsed, lambda r, name=name: r[name]["right"] if name in r else None)
    stated = [r for r in parsed if "level" in r and r["level"]["want"]]
    unstated = [r for r in parsed if "level" in r and not r["level"]["want"]]
    summary["level"] = _count(stated, lambda r: r["level"]["right"])
    summary["level_false_positives"] = _ratio(sum(bool(r["level"]["got"]) for r in unstated), len(unstated))
    summary["tags"] = tag_figures(tagged)
    summary["tags_clear"] = tag_figures([item for item in tagged if not item["borderline"]])
    return summary


def _count(results: list[dict], right) -> dict:
    """Right answers among the files where ``right`` gives True/False (None: not scored)."""
    answers = [right(r) for r in results]
    scored = [a for a in answers if a is not None]
    return _ratio(sum(bool(a) for a in scored), len(scored))


def _ratio(part: int, whole: int) -> dict:
    return {"n": part, "of": whole, "share": part / whole if whole else None}


# ---------------------------------------------------------------- the run


def evaluate_page(page: Page, label: dict | None, items: list[dict]) -> dict:
    """Clean, parse and score one page; an exception is a failed file, never a crashed run."""
    try:
        plans = clean_and_parse(page.file, page.text)
    except Exception as exc:  # noqa: BLE001 — counting failures is the point
        return score_file(page, label, items, None, error=f"{type(exc).__name__}: {exc}"[:200])
    return score_file(page, label, items, plans)


def evaluate(corpus: Corpus, half: str | None = None) -> dict:
    """Every figure of the corpus: totals per half (and all), per-file results, per-item tags."""
    pages = [page for page in corpus.pages if half in (None, page.half)]
    halves = {page.file: page.half for page in corpus.pages}
    items_of: dict[str, list[dict]] = {}
    for item in corpus.items:
        items_of.setdefault(item.get("file", ""), []).append(item)
    results = [evaluate_page(page, corpus.labels.get(page.file), items_of.get(page.file, [])) for page in pages]
    tagged = score_tags([item for item in corpus.items if half in (None, halves.get(item.get("file")))])
    for item in tagged:
        item["half"] = halves.get(item["file"], "")
    summaries = {
        name: summarise([r for r in results if r["half"] == name], [t for t in tagged if t["half"] == name])
        for name in HALVES
        if half in (None, name)
    }
    if half is None:
        summaries["all"] = summarise(results, tagged)
    return {"halves": summaries, "files": results, "tags": tagged}


def run(root: Path, half: str | None = None) -> tuple[dict, float]:
    """Load and evaluate a corpus folder; also returns the seconds it took."""
    start = time.perf_counter()
    report = evaluate(load_corpus(root), half)
    return report, time.perf_counter() - start


# ---------------------------------------------------------------- the screen


WORST = 15
W = 20  # width of a column of figures
ROWS = [
    ("chrome_files", "files with chrome left"),
    ("chrome_spans", "chrome spans left"),
    ("first_sentence", "first body sentence kept"),
    ("items_kept", "item text kept (chars)"),
    ("title", "first title right"),
    ("unit", "unit right"),
    ("level", "level right (stated)"),
    ("level_false_positives", "level where none stated"),
    ("years", "years right"),
    ("count", "plan count right"),
]


def format_report(report: dict, seconds: float | None = None) -> str:
    """One screen: the totals per half side by side, the tagger, then the worst files."""
    halves = report["halves"]
    names = list(halves)
    lines = [f"{'':28}" + "".join(f"{name:>{W}}" for name in names)]
    files = {name: halves[name]["files"] for name in names}
    lines.append(f"{'files':28}" + "".join(f"{files[name]:>{W}}" for name in names))
    lines.append(f"{'files failed':28}" + "".join(f"{halves[name]['failed']:>{W}}" for name in names))
    for key, title in ROWS:
        lines.append(f"{title:28}" + "".join(f"{_cell(halves[name][key]):>{W}}" for name in names))
    lines.append(f"{'traditional chars / files':28}" + "".join(f"{_pair(halves[n]['traditional_left'], 'chars'):>{W}}" for n in names))
    lines.append(f"{'pinyin notes / files':28}" + "".join(f"{_pair(halves[n]['pinyin_left'], 'notes'):>{W}}" for n in names))
    lines.append(f"{'tags P / R / F':28}" + "".join(f"{_prf_cell(halves[n]['tags']):>{W}}" for n in names))
    lines.append(f"{'  without borderline items':28}" + "".join(f"{_prf_cell(halves[n]['tags_clear']):>{W}}" for n in names))
    lines.append(f"{'junk items tagged':28}" + "".join(f"{_cell(_ratio(halves[n]['tags']['junk_tagged'], halves[n]['tags']['junk'])):>{W}}" for n in names))
    last = halves[names[-1]]
    lines.append("chrome left by category (" + names[-1] + "): " + ", ".join(
        f"{category} {ratio['n']}/{ratio['of']}" for category, ratio in last["chrome_by_category"].items() if ratio["n"]
    ))
    worst_types = sorted(last["tags"]["per_type"].items(), key=lambda kv: -(kv[1]["fp"] + kv[1]["fn"]))[:8]
    lines.append("tag errors by type (fp/fn): " + ", ".join(f"{name} {f['fp']}/{f['fn']}" for name, f in worst_types))
    ranked = sorted(report["files"], key=lambda r: (not r.get("error"), -len(problems(r)), r["file"]))
    shown = [r for r in ranked if problems(r) and r["half"] != HIDDEN_HALF][:WORST]
    lines.append(f"worst {len(shown)} files (the {HIDDEN_HALF} half's are not shown, so that no rule is written from them):")
    for result in shown:
        found = problems(result)
        lines.append(f"  {result['file']} ({result['half']}): " + "; ".join(found)[:220])
    if seconds is not None:
        lines.append(f"{len(report['files'])} pages in {seconds:.1f} s")
    return "\n".join(lines) + "\n"


def _cell(ratio: dict) -> str:
    share = "" if ratio["share"] is None else f" {ratio['share']:.0%}"
    return f"{ratio['n']}/{ratio['of']}{share}"


def _pair(figures: dict, key: str) -> str:
    return f"{figures[key]} / {figures['files']}"


def _prf_cell(figures: dict) -> str:
    return " / ".join("-" if figures[k] is None else f"{figures[k]:.2f}" for k in ("precision", "recall", "f1"))


CHANGED_FILES = 25
HIDDEN_HALF = "holdout"


def format_changes(old: dict, new: dict) -> str:
    """What changed from an earlier ``--json`` report to this one: every figure that moved, per half,
    then the files whose problems changed (- fixed, + new)."""
    lines = []
    for half in [name for name in new["halves"] if name in old["halves"]]:
        before, after = old["halves"][half], new["halves"][half]
        moved = [
            f"{title} {_cell(before[key])} → {_cell(after[key])}"
            for key, title in ROWS
            if key in before and (before[key]["n"], before[key]["of"]) != (after[key]["n"], after[key]["of"])
        ]
        for key, title in (("failed", "files failed"),):
            if before[key] != after[key]:
                moved.append(f"{title} {before[key]} → {after[key]}")
        tags_before, tags_after = before["tags"], after["tags"]
        if (tags_before["tp"], tags_before["fp"], tags_before["fn"]) != (tags_after["tp"], tags_after["fp"], tags_after["fn"]):
            moved.append(f"tags P/R/F {_prf_cell(tags_before)} → {_prf_cell(tags_after)}")
        if tags_before["junk_tagged"] != tags_after["junk_tagged"]:
            moved.append(f"junk tagged {tags_before['junk_tagged']} → {tags_after['junk_tagged']}")
        lines.append(f"{half}: " + ("; ".join(moved) if moved else "no figure changed"))
    earlier = {result["file"]: set(problems(result)) for result in old["files"]}
    changed = []
    hidden = 0
    for result in new["files"]:
        now, then = set(problems(result)), earlier.get(result["file"], set())
        if now != then and result["half"] == HIDDEN_HALF:
            hidden += 1
        elif now != then:
            marks = [f"- {p}" for p in sorted(then - now)] + [f"+ {p}" for p in sorted(now - then)]
            changed.append(f"  {result['file']} ({result['half']}): " + "; ".join(marks)[:220])
    lines.append(f"files whose problems changed: {len(changed)}" + (f" (and {hidden} in the {HIDDEN_HALF} half, not shown)" if hidden else ""))
    lines.extend(changed[:CHANGED_FILES])
    if len(changed) > CHANGED_FILES:
        lines.append(f"  … and {len(changed) - CHANGED_FILES} more (diff the --json outputs)")
    return "\n".join(lines) + "\n"
