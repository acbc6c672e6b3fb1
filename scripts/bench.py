"""Benchmarks (``make bench``): throughput of the clean stage, written to BENCHMARKS.md.

The corpus is the seed files repeated to N files, each copy given a distinct first line so that
nothing can be cached by content. Figures are medians of several runs.
"""
from __future__ import annotations

import os
import platform
import statistics
import subprocess
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

from . import clean

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3
BEGIN, END = "<!-- bench:clean -->", "<!-- /bench:clean -->"


def make_corpus(folder: Path, n: int) -> list[Path]:
    seeds = sorted((ROOT / "raw").glob("*.txt"))
    paths = []
    for i in range(n):
        seed = seeds[i % len(seeds)]
        path = folder / f"{i:05d}_{seed.name}"
        path.write_bytes(f"副本{i}\n".encode() + seed.read_bytes())
        paths.append(path)
    return paths


def _clean_one(path: Path) -> int:
    return len(clean.clean_file(path).text)


def time_clean(paths: list[Path], jobs: int) -> float:
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(_clean_one, paths, chunksize=16))
    return time.perf_counter() - start


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
        cpu = model
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def replace_section(text: str, section: str) -> str:
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        return head + section + rest.split(END, 1)[1]
    return text.rstrip() + "\n\n" + section + "\n"


def main(args) -> int:
    n, jobs = args.n, os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp), n)
        mb = sum(p.stat().st_size for p in paths) / 2**20
        times = [time_clean(paths, jobs) for _ in range(RUNS)]
    median = statistics.median(times)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    section = "\n".join(
        [
            BEGIN,
            "## Clean stage throughput",
            "",
            f"- Date: {date.today().isoformat()}; commit {commit or 'uncommitted'}",
            f"- Machine: {machine()}",
            f"- Corpus: the 5 seed files repeated to {n} files ({mb:.1f} MB); `clean` on every file with {jobs} worker processes",
            f"- Runs: {', '.join(f'{t:.2f} s' for t in times)}",
            "",
            "| files | median time | files per second | MB per second | budget |",
            "|---:|---:|---:|---:|---|",
            f"| {n} | {median:.2f} s | {n / median:.0f} | {mb / median:.1f} | 1,000 files in < 10 s |",
            END,
        ]
    )
    bench_md = ROOT / "BENCHMARKS.md"
    current = bench_md.read_text(encoding="utf-8") if bench_md.exists() else "# Benchmarks\n\nWritten by `make bench`; medians of repeated runs.\n"
    bench_md.write_text(replace_section(current, section), encoding="utf-8")
    print(section)
    return 0
