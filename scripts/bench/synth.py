"""Synthetic raw plans for benchmarks: N files that look like a real collection, made from the seeds.

Real collections are thousands of plans from many units and years, saved from many sites; the
benchmark must see that variety, not 2,000 copies of five files (duplicates would be dropped and
caches would flatter the numbers). Each synthetic file takes one seed's clean text and:
- shuffles its top-level sections (renumbered 一、二、… again) and borrows one section from
  another seed, so every text differs;
- swaps in a unit, region and years drawn from small lists;
- wraps it in site chrome (nav bar, publish line, disclaimer, page markers, related links)
  and sprinkles pinyin readings such as 运(yùn), as collecting sites do;
- saves one file in four in traditional characters (some in Big5 / GB18030 as well).
The same (seed, index) always gives the same bytes, so runs are comparable.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import opencc
from pypinyin import Style, pinyin

from scripts import clean

ROOT = Path(__file__).resolve().parents[2]
REGIONS = ["宜昌市", "长沙市", "株洲市", "襄阳市", "荆州市", "岳阳市", "常德市", "黄石市", "十堰市", "衡阳市", "邵阳市", "益阳市"]
DISTRICTS = ["", "西陵区", "伍家岗区", "天心区", "芙蓉区", "雁塔区", "开福区", "岳麓区", "荷塘区"]
UNITS = ["财政局", "民政局", "教育局", "税务局", "交通运输局", "卫生健康委员会", "人民医院", "第一中学", "实验小学",
         "供电公司", "农商银行", "公安局", "人民法院", "文化和旅游局", "市场监督管理局", "自然资源局", "机关事务管理局",
         "图书馆", "烟草专卖局", "邮政分公司", "住房公积金中心", "水利局", "气象局", "统计局"]
LEVELS = ["区级", "市级", "省级", "全国"]
NUMERALS = "一二三四五六七八九十"
HEADING = re.compile(rf"^[{NUMERALS}]+、")
CHROME_TOP = ["登录 注册 退出", "首页 > 范文大全 > 工作计划 > 工作方案", "当前位置：首页>实用文>工作方案>正文"]
DISCLAIMER = "导语:{title}一文来源于网友上传,不代表本站观点,若需要原创文章可咨询客服老师,欢迎参考。"
RELATED = ["相关推荐：", "{unit}党支部工作计划", "{year}年志愿服务活动方案", "道德讲堂活动方案范文"]


@dataclass(frozen=True)
class Seed:
    title: str
    preamble: list[str]
    sections: list[list[str]]  # heading line (number stripped) followed by its body lines


@lru_cache(maxsize=1)
def load_seeds(folder: Path = ROOT / "raw") -> tuple[Seed, ...]:
    """The seeds' clean simplified text, cut at their top-level headings (一、二、…)."""
    seeds = []
    for path in sorted(Path(folder).glob("*.txt")):
        lines = [line.strip() for line in clean.clean_file(path).text.splitlines() if line.strip()]
        starts = [i for i, line in enumerate(lines) if HEADING.match(line)]
        if not starts:
            continue
        sections = [lines[a:b] for a, b in zip(starts, starts[1:] + [len(lines)])]
        sections = [[HEADING.sub("", s[0])] + s[1:] for s in sections]
        seeds.append(Seed(lines[0], lines[1 : starts[0]], sections))
    return tuple(seeds)


@lru_cache(maxsize=4096)
def _reading(char: str) -> str:
    return pinyin(char, style=Style.TONE)[0][0]


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def _annotate(line: str, rng: random.Random) -> str:
    """Put a pinyin reading after one CJK character of the line, as 运(yùn)."""
    spots = [i for i, ch in enumerate(line) if "\u4e00" <= ch <= "\u9fff"]
    if not spots:
        return line
    i = rng.choice(spots)
    return f"{line[: i + 1]}({_reading(line[i])}){line[i + 1 :]}"


def plan_text(index: int, seed: int = 0) -> tuple[str, str]:
    """One synthetic raw plan (simplified text, before any encoding) and the encoding to save it in."""
    rng = random.Random(f"{seed}:{index}")
    seeds = load_seeds()
    base = seeds[index % len(seeds)]
    other = seeds[(index + 1 + rng.randrange(len(seeds) - 1)) % len(seeds)]
    region, district, unit = rng.choice(REGIONS), rng.choice(DISTRICTS), rng.choice(UNITS)
    org = f"{region}{district}{unit}"
    start = rng.randrange(2008, 2025)
    years = f"{start}—{start + 1}年"
    title = f"{org}{years}{rng.choice(LEVELS)}文明单位创建工作方案"
    sections = [list(s) for s in base.sections]
    rng.shuffle(sections)
    sections.insert(rng.randrange(len(sections) + 1), list(rng.choice(other.sections)))
    body: list[str] = []
    for n, section in enumerate(sections[: len(NUMERALS)]):
        body.append(f"{NUMERALS[n]}、{section[0]}")
        body += section[1:]
    body = [line.replace("我局", f"{unit[:2]}局" if "局" in unit else "我单位") for line in body]
    for _ in range(max(1, len(body) // 15)):  # readings, page markers
        k = rng.randrange(len(body))
        body[k] = _annotate(body[k], rng)
    pages = 1 + len(body) // 40
    for p in range(pages - 1, 0, -1):
        body.insert(p * 40, f"第{p}页 共{pages}页")
    preamble = [line.replace("现制定", f"结合{org}实际，现制定") for line in base.preamble]
    head = [rng.choice(CHROME_TOP), title, f"发布时间:{start}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d} 来源:{region}文明网"]
    if rng.random() < 0.5:
        head.append(DISCLAIMER.format(title=title))
    tail = [line.format(unit=org, year=start) for line in RELATED]
    text = "\n".join(head + [title] + preamble + body + tail) + "\n"
    encoding = "utf-8"
    if rng.random() < 0.25:
        text = _s2t().convert(text)
        encoding = rng.choice(["utf-8", "utf-8", "big5", "gb18030"])
    return text, encoding


def write_corpus(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """Write ``n`` synthetic raw plans into ``folder`` (created); returns their paths in order."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(n):
        text, encoding = plan_text(index, seed)
        path = folder / f"{index // 1000:03d}" / f"plan-{index:06d}.txt"
        path.parent.mkdir(exist_ok=True)
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:  # a character Big5 lacks: the site would have served UTF-8
            data = text.encode("utf-8")
        path.write_bytes(data)
        paths.append(path)
    return paths
