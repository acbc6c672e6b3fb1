"""MkDocs hooks: thin glue between the pipeline's output and the theme (no parsing here).

- Generated pages are already HTML (scripts/publish/markup.py): a page whose front matter says ``html: true``
  skips Python-Markdown; its body goes to the theme as is, with the table of contents the pipeline
  wrote in its front matter (as JSON). At thousands of pages this is most of the build time saved.
- Renamed or absorbed plan pages keep working: the publish step records the redirects the
  permalink registry asks for in ``docs/data/redirects.json`` ({old page: new page}), and
  ``on_config`` hands them to mkdocs-redirects.
- Themed pages lose the blank lines and indentation the templates leave (``on_post_page``).
- Titles are made safe once, for every page, before any template runs. Material writes
  ``page.title`` / ``page.meta.title`` unescaped into <title>, the header and the nav (MkDocs's
  Jinja has no autoescape), and ``striptags`` in <title> even decodes entities; a plan titled
  ``</title><script>…`` must reach the templates already escaped.
"""
from __future__ import annotations

import html
import json
import sys
from pathlib import Path

from mkdocs.structure.toc import get_toc

# MkDocs loads this file by path; the pipeline package sits beside it (also for a bare `mkdocs build`).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.publish.markup import compact_html  # noqa: E402

REDIRECTS = "data/redirects.json"


def on_config(config):
    path = Path(config.docs_dir) / REDIRECTS
    if path.exists():
        redirects = json.loads(path.read_text(encoding="utf-8"))
        config.plugins["redirects"].config["redirect_maps"].update(sorted(redirects.items()))
    return config


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("html") is True:
        page.kb_body = markdown  # kept for on_page_content; Markdown gets nothing to parse
        return ""
    return markdown


def on_page_content(html_text, page, config, files):
    body = getattr(page, "kb_body", None)
    if body is not None:
        html_text, page.kb_body = body, None
        page.toc = get_toc(json.loads(page.meta.get("toc") or "[]"))
    # Front matter titles are plain text (YAML data); a title MkDocs took from the first H1 is HTML.
    plain = str(page.meta["title"]) if "title" in page.meta else html.unescape(page.title or "")
    page.meta["title"] = html.escape(" ".join(plain.split()), quote=True)
    return html_text


def on_post_page(output, page, config):
    return compact_html(output)
