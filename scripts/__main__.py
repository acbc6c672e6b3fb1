"""Command line: ``python -m scripts {clean,ingest,build,serve,bench} --help``.

Only wiring: every command calls the stage modules and prints what they return.
Exit codes: 0 done; 1 input could not be processed (or --strict and some file failed);
2 wrong usage (argparse); 3 the build failed.
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import gc
import http.server
import json
import os
import sys
from pathlib import Path

from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
EXIT_INPUT, EXIT_BUILD = 1, 3


def cmd_clean(args: argparse.Namespace) -> int:
    from . import clean, decode

    path = Path(args.file)
    try:
        result = clean.clean_file(path)
    except FileNotFoundError:
        print(f"error: {path}: no such file", file=sys.stderr)
        return EXIT_INPUT
    except IsADirectoryError:
        print(f"error: {path}: is a folder; use `python -m scripts ingest {path} --out DIR`", file=sys.stderr)
        return EXIT_INPUT
    except decode.DecodeError as exc:
        print(f"error: {path}: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if args.json:
        json.dump(dataclasses.asdict(result), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(result.text)
    return 0


@contextlib.contextmanager
def cycle_collector_paused():
    """Publishing makes millions of objects and no reference cycles: CPython's collector would walk them
    all again and again (10% of the time at 10,000 plans). Files are processed with the collector on: a
    parsed web page or Word file is a web of cycles (tests/test_cli.py)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def run_ingest(
    inputs: list[Path], out: Path, jobs: int, registry: Path, quiet: bool = False, cache_dir: str = "", corrections_file: Path | None = None
):
    """Ingest, correct (``corrections_file``, None for none) and publish; ``cache_dir`` "" means no outcome cache (every file is processed).

    Returns the outcomes. When nothing changed since the last run (same code, files and registry, and
    the pages on disk as that run left them), it returns their summaries (``ingest.summary``) without
    loading a single outcome.
    """
    from . import cache, corrections, ingest, permalinks, publish, writer

    missing = [p for p in inputs if not p.exists()]
    if missing:
        raise SystemExit(f"error: no such file or folder: {', '.join(map(str, missing))}")
    store = cache.OutcomeCache(Path(cache_dir)) if cache_dir else None
    fixes = corrections.load(corrections_file)
    if store:
        unchanged = published_summaries(inputs, out, registry, store, fixes.digest)
        if unchanged is not None:
            if not quiet:
                print(f"cache: {len(unchanged)} unchanged, 0 processed; pages: nothing to publish", file=sys.stderr)
                if fixes.name:
                    print(f"corrections: {fixes.name}: unchanged since the last run ({len(fixes.problems)} problems; see the report)", file=sys.stderr)
            return unchanged
    progress = None if quiet else functools.partial(tqdm, desc="ingest", unit="file", disable=None, file=sys.stderr)
    outcomes = ingest.process_all(inputs, jobs=jobs, progress=progress, cache=store)
    if store and not quiet:
        print(f"cache: {store.hits} unchanged, {store.misses} processed", file=sys.stderr)
    version = store.version if store else cache.code_version()
    keys = [ingest.file_key(o, version) for o in outcomes]  # as parsed: the corrections count in the stamp by their digest
    # --- the curator's corrections, after parse and tag (the cache holds outcomes as parsed) ---
    reg = permalinks.Registry.load(registry) if fixes.entries else None  # ids are resolved to where they were published
    corrected = corrections.apply(outcomes, fixes, reg.place_of if reg else lambda plan_id: None)
    outcomes = corrected.outcomes
    for line in [] if quiet else corrections.summary_lines(corrected):
        print(line, file=sys.stderr)
    stamp = cache.publish_stamp(keys, registry, fixes.digest)
    count = writer.published(out, stamp) if store else None
    if count is not None:  # same code, same files, same registry: the pages on disk are what publishing would give
        done = f"{count} unchanged, nothing to publish"
    else:
        with cycle_collector_paused():
            reg = reg or permalinks.Registry.load(registry)
            pages, _ = publish.render_pages(outcomes, reg, jobs=jobs or os.cpu_count() or 1, store=store, corrected=corrected)
            reg.save()  # before the pages: a page never carries an id the registry does not hold
            stamp = cache.publish_stamp(keys, registry, fixes.digest)  # the registry may have grown
            done = str(writer.write_pages(pages, out, stamp=stamp))
    if store:  # for the next run, should nothing change
        store.keep_summaries(stamp, [ingest.summary(o) for o in outcomes])
    if not quiet:
        print(f"pages: {done}", file=sys.stderr)
    return outcomes


def published_summaries(inputs: list[Path], out: Path, registry: Path, store, corrections: str = ""):
    """The kept outcome summaries if ``out`` holds what publishing the inputs (and ``corrections``, a digest) would give, else None."""
    from . import cache, ingest, writer

    keys = ingest.cached_file_keys(inputs, store)
    if keys is None:
        return None
    stamp = cache.publish_stamp(keys, registry, corrections)
    summaries = store.summaries(stamp)
    return summaries if summaries is not None and writer.published(out, stamp) is not None else None


SUMMARY_LISTED = 20  # problem files named on screen; the report lists them all


def print_summary(outcomes, out: Path) -> None:
    """One screen: counts, flags, and the first files that need attention."""
    from collections import Counter

    statuses = Counter(o.status for o in outcomes)
    plans = sum(len(o.plans) for o in outcomes)
    flags = Counter(f.kind for o in outcomes for f in o.flags)
    labels = {"plans": "with plans", "skipped": "skipped", "rejected": "rejected", "duplicate": "duplicate"}
    if statuses["excluded"]:  # only a corrections file excludes
        labels["excluded"] = "excluded by corrections"
    print(f"files: {len(outcomes)} (" + ", ".join(f"{statuses[k]} {v}" for k, v in labels.items()) + ")", file=sys.stderr)
    print(f"plans: {plans}  flags: " + (", ".join(f"{k} {v}" for k, v in sorted(flags.items())) or "none"), file=sys.stderr)
    attention = [o for o in outcomes if o.status != "plans"]
    for o in attention[:SUMMARY_LISTED]:
        print(f"  {o.status:9} {o.source}: {o.reason}", file=sys.stderr)
    if len(attention) > SUMMARY_LISTED:
        print(f"  … and {len(attention) - SUMMARY_LISTED} more: see the report", file=sys.stderr)
    print(f"report: {out / 'report.md'}  data: {out / 'data'}", file=sys.stderr)


def cache_dir(args: argparse.Namespace, out: Path) -> str:
    """The cache lives inside the output folder unless --cache says otherwise: nothing is written elsewhere."""
    return str(out / ".cache" / "ingest") if args.cache is None else args.cache


def cmd_ingest(args: argparse.Namespace) -> int:
    out = Path(args.out)
    outcomes = run_ingest([Path(p) for p in args.paths], out, args.jobs, Path(args.registry), args.quiet, cache_dir(args, out), Path(args.corrections))
    print_summary(outcomes, Path(args.out))
    failed = [o for o in outcomes if o.status == "rejected"]
    read = [o for o in outcomes if o.status != "rejected"]
    return EXIT_INPUT if (args.strict and failed) or not read else 0


def cmd_build(args: argparse.Namespace) -> int:
    from . import build

    docs = Path(args.docs)
    outcomes = run_ingest([Path(p) for p in args.raw], docs, args.jobs, Path(args.registry), args.quiet, cache_dir(args, docs), Path(args.corrections))
    print_summary(outcomes, docs)
    del outcomes  # gigabytes at 10,000 plans: the site is built from docs/
    try:
        stats = build.build_site(Path(args.site), docs_dir=docs)
    except Exception as exc:
        print(f"error: site build failed, previous site left in place: {exc}", file=sys.stderr)
        return EXIT_BUILD
    print(f"site: {args.site}  search: {stats}", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    if not args.no_build:
        code = cmd_build(args)
        if code:
            return code
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(Path(args.site)))
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as server:
        print(f"serving {args.site} on http://{args.host}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from . import bench

    return bench.main(args)


def add_build_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--raw", nargs="+", default=[str(ROOT / "raw")], metavar="DIR", help="raw input folders (default: raw/)")
    p.add_argument("--site", default=str(ROOT / "site"), help="output site folder (default: site/)")
    p.add_argument("--docs", default=str(ROOT / "docs"), help="generated Markdown folder (default: docs/)")
    p.add_argument("--jobs", type=int, default=0, help="parallel workers (default: all cores)")
    p.add_argument("--registry", default=str(ROOT / "permalinks.json"), help="permalink registry (default: permalinks.json)")
    add_corrections_option(p)
    add_cache_option(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def add_corrections_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corrections", default=str(ROOT / "corrections.yml"), metavar="PATH", help="a curator's corrections, applied after parsing (default: corrections.yml beside raw/; no file, no corrections)")


def add_cache_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--cache", default=None, metavar="DIR", help="outcomes of unchanged files are reused from here (default: .cache/ingest/ inside the output folder)")
    p.add_argument("--no-cache", dest="cache", action="store_const", const="", help="process every file again")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scripts", description="Reference work plans: ingest raw files, build the site.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("clean", help="print one file's cleaned text", description="Decode, convert to simplified, strip site chrome and repair one file.")
    p.add_argument("file", help="a .txt or .html file")
    p.add_argument("--json", action="store_true", help="print text, removed spans (with rules), flags and page metadata as JSON")
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("ingest", help="files and folders → plan pages, plans.json, report.json", description="Clean and parse every file; write pages and data into --out.")
    p.add_argument("paths", nargs="+", help="files or folders")
    p.add_argument("--out", required=True, help="output folder (pages, data/plans.json, data/report.json)")
    p.add_argument("--jobs", type=int, default=0, help="parallel workers (default: all cores)")
    p.add_argument("--strict", action="store_true", help="exit 1 if any file is rejected")
    p.add_argument("--registry", default=str(ROOT / "permalinks.json"), help="permalink registry (default: permalinks.json)")
    add_corrections_option(p)
    add_cache_option(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("build", help="ingest raw/ and build the site with search", description="raw/ → docs/ → site/ (MkDocs + Pagefind), swapped in atomically.")
    add_build_options(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help="build, then serve the site on 127.0.0.1:8000", description="Build (unless --no-build) and serve site/ over HTTP.")
    add_build_options(p)
    p.add_argument("--no-build", action="store_true", help="serve the existing site/")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("bench", help="measure throughput and write BENCHMARKS.md", description="Benchmarks; see BENCHMARKS.md.")
    p.add_argument("--n", type=int, action="append", help="number of synthetic plans (repeatable; default: 100, 1000 and 10000)")
    p.add_argument("--runs", type=int, default=0, help="runs per size for the medians (default: 3 below 10,000 plans, else 1)")
    p.add_argument("--out", default=str(ROOT / "bench-out"), help="work folder (default: bench-out/)")
    p.add_argument("--no-naive", action="store_true", help="skip the naive MkDocs + Material comparison")
    p.set_defaults(func=cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
