"""extract_metadata: unit, sector, region, years, target level and dates of one plan.

The seed plans are rebuilt by hand from raw/ (title, body, context as the splitter hands them
over); the short cases are realistic lines written for the categories other sites bring:
schools, hospitals, tax bureaux, courts, bank branches, counties, 标兵, anonymised units,
citations and in-sentence dates that must not be read as the plan's own.
"""
import time
from pathlib import Path

import opencc
import pytest

from scripts.models import PageMeta, PlanMeta
from scripts.parse.metadata import extract_metadata, is_unit_name, normalise_unit, parse_date

RAW = Path(__file__).resolve().parent.parent / "raw"


def seed_lines(prefix: str) -> list[str]:
    path = next(RAW.glob(f"{prefix}_*.txt"))
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def meta(title: str, body=(), context=(), **page) -> PlanMeta:
    return extract_metadata(title, list(body), list(context), PageMeta(**page))


# ---------------------------------------------------------------------------
# Seeds: every field exact
# ---------------------------------------------------------------------------


def test_seed_000_traditional_finance_bureau():
    lines = opencc.OpenCC("t2s").convert("\n".join(seed_lines("000"))).splitlines()
    assert lines[0] == "财政局文明创建工作方案"
    body = lines[3:]  # after the title, 時間 and 導語 lines
    assert body[0].startswith("市财政局在市委")
    got = extract_metadata(lines[0], body, [], PageMeta(publish_date="2022-01-16"))
    assert got == PlanMeta(
        unit="市财政局",  # the title's 财政局, made specific by 现制定市财政局2014—2015年度…
        sector="财政",
        region="",
        years=[2014, 2015],
        level="省级最佳",  # 巩固提高我局荣获“省级最佳文明单位”
        target="文明单位",
        issue_date="",
        publish_date="2022-01-16",
    )


def test_seed_001_municipal_affairs_bureau():
    lines = seed_lines("001")
    title = lines[1]
    assert title == "市政府机关事务管理局2010-2011年区级文明单位创建方案"
    start = lines.index("为进一步推进我局文明单位创建工作,促进机关事务工作科学发展,根据《宜昌市文明城市、文明村镇、文明单位建设暂行管理办法》的有关规定,结合实际,制定本方案。")
    end = lines.index("二Ο一Ο年四月十六日")
    page = PageMeta(
        publish_date="2010-06-28",
        source="宜昌市机关事务服务中心",
        column="宜昌市机关事务服务中心-部门新闻",
        url="http://example.org/a/1.html",
    )
    got = extract_metadata(title, lines[start:end], [lines[end]], page)
    assert got == PlanMeta(
        unit="宜昌市政府机关事务管理局",  # 市… qualified with the region the website gives
        sector="机关事务",
        region="宜昌市",
        years=[2010, 2011],
        level="区级",
        target="文明单位",
        issue_date="2010-04-16",  # 二Ο一Ο年四月十六日, with Greek omicrons for zero
        publish_date="2010-06-28",
        source_site="宜昌市机关事务服务中心",
        source_url="http://example.org/a/1.html",
    )


def _seed_002_plans() -> list[tuple[str, list[str]]]:
    lines = seed_lines("002")
    starts = [i for i, line in enumerate(lines) if line.startswith("民政精神文明建设工作计划(")]
    assert len(starts) == 3
    ends = starts[1:] + [len(lines)]
    return [(lines[s], lines[s + 1 : e]) for s, e in zip(starts, ends)]


def test_seed_002_plan_1_district_civil_affairs():
    title, body = _seed_002_plans()[0]
    assert meta(title, body) == PlanMeta(unit_anonymised=True, sector="民政", level="省级", target="文明单位")  # 以巩固省级文明单位为主线; 20XX年 → no year


def test_seed_002_plan_2_names_no_unit_or_level():
    title, body = _seed_002_plans()[1]
    # only 我局 (the unit is not named: anonymised), 20XX年, 文明单位 named in passing, no level
    assert meta(title, body) == PlanMeta(unit_anonymised=True, sector="民政", target="文明单位")


def test_seed_002_plan_3_prefecture_civil_affairs():
    title, body = _seed_002_plans()[2]
    got = meta(title, body)
    # 州民政局 in the body; 恩施民政 / 恩施形象 / 《恩施民政网》 place it in 恩施州 (湖北 only once)
    assert got == PlanMeta(unit="恩施州民政局", sector="民政", region="恩施州", level="省级最佳", target="文明单位")


def test_seed_003_notice_carrying_the_plan():
    lines = seed_lines("003")
    attachment = lines.index("附件")
    title = lines[attachment + 1] + lines[attachment + 2]
    assert title == "湖南省财政厅创建全国文明单位工作方案（2019-2020年）"
    context = lines[:attachment] + lines[-2:]  # the notice, 信息公开选项, the 印发 line
    got = extract_metadata(title, lines[attachment + 3 : -2], context, PageMeta())
    assert got == PlanMeta(
        unit="湖南省财政厅",
        sector="财政",
        region="湖南省",
        years=[2019, 2020],
        level="全国",
        target="文明单位",
        issue_date="2019-12-10",
    )


def test_seed_003_issuer_from_the_notice_alone():
    lines = seed_lines("003")
    attachment = lines.index("附件")
    got = meta("工作方案", ["一、指导思想"], lines[:attachment])  # only 中共湖南省财政厅党组 names it
    assert (got.unit, got.region, got.issue_date) == ("湖南省财政厅", "湖南省", "2019-12-10")


def test_seed_004_anonymised_centre_under_a_site_title():
    lines = seed_lines("004")
    assert lines[0] == "2024年精神文明建设工作具体实施方案"  # the site's title over a 2023 plan
    got = extract_metadata(lines[1], lines[2:], lines[:1], PageMeta())
    # 牢固树立XXX队伍的良好形象, 确保XX文明单位创建工作, 我中心: no name, anonymised;
    # 2022年各级文明单位(标兵)测评体系 and 《2023年精神文明创建任务分工台账》 give no years.
    assert got == PlanMeta(unit_anonymised=True, years=[2023], level="省级", target="文明单位")


# ---------------------------------------------------------------------------
# Units and sectors
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, unit, sector, region",
    [
        ("襄阳市中心医院创建全国文明单位工作方案", "襄阳市中心医院", "卫生健康", "襄阳市"),
        ("宜都市实验小学2021-2022学年创建市级文明校园工作方案", "宜都市实验小学", "教育", "宜都市"),
        ("国家税务总局长沙市税务局2020年精神文明建设工作要点", "国家税务总局长沙市税务局", "税务", "长沙市"),
        ("中国农业银行宜昌分行创建省级文明单位标兵实施方案", "中国农业银行宜昌分行", "金融", "宜昌市"),
        ("长阳土家族自治县水利局2018—2019年度县级文明单位创建方案", "长阳土家族自治县水利局", "水利", "长阳土家族自治县"),
        ("湖北省宜昌市西陵区教育局创建区级文明单位方案", "湖北省宜昌市西陵区教育局", "教育", "西陵区"),
        ("湘西土家族苗族自治州人民检察院精神文明建设工作计划", "湘西土家族苗族自治州人民检察院", "检察院", "湘西州"),
        ("江苏省苏州市国家电网供电公司道德讲堂活动方案", "江苏省苏州市国家电网供电公司", "电力", "苏州市"),
        ("市直机关工委2019年精神文明建设工作要点", "市直机关工委", "党委机关", ""),
        ("县人民医院文明单位创建工作方案", "县人民医院", "卫生健康", ""),
        ("宜昌市财政局机关党委2015年精神文明建设工作计划", "宜昌市财政局", "财政", "宜昌市"),
        ("中共宜昌市委宣传部学雷锋志愿服务活动方案", "中共宜昌市委宣传部", "党委机关", "宜昌市"),
        ("北京市朝阳区人民法院文明单位创建方案", "北京市朝阳区人民法院", "法院", "朝阳区"),
        ("广西南宁市第三中学文明校园创建方案", "广西南宁市第三中学", "教育", "南宁市"),
        ("内蒙古自治区统计局创建全国文明单位方案", "内蒙古自治区统计局", "统计", "内蒙古自治区"),
        ("中国移动宜昌分公司文明单位创建方案", "中国移动宜昌分公司", "通信", "宜昌市"),
        ("烟草专卖局（公司）2020年文明创建工作方案", "烟草专卖局", "烟草", ""),
        ("公司精神文明建设工作计划", "", "", ""),
        ("派出所精神文明建设工作计划", "", "公安", ""),
    ],
)
def test_unit_sector_region_from_the_title(title, unit, sector, region):
    got = meta(title)
    assert (got.unit, got.sector, got.region, got.unit_anonymised) == (unit, sector, region, False)


def test_court_named_only_in_the_body():
    body = [
        "秭归县人民法院在县委和上级法院的正确领导下，坚持司法为民，巩固市级文明单位创建成果。",
        "今年的目标是确保蝉联市级文明单位，力争三年内跨入省级文明单位行列。",
    ]
    got = meta("2019年精神文明建设工作要点", body)
    assert (got.unit, got.sector, got.region, got.years) == ("秭归县人民法院", "法院", "秭归县", [2019])


def test_body_phrases_that_end_like_names_are_not_units():
    body = [
        "教育和引导广大干部坚持把服务群众作为第一责任。",  # ends in 部 after 干
        "成立精神文明创建领导小组，局创建工作由局精神文明创建工作领导小组直接领导。",
        "本阶段要召开省局创建办部署会议。我中心创建活动领导小组要定期检查。",
    ]
    got = meta("精神文明建设工作计划", body)
    assert (got.unit, got.unit_anonymised) == ("", True)  # only 我中心: not named


def test_bare_municipal_unit_is_qualified_only_by_a_matching_region():
    body = ["市财政局在市委、市政府的正确领导下，深入开展文明创建活动。"]
    assert meta("文明创建工作方案", body, source="宜昌市财政局").unit == "宜昌市财政局"
    assert meta("文明创建工作方案", body, column="荆州市-部门动态").unit == "荆州市财政局"
    got = meta("文明创建工作方案", body, source="湖北日报")  # a province does not qualify 市…
    assert (got.unit, got.region) == ("市财政局", "湖北省")


def test_website_that_is_not_an_organisation_gives_no_unit():
    got = meta("精神文明建设工作计划", ["一、指导思想"], source="第一范文网")
    assert (got.unit, got.source_site, got.region) == ("", "第一范文网", "")


def test_signature_lines_name_the_unit():
    context = ["宜昌市人力资源和社会保障局", "2016年3月8日"]
    got = meta("2016年精神文明建设工作计划", ["一、总体要求"], context)
    assert (got.unit, got.sector, got.region, got.issue_date) == ("宜昌市人力资源和社会保障局", "人社", "宜昌市", "2016-03-08")


def test_signature_of_an_office():
    got = meta("精神文明建设工作计划", [], ["市财政局办公室", "2015年3月"])
    assert (got.unit, got.sector, got.issue_date) == ("市财政局办公室", "财政", "2015-03")


def test_signature_at_the_end_of_the_body():
    body = ["一、指导思想", "以习近平新时代中国特色社会主义思想为指导。", "荆门市烟草专卖局", "二〇二〇年三月二日"]
    got = meta("文明单位创建工作方案", body)
    assert (got.unit, got.sector, got.region, got.issue_date) == ("荆门市烟草专卖局", "烟草", "荆门市", "2020-03-02")


@pytest.mark.parametrize(
    "title, body, sector",
    [
        ("XX县第一中学2023年文明校园创建工作方案", ["为推进我校文明校园创建，现制定本方案。"], "教育"),
        ("某某中学学雷锋志愿服务活动方案", [], "教育"),
        ("XX市XX局文明单位创建工作方案", ["为推进XX局精神文明建设，特制定本方案。"], ""),
        ("精神文明建设工作方案", ["全面提升××医院服务水平，树立某某队伍良好形象。"], ""),
        ("2022年文明创建工作方案", ["××市××区税务局在区委的领导下，扎实开展创建工作。"], "税务"),
    ],
)
def test_anonymised_units(title, body, sector):
    got = meta(title, body)
    assert (got.unit, got.unit_anonymised, got.sector, got.region) == ("", True, sector, "")


def test_person_and_congress_placeholders_do_not_anonymise_the_unit():
    body = ["XXX任组长，XXX任副组长。", "学习贯彻党的XX大精神。", "《XX省文明行为促进条例》"]
    got = meta("宜昌市交通运输局文明创建工作方案", body)
    assert (got.unit, got.unit_anonymised, got.sector) == ("宜昌市交通运输局", False, "交通")
    assert meta("精神文明建设工作方案", body).unit_anonymised is False


def test_sector_from_the_title_when_no_unit():
    assert meta("民政精神文明建设工作计划(2)").sector == "民政"
    assert meta("关于在全市教育系统开展文明校园创建活动的实施方案").sector == "教育"


def test_sector_from_what_the_body_talks_about():
    body = [
        "进一步加强医德医风建设，改善医疗服务，提高患者满意度。",
        "医务人员要做到文明用语，患者至上，医疗服务再提升。",
    ]
    assert meta("精神文明建设工作方案", body).sector == "卫生健康"
    assert meta("精神文明建设工作方案", ["开展思想政治教育，加强教育培训。"]).sector == ""


def test_normalise_unit():
    assert normalise_unit("中共湖南省财政厅党组") == "湖南省财政厅"
    assert normalise_unit("宜昌市财政局机关党委") == "宜昌市财政局"
    assert normalise_unit("湖南省财政厅机关") == "湖南省财政厅"
    assert normalise_unit("中共宜昌市委") == "中共宜昌市委"  # a party organ stays itself
    assert normalise_unit(" 荆州市 民政局 ") == "荆州市民政局"


@pytest.mark.parametrize("name", ["市财政局", "州民政局", "区法院", "湖南省财政厅", "宜昌市第一中学", "财政局"])
def test_is_unit_name_accepts(name):
    assert is_unit_name(name)


@pytest.mark.parametrize("name", ["我局", "全中心", "省局", "中心", "局", "法院", "教育和引导广大干部", "成立湖南省财政厅", "民政"])
def test_is_unit_name_rejects(name):
    assert not is_unit_name(name)


# ---------------------------------------------------------------------------
# Region
# ---------------------------------------------------------------------------


def test_region_from_repeated_body_mentions_only():
    body = ["弘扬湖北精神，树立恩施形象。", "办好《恩施民政网》。"]
    assert meta("精神文明建设工作计划", body).region == "恩施州"
    assert meta("精神文明建设工作计划", body[:1]).region == ""  # once is not enough


def test_famous_places_and_set_phrases_are_not_regions():
    body = ["大力弘扬延安精神、延安精神、遵义会议精神、遵义会议精神，维护社会长治久安、长治久安。"]
    assert meta("精神文明建设工作计划", body).region == ""
    assert meta("延安市文明创建工作方案").region == "延安市"


def test_phrases_ending_like_places_are_not_regions():
    assert meta("文明城市创建工作方案").region == ""
    assert meta("社区精神文明建设工作计划").region == ""
    assert meta("风景区文明创建工作方案").region == ""


# ---------------------------------------------------------------------------
# Years
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, years",
    [
        ("市政府机关事务管理局2010-2011年区级文明单位创建方案", [2010, 2011]),
        ("湖南省财政厅创建全国文明单位工作方案（2019-2020年）", [2019, 2020]),
        ("2023年精神文明建设工作实施方案", [2023]),
        ("二〇一九年精神文明建设工作计划", [2019]),
        ("２０２３年文明创建方案", [2023]),
        ("“十四五”文明创建规划（2021—2025年）", [2021, 2022, 2023, 2024, 2025]),
        ("2019至2020年度文明单位创建方案", [2019, 2020]),
        ("20XX年度文明创建方案", []),
        ("20__年精神文明建设工作计划", []),
        ("2021/2022学年文明校园创建计划", [2021, 2022]),
        ("2023／2024学年度志愿服务工作计划", [2023, 2024]),
        ("学雷锋活动方案（2021/3/5）", [2010]),  # a full date is no period: the body's year
        ("____年度志愿服务工作计划", []),  # a whole year blanked out
        ("XXXX年文明单位创建方案", []),
        ("XXXX公司2019年文明单位创建方案", [2019]),  # a blanked name, then the year
    ],
)
def test_years_from_the_title(title, years):
    assert meta(title, ["现制定2010年工作方案如下。"]).years == years


def test_years_from_the_plan_declaring_sentence():
    body = ["市财政局在市委的领导下，结合我局实际，现制定市财政局2014—2015年度文明创建工作方案。"]
    assert meta("财政局文明创建工作方案", body).years == [2014, 2015]


@pytest.mark.parametrize(
    "body, years",
    [
        (["2018年是全面贯彻党的十九大精神的开局之年。"], [2018]),
        (["2015年，我局精神文明建设工作的总体思路是：巩固成果。"], [2015]),
        (["一、指导思想", "现制定2016—2017年度文明单位创建规划如下："], [2016, 2017]),
        (["2019年11月，成立创建工作领导小组。"], []),
    ],
)
def test_years_from_the_head_of_the_body(body, years):
    assert meta("精神文明建设工作计划", body).years == years


@pytest.mark.parametrize(
    "body",
    [
        ["根据《宜昌市2019年精神文明建设工作要点》，结合我局实际，制定本计划。"],
        ["按照2022年各级文明单位(标兵)测评体系安排部署本年度创建工作。"],
        ["认真贯彻落实国务院《关于进一步加强和改进最低生活保障工作的意见》(国发〔2012〕45号)精神。"],
        ["各科室要于2019年12月10日前完成自查，认真组织开展2019年度换届选举工作。"],
        ["20XX年我局精神文明建设工作的总体思路是：巩固文明单位成果。", "现制定2018年工作方案。"],
    ],
)
def test_citations_and_placeholders_give_no_years(body):
    assert meta("精神文明建设工作计划", body).years == []


# ---------------------------------------------------------------------------
# Target level
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, body, level",
    [
        ("全国文明单位标兵创建方案", [], "全国标兵"),
        ("文明创建方案", ["力争创建市级文明标兵单位。"], "市级标兵"),
        ("文明创建方案", ["在继续保持省级“文明单位”荣誉称号的基础上，积极创建省级最佳“文明单位”。"], "省级最佳"),
        ("文明创建方案", ["在保持市级文明单位的基础上，争创省级文明单位。"], "省级"),
        ("文明创建方案", ["全省文明单位创建工作会议精神要认真学习。", "助力创建全国文明城市。"], ""),
        ("文明创建方案", ["巩固县级文明单位成果，争创县级文明示范单位。"], "县级示范"),
        ("文明创建方案", ["巩固提高我局荣获“省级最佳文明单位”的各项工作成果。"], "省级最佳"),
        ("湖南省文明单位创建方案", ["争创全国文明单位。"], "省级"),  # the title decides
        ("文明校园创建方案", ["积极争创自治区级文明校园。"], "省级"),
        ("文明创建方案", ["按照区级文明单位创建标准，广泛开展创建活动。"], "区级"),
    ],
)
def test_target_level(title, body, level):
    assert meta(title, body).level == level


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, iso",
    [
        ("2019年12月10日", "2019-12-10"),
        ("二〇一〇年四月十六日", "2010-04-16"),
        ("二○一○年十二月三十一日", "2010-12-31"),
        ("二Ο一Ο年四月十六日", "2010-04-16"),
        ("2010.4.16", "2010-04-16"),
        ("2010-04-16", "2010-04-16"),
        ("2010年4月", "2010-04"),
        ("二〇二〇年三月", "2020-03"),
        ("２０１９年１２月１０日", "2019-12-10"),
        ("2019年13月1日", ""),
        ("本月", ""),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_issue_date_only_from_signature_lines():
    body = [
        "一、工作安排",
        "全面实施阶段（2019年4月—10月），各科室于2019年12月10日前完成验收。",
        "2019年11月20日，召开动员大会。",
    ]
    assert meta("文明创建方案", body).issue_date == ""
    assert meta("文明创建方案", body + ["截止时间2019年12月31日"]).issue_date == ""
    assert meta("文明创建方案", body + ["2019年3月1日"]).issue_date == "2019-03-01"
    assert meta("文明创建方案", body, ["中共宜昌市财政局党组 2019年3月5日印发"]).issue_date == "2019-03-05"
    assert meta("文明创建方案", body, ["2010.4.16"]).issue_date == "2010-04-16"


def test_the_notice_date_wins_over_the_body_signature():
    got = meta("文明创建方案", ["一、目标", "2019年11月1日"], ["宜昌市财政局", "2019年12月10日"])
    assert got.issue_date == "2019-12-10"


def test_page_meta_is_copied():
    got = meta("文明创建方案", publish_date="2022-01-16", source="某某范文网", url="https://example.org/x.html")
    assert (got.publish_date, got.source_site, got.source_url) == ("2022-01-16", "某某范文网", "https://example.org/x.html")


# ---------------------------------------------------------------------------
# Robustness
# ---------------------------------------------------------------------------


def test_large_and_hostile_input_is_fast():
    plan = seed_lines("002")
    body = plan * 40  # ~1.7 MB
    hostile = ["市" * 50000 + "局在" + "XX" * 30000 + "创建省级文明单位" * 500 + "2019" * 5000]
    start = time.perf_counter()
    meta(plan[0], body + hostile, hostile, source="市" * 10000)
    meta("X" * 5000 + "局", hostile * 3, hostile)
    assert time.perf_counter() - start < 5


def test_deterministic():
    title, body = _seed_002_plans()[2]
    assert meta(title, body) == meta(title, list(body))


# ---------------------------------------------------------------------------
# Target: every kind of 创建 target, its level with or without 级
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, body, target, level",
    [
        ("创建省文明城市工作方案", [], "文明城市", "省级"),  # 省 without 级
        ("我市争创国家文明城市百日行动", [], "文明城市", "全国"),
        ("青山县创建全国县级文明城市实施方案", [], "文明城市", "全国"),  # 县级 names the honour
        ("创建国家级文明县城三年行动计划", [], "文明县城", "全国"),
        ("文明县城创建方案", ["力争创成省级文明县城。"], "文明县城", "省级"),
        ("创建省级文明县标兵实施方案", [], "文明县城", "省级标兵"),
        ("文明村镇创建方案", ["在巩固县级文明村的基础上，争创市级文明村。"], "文明村镇", "市级"),
        ("柳溪村争创全国文明村镇行动计划", [], "文明村镇", "全国"),
        ("创建文明校园实施方案", ["巩固区级文明校园成果，争创市级文明校园。"], "文明校园", "市级"),
        ("文明家庭创建活动方案", ["评选一批县级文明家庭。"], "文明家庭", "县级"),
        ("青年文明号创建方案", ["争创全国青年文明号。"], "青年文明号", "全国"),
        ("创建省级巾帼文明岗活动方案", [], "巾帼文明岗", "省级"),
        ("桃源区2022年创建市级无烟机关实施方案", [], "无烟单位", "市级"),
        ("无烟医院创建方案", ["力争年内建成省级无烟医院。"], "无烟单位", "省级"),
        ("文明窗口创建活动方案", ["各窗口要争当服务标兵。"], "文明窗口", ""),
        ("创建市一级文明单位方案", [], "文明单位", "市级"),
        ("创建县（区）级文明单位方案", [], "文明单位", "县级"),
        ("社区文明创建方案", ["南岸区创建市文明城区，社区要积极参与。"], "文明城市", "市级"),
        ("争创全国精神文明建设先进单位工作计划", [], "文明单位", "全国"),
        ("精神文明建设要点", ["积极参创省文明单位（标兵）。"], "文明单位", "省级"),  # a second tier in brackets
        ("精神文明建设工作计划", ["对照全国文明城市测评要求，逐项补短板。"], "文明城市", "全国"),
        # the plan's own target wins over the city's honour named in passing
        ("学雷锋志愿服务活动方案", ["为推动本院文明单位创建，也为全市巩固全国文明城市出力，特拟本方案。"], "文明单位", ""),
        ("创建文明城市工作计划", ["全力配合全县创建省级文明城市。"], "文明城市", "省级"),  # the body completes the title
        ("文明创建方案", ["根据《某省文明单位建设条例》，结合实际，制定本方案。"], "", ""),  # a cited document
        # a cited creation plan of the campaign the plan serves is the weakest mention, not none
        ("街道环境整治方案", ["依据市里《争创全国文明城市三年计划》，结合街道情况，拟定本方案。"], "文明城市", "全国"),
        ("关于下发《青山县争创省级文明单位三年规划》的通知", [], "文明单位", "省级"),  # 《》 in a title: its own name
        ("乡风文明建设方案", ["培育文明乡风，争做文明村民。"], "", ""),  # not targets
        ("爱国卫生工作方案", ["迎接国家级卫生城市复审。"], "", ""),  # not a 文明 honour
        ("创建县级文明单位实施方案", [], "文明单位", "县级"),  # 县级 after 创建 is the level, not an inner rank
        ("创建市级文明小区方案", [], "文明社区", "市级"),
        ("争创县级文明户活动方案", [], "文明家庭", "县级"),
        ("文明户外广告整治方案", [], "", ""),  # 户外 is not a household
    ],
)
def test_target_kind_and_level(title, body, target, level):
    got = meta(title, body)
    assert (got.target, got.level) == (target, level)


def test_a_campaigns_period_is_not_its_aim():
    body = ["今年是新一轮全国文明城市和省级文明城区创建周期，助力全市创建全国文明城市。"]
    assert meta("镇创建文明城市攻坚方案", body).level == "全国"


def test_a_compilations_shared_title_yields_to_the_target_the_body_aims_at():
    title, body = "创建全国文明村镇实施方案", ["为加快创建省级文明县城，结合我县实际，特制定本方案。"]
    assert (meta(title, body).target, meta(title, body).level) == ("文明村镇", "全国")
    shared = extract_metadata(title, body, [], PageMeta(), shared_title=True)
    assert (shared.target, shared.level) == ("文明县城", "省级")
    # a body that aims at nothing leaves the shared title's target
    named = extract_metadata(title, ["全县上下要统一思想。"], [], PageMeta(), shared_title=True)
    assert (named.target, named.level) == ("文明村镇", "全国")


# ---------------------------------------------------------------------------
# Unit: never from site furniture or a generic word; placeholders
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, body, context",
    [
        ("欢迎光临青山县人民法院网站", ["一、指导思想"], []),  # a site's welcome line
        ("文明创建工作方案", ["一、指导思想"], ["版权所有：青山县人民法院"]),
        ("中小学文明校园创建方案", ["一、指导思想"], []),
        ("地方政府文明城市创建方案", ["一、指导思想"], []),
        ("村委2024年文明创建工作方案", ["一、指导思想"], []),
        ("### 青年路社区2026年文明实践工作安排", ["一、指导思想"], []),  # markdown left by a page
        ("文明创建方案", ["一、职责分工"], ["|财务处"]),  # a table cell
        ("乡镇2026文明创建推进计划", ["一、指导思想"], []),
    ],
)
def test_no_unit_from_chrome_or_generic_words(title, body, context):
    assert meta(title, body, context).unit == ""


@pytest.mark.parametrize(
    "title, body, unit",
    [
        ("文明餐桌活动方案", ["成立青山农机中心“文明餐桌”行动协调小组，统筹活动开展。"], "青山农机中心"),
        ("学雷锋志愿服务月活动方案", ["经讨论，学院团委决定下月组织义务献血。"], "学院团委"),
        ("关爱留守儿童策划书", ["一、活动背景", "六、主办单位：青山师范学院外国语学院"], "青山师范学院外国语学院"),
        ("2026年临江市文明实践重点安排", ["一、总体要求"], "临江市"),  # a place opening the title
        ("关于2021年文明校园创建的实施方案", ["一、指导思想"], ""),
        ("秦川区水务局文明城市复审任务清单", ["现将秦川区水务局复审任务安排如下。"], "秦川区水务局"),
        ("县妇联开展家风故事征集活动安排", [], "县妇联"),
        ("市文明办第十届文明单位测评方案", [], "市文明办"),
        ("第十届文明单位测评方案", ["根据通知精神，市文明办成立测评组，对申报单位进行测评。"], "市文明办"),
        ("礼仪周活动安排", ["本学期在我青山小学全体学生中推行礼仪周。"], "青山小学"),
        ("文明城市创建方案", ["按照市文明委印发的工作要点，结合实际，制定本方案。"], ""),  # a cited issuer
        ("关爱留守儿童策划书", ["一、活动背景", "本次活动主办单位：青山师范学院团委"], "青山师范学院团委"),
        # a task's duty label is not the plan's organiser
        ("清明祭扫活动方案", ["1.网上祭英烈。具体组织单位：青山小学、柳溪中心小学"], ""),
        # the place whose jurisdiction the plan covers
        ("星级文明户评选方案", ["一、参评条件", "参评对象为桃源街道本辖区内常住居民。"], "桃源街道"),
        ("星级文明户评选方案", ["经研究，决定在柳溪镇所辖范围内开展评选。"], "柳溪镇"),
        ("星级文明户评选方案", ["经研究，决定在全县辖区内开展评选。"], ""),
        # a named area (片区, 社区 …) is a unit only as such a scope, and only with a proper name
        ("星级文明户评选方案", ["经研究，决定在青溪片区所辖范围内开展评选。"], "青溪片区"),
        ("星级文明户评选方案", ["参评对象为石门社区辖区内住户。"], "石门社区"),
        ("星级文明户评选方案", ["经研究，决定在各片区所辖范围内开展评选。"], ""),
        ("星级文明户评选方案", ["参评对象为本社区辖区内住户。"], ""),
        ("星级文明户评选方案", ["参评对象为风景区辖区内商户。"], ""),
        ("星级文明户评选方案", ["青溪片区、石门社区的志愿者将参加评选。"], ""),  # an area named outside a scope
        # the subject of the opening's main clause
        ("学雷锋志愿服务活动方案", ["为弘扬雷锋精神，青山县实验小学结合实际，制定本方案。"], "青山县实验小学"),
        ("敬老月活动方案", ["根据上级部署，经柳溪镇敬老院研究，决定开展敬老月活动。"], "柳溪镇敬老院"),
        ("学雷锋志愿服务活动方案", ["为弘扬雷锋精神，各单位要结合实际，制定具体方案。"], ""),
        ("学雷锋志愿服务活动方案", ["为弘扬雷锋精神，学校结合实际，制定本方案。"], ""),
        ("学雷锋志愿服务活动方案", ["为弘扬雷锋精神，结合我校实际，制定本方案。"], ""),
        # a title opening with a named area is the area's; a description of a kind of area is no name
        ("桃源社区学雷锋志愿服务活动方案", [], "桃源社区"),
        ("石门社区重阳节活动方案", [], "石门社区"),  # not 石门社, a name cut inside 社区
        ("和谐社区创建方案", [], ""),
        ("城市社区志愿服务方案", [], ""),
        ("绿色学校创建方案", [], ""),
        ("星级医院创建方案", [], ""),
    ],
)
def test_unit_from_organiser_lines_decisions_and_titles(title, body, unit):
    assert meta(title, body).unit == unit


def test_party_committee_written_out_is_its_organ():
    assert normalise_unit("中共青山职业技术学院委员会") == "青山职业技术学院"
    assert normalise_unit("中共临江市委员会") == "中共临江市委员会"  # a city is not an organ: kept


@pytest.mark.parametrize(
    "title, body",
    [
        ("XX镇助力文明城市复审行动计划", ["一、指导思想"]),
        ("××局文明单位创建方案", ["一、指导思想"]),
        ("某某中学文明校园创建方案", ["一、指导思想"]),
        ("**县争创省级文明县城三年规划", ["一、指导思想"]),
        ("2026年某中院敬老志愿活动安排", ["一、指导思想"]),
        ("X市文明委2026年重点任务清单", ["一、总体要求"]),
        ("文明单位创建方案", ["为推进我局文明单位创建工作，制定本方案。"]),  # 我局 alone: not named
        ("文明校园创建方案", ["我校将以创建文明校园为抓手。"]),
    ],
)
def test_placeholders_and_bare_self_references_mark_the_unit_anonymised(title, body):
    got = meta(title, body)
    assert (got.unit, got.unit_anonymised) == ("", True)


def test_a_named_unit_is_not_anonymised_by_its_self_references():
    got = meta("青山县财政局文明单位创建方案", ["我局将以创建文明单位为抓手。"])
    assert (got.unit, got.unit_anonymised) == ("青山县财政局", False)


# ---------------------------------------------------------------------------
# Years the title or the opening states
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, body, years",
    [
        ("2025年3月学雷锋主题党日活动方案", [], [2025]),  # a year with its month
        ("社区重阳节活动方案2015", [], [2015]),  # without 年
        ("关于培育文明风尚的意见（2013年12月23日）", [], []),  # an issue date
        ("2025/05/15方案精选", [], []),  # a site's date line taken as a title
        ("学雷锋活动方案", ["2009.3", "活动主题：学雷锋"], [2009]),  # a date line under the title
        ("学雷锋活动方案", ["2021年3月", "活动主题：学雷锋"], [2021]),
        ("学雷锋活动方案", ["2022-03-01", "活动主题：学雷锋"], []),  # a full date alone: when it was issued or posted
        ("学雷锋活动方案", ["2022.3.1", "活动主题：学雷锋"], []),
        ("学雷锋活动方案", ["2026年3月5日是学雷锋纪念日，团委决定组织一次义务劳动。"], [2026]),
        ("巩固提升工作方案", ["为抓好2026年度文明城市复审迎检准备，结合本镇情况，特拟本工作方案。"], [2026]),
        ("文明实践站建设方案", ["结合我镇实际，制定如下方案。", "建立三级队伍。", "2019年继续建成2个实践点。"], []),
        ("文明创建方案", ["附件：1.创建工作方案 2012年3月14日 附件1 创建工作方案"], []),  # a notice's date
    ],
)
def test_years_the_title_or_opening_states(title, body, years):
    assert meta(title, body).years == years


def test_issuers_named_together_before_a_decision_are_the_unit():
    from scripts.models import PageMeta
    from scripts.parse.metadata import extract_metadata

    body = ["为弘扬良好家风，县妇联、县教育局决定，在全县中小学开展家风故事活动。", "一、活动对象", "全县中小学生。"]
    assert extract_metadata("家风故事活动方案", body, [], PageMeta()).unit == "县妇联、县教育局"
    body = ["为弘扬良好家风，家长、老师决定共同开展家风故事活动。"]  # not organisations
    assert extract_metadata("家风故事活动方案", body, [], PageMeta()).unit == ""


@pytest.mark.parametrize(
    "signature, unit",
    [
        (["共青团青山县委  青山县文明办", "2021年3月5日"], "共青团青山县委"),  # joint issuers: the first named
        (["青 山 县 文 明 办", "2021年3月5日"], "青山县文明办"),  # one name, letter-spaced
        (["青山县 文明办", "2021年3月5日"], "青山县文明办"),  # a place and its organ: one name
    ],
)
def test_joint_issuers_on_a_signature_line(signature, unit):
    assert meta("学雷锋志愿服务活动方案", ["一、活动内容", "组织志愿者开展服务。"], signature).unit == unit


@pytest.mark.parametrize("placeholder", ["××", "XX", "xx", "**"])
def test_a_placeholder_unit_in_the_title_wins_over_a_menu_word_above_it(placeholder):
    """A title naming its unit by a placeholder (××中学) names it: a line left above the title that reads
    like a name (资料中心, a site's menu entry) is not taken instead."""
    got = meta(f"{placeholder}中学2021年文明校园创建工作方案", ["为落实立德树人根本任务，制定本方案。"], ["资料中心"])
    assert (got.unit, got.unit_anonymised) == ("", True)


def test_a_cited_measuring_standard_states_no_level():
    body = ["根据中央文明委《全国文明乡镇测评细则》和省里的部署，结合本县实际，制定本方案。", "一、工作目标", "文明乡镇覆盖率逐年提高。"]
    got = meta("某县2023年文明乡镇创建工作方案", body)
    assert got.level == ""
    cited_campaign = ["为落实《争创全国文明城市三年行动计划》，结合本局实际，制定本方案。"]
    assert meta("文明城市创建工作方案", cited_campaign).level == "全国"
