"""booksite/execute_notebooks.py's comparison on small made-up notebooks (no kernel, no torch): a cell that
printed its stored output passes, a drifted one fails with a diff, an error compares by ename and evalue."""

from __future__ import annotations

import re

from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from booksite import execute_notebooks
from booksite.snippet_check.directives import CheckSettings


def notebook(*outputs: list) -> object:
    cells = [new_markdown_cell("# Page")]
    cells += [new_code_cell("print(...)", outputs=cell_outputs) for cell_outputs in outputs]
    return new_notebook(cells=cells)


def stdout(text: str) -> object:
    return new_output("stream", name="stdout", text=text)


def error(ename: str, evalue: str, traceback: list[str]) -> object:
    return new_output("error", ename=ename, evalue=evalue, traceback=traceback)


def test_a_cell_that_printed_its_stored_output_passes() -> None:
    stored = notebook([stdout("loss 0.25\naccuracy 0.90\n")])
    # A kernel may split a stream; the numbers may move within the tolerance.
    executed = notebook([stdout("loss 0.2500001\n"), stdout("accuracy 0.90\n")])
    assert execute_notebooks.compare(stored, executed, "page.ipynb", skipped=set()) == []


def test_a_drifted_output_fails_with_notebook_cell_and_diff() -> None:
    stored = notebook([stdout("first\n")], [stdout("loss 0.25\n")])
    executed = notebook([stdout("first\n")], [stdout("loss 0.31\n")])
    (mismatch,) = execute_notebooks.compare(stored, executed, "page.ipynb", skipped=set())
    assert mismatch.startswith("page.ipynb, cell 3 (no snippet): line 1: 0.31 differs from recorded 0.25")
    assert "-loss 0.25\n+loss 0.31\n" in mismatch


def test_a_cell_not_run_is_not_compared() -> None:
    stored = notebook([stdout("loss 0.25\n")])
    assert execute_notebooks.compare(stored, notebook([]), "page.ipynb", skipped={2}) == []
    assert execute_notebooks.compare(stored, notebook([]), "page.ipynb", skipped=set()) != []


def test_an_error_compares_by_ename_and_evalue_not_its_traceback() -> None:
    stored = notebook([stdout("before\n"), error("RuntimeError", "mat1 and mat2", ["RuntimeError: mat1 and mat2"])])
    frames = ["\x1b[0;31m----\x1b[0m", "Cell In[3], line 36", "RuntimeError: mat1 and mat2"]
    same = notebook([stdout("before\n"), error("RuntimeError", "mat1 and mat2", frames)])
    assert execute_notebooks.compare(stored, same, "page.ipynb", skipped=set()) == []
    other_type = notebook([stdout("before\n"), error("ValueError", "mat1 and mat2", frames)])
    (mismatch,) = execute_notebooks.compare(stored, other_type, "page.ipynb", skipped=set())
    assert "-RuntimeError: mat1 and mat2\n+ValueError: mat1 and mat2\n" in mismatch
    other_message = notebook([stdout("before\n"), error("RuntimeError", "shapes differ", frames)])
    assert execute_notebooks.compare(stored, other_message, "page.ipynb", skipped=set()) != []


def test_an_expression_value_counts_and_an_image_does_not() -> None:
    image = new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})
    stored = notebook([stdout("done\n")])
    assert execute_notebooks.compare(stored, notebook([stdout("done\n"), image]), "p.ipynb", skipped=set()) == []
    value = new_output("execute_result", data={"text/plain": "[<Line2D>]"}, execution_count=1)
    (mismatch,) = execute_notebooks.compare(stored, notebook([stdout("done\n"), value]), "p.ipynb", skipped=set())
    assert "+[<Line2D>]" in mismatch


def test_volatile_text_and_undeclared_warnings() -> None:
    settings = CheckSettings(volatile=(re.compile(r"[\d.]+ s\b"),))
    stored = new_code_cell("", outputs=[stdout("training time 4.1 s\n")])
    slower = new_code_cell("", outputs=[stdout("training time 9.7 s\n")])
    assert execute_notebooks.cell_mismatch(stored, slower, settings) is None
    warned = new_code_cell("", outputs=[stdout("training time 4.1 s\n")])
    warned.outputs.append(new_output("stream", name="stderr", text="/x/a.py:3: FutureWarning: old\n  f()\n"))
    assert "FutureWarning: old" in (execute_notebooks.cell_mismatch(stored, warned, settings) or "")
    declared = CheckSettings(volatile=settings.volatile, warns=("FutureWarning",))
    assert execute_notebooks.cell_mismatch(stored, warned, declared) is None
