"""Every page is one a reader finishes in one sitting: at most 2,000 words of Markdown
and 10 code blocks (an included snippet, its output, an excerpt and the collapsed
complete file each count). An exercise's task counts; its collapsed solution box does
not: a reader opens it after trying, one at a time, and tests/test_exercises.py holds
each page to four of them at most. A chapter that outgrows this becomes a folder of pages
(docs/classification/, ...), with its old address kept by booksite/hooks/split_chapters.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_exercises import partition_solutions
from test_prose_numbers import PAGES, page_id

from booksite.prose_numbers import FENCE

MAX_WORDS = 2_000
MAX_CODE_BLOCKS = 10


def code_blocks(text: str) -> int:
    return sum(1 for _ in FENCE.finditer(text))


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_a_page_is_read_in_one_sitting(page: Path) -> None:
    text, _ = partition_solutions(page.read_text(encoding="utf-8"))
    words, blocks = len(text.split()), code_blocks(text)
    assert words <= MAX_WORDS and blocks <= MAX_CODE_BLOCKS, (
        f"docs/{page_id(page)}.md has {words:,} words and {blocks} code blocks (at most {MAX_WORDS:,} and "
        f"{MAX_CODE_BLOCKS}): split it at a section heading into a folder of pages (see docs/classification/)"
    )


def test_the_count_sees_fences_inside_boxes_and_tabs() -> None:
    text = (
        '```python\nx = 1\n```\n\n??? example "All"\n\n    ```python\n    x = 1\n    ```\n\n'
        '=== "A"\n\n    ```text\n    1\n    ```\n'
    )
    assert code_blocks(text) == 3


def test_solution_boxes_do_not_count_but_tasks_do() -> None:
    page = (
        "**1. A task (quick).** Change it.\n\n"
        '??? success "Solution: why"\n\n    Because.\n\n    ```python\n    x = 1\n    ```\n\n'
        "Text after the box.\n\n```python\ny = 2\n```\n"
    )
    lesson, boxes = partition_solutions(page)
    assert code_blocks(lesson) == 1 and "Because" not in lesson and "Text after the box." in lesson
    assert len(boxes) == 1 and code_blocks(boxes[0]) == 1
    assert len(lesson.split()) == len(page.split()) - len(boxes[0].split())
