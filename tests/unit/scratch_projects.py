"""Scratch copies of the book's layout for end-to-end unit tests (imported by them, not collected)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from booksite import notebooks

ROOT = Path(__file__).resolve().parents[2]


def snippet_check_repo(root: Path) -> Path:
    """A repository at root that runs the real snippet check (tests/, pyproject.toml) on no snippets yet."""
    shutil.copytree(ROOT / "tests", root / "tests", ignore=shutil.ignore_patterns("__pycache__", "unit"))
    shutil.copy(ROOT / "pyproject.toml", root)
    (root / "docs").mkdir()
    return root


def write_snippet(repo: Path, name: str, source: str, output: str | None) -> None:
    """snippets/chapter/NAME.py (and its recorded output, unless None), included by docs/page.md."""
    snippet = repo / "snippets" / "chapter" / f"{name}.py"
    snippet.parent.mkdir(parents=True, exist_ok=True)
    snippet.write_text(source, encoding="utf-8")
    if output is not None:
        snippet.with_suffix(".out").write_text(output, encoding="utf-8")
    with (repo / "docs" / "page.md").open("a", encoding="utf-8") as page:
        page.write(f'--8<-- "snippets/chapter/{name}.py"\n')


def notebook_book(root: Path, files: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A book at root holding files (paths from the root), which booksite.notebooks reads instead of the real one."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(notebooks, "ROOT", root)
    monkeypatch.setattr(notebooks, "DOCS", root / "docs")
    monkeypatch.setattr(notebooks, "NOTEBOOKS", root / "docs" / "notebooks")
    return root
