"""Tone-marked readings whose character was garbled, and readings printed with a space inside."""
import pytest

from scripts.clean.pinyin_notes import strip_pinyin_annotations


@pytest.mark.parametrize(
    "text, want",
    [
        ("工作?,F（xiàn）就推进", "工作?,F就推进"),  # the character before was mojibake
        ("结合x(chóng)x市实际", "结合xx市实际"),  # a placeholder before the note
        ("文明创(chuàng )建工作", "文明创建工作"),  # a space before the closing bracket
    ],
)
def test_readings_go(text, want):
    out, removed = strip_pinyin_annotations(text)
    assert out == want
    assert [s.rule for s in removed] == ["pinyin.annotation"]


@pytest.mark.parametrize("text", ["附件(二)", "培训(PPT)", "咖啡馆(café)", "方案(试行)", "编号(A1)"])
def test_other_brackets_stay(text):
    assert strip_pinyin_annotations(text) == (text, [])
