"""Golden values of the parse stage on the seeds, read back from the plans.json that `ingest` writes."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import RAW, ROOT


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    out = tmp_path_factory.mktemp("ingest")
    subprocess.run(
        [sys.executable, "-m", "scripts", "ingest", str(RAW), "--out", str(out), "--registry", str(out / "reg.json"), "--quiet"],
        cwd=ROOT, check=True, capture_output=True, timeout=300,
    )
    data = json.loads((out / "data" / "plans.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    return {(p["source_file"][:3], p["index_in_file"]): p for p in data["plans"]}


def walk(sections):
    for section in sections:
        yield section
        yield from walk(section["sections"])


def numbered_items(plan, under: str):
    top = next(s for s in plan["sections"] if s["title"] == under)
    return [i for s in walk([top]) for i in s["items"] if i["number"]]


def test_seven_plans_from_five_files(plans):
    assert sorted(plans) == [("000", 0), ("001", 0), ("002", 0), ("002", 1), ("002", 2), ("003", 0), ("004", 0)]


@pytest.mark.parametrize(
    "key, title",
    [
        (("000", 0), "财政局文明创建工作方案"),
        (("001", 0), "市政府机关事务管理局2010-2011年区级文明单位创建方案"),
        (("003", 0), "湖南省财政厅创建全国文明单位工作方案（2019-2020年）"),
        (("004", 0), "2023年精神文明建设工作实施方案"),
    ],
)
def test_titles(plans, key, title):
    assert plans[key]["title"] == title


@pytest.mark.parametrize("index", [0, 1, 2])
def test_compilation_titles_either_bracket_width(plans, index):
    assert plans[("002", index)]["title"].replace("（", "(").replace("）", ")") == f"民政精神文明建设工作计划({index + 1})"


@pytest.mark.parametrize(
    "key, years, level",
    [
        (("000", 0), [2014, 2015], "省级最佳"),
        (("001", 0), [2010, 2011], "区级"),
        (("002", 0), [], "省级"),
        (("002", 2), [], "省级最佳"),
        (("003", 0), [2019, 2020], "全国"),
        (("004", 0), [2023], "省级"),
    ],
)
def test_years_and_level(plans, key, years, level):
    assert (plans[key]["meta"]["years"], plans[key]["meta"]["level"]) == (years, level)


def test_issue_dates(plans):
    assert plans[("001", 0)]["meta"]["issue_date"] == "2010-04-16"
    assert plans[("003", 0)]["meta"]["issue_date"] == "2019-12-10"


def test_units_sectors_regions(plans):
    meta = {k: (p["meta"]["unit"], p["meta"]["sector"], p["meta"]["region"], p["meta"]["unit_anonymised"]) for k, p in plans.items()}
    assert meta[("003", 0)] == ("湖南省财政厅", "财政", "湖南省", False)
    assert meta[("001", 0)] == ("宜昌市政府机关事务管理局", "机关事务", "宜昌市", False)
    assert meta[("000", 0)] == ("市财政局", "财政", "", False)
    assert meta[("004", 0)][0] == "" and meta[("004", 0)][3] is True
    assert all(meta[("002", i)][1] == "民政" for i in range(3))


def test_003_has_25_tasks_each_with_its_lead_unit(plans):
    items = numbered_items(plans[("003", 0)], "主要任务")
    assert [i["number"] for i in items] == [str(n) for n in range(1, 26)]
    assert all(i["lead"] for i in items)
    assert items[0]["lead"] == ["机关党委"] and items[0]["support"] == ["各处室", "各单位"]
    assert items[13]["lead"] == ["机关党委", "厅工会", "企业处", "驻村扶贫队"]
    assert "牵头单位" not in items[0]["text"]


def test_002_plan3_duties_written_as_responsible_and_assisting(plans):
    items = numbered_items(plans[("002", 2)], "工作内容")
    assert items[0]["lead"] == ["机关党委"] and items[0]["support"] == ["办公室"]
    assert items[4]["support"] == ["办公室", "各科室"]


def test_phases(plans):
    assert [(p["name"], p["start"], p["end"]) for p in plans[("003", 0)]["phases"]] == [
        ("筹备发动阶段", "2019-11", "2019-11"),
        ("组织实施阶段", "2019-12", "2020-02"),
        ("总结提高阶段", "2020-03", "2020-03"),
        ("自查迎检阶段", "2020-04", "2020-04"),
    ]
    assert [(p["name"], p["start"], p["end"]) for p in plans[("004", 0)]["phases"]] == [
        ("宣传发动阶段", "2023-02", "2023-04"),
        ("全面实施阶段", "2023-04", "2023-10"),
        ("巩固、迎验阶段", "2023-10", "2023-12"),
    ]


def test_numbering_anomalies_are_flagged(plans):
    numbering = lambda key: [f["detail"] for f in plans[key]["flags"] if f["kind"] == "numbering"]  # noqa: E731
    assert numbering(("001", 0)) == ["repeated 三、 (expected 四)"]
    assert numbering(("002", 0)) == ["repeated 4、 (expected 5)"]
    assert numbering(("003", 0)) == []


def test_001_keeps_both_sections_numbered_three(plans):
    assert [(s["number"], s["title"]) for s in plans[("001", 0)]["sections"]][2:4] == [("三", "创建内容"), ("三", "创建措施")]


def test_cleaning_flags_travel_with_their_plan(plans):
    kinds = lambda key: {f["kind"] for f in plans[key]["flags"]}  # noqa: E731
    assert "mojibake" in kinds(("000", 0))
    assert "placeholder" in kinds(("004", 0))
    assert "placeholder" in kinds(("002", 0))


def test_the_notice_that_issued_003_travels_with_the_plan(plans):
    """Lines that are neither plan text nor chrome (the notice, its addressees, the signature) are kept
    beside the plan, in file order, not dropped."""
    assert plans[("003", 0)]["context"] == [
        "中共湖南省财政厅党组关于印发",
        "《湖南省财政厅创建全国文明单位工作方案（2019-2020年）》的通知",
        "厅机关各处室、单位：",
        "《湖南省财政厅创建全国文明单位工作方案（2019-2020年）》已经厅党组会审议通过，现印发给你们，请遵照执行。",
        "附件：湖南省财政厅创建全国文明单位工作方案",
        "（2019-2020年）",
        "中共湖南省财政厅党组",
        "2019年12月10日",
        "附件",
        "中共湖南省财政厅党组 2019年12月10日印发",
    ]
    assert plans[("001", 0)]["context"] == ["二〇一〇年四月十六日"]
    assert plans[("000", 0)]["context"] == []
