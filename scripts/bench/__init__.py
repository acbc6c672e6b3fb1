"""BENCH: measuring tools, outside the data flow. ``main`` (``make bench``) runs the whole pipeline on
synthetic corpora of 100, 1,000 and 10,000 plans (synth.py) and writes BENCHMARKS.md (runner.py).
"""
from scripts.bench.runner import main

__all__ = ["main"]
