"""Compare a snippet's recorded output with the output it prints today.

Each line is split into numbers and the text between them:
- text must match exactly, except trailing whitespace and runs of spaces, which
  count as one (a wider number may shift a table's columns);
- a number may group its thousands with commas (`6,482.3`, `10,000`): it is one
  number;
- integers must match exactly, as written (`10,000` is not `10000`);
- floats (a decimal point or an exponent) must satisfy
  |actual - recorded| <= atol + rtol * |recorded|, so float noise in the last
  digits passes while a real drift (1.29 -> 1.31) fails;
- text matching a snippet's `volatile` patterns (timings) is not compared.
A mismatch comes back as a message naming the first difference, then a unified diff.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

NUMBER = re.compile(
    r"(?<![\w.])[-+]?"
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+\.\d*|\.\d+|\d+)"  # grouped thousands first: 6,482.3 is one number
    r"(?:[eE][-+]?\d+)?(?!\w)(?!\.\d)"
)
SPACES = re.compile(r"[ \t]+")
VOLATILE_MARK = "<volatile>"


@dataclass(frozen=True)
class Tolerance:
    rtol: float
    atol: float

    def accepts(self, recorded: float, actual: float) -> bool:
        return abs(actual - recorded) <= self.atol + self.rtol * abs(recorded)


def _is_float(token: str) -> bool:
    return any(mark in token for mark in ".eE")


def _value(token: str) -> float:
    return float(token.replace(",", ""))


def _split(line: str, volatile: Sequence[re.Pattern[str]]) -> tuple[list[str], list[str]]:
    """Return the line's text pieces and its number tokens, volatile parts masked."""
    for pattern in volatile:
        line = pattern.sub(VOLATILE_MARK, line)
    line = SPACES.sub(" ", line.rstrip())
    return NUMBER.split(line), NUMBER.findall(line)


def _line_difference(
    recorded: str, actual: str, tolerance: Tolerance, volatile: Sequence[re.Pattern[str]]
) -> str | None:
    """Say why two lines differ, or return None when they match."""
    recorded_text, recorded_numbers = _split(recorded, volatile)
    actual_text, actual_numbers = _split(actual, volatile)
    if recorded_text != actual_text or len(recorded_numbers) != len(actual_numbers):
        return "the text differs"
    for want, got in zip(recorded_numbers, actual_numbers):
        if _is_float(want) != _is_float(got):
            return f"{got} is not the same kind of number as {want}"
        if not _is_float(want):
            if want != got:
                return f"integer {got} != recorded {want} (integers must match exactly)"
        elif not tolerance.accepts(_value(want), _value(got)):
            allowed = tolerance.atol + tolerance.rtol * abs(_value(want))
            return (
                f"{got} differs from recorded {want} by {abs(_value(got) - _value(want)):.3g}, "
                f"more than the tolerance {allowed:.3g} (rtol={tolerance.rtol:g}, atol={tolerance.atol:g})"
            )
    return None


def find_mismatch(
    recorded: str,
    actual: str,
    tolerance: Tolerance,
    volatile: Sequence[re.Pattern[str]] = (),
) -> str | None:
    """Return a one-line reason for the first difference, or None if the outputs agree."""
    recorded_lines = recorded.rstrip("\n").splitlines()
    actual_lines = actual.rstrip("\n").splitlines()
    for number, (want, got) in enumerate(zip(recorded_lines, actual_lines), start=1):
        reason = _line_difference(want, got, tolerance, volatile)
        if reason is not None:
            return f"line {number}: {reason}"
    if len(recorded_lines) != len(actual_lines):
        return f"{len(actual_lines)} lines printed, {len(recorded_lines)} recorded"
    return None


def unified_diff(recorded: str, actual: str, recorded_name: str, actual_name: str) -> str:
    """A unified diff from the recorded output to the actual one."""
    lines = difflib.unified_diff(
        recorded.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile=recorded_name,
        tofile=actual_name,
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
