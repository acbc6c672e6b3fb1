"""A benchmark child run: ``python -m scripts.bench {pipeline,naive} '{json args}'`` (see runner.run_child)."""
import sys

from scripts.bench.runner import child_main

child_main(sys.argv[1:])
