"""Every code block of README.md and the chapters that is not a snippet include is checked, or says why not.

`nox -s tests` runs pytest-codeblocks over README.md and docs/ (`pytest --codeblocks README.md docs/`): it runs
each block fenced exactly `python`, `sh` or `bash`, and compares what it prints with the block after an
`<!--pytest-codeblocks:expected-output-->` line where a page shows the output. A command it must not run here
(it needs the network, takes minutes, installs packages, serves the site) carries, on the line above its
fence, `<!--pytest.mark.skip(reason="why")-->`: pytest reports the block skipped with that reason, and
neither the site nor GitHub shows an HTML comment. This file checks the rest, with the plugin's own parser:

- every skip marker states its reason;
- a shell block the plugin does not run (`console`, a session with `$` prompts) carries a skip marker too;
- what an unrun command names exists: `nox -s NAME` a session of noxfile.py, `snippets/....py` a file,
  `NAME==VERSION` the pin of constraints.txt;
- a `py` block (a fragment of a snippet; README: "not executed") is valid Python, and a `# output-check:`
  example parses as the snippet check parses it;
- a `markdown` example's snippet includes and `{{ ... }}` citations resolve;
- every other block is in a language this file knows how to treat.
"""

from __future__ import annotations

import ast
import re
import sys
import textwrap
from pathlib import Path

import pytest
from pytest_codeblocks import CodeBlock, extract_from_file

from booksite.hooks.cited_values import CitationError, substitute
from booksite.notebooks import INCLUDE, MissingInclude, read_include
from booksite.snippet_check.directives import DirectiveError, parse_settings

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]

RUN = {"python", "sh", "bash"}  # pytest-codeblocks runs a block whose info string is exactly one of these
SHELL = {"console", "shell", "shell-session", "sh", "bash", "zsh"}
FRAGMENT = {"py"}  # README: "a fragment that only makes sense inside a snippet is fenced as `py`"
MARKDOWN = {"markdown", "md"}
OUTPUT = {"", "text", "txt"}  # shown output: nothing to run
SKIPS = {"skip", "skipif", "xfail"}

# Shell blocks of pages that have a notebook: a comment above the fence would enter the notebook's Markdown
# (booksite/notebooks.py keeps comments) and tests/test_notebooks.py would call the notebook stale, so their
# reasons are kept here, keyed by page and the block's first line.
REASONS_HERE = {
    ("docs/what-next.md", "$ pip install transformers pytesseract pillow"): (
        "installs packages from PyPI and tesseract with sudo apt, then downloads a model from Hugging Face"
    ),
}


def language(info: str | None) -> str:
    """`python title="x.py"` -> python; `{ .python .no-copy title="..." }` -> python."""
    info = (info or "").strip()
    if info.startswith("{"):
        found = re.search(r"\.([\w-]+)", info)
        return found[1] if found else ""
    return info.split()[0] if info else ""


def is_include(code: str) -> bool:
    """A snippet include (`--8<-- "snippets/..."`, every line): the snippet check's, not this file's."""
    lines = [line for line in code.splitlines() if line.strip()]
    return bool(lines) and all(INCLUDE.match(line) for line in lines)


def skip_markers(block: CodeBlock) -> tuple[bool, list[str]]:
    """(skipped, problems): whether the block has a skip/skipif/xfail marker, and each one without a reason.

    The markers are evaluated as pytest-codeblocks evaluates them.
    """
    skipped, problems = False, []
    for text in block.marks:
        try:
            mark = eval(text, {"sys": sys, "pytest": pytest}).mark
        except Exception as error:  # the plugin evaluates it the same way: it would fail at collection
            problems.append(f"marker `{text}` does not evaluate: {error!r}")
            continue
        if mark.name not in SKIPS:
            continue
        skipped = True
        reason = mark.kwargs.get("reason") or (mark.args[0] if mark.name == "skip" and mark.args else "")
        if not (isinstance(reason, str) and reason.strip()):
            problems.append(f'`<!--{text}-->` states no reason: write `<!--pytest.mark.skip(reason="why")-->`')
    return skipped, problems


def sessions() -> set[str]:
    """The nox sessions noxfile.py defines (`@nox.session(name=...)`, else the function's name)."""
    names = set()
    for node in ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8")).body:
        for decorator in getattr(node, "decorator_list", []):
            target = decorator.func if isinstance(decorator, ast.Call) else decorator
            if ast.unparse(target) != "nox.session":
                continue
            keywords = {k.arg: k.value for k in getattr(decorator, "keywords", [])}
            name = keywords.get("name")
            names.add(name.value if isinstance(name, ast.Constant) else node.name)
    return names


def pins() -> dict[str, str]:
    pinned = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        name, sep, version = line.partition("==")
        if sep and not line.startswith("#"):
            pinned[re.sub(r"[-_.]+", "-", name.strip().lower())] = version.strip()
    return pinned


def command_problems(code: str) -> list[str]:
    """What an unrun shell block names that is not there: nox sessions, snippet files, pins."""
    problems = []
    known_sessions, pinned = sessions(), pins()
    for name in re.findall(r"\bnox\s+-s\s+([\w-]+)", code):
        if name not in known_sessions:
            problems.append(f"`nox -s {name}`: noxfile.py has no session {name!r}")
    for path in re.findall(r"(?<![\w/.])(snippets/[\w/.-]+\.py)\b", code):
        if not (ROOT / path).is_file():
            problems.append(f"{path} does not exist")
    for name, version in re.findall(r"(?<![\w.-])([A-Za-z][\w.-]*)==([\w.]+)", code):
        key = re.sub(r"[-_.]+", "-", name.lower())
        if pinned.get(key) != version:
            problems.append(f"{name}=={version}: constraints.txt pins {name}=={pinned.get(key, '(nothing)')}")
    return problems


def fragment_problems(code: str) -> list[str]:
    source = textwrap.dedent(code)
    try:
        compile(source, "<fragment>", "exec")
    except SyntaxError as error:
        return [f"a `py` fragment must be valid Python: {error.msg} (its line {error.lineno})"]
    if "output-check:" in source:
        try:
            parse_settings(source, "<directive example>")
        except DirectiveError as error:
            return [f"the `# output-check:` example does not parse: {error}"]
    return []


def markdown_problems(code: str) -> list[str]:
    """A Markdown example's snippet includes and citations resolve, as the build resolves them."""
    problems = []
    for line in code.splitlines():
        include = INCLUDE.match(line)
        if include:
            try:
                read_include(include["spec"])
            except MissingInclude as error:
                problems.append(f"the example's include does not resolve: {error}")
    try:
        substitute(code, ROOT)
    except CitationError as error:
        problems.append(f"the example's citation does not resolve: {error}")
    return problems


def page_problems(page: Path, reasons_here: dict[tuple[str, str], str] = REASONS_HERE) -> list[str]:
    """`page:line: problem` for each block of the page that is neither checked nor marked with a reason."""
    name = page.relative_to(ROOT).as_posix() if page.is_relative_to(ROOT) else page.name
    problems = []
    for block in extract_from_file(page):
        if is_include(block.code):
            continue
        lang = language(block.syntax)
        skipped, found = skip_markers(block)
        first_line = next((line.strip() for line in block.code.splitlines() if line.strip()), "")
        if (name, first_line) in reasons_here:
            skipped = True
        run = block.syntax in RUN and not skipped
        if lang in SHELL or lang == "python":
            if not run and not skipped:
                found.append(
                    f"a `{block.syntax}` block pytest-codeblocks does not run: fence it `python`, `sh` or `bash` so "
                    'that it runs, or mark it `<!--pytest.mark.skip(reason="why")-->` on the line above'
                )
            if lang in SHELL and not run:
                found += command_problems(block.code)
        elif lang in FRAGMENT:
            found += fragment_problems(block.code)
        elif lang in MARKDOWN:
            found += markdown_problems(block.code)
        elif lang not in OUTPUT:
            found.append(f"a `{lang}` block: tests/test_codeblock_markers.py does not know how to check it")
        problems += [f"{name}:{block.lineno}: {problem}" for problem in found]
    return problems


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(ROOT).as_posix())
def test_every_block_is_checked_or_marked_with_a_reason(page: Path) -> None:
    problems = page_problems(page)
    assert not problems, "\n".join(problems)


def test_reasons_kept_here_name_blocks_that_exist() -> None:
    first_lines = {
        (page.relative_to(ROOT).as_posix(), block.code.strip().splitlines()[0].strip())
        for page in PAGES
        for block in extract_from_file(page)
        if block.code.strip()
    }
    assert not set(REASONS_HERE) - first_lines, "REASONS_HERE names a block no page has any more"


def test_pages_are_found() -> None:
    assert ROOT / "README.md" in PAGES
    assert ROOT / "docs" / "index.md" in PAGES


# Proofs that the check fails: each page below breaks one rule, and only that rule.
MARKER = '<!--pytest.mark.skip(reason="needs the network")-->'
GOOD = f"""\
Runs:

```bash
python -c "print(1)"
```

{MARKER}
```console
$ pip install "nox==2026.10.20" && python3 -m nox -s tests
```

```py
x = compute(y)  # a fragment
```

```text
1
```
"""
BROKEN = {
    "skip marker without reason": (MARKER, "<!--pytest.mark.skip-->"),
    "deprecated skip marker": (MARKER, "<!--pytest-codeblocks:skip-->"),
    "skipif without reason": (MARKER, "<!--pytest.mark.skipif(True, reason=' ')-->"),
    "console block unmarked": (MARKER + "\n", ""),
    "python with a title is not run": ('```bash\npython -c "print(1)"', '```python title="x.py"\nprint(1)'),
    "unknown session": ("nox -s tests", "nox -s nonexistent"),
    "stale pin": ("nox==2026.10.20", "nox==2020.1.1"),
    "missing snippet": ("python3 -m nox -s tests", "python snippets/nowhere/gone.py"),
    "fragment with a syntax error": ("x = compute(y)", "x = compute(y"),
    "unknown language": ("```text", "```toml"),
}


def write(tmp_path: Path, text: str) -> Path:
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    return page


def test_a_page_that_follows_the_rules_passes(tmp_path: Path) -> None:
    assert page_problems(write(tmp_path, GOOD)) == []


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the deprecated `pytest-codeblocks:skip`
@pytest.mark.parametrize("case", BROKEN)
def test_a_page_that_breaks_a_rule_fails(tmp_path: Path, case: str) -> None:
    old, new = BROKEN[case]
    assert old in GOOD
    problems = page_problems(write(tmp_path, GOOD.replace(old, new, 1)))
    assert len(problems) == 1, problems


def test_a_reason_kept_here_marks_a_block(tmp_path: Path) -> None:
    page = write(tmp_path, GOOD.replace(MARKER + "\n", ""))
    assert page_problems(page, {("page.md", '$ pip install "nox==2026.10.20" && python3 -m nox -s tests'): "x"}) == []


def test_broken_examples_fail(tmp_path: Path) -> None:
    directive = "```py\n# output-check: rtol=banana\n# --8<-- [start:example]\nprint(1)\n```\n"
    include = '````markdown\n```python\n--8<-- "snippets/nowhere/gone.py"\n```\n````\n'
    citation = '```markdown\n{{ snippets/classification/hidden_layer.out "no such label anywhere" }}\n```\n'
    for text in (directive, include, citation):
        assert len(page_problems(write(tmp_path, text))) == 1, text
