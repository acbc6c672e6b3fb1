"""Activities of plans never seen, told in other words, and the words in passing that are no activity
(rules/taxonomy.yml synonyms and exclusions, rules/tagging.yml cues). Every item here is invented for
these tests, in the shapes plans of other sites take."""
from __future__ import annotations

import pytest

from scripts.tag.tagger import load_taxonomy, tag_item

UNIT_PLAN = "某某局2030年创建文明单位工作方案"


def tags(text: str, headings: list[str] | None = None, plan: str = UNIT_PLAN) -> set[str]:
    return set(tag_item(plan, headings or ["三、主要措施"], text))


# --- channels, checks and counters told by their newer names ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "在村部广场新建一面宣传墙，定期更新文明新风内容。",
        "开通单位抖音号，每周发布一期创建动态。",
        "利用视频号直播道德模范事迹报告会。",
    ],
)
def test_a_wall_or_a_video_account_is_a_standing_channel(text):
    assert "宣传阵地" in tags(text)


@pytest.mark.parametrize(
    "text",
    [
        "对创建工作开展明察暗访，发现问题的科室予以通报批评。",
        "每月随机抽查各科室的创建台账。",
        "创建办不定期组织暗访，结果纳入年终评比。",
        "对工作不力的单位进行通报批评。",
    ],
)
def test_spot_checks_and_public_criticism_are_checks(text):
    assert "考核奖惩" in tags(text)


@pytest.mark.parametrize(
    "text",
    [
        "在服务大厅开设爱心专窗，为特殊群体优先办理业务。",
        "设立便民专窗，集中受理群众的咨询和投诉。",
    ],
)
def test_a_special_counter_is_window_service(text):
    assert "窗口服务" in tags(text)


# --- whom a counter serves: the counter's service, in whichever clause --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "在服务大厅设立老年人优先窗口，为行动不便的老人提供帮办代办服务。",
        "开通绿色通道，对残疾人、老年人等群体实行预约上门办理。",
        "各窗口设置爱心座椅，为老年人准备老花镜、轮椅等用品。",
    ],
)
def test_the_old_served_at_a_counter_are_the_counters_service(text):
    assert tags(text) == {"窗口服务"}


def test_a_visit_beside_a_counter_is_still_care():
    assert {"窗口服务", "关爱帮扶"} <= tags("在窗口开通老年人绿色通道，并定期上门看望辖区孤寡老人。")


def test_the_old_without_a_counter_are_still_cared_for():
    assert "关爱帮扶" in tags("组织志愿者为社区老年人理发、测量血压。")


# --- festivals told by name, by custom, and as the occasion a heading names -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "清明前后，组织青年职工到郊外踏青、植树。",
        "端午节前夕，社区组织居民包粽子、挂艾草。",
        "利用中秋、国庆两节，举办一场赏月诗会。",
        "九九重阳节当天，组织志愿者到敬老院为老人表演节目。",
        "围绕春节、元宵等传统节日，开展写春联、猜灯谜等民俗活动。",
    ],
)
def test_a_festival_is_told_by_its_name_or_its_custom(text):
    assert "我们的节日" in tags(text)


def test_a_festival_heading_makes_every_activity_under_it_that_festival():
    headings = ["三、主要活动", "（二）中秋节"]
    text = "组织社区书画爱好者现场挥毫泼墨，为居民书写祝福，并邀请辖区学校师生一同参与书画交流，展示各自作品。"
    assert {"我们的节日", "文体活动"} <= tags(text, headings)


def test_a_festival_heading_passes_nothing_to_an_organisational_step():
    headings = ["三、主要活动", "（二）中秋节"]
    text = "成立活动领导小组，由社区党委书记任组长，两委委员任成员，负责各项节日活动的统筹协调、经费保障和安全工作。"
    assert "我们的节日" not in tags(text, headings)


# --- the creation of a civilised city, taken part in directly ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "对照测评体系，开展点位整治，逐一销号。",
        "每月对责任区内的测评点位进行一次巡查。",
        "建立问题点位清单，限期整改到位。",
    ],
)
def test_the_citys_assessment_points_are_the_city_creation(text):
    assert "文明城市创建" in tags(text)


def test_a_units_own_inspection_is_no_city_creation():
    """迎接上级检查 is the check of any creation (a 文明单位's too), not the city's assessment."""
    assert "文明城市创建" not in tags("做好申报材料的梳理，迎检前逐项查漏补缺。")


# --- the moral code studied, not cited ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "组织干部职工学习《新时代公民道德建设实施纲要》，开展专题讨论。",
        "开展《公民道德建设实施纲要》宣讲进社区活动。",
        "利用宣传栏宣传《新时代公民道德建设实施纲要》。",
    ],
)
def test_studying_the_moral_code_is_civic_ethics(text):
    assert "公民道德" in tags(text)


def test_citing_the_moral_code_as_a_basis_is_not():
    assert "公民道德" not in tags("认真贯彻《公民道德建设实施纲要》，扎实推进各项创建工作。")


# --- family virtue in other words ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "开展“传家训、立家规、扬家风”活动，引导职工修身齐家。",
        "评选孝老爱亲好家庭，在村里宣传他们的事迹。",
        "组织居民讲述身边的好家风故事。",
    ],
)
def test_family_virtue_is_civilised_family(text):
    assert "文明家庭" in tags(text)


def test_family_virtue_in_a_list_of_ideals_is_not():
    assert "文明家庭" not in tags("倡导孝老爱亲、邻里和睦、勤俭节约的文明新风。")


# --- a cleanup told by what is cleaned ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "组织团员青年沿河岸捡拾垃圾。",
        "联合社区开展清理河道行动，清除漂浮物。",
        "开展环境卫生大整治，清理房前屋后杂物。",
        "开展城乡环境综合整治行动。",
        "组织党员清运路边建筑垃圾。",
        "每月开展一次楼道卫生评比。",
    ],
)
def test_a_cleanup_is_patriotic_hygiene(text):
    assert "爱国卫生" in tags(text)


# --- aims, themes and organisers said in a sentence are no activity ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "活动主题：弘扬奉献精神，争做时代新人",
        "通过活动，使广大青少年进一步了解志愿者的故事，学习奉献精神。",
        "让志愿服务精神在校园生根发芽。",
        "本次活动由县志愿者协会承办。",
        "本次中秋节活动旨在弘扬团圆和睦的传统美德。",
        "力争通过两年的努力，使全镇志愿服务工作迈上新台阶。",
        "到2030年底，全镇注册志愿者人数占常住人口比例达到15%以上。",
    ],
)
def test_an_aim_a_theme_or_an_organiser_gets_no_type(text):
    assert tags(text) == set()


# --- a session of the moral lecture hall, step by step --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "唱一首歌：全体起立，齐唱《奉献之歌》。",
        "看一部短片：观看本地好人好事专题片。",
        "谈一点感悟：请两名职工上台分享观后感。",
    ],
)
def test_the_steps_of_a_lecture_hall_session_are_the_lecture_hall(text):
    assert "道德讲堂" in tags(text, ["四、活动流程"])


# --- a website to register on, an event's slogans: no standing channel ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "组织党员登录志愿服务网站注册，记录服务时长。",
        "活动当天在社区广场悬挂横幅标语，营造活动氛围。",
    ],
)
def test_a_site_to_register_on_or_an_events_slogans_are_no_channel(text):
    assert "宣传阵地" not in tags(text)


# --- other activities told in other words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("组织窗口人员学习接待礼仪、电话礼仪。", "文明礼仪"),
        ("邀请律师进社区开展法律讲座，解答居民疑问。", "普法教育"),
        ("工会组织职工象棋、扑克比赛。", "文体活动"),
        ("组织团员青年集中观看红色电影。", "爱国主义教育"),
        ("在校门口开展“车让人、人让车”主题宣传。", "文明出行"),
    ],
)
def test_activities_told_in_other_words(text, expected):
    assert expected in tags(text)


# --- a profession's conduct, a model's kind, a law's title -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "开展医德医风专题教育，组织医护人员签订承诺书。",
        "开展师德师风集中整治，严禁在职教师有偿补课。",
    ],
)
def test_a_professions_conduct_is_conduct_work(text):
    assert "作风建设" in tags(text)


def test_a_model_of_family_virtue_is_a_model():
    """The five kinds of moral models are models (身边好人), whatever virtue names their kind."""
    assert tags("邀请区孝老爱亲模范走进社区讲述自己的故事。") == {"身边好人"}


def test_a_laws_title_is_no_activity_of_its_field():
    assert "平安单位" not in tags("组织员工学习《劳动合同法》《安全生产法》等法律法规。")


# --- cleaning for someone, a board of results, a counter that is none -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "组织团员走进敬老院，为老人打扫卫生、表演节目。",
        "为辖区空巢老人定期上门陪伴聊天、打扫卫生。",
    ],
)
def test_cleaning_for_the_old_is_care(text):
    got = tags(text)
    assert "关爱帮扶" in got and "爱国卫生" not in got


def test_a_culture_wall_the_winners_are_posted_on_is_the_selections():
    got = tags("开展“星级文明户”评选，每年一次，评选结果在村文化墙张榜公布。")
    assert "文明家庭" in got and "机关文化" not in got


def test_a_culture_wall_built_is_unit_culture():
    assert "机关文化" in tags("在办公楼一楼建设文化墙，展示单位发展历程。")


def test_a_volunteers_service_fair_is_no_counter():
    assert "窗口服务" not in tags("每月第一个周六在社区广场举办便民服务集市，志愿者为居民义务理发、维修家电。")


def test_a_library_building_is_only_a_place():
    assert "学习型机关" not in tags("在图书楼二楼设立道德讲堂固定场所，配齐音响设备。")


# --- more activities in other words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("引导少先队员带动家长遵守交通规则。", "文明出行"),
        ("组织社区少儿开展经典诵读活动。", "未成年人思想道德建设"),
        ("倡导婚俗改革，举办一场集体婚礼。", "移风易俗"),
        ("与结对村开展共建，资助贫困学生完成学业。", "关爱帮扶"),
        ("组织文明实践志愿者进村开展政策宣讲。", "新时代文明实践"),
    ],
)
def test_more_activities_told_in_other_words(text, expected):
    assert expected in tags(text)


# --- the city's creation, taken part in by publicising or meeting it -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "广泛宣传创建全国文明城市的目的和意义，营造浓厚的创建氛围。",
        "为迎接全国文明城市复查，组织一次环境卫生大扫除。",
    ],
)
def test_publicising_or_meeting_the_city_creation_takes_part_in_it(text):
    assert "文明城市创建" in tags(text)


def test_a_framing_clause_does_not_take_part_in_the_city_creation():
    assert "文明城市创建" not in tags("以迎接省级文明城市检查为契机，进一步完善单位内部管理制度。")


# --- a social feed's links are no item --------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["▼往期活动回顾", "阅读原文", "点击上方蓝字关注我们"])
def test_a_feeds_links_are_no_item(text):
    assert tags(text, plan="某街道2030年端午节系列活动方案") == set()


def test_an_event_told_with_its_theme_is_that_event():
    """以…为主题 at an item's head states the theme of the work; when the item goes on to hold its event, it is
    that event, of its heading's festival too."""
    got = tags("以“月满中秋·情暖邻里”为主题，开展邻里联欢晚会，邀请居民自编自演节目。", ["二、活动安排", "（三）中秋节"])
    assert {"我们的节日", "文体活动"} <= got


def test_a_target_still_names_the_activity_it_sets_up():
    assert "学雷锋志愿服务" in tags("力争每个村都建立一支志愿服务队。")


def test_a_theme_and_vehicle_alone_are_a_statement():
    assert tags("以“邻里守望”为主题，以志愿服务为载体。") == set()


def test_a_festival_heading_passes_nothing_to_a_report_after_it():
    assert "我们的节日" not in tags("活动结束后，各社区及时报送活动信息和图片。", ["二、活动安排", "（一）春节"])


@pytest.mark.parametrize(
    "text",
    [
        "农历九月初九，组织社区老人登山赏景。",
        "端午前后组织居民插艾草、赛龙舟。",
        "除夕当天为独居老人送去团圆饭。",
    ],
)
def test_a_festival_told_by_its_day_or_its_custom(text):
    assert "我们的节日" in tags(text)


@pytest.mark.parametrize("text", ["打造全县最美乡村旅游线路。", "把村庄建设成为最美宜居乡村。", "评选全区最美街道。"])
def test_the_most_beautiful_place_is_no_good_person(text):
    assert "身边好人" not in tags(text)


def test_the_most_beautiful_courtyard_is_a_familys():
    assert "文明家庭" in tags("开展“最美庭院”评选，引导农户美化居家环境。")


def test_an_official_site_is_a_standing_channel():
    assert "宣传阵地" in tags("在单位官网发布每月创建动态。")


def test_served_words_are_keywords_of_a_type_that_yields():
    """A served word only ever drops a type it is a keyword of, beside the type that one yields to."""
    taxonomy = load_taxonomy()
    yielding = {keyword for t in taxonomy.types if t.yields_to for keyword in t.keywords}
    assert taxonomy.cues.served_words and set(taxonomy.cues.served_words) <= yielding
