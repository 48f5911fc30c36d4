"""Find the numbers a chapter's prose states without backing.

A number in a sentence is backed when it is cited from a recorded output
(`{{ snippets/....out "label" }}`, see booksite/hooks/cited_values.py) or when it is a
constant of the code the page shows (a learning rate, a size, a coefficient of the
rule the data follows). Everything else is typed by hand and can drift from the
output box below it: `unbacked_numbers` lists it. Not counted: integers up to ten
(counts, indices, exponents), references to parts, examples, rules and steps,
software versions, bit widths, and whatever sits in code, headings, link targets,
HTML tags or comments.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

from booksite.hooks.cited_values import CITATION
from booksite.notebooks import FRONT_MATTER, snippet_includes

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)\n.*?^(?P=indent)(?P=fence)[ \t]*$", re.M | re.S
)
NOT_PROSE = [
    re.compile(r"`[^`\n]+`"),  # inline code
    re.compile(r"<!--.*?-->", re.S),  # comments
    re.compile(r"(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # link targets
    re.compile(r"\{[:#.][^}\n]*\}|\{\s*[\w-]+=[^}\n]*\}"),  # attribute lists
    re.compile(r"<[a-zA-Z/][^>\n]*>"),  # HTML tags and their attributes
    re.compile(r"https?://\S+"),
    re.compile(r"^\s*(?:\d+\.|[-*])\s", re.M),  # list markers
    re.compile(r"^#+ .*$", re.M),  # headings name examples and sections
    re.compile(  # references: Part 3b, examples 15, 20 and 23-25, rule 2, ex. 21
        r"\b(?:[Pp]arts?|[Ee]xamples?|ex\.|[Rr]ules?|[Ss]teps?|[Ll]ines?|[Cc]hapters?|[Ii]tems?)"
        r"\s+\d+[a-z]?(?:\s*(?:,|and|or|to|-|\u2013)\s*\d+[a-z]?)*"
    ),
    re.compile(  # versions: Python 3.11, torch 2.14.1
        r"\b(?:Python|PyTorch|torch|torchvision|NumPy|numpy|scikit-learn|matplotlib|MkDocs|Material|Node\.js|"
        r"version|v)\s*\d+(?:\.\d+)+\b"
    ),
    re.compile(r"\b\d+\.\d+\.\d+\b"),
    re.compile(r"\[\d+[a-z]?\]"),  # a numbered link: [11](#example-11-...)
    re.compile(r"\b\d+-bit\b"),  # float32 is 32-bit
]
NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])\d*\.?\d+(?:[eE][-+]?\d+)?")
SMALL = 10


@dataclass(frozen=True)
class Unbacked:
    page: str
    line: int
    number: str
    context: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.number} in “{self.context}”"


def value(token: str) -> float:
    return float(token.replace(",", "").replace("_", ""))


def code_constants(source: str) -> set[float]:
    """The numeric literals of Python source (10_000, 0.01, 1e-7), as values."""
    constants = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.NUMBER and not token.string.endswith(("j", "J")):
                constants.add(value(token.string))
    except (tokenize.TokenError, SyntaxError):
        pass
    return constants


def shown_code(page_text: str, root: Path) -> str:
    """The Python the page shows: its included snippets and its own python fences."""
    parts = [(root / spec.partition(":")[0]).read_text(encoding="utf-8") for spec in snippet_includes(page_text)]
    for fence in FENCE.finditer(page_text):
        if fence["info"].strip().split(" ")[0] in ("python", "py", "pycon"):
            parts.append(fence.group())
    return "\n".join(parts)


def blank(text: str, pattern: re.Pattern[str]) -> str:
    """Replace each match by spaces, keeping newlines, so line numbers stay right."""
    return pattern.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), text)


def unbacked_numbers(page: Path, root: Path, part: tuple[Path, ...] = ()) -> list[Unbacked]:
    """The numbers of `page`'s prose backed neither by a citation nor by a constant of the
    code shown on it or on the other pages of its `part` (a chapter split into pages
    speaks of the learning rate of the previous page's example)."""
    text = page.read_text(encoding="utf-8")
    front = FRONT_MATTER.match(text)
    prose = blank(text, FRONT_MATTER) if front else text
    code = code_constants(shown_code(text, root))
    for other in part:
        code |= code_constants(shown_code(other.read_text(encoding="utf-8"), root))
    for pattern in (FENCE, CITATION, *NOT_PROSE):
        prose = blank(prose, pattern)
    prose = prose.replace("{,}", ",")  # TeX's thousands separator: 203{,}530 is one number
    found = []
    for number, line in ((m, prose.count("\n", 0, m.start()) + 1) for m in NUMBER.finditer(prose)):
        token = number.group()
        if (token.isdigit() and int(token) <= SMALL) or value(token) in code:
            continue
        context = text.splitlines()[line - 1].strip()
        found.append(Unbacked(page.relative_to(root).as_posix(), line, token, context[:120]))
    return found
