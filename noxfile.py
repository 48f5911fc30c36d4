"""Sessions for checking and building the book.

    nox                      what CI runs: lint, tests, reader, docs, browser
    nox -s snippets          run every snippet, compare with its recorded output
    nox -s snippets -- --update -k NAME   re-record the snippets matching NAME
    nox -s snippets -- --no-cache (or --clear-cache)   run them afresh, not from the cache
    nox -s reader            run every snippet as a reader does (`python NAME.py` alone in a folder):
                             the CPU's defaults and one thread (`-- --kernels all`: seven configurations)
    nox -s determinism       run every snippet twice afresh; fail where the outputs differ
    nox -s docs              the snippet check, `mkdocs build --strict`, every internal link
    nox -s browser           the built site in Chromium: every page (needs docs run first)
    nox -s notebooks         regenerate docs/notebooks/ from the chapters and snippets
    nox -s execute-notebooks run every notebook in a Jupyter kernel; compare each cell with its stored outputs
    nox -s external-links    request every external link of the built site (needs network)
    nox -s audit             Lighthouse on every page, mobile and desktop, 5 runs
    nox -s serve             the same, then serve on http://127.0.0.1:8000
    nox -s tests             unit tests of the infrastructure, README code blocks
    nox -s lint              ruff, zizmor (GitHub workflows)
    nox -s lock              re-pin constraints.txt from pyproject.toml
    nox -s benchmark         time the suite cold, warm, after one edit, and the docs build
    nox -s canary            every snippet afresh on the newest NumPy, PyTorch, torchvision, scikit-learn,
                             matplotlib (`-- numpy==1.26.4 ...`: a version set); report of what drifted

Every session runs on the oldest of Python 3.11, 3.12 and 3.13 the machine has; `nox -P 3.13 -s snippets`
runs a session on another (nox's --force-python). With uv beside nox (`pip install nox uv`), PyTorch is
installed once, into uv's cache, and linked into each environment that needs it; without uv, pip copies it.
Set MNIST_MIRROR to a folder with the four MNIST files on a machine without internet.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone  # not datetime.UTC (3.11+): an older Python must load this file
from pathlib import Path

import nox

# uv links each package from its cache into every environment (PyTorch's 5.5 GB once, not once per
# session); where uv is not installed, the standard library's venv and pip.
nox.options.default_venv_backend = "uv|venv"
# Compile each package's bytecode when it is installed, as pip does: otherwise, where
# PYTHONDONTWRITEBYTECODE is set, every snippet's interpreter compiles PyTorch afresh on import
# (the reader check took 14 minutes instead of 7 here).
os.environ.setdefault("UV_COMPILE_BYTECODE", "1")
nox.options.reuse_venv = "yes"
# A session whose Python is missing fails instead of being skipped or fetched: `nox` must never
# report success having run nothing, and never on a Python nobody chose.
nox.options.error_on_missing_interpreters = True
nox.options.download_python = "never"
nox.options.sessions = ["lint", "tests", "reader", "docs", "browser"]

# The Pythons the book is checked on (the pins in constraints.txt install on each).
SUPPORTED_PYTHONS = ("3.11", "3.12", "3.13")


def available_python(versions: tuple[str, ...] = SUPPORTED_PYTHONS) -> str:
    """The oldest supported Python this machine has: the one running nox, or a pythonX.Y on PATH that runs
    (pyenv puts a pythonX.Y on PATH for every version it has installed, but runs only the selected ones)."""
    running = f"{sys.version_info.major}.{sys.version_info.minor}"
    for version in versions:
        if version == running:
            return version
        found = shutil.which(f"python{version}")
        if found and subprocess.run([found, "-c", ""], capture_output=True, check=False).returncode == 0:
            return version
    print(
        f"nox: every session needs one of Python {', '.join(versions)}, and none of "
        f"python{', python'.join(versions)} is on PATH (nox itself runs on {running}). Install one (for example "
        f"`pyenv install {versions[-1]}`, `uv python install {versions[-1]}`, or your system's "
        f"python{versions[-1]} package), then run nox again.",
        file=sys.stderr,
    )
    return versions[0]  # nox then fails every session: "Python interpreter 3.11 not found"


PYTHON = available_python()
PYPROJECT = nox.project.load_toml("pyproject.toml")
SERVE_ADDRESS = "127.0.0.1:8000"
BENCHMARK_SNIPPET = Path("snippets/linear_regression/one_feature.py")
LAST_RUN = Path(".snippet-cache/last-run.json")
# What `nox` checks a reader gets: the CPU's defaults on every core, and a configuration far from
# them (PyTorch's plain, unvectorized kernels, MKL's AUTO path, one thread).
READER_KERNELS = "default,aten-default.mkl-auto.threads-1"


def install(session: nox.Session, *groups: str) -> None:
    """Install pyproject.toml's dependency groups, pinned by constraints.txt, and booksite (editable)."""
    session.install("-c", "constraints.txt", *nox.project.dependency_groups(PYPROJECT, *groups))
    session.install("--no-deps", "-e", ".")


def check_snippets(session: nox.Session, *options: str, success_codes: list[int] | None = None) -> None:
    """The snippet check, one pytest-xdist worker per core (none when at most one snippet must run)."""
    command = ("pytest", "tests/test_snippets.py", "-n", "auto", *options, *session.posargs)
    session.run(*command, success_codes=success_codes or [0])


def npm_ci(session: nox.Session, *options: str) -> None:
    session.run("npm", "ci", "--no-audit", "--no-fund", *options, external=True)


def require_built_site(session: nox.Session) -> None:
    if not Path("site/sitemap.xml").is_file():
        session.error("No built site in site/: run `nox -s docs` first (e.g. `nox -s docs browser`).")


def build_site(session: nox.Session) -> None:
    install(session, "book", "torch", "test", "docs")
    session.env["NO_MKDOCS_2_WARNING"] = "1"  # Material's end-of-life banner is not a build warning
    npm_ci(session, "--omit=dev")  # MathJax; Lighthouse (a dev dependency) is for nox -s audit only
    check_snippets(session)
    session.run("mkdocs", "build", "--strict")


@nox.session(python=PYTHON)
def snippets(session: nox.Session) -> None:
    """Run every snippet and compare its output with the recorded one."""
    install(session, "book", "torch", "test")
    check_snippets(session)


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Check every snippet, build the site with warnings as errors, check every internal link."""
    build_site(session)
    session.run("pytest", "tests/site")


@nox.session(python=PYTHON, default=False)
def serve(session: nox.Session) -> None:
    """Check every snippet, build, then serve the site locally."""
    build_site(session)
    session.run("mkdocs", "serve", "--strict", "--dev-addr", SERVE_ADDRESS)


@nox.session(python=PYTHON)
def reader(session: nox.Session) -> None:
    """Run every snippet as a reader does, alone in an empty folder with `python NAME.py`; compare its output.

    Without `--kernels` it runs READER_KERNELS; `-- --kernels default` only the CPU's defaults,
    `-- --kernels all` seven configurations of CPU kernels and threads (booksite/snippet_check/reader.py).
    """
    install(session, "book", "torch", "test")
    kernels = [] if any(arg.startswith("--kernels") for arg in session.posargs) else ["--kernels", READER_KERNELS]
    session.run("pytest", "tests/test_reader.py", "-n", "auto", *kernels, *session.posargs)


@nox.session(python=PYTHON, default=False)
def determinism(session: nox.Session) -> None:
    """Run every snippet twice without the cache; fail where the outputs differ beyond tolerance."""
    install(session, "book", "torch", "test")
    check_snippets(session, "--determinism")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Unit tests of the infrastructure; cited numbers, page sizes, exercises, idioms of the shown code, code blocks.

    pytest-codeblocks runs the code blocks of README.md and docs/ that are not snippet includes;
    tests/test_codeblock_markers.py fails where one is neither run nor marked skipped with a reason.
    """
    install(session, "book", "test")
    session.run(
        "pytest",
        "tests/unit",
        "tests/test_notebooks.py",
        "tests/test_prose_numbers.py",
        "tests/test_page_size.py",
        "tests/test_exercises.py",
        "tests/test_link_text.py",
        "tests/test_reader_code.py",
        "tests/test_codeblock_markers.py",
        *session.posargs,
    )
    session.run("pytest", "--codeblocks", "README.md", "docs/")


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("zizmor", "--offline", ".github/workflows")


@nox.session(python=PYTHON, default=False, venv_backend="venv")  # pip's freeze writes the pins
def lock(session: nox.Session) -> None:
    """Resolve every dependency group afresh and pin the result in constraints.txt."""
    groups = ("book", "torch", "test", "docs", "browser", "lint", "notebooks")
    session.install(*nox.project.dependency_groups(PYPROJECT, *groups))
    frozen = session.run("python", "-m", "pip", "freeze", silent=True)
    header = "# Every package the nox sessions may install, pinned. Regenerate: nox -s lock\n"
    with open("constraints.txt", "w", encoding="utf-8") as out:
        out.write(header + frozen)


def timed(step: Callable[[], object]) -> float:
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def last_run() -> list[dict[str, object]]:
    """The records of the latest snippet check, slowest first (written by tests/conftest.py)."""
    return json.loads(LAST_RUN.read_text(encoding="utf-8"))["records"]


@nox.session(python=PYTHON, default=False)
def benchmark(session: nox.Session) -> None:
    """Time the snippet suite cold, warm and after touching one snippet, then the docs build."""
    install(session, "book", "torch", "test", "docs")
    session.env["NO_MKDOCS_2_WARNING"] = "1"
    npm_ci(session, "--omit=dev")

    # A failing snippet is timed too (and, never cached, re-run warm): the figures then say so.
    def suite(*options: str) -> None:
        check_snippets(session, *options, success_codes=[0, 1])

    figures = {"cold snippet suite (cache cleared)": timed(lambda: suite("--clear-cache"))}
    slowest = last_run()[0]
    figures["warm snippet suite (nothing changed)"] = timed(suite)
    warm_reran = [record["snippet"] for record in last_run() if record["cache"] == "miss"]
    original = BENCHMARK_SNIPPET.read_bytes()
    try:
        BENCHMARK_SNIPPET.write_bytes(original + b"# touched by nox -s benchmark\n")
        figures[f"suite after touching {BENCHMARK_SNIPPET.name}"] = timed(suite)
        reran = [record["snippet"] for record in last_run() if record["cache"] == "miss"]
    finally:
        BENCHMARK_SNIPPET.write_bytes(original)
    session.log(f"benchmark so far: {figures}")  # in case the docs build fails
    figures["docs build (mkdocs build --strict)"] = timed(lambda: session.run("mkdocs", "build", "--strict"))

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    today = datetime.now(timezone.utc)  # noqa: UP017 (see the import)
    lines = [
        f"Measured {today:%Y-%m-%d} on {platform.system()} {platform.machine()}, {cores} CPU cores, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f} at the end.",
        *(f"  {name:<45} {seconds:7.1f} s" for name, seconds in figures.items()),
        f"  slowest snippet (cold): {slowest['snippet']} {slowest['seconds']:.1f} s",
        f"  re-run warm: {', '.join(map(str, warm_reran)) or 'nothing'}",
        f"  re-run after the touch: {', '.join(map(str, reran)) or 'nothing'}",
    ]
    session.log("benchmark\n" + "\n".join(lines))


CANARY_PACKAGES = ("numpy", "torch", "torchvision", "scikit-learn", "matplotlib")
# A torch release pins its GPU runtime exactly (triton, nvidia-*, cuda-*): when the canary varies torch,
# those pins are released with it, or no other torch release could install.
RELEASED_WITH = {"torch": ("triton", "nvidia-", "cuda-")}
CANARY_RESULTS = Path(".artifacts/canary-results.json")
CANARY_REPORT = Path(".artifacts/canary.md")


def package_name(requirement: str) -> str:
    """The normalized project name a requirement such as `scikit_learn==1.5.2` or `torch` starts with."""
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement.strip())
    return re.sub(r"[-_.]+", "-", match[0]).lower() if match else ""


@nox.session(python=PYTHON, default=False)
def canary(session: nox.Session) -> None:
    """Every snippet afresh on other releases of NumPy, PyTorch, torchvision, scikit-learn and matplotlib.

    `nox -s canary` takes the newest release of each of the five (--upgrade, without their pins);
    `-- numpy==1.26.4 scikit-learn==1.5.2` a version set: the packages named at that specifier (a bare
    name: its newest release), the others at their pins. Every other package keeps constraints.txt's
    pin, except the GPU runtime a torch release pins (RELEASED_WITH). The arguments from the first that
    starts with `-` go to pytest (`-- numpy==1.26.4 -k mnist`).
    Its own venv and its own snippet cache (in .nox/canary/): the other sessions' venvs and
    .snippet-cache/ stay untouched.
    The report (booksite/canary.py), printed, in .artifacts/canary.md and appended to $GITHUB_STEP_SUMMARY,
    names every snippet that drifted, failed or printed a warning (DeprecationWarning included); the
    session fails (exit status 1) when there is any.
    """
    first_option = next((i for i, arg in enumerate(session.posargs) if arg.startswith("-")), len(session.posargs))
    version_set, pytest_options = session.posargs[:first_option], session.posargs[first_option:]
    requested = {package_name(arg): arg for arg in version_set}
    unknown = sorted(set(requested) - set(CANARY_PACKAGES))
    if unknown:
        session.error(f"nox -s canary varies only {', '.join(CANARY_PACKAGES)}; not {', '.join(unknown)}")
    if not requested:
        requested = {package: package for package in CANARY_PACKAGES}
    groups = nox.project.dependency_groups(PYPROJECT, "book", "torch", "test")
    requirements = [requested.get(package_name(spec), spec) for spec in groups]
    venv = Path(session.virtualenv.location)
    constraints = venv / "canary-constraints.txt"
    released = tuple(prefix for package in requested for prefix in RELEASED_WITH.get(package, ()))
    kept = [
        line
        for line in Path("constraints.txt").read_text(encoding="utf-8").splitlines()
        if package_name(line) not in requested and not package_name(line).startswith(released)
    ]
    constraints.write_text("\n".join(kept) + "\n", encoding="utf-8")
    session.install("--upgrade", "-c", str(constraints), *requirements)
    session.install("--no-deps", "-e", ".")

    session.env.update(
        {
            "SNIPPET_CHECK_CACHE": str(venv / "snippet-cache"),  # booksite/snippet_check/cache.py
            "SNIPPET_CHECK_WARNINGS": "record",  # verdict.py: report a printed warning, still compare
            "SNIPPET_CHECK_PRELOAD": "0",  # runner.py: a fresh interpreter sees import-time warnings too
            "PYTHONWARNINGS": "default::DeprecationWarning,default::PendingDeprecationWarning",
        }
    )
    CANARY_RESULTS.unlink(missing_ok=True)
    session.run(
        "pytest",
        "tests/test_snippets.py",
        "-n",
        "auto",
        "--no-cache",
        "-p",
        "booksite.canary",
        f"--canary-results={CANARY_RESULTS}",
        "--disable-warnings",  # pytest's summary would repeat the report's warnings
        *pytest_options,
        success_codes=[0, 1],  # 1: a test failed, which the report tells; anything else stops here
    )
    session.run(
        "python",
        "-m",
        "booksite.canary",
        str(CANARY_RESULTS),
        f"--report={CANARY_REPORT}",
        f"--version-set={' '.join(version_set) or 'the newest release of each (--upgrade)'}",
    )


@nox.session(python=PYTHON)
def browser(session: nox.Session) -> None:
    """Every page of the built site in Chromium: formulas, images, requests, console, axe-core, screenshots.

    Needs the site the docs session built (site/) and a Chromium: CHROMIUM_PATH, else
    /usr/bin/chromium (Debian's `chromium` package), else the one Playwright finds.
    Screenshots go to .artifacts/screenshots/.
    """
    require_built_site(session)
    install(session, "test", "browser")
    session.run("pytest", "tests/browser", *session.posargs)


@nox.session(python=PYTHON, default=False)
def notebooks(session: nox.Session) -> None:
    """Regenerate docs/notebooks/ (one notebook per chapter) from the pages and their snippets."""
    install(session, "test")
    session.run("python", "-m", "booksite.notebooks", *session.posargs)


@nox.session(name="execute-notebooks", python=PYTHON, default=False)
def execute_notebooks(session: nox.Session) -> None:
    """Check the notebooks are current, run each in a Jupyter kernel (nbclient), compare every cell's outputs.

    Not in `nox`: it runs every snippet again, one after another, with PyTorch's default threads, as a
    reader's kernel does: 2 minutes on an idle 2-core machine (2026-12-01), several times that while
    other runs load the cores. `-- docs/notebooks/NAME.ipynb` runs some.
    """
    install(session, "book", "torch", "test", "notebooks")
    session.run("python", "-m", "booksite.notebooks", "--check")
    session.run("python", "-m", "booksite.execute_notebooks", *session.posargs)


@nox.session(name="external-links", python=PYTHON, default=False)
def external_links(session: nox.Session) -> None:
    """Request every external link of the built site (needs network); list them in .artifacts/."""
    require_built_site(session)
    # Standard library only: `python -m` finds booksite in the working directory, nothing is installed.
    session.run("python", "-m", "booksite.site_links", "--external", "--list", ".artifacts/external-links.txt")


@nox.session(python=PYTHON, default=False)
def audit(session: nox.Session) -> None:
    """Lighthouse (npm, pinned) on every page of the navigation, mobile and desktop, served gzipped as
    GitHub Pages does: medians of 5 runs to .artifacts/lighthouse/report.md (-- --pages, --presets, --runs)."""
    require_built_site(session)
    install(session, "docs")  # the navigation's pages come from mkdocs.yml
    npm_ci(session)
    session.run("python", "-m", "booksite.lighthouse_audit", *session.posargs)
