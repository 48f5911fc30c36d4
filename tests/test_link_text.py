"""A link's text says where it leads: "more", "here" or "start" alone tell a reader using a
screen reader's list of links nothing, and Lighthouse's SEO audit (link-text) fails the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_prose_numbers import PAGES, page_id

LINK_TEXT = re.compile(r"(?<!!)\[(?P<text>[^\]\n]+)\]\([^)\s]+\)")
# Lighthouse's list of non-descriptive link texts, in English.
VAGUE = {
    "click here",
    "click this",
    "go",
    "here",
    "information",
    "learn more",
    "more",
    "more info",
    "read more",
    "start",
    "this",
    "link",
    "right here",
}


def vague_links(text: str) -> list[str]:
    return [match["text"] for match in LINK_TEXT.finditer(text) if match["text"].strip().lower() in VAGUE]


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_link_says_where_it_leads(page: Path) -> None:
    vague = vague_links(page.read_text(encoding="utf-8"))
    assert not vague, f"docs/{page_id(page)}.md: links whose text says nothing of their target: {vague}"


def test_the_check_sees_a_vague_link() -> None:
    assert vague_links("See [more](a.md#b), [the MNIST note](a.md) and ![here](x.png).") == ["more"]
