"""Activities of plans never seen, told in other words than the taxonomy's first keywords (rules/taxonomy.yml
synonyms). Every item here is invented for these tests, in the shapes plans of other sites take."""
from __future__ import annotations

import pytest

from scripts.tag.tagger import tag_item

UNIT_PLAN = "某某局2030年创建文明单位工作方案"


def tags(text: str, headings: list[str] | None = None, plan: str = UNIT_PLAN) -> set[str]:
    return set(tag_item(plan, headings or ["三、主要措施"], text))


# --- a show, a festival of the arts, a walk: 文体活动 told by the event's name ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "元旦前夕举办一场职工迎新晚会。",
        "每年举办一届校园文化艺术节，展示师生风采。",
        "组织干部职工开展环湖健步行活动。",
        "联系县剧团每季度送戏进村一次。",
        "春节期间举办“村晚”，由村民自编自演节目。",
    ],
)
def test_a_show_or_a_walk_is_a_cultural_or_sports_activity(text):
    assert "文体活动" in tags(text)


# --- a teacher's ethics are the teaching profession's 职业道德 (公民道德) ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "开展师德师风专题教育活动，组织全体教师签订师德承诺书。",
        "每学期举办一次师德报告会，邀请优秀教师讲述从教故事。",
    ],
)
def test_teachers_ethics_are_professional_ethics(text):
    assert "公民道德" in tags(text)


def test_a_hospitals_conduct_rectification_is_no_ethics_lesson():
    """医德医风 is named as a conduct matter (作风, 廉洁), not as a lesson of civic ethics."""
    assert "公民道德" not in tags("设立医德医风投诉信箱，每月通报一次投诉处理情况。")


# --- a festival's day named for a visit to a martyrs' cemetery: the visit is 爱国主义教育 (yields_to) -------------


@pytest.mark.parametrize(
    "text",
    [
        "清明节组织团员青年到革命烈士陵园敬献花篮，缅怀革命先烈。",
        "利用清明节带领学生到烈士纪念碑前开展祭扫活动。",
    ],
)
def test_a_qingming_visit_to_martyrs_is_patriotic_education_alone(text):
    assert tags(text) == {"爱国主义教育"}


def test_a_qingming_visit_stays_a_festival_activity_in_a_festival_plan():
    """In a 清明 plan every activity is the festival's (plan kind), the visit to the martyrs included."""
    got = tags("组织党员到烈士陵园祭扫，缅怀先烈。", ["二、活动内容"], "某某街道2030年我们的节日·清明节活动方案")
    assert got == {"我们的节日", "爱国主义教育"}


def test_a_qingming_custom_is_the_festivals():
    assert tags("清明节前后组织居民踏青、放风筝。") == {"我们的节日"}
