"""Serve the built site on 127.0.0.1 the way GitHub Pages does.

- under the path of the site URL it was built for (`/REPO/` on a project site, `/`
  locally), read from the built sitemap;
- a missing path answers 404 with the site's 404.html;
- a folder without its trailing slash is redirected to it; `folder/` serves
  `folder/index.html`;
- optionally gzip-compressed text (`--gzip`), as Pages sends it, for Lighthouse.

    python -m booksite.serve_site [SITE_DIR] [--port 8000] [--gzip]

The browser tests and the Lighthouse audit start it in a thread with `serve()`.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import mimetypes
import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SITE = ROOT / "site"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".ipynb": "application/x-ipynb+json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".png": "image/png",
}
COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/x-ipynb+json", "image/svg+xml")


def sitemap_urls(site_dir: Path) -> list[str]:
    """The page URLs of the built site, as its sitemap lists them (every page, in nav order first)."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        raise FileNotFoundError(f"{sitemap} not found: build the site first (nox -s docs).")
    tree = ET.parse(sitemap)
    return [loc.text.strip() for loc in tree.getroot().iterfind("sm:url/sm:loc", SITEMAP_NS) if loc.text]


def site_url(site_dir: Path) -> str:
    """The site URL the site was built for: the sitemap's home page, a prefix of every other."""
    urls = sitemap_urls(site_dir)
    home = min(urls, key=len)
    if not all(url.startswith(home) for url in urls):
        raise ValueError(f"{site_dir / 'sitemap.xml'} has no home page that prefixes every URL")
    return home


def page_paths(site_dir: Path) -> list[str]:
    """Every page, as a path relative to the site root ("" for the home page)."""
    base = site_url(site_dir)
    return [url.removeprefix(base) for url in sitemap_urls(site_dir)]


NAV_LINK = re.compile(r'<a href="(?P<href>[^"#]+/)" class="md-nav__link')


def nav_paths(site_dir: Path) -> list[str]:
    """The pages of the navigation, in its order, as site paths ("" for the home page)."""
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    return ["", *dict.fromkeys(match["href"] for match in NAV_LINK.finditer(home))]


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    site_dir: Path
    prefix: str  # "/" or "/REPO/"
    compress: bool
    _gzip_cache: dict[Path, bytes]

    def log_message(self, format: str, *args) -> None:  # quiet
        pass

    def guess_type(self, path) -> str:
        return TYPES.get(Path(path).suffix) or mimetypes.guess_type(str(path))[0] or "application/octet-stream"

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")  # what Pages sends
        super().end_headers()

    def resolve(self) -> Path | None:
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.prefix) and path + "/" != self.prefix:
            return None
        relative = path[len(self.prefix) :]
        target = (self.site_dir / relative).resolve()
        if self.site_dir not in (target, *target.parents):
            return None
        return target

    def do_GET(self) -> None:
        self.respond(head=False)

    def do_HEAD(self) -> None:
        self.respond(head=True)

    def respond(self, head: bool) -> None:
        target = self.resolve()
        if target is not None and target.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", urlsplit(self.path).path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
        if target is None or not target.is_file():
            self.send_file(self.site_dir / "404.html", 404, head)
        else:
            self.send_file(target, 200, head)

    def send_file(self, path: Path, status: int, head: bool) -> None:
        content_type = self.guess_type(path)
        body = path.read_bytes()
        encoding = None
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if self.compress and accepts_gzip and content_type.startswith(COMPRESSIBLE):
            if path not in self._gzip_cache:
                self._gzip_cache[path] = gzip.compress(body, compresslevel=6, mtime=0)
            body, encoding = self._gzip_cache[path], "gzip"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.compress:
            self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.end_headers()
        if not head:
            self.wfile.write(body)


@dataclass
class RunningSite:
    origin: str  # http://127.0.0.1:PORT
    prefix: str  # "/" or "/REPO/"

    @property
    def url(self) -> str:
        """The served site's home page."""
        return self.origin + self.prefix

    def page(self, path: str) -> str:
        return self.url + path


def make_server(site_dir: Path, port: int = 0, compress: bool = False) -> tuple[http.server.ThreadingHTTPServer, str]:
    site_dir = site_dir.resolve()
    prefix = urlsplit(site_url(site_dir)).path or "/"
    handler = type(
        "Handler",
        (SiteHandler,),
        {"site_dir": site_dir, "prefix": prefix, "compress": compress, "_gzip_cache": {}},
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(site_dir)))
    return server, prefix


@contextlib.contextmanager
def serve(site_dir: Path = DEFAULT_SITE, compress: bool = False) -> Iterator[RunningSite]:
    """Serve `site_dir` on a free port of 127.0.0.1 in a background thread."""
    server, prefix = make_server(site_dir, compress=compress)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield RunningSite(f"http://{host}:{port}", prefix)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the built site as GitHub Pages would.")
    parser.add_argument("site_dir", nargs="?", type=Path, default=DEFAULT_SITE)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--gzip", action="store_true", help="compress text responses, as Pages does")
    args = parser.parse_args()
    server, prefix = make_server(args.site_dir, args.port, args.gzip)
    print(f"Serving {args.site_dir} on http://127.0.0.1:{args.port}{prefix} (Ctrl-C stops)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
