"""Run a snippet as a reader does, and say where its output leaves the recorded one.

The snippet check (`runner.py`) runs each snippet with harness settings: forked from a
torch-preloading server, a fixed hash seed, capped threads. A reader who copies one
file has none of them. `check_as_reader` copies the snippet alone into an empty
folder, links in the data it reads at the same relative
path (`data/MNIST/raw/*` for MNIST, `# output-check: inputs=`), and runs it there with
every runner variable removed, plus the variables of one `Configuration` and two that
change no number: MPLBACKEND=Agg (plt.show() returns) and OMP_WAIT_POLICY=PASSIVE.
`default` sets no other: the reader's CPU defaults on every core, run as `python NAME.py`
in a new interpreter. `all` adds a pairwise-covering set over ATEN_CPU_CAPABILITY
(default, avx2, avx512) x MKL_CBWR (AUTO, COMPATIBLE) x threads (1, every core); these
kernel variables exist on x86-64 only. They vary what the CPU computes, not how Python
starts: a one-thread configuration runs forked from a server that imported torch under
its variables (`runner.run_snippet`), which saves torch's import, most of a small
snippet's run. Its output is compared as the snippet check does.
"""

from __future__ import annotations

import functools
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from booksite.snippet_check.cache import data_inputs
from booksite.snippet_check.directives import CheckSettings
from booksite.snippet_check.runner import (
    PER_TEST_VARIABLES,
    THREAD_VARIABLES,
    RaisedException,
    SnippetRun,
    run_in_new_session,
    run_snippet,
)
from booksite.snippet_check.shown import shown_source
from booksite.snippet_check.verdict import drift, failure_of_run, output_of

X86_64 = ("x86_64", "AMD64")
KERNEL_VARIABLES = ("ATEN_CPU_CAPABILITY", "MKL_CBWR")  # PyTorch's vector kernels, MKL's code path
# The runner's settings, and pytest's name of the running test (a forked run's preloading
# server is shared by environment: a variable new for every test would start one per test).
RUNNER_VARIABLES = (*KERNEL_VARIABLES, *THREAD_VARIABLES, "PYTHONHASHSEED", "PYTHONUNBUFFERED", *PER_TEST_VARIABLES)
# Set for every reader's run; neither changes a number. Agg: plt.show() returns instead of
# waiting for a window. PASSIVE: an idle OpenMP thread sleeps instead of spinning, so two runs
# on every core can go side by side (spinning, two 2-thread runs on 2 cores took 85 s each
# for a 15 s snippet; sleeping, 19 s each).
READER_VARIABLES = {"MPLBACKEND": "Agg", "OMP_WAIT_POLICY": "PASSIVE"}
TRACEBACK_START = "Traceback (most recent call last):"
FRAME = re.compile(r'  File "(?P<file>.+)", line (?P<line>\d+), in (?P<function>.+)')
PROBE_CAPABILITY = "import torch; print(torch.backends.cpu.get_cpu_capability())"
LACKS_AVX512 = "this CPU lacks AVX-512, and PyTorch run with ATEN_CPU_CAPABILITY=avx512 here dies of SIGILL"


@dataclass(frozen=True)
class Configuration:
    """What a reader may have set; None leaves the choice to the library, for this CPU."""

    aten_cpu_capability: str | None = None  # PyTorch's vector kernels: default (none), avx2, avx512
    mkl_cbwr: str | None = None  # MKL's kernels: AUTO (by processor), COMPATIBLE (reproducible)
    one_thread: bool = False  # else every core

    @property
    def name(self) -> str:
        if self == DEFAULT:
            return "default"
        aten = self.aten_cpu_capability or "cpu"
        mkl = (self.mkl_cbwr or "cpu").lower()
        return f"aten-{aten}.mkl-{mkl}.threads-{'1' if self.one_thread else 'all'}"

    @property
    def variables(self) -> dict[str, str]:
        threads = dict.fromkeys(THREAD_VARIABLES, "1") if self.one_thread else {}
        kernels = {"ATEN_CPU_CAPABILITY": self.aten_cpu_capability, "MKL_CBWR": self.mkl_cbwr}
        return {variable: value for variable, value in kernels.items() if value is not None} | threads

    def unsupported_on(self, machine: str) -> str | None:
        """Why this configuration cannot run on `machine` and its CPU, or None.

        The kernel variables are x86-64's; and told ATEN_CPU_CAPABILITY=avx512 on a CPU
        without AVX-512, PyTorch (2.14) does not fall back: it dies of SIGILL in its
        first AVX-512 kernel, a crash no reader of that CPU meets.
        """
        if self.aten_cpu_capability is None and self.mkl_cbwr is None:
            return None
        if machine not in X86_64:
            return f"{self.name} selects x86-64 CPU kernels; this machine is {machine}"
        if self.aten_cpu_capability == "avx512" and default_capability() != "AVX512":
            return f"{self.name}: {LACKS_AVX512}"
        return None


DEFAULT = Configuration()
PAIRWISE = (
    Configuration("default", "AUTO", one_thread=True),  # ATEN's "default": its plain, unvectorized kernels
    Configuration("default", "COMPATIBLE"),
    Configuration("avx2", "AUTO"),
    Configuration("avx2", "COMPATIBLE", one_thread=True),
    Configuration("avx512", "AUTO", one_thread=True),
    Configuration("avx512", "COMPATIBLE"),
)
ALL = (DEFAULT, *PAIRWISE)


def parse_configurations(text: str) -> list[Configuration]:
    """`default`, `all`, or a comma list of configuration names (and those two), in order, once each."""
    by_name = {configuration.name: configuration for configuration in ALL}
    chosen: list[Configuration] = []
    for name in (part.strip() for part in text.split(",")):
        if name == "all":
            named = ALL
        elif name in by_name:
            named = (by_name[name],)
        else:
            raise ValueError(
                f"unknown kernel configuration {name!r}: give 'default', 'all' or a comma list of {', '.join(by_name)}"
            )
        chosen.extend(configuration for configuration in named if configuration not in chosen)
    return chosen


def reader_environment(configuration: Configuration, environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """`environ` without any variable the snippet runner sets, plus MPLBACKEND=Agg and the configuration's."""
    kept = {variable: value for variable, value in environ.items() if variable not in RUNNER_VARIABLES}
    return kept | READER_VARIABLES | configuration.variables


def prepare_folder(folder: Path, snippet: Path, *, root: Path, inputs: Sequence[str]) -> Path:
    """Make `folder` hold the page's copy of `snippet` and links to the data files it reads (globs from `root`)."""
    folder.mkdir(parents=True)
    for pattern in inputs:
        for data_file in sorted(root.glob(pattern)):
            if data_file.is_file():
                link = folder / data_file.relative_to(root)
                link.parent.mkdir(parents=True, exist_ok=True)
                link.symlink_to(data_file.resolve())
    copy = folder / snippet.name
    copy.write_text(shown_source(snippet.read_text(encoding="utf-8")), encoding="utf-8")
    return copy


def exception_in_traceback(stderr: str) -> RaisedException | None:
    """The last exception Python printed on `stderr`: its type without the module, message and frames."""
    _, start, traceback = stderr.rpartition(TRACEBACK_START)
    if not start:
        return None
    lines = traceback.splitlines()[1:]
    frames: list[dict[str, object]] = []
    for index, line in enumerate(lines):
        frame = FRAME.fullmatch(line)
        if frame:
            frames.append({**frame.groupdict(), "line": int(frame["line"]), "code": None})
        elif not line.startswith(" "):
            qualified_type, _, message = "\n".join(lines[index:]).partition(": ")
            return RaisedException(type=qualified_type.rpartition(".")[2], message=message, frames=frames)
        elif frames and frames[-1]["code"] is None and line.strip(" ^~"):  # the frame's source line
            frames[-1]["code"] = line.strip()
    return None


def run_as_reader(copy: Path, configuration: Configuration, *, timeout_s: float, logs: Path) -> SnippetRun:
    """`python NAME.py` in the copy's folder, in the reader's environment; stdout and stderr go to `logs`."""
    stdout_file, stderr_file = logs / "stdout", logs / "stderr"
    started = time.perf_counter()
    exit_code, timed_out = run_in_new_session(
        [sys.executable, copy.name],
        cwd=copy.parent,
        env=reader_environment(configuration),
        stdout=stdout_file,
        stderr=stderr_file,
        timeout_s=timeout_s,
    )
    seconds = time.perf_counter() - started
    stderr = stderr_file.read_text(encoding="utf-8", errors="replace")
    return SnippetRun(
        stdout=stdout_file.read_text(encoding="utf-8", errors="replace"),
        stderr=stderr,
        exception=exception_in_traceback(stderr) if exit_code else None,
        timed_out=timed_out,
        exit_code=exit_code,
        seconds=seconds,
        peak_memory_mib=0.0,  # not measured for a reader's run
        figures=[],  # shown by plt.show(), which Agg makes a no-op; the snippet check saves them
    )


def run_configuration(copy: Path, configuration: Configuration, *, timeout_s: float, logs: Path) -> SnippetRun:
    """A one-thread configuration forked from a server that imported torch under its variables (a snippet
    without torch: a new interpreter); any other as `python NAME.py`, in a new interpreter."""
    if configuration.one_thread:
        environment = reader_environment(configuration)
        return run_snippet(
            copy, root=copy.parent, figure_dir=logs / "figures", timeout_s=timeout_s, environment=environment
        )
    return run_as_reader(copy, configuration, timeout_s=timeout_s, logs=logs)


def check_as_reader(snippet: Path, settings: CheckSettings, configuration: Configuration, *, root: Path) -> str | None:
    """Run `snippet` as a reader does under `configuration`; say why its output is not the recorded one, or None."""
    name = snippet.relative_to(root).as_posix()
    where = f"{name} [{configuration.name}]"
    command = [*(f"{variable}={value}" for variable, value in configuration.variables.items()), "python", name]
    reproduce = f"A reader's run, from the repository root: {' '.join(command)}"
    with tempfile.TemporaryDirectory(prefix="reader-") as scratch:
        folder = Path(scratch).resolve() / "reader"
        inputs = data_inputs(snippet.read_text(encoding="utf-8"), settings.inputs)
        copy = prepare_folder(folder, snippet, root=root, inputs=inputs)
        run = run_configuration(copy, configuration, timeout_s=settings.timeout_s, logs=Path(scratch))
        problem = failure_of_run(run, settings, name=where, snippet=copy, root=folder)
    if problem:
        return f"{problem}\n{reproduce}"
    recorded = snippet.with_suffix(".out")
    if not recorded.is_file():
        return f"{where}: no recorded output {recorded.relative_to(root).as_posix()} to compare with."
    difference = drift(
        recorded.read_text(encoding="utf-8"),
        output_of(run, settings),
        settings,
        expected_name=f"recorded {recorded.relative_to(root).as_posix()}",
        actual_name=f"python {snippet.name} [{configuration.name}]",
    )
    if difference:
        return f"{where}: a reader's output differs from the recorded one\n{difference}\n{reproduce}"
    return None


@functools.cache
def default_capability() -> str:
    """The vector kernels PyTorch picks for this CPU with no ATEN_CPU_CAPABILITY set: AVX2, AVX512, ..."""
    probe = [sys.executable, "-c", PROBE_CAPABILITY]
    environment = reader_environment(DEFAULT)
    return subprocess.run(probe, env=environment, capture_output=True, text=True, timeout=120).stdout.strip()


def capability_notes(configurations: Iterable[Configuration]) -> list[str]:
    """What PyTorch runs here by default, and which configurations this CPU cannot run."""
    notes = [f"PyTorch's CPU kernels here by default: {default_capability() or 'unknown (torch did not start)'}"]
    reasons = (configuration.unsupported_on(platform.machine()) for configuration in configurations)
    return notes + [f"skipped: {reason}" for reason in reasons if reason]
