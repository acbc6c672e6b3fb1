"""titles: what a title line says (markers off), which lines are never titles, glued lines, and
the names a plan gets when no heading gives one. Fixtures are invented."""
from __future__ import annotations

import pytest

from scripts.parse.titles import (
    Title,
    descriptive_name,
    doc_number_in,
    has_vocabulary,
    is_chrome,
    is_generic,
    is_intro,
    is_numbered,
    named_in_opening,
    read_title,
    run_title,
    title_in_chrome,
    unglue,
)

NAME = "青山区图书馆文明单位创建工作方案"


@pytest.mark.parametrize(
    ("line", "number", "marker"),
    [
        (f"{NAME}篇1", 1, "pian_number"),
        (f"{NAME}篇三", 3, "pian_number"),
        (f"{NAME} 篇2：", 2, "pian_number"),
        (f"{NAME}（篇1）", 1, "pian_number"),
        (f"{NAME}精选篇4", 4, "pian_number"),
        (f"{NAME}第2篇", 2, "di_pian"),
        (f"{NAME}【第一篇】", 1, "di_pian"),
        (f"{NAME}(3)", 3, "paren_number"),
        (f"{NAME}（二）", 2, "paren_number"),
        (f"{NAME}1", 1, "bare_number"),
        (f"{NAME} 2", 2, "bare_number"),
        (f"{NAME}一", 1, "bare_number"),
        (f"篇一：{NAME}", 1, "pian_number"),
        (f"【篇二】{NAME}", 2, "pian_number"),
        (f"第3篇:{NAME}", 3, "di_pian"),
    ],
)
def test_compilation_numbers_are_taken_off(line, number, marker):
    title = read_title(line)
    assert (title.text, title.number, title.marker, title.counted) == (NAME, number, marker, False)


@pytest.mark.parametrize(
    "line",
    [
        f"{NAME}（实用15篇）",
        f"{NAME}(通用8篇)",
        f"{NAME}【汇总6篇】",
        f"{NAME}（精选多篇）",
        f"{NAME}8篇",
        f"{NAME}五篇",
        f"{NAME}，（七篇）",
        f"{NAME}（大全）",
        f"{NAME}（优质12篇）.docx",
        f"{NAME}（模板19篇）",
        f"{NAME}(范文模板6篇)",
    ],
)
def test_a_compilations_own_title_is_counted(line):
    title = read_title(line)
    assert (title.text, title.number, title.counted) == (NAME, 0, True)


@pytest.mark.parametrize(
    "line",
    [
        f"{NAME}范文",
        f"{NAME}模板",
        f"{NAME}精选",
        f"{NAME}.docx",
        f"{NAME}.pdf",
        f"{NAME}.doc",
        f"{NAME}[此文共3120字]",
        f"{NAME}内容摘要：",
        f"《{NAME}》",
        f"【{NAME}】",
        f"❶ {NAME}",
        f"{NAME}。",
        f"{NAME} {NAME}",
        f"{NAME}范文 {NAME}",
        f"{NAME}（word版）",
        f"{NAME}(可编辑)",
        f"{NAME}_某某范文网",
        f"{NAME} - 某某文库",
        f"【推荐】{NAME}",
        f"【最新】{NAME}",
        f"{NAME}：",
        f"{NAME}怎么写",
        f"{NAME}如何写？",
        f"{NAME}优秀范文",
        f"{NAME}例文",
        f"{NAME}word",
        f"{NAME}（参考）",
        f"{NAME}【精品】",
        f"{NAME}（附下载）",
        f"{NAME}(共3页)",
        f"{NAME}（word版可编辑）",  # edition and format labels, one to three of their words
        f"{NAME}(可编辑、Word版)",
        f"{NAME}【精品文档】",
        f"{NAME}（经典版）",
        f"{NAME}docx",  # a file's format without its dot
        f"{NAME}PPT",
        f"{NAME}免费下载",
        f"{NAME}参考范文",
        f"{NAME}合集",
        f"【转帖】{NAME}",  # a forum's repost tag
        f"【转载】{NAME}",
        f"★ {NAME} ★",  # decorative marks around it
        f"◆{NAME}◆",
        f"{NAME}集锦",
        f"{NAME} - 某某巴巴",  # any short name after a page-title separator
        f"{NAME}_某某知道",
        f"{NAME}_工作计划_某某网",  # the site's category, then its name
        f"{NAME}_第1页",
        f"{NAME}（第2页）",
        f"某某网 - {NAME}",
    ],
)
def test_site_labels_and_file_suffixes_are_taken_off(line):
    assert read_title(line) == Title(NAME)


def test_markers_come_off_together():
    title = read_title(f"{NAME}范文【第二篇】")
    assert (title.text, title.number) == (NAME, 2)
    title = read_title(f"{NAME}（优质9篇）篇一")
    assert (title.text, title.number, title.counted) == (NAME, 1, True)


@pytest.mark.parametrize("line", [f"{NAME} — 征求意见稿", f"{NAME} - 2023", f"{NAME}-修订稿", "“文明交通 - 你我同行”活动方案"])
def test_a_tail_that_may_be_the_documents_own_stays(line):
    assert read_title(line).text == line


def test_what_is_part_of_the_name_stays():
    for kept in ["河东县文明城市创建工作方案（2023-2025年）", "白沙镇2024年学雷锋志愿服务活动方案", "3.5学雷锋日主题活动方案",
                 f"{NAME}（试行）", f"{NAME}（修订版）", f"{NAME}（附表）", "“我的文档我做主”档案整理活动方案", "校园网建设方案"]:
        assert read_title(kept).text == kept
    assert read_title("关于印发街道志愿服务工作要点的意见（2022年5月6日）").text == "关于印发街道志愿服务工作要点的意见"
    assert read_title("篇一").text == "篇一"  # a marker alone names nothing: nothing is taken off


@pytest.mark.parametrize(
    ("line", "text"),
    [  # a site's page title, then the document's own heading, on one line: the heading is the title
        ("2025年社区敬老活动方案 ____年社区敬老活动方案", "____年社区敬老活动方案"),
        ("林场植树节活动方案（精选3篇） 林场春季植树志愿服务计划", "林场春季植树志愿服务计划"),
        # one title split by a space stays whole
        ("学雷锋志愿服务活动 实施方案", "学雷锋志愿服务活动 实施方案"),
        ("林场文明单位创建工作方案 （2024-2025年）", "林场文明单位创建工作方案 （2024-2025年）"),
        ("青山县林业局 文明单位创建工作方案", "青山县林业局 文明单位创建工作方案"),
    ],
)
def test_two_titles_on_one_line_give_the_later_one(line, text):
    assert read_title(line).text == text


def test_a_title_wrapped_in_brackets_loses_its_number_inside_them():
    title = read_title("【2019文明交通活动方案2】")
    assert (title.text, title.number) == ("2019文明交通活动方案", 2)
    assert read_title("【林场植树节活动方案】").text == "林场植树节活动方案"


def test_a_run_of_bracketed_numbers_keeps_its_number():
    assert run_title(read_title("税务所精神文明建设计划(2)")) == "税务所精神文明建设计划(2)"
    assert run_title(read_title("税务所精神文明建设计划篇2")) == "税务所精神文明建设计划"
    assert run_title(read_title("税务所精神文明建设计划2")) == "税务所精神文明建设计划"


def test_a_notices_number_leaves_the_title():
    title = read_title("东湖团发〔2021〕12号东湖区团委关于开展青年志愿服务月活动的通知")
    assert (title.text, title.doc_number) == ("东湖区团委关于开展青年志愿服务月活动的通知", "东湖团发〔2021〕12号")
    assert doc_number_in(["北岭县文明办", "北文明〔2019〕 3号", "各乡镇："]) == "北文明〔2019〕3号"
    assert doc_number_in(["北岭县文明办"]) == ""


@pytest.mark.parametrize(
    "line",
    [
        "您好，欢迎访问某某文档网",
        "当前位置：首页 > 工作方案 > 文明创建",
        "首页 | 方案 | 计划",
        "发布时间：2023-04-01 来源：本站",
        "时间：阿明 0 分享",
        "2025/05/15方案精选",
        "《街道文明创建方案》由会员上传分享，免费在线阅读",
        "各科室、各支部：",
        "局机关各处室、直属各单位：",
    ],
)
def test_site_furniture_and_addressees_are_chrome(line):
    assert is_chrome(line)


def test_what_is_not_chrome():
    for line in [NAME, "全民阅读活动方案", "网格员志愿服务工作计划"]:
        assert not is_chrome(line)


def test_intro_sentences_and_numbered_headings():
    assert is_intro("以下是小编整理的文明创建方案，仅供参考，希望对大家有所帮助。")
    assert is_intro("写好方案能让工作更顺利，下面的范文一定能帮到你。")
    assert not is_intro("为进一步推进文明单位创建，结合我局实际，制定本方案。")
    assert not is_intro("实用范文")  # a short label is not a sentence (it is a generic title)
    assert is_numbered("1.2.3 社区服务的重要抓手")
    assert not is_numbered("3.5学雷锋日主题活动方案")


def test_vocabulary_and_generic_titles():
    assert has_vocabulary(NAME) and has_vocabulary("星级文明户评选活动") and has_vocabulary("关于开展第三届家风故事会")
    assert not has_vocabulary("News and information") and not has_vocabulary("【正文】")
    assert not has_vocabulary("活动内容") and not has_vocabulary("工作目标")
    for generic in ["方案精选", "实用范文", "计划", "经典方案", "2024年工作计划"]:
        assert is_generic(generic)
    assert not is_generic("文明餐桌行动方案")


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("林场文明单位创建方案1为巩固创建成果，制定本方案。", ["林场文明单位创建方案1", "为巩固创建成果，制定本方案。"]),
        ("林场文明单位创建方案1一、指导思想", ["林场文明单位创建方案1", "一、指导思想"]),
        # a compilation's title running into its first marker, a marker and its title into the body
        ("林场植树方案（精选3篇）第1篇：林场春季植树活动方案", ["林场植树方案（精选3篇）", "第1篇：林场春季植树活动方案"]),
        ("植树节活动方案【实用5篇】篇一 林场植树节活动方案", ["植树节活动方案【实用5篇】", "篇一 林场植树节活动方案"]),
        ("篇一：林场植树节活动方案为绿化家园，特制定本方案。", ["篇一：林场植树节活动方案", "为绿化家园，特制定本方案。"]),
        ("第2篇 林场春季植树计划根据上级部署，结合实际，制定本计划。", ["第2篇 林场春季植树计划", "根据上级部署，结合实际，制定本计划。"]),
        # a title running into its first numbered heading (a page that flattened its lines)
        ("林场文明单位创建实施方案一、指导思想以巩固创建成果为目标。", ["林场文明单位创建实施方案", "一、指导思想以巩固创建成果为目标。"]),
        ("2025年社区敬老活动方案 ____年社区敬老活动方案二、活动内容走访慰问空巢老人", ["2025年社区敬老活动方案 ____年社区敬老活动方案", "二、活动内容走访慰问空巢老人"]),
        ("林场创建方案汇编篇2为巩固创建成果，制定本方案。", ["林场创建方案汇编篇2", "为巩固创建成果，制定本方案。"]),
        (
            "关于印发《林场创建方案》的通知场属各单位：现将方案印发给你们。",
            ["关于印发《林场创建方案》的通知", "场属各单位：", "现将方案印发给你们。"],
        ),
        (
            "现将方案印发给你们，请认真执行。2020年5月8日附件1 林场文明单位创建方案为巩固创建成果，结合实际，制定本方案。",
            ["现将方案印发给你们，请认真执行。2020年5月8日", "附件1", "林场文明单位创建方案", "为巩固创建成果，结合实际，制定本方案。"],
        ),
        ("【林场植树节活动方案】植树节是绿化祖国的节日，为此制定本方案。", ["【林场植树节活动方案】", "植树节是绿化祖国的节日，为此制定本方案。"]),
        ("林场植树节活动方案，共建美丽家园新篇章！", ["林场植树节活动方案", "共建美丽家园新篇章！"]),
        (
            "林场小学创建“绿色校园”实施方案创建“绿色校园”，是学校发展的需要。",
            ["林场小学创建“绿色校园”实施方案", "创建“绿色校园”，是学校发展的需要。"],
        ),
    ],
)
def test_glued_lines_are_split_and_nothing_is_dropped(line, parts):
    assert unglue(line) == parts


def test_lines_that_are_not_glued_stay_whole():
    for line in [
        "全年开展活动1次以上，组织志愿服务2场。",
        "根据《林场创建方案》2021年版的要求，制定本计划。",
        "民政精神文明建设工作计划(1)",
        "林场春季工作计划一、二月份完成苗木摸底，三月份栽植。",  # an enumeration, not a heading
        "林场文明单位创建方案一、二等奖各评选三名",
        "林场植树活动共3篇，第1篇由林场团委撰写。",  # a sentence about compilations, not one
        "篇一：林场植树节活动方案",  # a marker and its title alone: nothing glued
        "为巩固创建成果，结合实际，制定本方案。",
    ]:
        assert unglue(line) == [line]


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        ("2026年机关党建工作计划旨在推动各支部规范运行，现将有关安排说明如下。", "2026年机关党建工作计划"),
        ("为提升窗口服务水平，结合我所实际，特制定南湖税务所2022年文明窗口创建方案。", "南湖税务所2022年文明窗口创建方案"),
        ("为推进乡风文明，现制定本《桃园村星级文明户评选工作计划》。", "桃园村星级文明户评选工作计划"),
        ("为弘扬志愿精神，决定在全所开展“邻里守望”志愿服务活动，特制定本活动方案。", "“邻里守望”志愿服务活动方案"),
        ("为扎实做好2027年度巩固省级文明单位各项工作，结合我局实际，特制定本工作方案。", "2027年度巩固省级文明单位工作方案"),
        # 本 before a time word is part of the name as stated
        ("为统筹全区文明创建，结合实际，制定本年度文明实践工作要点和推进计划。", "本年度文明实践工作要点和推进计划"),
    ],
)
def test_an_opening_that_names_the_plan(paragraph, name):
    assert named_in_opening(paragraph) == name


def test_an_opening_that_names_nothing():
    for paragraph in ["为深化文明创建，结合实际，特制定本方案。", "为做好创建工作，现制定如下方案：", "今年是创建工作的关键一年。"]:
        assert named_in_opening(paragraph) == ""


def test_descriptive_name_from_kind_unit_and_years():
    body = ["深入开展文明单位创建，争创市级文明单位。", "一、目标", "巩固文明单位创建成果，开展志愿服务。"]
    assert descriptive_name(body, "南湖税务所", [2022]) == "2022年南湖税务所文明单位创建工作方案"
    assert descriptive_name(body, "", [2022, 2023]) == "2022-2023年文明单位创建工作方案"
    assert descriptive_name(["组织道德讲堂，每月一讲。", "本计划自发布之日起执行。"], "", []) == "道德讲堂活动计划"
    assert descriptive_name(["一、目标", "按时完成。"], "", []) == "工作方案"
    # the kinds of activity a plan is about name it too, and so does what it calls itself
    visit = ["重阳节当天组织志愿者走访敬老院，为老人送去慰问。", "本策划书由学生会执行，敬老活动费用由学院承担。"]
    assert descriptive_name(visit, "", []) == "重阳节敬老活动策划书"


def test_named_in_intro_reads_the_plan_a_site_intro_names():
    from scripts.parse.titles import named_in_intro

    line = "摘要：小编为你整理了多篇相关的《2031年某某街道开展敬老助老志愿服务活动方案》，希望对你有帮助。"
    assert named_in_intro(line) == "2031年某某街道开展敬老助老志愿服务活动方案"
    assert named_in_intro("小编为你整理了《工作方案》，仅供参考。") == ""  # generic: no name
    assert named_in_intro("根据《某某县文明单位创建工作方案》，现安排如下。") == ""  # no site intro


def test_an_unnamed_plan_takes_the_name_of_the_removed_intro():
    from scripts.models import CleanResult, RemovedSpan
    from scripts.parse import parse_plans

    intro = "小编为你整理了相关的《某某社区学雷锋志愿服务活动方案》，希望能帮到你。"
    text = "为弘扬雷锋精神，丰富社区志愿服务，现安排如下。\n一、活动时间\n三月全月。"
    clean = CleanResult(source="x.txt", encoding="utf-8", text=text, removed=[RemovedSpan(rule="chrome.intro", category="publish", text=intro, line=1)])
    plan = parse_plans(clean)[0]
    assert plan.title == "某某社区学雷锋志愿服务活动方案"
    assert [f.detail for f in plan.flags if f.kind == "title"] == ["named by the site's intro above it"]


@pytest.mark.parametrize(
    ("line", "title"),
    [  # a line of site furniture that carries the page's title
        ("当前位置：首页 > 工作方案 > 林场植树节活动方案", "林场植树节活动方案"),
        ("首页 » 范文 » 林场春季植树志愿服务计划", "林场春季植树志愿服务计划"),
        ("文档名称：林场植树节活动方案（精选3篇）", "林场植树节活动方案"),
        ("欢迎访问某某文库！林场植树节活动方案", "林场植树节活动方案"),
        ("林场植树节活动方案.doc 下载", "林场植树节活动方案"),
        ("林场植树节活动方案  下载积分：5  页数：3页", "林场植树节活动方案"),
        ("林场植树节活动方案【附件下载】", "林场植树节活动方案"),
        # a document-sharing blurb naming the document in 《》
        ("《林场植树节活动方案》由会员上传分享，免费在线阅读，更多相关内容在行业资料频道", "林场植树节活动方案"),
        ("《社区敬老月志愿服务计划》为网友投稿，仅供参考", "社区敬老月志愿服务计划"),
        ("《社区敬老月志愿服务计划》由局办公室印发，请认真学习", ""),  # a sentence citing it: no sharing
        # furniture that names no plan, or only a site's category
        ("当前位置：首页 > 工作方案", ""),
        ("首页 > 新闻中心 > 通知公告", ""),
        ("相关推荐：林场植树节活动方案", ""),  # another page's title
        ("欢迎访问林场门户网站", ""),
    ],
)
def test_the_title_a_line_of_furniture_carries(line, title):
    assert title_in_chrome(line) == title


def test_a_field_label_before_a_title_comes_off():
    assert read_title(f"标题：{NAME}").text == read_title(f"文章题目：{NAME}").text == NAME


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("“县水利局创建文明单位工作方案”", "县水利局创建文明单位工作方案"),
        ("「社区重阳节敬老活动方案」", "社区重阳节敬老活动方案"),
        ("“我们的节日·清明”主题活动方案", "“我们的节日·清明”主题活动方案"),  # its own quotes, not a wrapper
        ("“文明家庭”评选“最美家庭”活动方案”", "“文明家庭”评选“最美家庭”活动方案”"),  # two pairs: not one wrapper
    ],
)
def test_quotes_around_a_whole_title_come_off(line, title):
    assert read_title(line).text == title
