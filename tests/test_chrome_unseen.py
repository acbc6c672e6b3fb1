"""Chrome categories of sites the rules were not written for: publish stamps in every shape, keyword
spam of hijacked pages, 范文 sites' talk about the genre, a site's excerpt printed above the text it
was cut from, titles printed twice, counters and buttons.

Every page here is invented in the shapes such sites print.
"""
import pytest

from conftest import page_lines, removed
from scripts import clean
from scripts.clean.chrome import strip_chrome

TITLE = "街道2024年文明社区创建工作方案"
BODY = [
    "为深入推进精神文明建设，巩固提升文明社区创建成果，结合街道实际，制定本方案。",
    "一、工作目标",
    "以社会主义核心价值观为引领，广泛开展志愿服务活动，组织居民参加文明实践，落实创建责任。",
    "二、主要措施",
    "各社区要加强组织领导，明确责任分工，把创建工作与日常工作同部署、同检查、同落实。",
]


def page(head=(), tail=(), title=TITLE, body=BODY) -> str:
    return page_lines(title, body, head, tail)


# --- publish lines -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, rule",
    [
        ("更新：2022-08-09 10:11:12 某某学习网", "chrome.publish.publish_date_line"),
        ("发布:2021年3月4日", "chrome.publish.publish_date_line"),
        ("2019年07月02日", "chrome.publish.lone_date_line"),
        ("2019-07-02 09:30 星期二", "chrome.publish.lone_date_line"),
    ],
)
def test_publish_lines_under_the_title_go(line, rule):
    result = strip_chrome(page(head=[TITLE], title=line))
    assert removed(result) == [(rule, line)]
    assert result.text == "\n".join([TITLE, *BODY])


def test_a_publish_date_is_captured():
    result = strip_chrome(page(head=[TITLE], title="2019年07月02日"))
    assert result.meta.publish_date == "2019-07-02"


def test_the_plans_own_date_below_it_stays_unflagged():
    tail = ["街道文明办", "2024年3月8日"]
    result = strip_chrome(page(tail=tail))
    assert result.text == page(tail=tail)
    assert result.removed == [] and result.flags == []


def test_a_publish_stamp_glued_into_a_line_is_cut_out():
    line = "第1篇：某某活动方案 栏目: 方案 发布时间: 2020-05-06 " + BODY[0]
    result = strip_chrome(page(head=[TITLE], title=line))
    assert removed(result) == [("chrome.publish.publish_stamp_glued", "栏目: 方案 发布时间: 2020-05-06")]
    assert result.meta.publish_date == "2020-05-06"
    assert result.text.splitlines()[1] == "第1篇：某某活动方案" + BODY[0]


def test_a_plan_sentence_with_a_date_in_words_keeps_it():
    line = "各社区于2024年5月6日前上报创建台账，发布时间以街道通知为准，逾期不再受理。"
    result = strip_chrome(page(body=[*BODY, line]))
    assert result.removed == []


# --- spam, counters, buttons, dividers -----------------------------------------------------


def test_a_video_spam_keyword_run_above_the_plan_goes_and_the_zones_hold():
    spam = "某某免费视频，一区二区在线观看，午夜剧场，日韩专区"
    result = strip_chrome(page(head=[spam, "更新：2022-08-09 10:11:12"]))
    assert [s.rule for s in result.removed] == ["chrome.spam_html.video_spam", "chrome.publish.publish_date_line"]
    assert result.text == page()


def test_a_plan_that_mentions_watching_online_once_keeps_it():
    line = "组织居民在线观看道德模范事迹报告会，引导大家学习身边好人，营造崇德向善的社会风尚。"
    result = strip_chrome(page(body=[*BODY, line]))
    assert result.removed == []


@pytest.mark.parametrize("line", ["99+", "1234", "海报", "收藏TA"])
def test_counters_and_buttons_above_the_plan_go(line):
    result = strip_chrome(page(head=[TITLE, line]))
    assert [s.rule for s in result.removed] == ["chrome.furniture.score"]


def test_a_divider_inside_the_plan_goes():
    result = strip_chrome(page(body=[*BODY[:2], "==========", *BODY[2:]]))
    assert removed(result) == [("chrome.markup.rule_line_any", "==========")]
    assert result.text == page()


def test_a_source_and_domain_line_inside_the_plan_goes():
    result = strip_chrome(page(body=[*BODY[:3], "出处 WWW.Example.COM.cn", *BODY[3:]]))
    assert removed(result) == [("chrome.watermark.source_domain_line", "出处 WWW.Example.COM.cn")]
    assert result.meta.source == "Example.COM.cn"


def test_a_tag_line_between_title_and_body_goes():
    result = strip_chrome(page(head=[TITLE, "标签： #工作计划"], title=""))
    assert removed(result) == [("chrome.related.keywords_line", "标签： #工作计划")]


# --- the 范文 sites' talk about the genre ----------------------------------------------------


@pytest.mark.parametrize(
    "intro",
    [
        "方案是把要做的事先排好次序的一种计划，下面几篇请参考以下写法。",
        "方案的制定离不开反复琢磨，写法因事而异，可以多看几篇例文。",
        "一份好的计划能让人事半功倍，这几篇经过编辑的加工，盼读者在本网页多多收藏。",
    ],
)
def test_talk_about_the_genre_above_the_plans_goes(intro):
    result = strip_chrome("\n".join(["文明社区创建方案（精选5篇）", intro, "文明社区创建方案篇一", *BODY]))
    assert [s.text for s in result.removed] == [intro]


def test_a_plan_paragraph_about_its_own_plan_stays():
    opening = "本方案的制定以上级要求为依据，结合街道实际，明确各社区创建任务，落实工作责任，推进志愿服务。"
    result = strip_chrome(page(body=[opening, *BODY[1:]]))
    assert result.removed == []


# --- copies --------------------------------------------------------------------------------


def test_a_sites_excerpt_above_the_text_it_was_cut_from_goes():
    full = TITLE + " " + BODY[0] + BODY[2]
    excerpt = (TITLE + BODY[0] + BODY[2])[:70]
    result = strip_chrome("\n".join([TITLE, excerpt, "", full, *BODY[3:]]))
    assert removed(result) == [("chrome.upload.teaser_copy", excerpt)]
    assert result.text == "\n".join([TITLE, "", full, *BODY[3:]])


def test_a_short_line_the_next_line_begins_with_stays():
    """A title glued to its first sentence on the next line is not an excerpt: the title stays."""
    lines = [TITLE, TITLE + BODY[0], *BODY[1:]]
    result = strip_chrome("\n".join(lines))
    assert result.removed == []


def test_a_title_cut_short_above_the_whole_title_goes():
    result = strip_chrome("\n".join([TITLE, TITLE[:-1], TITLE, *BODY]))
    assert removed(result) == [("chrome.repeated_title.cut_copy", TITLE[:-1])]


def test_a_title_again_with_the_number_of_plans_goes():
    copy = TITLE + "8篇。"
    result = strip_chrome("\n".join([TITLE, copy, *BODY]))
    assert removed(result) == [("chrome.repeated_title.count_copy", copy)]


def test_a_title_printed_twice_on_one_line_keeps_one():
    line = "第2篇：" + TITLE + " " + TITLE + " " + BODY[0]
    result = strip_chrome(page(head=[TITLE], title=line))
    assert removed(result) == [("chrome.repeated_title.doubled_on_line", TITLE)]
    assert result.text.splitlines()[1] == "第2篇：" + TITLE + " " + BODY[0]


def test_the_download_button_glued_before_the_title_goes_the_title_stays():
    result = strip_chrome(page(title="推荐下载 " + TITLE))
    assert removed(result) == [("chrome.nav.download_before_title", "推荐下载 ")]
    assert result.text == page()


def test_a_sharing_sites_name_before_a_title_below_the_plan_goes():
    line = "某某文库" + TITLE
    result = strip_chrome(page(tail=[line]))
    assert removed(result) == [("chrome.nav.site_then_title", line)]


# --- machine-made stamps wherever they stand -------------------------------------------------


@pytest.mark.parametrize(
    "line, rule",
    [
        ("2021-07-02 09:30 来源：某某日报", "chrome.publish.machine_stamp_line"),
        ("某某号 2021-07-02 09:30:11", "chrome.publish.machine_stamp_line"),
        ("作者：某某 来源：本站", "chrome.publish.meta_keys_line"),
        ("时间：2021-07-02 浏览：56次", "chrome.publish.meta_keys_line"),
        ("文章来源：网友投稿", "chrome.publish.stock_source_line"),
    ],
)
def test_machine_made_stamps_inside_the_plan_go(line, rule):
    result = strip_chrome(page(body=[*BODY[:3], line, *BODY[3:]]))
    assert removed(result) == [(rule, line)]


def test_an_event_time_inside_the_plan_stays():
    lines = ["时间：2024年5月6日上午9:00", "地点：社区会议室"]
    result = strip_chrome(page(body=[*BODY[:3], *lines, *BODY[3:]]))
    assert result.removed == [] and result.flags == []


def test_a_long_title_with_a_comma_is_no_content_paragraph():
    """The publish date under it is above the plan, not inside it."""
    title = "关于开展“讲文明，树新风”主题实践活动的实施方案"
    result = strip_chrome("\n".join([title, "2019年07月02日", *BODY]))
    assert removed(result) == [("chrome.publish.lone_date_line", "2019年07月02日")]


# --- chrome glued to a sentence: only its piece goes ----------------------------------------

SENTENCE = "各社区要加强组织领导，明确责任分工，确保各项创建工作取得实实在在的成效。"


@pytest.mark.parametrize(
    "line, piece, rule",
    [
        (SENTENCE[:10] + "（转载请注明出处）" + SENTENCE[10:], "（转载请注明出处）", "chrome.disclaimer.reprint"),
        (SENTENCE + "--本文来源于网络", "--本文来源于网络", "chrome.disclaimer.upload_notice"),
        ("本文来源于网络。" + SENTENCE, "本文来源于网络。", "chrome.disclaimer.upload_notice"),
        (SENTENCE[:10] + "（本文来自某某网）" + SENTENCE[10:], "（本文来自某某网）", "chrome.watermark.bracket_site_plug"),
        (SENTENCE + "（更多精彩范文请关注某某网）", "（更多精彩范文请关注某某网）", "chrome.watermark.bracket_site_plug"),
        (SENTENCE + "本文来源：某某网", "本文来源：某某网", "chrome.watermark.source_after_sentence"),
    ],
)
def test_a_notice_glued_to_a_sentence_goes_the_sentence_stays(line, piece, rule):
    result = strip_chrome(page(body=[*BODY[:3], line, *BODY[3:]]))
    assert removed(result) == [(rule, piece)]
    assert result.text == page(body=[*BODY[:3], SENTENCE, *BODY[3:]])


def test_a_short_line_with_a_notice_goes_whole():
    line = "加强领导（转载请注明出处）"
    result = strip_chrome(page(tail=[line]))
    assert removed(result) == [("chrome.disclaimer.reprint", line)]


def test_an_intro_goes_whole_not_only_its_last_sentence():
    intro = "文明创建是一项长期的工作，需要提前谋划。下面是小编为大家整理的创建方案，供大家参考。"
    result = strip_chrome(page(head=[intro]))
    assert [s.text for s in result.removed] == [intro]


def test_a_preview_wall_of_ellipses_goes_and_flags_truncation():
    line = "各社区要加强组织领导，明确责任分工，确保各项…………"
    result = strip_chrome(page(body=[*BODY[:3], line, *BODY[3:]]))
    assert removed(result) == [("chrome.page_marker.ellipsis_wall", "…………")]
    assert [f.kind for f in result.flags] == ["truncation"]


# --- furniture in clauses --------------------------------------------------------------------


@pytest.mark.parametrize("line", ["扫一扫，手机阅读", "更多精彩内容，请关注某某网", "已有12人点赞", "共3页 上一页 下一页", "【纠错】"])
def test_furniture_with_commas_and_counters_below_the_plan_goes(line):
    result = strip_chrome(page(tail=[line]))
    assert result.text == page()


@pytest.mark.parametrize("line", ["组织志愿者下载学习强国，关注公众号", "分享经验，推广做法", "宣传栏、展板、海报"])
def test_short_plan_lines_with_furniture_words_below_the_plan_stay(line):
    result = strip_chrome(page(tail=[line]))
    assert result.text == page(tail=[line])


# --- more 范文 intros, document-sharing facts, plan fields -----------------------------------


@pytest.mark.parametrize(
    "intro",
    [
        "计划是把事情做好的前提，做好一份完整的计划，才能让效率提高。",
        "日子过得飞快，新的工作又要开始了，不妨坐下来好好写写计划吧。那么你真的会写计划吗？",
        "制定方案时一定要充分考虑实际情况，方案的内容要具体明确。",
        "在日常的工作学习中，时常需要用到方案，方案可以帮助我们理清思路。",
    ],
)
def test_more_talk_about_the_genre_goes(intro):
    result = strip_chrome("\n".join(["文明社区创建方案（精选5篇）", intro, "文明社区创建方案篇一", *BODY]))
    assert [s.text for s in result.removed] == [intro]


@pytest.mark.parametrize("line", ["文档介绍", "4.9分", "原价：19.9元", "内容提供方：某某", "本资料仅供参考", "Word文档", "docx 14页 16.2KB"])
def test_document_sharing_facts_above_the_plan_go(line):
    result = strip_chrome(page(head=[TITLE, line]))
    assert result.text == page(head=[TITLE])


@pytest.mark.parametrize("line", ["活动时间：2024年5月6日 9:00", "报名日期：2024-05-06"])
def test_a_plans_own_time_field_below_the_plan_stays(line):
    result = strip_chrome(page(tail=[line]))
    assert result.text == page(tail=[line])


# --- bylines -----------------------------------------------------------------------------------


def test_a_pen_name_over_a_stamp_line_above_the_plan_goes():
    result = strip_chrome(page(head=[TITLE, "听雨小筑", "创建于03-08", "阅读 512"], title=""))
    assert removed(result)[0] == ("chrome.publish.byline", "听雨小筑")
    assert [s.rule for s in result.removed][1:] == ["chrome.furniture.score", "chrome.publish.hits_line"]


@pytest.mark.parametrize("name", ["街道文明办", "某某县实验小学", "城关镇人民政府"])
def test_a_units_name_over_the_date_stays(name):
    result = strip_chrome(page(head=[TITLE, name, "2024-03-08"], title=""))
    assert name in result.text.splitlines()


def test_a_pen_name_inside_the_plan_stays():
    body = [*BODY[:3], "听雨小筑", "阅读 512", *BODY[3:]]
    result = strip_chrome(page(body=body))
    assert "听雨小筑" in result.text.splitlines()


def test_an_article_made_with_a_tool_line_below_the_plan_goes():
    line = "文章由 某某编辑器 生成"
    result = strip_chrome(page(tail=[line]))
    assert removed(result) == [("chrome.disclaimer.article_by", line)]


# --- chrome glued after the title: the title stays ------------------------------------------


@pytest.mark.parametrize(
    "suffix, rule",
    [
        (" 2023-05-06 10:20:30", "chrome.publish.machine_stamp_line"),
        (" 来源：本站 作者：某某", "chrome.publish.meta_bar"),
        ("2023-05-06", "chrome.watermark.title_stamp_suffix"),
        (" 阅读(123)", "chrome.watermark.title_stamp_suffix"),
        ("_某某范文网", "chrome.watermark.title_site_suffix"),
        (" | 某某文库", "chrome.watermark.title_site_suffix"),
    ],
)
def test_chrome_glued_after_the_title_goes_the_title_stays(suffix, rule):
    result = strip_chrome(page(title=TITLE + suffix))
    assert result.text == page()
    assert [s.rule for s in result.removed] == [rule]


def test_a_stamp_with_a_sentence_after_it_is_not_cut_after_the_title():
    line = "某某活动方案 来源：本站 作者：某某 " + BODY[0]
    result = strip_chrome(page(head=[TITLE], title=line))
    assert BODY[0] in result.text


def test_a_persons_name_under_the_title_goes():
    result = strip_chrome(page(head=[TITLE, "陈小明"], title=""))
    assert removed(result) == [("chrome.publish.byline", "陈小明")]
    assert result.text == "\n".join([TITLE, "", *BODY])


@pytest.mark.parametrize("line", ["周一", "金额", "引言"])
def test_short_words_under_the_title_stay(line):
    result = strip_chrome(page(head=[TITLE, line], title=""))
    assert line in result.text.splitlines()


def test_a_persons_name_below_the_plan_is_its_signature():
    result = strip_chrome(page(tail=["陈小明", "2024年3月8日"]))
    assert result.text == page(tail=["陈小明", "2024年3月8日"])


def test_a_plan_comparing_with_other_countries_keeps_the_line():
    line = "学习欧美经验，借鉴日韩做法。"
    result = strip_chrome(page(body=[*BODY, line]))
    assert result.removed == []


# --- a paragraph hard-wrapped one character a line: the same zones before and after the join -------

MENU = "首页 | 工作动态 | 办事指南"
WRAPPED = "组织居民参加志愿服务活动，落实各项创建责任，提升社区文明程度。"  # 31 characters: a paragraph once joined


def test_a_menu_under_headings_below_a_wrapped_paragraph_goes_in_the_first_cleaning():
    """The headings and the short last sentence are no wrapped paragraph (the repair stage joins no line
    to a heading): the menu above that sentence is below the last paragraph, before and after the join."""
    last = "各社区要加强组织领导，明确责任分工。"
    headings = ["一、工作目标", "二、主要措施", "三、工作要求"]
    once = clean.clean_text("\n".join([TITLE, MENU, *WRAPPED, *headings, MENU, last]))
    assert once.text == "\n".join([TITLE, WRAPPED, *headings, last]) + "\n"
    assert [s.line for s in once.removed if s.rule == "chrome.nav.pipe_menu"] == [2, 3 + len(WRAPPED) + len(headings)]
    assert clean.clean_text(once.text).text == once.text


def test_a_page_marker_line_is_no_part_of_the_wrapped_paragraph_below_it():
    """A line that is only a page marker is blank once cut: the menu under it is still above the plan."""
    once = clean.clean_text("\n".join([TITLE, "第2页 共5页", MENU, *WRAPPED]))
    assert once.text == "\n".join([TITLE, WRAPPED]) + "\n"
    assert clean.clean_text(once.text).text == once.text


def test_a_wrapped_paragraph_below_a_paragraph_is_in_the_body_too():
    """A wrapped paragraph counts whether or not another line is a paragraph by itself: a block's
    header among its pieces is kept and flagged, never let take the pieces below it."""
    text = "\n".join([TITLE, BODY[0], *WRAPPED[:12], "相关推荐", *WRAPPED[12:]])
    result = strip_chrome(text)
    assert result.text == text
    assert [(f.kind, f.excerpt) for f in result.flags] == [("uncertain_chrome", "相关推荐")]
