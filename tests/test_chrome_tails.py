"""Chrome of sites never seen, fresh pass: the tail block of a repost (source and editor lines, prompts to
like or follow, readers' comments, a list of headlines), ornaments and section numbers of social pages,
advertisements, reading lists in a row with or without a header, notes of the site (whose text it is, that
only part is shown, an internal watermark, download links).

Each category has members worded differently and a near-miss of plan text in the same shape that stays.
Every page here is invented in the shapes such sites print.
"""
import pytest

from conftest import page_lines, removed, rules_of
from scripts.clean import clean_text
from scripts.clean.chrome import strip_chrome

TITLE = "镇文化站2024年文明单位创建工作方案"
BODY = [
    "为深入推进精神文明建设，巩固文明单位创建成果，结合本站实际，制定本方案。",
    "一、工作目标",
    "以社会主义核心价值观为引领，广泛开展志愿服务活动，组织群众参加文明实践，落实创建责任。",
    "二、主要措施",
    "各岗位要加强组织领导，明确责任分工，把创建工作与业务工作同部署、同检查、同落实。",
]


def cleaned(head=(), tail=(), body=BODY):
    return strip_chrome(page_lines(TITLE, body, head, tail))


def assert_idempotent(result):
    assert strip_chrome(result.text).text == result.text


# --- the tail block of a repost -----------------------------------------------------------------

REPOST_TAILS = [
    [
        "来源：某某县融媒体中心",
        "编辑：李某  审核：赵某",
        "觉得有用，就点个赞再走",
        "全部留言（2）",
        "网友清风：我们小区也在开展垃圾分类，点赞",
        "用户k2019：支持文明创建，希望多组织志愿服务活动！",
        "相关推荐",
        "某某县举办文明家庭表彰大会",
        "某某街道开展“垃圾分类进万家”宣传活动",
    ],
    [
        "文字：周某 图片：吴某",
        "转发给身边的朋友",
        "写留言",
        "某某镇召开2024年志愿服务工作推进会",
        "微信用户：今年我们村也评上了文明村，大家一起努力！",
    ],
]


@pytest.mark.parametrize("tail", REPOST_TAILS)
def test_a_reposts_tail_block_goes_with_its_headlines_and_comments(tail):
    result = cleaned(tail=tail)
    assert all(line not in result.text for line in tail)
    assert result.text == page_lines(TITLE, BODY)
    assert_idempotent(result)


def test_a_headline_no_rule_names_goes_with_the_tail_block():
    result = cleaned(tail=REPOST_TAILS[1])
    assert ("chrome.related.tail_block", "某某镇召开2024年志愿服务工作推进会") in removed(result)


def test_a_marker_inside_the_plan_starts_no_tail_block():
    body = BODY[:2] + ["来源：县文明委"] + BODY[2:]
    result = cleaned(body=body)
    assert all(line in result.text for line in BODY)


def test_a_numbered_item_below_a_marker_stays():
    tail = ["编辑：某某", "3.每月开展一次卫生大扫除。", "某某社区开展文明劝导活动"]
    result = cleaned(tail=tail)
    assert "3.每月开展一次卫生大扫除。" in result.text
    assert "某某社区开展文明劝导活动" in result.text  # no block below the plan's item: a title is kept
    assert "chrome.related.tail_block" not in rules_of(result)


# --- one-line furniture of social and sharing pages ---------------------------------------------------


@pytest.mark.parametrize(
    "tail, rule",
    [
        (["喜欢本文，请点个在看"], "chrome.related.engagement"),
        (["点击上方蓝字，关注我们吧"], "chrome.qr_image.follow_prompt"),
        (["点赞、在看、转发三连支持一下"], "chrome.related.engagement"),
        (["❖ ❖ ❖"], "chrome.markup.divider_glyphs"),
        (["本资料来自会员分享，仅作交流之用。"], "chrome.disclaimer.shared_by_users"),
        (["文档均来自互联网用户分享"], "chrome.disclaimer.shared_by_users"),
        (["附件下载：创建台账模板.docx"], "chrome.upload.attachment_download"),
        (["【下载附件】测评细则.pdf  任务清单.xlsx"], "chrome.upload.attachment_download"),
        (["站长推荐", "· 村级文明实践站活动方案", "· 志愿服务队年度工作总结"], "chrome.related.recommend_header"),
        (["编辑精选：", "社区文明创建工作汇报", "志愿服务队章程"], "chrome.related.recommend_header"),
    ],
)
def test_furniture_below_the_plan_goes(tail, rule):
    result = cleaned(tail=tail)
    assert rule in rules_of(result)
    assert all(line not in result.text for line in tail)
    assert BODY[-1] in result.text


@pytest.mark.parametrize(
    "head, rule",
    [
        (["某某公文网 gongwen-abc.com"], "chrome.watermark.site_domain_line"),
        (["某某文库 - www.wenku-xyz.net"], "chrome.watermark.site_domain_line"),
        (["本文转自微信公众号“某某发布”"], "chrome.publish.account_source"),
        (["戳上方蓝色字，关注我们"], "chrome.related.engagement"),
    ],
)
def test_furniture_above_the_plan_goes(head, rule):
    result = cleaned(head=head)
    assert rule in rules_of(result)
    assert result.text == page_lines(TITLE, BODY)


@pytest.mark.parametrize(
    "line, rule",
    [
        ("◇◇◇", "chrome.markup.divider_glyphs"),
        ("03", "chrome.markup.section_number"),
        ("PART 02", "chrome.markup.section_number"),
        ("【推广】暑期亲子游特价报名中", "chrome.spam_html.ad_label"),
        ("广告：家电以旧换新补贴限时领取", "chrome.spam_html.ad_label"),
        ("某某集团内部资料 请勿外传", "chrome.watermark.internal_mark"),
        ("严禁外传", "chrome.watermark.internal_mark"),
        ("猜你喜欢：社区志愿服务方案 / 文明家庭评选细则 / 道德讲堂流程", "chrome.related.keyed_row"),
        ("相关阅读：甲单位工作总结  乙单位活动简报  丙单位倡议书", "chrome.related.keyed_row"),
        ("【大家都在看】创文倡议书 志愿者誓词 文明公约", "chrome.related.bracket_keyed_row"),
        ("[热门推荐] 党建工作计划 团日活动方案", "chrome.related.bracket_keyed_row"),
        ("社区文明公约制度  居民议事规则制度  文明家庭评选办法", "chrome.related.title_row"),
        ("甲镇工作计划 | 乙村实施方案 | 丙校活动总结", "chrome.related.title_row"),
    ],
)
def test_furniture_between_the_plans_lines_goes(line, rule):
    body = BODY[:3] + [line] + BODY[3:]
    result = cleaned(body=body)
    assert rule in rules_of(result)
    assert result.text == page_lines(TITLE, BODY)
    assert_idempotent(result)


@pytest.mark.parametrize(
    "line, rule",
    [
        ("（篇幅所限，只显示前2页）", "chrome.page_marker.withheld_notice"),
        ("【以下仅展示部分内容】", "chrome.page_marker.partial_view"),
    ],
)
def test_a_note_that_part_is_shown_goes_and_flags_truncation(line, rule):
    result = cleaned(tail=[line])
    assert rule in rules_of(result)
    assert ("truncation", rule) in {(f.kind, f.detail) for f in result.flags}


@pytest.mark.parametrize(
    "line",
    [
        "通过点赞、转发等方式扩大宣传覆盖面，营造浓厚的创建氛围。",
        "广告宣传：在主要路口设置公益广告牌，宣传文明新风。",
        "推广使用文明用语，倡导礼让斑马线。",
        "推荐：由各支部推荐先进个人2名，报镇文明办审核。",
        "制定《文明公约》、《议事规则》等制度，张榜公布。",
        "展板仅展示部分获奖作品，其余作品在网上公示。",
        "会议材料属内部资料，注意保密。",
        "附件：1.文明单位测评细则",
        "详情请登录县文明网 www.xxwm.gov.cn 查询。",
        "★ 重点任务",
        "各村（社区）资料由村级信息员负责整理归档。",
    ],
)
def test_plan_lines_in_the_same_shapes_stay(line):
    body = BODY[:3] + [line] + BODY[3:]
    result = cleaned(body=body)
    assert line in result.text.splitlines()


def test_two_titles_in_a_row_are_no_link_row():
    line = "社区志愿服务方案  文明家庭评选办法"
    result = cleaned(body=BODY[:3] + [line] + BODY[3:])
    assert line in result.text.splitlines()


def test_a_signature_in_the_tail_block_is_kept_and_flagged():
    tail = ["来源：县文明办", "某某县精神文明建设委员会", "2024年5月6日"]
    result = cleaned(tail=tail)
    assert result.text == page_lines(TITLE, BODY, tail=tail[1:])
    assert {"2024年5月6日", "某某县精神文明建设委员会"} <= {f.excerpt for f in result.flags if f.kind == "uncertain_chrome"}
    assert_idempotent(result)


def test_a_short_sentence_of_the_plan_below_a_marker_is_kept_and_flagged():
    tail = ["上一篇：关于做好春节值班工作的通知", "开展志愿服务，加强宣传。", "写得很好，学习了。", "某某社区开展文明劝导活动"]
    result = cleaned(tail=tail)
    assert result.text == page_lines(TITLE, BODY, tail=tail[1:2])
    assert ("uncertain_chrome", "开展志愿服务，加强宣传。") in {(f.kind, f.excerpt) for f in result.flags}
    assert {"写得很好，学习了。", "某某社区开展文明劝导活动"} <= {text for _, text in removed(result)}
    assert_idempotent(result)


@pytest.mark.parametrize(
    "head",
    [["资料屋（ziliaowu.org）"], ["某某公文网 gongwen-abc.com"], ["某某文库 - www.wenku-xyz.net"]],
)
def test_a_sites_name_and_address_above_the_plan_goes(head):
    assert cleaned(head=head).text == page_lines(TITLE, BODY)


def test_a_sites_stamp_between_the_plans_lines_goes():
    body = BODY[:3] + ["某某范文网 www.fanwen-abc.com"] + BODY[3:]
    result = cleaned(body=body)
    assert "chrome.watermark.site_domain_stamp" in rules_of(result)
    assert result.text == page_lines(TITLE, BODY)


def test_a_list_addressed_to_the_reader_goes_and_a_plans_list_stays():
    line = "大家还在看：社区文明公约方案、志愿者招募计划、道德讲堂活动总结"
    plan = "推荐：优秀党员、文明家庭、身边好人"
    result = cleaned(body=BODY[:3] + [line, plan] + BODY[3:])
    assert "chrome.related.keyed_list" in rules_of(result)
    assert line not in result.text
    assert plan in result.text.splitlines()


def test_a_forums_replies_go_with_the_tail_block():
    tail = ["回复 2楼", "谢谢分享，学到了", "引用 5#", "正好用得上，先存下"]
    result = cleaned(tail=tail)
    assert result.text == page_lines(TITLE, BODY)
    assert_idempotent(result)


@pytest.mark.parametrize("line", ["预览时标签不可点", "向上滑动看下一个", "知道了", "在看 12"])
def test_a_social_readers_widgets_go(line):
    result = cleaned(body=BODY[:3] + [line] + BODY[3:])
    assert "chrome.markup.social_widget" in rules_of(result)
    assert result.text == page_lines(TITLE, BODY)


def test_headlines_below_a_link_to_the_next_page_go_with_the_tail_block():
    tail = ["下一篇：某某中学文明校园创建工作总结", "某某镇开展文明劝导志愿活动", "某某村评选星级文明户"]
    result = cleaned(tail=tail)
    assert result.text == page_lines(TITLE, BODY)


@pytest.mark.parametrize(
    "tail",
    [["赞赏作者", "还没有人赞赏，来做第一个吧"], ["打开某某APP，阅读更多精彩内容"], ["被以下专题收入，发现更多相似内容", "志愿服务"]],
)
def test_a_blog_platforms_widgets_below_the_post_go(tail):
    result = cleaned(tail=tail)
    assert result.text == page_lines(TITLE, BODY)


def test_an_authors_name_and_follow_button_above_the_post_go():
    result = cleaned(head=["晴川小记 + 关注", "共写了1.5万字 获得36个赞"])
    assert result.text == page_lines(TITLE, BODY)


@pytest.mark.parametrize(
    "tail",
    [
        ["▼ 往期精彩 ▼", "某某街道举办邻里节", "某某社区开展垃圾分类宣传"],
        ["一审：张某 二审：李某 三审：王某", "分享出去，让更多人看到"],
        ["校对丨周某 审核丨吴某", "某某村召开村民议事会"],
        ["文章来自网友分享，仅供参考"],
        ["（篇幅较长，已折叠）"],
    ],
)
def test_more_wordings_below_the_post_go(tail):
    assert cleaned(tail=tail).text == page_lines(TITLE, BODY)


def test_a_sites_slogan_above_the_plan_goes_and_a_title_after_a_dash_stays():
    assert cleaned(head=["某某范文网 — 专业的公文写作平台"]).text == page_lines(TITLE, BODY)
    titled = "某某文明网——2024年志愿服务工作方案"
    assert titled in cleaned(head=[titled]).text.splitlines()


def test_a_sentence_said_twice_is_no_excerpt_of_the_next_line():
    # as a first cleaning leaves a page whose second copy was hard-wrapped: the repair stage joined it
    sentence = "各支部要结合本部门实际，组织党员干部深入社区开展志愿服务活动，每季度不少于一次，做好记录并及时报送材料。"
    body = BODY[:3] + [sentence, sentence] + BODY[3:]
    result = cleaned(body=body)
    assert result.text.count(sentence) == 2
    assert "chrome.upload.teaser_copy" not in rules_of(result)


def test_a_sentence_said_twice_stays_twice_when_its_copy_is_still_wrapped():
    # the copy wrapped into more short lines than an excerpt is compared with, one of them opening with a comma:
    # a first cleaning joins only that one, and a second must not then read the first copy as an excerpt
    sentence = "各支部要结合实际组织党员干部深入社区开展志愿服务活动，每季度不少于一次，做好记录，及时报送材料并接受群众监督，推动活动常态化。"
    comma = sentence.rindex("，")
    cuts = sorted({*range(0, comma, 8), comma, *range(comma + 8, len(sentence), 8), len(sentence)})
    wrapped = [sentence[a:b] for a, b in zip(cuts, cuts[1:])]
    assert len(wrapped) == 9 and wrapped[-2].startswith("，")
    first = clean_text("\n".join(["社区2024年志愿服务工作方案", sentence, *wrapped, "开展工作。"]) + "\n")
    assert clean_text(first.text).text == first.text
    assert "".join(first.text.split()).count(sentence) == 2
