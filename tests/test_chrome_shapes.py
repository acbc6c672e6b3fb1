"""Chrome of sites never seen, fourth pass: each category in the wordings other sites give it — page markers set
off by dashes, dots or brackets, site sources in brackets of any width, footers' links and credits, bait lines,
follow prompts, editors' and credits' keys, withheld text — and the plan lines of the same shapes that stay.

Every line here is invented in the shapes such sites print.
"""
import pytest

from conftest import page_lines, removed, rules_of
from scripts import clean
from scripts.clean.chrome import strip_chrome

TITLE = "区图书馆2025年文明单位创建工作方案"
BODY = [
    "为深入推进精神文明建设，巩固文明单位创建成果，结合本馆实际，制定本方案。",
    "一、指导思想",
    "以社会主义核心价值观为引领，广泛开展志愿服务活动，组织职工参加文明实践，落实创建责任。",
    "二、工作措施",
    "各部门要明确责任分工，把创建工作与业务工作同部署、同检查、同落实。",
]
SENTENCE = BODY[-1]


def cleaned(head=(), tail=(), body=BODY, title=TITLE):
    return strip_chrome(page_lines(title, body, head, tail))


def between(line):
    """The plan with ``line`` between its second heading and the paragraph under it."""
    return cleaned(body=[*BODY[:4], line, *BODY[4:]])


def gone(result, rule: str, text: str) -> None:
    """``rule`` (chrome.…) removed exactly ``text``, and the plan is left whole."""
    assert (rule, text) in removed(result)
    assert result.text == "\n".join([TITLE, *BODY])


@pytest.mark.parametrize(
    "marker, rule",
    [
        ("——第3页——", "page_number_line"),
        ("— 第 2 页 —", "page_number_line"),
        ("【第2页】", "page_number_line"),
        ("~ 4 ~", "page_number_line"),
        ("·2·", "page_number_line"),
        ("3 of 12", "page_number_line"),
        ("2/12页", "page_number_line"),
        ("第2/8页", "page_number_line"),
        ("页码：3", "page_number_line"),
        ("第 3 页（共 8 页）", "page_of_total"),
        ("共10页，当前第3页", "page_of_total"),
        ("第3页 下一页", "pager"),
    ],
)
def test_a_page_marker_between_two_paragraphs_goes(marker, rule):
    gone(between(marker), f"chrome.page_marker.{rule}", marker)


@pytest.mark.parametrize("line", ["——开展“文明读者”评选活动。", "~ 志愿服务 ~", "3/5的职工", "2024—2025", "（1）"])
def test_a_dash_item_a_fraction_or_a_year_range_between_paragraphs_stays(line):
    assert line in between(line).text.splitlines()


def test_a_page_number_between_spaced_dashes_inside_a_sentence_is_cut():
    line = "各部门要明确责任分工， - 3 - 把创建工作与业务工作同部署、同检查、同落实。"
    result = cleaned(body=[*BODY[:-1], line])
    assert rules_of(result) == {"chrome.page_marker.page_number_inline"}
    assert SENTENCE in clean.clean_text(page_lines(TITLE, [*BODY[:-1], line])).text


def test_a_numbered_method_with_dashes_inside_a_sentence_stays():
    line = "按照“1 - 3 - 5”工作法，每月开展一次志愿服务，每季度开展一次评议，落实创建责任。"
    assert line in cleaned(body=[*BODY, line]).text


def test_a_page_number_after_a_space_behind_the_title_goes():
    result = cleaned(title=TITLE + " 第2页")
    assert ("chrome.page_marker.page_suffix", " 第2页") in removed(result)
    assert result.text.splitlines()[0] == TITLE


@pytest.mark.parametrize(
    "stamp",
    [
        "（来源：某某范文网 www.fanwen-abc.com）",
        "(出自某某范文网 http://www.abc.cn)",
        "［本文来自某某网］",
        "〔来源：某某网〕",
        "[来源：某某文库]",
        "（本文由某某范文网整理）",
        "（某某范文网整理）",
        "【某某文库 www.abc.com】",
        "「本文来源于网络，仅供参考」",
        "（内容来源：网络）",
        "【文章来源于某某公众号】",
        "【某某范文网】",
    ],
)
def test_a_site_source_in_brackets_is_cut_from_the_sentence(stamp):
    line = SENTENCE.replace("，把", "，" + stamp + "把")
    result = cleaned(body=[*BODY[:-1], line])
    assert [text for rule, text in removed(result) if rule.startswith("chrome.watermark.")] == [stamp]
    assert SENTENCE in result.text


@pytest.mark.parametrize("note", ["（资金来源：财政拨款）", "（来源：区统计局）", "（由区文明网负责）", "（详见中国文明网）"])
def test_a_plans_own_bracketed_source_or_site_stays(note):
    line = SENTENCE.replace("，把", "，" + note + "把")
    result = cleaned(body=[*BODY[:-1], line])
    assert result.removed == []
    assert line in result.text


@pytest.mark.parametrize(
    "signature, rule",
    [
        ("——摘自某某范文大全", "source_after_sentence"),
        ("本文由某某范文网整理发布。", "signed_after_sentence"),
    ],
)
def test_a_site_signing_after_the_last_sentence_goes(signature, rule):
    result = cleaned(body=[*BODY[:-1], SENTENCE + signature])
    assert (f"chrome.watermark.{rule}", signature) in removed(result)
    assert result.text.endswith(SENTENCE)


@pytest.mark.parametrize("line", [SENTENCE + "——选自《区图书馆读者守则》", SENTENCE + "本文由区文明办负责解释。"])
def test_a_quotation_or_the_plans_own_closing_after_the_last_sentence_stays(line):
    assert line in cleaned(body=[*BODY[:-1], line]).text


@pytest.mark.parametrize(
    "line, rule",
    [
        ("关于我们", "nav.footer_links"),
        ("隐私政策 | 用户协议", "nav.footer_links"),
        ("网站声明 · 隐私条款 · 联系方式", "nav.footer_links"),
        ("商务合作：QQ 12345678", "nav.business_contact"),
        ("技术支持：某某网络科技有限公司", "disclaimer.site_footer_tech"),
        ("Powered by 某某CMS", "disclaimer.site_footer_tech"),
        ("（c）2024 某某网", "disclaimer.copyright"),
        ("如若转载，请注明出处", "disclaimer.reprint"),
        ("未经允许不得转载", "disclaimer.reprint"),
        ("若本文有侵权，请告知，我们会及时删除。", "disclaimer.upload_notice"),
        ("内容仅供参考，请勿直接套用", "disclaimer.reference_only"),
        ("（此文为网络收集，仅供参考）", "disclaimer.shared_by_users"),
        ("点击领取100元红包", "spam_html.bait_offer"),
        ("免费领取全套创建资料包，私信回复“资料”", "spam_html.bait_offer"),
        ("加群领取资料：123456789", "spam_html.bait_offer"),
        ("网赚项目，日入过千", "spam_html.bait_offer"),
        ("微信号：abc_fanwen", "qr_image.account_line"),
        ("用手机扫描二维码，随时随地看", "qr_image.qr_generic"),
        ("本期编辑：小王", "publish.editor_line"),
        ("审核人：李某　发布人：王某", "publish.editor_line"),
        ("更多精彩内容，请点击进入“工作方案”栏目", "related.more_link"),
        ("更多：工作方案", "related.more_link"),
        ("大家还在看", "related.related_list"),
        ("需要金币：3", "upload.uploader_keys"),
        ("因篇幅限制，仅展示部分内容", "page_marker.withheld_notice"),
        ("— 展开剩余70% —", "page_marker.expand_full"),
    ],
)
def test_a_furniture_line_below_the_plan_goes(line, rule):
    """Footer links and credits, a site's notices in other words, bait, an account to follow, an editor's key,
    a link to more pages, a price in coins, a withheld rest: each by its rule."""
    result = cleaned(tail=[line])
    assert f"chrome.{rule}" in rules_of(result)
    assert result.text == "\n".join([TITLE, *BODY])


@pytest.mark.parametrize(
    "line",
    [
        "联系方式",
        "技术保障：信息部",
        "读者凭证免费领取图书",
        "组长：王某",
        "区图书馆办公室　2025年3月5日印发",
        "联系人：王某　联系电话：1234567",
    ],
)
def test_a_plans_own_line_below_it_stays(line):
    """A contacts heading alone, a team of the plan, a plan's offer, a member, the issuing line, a contact."""
    result = cleaned(tail=[line])
    assert line in result.text.splitlines()


@pytest.mark.parametrize(
    "line",
    [
        "（四）技术支持：由信息部负责网络和设备保障。",
        "开展“书香家庭”评选，每户可免费领取图书一册。",
        "关注“某某图书馆”微信公众号，参与线上答题。",
        "因篇幅有限，本方案只列举主要任务，具体见附件。",
        "未经允许不得使用馆内设备。",
    ],
)
def test_plan_lines_with_furniture_words_between_paragraphs_stay(line):
    assert line in between(line).text.splitlines()


@pytest.mark.parametrize(
    "line, rule",
    [
        ("发布部门：区文明办", "author_line"),
        ("文：王某  图：李某", "slash_credits"),
        ("作者|王某", "slash_credits"),
        ("共8页 · 1.6千字", "file_facts"),
    ],
)
def test_a_credits_or_file_line_under_the_title_goes(line, rule):
    result = cleaned(body=[line, *BODY])
    category = "upload" if rule == "file_facts" else "publish"
    assert (f"chrome.{category}.{rule}", line) in removed(result)
    assert result.text == "\n".join([TITLE, *BODY])


def test_the_site_name_after_a_dash_behind_the_title_goes():
    result = cleaned(title=TITLE + "-范文大全")
    assert ("chrome.watermark.title_site_suffix", "-范文大全") in removed(result)
    assert result.text.splitlines()[0] == TITLE


def test_a_page_printed_without_line_breaks_loses_its_trail_its_wall_and_its_buttons():
    line = (
        "首页 > 工作方案 > 正文 " + TITLE + " " + BODY[0] + BODY[2] + "第 1 页 共 6 页 " + SENTENCE
        + "还剩4页未读，继续阅读 下载文档 收藏 分享"
    )
    result = strip_chrome(line)
    assert {"chrome.nav.breadcrumb_lead", "chrome.page_marker.read_remaining", "chrome.related.trailing_buttons"} <= rules_of(result)
    assert result.text.startswith(TITLE) and result.text.endswith(SENTENCE)


def test_a_trail_ending_in_the_title_stays_for_the_line_rules():
    result = cleaned(head=["首页 > 工作方案 > " + TITLE])
    assert "chrome.nav.breadcrumb_lead" not in rules_of(result)
    assert result.text == "\n".join([TITLE, *BODY])


def test_the_page_title_and_its_page_number_glued_after_a_sentence_go():
    copy = TITLE + "_第2页"
    result = cleaned(body=[*BODY[:2], BODY[2] + copy, *BODY[3:]])
    assert ("chrome.page_marker.title_page_glued", copy) in removed(result)
    assert result.text == "\n".join([TITLE, *BODY])


def test_the_first_title_with_its_page_number_before_the_text_keeps_the_title():
    result = strip_chrome("\n".join([TITLE + "_第1页" + BODY[0], *BODY[1:]]))
    assert result.text.startswith(TITLE)


@pytest.mark.parametrize(
    "line, rule",
    [
        ("墨韵2048 分享", "publish.sharer_line"),
        ("书香阁原创", "publish.original_mark"),
        ("原创 书香阁", "publish.original_mark"),
        ("03-05 10:21", "publish.lone_date_line"),
        ("『2024-03-05』", "publish.lone_date_line"),
        ("日期：2024年3月5日", "publish.lone_date_line"),
        ("全文约2196字", "furniture.score"),
        ("约2196字 阅读需6分钟", "furniture.score"),
        ("IP属地：北京", "furniture.score"),
        ("只看楼主 | 倒序浏览", "qa.forum_buttons"),
    ],
)
def test_a_stamp_of_a_user_or_a_social_page_under_the_title_goes(line, rule):
    gone(cleaned(body=[line, *BODY]), f"chrome.{rule}", line)


@pytest.mark.parametrize("line", ["时间：2025年3月5日", "活动时间：2025年3月5日上午9:00", "分享会：每月举办一次读书分享会。"])
def test_an_event_time_or_a_plan_field_under_the_title_stays(line):
    assert line in cleaned(body=[line, *BODY]).text.splitlines()


def test_a_forum_posts_buttons_below_the_plan_go():
    result = cleaned(tail=["回复 支持 反对"])
    assert ("chrome.qa.forum_buttons", "回复 支持 反对") in removed(result)


@pytest.mark.parametrize("suffix", ["（2024-03-05）", " 作者：书香阁", " 312阅读", "　发布时间：2024年3月5日"])
def test_a_stamp_or_a_byline_after_the_title_goes(suffix):
    result = cleaned(title=TITLE + suffix)
    assert ("chrome.watermark.title_stamp_suffix", suffix) in removed(result)
    assert result.text.splitlines()[0] == TITLE


def test_a_date_in_words_in_brackets_after_the_title_stays():
    title = TITLE + "（2025年3月5日）"
    assert cleaned(title=title).text.splitlines()[0] == title


@pytest.mark.parametrize(
    "line, rule",
    [
        ("你对这个回答的评价是？", "qa.answerer_line"),
        ("本回答由提问者推荐", "qa.answerer_line"),
        ("其他类似问题", "qa.answerer_line"),
        ("共 12 条回复", "qa.answerer_line"),
        ("擅长：公文写作", "qa.answerer_line"),
        ("赞同 12 | 反对 0", "qa.forum_buttons"),
        ("有用 (12)  没用 (0)", "qa.forum_buttons"),
        ("已赞过 已踩过", "qa.forum_buttons"),
        ("写下你的评论...", "related.comments"),
        ("登录后参与评论", "related.comments"),
        ("转藏到我的图书馆", "qa.reader_shelf"),
        ("献花(0)", "qa.reader_shelf"),
        ("— THE END —", "markup.end_mark"),
        ("【END】", "markup.end_mark"),
        ("编辑整理：书香阁", "publish.editor_line"),
        ("本文整理自网络", "upload.provenance"),
        ("1、本文档共计6页，下载后可编辑修改", "upload.open_with"),
        ("2、下载后请在Word中打开", "upload.open_with"),
        ("特别推荐", "related.related_list"),
        ("换一换", "furniture.score"),
        ("正在加载中，请稍后...", "furniture.score"),
        ("+1", "furniture.score"),
    ],
)
def test_the_furniture_of_a_qa_a_forum_or_a_repost_page_below_the_plan_goes(line, rule):
    gone(cleaned(tail=[line]), f"chrome.{rule}", line)


@pytest.mark.parametrize(
    "line, rule",
    [
        ("答：", "qa.answerer_line"),
        ("书香阁的图书馆 > 《工作方案》", "qa.reader_shelf"),
        ("馆藏&312", "qa.reader_shelf"),
        ("文档分类：工作方案", "upload.uploader_keys"),
        ("适用场景：机关单位", "upload.uploader_keys"),
        ("该用户很懒，什么也没介绍", "upload.lazy_user"),
        ("版权申诉", "furniture.score"),
    ],
)
def test_the_furniture_of_a_qa_a_repost_or_a_sharing_page_above_the_plan_goes(line, rule):
    gone(cleaned(head=[line]), f"chrome.{rule}", line)


@pytest.mark.parametrize("line", ["馆藏资源", "资料整理：办公室负责创建资料的收集整理。", "本方案由区图书馆办公室负责解释。", "其他事项"])
def test_a_library_plans_own_short_lines_stay(line):
    assert line in cleaned(tail=[line]).text.splitlines()


@pytest.mark.parametrize("marker", ["－2－", "—2—", "（第2页）", "【第2页】", "Page 2 of 5"])
def test_a_page_number_inside_a_sentence_is_cut(marker):
    line = SENTENCE.replace("，把", "，" + marker + "把")
    result = cleaned(body=[*BODY[:-1], line])
    assert ("chrome.page_marker.page_number_inline", marker) in removed(result)
    assert SENTENCE in result.text


@pytest.mark.parametrize("marker", ["- 2 -", "— 2 —", " 2/5"])
def test_a_page_number_after_the_last_sentence_of_a_line_is_cut(marker):
    result = cleaned(body=[*BODY[:-1], SENTENCE + marker])
    assert "chrome.page_marker.page_number_inline" in rules_of(result)
    assert result.text.endswith(SENTENCE)


@pytest.mark.parametrize("marker", ["共5页", "当前第2页", "‐ 2 ‐", "﹣2﹣"])
def test_more_page_markers_between_two_paragraphs_go(marker):
    result = between(marker)
    assert ("chrome.page_marker.page_number_line", marker) in removed(result)


@pytest.mark.parametrize(
    "line",
    [
        "开展“1-2-3”读者服务活动，每月组织一次志愿服务，落实创建责任。",
        "于2024-3-5前完成自查，每周1-2次开展巡查，落实创建责任。",
        "职工参与率达到2/5以上，逐步提高到3/5，落实创建责任。",
        "详见附件第2页，各部门按表填报，落实创建责任。",
    ],
)
def test_numbers_with_dashes_slashes_or_pages_in_a_plan_sentence_stay(line):
    result = cleaned(body=[*BODY, line])
    assert line in result.text.splitlines()


@pytest.mark.parametrize(
    "label, rule",
    [
        ("（珍藏版）", "title_site_label"),
        ("（简洁版）", "title_site_label"),
        ("【全文】", "title_site_label"),
        ("【荐】", "title_site_label"),
        ("（参考范本）", "title_site_label"),
        ("范文模板", "title_label"),
        ("大全", "title_label"),
    ],
)
def test_a_sites_label_after_the_title_goes(label, rule):
    result = cleaned(title=TITLE + label)
    assert (f"chrome.watermark.{rule}", label) in removed(result)
    assert result.text.splitlines()[0] == TITLE


@pytest.mark.parametrize("status", ["（试行）", "（修订稿）", "（第二版）", "（2025年版）", "（草案）"])
def test_a_documents_own_status_after_the_title_stays(status):
    assert cleaned(title=TITLE + status).text.splitlines()[0] == TITLE + status


@pytest.mark.parametrize("label", ["【范文】", "（最新）"])
def test_a_sites_label_before_the_title_goes(label):
    result = cleaned(title=label + TITLE)
    assert ("chrome.markup.title_label_before", label) in removed(result)
    assert result.text.splitlines()[0] == TITLE


@pytest.mark.parametrize(
    "line, rule",
    [
        ("如需进一步调整，请告诉我。", "disclaimer.ai_closing"),
        ("如果您需要，我可以进一步细化各项任务的时间安排。", "disclaimer.ai_closing"),
        ("您可以根据本单位实际情况进行修改完善。", "disclaimer.ai_closing"),
        ("注：以上方案仅供参考，具体内容可根据实际情况调整。", "disclaimer.ai_closing"),
        ("◆◆◆◆◆◆", "markup.divider_glyphs"),
        ("❶❷❸", "markup.divider_glyphs"),
        ("★★★★★★★★", "markup.divider_glyphs"),
        ("全文完", "markup.bare_end_mark"),
        ("本文结束", "markup.bare_end_mark"),
    ],
)
def test_a_chat_tools_closing_a_divider_or_an_end_mark_below_the_plan_goes(line, rule):
    gone(cleaned(tail=[line]), f"chrome.{rule}", line)


@pytest.mark.parametrize("line", ["当然可以！以下是为您撰写的方案：", "以下是一份关于图书馆文明单位创建的工作方案："])
def test_a_chat_tools_opening_above_the_plan_goes(line):
    result = cleaned(head=[line])
    assert ("chrome.disclaimer.ai_opening", line) in removed(result)


@pytest.mark.parametrize("line", ["注：本方案由区图书馆办公室负责解释。", "各部门可根据实际情况调整活动安排。", "□□□□"])
def test_a_plans_note_its_own_provisos_or_lost_characters_below_it_stay(line):
    assert line in cleaned(tail=[line]).text.splitlines()


@pytest.mark.parametrize("line", ["-----------------------------", "·····························"])
def test_a_divider_between_two_paragraphs_goes(line):
    assert line not in between(line).text


@pytest.mark.parametrize(
    "line, rule",
    [
        ("手机访问：m.sxfw.com", "nav.site_address"),
        ("sxfw.com", "nav.site_address"),
        ("今天是：2024年3月5日 星期二", "nav.today_line"),
        ("导航：首页 | 方案 | 计划 | 总结", "nav.pipe_menu"),
        ("热门分类：工作计划 | 工作总结 | 实施方案", "nav.pipe_menu"),
        ("Hi，欢迎来到书香范文网", "nav.welcome_visit"),
        ("English | 中文", "nav.login_bar"),
        ("全部分类", "furniture.score"),
        ("切换到宽版", "furniture.score"),
        ("您的IP：127.0.0.1", "furniture.score"),
        ("请看下文。", "disclaimer.read_on"),
        ("感兴趣的朋友可以看看。", "disclaimer.read_on"),
        ("想要写好一份方案，需要掌握哪些技巧呢？", "disclaimer.read_on"),
        ("一份好的方案能让工作事半功倍。", "disclaimer.genre_talk"),
        ("本文共3篇，供您选择。", "disclaimer.reader_offer"),
        ("【引言】方案是计划的一种。", "disclaimer.site_intro"),
        ("核心提示：区图书馆印发创建方案", "disclaimer.site_intro"),
    ],
)
def test_a_sites_header_or_its_talk_above_the_plan_goes(line, rule):
    gone(cleaned(head=[line]), f"chrome.{rule}", line)


def test_a_plans_units_in_a_row_below_it_stay():
    line = "责任单位：办公室 | 业务部 | 后勤部"
    assert line in cleaned(tail=[line]).text.splitlines()


def test_a_table_in_rows_below_the_plan_stays():
    rows = ["序号 | 活动内容 | 时间 | 责任部门", "1 | 学雷锋志愿服务 | 3月 | 团委", "2 | 文明读者评选 | 6月 | 阅览部"]
    result = cleaned(tail=rows)
    assert "chrome.nav.pipe_menu" not in rules_of(result)
    assert all(row in result.text.splitlines() for row in rows)


def test_a_heading_that_goes_on_after_a_list_word_starts_no_link_list():
    tail = ["推荐阅读书目", "《某某读本》", "《某某故事》"]
    assert "chrome.related.related_list" not in rules_of(cleaned(tail=tail))


@pytest.mark.parametrize(
    "piece, rule",
    [
        ("上一篇：区图书馆工作总结", "related.prev_next"),
        ("（完）", "markup.end_mark"),
        ("——END——", "markup.end_mark"),
        ("责任编辑：王某", "publish.editor_line"),
        ("【打印】【关闭】", "publish.print_close"),
        ("  2024-03-05", "furniture.score"),
        ("原文地址：https://www.abc.com/a/1.html", "disclaimer.article_by"),
    ],
)
def test_a_line_of_chrome_glued_after_the_plans_last_sentence_goes(piece, rule):
    gone(cleaned(body=[*BODY[:-1], SENTENCE + piece]), f"chrome.{rule}", piece)


def test_a_download_button_glued_after_a_short_last_sentence_takes_only_its_piece():
    result = cleaned(body=[*BODY[:-1], SENTENCE + "点击下载全文"])
    assert ("chrome.upload.vip_download", "点击下载全文") in removed(result)
    assert result.text == "\n".join([TITLE, *BODY])


@pytest.mark.parametrize("piece", ["二、工作要求", "区图书馆 2025年3月5日", "各部门要在"])
def test_a_heading_a_signature_or_a_wrapped_clause_after_the_last_sentence_stays(piece):
    line = SENTENCE + piece
    assert cleaned(body=[*BODY[:-1], line]).text.splitlines()[-1] == line


def test_the_cut_after_the_last_sentence_is_stable():
    once = clean.clean_text(page_lines(TITLE, [*BODY[:-1], SENTENCE + "上一篇：区图书馆工作总结"]))
    assert clean.clean_text(once.text).text == once.text


@pytest.mark.parametrize("slogan", ["，共建文明和谐新家园！", ",让文明成为每个人的习惯!"])
def test_a_sites_slogan_glued_after_the_title_goes(slogan):
    result = cleaned(title=TITLE + slogan)
    assert ("chrome.watermark.title_slogan", slogan) in removed(result)
    assert result.text.splitlines()[0] == TITLE


def test_a_plan_sentence_ending_in_an_exclamation_after_its_kind_stays():
    line = "让我们按照本方案，共同努力，把文明单位创建工作推向新的高度！"
    assert line in cleaned(body=[*BODY, line]).text.splitlines()


GLUED_EXCERPT = "".join([TITLE, *BODY])[:70]


@pytest.mark.parametrize(
    "lines",
    [
        [GLUED_EXCERPT, TITLE, *BODY],  # the title and the first paragraphs glued into one summary, above the title
        ["".join(BODY)[:60], TITLE, *BODY],  # the body's beginning above the title
        ["简介：" + "".join(BODY)[:60] + "…", TITLE, *BODY],  # after the site's key, cut with an ellipsis
        [TITLE, "".join(BODY)[:60] + "……", *BODY],  # under the title
    ],
)
def test_a_sites_excerpt_running_on_past_the_line_below_goes(lines):
    result = strip_chrome("\n".join(lines))
    assert "chrome.upload.teaser_copy" in rules_of(result)
    assert result.text == "\n".join([TITLE, *BODY])



@pytest.mark.parametrize(
    "line, rule",
    [
        ("作　者：佚名", "publish.author_line"),
        ("（来源：区文明办）", "publish.bracketed_source_line"),
        ("Posted on 2024-03-05 by admin", "publish.english_byline"),
        ("By admin | 2024-03-05", "publish.english_byline"),
        ("印发日期：2024年3月5日", "publish.gov_table"),
    ],
)
def test_a_publish_line_with_a_spaced_key_in_brackets_or_in_english_under_the_title_goes(line, rule):
    gone(cleaned(body=[line, *BODY]), f"chrome.{rule}", line)


def test_a_bracketed_citation_between_paragraphs_stays_unflagged():
    result = between("（来源：区统计局2024年统计公报）")
    assert result.removed == [] and result.flags == []


@pytest.mark.parametrize("banner", ["精品文档 可编辑", "精选优质文档-倾情为你奉上", "专心---专注---专业", "【精品文档】第 3 页", "欢迎下载", "Word文档 可编辑"])
def test_a_sharing_sites_banner_at_a_page_break_between_two_paragraphs_goes(banner):
    result = between(banner)
    assert ("chrome.watermark.banner_line", banner) in removed(result)
    assert result.text == "\n".join([TITLE, *BODY])


@pytest.mark.parametrize("line", ["向读者发放免费资料，欢迎下载本馆电子资源目录。", "专业", "可编辑的电子台账由办公室统一管理。"])
def test_a_plan_line_with_a_banners_words_stays(line):
    assert line in between(line).text.splitlines()


@pytest.mark.parametrize(
    "line, rule",
    [
        ("【广告】", "spam_html.ad_marker"),
        ("Advertisement", "spam_html.ad_marker"),
        ("点击图片查看大图", "qr_image.media_furniture"),
        ("image.png", "qr_image.media_furniture"),
        ("图片", "qr_image.media_furniture"),
        ("▲图为志愿服务活动现场", "qr_image.media_furniture"),
        ("您的浏览器不支持video标签", "qr_image.media_furniture"),
        ("视频加载中...", "qr_image.media_furniture"),
        ("↑点击上方蓝字关注", "qr_image.follow_prompt"),
        ("—— 以下为付费内容 ——", "page_marker.paid_content"),
        ("本文档由书香阁上传", "upload.uploader_keys"),
    ],
)
def test_a_pages_furniture_between_two_paragraphs_goes(line, rule):
    gone(between(line), f"chrome.{rule}", line)


@pytest.mark.parametrize("stamp", ["（此处已隐藏内容）", "[隐藏内容]"])
def test_hidden_text_inside_a_sentence_is_cut_and_flagged(stamp):
    line = SENTENCE.replace("，把", "，" + stamp + "把")
    result = cleaned(body=[*BODY[:-1], line])
    assert ("chrome.page_marker.hidden_content", stamp) in removed(result)
    assert "truncation" in {f.kind for f in result.flags}


@pytest.mark.parametrize("line", ["公益广告", "（三）广告宣传。在馆内设置公益广告牌。", "图片展", "图为区图书馆平面图（见附件）"])
def test_a_plans_lines_about_ads_and_pictures_stay(line):
    assert line in between(line).text.splitlines()
