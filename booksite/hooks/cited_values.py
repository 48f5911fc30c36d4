"""MkDocs hook: numbers in prose are cited from recorded outputs, never typed.

A page writes

    the hidden layer reaches {{ snippets/classification/hidden_layer.out "epoch 100 ... test accuracy" .2f }}

and the build puts in the first number after the label on the one line of that
recorded output containing it (`...` in a label stands for any text within the
line; `#3` after the label takes the third number instead, a column of a table
row). The optional format is a Python format spec (`.2f`, `.1%`, `,.0f`) or
`Nsig`, N significant digits with thousands grouped (0.992 -> 0.99, 4,712.3 ->
4,700 with `2sig`); without one the number appears as printed. A label found on no
line or on several, a line with no number after its label, or a missing output
fails the build, naming the page and the citation. booksite/notebooks.py substitutes
the same way, so a notebook says what its page says.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # booksite/notebooks.py imports this module where MkDocs is not installed
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

CITATION = re.compile(
    r"\{\{\s*(?P<output>snippets/[\w/.-]+\.out)\s+\"(?P<label>[^\"\n]+)\""
    r"(?:\s+\#(?P<position>[1-9]\d*))?(?:\s+(?P<format>[^\s}]+))?\s*\}\}"
)
# The numbers an output prints: 0.992, -0.84, 4,712.3, 1e-07, 97.3 (a trailing % is not part of it).
NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w.]\d)")
# Anything that opens like a citation: what CITATION does not take is a typo, not prose.
CITATION_START = re.compile(r"\{\{\s*snippets/[^\n]*")
SIGNIFICANT = re.compile(r"(?P<digits>[1-9]\d?)sig")
ANY_TEXT = "..."


class CitationError(ValueError):
    """A citation that names no output, no line or no number."""


def _line_pattern(label: str) -> re.Pattern[str]:
    """`label` as a regex: `...` matches any text, a space any run of spaces (tables align with them)."""
    parts = (r"\s+".join(map(re.escape, part.split())) for part in label.split(ANY_TEXT))
    return re.compile(".*?".join(parts))


def cited_text(output: str, label: str, position: int = 1) -> str:
    """The `position`th number after `label` on the one line of `output` that contains it, as printed."""
    pattern = _line_pattern(label)
    found = [(line, match) for line in output.splitlines() if (match := pattern.search(line))]
    if not found:
        raise CitationError(f'no line contains "{label}"')
    if len(found) > 1:
        lines = "; ".join(line.strip() for line, _ in found)
        raise CitationError(f'"{label}" is on {len(found)} lines ({lines}): make the label unique')
    line, match = found[0]
    numbers = NUMBER.findall(line, match.end())
    if len(numbers) < position:
        wanted = "no number follows" if position == 1 else f"fewer than {position} numbers follow"
        raise CitationError(f'{wanted} "{label}" on its line: {line.strip()!r}')
    return numbers[position - 1]


def formatted(text: str, spec: str | None) -> str:
    """`text` (a number as printed) in the citation's format."""
    if not spec:
        return text
    value = float(text.replace(",", ""))
    significant = SIGNIFICANT.fullmatch(spec)
    if significant:
        digits = int(significant["digits"])
        if value == 0:
            return "0"
        decimals = digits - 1 - math.floor(math.log10(abs(value)))
        rounded = round(value, decimals)
        return f"{rounded:,.{max(decimals, 0)}f}"
    try:
        return format(value, spec)
    except ValueError as error:
        raise CitationError(f"bad format {spec!r}: {error}") from error


def substitute(markdown: str, root: Path) -> str:
    """`markdown` with every citation replaced by its value; CitationError names the first bad one."""

    def value(citation: re.Match[str]) -> str:
        path = root / citation["output"]
        if not path.is_file():
            raise CitationError(f"{citation.group()}: {citation['output']} does not exist")
        try:
            position = int(citation["position"] or 1)
            text = cited_text(path.read_text(encoding="utf-8"), citation["label"], position)
            return formatted(text, citation["format"])
        except CitationError as error:
            raise CitationError(f"{citation.group()}: {error}") from error

    substituted = CITATION.sub(value, markdown)
    malformed = CITATION_START.search(substituted)
    if malformed:
        raise CitationError(
            f'malformed citation {malformed.group().strip()!r}: write {{{{ snippets/<chapter>/<name>.out "label" '
            "[#N] [format] }}"
        )
    return substituted


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    from mkdocs.exceptions import PluginError

    try:
        return substitute(markdown, Path(config.config_file_path).resolve().parent)
    except CitationError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error
