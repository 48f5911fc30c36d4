"""Where the built site and the browser are, and what pages the site has."""

from __future__ import annotations

import os
from pathlib import Path

from serve_site import page_paths

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


def chromium_executable() -> str | None:
    """CHROMIUM_PATH, else Debian's /usr/bin/chromium, else None: the Chromium Playwright finds itself."""
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured
    return str(DEFAULT_CHROMIUM) if DEFAULT_CHROMIUM.exists() else None
