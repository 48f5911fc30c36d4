"""docs/hooks/render_on_demand.py: fewer elements, the same code; long pages only get the marker."""

import html
import re
from types import SimpleNamespace

import render_on_demand

# What pymdownx.highlight writes for two lines, the second highlighted (hl_lines).
BLOCK = (
    '<div class="language-python highlight"><span class="filename">demo.py</span>'
    '<pre><span></span><code><span class="n">loss</span><span class="w"> </span><span class="o">=</span>'
    '<span class="w"> </span><span class="mi">2</span>\n'
    '<span class="hll"><span class="nb">print</span><span class="p">(</span><span class="n">loss</span>'
    '<span class="p">)</span><span class="p">)</span>\n</span></code></pre></div>'
)


def text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def page(src_uri: str = "chapter.md") -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def render(content: str, src_uri: str = "chapter.md") -> str:
    return render_on_demand.on_page_content(content, page(src_uri), config=None, files=None)


def test_code_keeps_its_text_and_colours_in_fewer_elements() -> None:
    out = render(BLOCK)
    assert text(out) == text(BLOCK)
    assert out.count("<span") < BLOCK.count("<span")
    assert 'class="n"' not in out and 'class="w"' not in out  # drawn in the plain code colour anyway
    assert '<span class="p">))</span>' in out  # neighbours of one kind merged
    assert '<span class="hll">' in out  # the highlighted line keeps its band
    assert '<span class="mi">2</span>' in out and '<span class="nb">print</span>' in out


def test_only_long_pages_get_the_marker_after_the_title() -> None:
    short = "<h1>Title</h1><p>text</p>"
    assert render_on_demand.MARKER not in render(short)
    long = "<h1>Title</h1>" + "<p>text</p>" * render_on_demand.MIN_ELEMENTS
    assert render(long).startswith("<h1>Title</h1>" + render_on_demand.MARKER)


def test_notebook_pages_are_left_alone() -> None:
    content = BLOCK + "<p>text</p>" * render_on_demand.MIN_ELEMENTS
    assert render(content, "notebooks/chapter.ipynb") == content
