"""`--shard i/N`: every snippet in exactly one shard, the same split everywhere, balanced by run time.

The first tests check booksite/snippet_check/shards.py on its own and on the real
snippets/ list; the end-to-end ones run the snippet check in a scratch repository
(as test_snippet_cache_flags.py does) and look at what each shard ran and reported.
"""

import dataclasses
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from scratch_projects import snippet_check_repo, write_snippet

from booksite.snippet_check.cache import ENTRIES_KEPT_PER_SNIPPET, RUN_FILE, SnippetCache
from booksite.snippet_check.report import Record, read_costs, write
from booksite.snippet_check.runner import SnippetRun
from booksite.snippet_check.shards import (
    DEFAULT_SECONDS,
    USAGE,
    Shard,
    estimated_costs,
    loads,
    names_in,
    parse_shard,
    split,
)

ROOT = Path(__file__).resolve().parents[2]
REAL_SNIPPETS = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "snippets").rglob("*.py"))


def test_parse_shard_takes_i_of_n() -> None:
    assert parse_shard("1/2") == Shard(1, 2)
    assert parse_shard(" 4/4 ") == Shard(4, 4)
    assert str(parse_shard("3/5")) == "3/5"


@pytest.mark.parametrize("bad", ["3/2", "0/2", "x", "1/0", "0/0", "1", "1/2/3", "-1/2", "a/b", "", "1 / 2"])
def test_a_bad_shard_says_what_it_takes(bad: str) -> None:
    with pytest.raises(ValueError, match="--shard takes i/N") as error:
        parse_shard(bad)
    assert repr(bad) in str(error.value)


@pytest.mark.parametrize("count", [1, 2, 3, 4])
@pytest.mark.parametrize("costs", ["none", "real", "skewed"], ids=str)
def test_the_shards_together_select_every_real_snippet_exactly_once(count: int, costs: str) -> None:
    assert len(REAL_SNIPPETS) > 4
    known = {
        "none": {},
        "real": read_costs(ROOT / ".snippet-cache" / "last-run.json"),
        "skewed": {name: 100.0 * (index % 3 == 0) for index, name in enumerate(REAL_SNIPPETS)},
    }[costs]
    chosen = [names_in(Shard(index, count), REAL_SNIPPETS, known) for index in range(1, count + 1)]
    every = [name for shard in chosen for name in shard]
    assert sorted(every) == REAL_SNIPPETS  # each one once: none missing, none twice
    assert all(chosen), "no shard is empty"


def test_the_split_depends_on_nothing_but_names_costs_and_count() -> None:
    known = {name: float(len(name) % 7) for name in REAL_SNIPPETS}  # many ties
    expected = split(REAL_SNIPPETS, known, 3)
    shuffled = random.Random(1).sample(REAL_SNIPPETS, len(REAL_SNIPPETS))
    reordered = dict(random.Random(2).sample(sorted(known.items()), len(known)))
    assert split(shuffled, reordered, 3) == expected
    assert split(REAL_SNIPPETS + REAL_SNIPPETS[:3], known, 3) == expected  # a name given twice counts once


def test_balancing_uses_the_costs() -> None:
    names = ["a", "b", "c", "d", "e", "f"]
    assert split(names, {}, 2) == [["a", "c", "e"], ["b", "d", "f"]]  # equal costs: alternate, by name
    # One slow snippet gets a shard to itself; by name alone it would have had company.
    slow_f = {"a": 1.0, "b": 1.0, "c": 1.0, "d": 1.0, "e": 1.0, "f": 5.0}
    assert split(names, slow_f, 2) == [["f"], ["a", "b", "c", "d", "e"]]
    assert loads(split(names, slow_f, 2), slow_f) == [5.0, 5.0]
    # Longest first, each onto the least loaded shard: a 8 | b 5 | c 4, d 3 -> c's (4), e 2 -> b's (5),
    # f 2 -> b's again: a tie at 7 with c's goes to the lower-numbered shard.
    costs = {"a": 8.0, "b": 5.0, "c": 4.0, "d": 3.0, "e": 2.0, "f": 2.0}
    assert split(names, costs, 3) == [["a"], ["b", "e", "f"], ["c", "d"]]
    assert loads(split(names, costs, 3), costs) == [8.0, 9.0, 7.0]


def test_real_costs_give_shards_closer_in_time_than_a_split_by_count() -> None:
    known = read_costs(ROOT / ".snippet-cache" / "last-run.json")
    if len(known) < len(REAL_SNIPPETS) // 2:
        pytest.skip("no execution report with most snippets' costs here (run the snippet check once)")
    balanced = loads(split(REAL_SNIPPETS, known, 2), known)
    by_count = loads(split(REAL_SNIPPETS, {}, 2), known)
    assert max(balanced) - min(balanced) <= max(by_count) - min(by_count)
    assert max(balanced) - min(balanced) <= max(estimated_costs(REAL_SNIPPETS, known).values())


def test_a_snippet_without_a_cost_costs_the_median_of_the_known() -> None:
    assert estimated_costs(["a", "b", "c", "new"], {"a": 1.0, "b": 2.0, "c": 9.0, "gone": 50.0})["new"] == 2.0
    assert estimated_costs(["new"], {}) == {"new": DEFAULT_SECONDS}


def test_only_a_complete_run_replaces_the_costs_a_partial_one_carries_them_over(tmp_path: Path) -> None:
    page, summary = tmp_path / "report.md", tmp_path / "last-run.json"
    every = [Record("snippets/a/one.py", 3.0, 1.0, "miss"), Record("snippets/a/two.py", 5.0, 1.0, "hit")]
    write(every, page=page, summary=summary, total_snippets=2)
    assert read_costs(summary) == {"snippets/a/one.py": 3.0, "snippets/a/two.py": 5.0}
    assert json.loads(summary.read_text(encoding="utf-8"))["selection"] == "all"

    write([Record("snippets/a/one.py", 0.5, 1.0, "miss")], page=page, summary=summary, total_snippets=2, shard="1/2")
    assert read_costs(summary) == {"snippets/a/one.py": 3.0, "snippets/a/two.py": 5.0}
    content = json.loads(summary.read_text(encoding="utf-8"))
    assert content["selection"] == "shard 1/2" and [row["seconds"] for row in content["records"]] == [0.5]
    assert "shard 1 of 2, a selection of the 2" in page.read_text(encoding="utf-8")

    write([Record("snippets/a/two.py", 0.1, 1.0, "miss")], page=page, summary=summary, total_snippets=2)  # a -k run
    assert read_costs(summary) == {"snippets/a/one.py": 3.0, "snippets/a/two.py": 5.0}
    assert json.loads(summary.read_text(encoding="utf-8"))["selection"] == "1 of 2"

    write([Record("snippets/a/one.py", 2.0, 1.0, "miss")], page=page, summary=summary, total_snippets=1)
    assert read_costs(summary) == {"snippets/a/one.py": 2.0}  # complete again: the costs of this run only


def test_costs_from_an_older_summary_or_none(tmp_path: Path) -> None:
    summary = tmp_path / "last-run.json"
    assert read_costs(summary) == {}
    summary.write_text("{not json", encoding="utf-8")
    assert read_costs(summary) == {}
    rows = [{"snippet": "snippets/a/one.py", "seconds": 2.5}, {"snippet": "snippets/a/bad.py", "seconds": "x"}]
    summary.write_text(json.dumps({"measured": "then", "records": rows}), encoding="utf-8")  # before `costs`
    assert read_costs(summary) == {"snippets/a/one.py": 2.5}


def test_caches_merged_from_shards_keep_the_newest_few_entries(tmp_path: Path) -> None:
    """CI merges the shards' caches, each holding the entries it restored: a hit prunes as a store does."""
    cache = SnippetCache(tmp_path / "cache")
    run = SnippetRun("out\n", "", None, False, 0, 1.0, 1.0, [])
    for index in range(ENTRIES_KEPT_PER_SNIPPET + 3):  # as if merged: more entries than a store leaves
        entry = tmp_path / "cache" / "chapter" / "demo" / f"k{index}"
        entry.mkdir(parents=True)
        (entry / RUN_FILE).write_text(json.dumps({**dataclasses.asdict(run), "figures": []}), encoding="utf-8")
        os.utime(entry / RUN_FILE, ns=(index * 10**9, index * 10**9))
    assert cache.load("chapter/demo", "k0", tmp_path / "figures") is not None  # the oldest, now just used
    kept = sorted(path.name for path in (tmp_path / "cache" / "chapter" / "demo").iterdir())
    assert len(kept) == ENTRIES_KEPT_PER_SNIPPET and "k0" in kept and f"k{ENTRIES_KEPT_PER_SNIPPET + 2}" in kept


# End to end, in a scratch repository.

SLOW, QUICK = "print('slow')\n", "print('quick')\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Five snippets; last-run.json says `slow` costs as much as the four others together."""
    snippet_check_repo(tmp_path)
    write_snippet(tmp_path, "slow", SLOW, "slow\n")
    for name in ("q1", "q2", "q3", "q4"):
        write_snippet(tmp_path, name, QUICK, "quick\n")
    seconds = {"snippets/chapter/slow.py": 40.0, **{f"snippets/chapter/q{i}.py": 10.0 for i in range(1, 5)}}
    write_last_run(tmp_path, seconds)
    return tmp_path


def write_last_run(repo: Path, seconds: dict[str, float]) -> None:
    summary = repo / ".snippet-cache" / "last-run.json"
    summary.parent.mkdir(parents=True, exist_ok=True)
    records = [
        {"snippet": name, "seconds": value, "peak_memory_mib": 1.0, "cache": "miss"} for name, value in seconds.items()
    ]
    summary.write_text(json.dumps({"measured": "earlier", "records": records}), encoding="utf-8")


def check(repo: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pytest", "tests/test_snippets.py", "-p", "no:cacheprovider", "-rs", *options]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, timeout=120)


def last_run(repo: Path) -> dict[str, object]:
    return json.loads((repo / ".snippet-cache" / "last-run.json").read_text(encoding="utf-8"))


def ran(repo: Path) -> set[str]:
    return {Path(row["snippet"]).stem for row in last_run(repo)["records"]}


def test_two_shards_check_every_snippet_once_balanced_by_the_report(repo: Path) -> None:
    first = check(repo, "--shard", "1/2")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "shard 1/2: 1 of 5 snippets, about 40 s of the shards' 40 + 40 s" in first.stdout
    assert "3 passed, 4 deselected" in first.stdout  # slow, and the two tests that run no snippet
    assert ran(repo) == {"slow"}
    page = (repo / "docs" / "execution-report.md").read_text(encoding="utf-8")
    assert "1 snippets (shard 1 of 2, a selection of the 5: the other shards report the rest)" in page
    assert '!!! warning "One shard of the suite: 1/2"' in page
    summary = last_run(repo)
    assert summary["selection"] == "shard 1/2"
    assert summary["costs"]["seconds"]["snippets/chapter/q1.py"] == 10.0  # carried over, not clobbered
    assert summary["costs"]["seconds"]["snippets/chapter/slow.py"] == 40.0  # not this run's fraction of a second

    second = check(repo, "--shard", "2/2", "-n", "2")  # the workers split with the controller's costs
    assert second.returncode == 0, second.stdout + second.stderr
    assert "created: 2/2 workers" in second.stdout
    assert "2 workers [4 items]" in second.stdout and "= 4 passed in" in second.stdout  # xdist counts no deselected
    assert ran(repo) == {"q1", "q2", "q3", "q4"}

    whole = check(repo)
    assert whole.returncode == 0 and "7 passed" in whole.stdout and "deselected" not in whole.stdout
    summary = last_run(repo)
    assert summary["selection"] == "all"
    assert summary["costs"]["seconds"]["snippets/chapter/slow.py"] < 40.0  # a complete run measures anew


def test_the_costs_decide_the_split(repo: Path) -> None:
    def shard_1() -> set[str]:
        result = check(repo, "--shard", "1/2", "--collect-only", "-q")
        assert result.returncode == 0, result.stdout + result.stderr
        lines = result.stdout.splitlines()
        return {line.split("[")[1].rstrip("]") for line in lines if "test_snippet_output[" in line}

    assert shard_1() == {"chapter/slow"}
    write_last_run(repo, {"snippets/chapter/q4.py": 100.0, "snippets/chapter/q1.py": 1.0})  # others: 50.5
    assert shard_1() == {"chapter/q4", "chapter/slow"}  # q4 100 + slow 50.5 | q2 50.5 + q3 50.5 + q1 1
    (repo / ".snippet-cache" / "last-run.json").unlink()  # no costs: alternate, by name
    assert shard_1() == {"chapter/q1", "chapter/q3", "chapter/slow"}


def test_a_failing_snippet_fails_its_own_shard_only(repo: Path) -> None:
    (repo / "snippets" / "chapter" / "q3.out").write_text("not what it prints\n", encoding="utf-8")
    results = {index: check(repo, "--shard", f"{index}/2") for index in (1, 2)}
    assert results[1].returncode == 0, results[1].stdout
    assert "failed" not in results[1].stdout and "q3" not in results[1].stdout
    assert results[2].returncode == 1 and "1 failed, 3 passed, 3 deselected" in results[2].stdout
    assert "chapter/q3.py: output drifted" in results[2].stdout


@pytest.mark.parametrize("bad", ["3/2", "0/2", "x"])
def test_a_bad_shard_is_a_usage_error(repo: Path, bad: str) -> None:
    result = check(repo, "--shard", bad)
    assert result.returncode == pytest.ExitCode.USAGE_ERROR
    assert f"ERROR: {USAGE}; got {bad!r}" in result.stderr
    assert not (repo / "docs" / "execution-report.md").exists()


def test_the_reader_check_takes_the_same_shards(repo: Path) -> None:
    for index, expected in ((1, {"chapter/slow[default]"}), (2, {f"chapter/q{i}[default]" for i in range(1, 5)})):
        command = [sys.executable, "-m", "pytest", "tests/test_reader.py", "-p", "no:cacheprovider", "-q"]
        result = subprocess.run(
            [*command, "--collect-only", "--shard", f"{index}/2"], cwd=repo, capture_output=True, text=True, timeout=60
        )
        chosen = {line.split("[", 1)[1][:-1] for line in result.stdout.splitlines() if "test_reader_output[" in line}
        assert result.returncode == 0 and chosen == expected, result.stdout
