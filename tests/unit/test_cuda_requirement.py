"""`# output-check: requires=cuda`: run where PyTorch sees a CUDA GPU, skipped elsewhere; `--cuda` runs those alone.

torch is imported only to answer the question (not by importing booksite), and a
fake `torch` stands in for it here, so these tests run with or without PyTorch and
decide both answers on a machine without a GPU.
"""

import importlib.machinery
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

from booksite.snippet_check.verdict import unmet_requirements

ROOT = Path(__file__).resolve().parents[2]
NO_GPU = "no CUDA GPU (torch.cuda.is_available() is False)"


def fake_torch(monkeypatch: pytest.MonkeyPatch, *, available: bool) -> None:
    torch = types.ModuleType("torch")
    torch.__spec__ = importlib.machinery.ModuleSpec("torch", None)
    torch.cuda = types.SimpleNamespace(is_available=lambda: available)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "torch", torch)


def test_cuda_is_met_exactly_where_torch_sees_a_gpu(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_torch(monkeypatch, available=False)
    assert unmet_requirements(("cuda",)) == [NO_GPU]
    assert unmet_requirements(("cuda", "json")) == [NO_GPU]  # json: a module that is installed
    fake_torch(monkeypatch, available=True)
    assert unmet_requirements(("cuda",)) == []


def test_cuda_without_torch_is_unmet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)  # what find_spec and import see for a missing module
    assert unmet_requirements(("cuda",)) == ["CUDA GPU unavailable: module torch not installed"]


def test_the_real_torch_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    torch = pytest.importorskip("torch")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert unmet_requirements(("cuda",)) == [NO_GPU]
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert unmet_requirements(("cuda",)) == []


def test_the_check_imports_torch_only_when_asked() -> None:
    code = (
        "import sys, booksite.snippet_check.verdict, booksite.snippet_check.shards, booksite.snippet_check.report\n"
        "print('torch' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "False"


# End to end, in a scratch repository, with a fake torch first on the path: FAKE_CUDA=1 gives it a GPU.

FAKE_TORCH = "import os\n\n\nclass cuda:\n    is_available = staticmethod(lambda: os.environ.get('FAKE_CUDA') == '1')\n"
GPU_SNIPPET = "# output-check: requires=cuda\n# --8<-- [start:example]\nprint('on the GPU')\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "tests", tmp_path / "tests", ignore=shutil.ignore_patterns("__pycache__", "unit"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "fake" / "torch").mkdir(parents=True)
    (tmp_path / "fake" / "torch" / "__init__.py").write_text(FAKE_TORCH, encoding="utf-8")
    chapter = tmp_path / "snippets" / "chapter"
    chapter.mkdir(parents=True)
    for name, source, output in (
        ("gpu", GPU_SNIPPET, "on the GPU\n"),
        ("cpu", "print('on the CPU')\n", "on the CPU\n"),
    ):
        (chapter / f"{name}.py").write_text(source, encoding="utf-8")
        (chapter / f"{name}.out").write_text(output, encoding="utf-8")
    (tmp_path / "docs" / "page.md").write_text(
        '--8<-- "snippets/chapter/gpu.py:example"\n--8<-- "snippets/chapter/cpu.py"\n', encoding="utf-8"
    )
    return tmp_path


def check(repo: Path, *options: str, gpu: bool) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pytest", "tests/test_snippets.py", "-p", "no:cacheprovider", "-rs", *options]
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(repo / "fake"), "FAKE_CUDA": "1" if gpu else "0"}
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, timeout=120, env=env)


def test_without_a_gpu_the_cuda_snippet_is_skipped_saying_why(repo: Path) -> None:
    result = check(repo, gpu=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed, 1 skipped" in result.stdout
    assert f"snippets/chapter/gpu.py needs what this machine lacks: {NO_GPU}" in result.stdout
    page = (repo / "docs" / "execution-report.md").read_text(encoding="utf-8")
    assert "| `snippets/chapter/gpu.py` | n/a | n/a | skipped |" in page


def test_cuda_without_a_gpu_stops_at_once(repo: Path) -> None:
    result = check(repo, "--cuda", gpu=False)
    assert result.returncode == pytest.ExitCode.USAGE_ERROR
    assert f"--cuda checks the snippets that need a GPU, and this machine has none: {NO_GPU}" in result.stderr


def test_with_a_gpu_it_runs_and_cuda_or_the_marker_select_it(repo: Path) -> None:
    result = check(repo, gpu=True)
    assert result.returncode == 0 and "4 passed" in result.stdout and "skipped" not in result.stdout, result.stdout
    result = check(repo, "--cuda", gpu=True)  # the GPU snippets, and the two tests that run no snippet
    assert result.returncode == 0 and "3 passed, 1 deselected" in result.stdout, result.stdout
    result = check(repo, "-m", "cuda", gpu=True)
    assert result.returncode == 0 and "1 passed, 3 deselected" in result.stdout, result.stdout


def test_with_a_gpu_a_cuda_snippet_can_fail(repo: Path) -> None:
    (repo / "snippets" / "chapter" / "gpu.out").write_text("on the CPU\n", encoding="utf-8")
    result = check(repo, "--cuda", gpu=True)
    assert result.returncode == 1 and "chapter/gpu.py: output drifted" in result.stdout, result.stdout
    assert check(repo, gpu=False).returncode == 0  # skipped where there is no GPU: nothing compared
