"""The execution report: what each snippet cost to run, slowest first, as a site page.

Each snippet test attaches a `Record` to its pytest report (a user property, which
pytest-xdist carries from its workers to the controller); at the end of the session
the controller renders them all into `docs/execution-report.md` and a JSON copy
for scripts. A cache hit shows the cost of the original run it reuses.
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


def render(records: Iterable[Record], *, total_snippets: int, measured: str) -> str:
    """The report page in Markdown."""
    rows = slowest_first(records)
    ran = [record for record in rows if record.cache == "miss"]
    hits = [record for record in rows if record.cache == "hit"]
    slow = [record.snippet for record in rows if record.seconds > SLOW_SECONDS]
    selection = "" if len(rows) == total_snippets else f" (a selection of the {total_snippets})"
    lines = [
        "# Execution report",
        "",
        "What each example of this site costs to run. The snippet check regenerates this page on every run;",
        "a cache hit reuses an earlier run of exactly the same inputs (source, runner, pinned packages, data)",
        "and shows that run's cost. Examples that import PyTorch are forked from a process that has imported it",
        "already, so their time leaves out PyTorch's own import (seconds, paid once per test worker) and their",
        "peak memory is that process's plus what the example added.",
        "",
        '!!! note "Timings are machine-dependent"',
        f"    Measured {measured}.",
        "",
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


def write(records: list[Record], *, page: Path, summary: Path, total_snippets: int) -> None:
    """Write the Markdown page and the same records as JSON (slowest first)."""
    measured = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine_description()}"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(render(records, total_snippets=total_snippets, measured=measured), encoding="utf-8")
    summary.parent.mkdir(parents=True, exist_ok=True)
    rows = [dataclasses.asdict(record) for record in slowest_first(records)]
    summary.write_text(json.dumps({"measured": measured, "records": rows}, indent=1), encoding="utf-8")
