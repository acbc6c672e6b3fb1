"""Chrome of sites never seen, third pass: furniture laid out in rows (link rows, tag rows, pagers with a
page-end mark), forum floors, a repost's shelf line, a footer naming a website as host.

Each category has two members worded differently and a near-miss of plan text in the same shape that stays.
Every page here is invented in the shapes such sites print.
"""
import pytest

from conftest import page_lines, removed, rules_of
from scripts.clean.chrome import strip_chrome

TITLE = "县档案馆2024年文明单位创建工作方案"
BODY = [
    "为深入推进精神文明建设，巩固文明单位创建成果，结合本馆实际，制定本方案。",
    "一、工作目标",
    "以社会主义核心价值观为引领，广泛开展志愿服务活动，组织职工参加文明实践，落实创建责任。",
    "二、主要措施",
    "各科室要加强组织领导，明确责任分工，把创建工作与业务工作同部署、同检查、同落实。",
]


def cleaned(head=(), tail=(), body=BODY):
    return strip_chrome(page_lines(TITLE, body, head, tail))


@pytest.mark.parametrize(
    "tail, rule",
    [
        (["相关文档推荐", "· 档案馆志愿服务工作总结    · 2023年文明科室评比办法"], "chrome.related.links_header"),
        (["↓↓↓ 相关阅读 ↓↓↓", "▶ 职工书屋建设方案    ▶ 窗口服务规范    ▶ 年度工作要点"], "chrome.related.links_header"),
        (["◆ 文明单位申报材料范本    ◆ 创建工作台账目录"], "chrome.related.bullet_row"),
        (["· 机关作风建设整改报告   · 道德讲堂活动记录表"], "chrome.related.bullet_row"),
    ],
)
def test_a_row_of_link_titles_below_the_plan_goes(tail, rule):
    result = cleaned(tail=tail)
    assert rule in rules_of(result)
    assert all(line not in result.text for line in tail)
    assert BODY[-1] in result.text


def test_bulleted_points_of_the_plan_stay():
    body = BODY + ["· 每月开展一次志愿服务活动，做好活动记录。", "· 每季度评选一次文明科室，张榜公布。"]
    result = cleaned(body=body)
    assert "· 每月开展一次志愿服务活动，做好活动记录。" in result.text
    assert "· 每季度评选一次文明科室，张榜公布。" in result.text


@pytest.mark.parametrize(
    "line, rule",
    [
        ("TAG标签：文明单位  档案馆  工作方案", "chrome.related.keywords_line"),
        ("Tags：志愿服务 文明创建", "chrome.related.keywords_line"),
        ("标签：创建方案 机关", "chrome.related.keywords_line"),
        ("‖ 本页完 ‖  上一页  1  2  下一页", "chrome.page_marker.pager"),
        ("—— 此页完 ——  上一页  1  2  3  下一页", "chrome.page_marker.pager"),
        ("主办：中共某某县委宣传部  某某县文明办    承办：某某文明网编辑部", "chrome.disclaimer.site_footer_hosts"),
        ("主办单位：某某市文明委办公室   协办单位：某某新闻网", "chrome.disclaimer.site_footer_hosts"),
        ("本文来源于某某范文网：https://www.example.cn/a/1.html", "chrome.disclaimer.article_by"),
        ("文章来源于公文写作网", "chrome.disclaimer.article_by"),
        ("【加微信 abc2233 领取全套方案模板】", "chrome.spam_html.hijack_spam"),
        ("添加VX：hh8899，免费送创建台账模板", "chrome.spam_html.hijack_spam"),
    ],
)
def test_a_furniture_line_below_the_plan_goes(line, rule):
    """Tag rows, a pager after a page-end mark, a footer naming a website as host, a line saying where the
    text came from, a contact offering a bait: each by its rule."""
    result = cleaned(tail=[line])
    assert rule in rules_of(result)
    assert line not in result.text


@pytest.mark.parametrize("marker", ["2#", "3楼", "#4", "沙发"])
def test_forum_floor_numbers_go(marker):
    body = BODY[:3] + [marker] + BODY[3:]
    result = cleaned(body=body)
    assert ("chrome.qa.forum_floor", marker) in removed(result)
    assert all(line in result.text for line in BODY)


@pytest.mark.parametrize("note", ["（接上楼）", "（下楼继续）", "(续上楼)"])
def test_a_post_continued_on_another_floor_goes(note):
    body = BODY[:3] + [note] + BODY[3:]
    assert ("chrome.qa.forum_continued", note) in removed(cleaned(body=body))


@pytest.mark.parametrize("line", ["2#楼外墙立面整治于5月完成", "3楼会议室作为道德讲堂活动场所", "（续）"])
def test_a_building_or_a_plan_line_with_a_floor_number_stays(line):
    body = BODY[:3] + [line] + BODY[3:]
    result = cleaned(body=body)
    assert line in result.text


@pytest.mark.parametrize("line", ["来自： 墨香斋主人 > 《工作方案》", "转自：某某的图书馆 › 文摘收藏"])
def test_a_repost_shelf_line_above_the_plan_goes(line):
    result = cleaned(head=[line])
    assert rules_of(result) & {"chrome.publish.reposted_from", "chrome.publish.author_line"}
    assert line not in result.text


def test_a_sentence_telling_where_a_delegation_came_from_stays():
    line = "来自：各乡镇、各部门的志愿者代表 > 200人参加启动仪式。"
    result = cleaned(tail=[line])
    assert line in result.text


def test_an_activity_plans_own_organisers_stay():
    line = "主办单位：县档案馆  承办单位：县图书馆"
    result = cleaned(tail=[line])
    assert line in result.text


@pytest.mark.parametrize("stamp", ["【wenmiku.com 实施方案】", "[fanwen-ku.cn 工作计划]"])
def test_a_bracketed_bare_domain_with_a_column_name_is_cut_from_the_sentence(stamp):
    line = f"各科室要加强组织领导，{stamp}明确责任分工，把创建工作与业务工作同部署、同检查。"
    result = cleaned(body=BODY + [line])
    assert ("chrome.watermark.bracket_domain", stamp) in removed(result)
    assert line.replace(stamp, "") in result.text


def test_a_bracket_without_a_domain_stays():
    line = "各科室要开展【文明 创建】主题宣传，明确责任分工，把创建工作与业务工作同部署。"
    assert line in cleaned(body=BODY + [line]).text


def test_a_plans_own_contact_for_sign_up_stays():
    line = "请有意参加的居民加微信 abc2233 报名，名额有限。"
    assert line in cleaned(body=BODY + [line]).text
