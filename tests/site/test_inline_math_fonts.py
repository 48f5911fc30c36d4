"""docs/hooks/inline_math_fonts.py: a page's math fonts hold its glyphs, inline; no font file is asked for."""

import base64
import io
import os
import re
from pathlib import Path

from booksite.hooks import inline_math_fonts
import pytest
from fontTools.ttLib import TTFont
from mkdocs.exceptions import PluginError
from booksite.hooks.vendor_assets import MATHJAX

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / MATHJAX / inline_math_fonts.FONTS
SITE_DIR = Path(os.environ.get("SITE_DIR", ROOT / "site"))
URL = "../assets/vendor/mathjax/output/chtml/fonts/woff-v2"


def font_face(number: int, family: str, file: str) -> str:
    """An @font-face rule as prerender_math.py leaves it (MathJax's own layout)."""
    return f'@font-face /* {number} */ {{\n  font-family: {family};\n  src: url("{URL}/{file}") format("woff");\n}}\n'


# MathJax's stylesheet for θ = 2 (θ from the math italic font, "=" and "2" from the main
# one), with a bold font that no formula on this page uses.
CSS = (
    'mjx-c.mjx-c1D703.TEX-I::before {\n  padding: 0.705em 0.469em 0.011em 0;\n  content: "\\3B8";\n}\n'
    'mjx-c.mjx-c3D::before {\n  padding: 0.583em 0.778em 0.082em 0;\n  content: "=";\n}\n'
    'mjx-c.mjx-c32::before {\n  padding: 0.666em 0.5em 0 0;\n  content: "2";\n}\n'
    ".MJX-TEX {\n  font-family: MJXZERO, MJXTEX;\n}\n"
    ".TEX-B {\n  font-family: MJXZERO, MJXTEX-B;\n}\n"
    ".TEX-I {\n  font-family: MJXZERO, MJXTEX-I;\n}\n"
    + font_face(0, "MJXZERO", "MathJax_Zero.woff")
    + font_face(1, "MJXTEX", "MathJax_Main-Regular.woff")
    + font_face(2, "MJXTEX-B", "MathJax_Main-Bold.woff")
    + font_face(3, "MJXTEX-I", "MathJax_Math-Italic.woff")
)


def inlined_fonts(css: str) -> dict[str, bytes]:
    pattern = r'font-family: ([\w-]+);\s*src: url\("data:font/woff;base64,([^"]+)"\) format\("woff"\)'
    return {family: base64.b64decode(data) for family, data in re.findall(pattern, css)}


def code_points(woff: bytes) -> set[int]:
    return set(TTFont(io.BytesIO(woff)).getBestCmap())


def test_each_font_drawn_from_is_inlined_with_just_its_glyphs() -> None:
    fonts = inlined_fonts(inline_math_fonts.inline_fonts(CSS, FONTS))
    assert set(fonts) == {"MJXTEX", "MJXTEX-I"}  # no glyph from the bold font (or the zero-width one)
    assert code_points(fonts["MJXTEX-I"]) == {ord("θ")}
    assert code_points(fonts["MJXTEX"]) == {ord("="), ord("2")}
    assert len(fonts["MJXTEX"]) < (FONTS / "MathJax_Main-Regular.woff").stat().st_size / 5


def test_no_font_file_is_asked_for_and_each_build_writes_the_same_bytes() -> None:
    out = inline_math_fonts.inline_fonts(CSS, FONTS)
    assert '.woff"' not in out and "MathJax_" not in out
    assert out.startswith(CSS[: CSS.index("@font-face")])  # the glyph and variant rules are kept
    assert inline_math_fonts.inline_fonts(CSS, FONTS) == out


def test_a_glyph_no_font_holds_fails_with_its_code_point() -> None:
    emoji = CSS.replace('content: "\\3B8"', 'content: "\\1F600"')
    with pytest.raises(PluginError, match="U\\+1F600"):
        inline_math_fonts.inline_fonts(emoji, FONTS)


def test_built_pages_ask_for_no_math_font() -> None:
    """After `mkdocs build`: every page typeset at build time carries its fonts inline."""
    if not (SITE_DIR / "sitemap.xml").is_file():
        pytest.fail(f"No built site in {SITE_DIR}: run `nox -s docs` (or `mkdocs build`) first.")
    pages = [path for path in SITE_DIR.glob("*/index.html") if "mathjax-prerendered" in path.read_text("utf-8")]
    assert pages, "no page has the stylesheet prerender_math.py writes: the check would see nothing"
    asking = [
        str(path.relative_to(SITE_DIR)) for path in pages if re.search(r"MathJax_[\w-]+\.woff", path.read_text("utf-8"))
    ]
    assert not asking, f"pages that still fetch a MathJax font file: {asking}"
