"""Shared pytest options for the snippet check, its parallelism and its execution report.

Each snippet test attaches its cost to its report; the controlling process (the
only one, or pytest-xdist's controller) collects them and, when any snippet ran,
writes docs/execution-report.md and .snippet-cache/last-run.json at the end.
`pytest tests/test_snippets.py -n auto` starts one worker per core, or none when at
most one snippet lacks a cached run (workers would then cost more than they save).
`--kernels` chooses the configurations of tests/test_reader.py, whose header says
which CPU kernels PyTorch really runs under them. Both checks share `mnist_data`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from booksite.snippet_check import mnist_mirror
from booksite.snippet_check import report as execution_report
from booksite.snippet_check.cache import CACHE_FOLDER, SnippetCache, cache_key, data_inputs, snippet_id
from booksite.snippet_check.directives import DirectiveError, parse_settings
from booksite.snippet_check.reader import capability_notes, parse_configurations

ROOT = Path(__file__).resolve().parent.parent
DATA_ROOT = ROOT / "data"
RECORDS: list[execution_report.Record] = []


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("snippets", "executable docs")
    group.addoption(
        "--update",
        action="store_true",
        help="re-record each selected snippet's output instead of comparing it",
    )
    group.addoption(
        "--no-cache",
        action="store_true",
        help="run every selected snippet afresh instead of reusing a cached run of the same inputs",
    )
    group.addoption(
        "--clear-cache",
        action="store_true",
        help=f"empty the snippet cache ({CACHE_FOLDER}/) before the run",
    )
    group.addoption(
        "--determinism",
        action="store_true",
        help="run each snippet twice without the cache; fail where the outputs differ beyond its tolerance",
    )
    group.addoption(
        "--kernels",
        default="default",
        help="tests/test_reader.py's configurations: 'default' (the reader's CPU defaults), 'all', or a comma list "
        "of names such as aten-avx2.mkl-auto.threads-all (see booksite/snippet_check/reader.py)",
    )


def is_controller(config: pytest.Config) -> bool:
    return not hasattr(config, "workerinput")  # pytest-xdist gives its workers `workerinput`


def runs_test_file(config: pytest.Config, name: str) -> bool:
    return any(Path(arg.split("::")[0]).name == name for arg in config.args)


def pytest_configure(config: pytest.Config) -> None:
    try:
        parse_configurations(config.getoption("--kernels"))
    except ValueError as error:
        raise pytest.UsageError(f"--kernels: {error}") from error
    if is_controller(config) and config.getoption("--clear-cache"):
        SnippetCache(ROOT / CACHE_FOLDER).clear()


def pytest_report_header(config: pytest.Config) -> list[str]:
    if not (is_controller(config) and runs_test_file(config, "test_reader.py")):
        return []
    configurations = parse_configurations(config.getoption("--kernels"))
    return [f"reader configurations: {', '.join(c.name for c in configurations)}", *capability_notes(configurations)]


@pytest.fixture(scope="session")
def mnist_data() -> Path:
    """MNIST in data/MNIST/raw: copied from MNIST_MIRROR, already there, or downloaded now."""
    with mnist_mirror.exclusive(DATA_ROOT):  # parallel workers prepare it one at a time
        unusable = None
        try:
            mnist_mirror.prepare(DATA_ROOT)
        except mnist_mirror.MirrorError as error:
            unusable = str(error)
        if unusable:
            pytest.fail(unusable, pytrace=False)
        damaged = mnist_mirror.damaged_files(mnist_mirror.raw_folder(DATA_ROOT))
        if damaged:
            pytest.fail(mnist_mirror.damaged_data_message(DATA_ROOT.relative_to(ROOT), damaged), pytrace=False)
        if not mnist_mirror.has_mnist(DATA_ROOT):
            if not mnist_mirror.download_reachable():
                pytest.fail(mnist_mirror.missing_data_message(DATA_ROOT.relative_to(ROOT)), pytrace=False)
            mnist_mirror.download(DATA_ROOT)
    return DATA_ROOT


def snippets_without_cached_run() -> int:
    """How many snippets would run now (an estimate: `-k` and `requires=` are not known yet)."""
    cache = SnippetCache(ROOT / CACHE_FOLDER)
    count = 0
    for snippet in (ROOT / "snippets").rglob("*.py"):
        source = snippet.read_text(encoding="utf-8")
        try:
            inputs = data_inputs(source, parse_settings(source).inputs)
        except DirectiveError:
            inputs = []  # the test reports it
        count += not cache.has(snippet_id(snippet, ROOT), cache_key(snippet, root=ROOT, inputs=inputs))
    return count


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    checks_snippets = runs_test_file(config, "test_snippets.py")
    fresh = any(config.getoption(name) for name in ("--no-cache", "--clear-cache", "--determinism"))
    if checks_snippets and not fresh and snippets_without_cached_run() <= 1:
        return 0
    return None  # pytest-xdist's own choice: one worker per core


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call":  # every phase carries the test's properties; take them once
        RECORDS.extend(execution_report.records_in(report.user_properties))


def pytest_sessionfinish(session: pytest.Session) -> None:
    if is_controller(session.config) and RECORDS:
        execution_report.write(
            RECORDS,
            page=ROOT / execution_report.REPORT_PAGE,
            summary=ROOT / CACHE_FOLDER / "last-run.json",
            total_snippets=sum(1 for _ in (ROOT / "snippets").rglob("*.py")),
        )
