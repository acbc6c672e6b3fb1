"""Command line: ``python -m scripts {clean,ingest,build,serve,bench,eval,tag} --help``.

Only wiring: every command calls the stages' entry functions and prints what they return; no stage
logic lives here (the raw-files-to-pages path the commands share is publish/pipeline.py).
Exit codes: 0 done; 1 input could not be processed (or --strict and some file failed);
2 wrong usage (argparse); 3 the build failed.
"""
from __future__ import annotations

import argparse
import dataclasses
import functools
import http.server
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXIT_INPUT, EXIT_BUILD = 1, 3


def cmd_clean(args: argparse.Namespace) -> int:
    from scripts import clean, read

    path = Path(args.file)
    try:
        result = clean.clean_file(path)
    except FileNotFoundError:
        print(f"error: {path}: no such file", file=sys.stderr)
        return EXIT_INPUT
    except IsADirectoryError:
        print(f"error: {path}: is a folder; use `python -m scripts ingest {path} --out DIR`", file=sys.stderr)
        return EXIT_INPUT
    except read.DecodeError as exc:
        print(f"error: {path}: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if args.json:
        json.dump(dataclasses.asdict(result), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(result.text)
    return 0


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
    from scripts.publish.pipeline import run_ingest

    out = Path(args.out)
    outcomes = run_ingest([Path(p) for p in args.paths], out, args.jobs, Path(args.registry), args.quiet, cache_dir(args, out), Path(args.corrections))
    print_summary(outcomes, Path(args.out))
    failed = [o for o in outcomes if o.status == "rejected"]
    read = [o for o in outcomes if o.status != "rejected"]
    return EXIT_INPUT if (args.strict and failed) or not read else 0


def cmd_build(args: argparse.Namespace) -> int:
    from scripts import site
    from scripts.publish.pipeline import run_ingest

    docs = Path(args.docs)
    outcomes = run_ingest([Path(p) for p in args.raw], docs, args.jobs, Path(args.registry), args.quiet, cache_dir(args, docs), Path(args.corrections))
    print_summary(outcomes, docs)
    del outcomes  # gigabytes at 10,000 plans: the site is built from docs/
    try:
        stats = site.build_site(Path(args.site), docs_dir=docs)
    except Exception as exc:
        print(f"error: site build failed, previous site left in place: {exc}", file=sys.stderr)
        return EXIT_BUILD
    print(f"site: {args.site}  {site_summary(stats)}", file=sys.stderr)
    return 0


def site_summary(stats: dict) -> str:
    """``build_site``'s figures as one line a person reads."""
    if stats["skipped"]:
        return f"unchanged since the last build, not rebuilt ({stats['pages']} pages searchable)"
    return (
        f"{stats['pages']} pages searchable in {stats['bundles']} bundle(s), {stats['bytes'] / 2**20:.1f} MB of index; "
        f"theme {stats['site_seconds']:.1f} s, search index {stats['search_seconds']:.1f} s"
    )


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
    from scripts import bench

    return bench.main(args)


def cmd_eval(args: argparse.Namespace) -> int:
    from scripts import quality as evaluate

    corpus = Path(args.dir)
    if not (corpus / "labels.jsonl").is_file() or not (corpus / "pages").is_dir():
        print(f"error: {corpus}: not a corpus folder (needs pages/ and labels.jsonl)", file=sys.stderr)
        return 2
    baseline = None
    if args.baseline:
        try:
            baseline = json.loads(Path(args.baseline).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"error: {args.baseline}: not a report of `eval --json`: {exc}", file=sys.stderr)
            return 2
    report, seconds = evaluate.run(corpus, args.half)
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(evaluate.format_report(report, seconds))
        if baseline:
            sys.stdout.write(f"changes since {args.baseline}:\n" + evaluate.format_changes(baseline, report))
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    from scripts.tag import tagger

    try:
        stream = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8")
    except OSError as exc:
        print(f"error: {args.file}: {exc.strerror}", file=sys.stderr)
        return EXIT_INPUT
    with stream:
        errors = tagger.tag_lines(stream, sys.stdout)
    for number, message in errors:
        print(f"error: line {number}: {message}", file=sys.stderr)
    return EXIT_INPUT if errors else 0


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

    p = sub.add_parser("eval", help="score clean, parse and tag against a labelled corpus", description="The quality command: run clean and parse on every page of a labelled corpus and the tagger on every labelled item; print the figures per half (tune / tune2 / holdout) and the worst files.")
    p.add_argument("dir", nargs="?", default=str(ROOT.parent / "shared" / "corpus"), help="corpus folder: pages/*.txt, labels.jsonl, items.jsonl (default: ../shared/corpus)")
    p.add_argument("--json", action="store_true", help="print every figure and every file's and item's result as JSON")
    p.add_argument("--half", choices=["tune", "tune2", "holdout"], help="only the pages of one half (split by site)")
    p.add_argument("--baseline", metavar="JSON", help="an earlier `eval --json` output: also print what changed since")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("tag", help="activity types of items given as JSON lines", description='Reads JSON lines {"plan_title": …, "headings": […], "text": …} and writes one line {"types": […]} per input line, in order. A bad line gets {"error": …} in its place, is reported on stderr with its line number, and the exit code is 1.')
    p.add_argument("file", nargs="?", default="-", help="JSON lines file (default: - for stdin)")
    p.set_defaults(func=cmd_tag)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
