"""Fixtures for the browser tests: the built site served on 127.0.0.1, Chromium, page visits.

SITE_DIR (default: site/) is the built site; CHROMIUM_PATH the browser (default:
/usr/bin/chromium where it exists, else the Chromium Playwright finds itself).
Screenshots go to .artifacts/screenshots/.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from built_site import ARTIFACTS, SITE_DIR, chromium_executable, site_pages
from site_visit import PageVisit, visit_page

from booksite.serve_site import RunningSite, serve

CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`page_path` runs a test once for every page the built site's sitemap lists."""
    if "page_path" in metafunc.fixturenames:
        # Without a built site, one test stands for the pages and fails, naming the fix.
        pages = site_pages() or ["(no built site)"]
        metafunc.parametrize("page_path", pages, ids=[path or "home" for path in pages])


@pytest.fixture(scope="session")
def site() -> Iterator[RunningSite]:
    if not site_pages():
        pytest.fail(f"No built site with a sitemap in {SITE_DIR}: run `nox -s docs` (or `mkdocs build`) first.")
    with serve(SITE_DIR) as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    args = list(CHROMIUM_ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to run its sandbox as root
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=args)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def visits(site: RunningSite, browser, screenshots: Path) -> Iterator[dict[str, PageVisit]]:
    """One visit per page, shared by the tests that check it."""
    cache: dict[str, PageVisit] = {}
    yield cache


@pytest.fixture
def visit(page_path: str, visits: dict[str, PageVisit], site: RunningSite, browser, screenshots: Path) -> PageVisit:
    if page_path not in visits:
        name = re.sub(r"[^A-Za-z0-9]+", "-", page_path).strip("-") or "home"
        visits[page_path] = visit_page(browser, site, page_path, screenshots / f"{name}.png")
    return visits[page_path]
