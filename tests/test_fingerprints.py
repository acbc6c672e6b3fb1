"""The fast paths of nfkc.py and fingerprints.py give exactly what the plain formulas give: committed
sketches and exact hashes must never change with an optimisation."""
from __future__ import annotations

import hashlib
import unicodedata
import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

from scripts import fingerprints
from scripts.fingerprints import Print, Shingled, Sketch
from scripts.nfkc import nfkc

# Full-width forms, CJK, ASCII, compatibility characters (①, ℃, ﬁ, Ⅳ) and combining marks, which
# compose with a folded letter (Ｅ + ◌́ → É): the cases where folding first could go wrong.
MIXED = st.text(st.sampled_from(list("，（）：！？Ａｅ１９＿　的一是文明创建单位aE9 _.·①℃ﬁⅣ\u0301\u0308\u3099か\U00020000")), max_size=40)
ANY = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


def shingle_hashes(norm: str) -> frozenset[int]:
    """The definition: crc32 of the UTF-8 of every 3-character shingle (the whole text when shorter)."""
    shingles = {norm[i : i + 3] for i in range(len(norm) - 2)} if len(norm) > 3 else ({norm} if norm else set())
    return frozenset(zlib.crc32(s.encode("utf-8")) for s in shingles)


@settings(max_examples=400, deadline=None)
@given(st.one_of(MIXED, ANY))
def test_nfkc_is_unicode_nfkc(text):
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(MIXED, ANY))
def test_shingles_are_the_definition(text):
    shingled = Shingled.of(text)
    assert shingled.norm == "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())
    assert shingled.hashes == shingle_hashes(shingled.norm)


def test_known_values():
    """Exact values, made before the fast paths: a change here changes every committed sketch (permalinks.json)."""
    shingled = Shingled.of("创建全国文明单位，２０２６年！")
    assert shingled.norm == "创建全国文明单位2026年"
    assert len(shingled.hashes) == 11 and zlib.crc32("创建全".encode()) in shingled.hashes
    assert Shingled.of("文明").hashes == frozenset([zlib.crc32("文明".encode())])
    assert Shingled.of("，。").hashes == frozenset()
    item = Print.of([shingled], fingerprints.ITEM_SKETCH)
    assert item.hash == hashlib.blake2b("创建全国文明单位2026年".encode(), digest_size=8).hexdigest() == "e61212f91466b667"
    assert item.sketch.encode() == "11/D9hbx1XC8EdigWq0hvdDBZk4JPaeocuppV31AqYtAIfPP4+f1irsS/ng/Wo"
    plan = Print.of([shingled, Shingled.of("一、指导思想"), Shingled.of("Ａ级：①②③")], fingerprints.PLAN_SKETCH)
    assert plan.hash == "e01fddca99f667b9"
    assert plan.sketch.encode() == (
        "17/D9hbxx0IANJRiYGzVcLwR2KBarSG90MFiEhj0owyhe2ZOCT2nqHLqaVd9QKmLQCHzz+Pn9No9CbWKuxL+eD9avykX/s"
    )


@settings(max_examples=100, deadline=None)
@given(st.frozensets(st.integers(0, 2**32 - 1), max_size=3000), st.sampled_from([1, 16, 64]))
def test_sketch_keeps_the_k_smallest(hashes, k):
    sketch = Sketch.of(hashes, k)
    assert sketch.mins == tuple(sorted(hashes)[:k]) and sketch.size == len(hashes)


def test_sketch_of_crowded_low_hashes():
    """More than k hashes below the bound, or fewer: either way the k smallest of all."""
    low = frozenset(range(200)) | {2**31, 2**32 - 1}
    assert Sketch.of(low, 64).mins == tuple(range(64))
    sparse = frozenset({5, 2**31, 2**31 + 1, 2**32 - 1} | set(range(2**20, 2**20 + 5000)))
    assert Sketch.of(sparse, 16).mins == tuple(sorted(sparse)[:16])
