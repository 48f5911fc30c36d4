"""One test per snippet: run it, then compare its output with the recorded one.

`pytest tests/test_snippets.py` checks every snippet; `-k NAME` selects some;
`--update` re-records their outputs (figures are regenerated on every run).
A snippet whose inputs have not changed is not run again: its cached run (output
and figures) is reused and still compared; `--no-cache` runs every snippet afresh,
`--clear-cache` empties the cache first, `--determinism` runs each one twice afresh
(the second time in a new interpreter, never forked from the torch-preloading
server) and fails where the two outputs differ beyond the snippet's tolerance.
With pytest-xdist (`-n auto`) snippets run side by side, the cores shared out.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import socket
from pathlib import Path

import pytest
from snippet_check import mnist_mirror
from snippet_check.cache import CACHE_FOLDER, MNIST_MARK, SnippetCache, cache_key, data_inputs, snippet_id
from snippet_check.compare import Tolerance, find_mismatch, unified_diff
from snippet_check.cores import share_cores
from snippet_check.directives import CheckSettings, parse_settings
from snippet_check.report import Record
from snippet_check.runner import SnippetRun, run_snippet

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
FIGURES = ROOT / "docs" / "figures"
DATA_ROOT = ROOT / "data"
ALL_SNIPPETS = sorted(SNIPPETS.rglob("*.py"))
CACHE = SnippetCache(ROOT / CACHE_FOLDER)


def recorded_path(snippet: Path) -> Path:
    return snippet.with_suffix(".out")


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def parallel_threads() -> int | None:
    """Threads per snippet when pytest-xdist runs several at once: the cores shared out."""
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    if workers <= 1:
        return None
    return max(1, len(os.sched_getaffinity(0)) // workers)


def remove_figures(figure_dir: Path, stem: str) -> None:
    """Delete this snippet's figures (`<stem>-<n>.png`), not those of a snippet named `<stem>-x`."""
    own = re.compile(rf"{re.escape(stem)}-\d+\.png")
    for stale in figure_dir.glob(f"{stem}-*.png"):
        if own.fullmatch(stale.name):
            stale.unlink()


def unmet_requirements(requires: tuple[str, ...]) -> list[str]:
    """Requirements of the form `module`, `program:NAME` or `host:NAME` not met here."""
    unmet = []
    for requirement in requires:
        kind, _, name = requirement.rpartition(":")
        if kind == "host":
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


@pytest.fixture(scope="session")
def mnist_data() -> Path:
    """MNIST in data/MNIST/raw: copied from MNIST_MIRROR, already there, or downloaded now."""
    with mnist_mirror.exclusive(DATA_ROOT):  # parallel workers prepare it one at a time
        mnist_mirror.prepare(DATA_ROOT)
        if not mnist_mirror.has_mnist(DATA_ROOT):
            if not mnist_mirror.download_reachable():
                pytest.fail(mnist_mirror.missing_data_message(DATA_ROOT.relative_to(ROOT)), pytrace=False)
            mnist_mirror.download(DATA_ROOT)
    return DATA_ROOT


def output_of(run: SnippetRun, settings: CheckSettings) -> str:
    """What the page shows: stdout, then the expected exception if the snippet demonstrates one."""
    if settings.raises and run.exception:
        return run.stdout + run.exception.as_output_line()
    return run.stdout


def failure_of_run(snippet: Path, run: SnippetRun, settings: CheckSettings) -> str | None:
    """Why this run cannot be compared (timeout, crash, wrong or missing exception)."""
    name = relative(snippet)
    stderr_tail = "\n".join(run.stderr.strip().splitlines()[-15:])
    if run.timed_out:
        return (
            f"{name} did not finish within {settings.timeout_s:g} s and was stopped "
            f"(a slow snippet may declare '# output-check: timeout=SECONDS')."
        )
    if run.crashed_without_report:
        return f"{name} died with exit code {run.exit_code} before reporting.\nstderr:\n{stderr_tail}"
    raised = run.exception
    if raised and raised.type != settings.raises:
        expected = f" (expected {settings.raises})" if settings.raises else ""
        return f"{name} crashed{expected}:\n{raised.describe(ROOT, snippet)}"
    if settings.raises and not raised:
        return f"{name} declares '# output-check: raises={settings.raises}' but raised nothing."
    return None


def fresh_run(snippet: Path, settings: CheckSettings, figure_dir: Path, preload_torch: bool = True) -> SnippetRun:
    """Run the snippet now; one declared `exclusive` waits for, and then keeps, every core."""
    with share_cores(ROOT / CACHE_FOLDER, exclusive=settings.exclusive):
        return run_snippet(
            snippet,
            root=ROOT,
            figure_dir=figure_dir,
            timeout_s=settings.timeout_s,
            threads=None if settings.exclusive else parallel_threads(),
            preload_torch=preload_torch,
        )


def check_reproducible(snippet: Path, settings: CheckSettings, first_output: str, figure_dir: Path) -> None:
    """Run the snippet again, in a new interpreter, and fail if its output differs beyond its tolerance.

    The first run may have been forked from the torch-preloading server; the second
    never is, so this also proves the preloading changes nothing a reader would see.
    """
    again = fresh_run(snippet, settings, figure_dir, preload_torch=False)
    problem = failure_of_run(snippet, again, settings)
    if problem:
        pytest.fail(f"second run: {problem}", pytrace=False)
    second_output = output_of(again, settings)
    reason = find_mismatch(first_output, second_output, Tolerance(settings.rtol, settings.atol), settings.volatile)
    if reason:
        name = relative(snippet)
        diff = unified_diff(first_output, second_output, f"first run of {name}", f"second run of {name}")
        pytest.fail(
            f"{name} is not deterministic: two fresh runs differ beyond its tolerance\n{reason}\n\n{diff}\n"
            f"Seed every random generator it uses; a value that may vary needs "
            f"'# output-check: rtol=...' or 'volatile=...'.",
            pytrace=False,
        )


@pytest.mark.parametrize("snippet", ALL_SNIPPETS, ids=[snippet_id(p, ROOT) for p in ALL_SNIPPETS])
def test_snippet_output(snippet: Path, request: pytest.FixtureRequest) -> None:
    source = snippet.read_text(encoding="utf-8")
    settings = parse_settings(source, relative(snippet))
    compile(source, relative(snippet), "exec")  # a syntax error fails even when skipped
    unmet = unmet_requirements(settings.requires)
    if unmet:
        request.node.user_properties.append(Record(relative(snippet), 0.0, 0.0, "skipped").as_property())
        pytest.skip(f"{relative(snippet)} needs what this machine lacks: {'; '.join(unmet)}")
    if MNIST_MARK in source:
        request.getfixturevalue("mnist_data")

    figure_dir = FIGURES / snippet.parent.name
    remove_figures(figure_dir, snippet.stem)
    key = cache_key(snippet, root=ROOT, inputs=data_inputs(source, settings.inputs))
    determinism = request.config.getoption("--determinism")
    fresh = determinism or request.config.getoption("--no-cache")
    run = None if fresh else CACHE.load(snippet_id(snippet, ROOT), key, figure_dir)
    hit = run is not None
    if run is None:
        run = fresh_run(snippet, settings, figure_dir)
    cost = Record(relative(snippet), round(run.seconds, 3), round(run.peak_memory_mib, 1), "hit" if hit else "miss")
    request.node.user_properties.append(cost.as_property())
    problem = failure_of_run(snippet, run, settings)
    if problem:
        pytest.fail(problem, pytrace=False)
    actual = output_of(run, settings)
    if determinism:
        check_reproducible(snippet, settings, actual, figure_dir)
    if not hit:  # a run that passed its own checks; it is compared with the recording below
        CACHE.store(snippet_id(snippet, ROOT), key, run)
    recorded_file = recorded_path(snippet)
    if request.config.getoption("--update"):
        recorded_file.write_text(actual, encoding="utf-8")
        return
    if not recorded_file.exists():
        pytest.fail(
            f"{relative(snippet)} has no recorded output {relative(recorded_file)}; "
            f"record it with: nox -s snippets -- --update -k {snippet.stem}",
            pytrace=False,
        )
    recorded = recorded_file.read_text(encoding="utf-8")
    reason = find_mismatch(recorded, actual, Tolerance(settings.rtol, settings.atol), settings.volatile)
    if reason:
        diff = unified_diff(
            recorded, actual, f"recorded {relative(recorded_file)}", f"actual python {relative(snippet)}"
        )
        pytest.fail(
            f"{relative(snippet)}: output drifted from {relative(recorded_file)}\n{reason}\n\n{diff}\n"
            f"If the new output is right, re-record it: nox -s snippets -- --update -k {snippet.stem}",
            pytrace=False,
        )


def test_every_recorded_output_has_its_snippet() -> None:
    orphans = [relative(out) for out in SNIPPETS.rglob("*.out") if not out.with_suffix(".py").exists()]
    assert not orphans, f"recorded outputs without a snippet (delete them): {orphans}"


def test_every_snippet_is_shown_on_a_page() -> None:
    pages = "\n".join(page.read_text(encoding="utf-8") for page in (ROOT / "docs").rglob("*.md"))
    missing = [relative(snippet) for snippet in ALL_SNIPPETS if f'--8<-- "{relative(snippet)}"' not in pages]
    assert not missing, f"snippets not included in any page under docs/: {missing}"
