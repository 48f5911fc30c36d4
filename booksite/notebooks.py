"""Generate one Jupyter notebook per chapter from its page and its snippets.

A chapter is a page under docs/ that includes at least one snippet
(`--8<-- "snippets/....py"` alone in a code fence). Its notebook,
docs/notebooks/<page>.ipynb, holds the page's prose as Markdown cells and each
snippet, in page order, as one code cell whose outputs are the snippet's recorded
`.out`, stored as a kernel stores them: the printed text as a stdout stream and,
for a snippet that demonstrates an exception (`# output-check: raises=Type`, read
with the snippet check's own parser), the `Type: message` that ends its `.out` as an
`error` output (its traceback holds that line alone: the frames are not recorded),
the cell tagged `raises-exception` so that Jupyter runs on past it. Each code cell
names its snippet in its metadata (`snippet`), for `booksite/execute_notebooks.py`.

Includes follow pymdownx.snippets: `path` is the whole file without its section
markers, `path:example` the section `example` (the complete snippet after its check
header), `path:NAME` another section and `path:START:END` a line range. The first
complete include of a snippet (`path` or `path:example`) becomes its code cell. A
later complete include (a before/after tab shows a file again) becomes a one-line
note pointing back, and an excerpt (`path:NAME`, `path:START:END`) a Markdown code
block, no cell: the prose around it speaks of "this excerpt" or "the loop below",
so it stays, while the code that runs is in the cell of the complete file, once. The
page shows the complete file with every excerpt (`tests/test_notebooks.py` fails
when it does not). A `.out` include of a snippet that is a code cell is that cell's
output, so it is not repeated as text. Nothing in a notebook is written by hand:
this module is the only author.

Exercises: a page gives an exercise's answer in a collapsed solution box,
`??? success "Solution: ..."`, holding the solution snippet and its output. In the
notebook the exercise's task ends its Markdown cell and is followed by an exercise
cell, a code cell for the reader to work in (a comment only, tagged `exercise`, no
`snippet`), then the box as a Markdown cell and the solution snippet's code cell
with its recorded output, like any other.

The notebooks are committed, because "Open in Colab" opens a notebook from the
GitHub repository; `tests/test_notebooks.py` fails when one is stale. Regenerate:

    python -m booksite.notebooks            # or: nox -s notebooks
    python -m booksite.notebooks --check    # exit 1 and name the stale ones
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

# The citation syntax is the site hook's own, and the `# output-check:` syntax the snippet check's.
from booksite.hooks.cited_values import CitationError, substitute
from booksite.snippet_check.directives import parse_settings

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
NOTEBOOKS = DOCS / "notebooks"
# Folders under docs/ that hold no pages.
NOT_PAGES = ("notebooks", "javascripts", "stylesheets", "assets", "figures")

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
# pymdownx.snippets' section marker, `# --8<-- [start:NAME]` or `[end:NAME]`, anywhere in a line.
SECTION_MARKER = re.compile(
    r"-+8<-+[ \t]+\[[ \t]*(?P<type>start|end)[ \t]*:[ \t]*(?P<name>[a-z][-_0-9a-z]*)[ \t]*\]", re.I
)
COMPLETE_SECTION = "example"  # `path:example` is the complete snippet, without its check header
SOLUTION_KIND, SOLUTION_TITLE = "success", "Solution"  # `??? success "Solution: ..."` holds an exercise's answer
EXERCISE_TAG = "exercise"
EXERCISE_SOURCE = "# Your turn: write your answer here and run it, then compare it with the solution below."


@dataclass
class Chapter:
    page: Path  # docs/<name>.md
    includes: list[str] = field(default_factory=list)  # the first complete include of each snippet, in page order

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
    """Snippet include specs a page shows as code (complete files and excerpts), in page order."""
    return [spec for kind, spec, _ in blocks(text) if kind == "include" and spec.partition(":")[0].endswith(".py")]


def is_complete(spec: str) -> bool:
    """Whether an include shows the whole snippet (`path` or `path:example`), not an excerpt."""
    return spec.partition(":")[2] in ("", COMPLETE_SECTION)


def notebook_includes(text: str) -> list[str]:
    """The first complete include of each snippet the page shows, in page order: its code cells."""
    first: dict[str, str] = {}
    for spec in snippet_includes(text):
        if is_complete(spec):
            first.setdefault(spec.partition(":")[0], spec)
    return list(first.values())


def find_chapters(docs: Path = DOCS) -> list[Chapter]:
    chapters = []
    for page in sorted(docs.rglob("*.md")):
        if page.relative_to(docs).parts[0] in NOT_PAGES:
            continue
        includes = notebook_includes(page.read_text(encoding="utf-8"))
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


class RecordedOutputError(Exception):
    """A snippet that declares `raises=Type` has a `.out` that does not end with `Type: message`."""


def read_include(spec: str) -> str:
    """The text `--8<-- "path"`, `"path:SECTION"` or `"path:start:end"` puts in the page (pymdownx.snippets)."""
    path, _, selector = spec.partition(":")
    if not (ROOT / path).is_file():
        raise MissingInclude(f"{path} does not exist (record a snippet's output: nox -s snippets -- --update -k NAME)")
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    if selector[:1].isdigit() or selector.startswith(":"):
        start, _, end = selector.partition(":")
        lines = lines[int(start or 1) - 1 : int(end) if end else None]
    elif selector:
        lines = section(lines, selector, spec)
    return "".join(line + "\n" for line in lines if not SECTION_MARKER.search(line))


def section(lines: list[str], name: str, spec: str) -> list[str]:
    """The lines after `[start:NAME]` up to `[end:NAME]` or the end of the file."""
    start = next((i for i, line in enumerate(lines) if marker(line) == ("start", name)), None)
    if start is None:
        raise MissingInclude(f"{spec}: the file has no '# --8<-- [start:{name}]' line")
    end = next((i for i in range(start + 1, len(lines)) if marker(lines[i]) == ("end", name)), len(lines))
    return lines[start + 1 : end]


def marker(line: str) -> tuple[str, str] | None:
    """("start" or "end", section name) for a section marker line."""
    found = SECTION_MARKER.search(line)
    return (found["type"], found["name"]) if found else None


def recorded_outputs(snippet: str) -> list[nbformat.NotebookNode]:
    """A snippet's `.out` as a kernel stores it: a stdout stream, then its demonstrated exception as an error.

    A snippet never run here (`requires=` what the build lacks) has no `.out`, and its cell no output.
    """
    recorded = ROOT / Path(snippet).with_suffix(".out")
    if not recorded.is_file():
        return []
    text = recorded.read_text(encoding="utf-8")
    raises = parse_settings((ROOT / snippet).read_text(encoding="utf-8"), snippet).raises
    error = None
    if raises:
        lines = text.splitlines(keepends=True)
        starts = [i for i, line in enumerate(lines) if re.match(rf"{raises}:(?: |$)", line)]
        if not starts:
            raise RecordedOutputError(f"{recorded.relative_to(ROOT)} does not end with '{raises}: message'")
        text, message = "".join(lines[: starts[-1]]), "".join(lines[starts[-1] :]).rstrip("\n")
        evalue = message[len(raises) + 1 :].strip()
        error = new_output("error", ename=raises, evalue=evalue, traceback=[message])
    outputs = [new_output("stream", name="stdout", text=text)] if text else []
    return outputs + ([error] if error else [])


def code_cell(spec: str) -> nbformat.NotebookNode:
    """A snippet's code cell: the page's text of it, its recorded outputs, its path in the metadata."""
    path = spec.partition(":")[0]
    outputs = recorded_outputs(path)
    metadata: dict[str, object] = {"snippet": path}
    if any(output.output_type == "error" for output in outputs):
        metadata["tags"] = ["raises-exception"]  # Jupyter's tag: running the notebook goes on past it
    return new_code_cell(read_include(spec).rstrip("\n"), execution_count=None, outputs=outputs, metadata=metadata)


def solution_box(line: str) -> re.Match[str] | None:
    """The opening line of an exercise's solution box, `??? success "Solution: ..."`, matched; else None."""
    box = ADMONITION.match(line)
    is_solution = box and box["kind"] == SOLUTION_KIND and (box["title"] or "")[1:].startswith(SOLUTION_TITLE)
    return box if is_solution else None


def split_at_solution(markdown: str) -> tuple[str, str | None]:
    """Split Markdown that ends inside a solution box into (the text before the box, the box so far).

    The include that follows such Markdown is in the box: the exercise's solution. (markdown, None) when the
    text does not end inside a solution box.
    """
    lines = markdown.split("\n")
    for index in range(len(lines) - 1, -1, -1):
        box = solution_box(lines[index])
        if box:
            depth = len(box["indent"])
            inside = all(not line.strip() or len(line) - len(line.lstrip()) > depth for line in lines[index + 1 :])
            return ("\n".join(lines[:index]), "\n".join(lines[index:])) if inside else (markdown, None)
    return markdown, None


def exercise_cell() -> nbformat.NotebookNode:
    """The code cell left for the reader before an exercise's solution: a comment, no output, no snippet."""
    return new_code_cell(EXERCISE_SOURCE, execution_count=None, outputs=[], metadata={"tags": [EXERCISE_TAG]})


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
                if blanks and out[-1] != ">":  # a paragraph break (the title has one after it already)
                    out.append(">")
                out.append("> " + line[quote_indent:])
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
    try:
        page = substitute(chapter.page.read_text(encoding="utf-8"), ROOT)
    except CitationError as error:
        raise CitationError(f"{page_name}: {error}") from error
    code = set(chapter.includes)  # the includes that become code cells
    in_cells = {spec.partition(":")[0] for spec in code}
    prose: list[str] = []  # Markdown since the last code cell, one cell: includes that are no cell leave no seam

    def end_prose() -> None:
        if text := "\n\n".join(part for part in prose if part.strip()):
            cells.append(new_markdown_cell(text))
        prose.clear()

    for kind, content, _info in blocks(page):
        path = content.partition(":")[0]
        if kind == "markdown":
            task, solution = split_at_solution(content)
            prose.append(convert_markdown(task, chapter.page, chapter_pages))
            if solution is not None:  # the reader's cell comes between the exercise and its solution
                end_prose()
                cells.append(exercise_cell())
                prose.append(convert_markdown(solution, chapter.page, chapter_pages))
        elif content in code:
            end_prose()
            cells.append(code_cell(content))
            code.discard(content)
        elif path.endswith(".py") and is_complete(content):
            prose.append(f"*The page shows `{path}` again here: it is the code cell above.*")
        elif path.endswith(".py"):  # an excerpt: Markdown, as the prose around it expects it
            prose.append("```python\n" + read_include(content).rstrip("\n") + "\n```")
        elif str(Path(path).with_suffix(".py")) not in in_cells:  # a code cell's output is in the cell
            prose.append("```text\n" + read_include(content).rstrip("\n") + "\n```")
    end_prose()
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
    except (MissingInclude, RecordedOutputError, CitationError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def run(check: bool) -> int:
    if check:
        problems = stale_notebooks()
        for problem in problems:
            print(problem)
        if problems:
            print("Regenerate them with `nox -s notebooks` (or `python -m booksite.notebooks`) and commit.")
        return 1 if problems else 0
    for path in write_notebooks():
        print(f"wrote {path.relative_to(ROOT)}" if path.exists() else f"removed {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
