"""Run the generated notebooks in a Jupyter kernel and compare each code cell with its stored outputs.

    python -m booksite.execute_notebooks [NOTEBOOK ...]     # or: nox -s execute-notebooks

Each notebook (default: every docs/notebooks/*.ipynb) runs top to bottom in one new
kernel (nbclient), from the repository root, so `root="data"` finds MNIST, copied
there from MNIST_MIRROR first as the snippet check does. MPLBACKEND=Agg, as in a
reader's run: `plt.show()` draws nothing, and any image (display_data) output is
not compared (the snippet check saves and the pages show the figures). A cell runs
with its snippet's timeout (past it, it is interrupted and reported, and the next
cells run) and is skipped where its `requires=` are not met. Nothing caps threads:
PyTorch uses every core, as in a reader's kernel, so on a machine busy with other
runs its small training loops slow down many times over and may reach a timeout.

Each cell's outputs are read as one transcript in the form of a snippet's `.out`:
stdout as printed, then an error as `Type: message` (its traceback is not
compared), and an expression's value (execute_result) as its text, which a script
would not print. Stored and actual transcripts are compared as the snippet check
compares outputs (`booksite.snippet_check.compare`), with the snippet's tolerance and volatile
patterns from its `# output-check:` directives; the code cell's metadata names the
snippet. stderr is not compared, except that a warning the snippet does not declare
(`warns=`) fails the cell, as in the snippet check. Any mismatch is printed with its
notebook, cell number, snippet and a diff, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from booksite.snippet_check import mnist_mirror
from booksite.snippet_check.cache import MNIST_MARK
from booksite.snippet_check.directives import CheckSettings, parse_settings
from booksite.snippet_check.verdict import drift, undeclared_warning, unmet_requirements

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "docs" / "notebooks"
DATA_ROOT = ROOT / "data"


def settings_of(cell: nbformat.NotebookNode) -> CheckSettings:
    """The `# output-check:` settings of the snippet a code cell holds (the defaults if it names none)."""
    snippet = cell.metadata.get("snippet")
    if snippet is None:
        return CheckSettings()
    return parse_settings((ROOT / snippet).read_text(encoding="utf-8"), snippet)


def transcript(outputs: list[nbformat.NotebookNode]) -> str:
    """A cell's outputs as a snippet's `.out` reads: stdout, values, `Type: message`; stderr and images left out."""
    parts = []
    for output in outputs:
        if output.output_type == "stream" and output.name == "stdout":
            parts.append(output.text)
        elif output.output_type == "execute_result":
            parts.append(output.data.get("text/plain", "") + "\n")
        elif output.output_type == "error":
            parts.append(f"{output.ename}: {output.evalue}".rstrip() + "\n")
    return "".join(parts)


def stderr_of(outputs: list[nbformat.NotebookNode]) -> str:
    return "".join(output.text for output in outputs if output.output_type == "stream" and output.name == "stderr")


def cell_mismatch(stored: nbformat.NotebookNode, actual: nbformat.NotebookNode, settings: CheckSettings) -> str | None:
    """Why the executed cell's outputs differ from the stored ones, with a diff; None when they agree."""
    name = stored.metadata.get("snippet", "the cell")
    difference = drift(
        transcript(stored.outputs),
        transcript(actual.outputs),
        settings,
        expected_name="stored outputs",
        actual_name="outputs of this run",
    )
    return difference or undeclared_warning(stderr_of(actual.outputs), settings, name=name)


def compare(stored: nbformat.NotebookNode, executed: nbformat.NotebookNode, label: str, skipped: set[int]) -> list[str]:
    """One message per code cell of `executed` whose outputs leave the stored ones (cells in `skipped` were not run)."""
    mismatches = []
    for number, (want, got) in enumerate(zip(stored.cells, executed.cells), start=1):
        if want.cell_type != "code" or number in skipped:
            continue
        reason = cell_mismatch(want, got, settings_of(want))
        if reason:
            snippet = want.metadata.get("snippet", "no snippet")
            mismatches.append(f"{label}, cell {number} ({snippet}): {reason}")
    return mismatches


@dataclass
class Run:
    """A notebook run: the executed copy, the cells not compared (numbered from 1), notes, and failures of the run."""

    executed: nbformat.NotebookNode
    skipped: set[int] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def execute(notebook: nbformat.NotebookNode) -> Run:
    """Run a copy of `notebook` in a new kernel, each code cell with its snippet's timeout and requirements."""
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    run = Run(copy.deepcopy(notebook))
    client = NotebookClient(
        run.executed,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT)}},  # the working directory: the repository root
        allow_errors=True,  # an unexpected error is a mismatch to report; the next cells still run
        timeout_func=lambda cell: settings_of(cell).timeout_s,
        interrupt_on_timeout=True,  # a cell past its timeout is interrupted; the next cells still run
        extra_arguments=["--IPKernelApp.log_level=ERROR"],  # not its warning that local TCP is unencrypted
    )
    code = [(number, cell) for number, cell in enumerate(run.executed.cells, start=1) if cell.cell_type == "code"]
    with client.setup_kernel():
        for position, (number, cell) in enumerate(code):
            snippet, settings = cell.metadata.get("snippet", "no snippet"), settings_of(cell)
            unmet = unmet_requirements(settings.requires)
            if unmet:
                run.skipped.add(number)
                run.notes.append(f"cell {number} ({snippet}) skipped: needs {'; '.join(unmet)}")
                continue
            started = time.perf_counter()
            try:
                client.execute_cell(cell, number - 1)
            except DeadKernelError:
                run.skipped.update(later for later, _ in code[position:])
                run.failures.append(
                    f"cell {number} ({snippet}): the kernel died; the notebook's later cells did not run"
                )
                break
            if time.perf_counter() - started > settings.timeout_s:
                run.skipped.add(number)
                run.failures.append(
                    f"cell {number} ({snippet}) did not finish within its timeout, {settings.timeout_s:g} s, "
                    "and was interrupted ('# output-check: timeout=SECONDS' sets it)"
                )
    return run


def prepare_mnist() -> None:
    """MNIST in data/MNIST/raw, as the snippet check's `mnist_data` fixture puts it there."""
    with mnist_mirror.exclusive(DATA_ROOT):
        try:
            mnist_mirror.prepare(DATA_ROOT)
        except mnist_mirror.MirrorError as error:
            sys.exit(str(error))
        damaged = mnist_mirror.damaged_files(mnist_mirror.raw_folder(DATA_ROOT))
        if damaged:
            sys.exit(mnist_mirror.damaged_data_message(DATA_ROOT.relative_to(ROOT), damaged))
        if not mnist_mirror.has_mnist(DATA_ROOT):
            if not mnist_mirror.download_reachable():
                sys.exit(mnist_mirror.missing_data_message(DATA_ROOT.relative_to(ROOT)))
            mnist_mirror.download(DATA_ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every docs/notebooks/*.ipynb")
    paths = parser.parse_args(argv).notebooks or sorted(NOTEBOOKS.glob("*.ipynb"))
    os.environ["MPLBACKEND"] = "Agg"  # the kernels inherit it
    notebooks = {path: nbformat.read(path, as_version=4) for path in paths}
    if any(MNIST_MARK in cell.source for notebook in notebooks.values() for cell in notebook.cells):
        prepare_mnist()
    mismatches = []
    for path, stored in notebooks.items():
        started = time.perf_counter()
        run = execute(stored)
        found = compare(stored, run.executed, path.name, run.skipped)
        found += [f"{path.name}, {failure}" for failure in run.failures]
        mismatches += found
        print(f"{path.name}: {len(found)} mismatches, {time.perf_counter() - started:.0f} s")
        for note in run.notes:
            print(f"  {note}")
    for mismatch in mismatches:
        print(f"\n{mismatch}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
