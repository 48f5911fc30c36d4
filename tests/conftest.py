"""Shared pytest options for the snippet check, its parallelism and its execution report.

Each snippet test attaches its cost to its report; the controlling process (the
only one, or pytest-xdist's controller) collects them and, when any snippet ran,
writes docs/execution-report.md and .snippet-cache/last-run.json at the end.
`pytest tests/test_snippets.py -n auto` starts one worker per core, or none when at
most one snippet lacks a cached run (workers would then cost more than they save).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from snippet_check import report as execution_report
from snippet_check.cache import CACHE_FOLDER, SnippetCache, cache_key, data_inputs, snippet_id
from snippet_check.directives import DirectiveError, parse_settings

ROOT = Path(__file__).resolve().parent.parent
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


def is_controller(config: pytest.Config) -> bool:
    return not hasattr(config, "workerinput")  # pytest-xdist gives its workers `workerinput`


def pytest_configure(config: pytest.Config) -> None:
    if is_controller(config) and config.getoption("--clear-cache"):
        SnippetCache(ROOT / CACHE_FOLDER).clear()


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
    checks_snippets = any(Path(arg.split("::")[0]).name == "test_snippets.py" for arg in config.args)
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
