"""Chrome by category, in wordings no rule was written from (issue 14, third pass).

Each category has two or more members worded differently, and a near miss: plan content of the
same shape that must stay. Every page here is invented.
"""
import pytest

from conftest import page_lines, removed
from scripts.clean.chrome import strip_chrome

TITLE = "镇卫生院2025年文明单位创建工作方案"
BODY = [
    "为深入推进精神文明建设，巩固提升文明单位创建成果，结合本院实际，制定本方案。",
    "一、工作目标",
    "以社会主义核心价值观为引领，广泛开展志愿服务活动，组织职工参加文明实践，落实创建责任。",
    "二、主要措施",
    "各科室要加强组织领导，明确责任分工，把创建工作与日常工作同部署、同检查、同落实。",
]
SIGNATURE = ["镇卫生院", "2025年3月1日"]


def page(head=(), tail=(), body=BODY) -> str:
    return page_lines(TITLE, body, head, tail)


def assert_only_plan_left(result, tail=()):
    assert result.text == page(tail=tail)


# --- markup around a line hides its shape: it is cut first ------------------------------------


@pytest.mark.parametrize(
    "line, rule",
    [
        ("<p>发布时间：2024-03-05</p>", "chrome.publish.publish_date_line"),
        ('<div class="nav">上一篇：关于开展志愿服务的通知</div>', "chrome.related.prev_next"),
        ("&nbsp;&nbsp;返回顶部", "chrome.nav.back_links"),
    ],
)
def test_a_chrome_line_wrapped_in_markup_goes(line, rule):
    result = strip_chrome(page(head=[line]))
    assert rule in [s.rule for s in result.removed]
    assert_only_plan_left(result)


def test_a_plan_line_wrapped_in_markup_keeps_its_text():
    line = "<p>三、工作要求</p>"
    result = strip_chrome(page(body=[*BODY, line]))
    assert result.text.splitlines()[-1] == "三、工作要求"
    assert removed(result) == [("chrome.spam_html.html_tag", "<p>"), ("chrome.spam_html.html_tag", "</p>")]


def test_a_line_of_markup_alone_goes_whole():
    result = strip_chrome(page(body=[BODY[0], "<br/>", *BODY[1:]]))
    assert_only_plan_left(result)


# --- a site's footer: its host, its address, its version switches --------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "主办：某某区人民政府办公室  协办：某某区融媒体中心",
        "地址：某某市人民路88号  邮编：100000  电话：010-12345678",
        "联系地址：某某县城关镇新华街8号  邮政编码：000000",
        "无障碍浏览  长者模式  English",
        "关怀版  简体  繁体",
        "客服热线：400-000-0000（工作日9:00-18:00）",
    ],
)
def test_a_sites_footer_line_goes(line):
    result = strip_chrome(page(tail=[*SIGNATURE, line]))
    assert [s.rule for s in result.removed] == ["chrome.furniture.score"]
    assert_only_plan_left(result, SIGNATURE)


@pytest.mark.parametrize(
    "tail",
    [
        ["联系人：张三  联系电话：0000-1234567  传真：0000-1234568"],  # whom to call about the plan
        ["活动地址：镇文化广场"],
        ["主办单位：镇文明办", "承办单位：镇卫生院"],
        ["咨询电话：0000-1234567"],
    ],
)
def test_a_plans_own_contact_and_host_lines_stay(tail):
    result = strip_chrome(page(tail=[*SIGNATURE, *tail]))
    assert result.removed == []
    assert_only_plan_left(result, [*SIGNATURE, *tail])


# --- reading widgets: counts, guesses, the comma of a number ---------------------------------------


@pytest.mark.parametrize("line", ["已浏览：56次", "阅读 1万+", "人气：1024 ℃", "该文档已被浏览 1,203 次", "猜你感兴趣", "您可能还会喜欢"])
def test_a_reading_widget_line_goes(line):
    result = strip_chrome(page(head=[line]))
    assert [s.rule for s in result.removed] == ["chrome.furniture.score"]
    assert_only_plan_left(result)


def test_a_plan_line_counting_readers_in_a_sentence_stays():
    line = "全年组织职工阅读12本好书，开展读书分享活动4次。"
    result = strip_chrome(page(tail=[line]))
    assert result.removed == []


def test_a_line_a_rule_names_outside_its_zone_is_scored():
    # 热门文章 heads a list below the plan (related_list, where: tail); above it the score decides
    result = strip_chrome(page(head=["热门文章", "最新文章"]))
    assert [s.rule for s in result.removed] == ["chrome.furniture.score"] * 2
    assert result.flags == []


# --- who made the page: publishing roles, reprint keys ---------------------------------------------


@pytest.mark.parametrize(
    "line, rule",
    [
        ("初审：张三  复审：李四  终审：王五", "chrome.publish.credits_line"),
        ("编辑 | 张三", "chrome.publish.credits_line"),
        ("排版丨王五  责编丨赵六", "chrome.publish.credits_line"),
        ("图片：李四 文字：张三 校对：王五", "chrome.publish.credits_line"),
        ("原标题：关于开展文明创建活动的通知", "chrome.publish.original_title"),
        ("【原题】某某镇文明创建工作纪实", "chrome.publish.original_title"),
        ("转自：某某公众号", "chrome.publish.author_line"),
        ("发布单位：某某街道办事处", "chrome.publish.author_line"),
    ],
)
def test_a_line_naming_who_made_the_page_goes(line, rule):
    result = strip_chrome(page(tail=[*SIGNATURE, line]))
    assert removed(result) == [(rule, line)]


def test_a_documents_sign_off_stays():
    tail = [*SIGNATURE, "编制：张三  审核：李四  批准：王五"]  # 编制 and 批准 are no publishing roles
    result = strip_chrome(page(tail=tail))
    assert result.removed == []
    assert_only_plan_left(result, tail)


# --- finding one's way: trails, columns, search boxes, pagers ----------------------------------------


@pytest.mark.parametrize(
    "line, rule",
    [
        ("位置：首页 > 文明创建", "chrome.nav.breadcrumb_home"),
        ("首页 - 政务公开 - 工作方案", "chrome.nav.breadcrumb_home"),
        ("某某范文网 / 工作计划 / 正文", "chrome.nav.breadcrumb_home"),
        ("当前栏目：通知公告", "chrome.publish.column_line"),
        ("请输入关键词", "chrome.nav.search_box"),
        ("搜 索", "chrome.nav.search_box"),
        ("热门搜索：工作计划 实施方案 活动方案", "chrome.nav.search_box"),
        ("[ 2024-03-05 ]", "chrome.publish.lone_date_line"),
        ("[1] [2] [3] 下一页", "chrome.page_marker.pager"),
    ],
)
def test_a_line_to_find_ones_way_goes(line, rule):
    result = strip_chrome(page(head=[line]))
    assert removed(result) == [(rule, line)]
    assert_only_plan_left(result)


@pytest.mark.parametrize("line", ["主页设计 - 突出文明单位特色", "输入法培训安排另行通知"])
def test_a_plan_line_beginning_like_a_trail_or_a_search_box_stays(line):
    result = strip_chrome(page(head=[line]))
    assert result.removed == []


# --- a site's notices about its texts, in other words ------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "若有侵权，请联系管理员删除",
        "如有侵犯您的权益，请来信告知，我们将及时处理。",
        "文中观点仅代表作者本人，与本网无关。",
    ],
)
def test_a_sites_notice_about_its_texts_goes(line):
    result = strip_chrome(page(tail=[*SIGNATURE, line]))
    assert [s.rule for s in result.removed] == ["chrome.disclaimer.upload_notice"]
    assert_only_plan_left(result, SIGNATURE)


def test_a_plan_sentence_about_infringing_rights_stays():
    line = "对侵犯群众合法权益的行为，一经查实严肃处理，并在全镇通报。"
    result = strip_chrome(page(body=[*BODY, line]))
    assert result.removed == []


# --- the 范文 sites' talk about writing a plan, above the plans -------------------------------------------


@pytest.mark.parametrize(
    "intro",
    [
        "时间过得真快，总在不经意间流逝，我们又将迎来新的工作，是时候开始写计划了。",
        "为了确保活动顺利开展，就需要事先制定方案，方案的格式和要素有哪些呢？",
        "相信许多人都会写计划，但是怎样才能写出好的计划呢？",
        "以下是一篇关于文明创建的范文，仅供参考。",
        "新的一年开始了，一起来制定一份计划吧。",
    ],
)
def test_a_sites_talk_about_writing_plans_goes(intro):
    result = strip_chrome(page(head=[intro]))
    assert len(result.removed) == 1 and result.removed[0].rule.startswith("chrome.disclaimer.")
    assert_only_plan_left(result)


@pytest.mark.parametrize(
    "opening",
    [
        "为确保创建活动顺利开展，经院务会研究，特制定本方案。",
        "根据县文明委要求，结合我院实际，制定了创建方案，现印发给你们。",
    ],
)
def test_a_plans_own_opening_about_its_making_stays(opening):
    result = strip_chrome(page(body=[opening, *BODY]))
    assert result.removed == []


# --- a style sheet's rule ---------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["p.MsoNormal{margin:0cm;}", ".content { font-size: 14px }"])
def test_a_style_rule_goes(line):
    result = strip_chrome(page(head=[line]))
    assert removed(result) == [("chrome.spam_html.css_rule", line)]


# --- ends, sizes, tags and collections of social pages ----------------------------------------------


@pytest.mark.parametrize(
    "line, rule",
    [
        ("——本页完——", "chrome.page_marker.page_end_mark"),
        ("（此页结束）", "chrome.page_marker.page_end_mark"),
        ("— 完 —", "chrome.markup.closed_end_mark"),
        ("【全文完】", "chrome.markup.closed_end_mark"),
        ("【大 中 小】", "chrome.publish.font_size_buttons"),
        ("文章出处：某某网", "chrome.publish.source_line"),
    ],
)
def test_an_end_mark_or_a_widget_line_goes(line, rule):
    result = strip_chrome(page(tail=[*SIGNATURE, line]))
    assert removed(result) == [(rule, line)]


def test_an_end_mark_between_two_plans_goes():
    result = strip_chrome("\n".join([TITLE, *BODY, "（完）", TITLE, *BODY]))
    assert removed(result) == [("chrome.markup.closed_end_mark", "（完）")]


@pytest.mark.parametrize("line", ["收录于合集 #文明创建 12个", "话题 #学雷锋 #好人好事", "本文已被收录至某某专题", "👇👇👇 长按关注", "联系我们"])
def test_a_social_pages_tags_and_collections_go(line):
    result = strip_chrome(page(tail=[*SIGNATURE, line]))
    assert [s.rule for s in result.removed] == ["chrome.furniture.score"]


def test_a_plans_line_ending_with_its_completion_stays():
    line = "（三）总结阶段：12月底前完成。"
    result = strip_chrome(page(tail=[line]))
    assert result.removed == []


# --- a row of labels: a menu, a tag cloud ---------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "首页  新闻动态  通知公告  政务公开  文明创建  志愿服务",
        "网站首页 学校概况 教育教学 德育工作 党建工作 校园文化",
        "工作计划 · 工作总结 · 活动方案 · 心得体会 · 述职报告",
    ],
)
def test_a_row_of_labels_outside_the_plan_goes_whatever_its_words(line):
    result = strip_chrome(page(head=[line]))
    assert [s.rule for s in result.removed] == ["chrome.furniture.score"]
    assert "menu+" in result.removed[0].reason


@pytest.mark.parametrize(
    "line",
    [
        "县委宣传部  县文明办  县教育局  县民政局",  # the units a plan names
        "张三  李四  王五  赵六  钱七",  # the members a plan names
        "附件：1.考核细则 2.评分表 3.台账目录 4.联系表",
    ],
)
def test_a_plans_own_row_of_names_stays(line):
    tail = [*SIGNATURE, line]
    result = strip_chrome(page(tail=tail))
    assert result.removed == []
    assert_only_plan_left(result, tail)


# --- a shared file's facts and a site's labels around a title ---------------------------------------------


@pytest.mark.parametrize(
    "line, rule",
    [
        ("社区文明创建工作方案 Word文档 28KB", "chrome.markup.title_file_facts"),
        ("社区文明创建工作方案PDF", "chrome.markup.title_file_facts"),
        ("社区文明创建工作方案 共5页", "chrome.markup.title_file_facts"),
        ("【精品】社区文明创建工作方案", "chrome.markup.title_label_before"),
        ("[原创]社区文明创建工作方案", "chrome.markup.title_label_before"),
        ("社区文明创建工作方案（word版可编辑）", "chrome.watermark.document_banner"),
        ("社区文明创建工作方案【精品范文】", "chrome.watermark.document_banner"),
        ("社区文明创建工作方案 免费阅读", "chrome.watermark.title_read_online"),
    ],
)
def test_chrome_around_a_title_goes_and_the_title_stays(line, rule):
    result = strip_chrome("\n".join([line, *BODY]))
    assert [s.rule for s in result.removed] == [rule]
    assert result.text.splitlines()[0] == "社区文明创建工作方案"


@pytest.mark.parametrize("line", ["社区文明创建工作方案（试行）", "社区文明创建工作方案（2024-2025年）", "【活动主题】文明实践我先行"])
def test_a_titles_own_brackets_stay(line):
    result = strip_chrome("\n".join([line, *BODY]))
    assert result.removed == []


# --- ads of a hijacked page ---------------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["真人荷官在线发牌", "彩票平台注册送彩金", "高仿名表 一比一复刻", "刷单兼职日结"])
def test_a_hijacked_pages_ad_outside_the_plan_goes(line):
    result = strip_chrome(page(tail=[*SIGNATURE, line]))
    assert removed(result) == [("chrome.spam_html.illicit_ads", line)]


def test_a_plan_sentence_against_fraud_stays():
    line = "开展反诈宣传进社区活动，提醒居民警惕刷单返利、虚假兼职等骗局，守好群众的钱袋子。"
    result = strip_chrome(page(body=[*BODY, line]))
    assert result.removed == [] and result.flags == []


# --- links to other pages below the plan, their header missing ----------------------------------------


@pytest.mark.parametrize(
    "links",
    [
        ["· 社区志愿服务活动方案", "· 2024年文明单位创建工作计划", "· 学校文明校园创建实施方案"],
        ["社区志愿服务活动方案 03-05", "文明单位创建工作计划 03-02", "学校文明校园创建实施方案 02-28"],
    ],
)
def test_a_run_of_titles_below_the_plan_goes(links):
    result = strip_chrome(page(tail=[*SIGNATURE, *links]))
    assert [s.rule for s in result.removed] == ["chrome.related.link_run"] * 3
    assert_only_plan_left(result, SIGNATURE)


@pytest.mark.parametrize(
    "tail",
    [
        ["附件：", "镇卫生院志愿服务活动方案", "镇卫生院文明科室评比办法", "镇卫生院道德讲堂实施细则"],
        ["1.镇卫生院志愿服务活动方案", "2.镇卫生院文明科室评比办法", "3.镇卫生院道德讲堂实施细则"],
        ["镇卫生院志愿服务活动方案", "镇卫生院文明科室评比办法"],  # two: not enough to say
    ],
)
def test_a_plans_own_list_of_attachments_stays(tail):
    result = strip_chrome(page(tail=[*SIGNATURE, *tail]))
    assert result.removed == []
    assert_only_plan_left(result, [*SIGNATURE, *tail])


@pytest.mark.parametrize("line", ["文/李某", "图/王某  摄影/赵某", "文字／张三 图片／李四"])
def test_credits_written_with_a_slash_go(line):
    assert removed(strip_chrome(page(head=[line]))) == [("chrome.publish.slash_credits", line)]


def test_a_plan_line_with_a_slash_stays():
    line = "文/体/旅融合发展"
    assert strip_chrome(page(tail=[*SIGNATURE, line])).removed == []


@pytest.mark.parametrize(
    "line",
    [
        "文档内容由用户自行上传，平台不对其内容负责。",
        "本平台所有文档仅作学习交流之用。",
        "凡注明来源的作品，版权归原单位所有。",
        "未经书面授权，禁止复制或建立镜像。",
        "注：本文为网络转载，仅供参考。",
        "特别说明：本文档为AI辅助生成，请谨慎使用。",
        "图文来源于网络，侵删",
        "（侵删）",
    ],
)
def test_a_sites_statement_about_its_texts_in_other_words_goes(line):
    result = strip_chrome(page(tail=[*SIGNATURE, line]))
    assert len(result.removed) == 1 and result.removed[0].text == line
    assert_only_plan_left(result, SIGNATURE)


@pytest.mark.parametrize(
    "line",
    [
        "以上安排仅供参考，各科室可结合实际调整。",
        "未经批准，不得擅自调整创建工作计划。",
        "舆情信息来源于网络监测平台，由办公室汇总。",
    ],
)
def test_a_plans_own_provisos_stay(line):
    result = strip_chrome(page(tail=[*SIGNATURE, line]))
    assert result.removed == []


# --- news stories: their marks and reporters -------------------------------------------------------------


@pytest.mark.parametrize("line", ["（记者 张三）", "通讯员 李四 王五", "本报讯 记者张三"])
def test_a_news_storys_reporter_line_goes(line):
    result = strip_chrome(page(head=[line]))
    assert "".join(s.text for s in result.removed).strip() == line
    assert_only_plan_left(result)


def test_a_news_mark_glued_to_the_first_sentence_goes_and_the_sentence_stays():
    result = strip_chrome("\n".join([TITLE, "本报讯（记者 张三）" + BODY[0], *BODY[1:]]))
    assert removed(result) == [("chrome.publish.news_dateline", "本报讯（记者 张三）")]
    assert_only_plan_left(result)


def test_a_plans_line_naming_reporters_in_a_sentence_stays():
    line = "邀请县融媒体中心记者张三、李四跟踪报道创建活动。"
    assert strip_chrome(page(tail=[*SIGNATURE, line])).removed == []


# --- pay walls, ratings and printed pages in other words ------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["试看结束，开通会员查看全部", "内容未完，点击继续阅读", "★★★★☆", "4.8 / 5.0 (12人评价)", "（共 12 页）", "P3", "（续上页）", "【转下页】"],
)
def test_a_wall_a_rating_or_a_page_note_goes(line):
    result = strip_chrome(page(tail=[*SIGNATURE, line]))
    assert "".join(s.text for s in result.removed).replace(" ", "") == line.replace(" ", "")
    assert_only_plan_left(result, SIGNATURE)


def test_a_plans_line_on_unfinished_work_stays():
    line = "对工作内容未完成的科室进行通报。"
    assert strip_chrome(page(tail=[*SIGNATURE, line])).removed == []
