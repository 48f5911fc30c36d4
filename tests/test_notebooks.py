"""The generated notebooks (docs/notebooks/) are current, and hold each of the chapters' snippets once.

They are committed because "Open in Colab" opens a notebook from the GitHub
repository; these tests fail when a chapter or a snippet changed without them.
Regenerate with `nox -s notebooks` (or `python -m booksite.notebooks`) and commit.
`nox -s execute-notebooks` runs them in a Jupyter kernel (booksite/execute_notebooks.py).
"""

from __future__ import annotations

import nbformat
import pytest

from booksite import notebooks

CHAPTERS = notebooks.find_chapters()


def test_every_chapter_has_a_current_notebook() -> None:
    problems = notebooks.stale_notebooks()
    fix = "Regenerate: nox -s notebooks (or python -m booksite.notebooks), then commit."
    assert not problems, "\n".join([*problems, fix])


def code_cells(chapter: notebooks.Chapter) -> list[nbformat.NotebookNode]:
    if not chapter.notebook.is_file():
        pytest.fail(f"{chapter.notebook.relative_to(notebooks.ROOT)} is missing: run nox -s notebooks")
    cells = nbformat.read(chapter.notebook, as_version=4).cells
    # An exercise cell is the reader's, before a solution: no snippet, no output (tests/unit/test_exercise_cells.py).
    return [cell for cell in cells if cell.cell_type == "code" and not is_exercise(cell)]


def is_exercise(cell: nbformat.NotebookNode) -> bool:
    return notebooks.EXERCISE_TAG in cell.metadata.get("tags", [])


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda chapter: chapter.page.stem)
def test_each_snippet_the_page_shows_is_one_code_cell_in_page_order(chapter: notebooks.Chapter) -> None:
    cells = code_cells(chapter)
    shown = notebooks.snippet_includes(chapter.page.read_text(encoding="utf-8"))
    in_page_order = list(dict.fromkeys(spec.partition(":")[0] for spec in shown))
    assert [cell.metadata["snippet"] for cell in cells] == in_page_order, (
        f"{chapter.notebook.name}: its code cells are not the snippets of {chapter.page.name}, each once, in order "
        "(a page that shows an excerpt must include the complete file too)"
    )
    assert [cell.source for cell in cells] == [notebooks.read_include(spec).rstrip("\n") for spec in chapter.includes]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda chapter: chapter.page.stem)
def test_outputs_are_the_recorded_ones_as_a_kernel_stores_them(chapter: notebooks.Chapter) -> None:
    """stdout as a stream, a demonstrated exception as an error output: together, the snippet's .out."""
    for cell in code_cells(chapter):
        recorded = (notebooks.ROOT / cell.metadata["snippet"]).with_suffix(".out")
        text = "".join(output.text for output in cell.outputs if output.output_type == "stream")
        errors = [output for output in cell.outputs if output.output_type == "error"]
        text += "".join(f"{error.ename}: {error.evalue}\n" for error in errors)
        assert text == (recorded.read_text(encoding="utf-8") if recorded.is_file() else ""), cell.metadata["snippet"]
        assert [output.output_type for output in cell.outputs] in ([], ["stream"], ["error"], ["stream", "error"])
        assert ("raises-exception" in cell.metadata.get("tags", [])) == bool(errors)


def test_chapters_are_found() -> None:
    # The first chapter has snippets: an empty list would make the tests above vacuous.
    assert any(chapter.page.name == "linear-regression.md" for chapter in CHAPTERS)
