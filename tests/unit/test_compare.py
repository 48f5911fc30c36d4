"""The output comparison accepts float noise and rejects real drift."""

import re

import pytest

from booksite.snippet_check.compare import Tolerance, find_mismatch, unified_diff
from booksite.snippet_check.directives import DEFAULT_ATOL, DEFAULT_RTOL

DEFAULT = Tolerance(DEFAULT_RTOL, DEFAULT_ATOL)


@pytest.mark.parametrize(
    ("recorded", "actual"),
    [
        ("w = 1.2900", "w = 1.2900"),
        ("loss 4.6e-07", "loss 5.1e-07"),  # noise far below anything printed on purpose
        ("w = 1.290000", "w = 1.290001"),
        ("bias -0.0000", "bias 0.0000"),
        ("accuracy 0.98600", "accuracy 0.98605"),
        ("a   b  1.5", "a b 1.5"),  # column alignment may move
        ("trailing spaces   ", "trailing spaces"),
        ("RMSE 6,482.31", "RMSE 6,482.32"),  # thousands grouped: one float, noise passes
        ("loss 1,000.0001", "loss 999.9999"),  # noise across a thousand: the grouping follows the value
        ("weights 0.5,0.25", "weights 0.5,0.25"),  # a comma between floats is text
    ],
)
def test_outputs_that_agree(recorded: str, actual: str) -> None:
    assert find_mismatch(recorded, actual, DEFAULT) is None


@pytest.mark.parametrize(
    ("recorded", "actual", "reason"),
    [
        ("w = 1.2900", "w = 1.3100", "1.3100 differs from recorded 1.2900"),
        ("accuracy 0.986", "accuracy 0.950", "0.950 differs from recorded 0.986"),
        ("the loss falls", "the loss rises", "the text differs"),
        ("samples: 50000", "samples: 50001", "integer 50001 != recorded 50000"),
        ("epoch 10", "epoch 10.0", "not the same kind of number"),
        ("a\nb", "a", "1 lines printed, 2 recorded"),
        ("a", "a\nb", "2 lines printed, 1 recorded"),
        ("x1 = 3", "x2 = 3", "the text differs"),  # digits inside a name are text
        ("images: 10,000", "images: 10,001", "integer 10,001 != recorded 10,000"),
        ("RMSE 6,482.3", "RMSE 5,980.1", "5,980.1 differs from recorded 6,482.3"),
        ("images: 10,000", "images: 10000", "integer 10000 != recorded 10,000"),
    ],
)
def test_outputs_that_differ(recorded: str, actual: str, reason: str) -> None:
    mismatch = find_mismatch(recorded, actual, DEFAULT)
    assert mismatch is not None and reason in mismatch


def test_mismatch_names_the_line() -> None:
    assert find_mismatch("a 1\nb 2.0", "a 1\nb 3.0", DEFAULT).startswith("line 2:")


def test_a_snippet_can_loosen_its_tolerance() -> None:
    assert find_mismatch("acc 0.950", "acc 0.955", DEFAULT) is not None
    assert find_mismatch("acc 0.950", "acc 0.955", Tolerance(rtol=0.01, atol=0)) is None


def test_a_tolerance_covers_the_whole_of_a_grouped_number() -> None:
    # 6,482.3 -> 5,980.1 is 7.7 %: were the comma a separator, "6" and "482.3" would be
    # compared apart and the tolerance would miss the thousands.
    assert find_mismatch("RMSE 6,482.3", "RMSE 5,980.1", Tolerance(rtol=0.1, atol=0)) is None
    assert find_mismatch("RMSE 6,482.3", "RMSE 5,480.1", Tolerance(rtol=0.1, atol=0)) is not None


def test_volatile_text_is_not_compared_but_the_rest_is() -> None:
    volatile = [re.compile(r"[\d.]+ s\b")]
    assert find_mismatch("knn 0.96  1.23 s", "knn 0.96  10.70 s", DEFAULT, volatile) is None
    assert find_mismatch("knn 0.96  1.23 s", "knn 0.91  1.23 s", DEFAULT, volatile) is not None


def test_diff_shows_recorded_and_actual_lines() -> None:
    diff = unified_diff("w 1.29\n", "w 1.31\n", "recorded", "actual")
    assert "-w 1.29" in diff and "+w 1.31" in diff and "--- recorded" in diff
