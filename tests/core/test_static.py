"""Static files: fingerprinted URLs cached for a year, old fingerprints briefly, unknown files 404."""

from __future__ import annotations

import pathlib
import re

import pytest
from flask import url_for

from sonores_lms.assets import ONE_YEAR, STATIC_FOLDER


@pytest.fixture
def static_url(app):
    with app.test_request_context():
        yield lambda filename: url_for("static", filename=filename)


def test_url_for_static_is_fingerprinted(static_url):
    url = static_url("css/app.css")
    assert re.fullmatch(r"/static/css/app\.[0-9a-f]{10}\.css", url)
    assert static_url("css/app.css") == url  # stable
    assert re.fullmatch(r"/static/js/app\.[0-9a-f]{10}\.js", static_url("js/app.js"))
    assert static_url("css/missing.css") == "/static/css/missing.css"  # nothing to fingerprint


def test_fingerprinted_url_is_immutable_for_a_year(client, static_url):
    with client.get(static_url("css/app.css")) as response:
        assert response.status_code == 200
        assert response.get_data() == (STATIC_FOLDER / "css" / "app.css").read_bytes()
        cache = response.headers["Cache-Control"]
    assert "immutable" in cache
    assert f"max-age={ONE_YEAR}" in cache and ONE_YEAR == 31536000


def test_outdated_fingerprint_gets_a_short_cache(client, static_url):
    current = static_url("css/app.css")
    outdated = re.sub(r"\.[0-9a-f]{10}\.", ".0123456789.", current)
    assert outdated != current
    with client.get(outdated) as response:
        assert response.status_code == 200
        cache = response.headers["Cache-Control"]
    assert "immutable" not in cache
    max_age = int(re.search(r"max-age=(\d+)", cache).group(1))
    assert 0 < max_age <= 3600


def test_plain_name_is_served_with_a_short_cache(client):
    with client.get("/static/css/app.css") as response:
        assert response.status_code == 200
        cache = response.headers["Cache-Control"]
    assert "immutable" not in cache


@pytest.mark.parametrize(
    "path",
    [
        "/static/css/nope.css",
        "/static/css/nope.0123456789.css",
        "/static/../pyproject.toml",
        "/static/%2e%2e/pyproject.toml",
        "/static/css/",
    ],
)
def test_unknown_files_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "<h1" in response.get_data(as_text=True)  # the readable error page


def test_every_page_title_block_is_one_line_of_text():
    """A title block left open swallows the page's markup into <title> (it happened to an eco-audit page)."""
    root = pathlib.Path(__file__).resolve().parents[2] / "templates"
    closed = re.compile(r"\{% block title %\}[^<]*\{% endblock %\}")
    unclosed = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "{% block title %}" in line and not closed.search(line)
    ]
    assert unclosed == []
