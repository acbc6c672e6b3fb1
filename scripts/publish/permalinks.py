"""Permanent ids, slugs and anchors, kept in a committed registry (permalinks.json).

Trainers paste links to plans and to single items into slides and handouts; those links must keep
working after a year of re-ingesting and pipeline improvements. So nothing in a URL is derived afresh:
the first run records each plan's id and slug and each section/item anchor, and later runs *recognise*
plans, sections and items by their content and reuse what was recorded.

- A plan is recognised by its source file and a sketch of its text (the title is left out: title
  extraction is what improves most). A plan of the same file wins over a copy in another file.
- An item is recognised by its normalised text: exact hash first, then the most similar item of the
  same plan (so renumbering, inserted items, small edits, splits and merges keep anchors).
- A section is recognised by its title and by where its items came from.
- An anchor whose item vanished becomes an alias of the most similar surviving anchor; the page renders
  an empty target for it, so old links still land in the right place.
- A slug a maintainer edits in the registry keeps redirecting from every slug the plan had before.
"""
from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from scripts.fingerprints import PlanPrints, Print, Similarity, Sketch
from scripts.models import Item, Plan, Section, walk_sections
from scripts.publish.slugs import RESERVED, SlugBook, slugify

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "permalinks.json"
FORMAT_VERSION = 2  # 2: section and item entries as one string each (version 1 files are read too)
READABLE_VERSIONS = (1, 2)

ID_LENGTH = 6

SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ANCHOR_RE = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}")


@dataclass(frozen=True)
class Redirect:
    """A page path that must keep working, and where it now lives (docs-relative, for mkdocs-redirects)."""

    old_path: str
    new_path: str


# --- matching -------------------------------------------------------------------------------------


def _natural_key(key: str) -> tuple:
    """i2 before i10, so ties between equal candidates break in reading order."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", key))


def pair_up(
    new: list[Print],
    old: dict[str, Print],
    score: Callable[[int, str, Similarity], float | None],
    extra: Iterable[tuple[int, str]] = (),
    one_to_one: bool = True,
    exact_first: bool = False,
) -> dict[int, str]:
    """Match new things (by list index) to registered ones (by key), best score first.

    Candidates are pairs with equal hashes, pairs whose sketches share a hash, and ``extra`` pairs;
    ``score`` returns None to reject a pair. ``one_to_one=False`` lets several new things share a
    key (aliases, absorbed plans). ``exact_first=True`` skips similarity candidates for a new thing
    with an equal hash (a speed-up, valid when ``score`` ranks equal hashes above everything).
    Ties break by new index, then natural key order, so the result does not depend on dict order.
    """
    if not old:
        return {}  # a first run: nothing to recognise
    by_hash: dict[str, list[str]] = defaultdict(list)
    for key, prn in old.items():
        by_hash[prn.hash].append(key)
    by_min: dict[int, list[str]] = {}  # built on first need: an unchanged plan's items all match by hash
    candidates: set[tuple[int, str]] = set(extra)
    for index, prn in enumerate(new):
        same = by_hash.get(prn.hash, ())
        candidates.update((index, key) for key in same)
        if same and exact_first:
            continue
        if not by_min:
            for key, old_prn in old.items():
                for h in old_prn.sketch.mins:
                    by_min.setdefault(h, []).append(key)
        candidates.update((index, key) for h in prn.sketch.mins for key in by_min.get(h, ()))
    scored = []
    for index, key in candidates:
        value = score(index, key, new[index].sketch.compare(old[key].sketch))
        if value is not None:
            scored.append((-value, index, _natural_key(key), key))
    matched: dict[int, str] = {}
    claimed: set[str] = set()
    for _, index, _, key in sorted(scored):
        if index not in matched and key not in claimed:
            matched[index] = key
            if one_to_one:
                claimed.add(key)
    return matched


def _item_score(exact: bool, sim: Similarity) -> float | None:
    """Same text, or mostly the same, or one is a large part of the other (split / merge)."""
    if exact:
        return 3.0
    if sim.jaccard >= 0.5 or (sim.overlap >= 0.8 and sim.jaccard >= 0.2):
        return sim.jaccard + sim.overlap
    return None


def _resembles(sim: Similarity) -> bool:
    """Weaker than a match: good enough to send a vanished anchor's visitors here."""
    return sim.jaccard >= 0.25 or sim.overlap >= 0.5


# --- registry entries -----------------------------------------------------------------------------
# A plan's entry holds its print as "hash" and "sketch" fields; a section's or item's entry is one
# string, "hash sketch" (and " section" for an item), as a dict with named fields costs 35 bytes per
# item. Entries written before as {"hash", "sketch", "section"} are still read.


def _decode_print(entry: dict | str) -> Print:
    hash_, sketch = entry.split(" ", 2)[:2] if isinstance(entry, str) else (entry["hash"], entry["sketch"])
    return Print(hash_, Sketch.decode(sketch))


def _section_of(item_entry: dict | str) -> str:
    return item_entry.split(" ", 2)[2] if isinstance(item_entry, str) else item_entry["section"]


def _encode_print(prn: Print) -> dict:
    return {"hash": prn.hash, "sketch": prn.sketch.encode()}


def _encode_part(prn: Print, section: str = "") -> str:
    return " ".join(filter(None, [prn.hash, prn.sketch.encode(), section]))


# --- the registry ----------------------------------------------------------------------------------


class Registry:
    """The committed record of every id, slug and anchor ever published. Entries are never deleted."""

    def __init__(self, path: Path, data: dict):
        self.path = path
        self._plans: dict[str, dict] = data.get("plans", {})
        self._aliases: dict[str, dict[str, list[str]]] = {}

    @classmethod
    def load(cls, path: str | Path = DEFAULT_PATH) -> "Registry":
        """Read the registry; a missing file is an empty registry, a damaged one is an error (never guessed)."""
        path = Path(path)
        if not path.exists():
            return cls(path, {})
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") not in READABLE_VERSIONS:
            raise ValueError(f"{path}: unknown permalink registry version {data.get('version')!r}")
        return cls(path, data)

    def save(self) -> None:
        """Write atomically: a crash leaves either the old file or the new one, never a truncated one."""
        # One plan per line: compact (the registry grows with every item) yet a re-ingest diffs by plan.
        rows = [
            json.dumps(plan_id, ensure_ascii=False) + ":" + json.dumps(self._plans[plan_id], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            for plan_id in sorted(self._plans)
        ]
        text = f'{{"version":{FORMAT_VERSION},"plans":{{\n' + ",\n".join(rows) + "\n}}\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        _fsync_dir(self.path.parent)

    def place_of(self, plan_id: str) -> tuple[str, int, str] | None:
        """Where the plan of ``plan_id`` was last published: (source file, index in it, hash of its text print)."""
        entry = self._plans.get(plan_id)
        return (entry["source_file"], entry["index_in_file"], entry.get("hash", "")) if entry else None

    def aliases_for(self, plan: Plan) -> dict[str, list[str]]:
        """After assign(): live anchor → retired anchors of this plan that must still land on it."""
        return self._aliases.get(plan.id, {})

    def assign(self, plans: list[Plan], prints: list[PlanPrints] | None = None, settled: dict | None = None) -> list[Redirect]:
        """Give every plan its permanent id and slug and every section/item its stable anchor (in place).

        ``prints`` (one per plan, e.g. computed in parallel at ingest and cached) saves computing them
        here. ``settled`` (a dict kept between runs, updated in place) holds the anchors of plans whose
        entry the matching leaves as it is (``_settled_key``): an unchanged plan's anchors are then taken
        from it instead of matched again item by item (most of publishing after one edit at 10,000 plans).
        Returns the redirects the site needs: renamed slugs, and vanished plans whose text now lives in
        another plan.
        """
        if prints is None:
            prints = [PlanPrints.of(plan) for plan in plans]
        printed = sorted(zip(plans, prints), key=lambda pair: (pair[0].source_file, pair[0].index_in_file, pair[1].plan.hash))
        ordered = [plan for plan, _ in printed]
        all_prints = [prints for _, prints in printed]
        prints = [p.plan for p in all_prints]
        for plan_id in sorted(self._plans):
            self._check_slug(plan_id)
        matched = self._match_plans(ordered, prints)
        slugs = SlugBook(self._all_slugs())
        self._aliases = {}
        known, settled_now = dict(settled or {}), {}
        for index, plan in enumerate(ordered):
            plan_id = matched.get(index) or self._new_entry(plan, slugs)
            entry = self._plans[plan_id]
            entry.update(
                source_file=plan.source_file,
                index_in_file=plan.index_in_file,
                title=plan.title,
                **_encode_print(prints[index]),
            )
            plan.id = plan_id
            plan.slug = entry["slug"]
            self._aliases[plan_id] = _settled_anchors(plan, all_prints[index], entry, known, settled_now)
        if settled is not None:
            settled.clear()
            settled.update(settled_now)
        return self._redirects(ordered, prints)

    # -- plans --

    def _match_plans(self, plans: list[Plan], prints: list[Print]) -> dict[int, str]:
        """Unchanged plans (same file, same text) first, by hash lookup; only the rest are compared.

        An unchanged plan scores the highest possible, so taking it first changes no match; and
        comparing only what changed keeps a re-ingest of 10,000 plans linear, not 10,000².
        """
        by_file_hash: dict[tuple[str, str], list[str]] = defaultdict(list)
        for pid in sorted(self._plans, key=_natural_key):
            entry = self._plans[pid]
            by_file_hash[(entry["source_file"], entry.get("hash", ""))].append(pid)
        matched: dict[int, str] = {}
        for index, plan in enumerate(plans):
            same = by_file_hash.get((plan.source_file, prints[index].hash))
            if same:
                matched[index] = same.pop(0)
        taken = set(matched.values())
        rest = [i for i in range(len(plans)) if i not in matched]
        old = {pid: _decode_print(entry) for pid, entry in self._plans.items() if pid not in taken}
        by_place: dict[tuple[str, int], list[str]] = defaultdict(list)
        for pid in old:
            entry = self._plans[pid]
            by_place[(entry["source_file"], entry["index_in_file"])].append(pid)
        rest_plans = [plans[i] for i in rest]
        same_place = {
            (i, pid) for i, plan in enumerate(rest_plans) for pid in by_place.get((plan.source_file, plan.index_in_file), ())
        }

        def score(index: int, pid: str, sim: Similarity) -> float | None:
            same_file = self._plans[pid]["source_file"] == rest_plans[index].source_file
            if same_file and (sim.jaccard >= 0.5 or (sim.overlap >= 0.8 and sim.jaccard >= 0.2)):
                return 10 + sim.jaccard + sim.overlap
            if sim.jaccard >= 0.6:  # the file was renamed or re-saved from another site
                return 5 + sim.jaccard + sim.overlap
            if (index, pid) in same_place:
                return 0.1  # last resort: same file and position, text unrecognisable (e.g. repaired mojibake)
            return None

        found = pair_up([prints[i] for i in rest], old, score, extra=same_place)
        matched.update((rest[i], pid) for i, pid in found.items())
        return matched

    def _new_entry(self, plan: Plan, slugs: SlugBook) -> str:
        """A fresh id (hash of where the plan came from, re-salted on collision) and a fresh slug."""
        salt = 0
        while True:
            seed = f"{plan.source_file}\x00{plan.index_in_file}\x00{salt}".encode("utf-8")
            digest = hashlib.blake2b(seed, digest_size=8).digest()
            plan_id = base64.b32encode(digest).decode("ascii").lower()[:ID_LENGTH]
            if plan_id not in self._plans:
                break
            salt += 1
        slug = slugs.claim(slugify(plan.title))
        self._plans[plan_id] = {
            "slug": slug,
            "published_slugs": [slug],
            "source_file": plan.source_file,
            "index_in_file": plan.index_in_file,
            "sections": {},
            "items": {},
        }
        return plan_id

    def _all_slugs(self, but: str = "") -> set[str]:
        return {
            slug
            for pid, entry in self._plans.items()
            if pid != but
            for slug in [entry["slug"], *entry["published_slugs"]]
        }

    def _check_slug(self, plan_id: str) -> None:
        """A slug a maintainer edited must be safe and unused; its predecessors stay on for redirects."""
        entry = self._plans[plan_id]
        slug = entry["slug"]
        if slug in entry["published_slugs"]:
            return
        if not SLUG_RE.fullmatch(slug) or slug in RESERVED:
            raise ValueError(f"permalinks: plan {plan_id} has an unsafe slug {slug!r}")
        if slug in self._all_slugs(but=plan_id):
            raise ValueError(f"permalinks: plan {plan_id} slug {slug!r} is already used by another plan")
        entry["published_slugs"] = sorted([*entry["published_slugs"], slug])

    def _redirects(self, plans: list[Plan], prints: list[Print]) -> list[Redirect]:
        """Earlier slugs of live plans, and every slug of a vanished plan whose text is now mostly in another."""
        target_of: dict[str, str] = {}
        for plan in plans:
            for old in self._plans[plan.id]["published_slugs"]:
                if old != plan.slug:
                    target_of[old] = plan.slug
        live = {plan.id: prn for plan, prn in zip(plans, prints)}
        gone = sorted(pid for pid in self._plans if pid not in live)
        gone_prints = [_decode_print(self._plans[pid]) for pid in gone]

        def absorbed(_: int, __: str, sim: Similarity) -> float | None:
            return sim.contained + sim.jaccard if sim.contained >= 0.8 else None

        for index, pid in pair_up(gone_prints, live, absorbed, one_to_one=False).items():
            entry = self._plans[gone[index]]
            for old in [entry["slug"], *entry["published_slugs"]]:
                target_of[old] = self._plans[pid]["slug"]
        return [Redirect(f"plans/{old}.md", f"plans/{new}.md") for old, new in sorted(target_of.items())]


# --- anchors inside one plan -----------------------------------------------------------------------


def _settled_key(plan: Plan, prints: PlanPrints, entry: dict) -> str:
    """What a settled plan's anchors are a function of: its registry entry, and its sections' and items'
    hashes and places (a print's sketch is made from the text its hash is of)."""
    sections = walk_sections(plan.sections)
    shape = [len(section.items) for section in sections]
    written = json.dumps([entry["sections"], entry["items"], shape, [p.hash for p in prints.sections], [p.hash for p in prints.items]], sort_keys=True)
    return hashlib.blake2b(written.encode("utf-8"), digest_size=20).hexdigest()


def _is_settled(plan: Plan, prints: PlanPrints, entry: dict) -> bool:
    """Whether matching the plan against its entry again would give it the anchors it has and leave the
    entry as it is. It would when the anchors holding a text in the entry are those of the plan's parts
    with that text, and then each part is matched to its own anchor before anything else: items of one
    text in reading order, as ``pair_up`` hands out equal matches (natural key order); sections of one
    title by their items' votes (each item votes for its own section), so at most one of them may be empty."""
    sections = walk_sections(plan.sections)
    live_items = [(i.anchor, prn.hash) for i, prn in zip((i for s in sections for i in s.items), prints.items)]
    if not _held_alone(entry["items"], live_items, ordered=True):
        return False
    live_sections = [(s.anchor, prn.hash) for s, prn in zip(sections, prints.sections)]
    empty = Counter(prn.hash for s, prn in zip(sections, prints.sections) if not s.items)
    return _held_alone(entry["sections"], live_sections, ordered=False) and max(empty.values(), default=0) <= 1


def _held_alone(recorded: dict, live: list[tuple[str, str]], ordered: bool) -> bool:
    """Whether each text of ``live`` ((anchor, hash) in reading order) is held in ``recorded`` by its anchors
    alone (in natural key order if ``ordered``)."""
    holders: dict[str, list[str]] = defaultdict(list)
    for anchor, value in recorded.items():
        holders[_decode_hash(value)].append(anchor)
    shown: dict[str, list[str]] = defaultdict(list)
    for anchor, text in live:
        shown[text].append(anchor)
    if ordered:
        return all(sorted(holders[text], key=_natural_key) == anchors for text, anchors in shown.items())
    return all(sorted(holders[text]) == sorted(anchors) for text, anchors in shown.items())


def _decode_hash(entry: dict | str) -> str:
    return entry.split(" ", 1)[0] if isinstance(entry, str) else entry["hash"]


def _settled_anchors(plan: Plan, prints: PlanPrints, entry: dict, known: dict, settled_now: dict) -> dict[str, list[str]]:
    """``_assign_anchors``, or its result for a settled plan (``known``, by ``_settled_key``); a plan left
    settled goes into ``settled_now`` for the next run."""
    key = _settled_key(plan, prints, entry)
    if key in known:
        section_anchors, item_anchors, aliases = known[key]
        sections = walk_sections(plan.sections)
        for section, anchor in zip(sections, section_anchors):
            section.anchor = anchor
        for item, anchor in zip((item for section in sections for item in section.items), item_anchors):
            item.anchor = anchor
    else:
        aliases = _assign_anchors(plan, prints, entry)
        if not _is_settled(plan, prints, entry):
            return aliases
        key = _settled_key(plan, prints, entry)
        sections = walk_sections(plan.sections)
        section_anchors, item_anchors = [s.anchor for s in sections], [i.anchor for s in sections for i in s.items]
    settled_now[key] = (section_anchors, item_anchors, aliases)
    return aliases


def _assign_anchors(plan: Plan, prints: PlanPrints, entry: dict) -> dict[str, list[str]]:
    """Rewrite the plan's section and item anchors from the registry entry; return its aliases."""
    sections = walk_sections(plan.sections)
    placed = [(item, section) for section in sections for item in section.items]
    taken = set(entry["sections"]) | set(entry["items"])
    old_section_of = {anchor: _section_of(e) for anchor, e in entry["items"].items()}

    item_prints = prints.items
    old_items = {anchor: _decode_print(e) for anchor, e in entry["items"].items()}
    item_match = pair_up(
        item_prints,
        old_items,
        lambda i, a, sim: _item_score(item_prints[i].hash == old_items[a].hash, sim),
        exact_first=True,
    )

    section_prints = prints.sections
    old_sections = {anchor: _decode_print(e) for anchor, e in entry["sections"].items()}
    position = {id(section): i for i, section in enumerate(sections)}
    votes: Counter[tuple[int, str]] = Counter(
        (position[id(placed[i][1])], old_section_of[anchor]) for i, anchor in item_match.items()
    )

    def section_score(i: int, anchor: str, sim: Similarity) -> float | None:
        """Same title counts most; items that came from that section break ties and catch renamed titles."""
        share = votes[(i, anchor)] / max(1, len(sections[i].items))
        exact = section_prints[i].hash == old_sections[anchor].hash
        title = 2.0 if exact else (sim.jaccard if sim.jaccard >= 0.5 else 0.0)
        return title + share if title + share >= 0.5 else None

    extra = [pair for pair in votes if pair[1] in old_sections]
    section_match = pair_up(section_prints, old_sections, section_score, extra=extra)

    for i, section in enumerate(sections):
        section.anchor = section_match.get(i) or _fresh(section.anchor, "s", i + 1, taken)
        entry["sections"][section.anchor] = _encode_part(section_prints[i])
    for i, (item, section) in enumerate(placed):
        item.anchor = item_match.get(i) or _fresh(item.anchor, "i", i + 1, taken)
        entry["items"][item.anchor] = _encode_part(item_prints[i], section.anchor)

    section_alias = _section_aliases(entry, placed, sections, section_prints, old_section_of)
    item_alias = _item_aliases(entry, placed, item_prints, sections, section_alias)
    by_target: dict[str, list[str]] = defaultdict(list)
    for old, target in sorted({**section_alias, **item_alias}.items(), key=lambda pair: _natural_key(pair[0])):
        by_target[target].append(old)
    return dict(by_target)


def _fresh(proposed: str, prefix: str, ordinal: int, taken: set[str]) -> str:
    """The parser's anchor if it is safe and was never used in this plan, else a variant of it."""
    base = proposed if ANCHOR_RE.fullmatch(proposed or "") else f"{prefix}{ordinal}"
    anchor, n = base, 2
    while anchor in taken:
        anchor, n = f"{base}-v{n}", n + 1
    taken.add(anchor)
    return anchor


def _top_of_page(placed: list[tuple[Item, Section]], sections: list[Section]) -> str:
    return sections[0].anchor if sections else (placed[0][0].anchor if placed else "")


def _section_aliases(
    entry: dict,
    placed: list[tuple[Item, Section]],
    sections: list[Section],
    prints: list[Print],
    old_section_of: dict[str, str],
) -> dict[str, str]:
    """A vanished heading points to the section that received most of its items, else the most similar title."""
    live = [section.anchor for section in sections]
    now_section_of = {item.anchor: section.anchor for item, section in placed}
    titles = dict(zip(live, prints))
    aliases: dict[str, str] = {}
    for anchor in sorted(set(entry["sections"]) - set(live), key=_natural_key):
        moved = Counter(
            now_section_of[item] for item, old in old_section_of.items() if old == anchor and item in now_section_of
        )
        if moved:
            aliases[anchor] = min(moved, key=lambda a: (-moved[a], live.index(a)))
            continue
        old_title = _decode_print(entry["sections"][anchor])
        similar = pair_up([old_title], titles, lambda _, __, sim: sim.jaccard if sim.jaccard >= 0.3 else None)
        target = similar.get(0) or _top_of_page(placed, sections)
        if target:
            aliases[anchor] = target
    return aliases


def _item_aliases(
    entry: dict,
    placed: list[tuple[Item, Section]],
    prints: list[Print],
    sections: list[Section],
    section_alias: dict[str, str],
) -> dict[str, str]:
    """A vanished item points to the most similar surviving item, else to where its section is now."""
    now = {item.anchor: prn for (item, _), prn in zip(placed, prints)}
    live_sections = {section.anchor for section in sections}
    gone = sorted(set(entry["items"]) - set(now), key=_natural_key)
    similar = pair_up(
        [_decode_print(entry["items"][anchor]) for anchor in gone],
        now,
        lambda _, __, sim: sim.jaccard + sim.overlap if _resembles(sim) else None,
        one_to_one=False,
    )
    aliases: dict[str, str] = {}
    for index, anchor in enumerate(gone):
        section = _section_of(entry["items"][anchor])
        target = (
            similar.get(index)
            or (section if section in live_sections else section_alias.get(section))
            or _top_of_page(placed, sections)
        )
        if target:
            aliases[anchor] = target
    return aliases


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where directories cannot be opened."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
