"""The preloading server forks one child per snippet: output, errors, timeout, fresh random state."""

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from booksite.snippet_check import preload
from booksite.snippet_check.preload import Preloader, PreloadUnavailable
from booksite.snippet_check.runner import run_snippet

ENV = {**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0", "PYTHONUNBUFFERED": "1"}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Preloader]:
    preloader = Preloader(("json", "numpy.random"), env=ENV)
    yield preloader
    preloader.close()


def run(server: Preloader, folder: Path, source: str, timeout_s: float = 30) -> tuple[int | None, bool, str, dict]:
    snippet = folder / "demo.py"
    snippet.write_text(source, encoding="utf-8")
    files = {name: folder / name for name in ("result.json", "out", "err")}
    for path in files.values():
        path.unlink(missing_ok=True)
    code, timed_out = server.run(
        snippet,
        cwd=folder,
        result=files["result.json"],
        figure_dir=folder / "figures",
        stdout=files["out"],
        stderr=files["err"],
        timeout_s=timeout_s,
    )
    result = json.loads(files["result.json"].read_text()) if files["result.json"].exists() else {}
    return code, timed_out, files["out"].read_text(), result


def test_a_forked_run_prints_reports_and_works_in_the_folder_asked(server: Preloader, tmp_path: Path) -> None:
    for name in ("first", "second"):
        folder = tmp_path / name
        folder.mkdir()
        code, timed_out, stdout, result = run(server, folder, "import os\nprint(os.getcwd())\nraise KeyError(3)\n")
        assert (code, timed_out) == (0, False)
        assert stdout == f"{folder}\n"
        assert result["exception"]["type"] == "KeyError" and result["peak_memory_mib"] > 0


def test_a_hanging_run_is_stopped_and_the_server_goes_on(server: Preloader, tmp_path: Path) -> None:
    code, timed_out, stdout, _ = run(server, tmp_path, "import time\nprint('start')\ntime.sleep(60)\n", timeout_s=1)
    assert (code, timed_out, stdout) == (None, True, "start\n")
    assert run(server, tmp_path, "print('next')\n")[:3] == (0, False, "next\n")


def test_each_child_draws_fresh_entropy_like_a_new_interpreter(server: Preloader, tmp_path: Path) -> None:
    source = "import random\nimport numpy as np\nprint(np.random.rand(), random.random())\n"
    first, second = run(server, tmp_path, source)[2], run(server, tmp_path, source)[2]
    assert first.split()[0] != second.split()[0] and first.split()[1] != second.split()[1]


def test_a_server_that_cannot_preload_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(PreloadUnavailable):
        Preloader(("no_such_module_here",), env=ENV)


def test_a_torch_snippet_prints_the_same_forked_or_fresh(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    snippet = tmp_path / "tensor.py"
    snippet.write_text("import torch\ntorch.manual_seed(0)\nprint(torch.randn(3).sum().item())\n", encoding="utf-8")
    forked, fresh = (
        run_snippet(snippet, root=tmp_path, figure_dir=tmp_path, timeout_s=120, preload_torch=preload)
        for preload in (True, False)
    )
    assert forked.exit_code == fresh.exit_code == 0 and forked.exception is None
    assert forked.stdout == fresh.stdout


def test_snippets_of_different_tests_share_one_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("torch")
    snippet = tmp_path / "tensor.py"
    snippet.write_text("import torch\nprint(torch.ones(2).sum().item())\n", encoding="utf-8")
    servers = []
    for test in ("test_snippets.py::test_one (call)", "test_snippets.py::test_two (call)"):
        monkeypatch.setenv("PYTEST_CURRENT_TEST", test)
        run = run_snippet(snippet, root=tmp_path, figure_dir=tmp_path, timeout_s=120)
        assert run.exit_code == 0 and run.stdout == "2.0\n"
        servers.append(set(preload._servers.values()))
    assert servers[0] == servers[1], "each test started a preloading server of its own"
