"""Run one snippet in its own process, with a timeout, and collect what it produced.

The child (`execute.py`) runs with the repository root as its working directory,
matplotlib's Agg backend and a fixed hash seed. It starts a new process group,
so a timeout stops the snippet together with any workers it started. A snippet
that imports torch is forked from a server with torch already imported
(`preload.py`): same process state, without paying torch's import each time.
It runs with the CPU's own kernels, as a reader's run does (`nox -s reader` checks
that outputs do not depend on them).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from booksite.snippet_check import preload

EXECUTE = Path(__file__).with_name("execute.py")
# torch._dynamo too: the first optimizer a process creates imports it (about 2 s on 2 cores),
# and most snippets create one.
PRELOADED = ("torch", "torch._dynamo")
IMPORTS_TORCH = re.compile(r"^\s*(?:import|from)\s+torch\b", re.MULTILINE)
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")
# pytest names the running test in PYTEST_CURRENT_TEST, a new value for every snippet. A
# snippet has no use for it, and the preloading server is shared by environment: left in,
# every snippet would start (and keep) a server of its own, a torch import and ~300 MB each.
PER_TEST_VARIABLES = ("PYTEST_CURRENT_TEST",)
# SNIPPET_CHECK_PRELOAD=0 runs every snippet in a fresh interpreter (the canary: a warning
# torch prints while it is imported then reaches the snippet's stderr, not the server's).
PRELOAD_VARIABLE = "SNIPPET_CHECK_PRELOAD"


@dataclass(frozen=True)
class RaisedException:
    type: str
    message: str
    frames: list[dict[str, object]]

    def as_output_line(self) -> str:
        """How an expected exception appears in a recorded output."""
        return f"{self.type}: {self.message}".rstrip() + "\n"

    def describe(self, root: Path, snippet: Path, last_library_frames: int = 3) -> str:
        """The traceback as Python prints it: every frame in the snippet, the last few beyond it."""
        lines = []
        for index, frame in enumerate(self.frames):
            path = Path(str(frame["file"]))
            if path != snippet and index < len(self.frames) - last_library_frames:
                continue
            shown = path.relative_to(root) if path.is_relative_to(root) else path
            lines.append(f'  File "{shown}", line {frame["line"]}, in {frame["function"]}')
            if frame.get("code"):
                lines.append(f"    {frame['code']}")
        lines.append(f"{self.type}: {self.message}")
        return "\n".join(lines)


@dataclass(frozen=True)
class SnippetRun:
    stdout: str
    stderr: str
    exception: RaisedException | None
    timed_out: bool
    exit_code: int | None
    seconds: float
    peak_memory_mib: float
    figures: list[Path]

    @property
    def crashed_without_report(self) -> bool:
        """The child died before it could report (killed, segfault, interpreter error)."""
        return not self.timed_out and self.exception is None and self.exit_code != 0


def run_in_new_session(
    command: list[str], *, cwd: Path, env: dict[str, str], stdout: Path, stderr: Path, timeout_s: float
) -> tuple[int | None, bool]:
    """Run `command` in its own process group; return (exit code or None, timed out).

    At the timeout the whole group is killed: the command and every process it started.
    """
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True
        )
        try:
            return process.wait(timeout=timeout_s), False
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return None, True


def run_snippet(
    snippet: Path,
    *,
    root: Path,
    figure_dir: Path,
    timeout_s: float,
    threads: int | None = None,
    preload_torch: bool = True,
    environment: Mapping[str, str] | None = None,
) -> SnippetRun:
    """Run `snippet` from `root` and return its output, error, figures and cost.

    `environment` is the snippet's whole environment; by default this process's with the
    harness settings (Agg, a fixed hash seed, unbuffered output).
    `threads` caps the math libraries' thread pools (unless the environment already
    does), so that snippets running side by side do not oversubscribe the cores.
    A snippet that imports torch runs forked from a server that imported it already
    (`preload.py`), unless `preload_torch` is false, SNIPPET_CHECK_PRELOAD=0, or that server is unavailable.
    """
    if environment is None:
        inherited = {name: value for name, value in os.environ.items() if name not in PER_TEST_VARIABLES}
        env = {**inherited, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0", "PYTHONUNBUFFERED": "1"}
    else:
        env = dict(environment)
    if threads is not None:
        for variable in THREAD_VARIABLES:
            env.setdefault(variable, str(threads))
    with tempfile.TemporaryDirectory(prefix="snippet-") as scratch:
        result_file, stdout_file, stderr_file = (Path(scratch) / name for name in ("result.json", "stdout", "stderr"))
        outcome = None
        preload_torch = preload_torch and os.environ.get(PRELOAD_VARIABLE) != "0"
        if preload_torch and IMPORTS_TORCH.search(snippet.read_text(encoding="utf-8")):
            try:
                server = preload.shared(PRELOADED, env=env)
                started = time.perf_counter()  # the server's one-off start is not this snippet's cost
                outcome = server.run(
                    snippet,
                    cwd=root,
                    result=result_file,
                    figure_dir=figure_dir,
                    stdout=stdout_file,
                    stderr=stderr_file,
                    timeout_s=timeout_s,
                )
            except preload.PreloadUnavailable:
                result_file.unlink(missing_ok=True)
        if outcome is None:
            command = [sys.executable, "-X", "utf8", str(EXECUTE), str(snippet), str(result_file), str(figure_dir)]
            started = time.perf_counter()
            outcome = run_in_new_session(
                command, cwd=root, env=env, stdout=stdout_file, stderr=stderr_file, timeout_s=timeout_s
            )
        seconds = time.perf_counter() - started
        exit_code, timed_out = outcome
        stdout = stdout_file.read_text(encoding="utf-8", errors="replace")
        stderr = stderr_file.read_text(encoding="utf-8", errors="replace")
        report = json.loads(result_file.read_text(encoding="utf-8")) if result_file.exists() else {}
    raised = report.get("exception")
    return SnippetRun(
        stdout=stdout,
        stderr=stderr,
        exception=RaisedException(**raised) if raised else None,
        timed_out=timed_out,
        exit_code=exit_code,
        seconds=seconds,
        peak_memory_mib=float(report.get("peak_memory_mib", 0.0)),
        figures=[Path(path) for path in report.get("figures", [])],
    )
