"""What happens between pages: links to sections, the back button, old addresses, the 404 page, printing."""

from __future__ import annotations

from pathlib import Path

import pytest
from built_site import deepest_section_link, math_pages, site_pages
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from site_visit import VIEWPORT, PageVisit, new_page, wait_for_math


def wait_for_page(page, url: str) -> None:
    """Until the address is `url`, whatever the fragment (navigation.tracking adds the section's)."""
    page.wait_for_url(lambda address: address.split("#")[0] == url)


# Where a section heading must come to rest after a jump: below the sticky header, in
# the top third of the window, or anywhere on screen when the page is scrolled to its end.
SECTION_IN_VIEW = """(id) => {
    const heading = document.getElementById(id);
    if (heading === null) return false;
    const top = heading.getBoundingClientRect().top;
    const atEnd = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
    const below = document.querySelector(".md-header").getBoundingClientRect().bottom;
    return top >= below && top <= (atEnd ? innerHeight - heading.offsetHeight : innerHeight / 3);
}"""


def assert_lands_on(page, section: str, settle_ms: int) -> None:
    """The heading comes into view, and is still there `settle_ms` later (late layout done)."""
    try:
        page.wait_for_function(SECTION_IN_VIEW, arg=section, timeout=5_000)
        page.wait_for_timeout(settle_ms)
        landed = page.evaluate(SECTION_IN_VIEW, section)
    except PlaywrightTimeoutError:
        landed = False
    top = page.evaluate("id => document.getElementById(id)?.getBoundingClientRect().top", section)
    assert landed, f"#{section} on {page.url} came to rest {top} px below the window top, not in view under the header"
    assert page.url.endswith(f"#{section}"), f"the address lost the section: {page.url}"


# An old address of a chapter now split into pages, a section link into it, and where it must open.
OLD_SECTION_LINK = ("classification/", "example-21-one-hidden-layer", "classification/hidden-layer/")


def test_an_old_chapter_address_opens_the_page_with_its_section(site, browser) -> None:
    """A bookmark of a chapter from before it was split (booksite/hooks/split_chapters.py), loaded
    afresh: the page that now holds the section, scrolled to it by the browser itself."""
    old, section, new = OLD_SECTION_LINK
    visit = PageVisit(path=new, url=site.page(new))
    context, page = new_page(browser, visit)
    try:
        page.goto(f"{site.page(old)}#{section}")
        page.wait_for_url(f"{site.page(new)}#{section}")
        wait_for_math(page)
        assert_lands_on(page, section, settle_ms=500)
    finally:
        context.close()
    assert not visit.console_errors, visit.console_errors


@pytest.fixture
def section_link() -> tuple[str, str, str]:
    """(page, target page, section): the chapter link whose section lies deepest in its page."""
    link = deepest_section_link()
    if link is None:
        pytest.skip("no chapter links into another page's section")
    return link


def click_over_a_slow_network(context, page, link) -> None:
    """Click `link` while every request takes 400 ms and the old page scrolls during the load
    (with Material's instant navigation, the new page then opened at its top, not its section)."""
    link.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    network = context.new_cdp_session(page)
    network.send("Network.enable")
    network.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 400, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    page.evaluate("setTimeout(() => window.scrollBy(0, 40), 30)")
    link.click()


def test_a_link_into_another_page_lands_on_its_section(site, browser, section_link) -> None:
    """A link to the deepest section a chapter links to, over a slow network."""
    source, target, section = section_link
    visit = PageVisit(path=source, url=site.page(source))
    context, page = new_page(browser, visit)
    try:
        page.goto(visit.url)
        wait_for_math(page)
        anchor = page.locator(f'article a[href$="/{target}#{section}"]').first  # Material makes hrefs absolute
        click_over_a_slow_network(context, page, anchor)
        wait_for_page(page, site.page(target))
        assert_lands_on(page, section, settle_ms=1_000)
    finally:
        context.close()
    assert not visit.console_errors, visit.console_errors


def test_a_link_to_another_page_opens_it_at_its_top(site, browser) -> None:
    """From well into a chapter, the navigation link to another one, over a slow network: the
    new page at its top, and its address without the old page's section (navigation.tracking's)."""
    pages = math_pages()
    if len(pages) < 2:
        pytest.skip("fewer than two chapters in the built site")
    source, target = pages[-1], pages[0]
    visit = PageVisit(path=source, url=site.page(source))
    context, page = new_page(browser, visit)
    try:
        page.goto(visit.url)
        wait_for_math(page)
        page.mouse.move(VIEWPORT["width"] / 2, VIEWPORT["height"] / 2)
        page.mouse.wheel(0, 3_000)  # a reader well into the chapter
        page.wait_for_timeout(800)
        navigation_link = page.locator(f'.md-sidebar--primary a[href$="/{target}"]:visible').first
        click_over_a_slow_network(context, page, navigation_link)
        page.wait_for_url(site.page(target))
        wait_for_math(page)
        page.wait_for_timeout(1_000)
        offset = page.evaluate("window.scrollY")
        assert offset == 0, f"{target} opened {offset} px down instead of at its top ({page.url})"
        assert page.url == site.page(target), f"the address took a section of the page left: {page.url}"
    finally:
        context.close()
    assert not visit.console_errors, visit.console_errors


def test_the_back_button_returns_to_the_same_place(site, browser, section_link) -> None:
    """Deep into a chapter (a jump, then a scroll), to another chapter and back: the same
    heading at the same height, the same address."""
    source, chapter, section = section_link
    visit = PageVisit(path=chapter, url=site.page(chapter))
    context, page = new_page(browser, visit)
    where = "id => [document.getElementById(id).getBoundingClientRect().top, location.href]"
    try:
        page.goto(visit.url)
        wait_for_math(page)
        page.locator(f'.md-sidebar--secondary a[href$="#{section}"]:visible').first.click()
        assert_lands_on(page, section, settle_ms=300)
        page.mouse.move(VIEWPORT["width"] / 2, VIEWPORT["height"] / 2)
        page.mouse.wheel(0, 300)  # reading on
        page.wait_for_timeout(800)
        before = page.evaluate(where, section)
        page.goto(site.page(source))  # any way to another page: the chapter's own may sit in a closed section
        page.wait_for_timeout(800)
        page.go_back()
        wait_for_page(page, site.page(chapter))
        page.wait_for_timeout(1_000)
        after = page.evaluate(where, section)
    finally:
        context.close()
    moved = f"#{section} was {before[0]:.0f} px below the window top, back it is {after[0]:.0f}"
    assert abs(after[0] - before[0]) <= 2, moved
    assert after[1] == before[1], f"the address was {before[1]}, back it is {after[1]}"
    assert not visit.console_errors, visit.console_errors


@pytest.mark.parametrize("chapter", math_pages() or ["(no built site)"])
def test_each_table_of_contents_entry_lands_on_its_section(site, browser, chapter: str) -> None:
    """Each table-of-contents entry of a chapter, clicked from the top of the page, lands on its heading:
    the first on a fresh load, while fonts and figures still arrive, the others one after another
    (loading the page again for each took a minute and a half of the browser session)."""
    visit = PageVisit(path=chapter, url=site.page(chapter))
    context, page = new_page(browser, visit)
    try:
        page.goto(visit.url)
        entries = page.locator(".md-sidebar--secondary a.md-nav__link:visible")
        sections = [hash_[1:] for hash_ in entries.evaluate_all("links => links.map((link) => link.hash)") if hash_]
        assert sections, f"no table of contents on {chapter}"
        for section in sections:
            page.evaluate("window.scrollTo(0, 0)")
            page.locator(f'.md-sidebar--secondary a[href$="#{section}"]:visible').first.click()
            assert_lands_on(page, section, settle_ms=300)
    finally:
        context.close()
    assert not visit.console_errors, visit.console_errors


def test_autoloaded_tex_extensions_come_from_the_site(site, browser) -> None:
    """\\cancel and \\bbox are not in MathJax's core bundle: in the browser they load on first use,
    from this site (on a notebook page, where MathJax runs in the browser; chapters are typeset
    at build time with every extension)."""
    notebooks = [path for path in site_pages() if path.startswith("notebooks/")]
    if not notebooks:
        pytest.skip("no notebook page in the built site")
    visit = PageVisit(path=notebooks[0], url=site.page(notebooks[0]))
    context, page = new_page(browser, visit)
    try:
        page.goto(visit.url)
        wait_for_math(page)
        result = page.evaluate(
            """async () => {
                const node = await MathJax.tex2chtmlPromise("\\\\cancel{x} + \\\\bbox[2px,border:1px solid]{y}");
                return {errors: node.querySelectorAll("mjx-merror").length, text: node.outerHTML.length};
            }"""
        )
    finally:
        context.close()
    assert result["errors"] == 0, "MathJax could not typeset \\cancel or \\bbox"
    loaded = [url for url in visit.requests if "/input/tex/extensions/" in url]
    assert any(url.endswith("/cancel.js") for url in loaded), visit.requests
    assert any(url.endswith("/bbox.js") for url in loaded), visit.requests
    assert all(url.startswith(site.origin) for url in loaded), loaded
    assert not visit.external_requests and not visit.failed_requests, visit.external_requests + visit.failed_requests


@pytest.mark.parametrize("missing", ["no-such-page/", "deep/no/such/page.html"])
def test_404_page(site, browser, missing: str) -> None:
    """A missing page answers 404 with the site's own, fully styled 404 page, at any depth."""
    visit = PageVisit(path=missing, url=site.page(missing), status_expected=404)
    context, page = new_page(browser, visit)
    try:
        response = page.goto(visit.url)
        assert response is not None and response.status == 404
        assert "404" in page.locator("article h1").inner_text()
        # Styled: Material's stylesheet applied (the header is fixed-height and coloured).
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert page.locator(".md-header__title").first.is_visible()
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert not visit.failed_requests, visit.failed_requests
    assert not visit.external_requests, visit.external_requests
    assert not visit.console_errors, visit.console_errors


def test_chapter_prints_cleanly(site, browser, tmp_path: Path) -> None:
    """Print media: no header, sidebars, buttons or footer; code wraps instead of being cut off."""
    pages = math_pages()
    if not pages:
        pytest.skip("no chapter in the built site")
    visit = PageVisit(path=pages[0], url=site.page(pages[0]))
    context, page = new_page(browser, visit)
    try:
        page.goto(visit.url)
        wait_for_math(page)
        page.emulate_media(media="print")
        hidden = page.evaluate(
            """() => [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                      ".notebook-bar", ".md-content__button"]
                .filter((selector) => [...document.querySelectorAll(selector)]
                    .some((el) => getComputedStyle(el).display !== "none"))"""
        )
        assert not hidden, f"shown in print: {hidden}"
        cut_off = page.evaluate(
            """() => [...document.querySelectorAll(".md-typeset pre > code")]
                .filter((code) => code.scrollWidth > code.clientWidth + 1).length"""
        )
        assert cut_off == 0, f"{cut_off} code blocks are wider than the printed page"
        pdf = tmp_path / "chapter.pdf"
        page.pdf(path=str(pdf), format="A4")
        assert pdf.stat().st_size > 10_000
    finally:
        context.close()
