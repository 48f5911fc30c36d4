"""Each snippet as a reader runs it: alone in an empty folder, `python NAME.py`, the CPU's defaults.

`pytest tests/test_reader.py -n auto` checks every snippet under the `default`
configuration (no runner variable at all); `--kernels all` adds a pairwise-covering
set of PyTorch and MKL kernels and thread counts, `--kernels NAME,NAME` chooses some
(`booksite/snippet_check/reader.py`). Test ids read `<chapter>/<name>[<configuration>]`.
Two runs go side by side, those on every core too: their OpenMP threads sleep when idle
(OMP_WAIT_POLICY=PASSIVE) instead of spinning against each other. A snippet declared
`exclusive=true` (worker processes of its own) holds the cores alone.
"""

from __future__ import annotations

import platform
from pathlib import Path

import pytest

from booksite.snippet_check.cache import CACHE_FOLDER, MNIST_MARK, snippet_id
from booksite.snippet_check.cores import share_cores
from booksite.snippet_check.directives import parse_settings
from booksite.snippet_check.reader import Configuration, check_as_reader, parse_configurations
from booksite.snippet_check.verdict import unmet_requirements

ROOT = Path(__file__).resolve().parent.parent
ALL_SNIPPETS = sorted((ROOT / "snippets").rglob("*.py"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    configurations = parse_configurations(metafunc.config.getoption("--kernels"))  # checked by conftest.py
    cases = [(snippet, configuration) for snippet in ALL_SNIPPETS for configuration in configurations]
    ids = [f"{snippet_id(snippet, ROOT)}[{configuration.name}]" for snippet, configuration in cases]
    metafunc.parametrize(("snippet", "configuration"), cases, ids=ids)


def test_reader_output(snippet: Path, configuration: Configuration, request: pytest.FixtureRequest) -> None:
    name = snippet.relative_to(ROOT).as_posix()
    source = snippet.read_text(encoding="utf-8")
    settings = parse_settings(source, name)
    unsupported = configuration.unsupported_on(platform.machine())
    if unsupported:
        pytest.skip(unsupported)
    unmet = unmet_requirements(settings.requires)
    if unmet:
        pytest.skip(f"{name} needs what this machine lacks: {'; '.join(unmet)}")
    if MNIST_MARK in source:
        request.getfixturevalue("mnist_data")
    with share_cores(ROOT / CACHE_FOLDER, exclusive=settings.exclusive):
        problem = check_as_reader(snippet, settings, configuration, root=ROOT)
    if problem:
        pytest.fail(problem, pytrace=False)
