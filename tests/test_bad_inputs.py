"""Every bad input file gets a sensible outcome, and every input file is accounted for.

The nasty files are generated in tmp_path by ``fixtures/bad/make.py`` (big ones are never
committed). Each file must be read into plans, skipped, rejected or marked duplicate with a
reason that names the problem and says what to do; nothing a readable file says may be lost.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import ROOT, compact, shown_text
from fixtures.bad.make import NAMES, SENTENCES, deep_plan, make_bad_files
from scripts import ingest

SAFE_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    raw = tmp_path_factory.mktemp("bad") / "raw"
    expected = make_bad_files(raw)
    outcomes = {o.source: o for o in ingest.process_all([raw], jobs=1)}
    return {"raw": raw, "expected": expected, "outcomes": outcomes}




def test_every_file_is_accounted_for(bad):
    assert sorted(bad["outcomes"]) == sorted(bad["expected"])


@pytest.mark.parametrize("name", sorted(make_bad_files.__globals__["BOMS"]) + ["empty.txt", "whitespace.txt", "image.txt", "archive.txt",
    "office.txt", "old_office.txt", "noise.txt", "bad_bytes_utf8.txt", "bad_bytes_gb18030.txt", "mixed_encodings.txt",
    "nul_bytes.txt", "crlf.txt", "lone_cr.txt", "deep_numbering.txt", "no_headings.txt", "all_boilerplate.txt",
    *NAMES, "twin_a.txt", "twin_b.txt", "same_slug_a.txt", "same_slug_b.txt", "link_outside.txt"])
def test_each_bad_file_has_a_sensible_outcome(bad, name):
    status, reason = bad["expected"][name]
    outcome = bad["outcomes"][name]
    assert outcome.status == status, outcome.reason
    assert re.search(reason, outcome.reason), outcome.reason
    if status == "rejected":
        assert re.search(r"；|复制|拆成|另存|扩展名", outcome.reason), f"the reason should say what to do: {outcome.reason}"
    if status == "plans":
        assert outcome.plans and all(plan.title or plan.preamble or plan.sections for plan in outcome.plans)


@pytest.mark.parametrize("name", ["bad_bytes_utf8.txt", "bad_bytes_gb18030.txt", "mixed_encodings.txt", "nul_bytes.txt",
                                  "crlf.txt", "lone_cr.txt", *make_bad_files.__globals__["BOMS"], *NAMES])
def test_readable_files_lose_no_sentence(bad, name):
    text = compact("\n".join(shown_text(p) for p in bad["outcomes"][name].plans))
    for sentence in SENTENCES:
        assert compact(sentence)[2:-2] in text or name.startswith("bad_bytes"), sentence
    if name.startswith("bad_bytes"):  # the sentences away from the damage survive whole
        assert sum(compact(s)[2:-2] in text for s in SENTENCES) >= 3
    assert "\x00" not in text and "\r" not in text and "\ufeff" not in text


def test_damaged_bytes_are_decoded_with_replacement_and_flagged(bad):
    for name, codec in [("bad_bytes_utf8.txt", "utf-8+replace"), ("bad_bytes_gb18030.txt", "gb18030+replace")]:
        outcome = bad["outcomes"][name]
        assert outcome.encoding == codec
        assert "mojibake" in {flag.kind for flag in outcome.flags}


def test_mixed_encodings_are_decoded_line_by_line(bad):
    outcome = bad["outcomes"]["mixed_encodings.txt"]
    assert outcome.encoding == "utf-8+gb18030"
    titles = [p.title for p in outcome.plans]
    text = "".join(shown_text(p) for p in outcome.plans)
    assert "丙文明单位创建工作方案" in titles and "丁文明单位创建工作方案" in text
    assert "\ufffd" not in text


def test_bom_names_the_encoding(bad):
    for name, (_, _, encoding) in make_bad_files.__globals__["BOMS"].items():
        assert bad["outcomes"][name].encoding == encoding


def test_line_ends_do_not_change_the_plan(bad):
    crlf, cr = bad["outcomes"]["crlf.txt"].plans[0], bad["outcomes"]["lone_cr.txt"].plans[0]
    assert shown_text(crlf).replace("子", "") == shown_text(cr).replace("丑", "")
    assert [s.title for s in crlf.sections] == ["指导思想", "主要任务", "工作要求"]


def test_twelve_levels_of_numbering_keep_every_line(bad):
    plan = bad["outcomes"]["deep_numbering.txt"].plans[0]
    assert plan.title == "深层编号工作方案"
    text = compact(shown_text(plan))
    for line in deep_plan().splitlines()[1:]:
        assert compact(line.split(" ", 1)[-1]) in text, line


def test_plan_without_headings_keeps_its_text(bad):
    plan = bad["outcomes"]["no_headings.txt"].plans[0]
    assert compact("".join(SENTENCES)) in compact(shown_text(plan))


def test_boilerplate_only_page_lists_what_was_removed(bad):
    outcome = bad["outcomes"]["all_boilerplate.txt"]
    assert {span.rule.split(".")[1] for span in outcome.removed} >= {"nav", "publish", "disclaimer", "related"}
    assert len(outcome.removed) == 5


def test_odd_file_names_are_kept_as_given_and_give_safe_slugs(bad, tmp_path):
    from scripts.publish import permalinks

    outcomes = list(bad["outcomes"].values())
    plans = [p for o in outcomes for p in o.plans]
    permalinks.Registry.load(tmp_path / "reg.json").assign(plans)
    for plan in plans:
        assert SAFE_SLUG.fullmatch(plan.slug), plan.slug
    for name in NAMES:
        assert bad["outcomes"][name].plans[0].source_file == name
    slugs = [p.slug for p in plans]
    assert len(slugs) == len(set(slugs))
    same = {p.slug for o in ("same_slug_a.txt", "same_slug_b.txt") for p in bad["outcomes"][o].plans}
    assert len(same) == 2


def test_fifty_megabyte_file_is_handled_quickly(tmp_path):
    """Not processed for minutes: rejected at once with a reason that says to split it.

    Run in a child process with a hard timeout, so a missing size cap fails in seconds, not minutes.
    """
    raw = tmp_path / "raw"
    raw.mkdir()
    line = "开展志愿服务活动，组织职工参加社区志愿服务。\n".encode("utf-8")
    with open(raw / "huge.txt", "wb") as handle:
        handle.write(line * (50 * 2**20 // len(line) + 1))
    script = (
        "import json, sys, time; from pathlib import Path; from scripts import ingest; t = time.perf_counter();"
        f"[o] = ingest.process_all([Path({str(raw)!r})], jobs=1);"
        "print(json.dumps([o.status, o.reason, time.perf_counter() - t]))"
    )
    try:
        done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=15)
    except subprocess.TimeoutExpired:
        pytest.fail("a 50 MB file is still being processed after 15 s: it should be rejected at once (size cap)")
    status, reason, elapsed = json.loads(done.stdout)
    assert elapsed < 5, f"a 50 MB file took {elapsed:.1f} s"
    assert status == "rejected" and "拆成" in reason


def test_cli_goes_on_past_bad_files_and_reports_every_one(bad, run_cli, tmp_path):
    out = tmp_path / "out"
    result = run_cli("ingest", str(bad["raw"]), "--out", str(out), "--registry", str(tmp_path / "reg.json"), "--quiet", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    report = json.loads((out / "data" / "report.json").read_text(encoding="utf-8"))
    assert sorted(f["source"] for f in report["files"]) == sorted(bad["expected"])
    for entry in report["files"]:
        assert entry["status"] == bad["expected"][entry["source"]][0]
    for name, (status, _) in bad["expected"].items():
        if status != "plans":
            assert name in result.stderr, f"{name} is not named in the summary"
    page = "".join(p.read_text(encoding="utf-8") for p in [out / "report.md", *sorted((out / "report").glob("*.md"))])  # its pages
    assert "image.txt" in page or "image&#46;txt" in page
    strict = run_cli("ingest", str(bad["raw"]), "--out", str(tmp_path / "strict"), "--registry", str(tmp_path / "reg2.json"), "--quiet", "--strict")
    assert strict.returncode == 1


def test_cli_fails_when_nothing_could_be_read(run_cli, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    result = run_cli("ingest", str(raw), "--out", str(tmp_path / "out"), "--registry", str(tmp_path / "reg.json"), "--quiet")
    assert result.returncode == 1
    assert "image.txt" in result.stderr and "PNG" in result.stderr
