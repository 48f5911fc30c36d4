"""docs/hooks/slim_code.py: the same code and colours in fewer elements."""

import html
import re
from types import SimpleNamespace

from booksite.hooks import slim_code

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
    return slim_code.on_page_content(content, page(src_uri), config=None, files=None)


def test_code_keeps_its_text_and_colours_in_fewer_elements() -> None:
    out = render(BLOCK)
    assert text(out) == text(BLOCK)
    assert out.count("<span") < BLOCK.count("<span")
    assert 'class="n"' not in out and 'class="w"' not in out  # drawn in the plain code colour anyway
    assert '<span class="p">))</span>' in out  # neighbours of one kind merged
    assert '<span class="hll">' in out  # the highlighted line keeps its band
    assert '<span class="mi">2</span>' in out and '<span class="nb">print</span>' in out


def test_notebook_pages_are_left_alone() -> None:
    content = BLOCK
    assert render(content, "notebooks/chapter.ipynb") == content
