"""MkDocs hook: serve MathJax from the site itself, copied from node_modules.

`npm ci` installs the version pinned in package-lock.json; after each build this
copies the parts the pages load (the TeX-to-HTML bundle, its fonts, the TeX
extensions it autoloads, and the accessibility menu's modules) into
site/assets/vendor/mathjax/. A missing install fails the build with the fix.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

MATHJAX_PARTS = (
    "tex-chtml.js",
    "output/chtml/fonts/woff-v2",
    "input/tex/extensions",
    "a11y",
    "ui",
    "sre",
)


# Where `npm ci` puts MathJax's browser build, relative to the repository root.
MATHJAX = Path("node_modules/mathjax/es5")


def mathjax_source(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / MATHJAX


def on_pre_build(config: MkDocsConfig) -> None:
    source = mathjax_source(config)
    if not (source / "tex-chtml.js").is_file():
        raise PluginError(f"MathJax is not installed in {source}: run `npm ci` in the repository root first.")


def on_post_build(config: MkDocsConfig) -> None:
    source = mathjax_source(config)
    target = Path(config.site_dir) / "assets" / "vendor" / "mathjax"
    for part in MATHJAX_PARTS:
        origin, destination = source / part, target / part
        destination.parent.mkdir(parents=True, exist_ok=True)
        if origin.is_dir():
            shutil.copytree(origin, destination, dirs_exist_ok=True)
        else:
            shutil.copy2(origin, destination)
