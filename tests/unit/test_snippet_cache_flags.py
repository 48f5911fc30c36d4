"""End to end: a cached run is reused and still compared; --no-cache, --clear-cache,
--update, --determinism and pytest-xdist behave as documented.

Each test runs the snippet check in a scratch repository whose snippet counts its
own runs in `runs.log`, so a test can tell a fresh run from a cache hit.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from scratch_projects import snippet_check_repo, write_snippet

COUNTER = """\
with open("runs.log", "a") as log:
    log.write("run\\n")
print("mean loss 0.25")
"""
DRAWING = "import matplotlib.pyplot as plt\nplt.plot([0, 1], [1, 0])\nplt.show()\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    snippet_check_repo(tmp_path)
    write_snippet(tmp_path, "counter", COUNTER, "mean loss 0.25\n")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(repo: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pytest", "tests/test_snippets.py", "-p", "no:cacheprovider", *options]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, timeout=120)


def runs(repo: Path) -> int:
    log = repo / "runs.log"
    return len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0


def cache_column(repo: Path) -> dict[str, str]:
    summary = json.loads((repo / ".snippet-cache" / "last-run.json").read_text(encoding="utf-8"))
    return {Path(row["snippet"]).stem: row["cache"] for row in summary["records"]}


def test_a_hit_reuses_output_and_figures_and_the_flags_bypass_or_clear(repo: Path) -> None:
    (repo / "snippets/chapter/counter.py").write_text(COUNTER + DRAWING, encoding="utf-8")
    figure = repo / "docs" / "figures" / "chapter" / "counter-1.png"
    assert check(repo).returncode == 0
    assert runs(repo) == 1 and figure.is_file() and cache_column(repo) == {"counter": "miss"}
    page = (repo / "docs" / "execution-report.md").read_text(encoding="utf-8")
    assert "| `snippets/chapter/counter.py` |" in page

    figure.unlink()
    assert check(repo).returncode == 0
    assert runs(repo) == 1 and cache_column(repo) == {"counter": "hit"}
    assert figure.read_bytes().startswith(b"\x89PNG")  # restored from the cache

    assert check(repo, "--no-cache").returncode == 0
    assert runs(repo) == 2 and cache_column(repo) == {"counter": "miss"}

    assert check(repo, "--clear-cache").returncode == 0
    assert runs(repo) == 3 and cache_column(repo) == {"counter": "miss"}


def test_a_hit_is_still_compared_and_update_rerecords_from_it(repo: Path) -> None:
    assert check(repo).returncode == 0
    edit(repo / "snippets/chapter/counter.out", "0.25", "0.26")
    result = check(repo)
    assert result.returncode == 1 and "output drifted" in result.stdout
    assert check(repo, "--update").returncode == 0
    assert (repo / "snippets/chapter/counter.out").read_text(encoding="utf-8") == "mean loss 0.25\n"
    assert runs(repo) == 1  # both answered from the cache


def test_changing_the_snippet_reruns_it(repo: Path) -> None:
    assert check(repo).returncode == 0
    edit(repo / "snippets/chapter/counter.py", '0.25")', '0.25")  # a comment')
    assert check(repo).returncode == 0
    assert runs(repo) == 2 and cache_column(repo) == {"counter": "miss"}


def test_determinism_fails_on_an_unseeded_snippet_only(repo: Path) -> None:
    write_snippet(repo, "seeded", "import random\nrandom.seed(0)\nprint(random.random())\n", None)
    write_snippet(repo, "unseeded", "import random\nprint(random.random())\n", None)
    assert check(repo, "--update").returncode == 0
    result = check(repo, "--determinism")
    assert result.returncode == 1, result.stdout
    assert "unseeded.py is not deterministic: two fresh runs differ" in result.stdout
    assert "seeded.py is not deterministic" not in result.stdout.replace("unseeded.py", "")
    assert runs(repo) == 3  # the counter ran twice more, ignoring its cached run


def test_parallel_workers_report_every_snippet_to_the_controller(repo: Path) -> None:
    write_snippet(repo, "second", "print('two')\n", "two\n")
    result = check(repo, "-n", "2")
    assert result.returncode == 0, result.stdout
    assert "created: 2/2 workers" in result.stdout
    assert cache_column(repo) == {"counter": "miss", "second": "miss"}
    result = check(repo, "-n", "auto")
    assert result.returncode == 0 and "created:" not in result.stdout  # all cached: no workers started
    assert cache_column(repo) == {"counter": "hit", "second": "hit"}
