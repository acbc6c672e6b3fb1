"""Corrections a curator makes (corrections.yml): each kind of fix by permanent id and by file, exclusions,
entries that match nothing, malformed files, hostile text, and how they go with re-ingesting and the cache."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import RAW, ROOT, copy_seeds, page_parts, seed
from scripts import ingest
from scripts.publish import corrections, permalinks, writer
from scripts.publish.corrections import Change, Correction, Problem
from scripts.publish.pipeline import run_ingest
from scripts.site.build import build_site

# The seeds' plans and their permanent ids in the committed registry (read only here).
FINANCE, HUNAN, CIVIL, ANONYMOUS = seed("000").name, seed("003").name, seed("002").name, seed("004").name
HUNAN_ID, CIVIL_2_ID = "bxpv7n", "ztm5tg"  # 003's plan; 002's second plan
HOSTILE = '</title><script>alert(1)</script>{{ config.site_name }} **x** {% raw %} [a](javascript:b)'


@pytest.fixture(scope="module")
def outcomes():
    return ingest.process_all([RAW], jobs=1)


@pytest.fixture(scope="module")
def place_of():
    return permalinks.Registry.load(ROOT / "permalinks.json").place_of


def fixes(text: str) -> corrections.Corrections:
    entries, problems = corrections.parse(text)
    return corrections.Corrections("corrections.yml", "d", entries, problems)


def plan(result, source: str, index: int = 0):
    """The plan at ``index`` of ``source`` in a Corrected result or in a list of outcomes."""
    outcome = next(o for o in getattr(result, "outcomes", result) if o.source == source)
    return next(p for p in outcome.plans if p.index_in_file == index)


# --- reading the file ----------------------------------------------------------------------------------


def test_entries_are_read_with_their_lines_and_values():
    entries, problems = corrections.parse(
        "# a comment\n"
        "- plan: 234567\n"
        "  set: {title: 某局文明单位创建方案, years: [2020, 2019, 2020], level: 省级最佳}\n"
        "  note: 标题取自正文\n"
        "- file: a/b.txt\n"
        "  plan_index: 2\n"
        "  exclude: yes\n"
        "- file: c.txt\n"
        "  set:\n"
        "    unit: ~\n"
        "    years: 2021\n"
    )
    assert problems == ()
    assert entries == (
        Correction(2, plan="234567", changes=(("title", "某局文明单位创建方案"), ("years", (2019, 2020)), ("level", "省级最佳")), note="标题取自正文"),
        Correction(5, file="a/b.txt", plan_index=2, exclude=True),
        Correction(8, file="c.txt", changes=(("unit", ""), ("years", (2021,)))),
    )
    assert [e.target() for e in entries] == ["plan: 234567", "file: a/b.txt, plan_index: 2", "file: c.txt"]


@pytest.mark.parametrize(
    "entry, line, message",
    [
        ("- plan: abc234\n  set: {colour: red}\n", 2, "set: 中没有「colour」这一项（可写：title、unit、sector、region、years、level）"),
        ("- plan: abc234\n  exclude: true\n  why: x\n", 3, "条目中没有「why」这一项（可写：plan、file、plan_index、set、exclude、note）"),
        ("- plan: abc234\n  set:\n    title: [a, b]\n", 3, "这里应写文字，不是列表或映射"),
        ("- plan: abc234\n  set: {title: ''}\n", 2, "不能为空"),
        ("- plan: abc234\n  set: {title: \"a\\nb\"}\n", 2, "文字必须写在一行内"),
        ("- plan: abc234\n  set:\n    years: [2019, 3019]\n", 3, "3019 不是合理的年份（见 rules/lexicon.yml 的 years.year）"),
        ("- plan: abc234\n  set:\n    years: 2019-2020\n", 3, "years 应是一个年份或一列年份，例如 [2019, 2020]，不能是「2019-2020」"),
        ("- plan: abc234\n  set: {level: 省}\n", 2, "没有「省」这个级别（可写：全国、全国最佳、全国标兵、全国示范、区级、区级最佳、区级标兵、区级示范、县级、县级最佳、县级标兵、县级示范、市级、市级最佳、市级标兵、市级示范、省级、省级最佳、省级标兵、省级示范，或留空）"),
        ("- plan: abc234\n  exclude: 1\n", 2, "exclude 只能是 true 或 false，不能是「1」"),
        ("- file: a.txt\n  plan_index: -1\n  exclude: true\n", 2, "plan_index 不能小于 0（0 是文件中的第一篇）"),
        ("- file: a.txt\n  plan_index: first\n  exclude: true\n", 2, "plan_index 应是整数（0 是文件中的第一篇），不能是「first」"),
        ("- plan: abc234\n  plan_index: 1\n  exclude: true\n", 2, "plan_index 只与 file: 一起用（plan: 永久编号已经指明一篇）"),
        ("- plan: abc234\n  file: a.txt\n  exclude: true\n", 1, "每一条用「plan: 永久编号」或「file: 文件名」指明方案，两者只写一个"),
        ("- set: {title: 方案}\n", 1, "每一条用「plan: 永久编号」或「file: 文件名」指明方案，两者只写一个"),
        ("- plan: abc234\n  exclude: true\n  set: {title: 方案}\n", 1, "一条不能既排除（exclude）又修改（set）"),
        ("- plan: abc234\n  exclude: false\n", 1, "这一条什么也不改：请写 set: 和要改的项，或写 exclude: true"),
        ("- plan: abc234\n  plan: abc235\n  exclude: true\n", 2, "条目中「plan」写了两次"),
        ("- just a line\n", 1, "每一条应写成若干「名称: 值」，如「plan: abc234」或「file: 文件名」"),
    ],
)
def test_a_bad_entry_is_reported_with_its_line_and_the_others_stand(entry, line, message):
    good = "- file: ok.txt\n  exclude: true\n"
    entries, problems = corrections.parse(good + entry + good)
    assert [e.line for e in entries] == [1, 3 + entry.count("\n")]
    assert len(problems) == 1 and problems[0].line == line + 2, problems
    assert problems[0].message == message + "；这一条未使用"


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("- plan: abc234\n  set: {title: 方案\n- file: x\n", 3, "不是有效的 YAML（expected ',' or '}', but got ':'），整个文件未使用"),
        ("- plan: abc234\n\texclude: true\n", 2, "不是有效的 YAML（found character '\\t' that cannot start any token），整个文件未使用"),
        ("plan: abc234\nexclude: true\n", 1, "文件应是一列条目，每条以「- 」开头；整个文件未使用"),
        ("- file: a\n  exclude: true\n---\n- file: b\n  exclude: true\n", 3, "不是有效的 YAML（but found another document），整个文件未使用"),
    ],
)
def test_a_file_that_cannot_be_read_as_a_list_is_reported_and_ignored(text, line, message):
    entries, problems = corrections.parse(text)
    assert entries == ()
    assert [(p.line, p.message) for p in problems] == [(line, message)]


YAML_BITS = ["- ", "  ", "\n", "plan: ", "file: ", "plan_index: ", "set:", "exclude: ", "note: ", "title: ", "years: ", "level: ",
             "[", "]", "{", "}", ", ", "&a ", "*a", "!!int ", "? ", "'", '"', "#", "\t", "\x00", "2019", "-1", "true", "省级", "<b>"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(YAML_BITS) | st.text(max_size=3), max_size=40))
def test_any_text_gives_entries_or_problems_and_never_raises(bits):
    text = "".join(bits)
    entries, problems = corrections.parse(text)
    lines = len(re.split("\r\n|[\r\n\x85\u2028\u2029]", text))  # YAML's line breaks
    assert all(1 <= p.line <= lines for p in problems) and all(1 <= e.line <= lines for e in entries)
    assert all(p.message.endswith("未使用") for p in problems)


@pytest.mark.parametrize("text, line", [("[" * 5000, 1), ("- file: a\n  exclude: true\n- file: b\x00\n", 3)])
def test_deep_nesting_and_forbidden_characters_are_reported(text, line):
    entries, problems = corrections.parse(text)
    assert entries == () and [p.line for p in problems] == [line] and problems[0].message.endswith("整个文件未使用")


def test_no_file_empty_file_and_bad_bytes(tmp_path):
    assert corrections.load(None) == corrections.load(tmp_path / "absent.yml") == corrections.Corrections()
    (tmp_path / "empty.yml").write_text("# nothing yet\n", encoding="utf-8")
    empty = corrections.load(tmp_path / "empty.yml")
    assert (empty.name, empty.entries, empty.problems) == ("empty.yml", (), ()) and len(empty.digest) == 64
    (tmp_path / "gbk.yml").write_bytes("- file: a.txt\n  set: {title: 方案}\n".encode("gbk"))
    assert corrections.load(tmp_path / "gbk.yml").problems == (Problem(2, "不是 UTF-8 文本：请把文件另存为 UTF-8"),)


# --- applying it -----------------------------------------------------------------------------------------

FIELD_FIXES = [
    ("title", "湖南省财政厅2019-2020年创建全国文明单位工作方案", "湖南省财政厅2019-2020年创建全国文明单位工作方案"),
    ("unit", "湖南省财政厅机关", "湖南省财政厅机关"),
    ("sector", "机关", "机关"),
    ("region", "长沙市", "长沙市"),
    ("years", "[2019, 2020, 2021]", (2019, 2020, 2021)),
    ("level", "省级最佳", "省级最佳"),
]
OLD = {"title": "湖南省财政厅创建全国文明单位工作方案（2019-2020年）", "unit": "湖南省财政厅", "sector": "财政", "region": "湖南省", "years": (2019, 2020), "level": "全国"}


@pytest.mark.parametrize("key", [f"plan: {HUNAN_ID}", f"file: {HUNAN}"])
@pytest.mark.parametrize("field, written, value", FIELD_FIXES)
def test_each_field_is_fixed_by_id_and_by_file(outcomes, place_of, key, field, written, value):
    result = corrections.apply(outcomes, fixes(f"- {key}\n  set:\n    {field}: {written}\n"), place_of)
    fixed = plan(result, HUNAN)
    got = fixed.title if field == "title" else getattr(fixed.meta, field)
    assert (tuple(got) if field == "years" else got) == value
    assert [(a.source_file, a.index_in_file, a.changes) for a in result.applied] == [(HUNAN, 0, (Change(field, OLD[field], value),))]
    assert result.unmatched == []
    untouched = plan(outcomes, HUNAN)
    assert (untouched.title, tuple(untouched.meta.years), untouched.meta.level) == (OLD["title"], OLD["years"], OLD["level"])


def test_one_plan_of_a_multi_plan_file_by_id_and_by_index(outcomes, place_of):
    result = corrections.apply(
        outcomes,
        fixes(f"- plan: {CIVIL_2_ID}\n  set: {{unit: 某州民政局}}\n- file: {CIVIL}\n  plan_index: 2\n  set: {{years: 2012}}\n"),
        place_of,
    )
    plans = [(p.index_in_file, p.meta.unit, p.meta.years) for p in next(o for o in result.outcomes if o.source == CIVIL).plans]
    assert plans == [(0, "", []), (1, "某州民政局", []), (2, "恩施州民政局", [2012])]


def test_a_whole_file_gets_a_field_when_no_plan_index_is_given(outcomes):
    result = corrections.apply(outcomes, fixes(f"- file: {CIVIL}\n  set: {{region: 恩施州}}\n"))
    assert [(a.index_in_file, a.changes) for a in result.applied] == [
        (0, (Change("region", "", "恩施州"),)),
        (1, (Change("region", "", "恩施州"),)),
        (2, ()),  # already so: listed, with nothing changed
    ]


def test_naming_the_unit_of_an_anonymised_plan(outcomes):
    result = corrections.apply(outcomes, fixes(f"- file: {ANONYMOUS}\n  set: {{unit: 某县文化馆}}\n"))
    assert plan(result, ANONYMOUS).meta.unit_anonymised is False
    assert result.applied[0].changes == (Change("unit", "", "某县文化馆"), Change("unit_anonymised", True, False))


def test_exclude_a_file(outcomes):
    result = corrections.apply(outcomes, fixes(f"- file: {FINANCE}\n  exclude: true\n  note: 不是方案\n"))
    excluded = next(o for o in result.outcomes if o.source == FINANCE)
    assert (excluded.status, excluded.reason, excluded.plans, excluded.prints) == ("excluded", "被 corrections.yml 第 1 行排除", [], [])
    assert excluded.removed == next(o for o in outcomes if o.source == FINANCE).removed  # nothing else lost
    assert [(a.source_file, a.index_in_file) for a in result.applied] == [(FINANCE, None)]
    assert next(o for o in outcomes if o.source == FINANCE).status == "plans"  # the input is not changed


def test_exclude_one_plan_keeps_the_others_and_their_prints(outcomes, place_of):
    result = corrections.apply(outcomes, fixes(f"- plan: {CIVIL_2_ID}\n  exclude: true\n"), place_of)
    before = next(o for o in outcomes if o.source == CIVIL)
    after = next(o for o in result.outcomes if o.source == CIVIL)
    assert [p.index_in_file for p in after.plans] == [0, 2] and after.status == "plans"
    assert after.prints == [before.prints[0], before.prints[2]]
    assert [(a.index_in_file, a.title) for a in result.applied] == [(1, "民政精神文明建设工作计划（2）")]
    assert len(before.plans) == 3


def test_excluding_every_plan_of_a_file_excludes_the_file(outcomes):
    result = corrections.apply(outcomes, fixes(f"- file: {HUNAN}\n  plan_index: 0\n  exclude: true\n"))
    excluded = next(o for o in result.outcomes if o.source == HUNAN)
    assert (excluded.status, excluded.reason, excluded.plans) == ("excluded", "每一篇都被 corrections.yml 排除", [])


def test_entries_that_match_nothing_are_reported(outcomes, place_of):
    result = corrections.apply(
        outcomes,
        fixes(
            "- plan: zzzzzz\n  set: {title: 方案}\n"
            "- file: gone.txt\n  exclude: true\n"
            f"- file: {CIVIL}\n  plan_index: 3\n  set: {{title: 方案}}\n"
            f"- file: {FINANCE}\n  exclude: true\n"
            f"- file: {FINANCE}\n  set: {{title: 方案}}\n"
            f"- plan: {CIVIL_2_ID}\n  exclude: true\n"
            f"- file: {CIVIL}\n  plan_index: 1\n  set: {{title: 方案}}\n"
        ),
        place_of,
    )
    assert [(u.correction.line, u.reason) for u in result.unmatched] == [
        (1, "没有永久编号为 zzzzzz 的方案（永久编号见各方案页，也记在 permalinks.json 中）"),
        (3, "没有名为 gone.txt 的原始文件"),
        (5, f"{CIVIL} 中没有 plan_index: 3（它的方案是 0 到 2）"),
        (10, "已被第 8 行排除"),
        (14, "已被第 12 行排除"),
    ]
    assert [a.correction.line for a in result.applied] == [8, 12]


def test_an_id_finds_its_plan_after_it_moved_in_its_file_or_to_another_file(outcomes, place_of):
    source, index, print_hash = place_of(CIVIL_2_ID)
    entry = fixes(f"- plan: {CIVIL_2_ID}\n  set: {{title: 第二篇}}\n")
    moved = corrections.apply(outcomes, entry, lambda _: (source, 0, print_hash))  # the registry's index is stale
    renamed = corrections.apply(outcomes, entry, lambda _: ("old-name.txt", 5, print_hash))
    lost = corrections.apply(outcomes, entry, lambda _: ("old-name.txt", 5, "0" * 16))
    assert plan(moved, CIVIL, 1).title == plan(renamed, CIVIL, 1).title == "第二篇"
    assert [u.reason for u in lost.unmatched] == [f"方案 {CIVIL_2_ID} 原在 old-name.txt（plan_index: 5），该文件中已没有它"]


def test_the_report_part_lists_every_entry(outcomes):
    result = corrections.apply(outcomes, fixes(f"- file: {FINANCE}\n  set: {{years: [2016]}}\n- file: nope.txt\n  exclude: true\n- plan: x\n"))
    report = corrections.report(result, result.outcomes)
    assert report == {
        "file": "corrections.yml",
        "applied": [
            {
                "line": 1, "target": f"file: {FINANCE}", "source": FINANCE, "index_in_file": 0, "id": "", "slug": "",
                "title": "财政局文明创建工作方案", "exclude": False, "changes": [{"field": "years", "old": [2014, 2015], "new": [2016]}], "note": "",
            }
        ],
        "unmatched": [{"line": 3, "target": "file: nope.txt", "reason": "没有名为 nope.txt 的原始文件", "note": ""}],
        "problems": [{"line": 5, "message": "这一条什么也不改：请写 set: 和要改的项，或写 exclude: true；这一条未使用"}],
    }
    assert corrections.report(None, outcomes) == {"file": "", "applied": [], "unmatched": [], "problems": []}


# --- through ingest and publish ----------------------------------------------------------------------------


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and ".cache" not in p.parts}


def build(tmp: Path, raw: Path, text: str | None, name: str = "docs", cache: bool = True) -> tuple[Path, dict]:
    """run_ingest with the committed registry's ids (a copy) and ``text`` as corrections.yml (None: no file)."""
    registry = tmp / f"{name}.json"
    if not registry.exists():
        shutil.copy(ROOT / "permalinks.json", registry)
    path = tmp / "corrections.yml"
    path.unlink(missing_ok=True)
    if text is not None:
        path.write_text(text, encoding="utf-8")
    out = tmp / name
    run_ingest([raw], out, 1, registry, quiet=True, cache_dir=str(tmp / "cache") if cache else "", corrections_file=path)
    return out, json.loads((out / "data" / "report.json").read_text(encoding="utf-8"))


def page_of(out: Path, plan_id: str) -> tuple[dict, BeautifulSoup]:
    plans = json.loads((out / "data" / "plans.json").read_text(encoding="utf-8"))["plans"]
    slug = next(p["slug"] for p in plans if p["id"] == plan_id)
    meta, body = page_parts((out / "plans" / f"{slug}.md").read_text(encoding="utf-8"))
    return meta, BeautifulSoup(body, "html.parser")


def test_hostile_text_is_escaped_on_the_built_pages(tmp_path):
    raw = copy_seeds(tmp_path / "raw")
    note = "<img src=x onerror=alert(2)> **n**"
    out, report = build(tmp_path, raw, f"- plan: {HUNAN_ID}\n  set:\n    title: '{HOSTILE}'\n    unit: '<b>局</b>'\n  note: '{note}'\n- file: '<i>{{{{x}}}}</i>'\n  exclude: true\n")
    meta, soup = page_of(out, HUNAN_ID)
    assert meta["title"] == HOSTILE and meta["unit"] == "<b>局</b>"  # plain text; hooks/kb.py escapes it for the theme
    assert soup.find_all(("script", "b", "strong", "img")) == [] and "<b>局</b>" in soup.get_text()
    for page in ("report.md", "index.md", *(p.relative_to(out).as_posix() for p in (out / "types").glob("*.md"))):
        _, body = page_parts((out / page).read_text(encoding="utf-8"))
        assert "{{" not in body and "{%" not in body and "**" not in body, page
        parsed = BeautifulSoup(body, "html.parser")
        assert parsed.find_all(("script", "b", "i", "img")) == [] and not [t for t in parsed.find_all("strong") if "x" in t.get_text()], page
    assert report["corrections"]["applied"][0]["changes"][0] == {"field": "title", "old": OLD["title"], "new": HOSTILE}

    build_site(tmp_path / "site", docs_dir=out)
    slug = next(a["slug"] for a in report["corrections"]["applied"] if a["id"] == HUNAN_ID)
    site_page = BeautifulSoup((tmp_path / "site" / "plans" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert site_page.title.get_text() == f"{HOSTILE} - 文明创建工作方案参考库"
    assert site_page.h1.get_text() == HOSTILE
    assert not [s for s in site_page.find_all("script") if "alert" in s.get_text()] and not site_page.find_all(("img", "strong"))
    report_page = BeautifulSoup((tmp_path / "site" / "report" / "index.html").read_text(encoding="utf-8"), "html.parser")
    text = report_page.select_one("div.kb-corrections").get_text()
    for piece in (HOSTILE, note, "<i>{{x}}</i>", "没有名为 <i>{{x}}</i> 的原始文件"):
        assert piece in text, piece
    assert not report_page.select("div.kb-corrections img, div.kb-corrections i, div.kb-corrections strong, div.kb-corrections script")


def test_a_malformed_file_is_reported_and_the_build_goes_on(tmp_path):
    raw = copy_seeds(tmp_path / "raw")
    plain, _ = build(tmp_path, raw, None, name="plain")
    out, report = build(tmp_path, raw, f"- plan: {HUNAN_ID}\n  set: {{title: [}}\n")
    assert report["corrections"] == {
        "file": "corrections.yml", "applied": [], "unmatched": [],
        "problems": [{"line": 2, "message": report["corrections"]["problems"][0]["message"]}],
    }
    assert report["corrections"]["problems"][0]["message"].startswith("不是有效的 YAML")
    reports = ("report.md", "data/report.json")
    assert {k: v for k, v in tree(out).items() if k not in reports} == {k: v for k, v in tree(plain).items() if k not in reports}
    section = BeautifulSoup(page_parts((out / "report.md").read_text(encoding="utf-8"))[1], "html.parser").select_one("div.kb-corrections")
    assert "2" in [td.get_text() for td in section.select("td")] and "不是有效的 YAML" in section.get_text()

    out, report = build(tmp_path, raw, f"- plan: {HUNAN_ID}\n  set: {{title: 好的标题}}\n- file: {FINANCE}\n  set: {{years: 二〇一四}}\n")
    assert [p["line"] for p in report["corrections"]["problems"]] == [4]
    assert page_of(out, HUNAN_ID)[0]["title"] == "好的标题", "the good entry still applies"


def test_exclusions_and_fixes_reach_the_site_data(tmp_path):
    raw = copy_seeds(tmp_path / "raw")
    out, report = build(tmp_path, raw, f"- file: {FINANCE}\n  exclude: true\n- plan: {CIVIL_2_ID}\n  exclude: true\n- plan: {HUNAN_ID}\n  set: {{level: 省级}}\n")
    plans = json.loads((out / "data" / "plans.json").read_text(encoding="utf-8"))["plans"]
    assert sorted((p["source_file"], p["index_in_file"]) for p in plans) == [
        (seed("001").name, 0), (CIVIL, 0), (CIVIL, 2), (HUNAN, 0), (ANONYMOUS, 0)
    ]
    assert next(p for p in plans if p["id"] == HUNAN_ID)["meta"]["level"] == "省级"
    assert next(f for f in report["files"] if f["source"] == FINANCE)["status"] == "excluded"
    assert [(a["target"], a["id"]) for a in report["corrections"]["applied"]] == [
        (f"file: {FINANCE}", ""), (f"plan: {CIVIL_2_ID}", ""), (f"plan: {HUNAN_ID}", HUNAN_ID)
    ]
    assert "已排除" in (out / "report.md").read_text(encoding="utf-8")


def test_corrections_survive_re_ingest_and_a_changed_file_changes_the_incremental_output(tmp_path, monkeypatch):
    raw = copy_seeds(tmp_path / "raw")
    written = []
    real = writer.write_pages
    monkeypatch.setattr(writer, "write_pages", lambda *args, **kwargs: written.append(real(*args, **kwargs)) or written[-1])
    first = f"- plan: {HUNAN_ID}\n  set: {{title: 第一次修正的标题}}\n"
    out, _ = build(tmp_path, raw, first)
    assert page_of(out, HUNAN_ID)[0]["title"] == "第一次修正的标题"
    before = tree(out)

    processed = []
    real_process = ingest.process_all
    monkeypatch.setattr(ingest, "process_all", lambda *args, **kwargs: processed.append(1) or real_process(*args, **kwargs))
    build(tmp_path, raw, first)
    assert len(written) == 1 and processed == [], "same files, same corrections: nothing to publish, no outcome loaded"
    assert tree(out) == before

    changed = raw / HUNAN
    changed.write_bytes(changed.read_bytes() + "\n五、其他\n本方案由厅办公室负责解释。\n".encode())
    build(tmp_path, raw, first)
    assert len(written) == 2 and page_of(out, HUNAN_ID)[0]["title"] == "第一次修正的标题", "re-ingested, still corrected"

    build(tmp_path, raw, first + "  note: 只改了说明\n")
    assert len(written) == 3, "the file changed: published again"
    build(tmp_path, raw, f"- plan: {HUNAN_ID}\n  set: {{title: 第二次修正的标题}}\n")
    assert len(written) == 4 and page_of(out, HUNAN_ID)[0]["title"] == "第二次修正的标题"
    assert any(path.startswith("plans/") and path.endswith(".md") for path in written[-1].written)
    build(tmp_path, raw, None)
    assert page_of(out, HUNAN_ID)[0]["title"] == OLD["title"], "no file: the plan as parsed"
    assert not list(raw.glob("*.yml")) and sorted(p.name for p in raw.iterdir()) == sorted(p.name for p in RAW.iterdir())


def test_same_inputs_give_byte_identical_outputs(tmp_path):
    raw = copy_seeds(tmp_path / "raw")
    text = f"- file: {FINANCE}\n  exclude: true\n- plan: {HUNAN_ID}\n  set: {{title: 方案, years: [2020]}}\n- plan: nothing\n  exclude: true\n"
    one, _ = build(tmp_path, raw, text, name="one", cache=False)
    two, _ = build(tmp_path, raw, text, name="two")
    warm, _ = build(tmp_path, raw, text, name="warm")
    assert tree(one) == tree(two) == tree(warm)
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()


def test_the_command_line_takes_a_corrections_file(tmp_path, run_cli):
    path = tmp_path / "fix.yml"
    path.write_text(f"- file: {FINANCE}\n  exclude: true\n- file: nope.txt\n  exclude: true\n- file: {HUNAN}\n  set: {{colour: red}}\n", encoding="utf-8")
    registry = tmp_path / "perm.json"
    shutil.copy(ROOT / "permalinks.json", registry)
    done = run_cli("ingest", str(RAW), "--out", str(tmp_path / "out"), "--registry", str(registry), "--corrections", str(path), "--jobs", "1")
    assert done.returncode == 0, done.stderr
    assert "人工修正 fix.yml：应用 1 条，未匹配 1 条，有误 1 条" in done.stderr
    assert "fix.yml:6: set: 中没有「colour」这一项" in done.stderr and "fix.yml:3: file: nope.txt：没有匹配：没有名为 nope.txt 的原始文件" in done.stderr
    assert "重复 0 个、按修正排除 1 个；" in done.stderr
    assert "--corrections PATH" in run_cli("build", "--help").stdout
