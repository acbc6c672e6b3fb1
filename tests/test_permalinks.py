"""The permalink registry: ids, slugs and anchors survive re-ingesting, and saving never truncates."""
from __future__ import annotations

import json
import os
import re

import pytest

from scripts.models import Item, Plan, PlanMeta, Section
from scripts.publish import permalinks
from scripts.publish.permalinks import Redirect, Registry
from scripts.publish.slugs import slugify

GUIDE = "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，以培育和践行社会主义核心价值观为主线"
GOAL = "通过两年的努力，确保顺利通过市级文明单位复查验收，干部职工文明素质明显提升"
STUDY = "坚持每月集中学习制度，组织干部职工深入学习党的创新理论，每季度开展一次专题研讨"
VOLUNTEER = "组建学雷锋志愿服务队，每月第三个周六到结对社区开展环境整治和关爱空巢老人志愿服务"
MORAL = "每季度举办一期道德讲堂，讲身边好人故事，评选表彰机关“最美家庭”和“文明科室”"
CLEAN = "开展机关办公环境卫生大整治，落实门前三包责任制，做到办公区域整洁有序、绿化美化"
CIVIL = "深入开展文明交通、文明餐桌、光盘行动等文明礼仪宣传教育，倡导健康文明的生活方式"
SERVICE = "优化窗口服务流程，推行首问负责制和限时办结制，群众满意率达到百分之九十五以上"
LEAD = "成立文明单位创建工作领导小组，由局长任组长，分管副局长任副组长，各科室负责人为成员"
FUND = "将创建工作经费列入年度预算，保障宣传阵地建设、志愿服务和文体活动所需经费"
NEW_A = "建立创建工作台账，按月收集整理图片、文字等过程资料，做到有据可查"
NEW_B = "每年组织一次职工运动会和读书分享会，丰富干部职工的精神文化生活"


def make_plan(title: str, sections: list[tuple[str, list[str]]], source: str = "014_a.txt", index: int = 0) -> Plan:
    """A plan as the parser gives it: positional anchors s<n> / i<n>-<m>, numbers 1, 2, 3 …"""
    built = []
    for s, (heading, texts) in enumerate(sections, 1):
        items = [Item(anchor=f"i{s}-{n}", number=str(n), text=text) for n, text in enumerate(texts, 1)]
        built.append(Section(anchor=f"s{s}", number="一二三四五六"[s - 1], title=heading, level=1, items=items))
    return Plan(title=title, meta=PlanMeta(), source_file=source, index_in_file=index, sections=built)


def base_plan(**kwargs) -> Plan:
    return make_plan(
        "市财政局2019年文明单位创建工作方案",
        [
            ("指导思想", [GUIDE]),
            ("创建目标", [GOAL]),
            ("主要措施", [STUDY, VOLUNTEER, MORAL, CLEAN, CIVIL, SERVICE]),
            ("保障措施", [LEAD, FUND]),
        ],
        **kwargs,
    )


def anchors(plan: Plan) -> dict[str, str]:
    """Item or section text → its anchor."""
    result = {}
    for section in permalinks.walk_sections(plan.sections):
        result[section.title] = section.anchor
        for item in section.items:
            result[item.text] = item.anchor
    return result


def first_run(tmp_path, *plans: Plan) -> Registry:
    registry = Registry.load(tmp_path / "permalinks.json")
    assert registry.assign(list(plans)) == []
    registry.save()
    return Registry.load(tmp_path / "permalinks.json")


def test_first_run_records_id_slug_and_parser_anchors(tmp_path):
    plan = base_plan()
    first_run(tmp_path, plan)
    assert re.fullmatch(r"[a-z2-7]{6}", plan.id)
    assert plan.slug == slugify("市财政局2019年文明单位创建工作方案")
    assert anchors(plan)[STUDY] == "i3-1"
    assert anchors(plan)["保障措施"] == "s4"

    text = (tmp_path / "permalinks.json").read_text(encoding="utf-8")
    assert text.endswith("}\n")
    data = json.loads(text)
    assert data["version"] == 2
    entry = data["plans"][plan.id]
    assert entry["slug"] == plan.slug
    assert entry["source_file"] == "014_a.txt"
    assert set(entry["items"]) == {"i1-1", "i2-1", "i3-1", "i3-2", "i3-3", "i3-4", "i3-5", "i3-6", "i4-1", "i4-2"}
    hash_, sketch, section = entry["items"]["i3-2"].split(" ")  # one string per item: compact
    assert section == "s3" and re.fullmatch(r"[0-9a-f]{16}", hash_) and re.fullmatch(r"\d+/[A-Za-z0-9+/]+", sketch)
    assert len(entry["sections"]["s3"].split(" ")) == 2
    rows = text.splitlines()[1:-1]  # one plan per line, sorted by id, each compact with sorted keys
    assert [row.split(":", 1)[0] for row in rows] == [json.dumps(k) for k in sorted(data["plans"])]
    assert rows[0].rstrip(",") == json.dumps(plan.id) + ":" + json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def test_same_plan_again_changes_nothing(tmp_path):
    before = base_plan()
    registry = first_run(tmp_path, before)
    again = base_plan()
    assert registry.assign([again]) == []
    assert (again.id, again.slug, anchors(again)) == (before.id, before.slug, anchors(before))
    assert registry.aliases_for(again) == {}
    registry.save()
    assert json.loads((tmp_path / "permalinks.json").read_text(encoding="utf-8"))["plans"].keys() == {before.id}


def test_better_title_renumbering_and_inserted_items_keep_everything(tmp_path):
    before = base_plan()
    registry = first_run(tmp_path, before)
    # title extraction improved, an item was inserted before the others, one section was inserted
    after = make_plan(
        "湖北省某市财政局2019年度市级文明单位创建工作实施方案",
        [
            ("指导思想", [GUIDE]),
            ("工作原则", [NEW_B]),
            ("创建目标", [GOAL]),
            ("主要措施", [NEW_A, STUDY, VOLUNTEER, MORAL, CLEAN, CIVIL, SERVICE]),
            ("保障措施", [LEAD, FUND]),
        ],
    )
    assert registry.assign([after]) == []
    assert (after.id, after.slug) == (before.id, before.slug)
    old, new = anchors(before), anchors(after)
    for text in (GUIDE, GOAL, STUDY, VOLUNTEER, MORAL, CLEAN, CIVIL, SERVICE, LEAD, FUND, "主要措施", "保障措施"):
        assert new[text] == old[text], text
    # the parser called the new items i2-1 and i4-1, but those anchors belong to other items forever
    assert new[NEW_B] == "i2-1-v2"
    assert new[NEW_A] == "i4-1-v2"
    assert new["工作原则"] == "s2-v2"
    assert registry.aliases_for(after) == {}


def test_small_edits_and_punctuation_keep_anchors(tmp_path):
    before = base_plan()
    registry = first_run(tmp_path, before)
    edited = base_plan()
    section = edited.sections[2]
    section.items[1].text = VOLUNTEER.replace("每月第三个周六", "每月第二个周六") + "。"
    section.items[2].text = MORAL.replace("，", ",").replace("“", '"').replace("”", '"')
    registry.assign([edited])
    assert anchors(edited)[section.items[1].text] == "i3-2"
    assert anchors(edited)[section.items[2].text] == "i3-3"


def test_split_item_keeps_anchor_on_one_part(tmp_path):
    before = base_plan()
    registry = first_run(tmp_path, before)
    head, tail = "组建学雷锋志愿服务队", "每月第三个周六到结对社区开展环境整治和关爱空巢老人志愿服务"
    after = make_plan(
        "市财政局2019年文明单位创建工作方案",
        [("指导思想", [GUIDE]), ("创建目标", [GOAL]), ("主要措施", [STUDY, head, tail, MORAL, CLEAN, CIVIL, SERVICE]),
         ("保障措施", [LEAD, FUND])],
    )
    registry.assign([after])
    new = anchors(after)
    assert new[tail] == "i3-2"  # the larger part keeps the anchor
    assert new[head] not in anchors(before).values()
    assert (new[MORAL], new[SERVICE]) == ("i3-3", "i3-6")  # renumbered neighbours too
    assert registry.aliases_for(after) == {}


def test_merged_items_leave_an_alias(tmp_path):
    before = base_plan()
    registry = first_run(tmp_path, before)
    merged = CLEAN + CIVIL
    after = make_plan(
        "市财政局2019年文明单位创建工作方案",
        [("指导思想", [GUIDE]), ("创建目标", [GOAL]), ("主要措施", [STUDY, VOLUNTEER, MORAL, merged, SERVICE]),
         ("保障措施", [LEAD, FUND])],
    )
    registry.assign([after])
    kept = anchors(after)[merged]
    assert kept in ("i3-4", "i3-5")
    other = ({"i3-4", "i3-5"} - {kept}).pop()
    assert registry.aliases_for(after) == {kept: [other]}


def test_dropped_item_becomes_alias_of_its_section_and_comes_back(tmp_path):
    before = base_plan()
    registry = first_run(tmp_path, before)
    dropped = base_plan()
    dropped.sections[3].items.pop()  # FUND, nothing similar survives
    registry.assign([dropped])
    assert registry.aliases_for(dropped) == {"s4": ["i4-2"]}
    registry.save()

    # still an alias on the next run, and the anchor is never handed to another item
    registry = Registry.load(tmp_path / "permalinks.json")
    later = base_plan()
    later.sections[3].items[1].text = NEW_A
    registry.assign([later])
    assert anchors(later)[NEW_A] == "i4-2-v2"
    assert registry.aliases_for(later) == {"s4": ["i4-2"]}

    # the item reappears: it gets its old anchor back
    back = base_plan()
    registry.assign([back])
    assert anchors(back)[FUND] == "i4-2"
    assert registry.aliases_for(back) == {"s4": ["i4-2-v2"]}


def test_dropped_item_points_to_most_similar_survivor(tmp_path):
    before = base_plan()
    registry = first_run(tmp_path, before)
    after = base_plan()
    measures = after.sections[2]
    measures.items = [item for item in measures.items if item.text not in (MORAL,)]
    measures.items[0].text = STUDY + "每季度举办一期道德讲堂，讲身边好人故事，评选表彰机关最美家庭"  # most of MORAL
    registry.assign([after])
    assert anchors(after)[measures.items[0].text] == "i3-1"
    assert registry.aliases_for(after) == {"i3-1": ["i3-3"]}


def test_renamed_section_keeps_anchor_and_vanished_section_points_to_its_items(tmp_path):
    before = base_plan()
    registry = first_run(tmp_path, before)
    after = make_plan(
        "市财政局2019年文明单位创建工作方案",
        [
            ("指导思想和创建目标", [GUIDE, GOAL]),  # 指导思想 and 创建目标 merged
            ("创建内容和工作措施", [STUDY, VOLUNTEER, MORAL, CLEAN, CIVIL, SERVICE]),  # renamed
            ("保障措施", [LEAD, FUND]),
        ],
    )
    registry.assign([after])
    new = anchors(after)
    assert new["创建内容和工作措施"] == "s3"
    assert new["保障措施"] == "s4"
    assert new["指导思想和创建目标"] in ("s1", "s2")
    gone = ({"s1", "s2"} - {new["指导思想和创建目标"]}).pop()
    assert registry.aliases_for(after) == {new["指导思想和创建目标"]: [gone]}
    assert (new[GUIDE], new[GOAL]) == ("i1-1", "i2-1")


def test_order_of_plans_does_not_matter(tmp_path):
    def plans():
        a = base_plan(source="001_a.txt")
        b = base_plan(source="002_b.txt")  # the same text saved from another site
        c = make_plan("民政精神文明建设工作计划(1)", [("一、加强学习", [STUDY, CIVIL])], source="003_c.txt", index=0)
        d = make_plan("民政精神文明建设工作计划(2)", [("一、志愿服务", [VOLUNTEER, CLEAN])], source="003_c.txt", index=1)
        return [a, b, c, d]

    forward, backward = plans(), plans()
    r1, r2 = Registry.load(tmp_path / "one.json"), Registry.load(tmp_path / "two.json")
    r1.assign(forward)
    r2.assign(list(reversed(backward)))
    r1.save()
    r2.save()
    assert [(p.id, p.slug, anchors(p)) for p in forward] == [(p.id, p.slug, anchors(p)) for p in backward]
    assert (tmp_path / "one.json").read_text(encoding="utf-8") == (tmp_path / "two.json").read_text(encoding="utf-8")
    assert forward[1].slug == forward[0].slug + "-2"
    assert len({p.id for p in forward}) == 4


def test_copies_in_two_files_keep_their_own_ids(tmp_path):
    a, b = base_plan(source="001_a.txt"), base_plan(source="002_b.txt")
    registry = first_run(tmp_path, a, b)
    b2, a2 = base_plan(source="002_b.txt"), base_plan(source="001_a.txt")
    registry.assign([b2, a2])
    assert (a2.id, b2.id) == (a.id, b.id)


def test_renamed_file_keeps_id(tmp_path):
    before = base_plan(source="014_a.txt")
    registry = first_run(tmp_path, before)
    after = base_plan(source="2019/财政局创建方案.txt")
    assert registry.assign([after]) == []
    assert (after.id, after.slug, anchors(after)) == (before.id, before.slug, anchors(before))


def test_maintainer_renames_slug(tmp_path):
    before = base_plan()
    first_run(tmp_path, before)
    path = tmp_path / "permalinks.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["plans"][before.id]["slug"] = "caizhengju-2019"
    path.write_text(json.dumps(data), encoding="utf-8")

    registry = Registry.load(path)
    after = base_plan()
    expected = [Redirect(f"plans/{before.slug}.md", "plans/caizhengju-2019.md")]
    assert registry.assign([after]) == expected
    assert after.slug == "caizhengju-2019"
    registry.save()
    again = base_plan()
    assert Registry.load(path).assign([again]) == expected  # redirects are returned on every run
    assert again.slug == "caizhengju-2019"


@pytest.mark.parametrize("bad", ["../x", "Ca Zheng", "con", "", "-x"])
def test_unsafe_slug_edit_is_refused(tmp_path, bad):
    before = base_plan()
    first_run(tmp_path, before)
    path = tmp_path / "permalinks.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["plans"][before.id]["slug"] = bad
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="unsafe slug"):
        Registry.load(path).assign([base_plan()])


def test_slug_edit_that_collides_is_refused(tmp_path):
    a = base_plan(source="001_a.txt")
    b = make_plan("民政精神文明建设工作计划", [("一、加强学习", [STUDY, CIVIL])], source="002_b.txt")
    first_run(tmp_path, a, b)
    path = tmp_path / "permalinks.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["plans"][b.id]["slug"] = a.slug
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="already used"):
        Registry.load(path).assign([base_plan(source="001_a.txt")])


def test_plan_absorbed_by_another_redirects(tmp_path):
    p1 = make_plan("民政精神文明建设工作计划(1)", [("一、加强学习", [STUDY, CIVIL, SERVICE])], source="003_c.txt", index=0)
    p2 = make_plan("民政精神文明建设工作计划(2)", [("一、志愿服务", [VOLUNTEER, CLEAN])], source="003_c.txt", index=1)
    registry = first_run(tmp_path, p1, p2)
    # the splitter no longer cuts the file in two
    whole = make_plan(
        "民政精神文明建设工作计划",
        [("一、加强学习", [STUDY, CIVIL, SERVICE]), ("二、志愿服务", [VOLUNTEER, CLEAN])],
        source="003_c.txt",
    )
    redirects = registry.assign([whole])
    assert whole.id == p1.id and whole.slug == p1.slug
    assert redirects == [Redirect(f"plans/{p2.slug}.md", f"plans/{p1.slug}.md")]


def test_unsafe_parser_anchors_are_replaced(tmp_path):
    plan = base_plan()
    plan.sections[0].anchor = '"><script>'
    plan.sections[0].items[0].anchor = ""
    first_run(tmp_path, plan)
    assert plan.sections[0].anchor == "s1"
    assert plan.sections[0].items[0].anchor == "i1"


def test_missing_file_is_empty_and_damaged_file_is_an_error(tmp_path):
    assert Registry.load(tmp_path / "none.json").assign([base_plan()]) == []
    damaged = tmp_path / "damaged.json"
    damaged.write_text('{"version": 1, "plans": {"abc', encoding="utf-8")
    with pytest.raises(json.JSONDecodeError):
        Registry.load(damaged)


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_interrupted_save_leaves_old_file(tmp_path, monkeypatch, failing):
    first_run(tmp_path, base_plan())
    path = tmp_path / "permalinks.json"
    old = path.read_bytes()
    registry = Registry.load(path)
    registry.assign([base_plan(), make_plan("新方案", [("一、措施", [NEW_A, NEW_B])], source="099.txt")])

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(permalinks.os, failing, crash)
    with pytest.raises(OSError, match="disk full"):
        registry.save()
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["permalinks.json"]  # no temp file left behind

    monkeypatch.undo()
    registry.save()
    assert len(json.loads(path.read_text(encoding="utf-8"))["plans"]) == 2
    assert os.stat(path).st_mode & 0o777 == 0o644


def as_version_1(path) -> None:
    """Rewrite a registry the way version 1 stored it: a dict per section and item, sketches in hex."""

    def v1(part: str, with_section: bool) -> dict:
        hash_, sketch, *section = part.split(" ")
        old = {"hash": hash_, "sketch": f"{sketch.split('/')[0]}:" + "".join(f"{h:08x}" for h in permalinks.Sketch.decode(sketch).mins)}
        return {**old, "section": section[0]} if with_section else old

    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["plans"].values():
        entry["sketch"] = v1(f"{entry['hash']} {entry['sketch']}", False)["sketch"]
        entry["sections"] = {anchor: v1(part, False) for anchor, part in entry["sections"].items()}
        entry["items"] = {anchor: v1(part, True) for anchor, part in entry["items"].items()}
    path.write_text(json.dumps({**data, "version": 1}, ensure_ascii=False), encoding="utf-8")


def test_a_version_1_registry_gives_the_same_ids_anchors_and_aliases(tmp_path):
    for folder in ("v1", "v2"):
        (tmp_path / folder).mkdir()
        first_run(tmp_path / folder, base_plan(), base_plan(source="015_b.txt"))
    as_version_1(tmp_path / "v1" / "permalinks.json")
    assert '"i3-2":{"hash"' in (tmp_path / "v1" / "permalinks.json").read_text(encoding="utf-8").replace(" ", "")

    def rerun(folder: str) -> tuple:
        registry = Registry.load(tmp_path / folder / "permalinks.json")
        edited = make_plan("方案", [("指导思想", [GUIDE]), ("主要措施", [STUDY + "，形成长效机制", MORAL, NEW_A]), ("保障措施", [LEAD + FUND])])
        redirects = registry.assign([edited])  # items edited, merged and gone; 015_b.txt gone
        registry.save()
        data = json.loads((tmp_path / folder / "permalinks.json").read_text(encoding="utf-8"))
        entry = data["plans"][edited.id]
        live = set(anchors(edited).values())
        kept = {a: p for a, p in {**entry["items"], **entry["sections"]}.items() if a in live}  # rewritten in the new form
        return edited.id, edited.slug, anchors(edited), registry.aliases_for(edited), redirects, data["version"], kept, sorted(entry["items"])

    v1, v2 = rerun("v1"), rerun("v2")
    assert v1 == v2 and v1[3] and v1[5] == 2
