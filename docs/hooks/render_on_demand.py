"""MkDocs hook: a long page lays out and styles what is on screen, not the whole chapter.

A chapter holds 2-5 thousand elements (the build-time MathJax markup, Pygments'
spans). Laying them all out while the page loads keeps a phone busy for most of
a second. This hook prepares the page so that the browser can skip what is off
screen (CSS `content-visibility: auto`, docs/stylesheets/extra.css):

- Pygments' spans for names and whitespace go (they are drawn in the plain code
  colour, `--md-code-hl-name-color` being `--md-code-fg-color`), and neighbouring
  spans of the same kind merge: the same text in the same colours, in fewer
  elements;
- a page with many elements gets a marker (`<div class="md-render-on-demand"
  hidden>`) after its title; every block after it is rendered only near the
  viewport (Material's `content.lazy` feature, mkdocs.yml, waits as well: it sets
  a code block up when the block comes into view). Short pages (the home page)
  are left as they are.

Notebook pages (mkdocs-jupyter) are left alone.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# The code of a pymdownx.highlight block.
CODE = re.compile(r"(?<=<pre><span></span><code>)(?P<code>.*?)(?=</code></pre>)", re.DOTALL)
# Token classes drawn in the plain code colour: Name (n) and Whitespace (w).
PLAIN_TOKEN = re.compile(r'<span class="(?:n|w)">([^<]*)</span>')
# Two neighbouring leaf spans of the same token class (not line highlights).
SAME_TOKENS = re.compile(r'<span class="(?!hll")([\w-]+)">([^<]*)</span><span class="\1">([^<]*)</span>')
MARKER = '<div class="md-render-on-demand" hidden></div>'
# Pages with at least this many elements render their blocks on demand.
MIN_ELEMENTS = 1000


def slim(code: str) -> str:
    code = PLAIN_TOKEN.sub(r"\1", code)
    merged = SAME_TOKENS.sub(r'<span class="\1">\2\3</span>', code)
    while merged != code:
        code, merged = merged, SAME_TOKENS.sub(r'<span class="\1">\2\3</span>', merged)
    return code


def with_marker(content: str) -> str:
    """The marker after the page's title (the first </h1>), else first."""
    title_end = content.find("</h1>")
    if title_end < 0:
        return MARKER + content
    title_end += len("</h1>")
    return content[:title_end] + MARKER + content[title_end:]


def on_page_content(content: str, page: Page, config: MkDocsConfig, files) -> str:
    if page.file.src_uri.endswith(".ipynb"):
        return content
    content = CODE.sub(lambda match: slim(match["code"]), content)
    if content.count("<") - content.count("</") >= MIN_ELEMENTS:
        content = with_marker(content)
    return content
