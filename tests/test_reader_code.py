"""What a reader copies follows the book's idioms; these are the rules a machine can check.

Each snippet as its page shows it (`booksite.snippet_check.shown`) must not use the v1
torchvision transforms, a `BatchSampler` handed to a `DataLoader` with
`batch_size=None`, `fused=` optimizers, thread caps or the functional cross-entropy
(the book uses the module, `nn.CrossEntropyLoss`). A page's code fence that includes
a snippet must not pin `hl_lines` numbers: an excerpt is a named section of the file
(`--8<-- "NAME.py:section"`), so it follows the file when lines move.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from booksite.snippet_check.shown import shown_source

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = sorted((ROOT / "snippets").rglob("*.py"))
PAGES = sorted(path for path in (ROOT / "docs").glob("*.md"))
RULES = {
    r"\bToTensor\b|from torchvision import transforms\b|torchvision\.transforms\.(?!v2)": (
        "torchvision transforms v1: use torchvision.transforms.v2 (v2.ToImage, v2.ToDtype(..., scale=True))"
    ),
    r"\bBatchSampler\b|batch_size\s*=\s*None": (
        "a hand-made batch sampler: use DataLoader(dataset, batch_size=..., shuffle=True)"
    ),
    r"\bfused\s*=": "fused= is a speed switch the pages do not teach: leave the optimizer's default",
    r"set_num_threads|set_num_interop_threads": "thread caps belong to the test runner, not the reader's code",
    r"\bF\.cross_entropy\b|functional\.cross_entropy\b": "one loss style: nn.CrossEntropyLoss()",
}
FENCE_WITH_LINE_NUMBERS = re.compile(r"^\s*(`{3,}|~{3,}).*\bhl_lines\s*=", re.MULTILINE)


def idiom_problems(source: str) -> list[str]:
    """`line N: rule` for every line of `source` that breaks one of RULES (comments included)."""
    return [
        f"line {number}: {advice}"
        for number, line in enumerate(source.splitlines(), start=1)
        for pattern, advice in RULES.items()
        if re.search(pattern, line)
    ]


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_snippet_follows_the_idioms(snippet: Path) -> None:
    problems = idiom_problems(shown_source(snippet.read_text(encoding="utf-8")))
    assert not problems, f"{snippet.relative_to(ROOT)} (lines as the page shows them):\n  " + "\n  ".join(problems)


def test_no_page_pins_highlighted_line_numbers() -> None:
    pinned = [page.name for page in PAGES if FENCE_WITH_LINE_NUMBERS.search(page.read_text(encoding="utf-8"))]
    assert not pinned, f"hl_lines numbers go stale when a snippet changes; show a named section instead: {pinned}"


@pytest.mark.parametrize(
    "line",
    [
        "from torchvision import transforms",
        "transform = torchvision.transforms.ToTensor()",
        "loader = DataLoader(data, sampler=BatchSampler(order, 50, False), batch_size=None)",
        "optimizer = torch.optim.Adam(params, lr=0.05, fused=True)",
        "torch.set_num_threads(1)",
        "loss = F.cross_entropy(logits, labels)",
    ],
)
def test_each_rule_catches_its_pattern(line: str) -> None:
    assert idiom_problems(line)


def test_the_idioms_themselves_pass() -> None:
    source = (
        "from torchvision.transforms import v2\n"
        "loader = DataLoader(dataset, batch_size=50, shuffle=True)\n"
        "optimizer = torch.optim.Adam(model.parameters(), lr=0.05)\n"
        "loss_fn = nn.CrossEntropyLoss()\n"
    )
    assert idiom_problems(source) == []
