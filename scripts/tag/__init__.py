"""TAG stage: parsed plans → the same plans, every item tagged with the activity types of
``rules/taxonomy.yml`` (志愿服务, 道德讲堂, 文明餐桌 …), which the type, theme and search pages are built on.

How an item is tagged, and why, is told in tagger.py; the taxonomy is data a maintainer edits.
"""
from scripts.tag.tagger import load_taxonomy, tag_item, tag_plan

__all__ = ["load_taxonomy", "tag_item", "tag_plan"]
