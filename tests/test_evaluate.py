"""The quality command's scoring, on a tiny corpus invented here (same shapes as a real one, none of its text)."""
from __future__ import annotations

import json
import zlib

import pytest

from scripts import quality as evaluate
from scripts.models import Item, Plan, PlanMeta, Section

PLAN_PAGE = """\
首页 > 范文 > 工作方案
青松社区文明家庭创建方案
青松社区文明家庭创建方案
发布时间：2031-05-06 来源：本站
为提升居民文明素养，结合本社区实际，制定本方案。
一、工作目标
评选一批邻里和睦的文明家庭。
二、工作措施
1.组织开展志愿服务进楼栋活动。
2.每季度举办一次道德讲堂。
"""
LABEL = {
    "file": "p001.txt",
    "url": "https://www.example.org/a/1.html",
    "first_title": "青松社区文明家庭创建方案",
    "page_title": "青松社区文明家庭创建方案",
    "n_plans_visible": 1,
    "unit": "青松社区",
    "level": None,
    "years": [],
    "first_body_sentence": "为提升居民文明素养，结合本社区实际，制定本方案。",
    "chrome": [
        {"category": "navigation", "text": "首页 > 范文 > 工作方案"},
        {"category": "repeated_title", "text": "青松社区文明家庭创建方案"},
        {"category": "publish_line", "text": "发布时间：2031-05-06 来源：本站"},
    ],
    "chrome_unsure": [],
    "notes": "",
}
ITEMS = [
    {"plan_title": "青松社区文明家庭创建方案", "file": "p001.txt", "headings": ["二、工作措施"], "text": "组织开展志愿服务进楼栋活动。", "types": ["志愿服务"], "junk": False, "borderline": False, "note": ""},
    {"plan_title": "青松社区文明家庭创建方案", "file": "p001.txt", "headings": ["二、工作措施"], "text": "每季度举办一次道德讲堂。", "types": ["道德讲堂"], "junk": False, "borderline": False, "note": ""},
    {"plan_title": "青松社区文明家庭创建方案", "file": "p001.txt", "headings": ["二、工作措施"], "text": "二、工作措施", "types": [], "junk": True, "borderline": False, "note": ""},
]


def write_corpus(root, pages: dict[str, tuple[str, str]], labels: list[dict], items: list[dict]):
    (root / "pages").mkdir(parents=True)
    for name, (url, text) in pages.items():
        (root / "pages" / name).write_text(f"URL: {url}\n\n{text}", encoding="utf-8")
    (root / "labels.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in labels), encoding="utf-8")
    (root / "items.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in items), encoding="utf-8")
    return root


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus", {"p001.txt": (LABEL["url"], PLAN_PAGE)}, [LABEL], ITEMS)


def test_site_half_strips_one_prefix_and_uses_crc32():
    def half_of(host: bytes) -> str:
        return ("tune", "tune2", "tune", "holdout")[zlib.crc32(host) % 4]

    host_half = half_of(b"example.org")
    assert evaluate.site_half("https://www.example.org/x") == host_half
    assert evaluate.site_half("http://M.Example.org/y") == host_half
    assert evaluate.site_half("http://wap.www.example.org/") == half_of(b"www.example.org")


def test_split_page_drops_url_line_and_blank_line():
    assert evaluate.split_page("URL: http://a.test/1\n\n标题\n正文\n") == ("http://a.test/1", "标题\n正文\n")
    assert evaluate.split_page("没有网址\n正文") == ("", "没有网址\n正文")


def test_norm_folds_script_width_punctuation_and_pinyin():
    assert evaluate.norm("創(chuàng)建 文明（城市）!") == "创建文明城市"
    assert evaluate.norm("ＡＢ１２，docx") == "ab12docx"
    assert evaluate.norm_punct("1 、 ＊＊") == "1、**"


def test_same_title_ignores_width_spaces_and_punctuation():
    assert evaluate.same_title("青松社区（2031—2032年）文明 创建方案。", "青松社区(2031-2032年)文明创建方案")
    assert not evaluate.same_title("青松社区文明创建方案篇1", "青松社区文明创建方案")


def test_chrome_span_left_is_counted():
    spans = [{"category": "navigation", "text": "首页 > 工作方案"}, {"category": "publish_line", "text": "来源：本站"}]
    page = "首页 > 工作方案\n来源：本站\n正文一句。"
    scored = evaluate.score_chrome(spans, page, "首页>工作方案\n正文一句。")
    assert [s["left"] for s in scored] == [True, False]
    assert scored[0]["rule"] == "count" and scored[0]["on_page"] == 1 and scored[0]["in_output"] == 1


def test_repeated_title_is_scored_by_count():
    span = [{"category": "repeated_title", "text": "青松社区创建方案"}]
    page = "青松社区创建方案\n青松社区创建方案\n青松社区创建方案\n正文。"
    assert evaluate.score_chrome(span, page, "青松社区创建方案\n正文。")[0]["left"] is False
    assert evaluate.score_chrome(span, page, "青松社区创建方案\n青松社区创建方案\n正文。")[0]["left"] is False
    assert evaluate.score_chrome(span, page, "青松社区创建方案\n青松社区创建方案\n青松社区创建方案")[0]["left"] is True


def test_short_spans_every_occurrence_and_counted_with_punctuation():
    page = "**一、目标**\n范文\n青松范文社区\n1、第一条\n1、\n"
    spans = [
        {"category": "html", "text": "**"},
        {"category": "other", "text": "范文"},
        {"category": "page_marker", "text": "1、"},
    ]
    clean = evaluate.score_chrome(spans, page, "一、目标\n青松社区\n1、第一条")
    assert [s["rule"] for s in clean] == ["every", "every", "count"]
    assert [s["left"] for s in clean] == [False, False, False]  # 1、 twice on the page, once labelled: one copy may stay
    dirty = evaluate.score_chrome(spans, page, "一、目标**\n青松范文社区\n1、第一条\n1、")
    assert [s["left"] for s in dirty] == [True, True, True]


def test_span_not_found_on_page_is_not_scored():
    span = [{"category": "navigation", "text": "返回顶部"}]
    assert evaluate.score_chrome(span, "正文。", "正文。")[0]["left"] is None


def test_traditional_and_pinyin_left():
    assert evaluate.traditional_left("這個社區 简体") == 3
    assert evaluate.pinyin_left("创建文明(wén míng)城市，运(yùn)行，附件(二)，(PPT)，?,F(xiàn)") == 3
    assert evaluate.traditional_left("环境衞生") == 1  # a variant plain t2s keeps


def test_kept_share_counts_whole_items_and_pieces():
    output = evaluate.norm("组织开展志愿服务。\n每季度举办道德讲堂")
    page = evaluate.norm("组织开展志愿服务。每季度举办道德讲堂；丢失的半句。")
    assert evaluate.kept_share(["组织开展志愿服务。"], output, page) == (8, 8)
    assert evaluate.kept_share(["每季度举办道德讲堂；丢失的半句。"], output, page) == (9, 14)
    assert evaluate.kept_share(["页面上没有的一条。"], output, page) == (0, 0)  # an item of an older cut of the page


def test_unit_null_label_accepts_none_or_placeholder():
    assert evaluate.unit_right(PlanMeta(), None)
    assert evaluate.unit_right(PlanMeta(unit="XX社区"), None)
    assert evaluate.unit_right(PlanMeta(unit="某某", unit_anonymised=True), None)
    assert not evaluate.unit_right(PlanMeta(unit="青松社区"), None)
    assert evaluate.unit_right(PlanMeta(unit="青松社区"), "青松社区")


def plan(title: str, years=(), level="", unit="") -> Plan:
    section = Section(anchor="s1", number="一", title="工作措施", level=1, marker="一、", items=[Item(anchor="i1", number="1", text="组织开展志愿服务。", lead=["社区居委会"])])
    return Plan(title=title, meta=PlanMeta(unit=unit, years=list(years), level=level), source_file="p.txt", preamble=["为做好工作，制定本方案。"], sections=[section])


def test_output_pieces_are_what_a_reader_sees():
    assert evaluate.output_pieces([plan("青松方案")]) == ["青松方案", "为做好工作，制定本方案。", "一、工作措施", "1", "组织开展志愿服务。", "社区居委会"]


def test_score_file_years_are_a_set_and_level_false_positive():
    page = evaluate.Page("p.txt", "http://a.test/", "青松方案\n为做好工作，制定本方案。", "tune")
    label = {"first_title": "青松方案", "n_plans_visible": 1, "unit": None, "level": None, "years": [2032, 2031], "first_body_sentence": "为做好工作,制定本方案", "chrome": []}
    result = evaluate.score_file(page, label, [], [plan("青松方案", years=[2031, 2032, 2031], level="市级")])
    assert result["years"]["right"] and result["title"]["right"] and result["first_sentence"] and result["count"]["right"]
    assert result["level"] == {"got": "市级", "want": None, "right": False}
    wrong = evaluate.score_file(page, label, [], [plan("青松方案", years=[2031])])
    assert not wrong["years"]["right"]
    mended = evaluate.score_file(page, {**label, "first_body_sentence": "页面上没有这一句。"}, [], [plan("青松方案")])
    assert mended["first_sentence"] is None  # the labeller's sentence is not on the page: not scored
    summary = evaluate.summarise([result], [])
    assert summary["level"]["of"] == 0 and summary["level_false_positives"] == {"n": 1, "of": 1, "share": 1.0}


def test_no_plan_visible_scores_title_by_plan_count():
    page = evaluate.Page("p.txt", "", "目录", "tune")
    label = {"first_title": None, "n_plans_visible": 0, "unit": None, "level": None, "years": [], "first_body_sentence": None, "chrome": []}
    result = evaluate.score_file(page, label, [], [plan("p")])
    assert result["title"]["right"] is False and result["count"] == {"got": 1, "want": 0, "right": False}
    assert "unit" not in result and result["first_sentence"] is None


def test_tag_precision_recall_on_three_items():
    items = [
        {"file": "p", "text": "甲", "types": ["志愿服务", "道德讲堂"], "junk": False},
        {"file": "p", "text": "乙", "types": ["志愿服务"], "junk": False},
        {"file": "p", "text": "丙", "types": [], "junk": True},
    ]
    answers = {"甲": ["志愿服务"], "乙": ["志愿服务", "文明家庭"], "丙": ["文明家庭"]}
    figures = evaluate.tag_figures(evaluate.score_tags(items, tag=lambda title, headings, text: answers[text]))
    assert (figures["tp"], figures["fp"], figures["fn"]) == (2, 1, 1)
    assert figures["precision"] == pytest.approx(2 / 3) and figures["recall"] == pytest.approx(2 / 3)
    assert figures["junk_tagged"] == 1 and figures["items"] == 2
    assert evaluate.summarise([], evaluate.score_tags([{**items[1], "borderline": True}, items[0]], tag=lambda t, h, x: answers[x]))["tags_clear"]["tp"] == 1
    assert figures["per_type"]["志愿服务"]["precision"] == 1.0 and figures["per_type"]["道德讲堂"]["recall"] == 0.0
    assert figures["per_type"]["文明家庭"] == {"tp": 0, "fp": 1, "fn": 0, "precision": 0.0, "recall": None, "f1": None}


def test_failed_file_is_counted_not_raised(monkeypatch, corpus):
    def boom(name, text):
        raise RuntimeError("parser broke")

    monkeypatch.setattr(evaluate, "clean_and_parse", boom)
    report = evaluate.evaluate(evaluate.load_corpus(corpus))
    assert report["halves"]["all"]["failed"] == 1
    assert report["files"][0]["error"] == "RuntimeError: parser broke"
    report["files"][0]["half"] = "tune"
    assert "failed: RuntimeError: parser broke" in evaluate.format_report(report)


def test_the_holdout_halfs_files_are_counted_but_not_shown(corpus):
    """Nobody writes a rule from a holdout page: the screen gives its figures, never its text."""
    report = evaluate.evaluate(evaluate.load_corpus(corpus))
    report["files"][0].update(half="holdout", title={"got": "别的标题", "want": "青松社区文明家庭创建方案", "right": False})
    assert "p001.txt" not in evaluate.format_report(report)
    old = json.loads(json.dumps(report))
    old["files"][0]["title"]["right"] = True
    changes = evaluate.format_changes(old, report)
    assert "p001.txt" not in changes and "别的标题" not in changes
    assert "files whose problems changed: 0 (and 1 in the holdout half, not shown)" in changes


def test_evaluate_end_to_end_on_tiny_corpus(corpus):
    report = evaluate.evaluate(evaluate.load_corpus(corpus))
    half = evaluate.site_half(LABEL["url"])
    assert set(report["halves"]) == {"tune", "tune2", "holdout", "all"}
    assert report["halves"][half]["files"] == 1 and report["halves"]["all"]["files"] == 1
    result = report["files"][0]
    assert result["half"] == half and result["error"] == ""
    assert result["first_sentence"] is True
    assert result["items_kept"] == result["items_chars"] > 0
    assert {s["category"]: s["rule"] for s in result["chrome"]}["repeated_title"] == "repeat"
    assert len(report["tags"]) == 3
    only = evaluate.evaluate(evaluate.load_corpus(corpus), half="holdout" if half == "tune" else "tune")
    assert list(only["halves"]) == ["holdout" if half == "tune" else "tune"] and only["files"] == []
    text = evaluate.format_report(report, seconds=0.5)
    assert "first title right" in text and "1 pages in 0.5 s" in text


def test_html_page_goes_through_the_web_page_reader():
    html = "<html><head><title>青松方案</title></head><body><p>青松社区创建方案</p><p>为做好工作，制定本方案。</p></body></html>"
    pieces = evaluate.output_pieces(evaluate.clean_and_parse("p.txt", html))
    assert not any("<p>" in piece for piece in pieces)
    assert "为做好工作，制定本方案。" in "".join(pieces)


def test_changes_name_moved_figures_and_files(corpus):
    old = evaluate.evaluate(evaluate.load_corpus(corpus))
    assert "files whose problems changed: 0" in evaluate.format_changes(old, old)
    old["files"][0]["half"] = "tune2"
    new = json.loads(json.dumps(old))
    new["files"][0]["title"] = {"got": "别的标题", "want": "青松社区文明家庭创建方案", "right": False}
    new["halves"]["all"]["title"] = {"n": 0, "of": 1, "share": 0.0}
    changes = evaluate.format_changes(old, new)
    assert "all: first title right 1/1 100% → 0/1 0%" in changes
    assert "p001.txt" in changes and "+ title: got '别的标题'" in changes
