"""PDFs from Jinja templates, with WeasyPrint fetching nothing but the app's own static files.

A PDF template is HTML that may name images and stylesheets; WeasyPrint would happily read ``file:///etc/passwd``
or call any server. :class:`StaticOnlyFetcher` serves ``url_for('static', ...)`` URLs from the static folder and
``data:`` URLs, and refuses everything else (the resource is then simply left out, with a logged warning).
Templates that admins edit (certificate designs) run in Jinja's sandbox: :func:`render_sandboxed_pdf`.
"""

from __future__ import annotations

import mimetypes
import os.path
import posixpath
import warnings
from typing import Any
from urllib.parse import unquote, urlsplit

from flask import current_app, has_request_context, render_template, request, url_for
from flask_babel import format_date, format_datetime, get_locale
from jinja2 import StrictUndefined, TemplateError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment
from markupsafe import Markup
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse
from werkzeug.security import safe_join

from . import assets
from .extensions import db


class PdfTemplateError(ValueError):
    """An admin-edited template that cannot be rendered (syntax, unsafe access, unknown name); say so, don't 500."""


class StaticOnlyFetcher(URLFetcher):
    """Serves ``data:`` URLs and this app's static files (fingerprinted or not); refuses any other URL."""

    def __init__(self, base_url: str, static_prefix: str) -> None:
        super().__init__(allowed_protocols={"data", "http", "https"}, allow_redirects=False)
        base = urlsplit(base_url)
        self._origin = (base.scheme, base.netloc)
        self._prefix = static_prefix

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if (scheme, parts.netloc) != self._origin or not parts.path.startswith(self._prefix):
            raise ValueError(f"Refused to fetch {url!r}: only the site's own static files are allowed")
        path = self.static_path(unquote(parts.path[len(self._prefix) :]))
        if path is None:
            raise ValueError(f"No static file at {url!r}")
        with open(path, "rb") as handle:
            body = handle.read()
        mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": mime_type})

    @staticmethod
    def static_path(filename: str) -> str | None:
        """The file behind a static name, with the fingerprint (``app.1234567890.css``) taken off."""
        filename = posixpath.normpath(filename)
        match = assets._FINGERPRINTED.match(filename)
        real = match["stem"] + match["ext"] if match else filename
        path = safe_join(str(assets.STATIC_FOLDER), real)
        return path if path is not None and os.path.isfile(path) else None


def _write_pdf(html: str, options: dict[str, Any] | None = None) -> bytes:
    base_url = request.url_root
    prefix = url_for("static", filename="")  # "/static/" (with the script root when mounted below "/")
    fetcher = StaticOnlyFetcher(base_url, prefix)
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    with warnings.catch_warnings():
        # WeasyPrint 70 opens its sRGB profile for PDF/A output and never closes it (the file is dropped, hence
        # closed, as soon as Pillow has read it): a ResourceWarning, harmless, and an error under the tests.
        warnings.simplefilter("ignore", ResourceWarning)
        return document.write_pdf(**(options or {})) or b""


def _in_request(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Run ``fn`` where ``url_for`` works: a job or a CLI command has no request, so make one on ``BASE_URL``."""
    if has_request_context():
        return fn(*args, **kwargs)
    with current_app.test_request_context("/", base_url=current_app.config["BASE_URL"]):
        return fn(*args, **kwargs)


def render_pdf(template_name: str, *, pdf_options: dict[str, Any] | None = None, **context: Any) -> bytes:
    """Render a template of ours (``core/pdf/sample.html``) to PDF bytes. ``pdf_options`` go to WeasyPrint's
    ``write_pdf`` (``{"pdf_variant": "pdf/a-2u"}`` for an archival PDF, say); the document's ``<title>``,
    ``<meta name="author">``, ``<meta name="dcterms.created">`` and ``<html lang>`` become its metadata."""

    def run() -> bytes:
        return _write_pdf(render_template(template_name, **context), pdf_options)

    return _in_request(run)


class PdfSandbox(ImmutableSandboxedEnvironment):
    """No mutation of what the template is given, and no access to database rows at all: callers pass plain
    values (dicts, strings, dates), so a template can neither read a password hash nor change a person."""

    # Big repetitions and powers are how a template exhausts memory.
    intercepted_binops = frozenset({"*", "**"})

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, db.Model):
            return False
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and right > 100:
            raise SecurityError("exponent too large")
        if operator == "*":
            size = max(len(left) if isinstance(left, str | list | tuple) else 0,
                       len(right) if isinstance(right, str | list | tuple) else 0)  # fmt: skip
            count = right if isinstance(right, int) else left if isinstance(left, int) else 1
            if size and count * size > 100_000:
                raise SecurityError("repetition too large")
        return super().call_binop(context, operator, left, right)


def sandboxed_environment() -> SandboxedEnvironment:
    """What an admin-edited template may use: its context, dates in the reader's language, nothing else."""
    env = PdfSandbox(autoescape=True, undefined=StrictUndefined)
    env.filters.update(datetimeformat=format_datetime, dateformat=format_date)
    return env


def render_sandboxed_source(source: str, **context: Any) -> Markup:
    """``source`` rendered in the sandbox; any template fault becomes :class:`PdfTemplateError`."""
    try:
        template = sandboxed_environment().from_string(source)
        return Markup(template.render({"lang": str(get_locale() or "fr"), **context}))  # noqa: S704 - autoescaped
    except TemplateError as error:  # SecurityError and UndefinedError are TemplateErrors
        raise PdfTemplateError(str(error)) from error
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as error:
        raise PdfTemplateError(str(error)) from error


def render_sandboxed_pdf(source: str, **context: Any) -> bytes:
    """Render an admin-edited template to PDF bytes; the static-only fetcher applies as for our own templates."""

    def run() -> bytes:
        return _write_pdf(str(render_sandboxed_source(source, **context)))

    return _in_request(run)
