"""Lighthouse on the built site, served gzip-compressed as GitHub Pages serves it.

For each page (default: every page of the navigation, in its order; the notebooks,
which repeat their chapters, are not in it) and each preset (mobile: Lighthouse's
default, a throttled mid-range phone; desktop), run Lighthouse several times and
keep the median of each figure: the four category scores, the bytes transferred
and the main timings. Writes
.artifacts/lighthouse/report.md (and each run's JSON beside it).

    python -m booksite.lighthouse_audit [--runs 5] [--pages "" gradient-descent/] [--presets mobile]

Needs `npm ci` (Lighthouse is a dev dependency, pinned in package-lock.json) and a
Chromium: CHROME_PATH or CHROMIUM_PATH, else /usr/bin/chromium. Not a CI gate:
the figures depend on the machine; targets are marked in the report.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from booksite.serve_site import DEFAULT_SITE, nav_paths, serve

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
OUT = ROOT / ".artifacts" / "lighthouse"
PRESETS = ("mobile", "desktop")
CATEGORIES = {
    "performance": "Performance",
    "accessibility": "Accessibility",
    "best-practices": "Best practices",
    "seo": "SEO",
}
# Median targets: accessibility, best practices and SEO 100 on both; performance by preset.
TARGETS = {
    "mobile": {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100},
    "desktop": {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100},
}
TIMINGS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def chrome_path() -> str:
    for variable in ("CHROME_PATH", "CHROMIUM_PATH"):
        if os.environ.get(variable):
            return os.environ[variable]
    return "/usr/bin/chromium"


def run_lighthouse(url: str, preset: str, output: Path) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    environment = {**os.environ, "CHROME_PATH": chrome_path()}
    subprocess.run(command, check=True, env=environment, timeout=300)
    return json.loads(output.read_text(encoding="utf-8"))


def figures(report: dict) -> dict[str, float]:
    values = {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}
    values["bytes"] = report["audits"]["total-byte-weight"]["numericValue"]
    # How fast Lighthouse found this machine at that moment: its simulated phone is a
    # fixed slowdown of it, so a busy or slower host scores lower for the same page.
    values["cpu"] = report["environment"]["benchmarkIndex"]
    for audit in TIMINGS:
        values[audit] = report["audits"][audit]["numericValue"]
    return values


def failing_audits(report: dict) -> list[str]:
    """Audits below full marks in the categories that should score 100 (performance aside)."""
    failing = []
    for key in ("accessibility", "best-practices", "seo"):
        for ref in report["categories"][key]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{key}: {ref['id']} ({audit['title']})")
    return failing


def timing(value: float, audit: str) -> str:
    return f"{value:.3f}" if audit == "cumulative-layout-shift" else f"{value / 1000:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=DEFAULT_SITE)
    parser.add_argument("--runs", type=int, default=5, help="runs per page and preset; the median is kept")
    parser.add_argument("--pages", nargs="+", help='site paths ("" is home); default: the navigation\'s')
    parser.add_argument("--presets", nargs="+", choices=PRESETS, default=list(PRESETS))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} not found: run `npm ci` first.", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
    rows, notes, misses = [], [], []
    pages = nav_paths(args.site) if args.pages is None else args.pages
    with serve(args.site, compress=True) as site:
        for path in pages:
            if not (args.site / path / "index.html").is_file():
                notes.append(f"- `{path or '/'}`: not in the built site, skipped.")
                continue
            for preset in args.presets:
                runs = []
                for run in range(1, args.runs + 1):
                    name = (path.strip("/").replace("/", "-") or "home") + f"-{preset}-{run}.json"
                    print(f"lighthouse {preset} {site.page(path)} (run {run}/{args.runs})", flush=True)
                    report = run_lighthouse(site.page(path), preset, args.out / name)
                    runs.append((figures(report), failing_audits(report)))
                median = {key: statistics.median(run[0][key] for run in runs) for key in runs[0][0]}
                rows.append((path, preset, median, [run[0]["performance"] for run in runs]))
                for key, target in TARGETS[preset].items():
                    if median[key] < target:
                        misses.append(f"- `{path or '/'}` {preset}: {CATEGORIES[key]} {median[key]:g} < {target}")
                for failing in sorted({item for run in runs for item in run[1]}):
                    notes.append(f"- `{path or '/'}` {preset}: {failing}")
    write_report(args, version, rows, notes, misses)
    print((args.out / "report.md").read_text(encoding="utf-8"))
    return 0


def write_report(args, version: str, rows, notes: list[str], misses: list[str]) -> None:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    header = (
        "| page | preset | "
        + " | ".join(CATEGORIES.values())
        + " | bytes | "
        + " | ".join(TIMINGS.values())
        + " | CPU index"
    )
    lines = [
        "# Lighthouse audit",
        "",
        f"Lighthouse {version}, {args.runs} runs per page and preset, median of each figure "
        f"(the performance score of every run in brackets). Site served gzip-compressed on 127.0.0.1, "
        f"as GitHub Pages serves it. Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.system()} "
        f"{platform.machine()}, {cores} cores, load average {load:.1f} at the end.",
        "",
        "Targets (medians): accessibility, best practices, SEO 100; performance at least 90 on mobile, 98 on desktop.",
        "",
        "CPU index: Lighthouse's benchmarkIndex of this machine during the runs (median; higher is faster). "
        "Its simulated phone is a fixed slowdown of the machine, so the same page scores lower on a busier host.",
        "",
        header + " |",
        "|" + " --- |" * header.count("|"),
    ]
    for path, preset, median, performance in rows:
        scores = [f"{median[key]:g}" for key in CATEGORIES]
        scores[0] += f" ({', '.join(f'{value:g}' for value in performance)})"
        timings = [timing(median[audit], audit) for audit in TIMINGS]
        kilobytes = f"{median['bytes'] / 1024:,.0f} KiB"
        cpu = f"{median['cpu']:.0f}"
        lines.append(f"| `{path or '/'}` | {preset} | " + " | ".join([*scores, kilobytes, *timings, cpu]) + " |")
    lines += ["", "## Below target", "", *(misses or ["- nothing"])]
    lines += ["", "## Audits short of full marks (any run), and notes", "", *(notes or ["- none"]), ""]
    (args.out / "report.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
