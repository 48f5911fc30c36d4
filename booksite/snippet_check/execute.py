"""Child process: run one snippet as `__main__`, then save its figures.

Usage: python execute.py SNIPPET RESULT_JSON FIGURE_DIR
   or: python execute.py --serve MODULE...   (the preloading server, see below)

The snippet runs exactly as `python SNIPPET` would (same sys.path[0] and argv),
with matplotlib's non-interactive Agg backend, so `plt.show()` returns at once.
Afterwards every open figure is saved as FIGURE_DIR/<snippet name>-<n>.png, the
way sphinx-gallery captures figures. RESULT_JSON receives the exception the
snippet raised (type, message and its own traceback frames), the figures
written and the process's peak memory. Only the standard library is imported
here; matplotlib only if the snippet imported it.

`--serve` imports the MODULEs once (torch takes seconds to import), then for each
JSON request on stdin forks a child that moves to the working directory named,
redirects its stdout and stderr to the files named, starts its own session,
reseeds the random state a fresh interpreter would draw from entropy, and runs
`main`; the server answers with the child's pid, then its exit code. A forked
child's peak memory is estimated as the server's after preloading plus what the
child added. `preload.py` is the client.
"""

from __future__ import annotations

import importlib
import json
import os
import resource
import runpy
import sys
import traceback
from pathlib import Path

FIGURE_DPI = 110


def _snippet_frames(error: BaseException, snippet: Path) -> list[dict[str, object]]:
    """The traceback frames from the snippet file onwards (this runner's frames dropped)."""
    frames = traceback.extract_tb(error.__traceback__)
    first = next((i for i, frame in enumerate(frames) if Path(frame.filename) == snippet), 0)
    return [
        {"file": frame.filename, "line": frame.lineno, "function": frame.name, "code": frame.line}
        for frame in frames[first:]
    ]


def _save_figures(snippet: Path, figure_dir: Path) -> list[str]:
    if "matplotlib.pyplot" not in sys.modules:
        return []
    import matplotlib.pyplot as plt

    saved = []
    for index, number in enumerate(plt.get_fignums(), start=1):
        figure_dir.mkdir(parents=True, exist_ok=True)
        path = figure_dir / f"{snippet.stem}-{index}.png"
        plt.figure(number).savefig(path, dpi=FIGURE_DPI, bbox_inches="tight")
        saved.append(str(path))
    return saved


def _max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(snippet: Path, result_path: Path, figure_dir: Path, preloaded_mib: float | None = None) -> int:
    inherited_mib = _max_rss_mib()
    sys.argv = [str(snippet)]
    sys.path[0] = str(snippet.parent)
    exception = None
    try:
        runpy.run_path(str(snippet), run_name="__main__")
    except SystemExit as stop:
        if stop.code not in (None, 0):
            exception = {"type": "SystemExit", "message": str(stop.code), "frames": _snippet_frames(stop, snippet)}
    except BaseException as error:  # the snippet's own error is its result
        exception = {
            "type": type(error).__name__,
            "message": str(error),
            "frames": _snippet_frames(error, snippet),
        }
    sys.stdout.flush()
    figures = _save_figures(snippet, figure_dir)
    peak_mib = _max_rss_mib()
    if preloaded_mib is not None:  # forked: the preloaded libraries plus what this run added
        peak_mib = preloaded_mib + max(0.0, peak_mib - inherited_mib)
    result = {"exception": exception, "figures": figures, "peak_memory_mib": peak_mib}
    result_path.write_text(json.dumps(result), encoding="utf-8")
    return 0


def _run_forked(request: dict[str, str], preloaded_mib: float, reply_fd: int) -> None:
    """In the forked child: become a fresh-looking snippet process, run the snippet, exit."""
    code = 1
    try:
        os.close(reply_fd)
        os.chdir(request["cwd"])
        os.setsid()  # its own process group, so a timeout stops it and its workers
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 1)
        os.dup2(os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 2)
        if "numpy.random" in sys.modules:  # seeded from entropy at import: do as a fresh process would
            sys.modules["numpy.random"].seed()
        code = main(Path(request["snippet"]), Path(request["result"]), Path(request["figure_dir"]), preloaded_mib)
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def serve(modules: list[str]) -> int:
    """Preload `modules`, then run one forked snippet per request line on stdin."""
    for name in modules:
        importlib.import_module(name)
    preloaded_mib = _max_rss_mib()
    reply_fd = os.dup(1)
    replies = os.fdopen(reply_fd, "w", buffering=1, encoding="utf-8")
    replies.write(json.dumps({"ready": True}) + "\n")
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            _run_forked(json.loads(line), preloaded_mib, reply_fd)
        replies.write(json.dumps({"pid": pid}) + "\n")
        _, status = os.waitpid(pid, 0)
        replies.write(json.dumps({"exit_code": os.waitstatus_to_exitcode(status)}) + "\n")
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "--serve":
        sys.exit(serve(sys.argv[2:]))
    snippet_arg, result_arg, figure_arg = sys.argv[1:4]
    sys.exit(main(Path(snippet_arg).resolve(), Path(result_arg), Path(figure_arg)))
