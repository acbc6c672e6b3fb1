"""Benchmarks (``make bench``): what 100, 1,000 and 10,000 plans cost, written to BENCHMARKS.md.

For each size N the synthetic corpus (scripts/bench/synth.py) goes through the whole pipeline in a child
process, stage by stage: ingest (clean, parse, publish the docs/ pages), the MkDocs site, the
Pagefind index. Memory is the peak PSS (and RSS) summed over that process and its workers, sampled. Then the
site is measured (bytes per plan, the largest page) and a fresh headless Chromium runs one search
(time to the first result, bytes fetched). Re-runs measure the ingest cache: nothing changed, then
one file changed. At N = 1,000 the naive build — raw files as pages, automatic nav, Material's
built-in search — runs in the same session, for comparison.
"""
from __future__ import annotations

import contextlib
import http.server
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

from scripts import clean
from scripts.bench import synth

ROOT = Path(__file__).resolve().parents[2]
SIZES = (100, 1000, 10000)
NAIVE_SIZE = 1000
QUERY = "志愿服务"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
BEGIN, END = "<!-- bench:scale -->", "<!-- /bench:scale -->"
CLEAN_BEGIN, CLEAN_END = "<!-- bench:clean -->", "<!-- /bench:clean -->"
CLEAN_FILES = 1000  # issue budget: the clean stage on 1,000 seed-sized files in under 10 s
NAIVE_CONFIG = {
    "site_name": "naive",
    "docs_dir": "docs",
    "site_dir": "site",
    "theme": {"name": "material", "language": "zh", "font": False},
    "plugins": ["search"],
}


# ---------------------------------------------------------------- one pipeline run (child process)


def pipeline(raw: Path, work: Path, jobs: int, cache_dir: str) -> dict:
    """raw → docs → site and search index (side by side), timed per stage; runs in a child so memory is its own."""
    from scripts import site
    from scripts.publish.pipeline import RunReport, run_ingest

    docs, site_dir = work / "docs", work / "site"
    timings = {}
    report = RunReport()
    start = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()):  # the progress bar
        outcomes = run_ingest([raw], docs, jobs, work / "permalinks.json", quiet=False, cache_dir=cache_dir, report=report)
    timings["ingest"] = time.perf_counter() - start
    timings["publish"] = report.seconds.get("发布", 0.0) + report.seconds.get("写入", 0.0)
    timings["plans"] = sum(len(o.plans) for o in outcomes)
    del outcomes  # as the CLI does: the site build reads docs/, not the outcomes
    start = time.perf_counter()
    stats = site.build_site(site_dir, docs_dir=docs)
    timings["site"] = time.perf_counter() - start
    timings["theme"] = stats.pop("site_seconds")
    timings["search"] = stats.pop("search_seconds")
    timings["search_stats"] = stats
    timings["said"] = _what_it_did(report, stats)
    return timings


def _what_it_did(report, stats: dict) -> str:
    """The run's counts in a table cell: files compared with the last run, pages written, pages rendered, bundles indexed."""
    files = "no earlier run" if report.new is None else f"{report.new} new, {report.changed} changed, {report.unchanged} unchanged, {report.removed} removed"
    pages = "nothing to publish" if report.pages is None else f"{len(report.pages.written)} docs files written"
    if stats.get("skipped"):
        built = "site unchanged"
    else:
        rendered = "all" if stats.get("pages_rendered") is None else f"{stats['pages_rendered']} (of {stats['pages_rendered'] + stats['pages_carried']})"
        built = f"{rendered} site pages rendered, {stats.get('bundles_indexed', stats['bundles'])} of {stats['bundles']} search bundles indexed"
    return f"files: {files}, {report.processed} processed; {pages}; {built}"


def naive(raw: Path, work: Path) -> dict:
    """The naive site: every raw file a Markdown page, MkDocs' automatic nav, Material's search."""
    import yaml
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    docs = work / "docs"
    for path in sorted(raw.rglob("*.txt")):
        target = docs / path.relative_to(raw).with_suffix(".md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_bytes().decode("utf-8", errors="replace"), encoding="utf-8")
    (work / "mkdocs.yml").write_text(yaml.safe_dump(NAIVE_CONFIG, allow_unicode=True), encoding="utf-8")
    start = time.perf_counter()
    mkdocs_build(load_config(str(work / "mkdocs.yml")))
    seconds = time.perf_counter() - start
    return {"site": seconds, "theme": seconds, "search": 0.0, "ingest": 0.0}


def _memory_of_tree(pid: int) -> tuple[int, int]:
    """(RSS, PSS) bytes of ``pid`` and all its descendants (from /proc; Linux only).

    The RSS sum counts pages shared by forked workers once per process; PSS splits each shared page
    among its sharers, so the PSS sum is the memory the run occupies.
    """
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    rss = pss = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
        except OSError:
            continue
        kilobytes = {line.split(":")[0]: int(line.split()[1]) for line in rollup.splitlines()[1:] if line.endswith("kB")}
        rss += kilobytes.get("Rss", 0) * 1024
        pss += kilobytes.get("Pss", 0) * 1024
    return rss, pss


RUN_FIGURES = ("ingest", "site", "theme", "search", "wall", "peak_bytes", "peak_rss_sum")  # what one run reports
UPDATE_TEXT = "本方案由办公室负责解释，增设象棋角与书法角。"  # appended to one file for the update run


def run_child(kind: str, **kwargs) -> dict:
    """Run ``pipeline`` or ``naive`` in a fresh interpreter; add its wall time and peak memory."""
    args = [sys.executable, "-m", "scripts.bench", kind, json.dumps({k: str(v) for k, v in kwargs.items()})]
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    peak_rss = peak_pss = 0
    start = time.perf_counter()
    while proc.poll() is None:
        rss, pss = _memory_of_tree(proc.pid)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.2)
    wall = time.perf_counter() - start
    out = proc.stdout.read()
    if proc.returncode:
        raise RuntimeError(f"{kind} run failed with exit code {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    result.update(wall=wall, peak_bytes=peak_pss, peak_rss_sum=peak_rss)
    return result


# ---------------------------------------------------------------- measuring a built site


def site_stats(site: Path, plans: int) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    total = sum(p.stat().st_size for p in files)
    return {
        "site_bytes": total,
        "bytes_per_plan": total / max(plans, 1),
        "largest_page": largest.stat().st_size,
        "largest_page_path": largest.relative_to(site).as_posix(),
    }


class _Server:
    def __init__(self, root: Path):
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

        handler = lambda *a, **kw: Quiet(*a, directory=str(root), **kw)  # noqa: E731
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.httpd.server_port}/"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# Times, in the page, from typing to: the quick answer, the first result with its title, and the first
# screen complete (every result of Pagefind UI's first page with its title and excerpt).
FIRST_SCREEN_WATCH = """() => {
  const seen = (window.kbSeen = {});
  const mark = (name, test) => { if (!(name in seen) && test()) seen[name] = performance.now() - window.kbTyped; };
  new MutationObserver(() => {
    mark("answer", () => document.querySelector(".kb-answer a"));
    mark("first", () => document.querySelector(".pagefind-ui__result-link"));
    mark("screen", () => document.querySelector(".pagefind-ui__result-link")
      && !document.querySelector(".pagefind-ui__results .pagefind-ui__loading"));
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}"""


def search_probe(site: Path, query: str = QUERY, material: bool = False, start_page: str = "") -> dict:
    """First search in a fresh headless Chromium: seconds from typing to the first result, bytes fetched for it.

    For this site's box: seconds to the first result with its title (Pagefind UI draws empty result
    cards first), bytes fetched until the whole first screen is drawn (a request counts when it has
    finished by then; what the page loads after, such as the filters, does not), and seconds to the
    quick answer and to the whole first screen.
    """
    from playwright.sync_api import sync_playwright

    server = _Server(site)
    fetched: list[tuple[float, int]] = []  # (epoch milliseconds at which it finished, bytes)
    figures: dict = {}

    def finished(request) -> None:
        with contextlib.suppress(Exception):  # the browser closed while the rest of the index came in
            fetched.append((request.timing["startTime"] + request.timing["responseEnd"], request.sizes()["responseBodySize"]))

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_context().new_page()
            page.goto(server.base + start_page, wait_until="load")
            box = "input.md-search__input" if material else ".pagefind-ui__search-input"
            page.wait_for_selector(box, state="attached", timeout=30000)
            page.on("requestfinished", finished)
            opener = page.locator("label.md-header__button[for='__search']").first
            if material and opener.is_visible():  # narrow screens: the search box opens from a button
                opener.click()
            if not material:
                page.evaluate(FIRST_SCREEN_WATCH)
            start = time.perf_counter()
            typed = page.evaluate("() => { window.kbTyped = performance.now(); return performance.timeOrigin + window.kbTyped; }")
            page.locator(box).first.fill(query)
            if material:  # lunr finds no Chinese word inside a sentence: time until it answers, found or not
                page.wait_for_function(
                    "() => { const m = document.querySelector('.md-search-result__meta');"
                    " return m && /\\d|没有|No /.test(m.textContent); }",
                    timeout=300000,
                )
                seconds = screen = time.perf_counter() - start
            else:
                page.wait_for_function("() => 'screen' in window.kbSeen", timeout=120000)
                seen = page.evaluate("() => window.kbSeen")
                seconds, screen = seen["first"] / 1000, seen["screen"] / 1000
                figures.update(first_screen_seconds=screen, answer_seconds=seen.get("answer", 0) / 1000 or None)
            page.wait_for_timeout(300)  # requests finished by the first screen are reported a little later
            page.remove_listener("requestfinished", finished)
            browser.close()
    finally:
        server.close()
    return {"query_seconds": seconds, "query_bytes": sum(size for at, size in fetched if at <= typed + screen * 1000), **figures}


# ---------------------------------------------------------------- one size


def corpus(out: Path, n: int) -> Path:
    """The synthetic corpus of size ``n`` (kept between runs: it is deterministic)."""

    raw = out / f"raw-{n}"
    stamp = raw / ".complete"
    if not stamp.exists():
        shutil.rmtree(raw, ignore_errors=True)
        synth.write_corpus(raw, n)
        stamp.write_text(str(n))
    return raw


def _fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def _tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def measure_size(out: Path, n: int, runs: int, jobs: int) -> dict:
    raw = corpus(out, n)
    work = out / f"run-{n}"
    cold = []
    for _ in range(runs):
        _fresh(work)
        cold.append(run_child("pipeline", raw=raw, work=work, jobs=jobs, cache_dir=work / "cache"))
        print(f"  N={n}: {cold[-1]['wall']:.1f} s", file=sys.stderr)
    median = {k: statistics.median(r[k] for r in cold) for k in RUN_FIGURES}
    result = {"n": n, "plans": cold[-1]["plans"], "runs": runs, **median, "search_stats": cold[-1]["search_stats"]}
    result.update(site_stats(work / "site", cold[-1]["plans"]))
    result.update(search_probe(work / "site"))
    before = _tree_bytes(work / "docs")
    warm = run_child("pipeline", raw=raw, work=work, jobs=jobs, cache_dir=work / "cache")  # a second `make site`
    result["rerun_ingest"] = warm["ingest"]
    result["rerun_total"] = warm["ingest"] + warm["site"]
    result["rerun_docs_identical"] = _tree_bytes(work / "docs") == before
    changed = sorted(raw.rglob("*.txt"))[n // 2]
    original = changed.read_bytes()
    added = raw / "added" / "plan-added.txt"
    try:  # the update a curator makes: one file fixed, one new file
        changed.write_bytes(original + f"\n七、其他\n{UPDATE_TEXT}\n".encode("utf-8"))
        added.parent.mkdir(exist_ok=True)
        added.write_text(synth.plan_text(n)[0], encoding="utf-8")
        update = run_child("pipeline", raw=raw, work=work, jobs=jobs, cache_dir=work / "cache")
    finally:
        changed.write_bytes(original)
        shutil.rmtree(added.parent, ignore_errors=True)
    result.update({f"update_{key}": update[key] for key in (*RUN_FIGURES, "publish", "said")})
    return result


def measure_naive(out: Path, n: int) -> dict:
    raw = corpus(out, n)
    work = _fresh(out / f"naive-{n}")
    run = run_child("naive", raw=raw, work=work)
    result = {"n": n, "plans": n, "runs": 1, **{k: run[k] for k in RUN_FIGURES}}
    result.update(site_stats(work / "site", n))
    first = min(p.parent.relative_to(work / "site").as_posix() for p in (work / "site").glob("*/*/index.html"))
    result.update(search_probe(work / "site", material=True, start_page=first + "/"))
    return result


# ---------------------------------------------------------------- the report


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def _kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB"


def _row(label: str, r: dict) -> str:
    total = r["ingest"] + r["site"]
    return (
        f"| {label} | {r['n']:,} | {r['ingest']:.1f} s | {r['theme']:.1f} s | {r['search']:.1f} s | {r['site']:.1f} s | {total:.1f} s | "
        f"{total / r['n'] * 1000:.0f} ms | {r['peak_bytes'] / 2**30:.2f} GB ({r['peak_rss_sum'] / 2**30:.2f} GB) | {_kb(r['bytes_per_plan'])} | "
        f"{_kb(r['largest_page'])} | {r['query_seconds']:.2f} s | {_kb(r['query_bytes'])} |"
    )


def render(results: dict, naive_result: dict | None, jobs: int) -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    edited = subprocess.run(["git", "diff", "--quiet", "HEAD", "--", ".", ":!BENCHMARKS.md"], cwd=ROOT).returncode != 0
    lines = [
        BEGIN,
        "## Scale: ingest, site and search for 100 to 10,000 plans",
        "",
        f"- Date: {date.today().isoformat()}; commit {commit or 'uncommitted'}" + (" (plus working-tree changes)" if edited else ""),
        f"- Machine: {machine()}; {jobs} ingest workers",
        "- Corpus: `scripts/bench/synth.py` (seed texts with shuffled sections, varied units and years, traditional and",
        "  simplified, boilerplate, pinyin readings and page markers; deterministic)",
        "- Times are medians of the cold runs (empty ingest cache); memory is the peak of the summed PSS of all",
        "  processes (shared pages split among the processes sharing them), and in brackets the peak of the summed",
        "  RSS (which counts the pages forked workers share once per worker);",
        f"  the query is 「{QUERY}」, typed into a fresh headless Chromium (time to the first result, bytes fetched for it)",
        "- The theme (MkDocs) and the search index (Pagefind) run at the same time on the two cores; each column is",
        "  its own duration, and the total counts the pair once (ingest + site and search side by side)",
        "",
        "| build | plans | ingest | theme (MkDocs) | search index | site and search, side by side | total | per plan | peak memory: PSS (RSS sum) | site per plan | largest page | first query | query download |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [_row("this pipeline", r) for _, r in sorted(results.items(), key=lambda kv: int(kv[0]))]
    if naive_result:
        lines.append(_row("naive MkDocs + Material", naive_result))
    lines += [
        "",
        "Incremental runs, warm cache: a second `make site` with nothing changed (ingest and site), then the update a",
        "curator makes: one raw file changed (a section appended) and one new file added, `make site` again (ingest,",
        "publish, site and search), with what the run did:",
        "",
        "| plans | cold, whole run | nothing changed: whole run | of which ingest | docs/ identical | update: whole run | ingest (of which publish) | site: theme, search side by side | peak memory (PSS) | what the update did |",
        "|---:|---:|---:|---:|---|---:|---:|---:|---:|---|",
    ]
    for _, r in sorted(results.items(), key=lambda kv: int(kv[0])):
        if "update_ingest" not in r:  # measured before updates were
            continue
        lines.append(
            f"| {r['n']:,} | {r['ingest'] + r['site']:.1f} s | {r['rerun_total']:.1f} s | {r['rerun_ingest']:.1f} s | "
            f"{'yes' if r['rerun_docs_identical'] else 'NO'} | {r['update_ingest'] + r['update_site']:.1f} s | "
            f"{r['update_ingest']:.1f} s ({r['update_publish']:.1f} s) | {r['update_site']:.1f} s ({r['update_theme']:.1f} s, {r['update_search']:.1f} s) | "
            f"{r['update_peak_bytes'] / 2**30:.2f} GB | {r['update_said']} |"
        )
    if naive_result and str(NAIVE_SIZE) in results:
        ours = results[str(NAIVE_SIZE)]
        ours_total = ours["ingest"] + ours["site"]
        lines += [
            "",
            f"At {NAIVE_SIZE:,} plans the naive build takes {naive_result['site']:.1f} s and {_kb(naive_result['bytes_per_plan'])} per plan; "
            f"this pipeline {ours_total:.1f} s ({naive_result['site'] / ours_total:.1f}× faster) and "
            f"{_kb(ours['bytes_per_plan'])} per plan ({naive_result['bytes_per_plan'] / ours['bytes_per_plan']:.1f}× smaller), "
            f"search included in both.",
        ]
    lines.append(END)
    return "\n".join(lines)


def replace_section(text: str, section: str, begin: str = BEGIN, end: str = END) -> str:
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        return head + section + rest.split(end, 1)[1]
    return text.rstrip() + "\n\n" + section + "\n"


def _clean_one(path: Path) -> int:
    return len(clean.clean_file(path).text)


def measure_clean(out: Path, n: int = CLEAN_FILES, runs: int = 3, jobs: int = 2) -> str:
    """Files per second of the clean stage over the seed files repeated to ``n`` files."""
    folder = _fresh(out / "clean-corpus")
    seeds = sorted((ROOT / "raw").glob("*.txt"))
    paths = []
    for i in range(n):  # a distinct first line per copy, so nothing can be cached by content
        path = folder / f"{i:05d}_{seeds[i % len(seeds)].name}"
        path.write_bytes(f"副本{i}\n".encode() + seeds[i % len(seeds)].read_bytes())
        paths.append(path)
    mb = sum(p.stat().st_size for p in paths) / 2**20
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(_clean_one, paths, chunksize=16))
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    return "\n".join(
        [
            CLEAN_BEGIN,
            "## Clean stage throughput",
            "",
            f"- Date: {date.today().isoformat()}; machine: {machine()}",
            f"- Corpus: the 5 seed files repeated to {n} files ({mb:.1f} MB); `clean` on every file with {jobs} worker processes",
            f"- Runs: {', '.join(f'{t:.2f} s' for t in times)}",
            "",
            "| files | median time | files per second | MB per second | budget |",
            "|---:|---:|---:|---:|---|",
            f"| {n} | {median:.2f} s | {n / median:.0f} | {mb / median:.1f} | 1,000 files in < 10 s |",
            CLEAN_END,
        ]
    )


def main(args) -> int:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    jobs = os.cpu_count() or 1
    store = out / "results.json"
    saved = json.loads(store.read_text()) if store.exists() else {}
    results, naive_result = saved.get("sizes", {}), saved.get("naive")
    for n in args.n or SIZES:
        runs = args.runs or (3 if n < 10000 else 1)
        print(f"bench: N={n}, {runs} run(s)", file=sys.stderr)
        results[str(n)] = measure_size(out, n, runs, jobs)
        store.write_text(json.dumps({"sizes": results, "naive": naive_result}, indent=1))
        if n == NAIVE_SIZE and not args.no_naive:
            print(f"bench: naive MkDocs + Material, N={n}", file=sys.stderr)
            naive_result = measure_naive(out, n)
        store.write_text(json.dumps({"sizes": results, "naive": naive_result}, indent=1))
    section = render(results, naive_result, jobs)
    clean_section = measure_clean(out, jobs=jobs) if not args.n else ""
    bench_md = ROOT / "BENCHMARKS.md"
    current = bench_md.read_text(encoding="utf-8") if bench_md.exists() else "# Benchmarks\n\nWritten by `make bench`.\n"
    current = replace_section(current, section)
    if clean_section:
        current = replace_section(current, clean_section, CLEAN_BEGIN, CLEAN_END)
    bench_md.write_text(current, encoding="utf-8")
    print(section, clean_section, sep="\n")
    return 0


def child_main(argv: list[str]) -> None:
    """A child run (``run_child``): ``python -m scripts.bench {pipeline,naive} '{json args}'``, result as JSON on stdout."""
    kind, params = argv[0], json.loads(argv[1])
    if kind == "pipeline":
        result = pipeline(Path(params["raw"]), Path(params["work"]), int(params["jobs"]), params["cache_dir"])
    else:
        result = naive(Path(params["raw"]), Path(params["work"]))
    print(json.dumps(result))
