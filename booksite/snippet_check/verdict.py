"""What a finished snippet run means for the check, whoever ran it (the harness or a reader's `python`).

- `unmet_requirements`: the `requires=` a machine lacks (the snippet is then skipped), `cuda` among them;
- `failure_of_run`: why a run cannot be compared (timeout, crash, wrong or missing exception,
  a warning Python printed that the snippet does not declare with `warns=`);
- `output_of`: what the page shows, stdout and the expected exception's `Type: message`;
- `drift`: the first difference from another output beyond the snippet's tolerance, and a diff.

With `SNIPPET_CHECK_WARNINGS=record` in the environment (the canary, `booksite/canary.py`), an
undeclared warning does not fail the run: it is re-issued as a `PrintedWarning`, which pytest
records against the test, and the output is still compared.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import signal
import socket
import warnings
from pathlib import Path

from booksite.snippet_check.compare import Tolerance, find_mismatch, unified_diff
from booksite.snippet_check.directives import CheckSettings
from booksite.snippet_check.runner import SnippetRun

# How Python's warnings module prints a warning: `file:line: Category: message`.
PRINTED_WARNING = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<category>\w*Warning): (?P<message>.*)$", re.MULTILINE)
WARNINGS_VARIABLE = "SNIPPET_CHECK_WARNINGS"


class PrintedWarning(UserWarning):
    """A warning a snippet printed, recorded instead of failing the check (`SNIPPET_CHECK_WARNINGS=record`)."""


def records_warnings() -> bool:
    return os.environ.get(WARNINGS_VARIABLE) == "record"


CUDA = "cuda"  # `requires=cuda`: a GPU that PyTorch can use


def cuda_unavailable() -> str | None:
    """Why PyTorch cannot use a CUDA GPU here, or None when it can. Imports torch, only when asked."""
    if importlib.util.find_spec("torch") is None:
        return "CUDA GPU unavailable: module torch not installed"
    import torch  # here, not at the top: seconds to import, and only a `requires=cuda` snippet needs it

    if not torch.cuda.is_available():
        return "no CUDA GPU (torch.cuda.is_available() is False)"
    return None


def unmet_requirements(requires: tuple[str, ...]) -> list[str]:
    """Requirements of the form `cuda`, `module`, `program:NAME` or `host:NAME` not met here."""
    unmet = []
    for requirement in requires:
        kind, _, name = requirement.rpartition(":")
        if requirement == CUDA:
            reason = cuda_unavailable()
            if reason:
                unmet.append(reason)
        elif kind == "host":
            try:
                socket.create_connection((name, 443), timeout=3).close()
            except OSError:
                unmet.append(f"host {name} unreachable")
        elif kind == "program":
            if shutil.which(name) is None:
                unmet.append(f"program {name} not installed")
        elif importlib.util.find_spec(name) is None:
            unmet.append(f"module {name} not installed")
    return unmet


def output_of(run: SnippetRun, settings: CheckSettings) -> str:
    """What the page shows: stdout, then the expected exception if the snippet demonstrates one."""
    if settings.raises and run.exception:
        return run.stdout + run.exception.as_output_line()
    return run.stdout


def failure_of_run(run: SnippetRun, settings: CheckSettings, *, name: str, snippet: Path, root: Path) -> str | None:
    """Why this run of `snippet` (called `name` in messages) cannot be compared; frames are shown from `root`."""
    stderr_tail = "\n".join(run.stderr.strip().splitlines()[-15:])
    if records_warnings():
        record_warnings(run.stderr, settings, name=name)
    if run.timed_out:
        return (
            f"{name} did not finish within {settings.timeout_s:g} s and was stopped "
            f"(a slow snippet may declare '# output-check: timeout=SECONDS')."
        )
    if run.crashed_without_report:
        code = run.exit_code or 0
        ended = f"was killed by signal {-code} ({signal.strsignal(-code)})" if code < 0 else f"exited with code {code}"
        return f"{name} {ended} without reporting an exception.\nstderr:\n{stderr_tail}"
    raised = run.exception
    if raised and raised.type != settings.raises:
        expected = f" (expected {settings.raises})" if settings.raises else ""
        return f"{name} crashed{expected}:\n{raised.describe(root, snippet)}"
    if settings.raises and not raised:
        return f"{name} declares '# output-check: raises={settings.raises}' but raised nothing."
    return None if records_warnings() else undeclared_warning(run.stderr, settings, name=name)


def undeclared_warning(stderr: str, settings: CheckSettings, *, name: str) -> str | None:
    """The first warning on `stderr` that the snippet does not demonstrate (`warns=`), as a failure."""
    for warning in PRINTED_WARNING.finditer(stderr):
        if warning["category"] not in settings.warns:
            return (
                f"{name} printed a warning, at {Path(warning['file']).name}:{warning['line']}:\n"
                f"  {warning['category']}: {warning['message']}\n"
                f"A reader who copies it sees this too: change the code that triggers it, or, if the snippet "
                f"demonstrates it, declare '# output-check: warns={warning['category']}'."
            )
    return None


def record_warnings(stderr: str, settings: CheckSettings, *, name: str) -> None:
    """Issue each warning on `stderr` that the snippet does not declare as a `PrintedWarning` of this test."""
    for warning in PRINTED_WARNING.finditer(stderr):
        if warning["category"] not in settings.warns:
            file = warning["file"]
            where = file.rpartition("site-packages/")[2] if "site-packages/" in file else Path(file).name
            text = f"{name} printed, at {where}:{warning['line']}: {warning['category']}: {warning['message']}"
            warnings.warn(PrintedWarning(text), stacklevel=1)


def drift(expected: str, actual: str, settings: CheckSettings, *, expected_name: str, actual_name: str) -> str | None:
    """The first line where `actual` leaves `expected` beyond the snippet's tolerance, then a unified diff."""
    reason = find_mismatch(expected, actual, Tolerance(settings.rtol, settings.atol), settings.volatile)
    if reason is None:
        return None
    return f"{reason}\n\n{unified_diff(expected, actual, expected_name, actual_name)}"
