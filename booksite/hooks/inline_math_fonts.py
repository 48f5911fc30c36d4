"""MkDocs hook: each page carries the few MathJax glyphs it draws, in its own stylesheet.

prerender_math.py leaves each page a stylesheet whose @font-face rules point at
MathJax's fonts (assets/vendor/, 1-35 kB each). A chapter draws a few dozen
characters from three to five of them. This hook cuts each font the page draws
from down to those characters (fontTools) and puts it in its rule as a data:
URL; rules for fonts the page draws nothing from go. A reader's browser then
fetches no math font: formulas are drawn with the page's first paint, instead of
being styled and laid out again as each font arrives.

The characters come from the stylesheet itself: MathJax writes one rule per
glyph, `mjx-c.mjx-c3B8.TEX-I::before { content: "\\3B8" }`, and one rule per
variant naming its fonts, `.TEX-I { font-family: MJXZERO, MJXTEX-I }` (no
variant class: `.MJX-TEX`). A glyph none of its fonts holds fails the build.
"""

from __future__ import annotations

import base64
import functools
import io
import re
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from booksite.hooks.vendor_assets import mathjax_source

# Inside MathJax (vendor_assets.py): the fonts the CommonHTML output draws with.
FONTS = Path("output/chtml/fonts/woff-v2")
STYLESHEET = re.compile(r'(<style class="mathjax-prerendered">)(.*?)(</style>)', re.DOTALL)
VARIANT = re.compile(r"\.(MJX-TEX|TEX-[A-Z0-9]+) \{\s*font-family: ([^;]+);")
GLYPH = re.compile(r'mjx-c\.mjx-c[0-9A-F]+(?:\.(TEX-[A-Z0-9]+))?::before \{[^}]*?content: "((?:[^"\\]|\\.)*)"')
FONT_FACE = re.compile(
    r"@font-face /\* \d+ \*/ \{\s*font-family: (?P<family>[\w-]+);\s*"
    r'src: url\("[^"]*/(?P<file>MathJax_[\w-]+\.woff)"\) format\("woff"\);\s*\}\n?'
)
CSS_ESCAPE = re.compile(r"\\(?:([0-9A-Fa-f]{1,6}) ?|(.))")


def css_string(value: str) -> str:
    """The characters of a CSS string's body: `\\3B8` is θ, `\\"` is a quote."""
    return CSS_ESCAPE.sub(lambda match: chr(int(match[1], 16)) if match[1] else match[2], value)


def drawn_characters(css: str) -> dict[tuple[str, ...], set[int]]:
    """The code points the stylesheet draws, by the fonts they are drawn with (first choice first)."""
    families = {variant: tuple(name.strip() for name in names.split(",")) for variant, names in VARIANT.findall(css)}
    drawn: dict[tuple[str, ...], set[int]] = {}
    for variant, content in GLYPH.findall(css):
        drawn.setdefault(families[variant or "MJX-TEX"], set()).update(map(ord, css_string(content)))
    return drawn


@functools.cache
def font_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise PluginError(f"MathJax font {path} is missing: run `npm ci` in the repository root first.")
    return path.read_bytes()


@functools.cache
def code_points_in(path: Path) -> frozenset[int]:
    return frozenset(TTFont(io.BytesIO(font_bytes(path))).getBestCmap())


def subset_woff(path: Path, code_points: set[int]) -> bytes:
    """The font at path holding only code_points, as WOFF, byte-for-byte the same on every build."""
    font = TTFont(io.BytesIO(font_bytes(path)), recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff"
    options.drop_tables += ["FFTM"]  # FontForge's timestamps: not needed to draw
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=code_points)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def inline_fonts(css: str, fonts: Path) -> str:
    """The stylesheet with each font it draws from cut to its glyphs and inlined, the others dropped."""
    files = {match["family"]: fonts / match["file"] for match in FONT_FACE.finditer(css)}
    needed: dict[str, set[int]] = {}
    for chain, code_points in drawn_characters(css).items():
        for code in code_points:
            # The browser takes each glyph from the first font in the chain that has it.
            family = next((name for name in chain if name in files and code in code_points_in(files[name])), None)
            if family is None:
                raise PluginError(f"no MathJax font in {', '.join(chain)} has U+{code:04X}, which a formula draws")
            needed.setdefault(family, set()).add(code)

    def font_face(match: re.Match[str]) -> str:
        family = match["family"]
        if family not in needed:
            return ""
        data = base64.b64encode(subset_woff(files[family], needed[family])).decode("ascii")
        return (
            f'@font-face {{\n  font-family: {family};\n  src: url("data:font/woff;base64,{data}") format("woff");\n}}\n'
        )

    return FONT_FACE.sub(font_face, css)


def on_page_content(content: str, page: Page, config: MkDocsConfig, files) -> str:
    fonts = mathjax_source(config) / FONTS
    try:
        return STYLESHEET.sub(lambda match: match[1] + inline_fonts(match[2], fonts) + match[3], content, count=1)
    except PluginError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None
