"""Run one snippet in its own process, with a timeout, and collect what it produced.

The child (`execute.py`) runs with the repository root as its working directory,
matplotlib's Agg backend and a fixed hash seed. It starts a new process group,
so a timeout stops the snippet together with any workers it started.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

EXECUTE = Path(__file__).with_name("execute.py")


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


def run_snippet(snippet: Path, *, root: Path, figure_dir: Path, timeout_s: float) -> SnippetRun:
    """Run `snippet` from `root` and return its output, error, figures and cost."""
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0", "PYTHONUNBUFFERED": "1"}
    with tempfile.TemporaryDirectory(prefix="snippet-") as scratch:
        result_file = Path(scratch) / "result.json"
        command = [sys.executable, "-X", "utf8", str(EXECUTE), str(snippet), str(result_file), str(figure_dir)]
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=root,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            start_new_session=True,
        )
        timed_out = False
        try:
            stdout, stderr = process.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(process.pid, signal.SIGKILL)
            stdout, stderr = process.communicate()
        seconds = time.perf_counter() - started
        report = json.loads(result_file.read_text(encoding="utf-8")) if result_file.exists() else {}
    raised = report.get("exception")
    return SnippetRun(
        stdout=stdout,
        stderr=stderr,
        exception=RaisedException(**raised) if raised else None,
        timed_out=timed_out,
        exit_code=None if timed_out else process.returncode,
        seconds=seconds,
        peak_memory_mib=float(report.get("peak_memory_mib", 0.0)),
        figures=[Path(path) for path in report.get("figures", [])],
    )
