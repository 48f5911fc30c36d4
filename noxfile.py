"""Sessions for checking and building the book.

    nox                      what CI runs: lint, tests, docs
    nox -s snippets          run every snippet, compare with its recorded output
    nox -s snippets -- --update -k NAME   re-record the snippets matching NAME
    nox -s docs              the snippet check, then `mkdocs build --strict`
    nox -s serve             the same, then serve on http://127.0.0.1:8000
    nox -s tests             unit tests of the infrastructure, README code blocks
    nox -s lint              ruff
    nox -s lock              re-pin constraints.txt from pyproject.toml

Set MNIST_MIRROR to a folder with the four MNIST files on a machine without internet.
"""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["lint", "tests", "docs"]

PYTHON = "3.11"
PYPROJECT = nox.project.load_toml("pyproject.toml")
SERVE_ADDRESS = "127.0.0.1:8000"


def install(session: nox.Session, *groups: str) -> None:
    """Install pyproject.toml's dependency groups, pinned by constraints.txt."""
    session.install("-c", "constraints.txt", *nox.project.dependency_groups(PYPROJECT, *groups))


def check_snippets(session: nox.Session) -> None:
    session.run("pytest", "tests/test_snippets.py", *session.posargs)


def build_site(session: nox.Session) -> None:
    install(session, "book", "torch", "test", "docs")
    session.env["NO_MKDOCS_2_WARNING"] = "1"  # Material's end-of-life banner is not a build warning
    session.run("npm", "ci", "--no-audit", "--no-fund", external=True)
    check_snippets(session)
    session.run("mkdocs", "build", "--strict")


@nox.session(python=PYTHON)
def snippets(session: nox.Session) -> None:
    """Run every snippet and compare its output with the recorded one."""
    install(session, "book", "torch", "test")
    check_snippets(session)


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Check every snippet, then build the site with warnings as errors."""
    build_site(session)


@nox.session(python=PYTHON, default=False)
def serve(session: nox.Session) -> None:
    """Check every snippet, build, then serve the site locally."""
    build_site(session)
    session.run("mkdocs", "serve", "--strict", "--dev-addr", SERVE_ADDRESS)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Unit tests of the snippet infrastructure and the README's runnable code blocks."""
    install(session, "book", "test")
    session.run("pytest", "tests/unit", *session.posargs)
    session.run("pytest", "--codeblocks", "README.md", "docs/")


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON, default=False)
def lock(session: nox.Session) -> None:
    """Resolve every dependency group afresh and pin the result in constraints.txt."""
    session.install(*nox.project.dependency_groups(PYPROJECT, "book", "torch", "test", "docs", "lint"))
    frozen = session.run("python", "-m", "pip", "freeze", silent=True)
    header = "# Every package the nox sessions may install, pinned. Regenerate: nox -s lock\n"
    with open("constraints.txt", "w", encoding="utf-8") as out:
        out.write(header + frozen)
