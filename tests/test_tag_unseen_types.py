"""Activity types of items of plans never seen, by category (rules/taxonomy.yml, rules/tagging.yml): the ways
plans tell an activity in other words, and the context that makes a word not count. Every item here is
invented for these tests."""
from __future__ import annotations

import pytest

from scripts.tag.tagger import tag_item

UNIT_PLAN = "某某局2030年创建文明单位工作方案"


def tags(text: str, headings: list[str], plan: str = UNIT_PLAN) -> set[str]:
    return set(tag_item(plan, headings, text))


# --- the board a selection's winners are shown on is a step of the selection (宣传阵地 step_of) --------


@pytest.mark.parametrize(
    "text, plan, selection",
    [
        ("开展“最美护士”评选，在院内宣传栏、微信公众号展示获选者事迹。", UNIT_PLAN, "身边好人"),
        ("评选“文明家庭”十户，在村宣传栏张榜公布。", UNIT_PLAN, "文明家庭"),
        ("每季度评选一次文明科室，在单位网站和电子屏上公布结果。", UNIT_PLAN, "文明科室评选"),
        ("对评出的家庭在社区橱窗展示其家风故事。", "某某社区最美家庭评选活动方案", "文明家庭"),
    ],
)
def test_a_selection_shown_on_a_board_is_the_selection_alone(text, plan, selection):
    assert tags(text, ["三、主要措施"], plan) == {selection}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a board set up for the campaign names more than the boards the winners are shown on
        ("在各村建立最美家庭专题宣传栏、板报，展示家庭风采。", {"文明家庭", "宣传阵地"}),
        # a board used for publicity, with no selection, is the board's work
        ("利用宣传栏、公众号宣传社会主义核心价值观。", {"宣传阵地", "核心价值观宣传"}),
    ],
)
def test_a_board_of_its_own_stays_a_board(text, expected):
    assert tags(text, ["三、主要措施"]) == expected


# --- the record of an activity: photos, written materials, information reported (台账资料) --------------


@pytest.mark.parametrize(
    "text",
    [
        "各支部于每季度末将活动图片及文字材料报局办公室。",
        "活动中安排专人拍照记录，留存影像。",
        "各班组要及时报送活动信息和照片。",
        "（三）抓好信息报送。活动情况每月一报。",
    ],
)
def test_photos_and_materials_of_an_activity_are_its_records(text):
    assert "台账资料" in tags(text, ["四、工作要求"])


def test_a_photo_taken_as_part_of_the_activity_is_no_record():
    assert "台账资料" not in tags("用餐结束后拍照打卡，每月评选节约之星。", ["二、活动内容"])


# --- the law told in other words: legal advice, cases explained, law taken to villages (普法教育) --------


@pytest.mark.parametrize(
    "text",
    [
        "组织律师志愿者每月到社区开展法律咨询服务。",
        "结合典型案例开展以案释法活动。",
        "开展送法下乡、送法进企业活动。",
    ],
)
def test_legal_advice_and_cases_explained_are_law_education(text):
    assert "普法教育" in tags(text, ["三、主要措施"])


# --- a preamble that gives its purpose, then the decision, names only what it decides to carry out ---------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("为弘扬邻里互助的传统美德，营造关爱老人的社区氛围，经研究决定在全社区开展邻里守望志愿服务活动。", {"学雷锋志愿服务"}),
        ("为推进乡村振兴，提高村民文明素质，村两委决定在全村开展文明家庭创建活动。", {"文明家庭"}),
        ("为加强组织领导，经局党组研究，决定成立创建工作领导小组，名单如下：", {"组织领导"}),
    ],
)
def test_a_decided_preamble_names_what_it_decides(text, expected):
    assert tags(text, []) == expected


def test_a_body_set_up_before_its_members_is_an_item():
    assert tags("成立社区创建文明单位工作领导小组：", ["二、组织机构"]) == {"组织领导"}
    assert tags("领导小组：", ["二、组织机构"]) == set()


# --- activities told in other words; words of another type's work ------------------------------------------


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("在食堂倡导适量点餐、杜绝浪费。", "文明餐桌", "勤俭节约"),
        ("加强官方新媒体管理，及时发布创建动态。", "宣传阵地", ""),
        ("党员干部结对帮扶贫困户，落实两不愁三保障。", "乡村振兴", ""),
        ("推进安全文化建设，开展消防应急演练。", "平安单位", "机关文化"),
        ("开展宪法宣传活动，落实谁执法谁普法责任制。", "普法教育", "组织领导"),
        ("建好文体活动广场，开展群众健身活动。", "文体活动", ""),
    ],
)
def test_other_words_and_other_work(text, present, absent):
    found = tags(text, ["二、主要任务"])
    assert present in found
    assert absent not in found


def test_a_venue_built_is_not_its_activity():
    assert tags("建好理论宣讲室和文体活动广场。", ["一、强化阵地建设"]) == set()


# --- more ways plans tell an activity (taxonomy synonyms) ---------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("组织青年志愿者到福利院看望孩子。", "关爱帮扶"),
        ("为一线职工送去防暑降温用品。", "关爱帮扶"),
        ("在小区设置可回收物、有害垃圾收集点。", "垃圾分类"),
        ("开展一盔一带安全守护行动。", "文明出行"),
        ("组织党员到革命老区开展红色研学。", "爱国主义教育"),
        ("开设四点半课堂，为双职工子女提供课后辅导。", "未成年人思想道德建设"),
        ("组织在职党员到居住地社区报到。", "结对共建"),
        ("开展扫黑除恶宣传和防溺水安全教育。", "平安单位"),
        ("组织干部职工集中学习党的二十大精神。", "理论学习"),
        ("完善创建档案，做到一项一档。", "台账资料"),
        ("推行马上就办、一次办好，提升办事效率。", "窗口服务"),
    ],
)
def test_activities_told_in_more_words(text, expected):
    assert expected in tags(text, ["二、主要措施"])
