"""Citations of recorded outputs: the value, its format, and every way a citation breaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from booksite.hooks.cited_values import CitationError, cited_text, formatted, substitute

OUTPUT = """\
epoch   1: training loss 0.0861, test accuracy 0.970
epoch 100: training loss 0.0206, test accuracy 0.992
hidden layer (ex. 21)                  0.992     5.61 s
dead loss 4,712.3
"""


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("epoch 100: training loss", "0.0206"),
        ("epoch 100 ... test accuracy", "0.992"),
        ("epoch 1:", "0.0861"),  # spaces in a label match a run of spaces
        ("hidden layer (ex. 21)", "0.992"),
        ("dead loss", "4,712.3"),
    ],
)
def test_the_first_number_after_the_label(label: str, expected: str) -> None:
    assert cited_text(OUTPUT, label) == expected


@pytest.mark.parametrize(
    ("label", "problem"),
    [
        ("epoch 200", "no line contains"),
        ("test accuracy", "is on 2 lines"),
        ("5.61 s", "no number follows"),
    ],
)
def test_a_label_that_names_no_single_number_fails(label: str, problem: str) -> None:
    with pytest.raises(CitationError, match=problem):
        cited_text(OUTPUT, label)


def test_a_position_picks_a_column_of_a_table_row() -> None:
    assert cited_text(OUTPUT, "hidden layer (ex. 21)", 2) == "5.61"
    with pytest.raises(CitationError, match="fewer than 3 numbers follow"):
        cited_text(OUTPUT, "hidden layer (ex. 21)", 3)


def test_substitute_reads_position_and_format(tmp_path: Path) -> None:
    write_output(tmp_path, OUTPUT)
    page = '{{ snippets/part/run.out "hidden layer (ex. 21)" #2 .1f }} s'
    assert substitute(page, tmp_path) == "5.6 s"


@pytest.mark.parametrize(
    ("text", "spec", "expected"),
    [
        ("0.992", None, "0.992"),
        ("0.992", ".2f", "0.99"),
        ("0.973", ".1%", "97.3%"),
        ("0.992", "2sig", "0.99"),
        ("4,712.3", "2sig", "4,700"),
        ("4,712.3", ",.0f", "4,712"),
        ("0.00012345", "2sig", "0.00012"),
    ],
)
def test_formats(text: str, spec: str | None, expected: str) -> None:
    assert formatted(text, spec) == expected


def test_a_bad_format_is_named() -> None:
    with pytest.raises(CitationError, match="bad format 'x9'"):
        formatted("1.5", "x9")


def write_output(root: Path, text: str) -> None:
    (root / "snippets" / "part").mkdir(parents=True, exist_ok=True)
    (root / "snippets" / "part" / "run.out").write_text(text, encoding="utf-8")


def test_substitute_puts_the_value_in_the_sentence(tmp_path: Path) -> None:
    write_output(tmp_path, OUTPUT)
    page = 'It ends at about {{ snippets/part/run.out "epoch 100 ... test accuracy" 2sig }}, as printed.'
    assert substitute(page, tmp_path) == "It ends at about 0.99, as printed."


def test_a_changed_output_fails_the_citation_and_names_it(tmp_path: Path) -> None:
    write_output(tmp_path, OUTPUT.replace("epoch 100", "epoch 200"))
    citation = '{{ snippets/part/run.out "epoch 100 ... test accuracy" }}'
    with pytest.raises(CitationError, match=r"epoch 100 \.\.\. test accuracy.*no line contains"):
        substitute(f"It ends at {citation}.", tmp_path)


def test_a_missing_output_is_named(tmp_path: Path) -> None:
    with pytest.raises(CitationError, match=r"snippets/part/gone\.out does not exist"):
        substitute('{{ snippets/part/gone.out "x" }}', tmp_path)


@pytest.mark.parametrize(
    "typo",
    [
        "{{ snippets/part/run.out epoch 100 }}",
        '{{ snippets/part/run.out "epoch 100" 2 sig }}',
        '{{snippets/part/run "x"}}',
    ],
)
def test_a_malformed_citation_fails_instead_of_showing_braces(tmp_path: Path, typo: str) -> None:
    write_output(tmp_path, OUTPUT)
    with pytest.raises(CitationError, match="malformed citation"):
        substitute(f"It ends at {typo}.", tmp_path)
