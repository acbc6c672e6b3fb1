"""Types an item of a plan never seen must not get: words that name who does a step, not the step
(rules/tagging.yml body_checks). Every item here is invented for these tests."""
from __future__ import annotations

import pytest

from scripts.tag.tagger import tag_item

UNIT_PLAN = "某某局2030年创建文明单位工作方案"


def tags(text: str, headings: list[str] | None = None) -> set[str]:
    return set(tag_item(UNIT_PLAN, headings or ["三、主要措施"], text))


@pytest.mark.parametrize(
    "text",
    [
        "局创建领导小组每季度对各科室进行一次督查，结果全局通报。",
        "创建工作指挥部每月组织一次暗访督查。",
        "领导小组每半年考核一次，考核结果与评优挂钩。",
    ],
)
def test_a_body_that_checks_does_the_check_only(text):
    assert tags(text) == {"考核奖惩"}


@pytest.mark.parametrize(
    "text",
    [
        "成立创建工作领导小组，负责创建工作的检查验收。",
        "创建领导小组负责统筹协调和督查考核。",
    ],
)
def test_a_body_set_up_or_put_in_charge_still_leads(text):
    assert "组织领导" in tags(text)
