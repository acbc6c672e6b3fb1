"""Chrome of sites never seen before: the furniture score, content-like lines that stop a rule,
glued chrome cut out of the line it is glued to, and repeated title lines.

Every page here is invented in the shapes document-sharing and 范文 sites print.
"""
import pytest

from conftest import page_lines, removed
from scripts.clean.chrome import content_like, furniture_score, strip_chrome

TITLE = "县文化馆2024年文明单位创建工作方案"
BODY = [
    "为深入推进精神文明建设，巩固提升文明单位创建成果，结合我馆实际，制定本方案。",
    "一、工作目标",
    "以社会主义核心价值观为引领，广泛开展志愿服务活动，组织干部职工参加文明实践，落实创建责任。",
    "二、主要措施",
    "各部门要加强组织领导，明确责任分工，把创建工作与业务工作同部署、同检查、同落实。",
]


def page(head=(), tail=(), title=TITLE, body=BODY) -> str:
    return page_lines(title, body, head, tail)


# --- the furniture score ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "设为首页 - 加入收藏",            # 首页 + 收藏
        "用户登录",                       # a furniture word alone
        "还没有账号？立即注册",
        "星空小站 阅读：- 2023-05-06 08:15:42",  # a clock
        "2024-11-02",                     # a lone date
        "56.3KB",
        "7 页",
        "• 热门搜索：公文写作 合同范本",
        "我要投稿 投诉建议",
        "侵权投诉",
        "清风文档网",                     # a site's name alone
        "首页 > 范文 > 工作计划 >",        # a breadcrumb left open
        "会员请点击此处加入会员群。",
    ],
)
def test_furniture_lines_above_the_title_go_with_their_score(line):
    result = strip_chrome(page(head=[line]))
    assert result.text == page()
    (span,) = result.removed
    assert span.text == line and span.line == 1
    if span.rule == "chrome.furniture.score":
        assert span.reason.startswith("furniture score ")


def test_the_reason_names_the_signals():
    score, reason = furniture_score("设为首页 - 加入收藏")
    assert score == 3
    assert reason == "furniture score 3: 首页+2 收藏+1"


@pytest.mark.parametrize(
    "line",
    [
        TITLE,
        "附件：文明单位创建工作任务分解表",
        "联系人：王晓明 电话：0000-1234567",
        "活动时间：2024年3月5日",
        "县文化馆",
        "2024年3月5日",
        "创建工作领导小组名单",
    ],
)
def test_short_plan_lines_score_below_the_threshold(line):
    assert furniture_score(line)[0] < 2


def test_furniture_labels_inside_the_body_go_and_the_plans_fields_stay():
    """Inside the article only a label scoring ``body_min_score`` goes (tests/test_chrome_unseen_wordings.py)."""
    body = [*BODY[:2], "用户登录", "时间：2019-03-05", *BODY[2:]]
    result = strip_chrome(page(body=body))
    assert [s.text for s in result.removed] == ["用户登录"]
    assert result.text == page(body=[*BODY[:2], "时间：2019-03-05", *BODY[2:]])


def test_furniture_lines_below_the_plan_go():
    tail = ["分享到：", "上传时间 2024-01-01 12:00:00", "举报 收藏"]
    result = strip_chrome(page(tail=tail))
    assert result.text == page()
    assert [s.text for s in result.removed] == tail


# --- content-like lines stop a rule --------------------------------------------------------


def test_content_like():
    assert content_like(BODY[2])
    assert not content_like("下面是小编为大家整理的社区文明创建活动方案，供大家参考，欢迎阅读与收藏。")
    assert not content_like("一、工作目标")


def test_a_statement_block_stops_at_the_plan_under_it():
    """A disclaimer block above the plan takes the disclaimer, never the plan's title or body."""
    head = ["版权说明：", "本文档由用户上传，本站不保证内容的完整性。", "如有侵权请联系客服。"]
    result = strip_chrome(page(head=head))
    assert [s.rule for s in result.removed] == ["chrome.disclaimer.statement_block"] * 3
    assert result.text == page()


def test_a_statement_block_stops_at_a_document_intro_header():
    head = ["申明敬告：", "本站不保证该用户上传的文档完整性。"]
    body = ["文档简介", *BODY]
    result = strip_chrome("\n".join([*head, *body]))
    assert [s.rule for s in result.removed] == ["chrome.disclaimer.statement_block"] * 2 + ["chrome.furniture.score"]
    assert result.text == "\n".join(BODY)


def test_a_block_never_runs_into_a_content_like_line():
    """The block starts above the plan and could reach 300 characters a line: it stops at the plan."""
    head = ["免责声明：", "本站文档均由用户上传。"]
    result = strip_chrome("\n".join([*head, BODY[2], *BODY[3:]]))
    assert [s.text for s in result.removed] == head
    assert result.text == "\n".join([BODY[2], *BODY[3:]])
    assert [(f.kind, f.line) for f in result.flags] == [("uncertain_chrome", 1)]
    assert "stopped before this line" in result.flags[0].detail


def test_a_line_rule_matching_a_content_like_line_keeps_it_and_flags():
    line = "各部门要加强组织领导，落实创建责任，深入开展文明实践活动，及时更新宣传栏的内容，请联系我们删除过期的宣传材料。"
    result = strip_chrome(page(body=[*BODY, line]))
    assert line in result.text.splitlines()
    assert [f.kind for f in result.flags] == ["uncertain_chrome"]
    assert "reads as plan content" in result.flags[0].detail


# --- glued chrome: the line is split, not dropped ------------------------------------------


@pytest.mark.parametrize(
    "banner",
    ["精选优质文档-倾情为你奉上", "精品文档 Word可编辑值得收藏 ", "精品文档"],
)
def test_a_banner_glued_before_the_title_goes_alone(banner):
    result = strip_chrome(page(title=banner + TITLE))
    assert result.text == page()
    assert all(s.rule == "chrome.watermark.document_banner" for s in result.removed)


def test_an_inline_watermark_is_cut_out_of_its_sentence():
    line = "各部门要加强组织领导（某某文秘网https://www.example.cn），明确责任分工，把创建工作落到实处。"
    result = strip_chrome(page(body=[*BODY, line]))
    assert result.text.splitlines()[-1] == "各部门要加强组织领导，明确责任分工，把创建工作落到实处。"
    assert removed(result) == [("chrome.watermark.bracket_site_url", "（某某文秘网https://www.example.cn）")]


@pytest.mark.parametrize(
    "line, rule",
    [
        ("1、下载文档前请自行甄别文档内容的完整性，平台不提供额外的编辑服务。", "chrome.upload.download_notice"),
        ("2、本站只提供存储空间，所有资源均来自网络。", "chrome.upload.download_notice"),
        ("字号：", "chrome.publish.font_size"),
        ("您好，欢迎访问某某文档", "chrome.nav.welcome_visit"),
        ("首页 > 人文 > 精选范文 >", "chrome.nav.breadcrumb_trail"),
    ],
)
def test_site_notices_go(line, rule):
    result = strip_chrome(page(tail=[line]))
    assert removed(result) == [(rule, line)]
    assert result.text == page()


@pytest.mark.parametrize("wall", ["全文预览已结束", "继续免费阅读"])
def test_preview_walls_go_and_flag_truncation(wall):
    result = strip_chrome(page(tail=[wall]))
    assert result.text == page()
    assert [f.kind for f in result.flags] == ["truncation"]


def test_markdown_marks_go_the_words_stay():
    body = ["### 一、工作目标", "1. **开展志愿服务**：组织干部职工参加文明实践活动，落实创建责任。"]
    result = strip_chrome(page(body=[BODY[0], *body]))
    assert result.text.splitlines()[2:] == ["一、工作目标", "1.开展志愿服务：组织干部职工参加文明实践活动，落实创建责任。"]


def test_a_file_name_suffix_goes():
    result = strip_chrome(page(title=TITLE + ".docx"))
    assert result.text == page()


# --- the 范文 sites' stock opening ----------------------------------------------------------


@pytest.mark.parametrize(
    "intro",
    [
        "为了保证各项工作稳步推进，一般要预先拟好一份详细的方案，方案是对工作所作的书面安排。",
        "为了保证活动顺利进行，往往需要事先制定方案，方案一般包括指导思想、工作目标和实施步骤。",
        "那么方案应该怎么写呢？我们一起来看看吧。",
        "这里整理了几篇文明创建活动方案，供大家参考借鉴。",
    ],
)
def test_stock_openings_above_the_title_go(intro):
    result = strip_chrome(page(head=[intro]))
    assert result.text == page()
    assert [s.text for s in result.removed] == [intro]


def test_a_plans_own_opening_that_looks_alike_is_kept():
    opening = "为确保创建活动顺利开展，提前做好部署，根据上级要求，结合我馆实际，特制定本方案。"
    result = strip_chrome(page(body=[opening, *BODY[1:]]))
    assert result.removed == []


# --- repeated title lines -------------------------------------------------------------------


def test_a_title_printed_three_times_keeps_two():
    """Two copies in a row are the site's title over the plan's heading; more are repetition."""
    result = strip_chrome("\n".join([TITLE, "", TITLE, TITLE, *BODY]))
    assert removed(result) == [("chrome.repeated_title.copy", TITLE)]
    assert result.text == "\n".join([TITLE, "", TITLE, *BODY])


def test_title_copies_left_by_page_markers_collapse():
    body = [BODY[0], BODY[1], TITLE + "_第2页", BODY[2], BODY[3], TITLE + "_第3页", BODY[4]]
    result = strip_chrome("\n".join([TITLE + "_第1页", *body]))
    assert result.text == page()
    assert [s.rule for s in result.removed].count("chrome.repeated_title.copy") == 2


def test_a_heading_repeated_after_other_lines_is_kept():
    body = [*BODY, "三、工作要求", "各部门要认真落实。", "三、工作要求"]
    result = strip_chrome(page(body=body))
    assert result.removed == []


# --- page numbers of a document printed page by page ---------------------------------------


LONG = "各部门要加强组织领导，明确责任分工，把创建工作与业务工作同部署、同检查、同落实，" * 4


def test_page_chunk_numbers_go_when_pages_cut_sentences():
    lines = [TITLE, "1、" + LONG + "确保", "2、取得实效，" + LONG + "形成", "3、合力。"]
    result = strip_chrome("\n".join(lines))
    assert result.text.splitlines() == [TITLE, LONG + "确保", "取得实效，" + LONG + "形成", "合力。"]
    assert [(s.rule, s.text) for s in result.removed] == [("chrome.page_marker.page_chunk_number", f"{n}、") for n in (1, 2, 3)]


def test_numbered_items_that_end_their_sentences_keep_their_numbers():
    lines = [TITLE, "1、" + LONG + "确保实效。", "2、" + LONG + "形成合力。"]
    result = strip_chrome("\n".join(lines))
    assert result.removed == []


def test_a_numbered_line_below_the_plan_is_kept():
    line = "• 2. 推荐时间：2025年1月1日至2025年3月31日；"
    result = strip_chrome(page(tail=[line]))
    assert result.removed == []


def test_a_bulleted_related_list_after_the_title_goes():
    head = [TITLE, "• 相关推荐", "• 社区志愿服务活动方案", "• 机关作风建设工作计划"]
    result = strip_chrome("\n".join([*head, *BODY]))
    assert [s.text for s in result.removed] == head[1:]
    assert result.text == page()


def test_a_download_notice_list_goes():
    tail = [
        "温馨提示：",
        "1、下载文档前请自行甄别文档内容的完整性。",
        "2、该文档所得收入归上传者、原创作者所有。",
        "3、下载后请确认文档完整，有问题请联系客服。",
    ]
    result = strip_chrome(page(tail=tail))
    assert result.text == page()


@pytest.mark.parametrize("line", ["阅读(123)", "评论 0", "3天前", "打开APP", "广告"])
def test_counters_and_app_banners_go(line):
    result = strip_chrome(page(tail=[line]))
    assert result.text == page()


def test_an_editor_stamp_at_the_end_of_the_last_paragraph_goes():
    result = strip_chrome(page(body=[*BODY[:-1], BODY[-1] + "（责任编辑：李某）"]))
    assert result.text == page()


def test_a_name_cut_out_as_stars_is_not_markdown():
    line = "以**思想为指导，深入开展文明创建活动，组织干部职工参加志愿服务，落实创建责任。"
    result = strip_chrome(page(body=[*BODY, line]))
    assert line in result.text.splitlines()


def test_a_furniture_line_is_scored_without_its_inline_chrome():
    """免费试读 is cut inline; what is left is a publish line: both go, and a second pass agrees."""
    line = "90 人阅读 2022-05-22 9.00元(299 积分) 免费试读"
    once = strip_chrome(page(head=[line]))
    assert once.text == page()
    assert strip_chrome(once.text).removed == []


def test_hard_wrapped_pages_have_zones_too():
    """No line is a paragraph by itself: the wrapped runs are, so furniture above them still goes."""
    wrapped = ["为深入推进精神文明建设，巩固提升文", "明单位创建成果，结合我馆实际，制定", "本方案。"]
    once = strip_chrome("\n".join(["用户登录", TITLE, *wrapped]))
    assert once.text == "\n".join([TITLE, *wrapped])


@pytest.mark.parametrize(
    "line",
    ["加微信：123456789", "开通VIP", "会员专享", "本文档共3页", "window.open(x)", "var a = 1", "<script>", "上传于2020",
     "特征码 abc", "文件大小：3KB", "回答者：某", "采纳率：90%", "匿名用户", "3人回答", "ICP证000000号", "公网安备 00000000", "点击查看全文>>", "下载文档到电脑，查找使用更方便",
     "继续免费阅读", "还剩3页未读", "【完整版】", "可编辑版", "www.example.com", "Copyright 2024",
     "足球即时比分_1比分直播"],
)
def test_needs_never_hides_a_match(line):
    """A rule's ``needs`` characters are in every line its regex matches."""
    from scripts.clean.chrome import _config

    cfg = _config()
    for rule in cfg.whole_line + cfg.inline:
        if rule.needed is not None and rule.regex.search(line):
            assert not rule.needed.isdisjoint(line), rule.name


def test_a_question_above_its_answer_goes():
    head = ["社区文明创建工作计划怎么写，求大神帮忙，在线等！"]
    result = strip_chrome(page(head=head))
    assert result.text == page()


def test_leftover_form_and_inline_tags_go():
    line = '各部门要加强组织领导，<s id="x1"></s>明确责任分工，<input type="hidden"/>把创建工作落到实处。'
    result = strip_chrome(page(body=[*BODY, line]))
    assert result.text.splitlines()[-1] == "各部门要加强组织领导，明确责任分工，把创建工作落到实处。"


def test_a_digital_library_record_above_the_plan_goes():
    """The fields of a library's catalogue record are furniture, whatever values they hold."""
    head = ["知识类型: 析出资源", "内容出处: 《某某日报》 报纸", "唯一号: 100200300400", "颗粒名称: 一、工作目标", "分类号: D648.1"]
    result = strip_chrome(page(head=head))
    assert result.text == page()
    assert {rule for rule, _ in removed(result)} == {"chrome.upload.catalogue_record"}


def test_a_catalogue_key_inside_the_plan_stays():
    """Outside the head and tail a record key is the plan's own (题名: a heading of a form)."""
    body = [*BODY[:2], "题名：文明单位创建工作台账", *BODY[2:]]
    assert strip_chrome(page(body=body)).text == page(body=body)


def test_a_betting_keyword_run_glued_into_a_sentence_goes():
    """A hijacked page glues a betting site's keyword run into a sentence: the run goes, the sentence stays."""
    line = "根据6月10日篮球即时比分_99比分直播-【某某研究院】@动员会的要求，成立创建工作领导小组。"
    result = strip_chrome(page(body=[*BODY, line]))
    assert result.text.splitlines()[-1] == "根据6月10日动员会的要求，成立创建工作领导小组。"
    assert removed(result) == [("chrome.spam_html.score_spam", "篮球即时比分_99比分直播-【某某研究院】@")]


def test_a_match_score_in_a_plan_stays():
    """比分 alone is a match's score: a sports day in a plan keeps it."""
    body = [*BODY, "组织职工趣味运动会，现场公布比分，评选优秀组织奖。"]
    assert strip_chrome(page(body=body)).text == page(body=body)


def test_a_column_name_under_the_title_goes():
    """工作方案 alone under a title ending with it is the site's column, printed between two titles."""
    result = strip_chrome(page(head=[TITLE, "", "工作方案", ""]))
    assert result.text.split("\n") == [TITLE, "", "", TITLE, *BODY]
    assert removed(result) == [("chrome.publish.column_label", "工作方案")]


def test_the_second_line_of_a_wrapped_title_stays():
    """Under a line not ending with it, a bare document kind is the rest of a title wrapped in two."""
    text = page(title="县文化馆2024年文明单位创建\n工作方案")
    assert strip_chrome(text).text == text


# --- a whole document-sharing page, cleaned end to end --------------------------------------

SHARING_PAGE = """您好，欢迎访问某某文档
首页 > 人文 > 精选范文 >
字号：
精选优质文档-倾情为你奉上县文化馆文明单位创建工作方案
• 相关推荐
• 社区志愿服务活动方案
• 机关作风建设工作计划
申明敬告：
本站不保证该用户上传的文档完整性，不预览、不比对内容而直接下载产生的反悔问题本站不予受理。
文档简介
为了保证各项工作稳步推进，一般要预先拟好一份详细的方案，方案是对工作所作的书面安排。
县文化馆文明单位创建工作方案_第1页
为深入推进精神文明建设，巩固提升文明单位创建成果（某某文秘网https://www.example.cn），结合我馆实际，制定本方案。
一、工作目标
以社会主义核心价值观为引领，广泛开展志愿服务活动，组织干部职工参加文明实践，落实创建责任。
县文化馆文明单位创建工作方案_第2页
二、主要措施
各部门要加强组织领导，明确责任分工，把创建工作与业务工作同部署、同检查、同落实。
精品文档 Word 可编辑值得收藏
全文预览已结束
继续免费阅读
1、下载文档前请自行甄别文档内容的完整性，平台不提供额外的编辑、内容补充、找答案等附加服务。
2、"仅部分预览"的文档，不可在线预览部分如存在完整性等问题，可反馈申请退款。
3、如文档侵犯您的权益，请联系客服反馈，我们会尽快为您处理（人工客服工作时间：9:00-18:30）。
"""


def test_a_document_sharing_page_keeps_the_plan_and_nothing_else():
    from scripts.clean import clean_text

    result = clean_text(SHARING_PAGE)
    assert result.text.splitlines() == [
        "县文化馆文明单位创建工作方案",
        "为深入推进精神文明建设，巩固提升文明单位创建成果，结合我馆实际，制定本方案。",
        "一、工作目标",
        BODY[2],
        "二、主要措施",
        BODY[4],
    ]
    assert clean_text(result.text).removed == []
