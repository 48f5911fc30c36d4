"""Every link in the built site: internal ones must resolve, external ones are listed.

An internal link (relative, root-relative, or absolute under the site URL) must
name a file of the built site and, with a #fragment, an element with that id (or
name) in the target page. External links cannot be checked offline: they are
collected with the pages that use them, and checked by

    python -m booksite.site_links --external [SITE_DIR]    # or: nox -s external-links

which needs network access. `python -m booksite.site_links [SITE_DIR]` checks the
internal links only (the test in tests/site/ does the same).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import sys
import urllib.error
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from booksite.serve_site import DEFAULT_SITE, site_url, sitemap_urls

# Attributes that point somewhere, by tag.
LINK_ATTRIBUTES = {
    "a": ("href",),
    "link": ("href",),
    "img": ("src",),
    "script": ("src",),
    "source": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
}
SKIPPED_SCHEMES = ("javascript:", "mailto:", "data:", "tel:", "blob:", "about:")
# Link relations that are hints to the browser, not links a reader follows.
HINT_RELATIONS = {"preconnect", "dns-prefetch"}
USER_AGENT = "Mozilla/5.0 (compatible; ml-from-code link check)"


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


class LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key) and (key == "id" or tag == "a"):
                self.page.ids.add(values[key])
        if tag == "link" and HINT_RELATIONS & set((values.get("rel") or "").split()):
            return
        for attribute in LINK_ATTRIBUTES.get(tag, ()):
            value = (values.get(attribute) or "").strip()
            if value:
                self.page.links.append(value)


def parse(path: Path) -> Page:
    parser = LinkParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser.page


@dataclass
class LinkReport:
    broken: list[str] = field(default_factory=list)  # "page: link (why)"
    external: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # url -> pages


def target_file(site_dir: Path, path: str) -> Path | None:
    """The file a site path serves, as GitHub Pages resolves it (folder -> index.html)."""
    candidate = site_dir / unquote(path).lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check_site(site_dir: Path = DEFAULT_SITE) -> LinkReport:
    site_dir = site_dir.resolve()
    base = site_url(site_dir)
    base_path = urlsplit(base).path or "/"
    pages = {path: parse(path) for path in sorted(site_dir.rglob("*.html"))}
    report = LinkReport()
    for path, page in pages.items():
        relative = path.relative_to(site_dir).as_posix()
        # Where the page is served: a page's folder URL, or the file itself (404.html).
        served = base_path + (relative.removesuffix("index.html") if path.name == "index.html" else relative)
        for link in page.links:
            if link.lower().startswith(SKIPPED_SCHEMES):
                continue
            absolute = urljoin("http://site.invalid" + served, link)
            if absolute.startswith(base):  # the site's own absolute URL (canonical links)
                absolute = "http://site.invalid" + base_path + absolute.removeprefix(base)
            url, fragment = urldefrag(absolute)
            parts = urlsplit(url)
            if parts.netloc != "site.invalid":
                report.external[absolute].append(relative)
                continue
            if not parts.path.startswith(base_path):
                report.broken.append(f"{relative}: {link} (outside the site's path {base_path})")
                continue
            target = target_file(site_dir, parts.path[len(base_path) :])
            if target is None:
                report.broken.append(f"{relative}: {link} (no such file)")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(fragment) not in ids:
                    where = target.relative_to(site_dir)
                    report.broken.append(f"{relative}: {link} (no #{unquote(fragment)} in {where})")
    for url in sitemap_pages(site_dir, base):
        if target_file(site_dir, urlsplit(url).path[len(base_path) :]) is None:
            report.broken.append(f"sitemap.xml: {url} (no such page)")
    return report


def sitemap_pages(site_dir: Path, base: str) -> list[str]:
    return [url for url in sitemap_urls(site_dir) if url.startswith(base)]


def check_external(url: str, timeout: float = 20) -> str | None:
    """None if `url` answers (HEAD, or GET where HEAD is refused) with a status below 400, else why not."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(urldefrag(url)[0], method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if response.status < 400:
                    return None
                problem = f"HTTP {response.status}"
        except urllib.error.HTTPError as error:
            problem = f"HTTP {error.code}"
            if error.code in (403, 405, 501) and method == "HEAD":
                continue
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            problem = str(getattr(error, "reason", error))
        return problem
    return problem


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the built site's links.")
    parser.add_argument("site_dir", nargs="?", type=Path, default=DEFAULT_SITE)
    parser.add_argument("--external", action="store_true", help="also request every external link (needs network)")
    parser.add_argument("--list", type=Path, help="write the external links, with the pages using them, here")
    args = parser.parse_args(argv)
    report = check_site(args.site_dir)
    for broken in report.broken:
        print(f"broken: {broken}")
    print(f"{len(report.broken)} broken internal links; {len(report.external)} distinct external links")
    if args.list:
        args.list.parent.mkdir(parents=True, exist_ok=True)
        lines = [f"{url}\t{', '.join(sorted(set(pages)))}" for url, pages in sorted(report.external.items())]
        args.list.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"external links listed in {args.list}")
    failures = 0
    if args.external:
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            results = dict(zip(report.external, pool.map(check_external, report.external)))
        for url, problem in sorted(results.items()):
            where = f"  ({problem}; on {', '.join(sorted(set(report.external[url])))})" if problem else ""
            print(f"{'FAIL' if problem else 'ok  '} {url}{where}")
        failures = sum(1 for problem in results.values() if problem)
        print(f"{failures} of {len(results)} external links failed")
    return 1 if report.broken or failures else 0


if __name__ == "__main__":
    sys.exit(main())
