"""Publish lines, reading counters and watermarks in wordings no rule names: other words for 发布/来源/作者/浏览/
编辑/审核, dates and clocks in other formats, bars, bullets and brackets between the keys, English labels, counts in
万/k/w. The signals catch them by shape (a credits or counter key at the line's start, a machine-made clock, a
publishing verb before a date, a count after a counter word) above and below the plan; the plan's own fields,
signature and dates in the same places stay, and so does a plan's own bracketed note inside a sentence.

Every line here is invented in the shapes such sites print.
"""
import pytest

from scripts.clean.chrome import strip_chrome

TITLE = "县图书馆2025年文明单位创建工作方案"
SENTENCE = "坚持以社会主义核心价值观为引领，广泛开展志愿服务活动，组织职工参加文明实践，落实创建责任。"
BODY = [
    "为深入推进精神文明建设，巩固文明单位创建成果，结合本馆实际，制定本方案。",
    "一、工作目标",
    SENTENCE,
    "二、工作措施",
    "各部门要加强组织领导，明确责任分工，把创建工作与业务工作同部署、同检查、同落实。",
    "县图书馆",
    "2025年3月1日",
]
PLAN = "\n".join([TITLE, *BODY])

PUBLISH = [
    "刊发日期 2024年5月6日",
    "推送时间：2024-05-06",
    "首发时间丨2024-05-06",
    "发文时间：2024年5月6日 10:20",
    "2024年05月06日 10时20分",
    "24-05-06 10:20",
    "2024-5-6 上午10:20",
    "编审：刘洋",
    "编校：周敏",
    "签发：王强",
    "复核：刘洋",
    "撰稿人：王芳",
    "来稿：县文明办",
    "◎ 来源：县文明办",
    "● 作者：王芳",
    "消息来源 | 县委宣传部",
    "【作者】王芳【来源】县文明办",
    "发布：县文明办",
    "围观：356",
    "阅览 256 次",
    "点阅：88",
    "已读 10w+",
    "浏览人次：3.5k",
    "👁 356",
    "Author: admin | Views: 321",
    "Source: County Civilization Office",
    "Views: 1,203",
    "Editor: Li Na",
    "Published: May 6, 2024",
    "Hits: 356",
    "By admin",
]


@pytest.mark.parametrize("line", PUBLISH)
def test_a_publish_line_in_new_words_under_the_title_goes(line):
    result = strip_chrome("\n".join([TITLE, line, *BODY]))
    assert result.text == PLAN
    assert [s.text for s in result.removed] == [line]


@pytest.mark.parametrize("line", PUBLISH)
def test_a_publish_line_in_new_words_below_the_plan_goes(line):
    result = strip_chrome(PLAN + "\n" + line)
    assert result.text == PLAN


PLAN_FIELDS = [
    "时间：2024年3月—5月",
    "地点：县图书馆一楼报告厅",
    "责任单位：县文明办、县教育局",
    "联系人：王芳 电话：0371-12345678",
    "活动时间：2025年3月5日上午9:00",
    "时间：2025年3月5日上午9:00",
    "报名截止日期：2025年4月30日",
    "参加人员：全体职工",
    "主办单位：县文明办",
    "完成时限：2025年6月底前",
    "编制：县图书馆办公室",
    "批准：李强",
    "执笔：王芳",
    "二〇二五年三月一日",
    "2025年3月",
    "县图书馆办公室 2025年3月1日印发",
    "抄送：县文明办",
]


@pytest.mark.parametrize("line", PLAN_FIELDS)
def test_a_plans_own_field_between_its_paragraphs_stays(line):
    result = strip_chrome("\n".join([TITLE, *BODY[:3], line, *BODY[3:]]))
    assert result.removed == []


@pytest.mark.parametrize("line", PLAN_FIELDS)
def test_a_plans_own_field_below_it_stays(line):
    result = strip_chrome(PLAN + "\n" + line)
    assert result.removed == []


@pytest.mark.parametrize("line", [f for f in PLAN_FIELDS if f not in ("二〇二五年三月一日", "2025年3月")])
def test_a_plans_own_field_under_its_title_stays(line):
    result = strip_chrome("\n".join([TITLE, line, *BODY]))
    assert result.removed == []


WATERMARKS = [
    "[某某网首发]",
    "【首发于某某网】",
    "（原创：某某范文吧）",
    "〔某某网 转载〕",
    "（某某文库独家）",
    "【转载自某某之家】",
    "（ｗｗｗ．ｆａｎｗｅｎ．ｃｏｍ）",
]
ADDRESSES = ["（www.abc123.cn）", "（https://www.wenmi.cn）", "［www.mmwk.net］"]


@pytest.mark.parametrize("mark", WATERMARKS)
def test_a_sites_mark_in_brackets_inside_a_sentence_goes(mark):
    line = SENTENCE[:20] + mark + SENTENCE[20:]
    result = strip_chrome("\n".join([TITLE, *BODY[:2], line, *BODY[3:]]))
    assert result.text == PLAN
    assert [s.rule for s in result.removed] == ["chrome.watermark.bracket_site_mark"]


@pytest.mark.parametrize("mark", ADDRESSES)
def test_a_sites_address_alone_in_brackets_after_a_clause_goes(mark):
    cut = SENTENCE.index("，") + 1
    line = SENTENCE[:cut] + mark + SENTENCE[cut:]
    result = strip_chrome("\n".join([TITLE, *BODY[:2], line, *BODY[3:]]))
    assert result.text == PLAN
    assert [s.rule for s in result.removed] == ["chrome.watermark.bracket_site_mark"]


@pytest.mark.parametrize("name", ["登录县文明网", "在全国志愿服务信息系统", "关注“某某”微信公众号"])
def test_an_address_after_the_name_it_belongs_to_stays(name):
    line = "组织职工" + name + "（www.xianwenming.cn）参加网上答题，" + SENTENCE
    page = "\n".join([TITLE, *BODY[:2], line, *BODY[3:]])
    assert strip_chrome(page).removed == []


@pytest.mark.parametrize(
    "note",
    ["（2025年3月1日）", "（县文明办）", "（详见附件1）", "（责任单位：县文明办）", "（以下简称“创建办”）",
     "（网址：www.xian.gov.cn）", "（www.xian.gov.cn）", "（原创作品）", "（首发式）"],
)
def test_a_plans_own_note_in_brackets_stays(note):
    line = SENTENCE[:20] + note + SENTENCE[20:]
    page = "\n".join([TITLE, *BODY[:2], line, *BODY[3:]])
    assert strip_chrome(page).removed == []
