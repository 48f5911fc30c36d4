"""The site build stops on a broken citation and names the page (docs/hooks/cited_values.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from booksite.hooks.cited_values import on_page_markdown
from mkdocs.exceptions import PluginError


def test_a_broken_citation_names_page_and_label(tmp_path: Path) -> None:
    (tmp_path / "snippets" / "part").mkdir(parents=True)
    (tmp_path / "snippets" / "part" / "run.out").write_text("epoch 100: loss 0.02\n", encoding="utf-8")
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    page = SimpleNamespace(file=SimpleNamespace(src_uri="classification.md"))
    with pytest.raises(PluginError, match='classification.md: .*"epoch 300".*no line contains'):
        on_page_markdown('{{ snippets/part/run.out "epoch 300" }}', page, config, None)  # type: ignore[arg-type]
    assert on_page_markdown('{{ snippets/part/run.out "loss" }}', page, config, None) == "0.02"  # type: ignore[arg-type]
