"""Share the machine's cores between snippets that run side by side.

Under pytest-xdist each worker runs one snippet at a time, one core each. A snippet
that starts its own worker processes (a DataLoader with `num_workers`, a forest
with `n_jobs=-1`) declares `# output-check: exclusive=true` and then runs alone:
`share_cores(exclusive=True)` waits until no other snippet runs and keeps new ones
waiting until it ends. Ordinary snippets hold a shared lock, so they run together.
A gate lock gives a waiting exclusive snippet priority: shared requests queue
behind it instead of overtaking it forever. The locks are `flock` locks on files
in `folder`; the kernel releases them when a process dies.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

GATE_FILE = "cores.gate"
CORES_FILE = "cores.lock"


@contextmanager
def _flock(path: Path, operation: int) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, operation)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def share_cores(folder: Path, *, exclusive: bool) -> Iterator[None]:
    """Hold the cores: alone if `exclusive`, else beside other non-exclusive holders."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / CORES_FILE).open("a") as cores:
        with _flock(folder / GATE_FILE, fcntl.LOCK_EX):  # one request at a time passes the gate
            fcntl.flock(cores, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        try:
            yield
        finally:
            fcntl.flock(cores, fcntl.LOCK_UN)
