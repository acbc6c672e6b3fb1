"""Re-ingesting: unchanged files come from the cache, a changed file alone is processed again, and the
pages written are the same bytes whatever the cache or the number of workers."""
import shutil
from pathlib import Path

import pytest

from scripts import cache, ingest, synth
from scripts.__main__ import run_ingest

RAW = Path(__file__).resolve().parent.parent / "raw"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    for path in RAW.iterdir():
        shutil.copy(path, raw / path.name)
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
