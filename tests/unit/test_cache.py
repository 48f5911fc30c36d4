"""The cache key covers every input of a run, and a stored run comes back with its figures."""

import os
import shutil
from pathlib import Path

import pytest

from booksite.snippet_check.cache import (
    ENTRIES_KEPT_PER_SNIPPET,
    MNIST_RAW,
    RUNNER_DIR,
    SnippetCache,
    cache_key,
    data_inputs,
    snippet_id,
)
from booksite.snippet_check.runner import RaisedException, SnippetRun


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A scratch repository: one snippet, a pin file, a copy of the runner, MNIST-like data."""
    (tmp_path / "snippets" / "chapter").mkdir(parents=True)
    (tmp_path / "snippets" / "chapter" / "demo.py").write_text("print(1)\n", encoding="utf-8")
    (tmp_path / "constraints.txt").write_text("numpy==2.4.6\n", encoding="utf-8")
    shutil.copytree(RUNNER_DIR, tmp_path / "runner", ignore=shutil.ignore_patterns("__pycache__"))
    raw = tmp_path / "data" / "MNIST" / "raw"
    raw.mkdir(parents=True)
    (raw / "train-images-idx3-ubyte").write_bytes(b"\x00" * 64)
    return tmp_path


def key_of(repo: Path, inputs: tuple[str, ...] = ()) -> str:
    return cache_key(repo / "snippets/chapter/demo.py", root=repo, inputs=inputs, runner_dir=repo / "runner")


def test_the_key_is_stable_while_nothing_changes(repo: Path) -> None:
    assert key_of(repo) == key_of(repo)
    assert len(key_of(repo)) == 64


def test_the_key_changes_with_the_source(repo: Path) -> None:
    before = key_of(repo)
    (repo / "snippets/chapter/demo.py").write_text("print(2)\n", encoding="utf-8")
    assert key_of(repo) != before


def test_the_key_changes_with_any_runner_file(repo: Path) -> None:
    before = key_of(repo)
    with (repo / "runner" / "compare.py").open("a", encoding="utf-8") as module:
        module.write("# changed\n")
    changed = key_of(repo)
    assert changed != before
    (repo / "runner" / "new_module.py").write_text("", encoding="utf-8")
    assert key_of(repo) != changed


def test_the_key_changes_with_the_pins(repo: Path) -> None:
    before = key_of(repo)
    (repo / "constraints.txt").write_text("numpy==2.4.7\n", encoding="utf-8")
    assert key_of(repo) != before


def test_the_key_changes_with_the_content_of_declared_data(repo: Path) -> None:
    inputs = (MNIST_RAW,)
    before = key_of(repo, inputs)
    assert key_of(repo) != before  # the data is part of the key only when declared
    image = repo / "data/MNIST/raw/train-images-idx3-ubyte"
    image.write_bytes(b"\x01" + b"\x00" * 63)  # same size and name, other content
    assert key_of(repo, inputs) != before
    changed = key_of(repo, inputs)
    (repo / "data/MNIST/raw/train-labels-idx1-ubyte").write_bytes(b"\x00")
    assert key_of(repo, inputs) != changed


def test_mnist_snippets_and_declared_globs_name_their_inputs() -> None:
    assert data_inputs("print(1)\n") == []
    assert data_inputs("datasets.MNIST(root='data')\n") == [MNIST_RAW]
    assert data_inputs("x = 1\n", ("data/prices/*.csv",)) == ["data/prices/*.csv"]


def a_run(figures: list[Path]) -> SnippetRun:
    raised = RaisedException("ValueError", "bad", [{"file": "x.py", "line": 1, "function": "<module>", "code": ""}])
    return SnippetRun("out\n", "warn\n", raised, False, 1, 2.5, 120.0, figures)


def test_a_stored_run_comes_back_with_its_figures(tmp_path: Path) -> None:
    figure_dir = tmp_path / "figures"
    figure_dir.mkdir()
    figure = figure_dir / "demo-1.png"
    figure.write_bytes(b"\x89PNG fake")
    cache = SnippetCache(tmp_path / "cache")
    cache.store("chapter/demo", "k1", a_run([figure]))
    figure.unlink()

    run = cache.load("chapter/demo", "k1", figure_dir)
    assert run is not None
    assert (run.stdout, run.stderr, run.seconds, run.peak_memory_mib) == ("out\n", "warn\n", 2.5, 120.0)
    assert run.exception == a_run([]).exception
    assert run.figures == [figure] and figure.read_bytes() == b"\x89PNG fake"
    assert not run.timed_out and not run.crashed_without_report


def test_an_unknown_key_or_a_damaged_entry_is_a_miss(tmp_path: Path) -> None:
    cache = SnippetCache(tmp_path / "cache")
    assert cache.load("chapter/demo", "nothing", tmp_path) is None
    cache.store("chapter/demo", "k1", a_run([]))
    assert cache.has("chapter/demo", "k1")
    (tmp_path / "cache/chapter/demo/k1/run.json").write_text("{", encoding="utf-8")
    assert cache.load("chapter/demo", "k1", tmp_path) is None


def test_only_the_latest_entries_of_a_snippet_are_kept(tmp_path: Path) -> None:
    cache = SnippetCache(tmp_path / "cache")
    keys = [f"k{n}" for n in range(ENTRIES_KEPT_PER_SNIPPET + 2)]
    for seconds, key in enumerate(keys, start=1):
        cache.store("chapter/demo", key, a_run([]))
        os.utime(tmp_path / "cache/chapter/demo" / key / "run.json", (seconds, seconds))  # distinct ages
    kept = sorted(path.name for path in (tmp_path / "cache/chapter/demo").iterdir())
    assert kept == sorted(keys[-ENTRIES_KEPT_PER_SNIPPET:])


def test_clear_empties_the_cache(tmp_path: Path) -> None:
    cache = SnippetCache(tmp_path / "cache")
    cache.store("chapter/demo", "k1", a_run([]))
    cache.clear()
    assert not (tmp_path / "cache").exists()
    assert cache.load("chapter/demo", "k1", tmp_path) is None


def test_the_snippet_id_is_chapter_and_name(tmp_path: Path) -> None:
    assert snippet_id(tmp_path / "snippets/mnist/tour.py", tmp_path) == "mnist/tour"
