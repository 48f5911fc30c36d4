"""Every page of the built site, in Chromium, as a reader meets it.

Run by `nox -s browser` over the built site served on 127.0.0.1; the pages are the
ones the built sitemap lists, so a chapter added later is covered without a change
here. One visit per page (see site_visit.py) feeds the checks below.
"""

from __future__ import annotations

import pytest
from built_site import math_pages, site_pages
from site_visit import PageVisit, dark_palette_violations


def listing(items) -> str:
    return "\n  " + "\n  ".join(map(str, items))


def test_page_loads(visit: PageVisit) -> None:
    assert visit.status == 200, f"{visit.url} answered {visit.status}"


def test_no_request_leaves_127_0_0_1(visit: PageVisit) -> None:
    assert not visit.external_requests, f"{visit.url} asked other hosts for:" + listing(visit.external_requests)


def test_no_failed_request(visit: PageVisit) -> None:
    assert not visit.failed_requests, f"{visit.url} has failed requests:" + listing(visit.failed_requests)


def test_no_console_error(visit: PageVisit) -> None:
    assert not visit.console_errors, f"{visit.url} logged errors:" + listing(visit.console_errors)


def test_every_formula_typeset_with_glyphs(visit: PageVisit) -> None:
    math = visit.math
    problems = [
        *(f"not typeset: {tex}" for tex in math["untypeset"]),
        *(f"MathJax error: {error}" for error in math["errors"]),
        *(f"typeset without a visible glyph: {tex}" for tex in math["empty"]),
        *(f"TeX left as text: {text}" for text in math["raw"]),
        *(f"math font failed to load: {font}" for font in math["fontErrors"]),
        *(f"blank on screen: {formula}" for formula in visit.blank_formulas),
    ]
    if math["fontDrawn"] and not math["fontsLoaded"]:
        problems.append(f"{math['fontDrawn']} formulas drawn with MathJax's fonts, but no font loaded")
    assert not problems, f"{visit.url}:" + listing(problems)


def test_every_image_loaded(visit: PageVisit) -> None:
    broken = [image["src"] for image in visit.images if not image["ok"]]
    assert not broken, f"{visit.url} has images that did not load:" + listing(broken)


def test_no_serious_accessibility_violation(visit: PageVisit) -> None:
    found = [f"{v['impact']} {v['id']}: {v['help']} at {'; '.join(v['nodes'])}" for v in visit.axe_violations]
    assert not found, f"axe-core on {visit.url}:" + listing(found)


def test_screenshot_saved(visit: PageVisit) -> None:
    assert visit.screenshot is not None and visit.screenshot.stat().st_size > 0


def dark_palette_sample() -> list[str]:
    """Home, the first chapter with formulas and the first notebook: every kind of page.

    The palette's colours are the same on every page of a kind, and axe-core's
    contrast rule takes 10-20 s on a long chapter, so the dark palette is checked
    on one page of each kind rather than on all of them.
    """
    pages = site_pages()
    notebooks = [path for path in pages if path.startswith("notebooks/")]
    sample = ["", *math_pages()[:1], *notebooks[:1]]
    return [path for path in dict.fromkeys(sample) if path in pages] or [""]


@pytest.mark.parametrize("path", dark_palette_sample(), ids=lambda path: path or "home")
def test_no_serious_contrast_violation_in_dark_palette(site, browser, path: str) -> None:
    visit, violations = dark_palette_violations(browser, site, path)
    found = [f"{v['impact']} {v['id']}: {v['help']} at {'; '.join(v['nodes'])}" for v in violations]
    assert not found, f"axe-core on {visit.url}, dark palette:" + listing(found)


def test_every_code_block_can_be_read_on_a_phone(visit: PageVisit) -> None:
    """On a 390 px screen a long line scrolls sideways in its block; nothing is cut off for good."""
    cut_off = visit.cut_off_code
    assert not cut_off, f"{visit.url}: code blocks cut off at 390 px, with no scrolling:" + listing(cut_off)
