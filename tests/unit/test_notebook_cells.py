"""booksite/notebooks.py on a made-up page: includes read as pymdownx.snippets reads them, each snippet one
code cell (an excerpt is Markdown, a repeat a note), a demonstrated exception stored as a kernel stores it."""

from __future__ import annotations

from pathlib import Path

import pytest
from scratch_projects import notebook_book

from booksite import notebooks

SNIPPET = """\
# output-check: rtol=0.01
# --8<-- [start:example]
\"\"\"Example.\"\"\"
x = 1
# --8<-- [start:loop]
for i in range(2):
    print(i)
# --8<-- [end:loop]
"""
RAISES = """\
# output-check: raises=RuntimeError
# --8<-- [start:example]
print("before")
raise RuntimeError("mat1 and mat2")
"""
PAGE = """\
# A page

The loop:

```python title="ch/loop.py" hl_lines="1"
--8<-- "snippets/ch/loop.py:loop"
```

??? example "The complete file"

    ``` { .python title="ch/loop.py" }
    --8<-- "snippets/ch/loop.py:example"
    ```

```text title="Output"
--8<-- "snippets/ch/loop.out"
```

=== "Before"

    ```python
    --8<-- "snippets/ch/loop.py"
    ```

=== "Mistake"

    ```python
    --8<-- "snippets/ch/raises.py:example"
    ```

    ```text
    --8<-- "snippets/ch/raises.out"
    ```

The end.
"""


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    files = {
        "snippets/ch/loop.py": SNIPPET,
        "snippets/ch/loop.out": "0\n1\n",
        "snippets/ch/raises.py": RAISES,
        "snippets/ch/raises.out": "before\nRuntimeError: mat1 and mat2\n",
        "docs/page.md": PAGE,
    }
    notebook_book(tmp_path, files, monkeypatch)
    return tmp_path


def test_includes_read_as_pymdownx_snippets_reads_them(root: Path) -> None:
    example = '"""Example."""\nx = 1\nfor i in range(2):\n    print(i)\n'
    assert notebooks.read_include("snippets/ch/loop.py:example") == example
    assert notebooks.read_include("snippets/ch/loop.py") == "# output-check: rtol=0.01\n" + example
    assert notebooks.read_include("snippets/ch/loop.py:loop") == "for i in range(2):\n    print(i)\n"
    assert notebooks.read_include("snippets/ch/loop.py:3:4") == '"""Example."""\nx = 1\n'
    with pytest.raises(notebooks.MissingInclude, match=r"\[start:nothing\]"):
        notebooks.read_include("snippets/ch/loop.py:nothing")


def test_each_snippet_is_one_code_cell_with_its_outputs(root: Path) -> None:
    (chapter,) = notebooks.find_chapters(root / "docs")
    assert chapter.includes == ["snippets/ch/loop.py:example", "snippets/ch/raises.py:example"]
    cells = notebooks.build_notebook(chapter, {chapter.page}).cells
    code = [cell for cell in cells if cell.cell_type == "code"]
    assert [cell.source for cell in code] == [
        notebooks.read_include("snippets/ch/loop.py:example").rstrip("\n"),
        'print("before")\nraise RuntimeError("mat1 and mat2")',
    ]
    assert [cell.metadata["snippet"] for cell in code] == ["snippets/ch/loop.py", "snippets/ch/raises.py"]
    assert [(output.output_type, output.text) for output in code[0].outputs] == [("stream", "0\n1\n")]
    markdown = "\n".join(cell.source for cell in cells if cell.cell_type == "markdown")
    # The excerpt is Markdown, as the page shows it; the complete file in an admonition, a quoted title and a cell.
    assert "The loop:\n\n```python\nfor i in range(2):\n    print(i)\n```\n\n> **The complete file**" in markdown
    assert "0\n1" not in markdown  # the output include is the cell's output, not repeated as text
    assert "*The page shows `snippets/ch/loop.py` again here: it is the code cell above.*" in markdown


def test_a_demonstrated_exception_is_an_error_output(root: Path) -> None:
    (chapter,) = notebooks.find_chapters(root / "docs")
    code = [cell for cell in notebooks.build_notebook(chapter, {chapter.page}).cells if cell.cell_type == "code"]
    stream, error = code[1].outputs
    assert (stream.output_type, stream.name, stream.text) == ("stream", "stdout", "before\n")
    assert (error.output_type, error.ename, error.evalue) == ("error", "RuntimeError", "mat1 and mat2")
    assert error.traceback == ["RuntimeError: mat1 and mat2"]
    assert code[1].metadata["tags"] == ["raises-exception"]
    assert "tags" not in code[0].metadata


def test_an_out_file_without_the_declared_exception_is_an_error(root: Path) -> None:
    (root / "snippets/ch/raises.out").write_text("before\n", encoding="utf-8")
    with pytest.raises(notebooks.RecordedOutputError, match="does not end with 'RuntimeError: message'"):
        notebooks.recorded_outputs("snippets/ch/raises.py")
