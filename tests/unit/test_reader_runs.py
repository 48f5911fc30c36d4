"""A snippet run as a reader runs it: alone in a folder, `python NAME.py`, a configuration's variables only.

A one-thread configuration runs forked from a torch-preloading server; the rest in a new interpreter.
"""

import itertools
import time
from pathlib import Path

import pytest

from booksite.snippet_check import preload, reader
from booksite.snippet_check.directives import parse_settings
from booksite.snippet_check.reader import (
    ALL,
    DEFAULT,
    PAIRWISE,
    Configuration,
    check_as_reader,
    parse_configurations,
    reader_environment,
)

ONE_THREAD = Configuration("default", "AUTO", one_thread=True)
SHOW_ENVIRONMENT = """import os
for variable in ("ATEN_CPU_CAPABILITY", "MKL_CBWR", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                 "PYTHONHASHSEED", "MPLBACKEND", "OMP_WAIT_POLICY"):
    print(variable, os.environ.get(variable))
"""
SHOW_FOLDER = """import os
for folder, _, files in sorted(os.walk(".")):
    for name in sorted(files):
        print(os.path.join(folder, name))
print(open("data/prices/a.csv").read())
"""
RUNNER_SETTINGS = {
    "ATEN_CPU_CAPABILITY": "avx2",
    "MKL_CBWR": "COMPATIBLE",
    "OMP_NUM_THREADS": "2",
    "MKL_NUM_THREADS": "2",
    "OPENBLAS_NUM_THREADS": "2",
    "PYTHONHASHSEED": "0",
}


def write_snippet(root: Path, source: str, recorded: str | None = None, name: str = "demo") -> Path:
    """`root/snippets/chapter/<name>.py` and, if given, its recorded output."""
    snippet = root / "snippets" / "chapter" / f"{name}.py"
    snippet.parent.mkdir(parents=True, exist_ok=True)
    snippet.write_text(source, encoding="utf-8")
    if recorded is not None:
        snippet.with_suffix(".out").write_text(recorded, encoding="utf-8")
    return snippet


def check(snippet: Path, root: Path, configuration: Configuration = DEFAULT) -> str | None:
    settings = parse_settings(snippet.read_text(encoding="utf-8"))
    return check_as_reader(snippet, settings, configuration, root=root)


def test_the_environment_drops_runner_variables_and_sets_the_configurations() -> None:
    environ = {**RUNNER_SETTINGS, "PATH": "/bin", "HOME": "/home/reader"}
    reader_settings = {"MPLBACKEND": "Agg", "OMP_WAIT_POLICY": "PASSIVE"}
    assert reader_environment(DEFAULT, environ) == {"PATH": "/bin", "HOME": "/home/reader", **reader_settings}
    chosen = Configuration("avx512", "AUTO", one_thread=True)
    assert reader_environment(chosen, environ) == {
        "PATH": "/bin",
        "HOME": "/home/reader",
        **reader_settings,
        "ATEN_CPU_CAPABILITY": "avx512",
        "MKL_CBWR": "AUTO",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
    }


def test_a_snippet_runs_with_only_the_configurations_variables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for variable, value in RUNNER_SETTINGS.items():
        monkeypatch.setenv(variable, value)
    recorded = (
        "ATEN_CPU_CAPABILITY default\nMKL_CBWR AUTO\nOMP_NUM_THREADS 1\nMKL_NUM_THREADS 1\n"
        "OPENBLAS_NUM_THREADS 1\nPYTHONHASHSEED None\nMPLBACKEND Agg\nOMP_WAIT_POLICY PASSIVE\n"
    )
    snippet = write_snippet(tmp_path, SHOW_ENVIRONMENT, recorded)
    assert check(snippet, tmp_path, ONE_THREAD) is None


@pytest.mark.parametrize(("configuration", "preloaded"), [(DEFAULT, "False"), (ONE_THREAD, "True")])
def test_only_a_one_thread_configuration_starts_with_torch_imported(
    tmp_path: Path, configuration: Configuration, preloaded: str
) -> None:
    pytest.importorskip("torch")
    source = "import sys\nprint('torch' in sys.modules)\nimport torch\nprint(torch.get_num_threads() >= 1)\n"
    snippet = write_snippet(tmp_path, source, f"{preloaded}\nTrue\n")
    assert check(snippet, tmp_path, configuration) is None


def test_the_folder_holds_only_the_snippet_and_its_data(tmp_path: Path) -> None:
    for data_file in ("data/MNIST/raw/train-labels-idx1-ubyte", "data/prices/a.csv", "data/other/b.csv"):
        (tmp_path / data_file).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / data_file).write_text(f"content of {Path(data_file).name}", encoding="utf-8")
    source = f"# output-check: inputs=data/prices/*.csv\n# --8<-- [start:example]\n# uses datasets.MNIST\n{SHOW_FOLDER}"
    recorded = "./demo.py\n./data/MNIST/raw/train-labels-idx1-ubyte\n./data/prices/a.csv\ncontent of a.csv\n"
    snippet = write_snippet(tmp_path, source, recorded)
    (snippet.parent / "neighbour.py").write_text("print('not copied')\n", encoding="utf-8")
    assert check(snippet, tmp_path) is None


def test_a_drifted_output_names_the_snippet_configuration_and_line(tmp_path: Path) -> None:
    snippet = write_snippet(tmp_path, "print('loss 0.5000')\nprint('accuracy 0.9100')\n", "loss 0.5\naccuracy 0.90\n")
    problem = check(snippet, tmp_path, ONE_THREAD)
    assert problem is not None
    assert problem.startswith("snippets/chapter/demo.py [aten-default.mkl-auto.threads-1]:")
    assert "line 2: 0.9100 differs from recorded 0.90" in problem
    assert "\n-accuracy 0.90\n" in problem and "\n+accuracy 0.9100\n" in problem
    command = "ATEN_CPU_CAPABILITY=default MKL_CBWR=AUTO OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1"
    assert f"{command} python snippets/chapter/demo.py" in problem


def test_one_thread_runs_of_different_tests_share_one_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("torch")
    snippet = write_snippet(tmp_path, "import torch\nprint(torch.ones(2).sum().item())\n", "2.0\n")
    servers = []
    for test in ("test_reader.py::test_one (call)", "test_reader.py::test_two (call)"):
        monkeypatch.setenv("PYTEST_CURRENT_TEST", test)
        assert check(snippet, tmp_path, ONE_THREAD) is None
        servers.append(set(preload._servers.values()))
    assert servers[0] == servers[1], "each test started a preloading server of its own"


@pytest.mark.parametrize("configuration", [DEFAULT, ONE_THREAD], ids=lambda configuration: configuration.name)
def test_a_crash_names_the_file_and_line(tmp_path: Path, configuration: Configuration) -> None:
    snippet = write_snippet(tmp_path, "print('before')\n\ndef f():\n    return 1 / 0\n\nf()\n", "before\n")
    problem = check(snippet, tmp_path, configuration)
    assert problem is not None
    assert problem.startswith(f"snippets/chapter/demo.py [{configuration.name}] crashed:")
    assert 'File "demo.py", line 6, in <module>\n    f()' in problem
    assert 'File "demo.py", line 4, in f\n    return 1 / 0' in problem
    assert "ZeroDivisionError: division by zero" in problem


def test_a_declared_exception_ends_the_output_without_its_module(tmp_path: Path) -> None:
    source = (
        "# output-check: raises=Refused\n"
        "# --8<-- [start:example]\n"
        "Refused = type('Refused', (RuntimeError,), {'__module__': 'library.errors'})\n"
        "print('before')\n"
        "raise Refused('mat1 and mat2: no')\n"
    )
    snippet = write_snippet(tmp_path, source, "before\nRefused: mat1 and mat2: no\n")
    assert check(snippet, tmp_path) is None


@pytest.mark.parametrize("configuration", [DEFAULT, ONE_THREAD], ids=lambda configuration: configuration.name)
def test_a_hanging_snippet_is_stopped_at_its_timeout(tmp_path: Path, configuration: Configuration) -> None:
    source = "# output-check: timeout=1\n# --8<-- [start:example]\nimport time\nprint('start', flush=True)\n"
    source += "time.sleep(60)\n"
    snippet = write_snippet(tmp_path, source, "")
    started = time.perf_counter()
    problem = check(snippet, tmp_path, configuration)
    assert time.perf_counter() - started < 10
    assert problem is not None and f"[{configuration.name}] did not finish within 1 s and was stopped" in problem


def test_configurations_parse() -> None:
    assert parse_configurations("default") == [DEFAULT]
    assert parse_configurations("all") == list(ALL)
    assert parse_configurations("default, aten-default.mkl-auto.threads-1,default") == [DEFAULT, ONE_THREAD]
    assert [c.name for c in parse_configurations("aten-avx2.mkl-auto.threads-all,all")][:2] == [
        "aten-avx2.mkl-auto.threads-all",
        "default",
    ]
    with pytest.raises(ValueError, match=r"unknown kernel configuration 'avx3'.*'default', 'all'"):
        parse_configurations("default,avx3")


def test_the_other_configurations_cover_every_pair_of_settings() -> None:
    settings = [(c.aten_cpu_capability, c.mkl_cbwr, c.one_thread) for c in PAIRWISE]
    values = [{"default", "avx2", "avx512"}, {"AUTO", "COMPATIBLE"}, {True, False}]
    for first, second in itertools.combinations(range(3), 2):
        covered = {(chosen[first], chosen[second]) for chosen in settings}
        assert covered == set(itertools.product(values[first], values[second]))
    assert len({c.name for c in ALL}) == len(ALL)


def test_kernel_configurations_apply_to_x86_64_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "default_capability", lambda: "AVX2")
    assert DEFAULT.unsupported_on("aarch64") is None and ONE_THREAD.unsupported_on("x86_64") is None
    reason = ONE_THREAD.unsupported_on("aarch64")
    assert reason == "aten-default.mkl-auto.threads-1 selects x86-64 CPU kernels; this machine is aarch64"
    avx512 = Configuration("avx512", "AUTO", one_thread=True)
    assert "this CPU lacks AVX-512" in (avx512.unsupported_on("x86_64") or "")
    monkeypatch.setattr(reader, "default_capability", lambda: "AVX512")
    assert avx512.unsupported_on("x86_64") is None
