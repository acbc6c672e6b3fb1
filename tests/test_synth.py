"""The synthetic benchmark corpus: deterministic, varied, and shaped like raw collected plans."""
from scripts import clean, ingest
from scripts.bench import synth


def test_same_index_gives_the_same_bytes_and_different_indexes_differ(tmp_path):
    first = synth.write_corpus(tmp_path / "a", 12)
    again = synth.write_corpus(tmp_path / "b", 12)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert len({p.read_bytes() for p in first}) == 12
    assert [p.relative_to(tmp_path / "a").as_posix() for p in first[:2]] == ["000/plan-000000.txt", "000/plan-000001.txt"]


def test_another_seed_gives_another_corpus():
    assert synth.plan_text(3, seed=0) != synth.plan_text(3, seed=1)


def test_files_carry_chrome_readings_and_page_markers_that_the_cleaner_removes():
    texts = [synth.plan_text(i)[0] for i in range(8)]
    assert any("发布时间:" in t or "發佈時間:" in t or "發布時間:" in t for t in texts)
    assert any("第1页 共" in t or "第1頁 共" in t for t in texts)
    assert any(synth.plan_text(i)[1] != "utf-8" or "們" in synth.plan_text(i)[0] or "與" in synth.plan_text(i)[0] for i in range(40))
    text, _ = synth.plan_text(0)
    cleaned = clean.clean_text(text).text
    assert "相关推荐" not in cleaned and "第1页 共" not in cleaned
    assert "一、" in cleaned


def test_every_synthetic_file_becomes_one_distinct_plan_file(tmp_path):
    synth.write_corpus(tmp_path, 10)
    outcomes = ingest.process_all([tmp_path], jobs=1)
    assert [o.status for o in outcomes] == ["plans"] * 10
    assert all(o.plans and o.plans[0].sections for o in outcomes)
