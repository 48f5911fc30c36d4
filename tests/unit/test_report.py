"""The execution report lists every snippet slowest first, with totals and hits."""

import json
from pathlib import Path

from booksite.snippet_check.report import SLOW_SECONDS, Record, records_in, render, slowest_first, write

RECORDS = [
    Record("snippets/a/quick.py", 1.5, 100.0, "hit"),
    Record("snippets/a/slow.py", SLOW_SECONDS + 1, 900.0, "miss"),
    Record("snippets/b/middle.py", 4.0, 200.0, "miss"),
    Record("snippets/b/needs_gpu.py", 0.0, 0.0, "skipped"),
]


def table_rows(page: str) -> list[str]:
    return [line for line in page.splitlines() if line.startswith("| `")]


def test_rows_are_sorted_slowest_first() -> None:
    names = [record.snippet for record in slowest_first(RECORDS)]
    assert names == ["snippets/a/slow.py", "snippets/b/middle.py", "snippets/a/quick.py", "snippets/b/needs_gpu.py"]
    page = render(RECORDS, total_snippets=4, measured="today on this machine")
    assert [row.split("`")[1] for row in table_rows(page)] == names


def test_the_page_gives_totals_hits_and_where_it_was_measured() -> None:
    page = render(RECORDS, total_snippets=4, measured="2026-01-01 00:00 UTC on Linux x86_64")
    assert "machine-dependent" in page and "Measured 2026-01-01 00:00 UTC on Linux x86_64." in page
    assert f"**Total:** 4 snippets, {1.5 + SLOW_SECONDS + 1 + 4.0:.1f} s of run time" in page
    assert "largest peak memory 900 MiB" in page
    assert f"executed 2 ({SLOW_SECONDS + 5:.1f} s) and reused 1 from the cache" in page
    assert f"Over {SLOW_SECONDS:.0f} s: `snippets/a/slow.py`." in page
    assert "| `snippets/a/quick.py` | 1.50 | 100 | hit |" in page
    assert "| `snippets/b/needs_gpu.py` | n/a | n/a | skipped |" in page


def test_a_selection_says_so() -> None:
    page = render(RECORDS[:1], total_snippets=4, measured="now")
    assert "1 snippets (a selection of the 4)" in page and "Over 30 s: none." in page


def test_records_travel_as_test_properties() -> None:
    properties = [("other", {"x": 1}), *(record.as_property() for record in RECORDS)]
    assert records_in(properties) == RECORDS


def test_write_produces_the_page_and_its_json(tmp_path: Path) -> None:
    write(RECORDS, page=tmp_path / "docs/report.md", summary=tmp_path / "cache/last.json", total_snippets=4)
    assert (tmp_path / "docs/report.md").read_text(encoding="utf-8").startswith("# Execution report\n")
    summary = json.loads((tmp_path / "cache/last.json").read_text(encoding="utf-8"))
    assert summary["records"][0]["snippet"] == "snippets/a/slow.py"
    assert "UTC on" in summary["measured"]
