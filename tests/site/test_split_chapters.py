"""docs/hooks/split_chapters.py: old chapter addresses, and every section link into them, still land.

The built site (SITE_DIR, default site/) is checked against the sections the chapters
had while each was one page (their heading ids, as published).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from booksite.hooks.split_chapters import old_address_page

ROOT = Path(__file__).resolve().parents[2]
SITE_DIR = Path(os.environ.get("SITE_DIR", ROOT / "site"))
# The heading ids of each chapter when it was one page (the build of commit b8ea6d9).
OLD_SECTIONS = {
    "pytorch-step-by-step": [
        "the-data-and-the-shared-preamble",
        "example-7-tensors-instead-of-arrays",
        "autograd-gradients-without-the-derivation",
        "example-8-autograd-computes-the-gradients",
        "example-9-nnlinear-with-its-own-bias",
        "example-10-nnsequential-and-where-to-zero-the-gradients",
        "example-11-an-optimizer-and-a-loss-function",
        "mistake-1-forgetting-to-zero-the-gradients",
        "mistake-2-float64-numpy-data-against-a-float32-model",
        "example-12-the-model-as-an-nnmodule-subclass",
        "what-you-learned",
    ],
    "training-in-practice": [
        "example-13-four-features-with-plain-sgd",
        "why-the-bias-is-slow-a-badly-conditioned-valley",
        "example-14-adam",
        "the-two-optimizers-side-by-side",
        "example-15-epochs-and-minibatches",
        "example-16-hyperparameters-are-not-magic",
        "two-classic-mistakes",
        "a-relu-on-the-output-of-a-regression-model",
        "minibatch-loops-that-skip-rows",
        "beyond-a-rule-with-no-linear-form",
        "what-you-learned",
    ],
    "classification": [
        "example-17-four-colours-from-seven-rules",
        "why-the-last-500-rows-are-a-fair-test-here-and-when-they-are-not",
        "example-18-scikit-learn-first",
        "example-19-a-linear-classifier-from-raw-tensors",
        "example-20-nnsequential-and-standardized-inputs",
        "example-21-one-hidden-layer",
        "seeing-the-difference-decision-regions",
        "a-classic-mistake-forgetting-to-scale-the-test-set",
        "the-classifiers-side-by-side",
        "what-you-learned",
    ],
    "mnist": [
        "example-22-a-tour-of-the-data",
        "example-23-a-dataloader-with-transforms",
        "example-24-the-same-model-without-dataloader-or-transforms",
        "where-the-dataloaders-time-goes",
        "example-25-normalization-done-right",
        "a-look-alike-that-is-not-the-same-thing",
        "example-26-a-random-forest-on-the-same-images",
        "example-27-a-small-network-beats-the-forest",
        "what-you-learned",
    ],
}
TARGETS = re.compile(r"const pages = (?P<json>\{.*?\});")
FIRST = re.compile(r'<link rel="canonical" href="(?P<href>[^"]+)">')


def landing(chapter: str, section: str) -> Path:
    """The built page the old address sends `#section` to, as its script decides."""
    old = (SITE_DIR / chapter / "index.html").read_text(encoding="utf-8")
    targets = json.loads(TARGETS.search(old)["json"])
    return SITE_DIR / chapter / targets.get(section, FIRST.search(old)["href"]) / "index.html"


@pytest.fixture(scope="module", autouse=True)
def built_site() -> None:
    if not (SITE_DIR / "sitemap.xml").is_file():
        pytest.fail(f"No built site in {SITE_DIR}: run `nox -s docs` (or `mkdocs build`) first.")


@pytest.mark.parametrize(
    ("chapter", "section"), [(chapter, section) for chapter, ids in OLD_SECTIONS.items() for section in ids]
)
def test_an_old_section_link_opens_the_page_with_that_section(chapter: str, section: str) -> None:
    page = landing(chapter, section)
    assert page.is_file(), f"{chapter}/#{section} is sent to {page}, which the build did not write"
    assert f'id="{section}"' in page.read_text(encoding="utf-8"), f"{chapter}/#{section}: {page} has no such section"


def test_an_old_address_without_a_section_opens_the_first_page() -> None:
    for chapter in OLD_SECTIONS:
        first = landing(chapter, "")
        assert first.is_file() and "example" in first.read_text(encoding="utf-8")


def test_a_section_several_pages_share_opens_the_last_of_them() -> None:
    wrong = old_address_page("P", [("a/", "A", ["intro"]), ("b/", "B", ["intro", "what-you-learned"])])
    targets = json.loads(TARGETS.search(wrong)["json"])
    assert targets == {"intro": "b/", "what-you-learned": "b/"}  # a shared id goes to the last page
    assert FIRST.search(wrong)["href"] == "a/"
