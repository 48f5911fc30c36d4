"""booksite/hooks/prerender_math.py and render_math.js: every formula of a chapter arrives typeset, as an
image of MathJax's SVG with the MathML that assistive technology reads, and nothing asks for a font."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE_DIR = Path(os.environ.get("SITE_DIR", ROOT / "site"))
CONTAINER = re.compile(r"<mjx-container\b[^>]*>(?P<body>.*?)</mjx-container>", re.DOTALL)
IMAGE = re.compile(r'^<img alt="" src="data:image/svg\+xml,(?P<svg>[^"]+)" style="(?P<style>[^"]+)">')


def chapters_with_math() -> list[Path]:
    pages = sorted(SITE_DIR.glob("**/index.html"))
    return [page for page in pages if "notebooks" not in page.parts and "mjx-container" in page.read_text("utf-8")]


@pytest.fixture(scope="module", autouse=True)
def built_site() -> None:
    if not (SITE_DIR / "sitemap.xml").is_file():
        pytest.fail(f"No built site in {SITE_DIR}: run `nox -s docs` (or `mkdocs build`) first.")


def test_the_chapters_have_formulas() -> None:
    assert len(chapters_with_math()) >= 10


@pytest.mark.parametrize("page", chapters_with_math(), ids=lambda page: str(page.parent.relative_to(SITE_DIR)))
def test_every_formula_is_an_image_with_its_mathml(page: Path) -> None:
    html = page.read_text("utf-8")
    problems = []
    for number, container in enumerate(CONTAINER.finditer(html), start=1):
        image = IMAGE.match(container["body"])
        if not image:
            problems.append(f"formula {number}: not an image of an SVG")
            continue
        svg = unquote(image["svg"])
        if not (svg.startswith("<svg") and svg.endswith("</svg>") and "<path" in svg):
            problems.append(f"formula {number}: the image holds no drawn SVG")
        if not re.search(r"width: [\d.]+ex; height: [\d.]+ex", image["style"]):
            problems.append(f"formula {number}: no size in ex, so the line would shift when it is drawn")
        if "<math" not in container["body"] or "mjx-assistive-mml" not in container["body"]:
            problems.append(f"formula {number}: no MathML for assistive technology")
    assert not problems, f"{page.relative_to(SITE_DIR)}: " + "; ".join(problems)


def test_a_chapter_asks_for_no_math_font() -> None:
    asking = [str(page.relative_to(SITE_DIR)) for page in chapters_with_math() if ".woff" in page.read_text("utf-8")]
    assert not asking, f"pages that still name a MathJax font: {asking}"
