"""A warning a snippet prints fails the check, in the harness's run and in a reader's, unless declared."""

from __future__ import annotations

from pathlib import Path

import pytest

from booksite.snippet_check.directives import DirectiveError, parse_settings
from booksite.snippet_check.reader import DEFAULT, check_as_reader
from booksite.snippet_check.runner import run_snippet
from booksite.snippet_check.verdict import failure_of_run, undeclared_warning

WARNS = "import warnings\nprint('before')\nwarnings.warn('ToTensor is deprecated', {category})\nprint('after')\n"


def snippet_with(tmp_path: Path, source: str) -> Path:
    snippet = tmp_path / "snippets" / "chapter" / "demo.py"
    snippet.parent.mkdir(parents=True)
    snippet.write_text(source, encoding="utf-8")
    snippet.with_suffix(".out").write_text("before\nafter\n", encoding="utf-8")
    return snippet


@pytest.mark.parametrize("category", ["DeprecationWarning", "FutureWarning", "UserWarning"])
def test_the_harness_run_fails_on_a_printed_warning(tmp_path: Path, category: str) -> None:
    snippet = snippet_with(tmp_path, WARNS.format(category=category))
    run = run_snippet(snippet, root=tmp_path, figure_dir=tmp_path / "figures", timeout_s=60, preload_torch=False)
    settings = parse_settings(snippet.read_text(encoding="utf-8"))
    problem = failure_of_run(run, settings, name="snippets/chapter/demo.py", snippet=snippet, root=tmp_path)
    assert problem is not None
    assert problem.startswith("snippets/chapter/demo.py printed a warning, at demo.py:3:")
    assert f"{category}: ToTensor is deprecated" in problem


def test_a_readers_run_fails_on_it_too(tmp_path: Path) -> None:
    snippet = snippet_with(tmp_path, WARNS.format(category="FutureWarning"))
    settings = parse_settings(snippet.read_text(encoding="utf-8"))
    problem = check_as_reader(snippet, settings, DEFAULT, root=tmp_path)
    assert problem is not None and "FutureWarning: ToTensor is deprecated" in problem


def test_a_declared_warning_passes_and_others_still_fail(tmp_path: Path) -> None:
    header = "# output-check: warns=FutureWarning\n# --8<-- [start:example]\n"
    snippet = snippet_with(tmp_path, header + WARNS.format(category="FutureWarning"))
    settings = parse_settings(snippet.read_text(encoding="utf-8"))
    assert check_as_reader(snippet, settings, DEFAULT, root=tmp_path) is None
    other = "demo.py:3: UserWarning: something else\n  warnings.warn(...)\n"
    assert "UserWarning: something else" in (undeclared_warning(other, settings, name="demo") or "")


def test_warns_takes_warning_class_names() -> None:
    assert parse_settings("# output-check: warns=FutureWarning, UserWarning\n# --8<-- [start:example]\n").warns == (
        "FutureWarning",
        "UserWarning",
    )
    with pytest.raises(DirectiveError, match="expected warning class names"):
        parse_settings("# output-check: warns=not a class\n# --8<-- [start:example]\n")
