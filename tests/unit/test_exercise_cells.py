"""booksite/notebooks.py on a made-up page with exercises: each solution box (`??? success "Solution: ..."`)
gives the notebook the task's Markdown, an exercise cell left for the reader, the box, then the solution's code
cell with its recorded output; any other box stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from scratch_projects import notebook_book

from booksite import notebooks

PAGE = """\
# A page

## Exercises

**1. Predict it (quick).** What does the loop print?

??? success "Solution: the loop"

    It counts from zero.

    ```python title="snippets/ch/exercise_loop.py"
    --8<-- "snippets/ch/exercise_loop.py"
    ```

    ```text title="Output"
    --8<-- "snippets/ch/exercise_loop.out"
    ```

??? example "The complete file, not an exercise"

    ```python
    --8<-- "snippets/ch/other.py"
    ```

The end.
"""


@pytest.fixture
def chapter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> notebooks.Chapter:
    files = {
        "snippets/ch/exercise_loop.py": "for i in range(2):\n    print(i)\n",
        "snippets/ch/exercise_loop.out": "0\n1\n",
        "snippets/ch/other.py": "print('other')\n",
        "snippets/ch/other.out": "other\n",
        "docs/page.md": PAGE,
    }
    notebook_book(tmp_path, files, monkeypatch)
    (found,) = notebooks.find_chapters(tmp_path / "docs")
    return found


def test_an_exercise_is_its_task_a_cell_for_the_reader_then_its_solution(chapter: notebooks.Chapter) -> None:
    cells = notebooks.build_notebook(chapter, {chapter.page}).cells[1:]  # after the note naming the page
    kinds = ["markdown", "code", "markdown", "code", "markdown", "code", "markdown"]
    assert [cell.cell_type for cell in cells] == kinds
    task, reader, box, solution, other_box, other, end = cells
    assert task.source.endswith("**1. Predict it (quick).** What does the loop print?")
    assert reader.source == notebooks.EXERCISE_SOURCE and reader.source.startswith("#")  # runs, prints nothing
    assert reader.outputs == [] and reader.metadata == {"tags": [notebooks.EXERCISE_TAG]}
    assert box.source == "> **Solution: the loop**\n>\n> It counts from zero."
    assert solution.metadata == {"snippet": "snippets/ch/exercise_loop.py"}
    assert [(output.output_type, output.text) for output in solution.outputs] == [("stream", "0\n1\n")]
    # Another kind of box is no exercise: no cell for the reader before its code.
    assert other_box.source == "> **The complete file, not an exercise**"
    assert other.metadata == {"snippet": "snippets/ch/other.py"}
    assert end.source == "The end."


@pytest.mark.parametrize(
    ("markdown", "split"),
    [
        ('Task.\n\n??? success "Solution: x"\n\n    Why.\n', ("Task.\n", '??? success "Solution: x"\n\n    Why.\n')),
        ('Task.\n\n???+ success "Solution"\n', ("Task.\n", '???+ success "Solution"\n')),
        # The include is not in the box when the text after it is back at the box's margin.
        ('??? success "Solution: x"\n\n    Why.\n\nMore prose.\n', None),
        ('Task.\n\n??? example "Solution: x"\n', None),  # another kind of box
        ('Task.\n\n??? success "Done"\n', None),  # a success box that is no solution
        ("Only prose.\n", None),
    ],
)
def test_split_at_solution(markdown: str, split: tuple[str, str] | None) -> None:
    assert notebooks.split_at_solution(markdown) == (split or (markdown, None))
