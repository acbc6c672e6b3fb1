"""html_to_text: saved pages give the article's lines and the page's metadata, without furniture."""
import time
from pathlib import Path

import pytest

from scripts.models import PageMeta
from scripts.read.htmlpage import html_to_text, looks_like_html

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"


def page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_template_site_page():
    result = html_to_text(page("fanwen_site.html"))
    assert result.text.split("\n") == [
        "2020年社区文明单位创建工作方案",
        "时间：2020-03-12 09:15:22 来源：网友投稿 作者：佚名 加入收藏",
        "为深入推进社区精神文明建设，巩固和扩大文明创建成果，根据区文明委有关要求，结合我社区实际，制定本方案。",
        "一、指导思想",
        "以习近平新时代中国特色社会主义思想为指导，以“创文明社区、做文明居民”为主题，不断提升居民文明素质和社区文明程度。",
        "二、工作安排",
        "阶段\t时间\t主要任务",
        "宣传发动\t3月—4月\t召开动员会，制定方案",
        "组织实施\t5月—10月\t开展志愿服务活动",
        "三、工作要求",
        "（一）加强组织领导。成立创建工作领导小组，组长：XXX。",
        "（二）强化宣传引导。利用宣传栏、微信群广泛宣传<文明公约>。",
        "上一篇：学校安全工作计划 下一篇：2020年团支部工作计划",  # in-article chrome: the cleaner's job
    ]
    assert result.meta == PageMeta(
        author="admin",
        url="https://www.haofanwen.example/jihua/2020/0312/8812.html",
        page_title="2020年社区文明单位创建工作方案_工作计划_好范文网",
    )


def test_government_table_layout_page():
    result = html_to_text(page("gov_site.html"))
    lines = result.text.split("\n")
    assert lines[0] == "中共湖南省财政厅党组关于印发《湖南省财政厅创建全国文明单位工作方案（2019-2020年）》的通知"
    assert lines[1] == "发布时间：2019-12-10　来源：机关党委　【字体：大 中 小】"
    assert lines[4:7] == ["中共湖南省财政厅党组", "2019年12月10日", "附件：湖南省财政厅创建全国文明单位工作方案"]
    assert lines[-1] == "（一）加强思想道德建设。（牵头单位：机关党委，责任单位：各处室、单位）"
    assert len(lines) == 12
    for chrome in ("首页", "分享到", "湘ICP备", "微博"):
        assert chrome not in result.text
    assert result.meta == PageMeta(
        publish_date="2019-12-10",
        source="机关党委",
        column="通知公告",
        url="http://czt.hunan.example/czt/xxgk/tzgg/201912/t20191210_1234.html",
        page_title="中共湖南省财政厅党组关于印发《湖南省财政厅创建全国文明单位工作方案（2019-2020年）》的通知 - 湖南省财政厅",
    )


def test_html5_article_with_br_lines_and_comments():
    result = html_to_text(page("modern_article.html"))
    assert result.text == "\n".join(
        [
            "学雷锋志愿服务活动方案",
            "2023年3月1日 · 区文明办",
            "一、活动主题",
            "弘扬雷锋精神 争做时代新人",
            "二、活动时间",
            "2023年3月1日至3月31日",
            "三、活动内容",
            "开展“文明交通”志愿服务，在主要路口劝导不文明行为；",
            "开展关爱空巢老人活动，每名志愿者结对帮扶1户；",
            "开展环境清洁行动……",
            "四、工作要求",
            "各单位要高度重视，精心组织，确保活动取得实效。",
        ]
    )
    assert result.meta == PageMeta(
        publish_date="2023-03-01",
        source="文明创建网",
        column="活动方案",
        author="区文明办",
        url="https://wenming.example.cn/article/2023/03/xueleifeng.html",
        page_title="学雷锋志愿服务活动方案 | 文明创建网",
    )


def test_markup_inside_text_is_data():
    html = "<body><div id='content'><p>宣传&lt;script&gt;alert(1)&lt;/script&gt;{{ title }}与&amp;nbsp;</p></div></body>"
    assert html_to_text(html).text == "宣传<script>alert(1)</script>{{ title }}与&nbsp;"


def test_source_line_breaks_between_chinese_are_not_spaces():
    html = "<p>深入开展学雷锋\n      志愿服务活动, 2019\n年 and more\ntext</p>"
    assert html_to_text(html).text == "深入开展学雷锋志愿服务活动, 2019 年 and more text"


def test_fragment_and_empty_page():
    assert html_to_text("").text == ""
    assert html_to_text("<div>文明<div>单位</div></div>").text == "文明\n单位"
    assert html_to_text("<html><body>第一行<br>第二行</body></html>").text == "第一行\n第二行"


def test_deeply_nested_markup():
    assert html_to_text("<div>" * 3000 + "深层正文" + "</div>" * 3000).text == "深层正文"


@pytest.mark.parametrize(
    "name, text, expected",
    [
        ("page.html", "", True),
        ("page.HTM", "一、指导思想", True),
        ("saved.txt", "\ufeff  <!DOCTYPE html>\n<html><head>", True),
        ("saved.txt", "<!-- saved from url=(0045)http://www.example.com/a.html -->\n<HTML><HEAD>", True),
        ("saved.txt", "<html lang='zh'>", True),
        ("plan.txt", "一、指导思想\n<html>", False),
        ("plan.txt", "<p>一段</p>", False),
        ("plan.txt", "<htmlx>", False),
    ],
)
def test_looks_like_html(name, text, expected):
    assert looks_like_html(name, text) is expected


def test_large_page_is_linear():
    paragraph = "<p>以习近平新时代中国特色社会主义思想为指导，<a href='/x'>深入开展</a>学雷锋志愿服务活动。</p>\n"
    big = page("fanwen_site.html").replace("<p><strong>一、指导思想</strong></p>", paragraph * 3000)
    started = time.perf_counter()
    text = html_to_text(big).text
    assert text.count("学雷锋志愿服务活动。") == 3000
    assert time.perf_counter() - started < 3
