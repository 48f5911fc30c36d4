"""A snippet runs in its own process: output, errors, figures, timeout."""

from pathlib import Path

from booksite.snippet_check.runner import run_snippet


def write_snippet(folder: Path, source: str, name: str = "demo.py") -> Path:
    path = folder / name
    path.write_text(source, encoding="utf-8")
    return path


def test_stdout_is_captured_and_cwd_is_the_root(tmp_path: Path) -> None:
    snippet = write_snippet(tmp_path, "import os\nprint('hello')\nprint(os.getcwd())\n")
    run = run_snippet(snippet, root=tmp_path, figure_dir=tmp_path / "figures", timeout_s=30)
    assert run.stdout == f"hello\n{tmp_path}\n"
    assert run.exception is None and not run.timed_out and run.exit_code == 0
    assert run.peak_memory_mib > 0


def test_a_crash_reports_the_snippet_file_and_line(tmp_path: Path) -> None:
    snippet = write_snippet(tmp_path, "print('before')\n\ndef f():\n    return 1 / 0\n\nf()\n")
    run = run_snippet(snippet, root=tmp_path, figure_dir=tmp_path, timeout_s=30)
    assert run.stdout == "before\n"
    assert run.exception is not None and run.exception.type == "ZeroDivisionError"
    described = run.exception.describe(tmp_path, snippet)
    assert 'File "demo.py", line 6, in <module>' in described
    assert 'File "demo.py", line 4, in f' in described
    assert "execute.py" not in described and "runpy" not in described
    assert run.exception.as_output_line() == "ZeroDivisionError: division by zero\n"


def test_a_nonzero_exit_is_an_error(tmp_path: Path) -> None:
    snippet = write_snippet(tmp_path, "import sys\nsys.exit(3)\n")
    run = run_snippet(snippet, root=tmp_path, figure_dir=tmp_path, timeout_s=30)
    assert run.exception is not None and run.exception.type == "SystemExit"


def test_a_hanging_snippet_is_stopped_at_its_timeout(tmp_path: Path) -> None:
    snippet = write_snippet(tmp_path, "import time\nprint('start', flush=True)\ntime.sleep(60)\n")
    run = run_snippet(snippet, root=tmp_path, figure_dir=tmp_path, timeout_s=1)
    assert run.timed_out and run.seconds < 10
    assert run.stdout == "start\n"


def test_open_figures_are_saved_in_order(tmp_path: Path) -> None:
    source = "\n".join(
        [
            "import matplotlib.pyplot as plt",
            "plt.figure(); plt.plot([0, 1], [1, 0])",
            "plt.figure(); plt.plot([0, 1], [0, 1])",
            "plt.show()",
        ]
    )
    snippet = write_snippet(tmp_path, source, "curves.py")
    run = run_snippet(snippet, root=tmp_path, figure_dir=tmp_path / "figures", timeout_s=60)
    assert run.exception is None, run.stderr
    assert [path.name for path in run.figures] == ["curves-1.png", "curves-2.png"]
    assert all(path.read_bytes().startswith(b"\x89PNG") for path in run.figures)
