"""What a first visit downloads, for pages people open on slow links: small, all from this site, cached long.

The HTML of each page is parsed for the files it loads (stylesheets, scripts, images, icons, and what stylesheets
pull in with ``url()``); each is fetched through the test client and its bytes are added up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

BUDGET = 100 * 1024
MIN_MAX_AGE = 180 * 24 * 3600
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.[A-Za-z0-9]+$")
LOADED_LINKS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "manifest"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
SITE_HOST = "localhost"

PAGES = [
    pytest.param("/", None, 200, id="home"),
    pytest.param("/sign-in", None, 200, id="sign-in"),
    pytest.param("/password/forgot", None, 200, id="password-forgot"),
    pytest.param("/no-such-page", None, 404, id="not-found"),
    pytest.param("/dashboard", "staff", 200, id="dashboard"),
    pytest.param("/account/profile", "staff", 200, id="profile"),
]


class ResourceParser(HTMLParser):
    """Collects the URLs a browser would download to show the page (not the links it merely offers)."""

    def __init__(self) -> None:
        super().__init__()
        self.resources: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and values.get("href"):
            rels = set(values.get("rel", "").lower().split())
            if rels & LOADED_LINKS:
                self.resources.append((f"link rel={values.get('rel')}", values["href"]))
        elif tag in {"script", "img", "iframe", "audio", "video", "source", "embed"} and values.get("src"):
            self.resources.append((tag, values["src"]))
        elif tag == "object" and values.get("data"):
            self.resources.append((tag, values["data"]))


@dataclass
class Fetched:
    url: str
    kind: str
    status: int
    size: int
    cache_control: str
    body: bytes = field(repr=False)


def fetch(client: Any, url: str) -> tuple[int, dict[str, str], bytes]:
    response = client.get(url)
    try:
        return response.status_code, dict(response.headers), response.get_data()
    finally:
        response.close()


def is_off_site(url: str) -> bool:
    if url.startswith("//"):
        return True
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and parts.hostname != SITE_HOST


def max_age(cache_control: str) -> int:
    match = re.search(r"max-age=(\d+)", cache_control)
    return int(match.group(1)) if match else 0


def first_visit(client: Any, path: str) -> tuple[int, bytes, list[Fetched], list[str]]:
    """The page, every file it loads (once each), and the references that point off the site."""
    status, _headers, html = fetch(client, path)
    parser = ResourceParser()
    parser.feed(html.decode("utf-8"))
    queue = [(kind, urljoin(path, url)) for kind, url in parser.resources]
    seen: set[str] = set()
    fetched: list[Fetched] = []
    off_site: list[str] = []
    while queue:
        kind, url = queue.pop(0)
        if url.startswith("data:"):
            continue
        if is_off_site(url):
            off_site.append(f"{kind}: {url}")
            continue
        local = urlsplit(url)._replace(scheme="", netloc="").geturl()
        if local in seen:
            continue
        seen.add(local)
        code, headers, body = fetch(client, local)
        fetched.append(Fetched(local, kind, code, len(body), headers.get("Cache-Control", ""), body))
        if headers.get("Content-Type", "").startswith("text/css"):
            for match in CSS_URL.finditer(body.decode("utf-8")):
                queue.append(("css url()", urljoin(local, match.group(1) or match.group(2))))
    return status, html, fetched, off_site


@pytest.mark.parametrize(("path", "role", "expected_status"), PAGES)
def test_first_visit_is_light_local_and_cacheable(request, path, role, expected_status):
    client = request.getfixturevalue("client_as")(role) if role else request.getfixturevalue("client")
    status, html, fetched, off_site = first_visit(client, path)
    assert status == expected_status

    kinds = {item.kind.split()[0] for item in fetched}
    assert {"link", "script"} <= kinds, f"the page should load the site's stylesheet and script: {fetched}"
    assert off_site == [], f"{path} loads files from elsewhere: {off_site}"

    broken = [(item.url, item.status) for item in fetched if item.status != 200]
    assert broken == [], f"{path} references files that do not load"

    total = len(html) + sum(item.size for item in fetched)
    breakdown = "\n".join(f"  {item.size:>7} B  {item.url}" for item in fetched)
    assert total < BUDGET, (
        f"{path}: {total} B on a first visit (budget {BUDGET} B)\n  {len(html):>7} B  HTML\n{breakdown}"
    )

    for item in fetched:
        assert FINGERPRINTED.search(urlsplit(item.url).path), f"{item.url} has no fingerprint in its name"
        assert max_age(item.cache_control) >= MIN_MAX_AGE, f"{item.url}: Cache-Control {item.cache_control!r}"


def test_parser_finds_loaded_files_and_off_site_references():
    """The helpers themselves: a CDN script and a protocol-relative stylesheet are caught, plain links ignored."""
    parser = ResourceParser()
    parser.feed(
        '<link rel="stylesheet" href="//cdn.example.net/x.css"><link rel="canonical" href="https://elsewhere.org/">'
        '<script src="https://cdn.example.net/lib.js"></script><img src="/static/img/a.1234567890.svg">'
        '<a href="https://www.alliancefr.org/">network</a>'
    )
    urls = [url for _kind, url in parser.resources]
    assert urls == ["//cdn.example.net/x.css", "https://cdn.example.net/lib.js", "/static/img/a.1234567890.svg"]
    assert [is_off_site(url) for url in urls] == [True, True, False]
    assert not is_off_site("http://localhost/static/css/app.css")
