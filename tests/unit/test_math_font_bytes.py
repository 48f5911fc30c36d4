"""booksite/math_font_bytes.py: the glyphs a page carries against the font files it would fetch."""

from pathlib import Path

from booksite.math_font_bytes import compare

HOME = '<a href="a/" class="md-nav__link">A</a><a href="b/" class="md-nav__link">B</a>'


def page(site: Path, path: str, style: str) -> None:
    (site / path).mkdir(parents=True, exist_ok=True)
    (site / path / "index.html").write_text(f"<style>{style}</style><p>text</p>", encoding="utf-8")


def test_a_font_file_counts_once_on_the_first_page_that_needs_it(tmp_path: Path) -> None:
    inline, linked = tmp_path / "inline", tmp_path / "linked"
    fonts = linked / "fonts"
    fonts.mkdir(parents=True)
    (fonts / "Main.woff").write_bytes(b"x" * 2048)
    for site in (inline, linked):
        page(site, "", "")
        (site / "index.html").write_text(HOME, encoding="utf-8")
    glyphs = '@font-face {\n  font-family: MJXTEX;\n  src: url("data:font/woff;base64,' + "QUJD" * 400 + '");\n}'
    link = '@font-face /* 0 */ {\n  font-family: MJXTEX;\n  src: url("../fonts/Main.woff") format("woff");\n}'
    for path in ("a", "b"):
        page(inline, path, glyphs)
        page(linked, path, link)
    rows = compare(inline, linked)
    a, b, total = rows[2], rows[3], rows[4]
    assert a.startswith("| `a/` |") and a.endswith("| 2.0 KiB | 2.0 KiB |")
    assert b.startswith("| `b/` |") and b.endswith("| 2.0 KiB | 0.0 KiB |")  # cached by then
    assert total.endswith("| 2 KiB |")
