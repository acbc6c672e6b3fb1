"""Re-ingesting: unchanged files come from the cache, a changed file alone is processed again, and the
pages written are the same bytes whatever the cache or the number of workers."""
import gzip
import json
import shutil
from pathlib import Path

import pytest

from conftest import copy_seeds
from scripts import cache, ingest
from scripts.bench import synth
from scripts.publish.pipeline import run_ingest


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    raw = copy_seeds(tmp_path_factory.mktemp("raw"))
    synth.write_corpus(raw / "synth", 4)
    return raw


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_second_run_processes_nothing_and_one_changed_file_alone(corpus, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(corpus, raw)
    first = cache.OutcomeCache(tmp_path / "cache")
    cold = ingest.process_all([raw], jobs=2, cache=first)
    assert (first.hits, first.misses) == (0, 9)
    second = cache.OutcomeCache(tmp_path / "cache")
    assert ingest.process_all([raw], jobs=2, cache=second) == cold
    assert (second.hits, second.misses) == (9, 0)
    changed = raw / "001_5c090655f3dd450f.txt"
    changed.write_bytes(changed.read_bytes() + "\n五、其他\n本方案由局办公室负责解释。\n".encode())
    third = cache.OutcomeCache(tmp_path / "cache")
    again = ingest.process_all([raw], jobs=2, cache=third)
    assert (third.hits, third.misses) == (8, 1)
    assert [o.source for o in again if o != cold[[c.source for c in cold].index(o.source)]] == ["001_5c090655f3dd450f.txt"]


def test_a_new_code_version_processes_everything_again(corpus, tmp_path):
    ingest.process_all([corpus], jobs=1, cache=cache.OutcomeCache(tmp_path, version="old"))
    newer = cache.OutcomeCache(tmp_path, version="new")
    ingest.process_all([corpus], jobs=1, cache=newer)
    assert (newer.hits, newer.misses) == (0, 9)


def test_pages_are_byte_identical_with_one_or_two_workers_and_from_the_cache(corpus, tmp_path):
    run_ingest([corpus], tmp_path / "one", 1, tmp_path / "one.json", quiet=True, cache_dir="")
    run_ingest([corpus], tmp_path / "two", 2, tmp_path / "two.json", quiet=True, cache_dir=str(tmp_path / "cache"))
    run_ingest([corpus], tmp_path / "warm", 2, tmp_path / "warm.json", quiet=True, cache_dir=str(tmp_path / "cache"))
    one = tree(tmp_path / "one")
    assert len([p for p in one if p.startswith("plans/")]) >= 9
    assert tree(tmp_path / "two") == one
    assert tree(tmp_path / "warm") == one
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes() == (tmp_path / "warm.json").read_bytes()


def test_republishing_writes_only_the_pages_of_what_changed(corpus, tmp_path, monkeypatch):
    from scripts.publish import writer

    raw = tmp_path / "raw"
    shutil.copytree(corpus, raw)
    stats = []
    real = writer.write_pages
    monkeypatch.setattr(writer, "write_pages", lambda *args, **kwargs: stats.append(real(*args, **kwargs)) or stats[-1])
    args = ([raw], tmp_path / "docs", 2, tmp_path / "permalinks.json")
    run_ingest(*args, quiet=True, cache_dir=str(tmp_path / "cache"))
    first = tree(tmp_path / "docs")
    registry = (tmp_path / "permalinks.json").read_bytes()
    run_ingest(*args, quiet=True, cache_dir=str(tmp_path / "cache"))
    assert len(stats) == 1, "nothing changed: nothing is published"
    assert tree(tmp_path / "docs") == first and (tmp_path / "permalinks.json").read_bytes() == registry

    page = next((tmp_path / "docs" / "plans").glob("*.md"))
    page.write_text("edited by hand", encoding="utf-8")
    run_ingest(*args, quiet=True, cache_dir=str(tmp_path / "cache"))
    assert stats[-1].written == [page.relative_to(tmp_path / "docs").as_posix()], "a page changed since is put back"
    assert tree(tmp_path / "docs") == first and (tmp_path / "permalinks.json").read_bytes() == registry

    changed = raw / "001_5c090655f3dd450f.txt"
    text = changed.read_bytes()
    assert "严格要求,强化考核".encode() in text
    changed.write_bytes(text.replace("严格要求,强化考核".encode(), "严格要求,从严考核".encode()))  # one item edited
    outcomes = run_ingest(*args, quiet=True, cache_dir=str(tmp_path / "cache"))
    slug = next(o for o in outcomes if o.source == changed.name).plans[0].slug
    written = stats[-1].written
    assert f"plans/{slug}.md" in written
    assert {p for p in written if p.startswith("plans/")} <= {f"plans/{slug}.docx", f"plans/{slug}.md"}
    assert {"data/plans.json", "data/report.json"} <= set(written)
    assert len(written) < stats[-1].kept / 2
    fresh = tmp_path / "fresh"
    run_ingest([raw], fresh / "docs", 1, fresh / "permalinks.json", quiet=True, cache_dir="")
    assert tree(tmp_path / "docs") == tree(fresh / "docs"), "an incremental run gives the bytes a fresh run gives"


# ---------------------------------------------------------------- an update against a cold build of the same inputs


def make_site(raw: Path, work: Path, cache_dir: str) -> dict:
    """``make site`` into ``work`` (docs/, site/, permalinks.json), as the build command wires it."""
    from scripts.site.build import build_site

    run_ingest([raw], work / "docs", 2, work / "permalinks.json", quiet=True, cache_dir=cache_dir)
    return build_site(work / "site", docs_dir=work / "docs")


def site_files(site: Path) -> dict[str, bytes]:
    """The site's bytes, the search bundles and the build stamp aside (Pagefind's file names are hashes)."""
    return {rel: data for rel, data in tree(site).items() if not rel.startswith(("pagefind/", ".kb-build"))}


def bundle_contents(site: Path) -> list[tuple[int, set[str]]]:
    """Each search bundle's page count and words: what Pagefind's hashed files hold."""
    from scripts.site import search_index

    manifest = json.loads((site / "pagefind" / search_index.SHARDS_FILE).read_text(encoding="utf-8"))
    contents = []
    for folder in ["", *manifest["bundles"]]:
        entry = json.loads((site / "pagefind" / folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        contents.append((entry["languages"]["zh"]["page_count"], search_index.bundle_words(site / "pagefind" / folder)))
    return contents


@pytest.fixture(scope="module")
def built_once(corpus, tmp_path_factory):
    """A site of the corpus in small search bundles, with its ingest cache, built from scratch."""
    from scripts.site import search_index

    work = tmp_path_factory.mktemp("built")
    shutil.copytree(corpus, work / "raw")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_index, "SHARD_PAGES", 3)
        stats = make_site(work / "raw", work, str(work / "cache"))
    assert stats["bundles"] >= 2 and stats["bundles_indexed"] == stats["bundles"]
    return work


def add(raw: Path) -> None:
    text, _ = synth.plan_text(77)
    (raw / "synth" / "new-plan.txt").write_text(text, encoding="utf-8")


def change(raw: Path) -> None:
    path = raw / "001_5c090655f3dd450f.txt"
    path.write_bytes(path.read_bytes() + "\n五、其他\n本方案由局办公室负责解释，另设红色读书角。\n".encode())


def rename(raw: Path) -> None:
    path = raw / "002_f05843dfa63ee480.txt"
    path.rename(raw / "002_renamed.txt")


def delete(raw: Path) -> None:
    (raw / "003_71aa6518df67eea4.txt").unlink()


@pytest.mark.parametrize("update", [add, change, rename, delete])
def test_an_update_gives_the_bytes_of_a_cold_build_of_the_same_inputs(built_once, tmp_path, monkeypatch, update):
    from scripts.site import search_index

    monkeypatch.setattr(search_index, "SHARD_PAGES", 3)
    warm = tmp_path / "warm"
    shutil.copytree(built_once, warm, symlinks=True)  # hard links of a site are copies here: the live site is its own
    cold = tmp_path / "cold"
    cold.mkdir()
    shutil.copy(warm / "permalinks.json", cold / "permalinks.json")  # the registry is an input
    update(warm / "raw")
    stats = make_site(warm / "raw", warm, str(warm / "cache"))
    assert stats["pages_rendered"] is not None and stats["pages_carried"] > 0
    assert stats["bundles_indexed"] < stats["bundles"] or update is add  # a page added may move pages between bundles
    make_site(warm / "raw", cold, "")
    assert tree(warm / "docs") == tree(cold / "docs")
    assert (warm / "permalinks.json").read_bytes() == (cold / "permalinks.json").read_bytes()
    assert site_files(warm / "site") == site_files(cold / "site")
    assert bundle_contents(warm / "site") == bundle_contents(cold / "site")


def test_the_changed_text_is_found_in_the_updated_search_index(built_once, tmp_path, monkeypatch):
    from scripts.site import search_index

    monkeypatch.setattr(search_index, "SHARD_PAGES", 3)
    warm = tmp_path / "warm"
    shutil.copytree(built_once, warm, symlinks=True)
    assert not searched_fragments(warm / "site", "另设红色读书角")
    path = warm / "raw" / "004_75ca266f54642e3a.txt"  # a plan shown as it is (001 is shown as a copy's text)
    path.write_bytes(path.read_bytes() + "\n五、其他\n本方案由局办公室负责解释，另设红色读书角。\n".encode())
    make_site(warm / "raw", warm, str(warm / "cache"))
    assert len(searched_fragments(warm / "site", "另设红色读书角")) == 1


def searched_fragments(site: Path, text: str) -> list[Path]:
    """The search result fragments (gzip'd JSON behind Pagefind's signature, words cut by zero-width spaces)
    whose text holds ``text``."""
    found = []
    for fragment in sorted((site / "pagefind").rglob("*.pf_fragment")):
        if text in gzip.decompress(fragment.read_bytes()).decode("utf-8", "replace").replace("\u200b", ""):
            found.append(fragment)
    return found


def test_an_update_makes_again_only_the_files_of_plans_whose_inputs_changed(corpus, tmp_path, monkeypatch):
    from scripts import publish

    raw = tmp_path / "raw"
    shutil.copytree(corpus, raw)
    args = ([raw], tmp_path / "docs", 1, tmp_path / "permalinks.json")  # one job: plans are made in this process
    run_ingest(*args, quiet=True, cache_dir=str(tmp_path / "cache"))
    made = []
    real = publish.PlanFiles.make
    monkeypatch.setattr(publish.PlanFiles, "make", lambda files: made.append(files.plan.source_file) or real(files))
    kept_pages = []
    keep = cache.OutcomeCache.keep_made

    def keep_and_note(store, key, value):
        if isinstance(value, str) and not value.startswith("{"):  # a type or browse page (a plan's files are a tuple, its plans.json entry an object)
            kept_pages.append(value)
        keep(store, key, value)

    monkeypatch.setattr(cache.OutcomeCache, "keep_made", keep_and_note)
    path = raw / "004_75ca266f54642e3a.txt"
    path.write_bytes(path.read_bytes() + "\n五、其他\n本方案由局办公室负责解释，另设红色读书角。\n".encode())
    run_ingest(*args, quiet=True, cache_dir=str(tmp_path / "cache"))
    assert made == ["004_75ca266f54642e3a.txt"], "no other plan's page, related list or year links changed"
    docs = tmp_path / "docs"
    memo_pages = [p for p in [*docs.glob("types/*.md"), *docs.glob("browse/*/*.md")] if not p.name.startswith("index")]
    report_pages = [docs / "report.md", *docs.glob("report/*.md")]
    plans = json.loads((docs / "data" / "plans.json").read_text(encoding="utf-8"))["plans"]
    slugs = [p["slug"] for p in plans if p["source_file"] == path.name]
    # the type and browse pages are made again only where they show the changed plan, the report's only
    # the page of its file
    assert 0 < len(kept_pages) < len(memo_pages) / 2
    assert all(any(f"/plans/{slug}/" in text for slug in slugs) for text in kept_pages)
    assert sum(text.startswith("---\ntitle: 清理报告") for text in kept_pages) == len(report_pages) == 1
    kept = list((tmp_path / "cache" / cache.MADE).glob("*/*"))
    # one entry per plan (its files; the plans.json entries are in one file), one per such page or report page,
    # and the settled plans' anchors
    assert len(kept) == len(list((docs / "plans").glob("*.md"))) + len(memo_pages) + len(report_pages) + 1
    assert len(cache.OutcomeCache(tmp_path / "cache").plan_entries()) == len(plans)


def _loads_of_first_update(corpus, tmp_path, monkeypatch, kind):
    """Cold build, then one file changed: what the update loads from the made cache, as `kind(value)` of each load
    (None: not counted). The raw folder is returned too, for a cold build to compare with."""
    raw = tmp_path / "raw"
    shutil.copytree(corpus, raw)
    args = ([raw], tmp_path / "docs", 1, tmp_path / "permalinks.json")
    run_ingest(*args, quiet=True, cache_dir=str(tmp_path / "cache"))
    loaded = []
    real = cache.OutcomeCache.made

    def made_and_note(store, key):
        value = real(store, key)
        if (seen := kind(value)) is not None:
            loaded.append(seen)
        return value

    monkeypatch.setattr(cache.OutcomeCache, "made", made_and_note)
    path = raw / "004_75ca266f54642e3a.txt"
    path.write_bytes(path.read_bytes() + "\n五、其他\n本方案由局办公室负责解释，另设红色读书角。\n".encode())
    run_ingest(*args, quiet=True, cache_dir=str(tmp_path / "cache"))
    return loaded, raw


def test_the_first_update_after_a_cold_build_loads_no_kept_plan_page(corpus, tmp_path, monkeypatch):
    """The cold build notes each plan file's key, so the update compares by the noted key, not by loading."""
    def plan_files(value):  # a plan's page and Word file
        return True if isinstance(value, tuple) else None

    loaded, _ = _loads_of_first_update(corpus, tmp_path, monkeypatch, plan_files)
    assert loaded == []


def test_an_update_reads_the_kept_plans_json_entries_from_one_file(corpus, tmp_path, monkeypatch):
    """Not one file per plan: loading 10,000 of them one by one was 12 s of an update."""
    def is_entry(value):  # a plans.json entry (a page begins with its front matter)
        return isinstance(value, str) and value.startswith("{")

    loaded, raw = _loads_of_first_update(corpus, tmp_path, monkeypatch, is_entry)
    assert loaded and not any(loaded)
    fresh = tmp_path / "fresh"
    run_ingest([raw], fresh / "docs", 1, fresh / "permalinks.json", quiet=True, cache_dir="")
    assert tree(tmp_path / "docs") == tree(fresh / "docs")


def test_the_first_update_after_a_cold_build_loads_no_kept_index_or_report_page(corpus, tmp_path, monkeypatch):
    """The cold build notes the key of each type, browse and report page it made, as of a plan's page."""
    def kept_pages(value):  # a page kept before (new pages are not found)
        return True if isinstance(value, str) and value.startswith("---") else None

    loaded, _ = _loads_of_first_update(corpus, tmp_path, monkeypatch, kept_pages)
    assert loaded == []
