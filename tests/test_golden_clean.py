"""Golden tests of the clean stage on the user's seed files: exact output, exact removals, nothing lost.

The expected texts in tests/golden/ were read line by line against the raw seeds: only site chrome is
gone, traditional characters are simplified, ASCII punctuation between Chinese is full width, and
二Ο一Ο is 二〇一〇.
"""
from __future__ import annotations

import re

import opencc
import pytest

from conftest import ROOT, seed
from scripts import clean
from scripts.clean import t2s

GOLDEN = ROOT / "tests" / "golden"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_clean_output_is_exactly_the_golden_text(prefix):
    assert clean.clean_file(seed(prefix)).text == (GOLDEN / f"{prefix}.clean.txt").read_text(encoding="utf-8")


def test_000_removals_and_metadata():
    result = clean.clean_file(seed("000"))
    assert [(r.rule, r.text) for r in result.removed] == [
        ("chrome.publish.timestamp_line", "时间:2022-01-16 04:09:04"),
        ("chrome.disclaimer.site_intro", "导语:财政局文明创建工作方案一文来源于网友上传,不代表本站观点,若需要原创文章可咨询客服老师,欢迎参考。"),
    ]
    assert result.meta.publish_date == "2022-01-16"
    assert result.was_traditional
    assert [(f.kind, f.detail) for f in result.flags] == [("mojibake", "经?;幕颙?")]


def test_001_removals_and_metadata():
    result = clean.clean_file(seed("001"))
    assert [r.rule for r in result.removed] == [
        "chrome.nav.login_bar",
        "chrome.publish.column_line",
        "chrome.publish.date_line",
        "chrome.publish.editor_line",
        "chrome.qr_image.image_url",
        "chrome.qr_image.qr_original",
        "chrome.qr_image.image_credit",
        "chrome.qr_image.qr_contact",
    ]
    assert (result.meta.publish_date, result.meta.source, result.meta.column) == (
        "2010-06-28",
        "宜昌市机关事务服务中心",
        "宜昌市机关事务服务中心-部门新闻",
    )
    assert not result.was_traditional
    assert result.flags == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_traditional_character_is_left(prefix):
    text = clean.clean_file(seed(prefix)).text
    assert opencc.OpenCC("t2s").convert(text) == text


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_chinese_character_outside_removed_chrome_is_kept_in_order(prefix):
    """Nothing lost: the CJK characters of the raw text, minus those of removed spans, survive in order."""
    result = clean.clean_file(seed(prefix))
    raw, _ = t2s.to_simplified(seed(prefix).read_text(encoding="utf-8"))
    for span in result.removed:
        raw = raw.replace(span.text, "", 1)
    assert CJK.findall(result.text) == CJK.findall(raw)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_cleaning_is_idempotent_on_the_seeds(prefix):
    once = clean.clean_file(seed(prefix))
    twice = clean.clean_text(once.text)
    assert twice.text == once.text
    assert twice.removed == []
