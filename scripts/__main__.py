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
STATUS_NAMES = {"plans": "有方案", "skipped": "跳过", "rejected": "拒收", "duplicate": "重复", "excluded": "按修正排除"}


def print_summary(outcomes, out: Path, report, site_stats: dict | None = None, site: str = "") -> None:
    """One screen, in the README's language: files compared with the last run, what became of them, the
    first files that need attention, pages rewritten, the site, time per phase, where the report is."""
    from collections import Counter

    from scripts.publish.render import FLAG_LABELS

    say = functools.partial(print, file=sys.stderr)
    statuses = Counter(o.status for o in outcomes)
    plans = sum(len(o.plans) for o in outcomes)
    flags = Counter(f.kind for o in outcomes for f in o.flags)
    if report.new is None:
        say(f"文件：{len(outcomes)} 个（没有上次运行的记录可比较）；处理 {report.processed} 个")
    else:
        compared = f"新增 {report.new}、改动 {report.changed}、未改动 {report.unchanged}、删除 {report.removed}"
        say(f"文件：{len(outcomes)} 个（{compared}）；重新处理 {report.processed} 个，其余取自缓存")
    shown = [k for k in STATUS_NAMES if k != "excluded" or statuses[k]]  # only a corrections file excludes
    say("结果：" + "、".join(f"{STATUS_NAMES[k]} {statuses[k]} 个" for k in shown) + f"；方案 {plans} 篇")
    say("标记：" + ("、".join(f"{FLAG_LABELS.get(k, k)} {v}" for k, v in sorted(flags.items())) or "无"))
    attention = [o for o in outcomes if o.status != "plans"]
    for o in attention[:SUMMARY_LISTED]:
        say(f"  {STATUS_NAMES.get(o.status, o.status)}  {o.source}：{o.reason}")
    if len(attention) > SUMMARY_LISTED:
        say(f"  ……另有 {len(attention) - SUMMARY_LISTED} 个，见清理报告")
    if report.pages is None:
        say(f"页面：无需重新发布（{report.pages_unchanged} 个未改动）")
    else:
        pages = report.pages
        say(f"页面：重写 {len(pages.written)} 个、未改动 {pages.kept} 个、删除 {len(pages.removed)} 个")
    if site_stats is not None:
        say(f"网站：{site}  {site_summary(site_stats)}")
    say("用时：" + phase_times(report.seconds, site_stats))
    say(f"清理报告：{out / 'report.md'}（数据：{out / 'data' / 'report.json'}）")


def phase_times(seconds: dict[str, float], site_stats: dict | None) -> str:
    """Seconds per phase as one line; the theme and the search index run side by side."""
    parts = [f"{name} {value:.1f} 秒" for name, value in seconds.items()]
    if site_stats is not None and not site_stats["skipped"]:
        parts.append(f"网站主题 {site_stats['site_seconds']:.1f} 秒与搜索索引 {site_stats['search_seconds']:.1f} 秒（同时进行）")
    return "、".join(parts) or "无"


def cache_dir(args: argparse.Namespace, out: Path) -> str:
    """The cache lives inside the output folder unless --cache says otherwise: nothing is written elsewhere."""
    return str(out / ".cache" / "ingest") if args.cache is None else args.cache


def cmd_ingest(args: argparse.Namespace) -> int:
    from scripts.publish.pipeline import RunReport, run_ingest

    out = Path(args.out)
    report = RunReport()
    outcomes = run_ingest([Path(p) for p in args.paths], out, args.jobs, Path(args.registry), args.quiet, cache_dir(args, out), Path(args.corrections), report)
    print_summary(outcomes, out, report)
    failed = [o for o in outcomes if o.status == "rejected"]
    read = [o for o in outcomes if o.status != "rejected"]
    return EXIT_INPUT if (args.strict and failed) or not read else 0


def cmd_build(args: argparse.Namespace) -> int:
    from scripts import ingest, site
    from scripts.publish.pipeline import RunReport, run_ingest

    docs = Path(args.docs)
    report = RunReport()
    outcomes = run_ingest([Path(p) for p in args.raw], docs, args.jobs, Path(args.registry), args.quiet, cache_dir(args, docs), Path(args.corrections), report)
    with ingest.cycle_collector_paused():  # millions of live objects, no cycles
        summary = [ingest.summary(o) for o in outcomes]  # gigabytes at 10,000 plans: the site is built from docs/
        del outcomes
    try:
        stats = site.build_site(Path(args.site), docs_dir=docs)
    except Exception as exc:
        print_summary(summary, docs, report)
        print(f"error: site build failed, previous site left in place: {exc}", file=sys.stderr)
        return EXIT_BUILD
    print_summary(summary, docs, report, stats, args.site)
    return 0


def site_summary(stats: dict) -> str:
    """``build_site``'s figures as one line a person reads."""
    if stats["skipped"]:
        return f"输入未变，未重新生成（{stats['pages']} 个页面可搜索）"
    rendered = "全部重新生成" if stats.get("pages_rendered") is None else f"重新生成 {stats['pages_rendered']} 个页面、沿用 {stats['pages_carried']} 个"
    indexed = stats.get("bundles_indexed", stats["bundles"])
    return f"{rendered}；搜索索引 {stats['bundles']} 个包中重建 {indexed} 个，{stats['pages']} 个页面可搜索（{stats['bytes'] / 2**20:.1f} MB）"


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
