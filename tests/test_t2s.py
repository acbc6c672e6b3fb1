"""to_simplified: traditional pages become simplified; simplified text passes through untouched."""
import re
from pathlib import Path

import opencc
import pytest

from scripts.clean.t2s import to_simplified

RAW = Path(__file__).resolve().parent.parent / "raw"


def seed_text(prefix: str) -> str:
    return next(RAW.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", ["001", "002", "003", "004"])
def test_simplified_seeds_are_byte_identical(prefix):
    text = seed_text(prefix)
    assert to_simplified(text) == (text, False)


def test_traditional_seed_becomes_fully_simplified():
    result, looked_traditional = to_simplified(seed_text("000"))
    assert looked_traditional
    assert opencc.OpenCC("t2s").convert(result) == result
    traditional_only = {c for c in set(result) if re.match("[\u4e00-\u9fff]", c) and opencc.OpenCC("t2s").convert(c) != c}
    assert traditional_only == set()
    assert result.startswith("财政局文明创建工作方案\n时间:2022-01-16 04:09:04\n导语:")
    assert "著力" not in result and result.count("着力") == 5
    assert "财政干部队伍" in result  # 干部 left by the site's converter stays 干部
    assert "综合素质的显著提高" in result  # 显著 keeps 著


@pytest.mark.parametrize(
    "traditional, simplified",
    [
        ("財政局幹部隊伍建設", "财政局干部队伍建设"),
        ("隨著經濟社會發展，意味著新的要求", "随着经济社会发展，意味着新的要求"),
        ("著力推動、著手準備、著重抓好、著眼長遠", "着力推动、着手准备、着重抓好、着眼长远"),
        ("接著沿著河堤，穿著志願者馬甲巡查", "接着沿着河堤，穿着志愿者马甲巡查"),
        ("圍繞著中心工作，肩負著光榮使命", "围绕着中心工作，肩负着光荣使命"),
        ("成效顯著，著名學者的學術著作與論著", "成效显著，著名学者的学术著作与论著"),
        ("名著、專著、編著、卓著、昭著、著述、著稱於世", "名著、专著、编著、卓著、昭著、著述、著称于世"),
        ("隨著名師學習書法", "随着名师学习书法"),  # 随著 wins over the overlapping 著名
        ("志願者日夜守著大堤", "志愿者日夜守着大堤"),  # 著 after an unlisted verb is the particle
    ],
)
def test_traditional_phrases(traditional, simplified):
    assert to_simplified(traditional) == (simplified, True)


def test_zhu_in_simplified_text_is_left_alone():
    text = "成效显著，著力不够的单位要著重整改。"  # odd but simplified: not ours to change
    assert to_simplified(text) == (text, False)


def test_simplified_chrome_around_traditional_body():
    text = "登录 注册 退出\n首页 > 范文\n為進一步深化財政系統的文明建設，緊密圍繞財政中心工作，著力推動發展。"
    result, looked_traditional = to_simplified(text)
    assert looked_traditional
    assert result == "登录 注册 退出\n首页 > 范文\n为进一步深化财政系统的文明建设，紧密围绕财政中心工作，着力推动发展。"


def test_variant_code_points_become_ordinary_ideographs():
    kangxi = "\u2f00\u2f06\u2f42\u2f46"  # ⼀⼆⽂⽆ (Kangxi radicals)
    compatibility = "\uf9b0\uf9ea"  # 聆 and 離 as CJK compatibility ideographs
    result, _ = to_simplified(f"{kangxi}明单位，{compatibility}")
    assert result == "一二文无明单位，聆离"


def test_other_compatibility_forms_are_kept():
    text = "①加强领导；②ＡＢＣ全角字母；１２３；㈠；™"
    assert to_simplified(text) == (text, False)


def test_no_chinese_at_all():
    assert to_simplified("Plan 2019-2020\n") == ("Plan 2019-2020\n", False)


def test_variant_characters_opencc_keeps_are_simplified():
    assert to_simplified("保衞家園，衹爭朝夕")[0] == "保卫家园，只争朝夕"


def test_script_classes_agree_with_converting_each_character_alone():
    """The vote's two character classes, built from one conversion of the whole range, are exactly
    the characters each converter changes when given them one by one."""
    from scripts.clean.t2s import _opencc, _script_classes

    traditional, simplified = _script_classes()
    t2s, s2t = _opencc("t2s"), _opencc("s2t")
    for code in range(0x3400, 0xA000, 7):  # every 7th character: a fifth of a second
        char = chr(code)
        changed_by_t2s = t2s.convert(char) != char
        assert bool(traditional.fullmatch(char)) == changed_by_t2s, char
        assert bool(simplified.fullmatch(char)) == (not changed_by_t2s and s2t.convert(char) != char), char
    assert traditional.fullmatch("國") and simplified.fullmatch("国") and not traditional.fullmatch("中")
