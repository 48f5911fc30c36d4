"""Visit one page of the served site in Chromium and record what a reader would meet.

A visit loads the page, waits until MathJax has typeset it, then records: console
errors, failed requests, requests that left 127.0.0.1 (blocked, so a test never
depends on the network), the state of every formula and image, axe-core's
violations, a full-page screenshot, and, with the window narrowed to a phone's
width, the code blocks cut off there.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from PIL import Image

from booksite.serve_site import RunningSite

LOCAL_HOSTS = {"127.0.0.1"}
VIEWPORT = {"width": 1280, "height": 800}
TIMEOUT_MS = 30_000
# Formulas photographed per page to prove their glyphs are drawn (first, last and
# evenly between): a mjx-container in the DOM alone does not show ink on screen.
FORMULAS_PHOTOGRAPHED = 6
# axe-core rules that depend on the palette, run again in the dark one.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

# In the page: how every formula came out, and any TeX left as text.
MATH_REPORT = """
() => {
  const describe = (el) => (el.getAttribute("data-tex") || el.textContent || "").trim().slice(0, 80);
  const containers = [...document.querySelectorAll("article mjx-container")];
  const untypeset = [...document.querySelectorAll("article .arithmatex")]
    .filter((el) => !el.querySelector("mjx-container"))
    .map(describe);
  const errors = [...document.querySelectorAll("article mjx-merror, article [data-mjx-error]")]
    .map((el) => el.getAttribute("data-mjx-error") || el.textContent);
  // A chapter's formula is an image of its SVG (typeset at build time); a notebook's is
  // MathJax's CommonHTML, glyphs drawn from its fonts (typeset in the browser).
  const drawnImage = (box) => {
    const image = box.querySelector(":scope > img");
    return image && image.complete && image.naturalWidth > 0 && image.getBoundingClientRect().width > 0;
  };
  const drawnGlyphs = (box) => [...box.querySelectorAll("mjx-c")].some((c) => {
    const content = getComputedStyle(c, "::before").content;
    return content && content !== "none" && content !== '""' && c.getBoundingClientRect().width > 0;
  });
  const empty = containers.filter((box) => {
    const rect = box.getBoundingClientRect();
    return rect.width === 0 || rect.height === 0 || !(drawnImage(box) || drawnGlyphs(box));
  }).map((box) => box.textContent.slice(0, 80));
  // Text a reader sees, outside code, that still looks like TeX source.
  const walker = document.createTreeWalker(document.querySelector("article") || document.body, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      return node.parentElement.closest("pre, code, script, style, textarea, mjx-container, mjx-assistive-mml")
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  const notebook = !!document.querySelector(".jupyter-wrapper");
  const raw = [];
  // TeX delimiters; on a notebook page (Jupyter's $ ... $) also a pair of single dollars.
  const delimiters = /\\$\\$|\\\\\\(|\\\\\\)|\\\\\\[|\\\\\\]|\\\\begin\\{/;
  const dollars = /\\$[^$\\s][^$]*\\$/;
  const looksLikeTeX = (text) => delimiters.test(text) || (notebook && dollars.test(text));
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (looksLikeTeX(node.textContent)) raw.push(node.textContent.trim().slice(0, 80));
  }
  const mathFonts = [...document.fonts].filter((font) => font.family.replace(/"/g, "").startsWith("MJX"));
  return {
    formulas: containers.length,
    fontDrawn: containers.filter((box) => box.getAttribute("jax") === "CHTML").length,
    untypeset,
    errors,
    empty,
    raw,
    fontErrors: mathFonts.filter((font) => font.status === "error").map((font) => font.family),
    fontsLoaded: mathFonts.filter((font) => font.status === "loaded").length,
  };
}
"""

IMAGES_REPORT = """
async () => {
  const images = [...document.images];
  for (const image of images) image.loading = "eager";
  await Promise.all(images.map((image) => image.complete ? null
    : new Promise((done) => { image.addEventListener("load", done); image.addEventListener("error", done); })));
  return images.map((image) => ({
    src: image.currentSrc || image.src,
    ok: image.complete && image.naturalWidth > 0 && image.naturalHeight > 0,
  }));
}
"""


@dataclass
class PageVisit:
    path: str
    url: str
    status: int | None = None
    status_expected: int = 200
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    math: dict = field(default_factory=dict)
    blank_formulas: list[str] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    axe_violations: list[dict] = field(default_factory=list)
    screenshot: Path | None = None
    cut_off_code: list[str] = field(default_factory=list)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL_HOSTS


def watch(page, visit: PageVisit) -> None:
    """Record console errors and every request: failed, answered with an error, or leaving 127.0.0.1."""

    def on_request(request) -> None:
        visit.requests.append(request.url)

    def on_response(response) -> None:
        # The page itself may be meant to answer 404; anything else >= 400 is a broken resource.
        if response.status >= 400 and not (response.url == visit.url and response.status == visit.status_expected):
            visit.failed_requests.append(f"{response.status} {response.url}")

    def on_failed(request) -> None:
        if is_local(request.url):
            visit.failed_requests.append(f"{request.failure} {request.url}")

    page.on("request", on_request)
    page.on("response", on_response)
    page.on("requestfailed", on_failed)

    def on_console(message) -> None:
        if message.type != "error":
            return
        if visit.status_expected != 200 and message.location.get("url") == visit.url:
            return  # Chromium's report of the status the test asked for ("... status of 404")
        visit.console_errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: visit.console_errors.append(f"uncaught: {error}"))


def block_external(context, visit: PageVisit) -> None:
    def route(route) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            visit.external_requests.append(url)
            route.abort("blockedbyclient")

    context.route("**/*", route)


def new_page(browser, visit: PageVisit, **context_options):
    context = browser.new_context(**{"viewport": VIEWPORT, **context_options})
    block_external(context, visit)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    watch(page, visit)
    return context, page


def wait_for_math(page) -> None:
    """Until fonts are in and, on a page that loads mathjax.js (a notebook), MathJax has typeset
    its cells (mathjax.js marks <html data-math-typeset>); a chapter's math is typeset at build time."""
    page.wait_for_function(
        """() => !document.querySelector('script[src$="javascripts/mathjax.js"]')
            || document.documentElement.dataset.mathTypeset === '1'"""
    )
    page.evaluate("document.fonts.ready.then(() => true)")


PHONE = {"width": 390, "height": 844}
# Code blocks on the page whose lines are wider than the block and that cannot scroll sideways.
CUT_OFF_CODE = """
() => [...document.querySelectorAll("article pre > code")]
  .filter((code) => code.getClientRects().length > 0)
  .filter((code) => code.scrollWidth > code.clientWidth + 1
    && !["auto", "scroll"].includes(getComputedStyle(code).overflowX))
  .map((code) => code.textContent.trim().split("\\n")[0].slice(0, 60))
"""


def has_ink(png: bytes) -> bool:
    """True if the picture holds more than one colour: something is drawn on the background."""
    image = Image.open(io.BytesIO(png)).convert("L")
    low, high = image.getextrema()
    return high - low > 64


def photograph_formulas(page) -> list[str]:
    """Formulas (a sample) whose screenshot shows no glyph at all."""
    containers = page.locator("article mjx-container")
    count = containers.count()
    if count == 0:
        return []
    picks = sorted({round(i * (count - 1) / max(FORMULAS_PHOTOGRAPHED - 1, 1)) for i in range(FORMULAS_PHOTOGRAPHED)})
    blank = []
    for index in picks:
        formula = containers.nth(index)
        formula.scroll_into_view_if_needed()
        box = formula.bounding_box()
        if not box or box["width"] < 1 or box["height"] < 1 or not has_ink(formula.screenshot(animations="disabled")):
            blank.append(f"formula {index + 1} of {count}: {formula.text_content()[:60]!r}")
    return blank


def scroll_through(page) -> None:
    """Scroll through the page as a reader would, then back to the top: what a reader's
    scrolling loads (figures below the first screen load lazily, fonts) is there before
    axe-core checks the page and the full-page screenshot is taken."""
    page.evaluate(
        """async () => {
            const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
            for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
                window.scrollTo(0, y);
                await frame();
            }
            window.scrollTo(0, 0);
            await frame();
        }"""
    )
    page.evaluate("document.fonts.ready.then(() => true)")


def describe_node(node: dict) -> str:
    """Where a violation is, and for contrast the colours axe measured."""
    where = ", ".join(map(str, node["target"]))
    data = next((check.get("data") for check in node.get("any", []) if isinstance(check.get("data"), dict)), None)
    if data and "contrastRatio" in data:
        where += (
            f" ({data['fgColor']} on {data['bgColor']}: {data['contrastRatio']}, needs {data['expectedContrastRatio']})"
        )
    return where


def serious_violations(results) -> list[dict]:
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [describe_node(node) for node in violation["nodes"][:5]],
        }
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def dark_palette_violations(browser, site: RunningSite, path: str) -> tuple[PageVisit, list[dict]]:
    """axe-core's colour rules on a page switched to the dark palette with the header's toggle."""
    visit = PageVisit(path=path, url=site.page(path))
    context, page = new_page(browser, visit)
    try:
        page.goto(visit.url, wait_until="load")
        wait_for_math(page)
        page.locator('form[data-md-component="palette"] label:visible').first.click()
        page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
        open_collapsed_boxes(page)
        scroll_through(page)
        options = {"runOnly": {"type": "rule", "values": COLOUR_RULES}, "resultTypes": ["violations"]}
        return visit, serious_violations(Axe().run(page, options=options))
    finally:
        context.close()


def open_collapsed_boxes(page) -> None:
    """Open every collapsed box (an exercise's solution, a complete file): what a reader reveals is checked too."""
    page.evaluate("document.querySelectorAll('article details:not([open])').forEach((box) => { box.open = true; })")


def visit_page(browser, site: RunningSite, path: str, screenshot: Path) -> PageVisit:
    visit = PageVisit(path=path, url=site.page(path))
    context, page = new_page(browser, visit)
    try:
        response = page.goto(visit.url, wait_until="load")
        visit.status = response.status if response else None
        wait_for_math(page)
        open_collapsed_boxes(page)
        # Photographing scrolls the sampled formulas into view: a long chapter renders
        # its blocks, and so loads the math fonts, only near the viewport.
        visit.blank_formulas = photograph_formulas(page)
        page.evaluate("document.fonts.ready.then(() => true)")
        visit.math = page.evaluate(MATH_REPORT)
        visit.images = page.evaluate(IMAGES_REPORT)
        scroll_through(page)
        visit.axe_violations = serious_violations(Axe().run(page))
        page.screenshot(path=str(screenshot), full_page=True, animations="disabled")
        visit.screenshot = screenshot
        page.wait_for_load_state("networkidle")
        # The page's width follows the window's (its viewport meta is width=device-width): the
        # same page narrowed lays out as on a phone, without loading it a second time.
        page.set_viewport_size(PHONE)
        visit.cut_off_code = page.evaluate(CUT_OFF_CODE)
    finally:
        context.close()
    return visit
