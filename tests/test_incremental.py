"""Re-ingesting: unchanged files come from the cache, a changed file alone is processed again, and the
pages written are the same bytes whatever the cache or the number of workers."""
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
