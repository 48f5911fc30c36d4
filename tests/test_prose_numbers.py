"""Every number a chapter states is cited from a recorded output or is a constant of its code.

The list of unbacked numbers must be empty: a result typed into a sentence drifts
from the output box below it the day the snippet changes. Cite it instead,
`{{ snippets/<chapter>/<name>.out "label" 2sig }}` (booksite/hooks/cited_values.py).
A citation whose output no longer has its label fails here as in the site build.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from booksite.hooks.cited_values import CitationError, substitute
from booksite.prose_numbers import unbacked_numbers

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GENERATED = ("execution-report.md",)
PAGES = sorted(page for page in DOCS.rglob("*.md") if page.name not in GENERATED)


def page_id(page: Path) -> str:
    return page.relative_to(DOCS).with_suffix("").as_posix()


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_citation_resolves(page: Path) -> None:
    try:
        substitute(page.read_text(encoding="utf-8"), ROOT)
    except CitationError as error:
        pytest.fail(f"docs/{page_id(page)}.md: {error}", pytrace=False)


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_no_number_in_prose_is_typed_by_hand(page: Path) -> None:
    part = tuple(sorted(page.parent.glob("*.md"))) if page.parent != DOCS else ()
    unbacked = unbacked_numbers(page, ROOT, part)
    assert not unbacked, (
        f"{len(unbacked)} number(s) in docs/{page_id(page)}.md are neither cited from a recorded output "
        "nor constants of the code the page shows; cite them "
        '({{ snippets/<chapter>/<name>.out "label" format }}) or reword:\n' + "\n".join(map(str, unbacked))
    )
