"""Content-addressed cache of snippet runs: an unchanged snippet is not run again.

A run's key is the sha256 of everything that can change what it prints: the
snippet's path and source, every file of this package (the runner), the pinned
dependency set (constraints.txt), the Python and torch versions, and the data it
reads (`data/MNIST/raw/*` when the source loads `datasets.MNIST`, plus any
`# output-check: inputs=GLOB`), each data file by name and content. An entry in
`.snippet-cache/<chapter>/<name>/<key>/` holds the run's stdout, stderr, exception,
figures, wall time and peak memory; only runs that passed their own checks are
stored, so a timeout or a flaky crash is never replayed. A hit is still compared
with the recorded output by the caller.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import importlib.metadata
import json
import os
import platform
import shutil
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from booksite.snippet_check.runner import RaisedException, SnippetRun

# SNIPPET_CHECK_CACHE names another folder (relative to the root, or absolute): the canary
# (`nox -s canary`) runs other library versions, which the key does not tell apart, so it
# keeps its runs, its core-sharing lock and its last-run.json away from this cache.
CACHE_FOLDER = os.environ.get("SNIPPET_CHECK_CACHE", ".snippet-cache")
RUNNER_DIR = Path(__file__).resolve().parent
MNIST_MARK = "datasets.MNIST"
MNIST_RAW = "data/MNIST/raw/*"
ENTRIES_KEPT_PER_SNIPPET = 3
RUN_FILE = "run.json"
MEMO_MIN_BYTES = 1 << 20

_digests: dict[tuple[str, int, int, int], str] = {}


def snippet_id(snippet: Path, root: Path) -> str:
    """`<chapter>/<name>` of `root/snippets/<chapter>/<name>.py`: its test id and cache folder."""
    return snippet.relative_to(root / "snippets").with_suffix("").as_posix()


def file_digest(path: Path) -> str:
    """sha256 of a file's content; a large one (data) is hashed once while its size, mtime and inode stay."""
    stat = path.stat()
    memo_key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, stat.st_ino)
    if memo_key in _digests:
        return _digests[memo_key]
    with path.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    if stat.st_size >= MEMO_MIN_BYTES:
        _digests[memo_key] = digest
    return digest


def data_inputs(source: str, declared: Sequence[str] = ()) -> list[str]:
    """Glob patterns (relative to the repository root) of the data files a snippet reads."""
    patterns = list(declared)
    if MNIST_MARK in source:
        patterns.append(MNIST_RAW)
    return sorted(set(patterns))


def _torch_version() -> str:
    try:
        return importlib.metadata.version("torch")
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _files_under(folder: Path) -> Iterable[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file() and "__pycache__" not in path.parts)


def cache_key(
    snippet: Path,
    *,
    root: Path,
    inputs: Sequence[str] = (),
    runner_dir: Path = RUNNER_DIR,
) -> str:
    """The hex sha256 naming a run of `snippet` with today's source, runner, pins, versions and data."""
    digest = hashlib.sha256()

    def add(label: str, value: str) -> None:
        digest.update(f"{label}\0{value}\n".encode())

    add("snippet", snippet.relative_to(root).as_posix())
    add("source", file_digest(snippet))
    for path in _files_under(runner_dir):
        add(f"runner {path.relative_to(runner_dir).as_posix()}", file_digest(path))
    constraints = root / "constraints.txt"
    add("constraints", file_digest(constraints) if constraints.is_file() else "missing")
    add("python", sys.version)
    add("platform", f"{platform.system()} {platform.machine()}")
    add("torch", _torch_version())
    for pattern in inputs:
        matches = sorted(path for path in root.glob(pattern) if path.is_file())
        add(f"input {pattern}", str(len(matches)))
        for path in matches:
            add(f"input file {path.relative_to(root).as_posix()}", file_digest(path))
    return digest.hexdigest()


class SnippetCache:
    """Runs stored by snippet id (`<chapter>/<name>`) and key, under one folder."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _entry(self, snippet_id: str, key: str) -> Path:
        return self.directory / snippet_id / key

    def has(self, snippet_id: str, key: str) -> bool:
        return (self._entry(snippet_id, key) / RUN_FILE).is_file()

    def load(self, snippet_id: str, key: str, figure_dir: Path) -> SnippetRun | None:
        """The stored run for this key with its figures copied back into `figure_dir`, or None."""
        entry = self._entry(snippet_id, key)
        try:
            stored = json.loads((entry / RUN_FILE).read_text(encoding="utf-8"))
            figures = []
            for name in stored["figures"]:
                figure_dir.mkdir(parents=True, exist_ok=True)
                figures.append(Path(shutil.copyfile(entry / name, figure_dir / name)))
            os.utime(entry / RUN_FILE)  # recently used entries survive pruning
        except (OSError, ValueError, KeyError):
            return None  # absent or damaged: run the snippet
        # Caches merged from several runs (CI's shards, each with the entries it restored) keep the newest few too.
        self._prune(entry.parent)
        raised = stored["exception"]
        return SnippetRun(
            stdout=stored["stdout"],
            stderr=stored["stderr"],
            exception=RaisedException(**raised) if raised else None,
            timed_out=False,
            exit_code=0,
            seconds=stored["seconds"],
            peak_memory_mib=stored["peak_memory_mib"],
            figures=figures,
        )

    def store(self, snippet_id: str, key: str, run: SnippetRun) -> None:
        """Keep `run` under `key`; written to a scratch folder first, then renamed into place."""
        entry = self._entry(snippet_id, key)
        entry.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=".writing-", dir=entry.parent))
        try:
            for figure in run.figures:
                shutil.copyfile(figure, scratch / figure.name)
            stored = {
                "stdout": run.stdout,
                "stderr": run.stderr,
                "exception": dataclasses.asdict(run.exception) if run.exception else None,
                "seconds": run.seconds,
                "peak_memory_mib": run.peak_memory_mib,
                "figures": [figure.name for figure in run.figures],
            }
            (scratch / RUN_FILE).write_text(json.dumps(stored), encoding="utf-8")
            shutil.rmtree(entry, ignore_errors=True)  # a damaged entry is replaced
            with contextlib.suppress(OSError):  # another session stored the same key meanwhile
                os.replace(scratch, entry)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        self._prune(entry.parent)

    def _prune(self, snippet_folder: Path) -> None:
        """Keep the newest few entries of one snippet (so switching branches back still hits)."""
        used = {}
        for path in snippet_folder.iterdir():
            try:
                used[path] = (path / RUN_FILE).stat().st_mtime_ns
            except OSError:
                continue  # a scratch folder being written, or an entry just removed
        for old in sorted(used, key=used.__getitem__, reverse=True)[ENTRIES_KEPT_PER_SNIPPET:]:
            shutil.rmtree(old, ignore_errors=True)

    def clear(self) -> None:
        shutil.rmtree(self.directory, ignore_errors=True)
