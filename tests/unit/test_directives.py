"""`# output-check:` comments become the snippet's check settings."""

import pytest
from snippet_check.directives import DEFAULT_RTOL, DirectiveError, parse_settings


def test_defaults_without_directives() -> None:
    settings = parse_settings("print(1)\n")
    assert settings.rtol == DEFAULT_RTOL and settings.raises is None and settings.volatile == ()


def test_every_directive_is_read() -> None:
    source = "\n".join(
        [
            "# output-check: rtol=0.01",
            "# output-check: atol=1e-4",
            r"# output-check: volatile=[\d.]+ s\b",
            "# output-check: raises=RuntimeError",
            "# output-check: timeout=60",
            "# output-check: requires=transformers, host:example.org",
            "# output-check: inputs=data/a.csv, data/b/*.npy",
            "# output-check: exclusive=true",
        ]
    )
    settings = parse_settings(source)
    assert (settings.rtol, settings.atol, settings.timeout_s) == (0.01, 1e-4, 60.0)
    assert settings.volatile[0].pattern == r"[\d.]+ s\b"
    assert settings.raises == "RuntimeError"
    assert settings.requires == ("transformers", "host:example.org")
    assert settings.inputs == ("data/a.csv", "data/b/*.npy")
    assert settings.exclusive is True


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("# output-check: tolerance=0.1", "unknown key 'tolerance'"),
        ("# output-check: rtol=loose", "could not convert"),
        ("# output-check: volatile=[unclosed", "unterminated character set"),
        ("# output-check: raises=not a name", "exception class name"),
        ("# output-check: exclusive=yes", "expected true or false"),
    ],
)
def test_bad_directives_name_file_and_line(line: str, message: str) -> None:
    with pytest.raises(DirectiveError, match=r"demo\.py:2") as error:
        parse_settings(f"print(1)\n{line}\n", "demo.py")
    assert message in str(error.value)
