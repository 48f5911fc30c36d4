"""The unbacked-number check flags a typed result and lets cited values and code constants pass."""

from __future__ import annotations

from pathlib import Path

from booksite.prose_numbers import unbacked_numbers

SNIPPET = "lr = 0.05\nx = rng.uniform(0, 10, size=(20_000, 5))\nprint(f'test accuracy {0.992:.3f}')\n"


def page_with(tmp_path: Path, prose: str) -> Path:
    (tmp_path / "snippets" / "part").mkdir(parents=True)
    (tmp_path / "snippets" / "part" / "run.py").write_text(SNIPPET, encoding="utf-8")
    (tmp_path / "snippets" / "part" / "run.out").write_text("test accuracy 0.992\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "page.md"
    include = '```python\n--8<-- "snippets/part/run.py"\n```\n'
    page.write_text(f"# Example 21\n\n{include}\n{prose}\n", encoding="utf-8")
    return page


def numbers(tmp_path: Path, prose: str) -> list[str]:
    return [found.number for found in unbacked_numbers(page_with(tmp_path, prose), tmp_path)]


def test_a_typed_result_is_listed_with_its_line(tmp_path: Path) -> None:
    page = page_with(tmp_path, "The accuracy ends at about 0.99.")
    [found] = unbacked_numbers(page, tmp_path)
    assert (found.number, found.line) == ("0.99", 7)
    assert "docs/page.md:7: 0.99" in str(found)


def test_a_cited_result_passes(tmp_path: Path) -> None:
    assert numbers(tmp_path, 'It ends at about {{ snippets/part/run.out "test accuracy" 2sig }}.') == []


def test_constants_of_the_shown_code_pass_in_any_spelling(tmp_path: Path) -> None:
    assert numbers(tmp_path, "Adam with learning rate 0.05 on 20,000 rows drawn from $[0, 10)$.") == []


def test_references_versions_and_small_counts_pass(tmp_path: Path) -> None:
    prose = "As in Part 3b and examples 15, 20 and 23-25, with Python 3.11 and torch 2.14.1, in two or 3 steps."
    assert numbers(tmp_path, prose) == []


def test_numbers_in_code_and_link_targets_are_not_prose(tmp_path: Path) -> None:
    prose = "Call `model(x)[:512]` as [example 21](page.md#example-21-one-hidden-layer) shows."
    assert numbers(tmp_path, prose) == []


def test_a_derived_number_is_not_a_constant(tmp_path: Path) -> None:
    assert numbers(tmp_path, "That is 195 minibatches per epoch.") == ["195"]


def test_a_numbered_link_is_a_reference_and_tex_grouping_is_one_number(tmp_path: Path) -> None:
    prose = "| [11](#example-11-an-optimizer) | a table row |\n\n$784 \\cdot 10 + 10 = 7{,}850$"
    assert numbers(tmp_path, prose) == ["784", "7,850"]


def test_a_small_number_in_scientific_notation_is_not_a_count(tmp_path: Path) -> None:
    assert numbers(tmp_path, "The loss levels off near 1e-10, in 3 steps.") == ["1e-10"]
