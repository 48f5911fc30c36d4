r"""Parse the `# output-check: key=value` comments a snippet may carry.

They sit in a header at the top of the snippet, above the line
`# --8<-- [start:example]`: the page shows the file from that line on
(`booksite.snippet_check.shown`), so the reader copies the example without them. A
directive anywhere else is an error, as it would be shown on the page:

    # output-check: rtol=0.01            relative tolerance for floats (default 1e-4)
    # output-check: atol=1e-4            absolute tolerance for floats (default 1e-6)
    # output-check: volatile=[\d.]+ s\b  text matching this regex is not compared
    # output-check: raises=RuntimeError  the snippet demonstrates this exception
    # output-check: warns=FutureWarning  the snippet demonstrates this warning (any other fails it)
    # output-check: timeout=60           seconds before the run is stopped (default 120)
    # output-check: requires=transformers,program:tesseract,host:huggingface.co   run only where these exist
    # output-check: requires=cuda        run only where PyTorch sees a CUDA GPU (torch.cuda.is_available())
    # output-check: inputs=data/prices/*.csv  data files it reads (re-run when they change)
    # output-check: exclusive=true       it uses several cores: run it with no other snippet beside it
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from booksite.snippet_check.shown import EXAMPLE_START

DIRECTIVE = re.compile(r"^\s*#\s*output-check:\s*(?P<key>[\w-]+)\s*=\s*(?P<value>.*?)\s*$")
DEFAULT_RTOL = 1e-4
DEFAULT_ATOL = 1e-6
DEFAULT_TIMEOUT_S = 120.0


class DirectiveError(ValueError):
    """A malformed `# output-check:` line, reported with its file and line."""


@dataclass(frozen=True)
class CheckSettings:
    rtol: float = DEFAULT_RTOL
    atol: float = DEFAULT_ATOL
    volatile: tuple[re.Pattern[str], ...] = ()
    raises: str | None = None
    timeout_s: float = DEFAULT_TIMEOUT_S
    requires: tuple[str, ...] = field(default_factory=tuple)
    inputs: tuple[str, ...] = field(default_factory=tuple)
    exclusive: bool = False
    warns: tuple[str, ...] = field(default_factory=tuple)


def parse_settings(source: str, filename: str | Path = "<snippet>") -> CheckSettings:
    """Collect the directives of one snippet's source into its settings."""
    values: dict[str, object] = {}
    volatile: list[re.Pattern[str]] = []
    in_header = True
    for lineno, line in enumerate(source.splitlines(), start=1):
        if line.strip() == EXAMPLE_START:
            in_header = False
        match = DIRECTIVE.match(line)
        if match is None:
            continue
        key, value = match["key"], match["value"]
        where = f"{filename}:{lineno}"
        if not in_header or EXAMPLE_START not in source:
            raise DirectiveError(
                f"{where}: '# output-check:' lines belong in the header above '{EXAMPLE_START}' "
                "(the page shows the file from that line on, so the reader does not copy them)"
            )
        try:
            if key in ("rtol", "atol"):
                values[key] = float(value)
            elif key == "timeout":
                values["timeout_s"] = float(value)
            elif key == "volatile":
                volatile.append(re.compile(value))
            elif key == "raises":
                if not value.isidentifier():
                    raise ValueError(f"expected an exception class name, got {value!r}")
                values["raises"] = value
            elif key == "exclusive":
                if value not in ("true", "false"):
                    raise ValueError(f"expected true or false, got {value!r}")
                values["exclusive"] = value == "true"
            elif key in ("requires", "inputs"):
                values[key] = tuple(part.strip() for part in value.split(",") if part.strip())
            elif key == "warns":
                categories = tuple(part.strip() for part in value.split(",") if part.strip())
                if not categories or not all(category.isidentifier() for category in categories):
                    raise ValueError(f"expected warning class names, got {value!r}")
                values["warns"] = categories
            else:
                raise ValueError(
                    f"unknown key {key!r} (known: rtol, atol, volatile, raises, warns, timeout, requires, inputs, "
                    "exclusive)"
                )
        except (ValueError, re.error) as error:
            raise DirectiveError(f"{where}: bad '# output-check:' line: {error}") from error
    return CheckSettings(volatile=tuple(volatile), **values)  # type: ignore[arg-type]
