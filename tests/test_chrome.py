"""Site chrome removal: one group per category, content that must survive, and the seeds."""
from pathlib import Path

import opencc
import pytest

from scripts.clean.chrome import ChromeResult, strip_chrome
from scripts.models import PageMeta
from scripts.rules import load_rules

RAW = Path(__file__).resolve().parent.parent / "raw"

TITLE = "县民政局2023年文明单位创建工作方案"
BODY = [
    "为深入推进精神文明建设，巩固提升文明单位创建成果，结合我局实际，制定本方案。",
    "一、指导思想",
    "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，培育和践行社会主义核心价值观。",
    "二、工作措施",
    "各科室要高度重视，明确责任分工，把创建工作与业务工作同部署、同检查、同落实，确保取得实效。",
]


def page(head=(), tail=(), body=BODY) -> str:
    return "\n".join([*head, TITLE, *body, *tail])


def spans(result: ChromeResult) -> list[tuple[str, str, int]]:
    return [(s.rule, s.text, s.line) for s in result.removed]


def check_whole_line(line: str, rule: str, where: str) -> ChromeResult:
    """``line`` placed at the head or tail of a page is removed by ``rule``, nothing else changes."""
    head, tail = ([line], []) if where == "head" else ([], [line])
    result = strip_chrome(page(head, tail))
    lineno = 1 if where == "head" else len(BODY) + 2
    assert spans(result) == [(f"chrome.{rule}", line, lineno)]
    assert result.removed[0].category == rule.split(".")[0]
    assert result.text == page()
    assert result.flags == []
    return result


# --- nav ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "line, rule",
    [
        ("登录 注册 退出", "nav.login_bar"),
        ("首页 | 登录 | 免费注册 | 手机版", "nav.login_bar"),
        ("  设为首页 · 加入收藏 · 网站地图", "nav.login_bar"),
        ("首页 > 范文大全 > 工作计划", "nav.breadcrumb_trail"),
        ("第一范文网 › 实用文 › 工作方案 › 正文", "nav.breadcrumb_trail"),
        ("当前位置:首页>实用文>工作方案>文明单位创建方案", "nav.breadcrumb_key"),
        ("您现在的位置： 网站首页 » 精神文明 » 正文", "nav.breadcrumb_key"),
        ("您好，欢迎来到第一范文网！请登录 免费注册", "nav.welcome_bar"),
        ("【返回顶部】", "nav.back_links"),
    ],
)
def test_nav(line, rule):
    check_whole_line(line, rule, "head")


# --- publish ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "line, rule, meta",
    [
        ("所属栏目：工作动态　　发布时间：2019年03月05日", "publish.column_line",
         PageMeta(publish_date="2019-03-05", column="工作动态")),
        ("发布时间：2021/4/9  来源：XX县文明办  作者：王丽", "publish.publish_date_line",
         PageMeta(publish_date="2021-04-09", source="XX县文明办", author="王丽")),
        ("发表于 2020-07-01", "publish.publish_date_line", PageMeta(publish_date="2020-07-01")),
        ("时间: 2018-11-02 09:15:33", "publish.timestamp_line", PageMeta(publish_date="2018-11-02")),
        ("日期：2016.05.20　浏览次数：356", "publish.date_line", PageMeta(publish_date="2016-05-20")),
        ("来源：中国文明网", "publish.source_line", PageMeta(source="中国文明网")),
        ("文章来源:县委宣传部作者:李明", "publish.source_line", PageMeta(source="县委宣传部", author="李明")),
        ("作者：李明  发布者：admin", "publish.author_line", PageMeta(author="李明")),
        ("责任编辑：张华", "publish.editor_line", PageMeta()),
        ("供稿：办公室 审核：王强 编辑：刘洋", "publish.author_line", PageMeta()),
        ("【作者：张三】【来源：县文明办】【点击：102】", "publish.meta_bar", PageMeta(source="县文明办", author="张三")),
        ("点击数：128", "publish.hits_line", PageMeta()),
        ("字号：大 中 小", "publish.font_size", PageMeta()),
        ("【打印本页】 【关闭窗口】", "publish.print_close", PageMeta()),
        ("信息公开选项：依申请公开", "publish.gov_disclosure", PageMeta()),
        ("索引号：000014349/2019-00123", "publish.gov_disclosure", PageMeta()),
        ("发文日期：\t2019-04-12", "publish.gov_table", PageMeta()),
        ("文  号：宜文明办〔2019〕5号", "publish.gov_table", PageMeta()),
        ("我要投稿", "publish.submit_note", PageMeta()),
    ],
)
def test_publish_removed_and_meta_captured(line, rule, meta):
    assert check_whole_line(line, rule, "head").meta == meta


def test_publish_first_value_wins_and_tail_lines_count():
    result = strip_chrome(page(
        ["日期：2012-09-03 10:30 来源：市文明办", "发布时间：2013-01-01 来源：别的网站"],
        ["责任编辑：小王"],
    ))
    assert result.meta == PageMeta(publish_date="2012-09-03", source="市文明办")
    assert result.text == page()
    assert [s.rule for s in result.removed] == [
        "chrome.publish.date_line", "chrome.publish.publish_date_line", "chrome.publish.editor_line"]


def test_publish_lines_inside_the_body_are_kept_and_flagged():
    body = BODY[:2] + ["来源：各科室报送的材料", "时间：2019-03-05"] + BODY[2:]
    result = strip_chrome(page(body=body))
    assert result.text == page(body=body)
    assert result.removed == []
    assert [(f.kind, f.line, f.excerpt) for f in result.flags] == [
        ("uncertain_chrome", 4, "来源：各科室报送的材料"),
        ("uncertain_chrome", 5, "时间：2019-03-05"),
    ]


# --- disclaimer ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "line, rule, where",
    [
        ("导语:社区文明创建方案一文来源于网友上传,不代表本站观点,若需要原创文章可咨询客服老师,欢迎参考。",
         "disclaimer.site_intro", "head"),
        ("导读：以下是小编整理的社区文明创建方案，欢迎阅读。", "disclaimer.site_intro", "head"),
        ("下面是小编帮大家整理的2023年文明单位创建工作方案，希望对大家有所帮助。", "disclaimer.editor_compiled", "head"),
        ("以下是本站为大家整理的精神文明建设工作计划范文，仅供参考。", "disclaimer.editor_compiled", "head"),
        ("欢迎阅读本篇文章，希望对您有所启发。", "disclaimer.welcome_read", "head"),
        ("希望以上内容对您有所帮助！", "disclaimer.hope_helpful", "tail"),
        ("本文由第一范文网整理，转载请注明出处。", "disclaimer.article_by", "tail"),
        ("本站仅提供存储服务，如有侵权请联系删除。", "disclaimer.upload_notice", "tail"),
        ("未经许可，不得转载或复制本站内容", "disclaimer.reprint", "tail"),
        ("Copyright © 2008-2023 www.example.com All Rights Reserved 粤ICP备12345678号", "disclaimer.copyright", "tail"),
    ],
)
def test_disclaimer_lines(line, rule, where):
    check_whole_line(line, rule, where)


def test_disclaimer_statement_block_at_the_tail():
    block = ["", "免责声明：", "1、本站部分文章来源于网络，仅供学习参考。", "2、如涉及版权问题，请联系我们删除。"]
    result = strip_chrome(page(tail=block))
    n = len(BODY) + 2
    assert spans(result) == [
        ("chrome.disclaimer.statement_block", block[1], n + 1),
        ("chrome.disclaimer.statement_block", block[2], n + 2),
        ("chrome.disclaimer.statement_block", block[3], n + 3),
    ]
    assert result.text == page(tail=[""])


# --- upload -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "line, rule",
    [
        ("上传人：wq1234  文档编号：1187344  格式：DOCX  页数：5  大小：18.55KB", "upload.uploader_keys"),
        ("特征码 8f2a1c07", "upload.uploader_keys"),
        ("文档贡献者：小张老师", "upload.uploader_keys"),
        ("下载积分：2  VIP专享", "upload.uploader_keys"),
        ("格式: PDF 页数: 12", "upload.file_facts"),
        ("《社区文明创建工作方案(5页珍藏版)》请在人人文库网上搜索。", "upload.search_stub"),
        ("VIP免费下载，立即下载", "upload.vip_download"),
        ("本文档共8页，全文阅读请下载", "upload.vip_download"),
    ],
)
def test_upload(line, rule):
    check_whole_line(line, rule, "head")


# --- page markers and preview walls -------------------------------------------------------

@pytest.mark.parametrize(
    "line, rule",
    [
        ("第 1 页 / 共 5 页", "page_marker.page_of_total"),
        ("共3页，第2页", "page_marker.page_of_total"),
        ("- 2 -", "page_marker.page_number_line"),
        ("3/20", "page_marker.page_number_line"),
        ("第12页", "page_marker.page_number_line"),
        ("上一页 1 2 3 下一页", "page_marker.pager"),
        ("展开阅读全文", "page_marker.expand_full"),
        ("下载文档到电脑，查找使用更方便", "page_marker.expand_full"),
    ],
)
def test_page_marker_lines(line, rule):
    check_whole_line(line, rule, "tail")


@pytest.mark.parametrize(
    "line, kept, cut",
    [
        ("加强精第2页共5页神文明建设，提升干部素质。", "加强精神文明建设，提升干部素质。", "第2页共5页"),
        ("加强精 第 2 页 / 共 5 页 神文明建设，提升干部素质。", "加强精神文明建设，提升干部素质。", "第 2 页 / 共 5 页"),
        ("Page break 第3页共9页 here，提升干部素质。", "Page break here，提升干部素质。", "第3页共9页"),
    ],
)
def test_page_marker_inside_a_sentence(line, kept, cut):
    body = BODY[:1] + [line] + BODY[1:]
    result = strip_chrome(page(body=body))
    assert spans(result) == [("chrome.page_marker.page_of_total", cut, 3)]
    assert result.text == page(body=BODY[:1] + [kept] + BODY[1:])


def test_page_suffix_on_a_title():
    result = strip_chrome(page(head=["社区文明创建工作方案_第1页"]))
    assert spans(result) == [("chrome.page_marker.page_suffix", "_第1页", 1)]
    assert result.text == page(head=["社区文明创建工作方案"])


@pytest.mark.parametrize(
    "line, kept, cut, rule",
    [
        ("已阅读5页,还剩22页未读", None, "已阅读5页,还剩22页未读", "read_remaining"),
        ("……此处隐藏12345个字……", None, "……此处隐藏12345个字……", "hidden_chars"),
        ("三是强化督导…省略463字,正式会员可完整阅读…", "三是强化督导", "…省略463字,正式会员可完整阅读…", "omitted_chars"),
        ("VIP会员可完整阅读全文", None, "VIP会员可完整阅读全文", "members_only"),
    ],
)
def test_preview_walls_are_removed_and_flag_truncation(line, kept, cut, rule):
    body = BODY[:3] + [line]
    result = strip_chrome(page(body=body))
    assert spans(result) == [(f"chrome.page_marker.{rule}", cut, 5)]
    assert result.text == page(body=BODY[:3] + ([kept] if kept else []))
    flag_line = 5 if kept else 4  # the cut line itself, or the line before a removed one
    assert [(f.kind, f.line, f.excerpt) for f in result.flags] == [("truncation", flag_line, cut)]


# --- QR codes and images ------------------------------------------------------------------

@pytest.mark.parametrize(
    "line, rule",
    [
        ("扫描二维码查看原文", "qr_image.qr_original"),
        ("微信扫一扫，手机阅读本文", "qr_image.qr_original"),
        ("如二维码无法识别，请刷新页面。", "qr_image.qr_contact"),
        ("扫描下方二维码关注公众号", "qr_image.qr_generic"),
        ("https://img.example.cn/upload/2021/05/abc.PNG", "qr_image.image_url"),
        ("图片来源：网络", "qr_image.image_credit"),
        ("某某百科收集整理,相关权利归属源作者", "qr_image.image_credit"),
    ],
)
def test_qr_image(line, rule):
    check_whole_line(line, rule, "tail")


def test_image_caption_inline():
    body = BODY[:1] + ["志愿者在社区开展清洁家园活动（图）", "【图片】"] + BODY[1:]
    result = strip_chrome(page(body=body))
    assert spans(result) == [("chrome.qr_image.image_caption", "（图）", 3), ("chrome.qr_image.image_caption", "【图片】", 4)]
    assert result.text == page(body=BODY[:1] + ["志愿者在社区开展清洁家园活动"] + BODY[1:])


# --- related lists and widgets ------------------------------------------------------------

def test_related_list_block_at_the_tail():
    tail = ["相关推荐：", "社区文明创建工作方案", "", "学雷锋志愿服务活动方案2023", "道德讲堂活动方案（精选5篇）"]
    result = strip_chrome(page(tail=tail))
    n = len(BODY) + 2
    assert spans(result) == [
        ("chrome.related.related_list", tail[0], n),
        ("chrome.related.related_list", tail[1], n + 1),
        ("chrome.related.related_list", tail[3], n + 3),
        ("chrome.related.related_list", tail[4], n + 4),
    ]
    assert result.text == page()


def test_related_header_after_a_bracketed_title():
    tail = ["【社区文明创建工作方案（精选5篇）】相关文章：", "社区文明创建工作方案03-14", "文明社区创建活动方案范文03-12"]
    result = strip_chrome(page(tail=tail))
    assert [s.text for s in result.removed] == tail
    assert result.text == page()


def test_related_header_before_the_body_goes_alone():
    """Above the body only the header line goes: the short line under it may be the plan's title."""
    result = strip_chrome(page(head=["猜你喜欢", "社区文明创建工作方案"]))
    assert [(s.rule, s.text) for s in result.removed] == [("chrome.related.related_header", "猜你喜欢")]
    assert result.text == page(head=["社区文明创建工作方案"])
    assert result.flags == []


@pytest.mark.parametrize(
    "line, rule",
    [
        ("上一篇：2022年文明单位创建工作计划", "related.prev_next"),
        ("下一篇:机关作风建设方案", "related.prev_next"),
        ("分享到：", "related.share"),
        ("标签：文明单位 创建方案", "related.keywords_line"),
        ("赞(12) 踩(0) 收藏 举报", "related.buttons"),
        ("下载 相关 举报", "related.buttons"),
        ("发表评论", "related.comments"),
    ],
)
def test_related_widgets(line, rule):
    check_whole_line(line, rule, "tail")


# --- watermarks ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "line, kept, cut, rule",
    [
        ("为进一步加强精神文明建设【www.diyifanwen.com--实用范文】，结合我局实际，制定本方案。",
         "为进一步加强精神文明建设，结合我局实际，制定本方案。", "【www.diyifanwen.com--实用范文】", "bracket_domain"),
        ("各科室要高度重视摘自fanwen8.net，认真组织实施。", "各科室要高度重视，认真组织实施。", "摘自fanwen8.net", "quoted_from"),
        ("开展文明礼仪培训（来源：范文先生网），提升服务水平。", "开展文明礼仪培训，提升服务水平。", "（来源：范文先生网）", "source_site_stamp"),
        ("积极参与志愿服务 www.zuowen8.com 活动，弘扬雷锋精神。", "积极参与志愿服务活动，弘扬雷锋精神。", "www.zuowen8.com", "bare_domain"),
    ],
)
def test_watermark_inline(line, kept, cut, rule):
    body = BODY[:1] + [line] + BODY[1:]
    result = strip_chrome(page(body=body))
    assert spans(result) == [(f"chrome.watermark.{rule}", cut, 3)]
    assert result.text == page(body=BODY[:1] + [kept] + BODY[1:])


def test_watermark_domain_becomes_the_source():
    result = strip_chrome(page(body=["加强学习【www.diyifanwen.com--实用范文】，提高素质。"] + BODY))
    assert result.meta == PageMeta(source="www.diyifanwen.com")


# --- spam and raw HTML --------------------------------------------------------------------

@pytest.mark.parametrize(
    "line, kept, cuts",
    [
        ("<p>为进一步加强机关作风建设，</p>", "为进一步加强机关作风建设，", ["<p>", "</p>"]),
        ("&nbsp;&nbsp;一、指导思想", "一、指导思想", ["&nbsp;", "&nbsp;"]),
        ("加强学习<br/>提高素质", "加强学习提高素质", ["<br/>"]),
        ("<div class=\"content\"><span style=\"font-size:16px\">", None, ["<div class=\"content\">", "<span style=\"font-size:16px\">"]),
    ],
)
def test_html_residue_inline(line, kept, cuts):
    body = BODY[:1] + [line] + BODY[1:]
    result = strip_chrome(page(body=body))
    rules = {"<": "chrome.spam_html.html_tag", "&": "chrome.spam_html.space_entity"}
    assert spans(result) == [(rules[c[0]], c, 3) for c in cuts]
    assert result.text == page(body=BODY[:1] + ([kept] if kept else []) + BODY[1:])


def test_script_element_inside_a_line_goes_and_the_rest_of_the_line_stays():
    line = "<script>alert(1)</script>开展志愿服务活动。<iframe src=\"javascript:alert(5)\"></iframe>"
    result = strip_chrome(page(body=BODY[:1] + [line] + BODY[1:]))
    assert spans(result) == [
        ("chrome.spam_html.script_element", "<script>alert(1)</script>", 3),
        ("chrome.spam_html.script_element", '<iframe src="javascript:alert(5)"></iframe>', 3),
    ]
    assert result.text == page(body=BODY[:1] + ["开展志愿服务活动。"] + BODY[1:])


@pytest.mark.parametrize(
    "line, rule",
    [
        ("澳门百家乐娱乐城 注册送58元 加QQ:12345678", "spam_html.hijack_spam"),
        ("无抵押贷款当天到账，联系微信 88886666", "spam_html.hijack_spam"),
        ("http://www.a.com/1.html http://www.b.com/2.html", "spam_html.url_lines"),
        ("document.write('<div>');", "spam_html.script_residue"),
    ],
)
def test_spam_lines(line, rule):
    body = BODY[:1] + [line] + BODY[1:]
    result = strip_chrome(page(body=body))
    assert spans(result) == [(f"chrome.{rule}", line, 3)]
    assert result.text == page()


# --- Q&A wrappers -------------------------------------------------------------------------

def test_qa_labels_go_answers_stay():
    head = ["问题补充：", "回答者：热心网友 | 2013-05-12"]
    tail = ["其他回答(2)"]
    body = ["最佳答案：为进一步推进文明单位创建工作，特制定本方案。"] + BODY[1:]
    result = strip_chrome(page(head=head, body=body, tail=tail))
    assert spans(result) == [
        ("chrome.qa.answer_label", "问题补充：", 1),
        ("chrome.qa.answerer_line", "回答者：热心网友 | 2013-05-12", 2),
        ("chrome.qa.answer_label", "最佳答案：", 4),
        ("chrome.qa.answerer_line", "其他回答(2)", 9),
    ]
    assert result.text == page(body=["为进一步推进文明单位创建工作，特制定本方案。"] + BODY[1:])


# --- table of contents --------------------------------------------------------------------

TOC_BODY = [
    "一、指导思想",
    "以习近平新时代中国特色社会主义思想为指导，深入推进文明单位创建。",
    "二、工作目标",
    "通过创建活动的开展，使全局干部职工的文明素质进一步提高，服务水平进一步提升。",
    "三、工作措施",
    "加强组织领导，明确责任分工，把创建工作纳入年度目标考核，确保取得实效。",
]


def test_toc_with_header_removed_when_every_entry_reappears():
    toc = ["目  录", "一、指导思想……………1", "二、工作目标……………2", "三、工作措施……………3"]
    result = strip_chrome("\n".join([TITLE, *toc, *TOC_BODY]))
    assert spans(result) == [("chrome.toc.toc_dump", t, i) for i, t in enumerate(toc, start=2)]
    assert result.text == "\n".join([TITLE, *TOC_BODY])


def test_toc_of_a_word_file_ends_at_its_last_page_number():
    """A cover page (title, date), its table of contents with tab leaders, then the title again over the body:
    the title line under the entries is the body's, not an entry that never comes back; the cover's copy of it goes."""
    toc = ["目    录", "一、指导思想\t1", "二、工作目标\t1", "三、工作措施\t2"]
    result = strip_chrome("\n".join([TITLE, "（2023年3月）", *toc, TITLE, *TOC_BODY]))
    cover = [("chrome.repeated_title.copy", TITLE, 1)]
    assert spans(result) == cover + [("chrome.toc.toc_dump", t, i) for i, t in enumerate(toc, start=3)]
    assert result.text.endswith("\n".join([TITLE, *TOC_BODY]))


def test_toc_without_header_in_a_compilation():
    plans = ["篇一：社区文明创建方案", "篇二：机关文明创建方案", "篇三：学校文明创建方案"]
    body = [x for p in plans for x in (p, BODY[0], BODY[4])]
    result = strip_chrome("\n".join(["文明创建方案（精选3篇）", *plans, *body]))
    assert [s.text for s in result.removed] == plans
    assert result.text == "\n".join(["文明创建方案（精选3篇）", *body])


def test_toc_kept_and_flagged_when_an_entry_is_missing_later():
    toc = ["目录", "一、指导思想", "二、工作目标", "四、保障措施"]
    text = "\n".join([TITLE, *toc, *TOC_BODY])
    result = strip_chrome(text)
    assert result.text == text
    assert [(f.kind, f.line, f.excerpt) for f in result.flags] == [("uncertain_chrome", 2, "目录")]


def test_a_duplicated_heading_run_is_not_a_toc():
    run = ["一、总体要求", "（一）指导思想", "（二）基本原则"]
    text = "\n".join([*run, BODY[0], *run, BODY[4]])
    assert strip_chrome(text).text == text


# --- content that must survive --------------------------------------------------------------

CONTENT = [
    "（一）学习时间：每周五下午2:30—5:00，地点：三楼会议室。",
    "资金来源：由局财务统一列支，专款专用。",
    "信息来源真实可靠，报送数据准确。",
    "利用门户网站、微信公众号等平台，开展网上祭英烈活动。",
    "在单位显著位置张贴志愿服务二维码，扫描二维码即可注册成为志愿者。",
    "相关科室要密切配合，形成工作合力。",
    "把“首页”栏目建设成为展示文明创建成果的窗口。",
    "推荐评选“文明科室”“文明职工”各2名。",
    "及时下载并学习《公民道德建设实施纲要》。",
    "第一页为封面，第二页为目录。",
    "一、二月份完成各项准备工作。",
    "3.建立健全志愿服务登记注册制度，完善激励机制。",
    "上一阶段工作完成后，下一阶段工作随即启动。",
    "1/3以上的干部职工参加志愿服务活动。",
    "浏览量达到10万人次以上。",
    "分享典型经验，推广先进做法。",
    "关键词是“实”和“干”。",
    "发布时间节点安排见附表。",
    "时间：2019年3月至12月。",
    "（来源：《人民日报》2019年3月5日）",
    "各单位要登录全国志愿服务信息系统（www.chinavolunteer.cn）进行注册。",
    "登录中国文明网（www.wenming.cn）参与网上祭英烈活动。",
    "网址：www.hnczt.gov.cn",
    "通过“学习强国”平台阅读全文并撰写心得。",
    "追问责任要落实到人，确保整改到位。",
    "“三个代表”重要思想",
    "附件：湖南省财政厅创建全国文明单位工作方案",
    "组  长：石建辉",
    "中共湖南省财政厅党组                  2019年12月10日印发",
    "二〇一〇年四月十六日",
    "第一阶段：宣传发动阶段（2月—4月）",
    "篇二",
    "【篇二】机关文明创建工作方案",
]


def test_content_lines_survive_in_the_body():
    body = BODY[:1] + CONTENT + BODY[1:]
    result = strip_chrome(page(body=body))
    assert result.text == page(body=body)
    assert result.removed == []
    assert result.flags == []


def test_event_details_before_the_body_survive():
    head = ["道德讲堂活动方案", "时间：2019年3月5日上午9:00", "地点：局机关三楼会议室", "主持人：办公室主任"]
    text = "\n".join([*head, *BODY])
    assert strip_chrome(text).text == text


def test_chrome_glued_to_a_long_paragraph_is_kept_and_flagged():
    line = "下面是小编整理的方案。" + BODY[0] * 20
    result = strip_chrome(line)
    assert result.text == line
    assert [(f.kind, f.line) for f in result.flags] == [("uncertain_chrome", 1)]


# --- rules file -----------------------------------------------------------------------------

def test_rules_file_uses_the_agreed_categories_and_keys():
    data = load_rules("boilerplate")
    assert list(data["categories"]) == [
        "nav", "publish", "disclaimer", "upload", "page_marker", "qr_image", "related", "watermark", "markup", "spam_html", "qa",
        "repeated_title"]
    for rules in data["categories"].values():
        for rule in rules:
            assert {"id", "regex", "scope"} <= set(rule)


# --- seeds ----------------------------------------------------------------------------------

def read_seed(prefix: str) -> str:
    (path,) = RAW.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8-sig")


def test_seed_000_traditional_page():
    text = opencc.OpenCC("t2s").convert(read_seed("000"))
    result = strip_chrome(text)
    assert [(s.rule, s.line) for s in result.removed] == [
        ("chrome.publish.timestamp_line", 2),
        ("chrome.disclaimer.site_intro", 3),
    ]
    assert result.removed[1].text.startswith("导语:财政局文明创建工作方案一文来源于网友上传")
    assert result.meta == PageMeta(publish_date="2022-01-16")
    lines = text.split("\n")
    assert result.text == "\n".join(lines[:1] + lines[3:])


def test_seed_001_official_page():
    text = read_seed("001")
    result = strip_chrome(text)
    assert [(s.rule, s.text) for s in result.removed] == [
        ("chrome.nav.login_bar", "登录 注册 退出"),
        ("chrome.publish.column_line", "栏目:宜昌市机关事务服务中心-部门新闻 发布时间:2010-06-28 加入收藏"),
        ("chrome.publish.date_line", "日期:2010-06-28 10:30来源:宜昌市机关事务服务中心"),
        ("chrome.publish.editor_line", "责任编辑:1"),
        ("chrome.qr_image.image_url", "http://www.zcbk.cn/uploads/allimg/20210508/1-21050Q11431415.jpg"),
        ("chrome.qr_image.qr_original", "扫描二维码查看原文"),
        ("chrome.qr_image.image_credit", "侦策百科收集整理,相关权利归属源作者"),
        ("chrome.qr_image.qr_contact", "如二维码无法正常访问,请联系客服免费提供原文链接。"),
    ]
    assert [s.line for s in result.removed] == [1, 3, 5, 6, 80, 81, 82, 83]
    assert result.meta == PageMeta(
        publish_date="2010-06-28", source="宜昌市机关事务服务中心", column="宜昌市机关事务服务中心-部门新闻")
    assert result.flags == []
    assert result.text.rstrip().split("\n")[-1] == "二Ο一Ο年四月十六日"


@pytest.mark.parametrize("prefix", ["002", "004"])
def test_seeds_without_chrome_lose_nothing(prefix):
    text = read_seed(prefix)
    result = strip_chrome(text)
    assert (result.text, result.removed, result.flags, result.meta) == (text, [], [], PageMeta())


def test_seed_003_loses_only_the_disclosure_option():
    text = read_seed("003")
    result = strip_chrome(text)
    assert spans(result) == [("chrome.publish.gov_disclosure", "信息公开选项:主动公开", 117)]
    lines = text.split("\n")
    assert result.text == "\n".join(lines[:116] + lines[117:])
    assert result.flags == []


def test_markup_around_a_title_is_no_breadcrumb_trail():
    """The > of a tag (</b>) is not a crumb separator: the title line is the plan's, not navigation."""
    result = strip_chrome("<b>示例区文明单位创建工作方案</b>{{ x }}\n一、指导思想\n以创建促发展，开展工作。\n")
    assert not any(span.rule == "chrome.nav.breadcrumb_trail" for span in result.removed)
