"""Tagger errors of unseen plans that are no label policy, by category (issue 16, round two): background told
as such, member lists and appointments, a campaign named only in the issuer's name, and words in passing or
plain words. Every item here is invented for these tests, in the shapes plans of other sites take."""
from __future__ import annotations

import pytest

from scripts.tag.tagger import load_taxonomy, tag_item

VILLAGE_PLAN = "某某村2031年创建市级文明村工作方案"


def tags(text: str, headings: list[str] | None = None, plan: str = VILLAGE_PLAN) -> set[str]:
    return set(tag_item(plan, headings or ["三、重点任务"], text))


# --- background: what the unit is and did before is no activity -----------------------------------------------


@pytest.mark.parametrize("heading", ["一、基本情况", "一、基本概况", "（一）工作现状", "二、工作基础", "一、创建基础"])
def test_an_item_of_a_background_section_gets_no_type(heading):
    text = "全村设有图书室和文化广场，去年组织了三次环境卫生大扫除和一次志愿服务集中行动。"
    assert tags(text, [heading]) == set()


@pytest.mark.parametrize(
    "text",
    [
        "白杨村位于某镇北部，辖5个村民小组，村容村貌整洁，建有志愿服务站一处。",
        "近年来，社区先后建成了文体广场、道德讲堂和垃圾分类亭。",
        "2029年被评为区级文明社区，环境卫生整治成效明显。",
    ],
)
def test_a_report_of_the_past_is_background(text):
    assert tags(text) == set()


def test_a_plan_of_work_ahead_still_names_its_activities():
    assert tags("每季度举办一次文艺演出，每月组织一次环境卫生大扫除。") == {"文体活动", "爱国卫生"}
    assert "爱国主义教育" in tags("组织党员到位于镇东的烈士陵园开展祭扫活动。")


# --- member lists and appointments --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "号长：XXX（服务大厅主任）",
        "副号长：某某某（团支部书记）",
        "岗长：某某（窗口组组长）",
        "志愿服务队队长：XXX",
        "文明实践站站长：某某",
    ],
)
def test_a_member_line_with_any_role_word_is_junk(text):
    assert tags(text, ["二、组织机构"]) == set()


@pytest.mark.parametrize(
    "text",
    [
        "文明实践站站长由村党支部书记某某担任，副站长由村委会主任某某担任。",
        "志愿服务队队长由社区主任兼任，联络员由网格员担任。",
        "由镇党委副书记担任组长，各村书记为成员。",
    ],
)
def test_a_sentence_that_only_appoints_people_is_organisational(text):
    assert tags(text, ["二、队伍建设"]) == {"组织领导"}


def test_the_activities_beside_an_appointment_still_count():
    text = "站长由村支书担任。每月组织志愿者开展一次环境卫生清理。"
    assert tags(text, ["二、队伍建设"]) == {"组织领导", "学雷锋志愿服务", "爱国卫生"}


def test_the_fields_teams_are_named_after_are_no_activity_of_the_item():
    text = "组建文艺演出、助老助困、平安巡逻、卫生保洁4支志愿服务小分队，招募志愿者60名。"
    assert tags(text, ["二、队伍建设"]) == {"学雷锋志愿服务"}
    # told as work the teams do, the same fields are activities
    assert tags("志愿服务小分队每月开展文艺演出和助老服务。") == {"学雷锋志愿服务", "文体活动", "关爱帮扶"}


def test_the_standards_a_selection_goes_by_are_no_activity_of_their_own():
    text = "开展星级文明户评定，对照遵纪守法、孝老爱亲、庭院整洁等八条标准逐户评星。"
    assert tags(text) == {"文明家庭"}
    text = "开展文明餐桌示范店评选，从公筷使用、餐厨垃圾分类等方面制定评分细则。"
    assert tags(text) == {"文明餐桌"}


# --- a campaign named only in the issuer's name ---------------------------------------------------------------


def test_a_campaign_before_the_titles_year_is_the_issuers_when_another_follows():
    plan = "某社区新时代文明实践站2032年“我们的节日·中秋”活动方案"
    assert tags("组织居民在小区广场赏月、猜灯谜。", ["三、活动内容"], plan) == {"我们的节日"}
    plan = "某社区新时代文明实践站2032年学雷锋志愿服务月活动方案"
    assert tags("组织居民为小区楼道更换灯泡。", ["三、活动内容"], plan) == {"学雷锋志愿服务"}


def test_a_campaign_named_alone_is_the_plans_kind_wherever_it_stands():
    plan = "某村新时代文明实践站2032年度活动方案"
    assert tags("组织居民为小区楼道更换灯泡。", ["三、活动内容"], plan) == {"新时代文明实践"}
    plan = "2032年某社区学雷锋志愿服务月活动方案"
    assert tags("组织居民为小区楼道更换灯泡。", ["三、活动内容"], plan) == {"学雷锋志愿服务"}


# --- plain words beside the type they yield to ---------------------------------------------------------------


def test_waste_and_saving_beside_a_meal_campaigns_words_are_the_meals():
    assert tags("在食堂推行光盘行动，每周通报一次浪费情况。") == {"文明餐桌"}
    assert tags("在餐厅张贴公筷提示，开设厉行节约宣传专栏。") >= {"文明餐桌"}
    assert "勤俭节约" not in tags("在餐厅张贴公筷提示，开设厉行节约宣传专栏。")


def test_saving_power_or_water_stays_its_own_type():
    assert tags("在食堂推行光盘行动，办公楼节约用水。") == {"文明餐桌", "勤俭节约"}
    assert tags("倡导节约用电，人走灯灭。") == {"勤俭节约"}


def test_plain_words_are_keywords_of_a_type_that_yields():
    """A plain word only ever drops a type it is a keyword of, beside the type that one yields to."""
    taxonomy = load_taxonomy()
    yielding = {keyword for t in taxonomy.types if t.yields_to for keyword in t.keywords}
    assert taxonomy.cues.plain_words and set(taxonomy.cues.plain_words) <= yielding


# --- activities told in plain words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("每天上学放学时段安排家长志愿者在校门口护学岗值守。", "文明出行"),
        ("每月开展一次文明班级评比，颁发流动红旗。", "文明科室评选"),
        ("坚持校务公开，重大事项提交教代会审议。", "政务公开"),
        ("医院定期推行院务公开，接受职工监督。", "政务公开"),
        ("聘请派出所民警担任法治副校长，每学期上两次法治课。", "普法教育"),
        ("组织税务干部到企业开展税法宣讲。", "普法教育"),
        ("在村道两侧栽种桂花树200株。", "环境美化"),
        ("每次活动做好图片和文字记录，按月整理。", "台账资料"),
        ("做好活动记录，及时上传照片。", "台账资料"),
        ("推行群众点单、站所派单、志愿者接单的服务方式。", "新时代文明实践"),
    ],
)
def test_activities_told_in_plain_words(text, expected):
    assert expected in tags(text, ["三、主要措施"])


def test_a_volunteers_service_stall_is_no_service_counter():
    assert "窗口服务" not in tags("每月在社区门口设立便民服务点，志愿者提供义务理发、磨刀服务。")


def test_a_venue_a_report_goes_to_is_no_activity():
    assert tags("活动结束后将图文信息报送街道新时代文明实践所。", ["五、工作要求"]) == {"台账资料"}
    assert tags("每月上报镇志愿服务站。", ["五、工作要求"]) == set()
    assert "新时代文明实践" in tags("依托村新时代文明实践站开展政策宣讲。")


def test_children_left_behind_told_otherwise_are_cared_for():
    assert "关爱帮扶" in tags("周末组织大学生志愿者为留守孩子辅导作业。")
