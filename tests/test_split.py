"""split_plans: which plans a clean text holds, each plan's own title, and its context."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.parse.split import split_plans

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "parse"


def chunks_of(name: str):
    return split_plans((FIXTURES / f"{name}.txt").read_text(encoding="utf-8").split("\n"))


def test_seed_002_holds_three_numbered_plans():
    chunks = chunks_of("002")
    assert [c.title for c in chunks] == [
        "民政精神文明建设工作计划(1)",
        "民政精神文明建设工作计划(2)",
        "民政精神文明建设工作计划(3)",
    ]
    assert [(c.start_line, c.body_line, c.end_line) for c in chunks] == [(1, 2, 23), (24, 25, 45), (46, 47, 83)]
    assert chunks[1].body[0].startswith("20XX年我局精神文明建设工作以十八大精神为指导")
    assert chunks[2].body[0] == "一、总体思路"


def test_seed_001_repeated_title_is_deduplicated_and_the_date_is_context():
    (chunk,) = chunks_of("001")
    assert chunk.title == "市政府机关事务管理局2010-2011年区级文明单位创建方案"
    assert chunk.body[0].startswith("为进一步推进我局文明单位创建工作")
    assert chunk.body[-1].startswith("(五)严格要求,强化考核。")
    assert chunk.context == ["二〇一〇年四月十六日"]


def test_seed_003_plan_is_the_attachment_of_its_notice():
    (chunk,) = chunks_of("003")
    assert chunk.title == "湖南省财政厅创建全国文明单位工作方案（2019-2020年）"
    assert chunk.body[0].startswith("为进一步巩固深化文明创建成果")
    assert chunk.body[-1].startswith("（四）明确目标，强化责任。")
    assert chunk.context[:3] == ["中共湖南省财政厅党组关于印发", "《湖南省财政厅创建全国文明单位", "工作方案（2019-2020年）》的通知"]
    assert "2019年12月10日" in chunk.context
    assert chunk.context[-1].endswith("2019年12月10日印发")
    assert chunk.start_line == 11


def test_seed_004_site_title_yields_to_the_plan_whose_year_matches_the_body():
    (chunk,) = chunks_of("004")
    assert chunk.title == "2023年精神文明建设工作实施方案"
    assert chunk.context == ["2024年精神文明建设工作具体实施方案"]
    assert chunk.body[0].startswith("为进一步强化干部职工争先创优")


def test_seed_000_title_and_seven_plans_in_five_files():
    assert chunks_of("000")[0].title == "财政局文明创建工作方案"
    assert sum(len(chunks_of(f"00{n}")) for n in range(5)) == 7


COMPILATION = """文明单位创建工作方案(实用15篇)
为了确保工作有条不紊地进行，常常需要提前制定一份优质的方案，以下是小编精心整理的文明单位创建工作方案，欢迎阅读。
篇一：社区文明单位创建工作方案
为深入推进社区精神文明建设，结合本社区实际，制定本方案。
一、指导思想
坚持以人民为中心，扎实开展文明创建。
篇二：学校文明校园创建实施方案
为巩固文明校园创建成果，特制定本方案。
一、工作目标
争创省级文明校园。
篇三
县交通运输局创建市级文明单位工作方案
为进一步提升全局干部职工文明素质，制定本方案。
一、组织领导
成立创建工作领导小组。"""


def test_compilation_under_a_site_title_and_intro():
    chunks = split_plans(COMPILATION.split("\n"))
    assert [c.title for c in chunks] == ["社区文明单位创建工作方案", "学校文明校园创建实施方案", "县交通运输局创建市级文明单位工作方案"]
    assert chunks[0].body == ["为深入推进社区精神文明建设，结合本社区实际，制定本方案。", "一、指导思想", "坚持以人民为中心，扎实开展文明创建。"]
    assert chunks[2].body[0] == "为进一步提升全局干部职工文明素质，制定本方案。"
    assert chunks[0].context[0] == "文明单位创建工作方案(实用15篇)"  # the site's title is context, not a plan
    assert [c.start_line for c in chunks] == [3, 7, 11]


@pytest.mark.parametrize(
    ("markers", "expected_titles"),
    [
        (["【第一篇】", "【第二篇】"], ["机关文明创建工作方案", "机关文明创建工作方案"]),
        (["第1篇:机关精神文明建设工作计划", "第2篇:医院精神文明建设工作计划"], ["机关精神文明建设工作计划", "医院精神文明建设工作计划"]),
        (["方案1", "方案2"], ["机关文明创建工作方案", "机关文明创建工作方案"]),
        (["【篇一】社区文明创建方案", "【篇二】窗口单位文明创建方案"], ["社区文明创建方案", "窗口单位文明创建方案"]),
    ],
)
def test_compilation_marker_styles(markers, expected_titles):
    lines = ["精神文明建设工作方案精选"]
    for marker in markers:
        lines.append(marker)
        if not marker.endswith("方案") and not marker.endswith("计划"):  # a bare marker: title below
            lines.append("机关文明创建工作方案")
        lines += ["为切实加强机关精神文明建设，制定本方案。", "一、工作目标", "创建文明机关。"]
    chunks = split_plans(lines)
    assert [c.title for c in chunks] == expected_titles
    assert all(c.body[0] == "为切实加强机关精神文明建设，制定本方案。" for c in chunks)


def test_single_numbered_title_is_not_a_compilation_and_loses_its_number():
    lines = ["街道文明创建工作计划(1)", "为扎实推进文明创建，制定本计划。", "一、目标", "创建文明街道。"]
    (chunk,) = split_plans(lines)
    assert (chunk.title, chunk.collection) == ("街道文明创建工作计划", "街道文明创建工作计划")
    assert chunk.body == lines[1:]


def test_notice_without_attachment_line_carries_the_plan():
    lines = [
        "县卫生健康局关于印发《县卫生健康局2021年精神文明建设工作要点》的通知",
        "各股室、局属各单位：",
        "现将《县卫生健康局2021年精神文明建设工作要点》印发给你们，请结合实际认真贯彻落实。",
        "县卫生健康局",
        "2021年3月1日",
        "县卫生健康局2021年精神文明建设工作要点",
        "2021年全局精神文明建设工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导。",
        "一、加强思想道德建设",
        "深入开展理想信念教育。",
    ]
    (chunk,) = split_plans(lines)
    assert chunk.title == "县卫生健康局2021年精神文明建设工作要点"
    assert chunk.context == lines[:5]
    assert chunk.body == lines[6:]
    assert (chunk.start_line, chunk.body_line) == (6, 7)


def test_title_split_over_lines_and_wrapped_in_book_marks():
    lines = ["《区市场监管局创建省级文明单位", "工作方案》", "为进一步推进文明创建工作，制定本方案。"]
    (chunk,) = split_plans(lines)
    assert chunk.title == "区市场监管局创建省级文明单位工作方案"
    assert chunk.body == lines[2:]


def test_site_title_without_years_yields_to_the_lower_title():
    lines = ["某某实验学校网", "实验学校文明校园创建方案", "镇人民政府文明单位创建实施方案", "为深入开展文明单位创建活动，制定本方案。"]
    (chunk,) = split_plans(lines)
    assert chunk.title == "镇人民政府文明单位创建实施方案"
    assert chunk.context == ["某某实验学校网", "实验学校文明校园创建方案"]


def test_unnumbered_heading_under_the_title_stays_in_the_body():
    lines = ["区档案馆文明单位创建方案", "指导思想", "以社会主义核心价值观为引领，深化文明创建。"]
    (chunk,) = split_plans(lines)
    assert chunk.title == "区档案馆文明单位创建方案"
    assert chunk.body == lines[1:]


def test_without_a_recognisable_title():
    paragraph = "为认真贯彻落实上级关于精神文明建设的部署要求，进一步提升干部职工文明素质，结合我单位实际，现就今年的创建工作安排如下。"
    (chunk,) = split_plans([paragraph, "一、指导思想", "以创建促发展。"])
    assert chunk.title == ""
    assert chunk.body[0] == paragraph
    (chunk,) = split_plans(["精神文明建设", paragraph])
    assert (chunk.title, chunk.body) == ("精神文明建设", [paragraph])


def test_signature_at_the_end_is_context():
    lines = ["街道办文明创建工作方案", "为深化文明创建，制定本方案。", "一、目标", "争创市级文明单位。", "街道党工委办公室", "2022年2月18日"]
    (chunk,) = split_plans(lines)
    assert chunk.body == lines[1:4]
    assert chunk.context == ["街道党工委办公室", "2022年2月18日"]
    assert chunk.end_line == 6


def test_empty_text_holds_no_plan():
    assert split_plans([]) == []
    assert split_plans(["", "  "]) == []


def test_a_compilations_title_is_every_plans_collection():
    chunks = split_plans(COMPILATION.split("\n"))
    assert {c.collection for c in chunks} == {"文明单位创建工作方案(实用15篇)"}
    seeds = chunks_of("002")
    assert {c.collection for c in seeds} == {"民政精神文明建设工作计划"}  # no title above: the plans' one name


def test_one_plan_of_a_compilation_under_the_sites_title():
    lines = [
        "当前位置：首页 > 范文 > 工作方案",
        "社区志愿服务活动方案（通用9篇）",
        "以下是小编整理的社区志愿服务活动方案，仅供参考，希望对大家有所帮助。",
        "社区志愿服务活动方案篇1",
        "为弘扬志愿精神，结合社区实际，制定本方案。",
        "一、活动主题",
    ]
    (chunk,) = split_plans(lines)
    assert (chunk.title, chunk.collection) == ("社区志愿服务活动方案", "社区志愿服务活动方案（通用9篇）")
    assert chunk.body == lines[4:]
    assert chunk.context == lines[:3]


@pytest.mark.parametrize(
    "chrome",
    [
        ["您好，欢迎访问某某文档网"],
        ["首页 > 工作计划 > 精神文明"],
        ["时间：2024-03-02 09:10:11 来源：本站 收藏本文"],
        ["News and information", "【正文】"],
        ["写方案神器，一键生成！立即体验"],
        ["2024/03/02计划精选"],
    ],
)
def test_chrome_above_the_title_is_never_the_title(chrome):
    lines = chrome + ["南岭镇2024年精神文明建设工作计划", "为深化文明创建，制定本计划。", "一、工作目标"]
    (chunk,) = split_plans(lines)
    assert chunk.title == "南岭镇2024年精神文明建设工作计划"
    assert chunk.context == chrome
    assert chunk.body == lines[-2:]


def test_a_numbered_heading_is_never_the_title():
    lines = ["1.2.1 提升服务的重要抓手", "围绕群众需求开展志愿服务。"]
    (chunk,) = split_plans(lines)
    assert chunk.title == ""
    assert chunk.body == lines


def test_a_notices_number_and_addressees_are_not_the_title():
    lines = [
        "西溪团发〔2023〕7号西溪区团委关于开展文明交通志愿服务活动的通知各街道团工委、区属各单位团组织：",
        "为营造文明出行氛围，经研究，决定开展文明交通志愿服务活动。",
        "一、活动时间",
    ]
    (chunk,) = split_plans(lines)
    assert chunk.title == "西溪区团委关于开展文明交通志愿服务活动的通知"
    assert chunk.doc_number == "西溪团发〔2023〕7号"
    assert chunk.body == ["各街道团工委、区属各单位团组织：", *lines[1:]]  # not the title, but the plan's text
    assert (chunk.start_line, chunk.body_line, chunk.body_lines) == (1, 1, [1, 2, 3])


def test_a_notice_running_into_its_attachment_on_one_line():
    line = (
        "中共北岭县委宣传部关于印发北岭县文明村镇创建工作方案的通知各乡镇党委：现将方案印发给你们，请认真贯彻落实。"
        "2021年4月2日附件1 北岭县文明村镇创建工作方案为推进乡风文明，结合我县实际，制定本方案。"
    )
    (chunk,) = split_plans([line, "一、指导思想", "以乡风文明为目标。"])
    assert chunk.title == "北岭县文明村镇创建工作方案"
    assert chunk.body == ["为推进乡风文明，结合我县实际，制定本方案。", "一、指导思想", "以乡风文明为目标。"]
    assert chunk.context[:2] == ["中共北岭县委宣传部关于印发北岭县文明村镇创建工作方案的通知", "各乡镇党委："]
    assert chunk.body_lines == [1, 2, 3]


def test_a_notice_without_book_marks_carries_its_document():
    lines = ["东城区人民政府办公室印发东城区文明城市常态长效管理实施意见的通知", "各街道办事处：", "现将实施意见印发给你们。"]
    (chunk,) = split_plans(lines)
    assert chunk.title == "东城区文明城市常态长效管理实施意见"
    assert chunk.context[0] == lines[0]


def test_a_compilation_title_glued_to_its_first_plan_and_the_second_plan_glued_too():
    lines = [
        "机关文明创建活动方案1为深化文明创建，结合机关实际，制定本方案。",
        "一、活动目标",
        "争创文明机关。",
        "机关文明创建活动方案2为提升干部文明素养，制定本方案。",
        "一、活动内容",
    ]
    chunks = split_plans(lines)
    assert [c.title for c in chunks] == ["机关文明创建活动方案", "机关文明创建活动方案"]
    assert [c.body[0] for c in chunks] == ["为深化文明创建，结合机关实际，制定本方案。", "为提升干部文明素养，制定本方案。"]
    assert [(c.start_line, c.body_line) for c in chunks] == [(1, 1), (4, 4)]
    assert chunks[1].body_lines == [4, 5]


def test_a_plan_without_a_heading_is_named_by_its_opening():
    lines = ["为推进乡风文明，现制定桃园村2026年星级文明户评选工作计划。", "一、评选范围"]
    (chunk,) = split_plans(lines)
    assert (chunk.title, chunk.named_by) == ("桃园村2026年星级文明户评选工作计划", "opening")
    assert chunk.body == lines
    (chunk,) = split_plans(["为深化文明创建，结合实际，特制定本方案。", "一、目标"])
    assert (chunk.title, chunk.named_by) == ("", "")


def test_a_title_under_a_one_paragraph_preamble():
    lines = ["为确保测评不失分，现将重点工作分工如下：", "迎接文明城市测评重点任务分解表", "一、宣传氛围"]
    (chunk,) = split_plans(lines)
    assert chunk.title == "迎接文明城市测评重点任务分解表"
    assert chunk.body == lines


def test_a_sentence_above_a_compilation_is_not_its_collection():
    lines = ["制定方案时，我们需要明确目标并制定具体的实施计划。"] + COMPILATION.split("\n")[2:]
    chunks = split_plans(lines)
    assert len(chunks) == 3 and {c.collection for c in chunks} == {""}


def test_a_title_printed_after_the_signature_names_the_plan():
    from scripts.parse.split import split_plans

    lines = ["各街道、各学校：", "为弘扬诚信美德，现开展诚信主题活动。", "一、活动时间", "即日起至年底。", "某某县教育局", "2031年5月8日", "（此件公开发布）", "某某县教育局关于开展2031年诚信主题教育活动的通"]
    chunk = split_plans(lines)[0]
    assert chunk.title == "某某县教育局关于开展2031年诚信主题教育活动的通"
    assert chunk.title not in chunk.body and chunk.title in chunk.context


def test_a_last_sentence_after_a_date_is_no_title():
    from scripts.parse.split import split_plans

    lines = ["为弘扬诚信美德，现开展诚信主题活动。", "一、活动时间", "即日起至年底。", "2031年5月8日", "关于开展活动的事项请与办公室联系。"]
    assert split_plans(lines)[0].title == ""


def test_a_long_intro_like_paragraph_under_the_title_stays_in_the_body():
    """An opening the cleaner kept although it reads like a site's intro is not lost in the context."""
    opening = "以下是青松社区为推进文明创建拟定的工作安排，经居委会研究，决定在全社区开展文明楼道、文明家庭评选和志愿服务等活动，现将有关事项安排如下。"
    (chunk,) = split_plans(["青松社区文明创建工作方案", opening, "一、工作目标"])
    assert chunk.title == "青松社区文明创建工作方案"
    assert chunk.body == [opening, "一、工作目标"] and opening not in chunk.context


def test_stray_list_numbers_above_the_title_are_not_the_body():
    lines = ["1.", "2.", "青山街道文明创建工作方案", "为深化文明创建，结合实际，制定本方案。", "一、工作目标"]
    (chunk,) = split_plans(lines)
    assert chunk.title == "青山街道文明创建工作方案"
    assert chunk.body[0] == "为深化文明创建，结合实际，制定本方案。"
    assert chunk.context == ["1.", "2."]


def test_a_title_printed_below_the_signature_is_the_plans_heading():
    lines = ["为做好评选工作，结合实际，现将有关事项安排如下。", "一、评选范围", "全镇各村。", "柳溪镇人民政府", "2022年6月10日", "柳溪镇关于开展文明家庭评选活动的通知"]
    (chunk,) = split_plans(lines)
    assert (chunk.title, chunk.named_by) == ("柳溪镇关于开展文明家庭评选活动的通知", "heading")
