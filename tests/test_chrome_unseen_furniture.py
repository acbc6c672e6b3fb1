"""Site furniture of sites never seen, by shape: the lines right above a site's footer (its copyright or host
line) below the plan are the footer's own; the plan's own last lines (a contact, an attachment, a signature)
stay there.

Every page here is invented in the shapes such sites print.
"""
import pytest

from conftest import page_lines
from scripts.clean.chrome import strip_chrome

TITLE = "县档案馆2024年文明单位创建工作方案"
BODY = [
    "为深入推进精神文明建设，巩固文明单位创建成果，结合本馆实际，制定本方案。",
    "一、工作目标",
    "坚持以社会主义核心价值观为引领，广泛开展志愿服务活动，组织职工参加文明实践，落实创建责任。",
    "二、工作措施",
    "各科室要加强组织领导，明确责任分工，把创建工作与业务工作同部署、同检查、同落实。",
]
FOOTERS = ["版权所有：县档案馆  豫ICP备12345678号-1", "Copyright © 2024 县档案馆 All Rights Reserved"]

# a site's footer fragments, in wordings no rule names
FOOTER_LINES = [
    "馆址：县城北环路九号   咨询电话：0371-5550123",
    "本馆地址：文昌大道西段   邮编：450000",
    "办公地址：人民路1号   传真：0371-5550124",
    "温馨说明：请通过官方渠道预约查档",
    "主办单位：县档案馆  协办：县信息中心",
    "服务热线：12345   电子邮箱：dag@example.cn",
    "地址：城关镇新华街88号",
    "本网郑重提醒：谨防假冒网站",
    "联系邮箱：service@example.cn",
    "投诉电话：0371-5550199",
    "客服电话：400-000-1234",
]

# the plan's own last lines, which may stand right above a footer
PLAN_LINES = [
    "联系人：李晓红  电话：0371-5550125",
    "附件：创建工作任务分解表",
    "时间：2024年3月至12月",
    "地点：馆一楼报告厅",
    "活动地点：县文化广场（咨询电话：0371-5550126）",
    "责任单位：办公室",
    "县档案馆",
    "2024年2月26日",
    "各科室要按时报送创建资料。",
]


@pytest.mark.parametrize("footer", FOOTERS)
@pytest.mark.parametrize("line", FOOTER_LINES)
def test_a_footer_fragment_right_above_the_footer_goes(line, footer):
    result = strip_chrome(page_lines(TITLE, BODY, tail=[line, footer]))
    assert result.text == page_lines(TITLE, BODY)
    assert any(s.text == line for s in result.removed)


def test_two_footer_fragments_go_line_by_line_up_to_the_plan():
    tail = ["咨询热线：12345", FOOTER_LINES[0], FOOTERS[0]]
    result = strip_chrome(page_lines(TITLE, BODY, tail=tail))
    assert result.text == page_lines(TITLE, BODY)
    neighbours = [s for s in result.removed if s.rule == "chrome.furniture.footer_neighbour"]
    assert [s.text for s in neighbours] == ["咨询热线：12345", FOOTER_LINES[0]]
    assert all("right above the site's footer" in s.reason for s in neighbours)


@pytest.mark.parametrize("line", PLAN_LINES)
def test_a_plans_last_line_right_above_the_footer_stays(line):
    result = strip_chrome(page_lines(TITLE, BODY, tail=[line, FOOTERS[0]]))
    assert result.text == page_lines(TITLE, BODY, tail=[line])


@pytest.mark.parametrize("line", FOOTER_LINES[:3])
def test_a_footer_fragment_away_from_the_footer_is_left_to_the_other_signals(line):
    """Not right above the footer (the plan's signature stands between): no footer_neighbour removal."""
    result = strip_chrome(page_lines(TITLE, BODY, tail=[line, "县档案馆", "2024年2月26日", FOOTERS[0]]))
    assert "chrome.furniture.footer_neighbour" not in {s.rule for s in result.removed}


# a site's closing words below the plan, handing its text over to the reader
CLOSINGS = [
    "以上就是某某写作站为您整理的文明单位创建方案，更多精彩请关注本站。",
    "以上是小站给大家带来的创建工作方案全部内容，希望喜欢。",
    "上面就是我们为各位精心准备的方案范文",
    "以上便是本频道帮你搜集的创建方案，祝工作顺利",
    "以上为编辑部给大家汇总的文明创建资料。",
]
# the plan's own closing lines that begin the same way
PLAN_CLOSINGS = [
    "以上方案由县档案馆创建办负责解释。",
    "以上各项工作要按时完成，为全馆创建文明单位打下基础。",
    "以上是本馆2024年文明单位创建工作的总体安排。",
]


@pytest.mark.parametrize("line", CLOSINGS)
def test_a_sites_closing_below_the_plan_goes(line):
    result = strip_chrome(page_lines(TITLE, BODY, tail=[line]))
    assert result.text == page_lines(TITLE, BODY)
    assert [s.rule for s in result.removed] == ["chrome.disclaimer.closing_offer"]


@pytest.mark.parametrize("line", PLAN_CLOSINGS)
def test_a_plans_closing_line_stays(line):
    result = strip_chrome(page_lines(TITLE, BODY, tail=[line]))
    assert result.text == page_lines(TITLE, BODY, tail=[line])


SENTENCE = "组织党员干部利用节假日到结对社区开展义务劳动。"


@pytest.mark.parametrize(
    "stamp", ["某某公文网gongwen-example.cn整理", "学习文库 www.xuexi-example.com", "范文之站https://fanwen-example.net 发布"]
)
def test_a_sites_name_and_address_glued_after_a_sentence_goes(stamp):
    result = strip_chrome(page_lines(TITLE, [*BODY, SENTENCE + stamp]))
    assert result.text == page_lines(TITLE, [*BODY, SENTENCE])
    assert [s.rule for s in result.removed] == ["chrome.watermark.site_url_after_sentence"]


@pytest.mark.parametrize("line", ["结果在县文明网公示。县文明网www.wenming-example.gov.cn", "详见县文明网wenming-example.cn公告。"])
def test_a_plans_own_address_stays(line):
    assert strip_chrome(page_lines(TITLE, [*BODY, line])).text == page_lines(TITLE, [*BODY, line])
