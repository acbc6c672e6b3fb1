"""parse_outline: the relative heading ladder, headings vs items, inline runs, numbering flags."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.parse.outline import number_value, parse_outline
from scripts.parse.split import split_plans

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "parse"


def seed_outlines(name: str):
    chunks = split_plans((FIXTURES / f"{name}.txt").read_text(encoding="utf-8").split("\n"))
    return [parse_outline(c.body) for c in chunks]


def all_sections(sections):
    for section in sections:
        yield section
        yield from all_sections(section.sections)


def all_items(sections):
    for section in all_sections(sections):
        yield from section.items


def shape(sections):
    """(anchor, number, title, level) of every section, depth first."""
    return [(s.anchor, s.number, s.title, s.level) for s in all_sections(sections)]


def test_seed_001_repeated_section_three_is_kept_and_flagged():
    (outline,) = seed_outlines("001")
    assert [(s.number, s.title) for s in outline.sections] == [("一", "指导思想"), ("二", "创建目标"), ("三", "创建内容"), ("三", "创建措施")]
    assert [s.anchor for s in outline.sections[2].sections] == ["s3-1", "s3-2", "s3-3", "s3-4", "s3-5"]
    assert outline.sections[2].sections[0].title == "学习中国特色社会主义理论体系，提升全局干部职工的综合素质".replace("，", ",")
    assert outline.sections[2].sections[0].level == 2
    assert [(i.anchor, i.number) for i in outline.sections[3].items] == [("i4-1", "一"), ("i4-2", "二"), ("i4-3", "三"), ("i4-4", "四"), ("i4-5", "五")]
    assert [(f.kind, f.line, f.excerpt, f.detail) for f in outline.flags] == [("numbering", 29, "三、创建措施", "repeated 三、 (expected 四)")]
    assert len(outline.preamble) == 1


def test_seed_002_plan_1_repeated_item_four_is_flagged():
    outline = seed_outlines("002")[0]
    section = outline.sections[2]
    assert [i.number for i in section.items] == ["1", "2", "3", "4", "4"]
    assert [(f.line, f.detail) for f in outline.flags] == [(15, "repeated 4、 (expected 5)")]
    assert outline.flags[0].excerpt.startswith("4、扎实推进党风廉政和行风效能建设")


def test_seed_002_plan_2_inline_runs_become_items():
    outline = seed_outlines("002")[1]
    run = outline.sections[1].sections[2]  # (三)继续深入地开展公民道德实践活动
    assert run.title == "继续深入地开展公民道德实践活动"
    assert [(i.anchor, i.number, i.text[:8]) for i in run.items] == [
        ("i2-3-1", "1", "组织干部深入农村"),
        ("i2-3-2", "2", "积极组织参加社会"),
        ("i2-3-3", "3", "搞好局机关范围内"),
    ]
    led = outline.sections[1].sections[4]  # a lead sentence, then 1、…4、 inline
    assert [i.number for i in led.items] == ["", "1", "2", "3", "4"]
    assert led.items[0].text == "结合我局实际,抓好文明创建工作,必须强化优质服务,切实抓出实效,努力提升民政服务质量。"
    assert led.items[1].text.startswith("规范“四仪”")
    assert all("2是要" in i.text for i in outline.sections[1].sections[6].items[1:])  # 2是 is not a list number
    assert outline.flags == []


def test_seed_003_items_numbered_through_sections_and_headings_ending_in_a_full_stop():
    (outline,) = seed_outlines("003")
    tasks = outline.sections[3]
    assert [s.number for s in tasks.sections] == ["一", "二", "三", "四", "五", "六"]
    assert tasks.sections[0].title == "认真开展理想信念教育，强化党的基层组织建设"
    assert tasks.sections[5].title == "丰富创建工作举措，不断巩固文明创建成果"
    numbers = [i.number for s in tasks.sections for i in s.items]
    assert numbers == [str(n) for n in range(1, 26)]
    assert tasks.sections[5].items[3].anchor == "i4-6-4"
    assert outline.flags == []


def test_seed_004_phase_headings_and_an_unnumbered_paragraph_in_a_section():
    (outline,) = seed_outlines("004")
    steps = outline.sections[3]
    assert [(s.anchor, s.number, s.title) for s in steps.sections] == [
        ("s4-1", "第一阶段", "宣传发动阶段(2月—4月)"),
        ("s4-2", "第二阶段", "全面实施阶段(4月—10月)"),
        ("s4-3", "第三阶段", "巩固、迎验阶段(10月—12月)"),
    ]
    assert steps.items == []  # 创建工作共分三个阶段进行: introduces the phases: a lead-in, not a task
    assert [(n.kind, n.after) for n in steps.notes] == [("lead_in", 0)]
    rules = outline.sections[4].sections[2]
    assert [i.number for i in rules.items] == ["", "1", "2", "3"]


def test_ladder_is_relative_to_the_first_style():
    body = [
        "1.工作目标",
        "争创县级文明单位。",
        "2.主要措施",
        "（1）加强学习。每月组织一次集中学习。",
        "（2）美化环境。开展卫生大扫除。",
    ]
    outline = parse_outline(body)
    assert shape(outline.sections) == [("s1", "1", "工作目标", 1), ("s2", "2", "主要措施", 1)]
    assert [(i.anchor, i.number, i.text) for i in outline.sections[1].items] == [
        ("i2-1", "1", "加强学习。每月组织一次集中学习。"),
        ("i2-2", "2", "美化环境。开展卫生大扫除。"),
    ]


def test_full_ladder_and_other_numeral_forms():
    body = [
        "第一部分 总体要求",
        "一、指导思想",
        "（一）基本原则",
        "1．坚持党的领导",
        "⑴加强组织",
        "①成立领导小组。由局长任组长。",
        "②明确职责。",
        "⑵完善制度",
        "建立健全考核制度。",
    ]
    outline = parse_outline(body)
    assert shape(outline.sections) == [
        ("s1", "第一部分", "总体要求", 1),
        ("s1-1", "一", "指导思想", 2),
        ("s1-1-1", "一", "基本原则", 3),
        ("s1-1-1-1", "1", "坚持党的领导", 4),
        ("s1-1-1-1-1", "1", "加强组织", 5),
        ("s1-1-1-1-2", "2", "完善制度", 5),
    ]
    deepest = outline.sections[0].sections[0].sections[0].sections[0].sections[0]
    assert [(i.anchor, i.number) for i in deepest.items] == [("i1-1-1-1-1-1", "①"), ("i1-1-1-1-1-2", "②")]


def test_numbered_paragraph_is_an_item_and_short_title_is_a_heading():
    body = [
        "三、保障措施",
        "（一）加强组织领导",
        "1、健全领导机构。成立以主要负责人为组长的创建工作领导小组，定期研究创建工作。",
        "（二）统一思想，提高认识。各科室要充分认识创建工作的重要意义，切实增强责任感。",
        "（三）强化督查考核。",
    ]
    section = parse_outline(body).sections[0]
    assert [(s.number, s.title) for s in section.sections] == [("一", "加强组织领导"), ("二", "统一思想，提高认识"), ("三", "强化督查考核")]
    assert section.sections[0].items[0].number == "1"
    # (二) runs in at a heading level: its lead sentence is the title, the rest an item
    assert [i.text for i in section.sections[1].items] == ["各科室要充分认识创建工作的重要意义，切实增强责任感。"]


def test_top_level_paragraph_among_headings_runs_in():
    body = ["一、目标", "创建文明单位。", "二、严格考核。年底对各科室创建工作进行考核，结果纳入年度绩效。"]
    outline = parse_outline(body)
    assert [(s.anchor, s.number, s.title) for s in outline.sections] == [("s1", "一", "目标"), ("s2", "二", "严格考核")]
    assert [i.text for i in outline.sections[1].items] == ["年底对各科室创建工作进行考核，结果纳入年度绩效。"]


def test_enumeration_traps_are_text():
    body = [
        "一、时间安排",
        "一、二月份完成动员部署，三月份全面铺开。",
        "1、2月份开展“我们的节日·春节”主题活动。",
        "一是加强学习；二是强化督查。",
        "活动分1、2、3期进行。每期两天。",
    ]
    outline = parse_outline(body)
    assert [(i.number, i.text) for i in outline.sections[0].items] == [("", line) for line in body[1:]]
    assert outline.sections[0].sections == []
    assert outline.flags == []


def test_inline_run_needs_sentence_ends_and_sequence():
    body = [
        "二、主要任务",
        "1、加强政治理论学习。组织集中学习。2、加强形势政策教育；开展专题宣讲。3、加强道德建设。",
        "做好以下工作。1、开展志愿服务。3、开展结对帮扶。",
    ]
    section = parse_outline(body).sections[0]
    assert [(i.number, i.text) for i in section.items] == [
        ("1", "加强政治理论学习。组织集中学习。"),
        ("2", "加强形势政策教育；开展专题宣讲。"),
        ("3", "加强道德建设。"),
        ("", "做好以下工作。1、开展志愿服务。3、开展结对帮扶。"),  # 1 then 3 is not a run
    ]


def test_gaps_and_backward_numbers_are_flagged():
    body = ["一、目标", "争创文明单位。", "二、任务", "开展活动。", "四、保障", "加强领导。", "二、考核", "年底考核。"]
    outline = parse_outline(body)
    assert [s.number for s in outline.sections] == ["一", "二", "四"]
    assert [(f.line, f.detail) for f in outline.flags] == [
        (5, "skipped to 四、 (expected 三)"),
        (7, "二、 after 四, kept as text"),
    ]
    assert outline.sections[2].items[-2].text == "二、考核"


def test_unnumbered_headings():
    body = [
        "为推进文明创建，制定本方案。",
        "指导思想",
        "以社会主义核心价值观为引领，全面提升干部职工文明素质。",
        "工作目标",
        "年内成功创建市级文明单位，干部职工满意度达到95%以上。",
    ]
    outline = parse_outline(body)
    assert outline.preamble == [body[0]]
    assert [(s.anchor, s.number, s.title, s.level) for s in outline.sections] == [
        ("s1", "", "指导思想", 1),
        ("s2", "", "工作目标", 1),
    ]
    assert [i.anchor for i in outline.sections[1].items] == ["i2-1"]


def test_twelve_levels_deep_does_not_break():
    markers = ["第一部分", "第一章", "第一节", "第一步", "一、", "（一）", "1.", "（1）", "①", "A.", "a.", "(a)"]
    body = [f"{m}第{n}层标题" for n, m in enumerate(markers, start=1)] + ["最深一层的正文内容。"]
    outline = parse_outline(body)
    levels = [s.level for s in all_sections(outline.sections)]
    assert levels == list(range(1, 13))
    deepest = list(all_sections(outline.sections))[-1]
    assert deepest.anchor == "s" + "-".join(["1"] * 12)
    assert [i.anchor for i in deepest.items] == ["i" + "-".join(["1"] * 12) + "-1"]


def test_number_values():
    assert [number_value(n) for n in ["一", "十", "十一", "二十", "二十三", "1", "12", "①", "⑩", "⑵", "b", "甲"]] == [1, 10, 11, 20, 23, 1, 12, 1, 10, 2, 2, 0]


MARKERS = ["一、", "二、", "三、", "（一）", "（二）", "1.", "2、", "（1）", "①", "第一阶段：", "", "4、"]
TEXTS = ["加强学习", "开展活动。组织志愿服务。2、做好宣传。", "一、二月份完成", "", "工作目标：", "（牵头单位：办公室）"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(MARKERS), st.sampled_from(TEXTS)), max_size=40))
def test_any_body_gives_a_consistent_tree(pairs):
    outline = parse_outline([m + t for m, t in pairs])
    anchors = [s.anchor for s in all_sections(outline.sections)] + [i.anchor for i in all_items(outline.sections)]
    assert len(anchors) == len(set(anchors))

    def check(sections, depth):
        for s in sections:
            assert s.level == depth
            check(s.sections, depth + 1)

    check(outline.sections, 1)
    assert all(f.kind == "numbering" and 1 <= f.line <= len(pairs) for f in outline.flags)


# ---------------------------------------------------------------------------
# What is not an item: member lists, dates, fields, signatures, fragments, links
# ---------------------------------------------------------------------------


def members(section):
    return [(m.role, m.names, m.after) for m in section.members]


def notes(section):
    return [(n.kind, n.text, n.after) for n in section.notes]


def test_a_member_list_becomes_the_sections_members():
    body = [
        "二、组织领导",
        "成立创建工作领导小组，统筹全局创建工作。",
        "组 长：王青山（局长）",
        "副组长：李东、赵南",
        "成员：各科室负责人",
        "领导小组下设办公室，负责日常工作。",
    ]
    (section,) = parse_outline(body).sections
    assert [i.text for i in section.items] == ["成立创建工作领导小组，统筹全局创建工作。", "领导小组下设办公室，负责日常工作。"]
    assert members(section) == [("组长", "王青山（局长）", 1), ("副组长", "李东、赵南", 1), ("成员", "各科室负责人", 1)]


def test_members_on_one_line_glued_after_a_sentence_and_continued_on_the_next():
    body = [
        "一、组织机构",
        "1、组建文明校园工作专班，每月碰头一次。组长：周明",
        "主任:张甲 副主任:李乙 成 员:各组组长",
        "召 集 人：陈丙 某厅厅长",
        "刘 丁 某厅副厅长",
        "二、主要任务",
        "开展文明礼仪教育。",
    ]
    first, second = parse_outline(body).sections
    assert [(i.number, i.text) for i in first.items] == [("1", "组建文明校园工作专班，每月碰头一次。")]
    assert members(first) == [
        ("组长", "周明", 1),
        ("主任", "张甲", 1),
        ("副主任", "李乙", 1),
        ("成员", "各组组长", 1),
        ("召集人", "陈丙 某厅厅长；刘 丁 某厅副厅长", 1),
    ]
    assert [i.text for i in second.items] == ["开展文明礼仪教育。"] and second.members == []


def test_an_empty_roster_is_members_without_names():
    (section,) = parse_outline(["三、领导小组", "组长：副组长：组员："]).sections
    assert members(section) == [("组长", "", 0), ("副组长", "", 0), ("组员", "", 0)] and section.items == []


def test_dates_fields_signatures_fragments_and_links_are_notes_in_place():
    body = [
        "一、活动安排",
        "时间：9月1日——9月7日",
        "活动地点：青山社区服务中心",
        "活动对象：辖区老年居民",
        "组织志愿者上门为老人打扫卫生。",
        "本文来源：https://example.org/plans/123.html",
        "请各班主",
        "二、工作要求",
        "各单位要高度重视，认真组织实施。",
        "青山县教育局",
        "2025年3月1日—3月31日",
    ]
    first, second = parse_outline(body).sections
    assert [i.text for i in first.items] == ["组织志愿者上门为老人打扫卫生。"]
    assert notes(first) == [
        ("date", "时间：9月1日——9月7日", 0),
        ("field", "活动地点：青山社区服务中心", 0),
        ("field", "活动对象：辖区老年居民", 0),
        ("link", "本文来源：https://example.org/plans/123.html", 1),
        ("fragment", "请各班主", 1),
    ]
    assert [i.text for i in second.items] == ["各单位要高度重视，认真组织实施。"]
    assert notes(second) == [("signature", "青山县教育局", 1), ("date", "2025年3月1日—3月31日", 1)]


def test_a_slogan_under_a_theme_heading_is_a_note_but_an_activity_stays_an_item():
    body = ["一、活动主题", "小小志愿者，点亮一条街", "二、活动对象", "围绕“邻里互助”这个主题，开展结对帮扶活动。"]
    theme, target = parse_outline(body).sections
    assert notes(theme) == [("field", "小小志愿者，点亮一条街", 0)] and theme.items == []
    assert [i.text for i in target.items] == ["围绕“邻里互助”这个主题，开展结对帮扶活动。"] and target.notes == []


def test_a_short_lead_in_is_a_note_and_a_long_one_stays_an_item():
    body = [
        "三、工作步骤",
        "整治工作按两个阶段推进：",
        "（一）排查阶段",
        "摸清辖区背街小巷底数。",
        "四、组织保障",
        "为加强对创建工作的领导，经研究，决定成立街道文明创建工作领导小组，名单如下：",
        "本次评选的对象为：",
        "辖区内热心公益的居民。",
    ]
    steps, support = parse_outline(body).sections
    assert notes(steps) == [("lead_in", "整治工作按两个阶段推进：", 0)] and steps.items == []
    assert [i.text for i in support.items] == [body[5], "辖区内热心公益的居民。"]
    assert notes(support) == [("lead_in", "本次评选的对象为：", 1)]  # …为： opens a sentence, not a heading
    label, = parse_outline(["五、劝导内容", "不文明行为：", "乱扔垃圾、随地吐痰。"]).sections
    assert [s.title for s in label.sections] == ["不文明行为"]  # a label ending in 行为 is still a label


def test_a_date_alone_is_a_note_never_a_heading():
    body = ["一、活动安排", "2023.03.05", "组织志愿者清扫街巷。", "2023年3月9日", "召开总结会。"]
    (section,) = parse_outline(body).sections
    assert section.sections == []
    assert notes(section) == [("date", "2023.03.05", 0), ("date", "2023年3月9日", 1)]
    assert [i.text for i in section.items] == ["组织志愿者清扫街巷。", "召开总结会。"]


def test_a_numbered_note_keeps_its_number_as_printed():
    body = ["三、活动时间", "1、2025年3月5日", "2、2025年3月12日"]
    (section,) = parse_outline(body).sections
    assert notes(section) == [("date", "1、2025年3月5日", 0), ("date", "2、2025年3月12日", 0)] and section.items == []


def test_a_long_sentence_with_an_address_stays_an_item():
    text = "各社区要在宣传栏张贴文明公约，并在网站www.example.org开设专栏，及时发布创建动态和志愿服务信息。"
    (section,) = parse_outline(["一、宣传发动", text]).sections
    assert [i.text for i in section.items] == [text] and section.notes == []


def test_markup_left_by_a_page_does_not_hide_a_heading():
    body = ["##### （二）办好邻里节，活跃社区生活", "**开设周末书屋**", "每周六开放书屋，请居民带书换书。"]
    (section,) = parse_outline(body).sections
    assert (section.number, section.title) == ("二", "办好邻里节，活跃社区生活")
    assert [(s.title, [i.text for i in s.items]) for s in section.sections] == [("开设周末书屋", ["每周六开放书屋，请居民带书换书。"])]


def test_bold_around_a_numbered_heading_is_taken_off_but_other_marks_stay():
    body = ["1.**开展文明家庭评选**", "每年评选一次文明家庭。", "# 不是标题 | 表格 |"]
    outline = parse_outline(body)
    (section,) = outline.sections
    assert (section.number, section.title) == ("1", "开展文明家庭评选")
    assert [i.text for i in section.items] == ["每年评选一次文明家庭。", "# 不是标题 | 表格 |"]


def test_a_bare_label_is_a_heading_over_what_follows():
    body = ["五、上门理发", "组织理发志愿者每月上门服务一次。", "注意事项：", "1. 提前统计送餐名单；", "2. 注意饮食安全。"]
    (section,) = parse_outline(body).sections
    assert [i.text for i in section.items] == ["组织理发志愿者每月上门服务一次。"]
    (label,) = section.sections
    assert (label.title, [i.number for i in label.items]) == ("注意事项", ["1", "2"])


def test_a_duty_note_on_its_own_line_joins_the_task_above():
    body = ["一、主要任务", "1、印制一批文明出行提示卡。", "（责任单位：市交通局、市公安局）", "2、播放公益广告。", "落实单位：各区文明办"]
    (section,) = parse_outline(body).sections
    assert [i.text for i in section.items] == ["印制一批文明出行提示卡。（责任单位：市交通局、市公安局）", "播放公益广告。落实单位：各区文明办"]


# A numbered paragraph of one sentence is a task: its lead clause titles it, the rest is the item.


def test_one_sentence_tasks_are_items_under_their_lead_clause():
    outline = parse_outline([
        "为营造整洁有序的小区环境，特制定本年度计划。",
        "1、办好楼道宣传角。每栋楼张贴文明公约，每季度更换一次。",
        "2、组织开展“最美阳台”评选活动，评出示范户20户并挂牌。",
        "3、开设老年人智能手机课堂，每周二下午由志愿者授课。",
    ])
    sections = outline.sections
    assert [(s.number, s.title) for s in sections] == [
        ("1", "办好楼道宣传角"),
        ("2", "组织开展“最美阳台”评选活动"),
        ("3", "开设老年人智能手机课堂"),
    ]
    assert [[i.text for i in s.items] for s in sections] == [
        ["每栋楼张贴文明公约，每季度更换一次。"],
        ["评出示范户20户并挂牌。"],
        ["每周二下午由志愿者授课。"],
    ]


def test_a_sentence_with_no_clause_to_cut_stays_a_heading():
    outline = parse_outline([
        "一、强化阵地建设。各网格要更新宣传栏。",
        "二、在社区食堂推行公筷公勺。",
        "三、加强考核，落实奖惩。",  # 落实奖惩 is too short to be a task of its own
    ])
    assert [(s.title, [i.text for i in s.items]) for s in outline.sections] == [
        ("强化阵地建设", ["各网格要更新宣传栏。"]),
        ("在社区食堂推行公筷公勺", []),
        ("加强考核，落实奖惩", []),
    ]


def test_a_sentence_before_a_bare_heading_line_is_a_task_not_a_heading():
    outline = parse_outline([
        "主要措施",
        "1、完善监督机制，畅通群众反映问题的渠道。",
        "实施步骤",
        "1、制定工作细则，明确各科室的任务分工。",
    ])
    assert [(s.title, [(i.number, i.text) for i in s.items]) for s in outline.sections] == [
        ("主要措施", [("1", "完善监督机制，畅通群众反映问题的渠道。")]),
        ("实施步骤", [("1", "制定工作细则，明确各科室的任务分工。")]),
    ]


def test_a_heading_with_a_comma_and_content_below_stays_a_heading():
    outline = parse_outline([
        "（一）加强组织领导，落实工作责任",
        "各部门要把创建工作列入重要议事日程，主要负责人亲自抓。",
        "（二）广泛宣传发动，营造浓厚氛围。",
        "利用宣传栏、电子屏等阵地开展宣传。",
    ])
    assert [(s.title, [i.text for i in s.items]) for s in outline.sections] == [
        ("加强组织领导，落实工作责任", ["各部门要把创建工作列入重要议事日程，主要负责人亲自抓。"]),
        ("广泛宣传发动，营造浓厚氛围", ["利用宣传栏、电子屏等阵地开展宣传。"]),
    ]


def test_a_numbered_label_with_no_clause_to_cut_keeps_its_title_without_the_colon():
    outline = parse_outline(["一、加强宣传：", "二、强化考核：", "各科室要把创建工作纳入年度考核。"])
    assert [s.title for s in outline.sections] == ["加强宣传", "强化考核"]


@pytest.mark.parametrize("printed", ["▌活动安排", "■ 活动安排", "◆◆活动安排：", "● 活动安排"])
def test_a_decorative_glyph_before_a_heading_is_not_its_name(printed):
    outline = parse_outline([printed, "组织志愿者到敬老院打扫卫生。"])
    assert [s.title for s in outline.sections] == ["活动安排"]
    assert [i.text for i in outline.sections[0].items] == ["组织志愿者到敬老院打扫卫生。"]
