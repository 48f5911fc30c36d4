"""Where the built site and the browser are, and what pages the site has."""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

from booksite.serve_site import page_paths

ROOT = Path(__file__).resolve().parents[2]
SITE_DIR = Path(os.environ.get("SITE_DIR", ROOT / "site"))
ARTIFACTS = ROOT / ".artifacts"
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")


def site_pages() -> list[str]:
    """Every page the built sitemap lists, relative to the site root ("" is home); [] if not built."""
    try:
        return page_paths(SITE_DIR)
    except (FileNotFoundError, ValueError):
        return []


def page_html(path: str) -> str:
    file = SITE_DIR / path / "index.html"
    return file.read_text(encoding="utf-8") if file.is_file() else ""


def math_pages() -> list[str]:
    """Pages whose built HTML holds formulas, in sitemap order."""
    return [path for path in site_pages() if 'class="arithmatex"' in page_html(path)]


# A link in a page's text to a section of another page of the site: "../other/#section",
# "../../part/page/#section".
SECTION_LINK = re.compile(r'<a href="(?P<href>(?:\.\./)+[\w/-]*/)#(?P<section>[\w-]+)"')


def linked_page(page: str, href: str) -> str:
    """The site path a relative link of `page` (a site path, "a/b/") points at."""
    return posixpath.normpath(posixpath.join(page, href)).removeprefix(".") + "/"


def deepest_section_link() -> tuple[str, str, str] | None:
    """(page, target page, section) for the chapter link whose section lies deepest in its page
    (by its place in the page's HTML); None if no chapter links into another page's section."""
    found = []
    for page in math_pages():
        for match in SECTION_LINK.finditer(page_html(page)):
            target = linked_page(page, match["href"])
            target_html = page_html(target)
            place = target_html.find(f'id="{match["section"]}"')
            if place > 0 and target != page:
                found.append((place / len(target_html), page, target, match["section"]))
    return max(found)[1:] if found else None


def chromium_executable() -> str | None:
    """CHROMIUM_PATH, else Debian's /usr/bin/chromium, else None: the Chromium Playwright finds itself."""
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured
    return str(DEFAULT_CHROMIUM) if DEFAULT_CHROMIUM.exists() else None
