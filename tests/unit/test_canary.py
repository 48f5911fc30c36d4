"""The canary's report (booksite/canary.py): what drifted, failed or warned is named, and it fails then.

The first tests render fake results; the last runs the real snippet check, with the canary's
plugin, on a scratch repository holding a drifting, a crashing and a warning snippet.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from booksite import canary
from booksite.canary import DRIFTED, FAILED, PASSED, SKIPPED, TestResult

ROOT = Path(__file__).resolve().parents[2]
INSTALLED = {
    "numpy": "1.26.4",
    "torch": "2.14.1",
    "torchvision": "0.29.1",
    "scikit-learn": "1.5.2",
    "matplotlib": "3.8.4",
}
PINNED = {"numpy": "2.4.6", "scikit-learn": "1.9.1"}
DRIFT_TEXT = (
    "snippets/classification/data.py: output drifted from snippets/classification/data.out\n"
    "line 3: 0.9480 differs from recorded 0.9520\n\n"
    "--- recorded snippets/classification/data.out\n+++ actual python snippets/classification/data.py\n"
    "@@ -3 +3 @@\n-accuracy 0.9520\n+accuracy 0.9480\n"
)
CRASH_TEXT = (
    "snippets/mnist/tour.py crashed:\n"
    + "".join(f"  frame {n}\n" for n in range(30))
    + ("AttributeError: module 'numpy' has no attribute 'trapz'")
)
WARNING_TEXT = (
    "snippets/linear_regression/one_feature.py printed, at sklearn/utils/deprecation.py:132: "
    "FutureWarning: 'force_all_finite' was renamed to 'ensure_all_finite'"
)


def snippet_test(name: str) -> str:
    return f"tests/test_snippets.py::test_snippet_output[{name}]"


def fake_results() -> list[TestResult]:
    return [
        TestResult(snippet_test("classification/data"), DRIFTED, DRIFT_TEXT),
        TestResult(snippet_test("mnist/tour"), FAILED, CRASH_TEXT),
        TestResult(snippet_test("linear_regression/one_feature"), PASSED, "", (WARNING_TEXT,)),
        TestResult(snippet_test("gradient_descent/numpy_gradient_descent"), PASSED),
        TestResult(snippet_test("what_next/document_qa"), SKIPPED, "needs transformers"),
    ]


def render(results: list[TestResult]) -> str:
    return canary.render(results, installed=INSTALLED, pinned=PINNED, version_set="numpy==1.26.4")


def test_a_drift_a_failure_and_a_warning_each_appear_in_the_report() -> None:
    report = render(fake_results())
    assert report.startswith("# Snippet canary: 1 drifted, 1 failed, 1 warned\n")
    drifted, rest = report.split("## Drifted")[1].split("## Failed")
    failed, warned = rest.split("## Warned")
    assert "### `snippets/classification/data.py`" in drifted
    assert "-accuracy 0.9520\n+accuracy 0.9480" in drifted  # the diff against the recorded output
    assert "### `snippets/mnist/tour.py`" in failed
    assert "AttributeError: module 'numpy' has no attribute 'trapz'" in failed  # the error's last lines ...
    assert "frame 29" in failed and "frame 10" not in failed  # ... only the last ones
    assert "Snippets: `snippets/linear_regression/one_feature.py`." in warned
    warning = "sklearn/utils/deprecation.py:132: FutureWarning: 'force_all_finite' was renamed to 'ensure_all_finite'"
    assert f"- `{warning}`\n  printed by `snippets/linear_regression/one_feature.py`" in warned
    assert "numpy_gradient_descent" not in report  # a clean pass is only counted
    assert "Skipped: `snippets/what_next/document_qa.py`." in report


def test_the_report_names_the_installed_and_pinned_versions() -> None:
    report = render(fake_results())
    assert "Version set: numpy==1.26.4." in report
    assert "| numpy | 1.26.4 | 2.4.6 |" in report
    assert "| scikit-learn | 1.5.2 | 1.9.1 |" in report
    assert "| torch | 2.14.1 | n/a |" in report


@pytest.mark.parametrize("problem", [0, 1, 2], ids=["drift", "failure", "warning"])
def test_any_drift_failure_or_warning_fails_the_canary(problem: int) -> None:
    clean = TestResult(snippet_test("gradient_descent/numpy_gradient_descent"), PASSED)
    assert canary.exit_status([clean]) == 0
    assert canary.exit_status([clean, fake_results()[problem]]) == 1


def test_nothing_run_fails_and_all_clear_says_so() -> None:
    assert canary.exit_status([]) == 1
    assert render([]).startswith("# Snippet canary: no test ran")
    assert render([TestResult(snippet_test("a/b"), PASSED)]).startswith("# Snippet canary: nothing changed")


def test_a_warning_several_snippets_print_is_listed_once_with_them() -> None:
    text = "matplotlib/_mathtext.py:45: PyparsingDeprecationWarning: 'enablePackrat' deprecated"
    results = [TestResult(snippet_test(name), PASSED, "", (f"snippets/{name}.py printed, at {text}",)) for name in "ab"]
    report = render(results)
    assert report.count(text) == 1
    assert "printed by `snippets/a.py`, `snippets/b.py`" in report


def test_a_failure_is_a_drift_only_when_the_check_says_drifted() -> None:
    assert canary.outcome_of("failed", DRIFT_TEXT) == DRIFTED
    assert canary.outcome_of("failed", CRASH_TEXT) == FAILED
    assert canary.outcome_of("failed", "x.py crashed:\n  y = 'output drifted from' ...") == FAILED
    assert canary.outcome_of("passed", "") == PASSED
    assert canary.outcome_of("skipped", "") == SKIPPED


def test_backticks_in_a_diff_do_not_close_its_block() -> None:
    block = canary.fenced("```\ncode\n```", "diff")
    assert block.startswith("````diff\n") and block.endswith("\n````")


def test_main_prints_writes_and_appends_to_the_job_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    results, report, summary = tmp_path / "results.json", tmp_path / "out" / "canary.md", tmp_path / "summary.md"
    canary.write_results(fake_results(), results)
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    status = canary.main([str(results), "--report", str(report), "--constraints", str(ROOT / "constraints.txt")])
    assert status == 1
    written = report.read_text(encoding="utf-8")
    assert "## Drifted" in written and written in capsys.readouterr().out
    assert summary.read_text(encoding="utf-8") == "earlier step\n" + written


def test_pins_are_read_by_normalized_name(tmp_path: Path) -> None:
    constraints = tmp_path / "constraints.txt"
    constraints.write_text("# header==1\nscikit_learn==1.9.1\nNumPy==2.4.6\nother>=1\n", encoding="utf-8")
    assert canary.pinned_versions(constraints) == {"scikit-learn": "1.9.1", "numpy": "2.4.6"}


SNIPPETS = {
    # recorded "1", prints "2"
    "drifts": ("print(2)\n", "1\n"),
    "crashes": ("print('before')\nraise ValueError('a removed argument')\n", "before\n"),
    # the output matches: the warning alone is what the canary reports
    "warns": ("import warnings\nprint('same')\nwarnings.warn('old API', FutureWarning)\n", "same\n"),
    "passes": ("print('fine')\n", "fine\n"),
}


@pytest.fixture
def scratch_repo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "tests", tmp_path / "tests", ignore=shutil.ignore_patterns("__pycache__", "unit"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    chapter = tmp_path / "snippets" / "demo"
    chapter.mkdir(parents=True)
    for name, (source, recorded) in SNIPPETS.items():
        (chapter / f"{name}.py").write_text(source, encoding="utf-8")
        (chapter / f"{name}.out").write_text(recorded, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    page = "".join(f'--8<-- "snippets/demo/{name}.py"\n' for name in SNIPPETS)
    (tmp_path / "docs" / "page.md").write_text(page, encoding="utf-8")
    return tmp_path


def test_the_real_check_with_the_plugin_reports_each_kind(scratch_repo: Path) -> None:
    """Two pytest-xdist workers, as `nox -s canary` runs it: outcomes and warnings reach the controller."""
    results = scratch_repo / "results.json"
    env = {
        **os.environ,
        "SNIPPET_CHECK_WARNINGS": "record",
        "SNIPPET_CHECK_CACHE": str(scratch_repo / "canary-cache"),
        "SNIPPET_CHECK_PRELOAD": "0",
    }
    command = [sys.executable, "-m", "pytest", "tests/test_snippets.py", "-p", "no:cacheprovider", "-n", "2"]
    command += ["--no-cache", "-p", "booksite.canary", f"--canary-results={results}"]
    run = subprocess.run(command, cwd=scratch_repo, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stdout + run.stderr  # the drift and the crash fail the check
    by_name = {result.name: result for result in canary.read_results(results)}
    assert by_name["snippets/demo/drifts.py"].outcome == DRIFTED
    assert by_name["snippets/demo/crashes.py"].outcome == FAILED
    assert "ValueError: a removed argument" in by_name["snippets/demo/crashes.py"].detail
    assert by_name["snippets/demo/warns.py"].outcome == PASSED  # compared, and it matched
    (warning,) = by_name["snippets/demo/warns.py"].warnings
    assert warning.startswith("snippets/demo/warns.py printed, at warns.py:3: FutureWarning: old API")
    assert by_name["snippets/demo/passes.py"] == TestResult(snippet_test("demo/passes"), PASSED)
    assert (scratch_repo / "canary-cache" / "last-run.json").is_file()  # the canary's own cache folder
    assert not (scratch_repo / ".snippet-cache").exists()  # never the one nox -s docs reuses
    report = render(canary.read_results(results))
    assert "-1\n+2" in report and "ValueError: a removed argument" in report and "old API" in report
    assert canary.exit_status(canary.read_results(results)) == 1
