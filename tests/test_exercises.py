"""Every chapter page ends with 2-4 exercises, each answered by a checked snippet.

The section is `## Exercises`, right before `## What you learned`. A task is a
paragraph that starts `**N. Title (quick).**` or `(deeper)` (a title that is a question:
`**N. How many? (quick)**`), numbered from 1; after
it comes one collapsed box `??? success "Solution: ..."` that shows a solution snippet
of the page's chapter, `snippets/<chapter>/exercise_<what>.py`, and that snippet's
recorded output. The snippet check runs and asserts every snippet, so a solution
shown this way is checked on every build. Each solution snippet is shown by one box,
on one page. README.md ("Exercises") describes the pattern for authors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from booksite.notebooks import INCLUDE, ROOT, Chapter, find_chapters, solution_box

FEWEST, MOST = 2, 4
HEADING = re.compile(r"^## (?P<title>.+?)\s*$", re.M)
TASK = re.compile(r"^\*\*(?P<number>\d+)\. (?P<title>.+?) \((?P<kind>quick|deeper)\)\.?\*\*", re.M)
CHAPTERS = find_chapters()


@dataclass(frozen=True)
class Exercise:
    number: int
    title: str
    solution: str | None  # the solution box's text, None when the task has none


def included_paths(text: str) -> list[str]:
    """The files that pymdownx.snippets includes in `text` (a section or line range names its file)."""
    return [match["spec"].partition(":")[0] for match in map(INCLUDE.match, text.split("\n")) if match]


def partition_solutions(text: str) -> tuple[str, list[str]]:
    """(the text without its solution boxes, the boxes in order): a box is its opening line and every
    indented or blank line after it."""
    lesson: list[str] = []
    boxes: list[list[str]] = []
    inside = False
    for line in text.split("\n"):
        if inside and (not line.strip() or line.startswith((" ", "\t"))):
            boxes[-1].append(line)
        elif solution_box(line):
            boxes.append([line])
            inside = True
        else:
            lesson.append(line)
            inside = False
    return "\n".join(lesson), ["\n".join(box).rstrip() for box in boxes]


def exercises_section(text: str) -> tuple[str | None, str | None]:
    """(the `## Exercises` section's text, the title of the heading after it); (None, None) without one."""
    headings = list(HEADING.finditer(text))
    for index, heading in enumerate(headings):
        if heading["title"] == "Exercises":
            after = headings[index + 1] if index + 1 < len(headings) else None
            return text[heading.end() : after.start() if after else len(text)], after["title"] if after else None
    return None, None


def exercises(section: str) -> list[Exercise]:
    tasks = list(TASK.finditer(section))
    found = []
    for index, task in enumerate(tasks):
        end = tasks[index + 1].start() if index + 1 < len(tasks) else len(section)
        _, boxes = partition_solutions(section[task.end() : end])
        found.append(Exercise(int(task["number"]), task["title"], boxes[0] if len(boxes) == 1 else None))
    return found


def problems(text: str, chapter: str) -> list[str]:
    """What keeps a page's exercises from the pattern (empty when they follow it); `chapter` is the folder
    under snippets/ that holds the page's solutions."""
    section, next_heading = exercises_section(text)
    if section is None:
        return ["no `## Exercises` section"]
    found = []
    if next_heading != "What you learned":
        found.append(f"`## Exercises` is followed by `## {next_heading}`, not `## What you learned`")
    tasks = exercises(section)
    if not FEWEST <= len(tasks) <= MOST:
        found.append(f"{len(tasks)} exercises (a page has {FEWEST} to {MOST}, each `**N. Title (quick).**`)")
    for expected, task in enumerate(tasks, start=1):
        label = f"exercise {task.number} ({task.title})"
        if task.number != expected:
            found.append(f"{label} should be numbered {expected}")
        if task.solution is None:
            found.append(f'{label}: one `??? success "Solution: ..."` box must follow its task')
            continue
        includes = included_paths(task.solution)
        code = [path for path in includes if path.endswith(".py")]
        if len(code) != 1 or not re.fullmatch(rf"snippets/{chapter}/exercise_\w+\.py", code[0]):
            found.append(f"{label}: its box must show one snippet snippets/{chapter}/exercise_<what>.py, not {code}")
        elif code[0].removesuffix(".py") + ".out" not in includes:
            found.append(f"{label}: its box shows {code[0]} but not its recorded output (.out)")
    return found


def solution_chapter(page_includes: list[str]) -> str:
    """The folder under snippets/ of the page's first snippet: its solutions live beside it."""
    return Path(page_includes[0]).parent.name


def chapter_id(chapter: Chapter) -> str:
    return chapter.page.relative_to(ROOT / "docs").with_suffix("").as_posix()


@pytest.mark.parametrize("chapter", CHAPTERS, ids=chapter_id)
def test_every_chapter_page_ends_with_checked_exercises(chapter: Chapter) -> None:
    text = chapter.page.read_text(encoding="utf-8")
    found = problems(text, solution_chapter(chapter.includes))
    assert not found, f"{chapter.page.relative_to(ROOT)}: " + "; ".join(found)


def test_each_solution_snippet_is_shown_by_one_box() -> None:
    shown: dict[str, list[str]] = {}
    for chapter in CHAPTERS:
        for box in partition_solutions(chapter.page.read_text(encoding="utf-8"))[1]:
            for path in included_paths(box):
                if path.endswith(".py"):
                    shown.setdefault(path, []).append(str(chapter.page.relative_to(ROOT)))
    solutions = {path.relative_to(ROOT).as_posix() for path in ROOT.glob("snippets/*/exercise_*.py")}
    unshown = sorted(solutions - set(shown))
    repeated = {path: pages for path, pages in shown.items() if len(pages) > 1}
    assert not unshown and not repeated, f"not in any solution box: {unshown}; in several: {repeated}"


def task(number: int, stem: str = "", kind: str = "quick", chapter: str = "demo") -> str:
    stem = stem or f"exercise_{number}"
    return (
        f"**{number}. Task {number} ({kind}).** Change the code.\n\n"
        f'??? success "Solution: task {number}"\n\n    Because.\n\n'
        f'    ```python title="snippets/{chapter}/{stem}.py"\n    --8<-- "snippets/{chapter}/{stem}.py"\n    ```\n\n'
        f'    ```text title="Output"\n    --8<-- "snippets/{chapter}/{stem}.out"\n    ```\n\n'
    )


def page(*tasks: str, after: str = "What you learned") -> str:
    return "# A page\n\n## Example\n\nText.\n\n## Exercises\n\nTry them.\n\n" + "".join(tasks) + f"## {after}\n\n- x\n"


def test_a_page_that_follows_the_pattern_passes() -> None:
    assert problems(page(task(1), task(2, kind="deeper"), task(3)), "demo") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# A page\n\n## What you learned\n", "no `## Exercises` section"),
        (page(task(1), task(2), after="Example 9"), "followed by `## Example 9`"),
        (page(task(1)), "1 exercises"),
        (page(*(task(n) for n in range(1, 6))), "5 exercises"),
        (page(task(1), task(3)), "exercise 3 (Task 3) should be numbered 2"),
        (page(task(1), "**2. No answer (quick).** Try.\n\n"), "exercise 2 (No answer): one `??? success"),
        (page(task(1), task(2).replace('    --8<-- "snippets/demo/exercise_2.out"\n', "")), "not its recorded output"),
        (page(task(1), task(2, chapter="other")), "must show one snippet snippets/demo/exercise_<what>.py"),
        (page(task(1), task(2, stem="helper")), "must show one snippet"),
        (page(task(1), task(2).replace("(quick)", "(easy)")), "1 exercises"),
    ],
    ids=[
        "no-section",
        "wrong-next-heading",
        "too-few",
        "too-many",
        "numbering-gap",
        "task-without-solution",
        "solution-without-output",
        "other-chapter",
        "not-an-exercise-snippet",
        "unmarked-difficulty",
    ],
)
def test_a_page_off_the_pattern_fails_saying_why(text: str, expected: str) -> None:
    found = problems(text, "demo")
    assert any(expected in problem for problem in found), found
