"""The reader copies what the page shows: the snippet after its check header, without section markers."""

from booksite.snippet_check.shown import shown_source

HEADER = "# Timings vary, so the check ignores them:\n# output-check: volatile=[\\d.]+ s\\b\n"


def test_the_check_header_is_not_shown() -> None:
    source = HEADER + '# --8<-- [start:example]\n"""Example."""\nprint("hi")\n'
    assert shown_source(source) == '"""Example."""\nprint("hi")\n'


def test_a_file_without_a_header_is_shown_whole() -> None:
    assert shown_source("import torch\nprint(1)\n") == "import torch\nprint(1)\n"


def test_excerpt_markers_inside_the_example_are_dropped() -> None:
    source = (
        "# --8<-- [start:example]\nx = 1\n    # --8<-- [start:training-loop]\n"
        "for _ in range(3):\n    x += 1\n    # --8<-- [end:training-loop]\nprint(x)\n"
    )
    assert shown_source(source) == "x = 1\nfor _ in range(3):\n    x += 1\nprint(x)\n"


def test_an_end_marker_ends_the_example() -> None:
    assert shown_source("# --8<-- [start:example]\nprint(1)\n# --8<-- [end:example]\nprint(2)\n") == "print(1)\n"
