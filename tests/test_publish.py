"""Publish: the plans' files made over several processes are the bytes one process makes, and the
hand-written plans.json conversion gives exactly what dataclasses.asdict + json.dumps gave."""
from __future__ import annotations

import copy
import dataclasses
import functools
import json
import os

import pytest

from conftest import copy_seeds
from scripts import ingest, publish
from scripts.bench import synth
from scripts.publish import permalinks


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    raw = copy_seeds(tmp_path_factory.mktemp("raw"))
    synth.write_corpus(raw / "synth", 6)
    return ingest.process_all([raw], jobs=1)


def test_plan_files_made_in_two_processes_are_the_bytes_made_in_one(outcomes, tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "MIN_PER_WORKER", 1)  # a small corpus would otherwise stay in one process
    serial, _ = publish.render_pages(copy.deepcopy(outcomes), permalinks.Registry.load(tmp_path / "one.json"), jobs=1)
    parallel, _ = publish.render_pages(copy.deepcopy(outcomes), permalinks.Registry.load(tmp_path / "two.json"), jobs=2)
    assert len([p for p in serial if p.startswith("plans/") and p.endswith(".md")]) >= 8
    assert parallel.keys() == serial.keys()
    assert [p for p in serial if parallel[p] != serial[p]] == []


def test_tasks_run_over_processes_keep_their_order_and_the_parent_works_meanwhile():
    tasks = [functools.partial(pow, n, 2) for n in range(37)]
    results, aside = publish.run_tasks(tasks, 2, lambda: os.getpid())
    assert results == [n * n for n in range(37)] and aside == os.getpid()
    made_elsewhere, _ = publish.run_tasks([os.getpid] * 8, 2, lambda: None)
    assert os.getpid() not in made_elsewhere
    assert publish.run_tasks([os.getpid], 1, lambda: 5) == ([os.getpid()], 5)


def test_plan_slices_cover_every_plan_once_in_order():
    class Echo:
        def __init__(self, n):
            self.n = n

        def make(self):
            return (str(self.n), b"", "")

    for jobs in (1, 2, 3):
        made = [files for task in publish.plan_tasks([Echo(n) for n in range(37)], jobs) for files in task()]
        assert [page for page, _, _ in made] == [str(n) for n in range(37)]
    assert publish.plan_tasks([], 2) == []


def test_plans_json_is_what_asdict_and_json_dumps_give(outcomes):
    plans = [plan for outcome in outcomes for plan in outcome.plans]
    expected = {"schema_version": publish.SCHEMA_VERSION, "plans": [dataclasses.asdict(p) for p in plans]}
    made = publish.plans_json([publish.plan_json(p) for p in plans])
    assert made == json.dumps(expected, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    assert publish.plain(plans[0].flags) == [dataclasses.asdict(f) for f in plans[0].flags]
