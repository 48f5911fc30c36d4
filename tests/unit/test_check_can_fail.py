"""End to end: the snippet check fails on a drifted snippet or output, and --update heals it.

Each test copies the snippet tests and the real one-feature example into a scratch
repository and runs pytest there as a maintainer would, with the installed checker
(booksite.snippet_check).
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = Path("snippets/linear_regression/one_feature")


@pytest.fixture
def scratch_repo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "tests", tmp_path / "tests", ignore=shutil.ignore_patterns("__pycache__", "unit"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / EXAMPLE.parent).mkdir(parents=True)
    for suffix in (".py", ".out"):
        shutil.copy(ROOT / EXAMPLE.with_suffix(suffix), tmp_path / EXAMPLE.with_suffix(suffix))
    page = f'--8<-- "{EXAMPLE.with_suffix(".py").as_posix()}"\n'
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text(page, encoding="utf-8")
    return tmp_path


def check(repo: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pytest", "tests/test_snippets.py", "-p", "no:cacheprovider", *options]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, timeout=120)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_untouched_example_passes(scratch_repo: Path) -> None:
    result = check(scratch_repo)
    assert result.returncode == 0, result.stdout


def test_a_changed_coefficient_fails_with_a_diff_then_update_heals_it(scratch_repo: Path) -> None:
    edit(scratch_repo / EXAMPLE.with_suffix(".py"), "y = 1.29 * x", "y = 1.31 * x")
    result = check(scratch_repo)
    assert result.returncode == 1
    assert "snippets/linear_regression/one_feature.py: output drifted" in result.stdout
    assert "-weight w: learned 1.29" in result.stdout and "+weight w: learned 1.31" in result.stdout
    assert check(scratch_repo, "--update").returncode == 0
    assert check(scratch_repo).returncode == 0


def test_a_hand_edited_recorded_number_fails(scratch_repo: Path) -> None:
    edit(scratch_repo / EXAMPLE.with_suffix(".out"), "30.4500", "30.4600")
    result = check(scratch_repo)
    assert result.returncode == 1
    assert "line 4: 30.4500 differs from recorded 30.4600" in result.stdout


def test_a_crashing_snippet_names_its_file_and_line(scratch_repo: Path) -> None:
    snippet = scratch_repo / EXAMPLE.with_suffix(".py")
    lines = snippet.read_text(encoding="utf-8").splitlines()
    snippet.write_text("\n".join([*lines, "model.predict([[1.0, 2.0]])"]) + "\n", encoding="utf-8")
    result = check(scratch_repo)
    assert result.returncode == 1
    assert f'File "{EXAMPLE.with_suffix(".py").as_posix()}", line {len(lines) + 1}, in <module>' in result.stdout
    assert "ValueError" in result.stdout


def test_a_missing_recorded_output_says_how_to_record_it(scratch_repo: Path) -> None:
    (scratch_repo / EXAMPLE.with_suffix(".out")).unlink()
    result = check(scratch_repo)
    assert result.returncode == 1
    assert "has no recorded output" in result.stdout and "--update -k one_feature" in result.stdout
