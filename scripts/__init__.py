"""The pipeline: bytes → text → clean text → plans → tagged plans → pages → site.

One package per stage, in data-flow order: read/, clean/, parse/, tag/, then ingest/ (the per-file
stages run file by file), publish/ and site/. A stage imports only the stages below it and the kernel
beside this file (models, rules, cache, fingerprints, dates, children); pyproject.toml's import-linter
contracts check it. bench/ holds the measuring tools; __main__.py, the command line, only wires stages.
"""
