"""Shared pytest options for the snippet check."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("snippets", "executable docs")
    group.addoption(
        "--update",
        action="store_true",
        help="re-record each selected snippet's output instead of comparing it",
    )
