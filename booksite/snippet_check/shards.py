"""Split the snippets into N shards of about equal run time, the same split on every machine.

`pytest tests/test_snippets.py --shard 1/2` checks the first of two shards (1-based);
CI runs the shards as parallel jobs. Every shard runner must compute the *same*
split, or a snippet is checked twice or never, so the split depends only on inputs
all runners share and on nothing of the machine (not the order of a directory
listing, not the hash seed):

- the names of the snippets (paths from the repository root), sorted;
- their costs: seconds per snippet, from the last complete run of the check
  (`report.read_costs`, the `costs` of `.snippet-cache/last-run.json`, which a shard
  or `-k` run carries over unchanged instead of replacing, so shards run one after
  another on one machine split alike);
- N.

A snippet the costs do not name (new, renamed) costs the median of the known ones
(`DEFAULT_SECONDS` when none is known). The split is greedy, longest first: the
snippets sorted by cost, slowest first, ties by name; each goes to the shard with the
least total so far, ties to the lowest-numbered shard. Two runners that read different
costs may split differently (see README, "Shards in CI": the docs job then checks
what the shards left out).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

DEFAULT_SECONDS = 1.0
SHARD_PATTERN = re.compile(r"(?P<index>\d+)/(?P<count>\d+)")
USAGE = "--shard takes i/N, the i-th of N shards, 1 <= i <= N (e.g. --shard 1/2)"


@dataclass(frozen=True)
class Shard:
    """The `index`-th (1-based) of `count` shards."""

    index: int
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def parse_shard(text: str) -> Shard:
    """`"1/2"` -> Shard(1, 2); anything else raises ValueError with the usage."""
    match = SHARD_PATTERN.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{USAGE}; got {text!r}")
    index, count = int(match["index"]), int(match["count"])
    if count < 1 or not 1 <= index <= count:
        raise ValueError(f"{USAGE}; got {text!r}: there is no shard {index} of {count}")
    return Shard(index, count)


def estimated_costs(names: Iterable[str], known: Mapping[str, float]) -> dict[str, float]:
    """Each name's cost in seconds: the known one, else the median of those known for these names."""
    names = sorted(set(names))
    measured = [float(known[name]) for name in names if name in known]
    default = statistics.median(measured) if measured else DEFAULT_SECONDS
    return {name: max(0.0, float(known[name])) if name in known else default for name in names}


def split(names: Iterable[str], known: Mapping[str, float], count: int) -> list[list[str]]:
    """All `names` in `count` shards of about equal total cost (greedy, longest first); each list sorted."""
    if count < 1:
        raise ValueError(f"a split needs at least one shard, not {count}")
    costs = estimated_costs(names, known)
    shards: list[list[str]] = [[] for _ in range(count)]
    loads = [0.0] * count
    for name in sorted(costs, key=lambda name: (-costs[name], name)):
        lightest = min(range(count), key=lambda index: (loads[index], index))
        shards[lightest].append(name)
        loads[lightest] += costs[name]
    return [sorted(shard) for shard in shards]


def names_in(shard: Shard, names: Iterable[str], known: Mapping[str, float]) -> set[str]:
    """The names `shard` checks."""
    return set(split(names, known, shard.count)[shard.index - 1])


def loads(shards: list[list[str]], known: Mapping[str, float]) -> list[float]:
    """Each shard's estimated total seconds."""
    costs = estimated_costs([name for shard in shards for name in shard], known)
    return [sum(costs[name] for name in shard) for shard in shards]
