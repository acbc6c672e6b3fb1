"""Search: the Pagefind index of the plan pages, built offline beside the MkDocs build.

Search results are plans and their items. The index pages (activity types, themes, browse pages)
repeat the plans' words, so they crowded the plans out of the first results (a type page holds
the type's name in every one of its excerpts); they are not indexed. Instead the names they are
pages for (publish/indexes.py, ``QUICK_ANSWERS``) are written as small lists (``ANSWERS_FOLDER``),
and the search box offers the one whose name matches what is typed as a link above the results.

Pagefind does not read the themed site. Each plan page (front matter without ``pagefind: false``)
becomes a small search document at the URL path the site gives it: its title,
its HTML body, its facts (main activity types, unit, sector, years, level) as Pagefind filters and its
unit as result metadata. Indexing them needs nothing from MkDocs, so build.py runs it at the same time as the
theme, on the other core; and no theme chrome (navigation, header, footer) is parsed 10,000 times.

The ``pagefind[extended]`` binary segments Chinese into words, so 志愿服务 matches inside
开展志愿服务进社区活动. Pagefind names its files by content hash.

Every word of the index is listed, with the bundles that hold it, in small files by first character
(``WORDS_FOLDER``): overrides/kb-search/pagefind.js cuts each query into these words (the browser's
own Chinese word breaker does not cut as the indexer does: 结对共建 → 结 对 共 建), so a query's
exact phrase can be found and ranked first.

A large collection is indexed as several bundles of about ``SHARD_PAGES`` pages, ``INDEXERS`` at a
time, which the search box merges (Pagefind's ``mergeIndex``). Pagefind's memory and indexing time
grow faster than the pages of one bundle, and so does its ranking of a word found on most pages: at
10,000 plans one bundle took 9 GB, and 3 s to answer 志愿服务 (BENCHMARKS.md). But a bundle that
lacks a query word answers with the longest of its words that begins the query (文明餐桌 → 文明).
So the search box limits each search to the bundles that hold its words (the word lists say which),
through a hidden filter (``BUNDLE_FILTER``).
"""
from __future__ import annotations

import fnmatch
import functools
import gzip
import hashlib
import html
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

from mkdocs.utils.meta import YAML_RE, get_data

from scripts import children
from scripts.publish.indexes import QUICK_ANSWERS
from scripts.publish.markup import page_folder

BUNDLE = "pagefind"  # in the site: overrides/main.html loads ./pagefind/pagefind-ui.js from here
LANGUAGE = "zh"  # one index in one language: every page is Chinese
# Parts of a page that are links or labels rather than its text: permalink symbols, the
# activity-type chips (they are filters) and the list of related plans; and the table of work phases
# with its heading, which repeats the items of each phase (its words were counted twice, carried
# twice in the search fragment, and the table came up as a sub-result).
IGNORED = [".headerlink", ".kb-anchor", ".kb-chips", ".kb-related", "table.kb-phases", "#kb-phases"]
# Front matter key → Pagefind filter (the search page's facets; overrides/assets/kb.js opens 主要活动类型).
# Every filter is downloaded and counted with the first search, and Pagefind's counting grows with
# filter values × results. Types are a plan's main ones (rules/taxonomy.yml, main_type_min_items):
# a plan mentions most types once, and a filter on every mention narrowed nothing (BENCHMARKS.md).
FILTERS = {"main_types": "主要活动类型", "unit": "单位", "sector": "行业", "years": "年份", "year": "年份", "level": "级别"}
# Above this many units a 单位 filter is a list nobody can scroll, and drawing it took seconds of the
# first search (BENCHMARKS.md); units are then found by typing their name (the plan card is searched,
# and each result shows its unit) and on the browse-by-unit pages.
UNIT_FILTER_LIMIT = 300
SEARCHED_FOLDER = "plans"  # the plan pages: the only search results
# Pages per bundle: the first bundle is BUNDLE itself, the others are folders inside it. An update indexes
# again the bundles holding a changed page: one of 1,000 pages took 10 s, one of 500 takes a third of that.
SHARD_PAGES = 500
INDEXERS = 2  # Pagefind processes at once, each holding one bundle (about 1.1 GB at 1,000 plans)
SHARDS_FILE = "kb-shards.json"  # in the first bundle: the other bundles, the word lists (overrides/kb-search/)
BUNDLE_FILTER = "kb-bundle"  # a hidden filter: the number of the bundle a page is in
WORDS_FOLDER = "kb-words"  # in the first bundle: word → bundles holding it, in files of about WORDS_PER_FILE words
WORDS_PER_FILE = 200  # a query fetches the file of each of its characters: a few kilobytes each
ANSWERS_FOLDER = "kb-answers"  # in the first bundle: quick answers by the first character of their names
ANSWERS_PER_FILE = 100  # names (with other names) per file: a few kilobytes, fetched as the first character is typed
PAGEFIND_SIGNATURE = b"pagefind_dcd"  # begins every decompressed Pagefind file
# In a Pagefind 1.5 index chunk (CBOR) every word is an array of three: [word, pages, variants]. Its
# array header (0x83) followed by a text-string header (0x60-0x79) occurs nowhere else: a page entry
# is also an array of three but begins with its page number, and positions are small integers. So the
# words are found by scanning for that pair, which is 8x faster than decoding every position.
WORD_ENTRY = re.compile(rb"\x83([\x60-\x79])")
# Pagefind stores every element id of a page with that element's whole text (to link a result to it),
# but its sub-results only use headings: the ids of items and alias markers made every search
# fragment carry the plan's text twice (a third of the bundle's bytes). Headings keep theirs.
# Page bodies are generated markup whose text is escaped (markup.md_text), so a "<" always opens a tag.
NON_HEADING_TAG = re.compile(r"<(?!h[1-6][\s>])([a-z][a-z0-9]*)([^>]*)>")
ID_ATTRIBUTE = re.compile(r'\s+id="[^"]*"')
TAG = re.compile(r"<(/?)([a-z][a-z0-9]*)([^>]*)>")  # for indexed_text: a start or end tag, its name and attributes
CLASS_ATTRIBUTE = re.compile(r'\sclass="([^"]*)"')
ID_VALUE = re.compile(r'\sid="([^"]*)"')
IGNORE_ATTRIBUTE = re.compile(r"\sdata-pagefind-ignore(?:[\s=]|$)")
SELECTOR = re.compile(r"([a-z0-9]*)(?:\.([\w-]+)|#([\w-]+))")  # the shapes of IGNORED: tag.class, .class, #id
IGNORED_PARTS = tuple(SELECTOR.fullmatch(selector).groups() for selector in IGNORED)  # (tag, class, id) of each
READ_WHEN_IGNORED = re.compile(r"data-pagefind-(?:filter|meta)")


def searchable_pages(docs_dir: Path, known: dict[str, dict] | None = None) -> list[tuple[Path, str, dict]]:
    """(file, docs-relative path, front matter) of every plan page that asks to be found, in path order.

    Front matter only: the filters depend on all pages' units, and parsing it is most of the cost of
    reading 10,000 pages, so each page's body is read once, when its search document is written.
    ``known``: the front matter of pages whose bytes are those of the last build ({docs-relative path: meta}).
    """
    pages = []
    known = known or {}
    for path in sorted((docs_dir / SEARCHED_FOLDER).rglob("*.md")):
        rel = path.relative_to(docs_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        meta = known[rel.as_posix()] if rel.as_posix() in known else get_data(path.read_text(encoding="utf-8"))[1]
        if meta.get("pagefind") is not False and meta.get("html") is True:
            pages.append((path, rel.as_posix(), meta))
    return pages


def page_body(page_file: str) -> str:
    """A page file without its front matter, as MkDocs cuts it (``get_data``), without parsing the YAML again."""
    front = YAML_RE.match(page_file)
    return page_file[front.end() :].lstrip("\n") if front else page_file


def search_document(meta: dict, body: str, filters: dict[str, str] = FILTERS) -> str:
    """The page Pagefind reads: title as H1 (result title), body, facts as filters and the unit as metadata."""
    title = html.escape(" ".join(str(meta.get("title", "")).split()))
    facts = []
    for key, label in filters.items():
        value = meta.get(key)
        for v in value if isinstance(value, list) else [value]:
            if v or v == 0:
                facts.append(f'<span data-pagefind-filter="{label}">{html.escape(str(v))}</span>')
    if meta.get("unit"):
        facts.append(f'<span data-pagefind-meta="单位">{html.escape(str(meta["unit"]))}</span>')
    heading = "" if "<h1" in body else f"<h1>{title}</h1>"
    body = NON_HEADING_TAG.sub(_without_id, body)
    return (
        f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"<main data-pagefind-body>{heading}{body}</main><div hidden>{''.join(facts)}</div></body></html>"
    )


def indexed_text(document: str) -> str:
    """A search document without the elements Pagefind leaves out of the index (``IGNORED``, and those marked
    ``data-pagefind-ignore``): what a bundle is made of, so a page whose related plans, neighbouring years or
    download link changed does not make its bundle stale (5 of 20 bundles of 500 were indexed again for an
    update at 10,000 plans, most for such pages). An element holding a filter or metadata is kept (Pagefind
    reads those even inside an ignored element), as is one whose end is not found: keeping too much only
    indexes a bundle again, leaving out too much would serve a stale one."""
    kept, start, position = [], 0, 0
    while (tag := TAG.search(document, position)) is not None:
        end = _element_end(document, tag) if not tag[1] and _ignored(tag[2], tag[3]) else None
        if end is None or READ_WHEN_IGNORED.search(document, tag.start(), end):
            position = tag.end()
            continue
        kept.append(document[start : tag.start()])
        start = position = end
    return "".join(kept) + document[start:]


def _ignored(name: str, attributes: str) -> bool:
    """Whether a start tag opens an element Pagefind does not index: marked so, or matching an ``IGNORED`` selector."""
    if IGNORE_ATTRIBUTE.search(attributes):
        return True
    found_class, found_id = CLASS_ATTRIBUTE.search(attributes), ID_VALUE.search(attributes)
    classes = set(found_class[1].split()) if found_class else set()
    for tag_name, class_name, id_name in IGNORED_PARTS:
        if (not tag_name or tag_name == name) and (class_name in classes if class_name else found_id and found_id[1] == id_name):
            return True
    return False


def _element_end(document: str, opening: re.Match) -> int | None:
    """Where the element ``opening`` starts ends (after its closing tag, elements of the same name nested), or None."""
    depth = 1
    for tag in TAG.finditer(document, opening.end()):
        if tag[2] == opening[2]:
            depth += -1 if tag[1] else 1
            if depth == 0:
                return tag.end()
    return None


def _without_id(tag: re.Match) -> str:
    return f"<{tag[1]}{ID_ATTRIBUTE.sub('', tag[2])}>"


def _start_pagefind(documents: Path, bundle: Path) -> subprocess.Popen:
    """Pagefind's command line over one folder of search documents, writing the bundle ``bundle``.

    The command, not its Python API: the API's service sometimes answered before it had written every
    file, and a 10,000-plan build then read an empty pagefind-entry.json (BENCHMARKS.md). A process
    that has exited has written everything.
    """
    command = [sys.executable, "-m", "pagefind", "--site", str(documents), "--output-path", str(bundle)]
    command += ["--force-language", LANGUAGE, "--silent", *(f"--exclude-selectors={selector}" for selector in IGNORED)]
    return subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=functools.partial(children.stop_with, os.getpid())
    )


def shards(pages: list, size: int = SHARD_PAGES) -> list[list]:
    """``pages`` ((file, docs-relative path, front matter)) dealt into ``ceil(len / size)`` groups (about
    ``size`` each) by a hash of each page's path.

    Dealt rather than cut in runs, so every bundle holds the same mix of plans, types and themes, and
    Pagefind's per-bundle word statistics, hence its scores, stay comparable when results are merged.
    Dealt by a hash of the page rather than by its place in the list, so a page added or removed
    changes only the bundle it falls into, and the others need not be indexed again (``_bundles``).
    """
    count = max(1, math.ceil(len(pages) / size))
    groups: list[list] = [[] for _ in range(count)]
    for page in pages:
        groups[zlib.crc32(page[1].encode("utf-8")) % count].append(page)
    return groups


def shard_folder(number: int) -> str:
    """Where bundle ``number`` (0-based) lives inside the first bundle: "" for the first one itself."""
    return f"shard-{number + 1}/" if number else ""


def bundle_words(bundle: Path) -> set[str]:
    """Every word of a Pagefind bundle's index (its chunks are gzip'd CBOR behind a signature)."""
    words: set[str] = set()
    for chunk in sorted((bundle / "index").glob("*.pf_index")):
        data = gzip.decompress(chunk.read_bytes())
        if not data.startswith(PAGEFIND_SIGNATURE):
            raise RuntimeError(f"not a Pagefind index chunk: {chunk}")
        words.update(_chunk_words(data))
    return words


def _chunk_words(data: bytes) -> list[str]:
    found = []
    for entry in WORD_ENTRY.finditer(data):
        header, start = entry[1][0], entry.end()
        if header < 0x78:  # the length is in the header
            length = header - 0x60
        else:  # in the next one (0x78) or two (0x79) bytes
            size = header - 0x77
            length, start = int.from_bytes(data[start : start + size], "big"), start + size
        end = start + length
        if end < len(data) and 0x80 <= data[end] <= 0x9F:  # the word's list of pages follows
            found.append(data[start:end].decode("utf-8"))
    return found


def word_file(word: str, files: int) -> int:
    """Which word list holds ``word``: overrides/kb-search/pagefind.js computes the same from the query."""
    return ord(word[0]) % files


def write_word_lists(folder: Path, words_of_bundles: list[set[str]]) -> int:
    """word → the bundles holding it (a hexadecimal bit mask), in files by ``word_file``; returns how many files."""
    holders: dict[str, int] = {}
    for number, words in enumerate(words_of_bundles):
        for word in words:
            holders[word] = holders.get(word, 0) | (1 << number)
    files = max(1, math.ceil(len(holders) / WORDS_PER_FILE))
    lists: list[dict[str, str]] = [{} for _ in range(files)]
    for word in sorted(holders):
        lists[word_file(word, files)][word] = format(holders[word], "x")
    folder.mkdir(parents=True, exist_ok=True)
    for number, words in enumerate(lists):
        (folder / f"{number}.json").write_text(json.dumps(words, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return files


def write_answer_lists(folder: Path, answers: list[list]) -> int:
    """The quick answers ([label, name, docs page, other names]) in files by ``word_file`` of each name:
    {"answers": [[label, name, site path]], "names": {lower-case name: [its answers]}}; returns how many
    files. Every name of an answer is filed, so 文明交通 finds 文明出行 in the file 文明交通 is in."""
    names: dict[str, list[int]] = {}
    for number, (_, name, _, others) in enumerate(answers):
        for key in dict.fromkeys(n.lower() for n in [name, *others] if n):
            names.setdefault(key, []).append(number)
    files = max(1, math.ceil(len(names) / ANSWERS_PER_FILE))
    lists: list[dict] = [{"answers": [], "names": {}} for _ in range(files)]
    local: list[dict[int, int]] = [{} for _ in range(files)]  # answer number → its place in one file
    for key in sorted(names):
        file = word_file(key, files)
        for number in names[key]:
            if number not in local[file]:
                label, name, page, _ = answers[number]
                local[file][number] = len(lists[file]["answers"])
                lists[file]["answers"].append([label, name, "/".join(page_folder(page)) + "/"])
        lists[file]["names"][key] = [local[file][number] for number in names[key]]
    folder.mkdir(parents=True, exist_ok=True)
    for number, answer_list in enumerate(lists):
        (folder / f"{number}.json").write_text(json.dumps(answer_list, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return files


def _index_bundles(tmp: Path, groups: list[tuple[int, list]], filters: dict[str, str]) -> tuple[list[dict], list[set[str]]]:
    """Pagefind over each (number, group)'s search documents into ``tmp``/bundle-<number>, ``INDEXERS`` at a time
    (the next group's documents are written while they run); their entry files and their words."""
    running: list[tuple[subprocess.Popen, Path, Path]] = []
    finished: list[tuple[dict, set[str]]] = []
    try:
        for number, group in groups:
            documents, output = tmp / f"documents-{number}", tmp / f"bundle-{number}"
            _write_documents(documents, group, number, filters)
            running.append((_start_pagefind(documents, output), documents, output))
            if len(running) == INDEXERS:
                finished.append(_finish(*running.pop(0)))
        while running:
            finished.append(_finish(*running.pop(0)))
    finally:
        for indexer, _, _ in running:  # an error stopped the build: stop the others too
            indexer.kill()
            indexer.wait()
    return [entry for entry, _ in finished], [words for _, words in finished]


def indexed_digests(searchable: list, digests: dict[str, str], old_metas: dict[str, list]) -> dict[str, str]:
    """{docs-relative path: hash of the page's ``indexed_text``}: taken from the last build where the page's
    bytes are as they were (``old_metas``: its ``state``'s metas), else read and computed."""
    found = {}
    for path, rel, meta in searchable:
        old = old_metas.get(rel)
        if old and len(old) == 3 and digests.get(rel) == old[0]:
            found[rel] = old[2]
        else:
            document = search_document(meta, page_body(path.read_text(encoding="utf-8")))
            found[rel] = hashlib.blake2b(indexed_text(document).encode("utf-8"), digest_size=16).hexdigest()
    return found


def _bundle_key(number: int, count: int, filters: dict[str, str], group: list, digests: dict[str, str]) -> str:
    """What bundle ``number`` of ``count`` is a function of: the filters and what is indexed of each of its
    pages (``indexed_digests``)."""
    pages = [(rel, digests[rel]) for _, rel, _ in group]
    text = json.dumps([number, count, filters, pages], ensure_ascii=False, sort_keys=True)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _bundles(tmp: Path, groups: list[list], filters: dict[str, str], keys: list, old: tuple | None) -> tuple[list[dict], list[set[str]], int]:
    """Every bundle into ``tmp``/bundle-<number>: hard links to the last build's bundle where its key is the
    same (``old``: that build's first bundle folder and keys), Pagefind for the others; their entry files,
    their words and how many were indexed."""
    carried: dict[int, tuple[dict, set[str]]] = {}
    old_bundle, old_keys = old or (None, [])
    for number, key in enumerate(keys):
        source = old_bundle / shard_folder(number) if old_bundle else None
        if number < len(old_keys) and old_keys[number] == key and source and source.is_dir():
            target = tmp / f"bundle-{number}"
            _link_tree(source, target, skip=() if number else ("shard-*", WORDS_FOLDER, ANSWERS_FOLDER, SHARDS_FILE))
            entry = json.loads((target / "pagefind-entry.json").read_text(encoding="utf-8"))
            carried[number] = (entry, bundle_words(target))
    todo = [(number, group) for number, group in enumerate(groups) if number not in carried]
    entries, words = _index_bundles(tmp, todo, filters)
    made = dict(zip([number for number, _ in todo], zip(entries, words)))
    made.update(carried)
    ordered = [made[number] for number in range(len(groups))]
    return [entry for entry, _ in ordered], [w for _, w in ordered], len(todo)


def _link_tree(source: Path, target: Path, skip: tuple[str, ...]) -> None:
    """``target`` as a copy of ``source`` made of hard links, without the top-level entries matching ``skip``."""
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        if any(fnmatch.fnmatch(rel.parts[0], pattern) for pattern in skip) or not path.is_file():
            continue
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        os.link(path, target / rel)


def _write_documents(folder: Path, group: list, number: int, filters: dict[str, str]) -> None:
    folder.mkdir()
    for path, rel, meta in group:
        target = folder.joinpath(*page_folder(rel), "index.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        body = page_body(path.read_text(encoding="utf-8"))
        target.write_text(search_document({**meta, BUNDLE_FILTER: str(number)}, body, filters), encoding="utf-8")


def _finish(indexer: subprocess.Popen, documents: Path, output: Path) -> tuple[dict, set[str]]:
    _, errors = indexer.communicate()
    if indexer.returncode:
        raise RuntimeError(f"Pagefind failed (exit {indexer.returncode}): {errors.decode('utf-8', 'replace').strip()[-2000:]}")
    shutil.rmtree(documents)
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    return entry, bundle_words(output)


def build_search_index(
    docs_dir: Path, bundle: Path, shard_pages: int = SHARD_PAGES, digests: dict[str, str] | None = None, earlier: tuple | None = None
) -> dict:
    """Index the plan pages of ``docs_dir`` into the Pagefind bundle folder ``bundle`` (replaced),
    as bundles of about ``shard_pages`` pages.

    ``digests`` ({docs-relative path: hash of the file's bytes}) and ``earlier`` (the bundle folder of the
    last build and the ``state`` it returned) let a bundle whose pages' indexed text is all as it was be
    carried over instead of indexed again (``_bundles``); a page whose bytes are as they were is not read
    for that.

    Returns pages indexed, languages, bundles, bundles indexed, files and bytes, the filters, and the
    ``state`` for the next build. Raises RuntimeError when nothing was indexed: a site without search is a
    failed build.
    """
    docs_dir, bundle = Path(docs_dir).resolve(), Path(bundle).resolve()
    shutil.rmtree(bundle, ignore_errors=True)  # no stale fragments from an earlier run
    digests = digests or {}
    old_bundle, old_state = earlier if earlier and isinstance(earlier[1], dict) else (None, {})
    old_metas = old_state.get("metas", {})
    known = {rel: kept[1] for rel, kept in old_metas.items() if digests.get(rel) == kept[0]}
    searchable = searchable_pages(docs_dir, known)
    units = {meta["unit"] for _, _, meta in searchable if meta.get("unit")}
    filters = FILTERS if len(units) <= UNIT_FILTER_LIMIT else {k: v for k, v in FILTERS.items() if k != "unit"}
    groups = shards(searchable, shard_pages)
    sharded = len(groups) > 1
    shard_filters = {**filters, BUNDLE_FILTER: BUNDLE_FILTER} if sharded else filters
    with tempfile.TemporaryDirectory(prefix=".search-", dir=bundle.parent) as tmp:
        texts = indexed_digests(searchable, digests, old_metas)
        keys = [_bundle_key(number, len(groups), shard_filters, group, texts) for number, group in enumerate(groups)]
        old = (old_bundle, old_state.get("bundles", [])) if old_bundle else None
        entries, words_of_bundles, indexed = _bundles(Path(tmp), groups, shard_filters, keys, old)
        Path(tmp, "bundle-0").rename(bundle)
        for number in range(1, len(groups)):
            Path(tmp, f"bundle-{number}").rename(bundle / shard_folder(number))
    manifest: dict = {"bundles": [shard_folder(number) for number in range(1, len(groups))]}
    answers = docs_dir / QUICK_ANSWERS
    if answers.is_file():
        answer_files = write_answer_lists(bundle / ANSWERS_FOLDER, json.loads(answers.read_text(encoding="utf-8")))
        manifest.update(answers=f"{ANSWERS_FOLDER}/", answer_files=answer_files)
    manifest.update(words=f"{WORDS_FOLDER}/", word_files=write_word_lists(bundle / WORDS_FOLDER, words_of_bundles))
    if sharded:
        manifest.update(filter=BUNDLE_FILTER)
    (bundle / SHARDS_FILE).write_text(json.dumps(manifest), encoding="utf-8")
    pages = sum(lang["page_count"] for entry in entries for lang in entry["languages"].values())
    if pages == 0:
        raise RuntimeError(f"Pagefind indexed no pages from {docs_dir}")
    files = sorted(p for p in bundle.rglob("*") if p.is_file())
    # the front matter the next build need not parse again (the table of contents is not searched)
    metas = {rel: [digests[rel], {k: v for k, v in meta.items() if k != "toc"}, texts[rel]] for _, rel, meta in searchable if rel in digests}
    return {
        "pages": pages,
        "languages": sorted({language for entry in entries for language in entry["languages"]}),
        "bundles": len(groups),
        "bundles_indexed": indexed,
        "state": {"bundles": keys, "metas": metas},
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
        "filters": sorted(set(filters.values())),
    }
