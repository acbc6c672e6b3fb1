"""Chrome of blogs, Q&A pages and portals in shapes the corpus has few of: a post's kind (原创 / 转载▼), its counters
in a row (阅读(186) ┊ 评论 (2)), where it was filed (已投稿到：), its tags after # and its author's line; the asker's
question over the answer; a portal's service line, its technician, its mini-program and a list page's category
sidebar; a note that the text goes on elsewhere; a language switch, a pager's link or an empty rating alone at the
page's edge; the title again with a file's format, and the cover's title again under a table of contents. The plan's
own lines that look like these (a 抄送 line, its 落款, a 服务热线 sentence, a numbered note [2] between its
paragraphs, a 分类 heading) stay.

Every page here is invented in the shapes such sites print.
"""
import pytest
from test_chrome_unseen4 import BODY, PLAN, SIGN, TITLE, above, below, between, cleaned

from conftest import page_lines
from scripts import clean, parse
from scripts.clean.chrome import strip_chrome

# --- a blog's furniture -------------------------------------------------------------------------------------------

POST_MARKS = ["原创", "[原创]", "转载▼", "【转载】", "置顶"]
COUNTERS = ["阅读(186) ┊ 评论 (2)", "阅读(52) | 评论(0) | 收藏", "浏览 56 · 收藏 3 · 编辑", "评论(4) 转载(1) 喜欢"]
FILED = ["已投稿到：", "已投稿到：排行榜", "收录于：机关党建专栏", "排行榜"]
COMMENT_BOX = ["评论 [发评论]", "发评论", "【发评论】"]
TAGS = ["# 节约粮食 # 文明餐桌 #", "#志愿服务 #学雷锋", "# 文明创建  # 工作方案"]


@pytest.mark.parametrize("line", [*POST_MARKS, *COUNTERS, *FILED, *COMMENT_BOX, *TAGS, "本文作者：松间听雨", "文章作者：林小舟"])
def test_a_blogs_furniture_above_the_plan_goes(line):
    assert cleaned(above(line)) == PLAN


@pytest.mark.parametrize("line", [*POST_MARKS, *COUNTERS, *FILED, *COMMENT_BOX, *TAGS, "本文作者：松间听雨"])
def test_a_blogs_furniture_below_the_plan_goes(line):
    assert cleaned(below(line)) == PLAN


@pytest.mark.parametrize("line", [*POST_MARKS, *COUNTERS, *FILED, *TAGS])
def test_a_blogs_furniture_between_the_plans_paragraphs_goes(line):
    assert cleaned(between(line)) == PLAN


def test_a_blogs_comments_under_their_header_go():
    comments = ["发表评论", "竹影 回复 山人：写得真细，收藏了", "网友晨露：谢谢分享", "山人：同求"]
    assert cleaned(below(*comments)) == PLAN


# --- Q&A pages -----------------------------------------------------------------------------------------------------

QUESTIONS = ["求一份林业局文明单位创建工作方案", "求助：一份文明单位创建方案", "谁有文明单位创建方案？", "文明单位创建方案怎么写？",
             "哪位有现成的创建方案"]


@pytest.mark.parametrize("line", [*QUESTIONS, "我来回答", "热心网友：", "知道网友"])
def test_the_askers_question_above_the_plan_goes(line):
    assert cleaned(above(line)) == PLAN


@pytest.mark.parametrize("line", QUESTIONS)
def test_another_question_below_the_plan_goes(line):
    assert cleaned(below(line)) == PLAN


@pytest.mark.parametrize("question", QUESTIONS[:4])
def test_the_plans_own_title_wins_over_the_askers_question(question):
    text = "\n\n".join([question, "我来回答", "热心网友：", TITLE, *BODY, *SIGN])
    [plan] = parse.parse_plans(clean.clean_text(text, source="page.txt"))
    assert plan.title == TITLE


# --- portal footers and list pages -------------------------------------------------------------------------------

PORTAL = ["服务热线：400-800-1234", "全国服务热线电话：400-800-1234", "技术支持：青禾网络科技有限公司", "扫码进入青禾范文小程序",
          "长按识别关注公众号", "[二维码]", "首页 上一页 1 2 3 … 下一页 尾页"]


@pytest.mark.parametrize("line", PORTAL)
def test_a_portals_furniture_above_the_plan_goes(line):
    assert cleaned(above(line)) == PLAN


@pytest.mark.parametrize("line", PORTAL)
def test_a_portals_furniture_below_the_plan_goes(line):
    assert cleaned(below(line)) == PLAN


@pytest.mark.parametrize("lines", [["热门分类", "工作计划", "工作总结", "心得体会"], ["【文档分类】", "方案", "计划", "总结"], ["栏目导航", "党建", "文明创建"]])
def test_a_list_pages_category_sidebar_goes(lines):
    assert cleaned(above(*lines)) == PLAN
    assert cleaned(below(*lines)) == PLAN


def test_a_plans_own_classification_heading_stays():
    page = page_lines(TITLE, [*BODY[:3], "分类", "按照创建标准，将各科室分为达标、提升、重点帮扶三类，分别落实措施。", *BODY[3:]], tail=SIGN)
    assert cleaned(page) == page


@pytest.mark.parametrize("line", ["扫码进入青禾范文小程序", "（第二篇未完，完整版见下载区）", "【未完待续，全文请到附件下载】"])
def test_a_portals_note_between_the_plans_paragraphs_goes(line):
    assert cleaned(between(line)) == PLAN


def test_a_note_that_the_text_goes_on_elsewhere_is_cut_and_flagged():
    result = strip_chrome(below("（第三篇未完，完整内容见下载区）"))
    assert result.text == PLAN
    assert [f.kind for f in result.flags] == ["truncation"]


# --- what the first round left open -------------------------------------------------------------------------------

@pytest.mark.parametrize("line", ["English", "EN", "[2]", "【3】", "0.0"])
def test_a_lone_token_at_the_pages_edges_goes(line):
    assert cleaned(above(line)) == PLAN
    assert cleaned(below(line)) == PLAN


def test_a_lone_bracketed_number_between_the_plans_paragraphs_stays():
    assert cleaned(between("[2]")) == page_lines(TITLE, [*BODY[:3], "[2]", *BODY[3:]], tail=SIGN)


@pytest.mark.parametrize("name", [f"{TITLE}.docx", f"{TITLE}.pdf", f"《{TITLE}.doc》"])
def test_the_title_again_with_a_files_format_goes(name):
    assert cleaned(above(name)) == PLAN
    assert cleaned(below(name)) == PLAN


def test_a_file_name_alone_is_the_title():
    assert cleaned(page_lines(f"{TITLE}.docx", BODY, tail=SIGN)) == PLAN


@pytest.mark.parametrize("numbers", [True, False])
def test_the_covers_title_goes_when_the_body_repeats_it_under_the_contents(numbers):
    toc = ["目    录", *(f"{h}\t{n}" if numbers else h for h, n in ((BODY[1], 1), (BODY[3], 2)))]
    result = strip_chrome("\n".join([TITLE, *toc, TITLE, *BODY, *SIGN]))
    assert result.text == PLAN
    assert [s.rule for s in result.removed][0] == "chrome.repeated_title.copy"


def test_a_related_documents_header_with_dashes_and_its_links_go():
    links = ["- 相关文档 -", "社区文明创建活动方案", "机关文明单位创建工作计划", "学校文明校园创建实施方案"]
    assert cleaned(below(*links)) == PLAN


# --- the plan's own lines that look like chrome -------------------------------------------------------------------

def test_a_plans_copy_to_line_and_signature_stay():
    tail = [*SIGN, "抄送：市文明办，市直机关工委。"]
    assert cleaned(page_lines(TITLE, BODY, tail=tail)) == page_lines(TITLE, BODY, tail=tail)


@pytest.mark.parametrize(
    "line",
    [
        "开通便民服务热线，安排专人值守，及时受理群众诉求。",
        "各科室要原创宣传作品，转载优秀文章，评论区要文明。",
        "3．开展“光盘行动”，在食堂张贴宣传海报，倡导文明用餐。",
        "（三）建立创建台账，未完成的任务要明确整改时限。",
    ],
)
def test_a_plans_sentence_in_those_words_stays(line):
    page = page_lines(TITLE, [*BODY[:3], line, *BODY[3:]], tail=SIGN)
    assert cleaned(page) == page
