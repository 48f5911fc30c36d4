"""On x86-64 every snippet runs with the reference CPU kernels, unless the environment names others."""

import platform
from pathlib import Path

import pytest
from snippet_check.kernels import REFERENCE_KERNELS, describe, reference_kernels, snippet_kernels
from snippet_check.runner import run_snippet

SHOW_KERNELS = "import os\nprint(os.environ.get('ATEN_CPU_CAPABILITY'), os.environ.get('MKL_CBWR'))\n"
x86_only = pytest.mark.skipif(platform.machine() not in ("x86_64", "AMD64"), reason="reference kernels are x86-64's")


def test_reference_kernels_are_for_x86_64_only() -> None:
    assert reference_kernels("x86_64") == REFERENCE_KERNELS == {"ATEN_CPU_CAPABILITY": "avx2", "MKL_CBWR": "COMPATIBLE"}
    assert reference_kernels("aarch64") == {}
    assert reference_kernels("arm64") == {}


def test_the_environment_wins_over_a_reference_kernel() -> None:
    environ = {"MKL_CBWR": "AUTO", "PATH": "/bin"}
    assert snippet_kernels(environ, "x86_64") == {"ATEN_CPU_CAPABILITY": "avx2", "MKL_CBWR": "AUTO"}
    assert snippet_kernels(environ, "aarch64") == {}
    assert describe(snippet_kernels({}, "x86_64")) == "ATEN_CPU_CAPABILITY=avx2, MKL_CBWR=COMPATIBLE"
    assert describe({}) == "the default CPU kernels"


def run_shown_kernels(tmp_path: Path) -> str:
    snippet = tmp_path / "kernels.py"
    snippet.write_text(SHOW_KERNELS, encoding="utf-8")
    return run_snippet(snippet, root=tmp_path, figure_dir=tmp_path, timeout_s=30, preload_torch=False).stdout


@x86_only
def test_a_snippet_runs_with_the_reference_kernels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in REFERENCE_KERNELS:
        monkeypatch.delenv(variable, raising=False)
    assert run_shown_kernels(tmp_path) == "avx2 COMPATIBLE\n"


@x86_only
def test_the_environment_can_name_other_kernels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATEN_CPU_CAPABILITY", "avx512")
    monkeypatch.setenv("MKL_CBWR", "AUTO")
    assert run_shown_kernels(tmp_path) == "avx512 AUTO\n"
