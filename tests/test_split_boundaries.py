"""split_plans on shapes of pages from sites never seen: where each plan starts, what its title is.

Fixtures are written for these tests, in the shapes such pages take (compilation sites, notices,
forum threads, PDF text); each category has two or more wordings and a near-miss of plan text.
"""
from __future__ import annotations

import pytest

from scripts.parse.split import split_plans

BODY = ["为推进机关精神文明建设，结合工作实际，制定本方案。", "一、工作目标", "争创市级文明单位。"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("精选篇1：税务所创建文明单位工作方案", "精选篇2：卫生院创建文明单位工作方案"),
        ("范文篇一 税务所创建文明单位工作方案", "范文篇二 卫生院创建文明单位工作方案"),
        ("【推荐篇1】税务所创建文明单位工作方案", "【推荐篇2】卫生院创建文明单位工作方案"),
    ],
)
def test_a_compilation_word_before_the_pian_number_opens_a_plan(first, second):
    lines = ["文明单位创建工作方案（精选2篇）", first, *BODY, second, *BODY]
    chunks = split_plans(lines)
    assert [c.title for c in chunks] == ["税务所创建文明单位工作方案", "卫生院创建文明单位工作方案"]
    assert [c.body for c in chunks] == [BODY, BODY]
    assert [c.collection for c in chunks] == ["文明单位创建工作方案（精选2篇）"] * 2


def test_words_before_pian_in_plan_text_open_no_plan():
    lines = ["文明单位创建工作方案", *BODY, "推荐篇目：《雷锋日记》选读。", "精选1首红色歌曲参加合唱比赛。", "二、工作措施", "推荐篇2首诗歌。"]
    (chunk,) = split_plans(lines)
    assert chunk.title == "文明单位创建工作方案"
    assert chunk.body == lines[1:]


@pytest.mark.parametrize(
    ("glued", "second", "collection"),
    [
        ("志愿服务活动方案3篇志愿服务活动方案3篇第1篇：社区志愿服务活动方案", "第2篇：学校志愿服务活动方案", "志愿服务活动方案3篇"),
        ("志愿服务活动方案3篇篇一：社区志愿服务活动方案", "篇二：学校志愿服务活动方案", "志愿服务活动方案3篇"),
        ("志愿服务活动方案（3篇）精选篇1：社区志愿服务活动方案", "精选篇2：学校志愿服务活动方案", "志愿服务活动方案（3篇）"),
    ],
)
def test_a_counted_title_glued_to_the_first_marker_is_the_collection(glued, second, collection):
    chunks = split_plans([glued, *BODY, second, *BODY])
    assert [c.title for c in chunks] == ["社区志愿服务活动方案", "学校志愿服务活动方案"]
    assert [c.collection for c in chunks] == [collection, collection]
    assert [c.body for c in chunks] == [BODY, BODY]


def test_a_count_in_a_sentence_before_a_pian_word_splits_nothing():
    lines = ["征文活动方案", "活动共收到征文36篇篇篇精彩，评出一等奖3篇。", "一、活动安排", "第一篇章：启动阶段。"]
    (chunk,) = split_plans(lines)
    assert chunk.title == "征文活动方案"
    assert chunk.body == lines[1:]


@pytest.mark.parametrize(
    ("notice_title", "repeated"),
    [
        ("县图书馆关于印发《2022年创建文明单位工作计划》的通知", "县图书馆2022年创建文明单位工作计划"),
        ("关于印发《市水务集团志愿服务活动方案》的通知", "志愿服务活动方案"),
    ],
)
def test_a_notice_carries_a_plan_repeated_with_or_without_its_issuer_before_it(notice_title, repeated):
    lines = [
        notice_title,
        "各部门：",
        "现将方案印发给你们，请认真贯彻执行。",
        "办公室",
        "2022年3月1日",
        repeated,
        *BODY,
    ]
    (chunk,) = split_plans(lines)
    assert chunk.title == repeated
    assert chunk.context == lines[:5]
    assert chunk.body == BODY


def test_a_line_ending_in_the_carried_title_after_words_the_notice_does_not_print_is_not_the_plan():
    lines = [
        "关于印发《2022年创建文明单位工作计划》的通知",
        "各部门：",
        "现将修订后的2022年创建文明单位工作计划",
        "印发给你们，请认真贯彻执行。",
        *BODY,
    ]
    (chunk,) = split_plans(lines)
    assert chunk.start_line == 1  # the notice is not passed over as the carried plan's cover


@pytest.mark.parametrize(
    "above",
    [
        ["社区论坛 › 邻里话题 › 【转帖】咱小区今年的文明创建方案，看看行不行"],  # a thread title carried by the breadcrumb
        ["3#", "物业群里转来的，原样贴上，欢迎拍砖。"],  # a floor number instead; the remark comes second
    ],
)
def test_a_posters_remark_above_the_plans_heading_is_not_the_plan(above):
    remark = ["转自街道公众号，原文贴出来，大家提提意见。"] if len(above) == 1 else []
    lines = [*above, *remark, "幸福里小区创建文明小区工作方案", *BODY]
    (chunk,) = split_plans(lines)
    assert chunk.title == "幸福里小区创建文明小区工作方案"
    assert chunk.context == [*above, *remark]
    assert chunk.body == BODY


@pytest.mark.parametrize(
    ("lines", "title", "first_body_line"),
    [
        # a plan with no heading: its opening paragraph (it opens like one), then a sub-heading of its own
        (["为丰富职工业余生活，结合单位实际，安排如下。", "元旦迎新文体活动安排", "一、拔河比赛", "各科室组队参加。"], "元旦迎新文体活动安排", 0),
        # a plan with its own heading: the paragraph under it is its text, whatever title-like line follows
        (["元旦文体活动方案", "工会组织，大家踊跃报名。", "元旦迎新文体活动安排", "一、拔河比赛"], "元旦文体活动方案", 1),
    ],
)
def test_a_plans_opening_paragraph_is_no_remark(lines, title, first_body_line):
    (chunk,) = split_plans(lines)
    assert chunk.title == title
    assert chunk.body == lines[first_body_line:]


@pytest.mark.parametrize("dated", ["（2020年9月）", "(2021年3月5日)"])
def test_a_bracketed_date_of_issue_under_the_title_is_context(dated):
    (chunk,) = split_plans(["河西镇创建文明村镇工作方案", dated, *BODY])
    assert chunk.title == "河西镇创建文明村镇工作方案"
    assert chunk.context == [dated]
    assert chunk.body == BODY


@pytest.mark.parametrize("period", ["（2019-2020年）", "（2021年度）"])
def test_a_bracketed_period_under_the_title_continues_it(period):
    (chunk,) = split_plans(["河西镇创建文明村镇工作方案", period, *BODY])
    assert chunk.title == "河西镇创建文明村镇工作方案" + period
    assert chunk.body == BODY


PLANS = ["学校文明单位创建方案", "医院文明单位创建方案"]


@pytest.mark.parametrize(
    ("head", "markers", "collection"),
    [
        (["文明单位创建方案（3篇）", "社区文明单位创建方案"], ["篇二：", "篇三："], "文明单位创建方案（3篇）"),
        (["首页 > 创建方案", "文明单位创建方案精选3篇", "社区文明单位创建方案"], ["第2篇 ", "第3篇 "], "文明单位创建方案精选3篇"),
        # the count glued to the first plan's title, and to its body too
        (["文明单位创建方案3篇社区文明单位创建方案"], ["【篇二】", "【篇三】"], "文明单位创建方案3篇"),
        (["文明单位创建方案3篇社区文明单位创建方案" + BODY[0]], ["篇二：", "篇三："], "文明单位创建方案3篇"),
    ],
)
def test_a_compilations_first_plan_printed_without_a_marker_is_counted(head, markers, collection):
    lines = [*head, *(BODY[1:] if head[-1].endswith(BODY[0]) else BODY)]
    for marker, title in zip(markers, PLANS):
        lines += [marker + title, *BODY]
    chunks = split_plans(lines)
    assert [c.title for c in chunks] == ["社区文明单位创建方案", *PLANS]
    assert [c.body for c in chunks] == [BODY, BODY, BODY]
    assert [c.collection for c in chunks] == [collection] * 3


def test_a_run_from_two_without_a_counted_title_above_is_one_plan():
    lines = ["文明单位创建方案", "社区文明单位创建方案", *BODY, "篇二：学校文明单位创建方案", *BODY]
    (chunk,) = split_plans(lines)
    assert chunk.title == "社区文明单位创建方案"


def test_a_count_in_a_plans_sentence_is_no_compilation_title():
    lines = ["宣传工作计划", "本年度共编印宣传方案3篇培训计划2篇。", "二、宣传阵地", "篇二：宣传栏更新。"]
    (chunk,) = split_plans(lines)
    assert chunk.title == "宣传工作计划"
    assert chunk.body == lines[1:]


@pytest.mark.parametrize(
    "replies",
    [
        ["5#", "写得不错，建议再加一条考核办法。"],
        ["回复  举报", "顶一下！", "我们单位也在创建，学习了。"],
    ],
)
def test_replies_under_the_plans_signature_are_not_the_plan(replies):
    signature = ["县农机站", "2023年2月6日"]
    (chunk,) = split_plans(["农机站创建文明单位工作方案", *BODY, *signature, *replies])
    assert chunk.body == BODY
    assert chunk.context == [*signature, *replies]


@pytest.mark.parametrize(
    "after",
    [
        ["附件：文明科室考核细则", "一、考核内容", "按月考核。"],  # the plan's attachment
        ["二、活动安排", "各科室按时参加。"],  # a date-like field line inside the plan, then its next section
    ],
)
def test_the_plans_own_text_under_a_dated_line_stays_in_the_plan(after):
    lines = ["农机站创建文明单位工作方案", *BODY, "县农机站", "2023年2月6日", *after]
    (chunk,) = split_plans(lines)
    assert chunk.body == lines[1:]


@pytest.mark.parametrize(
    "numbered",
    [
        ["节约用水宣传活动方案范文1", "节约用水宣传活动方案范文2"],
        ["节约用水宣传活动方案【范文一】", "节约用水宣传活动方案【范文二】"],
        ["节约用水宣传活动方案推荐篇1", "节约用水宣传活动方案推荐篇2"],
        ["【范文1】节约用水宣传活动方案", "【范文2】节约用水宣传活动方案"],
    ],
)
def test_a_compilation_word_and_number_glued_to_each_title_mark_its_plans(numbered):
    chunks = split_plans([numbered[0], *BODY, numbered[1], *BODY])
    assert [c.title for c in chunks] == ["节约用水宣传活动方案"] * 2
    assert [c.body for c in chunks] == [BODY, BODY]


@pytest.mark.parametrize("title", ["精选10所学校开展节约用水宣传活动方案", "模板化管理工作方案", "优秀范文评选活动方案"])
def test_a_compilation_word_inside_a_title_is_no_marker(title):
    (chunk,) = split_plans([title, *BODY])
    assert chunk.title == title


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        ("关于开展2023年度“最美家庭”", "评选活动的实施方案"),  # a quotation left open
        ("某公司“文明餐桌", "光盘行动”实施方案"),
        ("关于组织开展新时代文明实践", "志愿服务月活动的通知"),  # opens like a document's title
        ("某市2024年新时代文明实践", "志愿服务活动方案"),  # names the title's year, no genre word yet
    ],
)
def test_a_title_split_anywhere_over_two_lines_is_joined(head, tail):
    (chunk,) = split_plans([head, tail, *BODY])
    assert chunk.title == head + tail
    assert chunk.body == BODY


@pytest.mark.parametrize("above", ["2023年3月", "2024年最新范文", "县人民医院"])
def test_a_date_a_site_label_or_a_units_name_above_a_title_is_not_its_head(above):
    (chunk,) = split_plans([above, "志愿服务活动方案", *BODY])
    assert chunk.title == "志愿服务活动方案"
    assert chunk.context == [above]


@pytest.mark.parametrize(
    "markers",
    [
        ("【篇一：", "】", "【篇二：", "】"),  # one bracket around the marker and the title
        ("【第1篇 ", "】", "【第2篇 ", "】"),
        ("优秀范文1：", "", "优秀范文2：", ""),  # two compilation words before the number
        ("范文精选一：", "", "范文精选二：", ""),
        ("例文一 ", "", "例文二 ", ""),
        ("NO.1 ", "", "NO.2 ", ""),  # a site's number label
    ],
)
def test_more_compilation_marker_wordings(markers):
    first, first_end, second, second_end = markers
    lines = ["志愿服务方案（精选2篇）", first + "社区志愿服务方案" + first_end, *BODY, second + "学校志愿服务方案" + second_end, *BODY]
    chunks = split_plans(lines)
    assert [c.title for c in chunks] == ["社区志愿服务方案", "学校志愿服务方案"]
    assert [c.body for c in chunks] == [BODY, BODY]


def test_a_bracket_of_the_title_itself_stays_on_a_marker_line():
    lines = ["篇一：社区志愿服务方案【修订稿】", *BODY, "篇二：学校志愿服务方案", *BODY]
    assert [c.title for c in split_plans(lines)] == ["社区志愿服务方案【修订稿】", "学校志愿服务方案"]


@pytest.mark.parametrize("line", ["No.1中学开展了志愿服务。", "优秀1人，良好3人。", "经典诵读1小时。"])
def test_a_plan_sentence_opening_with_such_a_word_and_a_number_is_no_marker(line):
    lines = ["志愿服务方案", *BODY, line, "二、工作要求", line.replace("1", "2")]
    (chunk,) = split_plans(lines)
    assert chunk.body == lines[1:]


@pytest.mark.parametrize("counted", ["学雷锋活动方案3篇", "学雷锋活动方案（精选3篇）"])
def test_a_counted_title_glued_to_the_first_plans_body_names_that_plan(counted):
    opening = "为弘扬雷锋精神，结合学校实际，制定本方案。"
    lines = [counted + opening, "一、活动内容", "开展志愿服务。", "篇二：社区学雷锋活动方案", *BODY]
    chunks = split_plans(lines)
    assert [c.title for c in chunks] == ["学雷锋活动方案", "社区学雷锋活动方案"]
    assert chunks[0].body == [opening, "一、活动内容", "开展志愿服务。"]
    assert [c.collection for c in chunks] == [counted, counted]


def test_a_count_before_a_clause_of_a_sentence_is_not_split_off():
    lines = ["征文活动方案", "评选优秀方案3篇为一等奖。", "二、奖励"]
    (chunk,) = split_plans(lines)
    assert chunk.body == lines[1:]


# An article's headline a few short lines above the plan's title; a sentence introducing the document.


@pytest.mark.parametrize(
    "top",
    [
        ["节约用餐从我做起，我县这样干！", "县融媒体中心", "关注"],
        ["【少先队】争做新时代好队员，快来看看我们的做法！", "某某小学"],
        ["文明创建再加码？这些措施请收好"],
    ],
)
def test_a_headline_above_the_plans_title_is_not_the_body(top):
    lines = [*top, "县机关食堂“光盘行动”实施方案", *BODY]
    (chunk,) = split_plans(lines)
    assert chunk.title == "县机关食堂“光盘行动”实施方案"
    assert chunk.body == BODY


@pytest.mark.parametrize(
    "lead_in",
    [
        "日前，县文明办印发《县机关食堂“光盘行动”实施方案》，全文如下：",
        "现将方案全文转发，原文如下：",
        "日前，县文明办出台光盘行动新规，现将方案要点摘登如下。",
        "记者从县机关事务中心获悉，该中心制定了实施方案，内容如下",
    ],
)
def test_a_sentence_introducing_the_document_goes_to_the_context(lead_in):
    lines = ["节约用餐从我做起，我县这样干！", lead_in, "县机关食堂“光盘行动”实施方案", *BODY]
    (chunk,) = split_plans(lines)
    assert chunk.title == "县机关食堂“光盘行动”实施方案"
    assert chunk.body == BODY
    assert lead_in in chunk.context


def test_a_plan_that_opens_with_an_exclamation_keeps_it_in_its_body():
    lines = ["同志们，让我们行动起来！", "为推进机关精神文明建设，结合工作实际，制定本方案。", "一、工作目标", "争创市级文明单位。"]
    (chunk,) = split_plans(lines)
    assert chunk.body[0] == "同志们，让我们行动起来！"


@pytest.mark.parametrize("remark", ["我们单位去年写过一份，你参考着改改：", "楼主要的方案来了，照着填就行："])
def test_a_posters_remark_ending_in_a_colon_is_not_the_body(remark):
    lines = ["最佳答案", remark, "桃李村创建文明村工作方案", *BODY]
    (chunk,) = split_plans(lines)
    assert chunk.title == "桃李村创建文明村工作方案"
    assert chunk.body == BODY and remark in chunk.context


def test_a_question_and_its_answers_lead_in_above_the_title_are_not_the_body():
    remarks = ["镇里让报文明村，创建方案怎么写？", "我在村里管材料，领导催着要，求个样子。", "我们村前年写的，照着改就行："]
    lines = [*remarks, "桃李村创建文明村工作方案", *BODY]
    (chunk,) = split_plans(lines)
    assert chunk.title == "桃李村创建文明村工作方案"
    assert chunk.body == BODY and all(remark in chunk.context for remark in remarks)


def test_a_run_of_short_lines_longer_than_a_question_stays_above_no_title():
    short = ["镇里让报文明村。", "方案怎么写？", "领导催着要。", "求个样子。"]
    (chunk,) = split_plans([*short, "桃李村创建文明村工作方案", *BODY])
    assert chunk.title == ""


def test_a_plans_own_lead_in_above_its_first_heading_stays_in_the_body():
    lines = ["桃李村创建文明村工作方案", "为改善村容村貌，村“两委”研究决定，具体安排如下：", "一、整治环境卫生", "组织全村开展大扫除。"]
    (chunk,) = split_plans(lines)
    assert chunk.body[0] == "为改善村容村貌，村“两委”研究决定，具体安排如下："


@pytest.mark.parametrize("marker, next_marker", [("【第1篇】学校读书节活动方案", "【第2篇】"), ("篇一：学校读书节活动方案", "篇二：")])
def test_a_fuller_heading_under_a_compilation_marker_is_the_plans_own_title(marker, next_marker):
    second = [next_marker + "学校读书节活动方案", "为营造书香校园氛围，开展读书节活动。", "一、活动内容", "开展图书漂流。"]
    lines = [marker, "青松小学“书香满园”读书节活动方案", *BODY, *second]
    first, _ = split_plans(lines)
    assert first.title == "青松小学“书香满园”读书节活动方案"
    assert first.body == BODY
    assert "学校读书节活动方案" in first.context


@pytest.mark.parametrize("under", ["一、活动目的", "读书节活动安排", "学校读书节工作计划"])
def test_a_heading_or_another_kind_under_a_compilation_marker_stays_in_the_body(under):
    lines = ["篇一：学校读书节活动方案", under, *BODY, "篇二：学校读书节活动方案", "为营造书香校园氛围，开展读书节活动。"]
    first, _ = split_plans(lines)
    assert first.title == "学校读书节活动方案"
    assert first.body[0] == under
