"""MkDocs hook: what a reader gets around each page.

- the footer names the library versions the outputs were recorded with, read from
  constraints.txt (which packages: pyproject.toml's `book` and `torch` groups);
- a chapter (a page with a generated notebook in docs/notebooks/) offers its
  notebook: the rendered page, the .ipynb download and "Open in Colab";
- notebook pages (rendered by mkdocs-jupyter) get links that resolve on the site,
  no edit button (they are generated) and stay out of the search index;
- every page gets a meta description: its front matter's `description`, else its
  first paragraph of prose;
- a page the build writes (ignored by git, like the execution report) has no
  "edit"/"view source" buttons: there is no source to edit;
- a PNG figure gets its width and height, so the text below it does not jump when
  it loads (the stylesheet still scales it to the column); a figure below the first
  section heading loads when the reader nears it (`loading="lazy"`) and is decoded
  off the main thread, so it does not compete with what the first screen needs;
- the site gets a robots.txt that names its sitemap.
"""

from __future__ import annotations

import html
import posixpath
import re
import subprocess
import tomllib
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

RECORDED_GROUPS = ("book", "torch")
NOTEBOOK_DIR = "notebooks"
DESCRIPTION_LENGTH = 155


def requirement_name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def recorded_with(root: Path) -> list[dict[str, str]]:
    """[{name, version}] for Python and each package of the groups the snippets run with."""
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    pins = {}
    for line in (root / "constraints.txt").read_text(encoding="utf-8").splitlines():
        name, sep, version = line.partition("==")
        if sep and not line.startswith("#"):
            pins[normalized(name.strip())] = version.strip()
    python = pyproject["project"]["requires-python"].lstrip("=~<>!").removesuffix(".*")
    versions = [{"name": "Python", "version": python}]
    for group in RECORDED_GROUPS:
        for requirement in pyproject["dependency-groups"].get(group, []):
            if isinstance(requirement, str):
                name = requirement_name(requirement)
                versions.append({"name": name, "version": pins.get(normalized(name), "?")})
    return versions


def colab_base(repo_url: str | None, branch: str) -> str | None:
    """Colab opens a notebook from GitHub: https://colab.research.google.com/github/OWNER/REPO/blob/BRANCH/"""
    if not repo_url:
        return None
    parts = urlsplit(repo_url)
    path = parts.path.strip("/").removesuffix(".git")
    if parts.netloc != "github.com" or path.count("/") != 1:
        return None
    return f"https://colab.research.google.com/github/{path}/blob/{branch}/"


def notebook_src(page_src: str) -> str:
    """docs/a/b.md -> notebooks/a-b.ipynb (the naming of booksite/notebooks.py)."""
    return f"{NOTEBOOK_DIR}/{'-'.join(PurePosixPath(page_src).with_suffix('').parts)}.ipynb"


def is_notebook(page: Page) -> bool:
    return page.file.src_uri.startswith(f"{NOTEBOOK_DIR}/") and page.file.src_uri.endswith(".ipynb")


_FILES: Files | None = None  # this build's files, for finding a chapter's notebook


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _FILES
    _FILES = files
    return files


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    config.extra["recorded_with"] = recorded_with(root)
    config.extra["colab_base"] = colab_base(config.repo_url, config.extra.get("repo_branch") or "main")
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if is_notebook(page):
        # The notebook repeats its chapter: search should find the chapter once.
        page.meta["search"] = {"exclude": True}
    return markdown


HREF = re.compile(r'(?P<attr>href|src)="(?P<url>[^"#:?]+\.(?:md|ipynb))(?P<fragment>#[^"]*)?"')
EMPTY_SCRIPT = re.compile(r'<script src="">\s*</script>')
MATHJAX2_CONFIG = re.compile(r'<script type="text/x-mathjax-config">.*?</script>', re.DOTALL)
MERMAID_LOADER = re.compile(r'<script type="module">(?:(?!</script>).)*?mermaid.*?</script>', re.DOTALL)
IMG = re.compile(r"<img\b[^>]*>")
IMG_SRC = re.compile(r'\ssrc="(?P<src>[^"]+)"')


def png_size(path: Path) -> tuple[int, int] | None:
    with path.open("rb") as image:
        header = image.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n" or header[12:16] != b"IHDR":
        return None
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def sized_images(content: str, page: Page, files: Files) -> str:
    def add_size(match: re.Match[str]) -> str:
        tag = match[0]
        source = IMG_SRC.search(tag)
        if " width=" in tag or " height=" in tag or not source or ":" in source["src"]:
            return tag
        site_path = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.dest_uri), source["src"]))
        image = files.get_file_from_path(site_path)
        size = png_size(Path(image.abs_src_path)) if image and image.abs_src_path.endswith(".png") else None
        if not size:
            return tag
        return tag[:4] + f' width="{size[0]}" height="{size[1]}"' + tag[4:]

    return IMG.sub(add_size, content)


def lazy_images(content: str) -> str:
    """Figures below the first section heading: loaded near the viewport, decoded asynchronously.
    Formulas (prerender_math.py's images, data: URLs in the text) are drawn with their line."""
    first_section = content.find("<h2")
    if first_section < 0:
        return content

    def lazy(match: re.Match[str]) -> str:
        tag = match[0]
        if " loading=" in tag or ' src="data:' in tag:
            return tag
        return tag[:4] + ' loading="lazy" decoding="async"' + tag[4:]

    return content[:first_section] + IMG.sub(lazy, content[first_section:])


PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def notebook_links(content: str, page: Page, files: Files) -> str:
    """Links the notebook makes relative to docs/notebooks/ (for GitHub and Colab), made site URLs."""

    def replace(match: re.Match[str]) -> str:
        source = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), match["url"]))
        target = files.get_file_from_path(source)
        if target is None:
            return match[0]
        return f'{match["attr"]}="{target.url_relative_to(page.file)}{match["fragment"] or ""}"'

    return HREF.sub(replace, content)


MARKDOWN_CODE = re.compile(r'<div class="highlight">\s*<pre(?![^>]*tabindex)')
HEADING = re.compile(r'<h(?P<level>[1-6]) id="(?P<id>[^"]+)"[^>]*>(?P<inner>.*?)</h(?P=level)>', re.DOTALL)


def heading_text(inner: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", inner)).replace("¶", "").split())


def fix_notebook_toc(page: Page, content: str) -> None:
    """mkdocs-jupyter builds the table of contents from its own Markdown export, whose
    headings lose their inline code (and so their slug differs from the page's id):
    give its entries, in order, the ids and titles of the page's headings."""
    headings = [(match["id"], heading_text(match["inner"])) for match in HEADING.finditer(content)]
    entries = []

    def walk(items) -> None:
        for item in items:
            entries.append(item)
            walk(item.children)

    walk(page.toc)
    if len(entries) != len(headings):
        return  # not the same headings: leave it as it is (the link check reports what breaks)
    for entry, (anchor, title) in zip(entries, headings):
        entry.id, entry.title = anchor, html.escape(title, quote=False)


def first_paragraph(content: str) -> str | None:
    for paragraph in PARAGRAPH.findall(content):
        if "arithmatex" in paragraph or "$" in paragraph:
            continue  # TeX source makes a poor summary
        if re.fullmatch(r"\s*<em>.*</em>\s*", paragraph, re.DOTALL):
            continue  # an aside in italics (such as a notebook's "generated from" note)
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", paragraph)).split())
        if len(text) >= 40:
            if len(text) > DESCRIPTION_LENGTH:
                text = text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"
            return html.escape(text)  # the templates put it in an attribute as it is
    return None


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if is_notebook(page):
        content = notebook_links(content, page, files)
        # nbconvert's MathJax 2 loader (an empty src, as configured) and its config go:
        # the site's own MathJax 3 typesets notebook pages like every other page. So
        # does its Mermaid loader, which would import Mermaid from a CDN (these
        # notebooks have no diagrams).
        content = MATHJAX2_CONFIG.sub("", EMPTY_SCRIPT.sub("", content))
        content = MERMAID_LOADER.sub("", content)
        fix_notebook_toc(page, content)
        # Code cells scroll sideways: reachable with the keyboard, as Material's code blocks are.
        content = content.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')
        content = MARKDOWN_CODE.sub(r'\g<0> tabindex="0"', content)  # code blocks in Markdown cells
        page.title = f"{page.title} (notebook)"
    content = lazy_images(sized_images(content, page, files))
    if not page.meta.get("description"):
        description = first_paragraph(content)
        if description:
            page.meta["description"] = description
    return content


def generated(page: Page, config: MkDocsConfig) -> bool:
    """A page written by the build (ignored by git) has no source in the repository to edit."""
    root = Path(config.config_file_path).resolve().parent
    try:
        check = subprocess.run(
            ["git", "check-ignore", "--quiet", page.file.abs_src_path], cwd=root, capture_output=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return check.returncode == 0


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if page.edit_url and generated(page, config):
        page.edit_url = None
    if _FILES is None:
        return context
    base = config.extra.get("colab_base")
    if is_notebook(page):
        page.edit_url = None  # generated from its chapter: the chapter is what to edit
        chapter = next(
            (file for file in _FILES.documentation_pages() if notebook_src(file.src_uri) == page.file.src_uri), None
        )
        notebook, links = page.file, {"chapter": chapter.url if chapter else None}
    else:
        notebook = _FILES.get_file_from_path(notebook_src(page.file.src_uri))
        if notebook is None:
            return context
        links = {"page": notebook.url}
    context["notebook"] = {
        **links,
        "download": notebook.url + posixpath.basename(notebook.src_uri),
        "colab": f"{base}docs/{notebook.src_uri}" if base else None,
    }
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """robots.txt: everything may be crawled; the sitemap is here."""
    sitemap = f"{config.site_url or '/'}sitemap.xml"
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n"
    (Path(config.site_dir) / "robots.txt").write_text(robots, encoding="utf-8")
