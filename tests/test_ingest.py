"""Ingest: every input file is accounted for; a bad file never stops the others; output is deterministic."""
from __future__ import annotations

import os

import pytest

from conftest import RAW, seed
from scripts import ingest


def outcome_of(outcomes, source):
    return next(o for o in outcomes if o.source == source)


def test_every_file_has_an_outcome_and_bad_files_do_not_stop_others(tmp_path):
    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    (raw / "plan.txt").write_bytes(seed("001").read_bytes())
    (raw / "sub" / "same plan again.txt").write_bytes(seed("001").read_bytes())
    (raw / "empty.txt").write_bytes(b"")
    (raw / "blank.txt").write_bytes(b" \n\r\n\t  \n")
    (raw / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(2000))
    (raw / "office.txt").write_bytes(b"PK\x03\x04" + os.urandom(2000))
    (raw / "notes.pdf").write_bytes(b"%PDF-1.4\n")
    (raw / "-dash 名字 'quote'.txt").write_bytes(seed("004").read_bytes())
    outside = tmp_path / "outside.txt"
    outside.write_bytes(seed("000").read_bytes())
    (raw / "link.txt").symlink_to(outside)

    outcomes = ingest.process_all([raw], jobs=2)
    by_source = {o.source: o for o in outcomes}
    assert sorted(by_source) == sorted(
        ["plan.txt", "sub/same plan again.txt", "empty.txt", "blank.txt", "photo.txt", "office.txt", "notes.pdf", "-dash 名字 'quote'.txt", "link.txt"]
    )
    assert by_source["plan.txt"].status == "plans" and len(by_source["plan.txt"].plans) == 1
    assert by_source["sub/same plan again.txt"].status == "duplicate"
    assert "plan.txt" in by_source["sub/same plan again.txt"].reason
    assert by_source["empty.txt"].status == "skipped"
    assert by_source["blank.txt"].status == "skipped"
    for name in ("photo.txt", "office.txt", "notes.pdf", "link.txt"):
        assert by_source[name].status == "rejected", name
        assert by_source[name].reason, name
    assert "outside" in by_source["link.txt"].reason
    assert by_source["-dash 名字 'quote'.txt"].status == "plans"


def test_outcomes_do_not_depend_on_jobs():
    one = ingest.process_all([RAW], jobs=1)
    two = ingest.process_all([RAW], jobs=2)
    assert [o.source for o in one] == sorted(p.name for p in RAW.iterdir())
    assert one == two


def mixed_folder(tmp_path):
    """Two plans, a copy, an empty file, a file that cannot be decoded and one refused before reading."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_bytes(seed("001").read_bytes())
    (raw / "b.txt").write_bytes(seed("004").read_bytes())
    (raw / "copy.txt").write_bytes(seed("001").read_bytes())
    (raw / "empty.txt").write_bytes(b"")
    (raw / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    (raw / "notes.xyz").write_bytes(b"%PDF-1.4\n")
    return raw


def test_file_keys_are_known_without_loading_an_outcome(tmp_path):
    from scripts import cache

    raw = mixed_folder(tmp_path)
    store = cache.OutcomeCache(tmp_path / "cache", version="v1")
    assert ingest.cached_file_keys([raw], store) is None  # nothing stored yet
    outcomes = ingest.process_all([raw], jobs=1, cache=store)
    assert [o.status for o in outcomes] == ["plans", "plans", "duplicate", "skipped", "rejected", "rejected"]
    keys = ingest.cached_file_keys([raw], store)
    assert keys == [ingest.file_key(o, "v1") for o in outcomes]
    assert keys[4] == "notes.xyz\0rejected\0" + outcome_of(outcomes, "notes.xyz").reason  # refused before reading: not stored
    assert keys[5] == store.key("photo.txt", outcome_of(outcomes, "photo.txt").sha256)  # read, then refused: stored
    (raw / "b.txt").write_bytes(seed("000").read_bytes())
    assert ingest.cached_file_keys([raw], store) is None  # a changed file is not in the cache


def test_a_summary_keeps_what_the_command_line_reports(tmp_path):
    [outcome] = ingest.process_all([RAW / "001_5c090655f3dd450f.txt"], jobs=1)
    outcome.plans[0].id, outcome.plans[0].slug = "p1", "fang-an"
    short = ingest.summary(outcome)
    assert (short.source, short.status, short.flags, short.sha256) == (outcome.source, outcome.status, outcome.flags, outcome.sha256)
    [plan] = short.plans
    assert (plan.title, plan.meta, plan.id, plan.slug) == (outcome.plans[0].title, outcome.plans[0].meta, "p1", "fang-an")
    assert plan.sections == [] and short.removed == [] and short.prints == [] and outcome.plans[0].sections


def test_a_run_with_nothing_to_publish_loads_no_outcome(tmp_path, monkeypatch):
    from scripts import cache
    from scripts.publish.pipeline import run_ingest

    raw = mixed_folder(tmp_path)
    args = ([raw], tmp_path / "docs", 1, tmp_path / "permalinks.json")
    first = run_ingest(*args, quiet=True, cache_dir=str(tmp_path / "cache"))
    monkeypatch.setattr(cache.OutcomeCache, "get", lambda *_: pytest.fail("an outcome was loaded"))
    again = run_ingest(*args, quiet=True, cache_dir=str(tmp_path / "cache"))
    assert again == [ingest.summary(o) for o in first]
    assert [p.id for o in again for p in o.plans] == [p.id for o in first for p in o.plans] and all(p.id for o in again for p in o.plans)
    (tmp_path / "docs" / "index.md").write_text("edited by hand", encoding="utf-8")
    monkeypatch.undo()
    assert run_ingest(*args, quiet=True, cache_dir=str(tmp_path / "cache")) == first  # pages to put back: outcomes loaded
    assert (tmp_path / "docs" / "index.md").read_text(encoding="utf-8") != "edited by hand"
