"""What a reader downloads for the math fonts: glyphs inline on each page, or MathJax's font files.

booksite/hooks/inline_math_fonts.py puts each page's glyphs into the page (they come
again with every page); without it, a page links MathJax's font files (the browser
fetches the ones the page draws from, once, and caches them). This builds the site
a second time without that hook and prints, for each page with math in navigation
order, the bytes each way: the page's own (gzip, as served) and the font files it
needs that the pages before it have not fetched yet.

    python -m booksite.math_font_bytes [--site site]

`nox -s audit` runs it after Lighthouse. Needs the built site (nox -s docs).
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from booksite.serve_site import nav_paths

ROOT = Path(__file__).resolve().parent.parent
HOOK_LINE = re.compile(r"^\s*- booksite/hooks/inline_math_fonts\.py\s*$", re.M)
INLINE_FACE = re.compile(r'@font-face \{\s*font-family: ([\w-]+);\s*src: url\("?data:', re.S)
LINKED_FACE = re.compile(r'@font-face /\* \d+ \*/ \{\s*font-family: ([\w-]+);\s*src: url\("([^"]+)"\)', re.S)


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes()))


def build_with_linked_fonts(out: Path) -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if not HOOK_LINE.search(config):
        raise SystemExit("mkdocs.yml does not list booksite/hooks/inline_math_fonts.py")
    variant = ROOT / ".mkdocs-linked-fonts.yml"  # beside mkdocs.yml: its paths are relative to it
    variant.write_text(HOOK_LINE.sub("", config), encoding="utf-8")
    try:
        subprocess.run(["mkdocs", "build", "-q", "-f", str(variant), "-d", str(out)], check=True, cwd=ROOT)
    finally:
        variant.unlink()


def compare(inline: Path, linked: Path) -> list[str]:
    lines = [
        "| page | glyphs inline (gzip) | font files, first visit | font files not yet cached |",
        "| --- | ---: | ---: | ---: |",
    ]
    cached: set[Path] = set()
    totals = [0, 0]
    for path in nav_paths(inline):
        with_glyphs, with_links = inline / path / "index.html", linked / path / "index.html"
        families = set(INLINE_FACE.findall(with_glyphs.read_text(encoding="utf-8")))
        if not families or not with_links.is_file():
            continue
        faces = dict(LINKED_FACE.findall(with_links.read_text(encoding="utf-8")))
        files = {(with_links.parent / faces[family]).resolve() for family in families if family in faces}
        own = gzipped(with_glyphs) - gzipped(with_links)
        first = sum(file.stat().st_size for file in files)
        new = sum(file.stat().st_size for file in files - cached)
        cached |= files
        totals[0] += own
        totals[1] += new
        lines.append(f"| `{path}` | {own / 1024:.1f} KiB | {first / 1024:.1f} KiB | {new / 1024:.1f} KiB |")
    lines.append(f"| every page above, in order | {totals[0] / 1024:.0f} KiB | | {totals[1] / 1024:.0f} KiB |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the site as built (glyphs inline)")
    args = parser.parse_args(argv)
    if not (args.site / "sitemap.xml").is_file():
        print(f"No built site in {args.site}: run `nox -s docs` first.", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as temporary:
        linked = Path(temporary) / "site"
        build_with_linked_fonts(linked)
        print("\n".join(compare(args.site, linked)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
