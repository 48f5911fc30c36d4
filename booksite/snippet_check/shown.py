"""What a page shows of a snippet, and so what a reader copies.

A snippet may open with a header for the output check (`# output-check:` lines)
followed by the marker `# --8<-- [start:example]`; the page includes the file from
that marker on (`--8<-- "snippets/ch/name.py:example"`). pymdownx.snippets drops
every section marker line (`# --8<-- [start:NAME]`, `# --8<-- [end:NAME]`) from what
it shows. `shown_source` applies the same rules, so the reader check runs the page's
text, not the file with its header.
"""

from __future__ import annotations

import re

EXAMPLE_START = "# --8<-- [start:example]"
SECTION_MARKER = re.compile(r"^\s*#\s*-{1,}8<-{1,}\s*\[\s*(?:start|end)\s*:\s*[a-z][-_0-9a-z]*\s*\]\s*$")


def shown_source(source: str) -> str:
    """The snippet as its page shows it in full: after the header, without section markers."""
    lines = source.splitlines(keepends=True)
    starts = [index for index, line in enumerate(lines) if line.strip() == EXAMPLE_START]
    if starts:
        lines = lines[starts[0] + 1 :]
        ends = [index for index, line in enumerate(lines) if line.strip() == "# --8<-- [end:example]"]
        lines = lines[: ends[0]] if ends else lines
    return "".join(line for line in lines if not SECTION_MARKER.match(line))
