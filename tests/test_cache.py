"""The ingest outcome cache: keyed by name, bytes and code; safe to lose or damage."""
from pathlib import Path

from scripts import cache, ingest

RAW = Path(__file__).resolve().parent.parent / "raw"


def test_an_outcome_comes_back_equal(tmp_path):
    store = cache.OutcomeCache(tmp_path)
    outcome = ingest.process_file(RAW / "001_5c090655f3dd450f.txt", "001.txt")
    key = store.key("001.txt", outcome.sha256)
    assert store.get(key) is None
    store.put(key, outcome)
    assert store.get(key) == outcome
    assert (store.hits, store.misses) == (1, 1)


def test_the_key_changes_with_the_name_the_bytes_and_the_code(tmp_path):
    a = cache.OutcomeCache(tmp_path, version="v1")
    b = cache.OutcomeCache(tmp_path, version="v2")
    assert len({a.key("x.txt", "00"), a.key("y.txt", "00"), a.key("x.txt", "01"), b.key("x.txt", "00")}) == 4
    assert a.key("x.txt", "00") == cache.OutcomeCache(tmp_path, version="v1").key("x.txt", "00")


def test_code_version_covers_scripts_and_rules():
    version = cache.code_version()
    assert len(version) == 64 and version == cache.code_version()


def test_a_damaged_entry_is_a_miss_not_an_error(tmp_path):
    store = cache.OutcomeCache(tmp_path)
    key = store.key("a.txt", "00")
    path = tmp_path / key[:2] / key
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    assert store.get(key) is None
    assert store.misses == 1


def test_dedupe_scores_come_back_for_the_same_code_only(tmp_path):
    scores = {("a" * 24, "b" * 24): 0.97, ("a" * 24, "c" * 24): -1.0}
    assert cache.OutcomeCache(tmp_path, version="v1").dedupe_scores() == {}
    cache.OutcomeCache(tmp_path, version="v1").keep_dedupe_scores(scores)
    assert cache.OutcomeCache(tmp_path, version="v1").dedupe_scores() == scores
    assert cache.OutcomeCache(tmp_path, version="v2").dedupe_scores() == {}
    (tmp_path / cache.SCORES).write_bytes(b"\x80\x05damaged")
    assert cache.OutcomeCache(tmp_path, version="v1").dedupe_scores() == {}


def test_summaries_come_back_for_the_same_stamp_only(tmp_path):
    store = cache.OutcomeCache(tmp_path, version="v1")
    assert store.summaries("s1") is None
    store.keep_summaries("s1", ["a", "b"])
    assert cache.OutcomeCache(tmp_path, version="v1").summaries("s1") == ["a", "b"]
    assert store.summaries("s2") is None
    (tmp_path / cache.SUMMARIES).write_bytes(b"\x80\x05damaged")
    assert store.summaries("s1") is None


def test_the_publish_stamp_changes_with_any_file_key_and_the_registry(tmp_path):
    registry = tmp_path / "permalinks.json"
    stamps = {cache.publish_stamp(["k1", "k2"], registry), cache.publish_stamp(["k2", "k1"], registry), cache.publish_stamp(["k1"], registry)}
    registry.write_text("{}", encoding="utf-8")
    stamps.add(cache.publish_stamp(["k1", "k2"], registry))
    assert len(stamps) == 4
    assert cache.publish_stamp(["k1", "k2"], registry) == cache.publish_stamp(["k1", "k2"], registry)
    assert cache.OutcomeCache(tmp_path).has(cache.OutcomeCache(tmp_path).key("a.txt", "00")) is False
