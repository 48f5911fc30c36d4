"""Generate one Jupyter notebook per chapter from its page and its snippets.

A chapter is a page under docs/ that includes at least one snippet
(`--8<-- "snippets/....py"` alone in a code fence). Its notebook,
docs/notebooks/<page>.ipynb, holds the page's prose as Markdown cells and each
included snippet, in page order, as a code cell whose recorded output (the `.out`
include that follows it) is the cell's output. Nothing in a notebook is written by
hand: this module is the only author.

The notebooks are committed, because "Open in Colab" opens a notebook from the
GitHub repository; `tests/test_notebooks.py` fails when one is stale. Regenerate:

    python tools/notebooks.py            # or: nox -s notebooks
    python tools/notebooks.py --check    # exit 1 and name the stale ones
"""

from __future__ import annotations

import argparse
import hashlib
import posixpath
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs" / "hooks"))  # the citation syntax is the site hook's own
from cited_values import CitationError, substitute  # noqa: E402

DOCS = ROOT / "docs"
NOTEBOOKS = DOCS / "notebooks"
# Folders under docs/ that hold no pages.
NOT_PAGES = ("hooks", "overrides", "notebooks", "javascripts", "stylesheets", "assets", "figures")

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
INCLUDE = re.compile(r"""^\s*--8<--\s+(?P<quote>["'])(?P<spec>[^"']+)(?P=quote)\s*$""")
FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.DOTALL)
ADMONITION = re.compile(
    r"""^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)"""
    r"""(?:\s+(?P<title>"(?:[^"\\]|\\.)*"|'[^']*'))?\s*$"""
)
TAB = re.compile(r"""^(?P<indent>[ \t]*)===\+?\s+(?P<title>"[^"]*"|'[^']*')\s*$""")
ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)(?:\{[^}]*\})?")
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<href>[^)\s]+)\)")


@dataclass
class Chapter:
    page: Path  # docs/<name>.md
    includes: list[str] = field(default_factory=list)  # its snippet includes, in page order

    @property
    def snippets(self) -> list[Path]:
        return [ROOT / spec.partition(":")[0] for spec in self.includes]

    @property
    def notebook(self) -> Path:
        return notebook_path(self.page)


def notebook_path(page: Path) -> Path:
    """docs/a/b.md -> docs/notebooks/a-b.ipynb"""
    relative = page.relative_to(DOCS).with_suffix("")
    return NOTEBOOKS / ("-".join(relative.parts) + ".ipynb")


def snippet_includes(text: str) -> list[str]:
    """Snippet paths a page includes as code, in page order."""
    return [spec for kind, spec, _ in blocks(text) if kind == "include" and spec.endswith(".py")]


def find_chapters(docs: Path = DOCS) -> list[Chapter]:
    chapters = []
    for page in sorted(docs.rglob("*.md")):
        if page.relative_to(docs).parts[0] in NOT_PAGES:
            continue
        includes = snippet_includes(page.read_text(encoding="utf-8"))
        if includes:
            chapters.append(Chapter(page, includes))
    return chapters


def blocks(text: str):
    """Split a page into ("markdown", text, None), ("include", path, info) and fenced blocks kept as markdown."""
    lines = FRONT_MATTER.sub("", text, count=1).splitlines()
    markdown: list[str] = []
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            markdown.append(lines[i])
            i += 1
            continue
        fence = opening["fence"]
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        end = i + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        body = [line for line in lines[i + 1 : end] if line.strip()]
        include = INCLUDE.match(body[0]) if len(body) == 1 else None
        if include and include["spec"].startswith("snippets/"):
            if markdown:
                yield "markdown", "\n".join(markdown), None
                markdown = []
            yield "include", include["spec"], opening["info"]
        else:
            markdown.extend(lines[i : end + 1])
        i = end + 1
    if markdown:
        yield "markdown", "\n".join(markdown), None


class MissingInclude(Exception):
    """A page includes a file that is not there."""


def read_include(spec: str) -> str:
    """The text `--8<-- "path"` or `--8<-- "path:start:end"` puts in the page."""
    path, _, lines = spec.partition(":")
    if not (ROOT / path).is_file():
        raise MissingInclude(f"{path} does not exist (record a snippet's output: nox -s snippets -- --update -k NAME)")
    text = (ROOT / path).read_text(encoding="utf-8")
    if lines:
        start, _, end = lines.partition(":")
        selected = text.splitlines()[int(start or 1) - 1 : int(end) if end else None]
        text = "\n".join(selected) + "\n"
    return text


def convert_markdown(text: str, page: Path, chapter_pages: set[Path]) -> str:
    """Page Markdown (Material, pymdownx) to Markdown that Jupyter and Colab render."""
    out: list[str] = []
    quote_indent: int | None = None  # indentation of the admonition body being quoted
    blanks = 0  # blank lines seen inside it, written once we know whether it goes on
    for line in text.splitlines():
        if ABBREVIATION.match(line):
            continue
        if quote_indent is not None:
            if not line.strip():
                blanks += 1
                continue
            if len(line) - len(line.lstrip()) >= quote_indent:
                out.extend([">"] * blanks + ["> " + line[quote_indent:]])
                blanks = 0
                continue
            out.extend([""] * blanks)
            quote_indent, blanks = None, 0
        admonition = ADMONITION.match(line)
        if admonition:
            title = (admonition["title"] or "")[1:-1].replace('\\"', '"') or admonition["kind"].capitalize()
            out.append(f"> **{title}**")
            out.append(">")
            quote_indent = len(admonition["indent"]) + 4
            continue
        tab = TAB.match(line)
        if tab:
            out.append(f"**{tab['title'].strip(chr(34) + chr(39))}**")
            out.append("")
            continue
        out.append(line)
    while out and out[-1] in (">", ""):
        out.pop()
    markdown = "\n".join(out).strip("\n")
    markdown = IMAGE.sub(lambda m: figure_note(m["alt"]), markdown)
    return LINK.sub(lambda m: rewrite_link(m["text"], m["href"], page, chapter_pages), markdown)


def figure_note(alt: str) -> str:
    # Figures are drawn by the snippets and are not in the repository: the notebook
    # draws them itself when its cells run.
    return f"*(Figure: {alt.strip() or 'drawn by the code'}. Run the code cell above to draw it.)*"


def rewrite_link(text: str, href: str, page: Path, chapter_pages: set[Path]) -> str:
    """Links between pages, made to work from docs/notebooks/ (on GitHub, in Jupyter, in Colab)."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE):
        return f"[{text}]({href})"  # external
    if href.startswith("#"):
        return text  # anchors differ between the page and the notebook
    target, _, fragment = href.partition("#")
    if not target.endswith(".md"):
        return f"[{text}]({href})"
    resolved = Path(posixpath.normpath(posixpath.join(page.parent.relative_to(DOCS).as_posix(), target)))
    if DOCS / resolved in chapter_pages:
        return f"[{text}]({notebook_path(DOCS / resolved).name})"
    relative = posixpath.relpath(resolved.as_posix(), "notebooks")
    return f"[{text}]({relative}{'#' + fragment if fragment else ''})"


def cell_id(index: int, source: str) -> str:
    return hashlib.sha1(f"{index}\n{source}".encode()).hexdigest()[:12]


def build_notebook(chapter: Chapter, chapter_pages: set[Path]) -> nbformat.NotebookNode:
    page_name = chapter.page.relative_to(ROOT).as_posix()
    cells = [
        new_markdown_cell(
            f"*This notebook is generated from [{page_name}]({posixpath.relpath(page_name, 'docs/notebooks')}) "
            "and the snippets it includes; each output shown is the one recorded by running that snippet.*"
        )
    ]
    last_code = None  # the code cell an output include belongs to
    try:
        page = substitute(chapter.page.read_text(encoding="utf-8"), ROOT)
    except CitationError as error:
        raise CitationError(f"{page_name}: {error}") from error
    for kind, content, _info in blocks(page):
        if kind == "markdown":
            markdown = convert_markdown(content, chapter.page, chapter_pages)
            if markdown.strip():
                cells.append(new_markdown_cell(markdown))
                last_code = None
        elif content.endswith(".py"):
            last_code = new_code_cell(read_include(content).rstrip("\n"), execution_count=None)
            cells.append(last_code)
        elif last_code is not None and not last_code.outputs:
            last_code.outputs.append(new_output("stream", name="stdout", text=read_include(content)))
        else:
            cells.append(new_markdown_cell("```text\n" + read_include(content).rstrip("\n") + "\n```"))
    for index, cell in enumerate(cells):
        cell.id = cell_id(index, cell.source)
    notebook = new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    return notebook


def render(chapter: Chapter, chapter_pages: set[Path]) -> str:
    return nbformat.writes(build_notebook(chapter, chapter_pages)) + "\n"


def expected_notebooks() -> dict[Path, str]:
    chapters = find_chapters()
    pages = {chapter.page for chapter in chapters}
    return {chapter.notebook: render(chapter, pages) for chapter in chapters}


def stale_notebooks() -> list[str]:
    """What differs between docs/notebooks/ and what the pages generate: missing, changed, extra."""
    expected = expected_notebooks()
    problems = []
    for path, text in expected.items():
        if not path.is_file():
            problems.append(f"{path.relative_to(ROOT)} is missing")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"{path.relative_to(ROOT)} is stale")
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        if path not in expected:
            problems.append(f"{path.relative_to(ROOT)} belongs to no chapter")
    return problems


def write_notebooks() -> list[Path]:
    expected = expected_notebooks()
    NOTEBOOKS.mkdir(exist_ok=True)
    written = []
    for path, text in expected.items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    for path in NOTEBOOKS.glob("*.ipynb"):
        if path not in expected:
            path.unlink()
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale notebooks; exit 1 if any")
    args = parser.parse_args(argv)
    try:
        return run(args.check)
    except (MissingInclude, CitationError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def run(check: bool) -> int:
    if check:
        problems = stale_notebooks()
        for problem in problems:
            print(problem)
        if problems:
            print("Regenerate them with `nox -s notebooks` (or `python tools/notebooks.py`) and commit.")
        return 1 if problems else 0
    for path in write_notebooks():
        print(f"wrote {path.relative_to(ROOT)}" if path.exists() else f"removed {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
