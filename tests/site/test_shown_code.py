"""No code a reader can copy from the built site or a notebook carries the test harness.

The check's settings (`# output-check:`), thread caps (`set_num_threads`) and CPU
kernel switches (`ATEN_...`, `MKL_...`) belong to the runner, not to the reader's
code: a code block on any page, and any notebook code cell, must be free of them.
Run after `mkdocs build` (SITE_DIR, default site/).
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE_DIR = Path(os.environ.get("SITE_DIR", ROOT / "site"))
HARNESS = re.compile(r"output-check|set_num_threads|ATEN_|MKL_")
CODE_BLOCK = re.compile(r"<pre[^>]*>(.*?)</pre>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def harness_lines(code: str) -> list[str]:
    return [line.strip() for line in code.splitlines() if HARNESS.search(line)]


def code_blocks(page_html: str) -> list[str]:
    """The text of every <pre> block of a page, as the copy button would give it."""
    return [html.unescape(TAG.sub("", block)) for block in CODE_BLOCK.findall(page_html)]


def test_no_page_shows_harness_code() -> None:
    pages = sorted(SITE_DIR.rglob("*.html"))
    if not pages:
        pytest.fail(f"No built site in {SITE_DIR}: run `nox -s docs` (or `mkdocs build`) first.")
    found = [
        f"{page.relative_to(SITE_DIR)}: {line}"
        for page in pages
        for block in code_blocks(page.read_text(encoding="utf-8"))
        for line in harness_lines(block)
    ]
    assert not found, "code blocks show the test harness:\n  " + "\n  ".join(found)


def test_no_notebook_cell_holds_harness_code() -> None:
    notebooks = sorted((ROOT / "docs" / "notebooks").glob("*.ipynb"))
    assert notebooks, "no notebooks in docs/notebooks: run nox -s notebooks"
    found = [
        f"{path.name} cell {index}: {line}"
        for path in notebooks
        for index, cell in enumerate(nbformat.read(path, as_version=4).cells)
        if cell.cell_type == "code"
        for line in harness_lines(cell.source)
    ]
    assert not found, "notebook cells hold the test harness:\n  " + "\n  ".join(found)


def test_the_check_sees_a_harness_line_in_a_code_block() -> None:
    page = '<pre><span></span><code><span class="c1"># output-check: volatile=x</span>\nprint(1)</code></pre>'
    assert harness_lines(code_blocks(page)[0]) == ["# output-check: volatile=x"]
    assert harness_lines(code_blocks("<pre><code>torch.manual_seed(0)</code></pre>")[0]) == []
