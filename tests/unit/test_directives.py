"""`# output-check:` comments become the snippet's check settings."""

import pytest

from booksite.snippet_check.directives import DEFAULT_RTOL, DirectiveError, parse_settings


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
            "# --8<-- [start:example]",
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
        parse_settings(f"# why the check needs this:\n{line}\n# --8<-- [start:example]\nprint(1)\n", "demo.py")
    assert message in str(error.value)


@pytest.mark.parametrize(
    "source",
    [
        "# output-check: raises=RuntimeError\nraise RuntimeError\n",  # no header marker at all
        "# --8<-- [start:example]\nprint(1)\n# output-check: raises=RuntimeError\n",  # below it: on the page
    ],
)
def test_a_directive_the_page_would_show_is_an_error(source: str) -> None:
    with pytest.raises(DirectiveError, match=r"demo\.py:\d+: '# output-check:' lines belong in the header"):
        parse_settings(source, "demo.py")
