"""The PDF helper: text survives, only our static files are fetched, admin templates run in the sandbox."""

from __future__ import annotations

import io
import logging

import pytest
from pypdf import PdfReader

from sonores_lms.pdf import PdfTemplateError, StaticOnlyFetcher, render_pdf, render_sandboxed_pdf


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


@pytest.fixture
def request_ctx(app, db):
    with app.test_request_context("/", base_url="http://localhost"):
        yield


def test_render_pdf_keeps_accented_french_text_and_loads_print_css(request_ctx, caplog):
    caplog.set_level(logging.WARNING, logger="weasyprint")
    data = render_pdf(
        "core/pdf/sample.html",
        title="Attestation de réussite",
        body="Élève : Hélène Dœuf, à Pétion-Ville — ça marche, très bien.",
        rows=[("Durée", "12 h"), ("Thème", "Écoresponsabilité")],
    )
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert "Attestation de réussite" in text
    assert "Hélène" in text and "Pétion-Ville" in text and "ça marche, très bien" in text
    assert "Écoresponsabilité" in text
    # The page counter comes from static/css/print.css: the stylesheet was fetched through the fingerprinted URL.
    assert "1 / 1" in text
    assert not [r for r in caplog.records if "print" in r.getMessage()]


def test_render_pdf_works_outside_a_request(app, db):
    with app.app_context():
        data = render_pdf("core/pdf/sample.html", title="Hors requête")
    assert "Hors requête" in pdf_text(data)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/tracker.png",
        "https://localhost.evil.example/static/css/print.css",
        "http://localhost/admin/audit/",  # our own site, but not a static file
        "http://localhost/static/../pyproject.toml",
        "http://localhost/static/%2e%2e/pyproject.toml",
        "ftp://localhost/static/css/print.css",
    ],
)
def test_fetcher_refuses_everything_but_static_files(url):
    fetcher = StaticOnlyFetcher("http://localhost/", "/static/")
    with pytest.raises(ValueError):
        fetcher.fetch(url)


def test_fetcher_serves_static_files_and_data_urls(request_ctx):
    from flask import url_for

    fetcher = StaticOnlyFetcher("http://localhost/", "/static/")
    fingerprinted = url_for("static", filename="css/print.css")
    assert fingerprinted != "/static/css/print.css"
    response = fetcher.fetch("http://localhost" + fingerprinted)
    assert response.content_type == "text/css"
    assert b"@page" in response.read()
    response.close()
    data = fetcher.fetch("data:text/plain;base64,U29ub3Jlcw==")
    assert data.read() == b"Sonores"
    data.close()


def test_outside_and_file_urls_are_not_loaded_but_do_not_fail(request_ctx, caplog, monkeypatch):
    opened = []
    monkeypatch.setattr(
        "urllib.request.OpenerDirector.open", lambda self, *a, **k: opened.append(a) or pytest.fail("network")
    )
    caplog.set_level(logging.WARNING, logger="weasyprint")
    source = (
        "<p>Avant l'image</p>"
        '<img src="file:///etc/passwd" alt="">'
        '<img src="http://example.com/tracker.png" alt="">'
        '<link rel="stylesheet" href="https://cdn.example.com/evil.css">'
        "<p>Après l'image</p>"
    )
    data = render_sandboxed_pdf(source)
    text = pdf_text(data)
    assert "Avant l'image" in text and "Après l'image" in text
    assert "root:" not in text
    assert opened == []
    refused = " ".join(r.getMessage() for r in caplog.records)
    assert "file:///etc/passwd" in refused
    assert "example.com/tracker.png" in refused


def test_sandbox_renders_context_with_autoescape(request_ctx):
    data = render_sandboxed_pdf("<h1>Bonjour {{ name }}</h1><p>{{ html }}</p>", name="Zoé", html="<b>gras</b>")
    text = pdf_text(data)
    assert "Bonjour Zoé" in text
    assert "<b>gras</b>" in text  # escaped, so printed as text rather than made bold


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ name.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
        "{{ config }}",
        "{{ '{0.__class__.__mro__}'.format(name) }}",
    ],
)
def test_sandbox_refuses_unsafe_access(request_ctx, source):
    with pytest.raises(PdfTemplateError):
        render_sandboxed_pdf(source, name="Zoé")


def test_sandbox_reports_syntax_errors(request_ctx):
    with pytest.raises(PdfTemplateError):
        render_sandboxed_pdf("{% if %}")


def test_render_pdf_passes_weasyprint_options_such_as_a_pdf_a_variant(request_ctx):
    plain = render_pdf("core/pdf/sample.html", title="Archive")
    archival = render_pdf("core/pdf/sample.html", title="Archive", pdf_options={"pdf_variant": "pdf/a-2u"})
    assert PdfReader(io.BytesIO(plain)).xmp_metadata is None
    xmp = PdfReader(io.BytesIO(archival)).xmp_metadata
    assert xmp is not None and b"pdfaid" in xmp.stream.get_data()
    assert "Archive" in pdf_text(archival)
