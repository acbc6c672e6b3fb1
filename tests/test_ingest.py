"""Ingest: every input file is accounted for; a bad file never stops the others; output is deterministic."""
from __future__ import annotations

import os

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
