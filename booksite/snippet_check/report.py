"""The execution report: what each snippet cost to run, slowest first, as a site page.

Each snippet test attaches a `Record` to its pytest report (a user property, which
pytest-xdist carries from its workers to the controller); at the end of the session
the controller renders them all into `docs/execution-report.md` and a JSON copy
for scripts. A cache hit shows the cost of the original run it reuses.

The JSON copy (`.snippet-cache/last-run.json`) also keeps `costs`: each snippet's
seconds in the last *complete* run (every snippet, no shard). The shards
(`shards.py`) balance on them. A run of part of the suite (a `--shard`, a `-k`)
reports its own records but carries the costs over unchanged, so that shards run one
after another split the snippets alike, and a shard's page says it is one.
"""

from __future__ import annotations

import dataclasses
import json
import os
import platform
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

PROPERTY = "snippet_run"
REPORT_PAGE = "docs/execution-report.md"
SLOW_SECONDS = 30.0


@dataclass(frozen=True)
class Record:
    snippet: str  # path from the repository root
    seconds: float  # wall time of the run (of the original run on a cache hit)
    peak_memory_mib: float
    cache: str  # "hit", "miss" or "skipped"

    def as_property(self) -> tuple[str, dict[str, object]]:
        return PROPERTY, dataclasses.asdict(self)


def records_in(user_properties: Iterable[tuple[str, object]]) -> list[Record]:
    return [Record(**value) for name, value in user_properties if name == PROPERTY and isinstance(value, dict)]


def slowest_first(records: Iterable[Record]) -> list[Record]:
    return sorted(records, key=lambda record: (-record.seconds, record.snippet))


def machine_description() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return f"{platform.system()} {platform.machine()}, {cores} CPU cores, Python {sys.version.split()[0]}{load}"


def selection_note(count: int, *, total_snippets: int, shard: str | None) -> str:
    """What part of the suite a run of `count` snippets covered, for the Total line ('' for all of it)."""
    if shard is not None:
        index, _, shards = shard.partition("/")
        return f" (shard {index} of {shards}, a selection of the {total_snippets}: the other shards report the rest)"
    return "" if count == total_snippets else f" (a selection of the {total_snippets})"


def render(records: Iterable[Record], *, total_snippets: int, measured: str, shard: str | None = None) -> str:
    """The report page in Markdown; `shard` ("1/2") when the run checked one shard of the suite."""
    rows = slowest_first(records)
    ran = [record for record in rows if record.cache == "miss"]
    hits = [record for record in rows if record.cache == "hit"]
    slow = [record.snippet for record in rows if record.seconds > SLOW_SECONDS]
    selection = selection_note(len(rows), total_snippets=total_snippets, shard=shard)
    lines = [
        "# Execution report",
        "",
        "What each example of this site costs to run. The snippet check regenerates this page on every run;",
        "a cache hit reuses an earlier run of exactly the same inputs (source, runner, pinned packages, data)",
        "and shows that run's cost. Examples that import PyTorch are forked from a process that has imported it",
        "already (with `torch._dynamo`, which the first optimizer imports), so their time leaves out PyTorch's",
        "own import (seconds, paid once per test worker) and their peak memory is that process's plus what",
        "the example added.",
        "",
        '!!! note "Timings are machine-dependent"',
        f"    Measured {measured}.",
        "",
        *(
            [
                f'!!! warning "One shard of the suite: {shard}"',
                f"    This run checked only the snippets of shard {shard} (`--shard {shard}`); the other shards",
                "    checked, and report, the rest.",
                "",
            ]
            if shard
            else []
        ),
        f"**Total:** {len(rows)} snippets{selection}, {sum(r.seconds for r in rows):.1f} s of run time, "
        f"largest peak memory {max((r.peak_memory_mib for r in rows), default=0):.0f} MiB. "
        f"This run executed {len(ran)} ({sum(r.seconds for r in ran):.1f} s) "
        f"and reused {len(hits)} from the cache.",
        "",
        f"Over {SLOW_SECONDS:.0f} s: {', '.join(f'`{name}`' for name in slow) if slow else 'none'}.",
        "",
        "| Snippet | Wall time (s) | Peak memory (MiB) | Cache |",
        "| --- | ---: | ---: | --- |",
    ]
    for record in rows:
        seconds, memory = (
            ("n/a", "n/a") if record.cache == "skipped" else (f"{record.seconds:.2f}", f"{record.peak_memory_mib:.0f}")
        )
        lines.append(f"| `{record.snippet}` | {seconds} | {memory} | {record.cache} |")
    return "\n".join(lines) + "\n"


def _summary(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _costs_of(data: dict[str, object]) -> tuple[str | None, dict[str, float]]:
    """(when measured, seconds per snippet) of a summary's costs; a summary older than `costs` gives its records."""
    costs = data.get("costs")
    if isinstance(costs, dict):
        measured, seconds = costs.get("measured"), costs.get("seconds")
    else:
        rows = data.get("records")
        rows = [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []
        measured = data.get("measured") if rows else None
        seconds = {row.get("snippet"): row.get("seconds") for row in rows}
    valid = {
        name: float(value)
        for name, value in (seconds.items() if isinstance(seconds, dict) else ())
        if isinstance(name, str) and isinstance(value, int | float) and not isinstance(value, bool)
    }
    return (measured if isinstance(measured, str) else None), valid


def read_costs(summary: Path) -> dict[str, float]:
    """Seconds per snippet in the last complete run, from the summary `write` made; {} where there is none."""
    return _costs_of(_summary(summary))[1]


def write(records: list[Record], *, page: Path, summary: Path, total_snippets: int, shard: str | None = None) -> None:
    """Write the Markdown page and the same records as JSON (slowest first), with the costs shards balance on.

    The costs are this run's seconds when it covered the whole suite, else those the summary held before.
    """
    measured = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine_description()}"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(render(records, total_snippets=total_snippets, measured=measured, shard=shard), encoding="utf-8")
    complete = shard is None and len({record.snippet for record in records}) == total_snippets
    if complete:
        costs_measured, seconds = measured, {record.snippet: record.seconds for record in records}
        selection = "all"
    else:
        costs_measured, seconds = _costs_of(_summary(summary))
        selection = f"shard {shard}" if shard else f"{len(records)} of {total_snippets}"
    rows = [dataclasses.asdict(record) for record in slowest_first(records)]
    content = {
        "measured": measured,
        "selection": selection,
        "records": rows,
        "costs": {"measured": costs_measured, "seconds": dict(sorted(seconds.items()))},
    }
    summary.parent.mkdir(parents=True, exist_ok=True)
    summary.write_text(json.dumps(content, indent=1), encoding="utf-8")
