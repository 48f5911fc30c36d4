"""The canary: what new releases of the book's libraries change in what its snippets print.

`nox -s canary` installs NumPy, PyTorch, torchvision, scikit-learn and matplotlib at their
newest releases (or at a version set named on its command line), runs the snippet check
(`tests/test_snippets.py`) afresh with this module as a pytest plugin, then renders the report:

    pytest tests/test_snippets.py -p booksite.canary --canary-results RESULTS.json ...
    python -m booksite.canary RESULTS.json --report .artifacts/canary.md

The plugin records, for each test, its outcome and failure text (from pytest's own reports,
which pytest-xdist carries from its workers) and the warnings the snippet printed: with
`SNIPPET_CHECK_WARNINGS=record` the check re-issues each as a `PrintedWarning` of its test
instead of failing on it (`booksite/snippet_check/verdict.py`), so the output is still
compared. The report names each snippet that drifted (with the diff), failed (with the
error's last lines) or warned (with the warnings), and the installed versions of the five
packages; it is printed, written to a file and appended to `$GITHUB_STEP_SUMMARY` when set.
The exit status is 1 when anything drifted, failed or warned (or no snippet ran), else 0.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.metadata
import json
import os
import re
import sys
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGES = ("numpy", "torch", "torchvision", "scikit-learn", "matplotlib")
SNIPPET_TEST = "tests/test_snippets.py::test_snippet_output["
DRIFT_MARK = ": output drifted from "  # how tests/test_snippets.py words a drift
PRINTED_WARNING = "PrintedWarning"  # booksite.snippet_check.verdict.PrintedWarning
LAST_LINES = 15
XDIST_WORKER_LINE = re.compile(r"\A\[gw\d+\] [^\n]*\n?")  # "[gw0] linux -- Python 3.11.7 ...", first

PASSED, DRIFTED, FAILED, SKIPPED = "passed", "drifted", "failed", "skipped"


@dataclass(frozen=True)
class TestResult:
    """One test of the snippet check: its outcome, the failure's text, the warnings its snippet printed."""

    __test__ = False  # not a pytest test class

    nodeid: str
    outcome: str  # PASSED, DRIFTED, FAILED or SKIPPED
    detail: str = ""  # the failure message (a drift's diff, an error) or the reason for a skip
    warnings: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """`snippets/<chapter>/<name>.py` for a snippet's test, else the test's node id."""
        if self.nodeid.startswith(SNIPPET_TEST) and self.nodeid.endswith("]"):
            return f"snippets/{self.nodeid[len(SNIPPET_TEST) : -1]}.py"
        return self.nodeid


def outcome_of(pytest_outcome: str, text: str) -> str:
    """The canary's outcome for a test's pytest outcome ('passed', 'failed', 'skipped') and failure text."""
    if pytest_outcome == "failed":
        return DRIFTED if DRIFT_MARK in text.split("\n", 1)[0] else FAILED
    return SKIPPED if pytest_outcome == "skipped" else PASSED


def is_problem(result: TestResult) -> bool:
    return result.outcome in (DRIFTED, FAILED) or bool(result.warnings)


def exit_status(results: Sequence[TestResult]) -> int:
    """1 when anything drifted, failed or warned, or when no test ran at all; else 0."""
    return 1 if not results or any(is_problem(result) for result in results) else 0


def fenced(text: str, language: str = "text") -> str:
    """A Markdown code block holding `text` whatever backticks it contains."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{text.rstrip()}\n{fence}"


def last_lines(text: str, count: int = LAST_LINES) -> str:
    return "\n".join(text.rstrip().splitlines()[-count:])


def pinned_versions(constraints: Path) -> dict[str, str]:
    """`name==version` lines of a constraints file, by normalized name (`scikit_learn` is `scikit-learn`)."""
    pins = {}
    if constraints.is_file():
        for line in constraints.read_text(encoding="utf-8").splitlines():
            name, separator, version = line.partition("==")
            if separator and not line.startswith("#"):
                pins[re.sub(r"[-_.]+", "-", name.strip()).lower()] = version.strip()
    return pins


def installed_versions(packages: Iterable[str] = PACKAGES) -> dict[str, str]:
    versions = {}
    for package in packages:
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return versions


def render(
    results: Sequence[TestResult],
    *,
    installed: Mapping[str, str],
    pinned: Mapping[str, str],
    version_set: str = "",
) -> str:
    """The report in Markdown."""
    drifted = [result for result in results if result.outcome == DRIFTED]
    failed = [result for result in results if result.outcome == FAILED]
    warned = [result for result in results if result.warnings]
    passed = sum(result.outcome == PASSED and not result.warnings for result in results)
    skipped = [result for result in results if result.outcome == SKIPPED]
    verdict = (
        "no test ran"
        if not results
        else "nothing changed"
        if exit_status(results) == 0
        else f"{len(drifted)} drifted, {len(failed)} failed, {len(warned)} warned"
    )
    lines = [
        f"# Snippet canary: {verdict}",
        "",
        f"Version set: {version_set or 'the newest release of each'}.",
        "",
        "| package | installed | pinned (constraints.txt) |",
        "| --- | --- | --- |",
        *(f"| {package} | {version} | {pinned.get(package, 'n/a')} |" for package, version in installed.items()),
        "",
        f"{len(results)} tests: {passed} passed cleanly, {len(drifted)} drifted, {len(failed)} failed, "
        f"{len(warned)} printed warnings, {len(skipped)} skipped.",
    ]
    if skipped:
        lines.append("Skipped: " + ", ".join(f"`{result.name}`" for result in skipped) + ".")
    if drifted:
        lines += ["", "## Drifted: the output differs from the recorded one"]
        for result in drifted:
            lines += ["", f"### `{result.name}`", "", fenced(result.detail, "diff")]
    if failed:
        lines += ["", "## Failed: the run could not be compared"]
        for result in failed:
            lines += ["", f"### `{result.name}`", "", fenced(last_lines(result.detail))]
    if warned:
        lines += [
            "",
            "## Warned: what a reader running them would see on stderr",
            "",
            "Snippets: " + ", ".join(f"`{result.name}`" for result in warned) + ".",
        ]
        for warning, names in warnings_by_text(warned).items():
            lines += ["", f"- {fenced_inline(warning)}", f"  printed by {', '.join(f'`{name}`' for name in names)}"]
    return "\n".join(lines) + "\n"


def warnings_by_text(results: Iterable[TestResult]) -> dict[str, list[str]]:
    """Each distinct warning (where it was raised, its category and message), with the snippets that printed it."""
    grouped: dict[str, list[str]] = {}
    for result in results:
        for text in result.warnings:
            warning = text.removeprefix(f"{result.name} printed, at ")  # verdict.record_warnings' wording
            names = grouped.setdefault(warning, [])
            if result.name not in names:
                names.append(result.name)
    return grouped


def fenced_inline(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def read_results(path: Path) -> list[TestResult]:
    rows = json.loads(path.read_text(encoding="utf-8"))["results"]
    return [TestResult(**{**row, "warnings": tuple(row["warnings"])}) for row in rows]


def write_results(results: Iterable[TestResult], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [dataclasses.asdict(result) for result in results]
    path.write_text(json.dumps({"results": rows}, indent=1) + "\n", encoding="utf-8")


# The pytest plugin: `-p booksite.canary --canary-results PATH`.


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--canary-results", help="write each test's outcome and printed warnings to this JSON file")


def pytest_configure(config: pytest.Config) -> None:
    path = config.getoption("--canary-results")
    if path and not hasattr(config, "workerinput"):  # the controller (or the only process) collects
        config.pluginmanager.register(Collector(Path(path)), "canary-collector")


class Collector:
    """Gathers every test's outcome and its snippet's printed warnings; writes them when the session ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.outcomes: dict[str, tuple[str, str]] = {}
        self.warnings: dict[str, list[str]] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        counts = report.when == "call" or report.outcome != "passed"  # a failed setup or teardown counts too
        if counts and self.outcomes.get(report.nodeid, ("passed", ""))[0] == "passed":
            if report.skipped and isinstance(report.longrepr, tuple):
                text = str(report.longrepr[2])  # (file, line, reason)
            else:
                text = XDIST_WORKER_LINE.sub("", report.longreprtext) if report.failed else ""
            self.outcomes[report.nodeid] = (report.outcome, text)

    def pytest_warning_recorded(self, warning_message: warnings.WarningMessage, nodeid: str) -> None:
        if nodeid and getattr(warning_message.category, "__name__", "") == PRINTED_WARNING:
            self.warnings.setdefault(nodeid, []).append(str(warning_message.message))

    def results(self) -> list[TestResult]:
        return [
            TestResult(nodeid, outcome_of(outcome, text), text, tuple(self.warnings.get(nodeid, ())))
            for nodeid, (outcome, text) in sorted(self.outcomes.items())
        ]

    def pytest_sessionfinish(self) -> None:
        write_results(self.results(), self.path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m booksite.canary", description=__doc__.split("\n")[0])
    parser.add_argument("results", type=Path, help="the JSON file the plugin wrote (--canary-results)")
    parser.add_argument("--report", type=Path, default=Path(".artifacts/canary.md"), help="write the Markdown here")
    parser.add_argument("--version-set", default="", help="what was asked for, as the report's heading says")
    parser.add_argument("--constraints", type=Path, default=Path("constraints.txt"), help="the project's pins")
    args = parser.parse_args(argv)
    results = read_results(args.results) if args.results.is_file() else []
    report = render(
        results, installed=installed_versions(), pinned=pinned_versions(args.constraints), version_set=args.version_set
    )
    print(report)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(report, encoding="utf-8")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(report)
    status = exit_status(results)
    print(f"canary: report in {args.report}; exit status {status} ({'attention needed' if status else 'all clear'})")
    return status


if __name__ == "__main__":
    sys.exit(main())
