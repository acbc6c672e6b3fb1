"""A failed or killed run never leaves a half-written site, docs/ folder or permalink registry.

Each test publishes a first version, makes the second run fail (a bad plugin, a full disk, a
SIGKILL mid-write) and checks that every byte of the first version is still there, and that
the next run tidies up what the dead one left behind.
"""
from __future__ import annotations

import errno
import hashlib
import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import ROOT
from scripts.publish import permalinks, writer
from scripts.publish.markup import Page
from scripts.site import build

PAGES = {
    "index.md": "# 首页\n",
    "report.md": "# 清理报告\n",
    "plans/a.md": "# 甲方案\n",
    "plans/b.md": "# 乙方案\n",
    "data/plans.json": '{"plans": []}\n',
}


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones included) with the hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def full_disk(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


# ---------------------------------------------------------------- docs/ pages


@pytest.fixture
def docs(tmp_path):
    out = tmp_path / "docs"
    out.mkdir()
    (out / "assets").mkdir()
    (out / "assets" / "kb.css").write_text("/* hand-written */\n", encoding="utf-8")
    writer.write_pages(PAGES, out)
    return out


def test_pages_are_written_and_stale_ones_disappear(docs):
    writer.write_pages({"index.md": "# 新首页\n", "plans/c.md": "# 丙\n"}, docs)
    assert snapshot(docs).keys() == {"assets/kb.css", "index.md", "report.md", "plans/c.md", "data/plans.json"}
    assert (docs / "index.md").read_text(encoding="utf-8") == "# 新首页\n"


def test_full_disk_while_writing_pages_leaves_previous_docs(docs, monkeypatch):
    before = snapshot(docs)
    writes = []

    def write_some(self, data):
        writes.append(self)
        if len(writes) == 3:
            full_disk()
        return self.open("wb").write(data)

    monkeypatch.setattr(Path, "write_bytes", write_some)
    changed = {**PAGES, "index.md": "# 改过的首页\n", "plans/a.md": "# 改过的甲\n", "plans/b.md": "# 改过的乙\n"}
    with pytest.raises(OSError, match="No space"):
        writer.write_pages(changed, docs)
    assert len(writes) == 3
    assert snapshot(docs) == before
    assert not list(docs.glob(".*")), "the staging folder must be removed"


def test_killed_while_writing_pages_leaves_previous_docs_and_next_run_tidies(docs):
    before = snapshot(docs)
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from scripts.publish import writer
        real, count = writer._write, []
        def dying(staging, rel, text):
            count.append(rel)
            if len(count) == 3:
                os.kill(os.getpid(), signal.SIGKILL)
            real(staging, rel, text)
        writer._write = dying
        writer.write_pages({{"index.md": "x", "plans/a.md": "y", "plans/z.md": "z", "report.md": "r"}}, Path({str(docs)!r}))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode == -9
    leftovers = [p.name for p in docs.iterdir() if p.name.startswith(".gen-")]
    assert leftovers, "the killed run should have left its staging folder"
    visible = {k: v for k, v in snapshot(docs).items() if not k.startswith(".")}
    assert visible == before
    writer.write_pages(PAGES, docs)
    assert snapshot(docs) == before


@pytest.mark.parametrize("rel", ["../evil.md", "/tmp/evil.md", "plans/../../evil.md", "evil.md", "assets/kb.css", ""])
def test_pages_outside_the_generated_entries_are_refused(docs, rel):
    before = snapshot(docs.parent)
    with pytest.raises(ValueError, match="refusing to write"):
        writer.write_pages({**PAGES, rel: "injected"}, docs)
    assert snapshot(docs.parent) == before


# ---------------------------------------------------------------- site/


MKDOCS_YML = """site_name: 测试站点
theme: {name: mkdocs}
use_directory_urls: true
"""


@pytest.fixture
def site_setup(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# 首页\n\n开展志愿服务活动。\n", encoding="utf-8")
    (docs / "plans").mkdir()
    plan = Page({"title": "甲方案"})  # generated pages are HTML; the search index reads those
    plan.add("<p>推进道德讲堂建设。</p>")
    (docs / "plans" / "a.md").write_text(plan.text(), encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(MKDOCS_YML, encoding="utf-8")
    site = tmp_path / "site"
    build.build_site(site, docs_dir=docs, config_file=config)
    return {"tmp": tmp_path, "docs": docs, "config": config, "site": site, "before": snapshot(site)}


def no_leftovers(tmp: Path, wait: float = 20.0) -> bool:
    """No staging or swapped-out site folder beside the site, within ``wait`` seconds: the previous site
    is removed by a process of its own (build.remove_in_background)."""
    deadline = time.monotonic() + wait
    while [p for p in tmp.iterdir() if p.name.startswith(".site-")]:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_the_previous_site_is_swapped_out_whole_and_removed_without_waiting(site_setup, monkeypatch):
    s = site_setup
    (s["docs"] / "index.md").write_text("# 新首页\n", encoding="utf-8")
    handed = []
    remove = build.remove_in_background
    monkeypatch.setattr(build, "remove_in_background", handed.append)
    build.build_site(s["site"], docs_dir=s["docs"], config_file=s["config"])
    assert len(handed) == 1 and handed[0].parent == s["tmp"] and handed[0].name.startswith(".site-")
    assert snapshot(handed[0]) == s["before"], "the old site, whole, beside the new one"
    assert "新首页" in (s["site"] / "index.html").read_text(encoding="utf-8")
    remove(handed[0]).wait(timeout=60)
    assert not handed[0].exists()


def test_bad_plugin_leaves_previous_site(site_setup):
    s = site_setup
    (s["docs"] / "index.md").write_text("# 新首页\n", encoding="utf-8")
    bad = s["tmp"] / "bad.yml"
    bad.write_text(MKDOCS_YML + "plugins:\n  - no-such-plugin-here\n", encoding="utf-8")
    with pytest.raises(Exception):
        build.build_site(s["site"], docs_dir=s["docs"], config_file=bad)
    assert snapshot(s["site"]) == s["before"]
    assert no_leftovers(s["tmp"])


def test_full_disk_during_search_indexing_leaves_previous_site(site_setup, monkeypatch):
    s = site_setup
    (s["docs"] / "index.md").write_text("# 新首页\n", encoding="utf-8")
    monkeypatch.setattr(build.search_index, "build_search_index", full_disk)
    with pytest.raises(OSError, match="No space"):
        build.build_site(s["site"], docs_dir=s["docs"], config_file=s["config"])
    assert snapshot(s["site"]) == s["before"]
    assert no_leftovers(s["tmp"])


def test_killed_build_leaves_previous_site_and_next_build_tidies(site_setup):
    s = site_setup
    (s["docs"] / "index.md").write_text("# 新首页\n\n推进道德讲堂建设。\n", encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from scripts.site import build
        # the search index is built in a forked process: kill the build process that forked it
        build.search_index.build_search_index = lambda *args: os.kill(os.getppid(), signal.SIGKILL)
        build.build_site(Path({str(s["site"])!r}), docs_dir=Path({str(s["docs"])!r}), config_file=Path({str(s["config"])!r}))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert done.returncode == -9, done.stderr
    assert snapshot(s["site"]) == s["before"]
    assert not no_leftovers(s["tmp"], wait=0), "the killed build should have left its staging folder"
    build.build_site(s["site"], docs_dir=s["docs"], config_file=s["config"])
    assert "推进道德讲堂建设" in (s["site"] / "index.html").read_text(encoding="utf-8")
    assert no_leftovers(s["tmp"])


# ---------------------------------------------------------------- permalinks.json


def test_registry_write_failure_leaves_previous_registry(tmp_path, monkeypatch):
    path = tmp_path / "permalinks.json"
    path.write_text(json.dumps({"version": permalinks.FORMAT_VERSION, "plans": {"abc123": {"slug": "jia"}}}), encoding="utf-8")
    before = path.read_bytes()
    registry = permalinks.Registry.load(path)
    registry._plans["def456"] = {"slug": "yi"}
    monkeypatch.setattr(permalinks.os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        registry.save()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["permalinks.json"]


# ---------------------------------------------------------------- only what changed is written


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in sorted(folder.rglob("*")) if p.is_file()}


def test_an_unchanged_run_writes_nothing_and_touches_no_file(docs):
    before, files = snapshot(docs), inodes(docs)
    stats = writer.write_pages(PAGES, docs)
    assert (stats.written, stats.kept, stats.removed) == ([], 5, [])
    assert snapshot(docs) == before
    assert inodes(docs) == files


def test_one_changed_page_is_written_and_its_neighbours_are_linked_not_rewritten(docs):
    files = inodes(docs)
    stats = writer.write_pages({**PAGES, "plans/a.md": "# 改过的甲\n", "plans/new.md": "# 新\n"}, docs)
    assert stats.written == ["plans/a.md", "plans/new.md"]
    assert (stats.kept, stats.removed) == (4, [])
    assert (docs / "plans" / "a.md").read_text(encoding="utf-8") == "# 改过的甲\n"
    now = inodes(docs)
    assert now["plans/b.md"] == files["plans/b.md"], "an unchanged page in a changed folder is the same file, hard-linked"
    assert now["plans/a.md"] != files["plans/a.md"]
    assert {k: v for k, v in now.items() if not k.startswith("plans/")} == {k: v for k, v in files.items() if not k.startswith("plans/")}


def test_a_page_of_the_same_size_but_other_bytes_is_written(docs):
    stats = writer.write_pages({**PAGES, "plans/b.md": "# 丙方案\n"}, docs)
    assert stats.written == ["plans/b.md"]
    assert (docs / "plans" / "b.md").read_text(encoding="utf-8") == "# 丙方案\n"


def test_a_stale_page_alone_is_removed(docs):
    pages = {k: v for k, v in PAGES.items() if k != "plans/b.md"}
    stats = writer.write_pages(pages, docs)
    assert (stats.written, stats.removed) == ([], ["plans/b.md"])
    assert not (docs / "plans" / "b.md").exists()
    assert (docs / "plans" / "a.md").read_text(encoding="utf-8") == "# 甲方案\n"


def test_a_page_edited_by_hand_in_place_is_restored(docs):
    (docs / "plans" / "a.md").write_text("# 手改\n", encoding="utf-8")
    stats = writer.write_pages(PAGES, docs)
    assert stats.written == ["plans/a.md"]
    assert (docs / "plans" / "a.md").read_text(encoding="utf-8") == "# 甲方案\n"


def test_killed_while_writing_the_only_changed_page_leaves_previous_docs(docs):
    before = snapshot(docs)
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from scripts.publish import writer
        writer._write = lambda staging, rel, content: os.kill(os.getpid(), signal.SIGKILL)
        pages = {PAGES!r}
        pages["plans/a.md"] = "# 改过的甲\\n"
        writer.write_pages(pages, Path({str(docs)!r}))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode == -9, done.stderr
    assert {k: v for k, v in snapshot(docs).items() if not k.startswith(".")} == before
    writer.write_pages(PAGES, docs)
    assert snapshot(docs) == before


def test_a_page_noted_by_the_last_write_is_not_read_again_while_its_file_is_the_one_left(docs, monkeypatch):
    marks = docs.parent / "marks.json"
    writer.write_pages(PAGES, docs, marks_file=marks)
    (docs / "plans" / "b.md").write_text("# 乙方案\n", encoding="utf-8")  # the same bytes, written again: another time
    read = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.relative_to(docs).as_posix()) or real(self))
    stats = writer.write_pages({**PAGES, "plans/a.md": "# 改过的甲\n"}, docs, marks_file=marks)
    assert stats.written == ["plans/a.md"]
    assert read == ["plans/b.md"], "only the page whose file changed since the last write is read"


def test_pages_of_a_folder_are_replaced_in_place_and_an_emptied_subfolder_goes(docs):
    writer.write_pages({**PAGES, "plans/sub/c.md": "# 丙\n"}, docs)
    files = inodes(docs)
    stats = writer.write_pages({**PAGES, "plans/a.md": "# 改过的甲\n"}, docs)
    assert (stats.written, stats.removed) == (["plans/a.md"], ["plans/sub/c.md"])
    assert not (docs / "plans" / "sub").exists()
    assert inodes(docs)["plans/b.md"] == files["plans/b.md"]
    assert snapshot(docs).keys() == {"assets/kb.css", *PAGES}


def test_a_folder_holding_a_symlink_is_built_again_whole(docs, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (docs / "plans" / "linked").symlink_to(outside, target_is_directory=True)
    writer.write_pages({**PAGES, "plans/linked/x.md": "# 新\n"}, docs)
    assert not list(outside.iterdir()), "nothing is written through the link"
    assert not (docs / "plans" / "linked").is_symlink()
    assert (docs / "plans" / "linked" / "x.md").read_text(encoding="utf-8") == "# 新\n"


def test_published_vouches_only_for_the_exact_tree_of_its_stamp(docs):
    writer.write_pages(PAGES, docs, stamp="s1")
    assert writer.published(docs, "s1") == len(PAGES)
    assert writer.published(docs, "s2") is None
    (docs / "plans" / "extra.md").write_text("# 手加\n", encoding="utf-8")
    assert writer.published(docs, "s1") is None
    (docs / "plans" / "extra.md").unlink()
    (docs / "plans" / "a.md").write_text("# 乙方案\n", encoding="utf-8")  # same size, other bytes
    assert writer.published(docs, "s1") is None
    writer.write_pages(PAGES, docs)  # a run without a stamp leaves no record behind
    assert writer.published(docs, "s1") is None
