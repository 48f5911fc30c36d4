"""MkDocs hook: the old address of a chapter that became a folder of pages keeps working.

`extra.split_chapters` in mkdocs.yml names such chapters (`classification` was
docs/classification.md, its pages are now docs/classification/*.md). For each, the
build writes the old address (site/classification/index.html) as a page that sends
the reader to the new page holding the section the old link named:
`classification/#example-21-one-hidden-layer` opens
`classification/hidden-layer/#example-21-one-hidden-layer`, and a link without a
section, or with one no page has, opens the part's first page. A section name several
pages share (`#what-you-learned`) opens the last of them, where the chapter's summary
was. Without JavaScript a meta refresh opens the first page, and the page lists the
part's pages. mkdocs-redirects does the page-to-page part of this, but sends every
section of an old page to one new page.
"""

from __future__ import annotations

import html
import json
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

_PAGES: list[Page] = []  # this build's pages in navigation order


def section_ids(links: list[AnchorLink]) -> list[str]:
    """Every section heading id (level 2 and below) of a table of contents, depth first."""
    ids = []
    for link in links:
        ids += ([link.id] if link.level > 1 else []) + section_ids(link.children)
    return ids


def section_pages(pages: list[tuple[str, list[str]]]) -> dict[str, str]:
    """{section id: address of the page that holds it}; a later page wins a shared id."""
    return {id_: url for url, ids in pages for id_ in ids}


def old_address_page(title: str, pages: list[tuple[str, str, list[str]]]) -> str:
    """The HTML of an old chapter address; `pages` are (address relative to it, title, section ids)."""
    first = html.escape(pages[0][0])
    targets = json.dumps(section_pages([(url, ids) for url, _, ids in pages])).replace("</", "<\\/")
    items = "\n".join(f'<li><a href="{html.escape(url)}">{html.escape(name)}</a></li>' for url, name, _ in pages)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>{html.escape(title)}</title>
<link rel="canonical" href="{first}">
<script>
const pages = {targets};
let section = "";
try {{ section = decodeURIComponent(location.hash.slice(1)); }} catch (malformed) {{}}
location.replace((Object.hasOwn(pages, section) ? pages[section] : "{first}") + location.hash);
</script>
<noscript><meta http-equiv="refresh" content="0; url={first}"></noscript>
</head>
<body>
<h1>{html.escape(title)}</h1>
<p>This part of the book is now on several pages:</p>
<ul>
{items}
</ul>
</body>
</html>
"""


def on_nav(nav: Navigation, config: MkDocsConfig, **kwargs: object) -> Navigation:
    _PAGES[:] = nav.pages
    return nav


def on_post_build(config: MkDocsConfig) -> None:
    for chapter in config.extra.get("split_chapters", []):
        pages = [page for page in _PAGES if page.file.src_uri.startswith(f"{chapter}/")]
        if not pages:
            raise PluginError(f"extra.split_chapters: no page in docs/{chapter}/ is in the nav")
        old = Path(config.site_dir) / chapter / "index.html"
        if old.exists():
            raise PluginError(f"extra.split_chapters: {chapter}/ is the address of a page, not a free old address")
        title = pages[0].parent.title if pages[0].parent else chapter
        listed = [
            (posixpath.relpath(page.url, chapter) + "/", page.title or page.url, section_ids(list(page.toc)))
            for page in pages
        ]
        old.write_text(old_address_page(title, listed), encoding="utf-8")
