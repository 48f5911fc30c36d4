"""docs/hooks/reader.py: figures below the first section load lazily; the first screen's do not."""

from booksite.hooks import reader

LAZY = 'loading="lazy" decoding="async"'


def test_only_figures_after_the_first_section_heading_are_lazy() -> None:
    content = '<h1>T</h1><p><img src="top.png"></p><h2 id="a">A</h2><p><img alt="x" src="below.png"></p>'
    out = reader.lazy_images(content)
    top, below = out.split('<h2 id="a">')
    assert LAZY not in top
    assert f'<img {LAZY} alt="x" src="below.png">' in below


def test_a_page_without_sections_and_an_explicit_loading_are_left_alone() -> None:
    no_sections = '<h1>T</h1><img src="a.png">'
    assert reader.lazy_images(no_sections) == no_sections
    eager = '<h2>A</h2><img loading="eager" src="a.png">'
    assert reader.lazy_images(eager) == eager


def test_a_formula_drawn_as_a_data_url_is_not_a_figure() -> None:
    formula = '<h2 id="a">A</h2><p>the slope <img alt="" src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E"></p>'
    assert reader.lazy_images(formula) == formula
