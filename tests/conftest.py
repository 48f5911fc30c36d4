"""Shared pytest options for the snippet check, its parallelism and its execution report.

Each snippet test attaches its cost to its report; the controlling process (the
only one, or pytest-xdist's controller) collects them and, when any snippet ran,
writes docs/execution-report.md and .snippet-cache/last-run.json at the end.
`pytest tests/test_snippets.py -n auto` starts one worker per core, or none when at
most one snippet lacks a cached run (workers would then cost more than they save).
`--kernels` chooses the configurations of tests/test_reader.py, whose header says
which CPU kernels PyTorch really runs under them. Both checks share `mnist_data`,
`--shard i/N` (the i-th of N shards of about equal run time, the same split on every
machine: booksite/snippet_check/shards.py; a test that runs no snippet goes to shard 1)
and `--cuda` (only the snippets that declare `requires=cuda`, which are marked `cuda`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from booksite.snippet_check import mnist_mirror, shards
from booksite.snippet_check import report as execution_report
from booksite.snippet_check.cache import CACHE_FOLDER, SnippetCache, cache_key, data_inputs, snippet_id
from booksite.snippet_check.directives import DirectiveError, parse_settings
from booksite.snippet_check.reader import capability_notes, parse_configurations
from booksite.snippet_check.verdict import CUDA, cuda_unavailable

ROOT = Path(__file__).resolve().parent.parent
DATA_ROOT = ROOT / "data"
LAST_RUN = ROOT / CACHE_FOLDER / "last-run.json"
RECORDS: list[execution_report.Record] = []
COSTS_INPUT = "snippet_costs"  # pytest-xdist hands the controller's costs to its workers under this name
PLAN = pytest.StashKey["ShardPlan | None"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("snippets", "executable docs")
    group.addoption(
        "--update",
        action="store_true",
        help="re-record each selected snippet's output instead of comparing it",
    )
    group.addoption(
        "--no-cache",
        action="store_true",
        help="run every selected snippet afresh instead of reusing a cached run of the same inputs",
    )
    group.addoption(
        "--clear-cache",
        action="store_true",
        help=f"empty the snippet cache ({CACHE_FOLDER}/) before the run",
    )
    group.addoption(
        "--determinism",
        action="store_true",
        help="run each snippet twice without the cache; fail where the outputs differ beyond its tolerance",
    )
    group.addoption(
        "--kernels",
        default="default",
        help="tests/test_reader.py's configurations: 'default' (the reader's CPU defaults), 'all', or a comma list "
        "of names such as aten-avx2.mkl-auto.threads-all (see booksite/snippet_check/reader.py)",
    )
    group.addoption(
        "--shard",
        metavar="i/N",
        help="check only the i-th of N shards (1-based) of the snippets, split by their run times in the last "
        f"complete run ({CACHE_FOLDER}/last-run.json), the same split on every machine that reads the same costs",
    )
    group.addoption(
        "--cuda",
        action="store_true",
        help="check only the snippets that declare 'requires=cuda'; stop at once where PyTorch sees no CUDA GPU",
    )


def is_controller(config: pytest.Config) -> bool:
    return not hasattr(config, "workerinput")  # pytest-xdist gives its workers `workerinput`


def runs_test_file(config: pytest.Config, name: str) -> bool:
    return any(Path(arg.split("::")[0]).name == name for arg in config.args)


def all_snippet_names() -> list[str]:
    """Every snippet, as the report and the costs name it (path from the root), sorted."""
    return sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "snippets").rglob("*.py"))


@dataclass(frozen=True)
class ShardPlan:
    shard: shards.Shard
    costs: dict[str, float]  # the costs the split was made with, as read by the controller
    names: frozenset[str]  # the snippets of this shard

    def header(self) -> str:
        every = all_snippet_names()
        loads = shards.loads(shards.split(every, self.costs, self.shard.count), self.costs)
        unknown = sum(name not in self.costs for name in every)
        estimated = f", {unknown} estimated" if unknown else ""
        return (
            f"shard {self.shard}: {len(self.names)} of {len(every)} snippets, about "
            f"{loads[self.shard.index - 1]:.0f} s of the shards' {' + '.join(f'{load:.0f}' for load in loads)} s "
            f"(costs of the last complete run in {CACHE_FOLDER}/last-run.json{estimated})"
        )


def shard_plan(config: pytest.Config) -> ShardPlan | None:
    """This run's shard and its snippets, or None without --shard; raises pytest.UsageError for a bad value.

    The controller reads the costs once and hands them to pytest-xdist's workers, so that every process of
    one run splits alike even if last-run.json changes meanwhile (another check in the same tree).
    """
    if PLAN in config.stash:
        return config.stash[PLAN]
    value = config.getoption("--shard")
    plan = None
    if value is not None:
        try:
            shard = shards.parse_shard(value)
        except ValueError as error:
            raise pytest.UsageError(str(error)) from error
        worker_input = getattr(config, "workerinput", {})
        costs = worker_input[COSTS_INPUT] if COSTS_INPUT in worker_input else execution_report.read_costs(LAST_RUN)
        plan = ShardPlan(shard, costs, frozenset(shards.names_in(shard, all_snippet_names(), costs)))
    config.stash[PLAN] = plan
    return plan


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{CUDA}: the snippet declares 'requires=cuda' (select with -m cuda)")
    try:
        parse_configurations(config.getoption("--kernels"))
    except ValueError as error:
        raise pytest.UsageError(f"--kernels: {error}") from error
    shard_plan(config)
    if is_controller(config) and config.getoption("--cuda"):
        missing = cuda_unavailable()
        if missing:
            raise pytest.UsageError(f"--cuda checks the snippets that need a GPU, and this machine has none: {missing}")
    if is_controller(config) and config.getoption("--clear-cache"):
        SnippetCache(ROOT / CACHE_FOLDER).clear()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:  # pytest-xdist's WorkerController
    """pytest-xdist: give each worker the costs the controller split with."""
    plan = shard_plan(node.config)
    if plan is not None:
        node.workerinput[COSTS_INPUT] = plan.costs


def snippet_of(item: pytest.Item) -> str | None:
    """The snippet a test checks (path from the root), or None for a test that runs none."""
    callspec = getattr(item, "callspec", None)
    snippet = callspec.params.get("snippet") if callspec else None
    return snippet.relative_to(ROOT).as_posix() if isinstance(snippet, Path) else None


def declares_cuda(snippet: str) -> bool:
    try:
        source = (ROOT / snippet).read_text(encoding="utf-8")
        return CUDA in parse_settings(source, snippet).requires
    except (OSError, DirectiveError):
        return False  # the test itself reports it


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the `requires=cuda` snippets; keep only those under --cuda, only this shard's under --shard."""
    plan = shard_plan(config)
    only_cuda = config.getoption("--cuda")
    kept, deselected = [], []
    for item in items:
        snippet = snippet_of(item)
        cuda = snippet is not None and declares_cuda(snippet)
        if cuda:
            item.add_marker(CUDA)
        if snippet is None:
            wanted = plan is None or plan.shard.index == 1
        else:
            wanted = (cuda or not only_cuda) and (plan is None or snippet in plan.names)
        (kept if wanted else deselected).append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


def pytest_report_header(config: pytest.Config) -> list[str]:
    if not is_controller(config):
        return []
    plan = shard_plan(config)
    lines = [plan.header()] if plan else []
    if runs_test_file(config, "test_reader.py"):
        configurations = parse_configurations(config.getoption("--kernels"))
        lines += [f"reader configurations: {', '.join(c.name for c in configurations)}"]
        lines += capability_notes(configurations)
    return lines


@pytest.fixture(scope="session")
def mnist_data() -> Path:
    """MNIST in data/MNIST/raw: copied from MNIST_MIRROR, already there, or downloaded now."""
    with mnist_mirror.exclusive(DATA_ROOT):  # parallel workers prepare it one at a time
        unusable = None
        try:
            mnist_mirror.prepare(DATA_ROOT)
        except mnist_mirror.MirrorError as error:
            unusable = str(error)
        if unusable:
            pytest.fail(unusable, pytrace=False)
        damaged = mnist_mirror.damaged_files(mnist_mirror.raw_folder(DATA_ROOT))
        if damaged:
            pytest.fail(mnist_mirror.damaged_data_message(DATA_ROOT.relative_to(ROOT), damaged), pytrace=False)
        if not mnist_mirror.has_mnist(DATA_ROOT):
            if not mnist_mirror.download_reachable():
                pytest.fail(mnist_mirror.missing_data_message(DATA_ROOT.relative_to(ROOT)), pytrace=False)
            mnist_mirror.download(DATA_ROOT)
    return DATA_ROOT


def snippets_without_cached_run(only: frozenset[str] | None = None) -> int:
    """How many snippets (of `only`, if given) would run now (an estimate: `-k` and `requires=` are not known yet)."""
    cache = SnippetCache(ROOT / CACHE_FOLDER)
    count = 0
    for snippet in (ROOT / "snippets").rglob("*.py"):
        if only is not None and snippet.relative_to(ROOT).as_posix() not in only:
            continue
        source = snippet.read_text(encoding="utf-8")
        try:
            inputs = data_inputs(source, parse_settings(source).inputs)
        except DirectiveError:
            inputs = []  # the test reports it
        count += not cache.has(snippet_id(snippet, ROOT), cache_key(snippet, root=ROOT, inputs=inputs))
    return count


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    checks_snippets = runs_test_file(config, "test_snippets.py")
    fresh = any(config.getoption(name) for name in ("--no-cache", "--clear-cache", "--determinism"))
    if checks_snippets and not fresh:
        try:
            plan = shard_plan(config)
        except pytest.UsageError:
            return None  # pytest_configure reports it
        if snippets_without_cached_run(plan.names if plan else None) <= 1:
            return 0
    return None  # pytest-xdist's own choice: one worker per core


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call":  # every phase carries the test's properties; take them once
        RECORDS.extend(execution_report.records_in(report.user_properties))


def pytest_sessionfinish(session: pytest.Session) -> None:
    if is_controller(session.config) and RECORDS:
        plan = shard_plan(session.config)
        execution_report.write(
            RECORDS,
            page=ROOT / execution_report.REPORT_PAGE,
            summary=LAST_RUN,
            total_snippets=len(all_snippet_names()),
            shard=str(plan.shard) if plan else None,
        )
