"""Every internal link and anchor of the built site resolves (run after `mkdocs build`).

SITE_DIR (default: site/) is the built site. External links are only listed here
(in .artifacts/external-links.txt); `nox -s external-links` requests them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from booksite.site_links import check_site

ROOT = Path(__file__).resolve().parents[2]
SITE_DIR = Path(os.environ.get("SITE_DIR", ROOT / "site"))
EXTERNAL_LIST = ROOT / ".artifacts" / "external-links.txt"


@pytest.fixture(scope="module")
def report():
    if not (SITE_DIR / "sitemap.xml").is_file():
        pytest.fail(f"No built site in {SITE_DIR}: run `nox -s docs` (or `mkdocs build`) first.")
    return check_site(SITE_DIR)


def test_every_internal_link_and_anchor_resolves(report) -> None:
    assert not report.broken, f"{len(report.broken)} broken links:\n  " + "\n  ".join(report.broken)


def test_external_links_are_listed(report) -> None:
    EXTERNAL_LIST.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{url}\t{', '.join(sorted(set(pages)))}" for url, pages in sorted(report.external.items())]
    EXTERNAL_LIST.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Every page links to the repository ("edit this page", the header): the list is never empty.
    assert report.external
