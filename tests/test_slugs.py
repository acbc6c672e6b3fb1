"""Slugs: readable pinyin, stable, and safe as one path segment anywhere."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.publish.slugs import SlugBook, slugify

SAFE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        # polyphones read by pypinyin's phrase dictionary: chong not zhong, hang not xing, dan not shan
        ("重庆", "chong-qing"),
        ("中国银行重庆分行", "zhong-guo-yin-hang-chong-qing-fen-hang"),
        ("文明单位", "wen-ming-dan-wei"),
        # traditional characters give the same slug as simplified ones
        ("財政局文明創建工作方案", "cai-zheng-ju-wen-ming-chuang-jian-gong-zuo-fang-an"),
        ("重慶市銀行", "chong-qing-shi-yin-hang"),
        # ASCII letters and digits are kept, everything else is one hyphen
        ("民政精神文明建设工作计划(1)", "min-zheng-jing-shen-wen-ming-jian-she-gong-zuo-ji-hua-1"),
        ("2019—2020年度XX局创建方案", "2019-2020-nian-du-xx-ju-chuang-jian-fang-an"),
        ("ＡＢＣ１２３ 学雷锋", "abc123-xue-lei-feng"),  # full-width letters and digits
        ("Café 绿色", "cafe-lv-se"),
        ("方案①", "fang-an-1"),  # compatibility characters fold to ASCII
    ],
)
def test_readable_pinyin(title, slug):
    assert slugify(title) == slug


@pytest.mark.parametrize("title", ["", "   ", "……", "（）【】", "---", "..", "※★"])
def test_never_empty(title):
    assert slugify(title) == "plan"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("../etc/passwd", "etc-passwd"),
        ("..\\windows\\system32", "windows-system32"),
        (".hidden", "hidden"),
        ("-开头", "kai-tou"),
        ("CON", "con-plan"),
        ("nul", "nul-plan"),
        ("Com1", "com1-plan"),
        ("LPT9", "lpt9-plan"),
        ("index", "index-plan"),
        ("con 方案", "con-fang-an"),  # only the whole name is reserved
    ],
)
def test_safe_path_segment(title, slug):
    assert slugify(title) == slug


def test_trimmed_at_a_hyphen():
    title = "湖南省财政厅创建全国文明单位工作方案（2019-2020年）"
    assert slugify(title) == "hu-nan-sheng-cai-zheng-ting-chuang-jian-quan-guo-wen-ming"
    assert slugify(title, max_len=20) == "hu-nan-sheng-cai"
    assert slugify("a" * 100) == "a" * 60  # one long token is cut hard


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.integers(min_value=1, max_value=80))
def test_any_text_gives_a_safe_slug(text, max_len):
    slug = slugify(text, max_len=max_len)
    assert SAFE.fullmatch(slug)
    assert len(slug) <= max(max_len, len("plan")) or slug.endswith("-plan")


def test_a_taken_slug_gets_the_first_free_number():
    book = SlugBook({"wen-ming", "wen-ming-2", "wen-ming-3"})
    assert book.claim("wen-ming") == "wen-ming-4"
    assert book.claim("li-lei") == "li-lei"
    assert book.claim("li-lei") == "li-lei-2"
    assert book.claim("wen-ming") == "wen-ming-5"


def first_free(base: str, taken: set[str]) -> str:
    """The rule, stated the slow way: base, else the first of base-2, base-3 … not taken."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def test_five_thousand_equal_titles_follow_the_rule_around_earlier_slugs():
    earlier = {"wen-ming", "wen-ming-3", "wen-ming-7", "wen-ming-4000", "wen-ming-2-2"}
    book = SlugBook(earlier)
    claimed = [book.claim("wen-ming") for _ in range(5000)]
    assert claimed == [f"wen-ming-{n}" for n in range(2, 5005) if f"wen-ming-{n}" not in earlier]
    taken = earlier | set(claimed)
    for base in ["wen-ming-2", "wen-ming-5001", "wen-ming", "li-lei"]:  # slugs that look numbered are bases too
        expected = first_free(base, taken)
        assert book.claim(base) == expected
        taken.add(expected)
    assert sorted(taken - earlier - set(claimed)) == ["li-lei", "wen-ming-2-3", "wen-ming-5001-2", "wen-ming-5005"]
