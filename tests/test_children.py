"""Processes a build starts die with it: a killed build leaves nothing running (Linux)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest

from conftest import ROOT
from scripts import children


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has died
    except FileNotFoundError:
        return False


@pytest.mark.skipif(children.LIBC is None, reason="prctl is Linux only")
@pytest.mark.parametrize("guarded", [True, False])
def test_a_child_started_with_stop_with_dies_when_its_parent_is_killed(guarded):
    preexec = "preexec_fn=functools.partial(children.stop_with, os.getpid())" if guarded else "preexec_fn=None"
    parent = textwrap.dedent(
        f"""
        import functools, os, subprocess, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from scripts import children
        child = subprocess.Popen(["sleep", "30"], {preexec})
        print(child.pid, flush=True)
        time.sleep(30)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", parent], stdout=subprocess.PIPE, text=True)
    child = int(process.stdout.readline())
    try:
        assert alive(child)
        process.kill()
        process.wait()
        deadline = time.monotonic() + 2
        while alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert alive(child) is not guarded  # without the guard, the orphan keeps running
    finally:
        if alive(child):
            os.kill(child, 9)


def test_stop_with_exits_at_once_when_the_parent_is_already_gone():
    if children.LIBC is None:
        pytest.skip("prctl is Linux only")
    done = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); from scripts import children; children.stop_with(1); print('ran on')"], capture_output=True, text=True)
    assert done.returncode == 1 and "ran on" not in done.stdout
