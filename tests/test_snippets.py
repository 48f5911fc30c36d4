"""One test per snippet: run it, then compare its output with the recorded one.

`pytest tests/test_snippets.py` checks every snippet; `-k NAME` selects some;
`--update` re-records their outputs (figures are regenerated on every run).
A snippet whose inputs have not changed is not run again: its cached run (output
and figures) is reused and still compared; `--no-cache` runs every snippet afresh,
`--clear-cache` empties the cache first, `--determinism` runs each one twice afresh
(the second time in a new interpreter, never forked from the torch-preloading
server) and fails where the two outputs differ beyond the snippet's tolerance.
With pytest-xdist (`-n auto`) snippets run side by side, the cores shared out.
`--shard i/N` checks the i-th of N shards of about equal run time (tests/conftest.py,
booksite/snippet_check/shards.py); a snippet that declares `requires=cuda` is skipped
where PyTorch sees no CUDA GPU, and `--cuda` checks only those snippets.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from booksite.snippet_check.cache import CACHE_FOLDER, MNIST_MARK, SnippetCache, cache_key, data_inputs, snippet_id
from booksite.snippet_check.cores import share_cores
from booksite.snippet_check.directives import CheckSettings, parse_settings
from booksite.snippet_check.report import Record
from booksite.snippet_check.runner import SnippetRun, run_snippet
from booksite.snippet_check.verdict import drift, failure_of_run, output_of, unmet_requirements

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
FIGURES = ROOT / "docs" / "figures"
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
    name = relative(snippet)
    again = fresh_run(snippet, settings, figure_dir, preload_torch=False)
    problem = failure_of_run(again, settings, name=name, snippet=snippet, root=ROOT)
    if problem:
        pytest.fail(f"second run: {problem}", pytrace=False)
    difference = drift(
        first_output,
        output_of(again, settings),
        settings,
        expected_name=f"first run of {name}",
        actual_name=f"second run of {name}",
    )
    if difference:
        pytest.fail(
            f"{name} is not deterministic: two fresh runs differ beyond its tolerance\n{difference}\n"
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
    problem = failure_of_run(run, settings, name=relative(snippet), snippet=snippet, root=ROOT)
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
    difference = drift(
        recorded,
        actual,
        settings,
        expected_name=f"recorded {relative(recorded_file)}",
        actual_name=f"actual python {relative(snippet)}",
    )
    if difference:
        pytest.fail(
            f"{relative(snippet)}: output drifted from {relative(recorded_file)}\n{difference}\n"
            f"If the new output is right, re-record it: nox -s snippets -- --update -k {snippet.stem}",
            pytrace=False,
        )


def test_every_recorded_output_has_its_snippet() -> None:
    orphans = [relative(out) for out in SNIPPETS.rglob("*.out") if not out.with_suffix(".py").exists()]
    assert not orphans, f"recorded outputs without a snippet (delete them): {orphans}"


def test_every_snippet_is_shown_on_a_page() -> None:
    """Whole (`--8<-- "NAME.py"`, or `"NAME.py:example"` after a check header) on some page, not only excerpts."""
    pages = "\n".join(page.read_text(encoding="utf-8") for page in (ROOT / "docs").rglob("*.md"))
    missing = [
        relative(snippet)
        for snippet in ALL_SNIPPETS
        if not re.search(rf'--8<-- "{re.escape(relative(snippet))}(?::example)?"', pages)
    ]
    assert not missing, f"snippets not included whole in any page under docs/: {missing}"
