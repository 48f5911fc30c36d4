"""Child process: run one snippet as `__main__`, then save its figures.

Usage: python execute.py SNIPPET RESULT_JSON FIGURE_DIR

The snippet runs exactly as `python SNIPPET` would (same sys.path[0] and argv),
with matplotlib's non-interactive Agg backend, so `plt.show()` returns at once.
Afterwards every open figure is saved as FIGURE_DIR/<snippet name>-<n>.png, the
way sphinx-gallery captures figures. RESULT_JSON receives the exception the
snippet raised (type, message and its own traceback frames), the figures
written and the process's peak memory. Only the standard library is imported
here; matplotlib only if the snippet imported it.
"""

from __future__ import annotations

import json
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


def main(snippet: Path, result_path: Path, figure_dir: Path) -> int:
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
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {"exception": exception, "figures": figures, "peak_memory_mib": peak_kib / 1024}
    result_path.write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    snippet_arg, result_arg, figure_arg = sys.argv[1:4]
    sys.exit(main(Path(snippet_arg).resolve(), Path(result_arg), Path(figure_arg)))
