"""SITE stage: the generated pages in docs/ → the published site in site/ (MkDocs with Material, and
Pagefind's search index built beside it), swapped in only when complete (build.py, search_index.py).
"""
from scripts.site.build import build_site

__all__ = ["build_site"]
