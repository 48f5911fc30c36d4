"""The generated notebooks (docs/notebooks/) are current, and hold exactly the chapters' snippets.

They are committed because "Open in Colab" opens a notebook from the GitHub
repository; these tests fail when a chapter or a snippet changed without them.
Regenerate with `nox -s notebooks` (or `python tools/notebooks.py`) and commit.
"""

from __future__ import annotations

import nbformat
import notebooks
import pytest

CHAPTERS = notebooks.find_chapters()


def test_every_chapter_has_a_current_notebook() -> None:
    problems = notebooks.stale_notebooks()
    fix = "Regenerate: nox -s notebooks (or python tools/notebooks.py), then commit."
    assert not problems, "\n".join([*problems, fix])


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda chapter: chapter.page.stem)
def test_code_cells_are_the_chapter_snippets_in_order(chapter: notebooks.Chapter) -> None:
    if not chapter.notebook.is_file():
        pytest.fail(f"{chapter.notebook.relative_to(notebooks.ROOT)} is missing: run nox -s notebooks")
    notebook = nbformat.read(chapter.notebook, as_version=4)
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    snippets = [notebooks.read_include(spec).rstrip("\n") for spec in chapter.includes]
    assert code == snippets, (
        f"{chapter.notebook.name}: its code cells are not the snippets of {chapter.page.name}, in order "
        f"({chapter.includes})"
    )


def test_notebook_outputs_are_the_recorded_ones() -> None:
    """Each code cell's output is its snippet's recorded .out, where the page shows one right after it."""
    for chapter in CHAPTERS:
        if not chapter.notebook.is_file():
            continue
        recorded = [path.with_suffix(".out") for path in chapter.snippets]
        recorded_text = {path.read_text(encoding="utf-8") for path in recorded if path.is_file()}
        notebook = nbformat.read(chapter.notebook, as_version=4)
        for cell in (cell for cell in notebook.cells if cell.cell_type == "code"):
            for output in cell.outputs:
                assert output.output_type == "stream" and output.name == "stdout"
                assert output.text in recorded_text, f"{chapter.notebook.name}: an output matches no recorded .out"


def test_chapters_are_found() -> None:
    # The first chapter has snippets: an empty list would make the tests above vacuous.
    assert any(chapter.page.name == "linear-regression.md" for chapter in CHAPTERS)
