"""Chrome of every category in wordings, brackets, scripts and places no corpus site uses: other verbs of
attribution (转载自/转载于/整理自/摘自…), other brackets (（）()【】[]〔〕［］), with and without a domain, full- and
half-width punctuation, traditional characters, glued into a sentence or alone on a line, above the plan, between
its paragraphs and below it. Each case removes one line or cuts one span, and the plan beside it stays exactly.
The plan's own lines that look like chrome (a 相关工作要求 heading, a sentence on the unit's website as a 宣传阵地,
a 责任单位 note, the plan's 落款 date) stay.

Every page here is invented in the shapes such sites print.
"""
import pytest

from conftest import page_lines
from scripts.clean import t2s
from scripts.clean.chrome import strip_chrome

TITLE = "市气象局2026年文明单位创建工作方案"
SENTENCE = "坚持以社会主义核心价值观为引领，广泛开展志愿服务活动，组织干部职工参加文明实践，落实创建责任。"
LAST = "各科室要加强组织领导，明确责任分工，把创建工作与业务工作同部署、同检查、同落实。"
BODY = [
    "为深入推进精神文明建设，巩固文明单位创建成果，结合本局实际，制定本方案。",
    "一、工作目标",
    SENTENCE,
    "二、工作措施",
    LAST,
]
SIGN = ["市气象局办公室", "2026年1月12日"]
PLAN = page_lines(TITLE, BODY, tail=SIGN)


def cleaned(text: str) -> str:
    """The page as the clean stage's chrome pass sees it: simplified first."""
    return strip_chrome(t2s.to_simplified(text)[0]).text


def above(*lines: str) -> str:
    return page_lines(TITLE, BODY, head=lines, tail=SIGN)


def between(*lines: str) -> str:
    return page_lines(TITLE, [*BODY[:3], *lines, *BODY[3:]], tail=SIGN)


def below(*lines: str) -> str:
    return page_lines(TITLE, BODY, tail=[*SIGN, *lines])


def glued(piece: str, at: int = SENTENCE.index("，") + 1) -> str:
    """The page with ``piece`` stamped into the plan's sentence, after its first clause or at its end."""
    return between().replace(SENTENCE, SENTENCE[:at] + piece + SENTENCE[at:])


# --- attribution watermarks inside a sentence -------------------------------------------------------------------

ATTRIBUTIONS = [
    "（转载自某某网 http://www.mouwen.cn）",
    "（转载于某某范文网）",
    "(转载自:某某文库 www.abcd.net)",
    "【整理自某某网】",
    "〔摘自某某公文网〕",
    "［来自某某资料网 https://zl.example.com/12.html］",
    "[转自某某网www.wxyz.com]",
    "（來自某某範文網）",
    "（轉載自某某網 http://www.mouwen.cn）",
    "（本文转载于某某网）",
    "（资料来源于网络）",
    "（整理于互联网）",
    "（来源：某某文秘网，转载请注明出处）",
    "（文章来自：某某网 mouwen.com）",
]


@pytest.mark.parametrize("piece", ATTRIBUTIONS)
def test_an_attribution_in_brackets_inside_a_sentence_is_cut(piece):
    assert cleaned(glued(piece)) == PLAN


@pytest.mark.parametrize("piece", ATTRIBUTIONS)
def test_an_attribution_in_brackets_after_the_last_sentence_is_cut(piece):
    assert cleaned(glued(piece, at=len(SENTENCE))) == PLAN


@pytest.mark.parametrize(
    "piece",
    ["本文转载于：某某网", "——转载自某某资料网", "整理自：某某范文网 www.mouwen.cn", "本文摘自某某文库。", "（以上内容整理自网络）"],
)
def test_an_attribution_after_the_plans_last_sentence_is_cut(piece):
    page = PLAN.replace(LAST, LAST + piece)
    assert cleaned(page) == PLAN


# --- publish lines and bylines ----------------------------------------------------------------------------------

PUBLISH = [
    "发布日期：2025/12/30　作者：管理员　浏览：128次",
    "[ 作者：佚名 | 来源：本站整理 | 日期：2025-12-30 ]",
    "來源：網友投稿　時間：2025-12-30",
    "更新日期 2025.12.30 来源 某某网",
    "点击数：356",
    "点击数：356　更新时间：2025-12-30",
    "作者：赵文静",
    "编辑 | 孙静怡",
    "来源：某某融媒",
    "稿件来源：某某新闻网",
    "发布者：admin",
    "（编辑：李晓）",
    "文 | 钱海燕",
]


@pytest.mark.parametrize("line", PUBLISH)
def test_a_publish_or_byline_line_above_the_plan_goes(line):
    assert cleaned(above(line)) == PLAN


@pytest.mark.parametrize("name", ["李建国", "王芳", "欧阳明"])
def test_a_lone_name_beside_a_date_line_above_the_plan_goes(name):
    assert cleaned(above(name, "2025-12-30 09:30")) == PLAN
    assert cleaned(above("2025-12-30 09:30", name)) == PLAN


@pytest.mark.parametrize("line", ["责任编辑：周海", "（编辑：李晓 审核：王强）", "来源：某某融媒", "作者：赵文静 来源：某某网"])
def test_a_byline_below_the_plan_goes(line):
    assert cleaned(below(line)) == PLAN


# --- WeChat article tails ---------------------------------------------------------------------------------------

WECHAT = [
    ["阅读原文"],
    ["写留言"],
    ["点赞", "在看", "分享"],
    ["长按识别二维码", "关注我们"],
    ["长按二维码识别关注"],
    ["分享到：微信 微博 QQ空间"],
    ["留言 3"],
    ["赞 12"],
    ["阅读 2.1万"],
    ["喜欢此内容的人还喜欢"],
    ["觉得有用，请点赞、在看、转发"],
    ["分享收藏点赞在看"],
    ["点击“阅读原文”了解更多"],
    ["↓↓↓ 阅读原文"],
]


@pytest.mark.parametrize("lines", WECHAT)
def test_a_wechat_article_tail_below_the_plan_goes(lines):
    assert cleaned(below(*lines)) == PLAN


# --- related lists after the plan -------------------------------------------------------------------------------

RELATED = [
    ["相关问题", "文明单位创建方案怎么写？", "文明单位创建需要哪些材料？"],
    ["相关文章", "· 社区文明创建实施方案", "· 村级文明创建工作计划"],
    ["猜你喜欢", "社区文明创建实施方案", "村级文明创建工作计划", "学校文明校园创建方案"],
    ["你可能还想看：", "社区文明创建实施方案", "村级文明创建工作计划"],
    ["同类文章推荐", "1. 社区文明创建实施方案", "2. 村级文明创建工作计划"],
    ["更多关于“文明单位”的文章 >>"],
    ["相關文章", "社區文明創建實施方案", "村級文明創建工作計劃"],
    ["【相关问题】", "文明单位创建方案怎么写", "文明单位申报条件有哪些"],
]


@pytest.mark.parametrize("lines", RELATED)
def test_a_related_list_after_the_plan_goes(lines):
    assert cleaned(below(*lines)) == PLAN


# --- Q&A sites: later answers and their furniture ---------------------------------------------------------------

QA = [
    ["回答者：热心网友 | 2025-12-30"],
    ["2条回答"],
    ["其他网友回答", "可以参考上面的写法，自己改一改。"],
    ["追问：还有别的版本吗？"],
    ["采纳率：92%"],
    ["赞同 25 | 评论 3"],
    ["网友采纳", "这个写得很全面。"],
    ["提问者采纳"],
    ["回答：", "可以参考上面的方案。"],
    ["25人赞同了该回答"],
    ["已赞同 12"],
]


@pytest.mark.parametrize("lines", QA)
def test_a_qa_sites_furniture_below_the_plan_goes(lines):
    assert cleaned(below(*lines)) == PLAN


def test_a_later_answer_in_the_genres_words_stays_flagged():
    answer = "可以参考上面的方案，结合单位实际修改。"
    result = strip_chrome(below("其他网友回答", answer))
    assert result.text == below(answer)
    assert [f.kind for f in result.flags] == ["uncertain_chrome"]


# --- a one-line page tail ---------------------------------------------------------------------------------------

TAILS = [
    "Copyright © 2026 某某网 版权所有",
    "浙ICP备12345678号-1",
    "联系我们 | 关于我们 | 免责声明",
    "网站备案号：京ICP备2026000001号",
    "本站邮箱：service@mouwen.cn",
    "版權所有 © 某某文秘網",
    "关于本站 - 联系方式 - 隐私政策",
    "©2026 mouwen.cn",
    "网站地图 | 意见反馈 | 投诉建议",
]


@pytest.mark.parametrize("line", TAILS)
def test_a_page_tail_below_the_plan_goes(line):
    assert cleaned(below(line)) == PLAN


@pytest.mark.parametrize("piece", ["Copyright©2026 某某网", "版权所有：某某文秘网", "京ICP备2026000001号"])
def test_a_page_tail_glued_after_the_last_sentence_is_cut(piece):
    page = PLAN.replace(LAST, LAST + piece)
    assert cleaned(page) == PLAN


# --- navigation, intros, upload metadata, page markers, preview walls, disclaimers, QR codes above or between ----

ABOVE = [
    "您的位置：主页 » 工作计划 » 文明创建",
    "當前位置：首頁 > 範文 > 工作方案",
    "位置: 网站首页 -> 公文写作 -> 实施方案",
    "主页 › 文秘写作 › 方案大全 ›",
    "登录 | 注册 | 会员中心",
    "嗨，欢迎光临某某文秘站！请登录",
    "网站导航：首页 | 计划 | 总结 | 方案",
    "导读：本文为大家带来了一份文明单位创建方案，仅供参考。",
    "下文是某某网小编为您精心挑选的文明创建方案，欢迎借鉴。",
    "編者按：以下是小編整理的文明單位創建方案，歡迎閱讀。",
    "上传会员：wx_8832　分享于 2025-12-30",
    "文件页数：6 页　文件大小：32KB",
    "资料格式：DOC　下载次数：88",
    "本文档由用户wang123于2025-12-30上传",
    "免責聲明：本站文檔均由用戶上傳，僅供學習交流。",
    "【版权声明】本文内容来自网友投稿，版权归原作者所有。",
    "本网站所有内容均来源于互联网，如侵犯了您的权益，请及时告知，我们将在24小时内删除。",
    "扫描下方二维码关注我们",
    "手机扫码阅读本文",
]


@pytest.mark.parametrize("line", ABOVE)
def test_chrome_above_the_title_goes(line):
    assert cleaned(above(line)) == PLAN


BETWEEN = [
    "—— 第2页 ——",
    "第 2 页，共 6 页",
    "Page 2/6",
    "[2/6]",
    "· 3 ·",
    "未完，继续阅读 >>",
    "试读结束，购买后可查看完整内容",
    "……（余下内容需付费阅读）……",
    "点击查看剩余全文",
    "开通会员，免费下载全文",
    "以上为部分内容，完整版请下载",
    "[图片]",
    "http://img.mouwen.cn/upload/2026/01/a.png",
    "（图片来源于网络，侵删）",
    "微信扫一扫，分享到朋友圈",
]


@pytest.mark.parametrize("line", BETWEEN)
def test_chrome_between_the_plans_paragraphs_goes(line):
    assert cleaned(between(line)) == PLAN


@pytest.mark.parametrize("piece", ["（第2页/共6页）", "- 2 -", "【第2页】"])
def test_a_page_marker_inside_a_sentence_is_cut(piece):
    assert cleaned(glued(piece)) == PLAN


# --- the plan's own lines that look like chrome stay ------------------------------------------------------------

CONTENT = [
    "三、相关工作要求",
    "（二）相关工作要求",
    "充分利用单位网站、微信公众号等宣传阵地，广泛宣传文明创建活动，营造浓厚氛围。",
    "（责任单位：局办公室）",
    "开展“点赞身边好人”评选活动，每季度推荐一批先进典型。",
    "建立健全单位网站、公众号信息发布审核制度，落实专人负责。",
    "评选结果在单位网站上公示，接受群众监督。",
    "活动时间：2026年3月5日",
    "联系人：赵文静，联系电话：0571-12345678",
    "认真学习转发的《关于深化文明单位创建工作的通知》精神。",
    "附件：创建工作任务分解表",
    "组织职工观看专题片，撰写心得体会，开展留言互动。",
    "四、宣传报道",
    "（三）网上文明传播",
]


@pytest.mark.parametrize("line", CONTENT)
def test_a_plans_line_that_looks_like_chrome_stays(line):
    result = strip_chrome(between(line))
    assert result.text == between(line)
    assert result.removed == []


@pytest.mark.parametrize("line", ["（责任单位：局办公室）", "（牵头单位：局机关党委，责任单位：各科室）"])
def test_a_duty_note_after_a_sentence_stays(line):
    page = glued(line, at=len(SENTENCE))
    assert strip_chrome(page).text == page


def test_the_plans_own_signature_date_stays():
    result = strip_chrome(PLAN)
    assert result.text == PLAN
    assert result.removed == []


# --- more wordings, scripts and places ---------------------------------------------------------------------------

HEAD_MORE = [
    "首頁 > 範文大全 > 計劃方案 >",
    "作者：佚名　來源：本站原創　點擊數：128",
    "上傳者：某某　頁數：6頁　大小：28KB",
    "发布时间:2025-12-30 作者:admin 阅读:88",
    "当前所在：首页 >> 实用文档 >> 方案",
    "首页→方案→正文",
    "Home > 方案 > 正文",
    "原创 某某 某某公众号 2025-12-30 09:30 发表于浙江",
    "来源 | 某某公众号",
    "文章已于2025-12-30修改",
    "格式：docx　页数：6　下载：免费",
    "上传时间：2025-12-30",
    "浏览次数：1024　下载次数：56",
    "特别声明：本文仅代表作者观点，不代表本站立场。",
    "部分内容来源于网络，如有侵权请联系删除",
    "本站资源均为网友上传分享，仅供学习交流使用",
    "返回列表",
    "[返回]",
]


@pytest.mark.parametrize("line", HEAD_MORE)
def test_more_chrome_above_the_title_goes(line):
    assert cleaned(above(line)) == PLAN


TAIL_MORE = [
    "上一篇：某某方案　下一篇：某某计划",
    "下一篇>>某某计划",
    "相关阅读：社区文明创建方案、村级文明创建计划",
    "返回上一页",
    "顶部",
    "以上内容来源：某某公众号",
    "图源：网络",
    "预览时标签不可点",
    "微信扫一扫",
    "轻触阅读原文",
    "扫码关注公众号，获取更多范文",
    "更多相关内容请访问某某网",
    "【免责声明】本站部分内容转载自网络，版权归原作者所有。",
    "声明：本文由网友投稿，不代表本网观点。",
    "（本文完）",
    "——END——",
]


@pytest.mark.parametrize("line", TAIL_MORE)
def test_more_chrome_below_the_plan_goes(line):
    assert cleaned(below(line)) == PLAN


SECOND_TITLE = "市气象局2026年精神文明建设工作计划"
SECOND = [
    "为进一步提升干部职工文明素养，结合本局实际，制定本计划。",
    "一、指导思想",
    "深入学习贯彻新时代文明实践要求，组织开展道德讲堂活动，弘扬社会主义核心价值观，推进文明创建。",
]
TWO = page_lines(TITLE, [*BODY, *SIGN, SECOND_TITLE, *SECOND])


def between_plans(*lines: str) -> str:
    return page_lines(TITLE, [*BODY, *SIGN, *lines, SECOND_TITLE, *SECOND])


BETWEEN_PLANS = [
    "上一篇：某某工作方案",
    "扫码关注公众号，获取更多范文",
    "（完）",
    "更多精彩范文请关注某某网",
    "本文来源：某某范文网",
    "点击下载完整版",
    "- 相关推荐 -",
]


@pytest.mark.parametrize("line", BETWEEN_PLANS)
def test_chrome_between_two_plans_goes(line):
    assert cleaned(between_plans(line)) == TWO


@pytest.mark.parametrize("line", ["第2篇", "篇二", "【第二篇】", "附件：创建工作任务分解表"])
def test_a_compilations_own_marks_between_two_plans_stay(line):
    page = between_plans(line)
    assert strip_chrome(page).text == page


@pytest.mark.parametrize(
    "line",
    [
        "<p style='text-indent:2em'>" + SENTENCE + "</p>",
        "<P>" + SENTENCE + "<BR/>",
        "&nbsp;&nbsp;&nbsp;&nbsp;" + SENTENCE,
        "<font face=宋体>" + SENTENCE + "</font>",
        "<section data-role=\"paragraph\">" + SENTENCE + "</section>",
    ],
)
def test_markup_around_a_sentence_is_cut(line):
    assert cleaned(between().replace(SENTENCE, line)) == PLAN


@pytest.mark.parametrize(
    "title",
    [
        TITLE + " - 某某文秘网",
        TITLE + "_某某文库",
        TITLE + "（最新版）",
        TITLE + "（word可编辑）",
        TITLE + "范文",
        "【荐】" + TITLE,
    ],
)
def test_a_site_label_on_the_title_is_cut(title):
    assert cleaned(PLAN.replace(TITLE, title, 1)) == PLAN


def test_a_title_printed_three_times_keeps_two():
    assert cleaned(above(TITLE, TITLE)) == page_lines(TITLE, BODY, head=[TITLE], tail=SIGN)


@pytest.mark.parametrize("line", ["澳门新葡京官网", "皇冠体育在线投注", "开元棋牌官方网站", "AG真人娱乐平台"])
def test_spam_above_the_plan_goes(line):
    assert cleaned(above(line)) == PLAN


# --- chrome glued after the plan's last sentence, or stamped into a sentence in other brackets and keys ----------


@pytest.mark.parametrize(
    "piece",
    [
        "上一篇：某某工作方案",
        "（责任编辑：李晓）",
        "来源：某某融媒",
        "原文链接：https://www.mouwen.cn/a/1.html",
        "点击下载Word文档",
        "扫描二维码查看原文",
        "更多范文请访问某某网",
        "相关推荐：某某工作方案",
        "本文链接：http://www.mouwen.cn/a/1.html",
        "转载请注明出处：某某网",
        "（完）",
    ],
)
def test_chrome_glued_after_the_plans_last_sentence_is_cut(piece):
    assert cleaned(PLAN.replace(LAST, LAST + piece)) == PLAN


@pytest.mark.parametrize(
    "piece",
    [
        "第2页共6页",
        "……此处隐藏1234个字……",
        "【www.mouwen.cn】",
        "（ｗｗｗ．ｍｏｕｗｅｎ．ｃｏｍ）",
        "(来源:某某网)",
        "〔本文来源：某某网〕",
        "「转载自某某网」",
        "『来源：某某网』",
        "（稿件来源：某某网）",
        "（信息来源：某某网）",
        "（原文出处：某某网）",
        "【来源：某某网 作者：张三】",
        "（来源：某某网，作者：张三）",
    ],
)
def test_more_chrome_stamped_into_a_sentence_is_cut(piece):
    assert cleaned(glued(piece)) == PLAN


HEAD_THIRD = [
    "字体：大 中 小",
    "【字体：大 中 小】",
    "打印本页 | 关闭窗口",
    "发布时间：2025年12月30日 14:22",
    "2025-12-30 某某文秘网",
    "阅读量：1.2万",
    "收藏 | 分享 | 打印",
    "A+ A- 默认",
]


@pytest.mark.parametrize("line", HEAD_THIRD)
def test_widgets_and_stamps_above_the_title_go(line):
    assert cleaned(above(line)) == PLAN


TAIL_THIRD = [
    "原文地址：http://www.mouwen.cn/a/1.html",
    "转载请注明出处：某某网 » 某某工作方案",
    "欢迎关注某某公众号",
    "如果觉得本文有用，请分享给身边的朋友",
    "免费下载这篇文档",
    "Word文档下载",
    "相关标签：文明创建 工作方案",
    "上一篇: 某某方案　下一篇: 某某计划",
    "粤ICP备2026000001号 粤公网安备 44010602000001号",
    "地址：某某市某某路1号 邮编：310000",
    "客服QQ：12345678",
    "投诉邮箱：abc@mouwen.cn",
    "Powered by WordPress",
    "本站所有范文均来自网络，如有侵权请联系删除。",
]


@pytest.mark.parametrize("line", TAIL_THIRD)
def test_a_sites_tail_lines_below_the_plan_go(line):
    assert cleaned(below(line)) == PLAN


@pytest.mark.parametrize(
    "sentence",
    [
        "据统计（来源：市统计局），全市文明单位数量稳步增长，创建工作成效明显。",
        "认真学习摘自《新时代公民道德建设实施纲要》的有关论述，组织开展专题研讨。",
        "各科室登录市文明网（www.wenming.gov.cn）进行网上申报，按时上传创建资料。",
        "本方案由局办公室负责解释，未尽事宜另行通知。",
        "各科室于每月5日前报送信息，来源须注明科室名称，由办公室统一审核发布。",
        "整理汇编创建工作资料，来自各科室的材料统一归档。",
    ],
)
def test_a_plans_sentence_with_source_words_stays(sentence):
    page = between(sentence)
    result = strip_chrome(page)
    assert result.text == page
    assert result.removed == []


# --- traditional characters, half-width punctuation, chrome on the title's own line ------------------------------

TRADITIONAL_BELOW = [
    ["相關推薦", "社區文明創建實施方案", "村級文明創建工作計劃"],
    ["猜你喜歡", "社區文明創建實施方案", "村級文明創建工作計劃"],
    ["掃一掃，手機閱讀"],
    ["版權所有 © 某某網"],
    ["本文來源於網絡，如有侵權請聯繫刪除"],
    ["責任編輯：周海"],
    ["點擊下載完整版"],
    ["上一篇：某某工作方案"],
    ["關鍵詞：文明創建"],
]


@pytest.mark.parametrize("lines", TRADITIONAL_BELOW)
def test_traditional_chrome_below_the_plan_goes(lines):
    assert cleaned(below(*lines)) == PLAN


@pytest.mark.parametrize("line", ["發佈時間：2025-12-30", "當前位置：首頁 > 工作計劃", "上傳者：某某　頁數：6頁"])
def test_traditional_chrome_above_the_title_goes(line):
    assert cleaned(above(line)) == PLAN


@pytest.mark.parametrize("line", ["試讀結束，購買後可查看完整內容", "第2頁/共6頁"])
def test_traditional_chrome_between_paragraphs_goes(line):
    assert cleaned(between(line)) == PLAN


@pytest.mark.parametrize(
    "line", ["发布时间:2025-12-30 来源:本站", "上一篇:某某方案", "关键词:文明创建", "作者:admin|来源:本站|时间:2025-12-30"]
)
def test_half_width_chrome_below_the_plan_goes(line):
    assert cleaned(below(line)) == PLAN


@pytest.mark.parametrize(
    "line",
    [
        TITLE + " 发布时间：2025-12-30 来源：本站",
        TITLE + "　作者：佚名",
        TITLE + " 2025-12-30 阅读(123)",
        TITLE + "_第1页",
    ],
)
def test_chrome_on_the_titles_line_goes_and_the_title_stays(line):
    assert cleaned(PLAN.replace(TITLE, line, 1)) == PLAN


# --- the attribution category as a matrix: verbs × brackets, sites × places ---------------------------------------

VERBS = ["来自", "转载自", "转载于", "摘自", "整理自", "选自", "转自", "源自", "来源于", "出自", "节选自", "摘录自", "来源：", "本文来自"]
BRACKETS = ["（）", "()", "【】", "[]", "〔〕", "［］", "「」"]
SITES = ["某某网", "某某范文网 www.mouwen.cn", "某某文库 https://wk.mouwen.com/doc/1.html", "某某公众号", "网络", "mouwen.com"]
PLACES = {
    "inside": glued,
    "at the sentence's end": lambda piece: glued(piece, at=len(SENTENCE)),
    "after the last sentence": lambda piece: PLAN.replace(LAST, LAST + piece),
    "alone above": above,
    "alone between": between,
    "alone below": below,
}


@pytest.mark.parametrize("verb", VERBS)
@pytest.mark.parametrize("brackets", BRACKETS)
def test_any_verb_of_copying_in_any_brackets_is_cut(verb, brackets):
    assert cleaned(glued(brackets[0] + verb + "某某网" + brackets[1])) == PLAN


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("place", sorted(PLACES))
def test_an_attribution_to_any_site_goes_wherever_it_stands(site, place):
    assert cleaned(PLACES[place]("（转载于" + site + "）")) == PLAN


@pytest.mark.parametrize(
    "sentence",
    [
        "全市注册志愿者人数稳步增长（来源：www.stats.gov.cn），志愿服务活动常态开展。",
        "各科室登录省文明网（www.wenming.org.cn）学习创建经验，组织职工参加网上培训。",
    ],
)
def test_a_plans_citation_of_an_official_address_stays(sentence):
    page = between(sentence)
    assert strip_chrome(page).text == page


# --- publish and credit lines as a matrix: keys × separators, in four places ------------------------------------

CREDITS = {"作者": "周海", "来源": "某某网", "责任编辑": "周海", "发布时间": "2025-12-30", "点击数": "356", "录入": "周海", "校对": "王强", "出处": "某某网"}
SEPARATORS = ["：", ":", " | ", "丨", " "]
CREDIT_PLACES = {
    "above": above,
    "under the title": lambda line: PLAN.replace(TITLE, TITLE + "\n" + line, 1),
    "below": below,
}


def credit_lines():
    for key, value in CREDITS.items():
        yield from (key + sep + value for sep in SEPARATORS)
        yield "【" + key + "】" + value


@pytest.mark.parametrize("line", list(credit_lines()))
@pytest.mark.parametrize("place", sorted(CREDIT_PLACES))
def test_a_credit_line_in_any_separator_goes(line, place):
    assert cleaned(CREDIT_PLACES[place](line)) == PLAN


@pytest.mark.parametrize("line", ["作者 周海", "【校对】王强", "点击数丨356", "来源：某某网"])
def test_a_credit_line_between_two_plans_goes(line):
    assert cleaned(between_plans(line)) == TWO


@pytest.mark.parametrize("line", ["审核：王强", "编制：局办公室", "来源：各科室自查报告", "责任人：周海"])
def test_a_plans_own_keyed_line_inside_it_stays(line):
    page = between(line)
    assert strip_chrome(page).text == page


# --- related lists as a matrix: headers × decorations × link shapes, below the plan and between two plans --------

HEADERS = ["相关推荐", "相似文章", "本站推荐", "热门文章", "相关问题", "大家都在看", "你可能还喜欢", "看了本文的人还看了", "往期推荐"]
DECORATIONS = ["{}", "- {} -", "【{}】", "▍{}", "{}：", "—— {} ——", "● {}", "{} >>", "{} ↓"]
LINKS = {
    "titles": ["社区文明创建实施方案", "村级文明创建工作计划", "学校文明校园创建方案"],
    "bulleted": ["· 社区文明创建实施方案", "· 村级文明创建工作计划"],
    "numbered": ["1. 社区文明创建实施方案", "2. 村级文明创建工作计划"],
    "dated": ["社区文明创建实施方案 03-14", "村级文明创建工作计划 03-12"],
}


@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize("decoration", DECORATIONS)
def test_a_related_header_in_any_decoration_goes_with_its_links(header, decoration):
    assert cleaned(below(decoration.format(header), *LINKS["titles"])) == PLAN


@pytest.mark.parametrize("links", sorted(LINKS))
@pytest.mark.parametrize("header", HEADERS)
def test_a_related_list_between_two_plans_goes_and_the_next_title_stays(links, header):
    assert cleaned(between_plans(header, *LINKS[links])) == TWO


@pytest.mark.parametrize(
    "lines",
    [
        ["活动时间：2026-03-05", "联系人：赵文静", "各科室制定本科室年度创建工作计划"],
        ["时间：2026-03-05", "地点：局会议室", "市气象局道德讲堂活动安排"],
        ["推荐阅读书目", "《新时代公民道德建设实施纲要》", "职工读书月活动方案"],
    ],
)
def test_a_plans_short_lines_over_a_title_shaped_line_inside_it_stay(lines):
    page = between(*lines)
    assert strip_chrome(page).text == page


# --- preview walls, page numbers, QR placeholders and disclaimers in other words, in four places -----------------

WALLS = [
    "免费预览已结束，剩余5页可下载查看",
    "本文仅展示部分内容",
    "登录后查看完整内容",
    "阅读全文请下载文档",
    "付费后可查看全文",
    "以下内容仅会员可见",
    "全文未完，点击继续阅读",
    "……未完，请下载完整版",
    "—— 预览结束 ——",
    "还剩3页未读，继续阅读",
]
PAGE_NUMBERS = ["第 2 页", "— 2 —", "2 / 6", "P2", "第2页 共6页", "共6页 第2页", "·2·", "~2~", "— 第 2 页 —", "2 of 6"]
FOUR_PLACES = {
    "above": (above, PLAN),
    "between paragraphs": (between, PLAN),
    "below": (below, PLAN),
    "between plans": (between_plans, TWO),
}


@pytest.mark.parametrize("line", WALLS + PAGE_NUMBERS + ["[二维码]", "（二维码）"])
@pytest.mark.parametrize("place", sorted(FOUR_PLACES))
def test_a_wall_a_page_number_or_a_qr_placeholder_goes_wherever_it_stands(line, place):
    page, plan = FOUR_PLACES[place]
    assert cleaned(page(line)) == plan


@pytest.mark.parametrize("line", ["本站不承担任何法律责任", "若有不妥，请联系我们处理", "内容仅供参考，不构成任何建议"])
@pytest.mark.parametrize("place", ["above", "below", "between plans"])
def test_a_sites_disclaimer_in_other_words_goes_at_the_plans_edges(line, place):
    page, plan = FOUR_PLACES[place]
    assert cleaned(page(line)) == plan


@pytest.mark.parametrize(
    "line",
    ["扫描二维码参与网上答题", "如有问题，请联系局办公室", "登录学习平台后查看学习进度，按时完成学习任务。", "本站点设在局一楼大厅"],
)
def test_a_plans_own_line_in_the_same_words_stays_between_its_paragraphs(line):
    page = between(line)
    assert strip_chrome(page).text == page


# --- 范文 sites' intros in other words, above the title or right under it -------------------------------------------

INTROS = [
    "为了确保活动顺利开展，通常需要提前准备一份方案，方案是一种针对某项工作的书面计划。",
    "日子如同白驹过隙，不经意间，我们又将迎来新的工作，是时候写一份计划了。",
    "时光飞逝，新的工作即将开始，是时候好好规划一下了。",
    "以下是本站为您精选的5篇文明创建方案，欢迎阅读。",
    "这篇文明单位创建方案是由某某网为您精心挑选的，希望对您有帮助。",
    "还在为写文明创建方案而烦恼吗？快来看看吧。",
    "為了確保工作順利開展，通常需要預先制定方案，方案是書面計劃。下面是小編整理的範文，歡迎閱讀。",
    "【导读】本文为您带来文明单位创建方案。",
]


@pytest.mark.parametrize("line", INTROS)
@pytest.mark.parametrize("place", ["above", "under the title"])
def test_a_sites_intro_in_other_words_goes(line, place):
    page = above(line) if place == "above" else PLAN.replace(TITLE, TITLE + "\n" + line, 1)
    assert cleaned(page) == PLAN


def test_a_plans_own_opening_on_time_passing_stays():
    opening = "时光荏苒，我局文明单位创建工作已走过十个年头，为进一步巩固创建成果，让我们以更高标准推进各项工作，特制定本方案。"
    page = PLAN.replace(BODY[0], opening)
    assert strip_chrome(page).text == page


# --- a document-sharing site's facts about the file, in other shapes ---------------------------------------------

FILE_FACTS = [
    "5星",
    "1.2万次浏览",
    "热度：★★★",
    "14.5KB / 6页",
    "6页 · 32.5KB · 2025-12-30 · 356次下载",
    "本文档为【文明创建方案】，共6页",
    "格式: DOCX 大小: 28KB",
    "阅读：356 | 下载：12",
    "356人已下载",
]


@pytest.mark.parametrize("line", FILE_FACTS)
@pytest.mark.parametrize("place", sorted(CREDIT_PLACES))
def test_a_shared_files_facts_go(line, place):
    assert cleaned(CREDIT_PLACES[place](line)) == PLAN


@pytest.mark.parametrize("line", ["评选五星级文明科室", "全年开展志愿服务活动12次", "每季度评选一次“文明之星”", "共6项任务"])
def test_a_plans_counts_and_stars_stay(line):
    page = between(line)
    assert strip_chrome(page).text == page


# --- Q&A pages above the answer, pagers, site hosts, captions ---------------------------------------------------

QA_HEAD = [
    "单位要求每个科室报一份文明创建方案，有没有现成的能参考一下，谢谢各位了！",
    "悬赏：50 积分",
    "我有更好的答案",
    "给你一份我们单位前年用过的，改改名字就能用：",
    "需要的朋友可以参考",
]


@pytest.mark.parametrize("line", QA_HEAD)
def test_a_qa_pages_question_and_the_answers_preface_above_the_plan_go(line):
    assert cleaned(above(line)) == PLAN


@pytest.mark.parametrize(
    "line",
    [
        "共 96 条  首页 上一页 1 2 3 ... 8 下一页 尾页  跳转到第 [ ] 页",
        "上页 | 1 | 2 | 3 | 下页",
        "某某日报网 某某市融媒体中心主办",
        "★ 特别推荐：",
    ],
)
def test_a_pager_a_sites_host_or_a_starred_header_below_the_plan_goes(line):
    assert cleaned(below(line, "· 社区文明创建实施方案" if "推荐" in line else "")) == PLAN


def test_an_image_caption_with_its_words_is_cut():
    assert cleaned(glued("[图片：志愿者在社区服务]")) == PLAN


@pytest.mark.parametrize("line", ["有没有好的做法，请各科室及时总结上报。", "上一页工作完成后再进行下一页的核对。"])
def test_a_plans_sentences_in_the_same_words_stay(line):
    page = between(line)
    assert strip_chrome(page).text == page


# --- social arrows, a forum's markup, casinos in other names -----------------------------------


@pytest.mark.parametrize("line", ["▼", "↓ ↓ ↓", "👇"])
@pytest.mark.parametrize("place", sorted(FOUR_PLACES))
def test_an_arrow_alone_on_a_line_goes(line, place):
    page, plan = FOUR_PLACES[place]
    assert cleaned(page(line)) == plan


@pytest.mark.parametrize("piece", ["[url=http://www.mouwen.cn]", "[img]http://img.mouwen.cn/a.png[/img]"])
def test_a_forums_markup_is_cut(piece):
    assert cleaned(glued(piece)) == PLAN


def test_bbcode_around_a_plans_words_leaves_the_words():
    page = between().replace(SENTENCE, "[b]" + SENTENCE + "[/b]")
    assert cleaned(page) == PLAN


@pytest.mark.parametrize("line", ["某某娱乐场 官方直营", "足彩推荐 稳赚不赔", "葡京在线 注册即送"])
@pytest.mark.parametrize("place", ["above", "below"])
def test_a_casinos_ad_in_other_names_goes(line, place):
    page, plan = FOUR_PLACES[place]
    assert cleaned(page(line)) == plan


def test_a_plans_word_that_holds_a_casinos_word_stays():
    line = "（6）文化娱乐场所和公共服务窗口"
    page = between(line)
    assert strip_chrome(page).text == page


# --- the title again inside the plan with a site's name ---------------------------------------------------------


@pytest.mark.parametrize("suffix", [" - 某某文秘网", "_某某文库", "｜某某范文网", "(某某网)", "-某某文档网"])
def test_the_title_again_with_a_sites_name_between_paragraphs_goes(suffix):
    assert cleaned(between(TITLE + suffix)) == PLAN


@pytest.mark.parametrize("line", [TITLE, TITLE + "资料汇编", TITLE + "实施细则"])
def test_the_title_again_inside_the_plan_without_a_sites_name_stays(line):
    page = between(line)
    assert strip_chrome(page).text == page
