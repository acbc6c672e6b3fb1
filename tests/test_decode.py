"""decode_bytes: every encoding the collected files come in decodes back to the exact text."""
import random
import time
from pathlib import Path

import pytest

from scripts.models import Decoded
from scripts.read.decode import DecodeError, decode_bytes

RAW = Path(__file__).resolve().parent.parent / "raw"
SEEDS = sorted(RAW.glob("*.txt"))

SIMPLIFIED_LINE = "一、指导思想\n以“三个代表”重要思想为指导，深入开展学雷锋志愿服务活动。\n"
TRADITIONAL_LINE = "二、創建目標\n鞏固提高我局榮獲“省級最佳文明單位”的各項工作成果。\n"


def seed_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
@pytest.mark.parametrize(
    "codec, expected",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gb18030", "gb18030"),
        ("utf-16", "utf-16-le"),  # Python writes a little-endian BOM
        ("utf-16-le", "utf-16-le"),  # no BOM
        ("utf-16-be", "utf-16-be"),  # no BOM
        ("utf-32", "utf-32-le"),
        ("utf-32-be", "utf-32-be"),  # no BOM
    ],
)
def test_seed_round_trips(path, codec, expected):
    text = seed_text(path)
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding == expected


def test_traditional_seed_in_big5():
    text = seed_text(SEEDS[0])
    assert decode_bytes(text.encode("big5")) == Decoded(text, "big5")


@pytest.mark.parametrize(
    "word", ["方案", "工作", "文明", "创建", "计划", "志愿", "道德", "讲堂", "干部", "通知", "附件", "财政", "雷锋"]
)
def test_two_chars_gbk_and_utf8(word):
    assert decode_bytes(word.encode("gbk")) == Decoded(word, "gb18030")
    assert decode_bytes(word.encode("utf-8")) == Decoded(word, "utf-8")


@pytest.mark.parametrize("word", ["創建", "單位", "計劃", "志願", "講堂", "機關", "財政", "雷鋒"])
def test_two_chars_big5(word):
    assert decode_bytes(word.encode("big5")) == Decoded(word, "big5")


@pytest.mark.parametrize("word", ["學雷鋒活動", "文明單位創建", "道德講堂活動", "精神文明建設"])
@pytest.mark.parametrize("codec, expected", [("big5", "big5"), ("gbk", "gb18030"), ("utf-8", "utf-8")])
def test_five_chars_traditional(word, codec, expected):
    assert decode_bytes(word.encode(codec)) == Decoded(word, expected)


@pytest.mark.parametrize("word", ["精神文明建设", "文明单位创建", "工作实施方案", "志愿服务活动"])
def test_five_chars_simplified(word):
    assert decode_bytes(word.encode("gb2312")) == Decoded(word, "gb18030")
    assert decode_bytes(word.encode("utf-8")) == Decoded(word, "utf-8")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_short_lines(codec):
    for text in (SIMPLIFIED_LINE, TRADITIONAL_LINE):
        assert decode_bytes(text.encode(codec)) == Decoded(text, codec)


def test_bomless_utf16_pure_ascii():
    assert decode_bytes("Plan 2019-2020\n".encode("utf-16-le")).text == "Plan 2019-2020\n"


def test_utf8_with_pinyin_and_symbols_is_utf8():
    text = "運(yùn)動 ①②③ 2019—2020年 × ≤ ·"
    assert decode_bytes(text.encode("utf-8")) == Decoded(text, "utf-8")


def test_line_ends_and_nuls_are_normalised():
    raw = "第一行\r\n第二行\r第三行\x00结束\n".encode("gbk")
    assert decode_bytes(raw).text == "第一行\n第二行\n第三行结束\n"
    assert decode_bytes("甲\r\n乙\r\n".encode("utf-16")).text == "甲\n乙\n"


def test_empty_file():
    assert decode_bytes(b"").text == ""


def test_few_invalid_bytes_in_gbk_are_replaced_and_reported():
    body = seed_text(SEEDS[1]).encode("gb18030")
    damaged = body[:1000] + b"\xff" + body[1000:]
    decoded = decode_bytes(damaged)
    assert decoded.encoding == "gb18030+replace"
    assert decoded.text.count("\ufffd") == 1
    assert decoded.text.replace("\ufffd", "") == seed_text(SEEDS[1])


def test_truncated_utf8_is_replaced_and_reported():
    body = seed_text(SEEDS[2]).encode("utf-8")
    decoded = decode_bytes(body[:-2] + body[-1:] + "，结束".encode("utf-8"))
    assert decoded.encoding == "utf-8+replace"
    assert decoded.text.endswith("，结束")


def test_heavy_damage_is_an_error():
    body = "市财政局文明创建工作方案".encode("gbk")
    damaged = b"".join(body[i : i + 2] + b"\xff\x80" for i in range(0, len(body), 2))
    with pytest.raises(DecodeError, match="不是文本文件|无法解码"):
        decode_bytes(damaged)


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "Office"),
    ],
)
def test_binary_signatures(data, kind):
    with pytest.raises(DecodeError, match=f"二进制文件.*{kind}"):
        decode_bytes(data)


def test_nul_heavy_binary():
    rng = random.Random(3)
    data = b"".join(bytes(rng.randrange(1, 256) for _ in range(7)) + b"\x00" for _ in range(500))
    with pytest.raises(DecodeError, match="NUL"):
        decode_bytes(data)


def test_random_bytes_are_not_text():
    rng = random.Random(7)
    data = bytes(rng.randrange(128, 256) for _ in range(4000))
    with pytest.raises(DecodeError, match="不是文本文件"):
        decode_bytes(data)


def test_large_file_is_fast():
    text = seed_text(SEEDS[2]) * 120  # about 5 MB as UTF-8
    started = time.perf_counter()
    assert decode_bytes(text.encode("gb18030")).text == text
    assert time.perf_counter() - started < 3
