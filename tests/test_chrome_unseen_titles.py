"""A page's title printed again, in the shapes sites never seen before print it: above the plan with the site's
name, address, file format or label around it, in traditional characters or with other spacing, and again at
every page break of a document printed page by page. One title stays; a compilation's plan titles and numbered
headings stay too.

Every page here is invented in the shapes such sites print.
"""
import pytest

from scripts.clean import clean_text

TITLE = "县图书馆2025年文明单位创建工作方案"
TRADITIONAL = "縣圖書館2025年文明單位創建工作方案"
BODY = [
    "为深入推进精神文明建设，巩固文明单位创建成果，结合本馆实际，制定本方案。",
    "一、工作目标",
    "坚持以社会主义核心价值观为引领，广泛开展志愿服务活动，组织职工参加文明实践，落实创建责任。",
    "二、工作措施",
    "各部门要加强组织领导，明确责任分工，把创建工作与业务工作同部署、同检查、同落实。",
    "县图书馆",
    "2025年3月1日",
]


def key(line: str) -> str:
    return "".join(ch for ch in line if ch.isalnum())


def nonblank(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(
    "head",
    [
        [TITLE + " - 某某范文网", TITLE],
        [TITLE + "_某某文库", TITLE],
        [TITLE + "|某某资料站", TITLE],
        [TITLE + " - 某某范文网 - 工作方案频道", TITLE],
        [TITLE + "-某某网（www.mmw.com）", TITLE],
        [TITLE + " — 某某文秘网", "", TITLE],
        ["某某范文网：" + TITLE, TITLE],
        ["某某网 资料文库 " + TITLE, TITLE],
        [TITLE + "（第1页）", TITLE],
        [TITLE + "_第1页", TITLE],
        [TITLE + ".doc", TITLE],
        [TITLE + ".pdf 共6页", TITLE],
        [TITLE + " 完整版", TITLE],
        [TITLE + "（精选）", TITLE],
        [TITLE + "（word版）", TITLE],
        [TITLE + " 免费下载", TITLE],
        ["首页 » 范文大全 » " + TITLE, TITLE],
        ["当前位置：首页 > 工作计划 > " + TITLE, TITLE],
        [TRADITIONAL, TITLE],
        [TRADITIONAL + "_某某文庫", TITLE],
        [" ".join(TITLE), TITLE],
        ["县图书馆，2025年文明单位创建工作方案", TITLE],
        [TITLE, TITLE, TITLE],
        [TITLE, TITLE + "_某某范文网"],
    ],
)
def test_a_title_again_above_the_plan_leaves_the_bare_title(head):
    """Above the plan only copies of the bare title stay (the site's title over the plan's own heading: at most two)."""
    lines = nonblank(clean_text("\n".join([*head, *BODY])).text)
    top = lines[: lines.index(BODY[0])]
    assert 1 <= len(top) <= 2 and all(key(line) == key(TITLE) for line in top)
    assert lines[len(top) :] == BODY


@pytest.mark.parametrize(
    "page_break",
    [
        ["第2页/共6页", TITLE],
        ["第2页 共6页", " ".join(TITLE)],
        ["- 2 -", TITLE],
        ["2 / 6", TITLE],
        ["（第2页）", TITLE],
        ["第 3 页", "精品文档", TITLE],
        [TITLE, "第2页"],
        [TITLE + "_第2页"],
        ["第2页/共6页", TITLE + "_某某文库"],
        ["第2頁/共6頁", TRADITIONAL],
        ["第2页/共6页", "", TITLE, ""],
    ],
)
def test_the_title_again_at_a_page_break_goes(page_break):
    """A document printed page by page repeats its title at every page break: the copy goes with the marker."""
    result = clean_text("\n".join([TITLE, *BODY[:3], *page_break, *BODY[3:]]))
    assert nonblank(result.text) == [TITLE, *BODY]
    assert any(span.category == "repeated_title" for span in result.removed)


def test_a_compilations_numbered_plan_titles_stay():
    page = ["县图书馆文明单位创建工作方案（精选2篇）", TITLE + " 篇一", *BODY, TITLE + " 篇二", *BODY]
    result = clean_text("\n".join(page))
    assert not [span for span in result.removed if span.category == "repeated_title"]
    assert list(map(key, nonblank(result.text))) == list(map(key, page))


def test_a_compilations_plan_titles_at_page_breaks_stay_when_numbered():
    page = [TITLE, "第1页/共6页", TITLE + " 篇一", *BODY, "第2页/共6页", TITLE + " 篇二", *BODY]
    keys = list(map(key, nonblank(clean_text("\n".join(page)).text)))
    assert keys.count(key(TITLE + "篇一")) == 1 and keys.count(key(TITLE + "篇二")) == 1


def test_plans_of_one_title_in_a_row_without_page_breaks_stay():
    """Without a page marker a second copy under the first plan's signature may head the next plan: it stays."""
    page = [TITLE, *BODY, TITLE, *BODY]
    assert nonblank(clean_text("\n".join(page)).text) == page


@pytest.mark.parametrize("line", [TITLE[:-2] + "实施细则", "（征求意见稿）", TITLE + "2025", TITLE + "网上征集活动"])
def test_a_line_that_is_the_title_and_more_of_the_plans_words_stays(line):
    page = [TITLE, line, *BODY]
    assert nonblank(clean_text("\n".join(page)).text) == page
