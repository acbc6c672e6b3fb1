"""Tagger false positives of unseen plans that are no label policy, by category (issue 16, round three): a board
that is only the object of a cleanup, and a household honour (示范户, 新风户) that is a family selection, whose
boards, publicity and rewards are its own steps. Every item here is invented for these tests."""
from __future__ import annotations

import pytest

from scripts.tag.tagger import tag_item

VILLAGE_PLAN = "某某村2031年创建市级文明村工作方案"


def tags(text: str, headings: list[str] | None = None, plan: str = VILLAGE_PLAN) -> set[str]:
    return set(tag_item(plan, headings or ["三、重点任务"], text))


# --- a board cleaned is no standing channel ---------------------------------------------------------------------


@pytest.mark.parametrize("board", ["擦拭宣传栏", "擦洗橱窗", "清洗宣传栏", "擦拭电子屏"])
def test_a_board_cleaned_in_a_cleanup_is_no_channel(board):
    found = tags(f"组织团员开展义务劳动，清扫楼道、{board}、捡拾烟头纸屑。")
    assert "宣传阵地" not in found
    assert "爱国卫生" in found


def test_a_board_set_up_or_used_is_still_a_channel():
    assert "宣传阵地" in tags("在村口新建一处宣传栏，每月更新一期文明新风内容。")
    assert "宣传阵地" in tags("利用宣传栏、广播宣传文明村创建的意义。")


# --- a household honour is a family selection -------------------------------------------------------------------


def test_a_model_household_selection_is_a_family_selection_with_its_own_steps():
    text = "每年评选一批“勤俭持家”示范户，在村务公开栏和镇公众号上展示，村里给予一次性奖励300元。"
    assert tags(text) == {"文明家庭"}


def test_a_new_ethos_household_is_a_family_honour():
    assert "文明家庭" in tags("对践行婚丧从简的农户授予“文明新风户”称号，年底集中表彰。")
