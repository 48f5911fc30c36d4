"""MkDocs hook: typeset the chapters' math at build time, with the MathJax the site serves.

pymdownx.arithmatex (generic mode) leaves `<span class="arithmatex">\\(...\\)</span>` and
`<div class="arithmatex">\\[...\\]</div>` in each page. This hook sends their TeX to
MathJax running in Node (render_math.js beside this file, one process per build) and puts
what it returns in their place: each formula an image of its SVG with the assistive MathML
beside it, and MathJax's stylesheet for them once per page. A reader's browser then has
nothing to typeset and no font to fetch: formulas are there with the first paint, nothing
shifts when they appear, and no MathJax script runs on a chapter (docs/javascripts/mathjax.js
still typesets what the build could not: the notebook pages' Markdown cells).

A TeX error or an undefined macro fails the build, naming the page and the formula.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?P<tex>.*?)</(?P=tag)>',
    re.DOTALL,
)
DELIMITERS = {"span": (r"\(", r"\)"), "div": (r"\[", r"\]")}
RENDER_MATH = Path(__file__).with_name("render_math.js")

_process: subprocess.Popen | None = None


def renderer(config: MkDocsConfig) -> subprocess.Popen:
    global _process
    if _process is None or _process.poll() is not None:
        node = shutil.which("node")
        if node is None:
            raise PluginError("Node.js is needed to typeset the math at build time (it also runs `npm ci`).")
        root = Path(config.config_file_path).resolve().parent  # where `npm ci` installed MathJax
        _process = subprocess.Popen(
            [node, str(RENDER_MATH), str(root)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
    return _process


def typeset(config: MkDocsConfig, formulas: list[dict]) -> dict:
    process = renderer(config)
    process.stdin.write(json.dumps({"formulas": formulas}) + "\n")
    process.stdin.flush()
    answer = process.stdout.readline()
    if not answer:
        raise PluginError("MathJax (booksite/hooks/render_math.js) stopped; see its message above.")
    return json.loads(answer)


def tex_of(match: re.Match[str]) -> str | None:
    """The TeX between arithmatex's delimiters, or None if this is not one of its formulas."""
    opening, closing = DELIMITERS[match["tag"]]
    text = html.unescape(match["tex"]).strip()
    if not (text.startswith(opening) and text.endswith(closing)):
        return None
    return text[len(opening) : -len(closing)]


def on_page_content(content: str, page: Page, config: MkDocsConfig, files) -> str:
    matches = [match for match in ARITHMATEX.finditer(content) if tex_of(match) is not None]
    if not matches:
        return content
    formulas = [{"tex": tex_of(match), "display": match["tag"] == "div"} for match in matches]
    result = typeset(config, formulas)
    if result["errors"]:
        raise PluginError(f"TeX errors in {page.file.src_uri}:\n  " + "\n  ".join(result["errors"]))
    pieces, last = [], 0
    for match, rendered in zip(matches, result["html"]):
        pieces += [content[last : match.start()], f'<{match["tag"]} class="arithmatex">{rendered}</{match["tag"]}>']
        last = match.end()
    pieces.append(content[last:])
    return f'<style class="mathjax-prerendered">{result["css"]}</style>\n' + "".join(pieces)


def stop() -> None:
    global _process
    if _process is not None:
        _process.stdin.close()
        _process.wait(timeout=30)
        _process = None


def on_post_build(config: MkDocsConfig) -> None:
    stop()


def on_build_error(error: Exception) -> None:
    if _process is not None:
        _process.kill()
        stop()
