"""Tests for the activity-type taxonomy (rules/taxonomy.yml), the context cues (rules/tagging.yml) and
the item tagger (scripts/tag/tagger.py). Every sentence here is written for these tests."""
from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
import yaml

from scripts.models import Item, Plan, PlanMeta, Section
from scripts.tag.tagger import heading_title, load_taxonomy, main_types, tag_counts, tag_item, tag_plan

LABELS = Path(__file__).parent / "labels" / "seed_items.yml"
RAW = Path(__file__).resolve().parent.parent / "raw"

# The activity types users must be able to look up, with surface forms that must lead to each.
REQUIRED = {
    "理论学习": ["第一议题", "中心组学习", "三会一课"],
    "主题教育": ["不忘初心、牢记使命主题教育", "党史学习教育"],
    "学习型机关": ["学习型机关", "读书活动"],
    "核心价值观宣传": ["社会主义核心价值观宣传教育"],
    "道德讲堂": ["道德讲堂"],
    "公民道德": ["公民道德建设", "四德教育"],
    "身边好人": ["身边好人", "道德模范"],
    "诚信建设": ["诚信建设"],
    "文明礼仪": ["文明礼仪"],
    "普法教育": ["普法教育"],
    "党风廉政": ["党风廉政建设"],
    "作风建设": ["作风建设", "效能建设"],
    "学雷锋志愿服务": ["学雷锋", "志愿服务"],
    "结对共建": ["结对帮扶", "共建"],
    "乡村振兴": ["驻村扶贫", "乡村振兴"],
    "关爱帮扶": ["困难职工", "空巢老人", "留守儿童"],
    "无偿献血": ["无偿献血"],
    "文体活动": ["文体活动"],
    "我们的节日": ["我们的节日"],
    "机关文化": ["机关文化"],
    "文明餐桌": ["文明餐桌", "光盘行动"],
    "勤俭节约": ["勤俭节约"],
    "文明出行": ["文明交通", "文明旅游", "文明出行"],
    "网络文明": ["网络文明", "文明上网"],
    "移风易俗": ["移风易俗", "文明祭扫"],
    "垃圾分类": ["垃圾分类", "节能低碳"],
    "文明科室评选": ["文明科室", "文明职工"],
    "文明家庭": ["文明家庭", "家风家训"],
    "巾帼文明岗": ["巾帼文明岗"],
    "环境美化": ["办公环境美化", "绿化"],
    "无烟机关": ["无烟机关", "控烟"],
    "爱国卫生": ["爱国卫生"],
    "平安单位": ["平安单位", "综治"],
    "窗口服务": ["窗口服务", "服务承诺", "首问负责"],
    "政务公开": ["政务公开"],
    "公益广告": ["公益广告", "提示牌"],
    "宣传阵地": ["宣传阵地", "专栏"],
    "组织领导": ["组织领导", "责任制"],
    "考核奖惩": ["考核奖惩", "一票否决"],
    "台账资料": ["台账资料"],
}
# Keywords deliberately listed under two types: {keyword: {type, type}}. 美德少年 is a model pupil: a
# 身边好人 selection, and work for minors (the longer phrase hides the 少年 inside it).
SHARED_KEYWORDS: dict[str, set[str]] = {"美德少年": {"身边好人", "未成年人思想道德建设"}}


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


def tags(text: str, context: str = "", plan: str = "", headings: list[str] | None = None) -> list[str]:
    """Tags of one item; ``context`` is its one heading, ``headings`` the whole list above it."""
    return tag_item(plan, headings if headings is not None else ([context] if context else []), text)


# --- (1) precision and recall against the hand labels ---------------------------------------


def test_hand_labels_cover_the_five_seeds():
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    assert len(labels) >= 120
    assert {item["source"] for item in labels} == {path.name[:3] for path in RAW.glob("*.txt")}
    assert len({item["text"] for item in labels}) == len(labels)


def test_precision_and_recall_on_hand_labels(taxonomy):
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    names = {t.name for t in taxonomy.types}
    true_pos = false_pos = false_neg = 0
    for item in labels:
        assert set(item["types"]) <= names, item["types"]
        got = set(tag_item("", [item["context"]], item["text"], taxonomy))
        want = set(item["types"])
        true_pos += len(got & want)
        false_pos += len(got - want)
        false_neg += len(want - got)
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    print(f"\nmicro precision={precision:.3f} recall={recall:.3f} (tp={true_pos} fp={false_pos} fn={false_neg})")
    assert precision >= 0.9
    assert recall >= 0.9


# --- (2) tricky types, with sentences written for these tests -------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # 学习型 is its own type, not 理论学习; bare 学习 tags nothing
        ("大力推进学习型机关建设，开展“书香机关”读书月活动。", ["学习型机关"]),
        ("组织干部职工学习业务知识，提高履职能力。", []),
        ("坚持党组理论学习中心组学习制度，每月集中学习一次。", ["理论学习"]),
        ("严格落实“第一议题”制度，及时跟进学习重要讲话精神。", ["理论学习"]),
        # 志愿者工作站 is 学雷锋志愿服务 by its own words
        ("依托单位志愿者工作站，做好志愿者注册和服务时长记录。", ["学雷锋志愿服务"]),
        ("在重要路口开展文明交通劝导，引导市民礼让斑马线。", ["文明出行"]),
        ("邀请市交通局业务骨干来局交流工作经验。", []),
        # 节约型机关 is 勤俭节约; 无纸化 is 节能低碳
        ("按照节约型机关建设要求，全面推行无纸化办公。", ["勤俭节约", "垃圾分类"]),
        ("清明期间做好清明祭祀引导工作，倡导鲜花祭扫、网上祭奠。", ["移风易俗"]),
        ("创建无烟单位，会议室、食堂等场所一律不得吸烟。", ["无烟机关"]),
        # longest phrase wins: 最美家庭 is 文明家庭, not 身边好人
        ("开展“最美家庭”评选，传承好家风好家训。", ["文明家庭"]),
        ("评选“最美职工”，宣传身边好人好事。", ["身边好人"]),
        # an exclusion cancels only its own type: 扶贫济困 is not 驻村扶贫, yet 济困 is 关爱帮扶
        ("组织扶贫济困送温暖活动，走访慰问困难党员。", ["关爱帮扶"]),
        ("选派干部驻村帮扶，助力乡村振兴。", ["乡村振兴"]),
        # 党风廉政建设责任制 is 党风廉政, not the creation work's 组织领导
        ("签订党风廉政建设责任书，落实党风廉政建设责任制。", ["党风廉政"]),
        ("开展“道德讲堂”活动，身边人讲身边事。", ["道德讲堂"]),
        ("组织参加无偿献血和造血干细胞捐献。", ["无偿献血"]),
        ("深化“光盘行动”，推广公筷公勺。", ["文明餐桌"]),
        ("开展“我们的节日·端午”包粽子活动。", ["我们的节日"]),
        ("设置遵德守礼提示牌，刊播讲文明树新风公益广告。", ["公益广告"]),
        ("在门户网站开设文明创建专栏。", ["宣传阵地"]),
        ("依托新时代文明实践站开展政策宣讲。", ["新时代文明实践"]),
        # quotes and spaces inside a keyword do not hide it
        ("持续开展“文明 餐桌”行动。", ["文明餐桌"]),
    ],
)
def test_tricky_sentences(text, expected):
    assert tags(text) == expected


def test_single_mentions_in_a_framing_clause_do_not_tag():
    assert tags("把文明单位创建与新时代文明实践活动紧密结合起来。") == []
    assert tags("组织志愿者到新时代文明实践所开展服务。") == ["学雷锋志愿服务", "新时代文明实践"]


def test_organisational_types_count_only_in_the_lead_clause_of_a_task():
    task = "3、开展学雷锋志愿服务活动。组建志愿服务队，年底评比表彰优秀志愿者。"
    assert tags(task, context="（二）积极开展志愿服务") == ["学雷锋志愿服务"]
    assert tags("（五）严格考核，奖惩分明。年底对各科室创建情况进行考核。", context="四、保障措施") == ["考核奖惩"]
    assert tags(task, context="六、工作措施") == ["学雷锋志愿服务", "考核奖惩"]


def test_aim_headings_give_no_tags():
    aims = "以新思想为指导，以践行核心价值观为主线，推进机关文明创建。"
    assert tags(aims, context="一、指导思想") == []
    assert tags(aims, context="（二）宣传教育") == []  # 以…为指导 is an aims sentence wherever it stands
    assert tags("在全局践行核心价值观，办好价值观主题展览。", context="（二）宣传教育") == ["核心价值观宣传"]


def test_heading_is_only_weak_evidence():
    heading = "（三）积极开展学雷锋活动，认真履行社会责任"
    assert tags("每季度至少组织一次，做好记录。", context=heading) == ["学雷锋志愿服务"]
    assert tags("每周上门一次，帮助打扫房间。", context="（三）开展关爱空巢老人活动") == ["关爱帮扶"]
    long_generic = "各处室要高度重视，明确专人，按时间节点推进，确保各项工作落到实处，取得实效，形成长效。"
    assert tags(long_generic, context=heading) == []
    # an item's own words win over its heading
    assert tags("组织职工参加全民健身运动。", context=heading) == ["文体活动"]


def test_the_work_under_an_organisational_heading_is_that_work_however_long():
    long_item = "向上级申请专项资金支持，同时鼓励各村通过合作社和集体经济自筹一部分，统一用于宣传、整治和设施建设。"
    assert tags(long_item, context="（二）资金保障") == ["组织领导"]
    assert tags(long_item, context="（二）宣传教育") == []


def test_a_hit_yields_to_the_type_whose_activity_it_is_part_of(taxonomy):
    assert next(t for t in taxonomy.types if t.name == "考核奖惩").yields_to  # rules/taxonomy.yml
    # the 表彰 of a selection is the selection's own
    assert tags("组织道德模范评选表彰，广泛宣传模范事迹。") == ["身边好人"]
    assert tags("年底评选文明家庭并予以表彰。") == ["文明家庭"]
    # in its own clause it is 考核奖惩
    assert tags("组织道德模范评选，年底对创建工作考核表彰。") == ["身边好人", "考核奖惩"]


def test_a_step_of_a_campaigns_own_procedure_is_the_campaigns():
    """In a selection plan the candidates' 公示 and the winners' 表彰 are the selection's (yields_to)."""
    good_people = "某街道身边好人推荐评选活动方案"
    assert tags("审核公示。街道文明办审核候选人事迹并公示7天。", plan=good_people, headings=["四、评选程序"]) == ["身边好人"]
    assert tags("对评出的十户家庭予以表彰，颁发证书。", plan="某村最美家庭评选方案", headings=["四、评选程序"]) == ["文明家庭"]
    # other yields hold within a clause only: a 节约用电 step of a 文明餐桌 plan is still 勤俭节约
    assert tags("办公区节约用电，随手关灯。", plan="某单位文明餐桌活动方案", headings=["四、工作步骤"]) == ["文明餐桌", "勤俭节约"]
    # a check of the creation work is no step of the selection
    assert tags("把创建情况纳入各村年度考核。", plan="某村最美家庭评选方案", headings=["四、评选程序"]) == ["考核奖惩"]
    # elsewhere they are the types they name
    assert tags("审核公示。对拟调整的事项公示7天。", plan="某局年度工作计划", headings=["四、工作程序"]) == ["政务公开"]


def test_a_role_is_not_its_work():
    """督导员, 督查员 name a post: the item is about what the post does."""
    plan = "某社区垃圾分类工作实施方案"
    assert tags("在每个小区设置投放点，安排督导员定时值守。", plan=plan, headings=["三、工作措施"]) == ["垃圾分类"]
    assert tags("聘请两名督查员，每周巡查一次门前卫生。", headings=["三、工作措施"]) == []
    # the check itself is 考核奖惩
    assert tags("每月对各小区分类投放情况进行督导考核。", plan=plan, headings=["三、工作措施"]) == ["考核奖惩"]


def test_heading_title_strips_numbers_and_punctuation():
    assert heading_title("（一）指导思想：") == "指导思想"
    assert heading_title("一、指导思想") == "指导思想"
    assert heading_title("第二阶段:全面实施阶段") == "全面实施阶段"
    assert heading_title("") == ""


def test_tags_come_in_taxonomy_order(taxonomy):
    order = [t.name for t in taxonomy.types]
    got = tags("开展普法教育、文明餐桌和理论学习活动，深化学雷锋志愿服务。")
    assert got == sorted(got, key=order.index)
    assert got == ["理论学习", "普法教育", "学雷锋志愿服务", "文明餐桌"]


def test_tag_plan_fills_items_recursively_with_section_titles_as_context():
    volunteer = Item(anchor="i1-1-1", number="1", text="每季度至少组织一次，做好记录。")
    meal = Item(anchor="i1-2", number="2", text="深入开展文明餐桌行动。")
    aims = Item(anchor="i0-1", number="", text="以核心价值观为主线，深化文明创建。")
    plan = Plan(
        title="某局文明单位创建工作方案",
        meta=PlanMeta(),
        source_file="x.txt",
        sections=[
            Section(anchor="s0", number="一", title="指导思想", level=1, items=[aims]),
            Section(
                anchor="s1",
                number="二",
                title="主要任务",
                level=1,
                items=[meal],
                sections=[Section(anchor="s1-1", number="一", title="积极开展学雷锋活动", level=2, items=[volunteer])],
            ),
        ],
    )
    tag_plan(plan)
    assert aims.tags == []
    assert meal.tags == ["文明餐桌"]
    assert volunteer.tags == ["学雷锋志愿服务"]
    # the plan's title is read too: every activity of a 学雷锋 plan is a 学雷锋 activity
    plan.title = "某局学雷锋活动月实施方案"
    tag_plan(plan)
    assert meal.tags == ["学雷锋志愿服务", "文明餐桌"]
    assert aims.tags == []


def test_main_types_are_those_with_enough_items_counted_in_subsections_too(taxonomy):
    assert taxonomy.main_type_min_items == 2  # rules/taxonomy.yml
    items = [Item(anchor=f"i{n}", number=str(n), text="", tags=tags) for n, tags in enumerate([["文明餐桌", "道德讲堂"], ["道德讲堂"], ["无烟机关"]])]
    inner = Section(anchor="s1-1", number="一", title="", level=2, items=[Item(anchor="i9", number="1", text="", tags=["文明餐桌"])])
    plan = Plan(title="", meta=PlanMeta(), source_file="x.txt", sections=[Section(anchor="s1", number="一", title="", level=1, items=items, sections=[inner])])
    assert main_types(tag_counts(plan), taxonomy) == ["文明餐桌", "道德讲堂"]  # by name, like the types list
    assert main_types(tag_counts(Plan(title="", meta=PlanMeta(), source_file="x.txt")), taxonomy) == []


def test_tagging_is_fast_and_safe_on_large_input():
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    items = [(item["text"], item["context"]) for item in labels] * 60  # ~10,000 items, ~1.6 M chars
    start = time.process_time()
    for text, context in items:
        tag_item("", [context], text)
    assert time.process_time() - start < 5
    five_mb = "".join(text for text, _ in items) * 2
    assert len(five_mb) > 2_500_000  # characters; about 5 MB of GBK text
    start = time.process_time()
    assert "学雷锋志愿服务" in tag_item("", [], five_mb)
    assert time.process_time() - start < 5


# --- (2b) context: what is not an item, statements, naming, headings, the plan's kind ----------


@pytest.mark.parametrize(
    "text",
    [
        "活动安排：",  # a bare heading
        "承办单位：某某街道社区居委会",
        "副组长：陈某某",  # member lists
        "组  长：王某某（局党组书记）",
        "成员：各科室负责人。",
        "张某某市文明办副主任",
        "活动时间：2024年3月1日—3月31日",  # who, where, when
        "活动地点：社区服务中心二楼",
        "2024年3月5日",
        "（二）丰富文化生活，促进志愿服务",  # a heading cut as an item
        "学雷锋",  # a fragment
        "本文来源：https://example.org/abc.html",
        "活动主题：“雷锋精神代代传”",  # a theme line
        "敬老爱老，情暖重阳。",  # a slogan
        "某某县文明办关于开展志愿服务月活动的通知",  # a document title
        "各乡镇、街道，县直各单位：",  # addressees
        "牵头单位：县文明办",  # who does it
        "具体组织单位：各中小学校",
        "某社区重阳节活动方案2",  # a document title with its number in a compilation
        "准备阶段。主要做好以下几项工作：",  # a line announcing a list
        "社区干部、楼栋长、志愿者及居民代表",  # who takes part, without a verb
        "某某物流有限公司工会",  # an issuing body's name alone
        "某某建设集团",
        "某某县人民医院",
        "某某县文明办 2024年3月1日",  # a signature with its date
        "某社区居委会 XX年X月X日",
        "（此页无正文）",  # a note alone in brackets
        "本方案由社区党委负责解释。",  # the document's closing provisions
        "本方案自印发之日起施行。",
        "未尽事宜另行通知。",
        "经费预算：共计800元",  # logistics fields
        "所需物品：横幅、音响、话筒",
        "参与人数：约40人",
        "集合地点：社区广场东门",
        "带队人：李某某",
        "（牵头单位：县教育局、县团委）",
        "责任单位（科室）：县文明办",  # a field whose name carries a note
        "二〇二四年十月二十日",  # a date in Chinese numerals
        "县民政局、县教育局、县体育局、团县委、县妇联",  # bodies listed without a verb
        "彩旗十面：约150元",  # a line of a budget
        "社区志愿服务活动方案（通用6篇）",  # titles of other documents, as a page lists related articles
        "某中学学雷锋月活动总结范文",
        "青年志愿者心得体会3篇",
        "学雷锋志愿服务倡议书",
        "以上是小编为大家整理的志愿服务方案，希望对大家有所帮助。",  # the site's own voice, left over
        "本文档来自网友上传，如有侵权请联系删除",
        "决定在全区开展学雷锋志愿服务月活动。现将《活动方案》印发给你们，请认真贯彻执行。",  # a notice's cover
        "现将本方案印发给你们，请遵照执行。",
    ],
)
def test_what_is_not_an_item_gets_no_types(text):
    assert tags(text, plan="某社区学雷锋志愿服务活动方案") == []


def test_a_list_of_people_with_a_verb_is_an_item():
    assert tags("组织社区干部、志愿者走访慰问空巢老人") == ["学雷锋志愿服务", "关爱帮扶"]
    assert tags("县体育局、县总工会、县妇联联合举办全民健身运动会") == ["文体活动"]
    assert tags("为每户困难家庭发放慰问金：500元") == ["关爱帮扶"]
    assert tags("组织志愿者撰写服务心得体会", plan="某社区学雷锋志愿服务活动方案") == ["学雷锋志愿服务"]


def test_a_body_doing_something_and_a_request_to_make_plans_are_items():
    assert tags("组织志愿者走进物流公司", plan="某社区学雷锋志愿服务活动方案") == ["学雷锋志愿服务"]
    assert tags("组织志愿者到县人民医院", plan="某社区学雷锋志愿服务活动方案") == ["学雷锋志愿服务"]
    # a label that names work, followed by the work, is an item (组织领导：…, 经费保障：…, 宣传方式：…)
    assert tags("组织领导：成立领导小组，明确分工。") == ["组织领导"]
    assert tags("经费保障：每年安排专项经费。") == ["组织领导"]
    assert tags("宣传方式：利用广播、宣传栏等进行宣传，营造氛围。") == ["宣传阵地"]
    assert tags("各单位要结合实际制定工作方案，按时报送。") == ["组织领导"]


def test_preambles_and_guiding_ideas_get_no_types():
    preamble = "为深入推进全国文明城市创建，根据市创建办《关于做好创建工作的实施意见》，结合我局实际，制定本方案。"
    assert tags(preamble) == []
    assert tags("现将有关事项通知如下：") == []
    assert tags("以党的创新理论和重要讲话精神为指导，扎实推进志愿服务工作。") == []
    assert tags("随着城市发展，群众对文明出行的要求越来越高。") == []
    # an occasion told as background
    assert tags("3月5日是学雷锋纪念日，全校师生都很期待。") == []
    assert tags("今年迎来第十个学雷锋活动月。") == []
    assert tags("中秋节又称团圆节，是我国的传统节日。", plan="某社区中秋节活动方案", headings=["二、活动内容"]) == []
    # targets: 目标任务 is an aims heading, though 任务 alone names work
    assert tags("营造诚信的服务环境，窗口服务规范高效。", context="二、目标任务") == []
    assert tags("营造诚信的服务环境，窗口服务规范高效。", context="二、主要任务") == ["诚信建设", "窗口服务"]


def test_a_statement_counts_only_the_activities_it_names_to_carry_out():
    assert tags("传承雷锋精神，让志愿精神在机关蔚然成风。", context="一、指导思想") == []
    assert tags("在全系统广泛开展志愿服务活动，营造向上向善氛围。", context="一、指导思想") == ["学雷锋志愿服务"]
    assert tags("通过开展道德讲堂活动，提升职工道德素养。", context="二、活动目的") == ["道德讲堂"]
    # 建立在…之上 is not an action
    assert tags("良好风尚建立在诚信之上。", context="一、活动背景") == []
    # a heading naming both aims and work is an activity heading
    assert heading_title("二、总体目标和主要内容") == "总体目标和主要内容"
    assert tags("组织开展志愿服务活动。", context="二、总体目标和主要内容") == ["学雷锋志愿服务"]


def test_a_label_before_the_colon_does_not_end_the_lead_clause():
    # 宣传发动： names no activity, so the lead runs on to the next stop and its 动员会 counts
    assert tags("宣传发动：召开全体职工动员会，层层发动。", context="（一）办公室") == ["组织领导"]
    # an activity title before the colon is the lead: 表彰 after it belongs to the activity
    assert tags("评选身边好人：年底评出十名，予以表彰。", context="（一）办公室") == ["身边好人"]


def test_a_keyword_naming_a_body_or_a_document_is_not_an_activity():
    assert tags("局里成立迎接文明城市测评工作领导小组，局长任组长。") == ["组织领导"]
    assert tags("制定本局志愿服务活动方案，报领导小组审定。") == []
    assert tags("健全文明家庭创建机构，妇联牵头协调。") == ["组织领导"]


def test_a_leading_body_counts_where_it_is_set_up_or_put_in_charge_not_where_it_only_acts_or_is_told():
    steps = ["三、实施步骤"]  # a measures heading: organisational words count beyond the lead clause
    assert tags("第二阶段为检查验收阶段，由创建领导小组进行全面检查。", headings=steps) == ["考核奖惩"]
    assert tags("每季度将创建进展书面上报县文明委领导小组。", headings=steps) == []
    assert tags("活动结束后向局指挥部报送图文资料。", headings=["五、活动安排"]) == ["台账资料"]
    # set up, or put in charge
    assert tags("成立创建工作领导小组，局长任组长。", headings=steps) == ["组织领导"]
    assert tags("成立由局长任组长、分管领导任副组长的创建工作领导小组。", headings=steps) == ["组织领导"]
    assert tags("调整充实由主要领导挂帅的领导小组。", headings=steps) == ["组织领导"]
    assert tags("创建工作由局创建领导小组统一负责，办公室具体落实。", headings=steps) == ["组织领导"]
    assert tags("由指挥部牵头，各部门密切配合。", headings=steps) == ["组织领导"]


def test_city_creation_only_for_items_that_take_part_in_it():
    assert tags("为创建全国文明城市作出新的贡献，树立行业良好形象。", context="（三）提升服务水平") == []
    assert tags("组织干部职工积极参与创建全国文明城市，在路口开展文明交通劝导。") == ["文明出行", "文明城市创建"]
    assert tags("做好全国文明城市测评迎检工作。严格对照标准自查。") == ["文明城市创建"]


def test_an_item_of_a_campaign_plan_is_an_activity_of_that_campaign():
    plan = "某社区道德讲堂活动方案"
    assert tags("谈体会：请三位居民代表谈谈参加活动的收获。", plan=plan, headings=["三、活动流程"]) == ["道德讲堂"]
    assert tags("谈体会：请三位居民代表谈谈参加活动的收获。", plan="某社区年度工作计划", headings=["三、活动流程"]) == []
    # a compilation names its plans in title headings
    assert tags("组织居民包饺子、登高赏菊。", plan="实用方案精选5篇", headings=["社区重阳节活动方案篇一", "三、活动内容"]) == ["我们的节日"]
    # organisational and procedural steps, and aims, are not
    assert tags("各党小组开碰头会，研究部署讲堂筹备。", plan=plan, headings=["四、活动步骤"]) == ["组织领导"]
    assert tags("制定每期讲堂的细致流程，提前发给各科室。", plan=plan, headings=["（一）准备阶段"]) == []
    assert tags("提升居民道德素养，营造崇德向善氛围。", plan=plan, headings=["二、活动目的"]) == []
    # the campaign's own steps and measures are its activities; support work is not
    assert tags("在食堂门口摆放提示牌，营造氛围。", plan="某单位文明餐桌活动方案", headings=["四、工作步骤"]) == ["文明餐桌", "公益广告"]
    assert tags("各科室确定一名联络员，按时报送信息。", plan="某单位文明餐桌活动方案", headings=["五、保障措施"]) == []


def test_an_item_that_opens_with_its_aim_is_a_statement_wherever_it_stands():
    plan, activities = "某社区重阳节活动方案", ["三、活动内容"]
    assert tags("本次活动旨在弘扬敬老爱老传统美德，让老人感受社会温暖。", plan=plan, headings=activities) == []
    assert tags("目的是让居民了解志愿服务的意义。", plan=plan, headings=activities) == []
    # an aim that names an activity to carry out keeps that activity, not the plan's kind
    assert tags("意在通过开展志愿服务活动增进邻里感情。", plan=plan, headings=activities) == ["学雷锋志愿服务"]
    # the activity itself inherits
    assert tags("组织志愿者陪社区老人登高赏菊。", plan=plan, headings=activities) == ["学雷锋志愿服务", "关爱帮扶", "我们的节日"]


def test_requirements_on_running_a_campaign_are_not_its_activities():
    """活动要求 and 注意事项 say how to run the campaign (support work), not what it does."""
    plan = "某小学学雷锋活动月方案"
    assert tags("各班要高度重视，精心组织，力求实效。", plan=plan, headings=["五、活动要求"]) == []
    assert tags("外出时由班主任带队，确保学生往返安全有序。", plan=plan, headings=["六、注意事项"]) == []
    # a step's own words still count there; under the plan's activities the same step is the campaign's
    assert tags("各班到附近街道清理垃圾。", plan=plan, headings=["五、活动要求"]) == ["爱国卫生"]
    assert tags("各班到附近街道清理垃圾。", plan=plan, headings=["四、活动内容"]) == ["学雷锋志愿服务", "爱国卫生"]
    assert tags("各班到附近街道清理垃圾。", plan=plan, headings=["四、活动内容及要求"]) == ["学雷锋志愿服务", "爱国卫生"]


def test_the_points_of_a_statement_section_are_statements_too():
    """A point with its own small heading under an aims or criteria heading (（二）“和睦星” under 二、评选标准)
    says more of the same; a point that names work or an activity type is a section of its own."""
    aims = ["一、活动目标", "（二）邻里和睦"]
    assert tags("关心身边老人，营造和谐邻里关系。", headings=aims) == []
    assert tags("关心身边老人，营造和谐邻里关系。", headings=["一、工作计划", "（二）邻里和睦"]) == ["关爱帮扶"]
    assert tags("组织志愿者慰问空巢老人。", headings=["一、目标", "（二）工作措施"]) == ["学雷锋志愿服务", "关爱帮扶"]
    assert tags("组织志愿者慰问空巢老人。", headings=["一、目标", "（二）关爱空巢老人"]) == ["学雷锋志愿服务", "关爱帮扶"]
    # a time or theme heading is a statement for its own lines only: the points under it are stages of the work
    plan = "某社区学雷锋活动月方案"
    assert tags("组织居民参观雷锋事迹展览。", plan=plan, headings=["三、活动时间", "（一）3月1日至10日"]) == ["学雷锋志愿服务"]
    assert tags("为辖区老人理发、量血压。", plan=plan, headings=["二、活动主题", "（二）暖心行动"]) == ["学雷锋志愿服务", "关爱帮扶"]
    assert tags("3月1日至3月31日。", plan=plan, headings=["三、活动时间"]) == []


def test_the_standards_of_a_campaign_selection_keep_the_campaign_type_only():
    """A standard describes whom the campaign picks: its words are not activities, its plan's kind stays."""
    stars = "某村星级文明户评选方案"
    assert tags("家庭成员尊老爱幼，关心老人生活，邻里和睦。", plan=stars, headings=["二、评选标准", "（一）和睦星"]) == ["文明家庭"]
    assert tags("热爱学习，家中藏书丰富，坚持终身学习。", plan="某街道最美家庭推荐活动方案", headings=["三、推荐条件"]) == ["文明家庭"]
    # the same standard in a plan that names no campaign, and an aim in a campaign plan, get nothing
    assert tags("家庭成员尊老爱幼，关心老人生活，邻里和睦。", plan="某局年度工作计划", headings=["二、评选标准"]) == []
    assert tags("家庭成员尊老爱幼，关心老人生活，邻里和睦。", plan=stars, headings=["一、活动目的"]) == []
    # a unit's own creation standards list its work: the points under them are tasks
    unit = "某局创建市级文明单位工作方案"
    assert tags("建有道德讲堂，每季度活动一次。", plan=unit, headings=["三、创建标准", "（二）思想道德建设好"]) == ["道德讲堂"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a page run through a Taiwan-style converter and read back keeps the converter's words
        ("开展网路文明宣传周活动，提升青少年网路素养。", ["网络文明"]),
        ("联合有关部门整治校园周边网咖。", ["网络文明"]),
        ("在机关食堂推行光碟行动。", ["文明餐桌"]),
        ("推进政务资讯公开，按时更新公开栏。", ["政务公开"]),
        # words that are ordinary mainland words too are read as they stand
        ("收集整理创建资料，按月归档。", ["台账资料"]),
        ("建立社区志愿服务队。", ["学雷锋志愿服务"]),
    ],
)
def test_a_converters_words_are_read_as_the_mainland_ones(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # integrity education and pledges of a trade are 党风廉政; 廉洁 in a string of virtues is not
        ("开展廉洁行医教育，签订承诺书。", ["党风廉政"]),
        ("组织干部家属开展助廉座谈。", ["党风廉政"]),
        ("努力建设政令畅通、清正廉洁、团结友爱的机关。", []),
        # a leader in charge in person, and the publicising stage of the work, are 组织领导
        ("主要领导亲自抓，分管领导具体抓。", ["组织领导"]),
        ("第一阶段：宣传发动，细化分工。", ["组织领导"]),
        ("局长亲自参加植树活动。", []),
        # visits to revolutionary sites are patriotic education; another museum is not
        ("组织党员赴革命纪念馆参观学习。", ["爱国主义教育"]),
        ("带领团员寻访革命旧址。", ["爱国主义教育"]),
        ("组织职工参观科技馆。", []),
        # policy briefings and the party-day oath are 理论学习; the pioneers' oath is work for minors
        ("每月举办一次形势政策宣讲会。", ["理论学习"]),
        ("七一组织党员重温入党誓词。", ["理论学习"]),
        ("组织少先队员重温入队誓词。", ["未成年人思想道德建设"]),
        # a unit assigned to a community is twinned with it; a visit is not
        ("每个单位包保一个社区，每月下沉一次。", ["结对共建"]),
        ("机关干部包联一个村，帮助解决实际问题。", ["结对共建"]),
        ("到社区开展一次走访。", []),
        ("宣传征信知识，提升信用意识。", ["诚信建设"]),
        # a place's 好人 selection is 身边好人; 好 that completes a verb before 人生, 人民 … is not
        ("每年评选“青山好人”20名。", ["身边好人"]),
        ("每季度推选一批镇级好人，张榜宣传事迹。", ["身边好人"]),
        ("引导学生扣好人生第一粒扣子。", []),
        ("当好人民公仆，做好人才引进工作。", []),
        # changing the work style is 作风建设; changing the way of working is not
        ("开展转作风、树形象专项行动。", ["作风建设"]),
        ("推动干部作风转变，提高办事效率。", ["作风建设"]),
        ("转变工作方式，提高办事效率。", []),
        # an institution opening its doors to the public is 政务公开; opening a reading room is not
        ("举办检察开放日活动，邀请群众代表走进机关。", ["政务公开"]),
        ("每季度开展一次法院开放日。", ["政务公开"]),
        ("开放图书室供职工借阅。", ["学习型机关"]),
        # a service hall's one counter for all, its fast lane and fewer trips are window service
        ("政务服务中心实行一窗受理、集成服务。", ["窗口服务"]),
        ("推行网上办理，让群众少跑腿。", ["窗口服务"]),
        ("畅通群众诉求渠道，及时回应关切。", []),
        # folk performances are 文体活动; acting out a story in a lesson is not
        ("组织秧歌队、腰鼓队进社区演出。", ["文体活动"]),
        ("邀请剧团送戏曲进乡村。", ["文体活动"]),
        ("组织学生诵读、表演诚信故事。", ["诚信建设"]),
        # people in need named by their welfare status, school or work outdoors
        ("定期走访五保户、低保户，免费检修线路。", ["关爱帮扶"]),
        ("到特殊教育学校为孩子们送去学习用品。", ["关爱帮扶"]),
        ("设立驿站，为户外劳动者提供饮水、休息服务。", ["关爱帮扶"]),
        ("设立驿站，为过往行人提供饮水、休息服务。", []),
    ],
)
def test_activities_told_in_other_words(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # work for primary and middle-school pupils, told by who they are or by what only they do
        ("组织少先队员开展红领巾寻访活动。", ["未成年人思想道德建设"]),
        ("开展新时代好少年评选，各校每学期评选一次。", ["未成年人思想道德建设"]),
        ("各班每月上一次主题队课。", ["未成年人思想道德建设"]),
        ("每学期开办两期家长学校。", ["未成年人思想道德建设"]),
        # 青少年 is youth at large, and university students are adults
        ("组建青少年志愿服务队。", ["学雷锋志愿服务"]),
        ("组织大学生开展暑期社会实践。", []),
    ],
)
def test_work_for_minors_is_told_by_its_audience(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the 表彰 of a selection the item itself names is that selection's, in any clause
        ("评选最美教师20名，教师节举行表彰大会。", ["身边好人"]),
        ("每年评选文明科室2个，年终给予表彰奖励。", ["文明科室评选"]),
        # a 考核 beside it is still a check, and the 表彰 of work that is no selection is 考核奖惩
        ("对创建工作进行年终考核，评选最美职工并给予表彰。", ["身边好人", "考核奖惩"]),
        ("对志愿服务先进个人给予表彰。", ["学雷锋志愿服务", "考核奖惩"]),
    ],
)
def test_the_award_of_the_items_own_selection_belongs_to_it(text, expected):
    assert tags(text) == expected


def test_the_board_a_selection_posts_its_result_on_is_part_of_it():
    assert tags("开展身边好人推荐，结果在村务公开栏公示。") == ["身边好人"]
    assert tags("在村务公开栏按月公开财务收支。") == ["政务公开"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a sentence introducing the aims it states is a statement, wherever it opens
        ("全年工作的总体要求是：以培育和践行社会主义核心价值观为主线，推动文明创建。", []),
        ("今年的指导思想是：坚持以核心价值观为引领，凝聚人心。", []),
        ("对照工作目标为各科室打分，结果纳入考核。", ["考核奖惩"]),
    ],
)
def test_a_sentence_introducing_its_aims_states_them(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # principles, ideals to foster, hoped-for effects, what an ideal is, a theme: no types even in a
        # campaign plan and without an aims heading above them
        ("坚持自愿参与、量力而行的原则，不搞形式主义。", []),
        ("本着就近就便、小型多样的原则。", []),
        ("进一步弘扬互助精神，培育邻里新风。", []),
        ("大力营造崇德向善的浓厚氛围。", []),
        ("使广大青年在服务中受教育、长才干。", []),
        ("让互助精神在社区蔚然成风。", []),
        ("互助精神是中华传统美德的生动体现。", []),
        ("以“邻里守望”为主题，以志愿服务为载体。", []),
        # the same openings followed by work to do are activities
        ("本着就近就便的原则，组织志愿者到社区开展服务。", ["学雷锋志愿服务"]),
        ("大力弘扬志愿精神，组织开展志愿服务活动。", ["学雷锋志愿服务"]),
        ("营造浓厚氛围。在食堂入口张贴光盘提示牌。", ["学雷锋志愿服务", "文明餐桌", "公益广告"]),
        ("让志愿者每周上门陪伴独居老人一次。", ["学雷锋志愿服务", "关爱帮扶"]),
        ("以“学雷锋”为主题，组织青年志愿者到敬老院开展慰问活动。", ["学雷锋志愿服务", "关爱帮扶"]),
    ],
)
def test_aims_and_principles_told_alone_are_statements(text, expected):
    assert tags(text, plan="某社区2024年学雷锋志愿服务活动方案", headings=["二、活动内容"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # urging the work on and reporting on it are no activity of the campaign
        ("各单位要高度重视，精心组织，确保活动取得实效。", []),
        ("各单位于3月20日前将活动总结报社区党委。", []),
        # a unit that does the work is
        ("各网格组织志愿者走访独居老人。", ["学雷锋志愿服务", "关爱帮扶"]),
        ("各村组织党员清扫街道，总结经验。", ["学雷锋志愿服务", "爱国卫生"]),
    ],
)
def test_urging_and_reporting_do_not_take_the_plans_kind(text, expected):
    assert tags(text, plan="某社区2024年学雷锋志愿服务活动方案", headings=["二、活动内容"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a counter for something else, or the window trades as the scope of other work, is no window service
        ("在打饭窗口张贴光盘行动提示牌。", ["文明餐桌", "公益广告"]),
        ("在窗口行业开展诚信经营创评。", ["诚信建设"]),
        ("窗口单位推行首问负责制。", ["窗口服务"]),
        ("规范服务窗口，推行一次性告知。", ["窗口服务"]),
    ],
)
def test_a_window_that_is_no_service(text, expected):
    assert tags(text) == expected


def test_an_events_requirements_urge_it_on_and_its_wrap_up_is_no_activity():
    plan = "某社区学雷锋志愿服务活动方案"
    assert tags("各小组要高度重视，把学雷锋活动当成一件大事办好。", plan=plan, headings=["五、活动要求"]) == []
    assert tags("要及时宣传活动中的好人好事。", plan=plan, headings=["五、活动要求"]) == []
    assert tags("要组织开展一次志愿服务总结交流。", plan=plan, headings=["五、活动要求"]) == ["学雷锋志愿服务"]
    assert tags("要落实工作责任制，专人负责。", plan=plan, headings=["五、活动要求"]) == ["组织领导"]
    assert tags("活动结束后，及时总结经验，形成材料报社区。", plan=plan, headings=["六、活动总结"]) == []


def test_a_guiding_clause_inside_an_item_names_its_guide_not_its_activity():
    assert tags("2、办好道德讲堂。以社会主义核心价值观为引领，每季度举办一期道德讲堂。") == ["道德讲堂"]


def test_safe_travel_is_traffic_not_a_safe_unit():
    assert tags("开展“文明交通、平安出行”进校园宣传活动。") == ["文明出行"]


def test_a_list_of_virtues_names_ideals_not_activities():
    assert tags("倡导互帮互助、勤俭节约、诚信友善的社会风尚，组织开展道德实践活动。") == []
    assert tags("组织职工开展勤俭节约、诚信经营主题实践活动。") == ["诚信建设", "勤俭节约"]


def test_an_events_own_banners_are_its_publicity_not_a_standing_channel():
    assert tags("在活动现场悬挂横幅、摆放展板，营造活动氛围。", plan="某社区关爱留守儿童活动方案") == ["关爱帮扶"]
    assert tags("利用单位宣传栏和电子屏宣传文明餐桌知识。") == ["文明餐桌", "宣传阵地"]


def test_a_heading_naming_minors_as_the_audience_passes_them_to_every_activity_under_it():
    long_item = "组织开展主题教育，利用节假日开展才艺展示等活动，每学期不少于两次，做到人人参与。"
    assert tags(long_item, headings=["四、抓好未成年人思想道德建设工作"]) == ["未成年人思想道德建设", "文体活动"]
    assert tags(long_item, headings=["四、抓好未成年人思想道德建设工作", "（一）丰富课余生活"]) == ["未成年人思想道德建设", "文体活动"]
    # the same item under another heading, an organisational step, and an aim get no audience
    assert tags(long_item, headings=["三、丰富群众文化生活"]) == ["文体活动"]
    organisational = "成立由校长任组长的工作领导小组，德育处具体负责，各班主任为第一责任人，定期研究部署。"
    assert tags(organisational, headings=["四、抓好未成年人思想道德建设工作"]) == ["组织领导"]
    assert tags("以加强未成年人思想道德建设为目标，促进全面发展。", headings=["一、指导思想"]) == []


def test_an_item_of_a_plan_for_minors_is_work_for_minors():
    plan = "某校未成年人思想道德建设工作方案"
    assert tags("每学期召开两次家长会，交流育人经验。", plan=plan, headings=["二、工作内容"]) == ["未成年人思想道德建设"]
    assert tags("每学期召开两次家长会，交流育人经验。", plan="某村年度工作计划", headings=["二、工作内容"]) == []


@pytest.mark.parametrize(
    "text, plan, headings, expected",
    [
        # an item handed to the tag command in traditional characters reads as its simplified twin
        ("組織志願者到敬老院開展慰問活動。", "", [], ["学雷锋志愿服务", "关爱帮扶"]),
        ("開展“文明上網”主題班會。", "", [], ["网络文明"]),
        # its plan title and headings too: a traditional 學雷鋒 plan still gives its kind
        ("組織學生清掃街道。", "某校學雷鋒活動月方案", ["三、活動內容"], ["学雷锋志愿服务", "爱国卫生"]),
        # a traditional aims heading is still an aims heading
        ("弘揚雷鋒精神，培養奉獻意識。", "", ["一、活動目的"], []),
        # a pinyin reading inside a keyword does not split it; a bracket that reads nothing stays
        ("组建青年志(zhì)愿服务队。", "", [], ["学雷锋志愿服务"]),
        ("开展文明礼(lǐ)仪培训。", "", [], ["文明礼仪"]),
        ("开展文明礼(2)仪宣传。", "", [], []),
    ],
)
def test_items_read_as_the_cleaner_leaves_a_page(text, plan, headings, expected):
    assert tags(text, plan=plan, headings=headings) == expected


def test_a_plan_title_in_a_converters_words_still_gives_its_kind():
    assert tags("组织学生观看专题片并交流心得。", plan="某校网路文明月活动方案", headings=["三、活动内容"]) == ["网络文明"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the steps of a 道德讲堂 session in their "一个…" wording name the session without its name
        ("诵一段经典：全体齐诵古代典籍选段。", ["道德讲堂"]),
        ("做一番点评：主持人对故事逐一点评。", ["道德讲堂"]),
        ("送一份吉祥：为每位参加者赠送吉祥卡片。", ["道德讲堂"]),
        # reading or rewatching classics outside a session is not one
        ("组织学生阅读经典名著。", ["学习型机关"]),
        ("重温一段经典红色影片。", ["爱国主义教育"]),
    ],
)
def test_a_moral_lecture_by_its_steps(text, expected):
    assert tags(text) == expected


def test_a_saving_told_of_meals_is_the_meal_campaign(taxonomy):
    assert "文明餐桌" in next(t for t in taxonomy.types if t.name == "勤俭节约").yields_to  # rules/taxonomy.yml
    assert tags("倡导文明用餐、节俭惜物，吃多少点多少。") == ["文明餐桌"]
    assert tags("在职工食堂推行光盘行动杜绝浪费。") == ["文明餐桌"]
    # in a clause of its own, saving water and power is 勤俭节约
    assert tags("在职工食堂推行光盘行动，办公区节约用电用水。") == ["文明餐桌", "勤俭节约"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("除夕夜为留守老人送去热饺子。", ["关爱帮扶", "我们的节日"]),
        ("新春佳节前组织书法家写春联送万家。", ["文体活动", "我们的节日"]),
        ("端阳节前夕组织职工包粽子比赛。", ["我们的节日"]),
        ("重九之日陪伴社区老人登山赏秋。", ["关爱帮扶", "文体活动", "我们的节日"]),
        ("正月十五晚在广场举办游园会。", ["我们的节日"]),
        ("老年节当天在社区举办一场戏曲专场。", ["文体活动", "我们的节日"]),
        ("清明节前夕组织学生诵读缅怀先贤的诗文。", ["我们的节日"]),
        # a festival told by its customs alone
        ("组织孩子们动手缝制香囊、编五彩绳。", ["我们的节日"]),
        ("带领学生到郊外踏青，感受春天气息。", ["我们的节日"]),
        ("组织社区居民一起包饺子、贴窗花。", ["我们的节日"]),
        ("在社区广场举办庙会，设置传统小吃摊位。", ["我们的节日"]),
        # not traditional festivals
        ("元旦前后组织职工迎新联欢会。", ["文体活动"]),
        ("国庆期间在单位门口悬挂国旗。", []),
    ],
)
def test_a_traditional_festival_by_its_other_names(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # law taught, by the phrase plans use for it; keeping the law is a requirement, not a lesson
        ("举办一次交通安全法律法规知识竞赛。", ["普法教育", "文明出行"]),
        ("邀请律师为职工开展法律法规宣讲。", ["普法教育"]),
        ("全体职工严格遵守法律法规，无违法违纪行为。", []),
        # the fallen honoured at their memorials
        ("组织团员到英雄纪念碑前敬献花篮。", ["爱国主义教育"]),
        ("开展网上缅怀英烈留言活动。", ["爱国主义教育"]),
    ],
)
def test_law_lessons_and_memorials_told_in_other_words(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # activities told without the type's name
        ("慰问敬老院老人，陪他们聊天、读报。", ["关爱帮扶"]),
        ("在全社区推广使用文明用语。", ["文明礼仪"]),
        ("加强乡村学校少年宫建设，丰富学生课余生活。", ["未成年人思想道德建设"]),
        ("在校门口设立劝导岗，引导学生礼让行人、不闯红灯。", ["文明出行"]),
        ("组织党员干部清扫小区楼道，清理垃圾死角。", ["爱国卫生"]),
        ("评选“星级文明户”，张榜公布。", ["文明家庭"]),
        ("开展争做中国好网民活动。", ["网络文明"]),
        ("学校设立交通安全监督岗，每天放学时值守。", ["文明出行"]),
        ("评选文明庭院，评出后挂牌。", ["文明家庭"]),
        ("联合有关部门整治校园周边网吧。", ["网络文明"]),
        ("组织党员清理河道白色垃圾。", ["爱国卫生"]),
        ("在广场设置一批宣传广告牌。", ["公益广告"]),
        ("创建省级水生态文明城市。", []),  # another title, not 文明城市
        # a festival told by its customs
        ("组织居民包粽子、划龙舟。", ["我们的节日"]),
        ("在广场悬挂花灯，举办猜灯谜。", ["我们的节日"]),
        ("组织团员到烈士陵园敬献花篮。", ["爱国主义教育"]),
        ("开展反诈骗知识宣传，发放防电信诈骗手册。", ["平安单位"]),
        ("高温期间为户外工作者送清凉。", ["关爱帮扶"]),
        ("组织广播体操比赛。", ["文体活动"]),  # not 宣传阵地's 广播
        # a unit's convenience service and measures are 窗口服务; 便民 naming something else is not
        ("各窗口推行预约办理等便民服务。", ["窗口服务"]),
        ("落实便民利民措施，方便群众办事。", ["窗口服务"]),
        ("在小区周边新建一处便民市场。", []),
        ("打造十五分钟便民生活圈。", []),
        # words in passing, not activities
        ("在宣传窗口张贴创建标语。", ["宣传阵地"]),
        ("邀请爱心人士参加座谈。", []),
        ("倡导关爱他人、关爱自然的风气。", []),
    ],
)
def test_synonyms_and_passing_words(text, expected):
    assert tags(text) == expected


# --- (3) the taxonomy file itself ------------------------------------------------------------


def test_every_required_type_is_present_and_reached_by_its_words(taxonomy):
    names = [t.name for t in taxonomy.types]
    for name, words in REQUIRED.items():
        assert name in names
        for word in words:
            assert name in tag_item("", [], f"开展{word}活动", taxonomy), (name, word)


def test_types_have_theme_unique_slash_free_names_and_descriptions(taxonomy):
    assert 8 <= len(taxonomy.themes) <= 11
    names = [t.name for t in taxonomy.types]
    assert len(names) == len(set(names))
    assert not set(names) & {theme.name for theme in taxonomy.themes}
    for activity in taxonomy.types:
        assert activity.theme in {theme.name for theme in taxonomy.themes}
        assert activity.keywords and activity.description
        assert not any(char in activity.name for char in "/／ 、")


def test_no_keyword_is_shared_by_two_types_unless_intended(taxonomy):
    owners: dict[str, set[str]] = {}
    for activity in taxonomy.types:
        for keyword in activity.keywords:
            owners.setdefault(keyword, set()).add(activity.name)
    shared = {keyword: names for keyword, names in owners.items() if len(names) > 1}
    assert shared == SHARED_KEYWORDS


def test_every_exclusion_covers_a_keyword_of_its_own_type(taxonomy):
    for activity in taxonomy.types:
        for phrase in activity.exclude:
            assert phrase not in activity.keywords
            assert any(keyword in phrase for keyword in activity.keywords), (activity.name, phrase)


def test_rule_lists_name_real_types(taxonomy):
    names = {t.name for t in taxonomy.types}
    assert set(taxonomy.lead_only_types) <= names
    assert set(taxonomy.cues.plan_kind_types) <= names
    keywords = {keyword for t in taxonomy.types for keyword in t.keywords}
    assert set(taxonomy.cues.procedure_words) <= keywords
    assert set(taxonomy.cues.acted_only_types) <= names
    assert taxonomy.measures_headings and taxonomy.passing_clause_markers and taxonomy.cues.not_item


def test_a_keyword_a_maintainer_adds_has_the_effect_they_expect(taxonomy):
    """A new keyword tags activities at once, and like every keyword it counts in a statement only
    after an action verb."""
    # copies of the types with their own keyword lists, so the shared taxonomy stays as it is
    themes = [dataclasses.replace(theme, types=[dataclasses.replace(t, keywords=list(t.keywords)) for t in theme.types]) for theme in taxonomy.themes]
    grown = dataclasses.replace(taxonomy, themes=themes, contexts={})
    next(t for t in grown.types if t.name == "环境美化").keywords.append("护绿小分队")
    # a keyword written in a converter's words matches either way, as the texts are read in mainland words
    next(t for t in grown.types if t.name == "网络文明").keywords.append("网路公约")
    text = "组建护绿小分队，每月认养一片绿地。"
    assert tag_item("", [], text, taxonomy) == []
    assert tag_item("", [], text, grown) == ["环境美化"]
    assert tag_item("", ["一、指导思想"], "以护绿小分队为抓手，提升环境意识。", grown) == []
    assert tag_item("", ["一、指导思想"], "广泛开展护绿小分队活动。", grown) == ["环境美化"]
    assert tag_item("", [], "组织签订网络公约。", taxonomy) == []
    assert tag_item("", [], "组织签订网络公约。", grown) == ["网络文明"]
    assert tag_item("", [], "组织签订网路公约。", grown) == ["网络文明"]


def test_an_item_of_a_womens_post_plan_is_that_campaign():
    """巾帼文明岗 is a campaign a whole plan is about (rules/tagging.yml plan_kind_types): its items are its work."""
    plan = "某局2025年巾帼文明岗创建活动方案"
    assert tags("组织女职工开展插花、摄影等兴趣活动。", plan=plan, headings=["三、创建措施"]) == ["文体活动", "巾帼文明岗"]
    assert tags("成立创建工作领导小组，负责统筹协调。", plan=plan, headings=["三、创建措施"]) == ["组织领导"]


def test_a_youth_post_is_a_civilised_post():
    assert tags("营业部团支部争创青年文明号，规范岗位服务。") == ["文明科室评选"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the green lane a counter opens for the elderly is the counter's service (关爱帮扶 yields_to 窗口服务)
        ("大厅推行预约办理，为老年人、残疾人开辟绿色通道。", ["窗口服务"]),
        ("营业厅设立老年人专用窗口和爱心座椅。", ["窗口服务"]),
        # in a clause of its own the visit is still care
        ("推行限时办结制度，重阳节前走访慰问孤寡老人。", ["窗口服务", "关爱帮扶", "我们的节日"]),
        # tending martyrs' graves is patriotic education, not funeral reform (移风易俗 yields_to 爱国主义教育)
        ("组织团员前往烈士陵园开展祭扫活动。", ["爱国主义教育"]),
        ("倡导鲜花祭扫、网上祭奠，减少焚烧纸钱。", ["移风易俗"]),
    ],
)
def test_a_word_of_care_or_of_rites_yields_to_the_activity_of_its_clause(text, expected):
    assert tags(text) == expected
