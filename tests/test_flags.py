"""Tests for the flag stage: mojibake, gaps, placeholders and truncation in clean text."""
from __future__ import annotations

import pytest

from conftest import seed
from scripts.clean.flags import find_flags
from scripts.clean.repair import repair_text


def kinds(text: str) -> list[tuple[str, int, str]]:
    """(kind, line, the text that was hit) for every flag."""
    return [(f.kind, f.line, f.detail) for f in find_flags(text)]


# ---------------------------------------------------------------- mojibake


@pytest.mark.parametrize(
    "line, hit",
    [
        ("设立道德讲堂，有固定的场所、有经?;幕颙?、有8个环节的规范性流程。", "经?;幕颙?"),
        ("继续抓好4?7个社区综合服务场所建设。", "4?7"),
        ("关爱社会弱\ufffd群众。", "\ufffd"),
        ("开展&ldquo;文明科室&rdqu创建。", "&ldquo;"),
        ("开展squo;文明科室评比。", "squo;"),
        ("大力开展&#8220文明创建。", "&#8220"),
        ("全面â€œ加强â€\x9d建设。", "â€œ加强â€"),
        ("浠ヤ範杩戝钩鏂版椂浠ｄ腑鍥界壒鑹茬ぞ浼氫富涔夋濇兂涓烘寚瀵。", "浠ヤ範杩戝钩鏂版椂浠ｄ腑鍥界壒鑹茬ぞ浼氫富涔夋濇兂涓烘寚瀵"),
    ],
)
def test_mojibake_is_flagged(line, hit):
    flags = [f for f in find_flags(line) if f.kind == "mojibake"]
    assert flags and {f.line for f in flags} == {1}
    assert flags[0].detail in hit


@pytest.mark.parametrize(
    "line",
    [
        "这是为什么？我们要加强学习。",
        "详见 http://www.example.gov.cn/index.php?id=3 的通知。",
        "负责同志张燮、殡葬管理所。",
        "利用“七•一”建党节组织文体活动。",
        "Is it done? Yes.",
    ],
)
def test_real_text_is_not_mojibake(line):
    assert [k for k in kinds(line) if k[0] == "mojibake"] == []


# ---------------------------------------------------------------- gaps


@pytest.mark.parametrize(
    "line, hit",
    [
        ("坚持以为指导，全面贯彻党的十九大精神。", "以为指导"),
        ("以“”重要思想为指导。", "“”"),
        ("以***新时代中国特色社会主义思想为指导。", "以***"),
        ("深化理论武装，坚持用武装头脑。", "用武装头脑"),
        ("强化以为根本的思想道德建设。", "以为根本"),
        ("以为基本内容的融入思想道德建设。", "以为基本"),
        ("以培育和践行为根本。", "践行为根本"),
        ("进行“三义”（爱国主义、集体主义、）教育。", "、）"),
        ("坚持把的核心价值体系融入全过程。", "把的"),
        ("开展和“中国梦”教育活动。", "开展和"),
    ],
)
def test_gaps_where_names_were_removed_are_flagged(line, hit):
    assert ("gap", 1, hit) in kinds(line)


@pytest.mark.parametrize(
    "line",
    [
        "我以为这项工作很重要。",
        "坚持以人为本，以为人民服务为宗旨。",
        "用先进典型武装头脑，以和为贵。",
        "开展和谐机关创建，开展和完善志愿服务。",
        "践行为人民服务的宗旨。",
    ],
)
def test_ordinary_sentences_have_no_gap(line):
    assert [k for k in kinds(line) if k[0] == "gap"] == []


# ---------------------------------------------------------------- placeholders


@pytest.mark.parametrize(
    "line, hit",
    [
        ("20XX年精神文明建设工作要点。", "XX"),
        ("XXX任组长，XX任副组长。", "XXX"),
        ("××单位文明创建方案。", "××"),
        ("某某局党组。", "某某"),
        ("20__年工作计划。", "__"),
        ("○○社区结对共建。", "○○"),
        ("于X月X日前完成。", "X月X"),
        ("组长：", "组长："),
        ("组  长：", "组  长："),
        ("联系人：电话：", "联系人："),
        ("本办法自    年  月  日起施行。", "年  月  日"),
    ],
)
def test_placeholders_are_flagged(line, hit):
    assert ("placeholder", 1, hit) in kinds(line)


@pytest.mark.parametrize(
    "line",
    [
        "组  长：石建辉",
        "组长：石建辉，副组长：石建国。",
        "二〇〇九年四月十六日",
        "购买XXL码文化衫，联系MAXX公司。",
        "成立工作领导小组，组织机构如下：",
    ],
)
def test_filled_fields_and_real_words_are_not_placeholders(line):
    assert [k for k in kinds(line) if k[0] == "placeholder"] == []


# ---------------------------------------------------------------- truncation


@pytest.mark.parametrize(
    "text",
    [
        "一、指导思想\n坚持以人为本，扎实工作，务求实效，为全面推进各项工作打牢",
        "一、指导思想\n坚持以人为本……",
        "一、指导思想\n坚持以人为本...",
    ],
)
def test_cut_off_text_is_flagged_on_its_last_line(text):
    assert [(f.kind, f.line) for f in find_flags(text + "\n")] == [("truncation", 2)]


@pytest.mark.parametrize(
    "ending",
    ["确保创建工作顺利进行。", "中共湖南省财政厅党组", "2019年12月10日", "二〇一〇年四月十六日", "三、工作要求", "附件"],
)
def test_complete_endings_are_not_truncation(ending):
    assert find_flags(f"一、指导思想\n坚持以人为本。\n{ending}\n") == []


# ---------------------------------------------------------------- flag shape


def test_each_finding_is_one_flag_with_line_and_short_excerpt():
    text = "一、指导思想\n" + "加强学习，" * 20 + "坚持以为指导，20XX年完成。\n"
    flags = find_flags(text)
    assert [(f.kind, f.line, f.detail) for f in flags] == [("gap", 2, "以为指导"), ("placeholder", 2, "XX")]
    assert all(len(f.excerpt) <= 40 and f.detail in f.excerpt for f in flags)


def test_clean_text_has_no_flags():
    assert find_flags("一、指导思想\n以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神。\n") == []
    assert find_flags("") == []


# ---------------------------------------------------------------- seeds (after repair)


def flags_of_seed(prefix: str) -> list[tuple[str, int, str]]:
    text = repair_text(seed(prefix).read_text(encoding="utf-8"))[0]
    return [(f.kind, f.line, f.detail) for f in find_flags(text)]


def test_seed_002_gaps_placeholders_and_mojibake():
    found = flags_of_seed("002")
    gaps = {detail for kind, _, detail in found if kind == "gap"}
    assert {"用武装头脑", "以为根本", "以为基本", "践行为根本", "、）", "把的"} <= gaps
    assert ("mojibake", 20, "4?7") in found
    assert sum(kind == "placeholder" and detail == "XX" for kind, _, detail in found) >= 8


def test_seed_004_placeholders_and_seed_003_clean():
    assert sum(kind == "placeholder" for kind, _, _ in flags_of_seed("004")) == 13
    assert flags_of_seed("003") == []
    assert flags_of_seed("001") == []
